"""The visit entry wizard, driven from the keyboard like a nurse does, checked in the database.

Every test types into whatever widget has the keyboard focus (never into a widget picked by
the test), so the focus chain itself is under test: a wrong Enter target breaks the visit.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import select

from proapp.db.engine import Database
from proapp.db.models import Answer, ChangeLog, FlowRow, SkippedForm, Visit
from proapp.domain.actor import Actor
from proapp.domain.flow import Posture, Side
from proapp.domain.fss import FSS
from proapp.domain.midas import MIDAS
from proapp.domain.visit import VisitContent
from proapp.gui.visits.entry import open_visit_entry
from proapp.gui.visits.wizard import VisitWizard
from proapp.services import clock, visits

# The offscreen platform cannot raise windows or pass size hints; nothing else may warn.
pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")]

TODAY = date(2014, 9, 12)  # 6 months after the fixture patient's PTA (2014-03-10)
ENTER, ESC, TAB, SPACE = Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Space
CTRL_S = (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
ALT_N = (Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)

# The typical 6-month visit of the README, one entry per key press.
MIDAS_TYPED = {"q1": "2", "q2": "3", "q3": "1", "q4": "4", "q5": "0", "a": "12", "b": "6"}
FSS_TYPED = "465354627"
FLOW_TYPED = ("612.5", "480")


def typical_visit_keys() -> list[object]:
    keys: list[object] = [ENTER]  # confirm the pre-filled visit (label m6, date today)
    for text in MIDAS_TYPED.values():
        keys += [*text, ENTER]
    keys += list(FSS_TYPED)  # one digit per item; the last one moves on to the flow page
    for text in FLOW_TYPED:
        keys += [*text, ENTER]
    keys.append(CTRL_S)
    return keys


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def nurse() -> Actor:
    return Actor("nurse.anna", role="nurse")


def press(qtbot, keys: Iterable[object]) -> int:
    """Send keys to whichever widget has the focus; returns how many key presses were sent."""
    n = 0
    for key in keys:
        target = QApplication.focusWidget()
        assert target is not None, f"no widget has the focus before key {key!r}"
        if isinstance(key, tuple):
            qtbot.keyClick(target, key[0], key[1])
        elif isinstance(key, str):
            qtbot.keyClicks(target, key)
        else:
            qtbot.keyClick(target, key)
        n += 1
    return n


def answer_boxes(*buttons: str) -> None:
    """Click the named button of each message box that opens next, in order."""
    pending = list(buttons)

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        wanted = pending.pop(0)
        for b in box.buttons():
            if b.text().replace("&", "").startswith(wanted):
                if pending:
                    QTimer.singleShot(0, click)
                b.click()
                return
        raise AssertionError(f"no button {wanted!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, click)


def open_wizard(qtbot, db: Database, actor: Actor, patient_id: int, **kw) -> VisitWizard:
    w = open_visit_entry(None, db, actor, patient_id, **kw)
    assert isinstance(w, VisitWizard)
    qtbot.addWidget(w) if not w.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose) else None
    w.activateWindow()
    qtbot.waitUntil(lambda: (f := QApplication.focusWidget()) is not None
                    and w.isAncestorOf(f))
    return w


def close_if_open(w: VisitWizard) -> None:
    if shiboken6.isValid(w) and w.isVisible():
        w._finished = True
        w.close()


def rows(db: Database, model, **where) -> list[Any]:
    with db.read() as s:
        q = select(model)
        for k, v in where.items():
            q = q.where(getattr(model, k) == v)
        return list(s.scalars(q))


def page_name(w: VisitWizard) -> str:
    return w.current().title


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


# ------------------------------------------------------------------------------------------
def test_typical_visit_entirely_from_the_keyboard(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    assert w.visit_page.label == "m6"
    assert w.visit_page.visit_date == TODAY
    saved: list[int] = []
    w.visitSaved.connect(saved.append)
    keys = typical_visit_keys()
    with qtbot.waitSignal(w.visitSaved, timeout=5000):
        sent = press(qtbot, keys)
    # the digits themselves, one key per multi-digit field, confirm the visit, save
    digits = sum(len(t) for t in MIDAS_TYPED.values()) + len(FSS_TYPED) + sum(
        len(t) for t in FLOW_TYPED)
    multi_digit_fields = len(MIDAS_TYPED) + len(FLOW_TYPED)
    key_presses = sum(len(k) if isinstance(k, str) else 1 for k in keys)
    assert sent == len(keys)
    assert key_presses == digits + multi_digit_fields + 2 == 36

    (visit,) = rows(db, Visit, patient_id=patient_id)
    assert saved == [visit.id]
    assert (visit.label, visit.visit_date, visit.status) == ("m6", TODAY, "complete")
    assert visit.entered_by == "nurse.anna"
    answers = {(a.instrument, a.item): a.value for a in rows(db, Answer, visit_id=visit.id)}
    expected = {("midas", k): int(v) for k, v in MIDAS_TYPED.items()}
    expected |= {("fss", it.id): int(d) for it, d in zip(FSS.items, FSS_TYPED, strict=True)}
    assert answers == expected
    flows = {(f.posture, f.side): f.flow_ml_min for f in rows(db, FlowRow, visit_id=visit.id)}
    assert flows == {("supine", "left"): Decimal("612.5"), ("supine", "right"): Decimal("480.0")}
    record = visits.get_visit(db, visit.id)
    assert record.content.scores("midas") == {"total": 10, "grade": "II"}
    assert record.content.scores("fss") == {"mean": Decimal("4.67"), "total": 42}
    assert record.content.flow_totals()[Posture.SUPINE].total == Decimal("1092.5")
    log = rows(db, ChangeLog, visit_id=visit.id)
    assert log[0].action == "insert"
    assert {r.username for r in log} == {"nurse.anna"}
    assert any(r.field == "status" and r.new_value == "complete" for r in log)
    assert not shiboken6.isValid(w) or not w.isVisible()


def test_answer_fields_start_empty_and_scores_follow_the_definition(qtbot, db, nurse,
                                                                    patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    midas = w.form_pages["midas"]
    assert all(e.text() == "" for e in midas.edits.values())
    for it in MIDAS.items:  # every text in full, from the definition
        label = midas.findChild(QWidget, f"midas.{it.id}.text")
        assert label.text() == it.text
        assert label.wordWrap()
    press(qtbot, [ENTER, "2", ENTER, "3", ENTER, "1", ENTER, "4", ENTER, "9"])
    assert "MIDAS total: 19 days" in midas.score_label.text()
    assert MIDAS.score_fields[1].codes["III"] in midas.score_label.text()
    close_if_open(w)


def test_draft_survives_a_destroyed_window_and_is_resumed(qtbot, db, nurse,
                                                          patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    press(qtbot, [ENTER, "2", ENTER, "3", ENTER, "1", ENTER, "4", ENTER, "0", ENTER, "12",
                  ENTER, "6", ENTER, *"4657"])
    assert page_name(w) == "FSS"
    press(qtbot, [TAB, TAB, "3"])  # leave item 5 empty: Tab passes its reason, on to item 6
    shiboken6.delete(w)  # a crash: no close event, no flush
    (visit,) = rows(db, Visit, patient_id=patient_id)
    assert visit.status == "draft"
    assert visit.entered_by == "nurse.anna"
    stored = {(a.instrument, a.item): a.value for a in rows(db, Answer, visit_id=visit.id)}
    assert stored == {**{("midas", k): int(v) for k, v in MIDAS_TYPED.items()},
                      ("fss", "1"): 4, ("fss", "2"): 6, ("fss", "3"): 5, ("fss", "4"): 7,
                      ("fss", "6"): 3}

    answer_boxes("Resume")
    w2 = open_wizard(qtbot, db, nurse, patient_id)
    assert w2.visit_id == visit.id
    assert w2.visit_page.label == "m6"
    midas = w2.form_pages["midas"]
    assert {k: e.text() for k, e in midas.edits.items()} == MIDAS_TYPED
    fss = w2.form_pages["fss"]
    assert [fss.edits[i.id].text() for i in FSS.items] == ["4", "6", "5", "7", "", "3", "", "", ""]
    close_if_open(w2)


def test_closing_flushes_the_last_change_and_keeps_the_draft(qtbot, db, nurse,
                                                             patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    press(qtbot, [ENTER, "17"])  # no Enter: only the debounce timer knows about it
    assert w._timer.isActive()
    w.close()
    assert not shiboken6.isValid(w) or not w.isVisible()
    assert {(a.item, a.value) for a in rows(db, Answer)} == {("q1", 17)}
    assert not w._timer.isActive() if shiboken6.isValid(w) else True


def test_discarding_a_draft_needs_confirmation(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    press(qtbot, [ENTER, "5", ENTER])
    w.close()
    answer_boxes("Discard draft", "Keep the draft")
    assert open_visit_entry(None, db, nurse, patient_id) is None
    assert len(rows(db, Visit)) == 1
    answer_boxes("Cancel")
    assert open_visit_entry(None, db, nurse, patient_id) is None
    answer_boxes("Discard draft", "Discard")
    w2 = open_wizard(qtbot, db, nurse, patient_id)
    assert rows(db, Visit) == []
    assert w2.visit_id is None
    assert [r.action for r in rows(db, ChangeLog) if r.entity == "visit"][-1] == "delete"
    close_if_open(w2)


def test_hard_errors_block_the_step_and_are_not_stored(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    press(qtbot, [ENTER, "95", ENTER])
    q1 = w.form_pages["midas"].edits["q1"]
    assert focused() is q1  # Enter did not move on
    message = w.form_pages["midas"].message_for("midas.q1")
    assert message.isVisible()
    assert "between 0 and 90" in message.text()
    assert rows(db, Answer) == []  # the draft never holds an invalid value
    press(qtbot, ["50", ENTER, "50", ENTER])  # q1 + q2 > 90
    assert focused() is w.form_pages["midas"].edits["q2"]
    assert "cannot exceed 90" in w.form_pages["midas"].message_for("midas.q2").text()
    assert {(a.item, a.value) for a in rows(db, Answer)} == {("q1", 50)}
    press(qtbot, [ALT_N])
    assert page_name(w) == "MIDAS"
    assert w.has_unsaved_work()
    press(qtbot, ["40", ENTER])
    assert focused() is w.form_pages["midas"].edits["q3"]
    assert not w.has_unsaved_work()
    press(qtbot, ["x", ENTER])  # not a number: the parser's message, beside the field
    assert "not a whole number" in w.form_pages["midas"].message_for("midas.q3").text()
    answer_boxes("Keep editing")
    w.close()
    assert w.isVisible()  # unsaved input: closing asked, and we kept editing
    answer_boxes("Close and lose it")
    w.close()
    assert not shiboken6.isValid(w) or not w.isVisible()


def test_fss_digit_out_of_range_does_not_advance(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    w.goto(w.pages.index(w.form_pages["fss"]))
    press(qtbot, ["8"])
    fss = w.form_pages["fss"]
    assert focused() is fss.edits["1"]
    assert "between 1 and 7" in fss.message_for("fss.1").text()
    press(qtbot, ["5"])  # the field's text is selected: the digit replaces it and moves on
    assert focused() is fss.edits["2"]
    assert fss.edits["1"].text() == "5"
    close_if_open(w)


def test_warnings_must_be_confirmed_before_saving(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    keys: list[object] = [ENTER]
    for text in ("5", "0", "0", "0", "0", "2", "0"):  # q1 5 > A 2; A 2 with pain 0
        keys += [text, ENTER]
    press(qtbot, [*keys, *FSS_TYPED, "612.5", ENTER, "480", ENTER, CTRL_S])
    assert page_name(w) == "Review"
    review = w.review_page
    assert review.confirm.isVisible()
    assert focused() is review.confirm
    assert "more than the headache days" in review.findings.text()
    (visit,) = rows(db, Visit)
    assert visit.status == "draft"
    press(qtbot, [SPACE, CTRL_S])
    assert rows(db, Visit)[0].status == "complete"


def test_expected_form_is_skipped_only_with_a_reason(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    press(qtbot, [ENTER])
    assert page_name(w) == "MIDAS"
    press(qtbot, [ALT_N])  # empty, expected at m6, no reason: blocked
    assert page_name(w) == "MIDAS"
    assert "expects MIDAS" in w.form_pages["midas"].message_for("midas").text()
    assert focused() is w.form_pages["midas"].skip.check
    press(qtbot, [SPACE])
    assert focused() is w.form_pages["midas"].skip.reason
    press(qtbot, ["patient had no time", ENTER])
    assert page_name(w) == "FSS"
    assert {(s.form, s.reason) for s in rows(db, SkippedForm)} == {
        ("midas", "patient had no time")}
    press(qtbot, [*FSS_TYPED, "612.5", ENTER, "480", ENTER, CTRL_S])
    (visit,) = rows(db, Visit)
    assert visit.status == "complete"


def test_forms_the_label_does_not_expect_are_passed_over(qtbot, db, nurse, patient_id,
                                                         monkeypatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: date(2014, 4, 12))  # m1: flow only
    w = open_wizard(qtbot, db, nurse, patient_id)
    assert w.visit_page.label == "m1"
    assert "(not expected)" in w.sidebar.item(1).text()
    press(qtbot, [ENTER])
    assert page_name(w) == "IJV flow"
    press(qtbot, [ENTER, "10.5", ENTER, "0.8", ENTER])  # left by velocity x area
    flow_page = w.form_pages["flow"]
    assert "504.0 mL/min" in flow_page.sides[(Posture.SUPINE, Side.LEFT)].computed.text()
    press(qtbot, ["500", ENTER])
    assert "1004.0 mL/min" in flow_page.total_labels[Posture.SUPINE].text()
    assert page_name(w) == "Review"
    press(qtbot, [CTRL_S])
    (visit,) = rows(db, Visit)
    assert (visit.label, visit.status) == ("m1", "complete")
    (left,) = rows(db, FlowRow, side="left")
    assert (left.flow_ml_min, left.velocity_cm_s, left.area_cm2) == (
        None, Decimal("10.50"), Decimal("0.800"))


def test_escape_goes_back_one_page_and_never_closes(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    press(qtbot, [ENTER, "1", ENTER])
    assert page_name(w) == "MIDAS"
    press(qtbot, [ESC])
    assert page_name(w) == "Visit"
    w.goto(w.pages.index(w.form_pages["fss"]))
    press(qtbot, [ESC])
    assert page_name(w) == "MIDAS"
    press(qtbot, [ESC])
    assert page_name(w) == "Visit"
    press(qtbot, [ESC])
    assert page_name(w) == "Visit"
    assert w.isVisible()
    close_if_open(w)


def test_editing_a_completed_visit_needs_a_reason(qtbot, db, nurse, patient_id) -> None:
    open_wizard(qtbot, db, nurse, patient_id)
    press(qtbot, typical_visit_keys())
    (visit,) = rows(db, Visit)
    assert visit.status == "complete"
    w2 = open_wizard(qtbot, db, nurse, patient_id, visit_id=visit.id)
    assert w2.editing_complete
    press(qtbot, [ENTER, "7", ENTER])  # q1 2 -> 7: nothing stored until saved with a reason
    assert rows(db, Answer, item="q1")[0].value == 2
    press(qtbot, [CTRL_S])
    assert page_name(w2) == "Review"
    assert focused() is w2.review_page.reason
    assert "reason" in w2.review_page.message_for("review.reason").text()
    assert rows(db, Answer, item="q1")[0].value == 2
    press(qtbot, ["transcription error", CTRL_S])
    assert rows(db, Answer, item="q1")[0].value == 7
    change = [r for r in rows(db, ChangeLog, visit_id=visit.id) if r.field == "midas.q1"]
    assert [(c.old_value, c.new_value, c.reason) for c in change] == [
        ("2", "7", "transcription error")]
    assert not shiboken6.isValid(w2) or not w2.isVisible()


def test_conflict_keeps_the_input(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    press(qtbot, [ENTER, "3", ENTER])
    (visit,) = rows(db, Visit)
    other = visits.get_visit(db, visit.id)  # someone else saves the same draft meanwhile
    visits.save_visit(db, Actor("nurse.bruno", role="nurse"), visits.VisitDraft(
        patient_id, "m6", TODAY, VisitContent({"midas": {"q1": 3, "q2": 9}}),
        visit.id, other.version))
    answer_boxes("Keep editing, do not save")
    press(qtbot, ["4", ENTER])
    assert w.form_pages["midas"].edits["q2"].text() == "4"
    assert "changed elsewhere" in w.status.text()
    assert rows(db, Answer, item="q2")[0].value == 9
    assert w.has_unsaved_work()
    answer_boxes("Close and lose it")
    w.close()


def test_no_timers_or_threads_left_after_closing(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    timer = w._timer
    press(qtbot, [ENTER, "1"])
    assert timer.isActive()
    w.close()
    assert not shiboken6.isValid(timer) or not timer.isActive()
    assert QThreadPool.globalInstance().activeThreadCount() == 0



def test_readme_records_the_counted_sequence() -> None:
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Entering a visit from the keyboard", 1)[1].split("\n## ", 1)[0]
    n = sum(len(k) if isinstance(k, str) else 1 for k in typical_visit_keys())
    assert f"**{n} key presses**" in section
    midas = " ".join(f"{' '.join(t)} Enter" for t in MIDAS_TYPED.values())
    flow = " ".join(f"{' '.join(t)} Enter" for t in FLOW_TYPED)
    for row in (midas, " ".join(FSS_TYPED), flow):
        assert f"`{row}`" in section


def test_missing_reason_is_chosen_from_the_keyboard(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    press(qtbot, [ENTER, TAB, Qt.Key.Key_Down, ENTER])  # q1: Tab to its reason, "declined"
    assert focused() is w.form_pages["midas"].edits["q2"]
    (answer,) = rows(db, Answer)
    assert (answer.item, answer.value, answer.missing_reason) == ("q1", None, "declined")
    press(qtbot, [Qt.Key.Key_Backtab, Qt.Key.Key_Backtab, "4", ENTER])  # an answer replaces it
    (answer,) = rows(db, Answer)
    assert (answer.item, answer.value, answer.missing_reason) == ("q1", 4, None)
    close_if_open(w)


def test_a_label_already_used_stops_the_visit_page(qtbot, db, nurse, patient_id) -> None:
    done = VisitContent(skipped=dict.fromkeys(("midas", "fss", "flow"), "not done"))
    visits.save_visit(db, nurse, visits.VisitDraft(patient_id, "m6", TODAY, done),
                      complete=True)
    w = open_wizard(qtbot, db, nurse, patient_id)
    assert w.visit_page.label == "unscheduled"  # m6 is taken: the schedule proposes no label
    box = w.visit_page.label_box
    press(qtbot, [*[Qt.Key.Key_Up] * (box.currentIndex() - box.findData("m6")), ENTER])
    assert w.visit_page.label == "m6"
    assert page_name(w) == "Visit"
    assert "already has a m6 visit" in w.visit_page.message_for("visit.label").text()
    close_if_open(w)


def test_a_draft_opened_by_id_is_resumed_without_asking(qtbot, db, nurse, patient_id) -> None:
    draft = visits.save_visit(db, nurse, visits.VisitDraft(
        patient_id, "m6", TODAY, VisitContent({"fss": {"1": 3}})))
    w = open_wizard(qtbot, db, nurse, patient_id, visit_id=draft.id)
    assert w.visit_id == draft.id
    assert w.form_pages["fss"].edits["1"].text() == "3"
    assert not w.has_unsaved_work()
    close_if_open(w)


def test_a_signed_visit_opens_read_only(qtbot, db, nurse, patient_id) -> None:
    done = VisitContent(skipped=dict.fromkeys(("midas", "fss", "flow"), "not done"))
    rec = visits.save_visit(db, nurse, visits.VisitDraft(patient_id, "m6", TODAY, done),
                            complete=True)
    with db.write(nurse) as s:  # signing has no service yet: mark it as a clinician would
        s.get(Visit, rec.id).signed_at = clock.utcnow()
    signed_version = visits.get_visit(db, rec.id).version
    w = open_wizard(qtbot, db, nurse, patient_id, visit_id=rec.id)
    assert "signed and locked" in w.status.text()
    assert not w.save_button.isEnabled()
    press(qtbot, [CTRL_S])
    assert w.isVisible()
    assert visits.get_visit(db, rec.id).version == signed_version
    close_if_open(w)
