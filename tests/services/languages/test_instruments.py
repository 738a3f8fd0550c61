"""The clinic's own questionnaire texts: checked against the definition, installed for every
workstation, logged, used by the screens and recorded with each visit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.support.staff import Staff

from proapp.db.engine import Database
from proapp.db.models import ChangeLog, Visit
from proapp.domain.instrument_texts import TextStatus, bundled_path
from proapp.domain.language import Language
from proapp.domain.visit import VisitContent
from proapp.services import instruments, visits
from proapp.services.errors import NotFoundError, PermissionDenied, UserError

FSS_IT = bundled_path("fss", Language.ITALIAN)


def validated_copy(tmp_path: Path, name: str = "fss.it.ini") -> Path:
    """What a clinic installs: the bundled file rewritten with the licensed words."""
    text = FSS_IT.read_text("utf-8")
    text = (text.replace("status = unvalidated", "status = validated")
            .replace("edition = proapp working translation 1 (not validated)",
                     "edition = Versione italiana validata, licenza 2024-17")
            .replace("Mi affatico facilmente.", "Mi stanco facilmente."))
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_bundled_texts_are_used_until_the_clinic_installs_its_own(db: Database, staff: Staff,
                                                                   tmp_path: Path) -> None:
    before = instruments.texts_for(db, "fss", Language.ITALIAN)
    assert before.status is TextStatus.UNVALIDATED
    installed = instruments.install(db, staff.admin, validated_copy(tmp_path))
    assert installed.validated
    now = instruments.texts_for(db, "fss", Language.ITALIAN)
    assert now.validated and now.item("3").text == "Mi stanco facilmente."
    assert instruments.texts_for(db, "fss", Language.ENGLISH).status is TextStatus.ORIGINAL
    listing = {(i.instrument, i.language): i for i in instruments.listing(db)}
    assert listing[("fss", Language.ITALIAN)].source == "installed"
    assert listing[("midas", Language.ITALIAN)].source == "bundled"
    with db.read() as s:
        logged = s.scalars(select(ChangeLog).where(ChangeLog.entity == "instrument_text")).all()
    assert [(r.action, r.field, r.username) for r in logged] == [("insert", "fss.it", "boss")]
    assert "validated" in (logged[0].new_value or "")


def test_installing_the_same_file_again_changes_nothing(db: Database, staff: Staff,
                                                        tmp_path: Path) -> None:
    path = validated_copy(tmp_path)
    instruments.install(db, staff.admin, path)
    instruments.install(db, staff.admin, path)
    with db.read() as s:
        assert len(s.scalars(select(ChangeLog).where(
            ChangeLog.entity == "instrument_text")).all()) == 1


def test_only_administrators_install_and_remove(db: Database, staff: Staff,
                                                tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        instruments.install(db, staff.nurse, validated_copy(tmp_path))
    instruments.install(db, staff.admin, validated_copy(tmp_path))
    with pytest.raises(PermissionDenied):
        instruments.remove(db, staff.clinician, "fss", Language.ITALIAN)
    instruments.remove(db, staff.admin, "fss", Language.ITALIAN)
    assert not instruments.texts_for(db, "fss", Language.ITALIAN).validated
    with pytest.raises(NotFoundError):
        instruments.remove(db, staff.admin, "fss", Language.ITALIAN)


@pytest.mark.parametrize(("change", "reason"), [
    (("range = 1-7", "range = 0-7"), "another version of the questionnaire"),
    (("[item 9]", "[item 10]"), "FSS has no item '10'"),
    (("instrument = fss", "instrument = hads"), "instrument must be one of midas, fss"),
    (("format = proapp-instrument-texts 1", "format = 2"), "format must be"),
])
def test_a_file_that_does_not_fit_is_refused_and_nothing_is_stored(
        db: Database, staff: Staff, tmp_path: Path, change: tuple[str, str], reason: str) -> None:
    path = validated_copy(tmp_path)
    path.write_text(path.read_text("utf-8").replace(*change, 1), "utf-8")
    with pytest.raises(UserError, match=reason):
        instruments.install(db, staff.admin, path)
    assert not instruments.texts_for(db, "fss", Language.ITALIAN).validated


def test_unreadable_files_are_refused_plainly(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Cannot read"):
        instruments.check_file(tmp_path / "missing.ini")
    bad = tmp_path / "latin1.ini"
    bad.write_bytes(FSS_IT.read_text("utf-8").encode("latin-1", "replace") + b"\xfc")
    with pytest.raises(UserError, match="not UTF-8"):
        instruments.check_file(bad)


def test_each_visit_records_the_language_and_editions_of_its_texts(
        db: Database, staff: Staff, patient_id: int, tmp_path: Path) -> None:
    content = VisitContent({"fss": {str(n): 4 for n in range(1, 10)}},
                           skipped={"midas": "not asked today", "flow": "no ultrasound"})
    draft = visits.VisitDraft(patient_id, "baseline", date(2014, 3, 1), content,
                              text_language=Language.ITALIAN)
    first = visits.save_visit(db, staff.nurse, draft, complete=True)
    assert first.text_language is Language.ITALIAN
    with db.read() as s:
        v = s.get(Visit, first.id)
        assert v is not None
        assert v.text_language == "it"
        assert v.text_edition == "fss=proapp working translation 1 (not validated) [not validated]"
    # a correction after the clinic installed validated texts keeps the edition answered on
    instruments.install(db, staff.admin, validated_copy(tmp_path))
    again = visits.VisitDraft(patient_id, "baseline", date(2014, 3, 2), content,
                              visit_id=first.id, expected_version=first.version,
                              text_language=Language.ITALIAN)
    visits.save_visit(db, staff.nurse, again, reason="date typo")
    with db.read() as s:
        v = s.get(Visit, first.id)
        assert v is not None and "[not validated]" in (v.text_edition or "")
    # a new visit answered on the validated texts says so
    later = visits.save_visit(db, staff.nurse, visits.VisitDraft(
        patient_id, "unscheduled", date(2014, 6, 10), content, text_language=Language.ITALIAN))
    with db.read() as s:
        v = s.get(Visit, later.id)
        assert v is not None
        assert v.text_edition == "fss=Versione italiana validata, licenza 2024-17"


def test_a_visit_saved_without_a_language_records_none(db: Database, staff: Staff,
                                                       patient_id: int) -> None:
    rec = visits.save_visit(db, staff.nurse, visits.VisitDraft(
        patient_id, "baseline", date(2014, 3, 1),
        VisitContent({"fss": {str(n): 4 for n in range(1, 10)}})))
    assert rec.text_language is None
