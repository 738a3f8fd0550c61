"""Moving a clinic's database between back-ends: ``proapp db copy SRC DST`` (SQLite to
PostgreSQL when a clinic grows to several workstations, and back), and creating the schema on
a new server database (``proapp db init-server``).

A copy is all or nothing. The source is read in one snapshot (a REPEATABLE READ READ ONLY
transaction on PostgreSQL; one read transaction in SQLite's WAL mode), so workstations may keep
working meanwhile; every row goes into the destination in one write transaction with its
original id, and before that transaction commits the destination is compared with the source:
the row count of every table, and the change log's hash chain verified from its first row to
its last, ending on the source's newest hash. Any difference rolls everything back.

The copy is the same installation as the source: it takes the source's installation row in
place of the one the new destination was given, so its keyed change log verifies with the
source's key (which the workstations of the destination then need: ``proapp key export`` /
``key import``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, delete, func, insert, inspect, select, text
from sqlalchemy.orm import Session

from proapp.db import changelog, server
from proapp.db.engine import Database, make_engine, resolve_url, sqlite_path
from proapp.db.migrate import (
    DatabaseRefused,
    FileState,
    current_revision,
    head_revision,
    inspect_sqlite_file,
    open_database,
)
from proapp.db.models import Base, ChangeLog, Installation
from proapp.services.errors import UserError

BATCH = 5000


class CopyRefused(UserError):
    """Source or destination cannot be used; nothing was written."""


@dataclass
class CopyReport:
    source: str
    destination: str
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # table: (source, dest)
    log_rows: int = 0
    last_hash: str = changelog.GENESIS

    def lines(self) -> list[str]:
        out = [f"copied {self.source} -> {self.destination}"]
        out += [f"{t}: {a} rows, {b} in the copy" for t, (a, b) in self.counts.items()]
        out.append(f"change log: {self.log_rows} rows, hash chain intact in the copy, newest "
                   f"hash {self.last_hash[:16]}... equal in both")
        return out


def _tables_with_rows(conn: Connection) -> list[str]:
    """Tables holding data. The installation row does not count: every proapp database has
    one from its creation (an empty one, or one left by a failed copy, included)."""
    names = set(inspect(conn).get_table_names()) - {"alembic_version", "installation"}
    return sorted(t for t in names
                  if conn.execute(text(f'SELECT 1 FROM "{t}" LIMIT 1')).first() is not None)


def _open_destination(dst: str) -> Database:
    """A new, empty proapp database at ``dst``: a missing or empty SQLite file, or a server
    database with no tables (or proapp's empty schema, left by a copy that failed)."""
    url = resolve_url(dst)
    path = sqlite_path(url)
    if path is not None:
        if inspect_sqlite_file(path).state is FileState.PROAPP:
            engine = make_engine(url)
            try:
                with engine.connect() as conn:
                    full = _tables_with_rows(conn)
            finally:
                engine.dispose()
            if full:
                raise CopyRefused(f"{path} already holds data ({', '.join(full)}); copy into "
                                  "a new file")
    else:
        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                if server.foreign_tables(conn):
                    raise CopyRefused("The destination server database holds tables of "
                                      "another program; copy into a new, empty database")
                full = _tables_with_rows(conn)
        finally:
            engine.dispose()
        if full:
            raise CopyRefused(f"The destination database already holds data ({', '.join(full)})"
                              "; copy into a new, empty database")
    return open_database(dst)


def _snapshot(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def _reset_sequences(conn: Connection) -> None:
    """Rows came with their ids: the server's id sequences must continue after them."""
    for table in Base.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) == 1 and pk[0].autoincrement in (True, "auto") and pk[0].type.python_type \
                is int:
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                f"coalesce((SELECT max({pk[0].name}) FROM {table.name}), 0) + 1, false)"))


def copy_database(src: str, dst: str,
                  progress: Callable[[str, int], None] | None = None) -> CopyReport:
    """Copy everything from ``src`` to a new database ``dst`` (see the module docstring)."""
    if resolve_url(src) == resolve_url(dst):
        raise CopyRefused("Source and destination are the same database")
    src_path = sqlite_path(resolve_url(src))
    if src_path is not None and not src_path.is_file():
        raise CopyRefused(f"Not copied: {src_path} does not exist")
    try:
        source = open_database(src, migrate=False)
    except DatabaseRefused as exc:
        raise CopyRefused(f"Not copied: {exc}") from exc
    try:
        if current_revision(source) != head_revision():
            raise CopyRefused("Not copied: the source has an older schema; open it once with "
                              "this proapp (which migrates it) and copy again")
        dest = _open_destination(dst)
        try:
            report = CopyReport(source.display_name, dest.display_name)
            with source.engine.connect() as sconn, sconn.begin():
                _snapshot(sconn)
                with dest.engine.execution_options(proapp_write=True).begin() as dconn:
                    # The copy is the same installation as the source: its rows carry the
                    # source's MACs, so it takes the source's installation row (and key) in
                    # place of the one the new destination was given when it was created.
                    dconn.execute(delete(Installation))
                    for table in Base.metadata.sorted_tables:
                        n = 0
                        order = list(table.primary_key.columns)
                        result = sconn.execution_options(stream_results=True, yield_per=BATCH
                                                         ).execute(select(table).order_by(*order))
                        try:
                            for batch in result.partitions(BATCH):
                                dconn.execute(insert(table), [dict(r._mapping) for r in batch])
                                n += len(batch)
                                if progress is not None:
                                    progress(table.name, n)
                        finally:
                            result.close()  # also when cancelled: the server-side cursor
                        report.counts[table.name] = (n, 0)
                    if dconn.dialect.name == "postgresql":
                        _reset_sequences(dconn)
                    _compare(sconn, dconn, report)
        finally:
            dest.dispose()
    finally:
        source.dispose()
    return report


def _compare(sconn: Connection, dconn: Connection, report: CopyReport) -> None:
    """Inside the destination's transaction: counts and the chain, or everything rolls back."""
    for table in Base.metadata.sorted_tables:
        copied = report.counts[table.name][0]
        a = sconn.execute(select(func.count()).select_from(table)).scalar_one()
        b = dconn.execute(select(func.count()).select_from(table)).scalar_one()
        report.counts[table.name] = (a, b)
        if not a == b == copied:
            raise CopyRefused(f"Not copied: {table.name} has {a} rows in the source and {b} in "
                              "the copy")
    with Session(bind=dconn) as s:
        checked, broken = changelog.verify_chain(s)
        newest = s.scalar(select(ChangeLog.hash).order_by(ChangeLog.id.desc()).limit(1))
    if broken is not None:
        raise CopyRefused(f"Not copied: the change log's chain breaks at row {broken.row_id} "
                          f"({broken.problem}); run `proapp check` on the source")
    source_newest = sconn.execute(select(ChangeLog.hash).order_by(ChangeLog.id.desc())
                                  .limit(1)).scalar()
    if newest != source_newest:
        raise CopyRefused("Not copied: the copy's newest change-log row differs from the "
                          "source's")
    report.log_rows, report.last_hash = checked, newest or changelog.GENESIS


# --- a new server database -------------------------------------------------------------------


@dataclass(frozen=True)
class InitResult:
    database: str
    revision: str
    created: bool  # False: it was already a proapp database at this schema
    granted_to: str | None


def init_server(url: str, grant_to: str | None = None) -> InitResult:
    """Create proapp's schema in an empty server database (run as the role that will own it);
    refuse one that holds another program's tables. ``grant_to``: also give that role what a
    workstation needs (db/server.py, grant_statements)."""
    if not server.is_server(url):
        raise UserError("init-server takes a PostgreSQL URL (postgresql+psycopg://user@host/"
                        "database); a SQLite file is created by opening it")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
    except Exception:
        engine.dispose()
        raise
    engine.dispose()
    created = "alembic_version" not in tables
    if tables and created:
        raise DatabaseRefused("The server database has tables but is not a proapp database; "
                              "it was left untouched. Use a new, empty database.")
    db = open_database(url, upgrade_server=True)
    try:
        if grant_to:
            database = db.engine.url.database or ""
            with db.engine.begin() as conn:
                for statement in server.grant_statements(grant_to, database):
                    conn.exec_driver_sql(statement)
        revision = current_revision(db) or ""
        name = db.display_name
    finally:
        db.dispose()
    return InitResult(name, revision, created, grant_to)
