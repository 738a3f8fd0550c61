"""The visit lifecycle: drafts, completion, warnings, edits with reasons, stale saves."""

from datetime import date

import pytest
from sqlalchemy import func, select

from proapp.db.engine import Database
from proapp.db.models import ChangeLog, Visit
from proapp.domain.actor import Actor
from proapp.domain.validation import ValidationError
from proapp.domain.visit import VisitContent
from proapp.services import visits
from proapp.services.errors import (
    ConflictError,
    NotFoundError,
    ReasonRequired,
    UserError,
    WarningsNeedConfirmation,
)

M3 = date(2014, 6, 10)
FSS = {str(n): 5 for n in range(1, 10)}
MIDAS = {"q1": 1, "q2": 0, "q3": 2, "q4": 0, "q5": 1, "a": 8, "b": 5}


def log_count(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(ChangeLog.id))) or 0


def draft(pid: int, content: VisitContent, **kw) -> visits.VisitDraft:
    return visits.VisitDraft(pid, "m3", M3, content, **kw)


def test_draft_then_complete(db: Database, actor: Actor, patient_id: int) -> None:
    d = visits.save_visit(db, actor, draft(patient_id, VisitContent({"fss": FSS})))
    assert d.status == "draft" and d.entered_by == "nurse.test"
    full = VisitContent({"fss": FSS, "midas": MIDAS})
    done = visits.save_visit(db, actor, draft(patient_id, full, visit_id=d.id,
                                              expected_version=d.version), complete=True)
    assert done.status == "complete" and done.completed_at is not None
    assert done.content.scores("midas") == {"total": 4, "grade": "I"}


def test_completion_needs_expected_forms(db: Database, actor: Actor, patient_id: int) -> None:
    with pytest.raises(ValidationError) as err:
        visits.save_visit(db, actor, draft(patient_id, VisitContent({"fss": FSS})),
                          complete=True)
    assert [(i.field, i.rule) for i in err.value.issues] == [("midas", "form.expected")]
    assert log_count(db) == 2  # only the patient and procedure inserts


def test_invalid_values_never_stored_even_in_drafts(db: Database, actor: Actor,
                                                     patient_id: int) -> None:
    before = log_count(db)
    with pytest.raises(ValidationError, match="between 1 and 7"):
        visits.save_visit(db, actor, draft(patient_id, VisitContent({"fss": {"1": 9}})))
    with db.read() as s:
        assert s.scalar(select(func.count(Visit.id))) == 0
    assert log_count(db) == before


def test_warnings_need_confirmation(db: Database, actor: Actor, patient_id: int) -> None:
    content = VisitContent({"fss": FSS, "midas": dict(MIDAS, q1=20, a=8)})
    with pytest.raises(WarningsNeedConfirmation) as err:
        visits.save_visit(db, actor, draft(patient_id, content), complete=True)
    assert [i.rule for i in err.value.issues] == ["midas.exceeds_headache_days"]
    saved = visits.save_visit(db, actor, draft(patient_id, content), complete=True,
                              confirm_warnings=True)
    assert saved.is_complete


def test_editing_complete_visit_needs_reason_and_is_logged(db: Database, actor: Actor,
                                                           patient_id: int) -> None:
    full = VisitContent({"fss": FSS, "midas": MIDAS})
    done = visits.save_visit(db, actor, draft(patient_id, full), complete=True)
    changed = VisitContent({"fss": dict(FSS, **{"9": 7}), "midas": MIDAS})
    with pytest.raises(ReasonRequired):
        visits.save_visit(db, actor, draft(patient_id, changed, visit_id=done.id,
                                           expected_version=done.version))
    visits.save_visit(db, actor, draft(patient_id, changed, visit_id=done.id,
                                       expected_version=done.version),
                      reason="patient corrected item 9")
    with db.read() as s:
        row = s.scalars(select(ChangeLog).where(ChangeLog.action == "update")).one()
    assert (row.field, row.old_value, row.new_value, row.reason) == (
        "fss.9", "5", "7", "patient corrected item 9")
    assert visits.get_visit(db, done.id).status == "complete"


def test_unchanged_save_writes_nothing(db: Database, actor: Actor, patient_id: int) -> None:
    d = visits.save_visit(db, actor, draft(patient_id, VisitContent({"fss": FSS})))
    before = log_count(db)
    again = visits.save_visit(db, actor, draft(patient_id, VisitContent({"fss": FSS}),
                                               visit_id=d.id, expected_version=d.version))
    assert log_count(db) == before and again.version == d.version


def test_stale_save_is_refused(db: Database, actor: Actor, patient_id: int) -> None:
    d = visits.save_visit(db, actor, draft(patient_id, VisitContent({"fss": {"1": 1}})))
    visits.save_visit(db, Actor("other.nurse", role="nurse"), draft(
        patient_id, VisitContent({"fss": {"1": 2}}), visit_id=d.id, expected_version=d.version))
    with pytest.raises(ConflictError, match="changed by someone else"):
        visits.save_visit(db, actor, draft(patient_id, VisitContent({"fss": {"1": 3}}),
                                           visit_id=d.id, expected_version=d.version))
    assert visits.get_visit(db, d.id).content.answers("fss")["1"] == 2


def test_discard_draft_only(db: Database, actor: Actor, patient_id: int) -> None:
    d = visits.save_visit(db, actor, draft(patient_id, VisitContent({"fss": {"1": 1}})))
    assert [v.id for v in visits.drafts_of(db, patient_id)] == [d.id]
    visits.discard_draft(db, actor, d.id)
    assert visits.drafts_of(db, patient_id) == []
    with db.read() as s:
        deleted = s.scalars(select(ChangeLog).where(ChangeLog.action == "delete")).one()
    assert deleted.old_value is not None and '"fss.1": "1"' in deleted.old_value
    done = visits.save_visit(db, actor, draft(patient_id, VisitContent({"fss": FSS,
                                                                         "midas": MIDAS})),
                             complete=True)
    with pytest.raises(UserError, match="Only a draft"):
        visits.discard_draft(db, actor, done.id)


def test_unknown_ids(db: Database, actor: Actor, patient_id: int) -> None:
    with pytest.raises(NotFoundError):
        visits.get_visit(db, 12345)
    with pytest.raises(NotFoundError):
        visits.save_visit(db, actor, visits.VisitDraft(999, "m3", M3))


def test_bulk_loader_matches_single_loads(demo_db: Database) -> None:
    with demo_db.read() as s:
        bulk = visits.load_records(s, [1, 2, 3])
    assert sorted(bulk) == [1, 2, 3]
    for pid, records in bulk.items():
        assert [(r.id, r.content) for r in records] == [
            (r.id, r.content) for r in visits.visits_of(demo_db, pid)]


def test_patient_details_and_ptas_are_saved_together_or_not_at_all(
        db: Database, actor: Actor, patient_id: int) -> None:
    from tests.conftest import make_facts

    from proapp.domain.patient import ProcedureFacts
    from proapp.services import patients

    record = patients.get_patient(db, patient_id)
    first_id = record.procedures[0][0]
    before = log_count(db)
    with pytest.raises(ValidationError, match="already has a PTA"):
        patients.save_patient_record(
            db, actor, patient_id, make_facts(family_name="Renamed"),
            [(first_id, ProcedureFacts(date(2014, 3, 10))), (None, ProcedureFacts(
                date(2014, 3, 10)))], expected_version=record.version)
    after = patients.get_patient(db, patient_id)
    assert after.facts.family_name == "Rossi" and after.version == record.version
    assert log_count(db) == before
    version = patients.save_patient_record(
        db, actor, patient_id, make_facts(family_name="Renamed"),
        [(first_id, ProcedureFacts(date(2014, 3, 11))), (None, ProcedureFacts(
            date(2015, 5, 1)))], expected_version=record.version)
    after = patients.get_patient(db, patient_id)
    assert after.version == version > record.version
    assert [p.pta_date for _i, p in after.procedures] == [date(2014, 3, 11), date(2015, 5, 1)]
    assert log_count(db) == before + 3  # name, moved PTA date, new PTA
    with pytest.raises(ConflictError):
        patients.save_patient_record(db, actor, patient_id, make_facts(), [],
                                     expected_version=record.version)
