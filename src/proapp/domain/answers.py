"""Parsing of raw answers: what a person typed or a file held, into an int or "not answered".

Kept apart from the instruments so the GUI, the CSV import and the hypothesis fuzzers all go
through one parser: a blank is never 0, a float or "12abc" is never silently truncated.
"""

from __future__ import annotations

import math
import re
from datetime import date
from datetime import datetime as datetime_type
from decimal import Decimal
from enum import StrEnum

from proapp.domain.i18n import Msg, msg
from proapp.domain.language import ISO_FORMAT, DateOrder, LocaleFormat


class MissingReason(StrEnum):
    """Why an item has no answer; stored instead of a value, never as 0."""

    DECLINED = "declined"
    NOT_ASKED = "not_asked"
    UNKNOWN = "unknown"

    @property
    def label(self) -> Msg:
        return {"declined": msg("declined to answer"), "not_asked": msg("not asked"),
                "unknown": msg("unknown")}[self.value]

    @property
    def key(self) -> str:
        """The letter typed after :data:`MISSING_PREFIX` to record this reason in a field."""
        return {"declined": "d", "not_asked": "n", "unknown": "u"}[self.value]

    @classmethod
    def from_key(cls, key: str) -> MissingReason | None:
        for reason in cls:
            if reason.key == key.lower():
                return reason
        return None


# In an answer field, "." followed by d, n or u records the item as missing (declined, not
# asked, unknown), as EpiData and REDCap missing codes do: typed, never picked with the mouse.
MISSING_PREFIX = "."


class ParseError(ValueError):
    """The raw text is not a value of the expected kind; ``rule`` names which rule failed."""

    def __init__(self, rule: str, message: str):
        self.rule = rule
        self.message = message  # a Msg: the screens show it in the reader's language
        super().__init__(message)


MAX_TEXT = 40  # longest numeric text accepted; longer input is refused, never parsed


# The number grammar, for typed input and files alike: digits, an optional sign, at most one
# decimal mark. Python's own parsers accept far more ("1_0", "3e0", "1E2", "0x1F", other
# scripts' digits), which a form or a clinic spreadsheet never means.
_NUMBER = re.compile(r"(?P<sign>[+-]?)(?P<digits>[0-9]*)(?:(?P<mark>[.,])(?P<fraction>[0-9]*))?")


def _number_text(raw: object, rule: str, what: str) -> tuple[str, str, str, str] | None:
    """(sign, digits, mark, fraction) of a numeric text, None for blank; ParseError else."""
    text = str(raw).strip()
    if text == "":
        return None
    if len(text) > MAX_TEXT:
        raise ParseError(rule, msg("the value is far too long to be a number"))
    m = _NUMBER.fullmatch(text)
    if m is None or not (m["digits"] or m["fraction"]):
        if what == "whole":
            raise ParseError(rule, msg("{text} is not a whole number (digits only, with at most "
                                       "one decimal point; no exponent, no separators)",
                                       text=repr(text[:MAX_TEXT])))
        raise ParseError(rule, msg("{text} is not a number (digits only, with at most one "
                                   "decimal point; no exponent, no separators)",
                                   text=repr(text[:MAX_TEXT])))
    return m["sign"], m["digits"], m["mark"] or "", m["fraction"] or ""


def _not_whole(text: str) -> Msg:
    return msg("{text} is not a whole number", text=text)


def _no_sign(raw: object) -> Msg:
    return msg("{text}: a sign is not allowed here", text=repr(str(raw).strip()))


def parse_int(raw: object, *, signed: bool = True, decimal_comma: bool = False) -> int | None:
    """Parse an integer answer. Blank -> None; '7', ' 7 ', 7, 7.0, '7.0' -> 7; '7.5', 'x',
    '1e1', '1_0', NaN -> error. ``signed`` False refuses a leading '+' or '-' (columns whose
    values are never negative: a sign there is a typing or export mistake). ``decimal_comma``
    reads '7,0' as 7 too (typed in a language that writes a decimal comma); in a file a comma
    in a whole number is refused, since '7,000' may mean seven thousand."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ParseError("integer", _not_whole(repr(raw)))
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if math.isfinite(raw) and raw == int(raw):
            return int(raw)
        raise ParseError("integer", _not_whole(repr(raw)))
    if isinstance(raw, Decimal):
        if raw.is_finite() and raw == raw.to_integral_value():
            return int(raw)
        raise ParseError("integer", _not_whole(str(raw)))
    parts = _number_text(raw, "integer", "whole")
    if parts is None:
        return None
    sign, digits, mark, fraction = parts
    if sign and not signed:
        raise ParseError("integer.sign", _no_sign(raw))
    if (mark == "," and not decimal_comma) or fraction.strip("0"):
        raise ParseError("integer", _not_whole(repr(str(raw).strip())))
    value = int(digits or "0")
    return -value if sign == "-" else value


def parse_decimal(raw: object, places: int, *, signed: bool = True,
                  rounding: str | None = None) -> Decimal | None:
    """Parse a measurement with at most ``places`` decimals, exactly (no binary float
    rounding), as a Decimal with exactly ``places`` places ("95" -> 95.0), so equal values
    compare equal however they were typed. More places are an error unless ``rounding``
    (e.g. ``decimal.ROUND_HALF_UP``) is given; a decimal comma is read as a point."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ParseError("number", msg("{text} is not a number", text=repr(raw)))
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise ParseError("number", msg("{text} is not a finite number", text=repr(raw)))
        raw = repr(raw)
        if "e" in raw or "E" in raw:
            raw = format(Decimal(raw), "f")
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise ParseError("number", msg("{text} is not a finite number", text=str(raw)))
        raw = format(raw, "f")
    parts = _number_text(raw, "number", "number")
    if parts is None:
        return None
    sign, digits, _mark, fraction = parts
    if sign and not signed:
        raise ParseError("number.sign", _no_sign(raw))
    if len(digits.lstrip("0")) > 12:
        raise ParseError("range", msg("{text} is far outside any plausible value",
                                      text=str(raw).strip()))
    value = Decimal(f"{sign}{digits or '0'}.{fraction or '0'}")
    step = Decimal(1).scaleb(-places)
    if len(fraction.rstrip("0")) > places:
        if rounding is None:
            raise ParseError("precision", msg("{text} has more than {places} decimal place(s)",
                                              text=str(raw).strip(), places=places))
        return value.quantize(step, rounding=rounding)
    return value.quantize(step)


_ISO_DATE = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})")
_LOCAL_DATE = re.compile(r"(?P<a>[0-9]{1,4})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)"
                         r"(?P<c>[0-9]{1,4})")


def parse_date(raw: object, fmt: LocaleFormat = ISO_FORMAT) -> date | None:
    """A typed date: ISO ``2013-02-01`` always, or the short format of ``fmt`` (``01/02/2013``
    in Italian and British English, ``02/01/2013`` in US English; ``.`` or ``-`` may stand for
    ``/``). Blank -> None. The year must have four digits: ``01/02/13`` could be 1913 or 2013,
    and a guessed century on a birth date is a wrong patient."""
    if raw is None:
        return None
    if isinstance(raw, datetime_type):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw).strip()
    if text == "":
        return None
    pattern = fmt.date_pattern
    if len(text) > MAX_TEXT:
        raise ParseError("date", msg("the value is far too long to be a date"))
    iso = _ISO_DATE.fullmatch(text)
    if iso:
        y, m, d = int(iso["y"]), int(iso["m"]), int(iso["d"])
    else:
        local = _LOCAL_DATE.fullmatch(text)
        if local is None or (len(local["a"]) > 2 and fmt.date_order is not DateOrder.ISO):
            raise ParseError("date", msg("{text} is not a date: write it as {pattern}",
                                         text=repr(text), pattern=pattern))
        a, b, c = local["a"], local["b"], local["c"]
        if fmt.date_order is DateOrder.ISO:
            if len(a) != 4:
                raise ParseError("date", msg("{text} is not a date: write it as {pattern}",
                                             text=repr(text), pattern=pattern))
            y, m, d = int(a), int(b), int(c)
        else:
            if len(c) != 4:
                raise ParseError("date.year", msg(
                    "{text}: write the year with four digits ({pattern})", text=repr(text),
                    pattern=pattern))
            first, second = int(a), int(b)
            d, m = (second, first) if fmt.date_order is DateOrder.MONTH_DAY_YEAR else (first,
                                                                                       second)
            y = int(c)
    try:
        return date(y, m, d)
    except ValueError:
        raise ParseError("date", msg("{text} is not a day of the calendar ({pattern})",
                                     text=repr(text), pattern=pattern)) from None
