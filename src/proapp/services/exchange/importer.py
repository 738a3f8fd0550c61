"""Import of the interchange CSV (``patients.csv`` and/or ``visits.csv``), all or nothing.

Every row is parsed with the domain's parsers and validated with the same domain rules the
GUI applies (``validate_patient``, ``validate_procedure``, ``validate_visit`` with
``completing=True``, the one-visit-per-label rule). Only when the whole folder is free of
errors is anything written, in ONE transaction; otherwise the report lists every error with
file, row (as a spreadsheet numbers it: the header is row 1), column, value and rule.

- Computed columns (totals, grades, means, flow totals, age) are ignored and recomputed; a
  present value that differs from the recomputed one is reported as a warning.
- Imported visits are complete. Soft warnings (visit outside its window, item above the
  headache days ...) are listed in the report but do not block the import.
- Re-importing the same data changes nothing (and writes no change-log row). A patient or
  visit that exists with different values is an error, unless ``update`` is given: then the
  differences are applied and logged with the reason ``import --update from <file>``.
- Files are read row by row; the write uses bulk inserts (one transaction, not one per row).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from proapp.db import changelog
from proapp.db.changelog import Change
from proapp.db.engine import Database
from proapp.db.models import Answer, FlowRow, Patient, Procedure, SkippedForm, Visit
from proapp.domain import flow as flowmod
from proapp.domain import schedule
from proapp.domain.actor import Actor, Permission
from proapp.domain.answers import MissingReason, ParseError
from proapp.domain.patient import (
    MsSubtype,
    PatientFacts,
    ProcedureFacts,
    Sex,
    validate_patient,
    validate_procedure,
)
from proapp.domain.registry import FLOW, QUESTIONNAIRES
from proapp.domain.validation import Issue
from proapp.domain.visit import VisitContent, validate_visit
from proapp.services import clock
from proapp.services.accounts.access import require
from proapp.services.errors import UserError
from proapp.services.exchange import cells
from proapp.services.exchange.columns import (
    PATIENT_COLUMNS,
    PATIENTS,
    VISIT_COLUMNS,
    VISITS,
    Column,
    Kind,
    item_column_of,
)
from proapp.services.progress import Progress
from proapp.services.visits import flatten
from proapp.services.visits.records import _content, _sync_rows

PATIENTS_FILE, VISITS_FILE = "patients.csv", "visits.csv"
ERROR, WARNING = "error", "warning"
MAX_VALUE_SHOWN = 80
csv.field_size_limit(1_000_000)  # a longer cell is reported as an error, never half read


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, located as a spreadsheet shows it (header = row 1)."""

    severity: str
    file: str
    row: int | None
    column: str
    value: str
    rule: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}" + (f" row {self.row}" if self.row else "")
        col = f", column {self.column}" if self.column else ""
        val = f", value {self.value!r}" if self.value != "" else ""
        return f"{self.severity}: {where}{col}{val}: {self.message} [{self.rule}]"


@dataclass
class ImportReport:
    folder: Path
    dry_run: bool
    update: bool
    findings: list[Finding] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    patients_added: int = 0
    patients_updated: int = 0
    patients_unchanged: int = 0
    visits_added: int = 0
    visits_updated: int = 0
    visits_unchanged: int = 0
    applied: bool = False

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.dry_run:
            what = "would import" if self.ok else "would import nothing"
        else:
            what = "imported" if self.applied else "nothing imported"
        return (f"{what}: patients {self.patients_added} new, {self.patients_updated} updated, "
                f"{self.patients_unchanged} unchanged; visits {self.visits_added} new, "
                f"{self.visits_updated} updated, {self.visits_unchanged} unchanged; "
                f"{len(self.errors)} error(s), {len(self.warnings)} warning(s)")


class _Abort(Exception):
    """Raised inside the write transaction to roll everything back after finding errors."""


# --- reading ---------------------------------------------------------------------------------


def _show(value: object) -> str:
    text = "" if value is None else str(value)
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if len(text) <= MAX_VALUE_SHOWN else text[:MAX_VALUE_SHOWN - 1] + "…"


class _Reader:
    """Rows of one file as ``column -> raw text``; structural problems become findings."""

    def __init__(self, path: Path, table: str, report: ImportReport):
        self.path, self.file, self.report = path, path.name, report
        self.columns = {c.name: c for c in (PATIENT_COLUMNS if table == PATIENTS
                                            else VISIT_COLUMNS)}
        self.header: list[str] = []

    def add(self, severity: str, row: int | None, column: str, value: object, rule: str,
            message: str) -> None:
        self.report.findings.append(Finding(severity, self.file, row, column, _show(value),
                                            rule, message))

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        count = 0
        try:
            with open(self.path, encoding="utf-8-sig", newline="") as fh:
                reader = csv.reader(fh, strict=True)
                try:
                    header = next(reader)
                except StopIteration:
                    self.add(ERROR, None, "", "", "file.empty", "the file is empty")
                    return
                if not self._check_header(header):
                    return
                width = len(header)
                for n, cells_ in enumerate(reader, start=2):
                    if not cells_ or all(c.strip() == "" for c in cells_):
                        continue
                    count += 1
                    if len(cells_) != width:
                        self.add(ERROR, n, "", "", "csv.columns",
                                 f"the row has {len(cells_)} cells; the header has {width}")
                        continue
                    yield n, dict(zip(header, cells_, strict=True))
        except UnicodeDecodeError as exc:
            self.add(ERROR, None, "", "", "file.encoding",
                     f"the file is not UTF-8 text (byte {exc.start}); save it as CSV UTF-8")
        except csv.Error as exc:
            self.add(ERROR, None, "", "", "csv.format", f"not a readable CSV file: {exc}")
        except OSError as exc:
            self.add(ERROR, None, "", "", "file.read", f"cannot read the file: {exc}")
        finally:
            self.report.rows[self.file] = count

    def _check_header(self, header: list[str]) -> bool:
        header[:] = [h.strip() for h in header]
        self.header = header
        ok = True
        seen: set[str] = set()
        for h in header:
            if h in seen:
                self.add(ERROR, 1, h, h, "header.duplicate", f"column {h!r} appears twice")
                ok = False
            seen.add(h)
            if h not in self.columns:
                self.add(WARNING, 1, h, h, "header.unknown",
                         f"column {h!r} is not part of the format; it is ignored")
        for c in self.columns.values():
            if c.required and c.name not in seen:
                self.add(ERROR, 1, c.name, "", "header.missing",
                         f"the required column {c.name!r} is missing")
                ok = False
        return ok

    def parse(self, n: int, raw: dict[str, str]) -> tuple[dict[str, Any], set[str]]:
        """Parsed values of the known columns present (computed ones left out) and the
        columns whose cells did not parse (already reported)."""
        values: dict[str, Any] = {}
        failed: set[str] = set()
        for name, text in raw.items():
            col = self.columns.get(name)
            if col is None or col.computed:
                continue
            if text == "":  # most cells of a wide file: blank is missing, for every kind
                values[name] = None
                continue
            try:
                values[name] = cells.parse(col, text)
            except ParseError as exc:
                self.add(ERROR, n, name, text, exc.rule, str(exc))
                failed.add(name)
        return values, failed


# --- database state --------------------------------------------------------------------------


@dataclass
class _DbPatient:
    id: int
    facts: PatientFacts
    first_pta: date | None
    pta_dates: set[date]


def patient_values(f: PatientFacts) -> dict[str, Any]:
    """The logged form of a patient's facts (as ``services.patients`` logs them)."""
    d = asdict(f)
    d["sex"], d["ms_subtype"] = f.sex.value, f.ms_subtype.value
    return d


def _db_patients(s: Session) -> dict[str, _DbPatient]:
    procs: dict[int, set[date]] = defaultdict(set)
    for pid, day in s.execute(select(Procedure.patient_id, Procedure.pta_date)):
        procs[pid].add(day)
    out = {}
    for r in s.execute(select(Patient.id, Patient.code, Patient.family_name,
                              Patient.given_name, Patient.birth_date, Patient.sex,
                              Patient.ms_subtype, Patient.diagnosis_year,
                              Patient.headache_positive, Patient.fatigue_positive,
                              Patient.notes)):
        facts = PatientFacts(r.code, r.family_name, r.given_name, r.birth_date, Sex(r.sex),
                             MsSubtype(r.ms_subtype), r.diagnosis_year,
                             bool(r.headache_positive), bool(r.fatigue_positive),
                             r.notes or "")
        dates = procs.get(r.id, set())
        out[r.code] = _DbPatient(r.id, facts, min(dates, default=None), dates)
    return out


@dataclass(frozen=True)
class _Stored:
    id: int
    label: str
    visit_date: date
    status: str
    is_signed: bool
    content: VisitContent


def _stored_visits(s: Session, patient_ids: set[int]) -> dict[int, list[_Stored]]:
    """The stored visits of these patients with their content, from Core rows (the same
    conversion ``services.visits`` uses; no ORM objects, so 10,000 patients stay quick)."""
    everyone = len(patient_ids) > 900

    def where(q: Any) -> Any:
        return q if everyone else q.where(Visit.patient_id.in_(sorted(patient_ids)))

    def children(model: Any, *cols: Any) -> dict[int, list[Any]]:
        grouped: dict[int, list[Any]] = defaultdict(list)
        q = where(select(model.visit_id, *cols).join(Visit, Visit.id == model.visit_id))
        for row in s.execute(q):
            grouped[row.visit_id].append(row)
        return grouped

    answers = children(Answer, Answer.instrument, Answer.item, Answer.value,
                       Answer.missing_reason)
    skipped = children(SkippedForm, SkippedForm.form, SkippedForm.reason)
    flows = children(FlowRow, FlowRow.posture, FlowRow.side, FlowRow.flow_ml_min,
                     FlowRow.velocity_cm_s, FlowRow.area_cm2, FlowRow.stenosis_pct)
    out: dict[int, list[_Stored]] = defaultdict(list)
    for v in s.execute(where(select(Visit.id, Visit.patient_id, Visit.label, Visit.visit_date,
                                    Visit.status, Visit.signed_at))):
        if v.patient_id not in patient_ids:
            continue
        content = _content(answers.get(v.id, ()), skipped.get(v.id, ()), flows.get(v.id, ()))
        out[v.patient_id].append(_Stored(v.id, v.label, v.visit_date, v.status,
                                         v.signed_at is not None, content))
    return out


# --- the plan ---------------------------------------------------------------------------------


@dataclass
class _NewPatient:
    row: int
    facts: PatientFacts
    pta: date | None


@dataclass
class _VisitIn:
    row: int
    code: str
    label: str
    visit_date: date
    content: VisitContent
    existing_id: int | None = None


@dataclass
class _Plan:
    new_patients: list[_NewPatient] = field(default_factory=list)
    patient_updates: list[tuple[int, PatientFacts, PatientFacts]] = field(default_factory=list)
    procedures_to_add: list[tuple[str, date]] = field(default_factory=list)
    new_visits: list[_VisitIn] = field(default_factory=list)
    visit_updates: list[_VisitIn] = field(default_factory=list)


class _Importer:
    def __init__(self, s: Session, folder: Path, report: ImportReport, today: date,
                 progress: Progress | None):
        self.s, self.folder, self.report, self.today = s, folder, report, today
        self.progress = progress
        self.db = _db_patients(s)
        self.plan = _Plan()
        # code -> (birth date, first PTA) of every patient the visits may refer to
        self.known: dict[str, tuple[date | None, date | None]] = {
            code: (p.facts.birth_date, p.first_pta) for code, p in self.db.items()}
        self.invalid_codes: set[str] = set()

    # patients.csv
    def patients(self, path: Path) -> None:
        r = _Reader(path, PATIENTS, self.report)
        seen: dict[str, int] = {}
        for n, raw in r.rows():
            self._tick(n)
            values, failed = r.parse(n, raw)
            ok = not failed
            code = values.get("patient_code")
            if code is None:
                r.add(ERROR, n, "patient_code", "", "required", "Patient code is required")
                continue
            if code in seen:
                r.add(ERROR, n, "patient_code", code, "code.duplicate",
                      f"patient code {code} appears again (first on row {seen[code]})")
                self.invalid_codes.add(code)
                continue
            seen[code] = n
            for name in ("headache_positive", "fatigue_positive"):
                if name in raw and values.get(name) is None:
                    r.add(ERROR, n, name, "", "boolean", f"{name} must be 0 (no) or 1 (yes)")
                    ok = False
            if "sex" in failed or "ms_subtype" in failed:
                self.invalid_codes.add(code)
                continue
            try:
                facts = PatientFacts(
                    code, values.get("family_name") or "", values.get("given_name") or "",
                    values.get("birth_date"), Sex(values.get("sex") or ""),
                    MsSubtype(values.get("ms_subtype") or ""), values.get("diagnosis_year"),
                    bool(values.get("headache_positive", False)),
                    bool(values.get("fatigue_positive", False)), values.get("notes") or "")
            except ValueError:  # sex / subtype blank (codes were checked by the parser)
                for name in ("sex", "ms_subtype"):
                    if values.get(name) is None:
                        r.add(ERROR, n, name, "", "required", f"{name} is required")
                self.invalid_codes.add(code)
                continue
            issues = validate_patient(facts, self.today)
            pta = values.get("pta_date")
            if pta is not None:
                issues += validate_procedure(ProcedureFacts(pta), facts.birth_date, self.today)
            if self._issues(r, n, raw, issues, failed) or not ok:
                self.invalid_codes.add(code)
                continue
            existing = self.db.get(code)
            self.known[code] = (facts.birth_date, pta if existing is None
                                else existing.first_pta or pta)
            if existing is None:
                self.plan.new_patients.append(_NewPatient(n, facts, pta))
                continue
            self._compare_patient(r, n, raw, existing, facts, pta,
                                  "pta_date" in raw)

    def _compare_patient(self, r: _Reader, n: int, raw: dict[str, str], existing: _DbPatient,
                         facts: PatientFacts, pta: date | None, pta_given: bool) -> None:
        old, new = patient_values(existing.facts), patient_values(facts)
        given = {k for k in new if k == "code" or k in raw}
        diffs = [(k, a, b) for k, a, b in changelog.diff(old, new) if k in given]
        add_pta = False
        if pta_given and pta != existing.first_pta:
            if existing.first_pta is None and pta is not None:
                diffs.append(("pta_date", None, pta))
                add_pta = True
            else:
                r.add(ERROR, n, "pta_date", raw.get("pta_date", ""), "pta.differs",
                      f"{facts.code}'s first PTA in the database is "
                      f"{existing.first_pta or 'not recorded'}; PTA dates are changed in the "
                      "patient's record, not by import")
                self.invalid_codes.add(facts.code)
                return
        if not diffs:
            self.report.patients_unchanged += 1
            return
        if not self.report.update:
            for k, a, _b in diffs:
                col = "pta_date" if k == "pta_date" else item_column_of(f"patient.{k}") or k
                r.add(ERROR, n, col, raw.get(col, ""), "patient.differs",
                      f"patient {facts.code} exists with {col} = "
                      f"{changelog.to_text(a) or '(blank)'}; use --update to replace it")
            self.invalid_codes.add(facts.code)
            return
        merged = PatientFacts(**{**asdict(existing.facts), **{
            k: getattr(facts, k) for k in given if k != "pta_date"}})
        self.plan.patient_updates.append((existing.id, existing.facts, merged))
        if add_pta and pta is not None:
            self.plan.procedures_to_add.append((facts.code, pta))
        self.report.patients_updated += 1

    # visits.csv
    def visits(self, path: Path) -> None:
        r = _Reader(path, VISITS, self.report)
        rows: list[_VisitIn] = []
        for n, raw in r.rows():
            self._tick(n)
            v = self._visit(r, n, raw)
            if v is not None:
                rows.append(v)
        self._match_existing(r, rows)

    def _visit(self, r: _Reader, n: int, raw: dict[str, str]) -> _VisitIn | None:
        values, failed = r.parse(n, raw)
        ok = not failed
        code = values.get("patient_code")
        day = values.get("visit_date")
        label = values.get("visit_label")
        for name, value in (("patient_code", code), ("visit_date", day),
                            ("visit_label", label)):
            if value is None and name in raw and raw[name].strip() == "":
                r.add(ERROR, n, name, "", "required", f"{name} is required")
                ok = False
        if code is not None and code not in self.known and code not in self.invalid_codes:
            r.add(ERROR, n, "patient_code", code, "patient.unknown",
                  f"no patient with code {code} in the database or in patients.csv")
            ok = False
        content = self._content(r, n, raw, values)
        if content is None or code in self.invalid_codes or code not in self.known \
                or day is None or label is None or code is None:
            return None
        birth, pta = self.known[code]
        issues = validate_visit(label, day, content, today=self.today, birth_date=birth,
                                pta_date=pta, completing=True)
        if self._issues(r, n, raw, issues, failed) or not ok:
            return None
        self._check_computed(r, n, raw, content, birth, day)
        return _VisitIn(n, code, label, day, content)

    def _content(self, r: _Reader, n: int, raw: dict[str, str],
                 values: dict[str, Any]) -> VisitContent | None:
        responses: dict[str, dict[str, int | None]] = {}
        for instrument_id, items in _ITEM_COLUMNS:
            responses[instrument_id] = {item: values[col] for item, col in items
                                        if values.get(col) is not None}
        missing: dict[str, dict[str, MissingReason]] = defaultdict(dict)
        ok = True
        by_column = _ITEM_BY_COLUMN
        for pair in (values.get("missing_items") or "").split():
            col, _sep, reason = pair.partition(":")
            if col not in by_column or reason not in MissingReason.__members__.values():
                r.add(ERROR, n, "missing_items", pair, "missing_items",
                      "expected column:reason pairs such as midas_q3:declined (reasons: "
                      + ", ".join(m.value for m in MissingReason) + ")")
                ok = False
                continue
            instrument_id, item_id = by_column[col]
            missing[instrument_id][item_id] = MissingReason(reason)
        skipped = {form: values[f"{form}_skip_reason"] for form in (*QUESTIONNAIRES, FLOW)
                   if values.get(f"{form}_skip_reason")}
        flows = []
        for posture in flowmod.POSTURES:
            for side in flowmod.SIDES:
                prefix = f"flow_{posture.value}_{side.value}"
                ml = values.get(f"{prefix}_ml_min")
                vel = values.get(f"{prefix}_velocity_cm_s")
                area = values.get(f"{prefix}_area_cm2")
                sten = values.get(f"{prefix}_stenosis_pct")
                if vel is not None or area is not None:
                    m = flowmod.FlowMeasurement(side, posture, None, vel, area, sten)
                    if ml is not None and m.flow is not None and m.flow != ml:
                        r.add(WARNING, n, f"{prefix}_ml_min", raw.get(f"{prefix}_ml_min"),
                              "computed.differs",
                              f"the flow is computed from velocity x area x 60 = {m.flow} "
                              f"{flowmod.FLOW_UNIT}; the file's value is ignored")
                else:
                    m = flowmod.FlowMeasurement(side, posture, ml, None, None, sten)
                if not m.is_empty:
                    flows.append(m)
        if not ok:
            return None
        return VisitContent(responses, dict(missing), skipped, tuple(flows))

    def _check_computed(self, r: _Reader, n: int, raw: dict[str, str], content: VisitContent,
                        birth: date | None, day: date) -> None:
        from proapp.services.exchange.dataset import visit_row

        computed = [c for c in _COMPUTED if raw.get(c.name, "").strip()]
        if not computed:
            return
        answers = [(i, item, v, None) for i, given in content.responses.items()
                   for item, v in given.items()]
        expected = visit_row("", birth, day, "unscheduled", answers, {}, content.flows)
        for c in computed:
            text = raw[c.name].strip()
            if text == cells.to_text(c, expected.get(c.name)):
                continue
            try:
                value = cells.parse(_PLAIN[c.name], text)
            except ParseError:
                value = text
            if value != expected.get(c.name):
                shown = cells.to_text(c, expected.get(c.name)) or "blank"
                r.add(WARNING, n, c.name, text, "computed.differs",
                      f"proapp computes {shown}; the file's value is ignored")

    def _match_existing(self, r: _Reader, rows: list[_VisitIn]) -> None:
        """Duplicate labels in the file, and each visit against the database."""
        seen: dict[tuple[str, str], int] = {}
        unscheduled_seen: dict[tuple[str, date], int] = defaultdict(int)
        ids = {self.db[v.code].id for v in rows if v.code in self.db}
        existing = _stored_visits(self.s, ids) if ids else {}
        for v in rows:
            if v.label != schedule.UNSCHEDULED:
                key = (v.code, v.label)
                if key in seen:
                    r.add(ERROR, v.row, "visit_label", v.label, "visit.duplicate_label",
                          f"{v.code} has a {v.label} visit already on row {seen[key]}; "
                          "record this one as unscheduled")
                    continue
                seen[key] = v.row
            db_patient = self.db.get(v.code)
            if db_patient is None:
                self.plan.new_visits.append(v)
                continue
            stored = existing.get(db_patient.id, [])
            if v.label != schedule.UNSCHEDULED:
                match = next((x for x in stored if x.label == v.label), None)
            else:
                nth = unscheduled_seen[(v.code, v.visit_date)]
                unscheduled_seen[(v.code, v.visit_date)] += 1
                same_day = sorted((x for x in stored if x.label == schedule.UNSCHEDULED
                                   and x.visit_date == v.visit_date), key=lambda x: x.id)
                match = same_day[nth] if nth < len(same_day) else None
            if match is None:
                self.plan.new_visits.append(v)
                continue
            old = {"label": match.label, "visit_date": match.visit_date,
                   "status": match.status, **flatten(match.content)}
            new = {"label": v.label, "visit_date": v.visit_date, "status": "complete",
                   **flatten(v.content)}
            diffs = list(changelog.diff(old, new))
            if not diffs:
                self.report.visits_unchanged += 1
                continue
            if match.is_signed:
                r.add(ERROR, v.row, "visit_label", v.label, "visit.signed",
                      f"{v.code}'s {v.label} visit of {match.visit_date} is signed and locked; "
                      "it cannot be changed by import")
                continue
            if not self.report.update:
                for k, a, b in diffs:
                    col = item_column_of(k) or k
                    if k == "status":
                        col = "visit_label"
                    r.add(ERROR, v.row, col, changelog.to_text(b) or "", "visit.differs",
                          f"{v.code}'s {v.label} visit exists with {k} = "
                          f"{changelog.to_text(a) or '(blank)'}; use --update to replace it")
                continue
            v.existing_id = match.id
            self.plan.visit_updates.append(v)
            self.report.visits_updated += 1

    def _issues(self, r: _Reader, n: int, raw: dict[str, str], issues: list[Issue],
                failed: AbstractSet[str] = frozenset()) -> bool:
        """Add domain findings; True when any is an error. With cells that did not parse
        (``failed``, reported already), findings about those cells and about incomplete forms
        are left out: they would only repeat the parse error."""
        bad = False
        for issue in issues:
            col = item_column_of(issue.field) or issue.field
            if failed and (col in failed or issue.rule in ("form.expected", "unanswered")):
                continue
            value = raw.get(col, _show(issue.value))
            r.add(ERROR if issue.is_error else WARNING, n, col, value, issue.rule,
                  issue.message)
            bad = bad or issue.is_error
        return bad

    def _tick(self, n: int) -> None:
        if self.progress is not None and n % 1000 == 0:
            self.progress.report(0, 0, f"Checking row {n:,}")


def _plain(col: Column) -> Column:
    """A computed column read like an entered one (for comparing a present value)."""
    return replace(col, computed=False, kind=Kind.TEXT if col.kind is Kind.CODE else col.kind)


_COMPUTED = [c for c in VISIT_COLUMNS if c.computed]
_PLAIN = {c.name: _plain(c) for c in _COMPUTED}
_ITEM_BY_COLUMN = {i.column(it): (i.id, it) for i in QUESTIONNAIRES.values()
                   for it in i.item_ids}
_ITEM_COLUMNS = [(i.id, [(it.id, i.column(it.id)) for it in i.items])
                 for i in QUESTIONNAIRES.values()]


# --- writing ---------------------------------------------------------------------------------


def _apply(s: Session, plan: _Plan, db_patients: dict[str, _DbPatient], report: ImportReport,
           folder: Path) -> None:
    now = clock.utcnow()
    conn = s.connection()
    insert_reason = f"import from {folder}"
    update_reason_p = f"import --update from {folder / PATIENTS_FILE}"
    update_reason_v = f"import --update from {folder / VISITS_FILE}"
    ids = {code: p.id for code, p in db_patients.items()}
    next_pid = (s.scalar(select(func.max(Patient.id))) or 0) + 1
    next_proc = (s.scalar(select(func.max(Procedure.id))) or 0) + 1
    log: list[Change] = []
    patient_rows, proc_rows = [], []
    for p in plan.new_patients:
        pid, next_pid = next_pid, next_pid + 1
        ids[p.facts.code] = pid
        values = patient_values(p.facts)
        patient_rows.append({"id": pid, **values, "is_demo": False, "created_at": now,
                             "updated_at": now, "version": 1})
        log.append(Change("insert", "patient", pid, None, None, values, patient_id=pid))
        if p.pta is not None:
            proc_rows.append({"id": next_proc, "patient_id": pid, "pta_date": p.pta,
                              "side": "bilateral", "notes": "", "created_at": now})
            log.append(Change("insert", "procedure", next_proc, None, None,
                              {"pta_date": p.pta, "side": "bilateral", "notes": ""},
                              patient_id=pid))
            next_proc += 1
    if patient_rows:
        conn.execute(insert(Patient), patient_rows)
    report.patients_added = len(patient_rows)

    next_vid = (s.scalar(select(func.max(Visit.id))) or 0) + 1
    visit_rows: list[dict[str, Any]] = []
    answer_rows: list[dict[str, Any]] = []
    skip_rows: list[dict[str, Any]] = []
    flow_rows: list[dict[str, Any]] = []
    for v in plan.new_visits:
        vid, next_vid = next_vid, next_vid + 1
        pid = ids[v.code]
        visit_rows.append({"id": vid, "patient_id": pid, "visit_date": v.visit_date,
                           "label": v.label, "status": "complete", "entered_by_id": None,
                           "entered_by": report_actor(s), "created_at": now,
                           "updated_at": now, "completed_at": now, "version": 1})
        c = v.content
        for instrument in QUESTIONNAIRES.values():
            given = c.answers(instrument.id)
            reasons = c.missing.get(instrument.id, {})
            for item_id in instrument.item_ids:
                if given[item_id] is not None or item_id in reasons:
                    reason = reasons.get(item_id) if given[item_id] is None else None
                    answer_rows.append({"visit_id": vid, "instrument": instrument.id,
                                        "item": item_id, "value": given[item_id],
                                        "missing_reason": reason.value if reason else None})
        for form, why in c.skipped.items():
            skip_rows.append({"visit_id": vid, "form": form, "reason": why})
        for m in c.flows:
            flow_rows.append({"visit_id": vid, "posture": m.posture.value,
                              "side": m.side.value, "flow_ml_min": m.flow_ml_min,
                              "velocity_cm_s": m.velocity_cm_s, "area_cm2": m.area_cm2,
                              "stenosis_pct": m.stenosis_pct})
        log.append(Change("insert", "visit", vid, None, None,
                          {"label": v.label, "visit_date": v.visit_date, "status": "complete",
                           **flatten(c)}, patient_id=pid, visit_id=vid))
    if proc_rows:
        conn.execute(insert(Procedure), proc_rows)
    if visit_rows:
        conn.execute(insert(Visit), visit_rows)
    _bulk_insert(conn, Answer, answer_rows)
    _bulk_insert(conn, SkippedForm, skip_rows)
    if flow_rows:
        conn.execute(insert(FlowRow), flow_rows)
    report.visits_added = len(visit_rows)
    changelog.append(s, log, reason=insert_reason)

    for pid, old, new in plan.patient_updates:
        row_p = s.get(Patient, pid)
        assert row_p is not None
        changes = [Change("update", "patient", pid, k, a, b, patient_id=pid)
                   for k, a, b in changelog.diff(patient_values(old), patient_values(new))]
        for ch in changes:
            setattr(row_p, ch.field or "", ch.new)
        if changes:
            row_p.updated_at = now
            s.flush()
            changelog.append(s, changes, reason=update_reason_p)
    for code, pta in plan.procedures_to_add:
        row = Procedure(patient_id=ids[code], pta_date=pta, side="bilateral", notes="",
                        created_at=now)
        s.add(row)
        s.flush()
        changelog.append(s, [Change("insert", "procedure", row.id, None, None,
                                    {"pta_date": pta, "side": "bilateral", "notes": ""},
                                    patient_id=ids[code])], reason=update_reason_p)
    for v in plan.visit_updates:
        row_v = s.get(Visit, v.existing_id)
        assert row_v is not None
        from proapp.services.visits import content_of

        before = {"label": row_v.label, "visit_date": row_v.visit_date,
                  "status": row_v.status, **flatten(content_of(row_v))}
        row_v.label, row_v.visit_date = v.label, v.visit_date
        if row_v.status != "complete":
            row_v.status, row_v.completed_at = "complete", now
        _sync_rows(s, row_v, v.content)
        row_v.updated_at = now
        s.flush()
        after = {"label": v.label, "visit_date": v.visit_date, "status": "complete",
                 **flatten(v.content)}
        changelog.append(s, [Change("update", "visit", row_v.id, k, a, b,
                                    patient_id=row_v.patient_id, visit_id=row_v.id)
                             for k, a, b in changelog.diff(before, after)], reason=update_reason_v)


def _bulk_insert(conn: Any, model: Any, rows: list[dict[str, Any]]) -> None:
    """Insert many rows of plain integers and text. With a positional-parameter driver
    (SQLite) the rows go straight to ``executemany`` as tuples, skipping the per-row
    parameter processing that dominates a million-row insert; otherwise through Core."""
    if not rows:
        return
    keys = list(rows[0])
    if conn.dialect.paramstyle != "qmark":
        conn.execute(insert(model), rows)
        return
    sql = str(insert(model).compile(dialect=conn.dialect, column_keys=keys))
    conn.exec_driver_sql(sql, [tuple(r[k] for k in keys) for r in rows])


def report_actor(s: Session) -> str:
    actor = s.info.get("actor")
    return actor.username if actor is not None else ""


# --- entry point -----------------------------------------------------------------------------


def import_folder(db: Database, actor: Actor, folder: Path | str, *, dry_run: bool = False,
                  update: bool = False, progress: Progress | None = None,
                  today: date | None = None) -> ImportReport:
    """Validate everything, then (unless ``dry_run`` or any error) write it in one
    transaction. Returns the report; ``report.applied`` says whether anything was written."""
    require(actor, Permission.IMPORT)
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"{folder} is not a folder")
    files = {name: folder / name for name in (PATIENTS_FILE, VISITS_FILE)
             if (folder / name).is_file()}
    if not files:
        raise UserError(f"{folder} holds neither {PATIENTS_FILE} nor {VISITS_FILE}")
    report = ImportReport(folder, dry_run, update)
    today = today or clock.today()

    def run(s: Session) -> None:
        imp = _Importer(s, folder, report, today, progress)
        if PATIENTS_FILE in files:
            imp.patients(files[PATIENTS_FILE])
        if VISITS_FILE in files:
            imp.visits(files[VISITS_FILE])
        report.patients_added = len(imp.plan.new_patients)
        report.visits_added = len(imp.plan.new_visits)
        if report.errors or dry_run:
            raise _Abort
        if progress is not None:
            progress.report(0, 0, "Writing")
        _apply(s, imp.plan, imp.db, report, folder)

    try:
        if dry_run:
            with db.read() as s:
                run(s)
        else:
            with db.write(actor, f"import from {folder}") as s:
                run(s)
                report.applied = True
    except _Abort:
        report.applied = False
    return report
