"""What an export writes, read from the database: patient rows, procedure rows (every PTA
with its side) and complete-visit rows as ``column -> value`` dictionaries (Python values:
int, Decimal, date, str, bool, None), in a stable order.

Visits are **streamed** patient by patient, a few hundred patients per batch of bulk Core
selects (no ORM objects), so an export of 10,000 or 100,000 patients holds one batch in
memory, never the whole cohort. Every derived value (totals, grades, means, flow totals,
computed flows, analysis columns) comes from the domain layer, exactly as the screens show
it. Only complete visits are exported; drafts are work in progress.

Rows also carry a few keys that are no column (they start with ``_``: the visit id, whether
it was changed after completion, who entered and signed it) for formats that describe the
record itself (FHIR status ``amended``, ODM audit records).
"""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from operator import itemgetter
from typing import Any

from sqlalchemy import Integer, and_, case, func, select, type_coerce
from sqlalchemy.orm import Session

from proapp.db.engine import Database
from proapp.db.models import (
    Answer,
    DoubleEntry,
    FlowRow,
    Patient,
    Procedure,
    SelfReport,
    SkippedForm,
    Visit,
)
from proapp.domain import double_entry, schedule
from proapp.domain import flow as flowmod
from proapp.domain.actor import Actor, Permission
from proapp.domain.answers import MissingReason
from proapp.domain.patient import age_on
from proapp.domain.registry import QUESTIONNAIRES
from proapp.services.accounts.access import authorize, require
from proapp.services.exchange.columns import (
    MONTH_DAYS,
    PATIENTS,
    PROCEDURES,
    VISIT_COLUMNS,
    VISITS,
    Column,
    selected,
)
from proapp.services.progress import Progress

Row = dict[str, Any]
BATCH = 500  # patients per batch of queries: bounded memory, few round trips


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
class _Who:
    """What the visit rows of one patient need to know about the patient."""

    id: int
    code: str
    birth: date | None
    ptas: list[date]  # sorted


class Dataset:
    """An open export: patients and procedures in memory (small), visits streamed.

    Only valid inside :func:`opened` (the read transaction stays open while writing, so every
    file of one export shows the same snapshot)."""

    def __init__(self, s: Session, options: ExportOptions, progress: Progress | None = None):
        self.options, self.progress = options, progress
        self.patient_columns: tuple[Column, ...] = selected(PATIENTS, deidentify=options.deidentify)
        self.visit_columns: tuple[Column, ...] = selected(VISITS, deidentify=options.deidentify)
        self.procedure_columns: tuple[Column, ...] = selected(PROCEDURES,
                                                              deidentify=options.deidentify)
        self._conn = s.connection()
        self.visits_seen = 0
        # Who entered, changed and signed each visit (``_entered_by``, ``_signed_at`` ...):
        # read only for the formats that describe the record itself (ODM's audit records).
        self.audit = False
        self._load_patients()
        self._labels: list[str] | None = None

    # --- patients and procedures (held in memory: one row each) -------------------------

    def _load_patients(self) -> None:
        conn, options = self._conn, self.options
        pq = select(Patient.id, Patient.code, Patient.family_name, Patient.given_name,
                    Patient.birth_date, Patient.sex, Patient.ms_subtype, Patient.diagnosis_year,
                    Patient.headache_positive, Patient.fatigue_positive, Patient.notes,
                    Patient.language)
        if options.subtypes:
            pq = pq.where(Patient.ms_subtype.in_(sorted(options.subtypes)))
        procs: dict[int, list[tuple[date, str, str, int]]] = defaultdict(list)
        for pid, day, side, notes, proc_id in conn.execute(select(
                Procedure.patient_id, Procedure.pta_date, Procedure.side, Procedure.notes,
                Procedure.id)):
            procs[pid].append((day, side, notes or "", proc_id))
        pnames = [c.name for c in self.patient_columns]
        self.patients: list[Row] = []
        self.procedures: list[Row] = []
        self._who: list[_Who] = []
        for r in conn.execute(pq.order_by(Patient.code)):
            mine = sorted(procs.get(r.id, ()))
            row = {"patient_code": r.code, "family_name": r.family_name,
                   "given_name": r.given_name, "birth_date": r.birth_date, "sex": r.sex,
                   "ms_subtype": r.ms_subtype, "diagnosis_year": r.diagnosis_year,
                   "headache_positive": bool(r.headache_positive),
                   "fatigue_positive": bool(r.fatigue_positive),
                   "pta_date": mine[0][0] if mine else None, "notes": r.notes or None,
                   "pta_side": mine[0][1] if mine else None, "pta_count": len(mine),
                   "language": r.language}
            self.patients.append({n: row[n] for n in pnames})
            for number, (day, side, notes, proc_id) in enumerate(mine, start=1):
                self.procedures.append({"patient_code": r.code, "procedure_number": number,
                                        "procedure_date": day, "procedure_side": side,
                                        "procedure_notes": notes or None, "_id": proc_id})
            self._who.append(_Who(r.id, r.code, r.birth_date, [p[0] for p in mine]))

    @property
    def patient_ids(self) -> set[int]:
        return {w.id for w in self._who}

    @property
    def connection(self) -> Any:
        """The export's read connection (formats that describe the record itself, ODM's
        audit trail, read more of the database in the same snapshot)."""
        return self._conn

    @property
    def max_procedures(self) -> int:
        return max((len(w.ptas) for w in self._who), default=0)

    # --- visits (streamed) --------------------------------------------------------------

    def _visit_filter(self, q: Any) -> Any:
        q = q.where(Visit.status == "complete")
        if self.options.date_from:
            q = q.where(Visit.visit_date >= self.options.date_from)
        if self.options.date_to:
            q = q.where(Visit.visit_date <= self.options.date_to)
        return q

    def labels(self) -> list[str]:
        """Scheduled labels present among the exported visits, in schedule order."""
        if self._labels is None:
            q = self._visit_filter(select(Visit.label).distinct())
            if self.options.subtypes:
                q = q.join(Patient, Patient.id == Visit.patient_id).where(
                    Patient.ms_subtype.in_(sorted(self.options.subtypes)))
            found = {lbl for (lbl,) in self._conn.execute(q)} - {schedule.UNSCHEDULED}
            self._labels = sorted(found, key=schedule.sort_key)
        return self._labels

    def _per_label(self, q: Any) -> Any:
        q = self._visit_filter(q)
        if self.options.subtypes:
            q = q.join(Patient, Patient.id == Visit.patient_id).where(
                Patient.ms_subtype.in_(sorted(self.options.subtypes)))
        return q

    def present(self) -> set[tuple[str, str]]:
        """(label, what) pairs that hold data among the exported visits: an instrument id,
        ``missing`` (reasons), ``skip.<form>``, ``flow.<posture>.<side>.<attr>`` and
        ``flowtotal.<posture>`` (three aggregate queries; the wide layout leaves out the
        columns that would be blank for everyone)."""
        out: set[tuple[str, str]] = set()
        conn = self._conn
        for label, instrument, _values, reasons in conn.execute(self._per_label(
                select(Visit.label, Answer.instrument, func.count(Answer.value),
                       func.count(Answer.missing_reason))
                .join(Visit, Visit.id == Answer.visit_id)
                .group_by(Visit.label, Answer.instrument))):
            out.add((label, instrument))
            if reasons:
                out.add((label, "missing"))
        for label, form in conn.execute(self._per_label(
                select(Visit.label, SkippedForm.form).join(Visit, Visit.id == SkippedForm.visit_id)
                .group_by(Visit.label, SkippedForm.form))):
            out.add((label, f"skip.{form}"))
        for (label,) in conn.execute(self._per_label(
                select(Visit.label).where(Visit.text_language.is_not(None))
                .group_by(Visit.label))):
            out.add((label, "visit.text_language"))
        sides: dict[tuple[str, str], set[str]] = defaultdict(set)
        for label, posture, side, ml, vel, area, sten in conn.execute(self._per_label(
                select(Visit.label, FlowRow.posture, FlowRow.side,
                       func.count(FlowRow.flow_ml_min), func.count(FlowRow.velocity_cm_s),
                       func.count(FlowRow.area_cm2), func.count(FlowRow.stenosis_pct))
                .join(Visit, Visit.id == FlowRow.visit_id)
                .group_by(Visit.label, FlowRow.posture, FlowRow.side))):
            prefix = f"flow.{posture}.{side}"
            for attr, n in (("flow", ml or vel), ("velocity_cm_s", vel), ("area_cm2", area),
                            ("stenosis_pct", sten)):
                if n:
                    out.add((label, f"{prefix}.{attr}"))
            if ml or vel:
                sides[(label, posture)].add(side)
        for (label, posture), found in sides.items():
            if len(found) == len(flowmod.SIDES):
                out.add((label, f"flowtotal.{posture}"))
        return out

    def by_patient(self) -> Iterator[tuple[Row, list[Row]]]:
        """(patient row, that patient's visit rows in date and schedule order), for every
        patient in code order (also those without visits)."""
        self.visits_seen = 0
        total = len(self._who)
        for start in range(0, total, BATCH):
            if self.progress is not None:
                self.progress.report(start, total, "Reading visits")
            batch = self._who[start:start + BATCH]
            visits = self._batch(batch)
            for n, who in enumerate(batch):
                rows = visits.get(who.id, [])
                self.visits_seen += len(rows)
                yield self.patients[start + n], rows

    def visits(self) -> Iterator[Row]:
        for _patient, rows in self.by_patient():
            yield from rows

    def _visit_query(self, ids: list[int]) -> Any:
        """One statement per batch: every complete visit of these patients with its answers
        (one JSON object per questionnaire, item -> value) and its flows (one JSON array of
        rows), aggregated by the database, so one row per visit reaches Python (~15x fewer
        rows than one per answer, and no pivot in Python)."""
        object_agg, array_agg, array_of = _json_functions(self._conn.dialect.name)
        amended = type_coerce(case((and_(Visit.completed_at.is_not(None),
                                         Visit.updated_at > Visit.completed_at), 1),
                                   else_=0), Integer)
        cols: list[Any] = [Visit.id, Visit.patient_id, Visit.visit_date, Visit.label, amended,
                           Visit.text_language]
        for instrument in QUESTIONNAIRES.values():
            cols.append(select(object_agg(Answer.item, Answer.value))
                        .where(Answer.visit_id == Visit.id, Answer.instrument == instrument.id)
                        .scalar_subquery())
        cols.append(select(array_agg(array_of(
            FlowRow.posture, FlowRow.side, type_coerce(FlowRow.flow_ml_min, Integer),
            type_coerce(FlowRow.velocity_cm_s, Integer), type_coerce(FlowRow.area_cm2, Integer),
            FlowRow.stenosis_pct))).where(FlowRow.visit_id == Visit.id).scalar_subquery())
        return self._visit_filter(select(*cols).where(Visit.patient_id.in_(ids)))

    def _batch(self, batch: list[_Who]) -> dict[int, list[Row]]:
        conn = self._conn
        ids = [w.id for w in batch]
        who_of = {w.id: w for w in batch}
        rows: dict[int, Row] = {}
        keys: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        answered: dict[int, list[_Answered]] = {}
        zero_flow: set[int] = set()
        read_ml, read_vel, read_area = _READ_ML, _READ_VEL, _READ_AREA
        flow_cols = _FLOW_COLS
        for vid, pid, day, label, amended, lang, *answers, flows in _rows(
                conn, self._visit_query(ids), plain=True):
            who = who_of[pid]
            if type(day) is str:  # SQLite's stored text, read straight from the cursor
                day = _iso_date(day)
            row = _TEMPLATE.copy()
            row["patient_code"], row["visit_date"], row["visit_label"] = who.code, day, label
            row["questionnaire_language"] = lang
            row["age_at_visit"] = None if who.birth is None else age_on(who.birth, day)
            row["_id"], row["_amended"] = vid, bool(amended)
            mine = []
            for scorer, raw in zip(_SCORERS, answers, strict=True):
                got = scorer.memo.get(raw) if type(raw) is str else None
                if got is None:
                    got = scorer.parse(raw)
                row.update(got.values)
                mine.append(got)
            answered[vid] = mine
            if flows is not None and flows != "[]":
                for posture, side, ml, vel, area, sten in (
                        _json(flows, 0)[0] if type(flows) is str else flows):
                    c_flow, c_vel, c_area, c_sten, p, sd = flow_cols[(posture, side)]
                    vel, area = read_vel[vel], read_area[area]
                    # the domain decides what the analysed flow is
                    ml = read_ml[ml] if ml is not None else flowmod.FlowMeasurement(
                        sd, p, None, vel, area, sten).flow
                    row[c_flow], row[c_vel], row[c_area], row[c_sten] = ml, vel, area, sten
                posture_total = flowmod.posture_total
                for left, right, total in _TOTALS:
                    a, b = row[left], row[right]
                    if a is not None and b is not None:
                        row[total] = posture_total(a, b)
                    if (a is not None and not a) or (b is not None and not b):
                        zero_flow.add(vid)
            rows[vid] = row
            keys[pid].append((day, _label_order(label), vid))
        if not rows:
            return {}

        def child(q: Any, model: Any) -> Any:
            return q.join(Visit, Visit.id == model.visit_id).where(Visit.patient_id.in_(ids))

        missing: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for vid, instrument, item, reason in _rows(conn, child(
                select(Answer.visit_id, Answer.instrument, Answer.item, Answer.missing_reason)
                .where(Answer.value.is_(None), Answer.missing_reason.is_not(None)), Answer),
                plain=True):
            if vid in rows:
                missing[vid].append((_ITEM_COLUMN[(instrument, item)], reason))
        for vid, form, reason in _rows(conn, child(
                select(SkippedForm.visit_id, SkippedForm.form, SkippedForm.reason),
                SkippedForm), plain=True):
            if vid in rows:
                rows[vid][f"{form}_skip_reason"] = reason
        if self.audit:
            for vid, entered, signed, signer, completed, updated in conn.execute(
                    self._visit_filter(select(Visit.id, Visit.entered_by, Visit.signed_at,
                                              Visit.signed_by_id, Visit.completed_at,
                                              Visit.updated_at)
                                       .where(Visit.patient_id.in_(ids)))):
                row = rows[vid]
                row["_entered_by"], row["_signed_at"], row["_signed_by_id"] = (
                    entered, signed, signer)
                row["_completed_at"], row["_updated_at"] = completed, updated
        for vid, status in _rows(conn, child(
                select(DoubleEntry.visit_id, DoubleEntry.status), DoubleEntry), plain=True):
            if vid in rows:
                rows[vid]["verification_state"] = double_entry.export_code(status)
        for (vid,) in _rows(conn, child(select(SelfReport.visit_id).where(
                SelfReport.accepted_at.is_not(None)), SelfReport), plain=True):
            if vid in rows:
                rows[vid]["entry_source"] = "patient"
        out: dict[int, list[Row]] = {}
        for pid, order in keys.items():
            order.sort()
            mine_rows = [rows[k[2]] for k in order]
            for row in mine_rows:
                vid = row["_id"]
                _warn(row, answered[vid], missing.get(vid), vid in zero_flow)
            _analysis(mine_rows, who_of[pid].ptas)
            out[pid] = mine_rows
        if self.progress is not None:
            self.progress.check()
        return out


def _json_functions(dialect: str) -> tuple[Any, Any, Any]:
    """The JSON aggregates of the database: (object of key -> value, array of rows, row)."""
    if dialect == "postgresql":
        return func.json_object_agg, func.json_agg, func.json_build_array
    return func.json_group_object, func.json_group_array, func.json_array


# JSON text the database wrote (no surrounding blanks) -> (value, end): the decoder's own
# scanner, without json.loads's whitespace handling around it.
_json = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _iso_date(text: str) -> date:
    return date.fromisoformat(text)


@contextmanager
def opened(db: Database, actor: Actor, options: ExportOptions,
           progress: Progress | None = None) -> Iterator[Dataset]:
    """An export's data, read in one read transaction that stays open while the files are
    written (one consistent snapshot, visits streamed)."""
    require(actor, Permission.EXPORT)
    with db.read() as s:
        authorize(s, actor, Permission.EXPORT)  # the account as stored now
        yield Dataset(s, options, progress)


@dataclass
class Loaded:
    """Everything of an export in lists (tests and small exports)."""

    patient_columns: tuple[Column, ...]
    visit_columns: tuple[Column, ...]
    patients: list[Row]
    procedures: list[Row]
    visits: list[Row]


def load(db: Database, actor: Actor, options: ExportOptions) -> Loaded:
    with opened(db, actor, options) as data:
        visits = list(data.visits())
        return Loaded(data.patient_columns, data.visit_columns, data.patients,
                      data.procedures, visits)


# --- reading ---------------------------------------------------------------------------------


class _ScaledDecimals(dict[int | None, Decimal | None]):
    """Stored integer of a scaled-decimal column -> its Decimal, by the column type's own
    conversion, remembered per stored value (flows repeat a lot across 10,000 patients, and a
    hit is a single dictionary lookup)."""

    def __init__(self, column: Any):
        super().__init__({None: None})
        self._convert = column.type.process_result_value

    def __missing__(self, value: int) -> Decimal:
        if len(self) > 200_000:  # bounded, whatever the data
            self.clear()
            self[None] = None
        d: Decimal = self._convert(value, None)
        self[value] = d
        return d


_READ_ML, _READ_VEL, _READ_AREA = (_ScaledDecimals(c) for c in (
    FlowRow.flow_ml_min, FlowRow.velocity_cm_s, FlowRow.area_cm2))


def _rows(conn: Any, query: Any, *, plain: bool = False) -> Iterable[Any]:
    """Rows of a Core select (no ORM objects).

    ``plain``: every selected column is an integer or text that needs no conversion; on
    SQLite such rows are then read straight from the DBAPI cursor (the bulk child queries:
    ~400,000 rows at 10,000 patients), when the statement's parameters are plain too."""
    if plain and conn.dialect.name == "sqlite":
        # IN lists (the batch's patient ids) rendered as plain positional parameters
        compiled = query.compile(dialect=conn.dialect,
                                 compile_kwargs={"render_postcompile": True})
        params = [compiled.params[name] for name in (compiled.positiontup or ())]
        if all(isinstance(p, str | int) for p in params):
            cursor = conn.connection.dbapi_connection.cursor()
            try:
                yield from cursor.execute(str(compiled), params)
            finally:
                cursor.close()
            return
    yield from conn.execute(query)


_TEMPLATE: Row = dict.fromkeys(c.name for c in VISIT_COLUMNS)
_TEMPLATE |= {"entry_source": "staff", "verification_state": double_entry.NOT_DOUBLE_ENTERED}
_ITEM_COLUMN = {(i.id, item): i.column(item) for i in QUESTIONNAIRES.values()
                for item in i.item_ids}
_FLOW_COLS = {(p.value, sd.value): (f"flow_{p.value}_{sd.value}_ml_min",
                                    f"flow_{p.value}_{sd.value}_velocity_cm_s",
                                    f"flow_{p.value}_{sd.value}_area_cm2",
                                    f"flow_{p.value}_{sd.value}_stenosis_pct", p, sd)
              for p in flowmod.POSTURES for sd in flowmod.SIDES}
_LABEL_ORDER: dict[str, tuple[int, int]] = {}


def _label_order(label: str) -> tuple[int, int]:
    order = _LABEL_ORDER.get(label)
    if order is None:
        order = _LABEL_ORDER[label] = schedule.sort_key(label)
    return order


# --- derived columns ---------------------------------------------------------------------------

_TOTALS = [(f"flow_{p.value}_left_ml_min", f"flow_{p.value}_right_ml_min",
            f"flow_{p.value}_total_ml_min") for p in flowmod.POSTURES]
_ORDER = {i.column(item): n for n, (i, item) in enumerate(
    (i, item) for i in QUESTIONNAIRES.values() for item in i.item_ids)}
_MEMO_MAX = 100_000  # remembered answers: bounded, so a huge export never grows them


@dataclass(frozen=True, slots=True)
class _Answered:
    """One questionnaire's answers at a visit and what follows from them, by the
    instrument's definition: the item and score columns, the soft consistency warnings and
    the item columns left unanswered."""

    values: dict[str, Any]
    rules: tuple[str, ...]
    blank: tuple[str, ...]


class _Scorer:
    """One questionnaire's answers -> :class:`_Answered`, by the instrument's definition,
    remembered per answers as the database aggregated them (JSON text, item -> value): a
    hit is one dictionary lookup, and many visits share their answers (all blank, all zero)."""

    def __init__(self, instrument: Any):
        self.instrument = instrument
        self.item_ids: tuple[str, ...] = instrument.item_ids
        self.columns = tuple(instrument.column(i) for i in self.item_ids)
        self.scores = tuple((instrument.column(sf.id), sf.id) for sf in instrument.score_fields)
        self.get = itemgetter(*self.columns)
        self.memo: dict[Any, _Answered] = {}

    def assess(self, given: dict[str, Any], answers: tuple[Any, ...]) -> _Answered:
        """``given``: item -> answer (items not answered may be absent or None); ``answers``
        the same in item order."""
        instrument = self.instrument
        scores = instrument.score(given)
        values = dict(zip(self.columns, answers, strict=True))
        for col, key in self.scores:
            values[col] = scores[key]
        blanks = answers.count(None)
        if blanks == len(answers):
            return _Answered(values, (), ())
        issues = instrument.consistency(given)
        rules = tuple(dict.fromkeys(i.rule for i in issues if not i.is_error)) if issues else ()
        blank = tuple(c for c, a in zip(self.columns, answers, strict=True)
                      if a is None) if blanks else ()
        return _Answered(values, rules, blank)

    def parse(self, raw: str | dict[str, Any] | None) -> _Answered:
        """Answers as aggregated by the database (JSON text on SQLite, a dict elsewhere)."""
        given = (_json(raw, 0)[0] if isinstance(raw, str) else raw) or {}
        got = self.assess(given, tuple(map(given.get, self.item_ids)))
        if isinstance(raw, str):
            if len(self.memo) > _MEMO_MAX:
                self.memo.clear()
            self.memo[raw] = got
        return got

    def of_row(self, row: Row) -> _Answered:
        """Answers held in a row's item columns."""
        answers = self.get(row)
        return self.assess(dict(zip(self.item_ids, answers, strict=True)), answers)


_SCORERS = [_Scorer(i) for i in QUESTIONNAIRES.values()]


def _derive(row: Row, missing: list[tuple[str, str]] | None) -> None:
    """Fill a row's derived columns from its items and flows, by the domain's definitions,
    and list its soft warnings (as the export's batches do)."""
    answered = []
    for scorer in _SCORERS:
        got = scorer.of_row(row)
        row.update(got.values)
        answered.append(got)
    zero = False
    for left, right, total in _TOTALS:
        a, b = row[left], row[right]
        row[total] = flowmod.posture_total(a, b)
        if (a is not None and not a) or (b is not None and not b):
            zero = True
    _warn(row, answered, missing, zero)


def _warn(row: Row, answered: list[_Answered], missing: list[tuple[str, str]] | None,
          zero_flow: bool) -> None:
    """The soft warnings a complete visit had confirmed (in a stable order: each
    questionnaire's rules, unanswered items without a reason, a zero flow; the window is
    added by :func:`_analysis`), and its ``missing_items`` text."""
    warned: list[str] = []
    reasons = {col for col, _r in missing} if missing else ()
    for got in answered:
        if got.rules:
            warned += got.rules
        if got.blank and any(col not in reasons for col in got.blank):
            warned.append("unanswered")
    if zero_flow:
        warned.append("flow.zero")
    if missing:
        row["missing_items"] = " ".join(f"{col}:{reason}" for col, reason in
                                        sorted(missing, key=lambda m: _ORDER[m[0]]))
    row["_warnings"] = warned


_MONTH_STEP = Decimal("0.01")
_FINAL = (("midas_final_followup", "midas_total"), ("fss_final_followup", "fss_mean"),
          ("flow_final_followup", "flow_supine_total_ml_min"))


def _analysis(rows: list[Row], ptas: list[date]) -> None:
    """Analysis columns of one patient's visits (in date order): time since the latest
    preceding PTA, target date and window from the first PTA, final follow-up markers."""
    if not ptas:
        for row in rows:
            row["confirmed_warnings"] = " ".join(dict.fromkeys(row.pop("_warnings"))) or None
        return
    first = ptas[0]
    single = len(ptas) == 1
    latest: dict[str, Row] = {}
    for row in rows:
        day, label = row["visit_date"], row["visit_label"]
        if single:
            ref = first
        else:
            i = bisect.bisect_right(ptas, day)
            ref = ptas[i - 1] if i else first
        days = (day - ref).days
        row["reference_pta_date"], row["days_since_pta"] = ref, days
        row["months_since_pta"] = _months(days)
        if label != schedule.UNSCHEDULED:
            target, start, end = _window(label, first)
            row["target_date"] = target
            inside = start <= day <= end
            row["in_window"] = inside
            if not inside and not (label == "baseline" and day > first):
                row["_warnings"].append("window")
        if day > first:
            for marker, measure in _FINAL:
                if row[measure] is not None:
                    latest[marker] = row
        for marker, _m in _FINAL:
            row[marker] = False
        warned = row.pop("_warnings")
        row["confirmed_warnings"] = " ".join(dict.fromkeys(warned)) if warned else None
    for marker, row in latest.items():
        row[marker] = True


_MONTHS: dict[int, Decimal] = {}


def _months(days: int) -> Decimal:
    """Days since PTA in months, 2 decimals half up (remembered: days repeat a lot)."""
    got = _MONTHS.get(days)
    if got is None:
        if len(_MONTHS) > _MEMO_MAX:
            _MONTHS.clear()
        got = _MONTHS[days] = (Decimal(days) / MONTH_DAYS).quantize(
            _MONTH_STEP, rounding=ROUND_HALF_UP)
    return got


_WINDOWS: dict[tuple[str, date], tuple[date, date, date]] = {}


def _window(label: str, first: date) -> tuple[date, date, date]:
    """(target, window start, window end) of a label from the first PTA, by the schedule
    (remembered: patients share PTA dates)."""
    got = _WINDOWS.get((label, first))
    if got is None:
        d = schedule.definition(label)
        start, end = d.window(first)
        if len(_WINDOWS) > _MEMO_MAX:
            _WINDOWS.clear()
        got = _WINDOWS[(label, first)] = (d.target(first), start, end)
    return got


def visit_row(code: str, birth: date | None, visit_date: date, label: str,
              answers: Iterable[tuple[str, str, int | None, str | None]],
              skipped: dict[str, str], flows: Iterable[flowmod.FlowMeasurement],
              ptas: Iterable[date] = ()) -> Row:
    """One ``visits.csv`` row from a visit's parts (the import uses it to recompute the
    derived columns it was given); derived values via :func:`_derive`, as in the export."""
    row: Row = _TEMPLATE.copy()
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
    _analysis([row], sorted(ptas))
    return row

