"""The languages proapp speaks and how each writes dates and numbers.

A language is what a person reads (screens, reports, questionnaire texts); a
:class:`LocaleFormat` is how dates and decimals are written in it. Both are plain data so the
screens, the reports and the parsers agree: Italian writes ``01/02/2013`` and ``3,5``,
English (as spoken in Britain and most of the world) ``01/02/2013`` and ``3.5``, and English
as written in the United States ``02/01/2013``. ISO ``2013-02-01`` is accepted everywhere,
and files (CSV, exports) always use ISO and a decimal point whatever the language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Language(StrEnum):
    ENGLISH = "en"
    ITALIAN = "it"

    @property
    def native_name(self) -> str:
        """The language's name in itself, as a language menu shows it."""
        return {"en": "English", "it": "Italiano"}[self.value]


DEFAULT_LANGUAGE = Language.ENGLISH
LANGUAGES: tuple[Language, ...] = tuple(Language)


def from_tag(tag: str | None) -> Language | None:
    """The language of a locale tag (``it_IT.UTF-8``, ``en-GB``, ``it``), None if proapp does
    not speak it (the caller then falls back to :data:`DEFAULT_LANGUAGE`)."""
    if not tag:
        return None
    head = tag.strip().replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    try:
        return Language(head)
    except ValueError:
        return None


def parse_language(code: object) -> Language:
    """A stored or typed language code; ValueError names the codes proapp knows."""
    try:
        return Language(str(code).strip().lower())
    except ValueError:
        known = ", ".join(f"{x.value} ({x.native_name})" for x in LANGUAGES)
        raise ValueError(f"{str(code)[:20]!r} is not a language proapp knows: {known}") from None


class DateOrder(StrEnum):
    DAY_MONTH_YEAR = "dmy"
    MONTH_DAY_YEAR = "mdy"
    ISO = "ymd"


@dataclass(frozen=True, slots=True)
class LocaleFormat:
    """How one language writes dates and decimals. Years are always four digits: a two-digit
    year cannot tell a birth in 1925 from one in 2025."""

    language: Language
    date_order: DateOrder
    decimal_mark: str

    @property
    def date_pattern(self) -> str:
        """The pattern a field shows as its placeholder, in the language's own letters."""
        day, month, year = {"it": ("gg", "mm", "aaaa")}.get(self.language.value,
                                                               ("dd", "mm", "yyyy"))
        if self.date_order is DateOrder.ISO:
            return f"{year}-{month}-{day}"
        if self.date_order is DateOrder.MONTH_DAY_YEAR:
            return f"{month}/{day}/{year}"
        return f"{day}/{month}/{year}"

    def format_date(self, day: date | None) -> str:
        if day is None:
            return ""
        if self.date_order is DateOrder.ISO:
            return day.isoformat()
        if self.date_order is DateOrder.MONTH_DAY_YEAR:
            return f"{day.month:02d}/{day.day:02d}/{day.year:04d}"
        return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"

    def format_number(self, value: int | Decimal | float | None, places: int | None = None) -> str:
        """A number as this language writes it: ``4,33`` in Italian. ``places`` fixes the
        decimals (Decimals keep their own places otherwise). No thousands separator: the same
        text can be typed back."""
        if value is None:
            return ""
        if isinstance(value, bool):
            raise TypeError("a yes/no value is not a number")
        if places is not None:
            text = f"{Decimal(str(value)) if isinstance(value, float) else value:.{places}f}"
        elif isinstance(value, float):
            text = f"{value:g}"
        else:
            text = format(value, "f") if isinstance(value, Decimal) else str(value)
        return text.replace(".", self.decimal_mark) if self.decimal_mark != "." else text


ISO_FORMAT = LocaleFormat(Language.ENGLISH, DateOrder.ISO, ".")
"""Files and the command line: ISO dates and a decimal point, whatever the language."""


def locale_format(language: Language, territory: str | None = None) -> LocaleFormat:
    """The format a person of ``language`` expects; ``territory`` (a country code such as
    ``US`` from the system locale) picks the month-first order of US English."""
    if language is Language.ITALIAN:
        return LocaleFormat(language, DateOrder.DAY_MONTH_YEAR, ",")
    order = (DateOrder.MONTH_DAY_YEAR if (territory or "").upper() in _MONTH_FIRST
             else DateOrder.DAY_MONTH_YEAR)
    return LocaleFormat(language, order, ".")


# Territories whose English writes the month first (the United States and the places that
# follow its usage); everywhere else English is day first.
_MONTH_FIRST = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM", "PH", "FM", "MH", "PW"})


def report_format(language: Language) -> LocaleFormat:
    """Dates and numbers on paper. An English report is read in any country, so its dates are
    ISO (never 02/01 for one reader and 01/02 for another); an Italian one is Italian."""
    if language is Language.ITALIAN:
        return locale_format(language)
    return LocaleFormat(language, DateOrder.ISO, ".")
