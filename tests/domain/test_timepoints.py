"""Which visit is which time point, and why a value is missing (pure domain rules)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from proapp.domain import schedule
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.timepoints import (
    COMPARED,
    Measure,
    Observation,
    RepeatPta,
    TimePoint,
    matched_final,
    rules,
    select,
    years,
)
from proapp.domain.visit import VisitContent

PTA = date(2014, 3, 10)


def content(midas: int | None = 10, fss: int | None = 5, flow: str | None = "500.0",
            missing_item: str | None = None) -> VisitContent:
    responses: dict[str, dict[str, int | None]] = {}
    if midas is not None:
        q: dict[str, int | None] = {"q1": midas, "q2": 0, "q3": 0, "q4": 0, "q5": 0, "a": 20,
                                    "b": 5}
        if missing_item:
            q[missing_item] = None
        responses["midas"] = q
    if fss is not None:
        responses["fss"] = {str(i): fss for i in range(1, 10)}
    flows = () if flow is None else (
        FlowMeasurement(Side.LEFT, Posture.SUPINE, Decimal(flow)),
        FlowMeasurement(Side.RIGHT, Posture.SUPINE, Decimal("100.0")))
    return VisitContent(responses=responses, flows=flows)


def visit(vid: int, label: str, day: date | None = None, complete: bool = True,
          **kw: object) -> Observation:
    d = day or schedule.definition(label).target(PTA) if label != "baseline" else (
        day or PTA - timedelta(days=2))
    return Observation(vid, label, d, complete, content(**kw))  # type: ignore[arg-type]


def full_history() -> list[Observation]:
    return [visit(1, "baseline", midas=30), visit(2, "pta", midas=None, fss=None),
            visit(3, "m1", midas=None, fss=None), visit(4, "m3", midas=12),
            visit(5, "m6", midas=11), visit(6, "m12", midas=9), visit(7, "y2", midas=8),
            visit(8, "y3", midas=7)]


def test_time_points_of_a_complete_history() -> None:
    sel = select(Measure.MIDAS, full_history(), [PTA], date(2017, 12, 31))
    assert {t: p.value for t, p in sel.points.items()} == {
        TimePoint.PRE: 30, TimePoint.M3: 12, TimePoint.FINAL: 7}
    assert sel.points[TimePoint.FINAL].label == "y3"
    assert sel.follow_up_days == (date(2017, 3, 10) - PTA).days
    assert sel.follow_up_years == Decimal("3.00")
    flow = select(Measure.FLOW, full_history(), [PTA], date(2017, 12, 31))
    assert set(flow.points) == set(COMPARED[Measure.FLOW]) | {TimePoint.M1, TimePoint.M6,
                                                                TimePoint.M12}
    assert flow.points[TimePoint.PRE].value == Decimal("600.0")  # left + right supine


def test_lacking_m3_is_missing_with_the_reason() -> None:
    visits = [v for v in full_history() if v.label != "m3"]
    sel = select(Measure.MIDAS, visits, [PTA], date(2017, 12, 31))
    assert TimePoint.M3 not in sel.points
    assert sel.missing[TimePoint.M3] == "no m3 visit"
    assert not sel.complete(COMPARED[Measure.MIDAS])
    # flow compares pre-PTA, post-PTA and final: the missing m3 does not matter there
    assert select(Measure.FLOW, visits, [PTA], date(2017, 12, 31)).complete(
        COMPARED[Measure.FLOW])


def test_visits_after_the_cutoff_are_not_used() -> None:
    cutoff = date(2015, 12, 31)  # y2 is on 2016-03-10, y3 on 2017-03-10
    sel = select(Measure.MIDAS, full_history(), [PTA], cutoff)
    assert sel.points[TimePoint.FINAL].label == "m12"
    assert sel.follow_up_days == (date(2015, 3, 10) - PTA).days
    early = select(Measure.MIDAS, full_history(), [PTA], date(2014, 5, 1))
    assert TimePoint.M3 in early.missing and "after the cut-off 2014-05-01" in \
        early.missing[TimePoint.M3]
    assert "after the cut-off" in early.missing[TimePoint.FINAL]


def test_a_missing_item_at_the_latest_visit_falls_back_to_the_one_before() -> None:
    visits = [*full_history()[:-1], visit(8, "y3", missing_item="q3")]
    sel = select(Measure.MIDAS, visits, [PTA], date(2017, 12, 31))
    assert sel.points[TimePoint.FINAL].label == "y2"  # y3's total is not defined
    only = [v for v in visits if v.label in ("baseline", "m3", "y3")]
    sel = select(Measure.MIDAS, only, [PTA], date(2017, 12, 31))
    assert "no MIDAS total at any completed visit from m6 on" in sel.missing[TimePoint.FINAL]
    assert "all five MIDAS items" in sel.missing[TimePoint.FINAL]


def test_drafts_unscheduled_visits_and_an_unknown_value_are_never_used() -> None:
    visits = [visit(1, "baseline", midas=30), visit(4, "m3", complete=False),
              visit(9, "unscheduled", date(2016, 1, 1)), visit(5, "m6", fss=None)]
    sel = select(Measure.MIDAS, visits, [PTA], date(2017, 12, 31))
    assert "draft" in sel.missing[TimePoint.M3]
    assert sel.points[TimePoint.FINAL].label == "m6"
    fss = select(Measure.FSS, visits, [PTA], date(2017, 12, 31))
    assert "no FSS score (mean) at any completed visit from m6 on" in fss.missing[
        TimePoint.FINAL]


def test_two_ptas_by_rule() -> None:
    second = date(2014, 11, 1)  # after m6 (2014-09-10), before m12 (2015-03-10)
    censor = select(Measure.MIDAS, full_history(), [second, PTA], date(2017, 12, 31))
    assert censor.points[TimePoint.FINAL].label == "m6"
    assert censor.follow_up_days == (date(2014, 9, 10) - PTA).days  # from the first PTA
    first = select(Measure.MIDAS, full_history(), [PTA, second], date(2017, 12, 31),
                   RepeatPta.FIRST)
    assert first.points[TimePoint.FINAL].label == "y3"
    excluded = select(Measure.MIDAS, full_history(), [PTA, second], date(2017, 12, 31),
                      RepeatPta.EXCLUDE)
    assert not excluded.points
    assert all("repeat PTA on 2014-11-01" in r for r in excluded.missing.values())
    early = date(2014, 5, 1)  # before m3: m3 itself measures the second procedure
    sel = select(Measure.MIDAS, full_history(), [PTA, early], date(2017, 12, 31))
    assert "repeat PTA of 2014-05-01" in sel.missing[TimePoint.M3]
    assert sel.points[TimePoint.PRE].value == 30


def test_no_pta_date() -> None:
    sel = select(Measure.FSS, full_history(), [], date(2017, 12, 31))
    assert not sel.points and set(sel.missing.values()) == {"no PTA date recorded"}


def test_matched_final_needs_both_measures_at_the_same_visit() -> None:
    visits = [*full_history()[:-1], visit(8, "y3", flow=None)]
    point = matched_final(visits, [PTA], date(2017, 12, 31))
    assert point is not None and point.label == "y2"
    assert matched_final(visits, [PTA], date(2014, 1, 1)) is None


def test_rules_name_the_cutoff_and_the_repeat_rule() -> None:
    text = "\n".join(rules(date(2017, 12, 31), RepeatPta.CENSOR))
    assert "2017-12-31" in text and "repeat PTA" in text and "never counted as 0" in text


def test_years() -> None:
    assert years(365) == Decimal("1.00") and years(1461) == Decimal("4.00")
    assert years(1296) == Decimal("3.55")


LABELS = ["m6", "m12", "y2", "y3", "y4"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(LABELS), st.booleans(), st.booleans(),
                          st.integers(-20, 20)), max_size=5, unique_by=lambda t: t[0]),
       st.integers(0, 6 * 365))
def test_final_is_the_latest_usable_visit_with_a_value(later, cutoff_days) -> None:
    cutoff = PTA + timedelta(days=cutoff_days)
    visits = [visit(1, "baseline")]
    for i, (label, complete, answered, jitter) in enumerate(later, start=10):
        day = schedule.definition(label).target(PTA) + timedelta(days=jitter)
        visits.append(visit(i, label, day, complete, missing_item=None if answered else "q1"))
    sel = select(Measure.MIDAS, visits, [PTA], cutoff)
    usable = [v for v in visits[1:] if v.complete and v.visit_date <= cutoff
              and Measure.MIDAS.of(v.content) is not None]
    if not usable:
        assert TimePoint.FINAL not in sel.points and sel.missing[TimePoint.FINAL]
    else:
        best = max(usable, key=lambda v: v.visit_date)
        got = sel.points[TimePoint.FINAL]
        assert got.visit_date == best.visit_date and got.visit_date <= cutoff
        assert sel.follow_up_days == (got.visit_date - PTA).days
