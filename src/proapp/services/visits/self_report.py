"""The patient self-report: a patient answers a draft visit's questionnaires on the screen, and
a staff member then reviews, corrects and completes the visit.

A nurse starts it for one draft visit (:func:`start`): the visit is saved as a draft and the
questionnaires the patient will answer are recorded. Each answer is stored at once, as a
draft change, and kept as the patient gave it (:func:`answer`), so closing the screen loses
nothing. Completing the visit (:func:`accept`) applies every rule of ordinary entry and logs
each answer the staff changed, old (the patient's) -> new, with the reason the staff gives;
the visit is then patient-entered. Every write is in the nurse's name (the patient has no
account), with a reason that says the patient answered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from proapp.db import changelog
from proapp.db.changelog import Change
from proapp.db.engine import Database
from proapp.db.models import SelfReport, SelfReportAnswer, Visit
from proapp.domain import item_values as iv
from proapp.domain import self_report as sr
from proapp.domain.actor import Actor, Permission
from proapp.domain.answers import MissingReason
from proapp.domain.i18n import msg
from proapp.domain.registry import QUESTIONNAIRES
from proapp.domain.visit import VisitRecord
from proapp.services import clock
from proapp.services.accounts.access import authorize
from proapp.services.errors import NotFoundError, ReasonRequired, UserError
from proapp.services.visits.records import VisitDraft, content_of, save_in

ANSWER_REASON = "answered by the patient on the screen (self-report)"
PatientAnswers = dict[tuple[str, str], iv.Keyed]


@dataclass(frozen=True)
class SelfReportState:
    """A visit's self-report: what the patient answers and what they answered so far."""

    visit_id: int
    instruments: tuple[str, ...]
    started_by: str
    answers: PatientAnswers = field(default_factory=dict)
    finished: bool = False
    accepted: bool = False


def _state(row: SelfReport) -> SelfReportState:
    answers: PatientAnswers = {
        (a.instrument, a.item): (a.value if a.value is not None else
                                 MissingReason(a.missing_reason) if a.missing_reason else None)
        for a in row.answers}
    return SelfReportState(row.visit_id, tuple(row.instruments.split()), row.started_by,
                           answers, row.finished_at is not None, row.accepted_at is not None)


def state(db: Database, visit_id: int) -> SelfReportState | None:
    """The visit's self-report, or None when the patient never answered it on the screen."""
    with db.read() as s:
        row = s.get(SelfReport, visit_id)
        return None if row is None else _state(row)


def _open(s: Session, visit_id: int) -> tuple[SelfReport, Visit]:
    row = s.get(SelfReport, visit_id)
    v = s.get(Visit, visit_id)
    if row is None or v is None:
        raise NotFoundError(msg("Visit {visit_id} has no patient self-report", visit_id=visit_id))
    if row.accepted_at is not None or v.is_complete:
        raise UserError(msg("This self-report is already accepted: the visit is complete"))
    return row, v


def start(db: Database, actor: Actor, draft: VisitDraft,
          instruments: Sequence[str]) -> tuple[VisitRecord, SelfReportState]:
    """Save ``draft`` (a new or a draft visit) and open the self-report of ``instruments`` for
    it, in one transaction. Only questionnaires the visit has no answers for yet may be
    given to the patient (or those of this visit's own open self-report, to go on with)."""
    wanted = tuple(dict.fromkeys(instruments))
    if not wanted:
        raise UserError(msg("Choose at least one questionnaire for the patient to answer"))
    unknown = [i for i in wanted if i not in QUESTIONNAIRES]
    if unknown:
        raise UserError(f"Unknown questionnaire {unknown[0]!r}")
    with db.write(actor, "patient self-report started") as s:
        record = save_in(s, actor, draft)
        if record.is_complete:
            raise UserError(msg("This visit is complete: the patient answers a visit that is still "
                                "a draft"))
        row = s.get(SelfReport, record.id)
        own = () if row is None or row.accepted_at is not None else row.instruments.split()
        allowed = {i.id for i in sr.offered(record.label, record.content, own)}
        refused = [QUESTIONNAIRES[i].name for i in wanted if i not in allowed]
        if refused:
            raise UserError(f"{refused[0]} already has answers at this visit (or the visit "
                            "does not expect it): the patient answers only questionnaires "
                            "not yet entered")
        now = clock.utcnow()
        text = " ".join(wanted)
        old = None
        if row is None:
            row = SelfReport(visit_id=record.id, instruments=text, started_by=actor.username,
                             started_at=now)
            s.add(row)
        else:
            old = row.instruments
            row.instruments, row.started_by, row.started_at = text, actor.username, now
            row.finished_at = None
        s.flush()
        changelog.append(s, [Change("start", "self_report", record.id, "instruments", old,
                                    text, patient_id=record.patient_id, visit_id=record.id)])
        return record, _state(row)


def answer(db: Database, actor: Actor, visit_id: int, instrument_id: str, item_id: str,
           value: iv.Keyed) -> int:
    """Store one answer the patient gave (a number, "prefer not to answer" as declined, or
    None to take an answer back), in the draft and as the patient's own, in one transaction.
    A value the rules refuse (out of range, Q1 + Q2 over 90 days) raises ValidationError and
    changes nothing. Returns the visit's new version."""
    with db.write(actor, ANSWER_REASON) as s:
        authorize(s, actor, Permission.VISIT_EDIT)
        row, v = _open(s, visit_id)
        if instrument_id not in row.instruments.split():
            raise UserError(msg("{instrument} is not part of this self-report",
                                instrument=instrument_id))
        instrument = QUESTIONNAIRES[instrument_id]
        if item_id not in instrument.item_ids:
            raise NotFoundError(msg("{name} has no item {item}",
                                    name=instrument.name, item=repr(item_id)))
        content = iv.with_value(content_of(v), instrument_id, item_id, value)
        # read in this transaction, so its version is the one being changed
        record = save_in(s, actor, VisitDraft(v.patient_id, v.label, v.visit_date, content,
                                              v.id, v.version))
        mine = next((a for a in row.answers
                     if a.instrument == instrument_id and a.item == item_id), None)
        if mine is None:
            mine = SelfReportAnswer(instrument=instrument_id, item=item_id)
            row.answers.append(mine)
        mine.value = value if isinstance(value, int) else None
        mine.missing_reason = value.value if isinstance(value, MissingReason) else None
        mine.answered_at = clock.utcnow()
        s.flush()
        return record.version


def finish(db: Database, actor: Actor, visit_id: int) -> None:
    """The patient reached the end: the answers wait for the staff's review."""
    with db.write(actor, ANSWER_REASON) as s:
        authorize(s, actor, Permission.VISIT_EDIT)
        row, v = _open(s, visit_id)
        if row.finished_at is None:
            row.finished_at = clock.utcnow()
            changelog.append(s, [Change("finish", "self_report", v.id, "finished_at", None,
                                        row.finished_at, patient_id=v.patient_id,
                                        visit_id=v.id)])


def accept(db: Database, actor: Actor, draft: VisitDraft, *, confirm_warnings: bool = False,
           reason: str | None = None, today: date | None = None) -> VisitRecord:
    """Complete the visit the patient answered, exactly as ordinary entry completes a visit,
    and record it as patient-entered. Each answer that is no longer what the patient gave is
    a correction: it needs ``reason`` and is logged patient's value -> final value."""
    if draft.visit_id is None:
        raise NotFoundError(msg("A self-report belongs to a saved visit"))
    with db.write(actor, reason.strip() if reason and reason.strip() else None) as s:
        row, _v = _open(s, draft.visit_id)
        record = save_in(s, actor, draft, complete=True, confirm_warnings=confirm_warnings,
                         reason=reason, today=today)
        mine = _state(row)
        fixed = sr.corrections(mine.answers, draft.content,
                               [QUESTIONNAIRES[i] for i in mine.instruments])
        if fixed and not (reason and reason.strip()):
            n = len(fixed)
            raise ReasonRequired(
                f"{n} answer{'s' if n != 1 else ''} differ from what the patient gave: give a "
                "reason for the correction")
        now = clock.utcnow()
        row.accepted_by, row.accepted_at = actor.username, now
        s.flush()
        changelog.append(s, [
            *(Change("correct", "visit", record.id, QUESTIONNAIRES[c.instrument].field(c.item),
                     iv.encode(c.patient), iv.encode(c.now), patient_id=record.patient_id,
                     visit_id=record.id) for c in fixed),
            Change("accept", "self_report", record.id, "accepted_at", None, now,
                   patient_id=record.patient_id, visit_id=record.id)])
        return record
