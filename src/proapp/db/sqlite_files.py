"""SQLite files beside the live database: consistent copies (backups, restores, the
pre-migration copy, the ``sqlite`` export) and read-only access to a copy.

SQLite's online backup API copies the pages of one point-in-time snapshot while other
connections (this application, another workstation) go on reading and writing; copying the
file with the file system could catch a write half done or miss what is still in the -wal
file. The copy is then switched to a self-contained single file (journal mode DELETE, no
-wal beside it), optionally checked, and flushed to the disk. Writing it under a temporary
name and renaming it is the caller's part (:mod:`proapp.atomic`). A file opened read-only
(URI ``mode=ro``) cannot be changed, not even its journal mode, so checking a backup or
signing in against one leaves it byte for byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from proapp import atomic
from proapp.db.engine import Database, sqlite_url

Check = Literal["quick_check", "integrity_check"]


class CopyCheckFailed(Exception):
    """The copy did not pass its check; ``result`` is SQLite's first line."""

    def __init__(self, check: Check, result: str):
        super().__init__(f"{check}: {result}")
        self.check = check
        self.result = result


def open_read_only(path: Path, *, timeout: float = 30) -> sqlite3.Connection:
    """A connection that can never change ``path`` (URI ``mode=ro``)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)


def read_only_database(path: Path) -> Database:
    """A :class:`Database` over ``path`` that cannot change it (no pragmas, no journal)."""
    engine = create_engine("sqlite://", creator=lambda: open_read_only(path, timeout=5.0),
                           poolclass=NullPool)
    return Database(engine, sqlite_url(path))


def copy_database(source: Path, target: Path, *, check: Check | None = "quick_check",
                  progress: Callable[[int, int], None] | None = None,
                  pages_per_step: int = -1) -> None:
    """Copy ``source`` into ``target`` (new or empty; made private), page by page.

    ``check`` runs on the copy and raises :class:`CopyCheckFailed` unless it says ok.
    ``progress(done, total)`` is called after each step of ``pages_per_step`` pages
    (-1: everything in one step).
    """
    if target.exists() and target.stat().st_size:
        raise FileExistsError(f"{target} is not empty; a copy never overwrites a file")
    if not target.exists():
        atomic.create_private(target)
    os.chmod(target, atomic.PRIVATE)

    def step(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    src = open_read_only(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst, pages=pages_per_step, progress=step)
            dst.execute("PRAGMA journal_mode = DELETE")
            if check is not None:
                try:
                    result = str(dst.execute(f"PRAGMA {check}").fetchone()[0])
                except sqlite3.DatabaseError as exc:  # too damaged to even be checked
                    result = str(exc)
                if result != "ok":
                    raise CopyCheckFailed(check, result)
            dst.commit()
        finally:
            dst.close()
    finally:
        src.close()
    atomic.fsync_file(target)
