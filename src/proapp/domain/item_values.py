"""One questionnaire item's value as a visit holds it: a number, a reason it is missing, or
nothing. Written in the change log's words (``12``, ``missing:declined``, blank), so a
comparison, a log row and a stored copy all say the same thing.

Used where one item is compared, copied or set on its own: double data entry (two keyings of
a paper form) and the patient self-report (the patient's own answers beside the visit's).
"""

from __future__ import annotations

from proapp.domain.answers import MissingReason
from proapp.domain.fields import MISSING_PREFIX, missing_value
from proapp.domain.instruments import Instrument
from proapp.domain.visit import VisitContent

Keyed = int | MissingReason | None


def encode(value: Keyed) -> str | None:
    """The stored and logged text of a keyed value: ``12``, ``missing:declined`` or None."""
    if value is None:
        return None
    if isinstance(value, MissingReason):
        return missing_value(value)
    return str(int(value))


def decode(text: str | None) -> Keyed:
    """The inverse of :func:`encode`; ValueError for any other text."""
    if text is None:
        return None
    if text.startswith(MISSING_PREFIX):
        return MissingReason(text.removeprefix(MISSING_PREFIX))
    if not (text.isascii() and text.isdigit()):
        raise ValueError(f"{text!r} is not a keyed value")
    return int(text)


def describe(instrument: Instrument, item_id: str, value: Keyed) -> str:
    """A keyed value as a person reads it: ``12 days``, ``missing: declined to answer``,
    ``not answered``."""
    if value is None:
        return "not answered"
    if isinstance(value, MissingReason):
        return f"missing: {value.label}"
    it = instrument.item(item_id)
    anchor = it.anchors.get(value)
    return f"{value} {it.unit} ({anchor})" if anchor else f"{value} {it.unit}"


def keyed_values(content: VisitContent, instrument: Instrument) -> dict[str, Keyed]:
    """Every item of ``instrument`` as the content holds it (None where nothing is)."""
    answers = content.answers(instrument.id)
    reasons = content.missing.get(instrument.id, {})
    out: dict[str, Keyed] = {}
    for item_id in instrument.item_ids:
        value = answers[item_id]
        out[item_id] = value if value is not None else (
            MissingReason(reasons[item_id]) if item_id in reasons else None)
    return out


def with_value(content: VisitContent, instrument_id: str, item_id: str,
               value: Keyed) -> VisitContent:
    """``content`` with one item set to ``value`` (a number, a missing reason or nothing).
    A value for a form marked "not done" takes that mark away: the form was done after all."""
    responses = {k: dict(v) for k, v in content.responses.items()}
    missing = {k: dict(v) for k, v in content.missing.items()}
    skipped = dict(content.skipped)
    given = responses.setdefault(instrument_id, {})
    reasons = missing.setdefault(instrument_id, {})
    given.pop(item_id, None)
    reasons.pop(item_id, None)
    if isinstance(value, MissingReason):
        reasons[item_id] = value
    elif value is not None:
        given[item_id] = int(value)
    if value is not None:
        skipped.pop(instrument_id, None)
    return VisitContent({k: v for k, v in responses.items() if v},
                        {k: v for k, v in missing.items() if v}, skipped, content.flows)
