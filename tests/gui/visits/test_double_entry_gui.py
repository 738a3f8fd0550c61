"""Double data entry end to end, as the three people do it at their screens: a nurse keys the
visit in the wizard (and asks for its second entry), another nurse keys the paper again blind
in the second-entry dialog, and a clinician resolves the three differences. Then the database
holds the resolved values with their change-log rows, the visit is verified, and the
agreement report counts what each keyed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from sqlalchemy import select
from tests.support.staff import PASSWORD, Staff

from proapp.db.engine import Database
from proapp.db.models import ChangeLog
from proapp.domain import double_entry as de
from proapp.domain.actor import Actor
from proapp.gui.visits.double_entry.agreement import AgreementDialog
from proapp.gui.visits.double_entry.resolve import ResolveDialog
from proapp.gui.visits.double_entry.second_entry import SecondEntryDialog
from proapp.gui.visits.double_entry.window import DoubleEntryWindow
from proapp.gui.visits.entry import open_visit_entry
from proapp.gui.visits.wizard import VisitWizard
from proapp.services import accounts, clock, settings, visits
from proapp.services.visits import double_entry

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")]

TODAY = date(2014, 6, 10)  # the fixture patient's 3-month visit: MIDAS and FSS
ENTER = Qt.Key.Key_Return
CTRL_S = (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
MIDAS_TYPED = ("2", "3", "1", "4", "0", "12", "6")  # q1-q5, A, B on the paper
FSS_TYPED = "465354627"


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def bruno(db: Database, staff: Staff) -> Actor:
    return Actor("bruno", accounts.create_user(db, staff.admin, "bruno", PASSWORD, "nurse"),
                 "nurse")


def press(qtbot, keys: Iterable[object]) -> None:
    """Type into whichever widget has the focus, as a person at the keyboard."""
    for key in keys:
        target = QApplication.focusWidget()
        assert target is not None, f"no focus before {key!r}"
        if isinstance(key, tuple):
            qtbot.keyClick(target, key[0], key[1])
        elif isinstance(key, str):
            qtbot.keyClicks(target, key)
        else:
            qtbot.keyClick(target, key)


def entry_keys(midas: Iterable[str], fss: str) -> list[object]:
    keys: list[object] = []
    for text in midas:
        keys += [*text, ENTER]
    return keys + list(fss)


def first_entry(qtbot, db: Database, nurse: Actor, patient_id: int) -> int:
    wizard = open_visit_entry(None, db, nurse, patient_id)
    assert isinstance(wizard, VisitWizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: (f := QApplication.focusWidget()) is not None
                    and wizard.isAncestorOf(f))
    press(qtbot, [ENTER, *entry_keys(MIDAS_TYPED, FSS_TYPED)])
    assert wizard.current() is wizard.review_page
    assert wizard.review_page.second_entry.isVisible()
    assert wizard.review_page.second_entry.isChecked()  # paper forms: asked for by default
    press(qtbot, [CTRL_S])
    assert wizard.visit_id is not None
    return wizard.visit_id


FAILURES: list[BaseException] = []


def when_modal(kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the next modal window of ``kind`` once it is open (from a timer: the
    dialogs run their own event loop). A failure closes the window, so the test fails
    instead of waiting in the dialog for ever; :func:`raise_failures` re-raises it."""
    def poll() -> None:
        w = QApplication.activeModalWidget()
        if not isinstance(w, kind):
            QTimer.singleShot(10, poll)
            return
        try:
            act(w)
        except BaseException as exc:
            FAILURES.append(exc)
            for modal in (QApplication.activeModalWidget(), w):
                if isinstance(modal, QDialog) and modal.isVisible():
                    modal.reject()

    QTimer.singleShot(0, poll)


def raise_failures() -> None:
    if FAILURES:
        exc = FAILURES[0]
        FAILURES.clear()
        raise exc


def ok_box(seen: dict[str, object], key: str) -> Callable[[QWidget], None]:
    """Remember the message box's text under ``key`` and press its OK."""
    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen[key] = box.text()
        box.button(QMessageBox.StandardButton.Ok).click()

    return act


def test_two_users_key_a_visit_and_a_clinician_resolves_three_differences(
        qtbot, db: Database, staff: Staff, bruno: Actor, patient_id: int,
        tmp_path: Path) -> None:
    settings.set_value(db, staff.admin, "double_entry", "on")
    vid = first_entry(qtbot, db, staff.nurse, patient_id)
    assert double_entry.status_of(db, vid) is de.Status.AWAITING

    # The second nurse keys the paper again, blind: three values differ from the first.
    window = DoubleEntryWindow(db, bruno)
    qtbot.addWidget(window)
    window.show()
    [row] = window.model.rows
    assert (row.patient_code, row.label, row.status) == ("P001", "m3", de.Status.AWAITING)
    seen: dict[str, object] = {}

    def key_again(dialog: QWidget) -> None:
        assert isinstance(dialog, SecondEntryDialog)
        shown = " ".join(e.text() for p in dialog.pages.values() for e in p.edits.values())
        seen["blank"] = shown.strip() == ""  # nothing of the first keying is shown
        second_midas = ("3", "3", "1", "4", "0", "21", "6")  # q1 2->3, A 12->21
        second_fss = "465554627"  # item 4: 3->5
        dialog.activateWindow()
        qtbot.waitUntil(lambda: (f := QApplication.focusWidget()) is not None
                        and dialog.isAncestorOf(f))
        press(qtbot, entry_keys(second_midas, second_fss))
        when_modal(QMessageBox, ok_box(seen, "said"))
        press(qtbot, [CTRL_S])

    when_modal(SecondEntryDialog, key_again)
    qtbot.mouseClick(window.second_button, Qt.MouseButton.LeftButton)
    raise_failures()
    assert seen["blank"] is True
    assert seen["said"] == ("16 items compared, 3 differ. A third person or a clinician "
                            "resolves each difference from the paper form (Double entry, "
                            "Resolve differences).")
    [row] = window.model.rows
    assert (row.status, row.differences, row.second_by) == (de.Status.UNRESOLVED, 3, "bruno")
    window.close()

    # The clinician resolves: the first keying, the second, and a value from the paper.
    clinician_window = DoubleEntryWindow(db, staff.clinician)
    qtbot.addWidget(clinician_window)
    clinician_window.show()

    def settle_all(dialog: QWidget) -> None:
        assert isinstance(dialog, ResolveDialog)
        rows = [(d.instrument, d.item, d.first, d.second) for d in dialog.model.rows]
        seen["rows"] = rows
        for n, (choose, reason) in enumerate(((dialog.first, "paper says 2"),
                                              (dialog.other, "paper says 15: both misread"),
                                              (dialog.second, "paper says 5"))):
            dialog.table.setCurrentIndex(dialog.model.index(n, 0))
            # on the round button itself (a wide radio button's middle is empty space)
            qtbot.mouseClick(choose, Qt.MouseButton.LeftButton,
                             pos=QPoint(8, choose.height() // 2))
            if choose is dialog.other:
                qtbot.keyClicks(dialog.other_value, "15")
            qtbot.keyClicks(dialog.reason, reason)
            if n == 2:  # the last one verifies the visit and says so
                when_modal(QMessageBox, ok_box(seen, "end"))
            qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)
            assert dialog.error.isHidden(), dialog.error.text()
        seen["verified"] = dialog.verified
        dialog.accept()

    when_modal(ResolveDialog, settle_all)
    qtbot.mouseClick(clinician_window.resolve_button, Qt.MouseButton.LeftButton)
    raise_failures()
    assert seen["rows"] == [("midas", "q1", 2, 3), ("midas", "a", 12, 21), ("fss", "4", 3, 5)]
    assert seen["verified"] is True
    assert seen["end"] == "Every difference is resolved: the visit is verified."

    record = visits.get_visit(db, vid)
    assert (record.content.answers("midas")["q1"], record.content.answers("midas")["a"],
            record.content.answers("fss")["4"]) == (2, 15, 5)
    assert double_entry.status_of(db, vid) is de.Status.VERIFIED
    with db.read() as s:
        rows = list(s.scalars(select(ChangeLog).where(ChangeLog.visit_id == vid)
                              .order_by(ChangeLog.id)))
    changed = [(r.field, r.old_value, r.new_value, r.username, r.reason) for r in rows
               if r.entity == "visit" and r.action == "update" and r.username != "nina"]
    assert changed == [("midas.a", "12", "15", "doc", "paper says 15: both misread"),
                       ("fss.4", "3", "5", "doc", "paper says 5")]
    assert [(r.field, r.username) for r in rows if r.action == "resolve"] == [
        ("midas.q1", "doc"), ("midas.a", "doc"), ("fss.4", "doc")]
    assert [r.new_value for r in rows if r.entity == "double_entry" and r.field == "status"] \
        == ["awaiting", "unresolved", "verified"]
    [row] = clinician_window.model.rows
    assert row.status is de.Status.VERIFIED

    # The agreement report: nina was wrong on A and FSS 4, bruno on q1 and A.
    report = AgreementDialog(db, staff.clinician)
    qtbot.addWidget(report)
    by = {(r.user, r.instrument): r for r in report.model.rows}
    assert (by[("nina", de.ALL)].fields, by[("nina", de.ALL)].errors) == (16, 2)
    assert (by[("bruno", "midas")].fields, by[("bruno", "midas")].errors) == (7, 2)
    assert (by[("bruno", "fss")].errors, by[("nina", "fss")].errors) == (0, 1)
    assert by[("nina", de.ALL)].errors_per_1000 == Decimal("125.0")
    out = report.save_csv(tmp_path / "agreement.csv")
    assert out is not None
    assert "nina,all,1,16,3,2,0,125.0,81.3" in out.read_text(encoding="utf-8")


def test_the_second_keyer_must_be_someone_else(qtbot, db: Database, staff: Staff,
                                               patient_id: int) -> None:
    settings.set_value(db, staff.admin, "double_entry", "on")
    first_entry(qtbot, db, staff.nurse, patient_id)
    window = DoubleEntryWindow(db, staff.nurse)
    qtbot.addWidget(window)
    window.show()
    seen: dict[str, object] = {}
    when_modal(QMessageBox, ok_box(seen, "said"))
    qtbot.mouseClick(window.second_button, Qt.MouseButton.LeftButton)
    raise_failures()
    assert "must be made by another person" in str(seen["said"])
    assert window.model.rows[0].status is de.Status.AWAITING


def test_an_administrator_switches_it_on_in_the_window(qtbot, db: Database,
                                                       staff: Staff) -> None:
    window = DoubleEntryWindow(db, staff.admin)
    qtbot.addWidget(window)
    window.show()
    assert window.switch.isVisible() and not window.switch.isChecked()
    window.switch.click()
    assert double_entry.enabled(db)
    assert "switched off" not in window.intro.text()
    with db.read() as s:
        row = s.scalars(select(ChangeLog).where(ChangeLog.entity == "setting")).one()
    assert (row.field, row.old_value, row.new_value, row.username) == (
        "double_entry", "off", "on", "boss")  # the default was in force
    nurse_window = DoubleEntryWindow(db, staff.nurse)
    qtbot.addWidget(nurse_window)
    assert nurse_window.switch.isHidden()  # only administrators change clinic settings


def test_without_the_setting_the_wizard_does_not_offer_it(qtbot, db: Database, staff: Staff,
                                                          patient_id: int) -> None:
    wizard = open_visit_entry(None, db, staff.nurse, patient_id)
    assert isinstance(wizard, VisitWizard)
    qtbot.addWidget(wizard)
    assert wizard.review_page.second_entry.isHidden()
    wizard._finished = True
    wizard.close()
    window = DoubleEntryWindow(db, staff.nurse)
    qtbot.addWidget(window)
    assert "switched off" in window.intro.text()
