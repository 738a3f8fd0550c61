import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proapp.domain.answers import ParseError, parse_decimal, parse_int


@pytest.mark.parametrize(("raw", "value"), [
    (None, None), ("", None), ("  ", None), ("7", 7), (" 7 ", 7), (7, 7), (7.0, 7), ("07", 7),
    ("-3", -3), ("+4", 4), ("7.0", 7), ("7.", 7), (Decimal("5"), 5), ("0", 0),
])
def test_parse_int_accepts(raw: object, value: int | None) -> None:
    assert parse_int(raw) == value


@pytest.mark.parametrize("raw", ["7.5", "x", "12abc", "nan", "inf", float("nan"), 7.5, True,
                                 "1" * 41, "٣", "1_0", "2_005", "3e0", "1E2", "1e1", "0x1F",
                                 "7,0", "1.2.3", "+", "-", ".", "7 0", "７"])
def test_parse_int_refuses(raw: object) -> None:
    with pytest.raises(ParseError):
        parse_int(raw)


@pytest.mark.parametrize("raw", ["+7", "-7", "+0"])
def test_a_sign_is_refused_where_values_are_never_negative(raw: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_int(raw, signed=False)
    assert err.value.rule == "integer.sign"
    with pytest.raises(ParseError) as err:
        parse_decimal(raw, 1, signed=False)
    assert err.value.rule == "number.sign"


def test_decimals_carry_the_column_places_so_equal_values_compare_equal() -> None:
    assert str(parse_decimal("95", 1)) == "95.0"
    assert str(parse_decimal("95.00", 1)) == "95.0"
    assert str(parse_decimal(".5", 2)) == "0.50"


def test_more_places_are_rounded_half_up_only_when_asked() -> None:
    from decimal import ROUND_HALF_UP

    assert str(parse_decimal("612.25", 1, rounding=ROUND_HALF_UP)) == "612.3"
    assert str(parse_decimal("612.24", 1, rounding=ROUND_HALF_UP)) == "612.2"
    with pytest.raises(ParseError):
        parse_decimal("612.25", 1)


def test_blank_is_none_never_zero() -> None:
    assert parse_int("") is None
    assert parse_decimal("", 1) is None


@pytest.mark.parametrize(("raw", "places", "value"), [
    ("612.5", 1, "612.5"), ("612.50", 1, "612.5"), ("612", 1, "612"), ("0.333", 3, "0.333"),
    ("12,5", 1, "12.5"), (612.5, 1, "612.5"), (" 1.20 ", 2, "1.20"),
])
def test_parse_decimal_exact(raw: object, places: int, value: str) -> None:
    assert parse_decimal(raw, places) == Decimal(value)


@pytest.mark.parametrize(("raw", "rule"), [("12.25", "precision"), ("abc", "number"),
                                           ("NaN", "number"), ("Infinity", "number"),
                                           ("1e400", "number"), ("1,000.5", "number"),
                                           ("1_0", "number"), ("2_005", "number"),
                                           ("3e0", "number"), ("9" * 13, "range")])
def test_parse_decimal_refuses(raw: str, rule: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_decimal(raw, 1)
    assert err.value.rule == rule


@given(st.one_of(st.text(), st.floats(allow_nan=True), st.integers(), st.none(),
                 st.decimals(allow_nan=True)))
def test_parsers_raise_only_parse_error(raw: object) -> None:
    for fn in (parse_int, lambda r: parse_decimal(r, 2)):
        with contextlib.suppress(ParseError):
            fn(raw)
