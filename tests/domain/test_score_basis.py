"""``Instrument.score_basis``: answers with equal bases score alike, for every questionnaire.

The import remembers scores by basis (``importer._scores``); a basis that left out something
the score depends on would give a visit another visit's total or grade. Any whole numbers
of no sign (what the cells' parser reads: a sign is refused), in range or above it, and
unanswered items: the import's full path scores what it parsed."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proapp.domain.registry import QUESTIONNAIRES

ANSWER = st.one_of(st.none(), st.integers(0, 120))


def _answers(n: int) -> st.SearchStrategy[tuple[int | None, ...]]:
    """Mostly every item answered: a blank among the scored items makes every score None,
    which would hide what a basis leaves out."""
    return st.tuples(st.lists(st.integers(0, 120), min_size=n, max_size=n),
                     st.sets(st.integers(0, n - 1), max_size=1)).map(
        lambda drawn: tuple(None if i in drawn[1] else v for i, v in enumerate(drawn[0])))
EACH = pytest.mark.parametrize("instrument_id", sorted(QUESTIONNAIRES))


def _score(instrument_id: str, answers: tuple[int | None, ...]) -> Mapping[str, object]:
    instrument = QUESTIONNAIRES[instrument_id]
    return instrument.score(dict(zip(instrument.item_ids, answers, strict=True)))


def _basis(instrument_id: str, answers: tuple[int | None, ...]) -> object:
    return QUESTIONNAIRES[instrument_id].score_basis(answers)


@EACH
@given(data=st.data())
def test_answers_with_the_same_basis_score_alike(instrument_id: str, data: st.DataObject) -> None:
    n = len(QUESTIONNAIRES[instrument_id].item_ids)
    first = data.draw(_answers(n))
    # the same scored values in another order, each unscored item drawn again: the same
    # basis for a total; and a second set drawn freely, which may or may not share it
    scored = [i for i, it in enumerate(QUESTIONNAIRES[instrument_id].items) if it.scored]
    order = data.draw(st.permutations(scored))
    moved = [data.draw(ANSWER) for _ in range(n)]
    for to, frm in zip(scored, order, strict=True):
        moved[to] = first[frm]
    free = data.draw(_answers(n))
    # one item drawn again: a basis that leaves out what the score reads is caught here
    # (and on answers with no blank, which a blank scored item would make vacuous)
    complete = tuple(data.draw(st.lists(st.integers(0, 120), min_size=n, max_size=n)))
    at = data.draw(st.sampled_from(range(n)))
    pairs = [(first, tuple(moved)), (first, free)]
    for base in (first, complete):
        other_value = (base[at] or 0) + data.draw(st.integers(1, 50))  # another value there
        pairs.append((base, (*base[:at], other_value, *base[at + 1:])))
    for one, other in pairs:
        if _basis(instrument_id, other) == _basis(instrument_id, one):
            assert _score(instrument_id, other) == _score(instrument_id, one)


@EACH
@given(data=st.data())
def test_a_different_score_has_a_different_basis(instrument_id: str, data: st.DataObject) -> None:
    n = len(QUESTIONNAIRES[instrument_id].item_ids)
    a, b = data.draw(_answers(n)), data.draw(_answers(n))
    if _score(instrument_id, a) != _score(instrument_id, b):
        assert _basis(instrument_id, a) != _basis(instrument_id, b)


def test_midas_and_fss_are_scored_from_their_totals() -> None:
    midas, fss = QUESTIONNAIRES["midas"], QUESTIONNAIRES["fss"]
    assert midas.score_basis((1, 2, 3, 4, 5, 60, 9)) == 15  # A and B are not scored
    assert midas.score_basis((1, None, 3, 4, 5, 0, 0)) is None
    assert fss.score_basis((7,) * 9) == 63
    assert fss.score_basis((7,) * 8 + (None,)) is None
