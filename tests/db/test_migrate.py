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
    assert triggers == {"change_log_no_update", "change_log_no_delete", "access_log_no_update",
                        "access_log_no_delete"}


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


def _scribble(path: Path, pages: range) -> None:
    con = sqlite3.connect(path)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    for page in pages:  # 1-based page numbers, as sqlite_master's rootpage
        data[(page - 1) * page_size:page * page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))


def _root_page(path: Path, table: str) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                               (table,)).fetchone()[0])
    finally:
        con.close()


def test_damage_in_what_opening_reads_is_refused_untouched(demo_template: Path,
                                                           tmp_path: Path) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(demo_template.read_bytes())
    root = _root_page(path, "setting")  # a small table: read in full on every open
    _scribble(path, range(root, root + 1))
    before = digest(path)
    with pytest.raises(DatabaseRefused):
        open_database(path)
    assert digest(path) == before


def test_damage_in_a_large_table_is_found_by_check_and_the_daily_backup(
        demo_template: Path, tmp_path: Path) -> None:
    """Opening does not read every page (it would grow with the file: seconds at 50,000
    patients); `proapp check` and the daily backup's quick_check do, and say so."""
    from proapp.services.errors import UserError
    from proapp.services.integrity import backup
    from proapp.services.integrity.check import run_check

    path = tmp_path / "bad.db"
    path.write_bytes(demo_template.read_bytes())
    root = _root_page(path, "answer")
    _scribble(path, range(root, root + 1))
    db = open_database(path)
    try:
        report = run_check(db)
        assert not report.ok and report.integrity != ["ok"]
        with pytest.raises(UserError, match="failed its check"):
            backup.make_backup(db, tmp_path / "backups")
        assert backup.list_backups(tmp_path / "backups") == []  # no damaged copy is kept
    finally:
        db.dispose()


def test_opening_runs_no_whole_file_check(demo_template: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Every statement any connection runs while the database is opened, as SQLite traces
    it: neither quick_check nor integrity_check."""
    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        con = connect(*args, **kwargs)
        con.set_trace_callback(statements.append)
        return con

    monkeypatch.setattr(sqlite3, "connect", traced)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", traced)  # what SQLAlchemy calls
    path = tmp_path / "copy.db"
    path.write_bytes(demo_template.read_bytes())
    db = open_database(path)
    try:
        with db.read() as s:
            s.connection().exec_driver_sql("SELECT 1")
    finally:
        db.dispose()
    assert any("alembic_version" in x for x in statements)  # the trace did see the open
    assert not [x for x in statements if "quick_check" in x or "integrity_check" in x]


def test_backup_before_migration_is_a_consistent_copy(db: object, db_path: Path) -> None:
    copy = backup_before_migration(db_path, "0001")
    assert "pre-migration-0001" in copy.name
    con = sqlite3.connect(copy)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefused, match="folder"):
        open_database(tmp_path)


def test_revisions_read_from_the_files_are_alembics() -> None:
    """Opening a current database reads the head from the migration files (no alembic
    import); that reading agrees with alembic's."""
    from alembic.script import ScriptDirectory

    from proapp.db.migrate import alembic_config, head_revision, known_revisions

    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {s.revision for s in scripts.walk_revisions()}


def test_opening_a_current_database_imports_no_alembic(db_path: Path) -> None:
    import subprocess
    import sys

    open_database(db_path).dispose()
    probe = ("import sys\nfrom proapp.db.migrate import open_database\n"
             f"open_database({str(db_path)!r}).dispose()\n"
             "print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


def test_a_0001_database_gains_double_entry_and_self_report(db_path: Path) -> None:
    """A database written before double entry existed is backed up and upgraded; its visits
    stay, and the new tables are there (empty: no visit is double-entered or self-reported)."""
    from alembic import command

    from proapp.db.engine import make_engine, sqlite_url
    from proapp.db.migrate import alembic_config

    engine = make_engine(sqlite_url(db_path))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.exec_driver_sql(
            "INSERT INTO patient (id, code, family_name, given_name, sex, ms_subtype, "
            "headache_positive, fatigue_positive, notes, is_demo, created_at, updated_at, "
            "version) VALUES (1, 'P1', 'A', 'B', 'F', 'RR', 0, 0, '', 0, '2014-01-01', "
            "'2014-01-01', 1)")
        conn.exec_driver_sql(
            "INSERT INTO visit (id, patient_id, visit_date, label, status, entered_by, "
            "created_at, updated_at, version) VALUES (1, 1, '2014-06-10', 'm3', 'draft', "
            "'n', '2014-06-10', '2014-06-10', 1)")
    engine.dispose()
    db = open_database(db_path)
    db.dispose()
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == \
        head_revision()
    assert con.execute("SELECT count(*) FROM visit").fetchone()[0] == 1
    for table in ("double_entry", "double_entry_item", "self_report", "self_report_answer"):
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert list(db_path.parent.glob("*.pre-migration-0001-*"))


def test_languages_revision_keeps_every_row_and_gives_old_patients_english(
        tmp_path: Path) -> None:
    """0001 -> head on a database with a patient, a procedure and a visit: the columns are
    added in place (no rebuilt patient table whose drop would cascade to the visits)."""
    from proapp.db.engine import Database, make_engine
    from proapp.db.migrate import upgrade

    path = tmp_path / "old.db"
    old = Database(make_engine(f"sqlite:///{path}"), f"sqlite:///{path}")
    upgrade(old, "0001")
    with old.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO patient (id, code, family_name, given_name, birth_date, sex, "
            "ms_subtype, headache_positive, fatigue_positive, notes, is_demo, created_at, "
            "updated_at, version) VALUES (1, 'P1', 'Rossi', 'Anna', '1970-01-01', 'F', 'RR', "
            "0, 0, '', 0, '2020-01-01 00:00:00', '2020-01-01 00:00:00', 1)")
        conn.exec_driver_sql(
            "INSERT INTO visit (id, patient_id, visit_date, label, status, entered_by, "
            "created_at, updated_at, version) VALUES (1, 1, '2020-01-01', 'baseline', "
            "'draft', '', '2020-01-01 00:00:00', '2020-01-01 00:00:00', 1)")
    old.dispose()
    db = open_database(path)
    db.dispose()
    con = sqlite3.connect(path)
    assert con.execute("SELECT code, language FROM patient").fetchall() == [("P1", "en")]
    assert con.execute("SELECT id, text_language FROM visit").fetchall() == [(1, None)]
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("UPDATE patient SET language = 'de'")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("UPDATE visit SET text_language = 'xx'")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
