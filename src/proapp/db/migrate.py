"""Open a database safely: refuse what is not ours, back up, then migrate to the app's schema.

Order of checks for a SQLite file (all read-only, so a refused file stays byte-for-byte
unchanged, and cheap, so opening does not grow with the file): SQLite header and size
(truncation), application_id (someone else's database), the schema and the small tables
read in full (damage there), Alembic revision (newer than this app). The full
``quick_check`` / ``integrity_check`` runs in ``proapp check``, the daily backup and restore.
Only then is the file copied aside and upgraded.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import struct
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from proapp import atomic, paths
from proapp.db.engine import Database, make_engine, resolve_url, sqlite_path
from proapp.db.errors import Damaged, DatabaseRefused, NotOurs, TooNew, translated
from proapp.db.schema import verify_file
from proapp.db.sqlite_files import copy_database, open_read_only

if TYPE_CHECKING:  # alembic is imported only to migrate: opening a current database skips it
    from alembic.config import Config

__all__ = ["APPLICATION_ID", "DatabaseRefused", "FileState", "Inspection", "open_database"]

log = logging.getLogger(__name__)

APPLICATION_ID = 0x50524F41  # "PROA" in SQLite's header: marks a file as a proapp database
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"
SMALL_TABLES = frozenset({"alembic_version", "setting", "user_account"})  # read on open


class FileState(StrEnum):
    MISSING = "missing"
    EMPTY = "empty"  # no tables yet: a new database
    PROAPP = "proapp"


@dataclass(frozen=True)
class Inspection:
    state: FileState
    revision: str | None = None


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


_REVISION = re.compile(r"^revision\s*(?::[^=]+)?=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]+)?=\s*(.+)$", re.MULTILINE)


@cache
def _scripts() -> tuple[str | None, frozenset[str]]:
    """(head, every revision) read from the migration files' ``revision`` and
    ``down_revision`` lines, without importing alembic (a third of a second at every start);
    tests/db/test_migrate.py checks the answer against alembic's own."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for f in sorted((MIGRATIONS / "versions").glob("*.py")):
        source = f.read_text(encoding="utf-8")
        rev = _REVISION.search(source)
        if rev is None:
            continue
        revisions.add(rev.group(1))
        down = _DOWN.search(source)
        if down is not None:
            parents.update(re.findall(r"[\"']([^\"']+)[\"']", down.group(1)))
    heads = revisions - parents
    return (next(iter(heads)) if len(heads) == 1 else None), frozenset(revisions)


def head_revision() -> str:
    head = _scripts()[0]
    if head is None:  # several heads, or a file this reader does not understand
        from alembic.script import ScriptDirectory

        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return set(_scripts()[1])


def inspect_sqlite_file(path: Path) -> Inspection:
    """Read-only look at a file. Raises DatabaseRefused with a plain reason."""
    if not path.exists():
        return Inspection(FileState.MISSING)
    if path.is_dir():
        raise DatabaseRefused(f"{path} is a folder, not a database file")
    size = path.stat().st_size
    if size == 0:
        return Inspection(FileState.EMPTY)
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise Damaged(f"{path} is not a SQLite database (it may be another kind of "
                              "file); it was left untouched")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    pages = struct.unpack(">I", header[28:32])[0]
    valid_for, _sqlite_version = struct.unpack(">II", header[92:100])
    wal = path.with_name(path.name + "-wal")
    if (pages and valid_for == struct.unpack(">I", header[24:28])[0]
            and not (wal.exists() and wal.stat().st_size) and size < pages * page_size):
        raise Damaged(f"{path} is truncated ({size} bytes, its header says "
                              f"{pages * page_size}); it was left untouched. Restore a backup.")
    try:
        con = open_read_only(path, timeout=5.0)
    except sqlite3.Error as exc:
        raise DatabaseRefused(f"{path} cannot be opened: {exc}") from exc
    try:
        # Cheap checks only, so opening does not grow with the file: the header, the schema,
        # the revision and the small tables read in full. The whole-file check runs in
        # `proapp check`, in the daily backup (off the GUI thread) and on restore.
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")}
        objects = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        for small in SMALL_TABLES & tables:
            con.execute(f"SELECT * FROM {small}").fetchall()
    except sqlite3.DatabaseError as exc:
        raise Damaged(f"{path} is not a usable SQLite database ({exc}); it was left "
                              "untouched") from exc
    finally:
        con.close()
    if not objects:
        if app_id not in (0, APPLICATION_ID):
            raise NotOurs(f"{path} is a SQLite database of another program (application id "
                          f"{app_id:#x}), not proapp; it was left untouched")
        return Inspection(FileState.EMPTY)
    if app_id != APPLICATION_ID or revision is None:
        raise NotOurs(f"{path} is a SQLite database of another program, not proapp; "
                              "it was left untouched")
    _check_revision(revision, str(path))
    return Inspection(FileState.PROAPP, revision)


def _check_revision(revision: str, where: str) -> None:
    if revision not in known_revisions():
        raise TooNew(
            f"The database {where} was written by a newer version of proapp (schema "
            f"{revision}); this version only knows up to {head_revision()}. Update proapp on "
            "this computer. The database was left untouched.")


def backup_before_migration(path: Path, revision: str) -> Path:
    """Consistent copy (online backup API) beside the file, named for the old schema."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.pre-migration-{revision}-{stamp}{path.suffix}")
    with atomic.staged(target) as temp:
        copy_database(path, temp, check=None)
    return target


def restrict_file(path: Path) -> None:
    if os.name == "posix" and path.exists():
        os.chmod(path, 0o600)


def _create_file(path: Path) -> None:
    """A new, empty database file (0600) marked as ours before anything else is written, so a
    first start killed half-way leaves a file proapp recognises, never a foreign-looking one."""
    paths.ensure_private_dir(path.parent)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    con = sqlite3.connect(path)
    try:
        con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        con.commit()
    finally:
        con.close()


def _refuse_missing(path: Path) -> None:
    if path.is_symlink():
        raise DatabaseRefused(f"{path} is a symbolic link to a file that does not exist; "
                              "nothing was created")
    raise DatabaseRefused(f"There is no database at {path}; nothing was created. Check the "
                          "path (--db or PROAPP_DB).")


def open_database(db: str | os.PathLike[str] | None = None, *, migrate: bool = True,
                  create: bool = True, read_only: bool = False,
                  verify_schema: bool = True, upgrade_server: bool = False) -> Database:
    """Open the database named by ``db``/``$PROAPP_DB``.

    ``create`` makes a new database where there is none (the first start, ``demo``,
    ``user add``); commands that only read or export pass False and never create a file.
    ``read_only`` opens without changing anything at all (``check``, and exports on a
    read-only disk): no journal-mode change, no migration, no key. A SQLite file is checked
    (read-only, so a refused file stays byte-for-byte unchanged) before anything touches it:
    SQLite header, integrity, owner, revision, and its schema against the one proapp's
    migrations make (:mod:`proapp.db.schema`; ``check`` passes ``verify_schema=False`` and
    reports the differences itself). ``read_only`` with ``migrate=False`` also opens an older
    schema (for ``check``).

    A server database is checked the same way in two round trips (:func:`_inspect_server`):
    its tables, columns and log triggers against proapp's schema, and its revision, which must
    be the head: an older one is refused with what to do, because workstations connect
    without DDL rights; only ``proapp db init-server`` (``upgrade_server``), run by the
    owner role, upgrades it. A new, empty server database is given the schema.
    """
    url = resolve_url(db)
    path = sqlite_path(url)
    with translated():
        if path is not None:
            info = inspect_sqlite_file(path)
            if info.state is FileState.MISSING:
                if not create or read_only:
                    _refuse_missing(path)
                if path.is_symlink():
                    _refuse_missing(path)
                _create_file(path)
            elif info.state is FileState.EMPTY and (not create or read_only):
                raise NotOurs(f"{path} holds no proapp database (it has no tables); it was "
                              "left untouched")
            if info.state is FileState.PROAPP:
                assert info.revision is not None
                if verify_schema:
                    verify_file(path, info.revision)
                if read_only and migrate and info.revision != head_revision():
                    raise DatabaseRefused(
                        f"The database {path} has the schema of an older proapp "
                        f"({info.revision}); open it once with this version to upgrade it "
                        "(a copy is kept), then try again. It was left untouched.")
            if not read_only:
                restrict_file(path)
            if (info.state is FileState.PROAPP and info.revision != head_revision() and migrate
                    and not read_only):
                saved = backup_before_migration(path, info.revision or "none")
                log.info("database copied to %s before migration", saved)
        engine = make_engine(url, read_only=read_only)
        database = Database(engine, url, read_only=read_only)
        try:
            with engine.connect() as conn:
                if path is None:
                    current = _inspect_server(conn, database.display_name,
                                              verify_schema=verify_schema,
                                              upgrade=upgrade_server or not migrate)
                else:
                    current = stored_revision(conn)
                if current is not None:
                    _check_revision(current, database.display_name)
            if read_only:
                return database
            if migrate and current != head_revision():
                upgrade(database)
                _require_installation(database)
            elif current == head_revision():
                _require_installation(database)
        except BaseException:
            engine.dispose()
            raise
    for suffix in ("-wal", "-shm"):
        if path is not None:
            restrict_file(path.with_name(path.name + suffix))
    return database


def _require_installation(database: Database) -> None:
    """A database at a schema with the installation table always has its row (it is written
    in the migration's own transaction): one without it had it removed."""
    from proapp.db import installation

    with database.engine.connect() as conn:
        row = installation.read_row(conn)
        if row is not None:
            database.remember_installation(row.id)
        else:
            raise DatabaseRefused(
                f"The database {database.display_name} has no installation record (which "
                "says which integrity key seals its change log): it was removed from the "
                "file. The database was left untouched; run `proapp check` and restore a "
                "backup.")


def _inspect_server(conn: Connection, where: str, *, verify_schema: bool,
                    upgrade: bool) -> str | None:
    """The server's counterpart of :func:`inspect_sqlite_file` and :func:`verify_file`, in two
    round trips whatever the size of the data: the catalogue (tables, columns, triggers; one
    query), then the revision. proapp's tables (and only those) once a schema version is
    stamped, no tables at all before (the counterpart of SQLite's application_id); at the head
    revision every table and column the models have, no others, and both logs' append-only
    triggers present and enabled (the counterpart of ``sqlite_master`` compared on open). The
    whole catalogue (functions, rules, event triggers) and the chain are read by ``proapp
    check``. Returns the revision (None: an empty database)."""
    from proapp.db import server

    layout = server.read_layout(conn)
    current = _revision(conn) if "alembic_version" in layout.tables else None
    if current is None:
        if layout.tables or layout.views:
            raise NotOurs(f"The server database {where} has tables but is not a proapp "
                          "database; it was left untouched")
        return None
    if set(layout.tables) - server.PROAPP_TABLES or "change_log" not in layout.tables:
        raise NotOurs(f"The server database {where} has tables but is not a proapp database; "
                      "it was left untouched")
    _check_revision(current, where)
    if current != head_revision():
        if not upgrade:
            raise DatabaseRefused(
                f"The server database {where} has the schema of an older proapp (revision "
                f"{current}); this version needs revision {head_revision()}. Nothing was "
                "changed. IT upgrades it once, as the role that owns the tables: `proapp db "
                "init-server URL` with this version (see the README, \"Several workstations\"); "
                "until then use the proapp version the other workstations have.")
        return current
    problems = server.layout_problems(layout) if verify_schema else []
    if problems:
        shown = "; ".join(problems[:6]) + ("; …" if len(problems) > 6 else "")
        raise NotOurs(f"The server database {where} does not have the schema proapp's "
                      f"migrations make at revision {current} ({shown}). It was changed "
                      "outside proapp; it was left untouched. Ask IT to investigate (`proapp "
                      "check`), or restore a backup into a new database.")
    return current


def upgrade(database: Database, revision: str = "head") -> None:
    """Migrate, and in the same transaction give the database its installation row and key
    once its schema has the table for it (see :mod:`proapp.db.installation`)."""
    from alembic import command

    from proapp.db import installation
    from proapp.db.changelog import now_utc

    with database.engine.execution_options(proapp_write=True).begin() as conn:
        command.upgrade(alembic_config(conn), revision)
        if inspect(conn).has_table("installation"):
            installation.install(conn, now_utc())


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as conn:
        return stored_revision(conn)


def stored_revision(conn: Connection) -> str | None:
    """The revision in ``alembic_version`` (None: no such table, or empty)."""
    if "alembic_version" not in inspect(conn).get_table_names():
        return None
    return _revision(conn)


def _revision(conn: Connection) -> str | None:
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    if len(rows) > 1:
        raise DatabaseRefused("The database has several schema revisions at once; it was "
                              "left untouched")
    return str(rows[0][0]) if rows else None
