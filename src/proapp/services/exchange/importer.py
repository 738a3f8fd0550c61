"""Import of the interchange CSV (``patients.csv``, ``procedures.csv`` and/or ``visits.csv``),
all or nothing.

Every row is parsed with the domain's parsers and validated with the same domain rules the
GUI applies (``validate_patient``, ``validate_procedure``, ``validate_visit`` with
``completing=True``, the one-visit-per-label rule). Only when the whole folder is free of
errors is anything kept: the rows are written in ONE transaction while the files are read (in
bulk batches, so memory stays bounded however large the files), and the transaction is rolled
back when any error was found. The report lists every error with file, row (as a spreadsheet
numbers it: the header is row 1), column, value and rule.

- Computed columns (totals, grades, means, flow totals, age, analysis columns) are ignored and
  recomputed; a present score or total that differs from the recomputed one is a warning.
- Imported visits are complete. Soft warnings (visit outside its window, item above the
  headache days ...) are listed but do not block the import; those a file marks as already
  confirmed (``confirmed_warnings``, written by proapp's own export) are not listed again.
- A form the visit label expects but the file does not hold at all is recorded as skipped,
  "not collected", with a warning (a clinic's own spreadsheet rarely has skip reasons).
- Flows with more decimals than stored are rounded half up, with a warning naming the cell.
- Numbers compare by value (``95`` equals a stored ``95.0``): re-importing the same data
  changes nothing and writes no change-log row, whatever its number formatting. A patient,
  PTA or visit that exists with different values is an error, unless ``update`` is given:
  then the differences are applied and logged with the reason ``import --update from <file>``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any, overload

from sqlalchemy import select
from sqlalchemy.orm import Session

from proapp.db import changelog
from proapp.db.changelog import Change
from proapp.db.engine import Database
from proapp.db.models import Answer, FlowRow, Patient, Procedure, SkippedForm, Visit
from proapp.domain import flow as flowmod
from proapp.domain import schedule
from proapp.domain.actor import Actor, Permission
from proapp.domain.answers import MissingReason, ParseError
from proapp.domain.fields import FLOW_ATTRS, flow_field, item_field, missing_value, skip_field
from proapp.domain.i18n import msg
from proapp.domain.language import DEFAULT_LANGUAGE, Language
from proapp.domain.patient import (
    MsSubtype,
    PatientFacts,
    ProcedureFacts,
    PtaSide,
    Sex,
    age_on,
    validate_patient,
    validate_procedure,
)
from proapp.domain.registry import FLOW, FORMS, QUESTIONNAIRES
from proapp.domain.validation import Issue
from proapp.domain.visit import VisitContent, validate_visit
from proapp.services import clock
from proapp.services.accounts.access import authorize, require
from proapp.services.bulk import BulkTable, next_id, no_collection_pauses
from proapp.services.errors import UserError
from proapp.services.exchange import cells
from proapp.services.exchange.columns import (
    PATIENT_COLUMNS,
    PATIENTS,
    PROCEDURE_COLUMNS,
    PROCEDURES,
    VISIT_COLUMNS,
    VISITS,
    Column,
    Kind,
    item_column_of,
)
from proapp.services.progress import Progress
from proapp.services.visits import flatten
from proapp.services.visits.records import _content, _sync_rows

PATIENTS_FILE, PROCEDURES_FILE, VISITS_FILE = "patients.csv", "procedures.csv", "visits.csv"
FILES = (PATIENTS_FILE, PROCEDURES_FILE, VISITS_FILE)
ERROR, WARNING = "error", "warning"
MAX_VALUE_SHOWN = 80
MAX_FINDINGS = 5000  # listed per severity; the rest are counted
FIELD_LIMIT = 1_000_000
NOT_COLLECTED = "not collected (not in the imported file)"
_MEMO_KINDS = frozenset((Kind.DECIMAL, Kind.DATE, Kind.CODE, Kind.BOOLEAN))
_MEMO_SIZE = 50_000  # distinct texts remembered per column (then the memo starts again)
BATCH = 2000  # visits per bulk insert
FAST_PLAN = True  # visits of new patients through _FastVisits (tests compare it with False)
csv.field_size_limit(FIELD_LIMIT)  # a longer cell is reported as an error, never half read


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
    procedures_added: int = 0
    procedures_updated: int = 0
    procedures_unchanged: int = 0
    visits_added: int = 0
    visits_updated: int = 0
    visits_unchanged: int = 0
    error_count: int = 0
    warning_count: int = 0
    applied: bool = False

    def add(self, finding: Finding) -> None:
        if finding.severity == ERROR:
            self.error_count += 1
            listed = self.error_count
        else:
            self.warning_count += 1
            listed = self.warning_count
        if listed <= MAX_FINDINGS:
            self.findings.append(finding)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def _counts(self) -> str:
        parts = [msg("patients {new} new, {updated} updated, {unchanged} unchanged",
                     new=self.patients_added, updated=self.patients_updated,
                     unchanged=self.patients_unchanged)]
        if self.procedures_added or self.procedures_updated or self.procedures_unchanged:
            parts.append(msg("PTAs {new} new, {updated} updated, {unchanged} unchanged",
                             new=self.procedures_added, updated=self.procedures_updated,
                             unchanged=self.procedures_unchanged))
        parts.append(msg("visits {new} new, {updated} updated, {unchanged} unchanged",
                         new=self.visits_added, updated=self.visits_updated,
                         unchanged=self.visits_unchanged))
        if len(parts) == 3:
            return msg("{patients}; {procedures}; {visits}", patients=parts[0],
                       procedures=parts[1], visits=parts[2])
        return msg("{patients}; {visits}", patients=parts[0], visits=parts[1])

    def summary(self) -> str:
        """One paragraph (English, and in the screens' language through ``localize``)."""
        found = msg("{errors} error(s), {warnings} warning(s)", errors=self.error_count,
                    warnings=self.warning_count)
        if not self.ok:
            return msg("Nothing was written: {found}; fix the errors and import again. The rows "
                       "without errors would have given: {counts}.", found=found,
                       counts=self._counts())
        if self.dry_run:
            return msg("Check passed, nothing written yet; importing would give: {counts}; "
                       "{found}.", counts=self._counts(), found=found)
        if self.applied:
            return msg("Imported: {counts}; {found}.", counts=self._counts(), found=found)
        return msg("Nothing was written; {found}.", found=found)


class _Abort(Exception):
    """Raised inside the write transaction to roll everything back after finding errors."""


class _Unreadable(Exception):
    """The file cannot be read as CSV from this row on; ``rule`` and a plain message."""

    def __init__(self, row: int, rule: str, message: str):
        super().__init__(message)
        self.row, self.rule, self.message = row, rule, message


# --- reading ---------------------------------------------------------------------------------


def _show(value: object) -> str:
    text = "" if value is None else str(value)
    if len(text) > MAX_VALUE_SHOWN:
        text = text[:MAX_VALUE_SHOWN]
        cut = True
    else:
        cut = False
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return (text[:MAX_VALUE_SHOWN - 1] + "…") if cut or len(text) > MAX_VALUE_SHOWN else text


def _encoding_of(raw: bytes) -> str:
    """A plain name for the encoding a non-UTF-8 line most likely has."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 (Excel's \"Unicode text\")"
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return "ISO-8859-1 (Latin-1)"
    return "Windows-1252 (Western European, Excel's usual \"CSV\")"


class _Reader:
    """Rows of one file as lists of raw cell texts; structural problems become findings that
    name the row and the likely cause (delimiter, encoding, an unclosed quote)."""

    def __init__(self, path: Path, table: str, report: ImportReport):
        self.path, self.file, self.report = path, path.name, report
        self.columns = {c.name: c for c in {PATIENTS: PATIENT_COLUMNS, VISITS: VISIT_COLUMNS,
                                            PROCEDURES: PROCEDURE_COLUMNS}[table]}
        self.header: list[str] = []
        self.records = 0  # rows read after the header
        self._index: dict[str, int] | None = None  # column name -> cell index (last wins)
        self._index_of: list[str] | None = None
        self._computed_at: list[tuple[int, str]] = []
        self._computed_of: list[str] | None = None

    def add(self, severity: str, row: int | None, column: str, value: object, rule: str,
            message: str) -> None:  # a Msg where the screens can translate it
        self.report.add(Finding(severity, self.file, row, column, _show(value), rule, message))

    def _lines(self, fh: Any) -> Iterator[str]:
        for number, raw in enumerate(fh):
            if number == 0 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                bad = raw[exc.start:exc.start + 1]
                guess = _encoding_of(raw)
                shown = bad.decode("cp1252", errors="replace")
                raise _Unreadable(self.records + 2 if self.header else 1, "file.encoding",
                                  msg("the file is not UTF-8 text: this row has the byte "
                                      "0x{byte} ({char} in Windows-1252); it looks like "
                                      "{guess}. Save it as \"CSV UTF-8\" and import again",
                                      byte=bad.hex().upper(), char=repr(shown), guess=guess)
                                  ) from None

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        try:
            with open(self.path, "rb") as fh:
                reader = csv.reader(self._lines(fh), strict=True)
                try:
                    header = next(reader)
                except StopIteration:
                    self.add(ERROR, None, "", "", "file.empty", msg("the file is empty"))
                    return
                except csv.Error as exc:
                    raise self._csv_problem(exc, 1) from None
                if not self._check_header(header):
                    return
                width = len(header)
                while True:
                    try:
                        cells_ = next(reader)
                    except StopIteration:
                        return
                    except csv.Error as exc:
                        raise self._csv_problem(exc, self.records + 2) from None
                    self.records += 1
                    n = self.records + 1
                    if not cells_ or (len(cells_) == 1 and not cells_[0].strip()):
                        continue
                    if len(cells_) != width:
                        if all(c.strip() == "" for c in cells_):
                            continue
                        self.add(ERROR, n, "", "", "csv.columns",
                                 msg("the row has {cells} cells; the header has {width}",
                                     cells=len(cells_), width=width))
                        continue
                    yield n, cells_
        except _Unreadable as exc:
            self.add(ERROR, exc.row, "", "", exc.rule, exc.message)
        except OSError as exc:
            self.add(ERROR, None, "", "", "file.read",
                     msg("cannot read the file: {reason}", reason=str(exc)))
        finally:
            self.report.rows[self.file] = self.records

    def _csv_problem(self, exc: csv.Error, row: int) -> _Unreadable:
        text = str(exc)
        if "field larger than field limit" in text:
            return _Unreadable(row, "csv.cell_too_long",
                               msg("a cell from this row on runs for more than {limit} "
                                   "characters: a quote (\") opened here is probably never "
                                   "closed, or the cell is far longer than any column allows",
                                   limit=f"{FIELD_LIMIT:,}"))
        if "unexpected end of data" in text or "EOF" in text:
            return _Unreadable(row, "csv.unclosed_quote",
                               msg("a quote (\") opened on this row is never closed: the file "
                                   "ends inside a quoted cell"))
        if "expected after" in text:
            return _Unreadable(row, "csv.stray_quote",
                               msg("a quote (\") inside a cell that is not quoted properly (a "
                                   "quoted cell doubles its quotes: \"a \"\"b\"\" c\")"))
        return _Unreadable(row, "csv.format",
                           msg("not a readable CSV file here: {reason}", reason=text))

    def _check_header(self, header: list[str]) -> bool:
        header[:] = [h.strip() for h in header]
        self.header = header
        if len(header) == 1:
            for mark, name in ((";", msg("semicolons (;)")), ("\t", msg("tabs"))):
                if mark in header[0]:
                    self.add(ERROR, 1, "", "", "csv.delimiter", msg(
                        "the cells are separated by {marks}, not commas: save the file as "
                        "\"CSV UTF-8 (comma delimited)\" and import again", marks=name))
                    return False
        ok = True
        seen: set[str] = set()
        for h in header:
            if h in seen:
                self.add(ERROR, 1, h, h, "header.duplicate",
                         msg("column {column} appears twice", column=repr(h)))
                ok = False
            seen.add(h)
            if h not in self.columns:
                self.add(WARNING, 1, h, h, "header.unknown",
                         msg("column {column} is not part of the format; it is ignored",
                             column=repr(h)))
        for c in self.columns.values():
            if c.required and c.name not in seen:
                self.add(ERROR, 1, c.name, "", "header.missing",
                         msg("the required column {column} is missing", column=repr(c.name)))
                ok = False
        # A memo per column of the kinds whose cells repeat (decimals, dates, codes): the
        # parsed value (immutable) and whether parsing rounded it. Refused cells are never
        # remembered, so each one is parsed and reported again.
        self._plan: list[tuple[int, str, Column, dict[str, tuple[Any, bool]] | None]] = [
            (i, h, self.columns[h], {} if self.columns[h].kind in _MEMO_KINDS else None)
            for i, h in enumerate(header) if h in self.columns and not self.columns[h].computed]
        return ok

    def parse(self, n: int, row: list[str]) -> tuple[dict[str, Any], set[str]]:
        """Parsed values of the known columns present (computed ones left out; a blank cell
        is missing: absent, read as None by ``get``) and the columns whose cells did not
        parse (already reported)."""
        values: dict[str, Any] = {}
        failed: set[str] = set()
        for i, name, col, memo in self._plan:
            text = row[i]
            if text == "":  # most cells of a wide file: blank is missing, for every kind
                continue
            if memo is not None:
                hit = memo.get(text)
                if hit is not None:
                    value, rounded = hit
                    values[name] = value
                    if rounded:
                        self._rounded(n, col, text, value)
                    continue
            elif col.kind is Kind.INTEGER and text.isdigit() and text.isascii():
                values[name] = int(text)
                continue
            try:
                value = values[name] = cells.parse(col, text)
            except ParseError as exc:
                self.add(ERROR, n, name, text, exc.rule, exc.message)
                failed.add(name)
                continue
            rounded = col.rounds and value is not None and cells.rounded(col, text)
            if rounded:
                self._rounded(n, col, text, value)
            if memo is not None:
                if len(memo) > _MEMO_SIZE:
                    memo.clear()
                memo[text] = (value, rounded)
        return values, failed

    def _rounded(self, n: int, col: Column, text: str, value: object) -> None:
        self.add(WARNING, n, col.name, text, "precision.rounded",
                 msg("rounded half up to {value} ({places} decimal place(s) are stored)",
                     value=value, places=col.places))

    def computed_at(self) -> list[tuple[int, str]]:
        """(cell index, name) of the computed columns compared with proapp's values (scores,
        totals, age) that the header has (the last of a name, as ``raw`` reads it)."""
        if self._computed_of is not self.header:
            index = {h: i for i, h in enumerate(self.header)}
            self._computed_at = [(index[c.name], c.name) for c in _COMPUTED if c.name in index]
            self._computed_of = self.header
        return self._computed_at

    def raw(self, row: list[str]) -> _Cells:
        if self._index is None or self._index_of is not self.header:
            self._index = {h: i for i, h in enumerate(self.header)}
            self._index_of = self.header
        return _Cells(self._index, row)


class _Cells:
    """A row's cell texts by column name, read through the header's index (a dict per row
    of a 60-column file would cost more than the few lookups a row needs)."""

    __slots__ = ("_index", "_row")

    def __init__(self, index: dict[str, int], row: list[str]):
        self._index, self._row = index, row

    def __contains__(self, name: object) -> bool:
        return name in self._index

    def __getitem__(self, name: str) -> str:
        return self._row[self._index[name]]

    @overload
    def get(self, name: str) -> str | None: ...

    @overload
    def get(self, name: str, default: str) -> str: ...

    def get(self, name: str, default: str | None = None) -> str | None:
        i = self._index.get(name)
        return default if i is None else self._row[i]


# --- database state --------------------------------------------------------------------------


@dataclass
class _DbPatient:
    id: int
    facts: PatientFacts
    procedures: dict[date, tuple[int, str, str]]  # date -> (id, side, notes)

    @property
    def first_pta(self) -> date | None:
        return min(self.procedures, default=None)


def patient_values(f: PatientFacts) -> dict[str, Any]:
    """The logged form of a patient's facts (as ``services.patients`` logs them)."""
    d = {name: getattr(f, name) for name in _PATIENT_FIELDS}  # asdict, without its deep copy
    d["sex"], d["ms_subtype"] = f.sex.value, f.ms_subtype.value
    d["language"] = f.language.value
    return d


_PATIENT_FIELDS = tuple(f.name for f in fields(PatientFacts))  # all plain values


def _db_patients(s: Session) -> dict[str, _DbPatient]:
    procs: dict[int, dict[date, tuple[int, str, str]]] = defaultdict(dict)
    for pid, day, proc_id, side, notes in s.execute(select(
            Procedure.patient_id, Procedure.pta_date, Procedure.id, Procedure.side,
            Procedure.notes)):
        procs[pid][day] = (proc_id, side, notes or "")
    out = {}
    for r in s.execute(select(Patient.id, Patient.code, Patient.family_name,
                              Patient.given_name, Patient.birth_date, Patient.sex,
                              Patient.ms_subtype, Patient.diagnosis_year,
                              Patient.headache_positive, Patient.fatigue_positive,
                              Patient.notes, Patient.language)):
        facts = PatientFacts(r.code, r.family_name, r.given_name, r.birth_date, Sex(r.sex),
                             MsSubtype(r.ms_subtype), r.diagnosis_year,
                             bool(r.headache_positive), bool(r.fatigue_positive),
                             r.notes or "", Language(r.language))
        out[r.code] = _DbPatient(r.id, facts, procs.get(r.id, {}))
    return out


def _fingerprint(values: dict[str, Any]) -> bytes:
    """A digest of a visit's logged form: equal exactly when no field differs (by value:
    every number goes through the change log's canonical text)."""
    text = json.dumps({k: changelog.to_text(v) for k, v in values.items()}, sort_keys=True,
                      ensure_ascii=False)
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


@dataclass(frozen=True, slots=True)
class _Stored:
    id: int
    label: str
    visit_date: date
    signed: bool
    print_: bytes


def _stored_visits(s: Session, patient_ids: set[int]) -> dict[int, list[_Stored]]:
    """The stored visits of these patients, each as a small fingerprint of its content (the
    content itself is read again only for the few that differ)."""
    everyone = len(patient_ids) > 900

    def where(q: Any) -> Any:
        return q if everyone else q.where(Visit.patient_id.in_(sorted(patient_ids)))

    out: dict[int, list[_Stored]] = defaultdict(list)
    visits = [v for v in s.execute(where(select(
        Visit.id, Visit.patient_id, Visit.label, Visit.visit_date, Visit.status,
        Visit.signed_at))) if v.patient_id in patient_ids]
    for start in range(0, len(visits), 900):
        chunk = visits[start:start + 900]
        ids = [v.id for v in chunk]
        grouped: dict[int, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for model, cols in ((Answer, (Answer.instrument, Answer.item, Answer.value,
                                      Answer.missing_reason)),
                            (SkippedForm, (SkippedForm.form, SkippedForm.reason)),
                            (FlowRow, (FlowRow.posture, FlowRow.side, FlowRow.flow_ml_min,
                                       FlowRow.velocity_cm_s, FlowRow.area_cm2,
                                       FlowRow.stenosis_pct))):
            for row in s.execute(select(model.visit_id, *cols).where(model.visit_id.in_(ids))):
                grouped[row.visit_id][model.__name__].append(row)
        for v in chunk:
            g = grouped.get(v.id, {})
            content = _content(g.get("Answer", ()), g.get("SkippedForm", ()),
                               g.get("FlowRow", ()))
            values = {"label": v.label, "visit_date": v.visit_date, "status": v.status,
                      **flatten(content)}
            out[v.patient_id].append(_Stored(v.id, v.label, v.visit_date,
                                             v.signed_at is not None, _fingerprint(values)))
    return out


# --- writing in bulk -----------------------------------------------------------------------


class _Writer:
    """New patients, PTAs and visits with their change-log rows, in batches, in the import's
    transaction. After the first error nothing more is written (the transaction will be
    rolled back); ids are still assigned so that a dry run reports the same plan."""

    def __init__(self, s: Session | None, reason: str, actor_name: str):
        self.s, self.reason, self.actor_name = s, reason, actor_name
        self.now = clock.utcnow()
        self.log: list[Change] = []
        self.next_pid = self.next_proc = self.next_vid = 1
        self.enabled = s is not None
        if s is None:
            return
        conn = s.connection()
        self.next_pid = next_id(conn, Patient)
        self.next_proc = next_id(conn, Procedure)
        self.next_vid = next_id(conn, Visit)
        self.patients = BulkTable(conn, Patient, (
            "id", "code", "family_name", "given_name", "birth_date", "sex", "ms_subtype",
            "diagnosis_year", "headache_positive", "fatigue_positive", "notes", "is_demo",
            "created_at", "updated_at", "version", "language"))
        self.procedures = BulkTable(conn, Procedure, ("id", "patient_id", "pta_date", "side",
                                                   "notes", "created_at"))
        self.visits = BulkTable(conn, Visit, (
            "id", "patient_id", "visit_date", "label", "status", "entered_by_id", "entered_by",
            "created_at", "updated_at", "completed_at", "version", "text_language"))
        self.answers = BulkTable(conn, Answer, ("visit_id", "instrument", "item", "value",
                                             "missing_reason"))
        self.skipped = BulkTable(conn, SkippedForm, ("visit_id", "form", "reason"))
        self.flows = BulkTable(conn, FlowRow, ("visit_id", "posture", "side", "flow_ml_min",
                                            "velocity_cm_s", "area_cm2", "stenosis_pct"))
        self.tables = (self.patients, self.procedures, self.visits, self.answers,
                       self.skipped, self.flows)

    def stop(self) -> None:
        """An error was found: write nothing more."""
        if self.enabled:
            self.enabled = False
            for t in self.tables:
                t.rows.clear()
            self.log.clear()

    def patient(self, facts: PatientFacts) -> int:
        pid, self.next_pid = self.next_pid, self.next_pid + 1
        if self.enabled:
            values = patient_values(facts)
            self.patients.add((pid, facts.code, facts.family_name, facts.given_name,
                               facts.birth_date, values["sex"], values["ms_subtype"],
                               facts.diagnosis_year, facts.headache_positive,
                               facts.fatigue_positive, facts.notes, False, self.now, self.now,
                               1, values["language"]))
            self.log.append(Change("insert", "patient", pid, None, None, values,
                                   patient_id=pid))
        return pid

    def procedure(self, pid: int, proc: ProcedureFacts) -> None:
        proc_id, self.next_proc = self.next_proc, self.next_proc + 1
        if self.enabled:
            self.procedures.add((proc_id, pid, proc.pta_date, proc.side.value, proc.notes,
                                 self.now))
            self.log.append(Change("insert", "procedure", proc_id, None, None,
                                   {"pta_date": proc.pta_date, "side": proc.side.value,
                                    "notes": proc.notes}, patient_id=pid))

    def visit(self, pid: int, label: str, day: date, c: VisitContent,
              language: str | None = None) -> None:
        vid, self.next_vid = self.next_vid, self.next_vid + 1
        if not self.enabled:
            return
        self.visits.add((vid, pid, day, label, "complete", None, self.actor_name, self.now,
                         self.now, self.now, 1, language))
        snapshot = visit_rows(vid, label, day, c, language, self.answers.add,
                              self.skipped.add, self.flows.add)
        self.log.append(Change("insert", "visit", vid, None, None, snapshot,
                               patient_id=pid, visit_id=vid))
        if len(self.visits.rows) >= BATCH:
            self.flush()

    def visit_made(self, vid: int, pid: int, label: str, day: date, language: str | None,
                   answers: list[tuple[Any, ...]], skipped: list[tuple[Any, ...]],
                   flows: list[tuple[Any, ...]], snapshot: str) -> None:
        """A new visit whose rows and change-log snapshot are made already (by
        :class:`_FastVisits`, with ``vid``, the next visit id)."""
        assert vid == self.next_vid
        self.next_vid += 1
        if not self.enabled:
            return
        self.visits.add((vid, pid, day, label, "complete", None, self.actor_name, self.now,
                         self.now, self.now, 1, language))
        self.answers.rows += answers
        if skipped:
            self.skipped.rows += skipped
        if flows:
            self.flows.rows += flows
        self.log.append(Change("insert", "visit", vid, None, None, snapshot,
                               patient_id=pid, visit_id=vid))
        if len(self.visits.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.enabled or self.s is None:
            return
        for t in self.tables:
            t.flush()
        if self.log:
            changelog.append(self.s, self.log, reason=self.reason)
            self.log.clear()


def visit_rows(vid: int, label: str, day: date, c: VisitContent, language: str | None,
               add_answer: Callable[[tuple[Any, ...]], None],
               add_skipped: Callable[[tuple[Any, ...]], None],
               add_flow: Callable[[tuple[Any, ...]], None]) -> str:
    """A new visit's answer, skipped-form and flow rows (given to the ``add_*`` callables)
    and, in the same pass, its change-log snapshot as the log stores it: the text
    ``changelog.to_text({label, visit_date, status, [text_language], **flatten(c)})`` makes,
    built from the canonical texts directly (a bulk import logs 100,000 visits; building
    ``flatten``'s dictionary and converting it again was a tenth of the import). A test
    (hypothesis) holds it equal to that text for any content."""
    texts: dict[str, Any] = {"label": label, "visit_date": day.isoformat(),
                            "status": "complete"}
    if language:
        texts["text_language"] = language
    responses, missing = c.responses, c.missing
    for instrument_id, items in _LOGGED_ITEMS:
        given = responses.get(instrument_id) or _NONE
        reasons = missing.get(instrument_id)
        if not reasons:  # the common case: answers only
            for item_id, name in items:
                value = given.get(item_id)
                if value is not None:
                    add_answer((vid, instrument_id, item_id, value, None))
                    texts[name] = str(value) if type(value) is int else _log_text(value)
            continue
        for item_id, name in items:
            value = given.get(item_id)
            if value is not None:
                add_answer((vid, instrument_id, item_id, value, None))
                texts[name] = str(value) if type(value) is int else _log_text(value)
            elif item_id in reasons:
                reason = MissingReason(reasons[item_id])
                add_answer((vid, instrument_id, item_id, None, reason.value))
                texts[name] = missing_value(reason)
    for form, why in c.skipped.items():
        add_skipped((vid, form, why))
        texts[skip_field(form)] = _log_text(why)
    for m in c.flows:
        add_flow((vid, m.posture.value, m.side.value, m.flow_ml_min, m.velocity_cm_s,
                  m.area_cm2, m.stenosis_pct))
        for attr, name, places in _LOGGED_FLOWS[m.posture, m.side]:
            measured = getattr(m, attr)
            if measured is not None:
                if places is not None and isinstance(measured, Decimal):
                    # typed 480 logs 480.0; format(, "f") is to_text's for a Decimal
                    texts[name] = format(flowmod.quantize(measured, places), "f")
                else:
                    texts[name] = _log_text(measured)
    return changelog.snapshot_text(texts)


_log_text = changelog.to_text
_NONE: dict[str, Any] = {}
# (instrument id, ((item id, logged field), ...)) and, per vein, (attribute, logged field,
# stored places): the change log's vocabulary (domain.fields), made once
_LOGGED_ITEMS = tuple((i.id, tuple((it, item_field(i.id, it)) for it in i.item_ids))
                      for i in QUESTIONNAIRES.values())
_FLOW_PLACES = {"flow_ml_min": flowmod.FLOW_PLACES, "velocity_cm_s": flowmod.VELOCITY_PLACES,
                "area_cm2": flowmod.AREA_PLACES}
_LOGGED_FLOWS = {(p, sd): tuple((attr, flow_field(p.value, sd.value, attr),
                                 _FLOW_PLACES.get(attr)) for attr in FLOW_ATTRS)
                 for p in flowmod.POSTURES for sd in flowmod.SIDES}


# --- the import --------------------------------------------------------------------------------


@dataclass
class _VisitIn:
    row: int
    code: str
    label: str
    visit_date: date
    content: VisitContent
    existing_id: int | None = None
    language: str | None = None  # questionnaire_language: only for a new visit


@dataclass
class _Later:
    """Changes to existing rows (with --update), applied after the bulk inserts."""

    patient_updates: list[tuple[int, PatientFacts, PatientFacts]] = field(default_factory=list)
    procedure_updates: list[tuple[int, int, ProcedureFacts, tuple[str, str]]] = field(
        default_factory=list)
    visit_updates: list[_VisitIn] = field(default_factory=list)


class _Importer:
    def __init__(self, s: Session, folder: Path, report: ImportReport, today: date,
                 progress: Progress | None, writer: _Writer):
        self.s, self.folder, self.report, self.today = s, folder, report, today
        self.progress, self.w = progress, writer
        self.db = _db_patients(s)
        self.later = _Later()
        # code -> (patient id, birth date, PTA dates) of every patient visits may refer to
        self.known: dict[str, tuple[int, date | None, list[date]]] = {
            code: (p.id, p.facts.birth_date, sorted(p.procedures)) for code, p in self.db.items()}
        self.invalid_codes: set[str] = set()
        self.new_patients: dict[str, tuple[int, PatientFacts, date | None, str | None]] = {}
        # existing patients without any PTA yet, given a pta_date in patients.csv
        self.pending_pta: list[tuple[int, str, ProcedureFacts]] = []

    def _error_seen(self) -> None:
        if not self.report.ok:
            self.w.stop()

    def _tick(self, n: int) -> None:
        if self.progress is not None and n % 1000 == 0:
            self.progress.report(0, 0, f"Checking row {n:,}")

    # patients.csv --------------------------------------------------------------------------

    def patients(self, path: Path) -> None:
        r = _Reader(path, PATIENTS, self.report)
        seen: dict[str, int] = {}
        for n, row in r.rows():
            self._tick(n)
            values, failed = r.parse(n, row)
            raw = r.raw(row)
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
                if name in raw and values.get(name) is None and name not in failed:
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
                    bool(values.get("fatigue_positive", False)), values.get("notes") or "",
                    Language(values.get("language") or DEFAULT_LANGUAGE.value))
            except ValueError:  # sex / subtype blank (codes were checked by the parser)
                for name in ("sex", "ms_subtype"):
                    if values.get(name) is None:
                        r.add(ERROR, n, name, "", "required", f"{name} is required")
                self.invalid_codes.add(code)
                continue
            issues = validate_patient(facts, self.today)
            pta = values.get("pta_date")
            side = values.get("pta_side")
            if pta is not None:
                issues += validate_procedure(ProcedureFacts(pta), facts.birth_date, self.today)
            if self._issues(r, n, raw, issues, failed) or not ok:
                self.invalid_codes.add(code)
                continue
            existing = self.db.get(code)
            if existing is None:
                pid = self.w.patient(facts)
                self.new_patients[code] = (pid, facts, pta, side)
                self.known[code] = (pid, facts.birth_date, [pta] if pta else [])
                self.report.patients_added += 1
                continue
            self._compare_patient(r, n, raw, existing, facts, pta, side, "pta_date" in raw)
        self._error_seen()

    def _compare_patient(self, r: _Reader, n: int, raw: _Cells, existing: _DbPatient,
                         facts: PatientFacts, pta: date | None, side: str | None,
                         pta_given: bool) -> None:
        old, new = patient_values(existing.facts), patient_values(facts)
        given = {k for k in new if k == "code" or k in raw}
        diffs = [(k, a, b) for k, a, b in changelog.diff(old, new) if k in given]
        first = existing.first_pta
        if pta_given and pta != first:
            if first is None and pta is not None:
                self.pending_pta.append((existing.id, facts.code, ProcedureFacts(
                    pta, PtaSide(side or PtaSide.BILATERAL.value))))
                self.known[facts.code] = (existing.id, facts.birth_date, [pta])
            else:
                r.add(ERROR, n, "pta_date", raw.get("pta_date", ""), "pta.differs",
                      f"{facts.code}'s first PTA in the database is "
                      f"{first or 'not recorded'}; PTA dates are changed in the patient's "
                      "record, not by import")
                self.invalid_codes.add(facts.code)
                return
        if not diffs:
            self.report.patients_unchanged += 1
            return
        if not self.report.update:
            for k, a, _b in diffs:
                col = item_column_of(f"patient.{k}") or k
                r.add(ERROR, n, col, raw.get(col, ""), "patient.differs",
                      f"patient {facts.code} exists with {col} = "
                      f"{changelog.to_text(a) or '(blank)'}; use --update to replace it")
            self.invalid_codes.add(facts.code)
            return
        merged = PatientFacts(**{**asdict(existing.facts), **{
            k: getattr(facts, k) for k in given if k != "pta_date"}})
        self.later.patient_updates.append((existing.id, existing.facts, merged))
        self.report.patients_updated += 1

    # procedures.csv ------------------------------------------------------------------------

    def procedures(self, path: Path | None) -> None:
        """Every PTA with its side: the file's rows, else each new patient's pta_date."""
        from_file: dict[str, list[tuple[int, ProcedureFacts]]] = defaultdict(list)
        if path is not None:
            r = _Reader(path, PROCEDURES, self.report)
            seen: dict[tuple[str, date], int] = {}
            for n, row in r.rows():
                self._tick(n)
                values, failed = r.parse(n, row)
                code, day = values.get("patient_code"), values.get("procedure_date")
                if failed:
                    continue
                if code is None or day is None:
                    name = "patient_code" if code is None else "procedure_date"
                    r.add(ERROR, n, name, "", "required", f"{name} is required")
                    continue
                if code in self.invalid_codes:
                    continue
                if code not in self.known:
                    r.add(ERROR, n, "patient_code", code, "patient.unknown",
                          f"no patient with code {code} in the database or in patients.csv")
                    continue
                if (code, day) in seen:
                    r.add(ERROR, n, "procedure_date", row[r.header.index("procedure_date")],
                          "procedure.duplicate", f"{code} has a PTA on {day} already on row "
                          f"{seen[(code, day)]}")
                    continue
                seen[(code, day)] = n
                proc = ProcedureFacts(day, PtaSide(values.get("procedure_side") or "bilateral"),
                                      values.get("procedure_notes") or "")
                birth = self.known[code][1]
                if self._issues(r, n, r.raw(row), validate_procedure(proc, birth, self.today)):
                    continue
                from_file[code].append((n, proc))
            self._procedures_from_file(r, from_file)
        for code, (pid, _facts, pta, side) in self.new_patients.items():
            if code in from_file or pta is None or code in self.invalid_codes:
                continue
            self.w.procedure(pid, ProcedureFacts(pta, PtaSide(side or "bilateral")))
            self.report.procedures_added += 1
        for pid, code, proc in self.pending_pta:
            if code not in from_file and code not in self.invalid_codes:
                self.w.procedure(pid, proc)
                self.report.procedures_added += 1
        self._error_seen()

    def _procedures_from_file(self, r: _Reader, rows: dict[str, list[tuple[int, ProcedureFacts]]]
                              ) -> None:
        for code, procs in rows.items():
            procs.sort(key=lambda x: x[1].pta_date)
            first_row, first = procs[0]
            new = self.new_patients.get(code)
            if new is not None:
                pid, facts, pta, side = new
                if pta is not None and (pta != first.pta_date
                                        or (side and side != first.side.value)):
                    r.add(ERROR, first_row, "procedure_date", first.pta_date.isoformat(),
                          "pta.differs", f"{code}'s pta_date in patients.csv is {pta} "
                          f"({side or 'side not given'}), but the first PTA here is "
                          f"{first.pta_date} ({first.side.value})")
                    continue
                for _n, proc in procs:
                    self.w.procedure(pid, proc)
                    self.report.procedures_added += 1
                self.known[code] = (pid, facts.birth_date, [p.pta_date for _n, p in procs])
                continue
            existing = self.db[code]
            stored_first = existing.first_pta
            dates = set(existing.procedures)
            for n, proc in procs:
                stored = existing.procedures.get(proc.pta_date)
                if stored is None:
                    if stored_first is not None and proc.pta_date < stored_first:
                        r.add(ERROR, n, "procedure_date", proc.pta_date.isoformat(),
                              "pta.before_first", f"{code}'s first PTA in the database is "
                              f"{stored_first}; an earlier PTA is entered in the patient's "
                              "record, not by import")
                        continue
                    self.w.procedure(existing.id, proc)
                    self.report.procedures_added += 1
                    dates.add(proc.pta_date)
                    continue
                proc_id, side, notes = stored
                if (side, notes) == (proc.side.value, proc.notes):
                    self.report.procedures_unchanged += 1
                    continue
                if not self.report.update:
                    r.add(ERROR, n, "procedure_side", proc.side.value, "procedure.differs",
                          f"{code}'s PTA of {proc.pta_date} exists with side {side} and other "
                          "notes; use --update to replace them")
                    continue
                self.later.procedure_updates.append((proc_id, existing.id, proc, (side, notes)))
                self.report.procedures_updated += 1
            self.known[code] = (existing.id, existing.facts.birth_date, sorted(dates))

    # visits.csv ----------------------------------------------------------------------------

    def visits(self, path: Path) -> None:
        r = _Reader(path, VISITS, self.report)
        self.seen_labels: dict[tuple[str, str], int] = {}
        self.same_day: dict[tuple[str, date], int] = defaultdict(int)
        ids = {p.id for p in self.db.values()}
        self.stored = _stored_visits(self.s, ids) if ids else {}
        fast: _FastVisits | None = None
        for n, row in r.rows():
            self._tick(n)
            if FAST_PLAN:
                if fast is None or fast.header is not r.header:
                    fast = _FastVisits(self, r.header)
                if fast.ok and fast.visit(n, row):
                    continue
            v = self._visit(r, n, row)
            if v is not None:
                self._place(r, v)
            if self.w.enabled and not self.report.ok:
                self.w.stop()
        self._error_seen()

    def _visit(self, r: _Reader, n: int, row: list[str]) -> _VisitIn | None:
        values, failed = r.parse(n, row)
        raw = r.raw(row)
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
        _pid, birth, ptas = self.known[code]
        if not failed and schedule.is_label(label):
            content = self._not_collected(r, n, label, content)
        issues = validate_visit(label, day, content, today=self.today, birth_date=birth,
                                pta_date=ptas[0] if ptas else None, completing=True)
        if failed:  # a refused value leaves the visit looking empty: its own error says why
            issues = [i for i in issues if i.rule != "visit.empty"]
        if issues:  # warnings the file marks as confirmed already are not listed again
            confirmed = set((raw.get("confirmed_warnings") or "").split())
            if confirmed:
                issues = [i for i in issues if i.is_error or i.rule not in confirmed]
        if self._issues(r, n, raw, issues, failed) or not ok:
            return None
        self._check_computed(r, n, row, content, birth, day)
        return _VisitIn(n, code, label, day, content,
                        language=values.get("questionnaire_language"))

    def _not_collected(self, r: _Reader, n: int, label: str,
                       content: VisitContent) -> VisitContent:
        """Expected forms the file holds nothing for: recorded as skipped, "not collected"."""
        absent = [form for form in schedule.definition(label).forms
                  if form not in content.skipped and not content.has_data(form)]
        if not absent:
            return content
        for form in sorted(absent, key=FORMS.index):
            r.add(WARNING, n, f"{form}_skip_reason", "", "form.not_collected",
                  f"{schedule.definition(label).title} expects {form.upper()}, which this row "
                  f"does not have: it is recorded as skipped, \"{NOT_COLLECTED}\"")
        return replace(content, skipped={**content.skipped,
                                         **dict.fromkeys(absent, NOT_COLLECTED)})

    def _content(self, r: _Reader, n: int, raw: _Cells,
                 values: dict[str, Any]) -> VisitContent | None:
        responses: dict[str, dict[str, int | None]] = {}
        get = values.get
        for instrument_id, items in _ITEM_COLUMNS:
            responses[instrument_id] = {item: value for item, col in items
                                        if (value := get(col)) is not None}
        missing: dict[str, dict[str, MissingReason]] = defaultdict(dict)
        ok = True
        for pair in (values.get("missing_items") or "").split():
            col, _sep, reason = pair.partition(":")
            if col not in _ITEM_BY_COLUMN or reason not in _REASONS:
                r.add(ERROR, n, "missing_items", pair, "missing_items",
                      "expected column:reason pairs such as midas_q3:declined (reasons: "
                      + ", ".join(m.value for m in MissingReason) + ")")
                ok = False
                continue
            instrument_id, item_id = _ITEM_BY_COLUMN[col]
            missing[instrument_id][item_id] = MissingReason(reason)
        skipped = {form: why for form, col in _SKIP_COLUMNS if (why := get(col))}
        flows = []
        for posture, side, c_ml, c_vel, c_area, c_sten in _FLOW_COLUMNS:
            ml, vel = values.get(c_ml), values.get(c_vel)
            area, sten = values.get(c_area), values.get(c_sten)
            if ml is None and vel is None and area is None and sten is None:
                continue
            if vel is not None or area is not None:
                m = flowmod.FlowMeasurement(side, posture, None, vel, area, sten)
                if ml is not None and m.flow is not None and m.flow != ml:
                    r.add(WARNING, n, c_ml, raw.get(c_ml), "computed.differs",
                          f"the flow is computed from velocity x area x 60 = {m.flow} "
                          f"{flowmod.FLOW_UNIT}; the file's value is ignored")
            else:
                m = flowmod.FlowMeasurement(side, posture, ml, None, None, sten)
            flows.append(m)
        if not ok:
            return None
        return VisitContent(responses, dict(missing), skipped, tuple(flows))

    def _check_computed(self, r: _Reader, n: int, row: list[str], content: VisitContent,
                        birth: date | None, day: date) -> None:
        """A present score, total or age that differs from what proapp computes is a
        warning. The file's texts are compared with the texts the export writes first (the
        common case: the file is proapp's own); only a differing text is parsed and
        compared by value."""
        texts: dict[str, str] | None = None
        differing = []
        for i, name in r.computed_at():
            text = row[i]
            if text and (text := text.strip()):
                if texts is None:
                    texts = _expected_texts(content, birth, day)
                if text != texts[name]:
                    differing.append((name, text))
        if not differing or texts is None:
            return
        expected = _expected(content, birth, day)[0]
        for name, text in differing:
            try:
                value = cells.parse(_PLAIN[name], text)
            except ParseError:
                value = text
            if value != expected[name]:
                shown = texts[name] or "blank"
                r.add(WARNING, n, name, text, "computed.differs",
                      f"proapp computes {shown}; the file's value is ignored")

    def _place(self, r: _Reader, v: _VisitIn) -> None:
        """A duplicate label in the file, an existing visit (unchanged, differing, signed) or
        a new visit, written at once."""
        if v.label != schedule.UNSCHEDULED:
            key = (v.code, v.label)
            if key in self.seen_labels:
                r.add(ERROR, v.row, "visit_label", v.label, "visit.duplicate_label",
                      f"{v.code} has a {v.label} visit already on row {self.seen_labels[key]}; "
                      "record this one as unscheduled")
                return
            self.seen_labels[key] = v.row
        pid = self.known[v.code][0]
        db_patient = self.db.get(v.code)
        match = None
        if db_patient is not None:
            stored = self.stored.get(db_patient.id, [])
            if v.label != schedule.UNSCHEDULED:
                match = next((x for x in stored if x.label == v.label), None)
            else:
                nth = self.same_day[(v.code, v.visit_date)]
                self.same_day[(v.code, v.visit_date)] += 1
                same_day = sorted((x for x in stored if x.label == schedule.UNSCHEDULED
                                   and x.visit_date == v.visit_date), key=lambda x: x.id)
                match = same_day[nth] if nth < len(same_day) else None
        if match is None:
            self.w.visit(pid, v.label, v.visit_date, v.content, v.language)
            self.report.visits_added += 1
            return
        new = {"label": v.label, "visit_date": v.visit_date, "status": "complete",
               **flatten(v.content)}
        if _fingerprint(new) == match.print_:
            self.report.visits_unchanged += 1
            return
        if match.signed:
            r.add(ERROR, v.row, "visit_label", v.label, "visit.signed",
                  f"{v.code}'s {v.label} visit of {match.visit_date} is signed and locked; "
                  "it cannot be changed by import")
            return
        if not self.report.update:
            row_v = self.s.get(Visit, match.id)
            assert row_v is not None
            from proapp.services.visits import content_of

            old = {"label": row_v.label, "visit_date": row_v.visit_date,
                   "status": row_v.status, **flatten(content_of(row_v))}
            for k, a, b in changelog.diff(old, new):
                col = "visit_label" if k == "status" else item_column_of(k) or k
                r.add(ERROR, v.row, col, changelog.to_text(b) or "", "visit.differs",
                      f"{v.code}'s {v.label} visit exists with {k} = "
                      f"{changelog.to_text(a) or '(blank)'}; use --update to replace it")
            return
        v.existing_id = match.id
        self.later.visit_updates.append(v)
        self.report.visits_updated += 1

    def _issues(self, r: _Reader, n: int, raw: _Cells, issues: list[Issue],
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

    # changes to existing rows (--update), after the inserts ----------------------------------

    def apply_later(self) -> None:
        s, now, folder = self.s, clock.utcnow(), self.folder
        update_p = f"import --update from {folder / PATIENTS_FILE}"
        update_r = f"import --update from {folder / PROCEDURES_FILE}"
        update_v = f"import --update from {folder / VISITS_FILE}"
        for pid, old_facts, new_facts in self.later.patient_updates:
            row_p = s.get(Patient, pid)
            assert row_p is not None
            changes = [Change("update", "patient", pid, k, a, b, patient_id=pid)
                       for k, a, b in changelog.diff(patient_values(old_facts),
                                                     patient_values(new_facts))]
            for ch in changes:
                setattr(row_p, ch.field or "", ch.new)
            if changes:
                row_p.updated_at = now
                s.flush()
                changelog.append(s, changes, reason=update_p)
        for proc_id, pid, proc, (side, notes) in self.later.procedure_updates:
            row = s.get(Procedure, proc_id)
            assert row is not None
            changes = [Change("update", "procedure", proc_id, k, a, b, patient_id=pid)
                       for k, a, b in changelog.diff({"side": side, "notes": notes},
                                                     {"side": proc.side.value,
                                                      "notes": proc.notes})]
            row.side, row.notes = proc.side.value, proc.notes
            s.flush()
            changelog.append(s, changes, reason=update_r)
        from proapp.services.visits import content_of

        old: dict[str, Any]
        for v in self.later.visit_updates:
            row_v = s.get(Visit, v.existing_id)
            assert row_v is not None
            old = {"label": row_v.label, "visit_date": row_v.visit_date,
                   "status": row_v.status, **flatten(content_of(row_v))}
            row_v.label, row_v.visit_date = v.label, v.visit_date
            if row_v.status != "complete":
                row_v.status, row_v.completed_at = "complete", now
            _sync_rows(s, row_v, v.content)
            row_v.updated_at = now
            s.flush()
            new = {"label": v.label, "visit_date": v.visit_date, "status": "complete",
                   **flatten(v.content)}
            changelog.append(s, [Change("update", "visit", row_v.id, k, a, b,
                                        patient_id=row_v.patient_id, visit_id=row_v.id)
                                 for k, a, b in changelog.diff(old, new)], reason=update_v)


_Expected = tuple[dict[str, Any], dict[str, str]]
_SCORES: dict[tuple[str, Hashable], _Expected] = {}


def _scores(instrument: Any, item_ids: tuple[str, ...],
            given: Mapping[str, int | None]) -> _Expected:
    """One instrument's score columns for these answers, as values and as the export's texts
    (the domain's ``score``), remembered per score basis (the instrument's ``score_basis``:
    the total, for MIDAS and FSS; the tuple of answers seldom repeats)."""
    answers = tuple(map(given.get, item_ids))
    key = (instrument.id, instrument.score_basis(answers))
    known = _SCORES.get(key)
    if known is None:
        if len(_SCORES) > 100_000:
            _SCORES.clear()
        scores = instrument.score(dict(zip(item_ids, answers, strict=True)))
        by_column = {instrument.column(sf.id): scores[sf.id] for sf in instrument.score_fields}
        known = _SCORES[key] = (by_column, {
            name: cells.to_text(_COMPUTED_BY_NAME[name], value)
            for name, value in by_column.items()})
    return known


def _expected_texts(content: VisitContent, birth: date | None, day: date) -> dict[str, str]:
    """:func:`_expected`'s texts alone (what a file of proapp's own holds), without the
    values beside them."""
    texts: dict[str, str] = {}
    responses = content.responses
    for instrument, item_ids in _INSTRUMENTS:
        texts.update(_scores(instrument, item_ids, responses.get(instrument.id) or _NONE)[1])
    flows = {(m.posture, m.side): m.flow for m in content.flows}
    for left, right, name, text in _TOTAL_TEXTS:
        texts[name] = text(flowmod.posture_total(flows.get(left), flows.get(right)))
    texts["age_at_visit"] = _AGE_TEXT(None if birth is None else age_on(birth, day))
    return texts


def _expected(content: VisitContent, birth: date | None, day: date) -> _Expected:
    """The computed columns proapp derives from a visit's content, as values and as the texts
    the export writes for them (scores by the domain's definitions, remembered with their
    texts per tuple of answers; flow totals; age)."""
    values: dict[str, Any] = {}
    texts: dict[str, str] = {}
    for instrument, item_ids in _INSTRUMENTS:
        known = _scores(instrument, item_ids, content.responses.get(instrument.id) or _NONE)
        values.update(known[0])
        texts.update(known[1])
    for posture, totals in flowmod.totals(content.flows).items():
        name = _TOTAL_COLUMN[posture]
        values[name] = total = totals.total
        texts[name] = _TEXT[name](total)
    values["age_at_visit"] = age = None if birth is None else age_on(birth, day)
    texts["age_at_visit"] = _TEXT["age_at_visit"](age)
    return values, texts


def _plain(col: Column) -> Column:
    """A computed column read like an entered one (for comparing a present value)."""
    return replace(col, computed=False, kind=Kind.TEXT if col.kind is Kind.CODE else col.kind)


# The computed columns a file's value is compared with: scores, totals and age (analysis
# columns depend on every PTA and visit of the patient and are simply recomputed).
_COMPUTED = [c for c in VISIT_COLUMNS if c.computed
             and c.source.split(".")[0] in ("score", "flowtotal", "age")]
_PLAIN = {c.name: _plain(c) for c in _COMPUTED}
_COMPUTED_BY_NAME = {c.name: c for c in _COMPUTED}
_TEXT = {c.name: cells.formatter(c) for c in _COMPUTED}  # the export's own formatters
_TOTAL_COLUMN = {p: f"flow_{p.value}_total_ml_min" for p in flowmod.POSTURES}
# per posture: its two veins' keys, its total's column and that column's formatter
_TOTAL_TEXTS = tuple(((p, flowmod.Side.LEFT), (p, flowmod.Side.RIGHT), name, _TEXT[name])
                     for p, name in _TOTAL_COLUMN.items())
_AGE_TEXT = _TEXT["age_at_visit"]
_ITEM_BY_COLUMN = {i.column(it): (i.id, it) for i in QUESTIONNAIRES.values()
                   for it in i.item_ids}
_ITEM_COLUMNS = [(i.id, [(it.id, i.column(it.id)) for it in i.items])
                 for i in QUESTIONNAIRES.values()]
_REASONS = {m.value for m in MissingReason}
_SKIP_COLUMNS = tuple((form, f"{form}_skip_reason") for form in FORMS)
# (instrument, its item ids) and (instrument id, item ids), in form order, made once: every
# visit of an import walks them
_INSTRUMENTS = [(i, i.item_ids) for i in QUESTIONNAIRES.values()]
_INSTRUMENT_ITEMS = [(i.id, i.item_ids) for i in QUESTIONNAIRES.values()]
_FLOW_COLUMNS = [(p, sd, f"flow_{p.value}_{sd.value}_ml_min",
                  f"flow_{p.value}_{sd.value}_velocity_cm_s",
                  f"flow_{p.value}_{sd.value}_area_cm2",
                  f"flow_{p.value}_{sd.value}_stenosis_pct")
                 for p in flowmod.POSTURES for sd in flowmod.SIDES]
assert FLOW in FORMS


# --- the fast plan for visits.csv --------------------------------------------------------------


class _Fallback(Exception):
    """The fast plan cannot vouch for a row: the full path reads it again (and says why)."""


class _Cell(dict[str, Any]):
    """Cell text -> value of one column, for the texts the domain's parser reads cleanly: no
    error, no rounding, a value (not blank), within ``check`` when given. A hit is one
    dictionary lookup in C; any other text raises :class:`_Fallback` (never remembered)."""

    __slots__ = ("check", "col")
    LIMIT = 50_000

    def __init__(self, col: Column, check: Callable[[Any], bool] | None = None):
        super().__init__()
        self.col, self.check = col, check

    def __missing__(self, text: str) -> Any:
        col = self.col
        try:
            value = cells.parse(col, text)
        except ParseError:
            raise _Fallback from None
        if value is None or (col.rounds and cells.rounded(col, text)) \
                or (self.check is not None and not self.check(value)):
            raise _Fallback
        if len(self) > self.LIMIT:
            self.clear()
        self[text] = value
        return value


class _Logged(_Cell):
    """A :class:`_Cell` whose values come with their field of the change-log snapshot:
    (value, ``changelog.fragment(field, log(value))``), which ``changelog.snapshot_of``
    puts together without encoding the visit's texts again."""

    __slots__ = ("field", "log")

    def __init__(self, col: Column, field: str, log: Callable[[Any], str],
                 check: Callable[[Any], bool] | None = None):
        super().__init__(col, check)
        self.field, self.log = field, log

    def __missing__(self, text: str) -> Any:
        value = _Cell.__missing__(self, text)
        pair = self[text] = (value, changelog.fragment(self.field, self.log(value)))
        return pair


def _in_range(it: Any) -> Callable[[Any], bool]:
    low, high = it.minimum, it.maximum
    return lambda v: type(v) is int and low <= v <= high


_CellGetter = Callable[[list[str]], tuple[str, ...]]
# (instrument id, instrument, its item ids, its item cells present (index, item id, logged
# field, memo), its (item id, logged field) in form order, its score cells present, its
# score_basis)
_InstrumentPlan = tuple[str, Any, tuple[str, ...], tuple[tuple[int, str, str, "_Logged"], ...],
                        tuple[tuple[str, str], ...], tuple[tuple[int, str], ...],
                        Callable[[tuple[int | None, ...]], Hashable]]
# ((posture, side), their values, a getter of the vein's four cells, their memos and the
# flow's memo when it is entered alone, their logged fields)
_VeinPlan = tuple[tuple[flowmod.Posture, flowmod.Side], str, str, _CellGetter, "_Logged",
                  "_Logged", "_Logged", "_Logged", "_Logged", str, str, str, str]


class _FastVisits:
    """A plan for one visits.csv, made once from its header and the instrument definitions,
    that reads a new patient's visit row in one pass: each cell through its column's memo of
    clean texts (the domain's parser, the item's range), the instruments' own consistency
    rules and scores, the flow rules (``FlowMeasurement._clean``), the schedule's window;
    and from the same pass the rows to insert and the change-log snapshot.

    It vouches only for rows the full path reads without any finding at all. Any doubt (a
    text it has not seen parse cleanly, a warning to give, an error, an existing patient, a
    duplicate label) makes it raise :class:`_Fallback` before anything is kept, and the row
    goes through the full path, which gives the findings and messages it always gave. A test
    (hypothesis) holds the two equal: the same findings, rows and log texts, for any cells."""

    def __init__(self, imp: _Importer, header: list[str]):
        self.header = header
        index = {h: i for i, h in enumerate(header)}
        self.ok = len(index) == len(header) and all(
            name in index for name in ("patient_code", "visit_date", "visit_label"))
        if not self.ok:
            return
        self.imp, self.w, self.today = imp, imp.w, imp.today
        self.seen_labels = imp.seen_labels
        by_name = {c.name: c for c in VISIT_COLUMNS}
        code_col = by_name["patient_code"]
        # code -> (patient id, birth date, first PTA) of the new, valid patients of this import
        self.patients: dict[str, tuple[int, date | None, date | None]] = {}
        for code, (pid, birth, ptas) in imp.known.items():
            if code in imp.db or code in imp.invalid_codes:
                continue
            try:
                if cells.parse(code_col, code) != code:
                    continue
            except ParseError:
                continue
            self.patients[code] = (pid, birth, ptas[0] if ptas else None)
        self.i_code, self.i_date = index["patient_code"], index["visit_date"]
        self.i_label = index["visit_label"]
        self.dates = _Logged(by_name["visit_date"], "visit_date", date.isoformat)
        self.labels = _Logged(by_name["visit_label"], "label", str, schedule.is_label)
        self.definitions: dict[str, schedule.VisitDefinition] = {}
        self.i_missing = index.get("missing_items")
        self.missing_col = by_name["missing_items"]
        self.i_language = index.get("questionnaire_language")
        self.languages = _Logged(by_name["questionnaire_language"], "text_language", str)
        self.i_age = index.get("age_at_visit")
        # per instrument: its item cells present (index, item id, memo of (value, log text)),
        # its item ids and logged fields in form order, its score cells present
        self.instruments: list[_InstrumentPlan] = []
        for instrument in QUESTIONNAIRES.values():
            item_cells = tuple(
                (index[col], it.id, name, _Logged(by_name[col], name, str, _in_range(it)))
                for it in instrument.items if (col := instrument.column(it.id)) in index
                and (name := item_field(instrument.id, it.id)))
            logged = tuple((it, item_field(instrument.id, it)) for it in instrument.item_ids)
            score_cells = tuple((index[name], name) for sf in instrument.score_fields
                                if (name := instrument.column(sf.id)) in index)
            self.instruments.append((instrument.id, instrument, instrument.item_ids,
                                     item_cells, logged, score_cells, instrument.score_basis))
        self.skips = tuple((form, index[col], by_name[col]) for form, col in _SKIP_COLUMNS
                           if col in index)
        # per vein: a getter of its four cells (blank where the header lacks one), their
        # memos, its logged fields
        self.veins: list[_VeinPlan] = []
        places = {"flow_ml_min": flowmod.FLOW_PLACES,
                  "velocity_cm_s": flowmod.VELOCITY_PLACES, "area_cm2": flowmod.AREA_PLACES}
        for posture, side, *names in _FLOW_COLUMNS:
            n_ml, n_vel, n_area, n_sten = fields = tuple(
                flow_field(posture.value, side.value, attr) for attr in FLOW_ATTRS)
            c_ml, c_vel, c_area, c_sten = (
                _Logged(by_name[name], field, _fixed(places[attr]) if attr in places else str)
                for name, field, attr in zip(names, fields, FLOW_ATTRS, strict=True))
            alone = _Logged(by_name[names[0]], n_ml, _fixed(flowmod.FLOW_PLACES),
                            _alone(side, posture))
            self.veins.append(((posture, side), posture.value, side.value,
                               _getter([index.get(name) for name in names]),
                               c_ml, c_vel, c_area, c_sten, alone, n_ml, n_vel, n_area, n_sten))
        self.totals = tuple((left, right, index[name], text)
                            for left, right, name, text in _TOTAL_TEXTS if name in index)

    def visit(self, n: int, row: list[str]) -> bool:
        """Write the row's visit (True) or leave it to the full path (False)."""
        try:
            self._visit(n, row)
        except _Fallback:
            return False
        return True

    def _visit(self, n: int, row: list[str]) -> None:
        code = row[self.i_code]
        patient = self.patients.get(code)
        if patient is None:
            raise _Fallback
        pid, birth, pta = patient
        day, f_day = self.dates[row[self.i_date]]
        label, f_label = self.labels[row[self.i_label]]
        d = self.definitions.get(label)
        if d is None:
            d = self.definitions[label] = schedule.definition(label)
        key = (code, label)
        if label != schedule.UNSCHEDULED and key in self.seen_labels:
            raise _Fallback  # visit.duplicate_label
        if day > self.today or (birth is not None and day < birth):
            raise _Fallback  # date.future, date.before_birth
        if pta is not None and label != schedule.UNSCHEDULED:
            start, end = d.window(pta)
            if not start <= day <= end or (label == "baseline" and day > pta):
                raise _Fallback  # window, baseline.after_pta
        missing = _NONE
        if self.i_missing is not None and row[self.i_missing]:
            missing = self._missing(row[self.i_missing])
        vid = self.w.next_vid
        # the snapshot's fields: changelog.fragment(field, text), from the cells' memos
        texts: dict[str, str] = {"label": f_label, "visit_date": f_day, "status": _COMPLETE}
        answers: list[tuple[Any, ...]] = []
        has: dict[str, bool] = {}
        for instrument_id, instrument, item_ids, item_cells, logged, score_cells, basis \
                in self.instruments:
            reasons = missing.get(instrument_id)
            if reasons:
                given = self._explained(row, vid, instrument, item_cells, logged, reasons,
                                        answers, texts)
            else:
                given = {}
                for i, item_id, name, memo in item_cells:  # in form order
                    text = row[i]
                    if text:
                        value, texts[name] = memo[text]
                        given[item_id] = value
                        answers.append((vid, instrument_id, item_id, value, None))
                if given and (len(given) != len(item_ids) or instrument.consistency(given)):
                    raise _Fallback  # unanswered, the instrument's own rules
            has[instrument_id] = bool(given or reasons)
            if score_cells:
                known = _SCORES.get((instrument_id, basis(tuple(map(given.get, item_ids)))))
                expected = (known or _scores(instrument, item_ids, given))[1]
                for i, name in score_cells:
                    if row[i] != expected[name]:
                        _same_text(row[i], expected[name])
        flows: list[tuple[Any, ...]] = []
        by_vein: dict[tuple[flowmod.Posture, flowmod.Side], Decimal | None] = {}
        for (key_, p_value, s_value, get, c_ml, c_vel, c_area, c_sten, c_alone,
             n_ml, n_vel, n_area, n_sten) in self.veins:
            t_ml, t_vel, t_area, t_sten = get(row)
            if t_vel or t_area:  # computed from velocity and area
                vel, l_vel = c_vel[t_vel] if t_vel else _BLANK
                area, l_area = c_area[t_area] if t_area else _BLANK
                sten, l_sten = c_sten[t_sten] if t_sten else _BLANK
                m = flowmod.FlowMeasurement(key_[1], key_[0], None, vel, area, sten)
                if not m._clean():
                    raise _Fallback
                flow = m.flow
                if t_ml and c_ml[t_ml][0] != flow:
                    raise _Fallback  # computed.differs
                # velocity and area are both given (_clean), so their log texts too
                texts[n_vel], texts[n_area] = l_vel, l_area  # type: ignore[assignment]
                flows.append((vid, p_value, s_value, None, vel, area, sten))
            elif t_ml and not t_sten:  # the common case: a flow entered, nothing else
                flow, texts[n_ml] = c_alone[t_ml]  # as FlowMeasurement(side, posture, flow)
                flows.append((vid, p_value, s_value, flow, None, None, None))
                by_vein[key_] = flow
                continue
            elif t_ml or t_sten:
                flow, l_ml = c_ml[t_ml] if t_ml else _BLANK
                sten, l_sten = c_sten[t_sten] if t_sten else _BLANK
                if not flowmod.FlowMeasurement(key_[1], key_[0], flow, None, None,
                                               sten)._clean():
                    raise _Fallback
                if l_ml is not None:
                    texts[n_ml] = l_ml
                flows.append((vid, p_value, s_value, flow, None, None, sten))
            else:
                continue
            if l_sten is not None:
                texts[n_sten] = l_sten
            by_vein[key_] = flow
        has[FLOW] = bool(flows)
        for left, right, i, total_text in self.totals:
            total = total_text(flowmod.posture_total(by_vein.get(left), by_vein.get(right)))
            if row[i] != total:
                _same_text(row[i], total)
        if self.i_age is not None:
            age = _AGE_TEXT(None if birth is None else age_on(birth, day))
            if row[self.i_age] != age:
                _same_text(row[self.i_age], age)
        skipped: list[tuple[Any, ...]] = []
        for form, i, col in self.skips:
            if row[i]:
                try:
                    why = cells.parse(col, row[i])
                except ParseError:
                    raise _Fallback from None
                if why:
                    if has[form] or not why.strip():  # type: ignore[attr-defined]
                        raise _Fallback  # skip.with_data, skip.reason
                    skipped.append((vid, form, why))
                    name = skip_field(form)
                    texts[name] = changelog.fragment(name, why)  # type: ignore[arg-type]
                    has[form] = True
        for form in FORMS:
            if not has[form] and form in d.forms:
                raise _Fallback  # form.not_collected
        if not d.forms and not any(has.values()):
            raise _Fallback  # visit.empty
        language = None
        if self.i_language is not None and row[self.i_language]:
            language, texts["text_language"] = self.languages[row[self.i_language]]
        self.w.visit_made(vid, pid, label, day, language, answers, skipped, flows,
                          changelog.snapshot_of(texts))
        if label != schedule.UNSCHEDULED:
            self.seen_labels[key] = n
        self.imp.report.visits_added += 1

    @staticmethod
    def _explained(row: list[str], vid: int, instrument: Any, item_cells: Any, logged: Any,
                   reasons: Mapping[str, MissingReason], answers: list[tuple[Any, ...]],
                   texts: dict[str, str]) -> dict[str, int]:
        """An instrument's cells when the row gives reasons for some of its items: every
        item answered or explained, none both."""
        given: dict[str, int] = {}
        logs: dict[str, str] = {}
        for i, item_id, _name, memo in item_cells:
            if row[i]:
                given[item_id], logs[item_id] = memo[row[i]]
        if len(given) + len(reasons) != len(instrument.item_ids) \
                or any(item_id in given for item_id in reasons) \
                or instrument.consistency(given):
            raise _Fallback  # unanswered, answered_and_missing, the instrument's own rules
        for item_id, name in logged:
            value = given.get(item_id)
            if value is not None:
                answers.append((vid, instrument.id, item_id, value, None))
                texts[name] = logs[item_id]
            else:
                reason = reasons[item_id]
                answers.append((vid, instrument.id, item_id, None, reason.value))
                texts[name] = changelog.fragment(name, missing_value(reason))
        return given

    def _missing(self, raw: str) -> dict[str, dict[str, MissingReason]]:
        """The missing_items cell as the full path reads it, when every pair is valid."""
        try:
            text = cells.parse(self.missing_col, raw)
        except ParseError:
            raise _Fallback from None
        missing: dict[str, dict[str, MissingReason]] = {}
        for pair in (text or "").split():  # type: ignore[attr-defined]
            col, _sep, reason = pair.partition(":")
            if col not in _ITEM_BY_COLUMN or reason not in _REASONS:
                raise _Fallback  # missing_items
            instrument_id, item_id = _ITEM_BY_COLUMN[col]
            missing.setdefault(instrument_id, {})[item_id] = MissingReason(reason)
        return missing


_BLANK = (None, None)
_COMPLETE = changelog.fragment("status", "complete")


def _same_text(text: str, expected: str) -> None:
    """A computed column's cell says what proapp computes, or nothing (else: the full path
    compares it by value and may warn)."""
    if text != expected and (text := text.strip()) and text != expected:
        raise _Fallback


def _getter(at: list[int | None]) -> Callable[[list[str]], tuple[str, ...]]:
    """The cells at these indexes as a tuple, blank for None (a column the header lacks)."""
    if len(at) > 1 and all(i is not None for i in at):
        return itemgetter(*at)
    return lambda row: tuple("" if i is None else row[i] for i in at)


def _alone(side: flowmod.Side, posture: flowmod.Posture) -> Callable[[Any], bool]:
    """Whether a flow entered with nothing else beside it meets every flow rule (the
    domain's own check of that measurement)."""
    return lambda flow: flowmod.FlowMeasurement(side, posture, flow)._clean()


def _fixed(places: int) -> Callable[[Any], str]:
    """A flow value's change-log text (as ``visit_rows`` writes it: typed 480 logs 480.0)."""
    return lambda v: format(flowmod.quantize(v, places), "f")


def report_actor(s: Session) -> str:
    actor = s.info.get("actor")
    return actor.username if actor is not None else ""


# --- entry point -----------------------------------------------------------------------------


def import_folder(db: Database, actor: Actor, folder: Path | str, *, dry_run: bool = False,
                  update: bool = False, progress: Progress | None = None,
                  today: date | None = None) -> ImportReport:
    """Validate everything and (unless ``dry_run``) write it in one transaction, which is
    rolled back when any error was found. Returns the report; ``report.applied`` says
    whether anything was written."""
    require(actor, Permission.IMPORT)
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(msg("{folder} is not a folder", folder=folder))
    files = {name: folder / name for name in FILES if (folder / name).is_file()}
    real_folder = Path(os.path.realpath(folder))
    for name, path in files.items():
        if Path(os.path.realpath(path)).parent != real_folder:
            # Never read (nor echo a line of) a file elsewhere that a link points to.
            raise UserError(msg("{name} in {folder} is a link to a file outside that folder; copy "
                                "the file itself into the folder. Nothing was imported.",
                                name=name, folder=folder))
    if not files or set(files) == {PROCEDURES_FILE}:
        raise UserError(msg("{folder} holds neither {patients} nor {visits}",
                            folder=folder, patients=PATIENTS_FILE, visits=VISITS_FILE))
    report = ImportReport(folder, dry_run, update)
    today = today or clock.today()

    def run(s: Session, writing: bool) -> None:
        authorize(s, actor, Permission.IMPORT)  # the account as stored now
        writer = _Writer(s if writing else None, f"import from {folder}", actor.username)
        if not writing:
            writer.next_pid = next_id(s.connection(), Patient)
            writer.next_vid = next_id(s.connection(), Visit)
        imp = _Importer(s, folder, report, today, progress, writer)
        if PATIENTS_FILE in files:
            imp.patients(files[PATIENTS_FILE])
        writer.flush()  # patients before the PTAs and visits that refer to them
        imp.procedures(files.get(PROCEDURES_FILE))
        writer.flush()
        if VISITS_FILE in files:
            imp.visits(files[VISITS_FILE])
        if not report.ok or not writing:
            raise _Abort
        if progress is not None:
            progress.report(0, 0, "Writing")
        writer.flush()
        imp.apply_later()

    try:
        with no_collection_pauses():
            if dry_run:
                with db.read() as s:
                    run(s, writing=False)
            else:
                with db.write(actor, f"import from {folder}") as s:
                    run(s, writing=True)
                    report.applied = True
    except _Abort:
        report.applied = False
    return report
