"""Per-visit summaries: every derived figure (totals, grades, means, flows) computed once, by
the domain layer, for the GUI tables, trend charts, reports and exports alike."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from proapp.domain import schedule
from proapp.domain.flow import Posture, Side
from proapp.domain.fss import FSS
from proapp.domain.instruments import ScoreValue
from proapp.domain.midas import MIDAS
from proapp.domain.validation import Issue
from proapp.domain.visit import VisitRecord, validate_visit


@dataclass(frozen=True)
class FlowSummary:
    left: Decimal | None
    right: Decimal | None
    total: Decimal | None


@dataclass(frozen=True)
class VisitSummary:
    visit: VisitRecord
    months_since_pta: float | None
    midas: dict[str, int | None]
    midas_scores: dict[str, ScoreValue]
    fss: dict[str, int | None]
    fss_scores: dict[str, ScoreValue]
    flow: dict[Posture, FlowSummary]
    warnings: tuple[Issue, ...]

    @property
    def label(self) -> str:
        return self.visit.label

    @property
    def visit_date(self) -> date:
        return self.visit.visit_date

    @property
    def midas_total(self) -> int | None:
        v = self.midas_scores.get("total")
        return v if isinstance(v, int) else None

    @property
    def midas_grade(self) -> str | None:
        v = self.midas_scores.get("grade")
        return v if isinstance(v, str) else None

    @property
    def fss_mean(self) -> Decimal | None:
        v = self.fss_scores.get("mean")
        return v if isinstance(v, Decimal) else None

    @property
    def fss_total(self) -> int | None:
        v = self.fss_scores.get("total")
        return v if isinstance(v, int) else None

    def flow_value(self, posture: Posture, side: Side | None) -> Decimal | None:
        """``side`` None means the left + right total."""
        f = self.flow[posture]
        return f.total if side is None else (f.left if side is Side.LEFT else f.right)

    def missing_reason(self, instrument_id: str, item_id: str) -> str | None:
        reason = self.visit.content.missing.get(instrument_id, {}).get(item_id)
        return None if reason is None else str(reason)


def summarize(v: VisitRecord, pta: date | None, birth_date: date | None = None) -> VisitSummary:
    c = v.content
    totals = c.flow_totals()
    flow = {p: FlowSummary(t.left, t.right, t.total) for p, t in totals.items()}
    issues = validate_visit(v.label, v.visit_date, c, today=v.visit_date,
                            birth_date=birth_date, pta_date=pta, completing=v.is_complete)
    midas, fss = c.answers(MIDAS.id), c.answers(FSS.id)
    return VisitSummary(
        visit=v,
        months_since_pta=None if pta is None else schedule.months_since(pta, v.visit_date),
        midas=midas, midas_scores=MIDAS.valid_score(midas), fss=fss,
        fss_scores=FSS.valid_score(fss),
        flow=flow, warnings=tuple(i for i in issues if not i.is_error),
    )


def summarize_all(visits: Iterable[VisitRecord], pta: date | None,
                  birth_date: date | None = None) -> list[VisitSummary]:
    """In chronological order (date, then schedule order of the label)."""
    ordered = sorted(visits, key=lambda v: (v.visit_date, schedule.sort_key(v.label), v.id))
    return [summarize(v, pta, birth_date) for v in ordered]
