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
from decimal import Decimal
from operator import itemgetter
from typing import Any

from sqlalchemy import Integer, case, func, select, type_coerce
from sqlalchemy.orm import Session

from proapp.db.engine import Database
from proapp.db.models import Answer, FlowRow, Patient, Procedure, SkippedForm, Visit
from proapp.domain import flow as flowmod
from proapp.domain import schedule
from proapp.domain.actor import Actor, Permission
from proapp.domain.answers import MissingReason
from proapp.domain.patient import age_on
from proapp.domain.registry import QUESTIONNAIRES
from proapp.services.accounts.access import require
from proapp.services.exchange.columns import PATIENTS, VISIT_COLUMNS, VISITS, Column, selected
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


class _ScaledDecimals(dict[int | None, Decimal | None]):
    """Stored integer of a scaled-decimal column -> its Decimal, by the column type's own
    conversion, remembered per stored value (flows repeat a lot across 10,000 patients, and a
    hit is a single dictionary lookup)."""

    def __init__(self, column: Any):
        super().__init__({None: None})
        self._convert = column.type.process_result_value

    def __missing__(self, value: int) -> Decimal:
        d: Decimal = self._convert(value, None)
        self[value] = d
        return d


def _rows(conn: Any, query: Any, *, plain: bool = False) -> Iterable[Any]:
    """Rows of a Core select (no ORM objects).

    ``plain``: every selected column is an integer or text that needs no conversion; on
    SQLite such rows are then read straight from the DBAPI cursor (the bulk child queries:
    ~400,000 rows at 10,000 patients), when the statement's parameters are plain too."""
    if plain and conn.dialect.name == "sqlite":
        compiled = query.compile(dialect=conn.dialect)
        params = [compiled.params[name] for name in (compiled.positiontup or ())]
        if all(isinstance(p, str | int) for p in params):
            cursor = conn.connection.dbapi_connection.cursor()
            try:
                yield from cursor.execute(str(compiled), params)
            finally:
                cursor.close()
            return
    yield from conn.execute(query)


def _load(s: Session, options: ExportOptions, progress: Progress | None) -> Dataset:
    conn = s.connection()  # Core rows, no ORM objects: several times faster at 10k patients
    pq = select(Patient.id, Patient.code, Patient.family_name, Patient.given_name,
                Patient.birth_date, Patient.sex, Patient.ms_subtype, Patient.diagnosis_year,
                Patient.headache_positive, Patient.fatigue_positive, Patient.notes)
    if options.subtypes:
        pq = pq.where(Patient.ms_subtype.in_(sorted(options.subtypes)))
    patient_rows = conn.execute(pq.order_by(Patient.code)).all()
    first_pta = dict(conn.execute(select(Procedure.patient_id, func.min(Procedure.pta_date))
                                  .group_by(Procedure.patient_id)).all())

    def visit_filter(q: Any) -> Any:
        q = q.where(Visit.status == "complete")
        if options.date_from:
            q = q.where(Visit.visit_date >= options.date_from)
        if options.date_to:
            q = q.where(Visit.visit_date <= options.date_to)
        if options.subtypes:
            q = q.join(Patient, Patient.id == Visit.patient_id).where(
                Patient.ms_subtype.in_(sorted(options.subtypes)))
        return q

    pcols = selected(PATIENTS, deidentify=options.deidentify)
    vcols = selected(VISITS, deidentify=options.deidentify)
    patients: list[Row] = []
    info: dict[int, tuple[str, date | None]] = {}
    row: Row | None
    for r in patient_rows:
        info[r.id] = (r.code, r.birth_date)
        row = {"patient_code": r.code, "family_name": r.family_name,
               "given_name": r.given_name, "birth_date": r.birth_date, "sex": r.sex,
               "ms_subtype": r.ms_subtype, "diagnosis_year": r.diagnosis_year,
               "headache_positive": bool(r.headache_positive),
               "fatigue_positive": bool(r.fatigue_positive),
               "pta_date": first_pta.get(r.id), "notes": r.notes or None}
        patients.append({c.name: row[c.name] for c in pcols})

    if progress:
        progress.report(0, 4, "Reading visits")
    template: Row = dict.fromkeys(c.name for c in VISIT_COLUMNS)
    rows: dict[int, Row] = {}
    keys: list[tuple[Any, ...]] = []
    label_order: dict[str, tuple[int, int]] = {}
    for vid, pid, day, label in _rows(conn, visit_filter(
            select(Visit.id, Visit.patient_id, Visit.visit_date, Visit.label))):
        who = info.get(pid)
        if who is None:
            continue
        code, birth = who
        row = template.copy()
        row["patient_code"], row["visit_date"], row["visit_label"] = code, day, label
        row["age_at_visit"] = None if birth is None else age_on(birth, day)
        rows[vid] = row
        order = label_order.get(label)
        if order is None:
            order = label_order[label] = schedule.sort_key(label)
        keys.append((code, day, order, vid))

    # Answers pivoted to one row per visit by SQL, one query per instrument (items from the
    # definitions): ~10x fewer rows reach Python than one per answer. Rows of visits not
    # selected (drafts, filtered out) are skipped below, so the child queries only join the
    # visit table when a filter makes that worth it.
    def child_filter(q: Any, model: Any) -> Any:
        if not (options.subtypes or options.date_from or options.date_to):
            return q
        return visit_filter(q.join(Visit, Visit.id == model.visit_id))

    item_columns = [(i.id, item, i.column(item)) for i in QUESTIONNAIRES.values()
                    for item in i.item_ids]
    for instrument in QUESTIONNAIRES.values():
        pivot = select(Answer.visit_id, *(
            func.max(case({item: Answer.value}, value=Answer.item))
            for item in instrument.item_ids)).where(Answer.instrument == instrument.id)
        names = [instrument.column(item) for item in instrument.item_ids]
        for vid, *values in _rows(conn, child_filter(pivot, Answer).group_by(Answer.visit_id),
                                  plain=True):
            row = rows.get(vid)
            if row is not None:
                row.update(zip(names, values, strict=True))
    item_column = {(i, item): col for i, item, col in item_columns}
    missing: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for vid, instrument, item, reason in _rows(conn, child_filter(
            select(Answer.visit_id, Answer.instrument, Answer.item, Answer.missing_reason)
            .where(Answer.value.is_(None), Answer.missing_reason.is_not(None)), Answer),
            plain=True):
        if vid in rows:
            missing[vid].append((item_column[(instrument, item)], reason))
    if progress:
        progress.report(1, 4, "Reading flows")
    for vid, form, reason in conn.execute(visit_filter(
            select(SkippedForm.visit_id, SkippedForm.form, SkippedForm.reason)
            .join(Visit, Visit.id == SkippedForm.visit_id))):
        if vid in rows:
            rows[vid][f"{form}_skip_reason"] = reason
    flow_cols = {(p.value, sd.value): (f"flow_{p.value}_{sd.value}_ml_min",
                                       f"flow_{p.value}_{sd.value}_velocity_cm_s",
                                       f"flow_{p.value}_{sd.value}_area_cm2",
                                       f"flow_{p.value}_{sd.value}_stenosis_pct", p, sd)
                 for p in flowmod.POSTURES for sd in flowmod.SIDES}
    read_ml, read_vel, read_area = (_ScaledDecimals(c) for c in (
        FlowRow.flow_ml_min, FlowRow.velocity_cm_s, FlowRow.area_cm2))
    for vid, posture, side, ml, vel, area, sten in _rows(conn, child_filter(
            select(FlowRow.visit_id, FlowRow.posture, FlowRow.side,
                   type_coerce(FlowRow.flow_ml_min, Integer),
                   type_coerce(FlowRow.velocity_cm_s, Integer),
                   type_coerce(FlowRow.area_cm2, Integer), FlowRow.stenosis_pct), FlowRow),
            plain=True):
        row = rows.get(vid)
        if row is None:
            continue
        ml, vel, area = read_ml[ml], read_vel[vel], read_area[area]
        c_flow, c_vel, c_area, c_sten, p, sd = flow_cols[(posture, side)]
        if ml is None:  # the domain decides what the analysed flow is
            ml = flowmod.FlowMeasurement(sd, p, None, vel, area, sten).flow
        row[c_flow], row[c_vel], row[c_area], row[c_sten] = ml, vel, area, sten
    if progress:
        progress.report(2, 4, "Computing scores")
    memo: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {}
    for n, (vid, row) in enumerate(rows.items()):
        _derive(row, missing.get(vid), memo)
        if progress and n % 5000 == 0:
            progress.check()
    keys.sort()
    names = [c.name for c in vcols]
    if len(names) == len(template):
        visits = [rows[k[3]] for k in keys]
    else:
        visits = [{n: rows[k[3]][n] for n in names} for k in keys]
    if progress:
        progress.report(3, 4, "Writing")
    return Dataset(options, pcols, vcols, patients, visits)


_SCORING = [(i, i.item_ids, itemgetter(*(i.column(item) for item in i.item_ids)),
             [(key.id, i.column(key.id)) for key in i.score_fields])
            for i in QUESTIONNAIRES.values()]
_TOTALS = [(f"flow_{p.value}_left_ml_min", f"flow_{p.value}_right_ml_min",
            f"flow_{p.value}_total_ml_min") for p in flowmod.POSTURES]
_ORDER = {i.column(item): n for n, (i, item) in enumerate(
    (i, item) for i in QUESTIONNAIRES.values() for item in i.item_ids)}


def _derive(row: Row, missing: list[tuple[str, str]] | None,
            memo: dict[str, dict[tuple[Any, ...], dict[str, Any]]] | None = None) -> None:
    """Fill a row's derived columns from its items and flows, by the domain's definitions.

    ``memo`` remembers each instrument's scores per tuple of answers: many visits share
    their answers (all blank, all zero), and a score is a pure function of them."""
    for instrument, item_ids, answers_of, scores in _SCORING:
        answers = answers_of(row)
        known = None if memo is None else memo.setdefault(instrument.id, {})
        result = None if known is None else known.get(answers)
        if result is None:
            result = instrument.score(dict(zip(item_ids, answers, strict=True)))
            if known is not None:
                known[answers] = result
        for key, col in scores:
            row[col] = result[key]
    for left, right, total in _TOTALS:
        a, b = row[left], row[right]
        row[total] = None if a is None and b is None else flowmod.PostureTotals(a, b).total
    if missing:
        row["missing_items"] = " ".join(f"{col}:{reason}" for col, reason in
                                        sorted(missing, key=lambda m: _ORDER[m[0]]))


def visit_row(code: str, birth: date | None, visit_date: date, label: str,
              answers: Iterable[tuple[str, str, int | None, str | None]],
              skipped: dict[str, str], flows: Iterable[flowmod.FlowMeasurement]) -> Row:
    """One ``visits.csv`` row from a visit's parts (the import uses it to recompute the
    derived columns it was given); derived values via :func:`_derive`, as in :func:`load`."""
    row: Row = dict.fromkeys(c.name for c in VISIT_COLUMNS)
    row["patient_code"], row["visit_date"], row["visit_label"] = code, visit_date, label
    row["age_at_visit"] = None if birth is None else age_on(birth, visit_date)
    missing = []
    for instrument, item, value, reason in answers:
        col = QUESTIONNAIRES[instrument].column(item)
        if value is not None:
            row[col] = value
        elif reason:
            missing.append((col, MissingReason(reason).value))
    for form, reason in skipped.items():
        row[f"{form}_skip_reason"] = reason
    for m in flows:
        prefix = f"flow_{m.posture.value}_{m.side.value}"
        row[f"{prefix}_ml_min"] = m.flow
        row[f"{prefix}_velocity_cm_s"] = m.velocity_cm_s
        row[f"{prefix}_area_cm2"] = m.area_cm2
        row[f"{prefix}_stenosis_pct"] = m.stenosis_pct
    _derive(row, missing)
    return row
