"""FSS, the Fatigue Severity Scale (Krupp et al., Arch Neurol 1989;46:1121-3).

Nine statements about the past week, each 1-7; the score is the mean (to 2 decimals, half up)
and a mean of 4.0 or more indicates significant fatigue. The threshold is decided on the exact
total (>= 36), so a mean that rounds to 4.00 from below is never counted as significant.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import ClassVar

from proapp.domain.instruments import Instrument, Item, Responses, ScoreField, ScoreKind, ScoreValue

ANCHORS = {1: "strongly disagree", 7: "strongly agree"}
THRESHOLD_MEAN = Decimal("4.0")
N_ITEMS = 9

_STATEMENTS = (
    "My motivation is lower when I am fatigued.",
    "Exercise brings on my fatigue.",
    "I am easily fatigued.",
    "Fatigue interferes with my physical functioning.",
    "Fatigue causes frequent problems for me.",
    "My fatigue prevents sustained physical functioning.",
    "Fatigue interferes with carrying out certain duties and responsibilities.",
    "Fatigue is among my three most disabling symptoms.",
    "Fatigue interferes with my work, family, or social life.",
)
_SHORT = ("Lower motivation", "Exercise brings fatigue", "Easily fatigued",
          "Physical functioning", "Frequent problems", "Sustained functioning",
          "Duties and responsibilities", "Among 3 worst symptoms", "Work, family, social life")


class Fss(Instrument):
    id: ClassVar[str] = "fss"
    name: ClassVar[str] = "FSS"
    title: ClassVar[str] = "Fatigue Severity Scale"
    reference: ClassVar[str] = "Krupp LB et al. Arch Neurol 1989;46(10):1121-3"
    recall_period: ClassVar[str] = "the past week"
    instructions: ClassVar[str] = (
        "During the past week, I have found that: choose a number from 1 (strongly disagree) "
        "to 7 (strongly agree) for how well each statement describes you."
    )
    items: ClassVar[tuple[Item, ...]] = tuple(
        Item(str(n), str(n), text, 1, 7, "points", anchors=ANCHORS, short=short)
        for n, (text, short) in enumerate(zip(_STATEMENTS, _SHORT, strict=True), start=1)
    )
    score_fields: ClassVar[tuple[ScoreField, ...]] = (
        ScoreField("mean", "FSS mean", ScoreKind.DECIMAL,
                   "Mean of the nine items, 2 decimals (half up); blank unless all nine are "
                   "answered; 4.00 or more indicates significant fatigue", "points", places=2),
        ScoreField("total", "FSS total", ScoreKind.INTEGER,
                   "Sum of the nine items (9-63); blank unless all nine are answered", "points"),
    )

    def score(self, responses: Responses) -> dict[str, ScoreValue]:
        values = [responses.get(i) for i in self.item_ids]
        if None in values:
            return {"mean": None, "total": None}
        total: int = sum(values)  # type: ignore[arg-type]
        return {"mean": mean_of_total(total), "total": total}

    def score_text(self, scores: Mapping[str, ScoreValue]) -> str:
        if scores.get("mean") is None:
            return "incomplete"
        flag = "significant fatigue" if is_significant(scores["total"]) else "below threshold"
        return f"{scores['mean']} ({flag})"


@lru_cache(maxsize=256)  # a pure function of a small integer; exports ask ~50,000 times
def mean_of_total(total: int) -> Decimal:
    return (Decimal(total) / N_ITEMS).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def is_significant(total: object) -> bool:
    """Mean >= 4.0, decided exactly on the total: 9 x 4.0 = 36."""
    return isinstance(total, int) and total * 1 >= THRESHOLD_MEAN * N_ITEMS


FSS = Fss()
