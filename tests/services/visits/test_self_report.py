"""The patient self-report through the services: starting it for a draft, each answer stored
at once (and refused by the same rules as nurse entry), acceptance with logged corrections."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from tests.support.staff import Staff

from proapp.db.engine import Database
from proapp.db.models import ChangeLog, SelfReport, Visit
from proapp.domain.answers import MissingReason
from proapp.domain.fss import FSS
from proapp.domain.midas import MIDAS
from proapp.domain.validation import ValidationError
from proapp.domain.visit import VisitContent
from proapp.services import visits
from proapp.services.errors import ReasonRequired, UserError, WarningsNeedConfirmation
from proapp.services.exchange import dataset
from proapp.services.visits import self_report

M6 = date(2014, 9, 12)
MIDAS_ANSWERS = {"q1": 2, "q2": 3, "q3": 1, "q4": 4, "q5": 0, "a": 12, "b": 6}
FSS_ANSWERS = {"1": 4, "2": 6, "3": 5, "4": 3, "5": 5, "6": 4, "7": 6, "8": 2, "9": 7}


def started(db: Database, staff: Staff, patient_id: int,
            content: VisitContent | None = None) -> int:
    record, state = self_report.start(
        db, staff.nurse, visits.VisitDraft(patient_id, "m6", M6, content or VisitContent()),
        ["midas", "fss"])
    assert state.instruments == ("midas", "fss") and state.started_by == "nina"
    assert record.status == "draft"
    return record.id


def answer_all(db: Database, staff: Staff, vid: int) -> None:
    for item, value in MIDAS_ANSWERS.items():
        self_report.answer(db, staff.nurse, vid, "midas", item, value)
    for item, value in FSS_ANSWERS.items():
        self_report.answer(db, staff.nurse, vid, "fss", item, value)


def test_answers_are_stored_one_by_one_as_the_patients(db: Database, staff: Staff,
                                                        patient_id: int) -> None:
    vid = started(db, staff, patient_id)
    self_report.answer(db, staff.nurse, vid, "midas", "q1", 5)
    self_report.answer(db, staff.nurse, vid, "midas", "q1", 2)  # Back, then another answer
    self_report.answer(db, staff.nurse, vid, "midas", "q2", MissingReason.DECLINED)
    record = visits.get_visit(db, vid)
    assert record.status == "draft"
    assert record.content.answers("midas")["q1"] == 2
    assert record.content.missing["midas"] == {"q2": MissingReason.DECLINED}
    state = self_report.state(db, vid)
    assert state is not None
    assert state.answers == {("midas", "q1"): 2, ("midas", "q2"): MissingReason.DECLINED}
    with db.read() as s:
        reasons = {r.reason for r in s.scalars(select(ChangeLog).where(
            ChangeLog.visit_id == vid, ChangeLog.action == "update"))}
    assert reasons == {self_report.ANSWER_REASON}


def test_the_rules_of_nurse_entry_apply(db: Database, staff: Staff, patient_id: int) -> None:
    vid = started(db, staff, patient_id)
    with pytest.raises(ValidationError, match="between 0 and 90"):
        self_report.answer(db, staff.nurse, vid, "midas", "q1", 91)
    self_report.answer(db, staff.nurse, vid, "midas", "q1", 60)
    with pytest.raises(ValidationError, match="cannot exceed 90 days"):
        self_report.answer(db, staff.nurse, vid, "midas", "q2", 40)
    with pytest.raises(ValidationError, match="between 1 and 7"):
        self_report.answer(db, staff.nurse, vid, "fss", "1", 0)
    assert visits.get_visit(db, vid).content.answers("midas")["q2"] is None
    state = self_report.state(db, vid)
    assert state is not None and state.answers == {("midas", "q1"): 60}


def test_only_unanswered_questionnaires_go_to_the_patient(db: Database, staff: Staff,
                                                          patient_id: int) -> None:
    typed = VisitContent({"fss": {"1": 3}})
    with pytest.raises(UserError, match="FSS already has answers"):
        self_report.start(db, staff.nurse, visits.VisitDraft(patient_id, "m6", M6, typed),
                          ["midas", "fss"])
    with db.read() as s:
        assert s.scalar(select(Visit.id)) is None  # all or nothing
    record, state = self_report.start(
        db, staff.nurse, visits.VisitDraft(patient_id, "m6", M6, typed), ["midas"])
    assert state.instruments == ("midas",)
    with pytest.raises(UserError, match="not part of this self-report"):
        self_report.answer(db, staff.nurse, record.id, "fss", "2", 3)
    # going on with one's own self-report later is allowed
    self_report.answer(db, staff.nurse, record.id, "midas", "q1", 1)
    again = visits.get_visit(db, record.id)
    _r, state = self_report.start(
        db, staff.nurse, visits.VisitDraft(patient_id, "m6", M6, again.content, again.id,
                                           again.version), ["midas"])
    assert state.answers == {("midas", "q1"): 1}


def test_acceptance_completes_the_visit_as_patient_entered(db: Database, staff: Staff,
                                                           patient_id: int) -> None:
    vid = started(db, staff, patient_id)
    answer_all(db, staff, vid)
    self_report.finish(db, staff.nurse, vid)
    record = visits.get_visit(db, vid)
    content = VisitContent(record.content.responses, record.content.missing,
                           {"flow": "no ultrasound today"})
    draft = visits.VisitDraft(patient_id, "m6", M6, content, vid, record.version)
    # warnings are confirmed as at nurse entry (A = 1 headache day is below items 2 and 4)
    warned = VisitContent({"midas": {**MIDAS_ANSWERS, "a": 1}, "fss": FSS_ANSWERS},
                          skipped={"flow": "no ultrasound today"})
    with pytest.raises(WarningsNeedConfirmation) as err:
        self_report.accept(db, staff.nurse, visits.VisitDraft(
            patient_id, "m6", M6, warned, vid, record.version), reason="A corrected")
    assert {i.rule for i in err.value.issues} == {"midas.exceeds_headache_days"}
    done = self_report.accept(db, staff.nurse, draft)
    assert done.status == "complete"
    assert done.content.scores("midas") == MIDAS.score(MIDAS_ANSWERS)
    assert done.content.scores("fss") == FSS.score(FSS_ANSWERS)
    with db.read() as s:
        row = s.get(SelfReport, vid)
        assert row is not None and row.accepted_by == "nina" and row.accepted_at is not None
        actions = [r.action for r in s.scalars(select(ChangeLog).where(
            ChangeLog.visit_id == vid, ChangeLog.entity == "self_report"))]
    assert actions == ["start", "finish", "accept"]
    with pytest.raises(UserError, match="already accepted"):
        self_report.answer(db, staff.nurse, vid, "midas", "q1", 3)


def test_corrections_need_a_reason_and_are_logged(db: Database, staff: Staff,
                                                  patient_id: int) -> None:
    vid = started(db, staff, patient_id)
    answer_all(db, staff, vid)
    record = visits.get_visit(db, vid)
    corrected = VisitContent({"midas": {**MIDAS_ANSWERS, "q5": 1}, "fss": FSS_ANSWERS},
                             skipped={"flow": "no ultrasound today"})
    draft = visits.VisitDraft(patient_id, "m6", M6, corrected, vid, record.version)
    with pytest.raises(ReasonRequired, match="1 answer differ"):
        self_report.accept(db, staff.nurse, draft)
    assert visits.get_visit(db, vid).status == "draft"  # nothing written
    self_report.accept(db, staff.nurse, draft,
                       reason="patient forgot the family party; said so at review")
    with db.read() as s:
        corrections = [(r.field, r.old_value, r.new_value, r.reason) for r in s.scalars(
            select(ChangeLog).where(ChangeLog.visit_id == vid, ChangeLog.action == "correct"))]
    assert corrections == [("midas.q5", "0", "1",
                            "patient forgot the family party; said so at review")]


def test_an_accepted_self_report_is_exported_as_patient_entered(
        db: Database, staff: Staff, patient_id: int) -> None:
    vid = started(db, staff, patient_id)
    answer_all(db, staff, vid)
    record = visits.get_visit(db, vid)
    content = VisitContent(record.content.responses, record.content.missing,
                           {"flow": "no ultrasound today"})
    self_report.accept(db, staff.nurse, visits.VisitDraft(patient_id, "m6", M6, content, vid,
                                                          record.version))
    [row] = dataset.load(db, staff.nurse, dataset.ExportOptions()).visits
    assert (row["entry_source"], row["verification_state"]) == ("patient", "single_entry")
