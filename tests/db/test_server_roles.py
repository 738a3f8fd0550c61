"""Least privilege on the server: a workstation's role (``proapp db init-server --grant``)
reads and writes clinical data through the services, appends to the change log, and can do
nothing else: no DDL, no UPDATE or DELETE on the change log, no dropping its triggers."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from sqlalchemy.exc import DBAPIError
from tests.conftest import make_facts
from tests.support import sql
from tests.support.postgres import PgServer

from proapp.cli import main as cli_main
from proapp.db import changelog
from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.domain.patient import ProcedureFacts
from proapp.services import accounts, patients, visits
from proapp.services.integrity import backup, check

pytestmark = [pytest.mark.postgresql, pytest.mark.security]
_n = itertools.count(1)


def test_workstation_role_has_exactly_what_it_needs(pg_server: PgServer, tmp_path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    name = pg_server.create_database()
    role, password = f"ws_{name}_{next(_n)}", "workstation pw"
    pg_server.admin(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
    assert cli_main(["db", "init-server", pg_server.url(name), "--grant", role]) == 0
    assert f"role {role}: workstation privileges granted" in capsys.readouterr().out

    db = open_database(pg_server.url(name, role, password))
    try:
        admin = accounts.create_first_admin(db, "boss", "correct horse battery")
        nurse = Actor("nina", accounts.create_user(db, admin, "nina", "correct horse battery",
                                                   "nurse"), "nurse")
        pid = patients.create_patient(db, nurse, make_facts(),
                                      [ProcedureFacts(date(2014, 3, 10))])
        saved = visits.save_visit(db, nurse, visits.VisitDraft(pid, "m3", date(2014, 6, 10)))
        visits.discard_draft(db, nurse, saved.id)
        assert check.run_check(db).ok
        made = backup.make_backup(db, tmp_path / "bk")  # pg_dump as the workstation
        assert made.suffix == ".dump"
        with db.read() as s:
            assert changelog.verify_chain(s)[1] is None
        for statement in ("CREATE TABLE mine (id int)",
                          "ALTER TABLE patient ADD COLUMN x int",
                          "UPDATE change_log SET reason = 'x'",
                          "DELETE FROM change_log",
                          "TRUNCATE change_log",
                          "DROP TRIGGER change_log_append_only ON change_log",
                          "UPDATE alembic_version SET version_num = '9999'"):
            with pytest.raises(DBAPIError, match=r"permission denied|must be owner"):
                sql.execute(db, statement)
    finally:
        db.dispose()


def test_a_workstation_imports_and_then_enters_rows_the_ordinary_way(
        pg_server: PgServer, tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    """The import numbers its rows and moves the id sequences past them with the role's own
    privileges (nextval; setval is not granted): the import goes through, and so do the
    patient, procedure and visit entered after it."""
    from tests.services.exchange.test_import import folder, patient_row, visit_row

    from proapp.services.exchange.importer import import_folder

    db, _name, _role, nurse = _workstation(pg_server, capsys)
    try:
        report = import_folder(db, nurse, folder(tmp_path, [patient_row()], [visit_row()]))
        assert report.applied, report.findings
        pid = patients.create_patient(db, nurse, make_facts("AFTER-1"),
                                      [ProcedureFacts(date(2015, 1, 5))])
        saved = visits.save_visit(db, nurse, visits.VisitDraft(pid, "baseline",
                                                               date(2015, 1, 2)))
        imported = patients.find_by_code(db, "N-1")
        assert pid != imported.id
        assert saved.id not in {v.id for v in visits.visits_of(db, imported.id)}
        assert check.run_check(db).ok
    finally:
        db.dispose()


def test_a_privilege_the_server_refuses_is_named_as_the_servers(
        pg_server: PgServer, capsys: pytest.CaptureFixture[str]) -> None:
    """A workstation whose account lost a privilege (IT revoked it, or set the role up by
    hand) is told that the server refused it, not that a folder's permissions are wrong; the
    refused save writes nothing."""
    from proapp.db.errors import SERVER_DENIED, AccessDenied

    db, name, role, nurse = _workstation(pg_server, capsys)
    try:
        pg_server.admin(f"REVOKE INSERT ON procedure FROM {role}", database=name)
        with pytest.raises(AccessDenied) as refused:
            patients.create_patient(db, nurse, make_facts("DENIED-1"),
                                    [ProcedureFacts(date(2015, 1, 5))])
        assert str(refused.value) == SERVER_DENIED
        assert "folder" not in str(refused.value)
        assert sql.scalar(db, "SELECT count(*) FROM patient") == 0
    finally:
        db.dispose()


def _workstation(pg_server: PgServer, capsys: pytest.CaptureFixture[str],
                 ) -> tuple[Database, str, str, Actor]:
    """A new server database opened as a workstation's role (``init-server --grant``), with
    its first administrator and a nurse: (database, its name, the role, the nurse)."""
    name = pg_server.create_database()
    role, password = f"ws_{name}_{next(_n)}", "workstation pw"
    pg_server.admin(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
    assert cli_main(["db", "init-server", pg_server.url(name), "--grant", role]) == 0
    capsys.readouterr()
    db = open_database(pg_server.url(name, role, password))
    admin = accounts.create_first_admin(db, "boss", "correct horse battery")
    nurse = Actor("nina", accounts.create_user(db, admin, "nina", "correct horse battery",
                                               "nurse"), "nurse")
    return db, name, role, nurse
