"""Loading what an export writes: patient rows and complete-visit rows as ``column -> value``
dictionaries (Python values: int, Decimal, date, str, bool, None), in a stable order.

Rows are read with a handful of bulk Core selects (no ORM objects: a 10,000-patient export
would otherwise spend most of its time building them). Every derived value (totals, grades,
means, flow totals, computed flows) comes from the domain layer, exactly as the screens show it.
Only complete visits are exported; drafts are work in progress.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from proapp.db.engine import Actor, Database
from proapp.db.models import Answer, FlowRow, Patient, Procedure, SkippedForm, Visit
from proapp.domain import flow as flowmod
from proapp.domain import schedule
from proapp.domain.answers import MissingReason
from proapp.domain.patient import age_on
from proapp.domain.registry import FLOW, QUESTIONNAIRES
from proapp.domain.visit import VisitContent
from proapp.services.access import Permission, require
from proapp.services.exchange.columns import PATIENTS, VISITS, Column, selected
from proapp.services.progress import Progress

Row = dict[str, Any]


@dataclass(frozen=True)
class ExportOptions:
    """Which rows and columns an export holds."""

    deidentify: bool = False
    date_from: date | None = None
    date_to: date | None = None
    subtypes: frozenset[str] = field(default_factory=frozenset)  # empty: all

    def describe(self) -> str:
        parts = []
        if self.subtypes:
            parts.append("MS subtype " + ",".join(sorted(self.subtypes)))
        if self.date_from or self.date_to:
            parts.append(f"visits {self.date_from or '...'} to {self.date_to or '...'}")
        if self.deidentify:
            parts.append("de-identified")
        return "; ".join(parts) or "all patients, all complete visits"


@dataclass
class Dataset:
    options: ExportOptions
    patient_columns: tuple[Column, ...]
    visit_columns: tuple[Column, ...]
    patients: list[Row]
    visits: list[Row]

    def labels(self) -> list[str]:
        """Scheduled labels present, in schedule order (for the wide layout)."""
        found = {v["visit_label"] for v in self.visits} - {schedule.UNSCHEDULED}
        return sorted(found, key=schedule.sort_key)


def _chunks(ids: list[int], size: int = 900) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def load(db: Database, actor: Actor, options: ExportOptions,
         progress: Progress | None = None) -> Dataset:
    require(actor, Permission.EXPORT)
    with db.read() as s:
        return _load(s, options, progress)


def _load(s: Session, options: ExportOptions, progress: Progress | None) -> Dataset:
    pq = select(Patient.id, Patient.code, Patient.family_name, Patient.given_name,
                Patient.birth_date, Patient.sex, Patient.ms_subtype, Patient.diagnosis_year,
                Patient.headache_positive, Patient.fatigue_positive, Patient.notes)
    if options.subtypes:
        pq = pq.where(Patient.ms_subtype.in_(sorted(options.subtypes)))
    patient_rows = s.execute(pq.order_by(Patient.code)).all()
    first_pta = dict(s.execute(select(Procedure.patient_id, func.min(Procedure.pta_date))
                               .group_by(Procedure.patient_id)).all())
    selected_ids = {r.id for r in patient_rows}
    everyone = not options.subtypes

    def visit_filter(q: Any) -> Any:
        q = q.where(Visit.status == "complete")
        if options.date_from:
            q = q.where(Visit.visit_date >= options.date_from)
        if options.date_to:
            q = q.where(Visit.visit_date <= options.date_to)
        if not everyone:
            q = q.join(Patient, Patient.id == Visit.patient_id).where(
                Patient.ms_subtype.in_(sorted(options.subtypes)))
        return q

    if progress:
        progress.report(0, 4, "Reading visits")
    visits = s.execute(visit_filter(select(Visit.id, Visit.patient_id, Visit.visit_date,
                                           Visit.label))).all()
    answers: dict[int, list[tuple[str, str, int | None, str | None]]] = defaultdict(list)
    for vid, instrument, item, value, reason in s.execute(visit_filter(
            select(Answer.visit_id, Answer.instrument, Answer.item, Answer.value,
                   Answer.missing_reason).join(Visit, Visit.id == Answer.visit_id))):
        answers[vid].append((instrument, item, value, reason))
    if progress:
        progress.report(1, 4, "Reading answers")
    skipped: dict[int, dict[str, str]] = defaultdict(dict)
    for vid, form, reason in s.execute(visit_filter(
            select(SkippedForm.visit_id, SkippedForm.form, SkippedForm.reason)
            .join(Visit, Visit.id == SkippedForm.visit_id))):
        skipped[vid][form] = reason
    flows: dict[int, list[flowmod.FlowMeasurement]] = defaultdict(list)
    for vid, posture, side, ml, vel, area, sten in s.execute(visit_filter(
            select(FlowRow.visit_id, FlowRow.posture, FlowRow.side, FlowRow.flow_ml_min,
                   FlowRow.velocity_cm_s, FlowRow.area_cm2, FlowRow.stenosis_pct)
            .join(Visit, Visit.id == FlowRow.visit_id))):
        flows[vid].append(flowmod.FlowMeasurement(flowmod.Side(side), flowmod.Posture(posture),
                                                  ml, vel, area, sten))
    if progress:
        progress.report(2, 4, "Computing scores")

    pcols = selected(PATIENTS, deidentify=options.deidentify)
    vcols = selected(VISITS, deidentify=options.deidentify)
    patients: list[Row] = []
    info: dict[int, tuple[str, date | None]] = {}
    for r in patient_rows:
        info[r.id] = (r.code, r.birth_date)
        row = {"patient_code": r.code, "family_name": r.family_name,
               "given_name": r.given_name, "birth_date": r.birth_date, "sex": r.sex,
               "ms_subtype": r.ms_subtype, "diagnosis_year": r.diagnosis_year,
               "headache_positive": bool(r.headache_positive),
               "fatigue_positive": bool(r.fatigue_positive),
               "pta_date": first_pta.get(r.id), "notes": r.notes or None}
        patients.append({c.name: row[c.name] for c in pcols})

    out: list[tuple[tuple[Any, ...], Row]] = []
    names = {c.name for c in vcols}
    for n, v in enumerate(visits):
        if v.patient_id not in selected_ids:
            continue
        code, birth = info[v.patient_id]
        row = visit_row(code, birth, v.visit_date, v.label, answers.get(v.id, ()),
                        skipped.get(v.id, {}), flows.get(v.id, ()))
        if len(names) != len(row):
            row = {k: val for k, val in row.items() if k in names}
        out.append(((code, v.visit_date, schedule.sort_key(v.label), v.id), row))
        if progress and n % 5000 == 0:
            progress.check()
    out.sort(key=lambda t: t[0])
    if progress:
        progress.report(3, 4, "Writing")
    return Dataset(options, pcols, vcols, patients, [r for _k, r in out])


def visit_row(code: str, birth: date | None, visit_date: date, label: str,
              answers: Iterable[tuple[str, str, int | None, str | None]],
              skipped: dict[str, str], flows: Iterable[flowmod.FlowMeasurement]) -> Row:
    """One ``visits.csv`` row, with every derived value computed by the domain layer."""
    responses: dict[str, dict[str, int | None]] = {i: {} for i in QUESTIONNAIRES}
    missing: dict[str, dict[str, MissingReason]] = defaultdict(dict)
    for instrument, item, value, reason in answers:
        if value is not None:
            responses.setdefault(instrument, {})[item] = value
        elif reason:
            missing[instrument][item] = MissingReason(reason)
    content = VisitContent(responses, dict(missing), skipped, tuple(flows))
    row: Row = {"patient_code": code, "visit_date": visit_date, "visit_label": label}
    for instrument in QUESTIONNAIRES.values():
        given = content.answers(instrument.id)
        for item_id, value in given.items():
            row[instrument.column(item_id)] = value
        for key, value in instrument.score(given).items():
            row[instrument.column(key)] = value
    by_key = {(m.posture, m.side): m for m in content.flows}
    totals = content.flow_totals()
    for posture in flowmod.POSTURES:
        for side in flowmod.SIDES:
            m = by_key.get((posture, side))
            row[f"flow_{posture.value}_{side.value}_ml_min"] = None if m is None else m.flow
        row[f"flow_{posture.value}_total_ml_min"] = totals[posture].total
    row["age_at_visit"] = None if birth is None else age_on(birth, visit_date)
    for posture in flowmod.POSTURES:
        for side in flowmod.SIDES:
            m = by_key.get((posture, side))
            prefix = f"flow_{posture.value}_{side.value}"
            row[f"{prefix}_velocity_cm_s"] = None if m is None else m.velocity_cm_s
            row[f"{prefix}_area_cm2"] = None if m is None else m.area_cm2
            row[f"{prefix}_stenosis_pct"] = None if m is None else m.stenosis_pct
    for form in (*QUESTIONNAIRES, FLOW):
        row[f"{form}_skip_reason"] = skipped.get(form)
    pairs = [f"{QUESTIONNAIRES[i].column(item)}:{reason.value}"
             for i in QUESTIONNAIRES for item, reason in sorted(
                 missing.get(i, {}).items(),
                 key=lambda kv: QUESTIONNAIRES[i].item_ids.index(kv[0]))]
    row["missing_items"] = " ".join(pairs) or None
    return row
