"""Small widgets shared by the windows: a table view where Enter opens the current row."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from proapp.gui.models.table import RowTableModel


class RowTableView(QTableView):
    """Whole-row selection; Enter/Return (on every platform) or a double click emits
    ``rowActivated`` with the current row's object."""

    rowActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in a form
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(QFontMetrics(self.font()).height() + 10)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft
                                                    | Qt.AlignmentFlag.AlignVCenter)
        self.doubleClicked.connect(self._activate)

    def fit_columns(self, model: RowTableModel) -> None:
        """Column widths from each column's sample text (fast: no per-row measuring)."""
        fm = QFontMetrics(self.font())
        bold = QFont(self.font())
        bold.setBold(True)  # headers are drawn bold by the style sheet
        hm = QFontMetrics(bold)
        header = self.horizontalHeader()
        for i, col in enumerate(model.columns):
            width = max(fm.horizontalAdvance(col.width_hint), hm.horizontalAdvance(col.header))
            self.setColumnWidth(i, width + 24)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def current_object(self) -> object | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return _row_object(self.model(), index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.AltModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain \
                and self.currentIndex().isValid():
            self._activate(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def select_first(self) -> None:
        if self.model() is not None and self.model().rowCount() > 0:
            self.setCurrentIndex(self.model().index(0, 0))

    def _activate(self, index: QModelIndex) -> None:
        obj = _row_object(self.model(), index)
        if obj is not None:
            self.rowActivated.emit(obj)


def _row_object(model: QAbstractItemModel, index: QModelIndex) -> object | None:
    from proapp.gui.models.table import ROW_ROLE

    return model.data(model.index(index.row(), 0), ROW_ROLE)
