"""Engine construction: where the database is, SQLite pragmas, and write transactions.

Writers start SQLite transactions with BEGIN IMMEDIATE, so two programs writing at once wait on
the busy timeout instead of failing with "database is locked" when a read upgrades to a write.
On PostgreSQL a write transaction starts by taking proapp's advisory lock (db/server.py): the
same one-writer-at-a-time order across workstations, so the change log's chain has one
predecessor per append and two writers never deadlock.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from proapp import paths
from proapp.db import readonly
from proapp.db.errors import translated
from proapp.db.installation import ChainKey
from proapp.domain.actor import Actor

if TYPE_CHECKING:  # the ORM is imported by the first session: a command that reads in plain
    from sqlalchemy.orm import Session  # SQL (settings get) never builds the model classes


BUSY_TIMEOUT_MS = 30_000
ENV_DB = paths.ENV_DB


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """``--db`` value, else ``$PROAPP_DB``, else the server saved by the connection dialog
    (services/connection.py), else the default file in the user data folder.

    A value with ``://`` is taken as a full SQLAlchemy URL (for a shared server database);
    anything else is a path to a SQLite file.
    """
    value = os.fspath(db) if db is not None else os.environ.get(ENV_DB) or None
    if value is None:
        from proapp.db import server

        return server.saved_url() or sqlite_url(paths.default_database())
    if "://" in value:
        return value
    return sqlite_url(Path(value).expanduser())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for a server database or in-memory SQLite."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def _bind_none_directly() -> None:
    """Python's sqlite3 (3.11) binds int, float and str directly but sends every other value,
    None included, through its adapter lookup, which for None fails and formats an
    AttributeError twice before binding NULL: a third of a microsecond per None, and a bulk
    import binds about 50 Nones per visit (missing reasons of answered items, flows entered
    without velocity, the log's empty fields): 6 % of its per-row instructions. An adapter
    registered for None is found at once and returns None, which is bound as NULL as
    before. Process-wide, like every sqlite3 adapter; nothing else in the process sees a
    difference."""
    nothing: dict[None, None] = {}
    sqlite3.register_adapter(type(None), nothing.get)  # C: dict.get(None) -> None


_bind_none_directly()


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is deferred only).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
    finally:
        cur.close()


def _sqlite_on_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get("proapp_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _sqlite_read_only_on_connect(dbapi_conn: Any, _record: Any) -> None:
    readonly.guard(dbapi_conn, BUSY_TIMEOUT_MS)


def _read_only_connect(path: Path) -> Any:
    """A connection that cannot change the file (:func:`proapp.db.readonly.connect`)."""
    return readonly.connect(path, BUSY_TIMEOUT_MS / 1000)


def make_engine(url: str, *, read_only: bool = False, **kwargs: Any) -> Engine:
    u = make_url(url)
    path = sqlite_path(url)
    if read_only and path is not None:
        from sqlalchemy.pool import NullPool

        engine = create_engine("sqlite://", creator=lambda: _read_only_connect(path),
                               poolclass=NullPool, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_read_only_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if u.get_backend_name() == "sqlite":
        # hide_parameters: an error's text never carries the row's values (patient names).
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
                               hide_parameters=True, **kwargs)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if u.get_backend_name() == "postgresql":
        from proapp.db import server

        args = {**server.connect_args(), **kwargs.pop("connect_args", {})}
        if read_only:  # the server refuses every change in these sessions (proapp check)
            args["options"] = f"{args.get('options', '')} -c default_transaction_read_only=on"
        if not u.password and server.password_file().is_file():
            args.setdefault("passfile", str(server.password_file()))
        engine = create_engine(url, pool_pre_ping=True, connect_args=args,
                               hide_parameters=True, **kwargs)
        event.listen(engine, "begin", _server_on_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True, **kwargs)


def _server_on_begin(conn: Any) -> None:
    # The counterpart of BEGIN IMMEDIATE: one writer at a time, readers never wait.
    if conn.get_execution_options().get("proapp_write", False):
        from proapp.db import server

        server.lock_for_writing(conn)


class Database:
    """The open database. One short session per user action, never a long-lived one."""

    def __init__(self, engine: Engine, url: str, *, read_only: bool = False):
        self.engine = engine
        self.url = url
        self.read_only = read_only
        self._writer = engine.execution_options(proapp_write=True)
        self._chain: ChainKey | None = None
        self._installation: str | None = None

    def installation_id(self) -> str:
        """Which installation the database is (its integrity key's name), read once: opening
        reads it, so it is known while the server is gone (the visits kept on this computer
        then, services/visits/local_drafts.py, are sealed with that installation's key)."""
        if self._chain is not None:
            return self._chain.installation
        if self._installation is None:
            from proapp.db import installation, keys

            with translated(), self.engine.connect() as conn:
                found = installation.installation_id(conn)
            if found is None:
                raise keys.KeyMissing(f"The database {self.display_name} has no installation "
                                      "record; run `proapp check` and restore a backup.")
            self._installation = found
        return self._installation

    def remember_installation(self, installation_id: str) -> None:
        self._installation = installation_id

    def chain(self) -> ChainKey:
        """The installation's key (loaded once): needed by every write that logs."""
        if self._chain is None:
            from proapp.db import installation

            with translated(), self.engine.connect() as conn:
                self._chain = installation.load(conn, self.display_name)
        return self._chain

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def display_name(self) -> str:
        """For the status bar and the About dialog; never shows a password."""
        p = self.path
        return str(p) if p else make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read transaction. Database errors leave it as :mod:`proapp.db.errors` types."""
        from sqlalchemy.orm import Session

        with translated(), Session(self.engine, expire_on_commit=False) as session, \
                session.begin():
            yield session

    @contextmanager
    def read_rows(self) -> Iterator[Connection]:
        """A read transaction on a plain connection (Core or driver SQL, no ORM session):
        for the commands whose whole work is one small read, so that their start-up does not
        import the ORM and build the model classes (:mod:`proapp.db.tables`)."""
        with translated(), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self, actor: Actor, reason: str | None = None) -> Iterator[Session]:
        """A write transaction: committed at the end of the block, rolled back on any error.
        ``actor`` and ``reason`` are read by the change log."""
        from sqlalchemy.orm import Session

        from proapp.db import accesslog, changelog

        with translated(), Session(self._writer, expire_on_commit=False) as session:
            session.info["actor"] = actor
            session.info["reason"] = reason
            session.info[changelog.CHAIN] = self.chain
            with session.begin():
                yield session
                appended = session.info.get(changelog.APPENDED, ())
                heads = (changelog.head(session) if "change_log" in appended else None,
                         accesslog.head(session) if "access_log" in appended else None)
        if heads != (None, None):
            self.advance_anchor(*heads)

    @contextmanager
    def write_access_log(self) -> Iterator[Connection]:
        """A write transaction on a plain connection (no ORM session) whose only log is the
        access log (:func:`proapp.db.accesslog.append_row` with :meth:`chain`): a sign-in's
        row. Committed at the end of the block, rolled back on any error; the anchor then
        moves to the access log's new head, as after :meth:`write`."""
        from proapp.db import accesslog

        with translated(), self._writer.connect() as conn, conn.begin():
            yield conn
            head = accesslog.head(conn)
        self.advance_anchor(None, head)

    def advance_anchor(self, log_head: tuple[int, str] | None,
                       access_head: tuple[int, str] | None) -> None:
        """After a commit: the anchor outside the database moves to the new heads, written
        by :class:`proapp.db.keys.AnchorWriter` in its own thread (the caller, often the GUI
        thread saving a visit, does not wait for the file's fsyncs)."""
        from proapp.db import keys

        chain = self._chain
        if chain is not None:
            keys.advance_later(chain.installation, self.display_name, log_head, access_head)

    def dispose(self) -> None:
        from proapp.db import keys

        keys.ANCHORS.flush()  # the anchors of this database's last commits are on disk
        self.engine.dispose()
