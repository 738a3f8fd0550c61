"""Clinic days: the weekdays the clinic sees patients, and which scheduled visits belong to
one clinic day.

A visit is *due on* a clinic day when its target date falls after the previous clinic day and
on or before that day: Monday's list also holds the visits whose target was the Saturday or
Sunday before, so nothing falls between two clinic days. Visits whose target passed earlier
and whose window is still open are *overdue*; the worklist shows them too, apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from proapp.domain.i18n import msg

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_NAMES = {name: i for i, name in enumerate(WEEKDAYS)}
_NAMES |= {full: i for i, full in enumerate(("monday", "tuesday", "wednesday", "thursday",
                                              "friday", "saturday", "sunday"))}
_NAMES |= {str(i + 1): i for i in range(7)}


def parse_weekdays(text: str) -> frozenset[int]:
    """"mon tue, thu" -> {0, 1, 3} (Monday = 0). ValueError for an unknown name or none."""
    days: set[int] = set()
    for token in text.replace(",", " ").lower().split():
        if token not in _NAMES:
            raise ValueError(msg("{token} is not a weekday (use mon, tue, wed, thu, fri, sat, "
                                 "sun)", token=repr(token)))
        days.add(_NAMES[token])
    if not days:
        raise ValueError(msg("name at least one weekday, e.g. mon tue wed thu fri"))
    return frozenset(days)


def format_weekdays(days: Iterable[int]) -> str:
    return " ".join(WEEKDAYS[d] for d in sorted(set(days)))


def next_clinic_day(day: date, days: frozenset[int]) -> date:
    """``day`` itself when the clinic is open that day, else the next clinic day."""
    for n in range(7):
        candidate = day + timedelta(days=n)
        if candidate.weekday() in days:
            return candidate
    return day


def previous_clinic_day(day: date, days: frozenset[int]) -> date:
    """The clinic day before ``day`` (at most a week before)."""
    for n in range(1, 8):
        candidate = day - timedelta(days=n)
        if candidate.weekday() in days:
            return candidate
    return day - timedelta(days=7)


def due_period(day: date, days: frozenset[int]) -> tuple[date, date]:
    """The target dates that belong to clinic day ``day``: (first, last), both included."""
    return previous_clinic_day(day, days) + timedelta(days=1), day


DUE, OVERDUE = "due", "overdue"


def worklist_kind(target: date | None, window_start: date | None, window_end: date | None,
                  day: date, days: frozenset[int]) -> str | None:
    """Whether a pending scheduled visit is on clinic day ``day``'s worklist: :data:`DUE`
    (target since the previous clinic day, or no target yet: a baseline before any PTA),
    :data:`OVERDUE` (target earlier, window open on ``day``), or None."""
    if target is None:
        return DUE
    first, last = due_period(day, days)
    if first <= target <= last:
        return DUE
    if (target < first and window_start is not None and window_end is not None
            and window_start <= day <= window_end):
        return OVERDUE
    return None
