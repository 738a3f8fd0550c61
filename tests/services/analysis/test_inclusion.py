"""Hand-built patients land where the inclusion rules say (real SQLite, real services)."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from decimal import Decimal

import pytest
from tests.services.analysis.cohorts import LABELS, make_patient

from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.domain.cohort import Plan
from proapp.domain.patient import MsSubtype
from proapp.domain.timepoints import Measure, RepeatPta, TimePoint
from proapp.services.analysis import OUTPUT_FILES, run_analysis, write_outputs
from proapp.services.errors import PermissionDenied

PTA = date(2013, 3, 10)
CUTOFF = date(2016, 6, 30)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """Built once per module (about a hundred visits through the real services)."""
    path = tmp_path_factory.mktemp("inclusion") / "cohort.db"
    db = open_database(path)
    actor = Actor("nurse.test", role="nurse")
    for i in range(6):  # complete histories: y2 (2015-03-10) is the final follow-up
        make_patient(db, actor, f"FULL{i}", PTA, seed=i)
    make_patient(db, actor, "NOM3", PTA, labels=[x for x in LABELS if x != "m3"], seed=7)
    make_patient(db, actor, "LATE", date(2014, 9, 1), seed=8)  # y2 on 2016-09-01: after
    make_patient(db, actor, "MISS", PTA, missing_midas={"y2": "q3"}, seed=9)
    make_patient(db, actor, "TWO", PTA, second_pta=date(2013, 12, 1), seed=10)
    for i in range(2):
        make_patient(db, actor, f"PP{i}", PTA, subtype=MsSubtype.PP, seed=i)
    make_patient(db, actor, "NOHEAD", PTA, headache=False, fatigue=False, seed=3)
    db.dispose()
    return path


@pytest.fixture
def cohort(template, tmp_path):
    path = tmp_path / "cohort.db"
    shutil.copyfile(template, path)
    db = open_database(path)
    yield db
    db.dispose()


def rows_of(result, code, measure, time_point=None):
    return [r for r in result.data if r.patient.code == code and r.measure is measure
            and (time_point is None or r.time_point == time_point)]


def why(result, code, measure, time_point):
    return [e.reason for e in result.exclusions if e.patient_code == code
            and e.measure is measure and e.time_point == time_point]


def test_each_patient_lands_where_the_rules_say(cohort, actor) -> None:
    r = run_analysis(cohort, actor, Plan(CUTOFF))
    final = {code: rows_of(r, code, Measure.MIDAS, "final")[0]
             for code in ("FULL0", "LATE", "MISS", "TWO", "NOM3")}
    assert final["FULL0"].visit_label == "y2"
    assert final["FULL0"].follow_up_years == Decimal("2.00")
    assert final["LATE"].visit_label == "m12"  # y2 is after the cut-off
    assert final["MISS"].visit_label == "m12"  # y2's MIDAS total is not defined
    assert rows_of(r, "MISS", Measure.FSS, "final")[0].visit_label == "y2"  # FSS is there
    assert final["TWO"].visit_label == "m6"  # m12 and y2 follow the repeat PTA
    assert final["TWO"].follow_up_years == Decimal("0.50")
    assert why(r, "NOM3", Measure.MIDAS, "m3") == ["no m3 visit"]
    for measure, complete in ((Measure.MIDAS, False), (Measure.FLOW, True)):
        tp = [x for x in rows_of(r, "NOM3", measure) if x.friedman_complete is not None]
        assert tp and all(x.friedman_complete is complete for x in tp)
    midas = r.friedman_of(Measure.MIDAS, "headache-rr")
    assert midas is not None and midas.n == 9 and midas.n_excluded == 1
    assert midas.excluded_why == "no 3 months 1"
    assert midas.p_value is not None and midas.statistic is not None
    assert "NOHEAD" not in {x.patient.code for x in r.data if x.measure is Measure.MIDAS}
    assert "NOHEAD" in {x.patient.code for x in r.data if x.measure is Measure.FLOW}


def test_small_groups_are_reported_not_hidden(cohort, actor) -> None:
    r = run_analysis(cohort, actor, Plan(CUTOFF))
    pp = r.friedman_of(Measure.MIDAS, "headache-pp")
    assert pp is not None and pp.n == 2 and pp.statistic is None
    assert pp.note == "too few for the test (n = 2)"
    d = [x for x in r.descriptives if x.measure is Measure.MIDAS and x.group_id == "headache-pp"
         and x.time_point is TimePoint.PRE and x.cases == "complete"]
    assert d[0].n == 2 and d[0].median is not None
    post = [x for x in r.posthoc if x.group_id == "headache-pp" and x.measure is Measure.MIDAS]
    assert len(post) == 3 and all("too few" in x.note and x.p_value is None for x in post)
    sp = [x for x in r.spearman if x.group_id == "headache-pp"]
    assert len(sp) == 3 and all(x.rho is None and "too few" in x.note for x in sp)


def test_repeat_pta_rules_are_choices(cohort, actor) -> None:
    first = run_analysis(cohort, actor, Plan(CUTOFF, repeat_pta=RepeatPta.FIRST))
    assert rows_of(first, "TWO", Measure.MIDAS, "final")[0].visit_label == "y2"
    excluded = run_analysis(cohort, actor, Plan(CUTOFF, repeat_pta=RepeatPta.EXCLUDE))
    assert not rows_of(excluded, "TWO", Measure.MIDAS)
    assert "repeat PTA on 2013-12-01" in why(excluded, "TWO", Measure.MIDAS, "pre")[0]
    assert any("patients with more than one PTA are left out" in x
               for x in excluded.meta.rules)


def test_a_later_cutoff_uses_later_visits(cohort, actor) -> None:
    later = run_analysis(cohort, actor, Plan(date(2017, 12, 31)))
    assert rows_of(later, "LATE", Measure.MIDAS, "final")[0].visit_label == "y2"
    early = run_analysis(cohort, actor, Plan(date(2013, 5, 1)))  # before m3 and m6
    assert not rows_of(early, "FULL0", Measure.MIDAS, "final")
    assert "no usable visit from m6 on" in why(early, "FULL0", Measure.MIDAS, "final")[0]


def test_the_snapshot_hash_follows_the_data(cohort, actor) -> None:
    a = run_analysis(cohort, actor, Plan(CUTOFF))
    b = run_analysis(cohort, actor, Plan(date(2017, 1, 1)))
    assert a.meta.snapshot_sha256 == b.meta.snapshot_sha256  # the plan is not the data
    make_patient(cohort, actor, "NEW", PTA, labels=["baseline"])
    c = run_analysis(cohort, actor, Plan(CUTOFF))
    assert c.meta.snapshot_sha256 != a.meta.snapshot_sha256


def test_files_hold_exactly_what_went_in(cohort, actor, tmp_path) -> None:
    r = run_analysis(cohort, actor, Plan(CUTOFF))
    paths = write_outputs(r, actor, tmp_path / "out")
    assert [p.name for p in paths] == list(OUTPUT_FILES)
    with open(tmp_path / "out" / "analysis_data.csv", encoding="utf-8-sig", newline="") as fh:
        data = list(csv.DictReader(fh))
    assert len(data) == len(r.data)
    two = [d for d in data if d["patient_code"] == "TWO" and d["measure"] == "midas"]
    assert {d["time_point"]: d["visit_label"] for d in two} == {
        "pre": "baseline", "m3": "m3", "final": "m6", "final_matched": "m6"}
    assert {d["pta_count"] for d in two} == {"2"}
    flow = [d for d in data if d["patient_code"] == "FULL0" and d["measure"] == "flow"
            and d["time_point"] == "pre"]
    assert flow[0]["value"] == "400.5"  # 200.5 + 200.0, exact
    with pytest.raises(Exception, match="already exist"):
        write_outputs(r, actor, tmp_path / "out")
    write_outputs(r, actor, tmp_path / "out", force=True)


def test_permissions(cohort) -> None:
    nobody = Actor("guest")  # no role
    with pytest.raises(PermissionDenied):
        run_analysis(cohort, nobody, Plan(CUTOFF))
