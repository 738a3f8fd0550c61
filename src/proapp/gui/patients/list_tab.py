"""The *Patients* tab: every patient, searched as you type and filtered by subtype and flags.

The rows come from the main window's background load (:mod:`proapp.gui.patients.loading`);
this tab only shows them, filters them (:class:`PatientFilterProxy`: the search index
finds the rows, no per-row callback from Qt) and says which patient
the user picked (``patientActivated``).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from proapp.domain.patient import MsSubtype
from proapp.gui.common.language import shown
from proapp.gui.common.widgets import RowTableView, SearchField
from proapp.gui.patients.list_model import PatientFilter, PatientFilterProxy, PatientTableModel
from proapp.services.patients.listing import PatientRow, SearchIndex

HEADER_SETTING = "main/patientHeader"


class PatientListTab(QWidget):
    """Search box, subtype and flag filters, the count, and the list (several rows can be
    selected with Shift/Ctrl for batch reports)."""

    patientActivated = Signal(int)  # Enter or double click on a row, or Enter on one match
    selectionChanged = Signal()  # the current or the selected rows changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loaded_once = False
        self.model = PatientTableModel(self)
        self.proxy = PatientFilterProxy(self.model, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        bar = QHBoxLayout()
        self.search = SearchField("patientSearch", self.tr("Search code or name   (Ctrl+F)"),
                                  self.tr("Search patients by code or name"))
        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self._search_enter)
        self.search.moveDown.connect(self._search_down)
        self.subtype = QComboBox()
        self.subtype.setObjectName("subtypeFilter")
        self.subtype.setAccessibleName(self.tr("MS subtype filter"))
        self.subtype.addItem(self.tr("All subtypes"), None)
        # as wide as its shortest choice needs, not its longest ("SP – Secondary progressive"
        # is in the open list): on a narrow window the search box keeps the room
        self.subtype.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.subtype.setMinimumContentsLength(len(self.tr("All subtypes")))
        for s in MsSubtype:
            self.subtype.addItem(f"{s.value} – {shown(s.title)}", s.value)
        self.subtype.currentIndexChanged.connect(self.apply_filter)
        self.headache = QCheckBox(self.tr("Hea&dache+"))  # Alt+H is the Help menu
        self.headache.setObjectName("headacheFilter")
        self.headache.setToolTip(self.tr("Only headache-positive patients"))
        self.headache.toggled.connect(self.apply_filter)
        self.fatigue = QCheckBox(self.tr("Fa&tigue+"))
        self.fatigue.setObjectName("fatigueFilter")
        self.fatigue.setToolTip(self.tr("Only fatigue-positive patients"))
        self.fatigue.toggled.connect(self.apply_filter)
        # The count (and what the filters hide) under the list, where a long line has room:
        # beside the search box it took the box's room on a narrow window.
        self.count_label = QLabel(self.tr("Loading patients…"))
        self.count_label.setObjectName("patientCount")
        self.count_label.setWordWrap(True)
        bar.addWidget(self.search, 3)
        bar.addWidget(self.subtype)
        bar.addWidget(self.headache)
        bar.addWidget(self.fatigue)
        bar.addStretch(0)
        layout.addLayout(bar)
        self.view = RowTableView("patientTable")
        self.view.attach(self.model, self.proxy)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(PatientTableModel.CODE,
                                                      Qt.SortOrder.AscendingOrder)
        self.view.set_placeholder(self.tr("Loading patients…"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.selectionChanged.emit())
        self.view.selectionModel().currentChanged.connect(lambda *_: self.selectionChanged.emit())
        self.view.rowActivated.connect(lambda r: self.patientActivated.emit(r.id))
        layout.addWidget(self.view)
        layout.addWidget(self.count_label)

    # -- rows --------------------------------------------------------------------------------
    def set_rows(self, rows: list[PatientRow], index: SearchIndex | None = None) -> None:
        """A whole list, after a (re)load (``index``: its search index, made with it off the
        GUI thread)."""
        self._loaded_once = True
        self.proxy.index_of_words = index if index is not None else SearchIndex(rows)
        self.model.set_rows(rows)
        self.apply_filter()

    def update_rows(self, rows: dict[int, PatientRow]) -> None:
        """A few patients re-read after a save: changed rows in place, new ones added in the
        user's sort order."""
        known = {r.id: r for r in self.model.rows if r.id in rows}
        for pid, row in rows.items():
            self.proxy.index_of_words.update(known.get(pid), row)
        self.model.replace_rows(lambda r: r.id, rows)
        added = [row for pid, row in rows.items() if pid not in known]
        for row in added:
            self.model.insert_row(row)
        if added:
            header = self.view.horizontalHeader()
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if not self.current_filter().is_empty:
            self.apply_filter()  # the rows shown may change with the search index
        self._update_count()

    # -- filtering ---------------------------------------------------------------------------
    def current_filter(self) -> PatientFilter:
        subtype = self.subtype.currentData()
        return PatientFilter(self.search.text(), MsSubtype(subtype) if subtype else None,
                             self.headache.isChecked(), self.fatigue.isChecked())

    def apply_filter(self, *_args: object) -> None:
        keep = self.view.current_object()
        self.proxy.set_filter(self.current_filter())  # one reset of the shown rows
        if isinstance(keep, PatientRow):  # the patient in hand stays current if shown
            row = self.proxy.row_of(lambda r: r.id == keep.id)
            if row is not None:
                self.view.setCurrentIndex(self.proxy.index(row, 0))
        self.view.keep_a_current_row()
        self._update_count()
        self.selectionChanged.emit()  # the actions follow what is selected now

    def _update_count(self) -> None:
        count, total = self.proxy.rowCount(), self.model.rowCount()
        hidden = self.proxy.hidden
        if not self._loaded_once:
            self.view.set_placeholder(self.tr("Loading patients…"))
            return
        if total == 0:
            self.view.set_placeholder(self.tr(
                "No patients in this database yet.\n\nPress Ctrl+N to register the first "
                "patient. To practise first, choose Help → Open training database: synthetic "
                "demo patients in a separate window and file."))
        elif count == 0:
            self.view.set_placeholder(self.tr("No patient matches the search and filters.\n"
                                              "Esc in the search box clears the search."))
        if count == total:
            text = self.tr("%n patient(s)", "", total)
        else:
            text = self.tr("{shown} of {total} patients").format(shown=count, total=total)
        if hidden:
            text += " · " + self.tr("%n more match(es) the search but not the filters", "",
                                    hidden)
        self.count_label.setText(text)

    def _search_enter(self) -> None:
        """Enter in the search box: open the single match, else go to the list."""
        if self.proxy.rowCount() == 1:
            self.patientActivated.emit(self.proxy.row_object(0).id)
        elif self.proxy.rowCount():
            self.view.setFocus()
            self.view.select_first()

    def _search_down(self) -> None:
        if self.proxy.rowCount():
            self.view.take_focus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- what the actions act on -------------------------------------------------------------
    def current_patient_id(self) -> int | None:
        row = self.view.current_object()
        return row.id if isinstance(row, PatientRow) else None

    def selected_patient_ids(self) -> list[int]:
        return [r.id for r in self.view.selected_objects() if isinstance(r, PatientRow)]

    # -- window state ------------------------------------------------------------------------
    def restore_state(self, settings: QSettings) -> None:
        header = settings.value(HEADER_SETTING)
        if isinstance(header, QByteArray):
            self.view.horizontalHeader().restoreState(header)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(HEADER_SETTING, self.view.horizontalHeader().saveState())
