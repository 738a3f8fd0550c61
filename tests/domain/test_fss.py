from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proapp.domain.fss import FSS, is_significant, mean_of_total


def all_items(*values: int) -> dict[str, int | None]:
    return {str(n): v for n, v in enumerate(values, start=1)}


def test_nine_items_1_to_7_with_anchors() -> None:
    assert FSS.item_ids == tuple(str(n) for n in range(1, 10))
    assert all((it.minimum, it.maximum) == (1, 7) for it in FSS.items)
    assert FSS.item("1").text == "My motivation is lower when I am fatigued."
    assert FSS.item("9").anchors == {1: "strongly disagree", 7: "strongly agree"}


@pytest.mark.parametrize(("total", "mean"), [
    (9, "1.00"), (35, "3.89"), (36, "4.00"), (40, "4.44"), (41, "4.56"), (44, "4.89"),
    (63, "7.00"), (49, "5.44"), (50, "5.56"),
])
def test_mean_two_decimals_half_up(total: int, mean: str) -> None:
    assert mean_of_total(total) == Decimal(mean)
    assert str(mean_of_total(total)) == mean


def test_score_of_complete_answers() -> None:
    assert FSS.score(all_items(4, 4, 4, 4, 4, 4, 4, 4, 4)) == {"mean": Decimal("4.00"),
                                                               "total": 36}


def test_blank_when_any_item_missing() -> None:
    r = all_items(7, 7, 7, 7, 7, 7, 7, 7, 7)
    r["5"] = None
    assert FSS.score(r) == {"mean": None, "total": None}


@pytest.mark.parametrize(("total", "significant"), [(35, False), (36, True), (63, True),
                                                    (9, False)])
def test_threshold_decided_on_exact_total(total: int, significant: bool) -> None:
    assert is_significant(total) is significant


def test_threshold_not_met_by_rounding() -> None:
    # 35.9/9 would round to 3.99; totals are integers so 35 -> 3.89 stays below 4.0
    assert not is_significant(35)
    assert "below threshold" in FSS.score_text(FSS.score(all_items(4, 4, 4, 4, 4, 4, 4, 4, 3)))
    assert "significant" in FSS.score_text(FSS.score(all_items(4, 4, 4, 4, 4, 4, 4, 4, 4)))


@pytest.mark.parametrize("value", [0, 8, -1])
def test_out_of_range(value: int) -> None:
    issues = FSS.validate({"3": value})
    assert [(i.field, i.rule) for i in issues] == [("fss.3", "range")]


@given(st.lists(st.integers(1, 7), min_size=9, max_size=9))
def test_mean_within_scale_and_matches_total(values: list[int]) -> None:
    s = FSS.score(all_items(*values))
    assert s["total"] == sum(values)
    mean = s["mean"]
    assert isinstance(mean, Decimal)
    assert Decimal(1) <= mean <= Decimal(7)
    assert abs(mean - Decimal(sum(values)) / 9) <= Decimal("0.005")
    assert mean.as_tuple().exponent == -2
