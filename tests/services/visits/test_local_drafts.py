"""Visit drafts kept on this computer while the database cannot be reached: private files
written whole, sealed with the installation's key (nothing about the patient readable
without it, a changed file refused), offered only for the same database and to their author,
restored through the visit service with its version check, discarded with a log line."""

from __future__ import annotations

import json
import logging
import stat
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from tests.conftest import make_facts

from proapp import paths
from proapp.db import keys
from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.domain.answers import MissingReason
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.language import Language
from proapp.domain.visit import VisitContent
from proapp.services import patients, visits
from proapp.services.errors import ConflictError
from proapp.services.visits import local_drafts
from proapp.services.visits.local_drafts import KeptDraftError, Outcome

M3 = date(2014, 6, 10)
CONTENT = VisitContent(
    {"midas": {"q1": 17, "q2": 3}, "fss": {"1": 6}},
    {"midas": {"q3": MissingReason.DECLINED}},
    {},
    (FlowMeasurement(Side.LEFT, Posture.SUPINE, Decimal("612.5"), stenosis_pct=40),
     FlowMeasurement(Side.RIGHT, Posture.SUPINE, None, Decimal("21.25"), Decimal("0.410"))))


def kept_file(db: Database, actor: Actor, patient_id: int, draft_id: str = "a1b2c3d4",
              **kw: object) -> Path:
    d = visits.VisitDraft(patient_id, "m3", M3, CONTENT, text_language=Language.ITALIAN,
                          **kw)  # type: ignore[arg-type]
    return local_drafts.keep(db, actor, d, draft_id=draft_id, patient_code="P001")


def test_a_kept_draft_is_private_sealed_and_restored(db: Database, actor: Actor,
                                                     patient_id: int) -> None:
    path = kept_file(db, actor, patient_id)
    assert path.parent == paths.data_dir() / "kept-drafts"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not [p for p in path.parent.iterdir() if p != path]  # no temporary file left
    raw = path.read_text()
    for secret in ("P001", "Rossi", "612.5", "midas", "declined", "2014-06-10"):
        assert secret not in raw  # nothing of the patient or the visit in clear (the
        # base64 text has no "." or "-", and 5+ given letters in a row are vanishingly rare)
    header = json.loads(raw)
    assert header["installation"] == db.installation_id()
    assert header["author"] == actor.username
    assert "@" not in header["database"] and "password" not in header["database"]

    found = local_drafts.pending(db, actor)
    assert not found.refused and found.others == 0
    [kept] = found.kept
    assert kept.patient_code == "P001" and kept.draft.content == CONTENT
    assert kept.draft.text_language is Language.ITALIAN

    result = local_drafts.restore(db, actor, kept)
    assert result.outcome is Outcome.RESTORED and result.record is not None
    stored = visits.get_visit(db, result.record.id)
    assert stored.status == "draft" and stored.content == CONTENT
    assert stored.label == "m3" and stored.visit_date == M3
    assert not path.exists()
    assert not local_drafts.pending(db, actor)


@pytest.mark.parametrize("tamper", ["body", "header", "renamed"])
def test_a_changed_file_is_refused_with_a_plain_message(db: Database, actor: Actor,
                                                        patient_id: int, tamper: str) -> None:
    path = kept_file(db, actor, patient_id)
    doc = json.loads(path.read_text())
    if tamper == "body":
        sealed = bytearray(doc["sealed"].encode())
        sealed[10] = ord("A") if sealed[10] != ord("A") else ord("B")
        doc["sealed"] = sealed.decode()
        path.write_text(json.dumps(doc))
    elif tamper == "header":
        doc["kept_at"] = "2030-01-01T00:00:00"
        path.write_text(json.dumps(doc))
    else:  # another draft's file put in place of this one
        path.rename(path.with_name("ffff0000.draft"))
        path = path.with_name("ffff0000.draft")
    found = local_drafts.pending(db, actor)
    assert not found.kept
    [refused] = found.refused
    assert refused.path == path
    assert "was changed outside proapp" in refused.why and "not restored" in refused.why
    local_drafts.discard(actor, refused)
    assert not path.exists() and not local_drafts.pending(db, actor)


def test_a_file_that_is_not_a_draft_is_refused(db: Database, actor: Actor) -> None:
    junk = local_drafts.folder() / "0123abcd.draft"
    junk.write_bytes(b"\x00not json")
    [refused] = local_drafts.pending(db, actor).refused
    assert "is not a visit draft proapp kept" in refused.why


def test_a_visit_changed_meanwhile_is_a_conflict_and_is_not_overwritten(
        db: Database, actor: Actor, patient_id: int) -> None:
    first = visits.save_visit(db, actor, visits.VisitDraft(
        patient_id, "m3", M3, VisitContent({"midas": {"q1": 1}})))
    path = kept_file(db, actor, patient_id, visit_id=first.id,
                     expected_version=first.version)
    other = visits.save_visit(db, Actor("nurse.other", role="nurse"), visits.VisitDraft(
        patient_id, "m3", M3, VisitContent({"midas": {"q1": 2}}), first.id, first.version))
    [kept] = local_drafts.pending(db, actor).kept
    result = local_drafts.restore(db, actor, kept)
    assert result.outcome is Outcome.NOT_RESTORED
    assert "changed by someone else" in result.message
    stored = visits.get_visit(db, first.id)
    assert stored.version == other.version and stored.content.answers("midas")["q1"] == 2
    assert path.exists()  # kept until its author enters it again and discards it


def test_a_draft_the_database_already_holds_is_just_removed(
        db: Database, actor: Actor, patient_id: int) -> None:
    first = visits.save_visit(db, actor, visits.VisitDraft(
        patient_id, "m3", M3, VisitContent({"midas": {"q1": 1}})))
    path = kept_file(db, actor, patient_id, visit_id=first.id,
                     expected_version=first.version)
    visits.save_visit(db, actor, visits.VisitDraft(patient_id, "m3", M3, CONTENT, first.id,
                                                   first.version))  # the retry got through
    [kept] = local_drafts.pending(db, actor).kept
    assert local_drafts.restore(db, actor, kept).outcome is Outcome.ALREADY_SAVED
    assert not path.exists()


def test_only_the_same_database_and_author_see_a_kept_draft(
        db: Database, actor: Actor, patient_id: int, tmp_path: Path) -> None:
    kept_file(db, actor, patient_id)
    assert local_drafts.pending(db, Actor("nurse.other", role="nurse")).others == 1
    assert not local_drafts.pending(db, Actor("nurse.other", role="nurse"))
    other = open_database(tmp_path / "other.db")
    try:
        assert not local_drafts.pending(other, actor)
        assert local_drafts.pending(other, actor).others == 0
    finally:
        other.dispose()
    assert len(local_drafts.pending(db, actor).kept) == 1


def test_discarding_is_logged_without_patient_data(
        db: Database, actor: Actor, patient_id: int, caplog: pytest.LogCaptureFixture) -> None:
    path = kept_file(db, actor, patient_id)
    [kept] = local_drafts.pending(db, actor).kept
    with caplog.at_level(logging.INFO, logger="proapp"):
        local_drafts.discard(Actor("nurse.test", role="nurse"), kept)
    assert not path.exists()
    text = caplog.text
    assert "a1b2c3d4" in text and "discarded by nurse.test" in text
    for secret in ("P001", "Rossi", "612.5"):
        assert secret not in text


def test_without_the_key_nothing_is_kept_and_the_reason_is_plain(
        db: Database, actor: Actor, patient_id: int) -> None:
    keys.key_path(db.installation_id()).rename(keys.key_dir() / "aside")
    try:
        with pytest.raises(KeptDraftError, match="integrity key of this database"):
            kept_file(db, actor, patient_id)
    finally:
        (keys.key_dir() / "aside").rename(keys.key_path(db.installation_id()))
    assert not list(local_drafts.folder().iterdir())


# A first save whose COMMIT reached the database while its answer was lost with the
# connection: the entry still thinks nothing is stored (no visit id) and keeps its draft.
KEY = "0123456789abcdef0123456789abcdef"
FIRST = VisitContent({"midas": {"q1": 17}})


def unscheduled(patient_id: int, content: VisitContent, **kw: object) -> visits.VisitDraft:
    return visits.VisitDraft(patient_id, "unscheduled", M3, content,
                             **kw)  # type: ignore[arg-type]


def lost_first_save(db: Database, actor: Actor, patient_id: int, typed: VisitContent
                    ) -> tuple[visits.VisitRecord, Path, local_drafts.KeptDraft]:
    """The entry's first save (FIRST) stored, its answer lost: the entry kept ``typed``
    (what it holds by then) on the computer, still without a visit id."""
    made = visits.save_visit(db, actor, unscheduled(patient_id, FIRST, entry_key=KEY))
    path = local_drafts.keep(db, actor, unscheduled(patient_id, typed, entry_key=KEY),
                             draft_id=KEY, patient_code="P001")
    [kept] = local_drafts.pending(db, actor).kept
    assert kept.draft.entry_key == KEY and kept.draft.visit_id is None
    return made, path, kept


def test_a_first_save_whose_answer_was_lost_is_not_stored_twice(
        db: Database, actor: Actor, patient_id: int) -> None:
    made, path, kept = lost_first_save(db, actor, patient_id, CONTENT)  # typed on: q2 ...
    result = local_drafts.restore(db, actor, kept)
    assert result.outcome is Outcome.RESTORED and result.record is not None
    assert result.record.id == made.id  # the visit its first save created, not a second one
    [stored] = [v for v in visits.visits_of(db, patient_id) if v.label == "unscheduled"]
    assert stored.content == CONTENT and stored.version == made.version + 1
    assert not path.exists()


def test_a_lost_answer_with_nothing_typed_since_is_just_removed(
        db: Database, actor: Actor, patient_id: int) -> None:
    made, path, kept = lost_first_save(db, actor, patient_id, FIRST)
    result = local_drafts.restore(db, actor, kept)
    assert result.outcome is Outcome.ALREADY_SAVED and result.record is not None
    assert result.record.id == made.id and result.record.version == made.version
    assert len(visits.visits_of(db, patient_id)) == 1 and not path.exists()


def test_the_entrys_visit_changed_by_someone_since_is_a_conflict(
        db: Database, actor: Actor, patient_id: int) -> None:
    made = visits.save_visit(db, actor, unscheduled(patient_id, FIRST, entry_key=KEY))
    visits.save_visit(db, Actor("nurse.other", role="nurse"), unscheduled(
        patient_id, VisitContent({"midas": {"q1": 2}}), visit_id=made.id,
        expected_version=made.version))
    local_drafts.keep(db, actor, unscheduled(patient_id, CONTENT, entry_key=KEY),
                      draft_id=KEY, patient_code="P001")
    [kept] = local_drafts.pending(db, actor).kept
    result = local_drafts.restore(db, actor, kept)
    assert result.outcome is Outcome.NOT_RESTORED and "changed by someone else" in result.message
    [stored] = visits.visits_of(db, patient_id)  # neither overwritten nor doubled
    assert stored.content.answers("midas")["q1"] == 2


def test_an_entry_key_of_another_patients_visit_is_a_conflict(
        db: Database, actor: Actor, patient_id: int) -> None:
    other = patients.create_patient(db, actor, make_facts(code="P002"), [])
    visits.save_visit(db, actor, unscheduled(patient_id, FIRST, entry_key=KEY))
    with pytest.raises(ConflictError):
        visits.save_visit(db, actor, unscheduled(other, CONTENT, entry_key=KEY))
    assert visits.visits_of(db, other) == []


def test_two_entries_make_two_unscheduled_visits(db: Database, actor: Actor,
                                                 patient_id: int) -> None:
    visits.save_visit(db, actor, unscheduled(patient_id, FIRST, entry_key=KEY))
    visits.save_visit(db, actor, unscheduled(patient_id, FIRST, entry_key="f" * 32))
    visits.save_visit(db, actor, unscheduled(patient_id, FIRST))  # no key: an import's
    assert len(visits.visits_of(db, patient_id)) == 3
