"""The patient self-report: which screens a patient answering on the device sees, in order, and
how each item is answered, all read from the instrument definitions.

One item per screen. An item with a short range (FSS 1-7, MIDAS B 0-10) is answered with one
button per value; a day count (MIDAS 0-90) with a numeric pad. Each questionnaire starts with
its instructions and its recall period, which stays visible on every one of its screens; the
last screen hands the device back to the staff.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from proapp.domain import schedule
from proapp.domain.answers import MissingReason
from proapp.domain.instruments import Instrument, Item
from proapp.domain.item_values import Keyed, encode, keyed_values
from proapp.domain.registry import QUESTIONNAIRES
from proapp.domain.visit import VisitContent

MAX_BUTTONS = 11  # 0-10 in one row of buttons; a longer range is typed on the pad
DECLINED = MissingReason.DECLINED  # what "I prefer not to answer" records (never a 0)


class AnswerStyle(StrEnum):
    BUTTONS = "buttons"
    NUMBER_PAD = "number_pad"


def answer_style(item: Item) -> AnswerStyle:
    return (AnswerStyle.BUTTONS if item.maximum - item.minimum + 1 <= MAX_BUTTONS
            else AnswerStyle.NUMBER_PAD)


def choices(item: Item) -> tuple[int, ...]:
    """The answer buttons of a short-range item, lowest first."""
    return tuple(range(item.minimum, item.maximum + 1))


def pad_digits(item: Item) -> int:
    """How many digits the pad accepts for an item (90 -> 2)."""
    return len(str(item.maximum))


class ScreenKind(StrEnum):
    INTRO = "intro"  # the questionnaire's instructions
    ITEM = "item"
    END = "end"  # thank you: hand the device back


@dataclass(frozen=True)
class Screen:
    kind: ScreenKind
    instrument: Instrument | None = None
    item: Item | None = None


def screens(instruments: Iterable[Instrument]) -> list[Screen]:
    """Intro, then one screen per item, for each questionnaire; then the end screen."""
    out: list[Screen] = []
    for instrument in instruments:
        out.append(Screen(ScreenKind.INTRO, instrument))
        out += [Screen(ScreenKind.ITEM, instrument, it) for it in instrument.items]
    out.append(Screen(ScreenKind.END))
    return out


def item_count(all_screens: Iterable[Screen]) -> int:
    return sum(1 for s in all_screens if s.kind is ScreenKind.ITEM)


@dataclass(frozen=True)
class Correction:
    """An answer the staff changed after the patient gave it."""

    instrument: str
    item: str
    patient: Keyed
    now: Keyed


def corrections(patient: Mapping[tuple[str, str], Keyed], content: VisitContent,
                instruments: Iterable[Instrument]) -> list[Correction]:
    """Every item of the self-reported questionnaires whose value in ``content`` is not what
    the patient answered (an item the patient left alone counts as not answered)."""
    out: list[Correction] = []
    for instrument in instruments:
        held = keyed_values(content, instrument)
        for item_id in instrument.item_ids:
            given = patient.get((instrument.id, item_id))
            if encode(given) != encode(held[item_id]):
                out.append(Correction(instrument.id, item_id, given, held[item_id]))
    return out


def offered(label: str, content: VisitContent, own: Iterable[str] = ()) -> list[Instrument]:
    """The questionnaires a patient answers on the screen at this visit: those the visit
    expects (every questionnaire at an unscheduled visit) that hold nothing yet, plus those of
    the patient's own self-report still open (``own``), which they may go on with."""
    mine = set(own)
    out = []
    for instrument in QUESTIONNAIRES.values():
        wanted = label == schedule.UNSCHEDULED or (
            schedule.is_label(label) and schedule.definition(label).expects(instrument.id))
        free = not content.has_data(instrument.id) and instrument.id not in content.skipped
        if instrument.id in mine or (wanted and free):
            out.append(instrument)
    return out
