"""What the wizard stores as a draft: every accepted value, none that the rules refuse."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from proapp.domain.answers import MissingReason
from proapp.domain.draft import merge, storable
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.registry import FORMS, QUESTIONNAIRES
from proapp.domain.validation import errors
from proapp.domain.visit import VisitContent, validate_content
from proapp.services.visits import flatten


def decimals(places: int, top: int) -> st.SearchStrategy[Decimal | None]:
    return st.none() | st.decimals(min_value=-5, max_value=top, places=places + 1,
                                   allow_nan=False, allow_infinity=False)


@st.composite
def contents(draw: st.DrawFn) -> VisitContent:
    responses, missing = {}, {}
    for instrument in QUESTIONNAIRES.values():
        responses[instrument.id] = {
            it.id: draw(st.none() | st.integers(it.minimum - 3, it.maximum + 95))
            for it in instrument.items}
        missing[instrument.id] = draw(st.dictionaries(
            st.sampled_from(instrument.item_ids), st.sampled_from(list(MissingReason)),
            max_size=3))
    skipped = draw(st.dictionaries(st.sampled_from(FORMS), st.sampled_from(["", " ", "ill"]),
                                   max_size=2))
    flows = tuple(
        FlowMeasurement(side, posture, draw(decimals(1, 3100)), draw(decimals(2, 320)),
                        draw(decimals(3, 12)), draw(st.none() | st.integers(-5, 120)))
        for posture in Posture for side in Side if draw(st.booleans()))
    return VisitContent(responses, missing, skipped, flows)


@settings(max_examples=300, deadline=None)
@given(contents())
def test_storable_keeps_only_what_the_draft_rules_accept(content: VisitContent) -> None:
    kept = storable(content)
    assert kept is not None
    assert errors(validate_content(kept)) == []
    assert flatten(kept).items() <= flatten(content).items()


@settings(max_examples=100, deadline=None)
@given(contents())
def test_valid_content_is_stored_whole(content: VisitContent) -> None:
    if not errors(validate_content(content)):
        assert storable(content) == content


def test_out_of_range_answer_is_left_out_and_the_rest_kept() -> None:
    content = VisitContent({"midas": {"q1": 95, "q2": 3}, "fss": {"1": 4}})
    assert storable(content) == VisitContent({"midas": {"q2": 3}, "fss": {"1": 4}})


def test_velocity_without_area_is_left_out_with_its_pair() -> None:
    half = FlowMeasurement(Side.LEFT, Posture.SUPINE, velocity_cm_s=Decimal("10.5"),
                           stenosis_pct=60)
    kept = storable(VisitContent(flows=(half,)))
    assert kept is not None
    assert kept.flows == (FlowMeasurement(Side.LEFT, Posture.SUPINE, stenosis_pct=60),)


def test_merge_drops_blank_answers_and_empty_veins() -> None:
    empty = FlowMeasurement(Side.RIGHT, Posture.UPRIGHT)
    content = merge([("midas", ({"q1": None, "q2": 0}, {"q1": MissingReason.DECLINED}, None)),
                     ("fss", ({"1": None}, {}, "patient too tired")),
                     ("flow", ([empty], None))])
    assert content == VisitContent({"midas": {"q2": 0}},
                                   {"midas": {"q1": MissingReason.DECLINED}},
                                   {"fss": "patient too tired"}, ())
