"""The caches that make plan() fast for 10,000 patients change no date and no state."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from proapp.domain import schedule
from proapp.domain.schedule import RecordedVisit, VisitState

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
labels = st.sampled_from([*schedule.labels(30), schedule.UNSCHEDULED])


def add_months_reference(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@given(days, st.integers(min_value=0, max_value=1200))
def test_cached_add_months_is_the_calendar_rule(day: date, months: int) -> None:
    assert schedule.add_months(day, months) == add_months_reference(day, months)


@given(days, days, st.lists(st.tuples(labels, st.integers(0, 4000), st.booleans()),
                            max_size=10), st.integers(0, 3))
def test_plan_dates_and_states_follow_the_definitions(pta: date, today: date, raw, ahead) -> None:
    visits = [RecordedVisit(lbl, today - timedelta(days=d), done, i)
              for i, (lbl, d, done) in enumerate(raw)]
    entries = schedule.plan(pta, visits, today, ahead)
    assert [e.label for e in entries] == schedule.labels(99)[
        :len(entries)]
    complete = {v.label for v in visits if v.complete}
    for e in entries:
        d = schedule.definition(e.label)  # built fresh, not taken from the caches
        start, end = d.window(pta)
        target = add_months_reference(pta, d.months)
        assert (e.target, e.window_start, e.window_end) == (
            target, target - timedelta(days=d.days_before), target + timedelta(days=d.days_after))
        assert (start, end) == (e.window_start, e.window_end)
        if e.label in complete:
            assert e.state is VisitState.DONE
        elif today < start:
            assert e.state is VisitState.UPCOMING
        elif today > end:
            assert e.state is VisitState.MISSED
        else:
            assert e.state is (VisitState.DUE if today <= target else VisitState.OVERDUE)
