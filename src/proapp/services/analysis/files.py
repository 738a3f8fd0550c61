"""Writing an analysis result: the CSV files and the PDF, into one folder, all or nothing.

The files are staged in a temporary folder and moved into place only when every one of them
was written (:func:`proapp.services.exchange.safe_write.staged_folder`), so a failed or
cancelled run never leaves a mix of old and new results; existing files are replaced only
with ``force``. CSV: UTF-8 with BOM, CRLF (as the exports, so spreadsheets open them right);
exact decimals for values; statistics as :mod:`proapp.reports.analysis.text` writes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from proapp.db.engine import Database
from proapp.domain.actor import Actor, Permission
from proapp.domain.cohort import GROUP_IDS, Plan
from proapp.domain.timepoints import MEASURES
from proapp.reports.analysis import document
from proapp.reports.analysis.model import AnalysisResult
from proapp.reports.analysis.text import decimal, fixed, p_text
from proapp.services.accounts.access import check, require
from proapp.services.analysis.cohort import run_analysis
from proapp.services.exchange import cells, safe_write
from proapp.services.exchange.csv_export import write_rows
from proapp.services.integrity.guard import refuse_protected
from proapp.services.progress import Progress

DESCRIPTIVES = "descriptives.csv"
FRIEDMAN = "friedman.csv"
POSTHOC = "posthoc.csv"
SPEARMAN = "spearman.csv"
DATA = "analysis_data.csv"
EXCLUSIONS = "exclusions.csv"
PDF = "analysis.pdf"
OUTPUT_FILES = (DESCRIPTIVES, FRIEDMAN, POSTHOC, SPEARMAN, DATA, EXCLUSIONS, PDF)

FRIEDMAN_HEADER = ("measure", "group", "comparison", "n", "statistic", "df", "p_value",
                   "kendall_w", "n_excluded", "excluded_why", "follow_up_years_mean", "note")
POSTHOC_HEADER = ("measure", "group", "pair", "time_point_a", "time_point_b", "n",
                  "n_nonzero", "statistic", "p_value", "p_holm", "method",
                  "median_difference", "note")
SPEARMAN_HEADER = ("group", "pair", "n", "rho", "p_value", "x", "y", "note")
DESCRIPTIVES_HEADER = ("measure", "group", "time_point", "cases", "n", "median", "q1", "q3",
                       "mean", "sd", "follow_up_years_mean", "unit")


def group_column(group_id: str) -> str:
    return "group_" + group_id.replace("-", "_")


DATA_HEADER = ("patient_code", "ms_subtype", "headache_positive", "fatigue_positive",
               "first_pta_date", "pta_count", *(group_column(g) for g in GROUP_IDS),
               "measure", "time_point", "visit_label", "visit_date", "value",
               "follow_up_years", "friedman_complete")
EXCLUSIONS_HEADER = ("patient_code", "measure", "time_point", "reason")


def _t(text: str) -> str:
    return cells.neutralise(text)


def _flag(value: bool | None) -> str:
    return "" if value is None else ("1" if value else "0")


def friedman_rows(result: AnalysisResult) -> Iterable[Sequence[str]]:
    for f in result.friedman:
        yield (f.measure.value, f.group_id, f.comparison, str(f.n), fixed(f.statistic),
               str(f.df), p_text(f.p_value), fixed(f.kendall_w), str(f.n_excluded),
               _t(f.excluded_why), decimal(f.follow_up_years_mean), _t(f.note))


def posthoc_rows(result: AnalysisResult) -> Iterable[Sequence[str]]:
    for r in result.posthoc:
        yield (r.measure.value, r.group_id, r.pair, r.a.value, r.b.value, str(r.n),
               str(r.n_nonzero), fixed(r.statistic, 1), p_text(r.p_value), p_text(r.p_holm),
               r.method, decimal(r.median_difference), _t(r.note))


def spearman_rows(result: AnalysisResult) -> Iterable[Sequence[str]]:
    for r in result.spearman:
        yield (r.group_id, r.pair.value, str(r.n), fixed(r.rho), p_text(r.p_value),
               "midas", "flow", _t(r.note))


def descriptive_rows(result: AnalysisResult) -> Iterable[Sequence[str]]:
    for d in result.descriptives:
        yield (d.measure.value, d.group_id, d.time_point.value, d.cases, str(d.n),
               decimal(d.median), decimal(d.q1), decimal(d.q3), decimal(d.mean),
               decimal(d.sd), decimal(d.follow_up_years_mean), d.measure.unit)


def data_rows(result: AnalysisResult,
              progress: Progress | None = None) -> Iterable[Sequence[str]]:
    order = {m: i for i, m in enumerate(MEASURES)}
    rows = sorted(result.data, key=lambda r: (r.patient.code, order[r.measure],
                                              r.visit_date, r.time_point))
    for n, r in enumerate(rows):
        if progress is not None and n % 5000 == 0:
            progress.check()
        p = r.patient
        yield (_t(p.code), p.ms_subtype, _flag(p.headache_positive), _flag(p.fatigue_positive),
               p.pta_dates[0].isoformat() if p.pta_dates else "", str(len(p.pta_dates)),
               *(_flag(g in p.groups) for g in GROUP_IDS), r.measure.value, r.time_point,
               r.visit_label, r.visit_date.isoformat(), decimal(r.value),
               decimal(r.follow_up_years), _flag(r.friedman_complete))


def exclusion_rows(result: AnalysisResult) -> Iterable[Sequence[str]]:
    for e in sorted(result.exclusions, key=lambda e: (e.patient_code, e.measure.value)):
        yield (_t(e.patient_code), e.measure.value, e.time_point, _t(e.reason))


def write_outputs(result: AnalysisResult, actor: Actor, out: Path | str, *,
                  force: bool = False, progress: Progress | None = None) -> list[Path]:
    """Write every file of :data:`OUTPUT_FILES` into ``out``; returns their paths."""
    require(actor, Permission.EXPORT)  # analysis_data.csv holds per-patient values
    out = Path(out)
    steps = len(OUTPUT_FILES)
    with safe_write.staged_folder(out, OUTPUT_FILES, force=force) as tmp:
        for i, (name, header, rows) in enumerate((
                (FRIEDMAN, FRIEDMAN_HEADER, friedman_rows(result)),
                (POSTHOC, POSTHOC_HEADER, posthoc_rows(result)),
                (SPEARMAN, SPEARMAN_HEADER, spearman_rows(result)),
                (DESCRIPTIVES, DESCRIPTIVES_HEADER, descriptive_rows(result)),
                (DATA, DATA_HEADER, data_rows(result, progress)),
                (EXCLUSIONS, EXCLUSIONS_HEADER, exclusion_rows(result)))):
            if progress is not None:
                progress.report(i, steps, f"Writing {name}…")
            write_rows(tmp / name, header, rows)
        if progress is not None:
            progress.report(steps - 1, steps, f"Writing {PDF}…")
        document.build_pdf(result, str(tmp / PDF))
        if progress is not None:
            progress.report(steps, steps, "Done")
    return [out / n for n in OUTPUT_FILES]


def analyse_to_folder(db: Database, actor: Actor, out: Path | str, plan: Plan | None = None,
                      *, force: bool = False, progress: Progress | None = None
                      ) -> tuple[AnalysisResult, list[Path]]:
    """Load, analyse and write in one call (what ``proapp analysis`` does)."""
    check(db, actor, Permission.EXPORT)  # the account as stored now
    refuse_protected(db, [Path(out)], what="analysis")
    clash = safe_write.existing(Path(out) / n for n in OUTPUT_FILES)
    if clash and not force:  # before the work, not after it
        raise safe_write.OutputExists(clash)
    result = run_analysis(db, actor, plan, progress)
    return result, write_outputs(result, actor, out, force=force, progress=progress)
