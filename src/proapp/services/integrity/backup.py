"""Backups and restore of a SQLite database.

A backup is made with SQLite's online backup API, so it is consistent even while another
workstation writes, is switched to a single self-contained file (no -wal), checked, fsynced
and only then given its final name. Automatic backups run at the first start of each day and
are rotated grandfather-father-son by the date in their name: the newest backup of each of the
last 7 days, 4 ISO weeks and 12 months that have backups is kept.

Restore never damages what is there: the backup is checked first (SQLite integrity, a proapp
database, a schema this app knows, an intact change log), copied to a temporary file in the
database's folder and fsynced; the current database is switched out of WAL mode (which fails
while any other program has it open, so a running proapp elsewhere is detected), copied aside
with a time stamp, and the new file is moved into place with one atomic ``os.replace``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from proapp import atomic, paths
from proapp.db import changelog, keys
from proapp.db.engine import Database
from proapp.db.installation import ChainKey
from proapp.db.migrate import (
    DatabaseRefused,
    FileState,
    inspect_sqlite_file,
    restrict_file,
)
from proapp.db.models import AccessLog, ChangeLog
from proapp.db.schema import verify_file
from proapp.db.sqlite_files import (
    CopyCheckFailed,
    copy_database,
    open_read_only,
    read_only_database,
)
from proapp.domain.actor import Actor, Permission
from proapp.services import settings
from proapp.services.accounts.access import check
from proapp.services.errors import UserError
from proapp.services.integrity import server_backup
from proapp.services.integrity.guard import refuse_protected

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

NAME_RE = re.compile(r"^proapp-(\d{8})-(\d{6})(?:\.\d+)?\.(?:db|dump)$")  # .dump: server
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


class RestoreRefused(UserError):
    """The backup cannot be restored (damaged, not proapp, too new, or the database is in
    use); nothing was changed."""


def default_backup_dir() -> Path:
    return paths.data_dir() / "backups"


def configured_backup_dir(db: Database) -> Path | None:
    configured = settings.get(db, "backup_dir").strip()
    return Path(configured).expanduser() if configured else None


def backup_dir(db: Database) -> Path:
    """The setting ``backup_dir``, else ``<data folder>/backups``; created private (0700)."""
    return paths.ensure_private_dir(configured_backup_dir(db) or default_backup_dir())


def _require_file(db: Database) -> Path:
    p = db.path
    if p is None:
        raise UserError("Backups of a server database are made with the server's own tools "
                        "(e.g. pg_dump); proapp backs up local SQLite files only")
    return p


def _copy_consistent(source: Path, target: Path) -> None:
    """Online backup of ``source`` into the new or empty file ``target``, checked, flushed."""
    try:
        copy_database(source, target, check="quick_check")
    except CopyCheckFailed as exc:
        raise UserError(f"The backup copy failed its check ({exc.result})") from None


def make_backup(db: Database, folder: Path | None = None, *, now: datetime | None = None) -> Path:
    """Write ``proapp-YYYYMMDD-HHMMSS.db`` into ``folder`` (default: the backup folder); on a
    server database ``proapp-YYYYMMDD-HHMMSS.dump`` made by pg_dump (server_backup.py)."""
    folder = paths.ensure_private_dir(folder) if folder is not None else backup_dir(db)
    now = now or datetime.now()
    suffix = ".db" if db.path is not None else server_backup.SUFFIX
    name = f"proapp-{now:%Y%m%d-%H%M%S}{suffix}"
    target = folder / name
    n = 1
    while target.exists():  # two backups in the same second: never overwrite one
        target = folder / f"proapp-{now:%Y%m%d-%H%M%S}.{n}{suffix}"
        n += 1
    _remove_stale_partials(folder)
    # The name rotate() recognises as a half-written copy if this process dies; the lock file
    # beside it says its writer is alive.
    partial = folder / f".{target.name}.partial-{os.getpid()}"
    with _held(folder / f".{target.name}.lock-{os.getpid()}"), \
            atomic.staged(target, temp=partial) as temp:
        if db.path is None:
            server_backup.dump(db, temp)
        else:
            _copy_consistent(_require_file(db), temp)
    _write_metadata(db, target)
    _remember_folder(db, folder)
    log.info("backup written to %s", target)
    return target


@contextlib.contextmanager
def _held(lock_path: Path) -> Iterator[None]:
    """A lock file held (flock) while a backup is being written: the next backup into the
    folder removes half-written copies whose writer no longer holds its lock (killed)."""
    fd = os.open(lock_path, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            lock_path.unlink()


def _writer_alive(lock_path: Path) -> bool:
    if fcntl is None:
        return lock_path.exists()
    try:
        fd = os.open(lock_path, os.O_WRONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def metadata_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def _metadata_mac(key: bytes, doc: dict[str, object]) -> str:
    body = {k: v for k, v in doc.items() if k != "mac"}
    return keys.mac(key, json.dumps(body, sort_keys=True, separators=(",", ":")))


def _write_metadata(db: Database, target: Path) -> None:
    """The change and access logs' heads at backup time, MACed: ``check`` compares the live
    logs with them, and so sees rows removed after the backup even if the backup file itself
    was changed."""
    try:
        chain = db.chain()
    except keys.KeyMissing:
        return
    with db.read() as s:
        log_head = changelog.head(s) or (0, "")
        access_head = changelog.head(s, AccessLog) or (0, "")
    doc: dict[str, object] = {"installation": chain.installation, "backup": target.name,
                              "log_id": log_head[0], "log_mac": log_head[1],
                              "access_id": access_head[0], "access_mac": access_head[1]}
    doc["mac"] = _metadata_mac(chain.key, doc)
    keys.atomic_write(metadata_path(target), (json.dumps(doc, indent=1) + "\n").encode())


def read_metadata(backup: Path, chain: ChainKey) -> dict[str, object] | None:
    """The backup's metadata when present and genuine (its MAC verifies with our key)."""
    try:
        doc = json.loads(metadata_path(backup).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("installation") != chain.installation:
        return None
    if doc.get("mac") != _metadata_mac(chain.key, doc):
        return {"forged": True}
    return doc


def _remember_folder(db: Database, folder: Path) -> None:
    """The anchor lists every folder this workstation backed the database up into, so check
    looks there even if the ``backup_dir`` setting is moved."""
    try:
        chain = db.chain()
    except keys.KeyMissing:
        return
    name = str(folder.resolve())

    def listed(anchor: keys.Anchor) -> keys.Anchor:
        if name in anchor.backup_dirs:
            return anchor
        return dataclasses.replace(anchor, backup_dirs=(*anchor.backup_dirs, name))

    with contextlib.suppress(OSError):
        keys.update_anchor(chain.installation, db.display_name, listed)


def backup_now(db: Database, actor: Actor, folder: Path | None = None) -> Path:
    """A backup asked for by a user (``proapp backup``); rotated when in the backup folder.

    A backup holds every account's password hash: into the backup folder (0700) any role may
    write one, anywhere else (``--to DIR``) only an administrator."""
    if folder is not None:
        check(db, actor, Permission.BACKUP_ANYWHERE)
        refuse_protected(db, [folder], what="backup")
    else:
        check(db, actor, Permission.BACKUP)
    target = make_backup(db, folder)
    if folder is None:
        rotate(target.parent, retention(db))
    return target


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: datetime


def list_backups(folder: Path) -> list[BackupFile]:
    """Backups named by proapp in ``folder``, newest first."""
    out: list[BackupFile] = []
    if not folder.is_dir():
        return out
    for p in folder.iterdir():
        m = NAME_RE.match(p.name)
        if m and p.is_file():
            try:
                out.append(BackupFile(p, datetime.strptime(m[1] + m[2], "%Y%m%d%H%M%S")))
            except ValueError:
                continue
    return sorted(out, key=lambda b: (b.taken, b.path.name), reverse=True)


def keep_set(backups: Iterable[BackupFile], daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY,
             monthly: int = KEEP_MONTHLY) -> set[Path]:
    """Grandfather-father-son: the newest backup of each of the most recent ``daily`` days,
    ``weekly`` ISO weeks and ``monthly`` months."""
    keep: set[Path] = set()
    newest_first = sorted(backups, key=lambda b: (b.taken, b.path.name), reverse=True)
    for key_of, limit in ((lambda d: d.date(), daily),
                          (lambda d: d.isocalendar()[:2], weekly),
                          (lambda d: (d.year, d.month), monthly)):
        seen: set[object] = set()
        for b in newest_first:
            k = key_of(b.taken)
            if k in seen:
                continue
            if len(seen) == limit:
                break
            seen.add(k)
            keep.add(b.path)
    return keep


def _remove_stale_partials(folder: Path) -> None:
    """Half-written copies left by a backup that was killed (never a finished backup, never
    one still being written: its writer holds the lock file of the same name)."""
    for p in folder.glob(".proapp-*.partial-*"):
        name, _, pid = p.name.rpartition(".partial-")
        lock = folder / f"{name}.lock-{pid}"
        if _writer_alive(lock):
            continue
        with contextlib.suppress(OSError):
            p.unlink()
            log.info("removed %s, left by a backup that did not finish", p.name)
        with contextlib.suppress(OSError):
            lock.unlink()


def retention(db: Database) -> tuple[int, int, int]:
    """Daily, weekly and monthly backups to keep (clinic settings ``backup_keep_*``)."""
    return (settings.get_int(db, "backup_keep_daily"), settings.get_int(db, "backup_keep_weekly"),
            settings.get_int(db, "backup_keep_monthly"))


def rotate(folder: Path, keep_counts: tuple[int, int, int] = (KEEP_DAILY, KEEP_WEEKLY,
                                                              KEEP_MONTHLY)) -> list[Path]:
    """Delete the backups the rotation no longer keeps; returns what was deleted."""
    _remove_stale_partials(folder)
    backups = list_backups(folder)
    keep = keep_set(backups, *keep_counts)
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink()
            with contextlib.suppress(FileNotFoundError):
                metadata_path(b.path).unlink()
            removed.append(b.path)
    if removed:
        log.info("backup rotation removed %d old backups", len(removed))
    return removed


def ensure_daily_backup(db: Database, today: date | None = None) -> Path | None:
    """At start-up: a backup unless one from today is already in the backup folder. On a
    server database only where pg_dump is installed (workstations usually have none: IT
    schedules `proapp backup` on a computer that has it)."""
    if db.path is None:
        try:
            server_backup.find_program("pg_dump")
        except server_backup.ServerToolMissing:
            return None
    elif not db.path.exists():
        return None
    folder = backup_dir(db)
    today = today or date.today()
    if any(b.taken.date() == today for b in list_backups(folder)):
        return None
    target = make_backup(db, folder)
    rotate(folder, retention(db))
    return target


# --- restore -------------------------------------------------------------------------------


def backup_installation(path: Path) -> str | None:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        has = con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND "
                          "name='installation'").fetchone()
        row = con.execute("SELECT id FROM installation").fetchone() if has else None
    finally:
        con.close()
    return str(row[0]) if row else None


def check_backup(path: Path, installation: str | None = None) -> str:
    """Everything that must hold before ``path`` may replace a database; returns its schema
    revision. Read-only.

    The backup must be a sound SQLite file of proapp at a revision this version knows, with
    exactly the schema proapp's migrations make (no planted trigger or view), a keyed change
    log that verifies with this computer's key, and (when ``installation`` is given, i.e. the
    current database is readable) belong to the same installation."""
    if not path.is_file():
        raise RestoreRefused(f"{path} does not exist or is not a file")
    try:
        info = inspect_sqlite_file(path)
        if info.state is FileState.PROAPP:
            assert info.revision is not None
            verify_file(path, info.revision, what="backup")
    except DatabaseRefused as exc:
        raise RestoreRefused(f"Not restored: {exc}") from exc
    if info.state is not FileState.PROAPP:
        raise RestoreRefused(f"Not restored: {path} is an empty database, not a proapp backup")
    con = open_read_only(path, timeout=5.0)
    try:
        result = [r[0] for r in con.execute("PRAGMA integrity_check")]
    finally:
        con.close()
    if result != ["ok"]:
        raise RestoreRefused(f"Not restored: {path} fails the integrity check "
                             f"({'; '.join(result[:5])})")
    owner = backup_installation(path)
    if installation is not None and owner is not None and owner != installation:
        raise RestoreRefused(f"Not restored: {path} is a backup of another database "
                             f"(installation {owner}, this one is {installation})")
    copy = read_only_database(path)
    try:
        with copy.read() as s:
            _n, broken = changelog.verify_chain(s)
    except keys.KeyMissing as exc:
        raise RestoreRefused(f"Not restored: the integrity key of {path} (installation "
                             f"{owner}) is not installed on this computer, so its change log "
                             "cannot be verified. Install the key first (proapp key "
                             "import).") from exc
    finally:
        copy.dispose()
    if broken is not None:
        raise RestoreRefused(f"Not restored: the change log in {path} was tampered with at "
                             f"row {broken.row_id}")
    assert info.revision is not None
    return info.revision


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    database: Path
    replaced_saved_as: Path | None
    revision: str


def _leave_wal(path: Path) -> sqlite3.Connection | None:
    """Take the current database out of WAL mode and hold an exclusive lock on it.

    Leaving WAL mode needs every other connection closed, so this is also how a proapp
    still running elsewhere is detected. Returns None for a file SQLite cannot use (damaged):
    it is then kept aside as raw bytes.
    """
    try:
        con = sqlite3.connect(path, timeout=5, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        con.execute("PRAGMA busy_timeout=5000")
        mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise RestoreRefused("Not restored: the database is open in another proapp window "
                                 "or program; close it everywhere and try again")
        con.execute("BEGIN EXCLUSIVE")
        return con
    except sqlite3.OperationalError as exc:
        con.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise RestoreRefused("Not restored: the database is in use by another proapp; "
                                 "close it everywhere and try again") from exc
        return None
    except sqlite3.DatabaseError:
        con.close()
        return None
    except BaseException:
        con.close()
        raise


def owner_phrase(database_path: Path) -> str:
    """What the owner of the data folder types to restore without an account."""
    return f"restore {database_path.name}"


def owner_actor() -> Actor:
    import getpass

    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "unknown"
    return Actor(f"owner:{name}")


def _owns(folder: Path) -> bool:
    if os.name != "posix":
        return os.access(folder, os.W_OK)
    try:
        return folder.stat().st_uid == os.getuid()
    except OSError:
        return False


def _authorise_restore(database_path: Path, actor: Actor,
                       owner_confirmation: str | None) -> str | None:
    """Who may replace the database: an administrator of the CURRENT database (re-read now),
    never an account of the backup. When the current database cannot be read at all, only the
    OS user who owns its folder, with the typed confirmation. Returns the current
    installation id (None when unreadable)."""
    from proapp.db import installation
    from proapp.db.errors import StorageError
    from proapp.db.migrate import open_database

    try:
        current = open_database(database_path, migrate=False, create=False)
    except StorageError as exc:
        reason = str(exc)
    else:
        try:
            check(current, actor, Permission.RESTORE)
            with current.engine.connect() as conn:
                return installation.installation_id(conn)
        finally:
            current.dispose()
    if owner_confirmation is None:
        raise RestoreRefused(
            f"Not restored: the current database cannot be opened ({reason}), so no account "
            "can authorise the restore. The owner of the data folder may restore it: "
            "`proapp restore FILE --owner` and type the confirmation asked for.")
    if not _owns(database_path.parent):
        raise RestoreRefused(f"Not restored: only the owner of {database_path.parent} may "
                             "restore without an account")
    if owner_confirmation.strip() != owner_phrase(database_path):
        raise RestoreRefused("Not restored: the confirmation was not typed as asked")
    log.warning("restore of %s authorised by the folder owner %s (the database could not be "
                "opened: %s)", database_path, actor.username, reason)
    return None


def restore(database_path: Path, backup: Path, actor: Actor, *,
            owner_confirmation: str | None = None,
            now: datetime | None = None) -> RestoreResult:
    """Replace ``database_path`` by ``backup`` (see the module docstring and
    :func:`_authorise_restore`)."""
    from proapp.services.integrity.guard import JOURNALS

    database_path = database_path.resolve()
    backup = backup.resolve()
    if backup in {database_path, *(database_path.with_name(database_path.name + j)
                                   for j in JOURNALS)}:
        raise RestoreRefused("Not restored: the backup is the database itself (or one of its "
                             "journal files)")
    current_installation = _authorise_restore(database_path, actor, owner_confirmation)
    revision = check_backup(backup, current_installation)
    folder = paths.ensure_private_dir(database_path.parent)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    temp = folder / f".{database_path.name}.restore-{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
    saved: Path | None = None
    try:
        _copy_consistent(backup, temp)
        lock = _leave_wal(database_path) if database_path.exists() else None
        try:
            if database_path.exists():
                stem, suffix = database_path.stem, database_path.suffix
                saved = folder / f"{stem}.replaced-{stamp}{suffix}"
                n = 1
                while saved.exists():
                    saved = folder / f"{stem}.replaced-{stamp}.{n}{suffix}"
                    n += 1
                shutil.copyfile(database_path, saved)
                restrict_file(saved)
                atomic.fsync_file(saved)
                # A damaged database's journal files are kept with it, for forensics.
                for suffix in ("-wal", "-shm", "-journal"):
                    extra = database_path.with_name(database_path.name + suffix)
                    if extra.exists() and lock is None:
                        shutil.copyfile(extra, saved.with_name(saved.name + suffix))
                        restrict_file(saved.with_name(saved.name + suffix))
            atomic.commit(temp, database_path)
            # Journal files of the replaced database must never be applied to the new one.
            for suffix in ("-wal", "-shm", "-journal"):
                with contextlib.suppress(FileNotFoundError):
                    database_path.with_name(database_path.name + suffix).unlink()
        finally:
            if lock is not None:
                with contextlib.suppress(sqlite3.Error):
                    lock.rollback()
                lock.close()
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    restrict_file(database_path)
    # The anchors of this path described the replaced database: start again from the
    # restored one (the restore row below writes the new anchor).
    for a in keys.anchors_for_database(str(database_path)):
        keys.forget_anchor(a.installation, a.database)
    log.info("database %s restored from %s by %s; replaced file kept as %s", database_path,
             backup, actor.username, saved)
    _log_restore(database_path, backup, saved, actor)
    return RestoreResult(backup, database_path, saved, revision)


def _log_restore(database_path: Path, backup: Path, saved: Path | None, actor: Actor) -> None:
    """The restored database's log says it was restored (and from what). This also starts a
    new timeline for :func:`compare_with_backup`: backups taken before the restore describe
    the replaced database and are not compared any more."""
    from proapp.db.migrate import open_database

    db = open_database(database_path)
    try:
        with db.write(actor, "database restored from a backup") as s:
            changelog.append(s, [changelog.Change(
                "restore", "database", None, None, None,
                {"backup": backup.name, "replaced_saved_as": saved.name if saved else None})])
    finally:
        db.dispose()


# --- truncation check against the newest backup ---------------------------------------------


@dataclass(frozen=True)
class LogAnchor:
    backup: Path
    last_id: int
    last_hash: str
    problem: str | None


def compare_with_backup(db: Database, backup: Path) -> LogAnchor | None:
    """The change log in a backup must be a prefix of the current one: a current log that
    lacks the backup's last row (same id, same hash) was truncated or rewritten since."""
    if backup.suffix == server_backup.SUFFIX:
        try:
            first_row, row = server_backup.first_and_last(backup)
        except UserError:
            return None
        first = (first_row[1],) if first_row else None
        return _compare_anchor(db, backup, row, first)
    try:
        con = open_read_only(backup, timeout=5.0)
        try:
            row = con.execute("SELECT id, hash FROM change_log ORDER BY id DESC LIMIT 1"
                              ).fetchone()
            first = con.execute("SELECT hash FROM change_log ORDER BY id LIMIT 1").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return _compare_anchor(db, backup, row, first)


def _compare_anchor(db: Database, backup: Path, row: tuple[Any, ...] | None,
                    first: tuple[Any, ...] | None) -> LogAnchor | None:
    if row is None:
        return None
    last_id, last_hash = int(row[0]), str(row[1])
    with db.read() as s:
        current = s.scalar(select(ChangeLog.hash).where(ChangeLog.id == last_id))
        own_first = s.scalar(select(ChangeLog.hash).order_by(ChangeLog.id).limit(1))
    if first is None or (own_first is not None and own_first != first[0]):
        return None  # a backup of another database (its log starts differently)
    problem = None
    if current is None:
        problem = (f"row {last_id}, present in the backup {backup.name}, is missing: the "
                   "newest change-log rows were removed")
    elif current != last_hash:
        problem = (f"row {last_id} differs from the backup {backup.name}: the change log was "
                   "rewritten")
    return LogAnchor(backup, last_id, last_hash, problem)


def newest_backup(db: Database) -> Path | None:
    """The newest backup taken after the database's last restore (older ones belong to the
    database the restore replaced)."""
    # The setting alone must not steer the check: the default folder and every folder this
    # computer backed the database up into (recorded in the anchor) are looked at too.
    configured = configured_backup_dir(db)
    folders = {default_backup_dir(), *([configured] if configured is not None else [])}
    try:
        chain = db.chain()
        anchor = keys.read_anchor(chain.installation, db.display_name)
        folders |= {Path(f) for f in (anchor.backup_dirs if anchor else ())}
    except keys.KeyMissing:
        pass
    backups = sorted((b for f in folders for b in list_backups(f)),
                     key=lambda b: (b.taken, b.path.name), reverse=True)
    with db.read() as s:
        restored_at = s.scalar(select(func.max(ChangeLog.at)).where(ChangeLog.action
                                                                    == "restore"))
    if restored_at:
        since = datetime.fromisoformat(restored_at.replace("Z", "+00:00")).astimezone()
        since_local = since.replace(tzinfo=None, microsecond=0)
        backups = [b for b in backups if b.taken >= since_local]
    return backups[0].path if backups else None
