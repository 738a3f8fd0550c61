"""The plain data a trend report is drawn from.

The services layer fills these from :class:`~proapp.services.summaries.VisitSummary` (every
score, grade and flow computed once by the domain); this package only lays them out. Nothing
here computes a score: a ``None`` value is drawn as a gap in a chart and as a blank or a
marked dash in a table, never as 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from proapp.domain.language import DEFAULT_LANGUAGE, Language

Number = int | Decimal


@dataclass(frozen=True)
class Column:
    """A numeric column of the visit table and of the change table."""

    key: str
    header: str  # short, for the visit table
    title: str  # long, for the change table and chart legends
    unit: str = ""


@dataclass(frozen=True)
class Note:
    """A footnote of the visit table. ``topic`` says which part of the table it explains
    ("midas", "fss", "flow"), so a table split in two keeps each note with its columns."""

    topic: str
    text: str


@dataclass(frozen=True)
class VisitRow:
    """One visit as the report shows it.

    ``values`` holds every numeric column (``None``: no value); ``missing`` names the columns
    whose value is absent although the form was entered or expected (drawn as a dash with a
    note); ``notes`` explain the gaps (missing answers, skipped forms) and ``warnings`` are
    the soft warnings confirmed at entry (topic, message); the layout numbers both. Nothing
    here is free text in a de-identified report: the services replace it by its coded
    reason first.
    """

    visit_date: date
    label: str
    months_since_pta: float | None
    values: dict[str, Number | None]
    grade: str | None
    status: str
    missing: frozenset[str] = frozenset()
    notes: tuple[Note, ...] = ()
    warnings: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Change:
    """Baseline -> latest for one measure (computed by the services layer)."""

    column: Column
    baseline: Number | None
    baseline_visit: str  # "2013-02-01 baseline", or "" when there is none
    latest: Number | None
    latest_visit: str
    absolute: Number | None
    percent: Decimal | None  # None when the baseline is 0 or either value is missing


@dataclass(frozen=True)
class PatientHeader:
    code: str
    name: str | None  # None in the de-identified variant
    birth_date: date | None  # None in the de-identified variant
    age: int | None  # completed years on the report date (kept when de-identified)
    sex: str
    ms_subtype: str
    headache_positive: bool
    fatigue_positive: bool
    pta_dates: tuple[date, ...]
    is_demo: bool = False


@dataclass(frozen=True)
class GradeBand:
    grade: str
    low: int
    high: int | None
    meaning: str


@dataclass(frozen=True)
class ReportData:
    clinic_name: str
    generated_at: datetime
    app_version: str
    patient: PatientHeader
    rows: tuple[VisitRow, ...]
    columns: tuple[Column, ...]  # the visit table's numeric columns, in order
    changes: tuple[Change, ...]
    midas_grades: tuple[GradeBand, ...]
    fss_threshold: Decimal
    deidentified: bool = False
    flow_unit: str = "mL/min"
    extra_notes: tuple[str, ...] = field(default=())
    # The texts, dates and numbers of the PDF: the patient's language unless asked otherwise.
    # The rows, columns and notes above were made in it too (services.reports.report_data).
    language: Language = DEFAULT_LANGUAGE

    @property
    def first_pta(self) -> date | None:
        return min(self.patient.pta_dates, default=None)

    def has(self, key: str) -> bool:
        return any(r.values.get(key) is not None for r in self.rows)
