"""Visits: drafts saved on every change, completion with validation, edits with reasons.

The stored form of a visit is item-level rows; :class:`VisitContent` is its domain form. Both
directions live here, together with the flat ``field -> value`` view used for the change log.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from proapp.db import changelog
from proapp.db.changelog import Change
from proapp.db.engine import Database
from proapp.db.models import Answer, FlowRow, Patient, SkippedForm, Visit
from proapp.domain import schedule
from proapp.domain.actor import Actor, Permission
from proapp.domain.answers import MissingReason
from proapp.domain.fields import FLOW_ATTRS
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.i18n import msg
from proapp.domain.language import Language
from proapp.domain.registry import QUESTIONNAIRES
from proapp.domain.validation import Issue, ValidationError, error
from proapp.domain.validation import errors as hard_errors
from proapp.domain.validation import warnings as soft_warnings
from proapp.domain.visit import (
    COMPLETE,
    DRAFT,
    VisitContent,
    VisitRecord,
    flatten,
    validate_visit,
)
from proapp.services import clock, instruments
from proapp.services.accounts.access import authorize
from proapp.services.errors import (
    ConflictError,
    LockedError,
    NotFoundError,
    ReasonRequired,
    UserError,
    WarningsNeedConfirmation,
)


@dataclass(frozen=True)
class VisitDraft:
    """What the wizard or an import hands in: ``visit_id`` None for a new visit."""

    patient_id: int
    label: str
    visit_date: date
    content: VisitContent = field(default_factory=VisitContent)
    visit_id: int | None = None
    expected_version: int | None = None
    # The language the questionnaires were shown in (stored with the visit, with the texts'
    # editions); None keeps what the visit has (nothing, for a visit entered without it).
    text_language: Language | None = None
    # The entry this save comes from (one per wizard or self-report session, letters and
    # digits): a new visit is stored with it, and the entry's first save made again (its
    # answer lost with the connection, the draft kept and restored) finds that visit instead
    # of storing a second one. None: a save that cannot be repeated (import, a correction).
    entry_key: str | None = None


def content_of(visit: Visit) -> VisitContent:
    return _content(visit.answers, visit.skipped_forms, visit.flows)


def _content(answers: Iterable[Answer], skipped: Iterable[SkippedForm],
             flows: Iterable[FlowRow]) -> VisitContent:
    responses: dict[str, dict[str, int | None]] = defaultdict(dict)
    missing: dict[str, dict[str, MissingReason]] = defaultdict(dict)
    for a in answers:
        if a.value is not None:
            responses[a.instrument][a.item] = a.value
        elif a.missing_reason:
            missing[a.instrument][a.item] = MissingReason(a.missing_reason)
    order = {(p, s): i for i, (p, s) in enumerate((p, s) for p in Posture for s in Side)}
    measurements = sorted(
        (FlowMeasurement(Side(f.side), Posture(f.posture), f.flow_ml_min, f.velocity_cm_s,
                         f.area_cm2, f.stenosis_pct) for f in flows),
        key=lambda m: order[(m.posture, m.side)])
    return VisitContent(dict(responses), dict(missing),
                        {s.form: s.reason for s in skipped}, tuple(measurements))


def record_of(v: Visit, content: VisitContent | None = None) -> VisitRecord:
    return VisitRecord(v.id, v.patient_id, v.label, v.visit_date, v.status, v.version,
                       content if content is not None else content_of(v), v.entered_by,
                       v.created_at, v.updated_at, v.completed_at, v.signed_at, v.signed_by_id,
                       Language(v.text_language) if v.text_language else None)


def _sync_rows(s: Session, v: Visit, content: VisitContent) -> None:
    """Make the visit's child rows equal ``content``: update, add, delete by natural key."""
    want: dict[tuple[str, str], tuple[int | None, str | None]] = {}
    for instrument in QUESTIONNAIRES.values():
        answers = content.answers(instrument.id)
        for item_id in instrument.item_ids:
            reason = content.missing.get(instrument.id, {}).get(item_id)
            if answers[item_id] is not None or reason is not None:
                want[(instrument.id, item_id)] = (
                    answers[item_id], MissingReason(reason).value if reason else None)
    for a in list(v.answers):
        key = (a.instrument, a.item)
        if key not in want:
            v.answers.remove(a)
        else:
            a.value, a.missing_reason = want.pop(key)
    for (instrument_id, item_id), (value, stored_reason) in want.items():
        v.answers.append(Answer(instrument=instrument_id, item=item_id, value=value,
                                missing_reason=stored_reason))
    skips = dict(content.skipped)
    for sk in list(v.skipped_forms):
        if sk.form not in skips:
            v.skipped_forms.remove(sk)
        else:
            sk.reason = skips.pop(sk.form)
    for form, why in skips.items():
        v.skipped_forms.append(SkippedForm(form=form, reason=why))
    flows = {(m.posture.value, m.side.value): m for m in content.flows if not m.is_empty}
    for f in list(v.flows):
        m = flows.pop((f.posture, f.side), None)
        if m is None:
            v.flows.remove(f)
        else:
            for attr in FLOW_ATTRS:
                setattr(f, attr, getattr(m, attr))
    for (posture, side), m in flows.items():
        v.flows.append(FlowRow(posture=posture, side=side,
                               **{a: getattr(m, a) for a in FLOW_ATTRS}))


def _header(v: Visit) -> dict[str, Any]:
    return {"label": v.label, "visit_date": v.visit_date, "status": v.status,
            "text_language": v.text_language, "text_edition": v.text_edition}


def _set_texts(s: Session, v: Visit, draft: VisitDraft, *, answered: bool) -> None:
    """The questionnaires' language and editions, when the caller says which it showed. A
    completed visit corrected later keeps the editions its answers were given on (the clinic
    may have installed other texts since), unless its language is changed."""
    if draft.text_language is None:
        return
    if answered and v.text_language == draft.text_language.value and v.text_edition:
        return
    v.text_language = draft.text_language.value
    v.text_edition = instruments.edition_of(s, draft.text_language, draft.content) or None


def check_visit(s: Session, draft: VisitDraft, *, complete: bool,
                today: date | None = None) -> list[Issue]:
    """Every finding for saving ``draft`` now, including the duplicate-label rule."""
    patient = s.get(Patient, draft.patient_id)
    if patient is None:
        raise NotFoundError(msg("No patient with id {patient_id}", patient_id=draft.patient_id))
    pta = min((p.pta_date for p in patient.procedures), default=None)
    issues = validate_visit(draft.label, draft.visit_date, draft.content,
                            today=today or clock.today(), birth_date=patient.birth_date,
                            pta_date=pta, completing=complete)
    if draft.label != schedule.UNSCHEDULED:
        clash = s.scalar(select(Visit.id).where(Visit.patient_id == draft.patient_id,
                                                Visit.label == draft.label))
        if clash is not None and clash != draft.visit_id:
            issues.append(error("visit.label", "visit.duplicate_label",
                                f"{patient.code} already has a {draft.label} visit; open that "
                                "one, or record this one as unscheduled", draft.label))
    return issues


def _made_by_entry(s: Session, draft: VisitDraft) -> Visit | None:
    """The visit ``draft``'s entry created, if its first save reached the database: changed
    by nobody since (version 1), for the same patient. Changed since, or another patient's
    (a key copied into a foreign draft), it is a conflict: nothing is overwritten."""
    made = s.scalar(select(Visit).where(Visit.entry_key == draft.entry_key))
    if made is None:
        return None
    if made.patient_id != draft.patient_id or made.version != 1:
        raise ConflictError(
            msg("This visit was changed by someone else since you opened it. Your input is "
                "kept: review the current visit and enter your changes again."))
    return made


def save_visit(db: Database, actor: Actor, draft: VisitDraft, *, complete: bool = False,
               confirm_warnings: bool = False, reason: str | None = None,
               today: date | None = None) -> VisitRecord:
    """Save a draft (``complete=False``) or complete a visit, all or nothing.

    Hard errors always stop the save. Completing also needs the warnings confirmed. A completed
    visit stays complete; changing it needs a ``reason``, and a signed visit cannot be changed.
    """
    with db.write(actor, reason) as s:
        return save_in(s, actor, draft, complete=complete, confirm_warnings=confirm_warnings,
                       reason=reason, today=today)


def save_in(s: Session, actor: Actor, draft: VisitDraft, *, complete: bool = False,
            confirm_warnings: bool = False, reason: str | None = None,
            today: date | None = None) -> VisitRecord:
    """:func:`save_visit` inside the caller's write transaction, for use cases that save a
    visit and record something about it at once (double entry, the patient self-report)."""
    authorize(s, actor, Permission.VISIT_EDIT)
    existing = None
    if draft.visit_id is None and draft.entry_key is not None:
        existing = _made_by_entry(s, draft)
        if existing is not None:  # the entry's first save did reach the database
            draft = replace(draft, visit_id=existing.id, expected_version=existing.version)
    if draft.visit_id is not None:
        existing = s.get(Visit, draft.visit_id)
        if existing is None or existing.patient_id != draft.patient_id:
            raise NotFoundError(msg("No visit with id {visit_id} for this patient",
                                    visit_id=draft.visit_id))
        if draft.expected_version is None:
            # Without it a stale window would overwrite someone else's change silently.
            raise ConflictError(msg("Changing a saved visit needs the version that was opened "
                                    "(expected_version); nothing was saved"))
        if existing.version != draft.expected_version:
            raise ConflictError(
                msg("This visit was changed by someone else since you opened it. Your input is "
                    "kept: review the current visit and enter your changes again."))
        if existing.is_signed:
            raise LockedError(msg("This visit is signed and locked; a clinician must unlock it "
                                  "(with a reason) before it can be changed"))
    completing = complete or (existing is not None and existing.is_complete)
    issues = check_visit(s, draft, complete=completing, today=today)
    if hard_errors(issues):
        raise ValidationError(hard_errors(issues))
    if completing and soft_warnings(issues) and not confirm_warnings:
        raise WarningsNeedConfirmation(soft_warnings(issues))
    now = clock.utcnow()
    new_values = flatten(draft.content)
    if existing is None:
        v = Visit(patient_id=draft.patient_id, visit_date=draft.visit_date, label=draft.label,
                  status=COMPLETE if complete else DRAFT, entered_by_id=actor.user_id,
                  entered_by=actor.username, created_at=now, updated_at=now,
                  completed_at=now if complete else None, entry_key=draft.entry_key)
        _set_texts(s, v, draft, answered=False)
        s.add(v)
        _sync_rows(s, v, draft.content)
        s.flush()
        changelog.append(s, [Change("insert", "visit", v.id, None, None,
                                    {**_header(v), **new_values},
                                    patient_id=v.patient_id, visit_id=v.id)])
        return record_of(v, draft.content)
    v = existing
    old = {**_header(v), **flatten(content_of(v))}
    v.label, v.visit_date = draft.label, draft.visit_date
    _set_texts(s, v, draft, answered=v.is_complete)
    if complete and not v.is_complete:
        v.status, v.completed_at = COMPLETE, now
    new = {**_header(v), **new_values}
    changes = list(changelog.diff(old, new))
    if not changes:
        return record_of(v)
    if old["status"] == COMPLETE and not (reason and reason.strip()):
        raise ReasonRequired(msg("This visit is complete: give a reason for the change"))
    _sync_rows(s, v, draft.content)
    v.updated_at = now
    s.flush()
    changelog.append(s, [Change("update", "visit", v.id, k, a, b, patient_id=v.patient_id,
                                visit_id=v.id) for k, a, b in changes])
    return record_of(v, draft.content)


def replace_content(s: Session, v: Visit, content: VisitContent, *,
                    confirm_warnings: bool = False, today: date | None = None) -> list[str]:
    """Give a completed, unsigned visit new content inside the caller's write transaction
    (the session's reason goes to the change log): the same rules as completing it, the rows
    synchronised, one change-log row per changed field. Returns the changed fields."""
    changes = list(changelog.diff(flatten(content_of(v)), flatten(content)))
    if not changes:
        return []
    if v.is_signed:
        raise LockedError(msg("This visit is signed and locked; a clinician must unlock it (with a "
                              "reason) before it can be changed"))
    draft = VisitDraft(v.patient_id, v.label, v.visit_date, content, v.id)
    issues = check_visit(s, draft, complete=v.is_complete, today=today)
    if hard_errors(issues):
        raise ValidationError(hard_errors(issues))
    if v.is_complete and soft_warnings(issues) and not confirm_warnings:
        raise WarningsNeedConfirmation(soft_warnings(issues))
    _sync_rows(s, v, content)
    v.updated_at = clock.utcnow()
    s.flush()
    changelog.append(s, [Change("update", "visit", v.id, k, a, b, patient_id=v.patient_id,
                                visit_id=v.id) for k, a, b in changes])
    return [k for k, _a, _b in changes]


def discard_draft(db: Database, actor: Actor, visit_id: int,
                  expected_version: int | None = None) -> None:
    """Delete a draft visit (never a completed one); its content goes to the change log."""
    with db.write(actor, "draft discarded") as s:
        authorize(s, actor, Permission.VISIT_EDIT)
        v = s.get(Visit, visit_id)
        if v is None:
            raise NotFoundError(msg("No visit with id {visit_id}", visit_id=visit_id))
        if v.is_complete:
            raise UserError(msg("Only a draft can be discarded; this visit is complete"))
        if expected_version is not None and v.version != expected_version:
            raise ConflictError(msg("This draft was changed by someone else since you opened it"))
        changelog.append(s, [Change("delete", "visit", v.id, None,
                                    {**_header(v), **flatten(content_of(v))}, None,
                                    patient_id=v.patient_id, visit_id=v.id)])
        s.delete(v)


def delete_visit(db: Database, actor: Actor, visit_id: int, reason: str, *,
                 expected_version: int | None = None) -> None:
    """Delete a completed visit (e.g. recorded for the wrong patient). Needs a clinician, a
    reason, and an unsigned visit; the whole content goes to the change log first."""
    if not (reason and reason.strip()):
        raise ReasonRequired(msg("Deleting a visit needs a reason for the change log"))
    with db.write(actor, reason.strip()) as s:
        authorize(s, actor, Permission.VISIT_EDIT)
        authorize(s, actor, Permission.VISIT_UNLOCK)
        v = s.get(Visit, visit_id)
        if v is None:
            raise NotFoundError(msg("No visit with id {visit_id}", visit_id=visit_id))
        if expected_version is not None and v.version != expected_version:
            raise ConflictError(msg("This visit was changed by someone else since you opened it"))
        if v.is_signed:
            raise LockedError(msg("This visit is signed; unlock it (with a reason) before "
                                  "deleting"))
        changelog.append(s, [Change("delete", "visit", v.id, None,
                                    {**_header(v), **flatten(content_of(v))}, None,
                                    patient_id=v.patient_id, visit_id=v.id)])
        s.delete(v)


def get_visit(db: Database, visit_id: int) -> VisitRecord:
    with db.read() as s:
        v = s.get(Visit, visit_id)
        if v is None:
            raise NotFoundError(msg("No visit with id {visit_id}", visit_id=visit_id))
        return record_of(v)


def entry_visit_id(db: Database, patient_id: int, entry_key: str) -> int | None:
    """The id of the visit of ``patient_id`` that the entry ``entry_key`` created, if any."""
    with db.read() as s:
        return s.scalar(select(Visit.id).where(Visit.entry_key == entry_key,
                                               Visit.patient_id == patient_id))


def visits_of(db: Database, patient_id: int) -> list[VisitRecord]:
    with db.read() as s:
        return load_records(s, [patient_id]).get(patient_id, [])


def drafts_of(db: Database, patient_id: int) -> list[VisitRecord]:
    return [v for v in visits_of(db, patient_id) if not v.is_complete]


def load_records(s: Session, patient_ids: Iterable[int] | None = None
                 ) -> dict[int, list[VisitRecord]]:
    """All visits (with content) of the given patients, or of everyone, in four queries.

    For exports, reports and analysis over thousands of patients, where loading visits one by
    one through relationships would issue a query per visit.
    """
    ids = None if patient_ids is None else list(patient_ids)
    vq = select(Visit).order_by(Visit.patient_id, Visit.visit_date, Visit.id)
    if ids is not None:
        vq = vq.where(Visit.patient_id.in_(ids))
    visits = list(s.scalars(vq))
    if not visits:
        return {}
    visit_filter = (Visit.patient_id.in_(ids) if ids is not None else None)

    def children(model: Any) -> dict[int, list[Any]]:
        q = select(model)
        if visit_filter is not None:
            q = q.join(Visit, Visit.id == model.visit_id).where(visit_filter)
        grouped: dict[int, list[Any]] = defaultdict(list)
        for row in s.scalars(q):
            grouped[row.visit_id].append(row)
        return grouped

    answers, skipped, flows = children(Answer), children(SkippedForm), children(FlowRow)
    out: dict[int, list[VisitRecord]] = defaultdict(list)
    for v in visits:
        content = _content(answers.get(v.id, ()), skipped.get(v.id, ()), flows.get(v.id, ()))
        out[v.patient_id].append(record_of(v, content))
    return dict(out)


def recorded(visits: Iterable[VisitRecord]) -> list[schedule.RecordedVisit]:
    """What the schedule needs from stored visits."""
    return [schedule.RecordedVisit(v.label, v.visit_date, v.is_complete, v.id) for v in visits]
