"""The attacks of test_attacks.py that act on the SQLite file, made on a server database: with
a server there is no file to edit, but someone with rights on the database (the owner's
password, a DBA, a stolen workstation role) can run the same edits in SQL. ``proapp check``
must catch them through the keyed chain, the replay of the log against the stored rows, the
anchors and the schema objects; a crafted archive must not be restored; and the guarded
outputs still keep exports, reports and backups out of the backup and key folders."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text
from tests.support import sql
from tests.support.integrity import save_m3_visit
from tests.support.postgres import PgServer
from tests.support.staff import Staff

from proapp.cli import main as cli_main
from proapp.db import changelog, keys
from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.services import accounts, reports
from proapp.services.errors import UserError
from proapp.services.exchange.export import run_export
from proapp.services.integrity import backup, server_backup

pytestmark = [pytest.mark.postgresql, pytest.mark.security]


def run_check(url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    rc = cli_main(["check", "--db", url])
    return rc, capsys.readouterr().out


@pytest.fixture
def clinic(db: Database, staff: Staff, patient_id: int) -> Database:
    """A clinic database with accounts, a patient and a completed m3 visit."""
    save_m3_visit(db, staff, patient_id)
    return db


def _recompute_plain(db: Database) -> list[str]:
    """The statements that rewrite the whole chain from row 1 the way someone without the key
    can (plain SHA-256)."""
    rows = sql.rows(db, f"SELECT id, {', '.join(changelog.HASHED_FIELDS)} FROM change_log "
                    "ORDER BY id")
    prev = changelog.GENESIS
    out = []
    for r in rows:
        h = changelog.row_hash(prev, dict(zip(changelog.HASHED_FIELDS, r[1:], strict=True)))
        out.append(f"UPDATE change_log SET prev_hash = '{prev}', hash = '{h}' WHERE id = {r[0]}")
        prev = h
    return out


def t_answer(db: Database) -> None:
    sql.execute(db, "UPDATE answer SET value = 7 WHERE instrument = 'midas' AND item = 'q1'")


def t_role(db: Database) -> None:
    sql.execute(db, "UPDATE user_account SET role = 'admin' WHERE username = 'nina'")


def t_password_hash(db: Database) -> None:
    forged = accounts.hash_password("mallory's own password")
    sql.execute(db, f"UPDATE user_account SET password_hash = '{forged}' WHERE username = 'nina'")


def t_recomputed(db: Database) -> None:
    sql.past_log_triggers(db, "UPDATE change_log SET username = 'mallory' WHERE id = 1")
    sql.past_log_triggers(db, *_recompute_plain(db))


def t_recomputed_with_restore(db: Database) -> None:
    sql.execute(db, "INSERT INTO change_log (at, user_id, username, action, entity, entity_id, "
                "patient_id, visit_id, field, old_value, new_value, reason, prev_hash, hash) "
                "VALUES ('2030-01-01T00:00:00.000000Z', 1, 'boss', 'restore', 'database', "
                "NULL, NULL, NULL, NULL, NULL, '{}', 'forged', '', '')")
    sql.past_log_triggers(db, *_recompute_plain(db))


def t_backup_dir_setting(db: Database) -> None:
    sql.execute(db, "INSERT INTO setting (key, value) VALUES ('backup_dir', '/nonexistent/empty') "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value")


def t_appended_as_other_user(db: Database) -> None:
    last = sql.scalar(db, "SELECT hash FROM change_log ORDER BY id DESC LIMIT 1")
    row = {"at": changelog.now_utc(), "user_id": 2, "username": "doc", "action": "update",
           "entity": "user", "entity_id": 3, "patient_id": None, "visit_id": None,
           "field": "role", "old_value": "nurse", "new_value": "admin", "reason": "promoted"}
    guessed = os.urandom(32)  # the best try without the key: any key but the real one
    with db.engine.begin() as con:  # INSERT is what a workstation's role may do on the log
        con.execute(text(
            "INSERT INTO change_log (at, user_id, username, action, entity, entity_id, "
            "patient_id, visit_id, field, old_value, new_value, reason, prev_hash, hash) "
            "VALUES (:at, :user_id, :username, :action, :entity, :entity_id, :patient_id, "
            ":visit_id, :field, :old_value, :new_value, :reason, :prev, :hash)"),
            {**row, "prev": last, "hash": changelog.row_mac(guessed, last, row)})
        con.execute(text("UPDATE user_account SET role = 'admin' WHERE id = 3"))


def t_triggers_dropped(db: Database) -> None:
    sql.drop_log_triggers(db)


def t_trigger_planted(db: Database) -> None:
    sql.execute(db, "CREATE FUNCTION promote() RETURNS trigger AS $$ BEGIN UPDATE user_account "
                "SET role = 'admin' WHERE username = 'nina'; RETURN NEW; END $$ "
                "LANGUAGE plpgsql",
                "CREATE TRIGGER promote AFTER INSERT ON visit FOR EACH ROW "
                "EXECUTE FUNCTION promote()")


def t_truncated(db: Database) -> None:
    last = sql.scalar(db, "SELECT max(id) FROM change_log")
    sql.past_log_triggers(db, f"DELETE FROM change_log WHERE id >= {last - 1}")


TAMPERS: dict[str, tuple[Callable[[Database], None], tuple[str, ...]]] = {
    "answer edited, no log row": (t_answer, ("answer visit_id=", "midas.q1: stored '7'")),
    "role edited, no log row": (t_role, ("user_account id=3, role: stored 'admin'",)),
    "password hash swapped, no log row": (t_password_hash, ("user_account id=3, password",)),
    "chain recomputed from row 1": (t_recomputed, ("change log: TAMPERED at row 1",)),
    "chain recomputed plus a forged restore row": (t_recomputed_with_restore,
                                                   ("change log: TAMPERED at row 1",)),
    "backup_dir setting changed in the database": (t_backup_dir_setting,
                                                   ("setting key=backup_dir",)),
    "chained rows appended under another user's name": (t_appended_as_other_user,
                                                        ("change log: TAMPERED at row",
                                                         "written without the integrity key")),
    "append-only trigger dropped": (t_triggers_dropped,
                                    ("change log's append-only trigger is missing",)),
    "trigger planted": (t_trigger_planted, ("schema objects: TAMPERED",
                                            "trigger 'promote' (on visit) is not part",
                                            "function 'promote' is not part")),
    "newest rows removed (truncation)": (t_truncated, ("anchor: TAMPERED", "truncated")),
}


@pytest.mark.parametrize("with_backups", [False, True], ids=["no-backups", "with-backups"])
@pytest.mark.parametrize("name", list(TAMPERS))
def test_tampering_with_sql_is_detected(clinic: Database, name: str, with_backups: bool,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    tamper, expected = TAMPERS[name]
    if with_backups:
        assert backup.ensure_daily_backup(clinic) is not None
    rc, out = run_check(clinic.url, capsys)
    assert rc == 0, out
    tamper(clinic)
    logged = sql.scalar(clinic, "SELECT count(*) FROM change_log")
    rc, out = run_check(clinic.url, capsys)
    assert rc == 1, out
    assert "PROBLEMS FOUND" in out
    for words in expected:
        assert words in out, out
    assert sql.scalar(clinic, "SELECT count(*) FROM change_log") == logged  # check only reads


def test_a_database_without_its_installation_record_is_refused(
        clinic: Database, capsys: pytest.CaptureFixture[str]) -> None:
    """Removing the installation row (to pass as an older database) fails."""
    sql.execute(clinic, "DELETE FROM installation")
    with pytest.raises(Exception, match="installation record"):
        open_database(clinic.url)
    rc, out = run_check(clinic.url, capsys)
    assert rc == 1 and "installation record is missing" in out


def test_a_crafted_archive_with_a_planted_trigger_is_not_restored(
        clinic: Database, staff: Staff, pg_server: PgServer, tmp_path: Path) -> None:
    t_trigger_planted(clinic)
    dump = backup.make_backup(clinic, tmp_path / "bk")
    with pytest.raises(UserError, match="promote"):
        server_backup.check_server_backup(dump)
    empty = pg_server.url(pg_server.create_database())
    with pytest.raises(UserError, match="promote"):
        server_backup.restore_server(empty, dump, lambda _current: staff.admin,
                                     current=clinic.url)
    fresh = open_database(empty, migrate=False)
    try:
        assert sql.scalar(fresh, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                          ) == 0
    finally:
        fresh.dispose()


def test_an_archive_whose_key_is_not_installed_is_not_restored(
        clinic: Database, staff: Staff, pg_server: PgServer, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Its keyed chain cannot be verified here: refused before anything is loaded."""
    dump = backup.make_backup(clinic, tmp_path / "bk")
    monkeypatch.setenv("PROAPP_CONFIG_DIR", str(tmp_path / "another-computer"))
    assert not keys.key_dir().exists()
    with pytest.raises(UserError, match=r"integrity key .* is not installed"):
        server_backup.check_server_backup(dump)


def test_outputs_stay_out_of_the_backup_and_key_folders(
        clinic: Database, staff: Staff) -> None:
    """A server database has no file to protect, but the folders proapp keeps for backups
    and integrity keys are still refused as targets."""
    keys_folder = keys.key_dir()
    backups = backup.default_backup_dir()
    with pytest.raises(UserError, match="Refused"):
        run_export(clinic, staff.admin, "csv", keys_folder / "out")
    with pytest.raises(UserError, match="Refused"):
        run_export(clinic, staff.admin, "xlsx", backups / "out.xlsx")
    with pytest.raises(UserError, match="Refused"):
        reports.write_report(clinic, staff.nurse, "P001", backups / "r.pdf")
    with pytest.raises(UserError, match="Refused"):
        backup.backup_now(clinic, staff.admin, keys_folder)
    assert not (keys_folder / "out").exists() and not (backups / "out.xlsx").exists()
