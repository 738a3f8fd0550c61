"""``schedule.pending`` is ``plan`` without the done and missed visits, built faster."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from proapp.domain import schedule
from proapp.domain.schedule import RecordedVisit, VisitState

TODO = (VisitState.DUE, VisitState.OVERDUE, VisitState.UPCOMING)
days = st.integers(min_value=0, max_value=8000).map(lambda n: date(2005, 1, 1)
                                                     + timedelta(days=n))
visits = st.lists(st.builds(RecordedVisit, st.sampled_from(schedule.labels(20)), days,
                            st.booleans(), st.integers(1, 10_000)), max_size=10)


@settings(max_examples=400)
@given(st.one_of(st.none(), days), visits, days)
def test_pending_is_the_plan_still_to_do(pta, recorded, today) -> None:
    expected = [e for e in schedule.plan(pta, recorded, today) if e.state in TODO]
    assert schedule.pending(pta, recorded, today) == expected
