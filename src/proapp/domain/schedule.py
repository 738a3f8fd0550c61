"""The visit schedule relative to the PTA date, defined as data in one table.

baseline (before PTA), pta (same day), m1, m3, m6, m12, then yearly y2, y3, ...; plus
unscheduled visits. Each label has a target date, a tolerance window and the forms it expects.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from proapp.domain.i18n import Msg, msg

# The forms' ids, which the schedule names (not the instruments themselves: the patient list
# plans every patient's visits at start-up, before any questionnaire's texts are needed).
MIDAS, FSS, FLOW = "midas", "fss", "flow"
UNSCHEDULED = "unscheduled"
YEARLY_FORMS = frozenset({MIDAS, FSS, FLOW})
YEARLY_WINDOW_DAYS = 60
_YEARLY = re.compile(r"^y([2-9]|[1-9][0-9])$")  # y2 ... y99


@dataclass(frozen=True, slots=True)
class VisitDefinition:
    """One scheduled visit: ``months`` after PTA, allowed ``days_before``/``days_after``."""

    label: str
    title: Msg
    months: int
    days_before: int
    days_after: int
    forms: frozenset[str]

    def target(self, pta: date) -> date:
        return add_months(pta, self.months)

    def window(self, pta: date) -> tuple[date, date]:
        return _window(pta, self.months, self.days_before, self.days_after)

    def expects(self, form: str) -> bool:
        return form in self.forms


SCHEDULE: tuple[VisitDefinition, ...] = (
    VisitDefinition("baseline", msg("Baseline (before PTA)"), 0, 90, 0,
                    frozenset({MIDAS, FSS, FLOW})),
    VisitDefinition("pta", msg("PTA (after the procedure)"), 0, 0, 0, frozenset({FLOW})),
    VisitDefinition("m1", msg("1 month"), 1, 14, 14, frozenset({FLOW})),
    VisitDefinition("m3", msg("3 months"), 3, 14, 14, frozenset({MIDAS, FSS})),
    VisitDefinition("m6", msg("6 months"), 6, 30, 30, frozenset({MIDAS, FSS, FLOW})),
    VisitDefinition("m12", msg("12 months"), 12, 30, 30, frozenset({MIDAS, FSS, FLOW})),
)
UNSCHEDULED_VISIT = VisitDefinition(UNSCHEDULED, msg("Unscheduled"), 0, 0, 0, frozenset())
_FIXED = {d.label: d for d in SCHEDULE}


@lru_cache(maxsize=128)
def yearly(year: int) -> VisitDefinition:
    if year < 2:
        raise ValueError("yearly visits start at y2 (m12 is the first year)")
    return VisitDefinition(f"y{year}", msg("Year {n}", n=year), 12 * year, YEARLY_WINDOW_DAYS,
                           YEARLY_WINDOW_DAYS, YEARLY_FORMS)


def definition(label: str) -> VisitDefinition:
    """The definition for any valid label; KeyError names the valid ones otherwise."""
    if label in _FIXED:
        return _FIXED[label]
    if label == UNSCHEDULED:
        return UNSCHEDULED_VISIT
    m = _YEARLY.match(label)
    if m:
        return yearly(int(m.group(1)))
    raise KeyError(f"unknown visit label {label!r}; expected one of baseline, pta, m1, m3, m6, "
                   "m12, y2, y3, ... or unscheduled")


def is_label(label: str) -> bool:
    try:
        definition(label)
    except KeyError:
        return False
    return True


def labels(years: int = 10) -> list[str]:
    """Scheduled labels in order, with yearly ones up to ``y{years}``."""
    return [d.label for d in SCHEDULE] + [f"y{n}" for n in range(2, years + 1)]


def sort_key(label: str) -> tuple[int, int]:
    """Chronological order of labels; unscheduled visits sort after all scheduled ones."""
    d = definition(label)
    if label == UNSCHEDULED:
        return (10_000, 0)
    return (d.months, 1 if label == "pta" else 0)


def months_since(pta: date, day: date) -> float:
    """Fractional months between the PTA and a day, for charts (negative before PTA)."""
    return (day - pta).days / (365.2425 / 12)


@lru_cache(maxsize=65536)
def _window(pta: date, months: int, days_before: int, days_after: int) -> tuple[date, date]:
    """A visit's window from its PTA date, remembered: an import checks 100,000 visits of a
    few thousand PTA dates and labels."""
    t = add_months(pta, months)
    return t - timedelta(days=days_before), t + timedelta(days=days_after)


def add_months(day: date, months: int) -> date:
    """Calendar months later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


class VisitState(StrEnum):
    DONE = "done"
    DUE = "due"  # in the window, on or before the target date
    OVERDUE = "overdue"  # in the window, after the target date
    MISSED = "missed"  # the window has closed
    UPCOMING = "upcoming"  # the window has not opened yet


@dataclass(frozen=True, slots=True)
class RecordedVisit:
    """What the schedule needs to know of a stored visit."""

    label: str
    visit_date: date
    complete: bool
    visit_id: int | None = None


@dataclass(frozen=True, slots=True)
class ScheduledVisit:
    definition: VisitDefinition
    target: date | None
    window_start: date | None
    window_end: date | None
    state: VisitState
    visit: RecordedVisit | None = None  # the complete visit, or a draft in progress

    @property
    def label(self) -> str:
        return self.definition.label

    @property
    def has_draft(self) -> bool:
        return self.visit is not None and not self.visit.complete

    @property
    def actionable(self) -> bool:
        """On the worklist today: due or overdue, and not yet complete."""
        return self.state in (VisitState.DUE, VisitState.OVERDUE)


def _state(today: date, start: date, target: date, end: date) -> VisitState:
    if today < start:
        return VisitState.UPCOMING
    if today > end:
        return VisitState.MISSED
    return VisitState.DUE if today <= target else VisitState.OVERDUE


def plan(pta: date | None, visits: Iterable[RecordedVisit], today: date,
         years_ahead: int = 1) -> list[ScheduledVisit]:
    """The patient's scheduled visits with their state on ``today``.

    Yearly visits are listed while their window opens within ``years_ahead`` years of today
    (and always up to the last one already recorded). Without a PTA date only
    the baseline is scheduled, due until a baseline exists.
    """
    by_label: dict[str, RecordedVisit] = {}
    for v in visits:
        current = by_label.get(v.label)
        if current is None or (v.complete and not current.complete):
            by_label[v.label] = v
    if pta is None:
        b = _FIXED["baseline"]
        found = by_label.get("baseline")
        state = VisitState.DONE if found and found.complete else VisitState.DUE
        return [ScheduledVisit(b, None, None, None, state, found)]
    result: list[ScheduledVisit] = []
    horizon = add_months(today, 12 * years_ahead)
    last_recorded_year = max((int(m.group(1)) for lbl in by_label
                              if (m := _YEARLY.match(lbl))), default=1)
    for index, d in enumerate(_ALL_DEFINITIONS):
        target, start, end = _dates(index, pta)
        year = _YEAR_OF[index]
        if year and start > horizon and year > last_recorded_year:
            break
        found = by_label.get(d.label)
        state = (VisitState.DONE if found and found.complete
                 else _state(today, start, target, end))
        result.append(ScheduledVisit(d, target, start, end, state, found))
    return result


def pending(pta: date | None, visits: Iterable[RecordedVisit], today: date,
            years_ahead: int = 1) -> list[ScheduledVisit]:
    """The entries of :func:`plan` that are still to do on ``today`` (due, overdue or
    upcoming), in schedule order, without building the others: what the patient list and the
    worklist need for thousands of patients. ``pending(...) == [e for e in plan(...) if
    e.state in (DUE, OVERDUE, UPCOMING)]``."""
    done: set[str] = set()
    drafts: dict[str, RecordedVisit] = {}
    for v in visits:
        if v.complete:
            done.add(v.label)
        else:
            drafts.setdefault(v.label, v)
    return pending_of(pta, frozenset(done), drafts, today, years_ahead)


def pending_of(pta: date | None, done: frozenset[str], drafts: Mapping[str, RecordedVisit],
               today: date, years_ahead: int = 1) -> list[ScheduledVisit]:
    """:func:`pending` from what it needs of the visits: the labels of the complete ones
    (``done``) and the first draft of every other label recorded (``drafts``). The patient
    list reads these per patient from the database in one aggregate query, not the 80,000
    visit rows of 10,000 patients one by one."""
    if pta is None:
        if "baseline" in done:
            return []
        return [ScheduledVisit(_FIXED["baseline"], None, None, None, VisitState.DUE,
                               drafts.get("baseline"))]
    horizon = _horizon(today, years_ahead)
    last_recorded_year = _last_year(done)
    if drafts:
        last_recorded_year = max(last_recorded_year, max(map(_label_year, drafts)))
    result: list[ScheduledVisit] = []
    fixed = len(SCHEDULE)
    # Windows close in schedule order, so the search starts where they may still be open:
    # the fixed visits only while m12's window is, and yearly visits from the year before
    # last (the window of y(k) closes 60 days after pta + k years).
    first = 0 if _dates(fixed - 1, pta)[2] >= today else fixed
    first_year = max(2, today.year - pta.year - 1)
    for index in itertools.chain(range(first, fixed),
                                 range(fixed + first_year - 2, len(_ALL_DEFINITIONS))):
        target, start, end = _dates(index, pta)
        year = _YEAR_OF[index]
        if year and start > horizon and year > last_recorded_year:
            break
        if end < today:
            continue
        d = _ALL_DEFINITIONS[index]
        if d.label in done:
            continue
        result.append(ScheduledVisit(d, target, start, end, _state(today, start, target, end),
                                     drafts.get(d.label)))
    return result


@lru_cache(maxsize=64)
def _horizon(today: date, years_ahead: int) -> date:
    return add_months(today, 12 * years_ahead)


@lru_cache(maxsize=4096)  # the patients of a clinic share a few hundred sets of done labels
def _last_year(labels: frozenset[str]) -> int:
    """The latest year among yearly labels (1 when there is none)."""
    return max(map(_label_year, labels), default=1)


@lru_cache(maxsize=256)
def _label_year(label: str) -> int:
    """The year of a yearly label (y7 -> 7); 1 for every other label."""
    m = _YEARLY.match(label)
    return int(m.group(1)) if m else 1


def _definitions() -> Iterator[VisitDefinition]:
    yield from SCHEDULE
    year = 2
    while year < 100:
        yield yearly(year)
        year += 1


_ALL_DEFINITIONS = tuple(_definitions())
_YEAR_OF = tuple(d.months // 12 if d.label.startswith("y") else 0 for d in _ALL_DEFINITIONS)


@lru_cache(maxsize=16384)  # bounded: a cache per PTA date of every label is tens of MB
def _dates(index: int, pta: date) -> tuple[date, date, date]:
    """Target and window of the ``index``-th scheduled visit: cached by (index, PTA date) so
    that planning 10,000 patients (who share a few thousand PTA dates) stays fast."""
    d = _ALL_DEFINITIONS[index]
    start, end = d.window(pta)
    return d.target(pta), start, end


def next_due(entries: Iterable[ScheduledVisit]) -> ScheduledVisit | None:
    """The first visit that is overdue, due or upcoming, in schedule order."""
    for e in entries:
        if e.state in (VisitState.OVERDUE, VisitState.DUE, VisitState.UPCOMING):
            return e
    return None


def suggest_label(pta: date | None, day: date, taken: Iterable[str]) -> str:
    """The label a visit on ``day`` most likely is: the open scheduled visit whose window holds
    the day (nearest target first), else ``unscheduled``."""
    taken = set(taken)
    if pta is None:
        return "baseline" if "baseline" not in taken else UNSCHEDULED
    candidates = []
    for d in _definitions():
        start, end = d.window(pta)
        if start > day:
            break
        if d.label not in taken and start <= day <= end:
            candidates.append((abs((d.target(pta) - day).days), sort_key(d.label), d.label))
    return min(candidates)[2] if candidates else UNSCHEDULED
