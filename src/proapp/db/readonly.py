"""A SQLite connection that cannot change the file, with the standard library alone (no
SQLAlchemy): the engine's read-only connections, and ``proapp check``'s SQLite work started
before the rest of proapp is imported (:mod:`proapp.services.integrity.early`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect(path: Path, timeout_s: float) -> sqlite3.Connection:
    """``mode=ro``; on a read-only disk, where SQLite cannot create the WAL index,
    ``immutable=1`` (safe there: nobody can write it either)."""
    uri = path.resolve().as_uri()
    try:
        con = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=timeout_s,
                              check_same_thread=False)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return con
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True,
                               check_same_thread=False)


def guard(con: sqlite3.Connection, busy_timeout_ms: int) -> None:
    """What every read-only connection is set to: transactions begun by the caller, a busy
    timeout, and ``query_only`` (SQLite refuses any change on it)."""
    con.isolation_level = None
    cur = con.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA query_only = ON")
    finally:
        cur.close()
