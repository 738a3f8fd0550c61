"""The import's one-pass writer of a visit (``importer.visit_rows``) against the full rules it
stands in for: the same rows as the stored content, and exactly the change-log text that
``changelog.to_text`` makes of ``flatten``'s snapshot, for any content."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from proapp.db import changelog
from proapp.domain.answers import MissingReason
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.registry import FORMS, QUESTIONNAIRES
from proapp.domain.visit import VisitContent, flatten
from proapp.services.exchange.importer import visit_rows


def decimals(places: int, top: int) -> st.SearchStrategy[Decimal | None]:
    # one place more than stored, so that the log's rounding is exercised too
    return st.none() | st.decimals(min_value=0, max_value=top, places=places + 1,
                                   allow_nan=False, allow_infinity=False)


@st.composite
def contents(draw: st.DrawFn) -> VisitContent:
    responses: dict[str, dict[str, int | None]] = {}
    missing: dict[str, dict[str, MissingReason]] = {}
    for instrument in QUESTIONNAIRES.values():
        responses[instrument.id] = {
            it.id: draw(st.none() | st.integers(it.minimum, it.maximum))
            for it in instrument.items if draw(st.booleans())}
        missing[instrument.id] = {
            it: draw(st.sampled_from(list(MissingReason))) for it in instrument.item_ids
            if responses[instrument.id].get(it) is None and draw(st.booleans())}
    skipped = draw(st.dictionaries(st.sampled_from(FORMS),
                                   st.text(min_size=1, max_size=8), max_size=3))
    flows = tuple(
        FlowMeasurement(side, posture, draw(decimals(1, 3100)), draw(decimals(2, 320)),
                        draw(decimals(3, 12)), draw(st.none() | st.integers(0, 100)))
        for posture in Posture for side in Side if draw(st.booleans()))
    return VisitContent(responses, missing, skipped, flows)


@settings(max_examples=400, deadline=None)
@given(contents(), st.sampled_from(["baseline", "m6", "unscheduled"]),
       st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
       st.sampled_from([None, "", "en", "it"]))
def test_visit_rows_equal_the_full_snapshot_and_the_content(
        content: VisitContent, label: str, day: date, language: str | None) -> None:
    answers: list[tuple[Any, ...]] = []
    skipped: list[tuple[Any, ...]] = []
    flows: list[tuple[Any, ...]] = []
    text = visit_rows(7, label, day, content, language, answers.append, skipped.append,
                      flows.append)

    header = {"label": label, "visit_date": day, "status": "complete",
              **({"text_language": language} if language else {})}
    assert text == changelog.to_text({**header, **flatten(content)})

    expected_answers: list[tuple[Any, ...]] = []
    for instrument in QUESTIONNAIRES.values():
        given_ = content.responses.get(instrument.id, {})
        reasons = content.missing.get(instrument.id, {})
        for item_id in instrument.item_ids:
            if given_.get(item_id) is not None:
                expected_answers.append((7, instrument.id, item_id, given_[item_id], None))
            elif item_id in reasons:
                expected_answers.append((7, instrument.id, item_id, None,
                                         reasons[item_id].value))
    assert answers == expected_answers
    assert skipped == [(7, form, why) for form, why in content.skipped.items()]
    assert flows == [(7, m.posture.value, m.side.value, m.flow_ml_min, m.velocity_cm_s,
                      m.area_cm2, m.stenosis_pct) for m in content.flows]


def test_an_empty_visit_logs_its_header_only() -> None:
    rows: list[tuple[Any, ...]] = []
    text = visit_rows(1, "m3", date(2014, 3, 1), VisitContent(), None, rows.append,
                      rows.append, rows.append)
    assert rows == []
    assert text == changelog.to_text({"label": "m3", "visit_date": date(2014, 3, 1),
                                      "status": "complete"})
