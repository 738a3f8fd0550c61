"""The main window: patient list, worklist of visits due today, and a tab per open patient.

The list data come from :mod:`proapp.services.patients.listing` in a few bulk queries, loaded off
the GUI thread so the window paints at once even on a 10,000-patient database. Views refresh
from what an operation reports (a saved patient, the wizard's ``visitSaved``), never by polling.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QByteArray, QMetaMethod, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from proapp import APP_NAME
from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.patient import MsSubtype
from proapp.domain.schedule import VisitState
from proapp.gui.common.errors import show_error
from proapp.gui.common.table import RowFilterProxy
from proapp.gui.common.tasks import Task
from proapp.gui.common.widgets import RowTableView, SearchField
from proapp.gui.patients.list_model import PatientFilter, PatientFilterProxy, PatientTableModel
from proapp.gui.visits.worklist_model import WorklistModel
from proapp.services import clock
from proapp.services.patients import listing as plist
from proapp.services.patients.listing import PatientList, PatientRow, WorklistEntry
from proapp.services.progress import Progress

log = logging.getLogger(__name__)

PATIENTS_TAB, WORKLIST_TAB = 0, 1


class MainWindow(QMainWindow):
    """``MainWindow(database, actor)``. Hooks for features that live elsewhere (reports,
    export, import) are signals: their menu actions stay disabled, with a tooltip saying so,
    until something connects to the signal."""

    reportRequested = Signal(int)  # patient id
    batchReportsRequested = Signal(list)  # patient ids selected in the list
    exportRequested = Signal()
    importRequested = Signal()
    listLoaded = Signal(int)  # number of patients, each time the list (re)loads
    patientChanged = Signal(int)  # a patient's row was refreshed after a save

    def __init__(self, database: Database, actor: Actor, *, load: bool = True):
        super().__init__()
        self.database = database
        self.actor = actor
        self.today: date = clock.today()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._tasks: set[Task] = set()
        self._generation = 0
        self._wizards: list[QDialog] = []
        self._views: dict[int, QWidget] = {}
        self._loaded_once = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{APP_NAME} – {database.display_name}")
        self.resize(1280, 800)

        self.patient_model = PatientTableModel(self)
        self.patient_proxy = PatientFilterProxy(self)
        self.patient_proxy.setSourceModel(self.patient_model)
        self.worklist_model = WorklistModel(self)
        self.worklist_proxy = RowFilterProxy(self)
        self.worklist_proxy.setSourceModel(self.worklist_model)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(lambda _i: self._update_actions())
        self.tabs.addTab(self._build_patients_tab(), "Patients")
        self.tabs.addTab(self._build_worklist_tab(), "Due today")
        for i in (PATIENTS_TAB, WORKLIST_TAB):  # the two lists cannot be closed
            self.tabs.tabBar().setTabButton(i, self.tabs.tabBar().ButtonPosition.RightSide,
                                            None)
        self.setCentralWidget(self.tabs)
        self._build_actions()
        self._build_status_bar()
        self._restore_state()
        self._update_actions()
        self.search.setFocus()  # typing a name or code is the first thing most users do
        if load:
            self.reload()

    # -- layout ------------------------------------------------------------------------------
    def _build_patients_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 8)
        bar = QHBoxLayout()
        self.search = SearchField()
        self.search.setObjectName("patientSearch")
        self.search.setPlaceholderText("Search code or name   (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search patients by code or name")
        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self._search_enter)
        self.search.moveDown.connect(self._search_down)
        self.subtype = QComboBox()
        self.subtype.setObjectName("subtypeFilter")
        self.subtype.setAccessibleName("MS subtype filter")
        self.subtype.addItem("All subtypes", None)
        for s in MsSubtype:
            self.subtype.addItem(f"{s.value} – {s.title}", s.value)
        self.subtype.currentIndexChanged.connect(self.apply_filter)
        self.headache = QCheckBox("&Headache+")
        self.headache.setObjectName("headacheFilter")
        self.headache.setToolTip("Only headache-positive patients")
        self.headache.toggled.connect(self.apply_filter)
        self.fatigue = QCheckBox("Fa&tigue+")
        self.fatigue.setObjectName("fatigueFilter")
        self.fatigue.setToolTip("Only fatigue-positive patients")
        self.fatigue.toggled.connect(self.apply_filter)
        self.count_label = QLabel("Loading patients…")
        self.count_label.setObjectName("patientCount")
        bar.addWidget(self.search, 3)
        bar.addWidget(self.subtype, 1)
        bar.addWidget(self.headache)
        bar.addWidget(self.fatigue)
        bar.addStretch(0)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        self.patient_view = RowTableView()
        self.patient_view.setObjectName("patientTable")
        self.patient_view.setModel(self.patient_proxy)
        self.patient_view.fit_columns(self.patient_model)
        self.patient_view.setSortingEnabled(True)
        self.patient_view.horizontalHeader().setSortIndicator(
            PatientTableModel.CODE, Qt.SortOrder.AscendingOrder)
        self.patient_view.set_placeholder("Loading patients…")
        # Shift/Ctrl+click or Shift+arrows select several patients for batch reports.
        self.patient_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.patient_view.selectionModel().selectionChanged.connect(
            lambda *_: self._update_actions())
        self.patient_view.rowActivated.connect(lambda r: self.open_patient(r.id))
        self.patient_view.selectionModel().currentChanged.connect(
            lambda *_: self._update_actions())
        layout.addWidget(self.patient_view)
        return page

    def _build_worklist_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 8)
        self.worklist_heading = QLabel()
        self.worklist_heading.setObjectName("worklistHeading")
        self.worklist_heading.setWordWrap(True)
        layout.addWidget(self.worklist_heading)
        bar = QHBoxLayout()
        self.worklist_search = SearchField()
        self.worklist_search.setObjectName("worklistSearch")
        self.worklist_search.setPlaceholderText("Filter by code or name")
        self.worklist_search.setClearButtonEnabled(True)
        self.worklist_search.setAccessibleName("Filter the worklist by code or name")
        self.worklist_search.textChanged.connect(self.apply_worklist_filter)
        self.worklist_search.returnPressed.connect(self._worklist_search_enter)
        self.worklist_search.moveDown.connect(self._worklist_search_enter)
        self.overdue_only = QCheckBox("&Overdue only")
        self.overdue_only.setObjectName("overdueOnly")
        self.overdue_only.toggled.connect(self.apply_worklist_filter)
        self.worklist_count = QLabel()
        self.worklist_count.setObjectName("worklistCount")
        bar.addWidget(self.worklist_search, 3)
        bar.addWidget(self.overdue_only)
        bar.addStretch(1)
        bar.addWidget(self.worklist_count)
        layout.addLayout(bar)
        self.worklist_view = RowTableView()
        self.worklist_view.setObjectName("worklistTable")
        self.worklist_view.setModel(self.worklist_proxy)
        self.worklist_view.fit_columns(self.worklist_model)
        self.worklist_view.setSortingEnabled(False)  # already most urgent first
        self.worklist_view.rowActivated.connect(self.start_worklist_entry)
        self.worklist_view.selectionModel().currentChanged.connect(
            lambda *_: self._update_actions())
        layout.addWidget(self.worklist_view)
        return page

    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None,
                tip: str = "", name: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setStatusTip(tip)
            a.setToolTip(f"{tip} ({a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                         if shortcut is not None else tip)
        a.triggered.connect(lambda _checked=False: slot())
        if name:
            a.setObjectName(name)
        self.addAction(a)
        return a

    def _build_actions(self) -> None:
        A = self._action
        self.act_new_patient = A("&New patient…", self.new_patient, "Ctrl+N",
                                 "Register a new patient", "actNewPatient")
        self.act_export = A("&Export…", self.exportRequested.emit, None,
                            "Export the database", "actExport")
        self.act_import = A("&Import…", self.importRequested.emit, None,
                            "Import data into the database", "actImport")
        self.act_refresh = A("&Reload lists", self.reload, QKeySequence.StandardKey.Refresh,
                             "Read the patient list and worklist again", "actReload")
        self.act_quit = A("&Quit", self.close, "Ctrl+Q", "Quit proapp",
                          "actQuit")
        self.act_open = A("&Open patient", self.open_current_patient, None,
                          "Open the selected patient (Enter)", "actOpenPatient")
        self.act_edit = A("&Edit patient…", self.edit_current_patient, "Ctrl+E",
                          "Edit the patient's details and PTA dates", "actEditPatient")
        self.act_new_visit = A("New &visit…", self.new_visit_current, "Ctrl+Shift+V",
                               "Enter a visit for the selected patient", "actNewVisit")
        self.act_report = A("&Report…", self.report_current, "Ctrl+R",
                            "Trend report for the selected patient", "actReport")
        self.act_batch_reports = A("Reports for &selected patients…", self.batch_reports,
                                   "Ctrl+Shift+R", "Save the trend reports of the patients "
                                   "selected in the list", "actBatchReports")
        self.act_close_tab = A("&Close patient tab", self.close_current_tab, "Ctrl+W",
                               "Close the open patient tab", "actCloseTab")
        self.act_find = A("&Find patient", self.focus_search, "Ctrl+F",
                          "Search the patient list", "actFind")
        self.act_patients = A("&Patients", lambda: self.tabs.setCurrentIndex(PATIENTS_TAB),
                              "Ctrl+1", "Show the patient list", "actShowPatients")
        self.act_worklist = A("&Due today", self.show_worklist, "Ctrl+2",
                              "Show the visits due or overdue today", "actShowWorklist")
        self.act_shortcuts = A("&Keyboard shortcuts", self.show_shortcuts, "F1",
                               "List the keyboard shortcuts", "actShortcuts")
        self.act_about = A("&About proapp", self.show_about, None, "Version and database",
                           "actAbout")

        mb = self.menuBar()
        m = mb.addMenu("&File")
        for a in (self.act_new_patient, None, self.act_export, self.act_import, None,
                  self.act_refresh, None, self.act_quit):
            m.addSeparator() if a is None else m.addAction(a)
        m = mb.addMenu("&Patient")
        for a in (self.act_open, self.act_edit, self.act_new_visit, None, self.act_report,
                  self.act_batch_reports, None, self.act_close_tab):
            m.addSeparator() if a is None else m.addAction(a)
        m = mb.addMenu("&View")
        for a in (self.act_find, self.act_patients, self.act_worklist):
            m.addAction(a)
        m = mb.addMenu("&Help")
        m.addAction(self.act_shortcuts)
        m.addAction(self.act_about)

        tb = QToolBar("Main")
        tb.setObjectName("mainToolBar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.act_new_patient, self.act_edit, self.act_new_visit, None,
                  self.act_worklist, self.act_report, None, self.act_refresh):
            tb.addSeparator() if a is None else tb.addAction(a)
        self.addToolBar(tb)
        self._hooks = {"reportRequested": self.act_report, "exportRequested": self.act_export,
                       "importRequested": self.act_import,
                       "batchReportsRequested": self.act_batch_reports}

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.db_label = QLabel(f"Database: {self.database.display_name}")
        self.db_label.setObjectName("statusDatabase")
        self.db_label.setToolTip(self.database.display_name)
        role = f" ({self.actor.role})" if self.actor.role else ""
        self.user_label = QLabel(f"Signed in: {self.actor.username}{role}")
        self.user_label.setObjectName("statusUser")
        sb.addPermanentWidget(self.db_label, 1)
        sb.addPermanentWidget(self.user_label)

    # -- hooks for other features ------------------------------------------------------------
    def connectNotify(self, signal: QMetaMethod) -> None:
        super().connectNotify(signal)
        QTimer.singleShot(0, self, self._update_actions)  # after the connection is complete

    def disconnectNotify(self, signal: QMetaMethod) -> None:
        super().disconnectNotify(signal)
        QTimer.singleShot(0, self, self._update_actions)

    def _hook_connected(self, name: str) -> bool:
        return self.isSignalConnected(QMetaMethod.fromSignal(getattr(self, name)))

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the whole list again, in the background; the latest request wins."""
        self._generation += 1
        generation = self._generation
        self.today = clock.today()
        self.statusBar().showMessage("Loading patients…")
        database = self.database

        def work(_progress: Progress) -> tuple[PatientList, list[WorklistEntry]]:
            result = plist.load(database)
            return result, result.worklist()  # both off the GUI thread

        task = Task(work)
        # Keep every running task referenced until it reports: a newer reload must not let
        # Python collect a runnable the pool is still running.
        self._tasks.add(task)
        task.signals.finished.connect(lambda result: self._loaded(generation, result, task))
        task.signals.failed.connect(lambda exc: self._load_failed(generation, exc, task))
        self._pool.start(task)

    def wait_loaded(self, msecs: int = -1) -> bool:
        """Block until a background load finished (tests, benchmarks, closing)."""
        return self._pool.waitForDone(msecs)

    def _loaded(self, generation: int, loaded: tuple[PatientList, list[WorklistEntry]],
                task: Task) -> None:
        self._tasks.discard(task)
        if generation != self._generation:
            return
        self._loaded_once = True
        result, worklist = loaded
        self.today = result.today
        self.patient_model.set_rows(result.rows)
        self.worklist_model.set_rows(worklist)
        self._after_change()
        if self.patient_view.currentIndex().row() < 0:
            self.patient_view.select_first()
        self.statusBar().showMessage(f"{len(result.rows):,} patients loaded", 4000)
        self.listLoaded.emit(len(result.rows))

    def _load_failed(self, generation: int, exc: BaseException, task: Task) -> None:
        self._tasks.discard(task)
        if generation != self._generation:
            return
        self.statusBar().showMessage("The patient list could not be loaded")
        show_error(self, exc, "load the patient list")

    def refresh_patients(self, patient_ids: list[int]) -> None:
        """Re-read a few patients' rows after a save (no full reload) and the worklist."""
        rows = plist.load_rows(self.database, patient_ids, self.today)
        known = {r.id for r in self.patient_model.rows}
        self.patient_model.replace_rows(lambda r: r.id, rows)
        added = [row for pid, row in rows.items() if pid not in known]
        for row in added:
            self.patient_model.insert_row(row)
        if added:  # keep the user's sort order
            header = self.patient_view.horizontalHeader()
            self.patient_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.worklist_model.set_rows(plist.worklist(self.patient_model.rows))
        self._after_change()
        for pid in patient_ids:
            view = self._views.get(pid)
            if view is not None:
                view.refresh()  # type: ignore[attr-defined]
                self._set_tab_title(pid)
            self.patientChanged.emit(pid)

    def _after_change(self) -> None:
        self._update_count()
        self._update_worklist_count()
        n = self.worklist_model.rowCount()
        overdue = sum(1 for e in self.worklist_model.rows if e.visit.state is VisitState.OVERDUE)
        self.tabs.setTabText(WORKLIST_TAB, f"Due today ({n})")
        self.worklist_heading.setText(
            f"<b>{n:,} visits due or overdue on {self.today.isoformat()}</b> "
            f"({overdue:,} overdue: past the target date, window still open). "
            "Select one and press <b>Enter</b> to start entry.")
        self._update_actions()

    # -- filtering ---------------------------------------------------------------------------
    def current_filter(self) -> PatientFilter:
        subtype = self.subtype.currentData()
        return PatientFilter(self.search.text(), MsSubtype(subtype) if subtype else None,
                             self.headache.isChecked(), self.fatigue.isChecked())

    def apply_filter(self, *_args: object) -> None:
        self.patient_proxy.set_filter(self.current_filter())
        if self.patient_proxy.rowCount() and not self.patient_view.currentIndex().isValid():
            self.patient_view.select_first()
        self._update_count()

    def apply_worklist_filter(self, *_args: object) -> None:
        terms = plist.search_terms(self.worklist_search.text())
        overdue = self.overdue_only.isChecked()
        if not terms and not overdue:
            self.worklist_proxy.set_predicate(None)
        else:
            self.worklist_proxy.set_predicate(
                lambda e: (not overdue or e.visit.state is VisitState.OVERDUE)
                and (not terms or e.patient.matches(terms)))
        if self.worklist_proxy.rowCount() and not self.worklist_view.currentIndex().isValid():
            self.worklist_view.select_first()
        self._update_worklist_count()

    def _update_worklist_count(self) -> None:
        shown, total = self.worklist_proxy.rowCount(), self.worklist_model.rowCount()
        self.worklist_view.set_placeholder(
            f"No scheduled visit is due or overdue on {self.today.isoformat()}." if total == 0
            else "No visit due today matches the filter.")
        self.worklist_count.setText("" if shown == total else f"{shown:,} of {total:,} shown")

    def _worklist_search_enter(self) -> None:
        if self.worklist_proxy.rowCount():
            self.worklist_view.setFocus()
            if not self.worklist_view.currentIndex().isValid():
                self.worklist_view.select_first()

    def _update_count(self) -> None:
        shown, total = self.patient_proxy.rowCount(), self.patient_model.rowCount()
        if not self._loaded_once:
            self.patient_view.set_placeholder("Loading patients…")
            return
        if total == 0:
            self.patient_view.set_placeholder(
                "No patients in this database yet.\n\nPress Ctrl+N to register the first "
                "patient. For training, create a separate demo database with\n"
                "proapp demo --db training.db   and open it with   proapp --db training.db")
        elif shown == 0:
            self.patient_view.set_placeholder("No patient matches the search and filters.\n"
                                              "Esc in the search box clears the search.")
        self.count_label.setText(f"{total:,} patients" if shown == total
                                 else f"{shown:,} of {total:,} patients")

    def _search_enter(self) -> None:
        """Enter in the search box: open the single match, else go to the list."""
        if self.patient_proxy.rowCount() == 1:
            self.open_patient(self.patient_proxy.row_object(0).id)
        elif self.patient_proxy.rowCount():
            self.patient_view.setFocus()
            self.patient_view.select_first()

    def _search_down(self) -> None:
        if self.patient_proxy.rowCount():
            self.patient_view.setFocus()
            if not self.patient_view.currentIndex().isValid():
                self.patient_view.select_first()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(PATIENTS_TAB)
        self.search.setFocus()
        self.search.selectAll()

    def show_worklist(self) -> None:
        self.tabs.setCurrentIndex(WORKLIST_TAB)
        self.worklist_view.setFocus()
        if not self.worklist_view.currentIndex().isValid():
            self.worklist_view.select_first()

    # -- what the actions act on ---------------------------------------------------------------
    def current_patient_id(self) -> int | None:
        """The patient of the open patient tab, or the one selected in the current list."""
        w = self.tabs.currentWidget()
        pid = getattr(w, "patient_id", None)
        if pid is not None:
            return int(pid)
        if self.tabs.currentIndex() == WORKLIST_TAB:
            entry = self.worklist_view.current_object()
            return entry.patient.id if isinstance(entry, WorklistEntry) else None
        row = self.patient_view.current_object()
        return row.id if isinstance(row, PatientRow) else None

    def _update_actions(self) -> None:
        if not hasattr(self, "_hooks"):  # signals during construction
            return
        has = self.current_patient_id() is not None
        for a in (self.act_open, self.act_edit, self.act_new_visit):
            a.setEnabled(has)
        self.act_close_tab.setEnabled(self.tabs.currentIndex() > WORKLIST_TAB)
        for view in self._views.values():
            view.set_report_available(self._hook_connected("reportRequested"))  # type: ignore[attr-defined]
        for name, action in self._hooks.items():
            connected = self._hook_connected(name)
            needs = {"reportRequested": has,
                     "batchReportsRequested": bool(self.selected_patient_ids())}
            action.setEnabled(connected and needs.get(name, True))
            if not connected:
                action.setToolTip(f"{action.text().replace('&', '').rstrip('…')} is not "
                                  "available in this installation")
            else:
                action.setToolTip(action.statusTip())

    # -- patients ----------------------------------------------------------------------------
    def new_patient(self) -> None:
        from proapp.gui.patients.patient_dialog import PatientDialog

        dialog = PatientDialog(self.database, self.actor, None, self)
        dialog.patientSaved.connect(self._patient_saved)
        dialog.open()

    def edit_patient(self, patient_id: int) -> None:
        from proapp.gui.patients.patient_dialog import PatientDialog

        try:
            dialog = PatientDialog(self.database, self.actor, patient_id, self)
        except Exception as exc:
            show_error(self, exc, "open the patient")
            return
        dialog.patientSaved.connect(self._patient_saved)
        dialog.open()

    def edit_current_patient(self) -> None:
        pid = self.current_patient_id()
        if pid is not None:
            self.edit_patient(pid)

    def _patient_saved(self, patient_id: int) -> None:
        self.refresh_patients([patient_id])
        self.statusBar().showMessage("Patient saved", 4000)

    def open_current_patient(self) -> None:
        pid = self.current_patient_id()
        if pid is not None:
            self.open_patient(pid)

    def open_patient(self, patient_id: int) -> QWidget | None:
        """Show the patient's tab (one per patient), creating it if needed."""
        view = self._views.get(patient_id)
        if view is None:
            from proapp.gui.patients.patient_view import PatientView

            try:
                view = PatientView(self.database, self.actor, patient_id)
            except Exception as exc:
                show_error(self, exc, "open the patient")
                return None
            view.newVisitRequested.connect(lambda pid: self.start_visit(pid))
            view.openVisitRequested.connect(
                lambda pid, vid, label: self.start_visit(pid, label=label or None,
                                                         visit_id=vid or None))
            view.editPatientRequested.connect(self.edit_patient)
            view.reportRequested.connect(self.reportRequested.emit)
            view.set_report_available(self._hook_connected("reportRequested"))
            self._views[patient_id] = view
            self.tabs.addTab(view, view.tab_title())
        self.tabs.setCurrentWidget(view)
        view.setFocus()
        return view

    def _set_tab_title(self, patient_id: int) -> None:
        view = self._views.get(patient_id)
        if view is not None:
            self.tabs.setTabText(self.tabs.indexOf(view), view.tab_title())  # type: ignore[attr-defined]

    def close_tab(self, index: int) -> None:
        if index <= WORKLIST_TAB:
            return
        w = self.tabs.widget(index)
        pid = getattr(w, "patient_id", None)
        self._views.pop(pid, None)
        self.tabs.removeTab(index)
        w.deleteLater()

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def selected_patient_ids(self) -> list[int]:
        """Patients selected in the list (several with Shift/Ctrl), for batch reports."""
        if self.tabs.currentIndex() != PATIENTS_TAB:
            return []
        return [r.id for r in self.patient_view.selected_objects() if isinstance(r, PatientRow)]

    def batch_reports(self) -> None:
        ids = self.selected_patient_ids()
        if ids and self._hook_connected("batchReportsRequested"):
            self.batchReportsRequested.emit(ids)

    def report_current(self) -> None:
        pid = self.current_patient_id()
        if pid is not None and self._hook_connected("reportRequested"):
            self.reportRequested.emit(pid)

    # -- visits (the wizard) ---------------------------------------------------------------
    def start_worklist_entry(self, entry: object) -> None:
        if isinstance(entry, WorklistEntry):
            vid = entry.visit.visit.visit_id if entry.visit.visit is not None else None
            self.start_visit(entry.patient.id, label=entry.label, visit_id=vid)

    def new_visit_current(self) -> None:
        pid = self.current_patient_id()
        if pid is not None:
            self.start_visit(pid)

    def start_visit(self, patient_id: int, *, label: str | None = None,
                    visit_id: int | None = None) -> QDialog | None:
        """Open visit entry (the wizard decides about resuming a draft)."""
        from proapp.gui.visits.entry import open_visit_entry

        try:
            dialog = open_visit_entry(self, self.database, self.actor, patient_id,
                                      label=label, visit_id=visit_id)
        except Exception as exc:
            show_error(self, exc, "start visit entry")
            return None
        if dialog is None:
            return None
        self._wizards.append(dialog)
        dialog.visitSaved.connect(lambda _vid, pid=patient_id: self.refresh_patients([pid]))
        dialog.finished.connect(lambda _r, d=dialog: self._wizard_closed(d))
        dialog.destroyed.connect(lambda _o=None, d=dialog: self._forget_wizard(d))
        if not dialog.isVisible():
            dialog.show()
        return dialog

    def _wizard_closed(self, dialog: QDialog) -> None:
        self._forget_wizard(dialog)

    def _forget_wizard(self, dialog: QDialog) -> None:
        if dialog in self._wizards:
            self._wizards.remove(dialog)

    def open_wizards(self) -> list[QDialog]:
        return list(self._wizards)

    # -- closing -------------------------------------------------------------------------------
    def unsaved_wizards(self) -> list[QDialog]:
        """Open visit entries holding work that is not a completed visit: input not saved yet
        (``has_unsaved_work``, which also flushes the draft) or a draft in progress."""
        out = []
        for d in self._wizards:
            try:
                if not d.isVisible():
                    continue
                unsaved = d.has_unsaved_work()  # type: ignore[attr-defined]
                draft = (getattr(d, "visit_id", None) is not None
                         and not getattr(d, "editing_complete", False))
            except RuntimeError:  # already deleted on the C++ side
                continue
            if unsaved or draft:
                out.append(d)
        return out

    def closeEvent(self, event: QCloseEvent) -> None:
        pending = self.unsaved_wizards()
        if pending:
            n = len(pending)
            box = QMessageBox(QMessageBox.Icon.Warning, "Visit entry is still open",
                              f"{n} visit {'entry is' if n == 1 else 'entries are'} still open "
                              "and not completed.\n\nWhat has been entered so far is kept as a "
                              "draft and offered again when you open the patient, but the "
                              "visit is not complete. Close proapp anyway?",
                              QMessageBox.StandardButton.NoButton, self)
            box.setObjectName("closeWithDraftsBox")
            back = box.addButton("Return to entry", QMessageBox.ButtonRole.RejectRole)
            box.addButton("Close proapp", QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(back)
            box.exec()
            if box.clickedButton() is back:
                event.ignore()
                pending[0].raise_()
                pending[0].activateWindow()
                return
        self._generation += 1  # a load still running is ignored
        self._pool.waitForDone()
        self._save_state()
        event.accept()

    # -- settings and help ---------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = QSettings()
        geometry = s.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        header = s.value("main/patientHeader")
        if isinstance(header, QByteArray):
            self.patient_view.horizontalHeader().restoreState(header)

    def _save_state(self) -> None:
        s = QSettings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/patientHeader", self.patient_view.horizontalHeader().saveState())

    def show_shortcuts(self) -> None:
        lines = [(a.text().replace("&", "").rstrip("…"),
                  a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                 for a in self.actions() if not a.shortcut().isEmpty()]
        lines += [("Open the selected patient / start the selected worklist visit", "Enter"),
                  ("Move between fields", "Tab / Shift+Tab")]
        rows = "".join(f"<tr><td style='padding-right:18px'>{t}</td><td><b>{k}</b></td></tr>"
                       for t, k in lines)
        box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard shortcuts",
                          f"<table>{rows}</table>", QMessageBox.StandardButton.Close, self)
        box.setObjectName("shortcutsBox")
        box.open()

    def show_about(self) -> None:
        """Versions, folders, log file and every bundled library's licence."""
        from proapp.gui.shell.about import show_about

        show_about(self, self.database)
