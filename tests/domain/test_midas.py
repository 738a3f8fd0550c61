import pytest
from hypothesis import given
from hypothesis import strategies as st

from proapp.domain.answers import MissingReason
from proapp.domain.midas import GRADES, MIDAS, grade

SCORED = ("q1", "q2", "q3", "q4", "q5")


def answers(q1=0, q2=0, q3=0, q4=0, q5=0, a=None, b=None):
    return {"q1": q1, "q2": q2, "q3": q3, "q4": q4, "q5": q5, "a": a, "b": b}


def rules(issues):
    return sorted(i.rule for i in issues)


@pytest.mark.parametrize(("total", "expected"), [
    (0, "I"), (5, "I"), (6, "II"), (10, "II"), (11, "III"), (20, "III"), (21, "IV"), (270, "IV"),
])
def test_grade_edges(total: int, expected: str) -> None:
    assert grade(total) == expected


def test_grade_rejects_negative() -> None:
    with pytest.raises(ValueError, match="negative"):
        grade(-1)


def test_total_is_sum_of_q1_to_q5_only() -> None:
    scores = MIDAS.score(answers(1, 2, 3, 4, 5, a=60, b=9))
    assert scores == {"total": 15, "grade": "III"}


@pytest.mark.parametrize("missing", SCORED)
def test_total_blank_when_any_scored_item_missing(missing: str) -> None:
    r = answers(1, 1, 1, 1, 1)
    r[missing] = None
    assert MIDAS.score(r) == {"total": None, "grade": None}


def test_a_and_b_missing_do_not_block_total() -> None:
    assert MIDAS.score(answers(2, 2, 2, 0, 0))["total"] == 6


def test_items_come_from_the_published_questionnaire() -> None:
    assert MIDAS.item_ids == ("q1", "q2", "q3", "q4", "q5", "a", "b")
    assert all(it.minimum == 0 and it.maximum == 90 for it in MIDAS.items[:6])
    assert (MIDAS.item("b").minimum, MIDAS.item("b").maximum) == (0, 10)
    assert "last 3 months" in MIDAS.item("q1").text
    assert "Do not include days you counted in question 1" in MIDAS.item("q2").text
    assert not MIDAS.item("a").scored and not MIDAS.item("b").scored


@pytest.mark.parametrize(("item", "value"), [("q1", -1), ("q3", 91), ("a", 91), ("b", 11),
                                             ("b", -1)])
def test_range_errors_name_item_and_rule(item: str, value: int) -> None:
    r = answers(a=10, b=5)
    r[item] = value
    issues = MIDAS.validate(r)
    assert any(i.is_error and i.rule == "range" and i.field == f"midas.{item}"
               and i.value == value for i in issues)


@pytest.mark.parametrize("value", [1.5, "3", True])
def test_non_integer_is_an_error(value: object) -> None:
    r = answers()
    r["q1"] = value
    assert "integer" in rules(MIDAS.validate(r))


def test_unknown_item() -> None:
    assert "unknown_item" in rules(MIDAS.validate({"q9": 1}))


@pytest.mark.parametrize(("q1", "q2", "bad"), [(45, 45, False), (45, 46, True), (90, 0, False),
                                               (0, 91, True)])
def test_work_days_cannot_exceed_90(q1: int, q2: int, bad: bool) -> None:
    issues = [i for i in MIDAS.validate(answers(q1, q2, a=90, b=5))
              if i.rule == "midas.q1_q2_sum"]
    assert bool(issues) == (bad and q2 <= 90)
    if issues:
        assert issues[0].is_error and "90" in issues[0].message


def test_household_days_cannot_exceed_90() -> None:
    issues = MIDAS.validate(answers(q3=50, q4=41, a=90, b=5))
    assert [i.rule for i in issues if i.is_error] == ["midas.q3_q4_sum"]
    assert not [i for i in MIDAS.validate(answers(q3=50, q4=40, a=90, b=5)) if i.is_error]


def test_item_above_headache_days_is_a_warning_per_item() -> None:
    issues = MIDAS.validate(answers(q1=5, q2=0, q3=7, a=6, b=5))
    flagged = [(i.field, i.is_error) for i in issues if i.rule == "midas.exceeds_headache_days"]
    assert flagged == [("midas.q3", False)]


def test_pain_without_headache_days_warns() -> None:
    issues = MIDAS.validate(answers(a=0, b=4))
    assert [i.rule for i in issues] == ["midas.pain_without_headache"]
    assert not issues[0].is_error


def test_headache_days_without_pain_warns() -> None:
    issues = MIDAS.validate(answers(a=3, b=0))
    assert [i.rule for i in issues] == ["midas.headache_without_pain"]


def test_consistent_answers_have_no_findings() -> None:
    assert MIDAS.validate(answers(1, 2, 3, 4, 5, a=20, b=6)) == []
    assert MIDAS.validate(answers(a=0, b=0)) == []


def test_answer_and_missing_reason_together_is_an_error() -> None:
    issues = MIDAS.validate(answers(), {"q1": MissingReason.DECLINED})
    assert "answered_and_missing" in rules(issues)


day = st.integers(0, 90)


@given(day, day, day, day, day)
def test_total_range_and_grade_consistent(q1, q2, q3, q4, q5) -> None:
    scores = MIDAS.score(answers(q1, q2, q3, q4, q5))
    total = scores["total"]
    assert isinstance(total, int)
    assert total == q1 + q2 + q3 + q4 + q5
    assert 0 <= total <= 450
    _g, low, high, _ = next(x for x in GRADES if x[0] == scores["grade"])
    assert low <= total and (high is None or total <= high)


@given(st.integers(0, 500), st.integers(0, 500))
def test_grade_is_monotonic_in_total(a: int, b: int) -> None:
    order = ["I", "II", "III", "IV"]
    lo, hi = sorted((a, b))
    assert order.index(grade(lo)) <= order.index(grade(hi))


@given(st.dictionaries(st.sampled_from(MIDAS.item_ids),
                       st.one_of(st.none(), st.integers(-10**9, 10**9))))
def test_validate_never_crashes_and_errors_iff_out_of_range(r) -> None:
    issues = MIDAS.validate(r)
    out_of_range = {k for k, v in r.items()
                    if v is not None and not MIDAS.item(k).minimum <= v <= MIDAS.item(k).maximum}
    assert {i.field.split(".")[1] for i in issues if i.rule == "range"} == out_of_range
