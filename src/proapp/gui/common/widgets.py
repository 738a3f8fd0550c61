"""Small widgets shared by the windows: a table view where Enter opens the current row, a
search box, the message beside a field and a form's error line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QWidget,
)

from proapp.domain.i18n import localize
from proapp.domain.validation import Issue
from proapp.gui.common import language
from proapp.gui.common.style import ERROR_STYLE, WARNING_STYLE
from proapp.gui.common.table import RowTableModel


class RowTableView(QTableView):
    """Whole-row selection; Enter/Return (on every platform) or a double click emits
    ``rowActivated`` with the current row's object."""

    rowActivated = Signal(object)

    def __init__(self, name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        if name:
            self.setObjectName(name)
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

    def set_placeholder(self, text: str) -> None:
        """What an empty table says instead of showing a blank area (no rows, or no match)."""
        self._placeholder = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        text = getattr(self, "_placeholder", "")
        model = self.model()
        if text and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(QColor("#52606d"))
            rect = self.viewport().rect().adjusted(40, 40, -40, -40)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                       | Qt.TextFlag.TextWordWrap), text)
            painter.end()

    def attach(self, model: RowTableModel[Any], proxy: QAbstractItemModel | None = None) -> None:
        """Show ``model`` (through ``proxy`` when given), columns sized from its samples."""
        self.setModel(proxy if proxy is not None else model)
        self.fit_columns(model)

    def fit_columns(self, model: RowTableModel[Any]) -> None:
        """Column widths from each column's sample text (fast: no per-row measuring)."""
        fm = QFontMetrics(self.font())
        bold = QFont(self.font())
        bold.setBold(True)  # headers are drawn bold by the style sheet
        hm = QFontMetrics(bold)
        header = self.horizontalHeader()
        for i, col in enumerate(model.columns):
            width = max(fm.horizontalAdvance(col.width_hint),
                        hm.horizontalAdvance(col.shown_header))
            self.setColumnWidth(i, width + 24)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def current_object(self) -> object | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return _row_object(self.model(), index)

    def selected_objects(self) -> list[object]:
        """The row objects of every selected row, in view order."""
        rows = sorted(self.selectionModel().selectedRows(), key=lambda i: i.row())
        return [_row_object(self.model(), i) for i in rows]

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

    def keep_a_current_row(self) -> None:
        """After filtering: the first row becomes current when none is."""
        if not self.currentIndex().isValid():
            self.select_first()

    def take_focus(self) -> None:
        """Keyboard focus to the table, on its current row (the first when none was chosen):
        Down or Enter in a search box above it."""
        self.setFocus()
        self.keep_a_current_row()

    def _activate(self, index: QModelIndex) -> None:
        obj = _row_object(self.model(), index)
        if obj is not None:
            self.rowActivated.emit(obj)


def _row_object(model: QAbstractItemModel, index: QModelIndex) -> object | None:
    from proapp.gui.common.table import ROW_ROLE

    row: object | None = model.data(model.index(index.row(), 0), ROW_ROLE)
    return row


class SearchField(QLineEdit):
    """A search box: Esc clears it (and is passed on when it is already empty), Down moves to
    the list below (``moveDown``), so searching never needs the mouse."""

    moveDown = Signal()

    def __init__(self, name: str, placeholder: str, accessible_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(accessible_name)
        self.setClearButtonEnabled(True)
        # What is typed stays readable however narrow the window (150 % on a 1280-pixel
        # screen leaves 853 pixels for the search bar's five widgets): a code and a name.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * self.MIN_CHARS
                             + self.fontMetrics().height() * 2)  # the frame and clear button

    MIN_CHARS = 20

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Down:
            self.moveDown.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class FieldMessage(QLabel):
    """The message beside (under) a field: red when an error is among the issues, amber for
    warnings only, hidden when there is none. Its ``severity`` property says which."""

    def __init__(self, name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        if name:
            self.setObjectName(f"msg_{name}")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.hide()

    def show_issues(self, issues: Sequence[Issue]) -> None:
        if not issues:
            self.clear()
            self.hide()
            return
        err = any(i.is_error for i in issues)
        self.setProperty("severity", "error" if err else "warning")
        self.setStyleSheet(ERROR_STYLE if err else WARNING_STYLE)
        fmt = language.screen_format()  # the rule's sentence in the screens' language
        self.setText("\n".join(dict.fromkeys(localize(i.message, fmt) for i in issues)))
        self.show()


def error_label() -> QLabel:
    """A form's error line (object name ``error``): hidden until there is something to say."""
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class ElidedLabel(QLabel):
    """One line that never widens its window: a text longer than the room it has is cut
    with "…" (the whole text is the tooltip), instead of being clipped mid-letter."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight):
        super().__init__(parent)
        self._full = ""
        self._mode = mode  # ElideMiddle for paths: the file's name stays readable
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        shown = self.fontMetrics().elidedText(self._full, self._mode,
                                              max(room, 0)) if room > 0 else self._full
        super().setText(shown)
