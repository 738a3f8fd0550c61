"""The *Due today* tab: every scheduled visit whose window is open today, most urgent first.

Enter on an entry asks for entry of exactly that visit (``openVisitRequested``, the same
signal the patient view sends); the rows come from the main window's load.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from proapp.domain.schedule import VisitState
from proapp.gui.common.table import RowFilterProxy
from proapp.gui.common.widgets import RowTableView, SearchField
from proapp.gui.visits.worklist_model import WorklistModel
from proapp.services.patients.listing import WorklistEntry, search_terms

TITLE = "Due today"


class WorklistTab(QWidget):
    """Heading with the counts, a filter by code or name, *Overdue only*, the list."""

    openVisitRequested = Signal(int, int, str)  # patient id, visit id (0 = new), label
    selectionChanged = Signal()

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.model = WorklistModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        self.heading = QLabel()
        self.heading.setObjectName("worklistHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        bar = QHBoxLayout()
        self.search = SearchField("worklistSearch", "Filter by code or name",
                                  "Filter the worklist by code or name")
        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self._search_enter)
        self.search.moveDown.connect(self._search_enter)
        self.overdue_only = QCheckBox("&Overdue only")
        self.overdue_only.setObjectName("overdueOnly")
        self.overdue_only.toggled.connect(self.apply_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("worklistCount")
        bar.addWidget(self.search, 3)
        bar.addWidget(self.overdue_only)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        self.view = RowTableView("worklistTable")
        self.view.attach(self.model, self.proxy)
        self.view.setSortingEnabled(False)  # already most urgent first
        self.view.rowActivated.connect(self._activated)
        self.view.selectionModel().currentChanged.connect(lambda *_: self.selectionChanged.emit())
        layout.addWidget(self.view)

    def set_entries(self, entries: list[WorklistEntry], today: date) -> None:
        self.today = today
        self.model.set_rows(entries)
        self._update_count()
        n = self.model.rowCount()
        overdue = sum(1 for e in self.model.rows if e.visit.state is VisitState.OVERDUE)
        self.heading.setText(
            f"<b>{n:,} visits due or overdue on {today.isoformat()}</b> "
            f"({overdue:,} overdue: past the target date, window still open). "
            "Select one and press <b>Enter</b> to start entry.")

    def tab_title(self) -> str:
        return f"{TITLE} ({self.model.rowCount()})"

    def apply_filter(self, *_args: object) -> None:
        terms = search_terms(self.search.text())
        overdue = self.overdue_only.isChecked()
        if not terms and not overdue:
            self.proxy.set_predicate(None)
        else:
            self.proxy.set_predicate(
                lambda e: (not overdue or e.visit.state is VisitState.OVERDUE)
                and (not terms or e.patient.matches(terms)))
        self.view.keep_a_current_row()
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.view.set_placeholder(
            f"No scheduled visit is due or overdue on {self.today.isoformat()}." if total == 0
            else "No visit due today matches the filter.")
        self.count_label.setText("" if shown == total else f"{shown:,} of {total:,} shown")

    def _search_enter(self) -> None:
        if self.proxy.rowCount():
            self.view.take_focus()

    def focus_list(self) -> None:
        self.view.take_focus()

    def current_patient_id(self) -> int | None:
        entry = self.view.current_object()
        return entry.patient.id if isinstance(entry, WorklistEntry) else None

    def _activated(self, entry: object) -> None:
        if isinstance(entry, WorklistEntry):
            vid = entry.visit.visit.visit_id if entry.visit.visit is not None else None
            self.openVisitRequested.emit(entry.patient.id, vid or 0, entry.label)
