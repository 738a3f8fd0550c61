"""Patients and PTA procedures: create, edit, look up; every change goes to the change log."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from proapp.db import changelog
from proapp.db.changelog import Change
from proapp.db.engine import Database
from proapp.db.models import Patient, Procedure
from proapp.domain.actor import Actor, Permission
from proapp.domain.i18n import msg
from proapp.domain.language import Language
from proapp.domain.patient import (
    MsSubtype,
    PatientFacts,
    ProcedureFacts,
    PtaSide,
    Sex,
    validate_patient,
    validate_procedure,
)
from proapp.domain.validation import ValidationError, error
from proapp.domain.validation import errors as hard_errors
from proapp.services import clock
from proapp.services.accounts.access import authorize
from proapp.services.errors import ConflictError, NotFoundError, ReasonRequired

PATIENT_FIELDS = ("code", "family_name", "given_name", "birth_date", "sex", "ms_subtype",
                  "diagnosis_year", "headache_positive", "fatigue_positive", "notes", "language")


def facts_of(p: Patient) -> PatientFacts:
    return PatientFacts(p.code, p.family_name, p.given_name, p.birth_date, Sex(p.sex),
                        MsSubtype(p.ms_subtype), p.diagnosis_year, bool(p.headache_positive),
                        bool(p.fatigue_positive), p.notes or "", Language(p.language))


def _values(f: PatientFacts) -> dict[str, Any]:
    d = asdict(f)
    d["sex"], d["ms_subtype"] = f.sex.value, f.ms_subtype.value
    d["language"] = f.language.value
    return d


def _check(session: Session, facts: PatientFacts, today: date, patient_id: int | None) -> None:
    issues = hard_errors(validate_patient(facts, today))
    clash = session.scalar(select(Patient.id).where(Patient.code == facts.code))
    if clash is not None and clash != patient_id:
        issues.append(error("patient.code", "code.unique",
                            f"Patient code {facts.code} is already used by another patient",
                            facts.code))
    if issues:
        raise ValidationError(issues)


def create_patient(db: Database, actor: Actor, facts: PatientFacts,
                   procedures: Sequence[ProcedureFacts] = (), *, today: date | None = None,
                   is_demo: bool = False) -> int:
    today = today or clock.today()
    with db.write(actor) as s:
        authorize(s, actor, Permission.PATIENT_EDIT)
        _check(s, facts, today, None)
        now = clock.utcnow()
        p = Patient(**_values(facts), is_demo=is_demo, created_at=now, updated_at=now)
        s.add(p)
        s.flush()
        changelog.append(s, [Change("insert", "patient", p.id, None, None, _values(facts),
                                    patient_id=p.id)])
        for proc in procedures:
            _add_procedure(s, p, proc, today)
        return p.id


def update_patient(db: Database, actor: Actor, patient_id: int, facts: PatientFacts, *,
                   expected_version: int | None = None, reason: str | None = None,
                   today: date | None = None) -> int:
    """Apply changed fields; returns the new version. Unchanged input writes nothing."""
    return save_patient_record(db, actor, patient_id, facts, (),
                               expected_version=expected_version, reason=reason, today=today)


def _touch(p: Patient, expected_version: int | None) -> None:
    """Procedures are part of the patient record: a change to them bumps the patient's
    version, so an edit based on an older view of the patient is refused (optimistic lock)."""
    if expected_version is not None and p.version != expected_version:
        raise ConflictError(msg("Patient {code} was changed by someone else since you opened it; "
                                "your input is kept, please review and save again", code=p.code))
    p.updated_at = clock.utcnow()


def _add_procedure(s: Session, p: Patient, proc: ProcedureFacts, today: date) -> Procedure:
    issues = hard_errors(validate_procedure(proc, p.birth_date, today))
    if any(x.pta_date == proc.pta_date for x in p.procedures):
        issues.append(error("procedure.pta_date", "procedure.duplicate",
                            f"{p.code} already has a PTA on {proc.pta_date.isoformat()}",
                            proc.pta_date))
    if issues:
        raise ValidationError(issues)
    row = Procedure(patient=p, pta_date=proc.pta_date, side=proc.side.value, notes=proc.notes,
                    created_at=clock.utcnow())
    s.add(row)
    s.flush()
    changelog.append(s, [Change("insert", "procedure", row.id, None, None,
                                {"pta_date": proc.pta_date, "side": proc.side.value,
                                 "notes": proc.notes}, patient_id=p.id)])
    return row


def add_procedure(db: Database, actor: Actor, patient_id: int, proc: ProcedureFacts, *,
                  today: date | None = None, expected_version: int | None = None) -> int:
    with db.write(actor) as s:
        authorize(s, actor, Permission.PATIENT_EDIT)
        p = _get(s, patient_id)
        _touch(p, expected_version)
        return _add_procedure(s, p, proc, today or clock.today()).id


def _update_procedure_row(s: Session, row: Procedure, proc: ProcedureFacts, today: date,
                          expected_version: int | None) -> None:
    issues = hard_errors(validate_procedure(proc, row.patient.birth_date, today))
    if any(x.pta_date == proc.pta_date and x.id != row.id for x in row.patient.procedures):
        issues.append(error("procedure.pta_date", "procedure.duplicate",
                            f"{row.patient.code} already has a PTA on "
                            f"{proc.pta_date.isoformat()}", proc.pta_date))
    if issues:
        raise ValidationError(issues)
    old = {"pta_date": row.pta_date, "side": row.side, "notes": row.notes}
    new = {"pta_date": proc.pta_date, "side": proc.side.value, "notes": proc.notes}
    changes = [Change("update", "procedure", row.id, k, a, b, patient_id=row.patient_id)
               for k, a, b in changelog.diff(old, new)]
    if not changes:
        return
    _touch(row.patient, expected_version)
    for k, _a, b in changelog.diff(old, new):
        setattr(row, k, b)
    changelog.append(s, changes)


def update_procedure(db: Database, actor: Actor, procedure_id: int, proc: ProcedureFacts, *,
                     reason: str | None = None, today: date | None = None,
                     expected_version: int | None = None) -> None:
    with db.write(actor, reason) as s:
        authorize(s, actor, Permission.PATIENT_EDIT)
        row = s.get(Procedure, procedure_id)
        if row is None:
            raise NotFoundError(msg("No procedure with id {procedure_id}",
                                    procedure_id=procedure_id))
        _update_procedure_row(s, row, proc, today or clock.today(), expected_version)


def save_patient_record(db: Database, actor: Actor, patient_id: int, facts: PatientFacts,
                        procedures: Sequence[tuple[int | None, ProcedureFacts]], *,
                        expected_version: int | None = None, reason: str | None = None,
                        today: date | None = None) -> int:
    """What the patient dialog saves: the details and every PTA (``None`` id: a new one), all
    in ONE transaction, so a refused PTA leaves the details unsaved too. Returns the new
    version."""
    today = today or clock.today()
    with db.write(actor, reason) as s:
        authorize(s, actor, Permission.PATIENT_EDIT)
        p = _get(s, patient_id)
        if expected_version is not None and p.version != expected_version:
            raise ConflictError(msg("Patient {code} was changed by someone else since you opened "
                                    "it; your input is kept, please review and save again",
                                    code=p.code))
        _check(s, facts, today, patient_id)
        old, new = _values(facts_of(p)), _values(facts)
        changes = list(changelog.diff(old, new))
        if changes:
            for k, _a, b in changes:
                setattr(p, k, b)
            p.updated_at = clock.utcnow()
            changelog.append(s, [Change("update", "patient", p.id, k, a, b, patient_id=p.id)
                                 for k, a, b in changes])
        for procedure_id, proc in procedures:
            if procedure_id is None:
                _add_procedure(s, p, proc, today)
                _touch(p, None)
                continue
            row = s.get(Procedure, procedure_id)
            if row is None or row.patient_id != p.id:
                raise NotFoundError(msg("No procedure with id {procedure_id} for {code}",
                                        procedure_id=procedure_id, code=p.code))
            _update_procedure_row(s, row, proc, today, None)
        s.flush()
        return p.version


def delete_procedure(db: Database, actor: Actor, procedure_id: int, reason: str, *,
                     expected_version: int | None = None) -> None:
    if not (reason and reason.strip()):
        raise ReasonRequired(msg("Deleting a PTA procedure needs a reason for the change log"))
    with db.write(actor, reason.strip()) as s:
        authorize(s, actor, Permission.PATIENT_EDIT)
        row = s.get(Procedure, procedure_id)
        if row is None:
            raise NotFoundError(msg("No procedure with id {procedure_id}",
                                    procedure_id=procedure_id))
        _touch(row.patient, expected_version)
        changelog.append(s, [Change("delete", "procedure", row.id, None,
                                    {"pta_date": row.pta_date, "side": row.side,
                                     "notes": row.notes}, None, patient_id=row.patient_id)])
        s.delete(row)


def _get(s: Session, patient_id: int) -> Patient:
    p = s.get(Patient, patient_id)
    if p is None:
        raise NotFoundError(msg("No patient with id {patient_id}", patient_id=patient_id))
    return p


@dataclass(frozen=True)
class PatientRecord:
    id: int
    version: int
    facts: PatientFacts
    procedures: tuple[tuple[int, ProcedureFacts], ...]
    is_demo: bool

    @property
    def first_pta(self) -> date | None:
        return min((p.pta_date for _i, p in self.procedures), default=None)


def record_of(p: Patient) -> PatientRecord:
    procs = tuple((x.id, ProcedureFacts(x.pta_date, PtaSide(x.side), x.notes or ""))
                  for x in p.procedures)
    return PatientRecord(p.id, p.version, facts_of(p), procs, bool(p.is_demo))


def get_patient(db: Database, patient_id: int) -> PatientRecord:
    with db.read() as s:
        return record_of(_get(s, patient_id))


def find_by_code(db: Database, code: str) -> PatientRecord:
    with db.read() as s:
        p = s.scalar(select(Patient).where(Patient.code == code))
        if p is None:
            raise NotFoundError(msg("No patient with code {code}", code=repr(code)))
        return record_of(p)


def count(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(Patient.id))) or 0
