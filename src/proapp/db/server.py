"""PostgreSQL, the shared server: the counterparts of what SQLite does with pragmas and file
headers.

| SQLite                          | PostgreSQL (here)                                          |
| ------------------------------- | ---------------------------------------------------------- |
| ``BEGIN IMMEDIATE`` (one writer) | ``pg_advisory_xact_lock(WRITE_LOCK)`` at the start of every |
|                                 | write transaction: writers queue, readers never wait        |
| ``busy_timeout`` 30 s           | ``lock_timeout`` 30 s                                        |
| ``application_id`` in the header | the set of proapp's tables and a known Alembic revision     |
| ``PRAGMA integrity_check``      | both logs' append-only triggers present and enabled         |
|                                 | (the server checks its own storage)                         |
| ``sqlite_master`` compared      | no trigger, function, view, rule or event trigger that the  |
|                                 | migrations do not make (:func:`schema_problems`)            |
| file modes 0600                 | roles and grants (:func:`grant_statements`)                 |
| online backup API               | ``pg_dump`` (services/integrity/server_backup.py)           |

The advisory lock needs no privilege, unlike ``LOCK TABLE ... EXCLUSIVE`` (which needs UPDATE
or DELETE on the table): the workstations' role may then have INSERT only on the change log.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import URL

from proapp import paths
from proapp.db.errors import SERVER_LOST, ConnectionLost
from proapp.db.models import Base
from proapp.domain.i18n import Msg, msg

T = TypeVar("T")

WRITE_LOCK = 0x50524F41  # "PROA": one key for all proapp writers on a database
LOCK_TIMEOUT_MS = 30_000
CONNECT_TIMEOUT_S = 10
# The tables of the schema (and Alembic's); a database with other tables is not proapp's.
PROAPP_TABLES = frozenset({"alembic_version", *Base.metadata.tables})
LOG_TRIGGER = "change_log_append_only"
# The triggers (table, trigger) and functions proapp's migrations create on the server: the
# append-only guards of the two logs. Any other trigger, function, view or rule in the schema
# was planted (the counterpart of SQLite's sqlite_master compared object by object).
LOG_TRIGGERS = (("change_log", LOG_TRIGGER), ("access_log", "access_log_append_only"))
FUNCTIONS = frozenset(name for _table, name in LOG_TRIGGERS)


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
    """``["ok"]`` or what is wrong, for ``proapp check``: every table is there and the
    triggers that keep the change and access logs append-only are present and enabled."""
    problems = [f"table {t} is missing" for t in sorted(missing_tables(conn))]
    for table, trigger in LOG_TRIGGERS:
        state = conn.execute(text(
            "SELECT t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE c.relname = :table AND t.tgname = :name AND NOT t.tgisinternal"),
            {"table": table, "name": trigger}).scalar()
        what = "change log" if table == "change_log" else "access log"
        if state is None:
            problems.append(f"the {what}'s append-only trigger is missing (it was dropped)")
        elif state == "D":
            problems.append(f"the {what}'s append-only trigger is disabled")
    return problems or ["ok"]


# What opening a server database reads, in one round trip from the catalogue (pg_catalog,
# not information_schema: that shows only the columns the connected role has a privilege on):
# every table and view of the schema with its columns, and every trigger on them.
_LAYOUT = text(
    "SELECT 'column' AS kind, c.relname AS rel, c.relkind::text AS detail, a.attname AS name "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
    "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
    "UNION ALL "
    "SELECT 'trigger', c.relname, t.tgenabled::text, t.tgname "
    "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND NOT t.tgisinternal")


@dataclass(frozen=True)
class Layout:
    """The tables (and views) of a server database with their columns, and its triggers
    (table, name) -> enabled state ('O' on, 'D' disabled), as :func:`read_layout` found them."""

    tables: dict[str, frozenset[str]]
    views: frozenset[str]
    triggers: dict[tuple[str, str], str]


def read_layout(conn: Connection) -> Layout:
    """One query: what :func:`layout_problems` compares with proapp's schema."""
    columns: dict[str, set[str]] = {}
    views: set[str] = set()
    triggers: dict[tuple[str, str], str] = {}
    for kind, rel, detail, name in conn.execute(_LAYOUT).all():
        if kind == "trigger":
            triggers[(rel, name)] = detail
            continue
        if detail in ("v", "m"):
            views.add(rel)
            continue
        columns.setdefault(rel, set())
        if name is not None:
            columns[rel].add(name)
    return Layout({t: frozenset(c) for t, c in columns.items()}, frozenset(views), triggers)


def expected_columns() -> dict[str, frozenset[str]]:
    """proapp's tables at the head revision and their columns: the models' metadata (which
    tests/db/test_migrate.py keeps equal to what the migrations make), and Alembic's table."""
    out = {t.name: frozenset(c.name for c in t.columns) for t in Base.metadata.sorted_tables}
    out["alembic_version"] = frozenset({"version_num"})
    return out


def layout_problems(layout: Layout) -> list[str]:
    """What differs between a server database at the head revision and proapp's schema, in
    words naming the table, column or trigger: the counterpart of comparing a SQLite file's
    ``sqlite_master`` on open (:func:`proapp.db.schema.verify_file`). Functions and rules
    are left to ``proapp check`` (:func:`schema_problems`), which reads the whole catalogue."""
    expected = expected_columns()
    problems: list[str] = []
    for table in sorted(expected):
        have = layout.tables.get(table)
        if have is None:
            problems.append(f"table {table} is missing")
            continue
        problems += [f"table {table} has no column {c}" for c in sorted(expected[table] - have)]
        problems += [f"table {table} has a column {c} that proapp's schema does not have"
                     for c in sorted(have - expected[table])]
    problems += [f"table {t} is not part of proapp's schema"
                 for t in sorted(set(layout.tables) - set(expected))]
    problems += [f"view {v} is not part of proapp's schema" for v in sorted(layout.views)]
    wanted = set(LOG_TRIGGERS)
    for table, name in LOG_TRIGGERS:
        state = layout.triggers.get((table, name))
        what = "change log" if table == "change_log" else "access log"
        if state is None:
            problems.append(f"the {what}'s append-only trigger {name} is missing")
        elif state == "D":
            problems.append(f"the {what}'s append-only trigger {name} is disabled")
    problems += [f"trigger {name} (on {table}) is not part of proapp's schema"
                 for table, name in sorted(set(layout.triggers) - wanted)]
    return problems


_NOT_FROM_AN_EXTENSION = ("NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = {oid} "
                          "AND d.deptype = 'e')")


def schema_problems(conn: Connection) -> list[str]:
    """Triggers, functions, views and rules in the database's schema (and event triggers in
    the database) that proapp's migrations do not make: someone with DDL rights planted them,
    e.g. a trigger that promotes an account whenever a visit is saved. What an extension
    installed by IT brings (its functions and views) is not counted."""
    expected = set(LOG_TRIGGERS)
    problems = [f"trigger {name!r} (on {table}) is not part of proapp's schema"
                for table, name in conn.execute(text(
                    "SELECT c.relname, t.tgname FROM pg_trigger t "
                    "JOIN pg_class c ON c.oid = t.tgrelid "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE NOT t.tgisinternal AND n.nspname = current_schema() "
                    "ORDER BY 1, 2")).all()
                if (table, name) not in expected]
    problems += [f"function {name!r} is not part of proapp's schema"
                 for (name,) in conn.execute(text(
                     "SELECT p.proname FROM pg_proc p "
                     "JOIN pg_namespace n ON n.oid = p.pronamespace "
                     "WHERE n.nspname = current_schema() AND "
                     + _NOT_FROM_AN_EXTENSION.format(oid="p.oid") + " ORDER BY 1")).all()
                 if name not in FUNCTIONS]
    problems += [f"view {name!r} is not part of proapp's schema"
                 for (name,) in conn.execute(text(
                     "SELECT c.relname FROM pg_class c "
                     "JOIN pg_namespace n ON n.oid = c.relnamespace "
                     "WHERE c.relkind IN ('v', 'm') AND n.nspname = current_schema() AND "
                     + _NOT_FROM_AN_EXTENSION.format(oid="c.oid") + " ORDER BY 1")).all()]
    problems += [f"rule {name!r} (on {table}) is not part of proapp's schema"
                 for table, name in conn.execute(text(
                     "SELECT tablename, rulename FROM pg_rules "
                     "WHERE schemaname = current_schema() ORDER BY 1, 2")).all()]
    problems += [f"event trigger {name!r} is not part of proapp's schema"
                 for (name,) in conn.execute(text(
                     "SELECT e.evtname FROM pg_event_trigger e WHERE "
                     + _NOT_FROM_AN_EXTENSION.format(oid="e.oid") + " ORDER BY 1")).all()]
    return problems


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
        # USAGE for new ids; SELECT so that pg_dump (`proapp backup`) can read them.
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r}",
    ]


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class ServerUnavailable(ConnectionLost):
    """The server stayed unreachable for all of :func:`with_reconnect`'s retries. Nothing of
    the interrupted transaction was kept by the server; the caller still holds the input."""

    MESSAGE = SERVER_LOST

    def __init__(self, detail: str = ""):
        super().__init__(self.MESSAGE)
        self.detail = detail


def is_connection_lost(exc: BaseException) -> bool:
    """True for the errors that mean "no server" rather than "this statement was wrong": a
    refused or broken connection, a server shutting down or still starting."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, ConnectionLost):  # already translated (Database.read/write)
        return True
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    orig = exc.orig
    if isinstance(orig, psycopg.errors.AdminShutdown | psycopg.errors.CannotConnectNow |
                  psycopg.errors.CrashShutdown):
        return True
    return isinstance(orig, psycopg.OperationalError) and orig.sqlstate in (None, "08000",
                                                                          "08001", "08003",
                                                                          "08006", "57P01",
                                                                          "57P02", "57P03")


def with_reconnect(action: Callable[[], T], *, give_up_after_s: float = 60.0,
                   wait_s: float = 0.5, on_retry: Callable[[BaseException], None] | None = None,
                   ) -> T:
    """Run ``action`` (one whole transaction), again while the server cannot be reached, for
    up to ``give_up_after_s``; then :class:`ServerUnavailable`. Safe because a transaction
    cut off before its COMMIT is rolled back by the server. A cut during the COMMIT itself
    leaves it unknown whether it was kept: the retry then meets the version check (an edit)
    or the label's unique index (a scheduled visit); callers that create rows say so."""
    deadline = time.monotonic() + give_up_after_s
    while True:
        try:
            return action()
        except Exception as exc:
            if not is_connection_lost(exc):
                raise
            if time.monotonic() > deadline:
                raise ServerUnavailable(str(exc).splitlines()[0] if str(exc) else "") from exc
            if on_retry is not None:
                on_retry(exc)
            time.sleep(wait_s)


SAVED_URL_FILE = "server-connection.txt"


def saved_url_file() -> Path:
    """Where the connection dialog keeps the server's URL (never with a password)."""
    return paths.data_dir() / SAVED_URL_FILE


def saved_url() -> str | None:
    try:
        value = saved_url_file().read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return value or None


# (part of libpq's message, what to tell the user). First match wins.
_CONNECT_MESSAGES: tuple[tuple[str, Msg], ...] = (
    ("password authentication failed", msg("The server refused the user name or password.")),
    ("no password supplied", msg("The server asks for a password: enter it.")),
    ("does not exist", msg("The server has no such database or user: check both names.")),
    ("no pg_hba.conf entry", msg("The server does not accept connections from this computer "
     "with these settings (its pg_hba.conf); ask IT, or try another TLS mode.")),
    ("ssl", msg("The encrypted (TLS) connection failed: check the TLS mode, or ask IT for the "
     "server's certificate.")),
    ("could not translate host name", msg("The server's name is not known on this network: "
     "check the name.")),
    ("timeout expired", msg("The server did not answer in time: check the name, the port and the "
     "network.")),
    ("connection refused", msg("Nothing answers at that address and port: check both, and that "
     "the server is running.")),
    ("starting up", msg("The server is starting up: try again in a moment.")),
    ("shutting down", msg("The server is shutting down: try again once it is back.")),
)


def plain_connect_error(exc: BaseException) -> Msg:
    """What went wrong connecting, in words a user can act on (libpq's messages hold no
    patient data, but they are not shown as they are: they are in English server jargon)."""
    detail = str(getattr(exc, "orig", None) or exc)
    low = detail.lower()
    for needle, message in _CONNECT_MESSAGES:
        if needle in low:
            return message
    first = detail.strip().splitlines()[0] if detail.strip() else type(exc).__name__
    return msg("The server could not be used: {detail}", detail=first)
