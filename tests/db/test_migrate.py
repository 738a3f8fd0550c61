"""Opening databases: fresh creation, schema = models, and refusal that leaves files alone."""

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from proapp.db.migrate import (
    APPLICATION_ID,
    DatabaseRefused,
    backup_before_migration,
    head_revision,
    open_database,
)
from proapp.db.models import Base


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fresh_database_is_migrated_to_head(db_path: Path) -> None:
    db = open_database(db_path)
    db.dispose()
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert triggers == {"change_log_no_update", "change_log_no_delete"}


def test_migrated_schema_matches_the_models(db_path: Path) -> None:
    db = open_database(db_path)
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.dispose()
    assert diffs == []


def test_reopening_does_not_back_up_or_change_anything(db_path: Path) -> None:
    open_database(db_path).dispose()
    open_database(db_path).dispose()
    assert [p.name for p in db_path.parent.iterdir() if "pre-migration" in p.name] == []


def test_empty_file_becomes_a_database(db_path: Path) -> None:
    db_path.write_bytes(b"")
    open_database(db_path).dispose()
    assert db_path.stat().st_size > 0


def test_too_new_database_is_refused_untouched(db_path: Path) -> None:
    open_database(db_path).dispose()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = digest(db_path)
    with pytest.raises(DatabaseRefused, match="newer version of proapp"):
        open_database(db_path)
    assert digest(db_path) == before


def test_foreign_sqlite_database_is_refused_untouched(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    before = digest(db_path)
    with pytest.raises(DatabaseRefused, match="another program"):
        open_database(db_path)
    assert digest(db_path) == before


def test_non_sqlite_file_is_refused_untouched(db_path: Path) -> None:
    db_path.write_bytes(b"%PDF-1.7 this is not a database" * 100)
    before = digest(db_path)
    with pytest.raises(DatabaseRefused, match="not a SQLite database"):
        open_database(db_path)
    assert digest(db_path) == before


def test_truncated_database_is_refused_untouched(demo_template: Path, tmp_path: Path) -> None:
    data = demo_template.read_bytes()
    path = tmp_path / "cut.db"
    path.write_bytes(data[: len(data) // 2])
    before = digest(path)
    with pytest.raises(DatabaseRefused, match=r"truncated|damaged"):
        open_database(path)
    assert digest(path) == before


def test_corrupted_database_is_refused_untouched(demo_template: Path, tmp_path: Path) -> None:
    data = bytearray(demo_template.read_bytes())
    page = 4096
    for offset in range(page * 3, page * 6):  # scribble over b-tree pages
        data[offset] = 0xA5
    path = tmp_path / "bad.db"
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseRefused):
        open_database(path)
    assert digest(path) == before


def test_backup_before_migration_is_a_consistent_copy(db: object, db_path: Path) -> None:
    copy = backup_before_migration(db_path, "0001")
    assert "pre-migration-0001" in copy.name
    con = sqlite3.connect(copy)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefused, match="folder"):
        open_database(tmp_path)
