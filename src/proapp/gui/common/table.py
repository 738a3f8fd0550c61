"""A read-only table model over a list of row objects, and a proxy that filters them.

Each column is declared once (header, text, sort key, tooltip, alignment, emphasis), so every
table of the GUI (patient list, worklist, timeline, users, change log, import findings,
licences) is a column table. Sorting is done by the source model
with Python's sort on the row objects (one key call per row), not by the proxy's
``lessThan`` (which would call ``data()`` n log n times: seconds for 10,000 patients). The
proxy only filters, with a predicate on the row object.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from proapp.gui.common import language

R = TypeVar("R")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row object itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # the column's sort key
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # every cell: read-only
NO_FLAGS = Qt.ItemFlag.NoItemFlags

Index = QModelIndex | QPersistentModelIndex

# Calm, clinical emphasis: a soft background and bold text; the state is always in the text too.
ALERT_BACKGROUND = QColor("#fde8e4")
ALERT_FOREGROUND = QColor("#8a1c0c")
NOTICE_BACKGROUND = QColor("#fff6dc")
MUTED_FOREGROUND = QColor("#6b7280")


@dataclass(frozen=True)
class CellStyle:
    """How a cell stands out: background, text colour, bold."""

    background: QColor | None = None
    foreground: QColor | None = None
    bold: bool = False


ALERT = CellStyle(ALERT_BACKGROUND, ALERT_FOREGROUND, bold=True)  # overdue
MUTED = CellStyle(foreground=MUTED_FOREGROUND)  # not yet due, or missed


def day_text(d: date | None) -> str:
    """A date as the screens write it: the short format of their language (``10/03/2014``
    in Italian), the one a date field reads back."""
    return language.screen_format().format_date(d)


def date_key(d: date | None) -> date:
    return d or date.max


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str  # the English text, marked with QT_TRANSLATE_NOOP("Column", ...)
    text: Callable[[R], str]
    key: Callable[[R], Any] | None = None  # sort key; the text when None
    tooltip: Callable[[R], str] | None = None
    align_right: bool = False
    width_hint: str = ""  # a sample text the column should fit
    style: Callable[[R], CellStyle | None] | None = None  # emphasis of a cell

    @property
    def shown_header(self) -> str:
        """The header in the screens' language."""
        return QCoreApplication.translate("Column", self.header)


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows are immutable objects; ``set_rows`` resets, ``replace_rows`` updates in place."""

    columns: Sequence[Column[R]] = ()

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[R] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- content -------------------------------------------------------------------------
    @property
    def rows(self) -> list[R]:
        return self._rows

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._rows.sort(key=self._sort_key(self._sort[0]),
                            reverse=self._sort[1] == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def row_object(self, row: int) -> R:
        return self._rows[row]

    def replace_rows(self, match: Callable[[R], Any], new: dict[Any, R]) -> None:
        """Replace rows whose ``match(row)`` is a key of ``new`` (e.g. after one save)."""
        last = self.columnCount() - 1
        for i, r in enumerate(self._rows):
            k = match(r)
            if k in new:
                self._rows[i] = new[k]
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))

    def insert_row(self, row: R) -> int:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(row)
        self.endInsertRows()
        return n

    # -- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].shown_header
            if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # asked twice per cell on every repaint: a constant, not an enum OR each time
        return ROW_FLAGS if index.isValid() else NO_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        row = self._rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return str(col.key(row) if col.key else col.text(row))
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if col.style is not None and role in _STYLE_ROLES:
            return _styled(col.style(row), role)
        return None

    # -- sorting ---------------------------------------------------------------------------
    def _sort_key(self, column: int) -> Callable[[R], Any]:
        col = self.columns[column]
        return col.key if col.key is not None else col.text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        keyed = sorted(range(len(self._rows)), key=lambda i: self._sort_key(column)(
            self._rows[i]), reverse=order == Qt.SortOrder.DescendingOrder)
        where = {old_row: new_row for new_row, old_row in enumerate(keyed)}
        self._rows = [self._rows[i] for i in keyed]
        self.changePersistentIndexList(
            old, [self.index(where[i.row()], i.column()) for i in old])
        self.layoutChanged.emit()


_STYLE_ROLES = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                Qt.ItemDataRole.FontRole)


def _styled(style: CellStyle | None, role: int) -> Any:
    if style is None:
        return None
    if role == Qt.ItemDataRole.BackgroundRole and style.background is not None:
        return QBrush(style.background)
    if role == Qt.ItemDataRole.ForegroundRole and style.foreground is not None:
        return QBrush(style.foreground)
    if role == Qt.ItemDataRole.FontRole and style.bold:
        font = QFont()
        font.setBold(True)
        return font
    return None


class RowFilterProxy(QSortFilterProxyModel):
    """Filters rows with a predicate on the row object; sorting is delegated to the source."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._predicate: Callable[[Any], bool] | None = None

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:  # Qt >= 6.9
            begin()
            self._predicate = predicate
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._predicate = predicate
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._predicate is None:
            return True
        model = self.sourceModel()
        assert isinstance(model, RowTableModel)
        return self._predicate(model.rows[source_row])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            model.sort(column, order)  # the proxy keeps the source order (sort column -1)
        else:
            super().sort(column, order)

    def row_object(self, proxy_row: int) -> Any:
        source = self.mapToSource(self.index(proxy_row, 0))
        model = self.sourceModel()
        assert isinstance(model, RowTableModel)
        return model.row_object(source.row())
