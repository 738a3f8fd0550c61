"""The patient list service: bulk loading, last visit, next due and the worklist on a known day."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import make_facts

from proapp.db.engine import Database
from proapp.domain import schedule
from proapp.domain.actor import Actor
from proapp.domain.patient import MsSubtype, ProcedureFacts
from proapp.domain.schedule import VisitState
from proapp.services import patients, visits
from proapp.services.patients import listing as patient_list
from proapp.services.visits import VisitDraft


def test_fold_is_accent_and_case_insensitive() -> None:
    assert patient_list.fold("Müller Ñúñez ÖZTÜRK Søren") == "muller nunez ozturk søren"
    assert patient_list.search_terms("  rossi   ANNA ") == ("rossi", "anna")


@given(st.text(max_size=30))
def test_fold_is_idempotent(text: str) -> None:
    once = patient_list.fold(text)
    assert patient_list.fold(once) == once


def test_rows_match_one_by_one_computation(demo_db: Database) -> None:
    """The bulk result equals what the per-patient services and the domain schedule say."""
    today = date(2016, 6, 15)
    result = patient_list.load(demo_db, today)
    assert len(result.rows) == 286
    assert [r.code for r in result.rows] == sorted(r.code for r in result.rows)
    for row in result.rows[::37]:
        rec = patients.get_patient(demo_db, row.id)
        recs = visits.visits_of(demo_db, row.id)
        plan = schedule.plan(rec.first_pta, visits.recorded(recs), today)
        assert row.first_pta == rec.first_pta
        assert row.last_visit == max((v.visit_date for v in recs if v.is_complete), default=None)
        assert row.next_due == schedule.next_due(plan)
        assert row.due_now == tuple(e for e in plan if e.actionable)


def test_worklist_on_a_known_day(db: Database, actor: Actor) -> None:
    # PTA 2014-03-10: m3 target 2014-06-10, window 2014-05-27 .. 2014-06-24
    pid = patients.create_patient(db, actor, make_facts("W1"), [ProcedureFacts(date(2014, 3, 10))],
                                  today=date(2014, 3, 10))
    patients.create_patient(db, actor, make_facts("W2", ms_subtype=MsSubtype.PP),
                            [ProcedureFacts(date(2014, 1, 2))], today=date(2014, 3, 10))
    before = patient_list.load(db, date(2014, 6, 5))
    w1 = [e for e in before.worklist() if e.patient.code == "W1"]
    assert [(e.label, e.visit.state) for e in w1] == [("m3", VisitState.DUE)]
    after_target = patient_list.load(db, date(2014, 6, 20)).worklist()
    assert ("W1", "m3", VisitState.OVERDUE) in [(e.patient.code, e.label, e.visit.state)
                                                 for e in after_target]
    # overdue entries come first
    states = [e.visit.state for e in after_target]
    assert states == sorted(states, key=lambda s: s is not VisitState.OVERDUE)
    closed = patient_list.load(db, date(2014, 6, 25)).worklist()
    assert not [e for e in closed if e.patient.code == "W1" and e.label == "m3"]
    # a draft keeps the visit on the worklist (flagged); completing removes it
    visits.save_visit(db, actor, VisitDraft(pid, "m3", date(2014, 6, 5)),
                      today=date(2014, 6, 5))
    row = patient_list.load_rows(db, [pid], date(2014, 6, 5))[pid]
    assert row.drafts == 1
    assert [e.has_draft for e in patient_list.worklist([row]) if e.label == "m3"] == [True]


def test_code_owner(db: Database, patient_id: int) -> None:
    assert patient_list.code_owner(db, "P001") == patient_id
    assert patient_list.code_owner(db, "nobody") is None


@pytest.mark.parametrize(("query", "expected"), [("rossi", True), ("ANNA ross", True),
                                                 ("p001", True), ("müller", False)])
def test_row_matches(db: Database, patient_id: int, query: str, expected: bool) -> None:
    row = patient_list.load(db).rows[0]
    assert row.matches(patient_list.search_terms(query)) is expected
