"""The patient self-report end to end: the nurse gives the screen to the patient from the main
window, the patient answers MIDAS and FSS with the on-screen buttons only, leaving without a
staff password keeps the mode, and the nurse's acceptance stores the visit as patient-entered.

Every tap is a real mouse click on the button the patient sees; the database is checked after.
"""

from __future__ import annotations

from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from sqlalchemy import select
from tests.conftest import make_facts
from tests.support.staff import PASSWORD, Staff

from proapp.db.engine import Database
from proapp.db.models import ChangeLog, SelfReport, Visit
from proapp.domain.fss import FSS
from proapp.domain.language import Language
from proapp.domain.midas import MIDAS
from proapp.domain.patient import ProcedureFacts
from proapp.gui.accounts.idle_lock import LOCKED_TITLE, IdleLock, LeaveDialog
from proapp.gui.shell.main_window import MainWindow
from proapp.gui.visits.self_report.screen import SelfReportScreen
from proapp.gui.visits.wizard import VisitWizard
from proapp.services import clock, instruments, patients, visits
from proapp.services.exchange import dataset

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")]

TODAY = date(2014, 6, 10)  # 3 months after the fixture patient's PTA: m3 (MIDAS and FSS)
MIDAS_ANSWERS = {"q1": 2, "q2": 3, "q3": 1, "q4": 4, "q5": 0, "a": 12, "b": 6}
FSS_ANSWERS = {"1": 4, "2": 6, "3": 5, "4": 3, "5": 5, "6": 4, "7": 6, "8": 2, "9": 7}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def desk(qtbot, db: Database, staff: Staff, patient_id: int):
    lock = IdleLock(db, staff.nurse, minutes=10)
    window = MainWindow(db, staff.nurse, lock=lock, load=False)
    window.show()
    window.open_patient(patient_id)
    yield window, lock
    close_desk(window, lock)


def close_desk(window: MainWindow, lock: IdleLock) -> None:
    """Closed here, not by qtbot: the window would ask about a visit entry left open."""
    for w in window.visit_entries.open_wizards():
        if shiboken6.isValid(w):
            w._finished = True
            w.close()
    if lock.held is not None:
        lock.held.hide()
    lock.uninstall()
    window.close()
    window.deleteLater()


def click_box_button(text: str) -> None:
    """Click the button starting with ``text`` of the next message box (run from a timer)."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        for b in box.buttons():
            if b.text().replace("&", "").startswith(text):
                b.click()
                return
        raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, click)


def tap(qtbot, screen: SelfReportScreen, name: str) -> None:
    button = screen.findChild(QPushButton, name)
    assert button is not None, name
    assert button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def hand_over(qtbot, window: MainWindow) -> tuple[VisitWizard, SelfReportScreen]:
    click_box_button("Give the screen to the patient")
    window.action("actSelfReport").trigger()
    screen = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, SelfReportScreen) and w.isVisible())
    [wizard] = window.visit_entries.open_wizards()
    assert isinstance(wizard, VisitWizard)
    return wizard, screen


def answer_everything(qtbot, screen: SelfReportScreen) -> None:
    tap(qtbot, screen, "selfReport.next")  # MIDAS instructions: Start
    for item, value in MIDAS_ANSWERS.items():
        key = f"selfReport.midas.{item}"
        if MIDAS.item(item).maximum > 10:  # a day count: the numeric pad, then Next
            for digit in str(value):
                tap(qtbot, screen, f"{key}.key{digit}")
            tap(qtbot, screen, "selfReport.next")
        else:  # 0-10: one button per value, which moves on by itself
            tap(qtbot, screen, f"{key}.{value}")
    tap(qtbot, screen, "selfReport.next")  # FSS instructions
    for item, value in FSS_ANSWERS.items():
        tap(qtbot, screen, f"selfReport.fss.{item}.{value}")


def leave(qtbot, lock: IdleLock, password: str) -> None:
    dialog = lock.dialog
    assert isinstance(dialog, LeaveDialog)
    qtbot.keyClicks(dialog.password, password)
    dialog.ok_button.click()


def test_patient_answers_on_screen_and_the_nurse_accepts(qtbot, desk, db: Database,
                                                         staff: Staff, patient_id: int) -> None:
    window, lock = desk
    wizard, screen = hand_over(qtbot, window)
    # The patient sees only their questionnaire: the main window is hidden, the visit entry
    # covered, and the screen holds the application like the idle lock.
    assert screen.isFullScreen()
    assert not window.isVisible()
    assert wizard.windowTitle() == LOCKED_TITLE
    assert lock.is_locked and lock.held is screen
    assert screen.recall.text() == f"Time period: {MIDAS.recall_period}"

    tap(qtbot, screen, "selfReport.next")  # Start
    # a day count above 90 is refused with the rule's message, and the patient stays
    for digit in "95":
        tap(qtbot, screen, f"selfReport.midas.q1.key{digit}")
    tap(qtbot, screen, "selfReport.next")
    assert screen.current().item is MIDAS.item("q1")
    assert "between 0 and 90" in screen.current_page().error.text()
    tap(qtbot, screen, "selfReport.midas.q1.keyBack")
    tap(qtbot, screen, "selfReport.midas.q1.keyBack")
    # Back returns to the instructions; the recall period is on every screen
    tap(qtbot, screen, "selfReport.back")
    assert screen.current().kind.value == "intro"
    answer_everything(qtbot, screen)
    assert screen.current().kind.value == "end"
    assert screen.progress.value() == screen.progress.maximum() == 16

    # Leaving without the password keeps the mode: Cancel, a wrong password, closing.
    tap(qtbot, screen, "selfReport.staff")
    assert isinstance(lock.dialog, LeaveDialog)
    lock.dialog.reject()
    assert lock.dialog is None and lock.held is screen and screen.isVisible()
    screen.close()  # Alt+F4 or the window manager: only asks for the password
    assert screen.isVisible() and isinstance(lock.dialog, LeaveDialog)
    leave(qtbot, lock, "not the password")
    assert lock.held is screen and screen.isVisible() and not window.isVisible()
    assert "Wrong" in lock.dialog.error.text()

    leave(qtbot, lock, PASSWORD)
    qtbot.waitUntil(lambda: not screen.isVisible())
    assert window.isVisible() and not lock.is_locked
    assert wizard.current() is wizard.review_page
    html = wizard.review_page.summary.toHtml()
    assert "Answered by the patient on the screen" in html
    assert "corrected" not in html
    record = visits.get_visit(db, wizard.visit_id)
    assert record.status == "draft"
    assert record.content.answers("midas") == MIDAS_ANSWERS
    assert record.content.answers("fss") == FSS_ANSWERS

    # The nurse accepts: the same rules, scores and warnings as entry at the keyboard.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)  # given back to the nurse
    target = QApplication.focusWidget() or wizard
    qtbot.keyClick(target, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert wizard.result() == wizard.DialogCode.Accepted, wizard.status.text()
    done = visits.get_visit(db, record.id)
    assert done.status == "complete"
    assert done.content.scores("midas") == MIDAS.score(MIDAS_ANSWERS)
    assert done.content.scores("fss") == FSS.score(FSS_ANSWERS)
    with db.read() as s:
        row = s.get(SelfReport, record.id)
        assert row is not None and row.accepted_by == "nina"
    [exported] = dataset.load(db, staff.nurse, dataset.ExportOptions()).visits
    assert exported["entry_source"] == "patient"


def test_a_corrected_answer_needs_a_reason(qtbot, desk, db: Database, staff: Staff) -> None:
    window, lock = desk
    wizard, screen = hand_over(qtbot, window)
    answer_everything(qtbot, screen)
    tap(qtbot, screen, "selfReport.done")
    leave(qtbot, lock, PASSWORD)
    qtbot.waitUntil(lambda: not screen.isVisible())
    # The nurse corrects MIDAS item 5 with the patient, then saves.
    wizard.goto(wizard.pages.index(wizard.form_pages["midas"]))
    edit = wizard.form_pages["midas"].edits["q5"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "1")
    wizard.goto(wizard.pages.index(wizard.review_page))
    assert "the patient answered: 0 days" in wizard.review_page.summary.toPlainText()
    assert wizard.review_page.reason.isVisible()
    wizard.save()
    assert wizard.isVisible()  # not saved without a reason
    assert wizard.visit_id is not None
    assert visits.get_visit(db, wizard.visit_id).status == "draft"
    qtbot.keyClicks(wizard.review_page.reason, "patient remembered a family party")
    wizard.save()
    with db.read() as s:
        v = s.scalar(select(Visit))
        assert v is not None and v.status == "complete"
        rows = [(r.field, r.old_value, r.new_value, r.reason) for r in s.scalars(
            select(ChangeLog).where(ChangeLog.action == "correct"))]
    assert rows == [("midas.q5", "0", "1", "patient remembered a family party")]


def test_another_staff_member_may_take_over(qtbot, desk, db: Database, staff: Staff) -> None:
    window, lock = desk
    wizard, screen = hand_over(qtbot, window)
    tap(qtbot, screen, "selfReport.next")
    tap(qtbot, screen, "selfReport.midas.q1.key7")
    tap(qtbot, screen, "selfReport.next")
    tap(qtbot, screen, "selfReport.staff")
    dialog = lock.dialog
    assert isinstance(dialog, LeaveDialog)
    dialog.username.setText("doc")
    with qtbot.waitSignal(lock.switched, timeout=3000):
        leave(qtbot, lock, PASSWORD)
    assert not screen.isVisible() and not window.isVisible()
    [draft] = visits.drafts_of(db, wizard.patient_id)
    assert draft.content.answers("midas")["q1"] == 7  # waits as a draft for the review


def test_the_patients_screen_speaks_the_patients_language(qtbot, db: Database, staff: Staff,
                                                          actor) -> None:
    """An Italian patient at an English workstation: the patient's screen is Italian (the
    questions, anchors, recall period, the screen's own words and the rule's messages) and
    says the text is not the validated version; the staff's windows stay English."""

    pid = patients.create_patient(db, actor, make_facts("P777", language=Language.ITALIAN),
                                  [ProcedureFacts(date(2014, 3, 10))])
    lock = IdleLock(db, staff.nurse, minutes=10)
    window = MainWindow(db, staff.nurse, lock=lock, load=False)
    window.show()
    window.open_patient(pid)
    try:
        wizard, screen = hand_over(qtbot, window)
        midas_it = instruments.texts_for(db, "midas", Language.ITALIAN)
        fss_it = instruments.texts_for(db, "fss", Language.ITALIAN)
        assert midas_it.title != MIDAS.title  # the bundled Italian file, really Italian
        assert screen.windowTitle() == "Questionario"
        assert screen.recall.text() == f"Periodo di riferimento: {midas_it.recall_period}"
        assert screen.next.text() == "Inizia"
        assert screen.staff.text() == "Personale"
        intro = screen.current_page()
        shown_texts = [lbl.text() for lbl in intro.findChildren(QLabel)]
        assert midas_it.instructions in shown_texts
        assert midas_it.notice in shown_texts  # not validated: said on the patient's screen

        tap(qtbot, screen, "selfReport.next")
        page = screen.current_page()
        assert page.text.text() == midas_it.item("q1").text
        assert page.number.text() == "MIDAS, domanda 1"
        assert page.decline.text() == "Preferisco non rispondere"
        assert screen.progress.format() == "Domanda %v di %m"
        for digit in "95":
            tap(qtbot, screen, f"selfReport.midas.q1.key{digit}")
        assert page.display.text() == "95 giorni"
        tap(qtbot, screen, "selfReport.next")
        assert "deve essere tra 0 e 90 giorni" in page.error.text()  # the rule, in Italian
        tap(qtbot, screen, "selfReport.midas.q1.keyBack")
        # an FSS item: its Italian text and anchors on the buttons' screen
        fss_page = next(p for p in screen.pages if p.objectName() == "selfReport.fss.1")
        assert fss_page.text.text() == fss_it.item("1").text
        anchors = {lbl.text() for lbl in fss_page.findChildren(QLabel)}
        assert set(fss_it.item("1").anchors.values()) <= anchors
        # the staff's own windows stay in the screens' language
        assert wizard.review_page.reason_label.text() == "&Reason for the change"
    finally:
        close_desk(window, lock)
