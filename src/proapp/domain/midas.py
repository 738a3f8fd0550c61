"""MIDAS, the Migraine Disability Assessment (Stewart et al., Neurology 2001;56:S20-8).

Five day-count items over the last 3 months make the total; A (headache days) and B (average
pain 0-10) are recorded but are not part of it.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from operator import itemgetter
from typing import ClassVar

from proapp.domain.i18n import Msg, msg
from proapp.domain.instrument_texts import InstrumentTexts
from proapp.domain.instruments import (
    Instrument,
    Item,
    ItemSpec,
    Responses,
    ScoreField,
    ScoreKind,
    ScoreValue,
    TextSpec,
    build_items,
)
from proapp.domain.language import Language
from proapp.domain.validation import Issue, error, warning

RECALL_DAYS = 90

GRADE_LIMITS: tuple[tuple[str, int, int | None], ...] = (
    # grade, lowest total, highest total (None: open)
    ("I", 0, 5), ("II", 6, 10), ("III", 11, 20), ("IV", 21, None),
)
GRADE_RANGE = f"{GRADE_LIMITS[0][0]}–{GRADE_LIMITS[-1][0]}"  # "I–IV"

SPEC = TextSpec("midas", "MIDAS", (
    ItemSpec("q1", "1", 0, RECALL_DAYS, "days"),
    ItemSpec("q2", "2", 0, RECALL_DAYS, "days"),
    ItemSpec("q3", "3", 0, RECALL_DAYS, "days"),
    ItemSpec("q4", "4", 0, RECALL_DAYS, "days"),
    ItemSpec("q5", "5", 0, RECALL_DAYS, "days"),
    ItemSpec("a", "A", 0, RECALL_DAYS, "days", scored=False),
    ItemSpec("b", "B", 0, 10, "points", scored=False),
), text_keys=tuple(f"grade.{g}" for g, _lo, _hi in GRADE_LIMITS))
ENGLISH = SPEC.bundled(Language.ENGLISH)

GRADES: tuple[tuple[str, int, int | None, str], ...] = tuple(
    # grade, lowest total, highest total (None: open), meaning (English)
    (g, lo, hi, ENGLISH.text(f"grade.{g}")) for g, lo, hi in GRADE_LIMITS)


class Midas(Instrument):
    id: ClassVar[str] = "midas"
    name: ClassVar[str] = "MIDAS"
    title: ClassVar[str] = ENGLISH.title
    reference: ClassVar[str] = "Stewart WF et al. Neurology 2001;56(6 Suppl 1):S20-8"
    recall_period: ClassVar[str] = ENGLISH.recall_period
    instructions: ClassVar[str] = ENGLISH.instructions
    text_spec: ClassVar[TextSpec] = SPEC
    english: ClassVar[InstrumentTexts] = ENGLISH
    items: ClassVar[tuple[Item, ...]] = build_items(SPEC.specs, ENGLISH)
    score_fields: ClassVar[tuple[ScoreField, ...]] = (
        ScoreField("total", "MIDAS total", ScoreKind.INTEGER,
                   "Q1+Q2+Q3+Q4+Q5; blank unless all five are answered", "days"),
        ScoreField("grade", "MIDAS grade", ScoreKind.CODE,
                   "Disability grade from the total",
                   codes={g: f"{g}: total {lo}-{hi if hi is not None else ''}".rstrip("-")
                          + ("+" if hi is None else "") + f", {meaning}"
                          for g, lo, hi, meaning in GRADES}),
    )

    SCORED: ClassVar[tuple[str, ...]] = ("q1", "q2", "q3", "q4", "q5")

    def score(self, responses: Responses) -> dict[str, ScoreValue]:
        values = [responses.get(i) for i in self.SCORED]
        if None in values:
            return {"total": None, "grade": None}
        total: int = sum(values)  # type: ignore[arg-type]
        return {"total": total, "grade": grade(total)}

    def score_basis(self, answers: tuple[int | None, ...]) -> Hashable:
        """The total of Q1-Q5, or None while one is unanswered: :meth:`score` is made of it
        (A and B are not scored)."""
        scored = _SCORED_OF(answers)
        return None if None in scored else sum(scored)

    def score_text(self, scores: Mapping[str, ScoreValue]) -> Msg:
        if scores.get("total") is None:
            return msg("incomplete")
        return msg("{total} (grade {grade})", total=scores["total"], grade=scores["grade"])

    def consistency(self, responses: Responses) -> list[Issue]:
        r = responses
        issues: list[Issue] = []
        for first, second, what in _SEPARATE_DAYS:
            a, b = r.get(first), r.get(second)
            if a is not None and b is not None and a + b > RECALL_DAYS:
                issues.append(error(
                    self.field(second), f"midas.{first}_{second}_sum",
                    msg("Items {first} and {second} count separate days of {what}: together "
                        "they cannot exceed {limit} days (got {a} + {b} = {sum})",
                        first=first[1], second=second[1], what=what, limit=RECALL_DAYS, a=a,
                        b=b, sum=a + b), b))
        headache_days, pain = r.get("a"), r.get("b")
        if headache_days is not None:
            for item_id in self.SCORED:
                v = r.get(item_id)
                if v is not None and v > headache_days:
                    it = self.item(item_id)
                    issues.append(warning(
                        self.field(item_id), "midas.exceeds_headache_days",
                        msg("Item {label} ({value} days) is more than the headache days in "
                            "item A ({days})", label=it.label, value=v, days=headache_days),
                        v))
        if headache_days is not None and pain is not None:
            if headache_days == 0 and pain > 0:
                issues.append(warning(
                    self.field("b"), "midas.pain_without_headache",
                    msg("Average pain is {pain} but item A says there were no headache days",
                        pain=pain), pain))
            if headache_days > 0 and pain == 0:
                issues.append(warning(
                    self.field("b"), "midas.headache_without_pain",
                    msg("Item A records {days} headache days but average pain is 0",
                        days=headache_days), pain))
        return issues


# Items counting separate days of one activity (made once: every visit of an import asks).
_SEPARATE_DAYS = (("q1", "q2", msg("work or school")), ("q3", "q4", msg("household work")))


def grade(total: int) -> str:
    """MIDAS grade I-IV for a total (0 or more)."""
    if total < 0:
        raise ValueError(f"a MIDAS total cannot be negative: {total}")
    for g, low, high, _meaning in GRADES:
        if total >= low and (high is None or total <= high):
            return g
    raise AssertionError("grades cover every non-negative total")


def grade_meaning(g: str, texts: InstrumentTexts = ENGLISH) -> str:
    """What a grade means, in the language of ``texts``."""
    if g not in {name for name, _lo, _hi in GRADE_LIMITS}:
        raise KeyError(g)
    return texts.text(f"grade.{g}")


MIDAS = Midas()
# Q1-Q5 of answers in item order (score_basis)
_SCORED_OF = itemgetter(*(i for i, item_id in enumerate(MIDAS.item_ids)
                          if item_id in Midas.SCORED))
