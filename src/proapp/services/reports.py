"""Per-patient trend reports: load patients and visits, turn them into report data, write PDFs.

Every figure in a report comes from :mod:`proapp.domain.summary` (scores, grades, flows
computed once by the domain); this module only picks them, explains the gaps (missing
answers, skipped forms, warnings) and works out the change from baseline. Files are written
to a temporary name and renamed, so a crash or a cancel never leaves half a PDF behind.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from proapp import __version__, atomic
from proapp.db.engine import Database, make_engine, resolve_url, sqlite_path
from proapp.db.models import Patient
from proapp.domain.actor import Actor, Permission
from proapp.domain.fields import flow_field
from proapp.domain.flow import FLOW_UNIT, Posture
from proapp.domain.fss import THRESHOLD_MEAN
from proapp.domain.i18n import msg
from proapp.domain.instrument_texts import InstrumentTexts
from proapp.domain.language import Language
from proapp.domain.midas import GRADE_LIMITS, MIDAS
from proapp.domain.patient import age_on
from proapp.domain.summary import summarize_all
from proapp.domain.visit import VisitRecord
from proapp.reports import document, texts
from proapp.reports.model import (
    GradeBand,
    PatientHeader,
    ReportData,
)
from proapp.reports.rows import changes, columns, visit_row
from proapp.reports.texts import t
from proapp.services import instruments, patients, settings
from proapp.services.accounts import access
from proapp.services.errors import NotFoundError, UserError
from proapp.services.integrity import guard
from proapp.services.progress import Progress
from proapp.services.visits import load_records

CHUNK = 40  # patients loaded per query batch in a multi-patient run


@dataclass(frozen=True)
class PatientReportInput:
    """What one report needs from the database, loaded in bulk."""

    patient: patients.PatientRecord
    visits: list[VisitRecord]


# ------------------------------------------------------------------ report data
def report_data(item: PatientReportInput, *, clinic_name: str, deidentify: bool = False,
                now: datetime | None = None, language: Language | None = None,
                midas_texts: InstrumentTexts | None = None) -> ReportData:
    """What the report shows, in ``language`` (default: the patient's). De-identified means
    no name, no birth date and no free text at all: skip reasons become their coded form and
    the clinic name (text the clinic typed) is left out too, so nothing a person wrote can
    reach the PDF or its metadata. ``midas_texts`` are the MIDAS words in that language (the
    clinic's installed ones; default: bundled)."""
    lang = language or item.patient.facts.language
    with texts.using(lang):
        return _report_data(item, clinic_name, deidentify, now or datetime.now().astimezone(),
                            lang, midas_texts or MIDAS.texts(lang))


def _report_data(item: PatientReportInput, clinic_name: str, deidentify: bool, now: datetime,
                 lang: Language, midas_texts: InstrumentTexts) -> ReportData:
    rec = item.patient
    f = rec.facts
    pta = rec.first_pta
    summaries = summarize_all(item.visits, pta, f.birth_date)
    rows = tuple(visit_row(s, deidentify) for s in summaries)
    upright = any(r.values.get(flow_field(Posture.UPRIGHT.value, x)) is not None
                  for r in rows for x in ("left", "right"))
    shown = tuple(c for c in columns(midas_texts)
                  if upright or not c.key.startswith("flow.upright"))
    header = PatientHeader(
        code=f.code,
        name=None if deidentify else t("name", family=f.family_name, given=f.given_name),
        birth_date=None if deidentify else f.birth_date,
        age=age_on(f.birth_date, now.date()) if f.birth_date else None,
        sex=f.sex.value, ms_subtype=f.ms_subtype.value,
        headache_positive=f.headache_positive, fatigue_positive=f.fatigue_positive,
        pta_dates=tuple(sorted(p.pta_date for _i, p in rec.procedures)),
        is_demo=rec.is_demo)
    return ReportData(
        clinic_name="" if deidentify else clinic_name, generated_at=now,
        app_version=__version__, patient=header,
        rows=rows, columns=shown, changes=changes(rows, shown, pta),
        midas_grades=tuple(GradeBand(g, lo, hi, midas_texts.text(f"grade.{g}"))
                           for g, lo, hi in GRADE_LIMITS),
        fss_threshold=THRESHOLD_MEAN, deidentified=deidentify, flow_unit=FLOW_UNIT,
        language=lang)


class _MidasTexts:
    """The MIDAS words for each report language, read once per run (installed or bundled)."""

    def __init__(self, db: Database):
        self.db = db
        self.known: dict[Language, InstrumentTexts] = {}

    def __call__(self, item: PatientReportInput, language: Language | None) -> InstrumentTexts:
        lang = language or item.patient.facts.language
        if lang not in self.known:
            self.known[lang] = instruments.texts_for(self.db, MIDAS.id, lang)
        return self.known[lang]


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
                raise NotFoundError(msg("No patient with id {patient_id}", patient_id=pid))
            yield PatientReportInput(records[pid], visits.get(pid, []))


def resolve_patient(db: Database, patient_code_or_id: str | int) -> int:
    """An int is a patient id; text is a patient code."""
    if isinstance(patient_code_or_id, int):
        return patients.get_patient(db, patient_code_or_id).id
    return patients.find_by_code(db, patient_code_or_id).id


def all_patient_ids(db: Database) -> list[int]:
    with db.read() as s:
        return list(s.scalars(select(Patient.id).order_by(Patient.code)))


def _write_atomically(path: Path, write: Callable[[IO[bytes]], object]) -> Path:
    path = Path(path)
    if path.parent and not path.parent.is_dir():
        raise UserError(msg("Folder {folder} does not exist", folder=path.parent))
    with atomic.staged(path) as tmp, open(tmp, "wb") as fh:
        write(fh)
    return path


def render(data: ReportData, out_path: str | os.PathLike[str], page_size: str = "a4") -> Path:
    document.page_size(page_size)  # a bad size fails before anything is written
    return _write_atomically(Path(out_path), lambda fh: document.build_pdf(data, fh, page_size))


def write_report(db: Database, actor: Actor, patient_code_or_id: str | int,
                 out_path: str | os.PathLike[str], *, page_size: str = "a4",
                 deidentify: bool = False, language: Language | None = None) -> Path:
    """Write one patient's trend report to ``out_path`` (A4 or US letter), in ``language``
    (default: the patient's)."""
    access.check(db, actor, Permission.REPORT)
    guard.refuse_protected(db, [Path(out_path)], what="report")
    pid = resolve_patient(db, patient_code_or_id)
    item = next(load_inputs(db, [pid]))
    data = report_data(item, clinic_name=settings.get(db, "clinic_name"), deidentify=deidentify,
                       language=language, midas_texts=_MidasTexts(db)(item, language))
    return render(data, out_path, page_size)


@dataclass(frozen=True)
class BuiltReport:
    patient_id: int
    code: str
    page_size: str
    deidentify: bool
    pdf: bytes
    language: Language = Language.ENGLISH


def build_report(db: Database, actor: Actor, patient_code_or_id: str | int, *,
                 page_size: str = "a4", deidentify: bool = False,
                 language: Language | None = None) -> BuiltReport:
    """The report as bytes, for a preview that may then be saved or printed unchanged."""
    access.check(db, actor, Permission.REPORT)
    document.page_size(page_size)
    pid = resolve_patient(db, patient_code_or_id)
    item = next(load_inputs(db, [pid]))
    data = report_data(item, clinic_name=settings.get(db, "clinic_name"), deidentify=deidentify,
                       language=language, midas_texts=_MidasTexts(db)(item, language))
    return BuiltReport(pid, item.patient.facts.code, page_size, deidentify,
                       document.pdf_bytes(data, page_size), data.language)


def iter_reports(db: Database, actor: Actor, patient_ids: Sequence[int], *,
                 page_size: str = "a4", deidentify: bool = False,
                 progress: Progress | None = None,
                 language: Language | None = None) -> Iterator[BuiltReport]:
    """Reports as bytes, one patient after another (for printing a selection), each in
    ``language`` or else in its patient's."""
    access.check(db, actor, Permission.REPORT)
    document.page_size(page_size)
    clinic = settings.get(db, "clinic_name")
    midas = _MidasTexts(db)
    now = datetime.now().astimezone()
    total = len(patient_ids)
    for i, item in enumerate(load_inputs(db, list(patient_ids))):
        code = item.patient.facts.code
        if progress:
            progress.report(i, total, f"Report {i + 1} of {total}: {code}")
        data = report_data(item, clinic_name=clinic, deidentify=deidentify, now=now,
                           language=language, midas_texts=midas(item, language))
        yield BuiltReport(item.patient.id, code, page_size, deidentify,
                          document.pdf_bytes(data, page_size), data.language)


def save_pdf(pdf: bytes, out_path: str | os.PathLike[str], db: Database | None = None) -> Path:
    """Write already built PDF bytes (temporary file, then rename); never onto ``db``'s
    files or into the backup folder."""
    if db is not None:
        guard.refuse_protected(db, [Path(out_path)], what="report")
    return _write_atomically(Path(out_path), lambda fh: fh.write(pdf))


def report_file_name(code: str, deidentify: bool = False) -> str:
    return f"{code}{'-deidentified' if deidentify else ''}.pdf"


def write_reports(db: Database, actor: Actor, patient_ids: Sequence[int],
                  out_dir: str | os.PathLike[str], *, page_size: str = "a4",
                  deidentify: bool = False, progress: Progress | None = None,
                  language: Language | None = None) -> list[Path]:
    """One PDF per patient in ``out_dir`` (named by patient code), in this process.

    Cancelling stops before the next patient; reports already written are complete files.
    """
    access.check(db, actor, Permission.REPORT)
    document.page_size(page_size)
    out = Path(out_dir)
    guard.refuse_protected(db, [out], what="report")
    if not out.is_dir():
        raise UserError(msg("Folder {folder} does not exist", folder=out))
    clinic = settings.get(db, "clinic_name")
    now = datetime.now().astimezone()
    midas = _MidasTexts(db)
    written: list[Path] = []
    total = len(patient_ids)
    if progress:
        progress.report(0, total, "Loading patients")
    for i, item in enumerate(load_inputs(db, list(patient_ids))):
        data = report_data(item, clinic_name=clinic, deidentify=deidentify, now=now,
                           language=language, midas_texts=midas(item, language))
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
                clinic_name: str, now: datetime, language: Language | None) -> list[str]:
    assert _worker_db is not None, "worker initialiser did not run"
    paths = []
    midas = _MidasTexts(_worker_db)
    for item in load_inputs(_worker_db, ids):
        data = report_data(item, clinic_name=clinic_name, deidentify=deidentify, now=now,
                           language=language, midas_texts=midas(item, language))
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
                       progress: Progress | None = None,
                       language: Language | None = None) -> BatchResult:
    """Every patient's report (or ``patient_ids``') across ``jobs`` worker processes.

    Each worker opens the database read-only itself and writes whole files; the parent only
    hands out small batches of patient ids and counts what comes back.
    """
    access.check(db, actor, Permission.REPORT)
    document.page_size(page_size)
    out = Path(out_dir)
    guard.refuse_protected(db, [out], what="report")
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
                                deidentify=deidentify, progress=progress, language=language)
        return BatchResult(written, time.perf_counter() - start, 1)
    size = max(1, min(8, total // (jobs * 4) or 1))
    batches = [ids[i:i + size] for i in range(0, total, size)]
    url = resolve_url(db.url) if "://" not in db.url else db.url
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init,
                             initargs=(url,)) as pool:
        pending: set[Future[list[str]]] = {
            pool.submit(_worker_run, b, str(out), page_size, deidentify, clinic, now, language)
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

