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
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from proapp import atomic, paths
from proapp.db import changelog
from proapp.db.engine import Database
from proapp.db.migrate import (
    DatabaseRefused,
    FileState,
    inspect_sqlite_file,
    restrict_file,
)
from proapp.db.models import ChangeLog
from proapp.db.sqlite_files import (
    CopyCheckFailed,
    copy_database,
    open_read_only,
    read_only_database,
)
from proapp.domain.actor import Actor, Permission
from proapp.services import settings
from proapp.services.accounts.access import require
from proapp.services.errors import UserError
from proapp.services.integrity import server_backup

log = logging.getLogger(__name__)

NAME_RE = re.compile(r"^proapp-(\d{8})-(\d{6})(?:\.\d+)?\.(?:db|dump)$")  # .dump: server
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


class RestoreRefused(UserError):
    """The backup cannot be restored (damaged, not proapp, too new, or the database is in
    use); nothing was changed."""


def default_backup_dir() -> Path:
    return paths.data_dir() / "backups"


def backup_dir(db: Database) -> Path:
    """The setting ``backup_dir``, else ``<data folder>/backups``; created private (0700)."""
    configured = settings.get(db, "backup_dir").strip()
    folder = Path(configured).expanduser() if configured else default_backup_dir()
    return paths.ensure_private_dir(folder)


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
    # The name rotate() recognises as a half-written copy if this process dies.
    partial = folder / f".{target.name}.partial-{os.getpid()}"
    with atomic.staged(target, temp=partial) as temp:
        if db.path is None:
            server_backup.dump(db, temp)
        else:
            _copy_consistent(_require_file(db), temp)
    log.info("backup written to %s", target)
    return target


def backup_now(db: Database, actor: Actor, folder: Path | None = None) -> Path:
    """A backup asked for by a user (``proapp backup``); rotated when in the backup folder."""
    require(actor, Permission.BACKUP)
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


def _remove_stale_partials(folder: Path, older_than_s: float = 3600) -> None:
    """Half-written copies left by a backup that crashed (never a finished backup)."""
    limit = datetime.now().timestamp() - older_than_s
    for p in folder.glob(".proapp-*.partial-*"):
        with contextlib.suppress(OSError):
            if p.stat().st_mtime < limit:
                p.unlink()


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


def check_backup(path: Path) -> str:
    """Everything that must hold before ``path`` may replace a database; returns its schema
    revision. Read-only."""
    if not path.is_file():
        raise RestoreRefused(f"{path} does not exist or is not a file")
    try:
        info = inspect_sqlite_file(path)
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
    copy = read_only_database(path)
    try:
        with copy.read() as s:
            _n, broken = changelog.verify_chain(s)
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


def restore(database_path: Path, backup: Path, actor: Actor, *,
            now: datetime | None = None) -> RestoreResult:
    """Replace ``database_path`` by ``backup`` (admin only; see the module docstring)."""
    require(actor, Permission.RESTORE)
    database_path = database_path.resolve()
    backup = backup.resolve()
    if backup == database_path:
        raise RestoreRefused("Not restored: the backup is the database itself")
    revision = check_backup(backup)
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
    configured = settings.get(db, "backup_dir").strip()
    folder = Path(configured).expanduser() if configured else default_backup_dir()
    backups = list_backups(folder)
    with db.read() as s:
        restored_at = s.scalar(select(func.max(ChangeLog.at)).where(ChangeLog.action
                                                                    == "restore"))
    if restored_at:
        since = datetime.fromisoformat(restored_at.replace("Z", "+00:00")).astimezone()
        since_local = since.replace(tzinfo=None, microsecond=0)
        backups = [b for b in backups if b.taken >= since_local]
    return backups[0].path if backups else None
