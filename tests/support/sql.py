"""Raw SQL on the test's database, past the services, on either back-end: what someone with
direct access to the database (a tamperer, a second program) does."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import text
from tests.support.postgres import PgServer

from proapp.db.engine import Database


def rows(db: Database, sql: str, params: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
    """``sql`` with ``:name`` parameters, read in its own connection."""
    with db.engine.connect() as con:
        return [tuple(r) for r in con.execute(text(sql), dict(params or {}))]


def scalar(db: Database, sql: str, params: Mapping[str, Any] | None = None) -> Any:
    got = rows(db, sql, params)
    return got[0][0] if got else None


def execute(db: Database, *statements: str) -> None:
    """Statements committed together, outside any proapp service."""
    with db.engine.begin() as con:
        for sql in statements:
            con.exec_driver_sql(sql)


def drop_log_triggers(db: Database) -> None:
    """What a tamperer does first: remove the triggers that keep the change log append-only."""
    if db.engine.dialect.name == "sqlite":
        execute(db, "DROP TRIGGER IF EXISTS change_log_no_update",
                "DROP TRIGGER IF EXISTS change_log_no_delete")
    else:
        execute(db, "DROP TRIGGER IF EXISTS change_log_append_only ON change_log")


def past_log_triggers(db: Database, *statements: str) -> None:
    """What a careful tamperer does: drop the append-only triggers, run ``statements`` and put
    the very same triggers back, so the schema looks untouched (only the chain can tell)."""
    if db.engine.dialect.name == "sqlite":
        saved = [r[0] for r in rows(db, "SELECT sql FROM sqlite_master WHERE type='trigger' "
                                    "AND name LIKE 'change_log_%'")]
    else:
        saved = [r[0] for r in rows(db, "SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t "
                                    "JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relname = "
                                    "'change_log' AND NOT t.tgisinternal")]
    assert saved, "the change log has no append-only trigger to bypass"
    drop_log_triggers(db)
    execute(db, *statements, *saved)


def stored_bytes(db: Database, server: PgServer | None = None) -> bytes:
    """Every byte the database keeps on disk: the SQLite file and its WAL, or on the server
    the database's own files and the write-ahead log (after a checkpoint)."""
    if db.path is not None:
        wal = db.path.with_name(db.path.name + "-wal")
        return db.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert server is not None, "a server database needs the pg_server fixture"
    oid = scalar(db, "SELECT oid FROM pg_database WHERE datname = current_database()")
    server.admin("CHECKPOINT")
    data = server.folder / "data"
    files = [*sorted((data / "base" / str(oid)).iterdir()), *sorted((data / "pg_wal").glob("0*"))]
    return b"".join(p.read_bytes() for p in files if p.is_file())


def access_events(db: Database, username: str) -> list[tuple[str, str | None]]:
    """(event, detail) of the access log's rows for ``username``, oldest first."""
    return [(e, d) for e, d in rows(db, "SELECT event, detail FROM access_log WHERE username "
                                    "= :n ORDER BY id", {"n": username})]
