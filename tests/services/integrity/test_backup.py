"""Backups (consistent, private, rotated) and restore (checked first, atomic, keeps the old
database aside, refuses while the database is in use)."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from tests.conftest import make_facts
from tests.support.staff import Staff

from proapp.db.engine import Database
from proapp.db.migrate import head_revision, open_database
from proapp.services import patients, settings
from proapp.services.errors import PermissionDenied
from proapp.services.integrity import backup
from proapp.services.integrity.backup import BackupFile, RestoreRefused

pytestmark = pytest.mark.security
SQLITE_FILE = pytest.mark.sqlite_only(
    "backs up or restores a SQLite file in place; the server's pg_dump and pg_restore "
    "are tested in test_server_backup.py")


def _codes(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT code FROM patient ORDER BY code")]
    finally:
        con.close()


@SQLITE_FILE
def test_backup_is_consistent_self_contained_and_checked(db: Database, staff: Staff,
                                                          patient_id: int) -> None:
    target = backup.backup_now(db, staff.nurse)
    assert target.parent == backup.default_backup_dir()
    assert _codes(target) == ["P001"]  # the committed row is in the copy (WAL included)
    assert not target.with_name(target.name + "-wal").exists()
    con = sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert backup.check_backup(target) == head_revision()


def test_backup_folder_from_setting(db: Database, staff: Staff, tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere" / "bk"
    settings.set_value(db, staff.admin, "backup_dir", str(folder))
    made = backup.ensure_daily_backup(db)
    assert made is not None
    assert made.parent == folder
    assert backup.ensure_daily_backup(db) is None  # once a day
    assert backup.ensure_daily_backup(db, date.today() + timedelta(days=1)) is not None


def test_gfs_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path: Path) -> None:
    start = datetime(2025, 1, 1, 8, 0, 0)
    files = []
    for day in range(400):  # two backups a day for 400 days
        for hour in (8, 17):
            t = start + timedelta(days=day, hours=hour - 8)
            p = tmp_path / f"proapp-{t:%Y%m%d-%H%M%S}.db"
            p.write_bytes(b"x")
            files.append(BackupFile(p, t))
    (tmp_path / "notes.txt").write_text("not a backup")
    removed = backup.rotate(tmp_path)
    kept = backup.list_backups(tmp_path)
    newest = max(f.taken for f in files)
    days = {b.taken.date() for b in kept}
    assert all(b.taken.hour == 17 for b in kept)  # newest of each period
    assert {newest.date() - timedelta(days=i) for i in range(7)} <= days
    weeks = {b.taken.isocalendar()[:2] for b in kept}
    months = {(b.taken.year, b.taken.month) for b in kept}
    assert len(weeks) >= 4
    assert len(months) == 12
    assert len(kept) <= 7 + 4 + 12
    assert len(kept) + len(removed) == 800
    assert (tmp_path / "notes.txt").exists()
    assert backup.rotate(tmp_path) == []  # stable


@SQLITE_FILE
def test_restore_replaces_atomically_and_keeps_old_aside(db: Database, staff: Staff,
                                                          patient_id: int) -> None:
    assert db.path is not None
    saved = backup.backup_now(db, staff.nurse)
    patients.create_patient(db, staff.nurse, make_facts("P002"))
    assert _codes(db.path) == ["P001", "P002"]
    db.dispose()
    with pytest.raises(PermissionDenied):
        backup.restore(db.path, saved, staff.nurse)
    result = backup.restore(db.path, saved, staff.admin)
    assert _codes(db.path) == ["P001"]
    assert result.replaced_saved_as is not None
    assert _codes(result.replaced_saved_as) == ["P001", "P002"]
    assert not db.path.with_name(db.path.name + "-wal").exists()
    leftovers = [p.name for p in db.path.parent.iterdir() if ".tmp" in p.name]
    assert leftovers == []
    reopened = open_database(db.path)
    assert patients.count(reopened) == 1
    reopened.dispose()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@SQLITE_FILE
def test_restore_refuses_bad_backups_and_changes_nothing(db: Database, staff: Staff,
                                                          patient_id: int,
                                                          tmp_path: Path) -> None:
    assert db.path is not None
    good = backup.backup_now(db, staff.nurse)
    db.dispose()
    before = _sha(db.path)
    not_sqlite = tmp_path / "x.db"
    not_sqlite.write_bytes(b"hello" * 100)
    too_new = tmp_path / "new.db"
    too_new.write_bytes(good.read_bytes())
    con = sqlite3.connect(too_new)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    tampered = tmp_path / "tampered.db"
    tampered.write_bytes(good.read_bytes())
    con = sqlite3.connect(tampered)
    con.execute("DROP TRIGGER change_log_no_update")
    con.execute("UPDATE change_log SET username='mallory' WHERE id=1")
    con.commit()
    con.close()
    truncated = tmp_path / "trunc.db"
    truncated.write_bytes(good.read_bytes()[:8192])
    for bad, message in ((not_sqlite, "not a SQLite"), (too_new, "newer version"),
                         (tampered, "tampered"), (truncated, "truncated"),
                         (tmp_path / "missing.db", "does not exist"), (db.path, "itself")):
        with pytest.raises(RestoreRefused, match=message):
            backup.restore(db.path, bad, staff.admin)
        assert _sha(db.path) == before


@SQLITE_FILE
def test_restore_refused_while_database_is_open_elsewhere(db: Database, staff: Staff,
                                                           patient_id: int) -> None:
    assert db.path is not None
    saved = backup.backup_now(db, staff.nurse)
    patients.count(db)  # the pool keeps a connection open, like a running window
    with pytest.raises(RestoreRefused, match=r"in use|open in another"):
        backup.restore(db.path, saved, staff.admin)
    assert patients.count(db) == 1
    db.dispose()
    backup.restore(db.path, saved, staff.admin)


@SQLITE_FILE
def test_restore_over_damaged_database_keeps_it_aside(db: Database, staff: Staff,
                                                      patient_id: int) -> None:
    assert db.path is not None
    saved = backup.backup_now(db, staff.nurse)
    db.dispose()
    db.path.write_bytes(b"garbage" * 1000)
    damaged = _sha(db.path)
    with pytest.raises(RestoreRefused, match="owner"):
        backup.restore(db.path, saved, staff.admin)  # no account can vouch for it now
    assert _sha(db.path) == damaged
    result = backup.restore(db.path, saved, backup.owner_actor(),
                            owner_confirmation=backup.owner_phrase(db.path))
    assert result.replaced_saved_as is not None
    assert _sha(result.replaced_saved_as) == damaged
    assert _codes(db.path) == ["P001"]


@SQLITE_FILE
def test_restore_is_logged_and_older_backups_no_longer_compared(
        db: Database, staff: Staff, patient_id: int) -> None:
    """After restoring an older backup, the newer backups describe the replaced database:
    `check` must not call the restored log truncated."""
    from proapp.services.integrity.check import run_check

    assert db.path is not None
    older = backup.make_backup(db, now=datetime(2020, 1, 1, 9, 0, 0))
    patients.create_patient(db, staff.nurse, make_facts("P002"))
    backup.make_backup(db, now=datetime(2020, 1, 2, 9, 0, 0))
    db.dispose()
    backup.restore(db.path, older, staff.admin)
    restored = open_database(db.path)
    try:
        report = run_check(restored)
        assert report.ok, report.lines()
        assert report.anchor is None
        con = sqlite3.connect(db.path)
        row = con.execute("SELECT username, new_value FROM change_log WHERE action='restore'"
                          ).fetchone()
        con.close()
        assert row[0] == "boss"
        assert older.name in row[1]
        newer = backup.ensure_daily_backup(restored)
        assert newer is not None
        report = run_check(restored)
        assert report.ok
        assert report.anchor is not None
        assert report.anchor.backup == newer
    finally:
        restored.dispose()


def test_rotation_removes_stale_partial_copies_only(tmp_path: Path) -> None:
    """A half copy whose writer is gone is removed; one whose writer still holds its lock
    (a backup running right now) is kept."""
    stale = tmp_path / ".proapp-20250101-080000.db.partial-123"
    fresh = tmp_path / ".proapp-20250102-080000.db.partial-456"
    for p in (stale, fresh):
        p.write_bytes(b"half")
    with backup._held(tmp_path / ".proapp-20250102-080000.db.lock-456"):
        backup.rotate(tmp_path)
        assert not stale.exists()
        assert fresh.exists()
