from datetime import date, timedelta

import pytest

from proapp.domain import schedule
from proapp.domain.schedule import RecordedVisit, VisitState, add_months, plan

PTA = date(2014, 1, 31)


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2014, 1, 31), 1, date(2014, 2, 28)),
    (date(2016, 1, 31), 1, date(2016, 2, 29)),
    (date(2014, 1, 31), 3, date(2014, 4, 30)),
    (date(2014, 11, 15), 2, date(2015, 1, 15)),
    (date(2014, 3, 10), 12, date(2015, 3, 10)),
    (date(2014, 3, 10), -1, date(2014, 2, 10)),
])
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_targets_and_windows() -> None:
    d = schedule.definition
    assert d("baseline").window(PTA) == (PTA - timedelta(days=90), PTA)
    assert d("pta").window(PTA) == (PTA, PTA)
    assert d("m1").target(PTA) == date(2014, 2, 28)
    assert d("m3").window(PTA) == (date(2014, 4, 16), date(2014, 5, 14))
    assert d("m6").window(PTA) == (date(2014, 7, 1), date(2014, 8, 30))
    assert d("m12").target(PTA) == date(2015, 1, 31)
    assert d("y2").window(PTA) == (date(2015, 12, 2), date(2016, 3, 31))
    assert d("y15").target(PTA) == date(2029, 1, 31)


def test_forms_per_label() -> None:
    forms = {lbl: set(schedule.definition(lbl).forms)
             for lbl in ("baseline", "pta", "m1", "m3", "m6", "m12", "y2", "unscheduled")}
    assert forms == {"baseline": {"midas", "fss", "flow"}, "pta": {"flow"}, "m1": {"flow"},
                     "m3": {"midas", "fss"}, "m6": {"midas", "fss", "flow"},
                     "m12": {"midas", "fss", "flow"}, "y2": {"midas", "fss", "flow"},
                     "unscheduled": set()}


@pytest.mark.parametrize("label", ["y1", "y0", "m2", "x", "Y2", "y100", ""])
def test_unknown_labels(label: str) -> None:
    assert not schedule.is_label(label)
    with pytest.raises(KeyError, match="unknown visit label"):
        schedule.definition(label)


def test_labels_sort_chronologically() -> None:
    shuffled = ["y3", "m1", "unscheduled", "pta", "y10", "baseline", "m12", "y2"]
    assert sorted(shuffled, key=schedule.sort_key) == [
        "baseline", "pta", "m1", "m12", "y2", "y3", "y10", "unscheduled"]


def states(today: date, visits=()) -> dict[str, VisitState]:
    return {e.label: e.state for e in plan(PTA, list(visits), today)}


def test_states_through_time() -> None:
    done = [RecordedVisit("baseline", PTA, True), RecordedVisit("pta", PTA, True)]
    s = states(date(2014, 2, 20), done)
    assert s["baseline"] is VisitState.DONE and s["pta"] is VisitState.DONE
    assert s["m1"] is VisitState.DUE  # window opens 14 Feb, target 28 Feb
    assert s["m3"] is VisitState.UPCOMING
    s = states(date(2014, 3, 5), done)
    assert s["m1"] is VisitState.OVERDUE  # after target, window ends 14 Mar
    s = states(date(2014, 3, 15), done)
    assert s["m1"] is VisitState.MISSED


def test_draft_is_not_done_but_is_attached() -> None:
    entries = plan(PTA, [RecordedVisit("m1", date(2014, 2, 27), False, 7)], date(2014, 2, 27))
    m1 = next(e for e in entries if e.label == "m1")
    assert m1.state is VisitState.DUE and m1.has_draft and m1.visit.visit_id == 7
    assert m1.actionable


def test_baseline_missed_after_pta_day() -> None:
    assert states(PTA + timedelta(days=1))["baseline"] is VisitState.MISSED


def test_yearly_horizon_and_recorded_yearly_visits() -> None:
    labels = [e.label for e in plan(PTA, [], date(2017, 6, 1))]
    assert labels[:6] == ["baseline", "pta", "m1", "m3", "m6", "m12"]
    assert "y4" in labels and "y5" not in labels  # y5 opens more than a year ahead
    far = [e.label for e in plan(PTA, [RecordedVisit("y9", date(2022, 1, 31), True)],
                                 date(2016, 1, 1))]
    assert "y9" in far


def test_without_pta_only_baseline() -> None:
    entries = plan(None, [], date(2020, 1, 1))
    assert [(e.label, e.state, e.target) for e in entries] == [
        ("baseline", VisitState.DUE, None)]


def test_suggest_label() -> None:
    assert schedule.suggest_label(PTA, PTA, []) == "baseline"
    assert schedule.suggest_label(PTA, PTA, ["baseline"]) == "pta"
    assert schedule.suggest_label(PTA, date(2014, 5, 1), ["baseline", "pta"]) == "m3"
    assert schedule.suggest_label(PTA, date(2014, 5, 30), []) == "unscheduled"
    assert schedule.suggest_label(PTA, date(2016, 2, 1), []) == "y2"
    assert schedule.suggest_label(None, date(2016, 2, 1), []) == "baseline"
    assert schedule.suggest_label(None, date(2016, 2, 1), ["baseline"]) == "unscheduled"


def test_next_due() -> None:
    entries = plan(PTA, [RecordedVisit("baseline", PTA, True)], date(2014, 2, 1))
    assert schedule.next_due(entries).label == "m1"


def test_months_since() -> None:
    assert schedule.months_since(PTA, PTA) == 0
    assert round(schedule.months_since(PTA, date(2015, 1, 31)), 1) == 12.0
    assert schedule.months_since(PTA, PTA - timedelta(days=30)) < 0
