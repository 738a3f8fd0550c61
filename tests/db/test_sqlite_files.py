"""proapp.db.sqlite_files: a copy is one committed snapshot, self-contained, private and
checked; a file opened read-only is never changed."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from proapp.db.sqlite_files import (
    CopyCheckFailed,
    copy_database,
    open_read_only,
    read_only_database,
)


def _make(path: Path, rows: int = 2000) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    con.execute("CREATE INDEX t_v ON t (v)")
    con.executemany("INSERT INTO t (v) VALUES (?)", [(f"value {n:06d}",) for n in range(rows)])
    con.commit()
    con.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_copy_while_another_connection_writes_holds_only_committed_rows(tmp_path: Path) -> None:
    source, copy = tmp_path / "live.db", tmp_path / "copy.db"
    _make(source)
    writer = sqlite3.connect(source, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO t (v) VALUES ('not committed')")
    seen: list[tuple[int, int]] = []
    try:
        copy_database(source, copy, check="integrity_check",
                      progress=lambda done, total: seen.append((done, total)), pages_per_step=4)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    con = sqlite3.connect(copy)
    try:
        assert con.execute("SELECT count(*) FROM t").fetchone()[0] == 2000
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        con.close()
    assert not copy.with_name("copy.db-wal").exists()
    assert len(seen) > 1 and seen[-1][0] == seen[-1][1]
    if os.name == "posix":
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600


def test_a_copy_of_a_damaged_file_fails_its_check(tmp_path: Path) -> None:
    source, copy = tmp_path / "damaged.db", tmp_path / "copy.db"
    _make(source)
    con = sqlite3.connect(source)
    con.execute("PRAGMA journal_mode = DELETE")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    with open(source, "r+b") as fh:  # scribble over the last pages (the index), not the header
        fh.seek((pages - 3) * page_size)
        fh.write(bytes(range(256)) * (3 * page_size // 256))
    with pytest.raises(CopyCheckFailed) as failed:
        copy_database(source, copy, check="quick_check")
    assert failed.value.check == "quick_check" and failed.value.result != "ok"


def test_a_copy_never_overwrites_a_file(tmp_path: Path) -> None:
    source, copy = tmp_path / "live.db", tmp_path / "precious.db"
    _make(source, rows=10)
    copy.write_bytes(b"a file that is not empty")
    with pytest.raises(FileExistsError):
        copy_database(source, copy)
    assert copy.read_bytes() == b"a file that is not empty"


def test_read_only_access_leaves_the_file_byte_for_byte(tmp_path: Path) -> None:
    source = tmp_path / "backup.db"
    _make(source, rows=10)
    before = _digest(source)
    con = open_read_only(source)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            con.execute("INSERT INTO t (v) VALUES ('x')")
    finally:
        con.close()
    db = read_only_database(source)
    try:
        with db.read() as s:
            assert s.execute(text("SELECT count(*) FROM t")).scalar_one() == 10
    finally:
        db.dispose()
    assert _digest(source) == before
