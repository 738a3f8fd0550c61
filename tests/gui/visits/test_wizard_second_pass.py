"""The wizard's second pass: no total from a rejected value, no empty completed visit,
unscheduled visits ask for their forms, missing codes typed in the item, Enter on an empty
expected item asks once, an edited visit shows old → new, the saved visit is summed up.

Keys go to whichever widget has the focus (as in ``test_wizard``); results are read back from
the database.
"""

from __future__ import annotations

from datetime import date

import pytest

from proapp.db.models import Answer, Visit
from proapp.domain.actor import Actor
from proapp.domain.visit import VisitContent
from proapp.services import clock, visits
from proapp.services.visits import VisitDraft

from .test_wizard import (
    CTRL_S,
    ENTER,
    FSS_TYPED,
    SPACE,
    close_if_open,
    focused,
    open_wizard,
    page_name,
    press,
    rows,
)

TODAY = date(2014, 9, 12)  # 6 months after the fixture patient's PTA (2014-03-10)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def nurse() -> Actor:
    return Actor("nurse.anna", role="nurse")


pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")]


def test_totals_stay_blank_while_an_answer_is_rejected(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    midas = w.form_pages["midas"]
    press(qtbot, [ENTER, "95"])  # Q1 out of range, the other items empty
    for item, text in (("q2", "3"), ("q3", "1"), ("q4", "4"), ("q5", "0")):
        midas.edits[item].setText(text)
        midas.edits[item].textEdited.emit(text)
    assert "between 0 and 90" in midas.message_for("midas.q1").text()
    assert "103" not in midas.score_label.text()
    assert "MIDAS total: — (correct the marked answers)" in midas.score_label.text()
    midas.edits["q1"].setText("50")
    midas.edits["q1"].textEdited.emit("50")
    midas.edits["q2"].setText("50")  # Q1 + Q2 = 100 > 90: the rule, no total of 105
    midas.edits["q2"].textEdited.emit("50")
    assert "105" not in midas.score_label.text()
    assert "— (correct the marked answers)" in midas.score_label.text()
    midas.edits["q2"].setText("3")
    midas.edits["q2"].textEdited.emit("3")
    assert "MIDAS total: 58 days" in midas.score_label.text()

    fss = w.form_pages["fss"]
    for n in range(1, 10):
        fss.edits[str(n)].setText("8" if n == 4 else "4")
        fss.edits[str(n)].textEdited.emit(fss.edits[str(n)].text())
    assert "FSS mean: — (correct the marked answers)" in fss.score_label.text()
    w.goto(w.pages.index(w.review_page))
    assert "FSS mean: — (correct the marked answers)" in w.review_page.summary.toPlainText()
    close_if_open(w)


def test_an_empty_unscheduled_visit_cannot_be_completed(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    w.visit_page.label_box.setCurrentIndex(w.visit_page.label_box.findData("unscheduled"))
    w.visit_page.label_box.setFocus()
    assert w.visit_page.forms_box.isVisible()
    press(qtbot, [ENTER])  # to the form boxes
    assert focused() is w.visit_page.form_checks["midas"]
    press(qtbot, [ENTER, ENTER, ENTER])  # none ticked: the page says so and stays
    assert page_name(w) == "Visit"
    assert "Tick the forms done" in w.visit_page.message_for("visit.forms").text()
    press(qtbot, [CTRL_S])  # saving anyway: refused, nothing complete in the database
    assert page_name(w) == "Review"
    assert "Nothing is entered for this visit" in w.review_page.findings.text()
    assert [v.status for v in rows(db, Visit)] == []
    close_if_open(w)


def test_unscheduled_visit_asks_which_forms_and_walks_them(qtbot, db, nurse,
                                                           patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    w.visit_page.label_box.setCurrentIndex(w.visit_page.label_box.findData("unscheduled"))
    w.visit_page.label_box.setFocus()
    press(qtbot, [ENTER, ENTER, SPACE, ENTER, ENTER])  # pass MIDAS, tick FSS, pass flow
    assert w.visit_page.chosen_forms() == {"fss"}
    assert page_name(w) == "FSS"
    assert "ticked as done" in w.form_pages["fss"].banner.text()
    press(qtbot, list(FSS_TYPED))  # the ninth digit moves on: to the review, not the flow
    assert page_name(w) == "Review"
    press(qtbot, [CTRL_S])
    (visit,) = rows(db, Visit)
    assert (visit.label, visit.status) == ("unscheduled", "complete")
    assert {a.instrument for a in rows(db, Answer, visit_id=visit.id)} == {"fss"}
    assert w.summary_text == "unscheduled saved for P001: FSS 4.67"


def test_missing_codes_are_typed_in_the_item(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    midas = w.form_pages["midas"]
    press(qtbot, [ENTER, "2", ENTER, ".", "d"])  # q2 declined: recorded, and on to q3
    assert focused() is midas.edits["q3"]
    assert midas.edits["q2"].text() == ""
    assert midas.edits["q2"].placeholderText() == "(declined to answer)"
    press(qtbot, ["1", ENTER, ".", "n", ".", "u", "12", ENTER, "6", ENTER])
    assert page_name(w) == "FSS"
    press(qtbot, [".", "u"])  # FSS item 1: one key for the code's letter moves on too
    assert focused() is w.form_pages["fss"].edits["2"]
    w.flush()
    answers = {(a.instrument, a.item): (a.value, a.missing_reason)
               for a in rows(db, Answer)}
    assert answers == {("midas", "q1"): (2, None), ("midas", "q2"): (None, "declined"),
                       ("midas", "q3"): (1, None), ("midas", "q4"): (None, "not_asked"),
                       ("midas", "q5"): (None, "unknown"), ("midas", "a"): (12, None),
                       ("midas", "b"): (6, None), ("fss", "1"): (None, "unknown")}
    assert "MIDAS total: — (needs every item)" in midas.score_label.text()
    close_if_open(w)


def test_a_dot_then_another_key_is_not_a_code(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    midas = w.form_pages["midas"]
    press(qtbot, [ENTER, ".", "7"])  # "." then a digit: no code; the digit is the answer
    assert midas.edits["q1"].text() == "7"
    assert midas.reasons["q1"].currentData() == ""
    close_if_open(w)


def test_enter_on_an_empty_expected_item_asks_once(qtbot, db, nurse, patient_id) -> None:
    w = open_wizard(qtbot, db, nurse, patient_id)
    midas = w.form_pages["midas"]
    press(qtbot, [ENTER, ENTER])  # q1 empty, MIDAS expected at m6
    assert focused() is midas.edits["q1"]
    assert "Press Enter again to leave it unanswered" in midas.message_for("midas.q1").text()
    press(qtbot, [ENTER])  # confirmed: left unanswered, no reason
    assert focused() is midas.edits["q2"]
    press(qtbot, ["3", ENTER])
    assert focused() is midas.edits["q3"]
    close_if_open(w)


def test_an_edited_visit_shows_old_and_new_values(qtbot, db, nurse, patient_id) -> None:
    content = VisitContent(responses={
        "midas": {"q1": 2, "q2": 3, "q3": 1, "q4": 4, "q5": 0, "a": 12, "b": 6},
        "fss": {str(n): 4 for n in range(1, 10)}}, skipped={"flow": "machine broken"})
    rec = visits.save_visit(db, nurse, VisitDraft(patient_id, "m6", date(2014, 9, 12), content),
                            complete=True, confirm_warnings=True)
    w = open_wizard(qtbot, db, nurse, patient_id, visit_id=rec.id)
    assert "done" in w.visit_page.label_box.currentText()  # not "due": it is this visit
    midas = w.form_pages["midas"]
    midas.edits["q1"].setText("5")
    midas.edits["q1"].textEdited.emit("5")
    w.goto(w.pages.index(w.review_page))
    text = w.review_page.summary.toPlainText()
    assert "1 value is changed" in text
    assert "2 days → 5 days (changed)" in text
    assert text.count("(changed)") == 1
    close_if_open(w)


def test_the_saved_visit_is_summed_up_for_the_status_bar(qtbot, db, nurse,
                                                         patient_id) -> None:
    from .test_wizard import typical_visit_keys

    w = open_wizard(qtbot, db, nurse, patient_id)
    with qtbot.waitSignal(w.visitSaved, timeout=5000):
        press(qtbot, typical_visit_keys())
    assert w.summary_text == ("m6 saved for P001: MIDAS 10, grade II · FSS 4.67 · supine "
                              "flow 1092.5 mL/min")
