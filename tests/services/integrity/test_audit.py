"""The change log as people read it (services/integrity/audit.py): newest first, who, what,
old -> new, the patient's code, and filters by patient and by visit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from tests.conftest import make_facts

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.visit import VisitContent
from proapp.services import patients, visits
from proapp.services.integrity import audit
from proapp.services.visits import VisitDraft


def test_entries_newest_first_with_filters(db: Database, actor: Actor, patient_id: int) -> None:
    other = patients.create_patient(db, actor, make_facts("P002"), today=date(2014, 3, 10))
    v = visits.save_visit(db, actor, VisitDraft(patient_id, "m3", date(2014, 6, 10),
                                                VisitContent({"fss": {"1": 4}})))
    record = patients.get_patient(db, patient_id)
    patients.update_patient(db, actor, patient_id, replace(record.facts, given_name="Anita"),
                            expected_version=record.version, today=date(2014, 7, 1))

    everything = audit.entries(db)
    assert [e.id for e in everything] == sorted((e.id for e in everything), reverse=True)
    newest = everything[0]
    assert (newest.action, newest.entity, newest.field) == ("update", "patient", "given_name")
    assert (newest.old_value, newest.new_value) == ("Anna", "Anita")
    assert (newest.username, newest.patient_code) == ("nurse.test", "P001")
    assert datetime.fromisoformat(newest.at.replace("Z", "+00:00")).year >= 2014  # ISO 8601

    mine = audit.entries(db, patient_id=patient_id)
    assert mine and all(e.patient_id == patient_id for e in mine)
    assert {e.entity for e in mine} >= {"patient", "visit"}
    assert all(e.patient_id == other for e in audit.entries(db, patient_id=other))
    of_visit = audit.entries(db, visit_id=v.id)
    assert of_visit and all(e.visit_id == v.id for e in of_visit)
    assert [e.id for e in audit.entries(db, limit=2)] == [e.id for e in everything[:2]]


def test_an_empty_log_has_no_entries(db: Database) -> None:
    assert audit.entries(db) == []
