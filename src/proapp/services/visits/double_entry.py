"""Double data entry: a completed visit's paper questionnaires keyed a second time, blind, by
another person; the differences settled by a third person or a clinician; the agreement report.

The clinic switches it on with the ``double_entry`` setting. A visit joins when it is completed
with "needs a second entry" ticked (:func:`complete_with_second_entry`, one transaction). The
second keying (:func:`submit_second_entry`) is compared item by item with the visit as stored;
every compared item is kept (both values and who keyed each), so the agreement report stays
true after later edits. Each settled difference (:func:`resolve`) writes the true value into the
visit with the resolver's reason, and the visit is verified once none is left. Every step is
in the change log.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from proapp import atomic
from proapp.db import changelog
from proapp.db.changelog import Change
from proapp.db.engine import Database
from proapp.db.models import ChangeLog, DoubleEntry, DoubleEntryItem, Patient, Visit
from proapp.domain import double_entry as de
from proapp.domain import item_values as iv
from proapp.domain.actor import Actor, Permission
from proapp.domain.i18n import msg
from proapp.domain.registry import QUESTIONNAIRES
from proapp.domain.validation import ValidationError
from proapp.domain.validation import errors as hard_errors
from proapp.domain.visit import VisitContent, VisitRecord, flatten, validate_content
from proapp.services import clock, settings
from proapp.services.accounts.access import authorize, require
from proapp.services.errors import (
    NotFoundError,
    PermissionDenied,
    ReasonRequired,
    UserError,
)
from proapp.services.visits.records import VisitDraft, content_of, replace_content, save_in

SETTING = "double_entry"
REPORT_HEADER = ("user", "instrument", "visits", "fields_keyed", "differences", "errors",
                 "unresolved", "errors_per_1000_fields", "agreement_pct")


def enabled(db: Database) -> bool:
    """The clinic setting: double entry is offered only when it is ``on``."""
    return settings.get(db, SETTING).strip().lower() == "on"


# --- joining: completing a visit that needs a second entry --------------------------------


def complete_with_second_entry(db: Database, actor: Actor, draft: VisitDraft, *,
                               confirm_warnings: bool = False, reason: str | None = None,
                               today: date | None = None) -> VisitRecord:
    """Complete (or save a completed) visit and ask for its blind second entry, at once."""
    if not enabled(db):
        raise UserError(msg("Double data entry is switched off for this clinic (setting "
                            "{setting}); the visit was not saved", setting=SETTING))
    with db.write(actor, reason) as s:
        record = save_in(s, actor, draft, complete=True, confirm_warnings=confirm_warnings,
                         reason=reason, today=today)
        if not any(record.content.has_data(i) for i in QUESTIONNAIRES):
            raise UserError(msg("This visit has no questionnaire answers to key a second time"))
        if s.get(DoubleEntry, record.id) is None:
            s.add(DoubleEntry(visit_id=record.id, status=de.Status.AWAITING.value,
                              requested_by=actor.username, requested_at=clock.utcnow()))
            changelog.append(s, [Change("request", "double_entry", record.id, "status", None,
                                        de.Status.AWAITING, patient_id=record.patient_id,
                                        visit_id=record.id)])
        return record


def status_of(db: Database, visit_id: int) -> de.Status | None:
    with db.read() as s:
        status = s.scalar(select(DoubleEntry.status).where(DoubleEntry.visit_id == visit_id))
    return None if status is None else de.Status(status)


# --- the queue -------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueEntry:
    """A visit in double entry, as the double-entry window lists it (no answer values)."""

    visit_id: int
    patient_id: int
    patient_code: str
    label: str
    visit_date: date
    status: de.Status
    entered_by: str
    second_by: str
    differences: int
    unresolved: int


def queue(db: Database) -> list[QueueEntry]:
    """Every visit in double entry: awaiting first, then unresolved, then verified; by date."""
    with db.read() as s:
        differing = (DoubleEntryItem.agrees.is_(False),)
        counts = dict(s.execute(
            select(DoubleEntryItem.visit_id, func.count(DoubleEntryItem.id))
            .where(*differing).group_by(DoubleEntryItem.visit_id)).all())
        unresolved = dict(s.execute(
            select(DoubleEntryItem.visit_id, func.count(DoubleEntryItem.id))
            .where(*differing, DoubleEntryItem.resolved_at.is_(None))
            .group_by(DoubleEntryItem.visit_id)).all())
        rows = s.execute(
            select(DoubleEntry.visit_id, Visit.patient_id, Patient.code, Visit.label,
                   Visit.visit_date, DoubleEntry.status, Visit.entered_by,
                   DoubleEntry.second_by)
            .join(Visit, Visit.id == DoubleEntry.visit_id)
            .join(Patient, Patient.id == Visit.patient_id)).all()
    order = {de.Status.AWAITING: 0, de.Status.UNRESOLVED: 1, de.Status.VERIFIED: 2}
    out = [QueueEntry(vid, pid, code, label, day, de.Status(status), entered or "",
                      second or "", counts.get(vid, 0), unresolved.get(vid, 0))
           for vid, pid, code, label, day, status, entered, second in rows]
    return sorted(out, key=lambda e: (order[e.status], e.visit_date, e.patient_code))


# --- the second, blind keying ------------------------------------------------------------------


def first_keyers(s: Session, v: Visit) -> dict[str, str]:
    """``field -> user`` who last wrote each questionnaire field of the visit, from the change
    log (the insert's snapshot, then every update); fields nobody wrote are the visit's."""
    out: dict[str, str] = {}
    for action, field, new, user in s.execute(
            select(ChangeLog.action, ChangeLog.field, ChangeLog.new_value, ChangeLog.username)
            .where(ChangeLog.visit_id == v.id, ChangeLog.entity == "visit",
                   ChangeLog.action.in_(("insert", "update")))
            .order_by(ChangeLog.id)):
        if action == "insert" and field is None and new:
            for key in json.loads(new):
                out[key] = user
        elif field is not None:
            out[field] = user
    fields = [i.field(item) for i in QUESTIONNAIRES.values() for item in i.item_ids]
    return {f: out.get(f, v.entered_by or "") for f in fields}


def _blind_check(s: Session, actor: Actor, v: Visit) -> None:
    keyed = set(first_keyers(s, v).values()) | {v.entered_by}
    if actor.username in keyed:
        raise PermissionDenied(msg("{username} keyed this visit's questionnaires: the second entry "
                                   "must be made by another person", username=actor.username))


@dataclass(frozen=True)
class SecondEntryForm:
    """What the second keyer sees: which visit, never a value of the first keying."""

    visit_id: int
    patient_code: str
    label: str
    visit_date: date


def second_entry_form(db: Database, actor: Actor, visit_id: int) -> SecondEntryForm:
    """Check that ``actor`` may key this visit a second time now, and say which visit it is."""
    require(actor, Permission.VISIT_EDIT)
    with db.read() as s:
        entry, v = _entry(s, visit_id)
        if entry.status != de.Status.AWAITING:
            raise UserError(msg("This visit has already been keyed a second time"))
        _blind_check(s, actor, v)
        code = s.scalar(select(Patient.code).where(Patient.id == v.patient_id)) or ""
        return SecondEntryForm(v.id, code, v.label, v.visit_date)


def _entry(s: Session, visit_id: int) -> tuple[DoubleEntry, Visit]:
    entry = s.get(DoubleEntry, visit_id)
    v = s.get(Visit, visit_id)
    if entry is None or v is None:
        raise NotFoundError(msg("Visit {visit_id} is not in double entry", visit_id=visit_id))
    if not v.is_complete:
        raise UserError(msg("Only a completed visit is keyed a second time"))
    return entry, v


@dataclass(frozen=True)
class SecondEntryOutcome:
    status: de.Status
    compared: int  # items compared
    differences: int


def submit_second_entry(db: Database, actor: Actor, visit_id: int,
                        second: VisitContent) -> SecondEntryOutcome:
    """Store the second keying and compare it with the visit, item by item, in one
    transaction. The visit's own answers do not change here; differences wait for
    :func:`resolve`. ``second`` holds questionnaire answers and missing reasons only."""
    if second.skipped or second.flows:
        raise UserError(msg("A second entry holds questionnaire answers only"))
    errs = hard_errors(validate_content(second))
    if errs:
        raise ValidationError(errs)
    with db.write(actor, "second entry (double data entry)") as s:
        authorize(s, actor, Permission.VISIT_EDIT)
        entry, v = _entry(s, visit_id)
        if entry.status != de.Status.AWAITING:
            raise UserError(msg("This visit has already been keyed a second time"))
        _blind_check(s, actor, v)
        first = content_of(v)
        keyers = first_keyers(s, v)
        comparisons = de.compare(first, second)
        if not comparisons:
            raise UserError(msg("Nothing was keyed: enter the answers on the paper form"))
        for c in comparisons:
            field = QUESTIONNAIRES[c.instrument].field(c.item)
            entry.items.append(DoubleEntryItem(
                instrument=c.instrument, item=c.item, first_value=iv.encode(c.first),
                first_by=keyers[field], second_value=iv.encode(c.second),
                second_by=actor.username, agrees=c.agrees))
        now = clock.utcnow()
        differences = sum(1 for c in comparisons if not c.agrees)
        status = de.Status.VERIFIED if differences == 0 else de.Status.UNRESOLVED
        entry.status, entry.second_by_id, entry.second_by, entry.second_at = (
            status.value, actor.user_id, actor.username, now)
        if status is de.Status.VERIFIED:
            entry.verified_at = now
        compared = {i.id for i in de.compared_instruments(first, second)}
        keyed = {k: val for k, val in flatten(second).items() if k.split(".")[0] in compared}
        changelog.append(s, [
            Change("second_entry", "double_entry", v.id, None, None,
                   {**keyed, "compared": len(comparisons), "differences": differences},
                   patient_id=v.patient_id, visit_id=v.id),
            Change("update", "double_entry", v.id, "status", de.Status.AWAITING, status,
                   patient_id=v.patient_id, visit_id=v.id)])
        return SecondEntryOutcome(status, len(comparisons), differences)


# --- differences and their resolution ------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """Everything compared for one visit (values shown only to whoever settles them)."""

    visit_id: int
    patient_code: str
    label: str
    visit_date: date
    status: de.Status
    items: tuple[de.ComparedItem, ...]

    @property
    def differences(self) -> list[de.ComparedItem]:
        return [it for it in self.items if not it.agrees]


def _compared(row: DoubleEntryItem) -> de.ComparedItem:
    return de.ComparedItem(row.visit_id, row.instrument, row.item, iv.decode(row.first_value),
                           row.first_by, iv.decode(row.second_value), row.second_by,
                           row.resolved_at is not None, iv.decode(row.resolved_value))


def comparison(db: Database, visit_id: int) -> Comparison:
    with db.read() as s:
        entry = s.get(DoubleEntry, visit_id)
        v = s.get(Visit, visit_id)
        if entry is None or v is None:
            raise NotFoundError(msg("Visit {visit_id} is not in double entry", visit_id=visit_id))
        code = s.scalar(select(Patient.code).where(Patient.id == v.patient_id)) or ""
        return Comparison(v.id, code, v.label, v.visit_date, de.Status(entry.status),
                          tuple(_compared(r) for r in entry.items))


def resolve(db: Database, actor: Actor, visit_id: int, instrument_id: str, item_id: str,
            value: iv.Keyed, reason: str, *, confirm_warnings: bool = False,
            today: date | None = None) -> de.Status:
    """Settle one difference with the true value (the first keying's, the second's, or one
    read from the paper) and a reason, in one transaction: the visit gets the value (logged
    old -> new with the reason), the difference is marked settled, and the visit is verified
    when it was the last one. Returns the visit's double-entry status afterwards."""
    if not (reason and reason.strip()):
        raise ReasonRequired(msg("Resolving a difference needs a reason for the change log"))
    instrument = QUESTIONNAIRES.get(instrument_id)
    if instrument is None or item_id not in instrument.item_ids:
        raise NotFoundError(msg("No questionnaire item {instrument}.{item}",
                                instrument=instrument_id, item=item_id))
    with db.write(actor, reason.strip()) as s:
        authorize(s, actor, Permission.VISIT_EDIT)
        entry, v = _entry(s, visit_id)
        row = next((r for r in entry.items
                    if r.instrument == instrument_id and r.item == item_id), None)
        if row is None or row.agrees:
            raise NotFoundError(msg("{name} item {label} is not a difference of this visit",
                                    name=instrument.name, label=instrument.item(item_id).label))
        if row.resolved_at is not None:
            raise UserError(msg("{name} item {label} is already resolved",
                                name=instrument.name, label=instrument.item(item_id).label))
        if not de.may_resolve(actor.username, (row.first_by, row.second_by),
                              clinician=_is_clinician(s, actor)):
            raise PermissionDenied(msg("{username} keyed this item: a third person or a clinician "
                                       "resolves the difference", username=actor.username))
        replace_content(s, v, iv.with_value(content_of(v), instrument_id, item_id, value),
                        confirm_warnings=confirm_warnings, today=today)
        now = clock.utcnow()
        row.resolved_value, row.resolved_by, row.resolved_at = (iv.encode(value),
                                                                actor.username, now)
        row.resolution_reason = reason.strip()
        changes = [Change("resolve", "double_entry", v.id, instrument.field(item_id),
                          {"first": row.first_value, "second": row.second_value},
                          iv.encode(value), patient_id=v.patient_id, visit_id=v.id)]
        status = de.status_after(_compared(r) for r in entry.items)
        if status is de.Status.VERIFIED:
            entry.status, entry.verified_at = status.value, now
            changes.append(Change("update", "double_entry", v.id, "status",
                                  de.Status.UNRESOLVED, status, patient_id=v.patient_id,
                                  visit_id=v.id))
        s.flush()
        changelog.append(s, changes)
        return status


def _is_clinician(s: Session, actor: Actor) -> bool:
    """Whether the stored account may sign visits (clinicians and administrators)."""
    try:
        authorize(s, actor, Permission.VISIT_SIGN)
    except PermissionDenied:
        return False
    return True


# --- the agreement report --------------------------------------------------------------------


def agreement_report(db: Database, actor: Actor) -> list[de.Agreement]:
    """Keying agreement per user and instrument over every visit keyed twice."""
    require(actor, Permission.REPORT)
    with db.read() as s:
        items = [_compared(r) for r in s.scalars(select(DoubleEntryItem))]
    return de.agreement(items)


def agreement_csv(rows: Iterable[de.Agreement]) -> str:
    """The report as CSV (UTF-8, CRLF, blank where a rate cannot be computed)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(REPORT_HEADER)
    for r in rows:
        writer.writerow([r.user, r.instrument, r.visits, r.fields, r.differences, r.errors,
                         r.unresolved, "" if r.errors_per_1000 is None else r.errors_per_1000,
                         "" if r.agreement_pct is None else r.agreement_pct])
    return buffer.getvalue()


def write_agreement_report(db: Database, actor: Actor, out: Path, *,
                           force: bool = False) -> list[de.Agreement]:
    """Write the report to ``out`` (whole or not at all, private); an existing file is
    replaced only with ``force``."""
    if out.exists() and not force:
        raise UserError(msg("{path} exists; use --force to replace it", path=out))
    rows = agreement_report(db, actor)
    atomic.write_text(out, agreement_csv(rows))
    return rows
