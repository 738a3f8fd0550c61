"""Signing and unlocking completed visits.

A signature is the clinician's statement that a completed visit is correct: it needs the
clinician's password re-entered (not just an open session), makes the visit read-only
(:func:`proapp.services.visits.save_visit` raises LockedError), and is written to the change
log with the visit's content at that moment. Unlocking needs a clinician or administrator,
their password and a reason; it is logged the same way, so the log shows every signature that
ever applied to a visit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from proapp.db import changelog
from proapp.db.changelog import Change
from proapp.db.engine import Database
from proapp.db.models import User, Visit
from proapp.domain.actor import Actor, Permission
from proapp.domain.i18n import msg
from proapp.services import clock
from proapp.services.accounts import verify_actor_password
from proapp.services.accounts.access import authorize
from proapp.services.errors import (
    ConflictError,
    LockedError,
    NotFoundError,
    ReasonRequired,
    UserError,
)
from proapp.services.visits import content_of, flatten


@dataclass(frozen=True)
class Signature:
    visit_id: int
    signed_by: str
    signed_at: datetime
    version: int


def _visit(s: Session, visit_id: int, expected_version: int | None) -> Visit:
    v = s.get(Visit, visit_id)
    if v is None:
        raise NotFoundError(msg("No visit with id {visit_id}", visit_id=visit_id))
    if expected_version is None:
        raise ConflictError(msg("Signing or unlocking needs the version that was reviewed "
                                "(expected_version); nothing was changed"))
    if v.version != expected_version:
        raise ConflictError(msg("This visit was changed by someone else since you opened it; "
                                "review it again before signing or unlocking"))
    return v


def sign_visit(db: Database, actor: Actor, visit_id: int, password: str, *,
               expected_version: int | None = None) -> Signature:
    """Sign a completed visit. ``expected_version`` is the version the clinician reviewed:
    a visit changed since then is not signed."""
    verify_actor_password(db, actor, password)
    with db.write(actor, "visit signed") as s:
        authorize(s, actor, Permission.VISIT_SIGN)
        v = _visit(s, visit_id, expected_version)
        if not v.is_complete:
            raise UserError(msg("Only a completed visit can be signed; complete it first"))
        if v.is_signed:
            raise LockedError(msg("This visit is already signed"))
        now = clock.utcnow()
        v.signed_by_id, v.signed_at = actor.user_id, now
        s.flush()
        content = {"label": v.label, "visit_date": v.visit_date, **flatten(content_of(v))}
        changelog.append(s, [
            Change("sign", "visit", v.id, "signed_at", None, now, patient_id=v.patient_id,
                   visit_id=v.id),
            Change("sign", "visit", v.id, None, None, content, patient_id=v.patient_id,
                   visit_id=v.id)])
        return Signature(v.id, actor.username, now, v.version)


def unlock_visit(db: Database, actor: Actor, visit_id: int, reason: str, password: str, *,
                 expected_version: int | None = None) -> int:
    """Remove the signature so the visit can be corrected; returns the visit's new version."""
    if not (reason and reason.strip()):
        raise ReasonRequired(msg("Unlocking a signed visit needs a reason for the change log"))
    verify_actor_password(db, actor, password)
    with db.write(actor, reason.strip()) as s:
        authorize(s, actor, Permission.VISIT_UNLOCK)
        v = _visit(s, visit_id, expected_version)
        if not v.is_signed:
            raise UserError(msg("This visit is not signed"))
        signer = s.scalar(select(User.username).where(User.id == v.signed_by_id)) or "?"
        old = f"{v.signed_at.isoformat() if v.signed_at else ''} by {signer}"
        v.signed_by_id, v.signed_at = None, None
        s.flush()
        changelog.append(s, [Change("unlock", "visit", v.id, "signed_at", old, None,
                                    patient_id=v.patient_id, visit_id=v.id)])
        return v.version


def signature_of(db: Database, visit_id: int) -> Signature | None:
    with db.read() as s:
        row = s.execute(select(Visit.signed_at, Visit.version, User.username)
                        .join(User, User.id == Visit.signed_by_id)
                        .where(Visit.id == visit_id)).first()
        if row is None or row.signed_at is None:
            return None
        return Signature(visit_id, row.username, row.signed_at, row.version)
