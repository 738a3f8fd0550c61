from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proapp.domain.flow import FlowMeasurement, Posture, Side, computed_flow, totals, validate_all

D = Decimal


def m(side=Side.LEFT, posture=Posture.SUPINE, **kw) -> FlowMeasurement:
    return FlowMeasurement(side, posture, **kw)


@pytest.mark.parametrize(("v", "a", "flow"), [
    ("20.00", "0.500", "600.0"), ("12.34", "0.567", "419.8"), ("0.01", "0.001", "0.0"),
    ("15.25", "0.333", "304.7"), ("10.00", "0.125", "75.0"),
])
def test_velocity_times_area_times_60(v: str, a: str, flow: str) -> None:
    assert computed_flow(D(v), D(a)) == D(flow)
    assert m(velocity_cm_s=D(v), area_cm2=D(a)).flow == D(flow)


def test_half_up_rounding_to_tenth() -> None:
    # 0.25 cm/s x 0.003 cm2 x 60 = 0.045 -> 0.0 ; 1.25 x 0.1 x 60 = 7.5 exactly
    assert computed_flow(D("1.25"), D("0.100")) == D("7.5")
    assert computed_flow(D("0.75"), D("0.001")) == D("0.0")  # 0.045
    assert computed_flow(D("0.25"), D("0.010")) == D("0.2")  # 0.15 -> half up


def test_direct_flow_wins_and_is_exact() -> None:
    assert m(flow_ml_min=D("612.5")).flow == D("612.5")
    assert not m(flow_ml_min=D("612.5")).is_computed


@pytest.mark.parametrize(("kw", "rule"), [
    ({"flow_ml_min": D("3000.1")}, "range"),
    ({"flow_ml_min": D("-1")}, "range"),
    ({"flow_ml_min": D("12.25")}, "precision"),
    ({"velocity_cm_s": D("301"), "area_cm2": D("1")}, "range"),
    ({"velocity_cm_s": D("10"), "area_cm2": D("10.001")}, "range"),
    ({"velocity_cm_s": D("10.001"), "area_cm2": D("1")}, "precision"),
    ({"velocity_cm_s": D("10")}, "flow.velocity_area_pair"),
    ({"area_cm2": D("1")}, "flow.velocity_area_pair"),
    ({"flow_ml_min": D("100"), "velocity_cm_s": D("10"), "area_cm2": D("1")}, "flow.both_methods"),
    ({"velocity_cm_s": D("100"), "area_cm2": D("9")}, "range"),  # computed 54000 mL/min
    ({"flow_ml_min": D("100"), "stenosis_pct": 101}, "range"),
])
def test_hard_errors(kw: dict[str, Any], rule: str) -> None:
    issues = m(**kw).validate()
    assert rule in [i.rule for i in issues if i.is_error], issues


def test_zero_flow_is_only_a_warning() -> None:
    issues = m(flow_ml_min=D("0")).validate()
    assert [(i.rule, i.is_error) for i in issues] == [("flow.zero", False)]


def test_field_names_posture_and_side() -> None:
    issue = m(Side.RIGHT, Posture.UPRIGHT, flow_ml_min=D("5000")).validate()[0]
    assert issue.field == "flow.upright.right.flow"


def test_totals_only_when_both_sides() -> None:
    t = totals([m(Side.LEFT, flow_ml_min=D("200.5")), m(Side.RIGHT, flow_ml_min=D("300.0")),
                m(Side.LEFT, Posture.UPRIGHT, flow_ml_min=D("100"))])
    assert t[Posture.SUPINE].total == D("500.5")
    assert t[Posture.UPRIGHT].left == D("100") and t[Posture.UPRIGHT].total is None


def test_duplicate_vein() -> None:
    issues = validate_all([m(flow_ml_min=D(1)), m(flow_ml_min=D(2))])
    assert "flow.duplicate" in [i.rule for i in issues]


tenths = st.integers(0, 30000).map(lambda n: D(n).scaleb(-1))


@given(tenths, tenths)
def test_total_is_exact_sum(left: Decimal, right: Decimal) -> None:
    t = totals([m(Side.LEFT, flow_ml_min=left), m(Side.RIGHT, flow_ml_min=right)])
    assert t[Posture.SUPINE].total == left + right
    assert not [i for i in m(flow_ml_min=left).validate() if i.is_error]


_NUMBERS = st.one_of(
    st.none(), st.decimals(allow_nan=False, allow_infinity=False, places=None),
    st.decimals(min_value=-1, max_value=4000, places=1),
    st.decimals(min_value=0, max_value=200, places=2),
    st.decimals(min_value=0, max_value=20, places=3),
    st.sampled_from([D(0), D("0.0"), D("-0"), D("3000.0"), D("3000.1"), D("480"), D("1.50")]),
    st.integers(-5, 5000), st.floats(allow_nan=False), st.booleans())
_STENOSIS = st.one_of(st.none(), st.integers(-5, 120), st.booleans(), st.decimals(0, 100))


@given(st.sampled_from(list(Side)), st.sampled_from(list(Posture)), _NUMBERS, _NUMBERS,
       _NUMBERS, _STENOSIS)
def test_the_quick_check_only_passes_what_the_rules_pass(
        side: Side, posture: Posture, flow: Any, velocity: Any, area: Any,
        stenosis: Any) -> None:
    """validate() takes a shortcut for a clean vein (no message built); it must never pass a
    vein the full rules would report anything about, error or warning. (Finite numbers: the
    parsers make no others.)"""
    vein = FlowMeasurement(side, posture, flow, velocity, area, stenosis)
    if vein._clean():
        assert vein._rules() == []
    assert vein.validate() == ([] if vein._clean() else vein._rules())


@pytest.mark.parametrize("kw", [
    {"flow_ml_min": D("250.5")}, {"flow_ml_min": D("250.5"), "stenosis_pct": 40},
    {"velocity_cm_s": D("12.34"), "area_cm2": D("0.567")}, {"stenosis_pct": 70},
])
def test_the_quick_check_takes_the_common_veins(kw: dict[str, Any]) -> None:
    assert m(**kw)._clean() and m(**kw).validate() == []
