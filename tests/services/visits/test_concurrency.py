"""Two programs on one database: both work, nothing is lost; a stale edit is refused with the
user's input kept."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import make_facts
from tests.support.staff import Staff
from tests.support.writer import expected_rows

from proapp.db import changelog
from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.domain.visit import VisitContent
from proapp.services import patients, visits
from proapp.services.errors import ConflictError, ValidationError

pytestmark = pytest.mark.security

WRITER = Path(__file__).resolve().parents[2] / "support" / "writer.py"

SECONDS = 4.0


def _writer(db_path: Path, code: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), "--db", str(db_path), "--visits",
         "100000", "--seconds", str(SECONDS), "--code", code],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_two_writers_and_a_reader_for_several_seconds(db_path: Path) -> None:
    open_database(db_path).dispose()
    procs = [_writer(db_path, "WA"), _writer(db_path, "WB")]
    reader = open_database(db_path)
    reads = 0
    try:
        while any(p.poll() is None for p in procs):
            with reader.read() as s:  # what an export or the GUI does meanwhile
                visits.load_records(s)
            reads += 1
            time.sleep(0.05)
        results = [p.communicate(timeout=60) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    for p, (_out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
        assert "locked" not in err
        assert "Traceback" not in err
    committed = [int(line.split()[1]) for out, _ in results for line in out.splitlines()]
    assert len(committed) > 20
    assert reads > 5
    with reader.read() as s:
        stored = {r.id for rs in visits.load_records(s).values() for r in rs}
        checked, broken = changelog.verify_chain(s)
    reader.dispose()
    assert set(committed) <= stored
    assert len(stored) == len(committed)
    assert broken is None
    assert checked >= len(committed)
    con = sqlite3.connect(db_path)
    answers, flows = expected_rows()
    assert con.execute("SELECT count(*) FROM answer").fetchone()[0] == answers * len(stored)
    assert con.execute("SELECT count(*) FROM flow_measurement").fetchone()[0] == (
        flows * len(stored))
    con.close()
    print(f"\n{len(committed)} visits by 2 processes in {SECONDS:.0f} s: "
          f"{len(committed) / SECONDS:.0f} visits/s, {reads} concurrent full reads")


FSS = VisitContent({"fss": {str(n): 5 for n in range(1, 10)}})


def test_stale_visit_edit_is_refused_and_input_kept(db: Database, staff: Staff,
                                                    patient_id: int) -> None:
    saved = visits.save_visit(db, staff.nurse, visits.VisitDraft(
        patient_id, "m3", date(2014, 6, 10), FSS))
    opened_by_a = visits.get_visit(db, saved.id)
    opened_by_b = visits.get_visit(db, saved.id)
    a_content = VisitContent({"fss": {**FSS.responses["fss"], "1": 7}})
    visits.save_visit(db, staff.nurse, visits.VisitDraft(
        patient_id, "m3", date(2014, 6, 10), a_content, saved.id, opened_by_a.version))
    b_draft = visits.VisitDraft(patient_id, "m3", date(2014, 6, 10),
                                VisitContent({"fss": {**FSS.responses["fss"], "2": 1}}),
                                saved.id, opened_by_b.version)
    with pytest.raises(ConflictError, match="input is kept"):
        visits.save_visit(db, staff.clinician, b_draft)
    assert visits.get_visit(db, saved.id).content.answers("fss")["1"] == 7  # A's edit stands
    assert b_draft.content.responses["fss"]["2"] == 1  # B still holds their input
    fresh = visits.get_visit(db, saved.id)
    visits.save_visit(db, staff.clinician, replace(b_draft, expected_version=fresh.version))
    assert visits.get_visit(db, saved.id).content.answers("fss")["2"] == 1


def test_stale_patient_edit_is_refused(db: Database, staff: Staff, patient_id: int) -> None:
    opened = patients.get_patient(db, patient_id)
    patients.update_patient(db, staff.nurse, patient_id, make_facts(notes="A"),
                            expected_version=opened.version)
    with pytest.raises(ConflictError, match="input is kept"):
        patients.update_patient(db, staff.clinician, patient_id, make_facts(notes="B"),
                                expected_version=opened.version)
    assert patients.get_patient(db, patient_id).facts.notes == "A"


def test_stale_procedure_edit_is_refused(db: Database, staff: Staff, patient_id: int) -> None:
    from proapp.domain.patient import ProcedureFacts

    opened = patients.get_patient(db, patient_id)
    proc_id = opened.procedures[0][0]
    patients.add_procedure(db, staff.nurse, patient_id, ProcedureFacts(date(2015, 2, 2)),
                           expected_version=opened.version)
    with pytest.raises(ConflictError):
        patients.update_procedure(db, staff.clinician, proc_id, ProcedureFacts(
            date(2014, 3, 12)), expected_version=opened.version)
    with pytest.raises(ConflictError):
        patients.delete_procedure(db, staff.clinician, proc_id, "typo",
                                  expected_version=opened.version)
    fresh = patients.get_patient(db, patient_id)
    assert fresh.version > opened.version
    assert len(fresh.procedures) == 2
    with pytest.raises(ValidationError, match="already has a PTA"):
        patients.update_procedure(db, staff.nurse, proc_id, ProcedureFacts(date(2015, 2, 2)))
