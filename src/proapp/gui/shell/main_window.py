"""The main window: the frame around the features.

Two fixed tabs (:class:`~proapp.gui.patients.list_tab.PatientListTab` and
:class:`~proapp.gui.visits.worklist_tab.WorklistTab`), one tab per open patient
(:class:`~proapp.gui.patients.patient_view.PatientView`, imported when the first one opens),
the status bar, and the menus and tool bar built from :mod:`proapp.gui.shell.menus`. The
lists are loaded off the GUI thread (:class:`~proapp.gui.patients.loading.ListLoader`) so the
window paints at once even on a 10,000-patient database; views refresh from what an operation
reports (a saved patient, a saved visit), never by polling.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QToolBar,
)

from proapp import APP_NAME
from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.gui.common.actions import Action, Entries, Needs
from proapp.gui.common.errors import show_error
from proapp.gui.common.release import SlicedRelease
from proapp.gui.common.widgets import ElidedLabel
from proapp.gui.patients.actions import open_patient_dialog
from proapp.gui.patients.list_tab import PatientListTab
from proapp.gui.patients.loading import ListLoader
from proapp.gui.reports.actions import open_report
from proapp.gui.shell.menus import MENUS, TOOLBAR
from proapp.gui.visits.entries import VisitEntries
from proapp.gui.visits.worklist_tab import WorklistTab
from proapp.services import clock
from proapp.services.patients import listing as plist
from proapp.services.patients.listing import PatientList, WorklistEntry

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from proapp.gui.accounts.idle_lock import IdleLock
    from proapp.gui.patients.patient_view import PatientView

log = logging.getLogger(__name__)

PATIENTS_TAB, WORKLIST_TAB = 0, 1


class MainWindow(QMainWindow):
    """``MainWindow(database, actor, lock=...)``; the host every feature action runs on
    (:class:`proapp.gui.common.actions.Host`)."""

    listLoaded = Signal(int)  # number of patients, each time the list (re)loads
    patientChanged = Signal(int)  # a patient's row was refreshed after a save

    def __init__(self, database: Database, actor: Actor, *, lock: IdleLock | None = None,
                 load: bool = True, loader: ListLoader | None = None):
        """``loader``: a :class:`ListLoader` of ``database`` already reading the list (started
        while the user signed in): the window adopts it instead of starting a load."""
        super().__init__()
        self.database = database
        self.actor = actor
        self.lock = lock
        self.today: date = clock.today()
        self._views: dict[int, PatientView] = {}
        self._shown_list: PatientList | None = None
        self._release = SlicedRelease(self)  # a replaced list's rows, freed between events
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{APP_NAME} – {database.display_name}")
        self.resize(1280, 800)

        adopted = loader is not None and loader.database is database
        if loader is not None and not adopted:
            loader.stop()
        self.loader = loader if adopted and loader is not None else ListLoader(database)
        self.loader.setParent(self)
        self.loader.loaded.connect(self._loaded)
        self.loader.failed.connect(self._load_failed)
        self.visit_entries = VisitEntries(self, database, actor)
        self._saved_patients: dict[int, None] = {}  # saved, lists not refreshed yet
        self.visit_entries.visitSaved.connect(self._refresh_soon)
        self.visit_entries.draftSaved.connect(self._refresh_soon)
        self.visit_entries.message.connect(lambda text: self.show_status(text, 15000))

        self.patients = PatientListTab()
        self.patients.patientActivated.connect(self.open_patient)
        self.worklist = WorklistTab(self.today)
        self.worklist.openVisitRequested.connect(self._open_visit)
        self.worklist.dayChanged.connect(lambda _day: self._set_worklist(plist.worklist(
            self.patients.model.rows, self.worklist.day, self.worklist.clinic_days)))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.addTab(self.patients, self.tr("Patients"))
        self.tabs.addTab(self.worklist, self.tr("Due today"))
        for i in (PATIENTS_TAB, WORKLIST_TAB):  # the two lists cannot be closed
            self.tabs.tabBar().setTabButton(i, self.tabs.tabBar().ButtonPosition.RightSide,
                                            None)
        self.setCentralWidget(self.tabs)
        self._actions: dict[str, tuple[QAction, Action]] = {}
        self._build_menus()
        self._build_status_bar()
        for signal in (self.tabs.currentChanged, self.patients.selectionChanged,
                       self.worklist.selectionChanged):
            signal.connect(lambda *_: self._update_actions())
        self._restore_state()
        self._update_actions()
        self.patients.search.setFocus()  # typing a name or code is what most users do first
        if adopted:
            self.statusBar().showMessage(self.tr("Loading patients…"))
            # Shown from the event loop, so that whoever connects to listLoaded after
            # construction (the daily backup, tests) sees it too.
            QTimer.singleShot(0, self._adopt_latest)
        elif load:
            self.reload()

    def _adopt_latest(self) -> None:
        """An adopted loader's result if it finished before this window existed; a new load
        if it failed then (its error reached no window)."""
        latest = self.loader.latest
        if latest is not None:
            if latest[0] is not self._shown_list:  # not already shown through the signal
                self._loaded(*latest)
        elif not self.loader.busy:
            self.reload()

    # -- frame -------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        for menu in MENUS:
            title = QCoreApplication.translate("Menu", menu.title)
            m = self.menuBar().addMenu(title.format(username=self.actor.username))
            if menu.name:
                m.setObjectName(menu.name)
            self._add_entries(m, menu.entries)
        tb = QToolBar(self.tr("Main"))
        tb.setObjectName("mainToolBar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._add_entries(tb, TOOLBAR)
        self.addToolBar(tb)

    def _add_entries(self, target: QMenu | QToolBar, entries: Entries) -> None:
        for spec in entries:
            if spec is None:
                target.addSeparator()
            elif spec.shown is None or spec.shown(self):
                target.addAction(self._qaction(spec))

    def _qaction(self, spec: Action) -> QAction:
        """One ``QAction`` per feature action, shared by the menu and the tool bar."""
        if spec.name in self._actions:
            return self._actions[spec.name][0]
        a = QAction(QCoreApplication.translate("Action", spec.text), self)
        a.setObjectName(spec.name)
        if spec.shortcut is not None:
            a.setShortcut(QKeySequence(spec.shortcut))
        if spec.tip:
            tip = QCoreApplication.translate("Action", spec.tip)
            a.setStatusTip(tip)
            shortcut = a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            a.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        a.triggered.connect(lambda _checked=False, spec=spec: spec.run(self))
        self.addAction(a)
        self._actions[spec.name] = (a, spec)
        return a

    def action(self, name: str) -> QAction:
        """The window's action of that object name (``actReport``, ``actNewPatient`` ...)."""
        return self._actions[name][0]

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        # The database's path gives way (cut in the middle, whole in the tooltip) on a
        # narrow window: who is signed in and the training mark never do.
        self.db_label = ElidedLabel(self.tr("Database: {name}").format(
            name=self.database.display_name), mode=Qt.TextElideMode.ElideMiddle)
        self.db_label.setObjectName("statusDatabase")
        role = (f" ({QCoreApplication.translate('Role', self.actor.role)})"
                if self.actor.role else "")
        self.user_label = QLabel(self.tr("Signed in: {username}").format(
            username=self.actor.username) + role)
        self.user_label.setObjectName("statusUser")
        sb.addPermanentWidget(self.db_label, 1)
        sb.addPermanentWidget(self.user_label)

    def _update_actions(self) -> None:
        if not self._actions:  # signals during construction
            return
        has = {Needs.NOTHING: True,
               Needs.PATIENT: self.current_patient_id() is not None,
               Needs.SELECTION: (self.tabs.currentIndex() == PATIENTS_TAB
                                 and self.patients.view.selectionModel().hasSelection()),
               Needs.PATIENT_TAB: self.tabs.currentIndex() > WORKLIST_TAB}
        for action, spec in self._actions.values():
            action.setEnabled(has[spec.needs])

    # -- what actions use (proapp.gui.common.actions.Host) -----------------------------------
    def widget(self) -> QWidget:
        return self

    def show_status(self, text: str, msecs: int = 0) -> None:
        self.statusBar().showMessage(text, msecs)

    def has_lock(self) -> bool:
        return self.lock is not None

    def lock_now(self) -> bool:
        if self.lock is None:
            return False
        self.lock.lock()
        return True

    def current_patient_id(self) -> int | None:
        """The patient of the open patient tab, or the one selected in the current list."""
        pid = getattr(self.tabs.currentWidget(), "patient_id", None)
        if pid is not None:
            return int(pid)
        if self.tabs.currentIndex() == WORKLIST_TAB:
            return self.worklist.current_patient_id()
        return self.patients.current_patient_id()

    def selected_patient_ids(self) -> list[int]:
        """Patients selected in the list (several with Shift/Ctrl), for batch reports."""
        if self.tabs.currentIndex() != PATIENTS_TAB:
            return []
        return self.patients.selected_patient_ids()

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the whole list again, in the background; the latest request wins."""
        self.today = clock.today()
        self.statusBar().showMessage(self.tr("Loading patients…"))
        self.loader.reload()

    def wait_loaded(self, msecs: int = -1) -> bool:
        """Block until a background load finished (tests, benchmarks, closing)."""
        return self.loader.wait(msecs)

    def _loaded(self, result: PatientList, worklist: list[WorklistEntry],
                index: plist.SearchIndex | None = None) -> None:
        self.today = result.today
        # The rows being replaced are freed a slice per turn of the event loop, not inside
        # this one: dropping 50,000 rows takes as long as showing the new ones, and together
        # they would be one stall. Their containers (the old list, model rows and search
        # index) go now: freeing references to rows still held by the release is cheap.
        self._release.release(self.patients.model.rows)
        self._shown_list = result
        self.patients.set_rows(result.rows, index)  # (the loader froze them: ListLoader)
        self.worklist.set_day(result.today, result.clinic_day, result.clinic_days)
        self._set_worklist(worklist)
        self.statusBar().showMessage(self.tr("%n patient(s) loaded", "", len(result.rows)),
                                     4000)
        self.listLoaded.emit(len(result.rows))

    def _load_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(self.tr("The patient list could not be loaded"))
        show_error(self, exc, self.tr("load the patient list"))

    def _refresh_soon(self, patient_id: int) -> None:
        """A visit or draft was saved: its patient's row and the worklist are refreshed on
        the event loop's next turn, not inside the save's. The save (its commit waits for
        the disk) and the refresh then each keep the GUI thread for their own part (about
        20 and 12 ms at 10,000 patients, not 40 ms together), keys and paints come between
        them, and saves of one turn (a wizard's draft and its completion) refresh once."""
        if not self._saved_patients:
            QTimer.singleShot(0, self, self._refresh_saved)
        self._saved_patients[patient_id] = None

    def _refresh_saved(self) -> None:
        ids, self._saved_patients = list(self._saved_patients), {}
        if ids:
            self.refresh_patients(ids)

    def refresh_patients(self, patient_ids: list[int]) -> None:
        """Re-read a few patients' rows after a save (no full reload) and the worklist."""
        fresh = plist.load_rows(self.database, patient_ids, self.today)
        self.patients.update_rows(fresh)
        self._set_worklist(plist.update_worklist(self.worklist.model.rows, fresh.values(),
                                                 self.worklist.day, self.worklist.clinic_days))
        for pid in patient_ids:
            view = self._views.get(pid)
            if view is not None:
                view.refresh()
                self.tabs.setTabText(self.tabs.indexOf(view), view.tab_title())
            self.patientChanged.emit(pid)

    def _set_worklist(self, entries: list[WorklistEntry]) -> None:
        self.worklist.set_entries(entries)
        self.tabs.setTabText(WORKLIST_TAB, self.worklist.tab_title())
        self._update_actions()

    # -- tabs --------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(PATIENTS_TAB)
        self.patients.focus_search()

    def show_patients(self) -> None:
        self.tabs.setCurrentIndex(PATIENTS_TAB)

    def show_worklist(self) -> None:
        self.tabs.setCurrentIndex(WORKLIST_TAB)
        self.worklist.focus_list()

    def open_current_patient(self) -> None:
        pid = self.current_patient_id()
        if pid is not None:
            self.open_patient(pid)

    def open_patient(self, patient_id: int) -> PatientView | None:
        """Show the patient's tab (one per patient), creating it if needed."""
        view = self._views.get(patient_id)
        if view is None:
            from proapp.gui.patients.patient_view import PatientView

            try:
                view = PatientView(self.database, self.actor, patient_id)
            except Exception as exc:
                show_error(self, exc, self.tr("open the patient"))
                return None
            view.newVisitRequested.connect(lambda pid: self.start_visit(pid))
            view.openVisitRequested.connect(self._open_visit)
            view.editPatientRequested.connect(lambda pid: open_patient_dialog(self, pid))
            view.reportRequested.connect(lambda pid: open_report(self, pid))
            self._views[patient_id] = view
            self.tabs.addTab(view, view.tab_title())
        self.tabs.setCurrentWidget(view)
        view.setFocus()
        return view

    def close_tab(self, index: int) -> None:
        if index <= WORKLIST_TAB:
            return
        w = self.tabs.widget(index)
        pid = getattr(w, "patient_id", None)
        if pid is not None:
            self._views.pop(pid, None)
        self.tabs.removeTab(index)
        if w is not None:
            w.deleteLater()

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    # -- visit entry -------------------------------------------------------------------------
    def start_visit(self, patient_id: int, *, label: str | None = None,
                    visit_id: int | None = None) -> QDialog | None:
        return self.visit_entries.start(patient_id, label=label, visit_id=visit_id)

    def _open_visit(self, patient_id: int, visit_id: int, label: str) -> None:
        self.start_visit(patient_id, label=label or None, visit_id=visit_id or None)

    def settings_saved(self, keys: list[str]) -> None:
        """After File → Settings: apply what this window uses now (the idle lock, the
        clinic days of the worklist)."""
        if "idle_lock_minutes" in keys and self.lock is not None:
            from proapp.gui.accounts.idle_lock import idle_minutes

            self.lock.set_minutes(idle_minutes(self.database))
        if "clinic_days" in keys:
            self.reload()
        n = len(keys)
        self.show_status(self.tr("No setting changed") if n == 0 else
                         self.tr("%n setting(s) saved", "", n), 5000)

    # -- closing and settings ----------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        pending = self.visit_entries.unsaved()
        if pending:
            n = len(pending)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Visit entry is still open"),
                              self.tr("%n visit entry(ies) still open and not completed.\n\n"
                                      "What has been entered so far is kept as a draft and "
                                      "offered again when you open the patient, but the visit "
                                      "is not complete. Close proapp anyway?", "", n),
                              QMessageBox.StandardButton.NoButton, self)
            box.setObjectName("closeWithDraftsBox")
            back = box.addButton(self.tr("Return to entry"), QMessageBox.ButtonRole.RejectRole)
            box.addButton(self.tr("Close proapp"), QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(back)
            box.exec()
            if box.clickedButton() is back:
                event.ignore()
                pending[0].raise_()
                pending[0].activateWindow()
                return
        self.loader.stop()
        self._release.flush()
        self._save_state()
        event.accept()

    def _restore_state(self) -> None:
        s = QSettings()
        geometry = s.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self.patients.restore_state(s)

    def _save_state(self) -> None:
        s = QSettings()
        s.setValue("main/geometry", self.saveGeometry())
        self.patients.save_state(s)
