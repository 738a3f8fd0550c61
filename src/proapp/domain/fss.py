"""FSS, the Fatigue Severity Scale (Krupp et al., Arch Neurol 1989;46:1121-3).

Nine statements about the past week, each 1-7; the score is the mean (to 2 decimals, half up)
and a mean of 4.0 or more indicates significant fatigue. The threshold is decided on the exact
total (>= 36), so a mean that rounds to 4.00 from below is never counted as significant.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
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

THRESHOLD_MEAN = Decimal("4.0")
N_ITEMS = 9

SPEC = TextSpec("fss", "FSS", tuple(ItemSpec(str(n), str(n), 1, 7, "points")
                                    for n in range(1, N_ITEMS + 1)))
ENGLISH = SPEC.bundled(Language.ENGLISH)
ANCHORS = dict(ENGLISH.item("1").anchors)  # the same two anchors on every item (English)


class Fss(Instrument):
    id: ClassVar[str] = "fss"
    name: ClassVar[str] = "FSS"
    title: ClassVar[str] = ENGLISH.title
    reference: ClassVar[str] = "Krupp LB et al. Arch Neurol 1989;46(10):1121-3"
    recall_period: ClassVar[str] = ENGLISH.recall_period
    instructions: ClassVar[str] = ENGLISH.instructions
    text_spec: ClassVar[TextSpec] = SPEC
    english: ClassVar[InstrumentTexts] = ENGLISH
    items: ClassVar[tuple[Item, ...]] = build_items(SPEC.specs, ENGLISH)
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

    def score_basis(self, answers: tuple[int | None, ...]) -> Hashable:
        """The total, or None while an item is unanswered: :meth:`score` is made of it."""
        return None if None in answers else sum(answers)  # type: ignore[arg-type]

    def score_text(self, scores: Mapping[str, ScoreValue]) -> Msg:
        if scores.get("mean") is None:
            return msg("incomplete")
        flag = (msg("significant fatigue") if is_significant(scores["total"])
                else msg("below threshold"))
        return msg("{mean} ({flag})", mean=scores["mean"], flag=flag)


@lru_cache(maxsize=256)  # a pure function of a small integer; exports ask ~50,000 times
def mean_of_total(total: int) -> Decimal:
    return (Decimal(total) / N_ITEMS).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def is_significant(total: object) -> bool:
    """Mean >= 4.0, decided exactly on the total: 9 x 4.0 = 36."""
    return isinstance(total, int) and total * 1 >= THRESHOLD_MEAN * N_ITEMS


FSS = Fss()
