"""Backups and restore of a PostgreSQL database with the server's own tools.

The counterpart of SQLite's online backup API is ``pg_dump --format=custom``: one consistent
snapshot (a single REPEATABLE READ transaction) while the workstations keep writing. Like a
SQLite backup it is written under a temporary name, checked (``pg_restore --list`` reads the
whole archive's table of contents), fsynced and only then named ``proapp-YYYYMMDD-HHMMSS.dump``
in the same folder and with the same rotation as the SQLite backups.

Restore goes into an **empty** database only (never over a live one: a clinic restores into a
new database and points the workstations at it): the archive is checked first (no trigger,
function, view or rule that proapp's migrations do not make; the installation row sealed with
this computer's key; the change log's keyed chain read from its data), then ``pg_restore
--single-transaction --exit-on-error`` loads it all or nothing, and the restore is the first
new row of the restored change log. Who may restore is decided, before anything is loaded,
by the CURRENT database (the one the workstations use now, which the restored one is to
replace), as on SQLite: an active administrator of it signs in, and it must be the same
installation as the archive. Never an account of the backup, which may hold an administrator
removed or demoted since. When the current database cannot be opened at all, only the
PostgreSQL role that owns the new database may restore, with a typed confirmation.

The password never appears on a command line (``ps`` shows those to every user): the programs
get it through ``PGPASSWORD`` in their environment, or from the pgpass file.
"""

from __future__ import annotations

import glob
import logging
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from proapp.db import changelog, installation, keys
from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.services.errors import UserError

log = logging.getLogger(__name__)

SUFFIX = ".dump"
ENV_BIN = "PROAPP_PG_BIN"  # folder holding pg_dump / pg_restore, when not on the PATH
_INT_FIELDS = {"id", "user_id", "entity_id", "patient_id", "visit_id"}


class ServerToolMissing(UserError):
    """pg_dump / pg_restore are not installed on this computer."""


def find_program(name: str) -> str:
    """``$PROAPP_PG_BIN/name``, else the PATH, else the newest PostgreSQL in the usual
    places (Debian/Ubuntu, Windows installer, Homebrew, Postgres.app)."""
    exe = name + (".exe" if os.name == "nt" else "")
    folder = os.environ.get(ENV_BIN)
    if folder and (Path(folder) / exe).is_file():
        return str(Path(folder) / exe)
    found = shutil.which(name)
    if found:
        return found
    patterns = ["/usr/lib/postgresql/*/bin", "C:/Program Files/PostgreSQL/*/bin",
                "/opt/homebrew/opt/postgresql*/bin", "/usr/local/opt/postgresql*/bin",
                "/Applications/Postgres.app/Contents/Versions/*/bin"]
    candidates = [Path(d) / exe for p in patterns for d in glob.glob(p)]
    candidates = [c for c in candidates if c.is_file()]
    if candidates:
        return str(max(candidates, key=lambda c: _version_key(c.parent.parent.name)))
    raise ServerToolMissing(
        f"{name} was not found on this computer. Install the PostgreSQL client programs "
        f"(Debian/Ubuntu: apt-get install postgresql-client) or set {ENV_BIN} to their folder.")


def _version_key(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in "".join(c if c.isdigit() else " " for c in text).split()) or (0,)


def conninfo(url: str) -> tuple[str, dict[str, str]]:
    """libpq connection string (without the password) and the environment for the tools."""
    u = make_url(url)
    parts: dict[str, Any] = {"dbname": u.database, "user": u.username, "host": u.host,
                             "port": u.port}
    for key, value in u.query.items():  # sslmode, host=/socket/dir, passfile, ...
        parts[key] = value if isinstance(value, str) else value[-1]
    text = " ".join(f"{k}={_quote(str(v))}" for k, v in parts.items() if v not in (None, ""))
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = str(u.password)
    from proapp.db import server

    passfile = server.password_file()
    if passfile.is_file() and "passfile" not in parts:
        env.setdefault("PGPASSFILE", str(passfile))
    return text, env


def _quote(value: str) -> str:
    if value and all(c.isalnum() or c in "._-/:" for c in value):
        return value
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _run(args: list[str], env: dict[str, str], what: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        detail = proc.stderr.strip().splitlines()[-1:] or ["no message"]
        raise UserError(f"{what} failed: {detail[0]}")
    return proc


def dump(db: Database, target: Path) -> None:
    """A consistent custom-format archive of the whole database in ``target`` (a new or empty
    file, 0600), checked and fsynced."""
    info, env = conninfo(db.url)
    fd = os.open(target, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)  # new, or made empty
    os.close(fd)
    _run([find_program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
          f"--file={target}", f"--dbname={info}"], env, "The backup (pg_dump)")
    check_archive(target)
    os.chmod(target, 0o600)
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_archive(path: Path) -> list[str]:
    """The archive's table of contents (pg_restore reads the whole header); refuses what is
    not a readable custom-format archive of a proapp database."""
    proc = subprocess.run([find_program("pg_restore"), "--list", str(path)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise UserError(f"{path.name} is not a readable PostgreSQL backup "
                        f"({(proc.stderr.strip().splitlines() or ['unknown'])[-1]})")
    entries = [line for line in proc.stdout.splitlines() if line and not line.startswith(";")]
    if not any(" TABLE DATA public change_log " in line for line in entries):
        raise UserError(f"{path.name} is a PostgreSQL backup, but not of a proapp database")
    return entries


_TOC_OBJECT = re.compile(r"^\d+; \d+ \d+ (EVENT TRIGGER|MATERIALIZED VIEW|TRIGGER|FUNCTION|"
                         r"PROCEDURE|AGGREGATE|VIEW|RULE|POLICY) (.+)$")


def planted_objects(entries: list[str]) -> list[str]:
    """Triggers, functions, views, rules ... in an archive's table of contents that proapp's
    migrations do not make (a crafted backup: restored, a planted trigger would run with the
    data, e.g. promote a nurse whenever a visit is saved)."""
    from proapp.db import server

    allowed = {("TRIGGER", f"public {table} {name}") for table, name in server.LOG_TRIGGERS}
    allowed |= {("FUNCTION", f"public {name}()") for name in server.FUNCTIONS}
    found = []
    for entry in entries:
        m = _TOC_OBJECT.match(entry)
        if m is None:
            continue
        kind, rest = m.groups()  # rest: schema, name(s), then the owner
        if not any(k == kind and (rest == a or rest.startswith(a + " ")) for k, a in allowed):
            found.append(f"{kind.lower()} {rest}")
    return found


def _unescape(field: str) -> str | None:
    """One field of COPY's text format."""
    if field == "\\N":
        return None
    if "\\" not in field:
        return field
    out, i = [], 0
    simple = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}
    while i < len(field):
        c = field[i]
        if c != "\\" or i + 1 == len(field):
            out.append(c)
            i += 1
            continue
        nxt = field[i + 1]
        if nxt in simple:
            out.append(simple[nxt])
            i += 2
        elif nxt == "x":
            j = i + 2
            while j < len(field) and j < i + 4 and field[j] in "0123456789abcdefABCDEF":
                j += 1
            out.append(chr(int(field[i + 2:j], 16)))
            i = j
        elif nxt in "01234567":
            j = i + 1
            while j < len(field) and j < i + 4 and field[j] in "01234567":
                j += 1
            out.append(chr(int(field[i + 1:j], 8)))
            i = j
        else:
            out.append(nxt)
            i += 2
    return "".join(out)


def table_rows(path: Path, table: str) -> Iterator[dict[str, Any]]:
    """One table's rows as stored in the archive (COPY text format), streamed."""
    proc = subprocess.Popen([find_program("pg_restore"), "--data-only", f"--table={table}",
                             "--file=-", str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
    assert proc.stdout is not None
    columns: list[str] | None = None
    try:
        for line in proc.stdout:
            line = line.rstrip("\n")
            if columns is None:
                if line.startswith("COPY ") and f"{table} (" in line:
                    columns = [c.strip().strip('"') for c in
                               line[line.index("(") + 1:line.rindex(")")].split(",")]
                continue
            if line == "\\.":
                break
            values = [_unescape(f) for f in line.split("\t")]
            yield dict(zip(columns, values, strict=True))
    finally:
        proc.stdout.close()
        if proc.wait() != 0 and columns is None:
            raise UserError(f"{path.name} is not a readable PostgreSQL backup")


def log_rows(path: Path) -> Iterator[dict[str, Any]]:
    """The change log's rows as stored in the archive, ids and other integers as int."""
    for row in table_rows(path, "change_log"):
        for k in _INT_FIELDS & row.keys():
            row[k] = int(row[k]) if row[k] is not None else None
        yield row


def archive_revision(path: Path) -> str | None:
    rows = list(table_rows(path, "alembic_version"))
    return str(rows[0]["version_num"]) if rows else None


def archive_chain(path: Path) -> installation.ChainKey | None:
    """The chain key of the database in the archive: its installation row, sealed with this
    computer's key for it. None for an archive of an older schema (no installation table:
    every row has the plain chain); refused when the table is there without its row, the key
    is not installed here, or the row does not match its seal."""
    entries = check_archive(path)
    if not any(" TABLE public installation " in e for e in entries):
        return None
    rows = list(table_rows(path, "installation"))
    if len(rows) != 1:
        raise UserError(f"Not restored: {path.name} has no installation record (which says "
                        "which integrity key seals its change log); it was tampered with")
    r = rows[0]
    row = installation.InstallationRow(
        id=str(r["id"]), created_at=str(r["created_at"]), keyed_from=int(r["keyed_from"]),
        legacy_head=str(r["legacy_head"]), seal=str(r["seal"]))
    key = keys.load_key(row.id)
    if key is None:
        raise UserError(f"Not restored: the integrity key of {path.name} (installation "
                        f"{row.id}) is not installed on this computer, so its change log "
                        "cannot be verified. Install the key first (proapp key import).")
    problem = installation.seal_problem(row, key)
    if problem is not None:
        raise UserError(f"Not restored: in {path.name}, {problem}")
    return installation.ChainKey(row.id, key, row.keyed_from, row.legacy_head)


def verify_archive_chain(
        path: Path) -> tuple[int, changelog.ChainBreak | None, dict[str, Any] | None]:
    """The archive's chain, checked like :func:`changelog.verify_chain` (keyed MACs with this
    computer's key for the archive's installation): (rows, first break, last row). Rows come
    in COPY order, which need not be id order: sorted first."""
    chain = archive_chain(path)
    rows = sorted(log_rows(path), key=lambda r: r["id"])
    checked, broken = changelog.verify_rows(rows, chain)
    if broken is not None:
        return checked, broken, None
    return len(rows), None, (rows[-1] if rows else None)


def first_and_last(path: Path) -> tuple[tuple[int, str] | None, tuple[int, str] | None]:
    """(id, hash) of the archive's first and newest change-log rows."""
    first = last = None
    for r in log_rows(path):
        key = (int(r["id"]), str(r["hash"]))
        if first is None or key[0] < first[0]:
            first = key
        if last is None or key[0] > last[0]:
            last = key
    return first, last


def restore_into(url: str, archive: Path) -> None:
    """Load ``archive`` into the (empty) database at ``url``, all or nothing."""
    info, env = conninfo(url)
    _run([find_program("pg_restore"), "--single-transaction", "--exit-on-error",
          "--no-owner", "--no-privileges", f"--dbname={info}", str(archive)], env,
         "The restore (pg_restore)")


def check_server_backup(archive: Path) -> str:
    """Everything that must hold before ``archive`` is restored; returns its schema revision.
    Read-only: a readable archive of a proapp database, a schema this version knows, an
    intact change log."""
    from proapp.db.migrate import known_revisions

    if not archive.is_file():
        raise UserError(f"Not restored: {archive} does not exist or is not a file")
    planted = planted_objects(check_archive(archive))
    if planted:
        raise UserError(f"Not restored: {archive.name} holds objects that are not part of "
                        f"proapp's schema ({'; '.join(planted[:5])}); it may have been crafted")
    revision = archive_revision(archive)
    if revision is None or revision not in known_revisions():
        raise UserError(f"Not restored: {archive.name} holds schema {revision}, which this "
                        "version of proapp does not know")
    _n, broken, _last = verify_archive_chain(archive)
    if broken is not None:
        raise UserError(f"Not restored: the change log in {archive.name} was tampered with "
                        f"at row {broken.row_id}")
    return revision


def owner_phrase(archive: Path) -> str:
    """What the owner of the new database types to restore without the current database."""
    return f"restore {archive.name}"


def _archive_installation(archive: Path) -> str | None:
    rows = list(table_rows(archive, "installation")) if any(
        " TABLE public installation " in e for e in check_archive(archive)) else []
    return str(rows[0]["id"]) if len(rows) == 1 else None


def _authorise(current: str | None, target_url: str, archive: Path,
               authenticate: Callable[[Database], Actor],
               owner_confirmation: str | None) -> Actor:
    """Who may restore ``archive`` into the new database ``target_url``: an administrator of
    the CURRENT database ``current`` (the stored account, re-read now), which must be the same
    installation as the archive; if it cannot be opened at all, the role that owns the new
    database with the typed confirmation. Nothing is loaded before this says yes."""
    from sqlalchemy import text

    from proapp.db.engine import make_engine
    from proapp.db.errors import StorageError
    from proapp.db.migrate import open_database
    from proapp.domain.actor import Permission
    from proapp.services.accounts.access import check

    if current is None:
        raise UserError("Not restored: name the database the workstations use now with "
                        "--current URL (or PROAPP_DB); an administrator of it signs in to "
                        "authorise the restore, never an account of the backup")
    reason = ""
    try:
        db = open_database(current, migrate=False, create=False)
    except StorageError as exc:
        reason = str(exc)
    else:
        try:
            actor = check(db, authenticate(db), Permission.RESTORE)
            ours, theirs = db.installation_id(), _archive_installation(archive)
            if theirs is not None and ours != theirs:
                raise UserError(
                    f"Not restored: {archive.name} is a backup of another installation "
                    f"({theirs}) than the current database {db.display_name} ({ours}); an "
                    "administrator of the database it was taken from must restore it")
            return actor
        finally:
            db.dispose()
    if owner_confirmation is None:
        raise UserError(
            f"Not restored: the current database cannot be opened ({reason}), so none of its "
            "administrators can authorise the restore. The PostgreSQL role that owns the new "
            "database may: `proapp restore FILE --db URL --owner` and type the confirmation "
            "asked for.")
    engine = make_engine(target_url)
    try:
        with engine.connect() as conn:
            role, owns = conn.execute(text(
                "SELECT current_user, pg_get_userbyid(datdba) = current_user FROM pg_database "
                "WHERE datname = current_database()")).one()
    finally:
        engine.dispose()
    if not owns:
        raise UserError(f"Not restored: without the current database only the role that owns "
                        f"the new database may restore; {role} does not own it")
    if owner_confirmation.strip() != owner_phrase(archive):
        raise UserError("Not restored: the confirmation was not typed as asked")
    log.warning("server restore authorised by the owner role %s of the new database (the "
                "current database could not be opened: %s)", role, reason)
    return Actor(f"owner:{role}")


def restore_server(url: str, archive: Path, authenticate: Callable[[Database], Actor], *,
                   current: str | None, owner_confirmation: str | None = None) -> str:
    """Restore ``archive`` into the empty server database ``url`` (see the module docstring).
    ``authenticate`` signs the administrator in against the CURRENT database ``current``
    (:func:`_authorise`), before anything is loaded; the restored database's log then records
    the restore by that administrator. Returns the schema revision."""
    from sqlalchemy import inspect

    from proapp.db import server
    from proapp.db.engine import make_engine, resolve_url
    from proapp.db.migrate import open_database

    revision = check_server_backup(archive)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
    finally:
        engine.dispose()
    if tables:
        raise UserError("Not restored: a server backup is restored into a new, empty database "
                        "(create one, restore into it, then point the workstations at it); "
                        "this one has tables")
    if current is not None and resolve_url(current) == resolve_url(url):
        raise UserError("Not restored: --current names the new database itself; name the "
                        "database the workstations use now")
    actor = _authorise(current, url, archive, authenticate, owner_confirmation)
    restore_into(url, archive)
    db = open_database(url, migrate=False)
    try:
        try:
            with db.write(actor, "database restored from a backup") as s:
                changelog.append(s, [changelog.Change(
                    "restore", "database", None, None, None,
                    {"backup": archive.name, "authorised_by_database":
                     None if current is None else _shown(current)})])
        except BaseException:
            with db.engine.begin() as conn:  # back to the empty database it was
                for table in sorted(server.PROAPP_TABLES):
                    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table} CASCADE")
                for function in sorted(server.FUNCTIONS):
                    conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {function}()")
            raise
    finally:
        db.dispose()
    log.info("server database restored from %s by %s", archive, actor.username)
    return revision


def _shown(url: str) -> str:
    from proapp.db.engine import resolve_url

    return make_url(resolve_url(url)).render_as_string(hide_password=True)


def stamp_name(now: datetime) -> str:
    return f"proapp-{now:%Y%m%d-%H%M%S}{SUFFIX}"
