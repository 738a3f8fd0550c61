"""Signed visits are read-only; signing and unlocking need the right role, the password and
(for unlocking) a reason, and are logged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from tests.support import sql
from tests.support.staff import PASSWORD, Staff

from proapp.db.engine import Database
from proapp.domain.visit import VisitContent
from proapp.services import visits
from proapp.services.accounts import AuthenticationFailed
from proapp.services.errors import (
    ConflictError,
    LockedError,
    PermissionDenied,
    ReasonRequired,
    UserError,
)
from proapp.services.visits import signing

pytestmark = pytest.mark.security

FSS = VisitContent(responses={"fss": {str(n): 5 for n in range(1, 10)},
                              "midas": {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "q5": 0, "a": 0,
                                        "b": 0}})


def _complete(db: Database, staff: Staff, patient_id: int) -> visits.VisitRecord:
    draft = visits.VisitDraft(patient_id, "m3", date(2014, 6, 10), FSS)
    return visits.save_visit(db, staff.nurse, draft, complete=True, confirm_warnings=True)


def _log(db: Database, visit_id: int) -> list[tuple[Any, ...]]:
    return sql.rows(db, "SELECT action, username, field, reason FROM change_log "
                    "WHERE visit_id = :v ORDER BY id", {"v": visit_id})


def test_sign_makes_visit_read_only(db: Database, staff: Staff, patient_id: int) -> None:
    v = _complete(db, staff, patient_id)
    sig = signing.sign_visit(db, staff.clinician, v.id, PASSWORD, expected_version=v.version)
    assert sig.signed_by == "doc"
    assert visits.get_visit(db, v.id).is_signed
    changed = VisitContent(responses={"fss": {str(n): 6 for n in range(1, 10)}})
    draft = visits.VisitDraft(patient_id, "m3", date(2014, 6, 10), changed, v.id,
                              _ver(db, v.id))
    with pytest.raises(LockedError):
        visits.save_visit(db, staff.admin, draft, reason="typo", confirm_warnings=True)
    with pytest.raises(LockedError):
        visits.delete_visit(db, staff.clinician, v.id, "wrong patient")
    assert visits.get_visit(db, v.id).content.answers("fss")["1"] == 5
    assert [r[0] for r in _log(db, v.id)] == ["insert", "sign", "sign"]


def test_sign_rules(db: Database, staff: Staff, patient_id: int) -> None:
    draft = visits.save_visit(db, staff.nurse,
                              visits.VisitDraft(patient_id, "m3", date(2014, 6, 10), FSS))
    with pytest.raises(UserError, match="Only a completed visit"):
        signing.sign_visit(db, staff.clinician, draft.id, PASSWORD,
            expected_version=_ver(db, draft.id))
    v = visits.save_visit(db, staff.nurse, replace(
        visits.VisitDraft(patient_id, "m3", date(2014, 6, 10), FSS), visit_id=draft.id,
        expected_version=draft.version),
        complete=True, confirm_warnings=True)
    with pytest.raises(PermissionDenied):
        signing.sign_visit(db, staff.nurse, v.id, PASSWORD, expected_version=_ver(db, v.id))
    with pytest.raises(AuthenticationFailed):
        signing.sign_visit(db, staff.clinician, v.id, "not the password",
            expected_version=_ver(db, v.id))
    with pytest.raises(ConflictError):
        signing.sign_visit(db, staff.clinician, v.id, PASSWORD, expected_version=v.version - 1)
    assert not visits.get_visit(db, v.id).is_signed
    signing.sign_visit(db, staff.clinician, v.id, PASSWORD, expected_version=_ver(db, v.id))
    with pytest.raises(LockedError, match="already signed"):
        signing.sign_visit(db, staff.admin, v.id, PASSWORD, expected_version=_ver(db, v.id))


def test_unlock_needs_clinician_reason_and_password(db: Database, staff: Staff,
                                                     patient_id: int) -> None:
    v = _complete(db, staff, patient_id)
    signing.sign_visit(db, staff.clinician, v.id, PASSWORD, expected_version=_ver(db, v.id))
    with pytest.raises(ReasonRequired):
        signing.unlock_visit(db, staff.clinician, v.id, "  ", PASSWORD,
            expected_version=_ver(db, v.id))
    with pytest.raises(PermissionDenied):
        signing.unlock_visit(db, staff.nurse, v.id, "typo in FSS", PASSWORD,
            expected_version=_ver(db, v.id))
    with pytest.raises(AuthenticationFailed):
        signing.unlock_visit(db, staff.clinician, v.id, "typo in FSS", "wrong password",
            expected_version=_ver(db, v.id))
    assert visits.get_visit(db, v.id).is_signed
    version = signing.unlock_visit(db, staff.admin, v.id, "typo in FSS", PASSWORD,
        expected_version=_ver(db, v.id))
    record = visits.get_visit(db, v.id)
    assert not record.is_signed
    assert record.version == version
    changed = VisitContent(responses={**FSS.responses, "fss": {str(n): 6 for n in range(1, 10)}})
    visits.save_visit(db, staff.nurse, visits.VisitDraft(patient_id, "m3", date(2014, 6, 10),
                                                         changed, v.id, version),
                      reason="typo in FSS", confirm_warnings=True)
    log = _log(db, v.id)
    assert ("unlock", "boss", "signed_at", "typo in FSS") in log
    assert next(r for r in log if r[0] == "update")[3] == "typo in FSS"


def _ver(db: Database, visit_id: int) -> int:
    """The version as the clinician sees it now (what the dialogs pass)."""
    return visits.get_visit(db, visit_id).version
