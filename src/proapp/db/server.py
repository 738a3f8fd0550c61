"""PostgreSQL, the shared server: the counterparts of what SQLite does with pragmas and file
headers.

| SQLite                          | PostgreSQL (here)                                          |
| ------------------------------- | ---------------------------------------------------------- |
| ``BEGIN IMMEDIATE`` (one writer) | ``pg_advisory_xact_lock(WRITE_LOCK)`` at the start of every |
|                                 | write transaction: writers queue, readers never wait        |
| ``busy_timeout`` 30 s           | ``lock_timeout`` 30 s                                        |
| ``application_id`` in the header | the set of proapp's tables and a known Alembic revision     |
| ``PRAGMA integrity_check``      | the change log's append-only trigger present and enabled    |
|                                 | (the server checks its own storage)                         |
| file modes 0600                 | roles and grants (:func:`grant_statements`)                 |
| online backup API               | ``pg_dump`` (services/integrity/server_backup.py)           |

The advisory lock needs no privilege, unlike ``LOCK TABLE ... EXCLUSIVE`` (which needs UPDATE
or DELETE on the table): the workstations' role may then have INSERT only on the change log.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import URL

from proapp import paths
from proapp.db.models import Base

WRITE_LOCK = 0x50524F41  # "PROA": one key for all proapp writers on a database
LOCK_TIMEOUT_MS = 30_000
CONNECT_TIMEOUT_S = 10
# The tables of the schema (and Alembic's); a database with other tables is not proapp's.
PROAPP_TABLES = frozenset({"alembic_version", *Base.metadata.tables})
LOG_TRIGGER = "change_log_append_only"


PASSWORD_FILE = "pgpass"


def password_file() -> Path:
    """The 0600 file (libpq's pgpass format, in the private data folder) where the connection
    dialog keeps the server password: never in a settings file, never in the URL."""
    return paths.data_dir() / PASSWORD_FILE


def is_server(url: str | URL) -> bool:
    from sqlalchemy.engine import make_url

    return make_url(url).get_backend_name() == "postgresql"


def connect_args() -> dict[str, Any]:
    """libpq settings for every connection: a quick plain failure when the server cannot be
    reached (instead of a hang), keep-alives that notice a cut network, and the lock timeout
    (the counterpart of SQLite's busy timeout)."""
    return {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "proapp",
        "keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10,
        "keepalives_count": 3,
        "options": f"-c lock_timeout={LOCK_TIMEOUT_MS}",
    }


def lock_for_writing(conn: Any) -> None:
    """Called at the start of a write transaction: wait for the other writers' turn. The lock
    ends with the transaction, committed or rolled back, or with the connection."""
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


def foreign_tables(conn: Connection) -> set[str]:
    """Tables in the database that proapp did not create."""
    return set(inspect(conn).get_table_names()) - PROAPP_TABLES


def missing_tables(conn: Connection) -> set[str]:
    return set(PROAPP_TABLES - set(inspect(conn).get_table_names()))


def integrity(conn: Connection) -> list[str]:
    """``["ok"]`` or what is wrong, for ``proapp check``: every table is there and the trigger
    that keeps the change log append-only is present and enabled."""
    problems = [f"table {t} is missing" for t in sorted(missing_tables(conn))]
    state = conn.execute(text(
        "SELECT t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE c.relname = 'change_log' AND t.tgname = :name AND NOT t.tgisinternal"),
        {"name": LOG_TRIGGER}).scalar()
    if state is None:
        problems.append("the change log's append-only trigger is missing (it was dropped)")
    elif state == "D":
        problems.append("the change log's append-only trigger is disabled")
    return problems or ["ok"]


def grant_statements(role: str, database: str) -> list[str]:
    """What a workstation's role needs, and no more: read and write the clinical tables,
    INSERT-only on the change log, read the schema version; no DDL (PostgreSQL 15 gives
    PUBLIC no CREATE on the public schema, and this role owns nothing)."""
    r = quote_ident(role)
    tables = sorted(PROAPP_TABLES - {"change_log", "alembic_version"})
    return [
        f"GRANT CONNECT ON DATABASE {quote_ident(database)} TO {r}",
        f"GRANT USAGE ON SCHEMA public TO {r}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(tables)} TO {r}",
        f"GRANT SELECT, INSERT ON change_log TO {r}",
        f"GRANT SELECT ON alembic_version TO {r}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {r}",
    ]


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
