"""Double data entry through the services: the blind second keying, the comparison, the
resolution of each difference (values, permissions, change log) and the agreement report."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.support.staff import PASSWORD, Staff

from proapp.db.engine import Database
from proapp.db.models import Answer, ChangeLog, DoubleEntryItem, Visit
from proapp.domain import double_entry as de
from proapp.domain.actor import Actor
from proapp.domain.answers import MissingReason
from proapp.domain.validation import ValidationError
from proapp.domain.visit import VisitContent
from proapp.services import accounts, settings, visits
from proapp.services.errors import (
    LockedError,
    PermissionDenied,
    ReasonRequired,
    UserError,
)
from proapp.services.exchange import dataset
from proapp.services.exchange.export import run_export
from proapp.services.visits import double_entry, signing

M6 = date(2014, 9, 12)
MIDAS = {"q1": 2, "q2": 3, "q3": 1, "q4": 4, "q5": 0, "a": 12, "b": 6}
FSS = {"1": 4, "2": 6, "3": 5, "4": 3, "5": 5, "6": 4, "7": 6, "8": 2, "9": 7}
SKIP_FLOW = {"flow": "ultrasound machine out of order"}


@pytest.fixture
def bruno(db: Database, staff: Staff) -> Actor:
    uid = accounts.create_user(db, staff.admin, "bruno", PASSWORD, "nurse", "Bruno Nurse")
    return Actor("bruno", uid, "nurse")


@pytest.fixture
def switched_on(db: Database, staff: Staff) -> None:
    settings.set_value(db, staff.admin, "double_entry", "on")


def first_entry(db: Database, nurse: Actor, patient_id: int, **kw: object) -> int:
    content = VisitContent({"midas": MIDAS, "fss": FSS}, skipped=SKIP_FLOW)
    record = double_entry.complete_with_second_entry(
        db, nurse, visits.VisitDraft(patient_id, "m6", M6, content), **kw)  # type: ignore[arg-type]
    return record.id


def second_keying(**changes: dict[str, int]) -> VisitContent:
    midas = {**MIDAS, **changes.get("midas", {})}
    fss = {**FSS, **changes.get("fss", {})}
    return VisitContent({"midas": midas, "fss": fss})


def log_rows(db: Database, visit_id: int) -> list[ChangeLog]:
    with db.read() as s:
        return list(s.scalars(select(ChangeLog).where(ChangeLog.visit_id == visit_id)
                              .order_by(ChangeLog.id)))


def stored(db: Database, visit_id: int) -> dict[tuple[str, str], int | None]:
    with db.read() as s:
        return {(a.instrument, a.item): a.value
                for a in s.scalars(select(Answer).where(Answer.visit_id == visit_id))}


def test_switched_off_by_default(db: Database, staff: Staff, patient_id: int) -> None:
    assert not double_entry.enabled(db)
    with pytest.raises(UserError, match="switched off"):
        first_entry(db, staff.nurse, patient_id)
    with db.read() as s:
        assert s.scalar(select(Visit.id)) is None  # nothing saved


def test_two_keyings_three_differences_resolved_verified(
        db: Database, staff: Staff, bruno: Actor, patient_id: int, switched_on: None) -> None:
    vid = first_entry(db, staff.nurse, patient_id)
    assert double_entry.status_of(db, vid) is de.Status.AWAITING
    [queued] = double_entry.queue(db)
    assert (queued.visit_id, queued.status, queued.entered_by) == (vid, de.Status.AWAITING,
                                                                     "nina")
    form = double_entry.second_entry_form(db, bruno, vid)
    assert (form.patient_code, form.label, form.visit_date) == ("P001", "m6", M6)

    outcome = double_entry.submit_second_entry(
        db, bruno, vid, second_keying(midas={"q1": 3, "a": 21}, fss={"4": 5}))
    assert (outcome.status, outcome.compared, outcome.differences) == (
        de.Status.UNRESOLVED, 16, 3)
    cmp = double_entry.comparison(db, vid)
    assert [(d.instrument, d.item, d.first, d.first_by, d.second, d.second_by)
            for d in cmp.differences] == [("midas", "q1", 2, "nina", 3, "bruno"),
                                          ("midas", "a", 12, "nina", 21, "bruno"),
                                          ("fss", "4", 3, "nina", 5, "bruno")]
    assert stored(db, vid)[("midas", "q1")] == 2  # the visit is unchanged until resolved

    # The clinician settles each: the first keying, the second keying, a value from paper.
    assert double_entry.resolve(db, staff.clinician, vid, "midas", "q1", 2,
                                "paper says 2") is de.Status.UNRESOLVED
    assert double_entry.resolve(db, staff.clinician, vid, "fss", "4", 5,
                                "paper says 5") is de.Status.UNRESOLVED
    assert double_entry.resolve(db, staff.clinician, vid, "midas", "a", 15,
                                "paper says 15, both misread") is de.Status.VERIFIED

    values = stored(db, vid)
    assert (values[("midas", "q1")], values[("fss", "4")], values[("midas", "a")]) == (2, 5, 15)
    assert double_entry.status_of(db, vid) is de.Status.VERIFIED
    rows = log_rows(db, vid)
    updates = [(r.field, r.old_value, r.new_value, r.username, r.reason) for r in rows
               if r.entity == "visit" and r.action == "update"]
    assert updates == [("fss.4", "3", "5", "doc", "paper says 5"),
                       ("midas.a", "12", "15", "doc", "paper says 15, both misread")]
    resolved = [(r.field, json.loads(r.old_value or "{}"), r.new_value, r.reason)
                for r in rows if r.action == "resolve"]
    assert resolved == [
        ("midas.q1", {"first": "2", "second": "3"}, "2", "paper says 2"),
        ("fss.4", {"first": "3", "second": "5"}, "5", "paper says 5"),
        ("midas.a", {"first": "12", "second": "21"}, "15", "paper says 15, both misread")]
    statuses = [(r.old_value, r.new_value) for r in rows
                if r.entity == "double_entry" and r.field == "status"]
    assert statuses == [(None, "awaiting"), ("awaiting", "unresolved"),
                        ("unresolved", "verified")]
    second = next(r for r in rows if r.action == "second_entry")
    assert second.username == "bruno"
    assert json.loads(second.new_value or "{}")["midas.q1"] == "3"

    report = {(r.user, r.instrument): r for r in double_entry.agreement_report(db, staff.nurse)}
    nina, brun = report[("nina", de.ALL)], report[("bruno", de.ALL)]
    assert (nina.visits, nina.fields, nina.differences, nina.errors, nina.unresolved) == (
        1, 16, 3, 2, 0)  # fss 4 and midas a were wrong in her keying
    assert (brun.fields, brun.differences, brun.errors) == (16, 3, 2)  # midas q1 and a
    assert nina.errors_per_1000 == Decimal("125.0")
    assert nina.agreement_pct == Decimal("81.3")  # 13 of 16, half up
    assert (report[("nina", "midas")].fields, report[("nina", "midas")].errors) == (7, 1)
    assert (report[("nina", "fss")].fields, report[("nina", "fss")].errors) == (9, 1)
    total = report[(de.ALL, de.ALL)]
    assert (total.fields, total.differences, total.errors) == (32, 6, 4)


def test_second_keyer_must_be_another_person(db: Database, staff: Staff, patient_id: int,
                                              switched_on: None) -> None:
    vid = first_entry(db, staff.nurse, patient_id)
    with pytest.raises(PermissionDenied, match="another person"):
        double_entry.second_entry_form(db, staff.nurse, vid)
    with pytest.raises(PermissionDenied, match="another person"):
        double_entry.submit_second_entry(db, staff.nurse, vid, second_keying())
    assert double_entry.status_of(db, vid) is de.Status.AWAITING


def test_someone_who_edited_the_first_entry_is_not_blind(
        db: Database, staff: Staff, bruno: Actor, patient_id: int, switched_on: None) -> None:
    vid = first_entry(db, staff.nurse, patient_id)
    record = visits.get_visit(db, vid)
    changed = VisitContent({"midas": {**MIDAS, "b": 7}, "fss": FSS}, skipped=SKIP_FLOW)
    visits.save_visit(db, bruno, visits.VisitDraft(patient_id, "m6", M6, changed, vid,
                                                   record.version), reason="typo")
    with pytest.raises(PermissionDenied):
        double_entry.submit_second_entry(db, bruno, vid, second_keying())


def test_identical_keyings_are_verified_at_once(db: Database, staff: Staff, bruno: Actor,
                                                patient_id: int, switched_on: None) -> None:
    vid = first_entry(db, staff.nurse, patient_id)
    outcome = double_entry.submit_second_entry(db, bruno, vid, second_keying())
    assert (outcome.status, outcome.differences) == (de.Status.VERIFIED, 0)
    with pytest.raises(UserError, match="already"):
        double_entry.submit_second_entry(db, bruno, vid, second_keying())


def test_missing_reasons_and_blanks_are_compared(db: Database, staff: Staff, bruno: Actor,
                                                 patient_id: int, switched_on: None) -> None:
    vid = first_entry(db, staff.nurse, patient_id)
    midas = {k: v for k, v in MIDAS.items() if k != "q3"}
    second = VisitContent({"midas": midas, "fss": FSS},
                          {"midas": {"q3": MissingReason.DECLINED}})
    double_entry.submit_second_entry(db, bruno, vid, second)
    [diff] = double_entry.comparison(db, vid).differences
    assert (diff.item, diff.first, diff.second) == ("q3", 1, MissingReason.DECLINED)
    # the true value may also be "declined": stored as a missing reason, never as 0
    double_entry.resolve(db, staff.clinician, vid, "midas", "q3", MissingReason.DECLINED,
                         "the patient crossed the item out")
    with db.read() as s:
        a = s.scalar(select(Answer).where(Answer.visit_id == vid, Answer.item == "q3"))
        assert a is not None and (a.value, a.missing_reason) == (None, "declined")


def test_a_form_only_one_person_keyed_is_compared_whole(
        db: Database, staff: Staff, bruno: Actor, patient_id: int, switched_on: None) -> None:
    content = VisitContent({"midas": MIDAS}, skipped={"fss": "not on the paper",
                                                      **SKIP_FLOW})
    vid = double_entry.complete_with_second_entry(
        db, staff.nurse, visits.VisitDraft(patient_id, "m6", M6, content)).id
    outcome = double_entry.submit_second_entry(db, bruno, vid, VisitContent({"midas": MIDAS}))
    assert (outcome.compared, outcome.differences) == (7, 0)  # FSS was keyed by nobody


def test_resolution_rules(db: Database, staff: Staff, bruno: Actor, patient_id: int,
                          switched_on: None) -> None:
    vid = first_entry(db, staff.nurse, patient_id)
    double_entry.submit_second_entry(db, bruno, vid, second_keying(midas={"q1": 3, "q2": 4}))
    with pytest.raises(ReasonRequired):
        double_entry.resolve(db, staff.clinician, vid, "midas", "q1", 2, "  ")
    for keyer in (staff.nurse, bruno):  # a nurse who keyed it may not settle it
        with pytest.raises(PermissionDenied, match="third person or a clinician"):
            double_entry.resolve(db, keyer, vid, "midas", "q1", 2, "paper")
    with pytest.raises(ValidationError, match="between 0 and 90"):
        double_entry.resolve(db, staff.clinician, vid, "midas", "q1", 95, "paper")
    with pytest.raises(UserError, match="not a difference"):
        double_entry.resolve(db, staff.clinician, vid, "midas", "q5", 1, "paper")
    third = Actor("carla", accounts.create_user(db, staff.admin, "carla", PASSWORD, "nurse"),
                  "nurse")
    assert double_entry.resolve(db, third, vid, "midas", "q1", 2, "paper") \
        is de.Status.UNRESOLVED  # a third nurse may
    with pytest.raises(UserError, match="already resolved"):
        double_entry.resolve(db, staff.clinician, vid, "midas", "q1", 3, "paper")
    signing.sign_visit(db, staff.clinician, vid, PASSWORD,
                       expected_version=visits.get_visit(db, vid).version)
    with pytest.raises(LockedError):
        double_entry.resolve(db, staff.clinician, vid, "midas", "q2", 4, "paper")
    # choosing the value the visit already holds needs no change to the signed visit
    assert double_entry.resolve(db, staff.clinician, vid, "midas", "q2", 3, "paper") \
        is de.Status.VERIFIED


def test_keyed_items_survive_later_edits(db: Database, staff: Staff, bruno: Actor,
                                         patient_id: int, switched_on: None) -> None:
    vid = first_entry(db, staff.nurse, patient_id)
    double_entry.submit_second_entry(db, bruno, vid, second_keying(fss={"9": 6}))
    visits.delete_visit(db, staff.clinician, vid, "wrong patient")
    with db.read() as s:
        assert s.scalar(select(DoubleEntryItem.id)) is None  # deleted with the visit
    assert double_entry.queue(db) == []


def test_agreement_csv(db: Database, staff: Staff, bruno: Actor, patient_id: int,
                       switched_on: None, tmp_path: Path) -> None:
    vid = first_entry(db, staff.nurse, patient_id)
    double_entry.submit_second_entry(db, bruno, vid, second_keying(fss={"9": 6}))
    out = tmp_path / "agreement.csv"
    double_entry.write_agreement_report(db, staff.nurse, out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == list(double_entry.REPORT_HEADER)
    by = {(r["user"], r["instrument"]): r for r in rows}
    assert by[("bruno", "fss")] == {"user": "bruno", "instrument": "fss", "visits": "1",
                                    "fields_keyed": "9", "differences": "1", "errors": "0",
                                    "unresolved": "1", "errors_per_1000_fields": "0.0",
                                    "agreement_pct": "88.9"}
    assert out.stat().st_mode & 0o777 == 0o600
    with pytest.raises(UserError, match="exists"):
        double_entry.write_agreement_report(db, staff.nurse, out)


def test_exports_carry_the_verification_state(db: Database, staff: Staff, bruno: Actor,
                                              patient_id: int, switched_on: None,
                                              tmp_path: Path) -> None:
    def exported() -> tuple[str, str]:
        [row] = dataset.load(db, staff.nurse, dataset.ExportOptions()).visits
        return row["verification_state"], row["entry_source"]

    vid = first_entry(db, staff.nurse, patient_id)
    assert exported() == ("awaiting_second_entry", "staff")
    double_entry.submit_second_entry(db, bruno, vid, second_keying(fss={"9": 6}))
    assert exported() == ("differences_unresolved", "staff")
    double_entry.resolve(db, staff.clinician, vid, "fss", "9", 7, "paper")
    assert exported() == ("verified", "staff")
    run_export(db, staff.nurse, "csv", tmp_path / "out", dataset.ExportOptions())
    with (tmp_path / "out" / "visits.csv").open(encoding="utf-8", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert (row["verification_state"], row["entry_source"]) == ("verified", "staff")
    with (tmp_path / "out" / "data_dictionary.csv").open(encoding="utf-8", newline="") as f:
        described = {r["column"]: r for r in csv.DictReader(f)}
    assert "verified" in described["verification_state"]["codes"]
