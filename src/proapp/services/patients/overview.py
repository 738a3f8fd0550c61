"""One patient at a glance: facts, the visit timeline and the trend series, for the patient view.

Everything the view shows is decided here (and in the domain): the state of every scheduled
visit (:func:`proapp.domain.schedule.plan`), the unscheduled visits, and the chart values from
the shared visit summaries (:mod:`proapp.domain.summary`). The GUI only draws it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from proapp.db.engine import Database
from proapp.domain import schedule
from proapp.domain.flow import Posture
from proapp.domain.fss import FSS
from proapp.domain.i18n import msg
from proapp.domain.patient import age_on
from proapp.domain.schedule import ScheduledVisit, VisitState
from proapp.domain.summary import VisitSummary, summarize_all
from proapp.domain.visit import VisitRecord
from proapp.services import clock, patients, visits
from proapp.services.patients import PatientRecord

DRAFT = "draft"
UNSCHEDULED_STATE = "unscheduled"


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline: a scheduled visit (with its state) or an unscheduled one."""

    label: str
    title: str
    state: str  # a VisitState value, or "unscheduled"
    target: date | None
    window_start: date | None
    window_end: date | None
    visit: VisitRecord | None
    summary: VisitSummary | None = None  # the visit's scores and flows, when recorded

    @property
    def visit_id(self) -> int | None:
        return None if self.visit is None else self.visit.id

    @property
    def visit_date(self) -> date | None:
        return None if self.visit is None else self.visit.visit_date

    @property
    def is_draft(self) -> bool:
        return self.visit is not None and not self.visit.is_complete

    @property
    def can_start(self) -> bool:
        """A scheduled visit with nothing recorded yet whose window is open or has closed."""
        return self.visit is None and self.state in (VisitState.DUE, VisitState.OVERDUE,
                                                     VisitState.MISSED)

    @property
    def when(self) -> date | None:
        """The day the entry sorts by: the visit date, else the target date."""
        return self.visit_date or self.target


@dataclass(frozen=True)
class Series:
    """One trend chart: (months since PTA, value) for each completed visit that has a value."""

    title: str
    unit: str
    points: tuple[tuple[float, float], ...]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class PatientOverview:
    today: date
    patient: PatientRecord
    plan: tuple[ScheduledVisit, ...]
    visits: tuple[VisitRecord, ...]
    summaries: tuple[VisitSummary, ...]

    @property
    def pta(self) -> date | None:
        return self.patient.first_pta

    @property
    def age(self) -> int | None:
        b = self.patient.facts.birth_date
        return None if b is None else age_on(b, self.today)

    def timeline(self) -> list[TimelineEntry]:
        """Scheduled visits in schedule order, with unscheduled visits placed by date."""
        by_id = {v.id: v for v in self.visits}
        summary = {s.visit.id: s for s in self.summaries}
        out = []
        for e in self.plan:
            rec = by_id.get(e.visit.visit_id) if e.visit and e.visit.visit_id else None
            out.append(TimelineEntry(e.label, e.definition.title, e.state.value, e.target,
                                     e.window_start, e.window_end, rec,
                                     summary.get(rec.id) if rec else None))
        scheduled_ids = {x.visit_id for x in out if x.visit is not None}
        for v in self.visits:
            if v.id in scheduled_ids:
                continue
            title = (schedule.UNSCHEDULED_VISIT.title if v.label == schedule.UNSCHEDULED
                     else schedule.definition(v.label).title if schedule.is_label(v.label)
                     else v.label)
            out.append(TimelineEntry(v.label, title, UNSCHEDULED_STATE
                                     if v.label == schedule.UNSCHEDULED else VisitState.DONE.value,
                                     None, None, None, v, summary.get(v.id)))
        out.sort(key=lambda t: (t.when or date.max, schedule.sort_key(t.label)))
        return out

    def drafts(self) -> list[VisitRecord]:
        """Visits saved as drafts and not completed, newest first (offered for resuming)."""
        found = [v for v in self.visits if not v.is_complete]
        return sorted(found, key=lambda v: (v.updated_at or v.created_at or date.min, v.id),
                      reverse=True)

    def series(self) -> list[Series]:
        """MIDAS total, FSS mean and total supine flow against months since the PTA."""
        done = [s for s in self.summaries if s.visit.is_complete and s.months_since_pta is not None]

        def make(title: str, unit: str,
                 value: Callable[[VisitSummary], Decimal | int | None]) -> Series:
            pts = [(float(x), float(y), s.label) for s in done
                   if (x := s.months_since_pta) is not None and (y := value(s)) is not None]
            return Series(title, unit, tuple((x, y) for x, y, _ in pts),
                          tuple(lbl for *_, lbl in pts))

        return [
            make(msg("MIDAS total"), msg("days"), lambda s: s.midas_total),
            make(msg("FSS mean"), msg("score {range}", range=FSS.item("1").range_text),
                 lambda s: s.fss_mean),
            make(msg("Total IJV flow (supine)"), "mL/min",
                 lambda s: s.flow_value(Posture.SUPINE, None)),
        ]


def overview(db: Database, patient_id: int, today: date | None = None) -> PatientOverview:
    today = today or clock.today()
    record = patients.get_patient(db, patient_id)
    recs = visits.visits_of(db, patient_id)
    plan = schedule.plan(record.first_pta, visits.recorded(recs), today)
    summaries = summarize_all(recs, record.first_pta, record.facts.birth_date)
    return PatientOverview(today, record, tuple(plan), tuple(recs), tuple(summaries))
