import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proapp.domain.answers import ParseError, parse_decimal, parse_int


@pytest.mark.parametrize(("raw", "value"), [
    (None, None), ("", None), ("  ", None), ("7", 7), (" 7 ", 7), (7, 7), (7.0, 7), ("07", 7),
    ("-3", -3), ("+4", 4), ("1e1", 10), (Decimal("5"), 5), ("0", 0),
])
def test_parse_int_accepts(raw: object, value: int | None) -> None:
    assert parse_int(raw) == value


@pytest.mark.parametrize("raw", ["7.5", "x", "12abc", "nan", "inf", float("nan"), 7.5, True,
                                 "1" * 41, "٣"])
def test_parse_int_refuses(raw: object) -> None:
    with pytest.raises(ParseError):
        parse_int(raw)


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
                                           ("1e400", "range"), ("1,000.5", "number")])
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
