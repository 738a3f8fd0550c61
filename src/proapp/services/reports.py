"""Per-patient trend reports: load patients and visits, turn them into report data, write PDFs.

Every figure in a report comes from :mod:`proapp.services.summaries` (scores, grades, flows
computed once by the domain); this module only picks them, explains the gaps (missing
answers, skipped forms, warnings) and works out the change from baseline. Files are written
to a temporary name and renamed, so a crash or a cancel never leaves half a PDF behind.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from proapp import __version__
from proapp.db.engine import Actor, Database, make_engine, resolve_url, sqlite_path
from proapp.db.models import Patient
from proapp.domain import schedule
from proapp.domain.flow import FLOW_UNIT, Posture, Side
from proapp.domain.fss import FSS, THRESHOLD_MEAN
from proapp.domain.instruments import Instrument
from proapp.domain.midas import GRADES, MIDAS
from proapp.domain.patient import age_on
from proapp.domain.registry import FLOW
from proapp.reports import document
from proapp.reports.model import (
    Change,
    Column,
    GradeBand,
    Number,
    PatientHeader,
    ReportData,
    VisitRow,
)
from proapp.services import access, patients, settings
from proapp.services.access import Permission
from proapp.services.errors import NotFoundError, UserError
from proapp.services.progress import Progress
from proapp.services.summaries import VisitSummary, summarize_all
from proapp.services.visits import VisitRecord, load_records

CHUNK = 40  # patients loaded per query batch in a multi-patient run


def _score_title(instrument: Instrument, key: str) -> str:
    return next(f.label for f in instrument.score_fields if f.id == key)


def _flow_columns() -> tuple[Column, ...]:
    out = []
    for posture in Posture:
        p = posture.value[0].upper()
        for side, short in ((Side.LEFT, "L"), (Side.RIGHT, "R"), (None, "total")):
            name = "total" if side is None else side.value
            out.append(Column(f"flow.{posture.value}.{name}", f"{p} {short}",
                              f"IJV flow, {posture.value}, {name}", FLOW_UNIT))
    return tuple(out)


COLUMNS: tuple[Column, ...] = (
    Column("midas.total", "MIDAS", _score_title(MIDAS, "total"), "days"),
    Column("midas.a", MIDAS.item("a").label, f"MIDAS {MIDAS.item('a').label}: "
           f"{MIDAS.item('a').short.lower()}", MIDAS.item("a").unit),
    Column("midas.b", MIDAS.item("b").label, f"MIDAS {MIDAS.item('b').label}: "
           f"{MIDAS.item('b').short.lower()} (0–10)", ""),
    Column("fss.mean", "FSS", _score_title(FSS, "mean"), ""),
    *_flow_columns(),
)
_MIDAS_COLS = ("midas.total", "midas.a", "midas.b")
_FORM_COLUMNS = {MIDAS.id: _MIDAS_COLS, FSS.id: ("fss.mean",),
                 FLOW: tuple(c.key for c in COLUMNS if c.key.startswith("flow.supine"))}


@dataclass(frozen=True)
class PatientReportInput:
    """What one report needs from the database, loaded in bulk."""

    patient: patients.PatientRecord
    visits: list[VisitRecord]


# ------------------------------------------------------------------ rows
def _reason_text(s: VisitSummary, instrument_id: str, item_id: str) -> str:
    reason = s.visit.content.missing.get(instrument_id, {}).get(item_id)
    return reason.label if reason is not None else "no reason given"


def _questionnaire_gaps(s: VisitSummary, instrument: Instrument, values: dict[str, int | None]
                        ) -> tuple[set[str], list[str]]:
    """Columns shown as missing and the note texts for one questionnaire at one visit."""
    content = s.visit.content
    missing: set[str] = set()
    notes: list[str] = []
    if instrument.id in content.skipped:
        missing.update(_FORM_COLUMNS[instrument.id])
        notes.append(f"{instrument.name} not collected: {content.skipped[instrument.id]}")
        return missing, notes
    if not content.has_data(instrument.id):
        if schedule.is_label(s.label) and schedule.definition(s.label).expects(instrument.id):
            missing.update(_FORM_COLUMNS[instrument.id])
            notes.append(f"{instrument.name} expected at this visit but not entered"
                         + (" (visit still a draft)" if not s.visit.is_complete else ""))
        return missing, notes
    by_reason: dict[str, list[str]] = {}
    for it in instrument.items:
        if values[it.id] is None:
            by_reason.setdefault(_reason_text(s, instrument.id, it.id), []).append(it.label)
            if instrument is MIDAS:
                missing.add("midas.total" if it.scored else f"midas.{it.id}")
            else:
                missing.add("fss.mean")
    for reason, labels in by_reason.items():
        items = "item" + ("s " if len(labels) > 1 else " ") + ", ".join(labels)
        notes.append(f"{instrument.name} {items} not answered ({reason})")
    if instrument is MIDAS and "midas.total" in missing:
        notes.append("MIDAS total and grade not computed: needs all five of items 1–5")
    if instrument is FSS and missing:
        notes.append("FSS mean not computed: needs all nine items")
    return missing, notes


def _flow_gaps(s: VisitSummary) -> tuple[set[str], list[str]]:
    content = s.visit.content
    if FLOW in content.skipped:
        return set(_FORM_COLUMNS[FLOW]), [f"Flow not measured: {content.skipped[FLOW]}"]
    missing: set[str] = set()
    notes: list[str] = []
    if not content.has_data(FLOW):
        if schedule.is_label(s.label) and schedule.definition(s.label).expects(FLOW):
            notes.append("Flow expected at this visit but not entered"
                         + (" (visit still a draft)" if not s.visit.is_complete else ""))
            missing.update(_FORM_COLUMNS[FLOW])
        return missing, notes
    for posture in Posture:
        f = s.flow[posture]
        if f.left is None and f.right is None:
            continue
        for side, value in ((Side.LEFT, f.left), (Side.RIGHT, f.right)):
            if value is None:
                missing.update({f"flow.{posture.value}.{side.value}",
                                f"flow.{posture.value}.total"})
                notes.append(f"{posture.value.capitalize()} {side.value} IJV flow not "
                             "measured; total not computed")
    return missing, notes


def _status(v: VisitRecord) -> str:
    return "signed" if v.is_signed else ("complete" if v.is_complete else "draft")


def visit_row(s: VisitSummary) -> VisitRow:
    values: dict[str, Number | None] = {
        "midas.total": s.midas_total, "midas.a": s.midas.get("a"), "midas.b": s.midas.get("b"),
        "fss.mean": s.fss_mean,
    }
    for posture in Posture:
        for side in (Side.LEFT, Side.RIGHT, None):
            name = "total" if side is None else side.value
            values[f"flow.{posture.value}.{name}"] = s.flow_value(posture, side)
    missing: set[str] = set()
    notes: list[str] = []
    for instrument, answers in ((MIDAS, s.midas), (FSS, s.fss)):
        m, n = _questionnaire_gaps(s, instrument, answers)
        missing |= m
        notes += n
    m, n = _flow_gaps(s)
    missing |= m
    notes += n
    warnings = tuple(w.message for w in s.warnings if w.rule != "unanswered")
    return VisitRow(s.visit_date, s.label, s.months_since_pta, values, s.midas_grade,
                    _status(s.visit), frozenset(k for k in missing if values.get(k) is None),
                    tuple(notes), warnings)


# ------------------------------------------------------------------ change from baseline
def _percent(change: Number, base: Number) -> Decimal | None:
    if base == 0:
        return None
    return (Decimal(change) * 100 / Decimal(base)).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _where(row: VisitRow) -> str:
    return f"{row.visit_date.isoformat()} {row.label}"


def changes(rows: Sequence[VisitRow], columns: Iterable[Column],
            pta: date | None) -> tuple[Change, ...]:
    """Baseline: the baseline visit, else the last visit before the PTA (not the "pta" visit,
    which is after the procedure), else (no PTA yet) the first visit. Latest: the most recent
    later visit with a value."""
    out = []
    for col in columns:
        having = [(i, r) for i, r in enumerate(rows) if r.values.get(col.key) is not None]
        if not having:
            continue
        base = next(((i, r) for i, r in having if r.label == "baseline"), None)
        if base is None and pta is not None:  # the "pta" visit is after the procedure
            before = [(i, r) for i, r in having if r.visit_date <= pta and r.label != "pta"]
            base = before[-1] if before else None
        if base is None and pta is None:
            base = having[0]
        later = [(i, r) for i, r in having if base is None or i > base[0]]
        latest = later[-1] if later else None
        b = base[1].values[col.key] if base else None
        v = latest[1].values[col.key] if latest else None
        absolute = v - b if b is not None and v is not None else None
        out.append(Change(col, b, _where(base[1]) if base else "", v,
                          _where(latest[1]) if latest else "", absolute,
                          None if absolute is None or b is None else _percent(absolute, b)))
    return tuple(out)


# ------------------------------------------------------------------ report data
def report_data(item: PatientReportInput, *, clinic_name: str, deidentify: bool = False,
                now: datetime | None = None) -> ReportData:
    now = now or datetime.now().astimezone()
    rec = item.patient
    f = rec.facts
    pta = rec.first_pta
    summaries = summarize_all(item.visits, pta, f.birth_date)
    rows = tuple(visit_row(s) for s in summaries)
    upright = any(r.values.get(f"flow.upright.{x}") is not None
                  for r in rows for x in ("left", "right"))
    columns = tuple(c for c in COLUMNS if upright or not c.key.startswith("flow.upright"))
    header = PatientHeader(
        code=f.code,
        name=None if deidentify else f"{f.family_name}, {f.given_name}",
        birth_date=None if deidentify else f.birth_date,
        age=age_on(f.birth_date, now.date()) if f.birth_date else None,
        sex=f.sex.value, ms_subtype=f.ms_subtype.value,
        headache_positive=f.headache_positive, fatigue_positive=f.fatigue_positive,
        pta_dates=tuple(sorted(p.pta_date for _i, p in rec.procedures)),
        is_demo=rec.is_demo)
    return ReportData(
        clinic_name=clinic_name, generated_at=now, app_version=__version__, patient=header,
        rows=rows, columns=columns, changes=changes(rows, columns, pta),
        midas_grades=tuple(GradeBand(*g) for g in GRADES), fss_threshold=THRESHOLD_MEAN,
        deidentified=deidentify, flow_unit=FLOW_UNIT)


def load_inputs(db: Database, patient_ids: Sequence[int]) -> Iterator[PatientReportInput]:
    """Patients with their visits, CHUNK at a time (a handful of queries per chunk)."""
    for start in range(0, len(patient_ids), CHUNK):
        ids = list(patient_ids[start:start + CHUNK])
        with db.read() as s:
            rows = s.scalars(select(Patient).where(Patient.id.in_(ids))
                             .options(selectinload(Patient.procedures)))
            records = {p.id: patients.record_of(p) for p in rows}
            visits = load_records(s, ids)
        for pid in ids:
            if pid not in records:
                raise NotFoundError(f"No patient with id {pid}")
            yield PatientReportInput(records[pid], visits.get(pid, []))


def resolve_patient(db: Database, patient_code_or_id: str | int) -> int:
    """An int is a patient id; text is a patient code."""
    if isinstance(patient_code_or_id, int):
        return patients.get_patient(db, patient_code_or_id).id
    return patients.find_by_code(db, patient_code_or_id).id


def all_patient_ids(db: Database) -> list[int]:
    with db.read() as s:
        return list(s.scalars(select(Patient.id).order_by(Patient.code)))


def _write_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> Path:
    path = Path(path)
    if path.parent and not path.parent.is_dir():
        raise UserError(f"Folder {path.parent} does not exist")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def render(data: ReportData, out_path: str | os.PathLike[str], page_size: str = "a4") -> Path:
    document.page_size(page_size)  # a bad size fails before anything is written
    return _write_atomically(Path(out_path), lambda fh: document.build_pdf(data, fh, page_size))


def write_report(db: Database, actor: Actor, patient_code_or_id: str | int,
                 out_path: str | os.PathLike[str], *, page_size: str = "a4",
                 deidentify: bool = False) -> Path:
    """Write one patient's trend report to ``out_path`` (A4 or US letter)."""
    access.require(actor, Permission.REPORT)
    pid = resolve_patient(db, patient_code_or_id)
    item = next(load_inputs(db, [pid]))
    data = report_data(item, clinic_name=settings.get(db, "clinic_name"), deidentify=deidentify)
    return render(data, out_path, page_size)


@dataclass(frozen=True)
class BuiltReport:
    patient_id: int
    code: str
    page_size: str
    deidentify: bool
    pdf: bytes


def build_report(db: Database, actor: Actor, patient_code_or_id: str | int, *,
                 page_size: str = "a4", deidentify: bool = False) -> BuiltReport:
    """The report as bytes, for a preview that may then be saved or printed unchanged."""
    access.require(actor, Permission.REPORT)
    document.page_size(page_size)
    pid = resolve_patient(db, patient_code_or_id)
    item = next(load_inputs(db, [pid]))
    data = report_data(item, clinic_name=settings.get(db, "clinic_name"), deidentify=deidentify)
    return BuiltReport(pid, item.patient.facts.code, page_size, deidentify,
                       document.pdf_bytes(data, page_size))


def iter_reports(db: Database, actor: Actor, patient_ids: Sequence[int], *,
                 page_size: str = "a4", deidentify: bool = False,
                 progress: Progress | None = None) -> Iterator[BuiltReport]:
    """Reports as bytes, one patient after another (for printing a selection)."""
    access.require(actor, Permission.REPORT)
    document.page_size(page_size)
    clinic = settings.get(db, "clinic_name")
    now = datetime.now().astimezone()
    total = len(patient_ids)
    for i, item in enumerate(load_inputs(db, list(patient_ids))):
        code = item.patient.facts.code
        if progress:
            progress.report(i, total, f"Report {i + 1} of {total}: {code}")
        data = report_data(item, clinic_name=clinic, deidentify=deidentify, now=now)
        yield BuiltReport(item.patient.id, code, page_size, deidentify,
                          document.pdf_bytes(data, page_size))


def save_pdf(pdf: bytes, out_path: str | os.PathLike[str]) -> Path:
    """Write already built PDF bytes (temporary file, then rename)."""
    return _write_atomically(Path(out_path), lambda fh: fh.write(pdf))


def report_file_name(code: str, deidentify: bool = False) -> str:
    return f"{code}{'-deidentified' if deidentify else ''}.pdf"


def write_reports(db: Database, actor: Actor, patient_ids: Sequence[int],
                  out_dir: str | os.PathLike[str], *, page_size: str = "a4",
                  deidentify: bool = False, progress: Progress | None = None) -> list[Path]:
    """One PDF per patient in ``out_dir`` (named by patient code), in this process.

    Cancelling stops before the next patient; reports already written are complete files.
    """
    access.require(actor, Permission.REPORT)
    document.page_size(page_size)
    out = Path(out_dir)
    if not out.is_dir():
        raise UserError(f"Folder {out} does not exist")
    clinic = settings.get(db, "clinic_name")
    now = datetime.now().astimezone()
    written: list[Path] = []
    total = len(patient_ids)
    if progress:
        progress.report(0, total, "Loading patients")
    for i, item in enumerate(load_inputs(db, list(patient_ids))):
        data = report_data(item, clinic_name=clinic, deidentify=deidentify, now=now)
        code = item.patient.facts.code
        if progress:
            progress.report(i, total, f"Report {i + 1} of {total}: {code}")
        written.append(render(data, out / report_file_name(code, deidentify), page_size))
    if progress:
        progress.report(total, total, f"{total} reports written")
    return written


# ------------------------------------------------------------------ many, in parallel
def open_read_only(url: str) -> Database:
    """A second connection that cannot write: SQLite opened with ``mode=ro``."""
    path = sqlite_path(url)
    if path is None:
        return Database(make_engine(url), url)
    ro_url = f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true"
    return Database(make_engine(ro_url), ro_url)


_worker_db: Database | None = None


def _worker_init(url: str) -> None:
    global _worker_db
    # Everything inherited from the parent (modules, fonts, its data) stays alive all along:
    # freezing it keeps the collector from rescanning (and copying) it for every report.
    gc.freeze()
    _worker_db = open_read_only(url)


def _worker_run(ids: list[int], out_dir: str, page_size: str, deidentify: bool,
                clinic_name: str, now: datetime) -> list[str]:
    assert _worker_db is not None, "worker initialiser did not run"
    paths = []
    for item in load_inputs(_worker_db, ids):
        data = report_data(item, clinic_name=clinic_name, deidentify=deidentify, now=now)
        name = report_file_name(item.patient.facts.code, deidentify)
        paths.append(str(render(data, Path(out_dir) / name, page_size)))
    return paths


@dataclass(frozen=True)
class BatchResult:
    written: list[Path]
    seconds: float
    jobs: int


def write_all_parallel(db: Database, actor: Actor, out_dir: str | os.PathLike[str], *,
                       jobs: int | None = None, page_size: str = "a4",
                       deidentify: bool = False, patient_ids: Sequence[int] | None = None,
                       progress: Progress | None = None) -> BatchResult:
    """Every patient's report (or ``patient_ids``') across ``jobs`` worker processes.

    Each worker opens the database read-only itself and writes whole files; the parent only
    hands out small batches of patient ids and counts what comes back.
    """
    access.require(actor, Permission.REPORT)
    document.page_size(page_size)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ids = list(patient_ids) if patient_ids is not None else all_patient_ids(db)
    jobs = max(1, jobs or os.cpu_count() or 1)
    clinic = settings.get(db, "clinic_name")
    now = datetime.now().astimezone()
    start = time.perf_counter()
    total = len(ids)
    written: list[Path] = []
    if progress:
        progress.report(0, total, "Starting")
    if not ids:
        return BatchResult([], 0.0, jobs)
    if jobs == 1:
        written = write_reports(db, actor, ids, out, page_size=page_size,
                                deidentify=deidentify, progress=progress)
        return BatchResult(written, time.perf_counter() - start, 1)
    size = max(1, min(8, total // (jobs * 4) or 1))
    batches = [ids[i:i + size] for i in range(0, total, size)]
    url = resolve_url(db.url) if "://" not in db.url else db.url
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init,
                             initargs=(url,)) as pool:
        pending: set[Future[list[str]]] = {
            pool.submit(_worker_run, b, str(out), page_size, deidentify, clinic, now)
            for b in batches}
        try:
            while pending:
                done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for fut in done:
                    written += [Path(p) for p in fut.result()]
                if progress:
                    progress.report(len(written), total, f"{len(written)} of {total}")
        except BaseException:
            for fut in pending:
                fut.cancel()
            raise
    return BatchResult(sorted(written), time.perf_counter() - start, jobs)

