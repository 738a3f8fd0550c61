"""Parsing of raw answers: what a person typed or a file held, into an int or "not answered".

Kept apart from the instruments so the GUI, the CSV import and the hypothesis fuzzers all go
through one parser: a blank is never 0, a float or "12abc" is never silently truncated.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
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


class ParseError(ValueError):
    """The raw text is not a value of the expected kind; ``rule`` names which rule failed."""

    def __init__(self, rule: str, message: str):
        self.rule = rule
        super().__init__(message)


MAX_TEXT = 40  # longest numeric text accepted; longer input is refused, never parsed


def parse_int(raw: object) -> int | None:
    """Parse an integer answer. Blank -> None; '7', ' 7 ', 7, 7.0 -> 7; '7.5', 'x', NaN -> error."""
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
    text = str(raw).strip()
    if text == "":
        return None
    if len(text) > MAX_TEXT:
        raise ParseError("integer", "the value is far too long to be a number")
    sign = text[:1] in "+-"
    digits = text[1:] if sign else text
    if digits.isascii() and digits.isdigit():
        return int(text)
    if not text.isascii():  # Decimal() would accept other scripts' digits; a form never does
        raise ParseError("integer", f"{text!r} is not a whole number")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ParseError("integer", f"{text!r} is not a whole number") from None
    if value.is_finite() and value == value.to_integral_value():
        return int(value)
    raise ParseError("integer", f"{text!r} is not a whole number")


def parse_decimal(raw: object, places: int) -> Decimal | None:
    """Parse a measurement with at most ``places`` decimals, exactly (no binary float rounding)."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ParseError("number", f"{raw!r} is not a number")
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise ParseError("number", f"{raw!r} is not a finite number")
        raw = repr(raw)
    text = str(raw).strip()
    if text == "":
        return None
    if len(text) > MAX_TEXT:
        raise ParseError("number", "the value is far too long to be a number")
    if not text.isascii():
        raise ParseError("number", f"{text!r} is not a number")
    try:
        value = Decimal(text.replace(",", ".") if text.count(",") == 1 and "." not in text
                        else text)
    except InvalidOperation:
        raise ParseError("number", f"{text!r} is not a number") from None
    if not value.is_finite():
        raise ParseError("number", f"{text!r} is not a finite number")
    if value and value.adjusted() > 12:
        raise ParseError("range", f"{text} is far outside any plausible value")
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent < -places and value != value.quantize(Decimal(1).scaleb(-places)):
        raise ParseError("precision", f"{text} has more than {places} decimal place(s)")
    return value.quantize(Decimal(1).scaleb(-places)) if exponent < -places else value
