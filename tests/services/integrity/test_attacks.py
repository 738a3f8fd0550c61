"""Attacks from issue #10, one test each: someone with write access to the database file (and
no key), and each role trying more than it may. Each test asserts detection (``proapp check``
exits 1 and names the table and row) or refusal with the database file byte-identical."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from tests.conftest import make_facts
from tests.services.exchange.helpers import write_csv
from tests.support.integrity import save_m3_visit
from tests.support.sql import scalar as sql_scalar
from tests.support.staff import PASSWORD, Staff

from proapp.cli import main as cli_main
from proapp.db import changelog, keys
from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.domain.visit import VisitContent
from proapp.services import accounts, patients, reports, settings, visits
from proapp.services.accounts import signin
from proapp.services.errors import ConflictError, PermissionDenied
from proapp.services.exchange.columns import PATIENT_CONTRACT
from proapp.services.exchange.export import run_export
from proapp.services.exchange.importer import import_folder
from proapp.services.integrity import backup, server_backup
from proapp.services.integrity.backup import RestoreRefused
from proapp.services.visits import signing

pytestmark = pytest.mark.security

# The attacks on the SQLite file itself (raw edits with sqlite3, its -wal/-shm/-journal files,
# a planted trigger in the file, a damaged file replaced in place) have no file to act on with
# a server; their server counterparts (the same edits made with SQL by someone with rights on
# the database) are in test_server_attacks.py.
SERVER_COUNTERPART = " (server: test_server_attacks.py)"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    rc = cli_main(["check", "--db", str(path)])
    return rc, capsys.readouterr().out


@pytest.fixture
def clinic(db: Database, staff: Staff, patient_id: int) -> Path:
    """A clinic database with accounts, a patient and a completed m3 visit; closed."""
    save_m3_visit(db, staff, patient_id)
    assert db.path is not None
    path = db.path
    db.dispose()
    return path


# --- tampering with the file: detected by `proapp check` -----------------------------------


def _triggers(con: sqlite3.Connection) -> list[str]:
    return [r[0] for r in con.execute("SELECT sql FROM sqlite_master WHERE type='trigger' "
                                      "AND name LIKE 'change_log_%'")]


def _without_triggers(con: sqlite3.Connection, work: Callable[[], object]) -> None:
    """Drop the append-only triggers, tamper, and put the very same triggers back (so the
    schema looks untouched)."""
    saved = _triggers(con)
    con.execute("DROP TRIGGER change_log_no_update")
    con.execute("DROP TRIGGER change_log_no_delete")
    work()
    for sql in saved:
        con.execute(sql)


def _recompute_plain(con: sqlite3.Connection) -> None:
    """Rewrite the whole chain from row 1 the way an attacker can without the key."""
    rows = con.execute(f"SELECT id, {', '.join(changelog.HASHED_FIELDS)} FROM change_log "
                       "ORDER BY id").fetchall()
    prev = changelog.GENESIS
    for r in rows:
        values = dict(zip(changelog.HASHED_FIELDS, r[1:], strict=True))
        h = changelog.row_hash(prev, values)
        con.execute("UPDATE change_log SET prev_hash=?, hash=? WHERE id=?", (prev, h, r[0]))
        prev = h


def t_answer(con: sqlite3.Connection) -> None:
    con.execute("UPDATE answer SET value = 7 WHERE instrument='midas' AND item='q1'")


def t_pta_date(con: sqlite3.Connection) -> None:
    con.execute("UPDATE procedure SET pta_date = '2001-02-03'")


def t_family_name(con: sqlite3.Connection) -> None:
    con.execute("UPDATE patient SET family_name = 'Mallory'")


def t_role(con: sqlite3.Connection) -> None:
    con.execute("UPDATE user_account SET role='admin' WHERE username='nina'")


def t_password_hash(con: sqlite3.Connection) -> None:
    con.execute("UPDATE user_account SET password_hash=? WHERE username='nina'",
                (accounts.hash_password("mallory's own password"),))


def t_recomputed(con: sqlite3.Connection) -> None:
    def work() -> None:
        con.execute("UPDATE change_log SET username='mallory' WHERE id=1")
        _recompute_plain(con)
    _without_triggers(con, work)


def t_recomputed_with_restore(con: sqlite3.Connection) -> None:
    def work() -> None:
        con.execute("INSERT INTO change_log (at, user_id, username, action, entity, entity_id, "
                    "patient_id, visit_id, field, old_value, new_value, reason, prev_hash, "
                    "hash) VALUES ('2030-01-01T00:00:00.000000Z', 1, 'boss', 'restore', "
                    "'database', NULL, NULL, NULL, NULL, NULL, '{}', 'forged', '', '')")
        _recompute_plain(con)
    _without_triggers(con, work)


def t_backup_dir_setting(con: sqlite3.Connection) -> None:
    con.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('backup_dir', "
                "'/nonexistent/empty')")


def t_appended_as_other_user(con: sqlite3.Connection) -> None:
    last = con.execute("SELECT hash FROM change_log ORDER BY id DESC LIMIT 1").fetchone()[0]
    row = {"at": changelog.now_utc(), "user_id": 2, "username": "doc", "action": "update",
           "entity": "user", "entity_id": 3, "patient_id": None, "visit_id": None,
           "field": "role", "old_value": "nurse", "new_value": "admin", "reason": "promoted"}
    guessed = os.urandom(32)  # the attacker's best try: any key but the real one
    con.execute("INSERT INTO change_log (at, user_id, username, action, entity, entity_id, "
                "patient_id, visit_id, field, old_value, new_value, reason, prev_hash, hash) "
                "VALUES (:at, :user_id, :username, :action, :entity, :entity_id, :patient_id, "
                ":visit_id, :field, :old_value, :new_value, :reason, :prev, :hash)",
                {**row, "prev": last, "hash": changelog.row_mac(guessed, last, row)})
    con.execute("UPDATE user_account SET role='admin' WHERE id=3")


def t_triggers_dropped(con: sqlite3.Connection) -> None:
    con.execute("DROP TRIGGER change_log_no_update")
    con.execute("DROP TRIGGER change_log_no_delete")


def t_trigger_planted(con: sqlite3.Connection) -> None:
    con.execute("CREATE TRIGGER promote AFTER INSERT ON visit BEGIN UPDATE user_account "
                "SET role='admin' WHERE username='nina'; END")


def t_truncated(con: sqlite3.Connection) -> None:
    last = con.execute("SELECT max(id) FROM change_log").fetchone()[0]
    _without_triggers(con, lambda: con.execute("DELETE FROM change_log WHERE id >= ?",
                                               (last - 1,)))


TAMPERS: dict[str, tuple[Callable[[sqlite3.Connection], None], tuple[str, ...]]] = {
    "answer edited, no log row": (t_answer, ("answer visit_id=", "midas.q1: stored '7'")),
    "PTA date edited, no log row": (t_pta_date, ("procedure id=",
                                                 "pta_date: stored '2001-02-03'")),
    "family name edited, no log row": (t_family_name, ("patient id=",
                                                       "family_name: stored 'Mallory'")),
    "role edited, no log row": (t_role, ("user_account id=3, role: stored 'admin'",)),
    "password hash swapped, no log row": (t_password_hash, ("user_account id=3, password",)),
    "chain recomputed from row 1": (t_recomputed, ("change log: TAMPERED at row 1",)),
    "chain recomputed plus a forged restore row": (t_recomputed_with_restore,
                                                   ("change log: TAMPERED at row 1",)),
    "backup_dir setting changed in the file": (t_backup_dir_setting,
                                               ("setting key=backup_dir",)),
    "chained rows appended under another user's name": (t_appended_as_other_user,
                                                        ("change log: TAMPERED at row",
                                                         "written without the integrity key")),
    "append-only triggers dropped": (t_triggers_dropped,
                                     ("schema objects: TAMPERED",
                                      "trigger 'change_log_no_update' (on change_log) is "
                                      "missing")),
    "trigger planted": (t_trigger_planted, ("schema objects: TAMPERED",
                                            "trigger 'promote' (on visit) is not part")),
    "newest rows removed (truncation)": (t_truncated, ("anchor: TAMPERED", "truncated")),
}


@pytest.mark.sqlite_only("edits the SQLite file with sqlite3" + SERVER_COUNTERPART)
@pytest.mark.parametrize("with_backups", [False, True], ids=["no-backups", "with-backups"])
@pytest.mark.parametrize("name", list(TAMPERS))
def test_tampering_is_detected(clinic: Path, name: str, with_backups: bool,
                               capsys: pytest.CaptureFixture[str]) -> None:
    tamper, expected = TAMPERS[name]
    if with_backups:
        db = open_database(clinic)
        backup.ensure_daily_backup(db)
        db.dispose()
    assert run_check(clinic, capsys)[0] == 0
    con = sqlite3.connect(clinic)
    tamper(con)
    con.commit()
    con.close()
    before = sha(clinic)
    rc, out = run_check(clinic, capsys)
    assert rc == 1, out
    assert "PROBLEMS FOUND" in out
    for text in expected:
        assert text in out, out
    assert sha(clinic) == before  # check only reads


@pytest.mark.sqlite_only("edits the SQLite file with sqlite3" + SERVER_COUNTERPART)
def test_a_database_without_its_installation_record_is_refused(
        clinic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Stripping the keyed part (installation row) to pass as an older database fails."""
    con = sqlite3.connect(clinic)
    con.execute("DELETE FROM installation")
    con.commit()
    con.close()
    before = sha(clinic)
    with pytest.raises(Exception, match="installation record"):
        open_database(clinic)
    rc, out = run_check(clinic, capsys)
    assert rc == 1 and "installation record is missing" in out
    assert sha(clinic) == before


# --- guarded outputs -----------------------------------------------------------------------


@pytest.mark.sqlite_only("targets the SQLite file and its journals; a server database has no "
                         "file a path names" + SERVER_COUNTERPART)
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal", "link"])
@pytest.mark.parametrize("fmt", ["xlsx", "sqlite", "csv"])
def test_export_never_overwrites_the_database(db: Database, patient_id: int, tmp_path: Path,
                                              suffix: str, fmt: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert db.path is not None
    path = db.path
    db.dispose()
    if suffix == "link":
        target = tmp_path / "innocent.xlsx"
        target.symlink_to(path)
    else:
        target = path.with_name(path.name + suffix)
    before = sha(path)
    rc = cli_main(["export", "--db", str(path), "--format", fmt, "--out", str(target),
                   "--force"])
    err = capsys.readouterr().err
    assert rc == 1
    assert "Refused" in err and "--force does not change this" in err
    assert sha(path) == before
    assert suffix in ("", "link") or not target.exists()


@pytest.mark.sqlite_only("targets the SQLite file and its journals" + SERVER_COUNTERPART)
def test_backup_report_and_restore_targets_are_guarded(
        db: Database, staff: Staff, patient_id: int, tmp_path: Path) -> None:
    assert db.path is not None
    path = db.path
    db.dispose()
    before = sha(path)
    db = open_database(path)
    with pytest.raises(Exception, match="Refused"):
        backup.backup_now(db, staff.admin, backup.default_backup_dir())
    with pytest.raises(Exception, match="Refused"):
        reports.write_report(db, staff.nurse, "P001", path)
    with pytest.raises(Exception, match="Refused"):
        reports.write_report(db, staff.nurse, "P001", backup.default_backup_dir() / "r.pdf")
    with pytest.raises(RestoreRefused, match="database itself"):
        backup.restore(path, path.with_name(path.name + "-wal"), staff.admin)
    db.dispose()
    assert sha(path) == before


# --- backups and restore -------------------------------------------------------------------


@pytest.mark.sqlite_only("plants a trigger in a SQLite backup file" + SERVER_COUNTERPART)
def test_a_crafted_backup_with_a_planted_trigger_is_not_restored(
        clinic: Path, staff: Staff) -> None:
    db = open_database(clinic)
    saved = backup.backup_now(db, staff.nurse)
    db.dispose()
    con = sqlite3.connect(saved)
    con.execute("CREATE TRIGGER promote AFTER INSERT ON change_log BEGIN UPDATE user_account "
                "SET role='admin' WHERE username='nina'; UPDATE answer SET value=0; END")
    con.commit()
    con.close()
    before = sha(clinic)
    with pytest.raises(RestoreRefused, match="promote"):
        backup.restore(clinic, saved, staff.admin)
    assert sha(clinic) == before


@pytest.mark.sqlite_only("damages the SQLite file and restores over it in place; a server "
                         "backup goes into a new, empty database only (test_server_backup.py)")
def test_restore_over_a_damaged_database_needs_the_folder_owner(
        clinic: Path, staff: Staff, password_file: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The accounts of the backup never authorise a restore."""
    import io

    db = open_database(clinic)
    saved = backup.backup_now(db, staff.nurse)
    db.dispose()
    clinic.write_bytes(b"damaged" * 500)
    before = sha(clinic)
    assert cli_main(["restore", "--db", str(clinic), "--user", "boss", str(saved)]) == 1
    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\n"))
    assert cli_main(["restore", "--db", str(clinic), "--owner", str(saved)]) == 1
    assert "not typed as asked" in capsys.readouterr().err
    assert sha(clinic) == before
    monkeypatch.setattr(sys, "stdin", io.StringIO(backup.owner_phrase(clinic) + "\n"))
    assert cli_main(["restore", "--db", str(clinic), "--owner", str(saved)]) == 0
    restored = open_database(clinic)
    try:
        assert patients.count(restored) == 1
    finally:
        restored.dispose()


def test_stale_partial_files_are_cleaned_by_the_next_backup_into_that_folder(
        db: Database, staff: Staff, tmp_path: Path) -> None:
    folder = tmp_path / "to"
    folder.mkdir()
    killed = folder / ".proapp-20250101-080000.db.partial-999999"
    killed.write_bytes(b"x" * 4096)  # its writer is gone: no lock held
    backup.backup_now(db, staff.admin, folder)
    assert not killed.exists()
    assert len(backup.list_backups(folder)) == 1


# --- rights on every call ------------------------------------------------------------------


def _csv_folder(tmp_path: Path) -> Path:
    values = {"patient_code": "N-1", "family_name": "Verdi", "given_name": "Luca",
              "birth_date": "1970-05-01", "sex": "M", "ms_subtype": "SP",
              "diagnosis_year": 1999, "headache_positive": 1, "fatigue_positive": 0,
              "pta_date": "2014-03-10"}
    d = tmp_path / "in"
    write_csv(d / "patients.csv", list(PATIENT_CONTRACT), [[values.get(h, "") for h in
                                                            PATIENT_CONTRACT]])
    return d


NURSE_OPS: dict[str, Callable[[Database, Actor, Path], Any]] = {
    "import": lambda db, a, t: import_folder(db, a, _csv_folder(t)),
    "export": lambda db, a, t: run_export(db, a, "csv", t / "out"),
    "backup": lambda db, a, t: backup.backup_now(db, a),
    "report": lambda db, a, t: reports.write_report(db, a, "P001", t / "r.pdf"),
    "visit save": lambda db, a, t: visits.save_visit(db, a, visits.VisitDraft(
        1, "unscheduled", date(2015, 1, 1), VisitContent({"fss": {"1": 3}}))),
}
ADMIN_OPS: dict[str, Callable[[Database, Actor, Path], Any]] = {
    "user add": lambda db, a, t: accounts.create_user(db, a, "newbie", PASSWORD, "nurse"),
    "user role": lambda db, a, t: accounts.update_user(db, a, 2, role="admin"),
    "password reset": lambda db, a, t: accounts.reset_password(db, a, 2, "x" * 12),
    "settings": lambda db, a, t: settings.set_value(db, a, "clinic_name", "Mallory"),
    "access log": lambda db, a, t: signin.entries(db, a),
    "unlock": lambda db, a, t: signin.unlock_account(db, a, 2),
    "restore": lambda db, a, t: backup.restore(db.path or Path(),
                                               backup.make_backup(db), a),
}


@pytest.mark.parametrize("op", list(NURSE_OPS))
def test_a_deactivated_user_loses_every_right_at_once(db: Database, staff: Staff,
                                                      patient_id: int, op: str,
                                                      tmp_path: Path) -> None:
    session_actor = staff.nurse  # signed in earlier, window still open
    accounts.deactivate_user(db, staff.admin, staff.nurse.user_id or 0)
    with pytest.raises(PermissionDenied, match="deactivated"):
        NURSE_OPS[op](db, session_actor, tmp_path)


@pytest.mark.parametrize("op", list(ADMIN_OPS))
def test_a_demoted_administrator_loses_admin_rights_at_once(db: Database, staff: Staff,
                                                            patient_id: int, op: str,
                                                            tmp_path: Path,
                                                            request: pytest.FixtureRequest,
                                                            ) -> None:
    second = Actor("boss2", accounts.create_user(db, staff.admin, "boss2", PASSWORD, "admin"),
                   "admin")
    accounts.update_user(db, staff.admin, second.user_id or 0, role="nurse")
    if op == "restore" and db.path is None:
        # A server backup is restored into a new, empty database; the rights are those the
        # CURRENT database gives the account (re-read there), not the role the actor claims.
        server = request.getfixturevalue("pg_server")
        empty = server.url(server.create_database())
        dump = backup.make_backup(db, tmp_path / "bk")
        with pytest.raises(PermissionDenied, match="needs another role"):
            server_backup.restore_server(empty, dump, lambda _current: second, current=db.url)
        fresh = open_database(empty, migrate=False)
        try:  # the refused restore left it empty again
            assert sql_scalar(fresh, "SELECT count(*) FROM pg_tables "
                              "WHERE schemaname = 'public'") == 0
        finally:
            fresh.dispose()
        return
    if op == "restore":
        db.dispose()  # a restore needs the database closed everywhere
    with pytest.raises(PermissionDenied, match="needs another role"):
        ADMIN_OPS[op](db, second, tmp_path)


@pytest.mark.parametrize("op", [*NURSE_OPS, *(k for k in ADMIN_OPS if k != "restore")])
def test_an_actor_without_a_stored_account_is_refused(db: Database, staff: Staff,
                                                      patient_id: int, op: str,
                                                      tmp_path: Path) -> None:
    claimed = Actor("mallory", role="admin")  # no user_id: not an account of this database
    with pytest.raises(PermissionDenied, match="no account in this database"):
        {**NURSE_OPS, **ADMIN_OPS}[op](db, claimed, tmp_path)


def test_the_no_accounts_bootstrap_keeps_working(db: Database, actor: Actor) -> None:
    pid = patients.create_patient(db, actor, make_facts("B-1"))
    assert patients.get_patient(db, pid).facts.code == "B-1"


# --- credentials stay with administrators ----------------------------------------------------


def test_no_password_hash_leaves_the_database(db: Database, staff: Staff, tmp_path: Path,
                                              password_file: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    target = str(db.path) if db.path is not None else db.url  # a file, or a server
    assert cli_main(["export", "--db", target, "--user", "nina", "--format", "sqlite",
                     "--out", str(tmp_path / "n.db")]) == 1
    assert "export.accounts needs another role" in capsys.readouterr().err
    assert not (tmp_path / "n.db").exists()
    assert cli_main(["backup", "--db", target, "--user", "nina", "--to",
                     str(tmp_path / "b")]) == 1
    assert cli_main(["export", "--db", target, "--user", "boss", "--format", "sqlite",
                     "--out", str(tmp_path / "a.db")]) == 0
    copy = tmp_path / "a.db"
    con = sqlite3.connect(copy)
    assert con.execute("SELECT count(*) FROM user_account WHERE password_hash IS NOT NULL"
                       ).fetchone()[0] == 0
    con.close()
    assert b"$argon2" not in copy.read_bytes()
    if os.name == "posix":
        assert copy.stat().st_mode & 0o777 == 0o600
        assert keys.key_dir().stat().st_mode & 0o777 == 0o700
        for f in keys.key_dir().iterdir():
            assert f.stat().st_mode & 0o777 == 0o600, f


# --- plain errors, no patient data on the terminal -----------------------------------------


@pytest.fixture
def export_folder(tmp_path: Path) -> Path:
    """patients.csv with a patient called Rossi born 1975-04-12 (the data that must not leak)."""
    src = open_database(tmp_path / "src.db")
    for n in range(3):  # long notes: the rows need new pages (a full disk refuses them)
        patients.create_patient(src, Actor("nurse.x", role="nurse"),
                                make_facts(f"LEAK-{n}", notes="x" * 3900))
    run_export(src, Actor("nurse.x", role="nurse"), "csv", tmp_path / "exp")
    src.dispose()
    return tmp_path / "exp"


@pytest.mark.parametrize(("pragma", "words"), [
    ("max_page_count = {pages}", "no space left"),
    ("query_only = ON", "may read this database but not change it"),
], ids=["disk-full", "read-only"])
def test_import_on_a_full_or_read_only_disk_prints_one_plain_line(
        tmp_path: Path, export_folder: Path, pragma: str, words: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "target.db"
    open_database(target).dispose()
    con = sqlite3.connect(target)
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()

    def limit(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA {pragma.format(pages=pages)}")

    event.listen(Engine, "connect", limit)
    try:
        rc = cli_main(["import", "--db", str(target), str(export_folder)])
    finally:
        event.remove(Engine, "connect", limit)
    err = capsys.readouterr().err
    lines = [x for x in err.splitlines() if x.strip() and "no user accounts yet" not in x]
    assert rc == 1
    assert len(lines) == 1, err
    assert words in lines[0]
    for leak in ("Traceback", "Rossi", "Anna", "1975", "INSERT", "SQL"):
        assert leak not in err


@pytest.mark.sqlite_only("compares the SQLite file byte for byte (a server database is opened "
                         "read-only by check just the same)")
def test_check_reads_a_read_only_database_without_changing_it(
        clinic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sha(clinic)
    rc, out = run_check(clinic, capsys)
    assert rc == 0, out
    assert sha(clinic) == before


# --- sign-in throttling, lockout, access log -------------------------------------------------


def test_failures_slow_down_the_next_attempt() -> None:
    signin.failed("x", now=100.0)
    signin.before_attempt("x", now=100.0)  # one typo costs nothing
    signin.failed("x", now=100.0)
    with pytest.raises(signin.SignInThrottled):
        signin.before_attempt("x", now=100.5)
    signin.before_attempt("x", now=101.0)
    for _ in range(20):
        signin.failed("x", now=200.0)
    with pytest.raises(signin.SignInThrottled):
        signin.before_attempt("x", now=259.0)
    signin.before_attempt("x", now=260.0)  # never more than a minute


def test_repeated_failures_lock_the_account_until_an_admin_unlocks(db: Database,
                                                                   staff: Staff) -> None:
    for _ in range(signin.LOCK_AFTER):
        signin.reset_for_tests()  # as if each attempt came from a new process
        with pytest.raises(accounts.AuthenticationFailed):
            accounts.authenticate(db, "nina", "wrong password!!")
    signin.reset_for_tests()
    with pytest.raises(accounts.AuthenticationFailed):
        accounts.authenticate(db, "nina", PASSWORD)  # locked: the right password is no key
    assert [u.locked for u in accounts.list_users(db) if u.username == "nina"] == [True]
    with pytest.raises(PermissionDenied):
        signin.unlock_account(db, staff.nurse, staff.nurse.user_id or 0)
    signin.unlock_account(db, staff.admin, staff.nurse.user_id or 0)
    assert accounts.authenticate(db, "nina", PASSWORD) == staff.nurse
    events = [e.event for e in reversed(signin.entries(db, staff.admin))]
    assert events.count("failure") == signin.LOCK_AFTER + 1
    assert events[-3:] == ["locked", "unlocked", "sign-in"][-3:] or "locked" in events
    assert events[-2:] == ["unlocked", "sign-in"]
    with pytest.raises(PermissionDenied):
        signin.entries(db, staff.nurse)


# --- smaller points --------------------------------------------------------------------------


def test_check_on_a_missing_path_or_dangling_link_creates_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "f"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    missing = folder / "none.db"
    link = folder / "link.db"
    link.symlink_to(folder / "target.db")
    for p in (missing, link):
        assert cli_main(["check", "--db", str(p)]) == 2
        assert "nothing was created" in capsys.readouterr().err
    assert sorted(x.name for x in folder.iterdir()) == ["link.db"]
    assert folder.stat().st_mode & 0o777 == 0o755


@pytest.mark.parametrize("app_id", [0, 0x1234])
def test_a_foreign_sqlite_file_without_tables_is_refused_untouched(
        tmp_path: Path, app_id: int, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "foreign.db"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA application_id = {app_id}")
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.close()
    before = sha(path)
    assert cli_main(["export", "--db", str(path), "--format", "csv", "--out",
                     str(tmp_path / "out")]) == 2
    assert sha(path) == before
    assert not path.with_name("foreign.db-wal").exists()


def test_import_refuses_a_link_leaving_its_folder(db: Database, tmp_path: Path, actor: Actor,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET FIRST LINE,of,another,file\n")
    d = tmp_path / "in"
    d.mkdir()
    (d / "patients.csv").symlink_to(secret)
    target = str(db.path) if db.path is not None else db.url  # a file, or a server
    assert cli_main(["import", "--db", target, str(d)]) == 1
    out = capsys.readouterr()
    assert "outside that folder" in out.err
    assert "SECRET" not in out.out + out.err


def test_edits_and_signatures_need_the_version(db: Database, staff: Staff,
                                               patient_id: int) -> None:
    content = VisitContent({"fss": {str(n): 5 for n in range(1, 10)},
                            "midas": {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "q5": 0, "a": 0,
                                      "b": 0}})
    v = visits.save_visit(db, staff.nurse, visits.VisitDraft(patient_id, "m3",
                                                             date(2014, 6, 10), content),
                          complete=True, confirm_warnings=True)
    with pytest.raises(ConflictError, match="version"):
        visits.save_visit(db, staff.nurse, visits.VisitDraft(
            patient_id, "m3", date(2014, 6, 11), content, v.id), reason="date", complete=True)
    with pytest.raises(ConflictError, match="version"):
        signing.sign_visit(db, staff.clinician, v.id, PASSWORD)
    assert visits.get_visit(db, v.id).visit_date == date(2014, 6, 10)


# --- crash safety of the key and anchor files ------------------------------------------------

_WRITER = """
import os
import sys
from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.services import patients
from tests.conftest import make_facts
mode, folder = sys.argv[1], sys.argv[2]
i = 0
if mode == "anchor":
    db = open_database(folder + "/a.db")
    while True:
        i += 1
        patients.create_patient(db, Actor("nurse.k", role="nurse"),
                                make_facts(f"K{os.getpid()}-{i}"))
        print(i, flush=True)
else:
    while True:
        i += 1
        open_database(f"{folder}/k{i}.db").dispose()
        print(i, flush=True)
"""


@pytest.mark.parametrize("mode", ["key", "anchor"])
def test_kill_while_writing_keys_and_anchors(tmp_path: Path, mode: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """SIGKILL at an arbitrary moment never leaves a half key or anchor file, and the
    databases still open and pass the check (an anchor may lag, never lead)."""
    if os.name != "posix":
        pytest.skip("SIGKILL")
    root = Path(__file__).resolve().parents[3]
    for round_ in range(3):
        child = subprocess.Popen([sys.executable, "-c", _WRITER, mode, str(tmp_path)],
                                 stdout=subprocess.PIPE, text=True, cwd=root,
                                 env={**os.environ, "PYTHONPATH": str(root)})
        assert child.stdout is not None
        for _ in range(3 + round_):
            assert child.stdout.readline()
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        for f in keys.key_dir().iterdir():
            assert not f.name.endswith(".tmp") or f.name.startswith("."), f
            if f.suffix == ".key":
                keys.parse_key_document(f.read_bytes(), str(f))
            elif f.suffix == ".anchor":
                json.loads(f.read_text())
        for path in sorted(tmp_path.glob("*.db")):
            open_database(path).dispose()  # a half-created one is completed, never refused
            rc, out = run_check(path, capsys)
            assert rc == 0, out
