"""The visit field vocabulary (domain/fields.py and domain/visit.flatten): one name per value,
"not answered" encoded as missing:<reason> and never as 0, ranges printed from the items."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from decimal import Decimal

from proapp.domain import fields
from proapp.domain.answers import MissingReason
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.fss import FSS
from proapp.domain.midas import GRADE_RANGE, GRADES, MIDAS
from proapp.domain.visit import VisitContent, flatten


def test_flatten_names_every_value_once() -> None:
    content = VisitContent(
        responses={"midas": {"q1": 0, "q2": 3}, "fss": {"1": 7}},
        missing={"midas": {"q3": MissingReason.DECLINED}},
        skipped={"flow": "machine broken"},
        flows=(FlowMeasurement(Side.LEFT, Posture.SUPINE, None, Decimal("12.50"),
                               Decimal("0.800"), 60),))
    assert flatten(content) == {
        "midas.q1": 0, "midas.q2": 3, "midas.q3": "missing:declined", "fss.1": 7,
        "skipped.flow": "machine broken",
        "flow.supine.left.velocity_cm_s": Decimal("12.50"),
        "flow.supine.left.area_cm2": Decimal("0.800"),
        "flow.supine.left.stenosis_pct": 60,
    }
    assert flatten(VisitContent()) == {}


def test_one_spelling_for_each_path() -> None:
    assert MIDAS.field("q1") == fields.item_field("midas", "q1") == "midas.q1"
    m = FlowMeasurement(Side.RIGHT, Posture.UPRIGHT, Decimal(100))
    assert m.field == fields.flow_field(Posture.UPRIGHT.value, Side.RIGHT.value)
    assert fields.flow_field("supine", "left", "velocity") == "flow.supine.left.velocity"
    assert fields.skip_field("fss") == "skipped.fss"
    assert fields.skip_reason_field("fss") == "fss.skipped"
    assert [fields.missing_value(r) for r in MissingReason] == [
        f"missing:{r.value}" for r in MissingReason]
    attributes = {f.name for f in dataclass_fields(FlowMeasurement)}
    assert set(fields.FLOW_PARTS.values()) == set(fields.FLOW_ATTRS) <= attributes


def test_range_texts_come_from_the_definitions() -> None:
    assert {it.range_text for it in FSS.items} == {"1–7"}
    assert MIDAS.item("b").range_text == "0–10"
    assert MIDAS.item("q1").range_text == f"0–{MIDAS.item('q1').maximum}" == "0–90"
    assert GRADE_RANGE == f"{GRADES[0][0]}–{GRADES[-1][0]}" == "I–IV"
