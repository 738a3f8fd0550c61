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
from proapp.domain.clinic import parse_weekdays
from proapp.domain.patient import MsSubtype, ProcedureFacts
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


def test_rows_with_drafts_match_the_schedule_of_every_visit(demo_db: Database,
                                                             actor: Actor) -> None:
    """The list reads per patient only the complete visits' labels (aggregated by the
    database) and the drafts: the same rows as the schedule computed from every visit, for
    patients with drafts next to complete visits, a draft without a PTA date, several
    unscheduled drafts and no visit at all."""
    today = date(2016, 6, 15)
    listed = patient_list.load(demo_db, today).rows
    with_pta = [r for r in listed if r.first_pta is not None and r.next_due is not None]
    a, b = with_pta[0], with_pta[1]
    visits.save_visit(demo_db, actor, VisitDraft(a.id, a.next_due.label, today), today=today)
    for _ in range(2):
        visits.save_visit(demo_db, actor, VisitDraft(b.id, "unscheduled", today), today=today)
    no_pta = patients.create_patient(demo_db, actor, make_facts("ZZ-NOPTA"), [], today=today)
    visits.save_visit(demo_db, actor, VisitDraft(no_pta, "baseline", today), today=today)
    nothing = patients.create_patient(demo_db, actor, make_facts("ZZ-NONE"), [], today=today)
    changed = [a.id, b.id, no_pta, nothing]
    rows = {r.id: r for r in patient_list.load(demo_db, today).rows}
    again = patient_list.load_rows(demo_db, changed, today)
    for pid in [*changed, *[r.id for r in listed[::41]]]:
        row = rows[pid]
        rec = patients.get_patient(demo_db, pid)
        recs = visits.visits_of(demo_db, pid)
        plan = schedule.plan(rec.first_pta, visits.recorded(recs), today)
        todo = tuple(e for e in plan if e.state in (schedule.VisitState.DUE,
                                                    schedule.VisitState.OVERDUE,
                                                    schedule.VisitState.UPCOMING))
        assert row.pending == todo
        assert row.next_due == schedule.next_due(plan)
        assert row.due_now == tuple(e for e in plan if e.actionable)
        assert row.drafts == sum(not v.is_complete for v in recs)
        assert row.last_visit == max((v.visit_date for v in recs if v.is_complete),
                                     default=None)
        if pid in again:
            assert again[pid] == row
    assert rows[a.id].next_due is not None and rows[a.id].next_due.has_draft
    assert rows[b.id].drafts == 2
    assert rows[no_pta].next_due is not None and rows[no_pta].next_due.has_draft
    assert rows[nothing].drafts == 0 and rows[nothing].last_visit is None


def test_worklist_of_a_clinic_day(db: Database, actor: Actor) -> None:
    # PTA 2014-03-10: m3 target Tuesday 2014-06-10, window 2014-05-27 .. 2014-06-24
    pid = patients.create_patient(db, actor, make_facts("W1"), [ProcedureFacts(date(2014, 3, 10))],
                                  today=date(2014, 3, 10))
    patients.create_patient(db, actor, make_facts("W2", ms_subtype=MsSubtype.PP),
                            [ProcedureFacts(date(2014, 1, 2))], today=date(2014, 3, 10))

    def w1(day: date, days: str = "mon tue wed thu fri sat sun") -> list[tuple[str, bool]]:
        listed = patient_list.load(db, date(2014, 6, 5)).rows
        return [(e.label, e.overdue) for e in patient_list.worklist(
            listed, day, parse_weekdays(days)) if e.patient.code == "W1"]

    # the window is open on 2014-06-05, but the visit is due on its target day, not before
    assert w1(date(2014, 6, 5)) == []
    assert w1(date(2014, 6, 10)) == [("m3", False)]
    assert w1(date(2014, 6, 20)) == [("m3", True)]  # past the target, window still open
    assert w1(date(2014, 6, 25)) == []  # the window has closed
    # a clinic open on Mondays and Thursdays sees it on Thursday the 12th, nothing falls
    # between two clinic days
    assert w1(date(2014, 6, 9), "mon thu") == []
    assert w1(date(2014, 6, 12), "mon thu") == [("m3", False)]
    assert w1(date(2014, 6, 16), "mon thu") == [("m3", True)]
    # overdue entries come first
    entries = patient_list.load(db, date(2014, 6, 20)).worklist()
    assert [e.overdue for e in entries] == sorted((e.overdue for e in entries), reverse=True)
    # a draft keeps the visit on the worklist (flagged)
    visits.save_visit(db, actor, VisitDraft(pid, "m3", date(2014, 6, 5)),
                      today=date(2014, 6, 5))
    row = patient_list.load_rows(db, [pid], date(2014, 6, 5))[pid]
    assert row.drafts == 1
    assert [e.has_draft for e in patient_list.worklist([row], date(2014, 6, 10))
            if e.label == "m3"] == [True]


def test_the_clinic_day_comes_from_the_setting(db: Database, staff) -> None:
    from proapp.services import settings

    settings.set_value(db, staff.admin, "clinic_days", "tue, fri")
    result = patient_list.load(db, date(2014, 6, 7))  # a Saturday
    assert result.clinic_days == {1, 4}
    assert result.clinic_day == date(2014, 6, 10)  # the next Tuesday


def test_code_owner(db: Database, patient_id: int) -> None:
    assert patient_list.code_owner(db, "P001") == patient_id
    assert patient_list.code_owner(db, "nobody") is None


@pytest.mark.parametrize(("query", "expected"), [("rossi", True), ("ANNA ross", True),
                                                 ("p001", True), ("müller", False)])
def test_row_matches(db: Database, patient_id: int, query: str, expected: bool) -> None:
    row = patient_list.load(db).rows[0]
    assert row.matches(patient_list.search_terms(query)) is expected
