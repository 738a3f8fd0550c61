"""The patient self-report's screens, answer styles, offered questionnaires and corrections, all
from the instrument definitions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from proapp.domain import self_report as sr
from proapp.domain.answers import MissingReason
from proapp.domain.fss import FSS
from proapp.domain.instruments import Item
from proapp.domain.item_values import Keyed
from proapp.domain.midas import MIDAS
from proapp.domain.registry import QUESTIONNAIRES
from proapp.domain.visit import VisitContent


def test_screens_follow_the_definitions() -> None:
    screens = sr.screens([MIDAS, FSS])
    kinds = [s.kind for s in screens]
    assert kinds[0] is sr.ScreenKind.INTRO and kinds[-1] is sr.ScreenKind.END
    assert [s.item.id for s in screens if s.item is not None] == [
        *MIDAS.item_ids, *FSS.item_ids]
    assert kinds.count(sr.ScreenKind.INTRO) == 2
    assert sr.item_count(screens) == len(MIDAS.items) + len(FSS.items) == 16


def test_answer_styles_from_the_ranges() -> None:
    styles = {(i.id, it.id): sr.answer_style(it) for i in QUESTIONNAIRES.values()
              for it in i.items}
    assert styles[("midas", "q1")] is sr.AnswerStyle.NUMBER_PAD  # 0-90 days
    assert styles[("midas", "a")] is sr.AnswerStyle.NUMBER_PAD
    assert styles[("midas", "b")] is sr.AnswerStyle.BUTTONS  # 0-10
    assert all(styles[("fss", it)] is sr.AnswerStyle.BUTTONS for it in FSS.item_ids)
    assert sr.choices(FSS.item("1")) == (1, 2, 3, 4, 5, 6, 7)
    assert sr.choices(MIDAS.item("b")) == tuple(range(11))
    assert sr.pad_digits(MIDAS.item("q1")) == 2


@given(st.integers(0, 50), st.integers(0, 200))
def test_a_range_is_buttons_only_when_it_fits_a_row(low: int, span: int) -> None:
    item = Item("x", "X", "text", low, low + span, "points")
    buttons = sr.answer_style(item) is sr.AnswerStyle.BUTTONS
    assert buttons == (span + 1 <= sr.MAX_BUTTONS)
    if buttons:
        assert len(sr.choices(item)) == span + 1


def test_offered_questionnaires() -> None:
    empty = VisitContent()
    assert [i.id for i in sr.offered("m3", empty)] == ["midas", "fss"]
    assert [i.id for i in sr.offered("m1", empty)] == []  # flow only
    assert [i.id for i in sr.offered("unscheduled", empty)] == ["midas", "fss"]
    typed = VisitContent({"fss": {"1": 3}}, skipped={"midas": "no time"})
    assert sr.offered("m6", typed) == []
    assert [i.id for i in sr.offered("m6", typed, own=["fss"])] == ["fss"]


def test_corrections() -> None:
    patient: dict[tuple[str, str], Keyed] = {("midas", "q1"): 2,
                                             ("midas", "q2"): MissingReason.DECLINED}
    content = VisitContent({"midas": {"q1": 2, "q3": 1}},
                           {"midas": {"q2": MissingReason.DECLINED}})
    fixed = sr.corrections(patient, content, [MIDAS])
    assert [(c.item, c.patient, c.now) for c in fixed] == [("q3", None, 1)]
    assert sr.corrections(patient, VisitContent({"midas": {"q1": 2}},
                                                {"midas": {"q2": MissingReason.DECLINED}}),
                          [MIDAS]) == []
