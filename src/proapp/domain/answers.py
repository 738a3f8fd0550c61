"""Parsing of raw answers: what a person typed or a file held, into an int or "not answered".

Kept apart from the instruments so the GUI, the CSV import and the hypothesis fuzzers all go
through one parser: a blank is never 0, a float or "12abc" is never silently truncated.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from enum import StrEnum


class MissingReason(StrEnum):
    """Why an item has no answer; stored instead of a value, never as 0."""

    DECLINED = "declined"
    NOT_ASKED = "not_asked"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {"declined": "declined to answer", "not_asked": "not asked",
                "unknown": "unknown"}[self.value]

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
        raise ParseError(rule, "the value is far too long to be a number")
    m = _NUMBER.fullmatch(text)
    if m is None or not (m["digits"] or m["fraction"]):
        raise ParseError(rule, f"{text[:MAX_TEXT]!r} is not {what} (digits only, with at most "
                         "one decimal point; no exponent, no separators)")
    return m["sign"], m["digits"], m["mark"] or "", m["fraction"] or ""


def parse_int(raw: object, *, signed: bool = True) -> int | None:
    """Parse an integer answer. Blank -> None; '7', ' 7 ', 7, 7.0, '7.0' -> 7; '7.5', 'x',
    '1e1', '1_0', NaN -> error. ``signed`` False refuses a leading '+' or '-' (columns whose
    values are never negative: a sign there is a typing or export mistake)."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ParseError("integer", f"{raw!r} is not a whole number")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if math.isfinite(raw) and raw == int(raw):
            return int(raw)
        raise ParseError("integer", f"{raw!r} is not a whole number")
    if isinstance(raw, Decimal):
        if raw.is_finite() and raw == raw.to_integral_value():
            return int(raw)
        raise ParseError("integer", f"{raw} is not a whole number")
    parts = _number_text(raw, "integer", "a whole number")
    if parts is None:
        return None
    sign, digits, mark, fraction = parts
    if sign and not signed:
        raise ParseError("integer.sign", f"{str(raw).strip()!r}: a sign is not allowed here")
    if mark == "," or fraction.strip("0"):
        raise ParseError("integer", f"{str(raw).strip()!r} is not a whole number")
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
        raise ParseError("number", f"{raw!r} is not a number")
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise ParseError("number", f"{raw!r} is not a finite number")
        raw = repr(raw)
        if "e" in raw or "E" in raw:
            raw = format(Decimal(raw), "f")
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise ParseError("number", f"{raw} is not a finite number")
        raw = format(raw, "f")
    parts = _number_text(raw, "number", "a number")
    if parts is None:
        return None
    sign, digits, _mark, fraction = parts
    if sign and not signed:
        raise ParseError("number.sign", f"{str(raw).strip()!r}: a sign is not allowed here")
    if len(digits.lstrip("0")) > 12:
        raise ParseError("range", f"{str(raw).strip()} is far outside any plausible value")
    value = Decimal(f"{sign}{digits or '0'}.{fraction or '0'}")
    step = Decimal(1).scaleb(-places)
    if len(fraction.rstrip("0")) > places:
        if rounding is None:
            raise ParseError("precision",
                             f"{str(raw).strip()} has more than {places} decimal place(s)")
        return value.quantize(step, rounding=rounding)
    return value.quantize(step)
