"""Cell text of the interchange CSV: writing values exactly, neutralising formula-like text,
and parsing cells back with the domain's own parsers (``domain.answers``).

Formula injection: a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is written with a leading apostrophe (``'=HYPERLINK(...)``), which spreadsheets show as
text. The import removes that one apostrophe again, so the round trip is exact. Numbers are
never prefixed (a number is written by its kind, never as text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import SupportsInt, cast

from proapp.domain.answers import ParseError, parse_decimal, parse_int
from proapp.domain.i18n import msg
from proapp.services.exchange.columns import Column, Kind

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def needs_guard(text: str) -> bool:
    """True for text a spreadsheet could take as a formula (also behind leading apostrophes,
    so that a text already starting with ``'`` keeps its apostrophe through a round trip)."""
    rest = text.lstrip("'")
    return bool(rest) and rest[0] in TRIGGERS


def neutralise(text: str) -> str:
    return "'" + text if needs_guard(text) else text


def unneutralise(text: str) -> str:
    return text[1:] if text.startswith("'") and needs_guard(text) else text


def scaled_text(value: Decimal, places: int) -> str:
    """Fixed-point text with exactly ``places`` decimals ("4.00", "612.5"); never a float."""
    return format(value.quantize(Decimal(1).scaleb(-places)) if places else value, "f")


def to_text(col: Column, value: object, *, guard: bool = True) -> str:
    """The CSV text for a value of ``col`` (blank for missing). ``guard`` False leaves text
    exactly as stored (files another program imports as data, never opens as a sheet)."""
    if value is None:
        return ""
    kind = col.kind
    if kind is Kind.BOOLEAN:
        return "1" if value else "0"
    if kind is Kind.DECIMAL:
        assert isinstance(value, Decimal)
        return scaled_text(value, col.places)
    if kind is Kind.DATE:
        assert isinstance(value, date)
        return value.isoformat()
    if kind is Kind.INTEGER:
        return str(int(cast(SupportsInt, value)))
    return neutralise(str(value)) if guard else str(value)


class _Texts(dict[object, str]):
    """Value -> its cell text, made once per distinct value: a hit is the dictionary's own
    lookup in C, no Python call (exports format millions of cells, and flows, means, codes,
    labels and yes/no repeat a lot). Bounded, whatever the data.

    One memo serves one column, so values that compare equal give the same text: decimals
    equal in value are written with the column's fixed places alike, and a column holds one
    kind of value (text columns strings, yes/no columns booleans)."""

    __slots__ = ("_make",)
    LIMIT = 100_000

    def __init__(self, make: Callable[[object], str]):
        super().__init__({None: ""})
        self._make = make

    def __missing__(self, value: object) -> str:
        if len(self) > self.LIMIT:
            self.clear()
            self[None] = ""
        text = self[value] = self._make(value)
        return text


def formatter(col: Column) -> Callable[[object], str]:
    """A fast ``to_text`` for one column (blank for missing)."""
    if col.kind is Kind.INTEGER:
        return lambda v: "" if v is None else str(v)
    if col.kind in (Kind.TEXT, Kind.CODE):
        risky = frozenset((*TRIGGERS, "'"))

        def text(v: object) -> str:
            t = str(v)
            return neutralise(t) if t[:1] in risky else t
        return _Texts(text).__getitem__
    return _Texts(lambda v: to_text(col, v)).__getitem__


def rounded(col: Column, raw: str) -> bool:
    """Whether parsing ``raw`` for ``col`` rounded away decimal places (import warns)."""
    if not col.rounds:
        return False
    text = raw.strip().replace(",", ".")
    point = text.find(".")
    return point >= 0 and len(text[point + 1:].rstrip("0")) > col.places


def parse(col: Column, raw: str) -> object:
    """The value of a cell, or None for blank. Raises :class:`ParseError` (rule, message)."""
    kind = col.kind
    if kind is Kind.TEXT:
        text = unneutralise(raw)
        if col.max_length is not None and len(text) > col.max_length:
            raise ParseError("length", msg("longer than {limit} characters",
                                           limit=col.max_length))
        return text if text != "" else None
    text = raw.strip()
    if text == "":
        return None
    if kind is Kind.INTEGER:
        return parse_int(text, signed=col.signed)
    if kind is Kind.DECIMAL:
        return parse_decimal(text, col.places, signed=col.signed,
                             rounding=ROUND_HALF_UP if col.rounds else None)
    if kind is Kind.DATE:
        if not _DATE.match(text):
            raise ParseError("date.format", msg("{text} is not a date in the form YYYY-MM-DD",
                                                text=repr(text[:40])))
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ParseError("date.format", msg("{text} is not a calendar date",
                                                text=text)) from None
    if kind is Kind.BOOLEAN:
        if text in ("0", "1"):
            return text == "1"
        raise ParseError("boolean", msg("{text} must be 0 (no) or 1 (yes)",
                                        text=repr(text[:40])))
    if kind is Kind.CODE:
        if text in col.codes or col.name == "visit_label":
            return text
        raise ParseError("code", msg("{text} is not one of {codes}", text=repr(text[:40]),
                                     codes=", ".join(col.codes)))
    raise AssertionError(kind)
