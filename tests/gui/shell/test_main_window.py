"""The main window on the demo cohort: list, search and filters, worklist, hooks, closing."""

from __future__ import annotations

import itertools
import sys
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.patient import MsSubtype
from proapp.gui.common.table import ROW_ROLE
from proapp.gui.patients.list_model import PatientTableModel
from proapp.gui.shell.main_window import PATIENTS_TAB, WORKLIST_TAB, MainWindow
from proapp.services import clock
from proapp.services.patients import listing as patient_list

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")]

TODAY = date(2018, 1, 15)  # just after the demo's follow-up: every visit state occurs


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def window(qtbot, demo_db: Database, actor: Actor) -> MainWindow:
    w = MainWindow(demo_db, actor, load=False)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.listLoaded, timeout=20_000):
        w.reload()
    w.show()
    return w


def shown_rows(w: MainWindow) -> list[patient_list.PatientRow]:
    return [w.patients.proxy.row_object(i) for i in range(w.patients.proxy.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester, window: MainWindow) -> None:
    qtmodeltester.check(window.patients.model)
    qtmodeltester.check(window.patients.proxy)
    qtmodeltester.check(window.worklist.model)
    qtmodeltester.check(window.worklist.proxy)


def test_list_shows_every_patient_with_schedule_columns(window: MainWindow,
                                                        demo_db: Database) -> None:
    expected = patient_list.load(demo_db, TODAY)
    assert window.patients.model.rowCount() == 286
    assert window.patients.count_label.text() == "286 patients"
    m = window.patients.model
    first = expected.rows[0]
    assert m.data(m.index(0, m.CODE)) == first.code
    assert m.data(m.index(0, m.NAME)) == f"{first.family_name}, {first.given_name}"
    assert m.data(m.index(0, m.PTA_DATE)) == first.first_pta.strftime("%d/%m/%Y")
    assert m.data(m.index(0, m.LAST_VISIT)) == first.last_visit.strftime("%d/%m/%Y")
    assert m.data(m.index(0, 0), ROW_ROLE) == first
    overdue = [i for i, r in enumerate(m.rows) if r.overdue]
    assert overdue, "the demo on 2018-01-15 has overdue patients"
    i = overdue[0]
    text = m.data(m.index(i, m.NEXT_DUE))
    assert "OVERDUE" in text  # in words, not by colour alone
    assert m.data(m.index(i, m.NEXT_DUE), Qt.ItemDataRole.BackgroundRole) is not None
    assert m.data(m.index(i, m.CODE), Qt.ItemDataRole.BackgroundRole) is None
    assert window.db_label.text() == f"Database: {demo_db.display_name}"
    assert "nurse.test" in window.user_label.text()


def test_search_as_you_type_is_accent_and_case_insensitive(qtbot, window: MainWindow) -> None:
    muellers = [r for r in window.patients.model.rows if r.family_name == "Müller"]
    assert muellers
    window.focus_search()
    qtbot.keyClicks(window.patients.search, "MULLER")
    assert {r.id for r in shown_rows(window)} == {r.id for r in muellers}
    assert window.patients.count_label.text() == f"{len(muellers)} of 286 patients"
    window.patients.search.clear()
    qtbot.keyClicks(window.patients.search, "demo-0007")
    assert [r.code for r in shown_rows(window)] == ["DEMO-0007"]
    # Enter with a single match opens that patient
    qtbot.keyClick(window.patients.search, Qt.Key.Key_Return)
    assert getattr(window.tabs.currentWidget(), "patient_id", None) == shown_rows(window)[0].id
    window.focus_search()
    qtbot.keyClicks(window.patients.search, "zzz")
    assert window.patients.proxy.rowCount() == 0
    assert "No patient matches" in window.patients.view._placeholder
    window.patients.search.setFocus()
    qtbot.keyClick(window.patients.search, Qt.Key.Key_Escape)
    assert window.patients.search.text() == ""
    assert window.patients.proxy.rowCount() == 286


def test_subtype_and_flag_filters(qtbot, window: MainWindow) -> None:
    window.patients.subtype.setCurrentIndex(window.patients.subtype.findData(MsSubtype.PP.value))
    assert window.patients.proxy.rowCount() == 36  # the reference cohort's PP patients
    window.patients.headache.setChecked(True)
    assert window.patients.proxy.rowCount() == 9
    assert all(r.ms_subtype is MsSubtype.PP and r.headache_positive for r in shown_rows(window))
    window.patients.subtype.setCurrentIndex(0)
    assert window.patients.proxy.rowCount() == 113
    window.patients.headache.setChecked(False)
    window.patients.fatigue.setChecked(True)
    assert window.patients.proxy.rowCount() == 277
    qtbot.keyClicks(window.patients.search, "rossi")
    assert all("Rossi" in r.family_name and r.fatigue_positive for r in shown_rows(window))


def test_sorting_by_a_column_keeps_the_filter(window: MainWindow) -> None:
    window.patients.subtype.setCurrentIndex(window.patients.subtype.findData(MsSubtype.SP.value))
    window.patients.view.sortByColumn(PatientTableModel.PTA_DATE, Qt.SortOrder.DescendingOrder)
    dates = [r.first_pta for r in shown_rows(window)]
    known = [d for d in dates if d is not None]
    assert len(dates) == 75 and known == dates
    assert known == sorted(known, reverse=True)


def test_worklist_lists_the_visits_of_the_clinic_day(qtbot, window: MainWindow,
                                                     demo_db: Database) -> None:
    entries = window.worklist.model.rows
    expected = patient_list.load(demo_db, TODAY).worklist()
    assert [(e.patient.id, e.label) for e in entries] == [(e.patient.id, e.label)
                                                          for e in expected]
    assert entries
    # Monday 2018-01-15 with the default clinic days (mon-fri): targets since Saturday
    # are due, earlier targets with the window still open are overdue
    for e in entries:
        if e.overdue:
            assert e.visit.target is not None and e.visit.target < date(2018, 1, 13)
            assert e.visit.window_start is not None and e.visit.window_end is not None
            assert e.visit.window_start <= TODAY <= e.visit.window_end
        else:
            assert e.visit.target is not None and date(2018, 1, 13) <= e.visit.target <= TODAY
    due = sum(1 for e in entries if not e.overdue)
    overdue = len(entries) - due
    assert window.tabs.tabText(WORKLIST_TAB) == f"Due today ({due} + {overdue} overdue)"
    # another day: the list is made for it, and says so
    window.worklist.day_edit.setDate(window.worklist.day_edit.date().addDays(3))
    assert window.worklist.day == date(2018, 1, 18)
    later = patient_list.load(demo_db, TODAY).worklist(date(2018, 1, 18))
    assert [(e.patient.id, e.label) for e in window.worklist.model.rows] == [
        (e.patient.id, e.label) for e in later]
    assert window.tabs.tabText(WORKLIST_TAB).startswith("Due 18/01/2018 (")
    # the current row is the one Enter starts, and it is selected (highlighted)
    view = window.worklist.view
    assert view.currentIndex().isValid()
    assert view.selectionModel().isRowSelected(view.currentIndex().row())


def test_enter_on_the_worklist_starts_entry_for_that_visit(qtbot, window: MainWindow) -> None:
    window.action("actShowWorklist").trigger()
    assert window.tabs.currentIndex() == WORKLIST_TAB
    view = window.worklist.view
    entry = window.worklist.model.rows[0]
    assert view.current_object() == entry
    qtbot.keyClick(view, Qt.Key.Key_Return)
    wizards = window.visit_entries.open_wizards()
    assert len(wizards) == 1
    wizard = wizards[0]
    assert wizard.patient_id == entry.patient.id
    assert wizard.visit_page.label == entry.label
    wizard._finished = True
    wizard.close()


def test_a_saved_visit_refreshes_the_row_and_worklist(qtbot, window: MainWindow,
                                                      demo_db: Database, actor: Actor) -> None:
    from proapp.services import visits
    from proapp.services.visits import VisitDraft

    entry = window.worklist.model.rows[0]
    window.show_worklist()
    qtbot.keyClick(window.worklist.view, Qt.Key.Key_Return)
    wizard = window.visit_entries.open_wizards()[0]
    draft = visits.save_visit(demo_db, actor, VisitDraft(entry.patient.id, entry.label, TODAY))
    with qtbot.waitSignal(window.patientChanged, timeout=5000) as sig:
        wizard.visitSaved.emit(draft.id)  # what the wizard reports after a save
    assert sig.args == [entry.patient.id]
    again = [e for e in window.worklist.model.rows
             if e.patient.id == entry.patient.id and e.label == entry.label]
    assert again
    assert again[0].has_draft
    wizard._finished = True
    wizard.close()


def test_saves_of_one_turn_refresh_their_patients_once_after_it(qtbot, window: MainWindow
                                                                ) -> None:
    """The lists refresh on the next turn of the event loop, not inside the save's (the
    save's commit and the refresh each keep the GUI thread for their own part), once per
    patient however many saves the turn had."""
    changed: list[int] = []
    window.patientChanged.connect(changed.append)
    a, b = (r.id for r in window.patients.model.rows[:2])
    window.visit_entries.draftSaved.emit(a)
    window.visit_entries.draftSaved.emit(b)
    window.visit_entries.visitSaved.emit(a)  # the draft, then its completion
    assert changed == []  # nothing inside the saves' turn
    qtbot.waitUntil(lambda: len(changed) >= 2, timeout=5000)
    qtbot.wait(50)
    assert changed == [a, b]


def test_report_action_needs_a_patient_and_opens_its_report(qtbot, window: MainWindow) -> None:
    from proapp.gui.reports.report_dialog import ReportDialog

    report = window.action("actReport")
    qtbot.keyClicks(window.patients.search, "zzz")  # no patient selected
    assert not report.isEnabled()
    window.patients.search.clear()
    window.patients.view.setFocus()
    window.patients.view.select_first()
    assert report.isEnabled()
    report.trigger()
    dialog = window.findChild(ReportDialog)
    assert dialog is not None
    assert dialog.patient_id == window.patients.model.rows[0].id
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=30_000)  # the preview is built
    dialog.close()


def test_closing_with_a_draft_open_asks(qtbot, window: MainWindow) -> None:
    window.show_worklist()
    qtbot.keyClick(window.worklist.view, Qt.Key.Key_Return)
    wizard = window.visit_entries.open_wizards()[0]
    wizard.has_unsaved_work = lambda: True  # what the wizard says while entry is going on
    seen: list[str] = []

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, lambda: answer(button))
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, lambda: answer("Return to entry"))
    window.close()
    assert seen
    assert "not completed" in seen[0]
    assert window.isVisible()
    assert wizard.isVisible()
    QTimer.singleShot(0, lambda: answer("Close proapp"))
    window.close()
    assert len(seen) == 2
    assert not window.isVisible()
    if shiboken6.isValid(wizard):
        wizard._finished = True
        wizard.close()


def test_closing_without_open_entry_does_not_ask(window: MainWindow) -> None:
    window.close()
    assert not window.isVisible()


def test_tabs_and_shortcuts(qtbot, window: MainWindow) -> None:
    row = window.patients.model.rows[3]
    window.tabs.setCurrentIndex(PATIENTS_TAB)
    window.patients.view.setFocus()
    window.patients.view.setCurrentIndex(window.patients.proxy.index(3, 0))
    qtbot.keyClick(window.patients.view, Qt.Key.Key_Return)
    assert getattr(window.tabs.currentWidget(), "patient_id", None) == row.id
    assert window.current_patient_id() == row.id
    assert window.action("actCloseTab").isEnabled()
    window.action("actCloseTab").trigger()
    assert window.tabs.count() == 2
    assert window.action("actNewPatient").shortcut().toString() == "Ctrl+N"
    assert window.action("actNewVisit").shortcut().toString() == "Ctrl+Shift+V"


def test_worklist_filter(qtbot, window: MainWindow) -> None:
    window.show_worklist()
    for _ in range(14):  # a day with visits due on it and overdue ones
        if len({e.overdue for e in window.worklist.model.rows}) == 2:
            break
        window.worklist.day_edit.setDate(window.worklist.day_edit.date().addDays(1))
    total = window.worklist.model.rowCount()
    kind = window.worklist.kind
    kind.setCurrentIndex(kind.findData("overdue"))
    shown = [window.worklist.proxy.row_object(i) for i in range(window.worklist.proxy.rowCount())]
    assert shown
    assert all(e.overdue for e in shown)
    assert len(shown) < total
    assert window.worklist.count_label.text() == f"{len(shown)} of {total} shown"
    kind.setCurrentIndex(kind.findData("due"))
    due = [window.worklist.proxy.row_object(i) for i in range(window.worklist.proxy.rowCount())]
    assert not any(e.overdue for e in due) and len(due) + len(shown) == total
    kind.setCurrentIndex(kind.findData("all"))
    code = window.worklist.model.rows[0].patient.code
    qtbot.keyClicks(window.worklist.search, code.lower())
    shown = [window.worklist.proxy.row_object(i) for i in range(window.worklist.proxy.rowCount())]
    assert {e.patient.code for e in shown} == {code}
    qtbot.keyClick(window.worklist.search, Qt.Key.Key_Return)
    assert window.worklist.view.hasFocus()


def test_reloads_in_a_row_keep_the_latest(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.listLoaded, timeout=20_000) as sig:
        window.reload()
        window.reload()
        window.reload()
    window.wait_loaded()
    qtbot.waitUntil(lambda: not window.loader._tasks)
    assert sig.args == [286]
    assert window.patients.model.rowCount() == 286


def test_a_window_adopts_a_load_that_finished_before_it(qtbot, demo_db: Database,
                                                        actor: Actor) -> None:
    """run_gui starts the list's load while the user signs in; the window shows its result
    (kept by the loader: its signal went out before the window existed) without a new load."""
    from proapp.gui.patients.loading import ListLoader

    loader = ListLoader(demo_db)
    with qtbot.waitSignal(loader.loaded, timeout=20_000):
        loader.reload()
    w = MainWindow(demo_db, actor, loader=loader)
    qtbot.addWidget(w)
    counts: list[int] = []
    w.listLoaded.connect(counts.append)  # connected after construction, as run_gui does
    qtbot.waitUntil(lambda: counts == [286], timeout=20_000)
    assert w.loader is loader
    assert loader.parent() is w
    assert loader._generation == 1  # nothing read again
    assert loader.latest is not None
    assert w.patients.model.rowCount() == 286
    assert w.worklist.model.rowCount() == len(loader.latest[1])


def test_a_window_adopts_a_load_still_running_and_shows_it_once(qtbot, demo_db: Database,
                                                                actor: Actor) -> None:
    from proapp.gui.patients.loading import ListLoader

    loader = ListLoader(demo_db)
    loader.reload()
    w = MainWindow(demo_db, actor, loader=loader)
    qtbot.addWidget(w)
    counts: list[int] = []
    w.listLoaded.connect(counts.append)
    qtbot.waitUntil(lambda: counts == [286], timeout=20_000)
    qtbot.wait(100)  # the queued adoption ran too, and did not show the list again
    assert counts == [286]
    assert loader._generation == 1


def test_a_window_given_an_idle_loader_reads_the_list(qtbot, demo_db: Database,
                                                      actor: Actor) -> None:
    """A loader with nothing to show (its early load failed: the error reached no window)
    is asked again by the window, which then shows the list or the error."""
    from proapp.gui.patients.loading import ListLoader

    loader = ListLoader(demo_db)
    w = MainWindow(demo_db, actor, loader=loader)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.listLoaded, timeout=20_000) as sig:
        pass
    assert sig.args == [286]
    assert loader._generation == 1


def test_a_loader_of_another_database_is_not_adopted(qtbot, demo_db: Database, db: Database,
                                                     actor: Actor) -> None:
    from proapp.gui.patients.loading import ListLoader

    other = ListLoader(db)
    other.reload()
    w = MainWindow(demo_db, actor, loader=other)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.listLoaded, timeout=20_000) as sig:
        pass
    assert sig.args == [286]
    assert w.loader is not other
    assert not other.busy


def test_a_reload_frees_the_replaced_rows_after_showing_the_new_ones(
        qtbot, window: MainWindow) -> None:
    old = list(window.patients.model.rows)
    with qtbot.waitSignal(window.listLoaded, timeout=20_000):
        window.reload()
    new = window.patients.model.rows
    assert not {id(r) for r in old} & {id(r) for r in new}  # a fresh list is shown
    # the old rows wait in the release (the rows hold no weak references: counted instead)
    assert window._release.pending in (0, len(old))
    qtbot.waitUntil(lambda: window._release.pending == 0)
    counts = {sys.getrefcount(r) for r in old}
    assert counts == {3}, counts  # `old`, the loop's variable and the call's argument only


def test_a_narrow_window_keeps_the_search_box_and_the_status_marks_readable(
        qtbot, window: MainWindow, demo_db: Database) -> None:
    """1280x800 at 150 % leaves 853x533 pixels: the search box still shows a code and a name,
    the filters beside it do not overlap it, the count sits under the list, and the status
    bar cuts the database's path (whole in its tooltip), never the user or the training
    mark."""
    from PySide6.QtWidgets import QLabel

    from proapp.gui.common.widgets import SearchField
    from proapp.gui.shell.first_run import mark_training_window

    assert mark_training_window(window, demo_db)
    window.resize(853, 533)
    qtbot.waitUntil(lambda: window.width() <= 853)
    QApplication.processEvents()
    tab = window.patients
    search = tab.search
    chars = search.fontMetrics().averageCharWidth()
    assert search.width() >= chars * SearchField.MIN_CHARS
    bar = [search, tab.subtype, tab.headache, tab.fatigue]
    edges = [(w.mapTo(tab, w.rect().topLeft()).x(), w.mapTo(tab, w.rect().topRight()).x())
             for w in bar]
    assert all(right < next_left for (_l, right), (next_left, _r)
               in itertools.pairwise(edges))  # side by side, none over another
    assert edges[-1][1] < tab.width()
    assert tab.count_label.mapTo(tab, tab.count_label.rect().topLeft()).y() > \
        tab.view.mapTo(tab, tab.view.rect().bottomLeft()).y()  # under the list
    mark = window.statusBar().findChild(QLabel, "trainingMark")
    for label in (mark, window.user_label):
        assert label.width() >= label.sizeHint().width(), label.text()
        assert label.mapTo(window, label.rect().topRight()).x() <= window.width()
    db_text = f"Database: {demo_db.display_name}"
    assert window.db_label.full_text() == db_text == window.db_label.toolTip()
    shown = window.db_label.text()
    assert shown == db_text or ("…" in shown and shown[-8:] == db_text[-8:])
