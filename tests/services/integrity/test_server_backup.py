"""Backups of a server database with pg_dump (consistent, private, checked, rotated like the
SQLite ones, the newest one anchoring `proapp check`) and restore with pg_restore into a new,
empty database after the same checks, all or nothing."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import make_facts
from tests.support import sql
from tests.support.postgres import PgServer
from tests.support.staff import PASSWORD, Staff

from proapp.cli import main as cli_main
from proapp.db import changelog
from proapp.db.engine import Database
from proapp.db.migrate import head_revision, open_database
from proapp.domain.actor import Actor
from proapp.services import patients
from proapp.services.errors import PermissionDenied, UserError
from proapp.services.integrity import backup, server_backup

pytestmark = [pytest.mark.postgresql, pytest.mark.security]


def test_pg_dump_backup_is_consistent_private_checked_and_rotated(
        db: Database, staff: Staff, patient_id: int) -> None:
    writer = db.engine.connect()  # another workstation, mid-transaction
    writer.begin()
    writer.exec_driver_sql("UPDATE patient SET notes = 'uncommitted'")
    try:
        target = backup.backup_now(db, staff.nurse)
    finally:
        writer.rollback()
        writer.close()
    assert target.parent == backup.default_backup_dir()
    assert backup.NAME_RE.match(target.name) and target.suffix == ".dump"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not [p for p in target.parent.iterdir() if "partial" in p.name]
    assert any(" TABLE DATA public patient " in e for e in server_backup.check_archive(target))
    rows, broken, last = server_backup.verify_archive_chain(target)
    assert broken is None and last is not None
    assert rows == sql.scalar(db, "SELECT count(*) FROM change_log")
    assert [r["notes"] for r in server_backup.table_rows(target, "patient")] == [""]
    assert server_backup.check_server_backup(target) == head_revision()
    assert [b.path for b in backup.list_backups(target.parent)] == [target]


def test_check_compares_the_log_with_the_newest_dump(
        db: Database, staff: Staff, patient_id: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert backup.ensure_daily_backup(db) is not None
    assert cli_main(["check", "--db", db.url]) == 0
    out = capsys.readouterr().out
    assert "integrity check: ok" in out and "against newest backup" in out
    last = sql.scalar(db, "SELECT max(id) FROM change_log")
    sql.drop_log_triggers(db)
    assert cli_main(["check", "--db", db.url]) == 1
    assert "append-only trigger is missing" in capsys.readouterr().out
    sql.execute(db, f"DELETE FROM change_log WHERE id = {last}")
    assert cli_main(["check", "--db", db.url]) == 1
    assert f"row {last}, present in the backup" in capsys.readouterr().out


def test_restore_into_an_empty_database_after_checks(
        db: Database, staff: Staff, patient_id: int, pg_server: PgServer, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    patients.create_patient(db, staff.nurse, make_facts("P002"))
    dump = backup.make_backup(db, tmp_path / "bk")
    password = tmp_path / "pw"
    password.write_text(PASSWORD)
    password.chmod(0o600)
    monkeypatch.setenv("PROAPP_PASSWORD_FILE", str(password))

    # Not into a database that has tables (the live one included).
    assert cli_main(["restore", "--db", db.url, "--user", "boss", str(dump)]) == 1
    assert "new, empty database" in capsys.readouterr().err
    empty = pg_server.url(pg_server.create_database())
    # Without naming the current database, nobody can authorise it.
    assert cli_main(["restore", "--db", empty, "--user", "boss", str(dump)]) == 1
    assert "--current URL" in capsys.readouterr().err
    # A nurse of the current database may not restore: nothing is loaded.
    assert cli_main(["restore", "--db", empty, "--current", db.url, "--user", "nina",
                     str(dump)]) == 1
    assert "restore needs another role" in capsys.readouterr().err
    assert tables_of(empty) == 0
    # An administrator restores it; the log says so.
    monkeypatch.setenv("PROAPP_DB", db.url)  # the current database, as a workstation has it
    assert cli_main(["restore", "--db", empty, "--user", "boss", str(dump)]) == 0
    assert "restored" in capsys.readouterr().out
    restored = open_database(empty)
    try:
        codes = sql.rows(restored, "SELECT code FROM patient ORDER BY code")
        assert codes == [("P001",), ("P002",)]
        with restored.read() as s:
            checked, broken = changelog.verify_chain(s)
        assert broken is None
        assert checked == sql.scalar(db, "SELECT count(*) FROM change_log") + 1
        assert sql.rows(restored, "SELECT action, username FROM change_log ORDER BY id DESC "
                        "LIMIT 1") == [("restore", "boss")]
    finally:
        restored.dispose()


def tables_of(url: str) -> int:
    fresh = open_database(url, migrate=False)
    try:
        return int(sql.scalar(fresh, "SELECT count(*) FROM pg_tables WHERE schemaname = "
                              "'public'"))
    finally:
        fresh.dispose()


def test_an_administrator_of_the_backup_only_cannot_restore_it(
        db: Database, staff: Staff, pg_server: PgServer, tmp_path: Path) -> None:
    """The backup says boss is an administrator; since then boss was demoted and ada became
    one. Only the CURRENT database's accounts count: boss is refused before anything is
    loaded, ada (who is not even in the backup) may restore it."""
    from proapp.services import accounts

    dump = backup.make_backup(db, tmp_path / "bk")
    ada = accounts.create_user(db, staff.admin, "ada", PASSWORD, "admin", "Ada Admin")
    accounts.update_user(db, Actor("ada", ada, "admin"), staff.admin.user_id or 0,
                         role="nurse")
    empty = pg_server.url(pg_server.create_database())

    def sign_in(name: str) -> Callable[[Database], Actor]:
        return lambda current: accounts.authenticate(current, name, PASSWORD)

    with pytest.raises(PermissionDenied, match="needs another role"):
        server_backup.restore_server(empty, dump, sign_in("boss"), current=db.url)
    assert tables_of(empty) == 0
    # Not with another installation's database as the "current" one either.
    other = pg_server.url(pg_server.create_database())  # another clinic's database
    stranger = open_database(other)
    try:
        admin = accounts.create_first_admin(stranger, "eve", PASSWORD, "Eve")
        with pytest.raises(UserError, match="another installation"):
            server_backup.restore_server(empty, dump, lambda _c: admin, current=other)
    finally:
        stranger.dispose()
    assert tables_of(empty) == 0
    server_backup.restore_server(empty, dump, sign_in("ada"), current=db.url)
    restored = open_database(empty)
    try:
        assert sql.rows(restored, "SELECT action, username FROM change_log ORDER BY id DESC "
                        "LIMIT 1") == [("restore", "ada")]
        assert sql.rows(restored, "SELECT role FROM user_account WHERE username = 'boss'"
                        ) == [("admin",)]  # the backup's accounts, as they were
    finally:
        restored.dispose()


def test_without_a_current_database_only_the_new_databases_owner_may_restore(
        db: Database, staff: Staff, pg_server: PgServer, tmp_path: Path) -> None:
    dump = backup.make_backup(db, tmp_path / "bk")
    lost = pg_server.url("no_such_database")
    empty = pg_server.url(pg_server.create_database())
    with pytest.raises(UserError, match="--owner"):
        server_backup.restore_server(empty, dump, lambda _c: staff.admin, current=lost)
    with pytest.raises(UserError, match="not typed as asked"):
        server_backup.restore_server(empty, dump, lambda _c: staff.admin, current=lost,
                                     owner_confirmation="yes")
    assert tables_of(empty) == 0
    phrase = server_backup.owner_phrase(dump)
    server_backup.restore_server(empty, dump, lambda _c: staff.admin, current=lost,
                                 owner_confirmation=phrase)
    restored = open_database(empty)
    try:
        assert sql.rows(restored, "SELECT action, username FROM change_log ORDER BY id DESC "
                        "LIMIT 1") == [("restore", "owner:proapp_owner")]
    finally:
        restored.dispose()


def test_a_tampered_or_foreign_archive_is_refused(db: Database, staff: Staff, patient_id: int,
                                                  tmp_path: Path) -> None:
    junk = tmp_path / "proapp-20250101-000000.dump"
    junk.write_bytes(b"PGDMP not really")
    with pytest.raises(UserError, match="not a readable PostgreSQL backup"):
        server_backup.check_server_backup(junk)
    sql.drop_log_triggers(db)
    sql.execute(db, "UPDATE change_log SET reason = 'forged' WHERE id = 2")
    dump = backup.make_backup(db, tmp_path / "bk")
    with pytest.raises(UserError, match="tampered with at row 2"):
        server_backup.check_server_backup(dump)
