"""MIDAS, the Migraine Disability Assessment (Stewart et al., Neurology 2001;56:S20-8).

Five day-count items over the last 3 months make the total; A (headache days) and B (average
pain 0-10) are recorded but are not part of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from proapp.domain.instruments import Instrument, Item, Responses, ScoreField, ScoreKind, ScoreValue
from proapp.domain.validation import Issue, error, warning

RECALL_DAYS = 90

GRADES: tuple[tuple[str, int, int | None, str], ...] = (
    # grade, lowest total, highest total (None: open), meaning
    ("I", 0, 5, "little or no disability"),
    ("II", 6, 10, "mild disability"),
    ("III", 11, 20, "moderate disability"),
    ("IV", 21, None, "severe disability"),
)
GRADE_RANGE = f"{GRADES[0][0]}–{GRADES[-1][0]}"  # "I–IV"


def _days(item_id: str, label: str, text: str, short: str) -> Item:
    return Item(item_id, label, text, 0, RECALL_DAYS, "days", scored=True, short=short)


class Midas(Instrument):
    id: ClassVar[str] = "midas"
    name: ClassVar[str] = "MIDAS"
    title: ClassVar[str] = "Migraine Disability Assessment"
    reference: ClassVar[str] = "Stewart WF et al. Neurology 2001;56(6 Suppl 1):S20-8"
    recall_period: ClassVar[str] = "the last 3 months"
    instructions: ClassVar[str] = (
        "Please answer the following questions about ALL the headaches you have had over the "
        "last 3 months. Write zero if you did not do the activity in the last 3 months."
    )
    items: ClassVar[tuple[Item, ...]] = (
        _days("q1", "1", "On how many days in the last 3 months did you miss work or school "
              "because of your headaches?", "Missed work/school"),
        _days("q2", "2", "How many days in the last 3 months was your productivity at work or "
              "school reduced by half or more because of your headaches? (Do not include days "
              "you counted in question 1 where you missed work or school.)",
              "Work productivity halved"),
        _days("q3", "3", "On how many days in the last 3 months did you not do household work "
              "(such as housework, home repairs and maintenance, shopping, caring for children "
              "and relatives) because of your headaches?", "No household work"),
        _days("q4", "4", "How many days in the last 3 months was your productivity in household "
              "work reduced by half or more because of your headaches? (Do not include days you "
              "counted in question 3 where you did not do household work.)",
              "Household productivity halved"),
        _days("q5", "5", "On how many days in the last 3 months did you miss family, social or "
              "leisure activities because of your headaches?", "Missed family/social/leisure"),
        Item("a", "A", "On how many days in the last 3 months did you have a headache? (If a "
             "headache lasted more than 1 day, count each day.)", 0, RECALL_DAYS, "days",
             scored=False, short="Headache days"),
        Item("b", "B", "On a scale of 0 - 10, on average how painful were these headaches? "
             "(where 0 = no pain at all, and 10 = pain as bad as it can be.)", 0, 10, "points",
             scored=False, anchors={0: "no pain at all", 10: "pain as bad as it can be"},
             short="Average pain"),
    )
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

    def score_text(self, scores: Mapping[str, ScoreValue]) -> str:
        if scores.get("total") is None:
            return "incomplete"
        return f"{scores['total']} (grade {scores['grade']})"

    def consistency(self, responses: Responses) -> list[Issue]:
        r = responses
        issues: list[Issue] = []
        for first, second, what in (("q1", "q2", "work or school"),
                                    ("q3", "q4", "household work")):
            a, b = r.get(first), r.get(second)
            if a is not None and b is not None and a + b > RECALL_DAYS:
                issues.append(error(
                    self.field(second), f"midas.{first}_{second}_sum",
                    f"Items {first[1]} and {second[1]} count separate days of {what}: together "
                    f"they cannot exceed {RECALL_DAYS} days (got {a} + {b} = {a + b})", b))
        headache_days, pain = r.get("a"), r.get("b")
        if headache_days is not None:
            for item_id in self.SCORED:
                v = r.get(item_id)
                if v is not None and v > headache_days:
                    it = self.item(item_id)
                    issues.append(warning(
                        self.field(item_id), "midas.exceeds_headache_days",
                        f"Item {it.label} ({v} days) is more than the headache days in item A "
                        f"({headache_days})", v))
        if headache_days is not None and pain is not None:
            if headache_days == 0 and pain > 0:
                issues.append(warning(
                    self.field("b"), "midas.pain_without_headache",
                    f"Average pain is {pain} but item A says there were no headache days",
                    pain))
            if headache_days > 0 and pain == 0:
                issues.append(warning(
                    self.field("b"), "midas.headache_without_pain",
                    f"Item A records {headache_days} headache days but average pain is 0",
                    pain))
        return issues


def grade(total: int) -> str:
    """MIDAS grade I-IV for a total (0 or more)."""
    if total < 0:
        raise ValueError(f"a MIDAS total cannot be negative: {total}")
    for g, low, high, _meaning in GRADES:
        if total >= low and (high is None or total <= high):
            return g
    raise AssertionError("grades cover every non-negative total")


def grade_meaning(g: str) -> str:
    for name, _lo, _hi, meaning in GRADES:
        if name == g:
            return meaning
    raise KeyError(g)


MIDAS = Midas()
