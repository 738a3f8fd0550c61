"""The rows of a :class:`~proapp.gui.common.table.RowTableModel` that a filter lets through,
as a model of their own, for lists of tens of thousands of rows.

A ``QSortFilterProxyModel`` with a Python ``filterAcceptsRow`` calls back into Python once
per source row on every change (a keystroke in the search box, a reload): 60-180 ms for
10,000 rows on the clinic's machines, whatever the predicate costs. Here the filter runs as
one Python pass over the row objects (or as a set of accepted keys from a search index) and
the view sees one model reset; nothing is called per row from C++. Sorting is done by the
source model, the shown rows follow its order, and the view's current row and selection are
kept through a sort (persistent indexes are moved, as a proxy does).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)

from proapp.gui.common.table import (
    _STYLE_ROLES,
    NO_FLAGS,
    ROW_FLAGS,
    RowTableModel,
    _styled,
)

DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Roles our tables never set (the delegate asks for them on every cell anyway).
_NONE_ROLES = frozenset({Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole})
_UNSET = object()

Index = QModelIndex | QPersistentModelIndex


class ShownRows(QAbstractTableModel):
    """``ShownRows(source)``; ``set_accept(predicate)`` chooses the rows (None: all)."""

    def __init__(self, source: RowTableModel[Any], parent: Any = None):
        super().__init__(parent)
        self._source = source
        self._accept: Callable[[Any], bool] | None = None
        self._shown: list[int] = []  # source rows, in source order
        self._where: dict[int, int] = {}  # source row -> shown row
        self._saved: list[tuple[QModelIndex, object]] = []
        self._plain_flags = type(source).flags is RowTableModel.flags
        source.modelReset.connect(self._refilter)
        source.rowsInserted.connect(lambda *_: self._refilter())
        source.rowsRemoved.connect(lambda *_: self._refilter())
        source.dataChanged.connect(self._source_changed)
        source.layoutAboutToBeChanged.connect(self._before_layout)
        source.layoutChanged.connect(self._after_layout)
        self._derive()

    # -- what is shown -----------------------------------------------------------------
    def sourceModel(self) -> RowTableModel[Any]:
        return self._source

    def set_accept(self, accept: Callable[[Any], bool] | None) -> None:
        self._accept = accept
        self._refilter()

    def _derive(self) -> None:
        rows = self._source.rows
        accept = self._accept
        self._shown = (list(range(len(rows))) if accept is None
                       else [i for i, r in enumerate(rows) if accept(r)])
        self._where = {s: i for i, s in enumerate(self._shown)}

    def _refilter(self) -> None:
        self.beginResetModel()
        self._derive()
        self.endResetModel()

    def row_object(self, row: int) -> Any:
        return self._source.row_object(self._shown[row])

    def row_of(self, match: Callable[[Any], bool]) -> int | None:
        """The shown row whose object ``match`` accepts (first), if any."""
        rows = self._source.rows
        for i, s in enumerate(self._shown):
            if match(rows[s]):
                return i
        return None

    def mapToSource(self, index: Index) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        return self._source.index(self._shown[index.row()], index.column())

    # -- following the source ------------------------------------------------------------
    def _source_changed(self, top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        rows = self._source.rows
        for s in range(top.row(), bottom.row() + 1):
            accepted = self._accept is None or self._accept(rows[s])
            if accepted != (s in self._where):  # a row changed into or out of the filter
                self._refilter()
                return
        for s in range(top.row(), bottom.row() + 1):
            i = self._where.get(s)
            if i is not None:
                self.dataChanged.emit(self.index(i, top.column()),
                                      self.index(i, bottom.column()))

    def _before_layout(self, *_args: object) -> None:
        self.layoutAboutToBeChanged.emit()
        self._saved = [(p, self.row_object(p.row())) for p in self.persistentIndexList()
                       if 0 <= p.row() < len(self._shown)]

    def _after_layout(self, *_args: object) -> None:
        self._derive()
        position = {id(self.row_object(i)): i for i in range(len(self._shown))}
        old = [p for p, _o in self._saved]
        new = [self.index(position[id(o)], p.column()) if id(o) in position else QModelIndex()
               for p, o in self._saved]
        self.changePersistentIndexList(old, new)
        self._saved = []
        self.layoutChanged.emit()

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._source.columnCount()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        return self._source.data(self._source.index(self._shown[index.row()], index.column()),
                                 role)

    def multiData(self, index: Index, span: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role the view asks for a cell (seven per cell when painting), in one call:
        one pass from C++ into Python per cell instead of seven, most of a repaint's time."""
        if isinstance(span, QModelRoleData) or not index.isValid() \
                or not 0 <= index.row() < len(self._shown):
            super().multiData(index, span)
            return
        source = self._source
        obj = source.rows[self._shown[index.row()]]
        col = source.columns[index.column()]
        style: Any = _UNSET
        for k in range(span.size()):
            slot = span[k]  # type: ignore[index]  # indexable in PySide6, not in its stubs
            role = slot.role()
            if role == DISPLAY:
                slot.setData(col.text(obj))
            elif role in _STYLE_ROLES:
                if style is _UNSET:
                    style = col.style(obj) if col.style is not None else None
                slot.setData(_styled(style, role))
            elif role == ALIGNMENT:
                slot.setData(RIGHT if col.align_right else None)
            elif role in _NONE_ROLES:
                slot.clearData()
            else:
                slot.setData(source.data(source.index(self._shown[index.row()],
                                                      index.column()), role))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return self._source.headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self._plain_flags:  # the source's cells are all alike: no source index to make
            return ROW_FLAGS if index.isValid() else NO_FLAGS
        return self._source.flags(self.mapToSource(index))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)  # the shown rows follow the source's order
