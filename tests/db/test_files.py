"""Files on disk: private permissions, and refused files left byte-for-byte unchanged."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from proapp import paths
from proapp.cli import main as cli_main
from proapp.db.migrate import APPLICATION_ID, DatabaseRefused, open_database
from proapp.services.integrity import backup
from proapp.services.training import demo

pytestmark = pytest.mark.security

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix
def test_a_shared_sticky_folder_is_left_open(tmp_path: Path) -> None:
    """`--db /tmp/x.db` must not make /tmp private (it once did: every other user and the
    test suite's PostgreSQL server were locked out of /tmp)."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    open_database(shared / "x.db").dispose()
    assert _mode(shared) == 0o1777
    assert _mode(shared / "x.db") == 0o600


@posix
def test_data_folder_database_wal_shm_and_backups_are_private(tmp_path: Path) -> None:
    os.umask(0o022)
    folder = paths.data_dir()
    assert _mode(folder) == 0o700
    db = open_database(None)
    try:
        demo.generate(db, 3, 1)
        path = paths.default_database()
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            assert p.exists(), p
            assert _mode(p) == 0o600, p
        made = backup.ensure_daily_backup(db)
        assert made is not None
        assert _mode(made.parent) == 0o700
        assert _mode(made) == 0o600
    finally:
        db.dispose()


def _too_new(path: Path) -> None:
    db = open_database(path)
    db.dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='9999_future'")
    con.commit()
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()


def _foreign(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes (body) VALUES ('someone else''s data')")
    con.commit()
    con.close()


def _truncated(path: Path) -> None:
    db = open_database(path)
    demo.generate(db, 20, 1)
    db.dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _corrupt(path: Path) -> None:
    db = open_database(path)
    demo.generate(db, 20, 1)
    db.dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    for page in range(2, len(data) // page_size, 3):  # scribble over every third page
        start = page * page_size
        data[start:start + 64] = b"\xde\xad\xbe\xef" * 16
    path.write_bytes(bytes(data))


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n" + os.urandom(5000))


@pytest.mark.parametrize(("make", "message"), [
    (_not_sqlite, "not a SQLite database"),
    (_truncated, "truncated"),
    (_corrupt, r"damaged|not a usable"),
    (_too_new, "newer version of proapp"),
    (_foreign, "another program"),
])
def test_refused_files_are_left_unchanged(tmp_path: Path, make, message: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "clinic.db"
    make(path)
    before = _digest(path)
    listing = sorted(p.name for p in tmp_path.iterdir())
    mode = _mode(path)
    with pytest.raises(DatabaseRefused, match=message):
        open_database(path)
    for argv in (["check", "--db", str(path)], ["demo", "--db", str(path), "--patients", "1"]):
        assert cli_main(argv) == 2
        assert "left untouched" in capsys.readouterr().err
    assert _digest(path) == before
    assert _mode(path) == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no -wal, -shm, backup


def test_application_id_marks_our_files(db_path: Path) -> None:
    db = open_database(db_path)
    db.dispose()
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    con.close()
