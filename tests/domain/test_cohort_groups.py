"""The analysis groups and the plan that says which measure is analysed where."""

from datetime import date

import pytest

from proapp.domain.cohort import DEFAULT_GROUPS, GROUP_IDS, GROUPS, Plan, group
from proapp.domain.timepoints import Measure


def test_the_study_groups() -> None:
    assert GROUP_IDS == ("all", "rr", "sp", "pp", "headache", "headache-rr", "headache-sp",
                         "headache-pp", "fatigue", "fatigue-rr", "fatigue-sp", "fatigue-pp")
    member = {g.id for g in GROUPS if g.contains("SP", True, False)}
    assert member == {"all", "sp", "headache", "headache-sp"}


def test_default_choices_are_the_studys() -> None:
    plan = Plan(date(2017, 12, 31))
    assert plan.groups[Measure.MIDAS] == DEFAULT_GROUPS[Measure.MIDAS]
    assert all(g.startswith("headache") for g in plan.groups[Measure.MIDAS])
    assert all(g.startswith("fatigue") for g in plan.groups[Measure.FSS])
    assert plan.groups[Measure.FLOW] == GROUP_IDS
    assert plan.spearman_groups == plan.groups[Measure.MIDAS]
    text = "\n".join(plan.describe())
    assert "MIDAS total: analysed in Headache+ all, Headache+ RR" in text


def test_a_plan_is_normalised_and_checked() -> None:
    plan = Plan(date(2017, 1, 1), {Measure.MIDAS: ("pp", "all", "pp")}, ("rr",))
    assert plan.groups[Measure.MIDAS] == ("all", "pp")
    assert plan.groups[Measure.FSS] == ()
    with pytest.raises(KeyError, match="unknown group 'xx'"):
        Plan(date(2017, 1, 1), {Measure.MIDAS: ("xx",)})
    with pytest.raises(KeyError):
        group("RR")  # ids are lower case
