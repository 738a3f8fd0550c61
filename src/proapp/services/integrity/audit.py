"""Reading the change log for people (the GUI's change-log view, reports of who did what)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from proapp.db.engine import Database
from proapp.db.models import ChangeLog, Patient, Visit


@dataclass(frozen=True)
class LogEntry:
    id: int
    at: str  # UTC ISO 8601
    username: str
    action: str
    entity: str
    entity_id: int | None
    patient_id: int | None
    patient_code: str | None
    visit_id: int | None
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None
    visit_label: str | None = None  # the visit the row is about, in words
    visit_date: date | None = None


def entries(db: Database, *, patient_id: int | None = None, visit_id: int | None = None,
            limit: int | None = None) -> list[LogEntry]:
    """Log rows, newest first, optionally only those of one patient or one visit."""
    q = (select(ChangeLog, Patient.code, Visit.label, Visit.visit_date)
         .outerjoin(Patient, Patient.id == ChangeLog.patient_id)
         .outerjoin(Visit, Visit.id == ChangeLog.visit_id)
         .order_by(ChangeLog.id.desc()))
    if patient_id is not None:
        q = q.where(ChangeLog.patient_id == patient_id)
    if visit_id is not None:
        q = q.where(ChangeLog.visit_id == visit_id)
    if limit is not None:
        q = q.limit(limit)
    with db.read() as s:
        return [LogEntry(c.id, c.at, c.username, c.action, c.entity, c.entity_id, c.patient_id,
                         code, c.visit_id, c.field, c.old_value, c.new_value, c.reason, label,
                         day)
                for c, code, label, day in s.execute(q)]
