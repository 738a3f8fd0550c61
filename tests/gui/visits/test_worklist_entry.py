"""End to end: the worklist's Enter opens the wizard, a whole visit is typed, the lists follow.

The wizard is the real one (``proapp.gui.visits``); the key sequence is the README's typical
6-month visit, shared with the wizard's own tests.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from tests.gui.visits.test_wizard import press, typical_visit_keys

from proapp.db.engine import Database
from proapp.db.models import ChangeLog, Visit
from proapp.domain.actor import Actor
from proapp.gui.shell.main_window import MainWindow
from proapp.services import clock

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")]

TODAY = date(2014, 9, 12)  # the fixture patient's m6 window is open (PTA 2014-03-10)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


def test_enter_on_worklist_then_a_typed_visit_updates_list_and_worklist(
        qtbot, db: Database, actor: Actor, patient_id: int) -> None:
    w = MainWindow(db, actor, load=False)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.listLoaded, timeout=10_000):
        w.reload()
    w.show()
    assert [(e.patient.id, e.label) for e in w.worklist.model.rows] == [(patient_id, "m6")]
    assert w.patients.model.rows[0].last_visit is None
    w.action("actShowWorklist").trigger()
    qtbot.keyClick(w.worklist.view, Qt.Key.Key_Return)
    (wizard,) = w.visit_entries.open_wizards()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: (f := QApplication.focusWidget()) is not None
                    and wizard.isAncestorOf(f))
    assert wizard.visit_page.label == "m6"
    with qtbot.waitSignal(w.patientChanged, timeout=10_000) as changed:
        press(qtbot, typical_visit_keys())
    assert changed.args == [patient_id]
    with db.read() as s:
        visit = s.scalar(select(Visit).where(Visit.patient_id == patient_id))
        assert visit is not None
        assert (visit.label, visit.status, visit.entered_by) == ("m6", "complete", "nurse.test")
        assert s.scalar(select(ChangeLog).where(ChangeLog.visit_id == visit.id)) is not None
    # refreshed from the save, without reloading the lists
    assert w.worklist.model.rowCount() == 0
    assert w.tabs.tabText(1) == "Due today (0)"
    row = w.patients.model.rows[0]
    assert row.last_visit == TODAY
    assert row.next_due is not None
    assert row.next_due.label == "m12"
    qtbot.waitUntil(lambda: not w.visit_entries.open_wizards())
