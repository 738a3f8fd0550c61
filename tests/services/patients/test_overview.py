"""One patient at a glance (services/patients/overview.py): the timeline places every visit
in schedule and date order with its state, and the trend series hold completed visits only."""

from __future__ import annotations

from datetime import date

from tests.conftest import make_facts

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.schedule import UNSCHEDULED_VISIT, VisitState
from proapp.domain.visit import VisitContent
from proapp.services import patients, visits
from proapp.services.patients.overview import UNSCHEDULED_STATE, overview
from proapp.services.visits import VisitDraft

TODAY = date(2014, 10, 1)
MIDAS_ITEMS = {"q1": 2, "q2": 3, "q3": 1, "q4": 4, "q5": 0, "a": 12, "b": 6}  # total 10
FSS_ITEMS = {str(n): v for n, v in enumerate((4, 6, 5, 3, 5, 4, 6, 2, 7), start=1)}  # 42/9


def test_timeline_and_series(db: Database, actor: Actor, patient_id: int) -> None:
    """PTA 2014-03-10: m3 completed, an unscheduled visit completed, m6 still a draft."""
    m3 = visits.save_visit(db, actor, VisitDraft(
        patient_id, "m3", date(2014, 6, 10), VisitContent({"midas": MIDAS_ITEMS,
                                                           "fss": FSS_ITEMS})), complete=True)
    extra = visits.save_visit(db, actor, VisitDraft(
        patient_id, "unscheduled", date(2014, 8, 1), VisitContent({"fss": FSS_ITEMS})),
        complete=True)
    m6 = visits.save_visit(db, actor, VisitDraft(
        patient_id, "m6", date(2014, 9, 10), VisitContent({"fss": {"1": 4}})))

    o = overview(db, patient_id, today=TODAY)
    assert o.pta == date(2014, 3, 10)
    assert o.age == 39  # born 1975-04-12
    timeline = o.timeline()
    by_label = {e.label: e for e in timeline}
    assert by_label["m3"].state == VisitState.DONE.value and by_label["m3"].visit_id == m3.id
    assert by_label["m6"].is_draft and by_label["m6"].visit_id == m6.id
    assert not by_label["m6"].can_start  # a draft is resumed, not started again
    assert by_label["m1"].visit is None and by_label["m1"].can_start  # missed, may be entered
    unscheduled = by_label["unscheduled"]
    assert (unscheduled.state, unscheduled.title, unscheduled.visit_id) == (
        UNSCHEDULED_STATE, UNSCHEDULED_VISIT.title, extra.id)
    when = [e.when for e in timeline if e.when is not None]
    assert len(when) == len(timeline) and when == sorted(when)
    labels = [e.label for e in timeline]
    assert labels.index("m3") < labels.index("unscheduled") < labels.index("m6")

    midas, fss, flow = o.series()
    assert midas.labels == ("m3",) and midas.points[0][1] == 10.0
    assert abs(midas.points[0][0] - 3.0) < 0.1  # months since the PTA
    assert fss.labels == ("m3", "unscheduled")  # the draft is not a data point
    assert [y for _x, y in fss.points] == [4.67, 4.67]
    assert flow.points == () and flow.labels == ()  # no flow measured: no chart values


def test_without_a_pta_only_the_baseline_is_due(db: Database, actor: Actor) -> None:
    pid = patients.create_patient(db, actor, make_facts("NOPTA"), today=TODAY)
    o = overview(db, pid, today=TODAY)
    assert o.pta is None
    assert [(e.label, e.state) for e in o.timeline()] == [("baseline", VisitState.DUE.value)]
    assert all(s.points == () for s in o.series())
