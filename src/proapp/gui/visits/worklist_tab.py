"""The *Due today* tab: the visits of one clinic day, most urgent first.

A visit is on the list when its target date falls on the chosen clinic day or since the
previous clinic day (setting ``clinic_days``), or when it is overdue (target earlier, window
still open): :mod:`proapp.domain.clinic`. The day is the next clinic day unless the nurse
picks another. Enter on an entry asks for entry of exactly that visit
(``openVisitRequested``, the same signal the patient view sends); the rows come from the main
window's load.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from proapp.domain import clinic
from proapp.gui.common import language
from proapp.gui.common.language import QT_TRANSLATE_NOOP
from proapp.gui.common.shown_rows import ShownRows
from proapp.gui.common.table import day_text
from proapp.gui.common.widgets import RowTableView, SearchField
from proapp.gui.visits.worklist_model import WorklistModel
from proapp.services.patients.listing import WorklistEntry, search_terms

TITLE = QT_TRANSLATE_NOOP("WorklistTab", "Due today")
SHOW_ALL, SHOW_DUE, SHOW_OVERDUE = "all", "due", "overdue"


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class WorklistTab(QWidget):
    """The clinic day, the counts, a filter by code or name and by kind, the list."""

    openVisitRequested = Signal(int, int, str)  # patient id, visit id (0 = new), label
    selectionChanged = Signal()
    dayChanged = Signal(object)  # the clinic day (date) the nurse picked

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.day = today
        self.clinic_days: frozenset[int] = frozenset(range(7))
        self.model = WorklistModel(self)
        self.proxy = ShownRows(self.model, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        top = QHBoxLayout()
        day_label = QLabel(self.tr("Clinic &day:"))
        self.day_edit = QDateEdit()
        self.day_edit.setObjectName("worklistDay")
        self.day_edit.setDisplayFormat(language.qt_date_format())
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDate(_qdate(today))
        self.day_edit.setMinimumDate(_qdate(today))  # the list knows what is pending now
        self.day_edit.setAccessibleName(self.tr("Clinic day of the worklist"))
        day_label.setBuddy(self.day_edit)
        self.day_edit.dateChanged.connect(self._day_edited)
        self.heading = QLabel()
        self.heading.setObjectName("worklistHeading")
        self.heading.setWordWrap(True)
        top.addWidget(day_label)
        top.addWidget(self.day_edit)
        top.addWidget(self.heading, 1)
        layout.addLayout(top)
        bar = QHBoxLayout()
        self.search = SearchField("worklistSearch", self.tr("Filter by code or name"),
                                  self.tr("Filter the worklist by code or name"))
        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self._search_enter)
        self.search.moveDown.connect(self._search_enter)
        self.kind = QComboBox()
        self.kind.setObjectName("worklistKind")
        self.kind.setAccessibleName(self.tr("Which visits to show"))
        for value, text in ((SHOW_ALL, self.tr("Due and overdue")),
                            (SHOW_DUE, self.tr("Due on this day")),
                            (SHOW_OVERDUE, self.tr("Overdue only"))):
            self.kind.addItem(text, value)
        self.kind.currentIndexChanged.connect(self.apply_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("worklistCount")
        # the bar does not move as the count changes
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(
            self.tr("{shown} of {total} shown").format(shown="00000", total="00000")))
        bar.addWidget(self.search, 3)
        bar.addWidget(self.kind)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        self.view = RowTableView("worklistTable")
        self.view.attach(self.model, self.proxy)
        self.view.setSortingEnabled(False)  # already most urgent first
        self.view.rowActivated.connect(self._activated)
        self.view.selectionModel().currentChanged.connect(lambda *_: self.selectionChanged.emit())
        layout.addWidget(self.view)

    # -- the day -----------------------------------------------------------------------------
    def set_day(self, today: date, day: date, clinic_days: frozenset[int]) -> None:
        """After a load: today's date, the worklist's day and the clinic's weekdays."""
        self.today, self.day, self.clinic_days = today, day, clinic_days
        self.day_edit.blockSignals(True)
        self.day_edit.setMinimumDate(_qdate(today))
        self.day_edit.setDate(_qdate(day))
        self.day_edit.blockSignals(False)

    def _day_edited(self, q: QDate) -> None:
        self.day = date(q.year(), q.month(), q.day())
        self.dayChanged.emit(self.day)

    # -- rows --------------------------------------------------------------------------------
    def set_entries(self, entries: list[WorklistEntry], today: date | None = None) -> None:
        keep = self.view.current_object()
        if today is not None:
            self.today = today
        self.model.set_rows(entries)
        self.apply_filter()
        if isinstance(keep, WorklistEntry):
            self._select(keep.patient.id, keep.label)
        if not self.view.currentIndex().isValid():
            self.view.select_first()
        n = self.model.rowCount()
        overdue = sum(1 for e in self.model.rows if e.overdue)
        first, last = clinic.due_period(self.day, self.clinic_days)
        since = (self.tr("target {date}").format(date=day_text(last)) if first == last
                 else self.tr("target from {start} to {end}").format(start=day_text(first),
                                                                     end=day_text(last)))
        self.heading.setText(self.tr(
            "<b>{due} due</b> ({since}) and <b>{overdue} overdue</b> (past the target, window "
            "still open). Select one and press <b>Enter</b> to start entry.").format(
                due=n - overdue, since=since, overdue=overdue))

    def _select(self, patient_id: int, label: str) -> None:
        row = self.proxy.row_of(lambda e: e.patient.id == patient_id and e.label == label)
        if row is not None:
            self.view.setCurrentIndex(self.proxy.index(row, 0))

    def tab_title(self) -> str:
        due = sum(1 for e in self.model.rows if not e.overdue)
        overdue = self.model.rowCount() - due
        name = (QCoreApplication.translate("WorklistTab", TITLE) if self.day == self.today
                else self.tr("Due {date}").format(date=day_text(self.day)))
        return (self.tr("{name} ({due} + {overdue} overdue)").format(name=name, due=due,
                                                                     overdue=overdue)
                if overdue else f"{name} ({due})")

    def apply_filter(self, *_args: object) -> None:
        keep = self.view.current_object()
        terms = search_terms(self.search.text())
        kind = self.kind.currentData()
        if not terms and kind == SHOW_ALL:
            self.proxy.set_accept(None)
        else:
            self.proxy.set_accept(
                lambda e: (kind == SHOW_ALL or e.overdue == (kind == SHOW_OVERDUE))
                and (not terms or e.patient.matches(terms)))
        if isinstance(keep, WorklistEntry):
            self._select(keep.patient.id, keep.label)
        self.view.keep_a_current_row()
        self._update_count()
        self.selectionChanged.emit()

    def _update_count(self) -> None:
        count, total = self.proxy.rowCount(), self.model.rowCount()
        self.view.set_placeholder(
            self.tr("No scheduled visit is due or overdue on {date}.").format(
                date=day_text(self.day)) if total == 0
            else self.tr("No visit on this list matches the filter."))
        self.count_label.setText("" if count == total else self.tr(
            "{shown} of {total} shown").format(shown=count, total=total))

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
