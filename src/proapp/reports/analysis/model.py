"""The plain data of a cohort analysis result, filled by :mod:`proapp.services.analysis`.

Values keep their exact type (int or Decimal); statistics are floats from scipy. The same
object feeds the GUI tables and charts, the CSV files and the PDF, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from proapp.domain.cohort import GROUP_BY_ID, Plan, SpearmanPair
from proapp.domain.timepoints import COMPARED, Measure, TimePoint, Value


@dataclass(frozen=True)
class PatientRow:
    patient_id: int
    code: str
    ms_subtype: str
    headache_positive: bool
    fatigue_positive: bool
    pta_dates: tuple[date, ...]
    groups: frozenset[str]  # ids of every group the patient belongs to


@dataclass(frozen=True)
class DataRow:
    """One value that went into the analysis (a line of analysis_data.csv)."""

    patient: PatientRow
    measure: Measure
    time_point: str  # a TimePoint value, or MATCHED_FINAL for the correlation
    visit_label: str
    visit_date: date
    value: Value
    follow_up_years: Decimal | None = None  # final follow-up rows only
    friedman_complete: bool | None = None  # in the Friedman test's complete cases


@dataclass(frozen=True)
class Exclusion:
    patient_code: str
    measure: Measure
    time_point: str
    reason: str


@dataclass(frozen=True)
class DescriptiveRow:
    measure: Measure
    group_id: str
    time_point: TimePoint
    cases: str  # "complete" (the Friedman test's patients) or "available" (every value)
    n: int
    median: Decimal | None
    q1: Decimal | None
    q3: Decimal | None
    mean: Decimal | None
    sd: Decimal | None
    follow_up_years_mean: Decimal | None = None  # final follow-up only


@dataclass(frozen=True)
class FriedmanRow:
    measure: Measure
    group_id: str
    n: int
    n_excluded: int
    excluded_why: str
    statistic: float | None
    df: int
    p_value: float | None
    kendall_w: float | None
    follow_up_years_mean: Decimal | None
    note: str = ""

    @property
    def comparison(self) -> str:
        return " vs ".join(t.title for t in COMPARED[self.measure])


@dataclass(frozen=True)
class PosthocRow:
    measure: Measure
    group_id: str
    a: TimePoint
    b: TimePoint
    n: int
    n_nonzero: int
    statistic: float | None
    p_value: float | None
    p_holm: float | None
    method: str
    median_difference: Decimal | None  # median of (b - a)
    note: str = ""

    @property
    def pair(self) -> str:
        return f"{self.a.title} vs {self.b.title}"


@dataclass(frozen=True)
class SpearmanRow:
    group_id: str
    pair: SpearmanPair
    n: int
    rho: float | None
    p_value: float | None
    note: str = ""


@dataclass(frozen=True)
class Meta:
    generated_at: datetime
    plan: Plan
    rules: tuple[str, ...]
    database: str
    snapshot_sha256: str
    versions: tuple[tuple[str, str], ...]
    patients: int
    is_demo: bool
    clinic_name: str = ""


@dataclass(frozen=True)
class AnalysisResult:
    meta: Meta
    patients: tuple[PatientRow, ...]
    data: tuple[DataRow, ...]
    exclusions: tuple[Exclusion, ...]
    descriptives: tuple[DescriptiveRow, ...]
    friedman: tuple[FriedmanRow, ...]
    posthoc: tuple[PosthocRow, ...]
    spearman: tuple[SpearmanRow, ...]
    _index: dict[tuple[Measure, str], list[DataRow]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def rows_of(self, measure: Measure, group_id: str) -> list[DataRow]:
        """Time-point rows (not the correlation's matched visits) of a measure in a group."""
        key = (measure, group_id)
        if key not in self._index:
            self._index[key] = [r for r in self.data if r.measure is measure
                                and group_id in r.patient.groups
                                and r.friedman_complete is not None]
        return self._index[key]

    def values(self, measure: Measure, group_id: str, time_point: TimePoint) -> list[Value]:
        """Every available value at a time point (what the box plot shows)."""
        return [r.value for r in self.rows_of(measure, group_id)
                if r.time_point == time_point.value]

    def trajectories(self, measure: Measure, group_id: str) -> list[tuple[Value, ...]]:
        """The complete cases' values at the compared time points, one tuple per patient."""
        by_patient: dict[int, dict[str, Value]] = {}
        for r in self.rows_of(measure, group_id):
            if r.friedman_complete:
                by_patient.setdefault(r.patient.patient_id, {})[r.time_point] = r.value
        order = [t.value for t in COMPARED[measure]]
        return [tuple(v[t] for t in order) for _pid, v in sorted(by_patient.items())
                if all(t in v for t in order)]

    def friedman_of(self, measure: Measure, group_id: str) -> FriedmanRow | None:
        return next((f for f in self.friedman if f.measure is measure
                     and f.group_id == group_id), None)


def group_title(group_id: str) -> str:
    return GROUP_BY_ID[group_id].title
