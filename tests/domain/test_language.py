"""Languages and their formats: dates typed in the reader's short format (ISO always), decimal
commas in Italian, and the same stored value whichever way it was typed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proapp.domain.answers import ParseError, parse_date, parse_decimal, parse_int
from proapp.domain.language import (
    ISO_FORMAT,
    DateOrder,
    Language,
    from_tag,
    locale_format,
    parse_language,
    report_format,
)

IT = locale_format(Language.ITALIAN)
GB = locale_format(Language.ENGLISH, "GB")
US = locale_format(Language.ENGLISH, "US")


@pytest.mark.parametrize(("tag", "language"), [
    ("it_IT.UTF-8", Language.ITALIAN), ("it-CH", Language.ITALIAN), ("it", Language.ITALIAN),
    ("en_US", Language.ENGLISH), ("en-GB", Language.ENGLISH), ("C", None), ("de_DE", None),
    ("", None), (None, None), ("it_IT@euro", Language.ITALIAN),
])
def test_from_tag(tag: str | None, language: Language | None) -> None:
    assert from_tag(tag) is language


def test_parse_language_names_the_known_codes() -> None:
    assert parse_language(" IT ") is Language.ITALIAN
    with pytest.raises(ValueError, match="en \\(English\\), it \\(Italiano\\)"):
        parse_language("de")


def test_the_formats_of_each_language() -> None:
    d = date(2013, 2, 1)
    assert (IT.format_date(d), GB.format_date(d), US.format_date(d)) == (
        "01/02/2013", "01/02/2013", "02/01/2013")
    assert (IT.date_pattern, GB.date_pattern, US.date_pattern) == (
        "gg/mm/aaaa", "dd/mm/yyyy", "mm/dd/yyyy")
    assert IT.format_number(Decimal("3.50")) == "3,50" and GB.format_number(Decimal("3.5")) == "3.5"
    assert IT.format_number(Decimal("4.333"), 2) == "4,33" and IT.format_number(12) == "12"
    assert report_format(Language.ENGLISH).date_order is DateOrder.ISO
    assert report_format(Language.ITALIAN).format_date(d) == "01/02/2013"


def test_the_brief_example_stores_the_same_values_in_both_languages() -> None:
    """``01/02/2013`` and ``3,5`` typed in Italian are 1 February 2013 and 3.5, exactly what
    ``2013-02-01``/``01/02/2013``/``02/01/2013`` and ``3.5`` are in English."""
    day = date(2013, 2, 1)
    assert parse_date("01/02/2013", IT) == day
    assert parse_date("01/02/2013", GB) == parse_date("02/01/2013", US) == day
    assert parse_date("2013-02-01", IT) == parse_date("2013-02-01", US) == day
    assert parse_decimal("3,5", 1) == parse_decimal("3.5", 1) == Decimal("3.5")
    assert parse_int("7,0", decimal_comma=True) == parse_int("7.0") == 7


@pytest.mark.parametrize("text", ["1/2/2013", "01.02.2013", "1-2-2013", " 01/02/2013 "])
def test_separators_and_single_digits(text: str) -> None:
    assert parse_date(text, IT) == date(2013, 2, 1)


@pytest.mark.parametrize(("text", "rule"), [
    ("01/02/13", "date.year"), ("31/02/2013", "date"), ("2013/02/01", "date"),
    ("01/02-2013", "date"), ("1 feb 2013", "date"), ("13/13/2013", "date"),
    ("2013-13-01", "date"), ("x" * 50, "date"), ("01/02/2013x", "date"),
])
def test_dates_that_are_refused(text: str, rule: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_date(text, IT)
    assert err.value.rule == rule


def test_a_month_first_date_is_refused_in_day_first_english_when_it_cannot_be_a_day() -> None:
    with pytest.raises(ParseError):
        parse_date("02/13/2013", GB)
    assert parse_date("02/13/2013", US) == date(2013, 2, 13)


def test_iso_only_format_reads_only_iso() -> None:
    assert parse_date("2013-02-01") == date(2013, 2, 1)
    with pytest.raises(ParseError):
        parse_date("01/02/2013", ISO_FORMAT)


def test_blank_is_no_date() -> None:
    assert parse_date("  ", IT) is None and parse_date(None, IT) is None


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
       st.sampled_from([IT, GB, US, ISO_FORMAT]))
def test_every_date_reads_back_as_it_is_shown(day: date, fmt) -> None:
    assert parse_date(fmt.format_date(day), fmt) == day
    assert parse_date(day.isoformat(), fmt) == day


@given(st.decimals(min_value=0, max_value=3000, places=1, allow_nan=False),
       st.sampled_from([IT, GB, US]))
def test_every_decimal_reads_back_as_it_is_shown(value: Decimal, fmt) -> None:
    assert parse_decimal(fmt.format_number(value, 1), 1) == value
