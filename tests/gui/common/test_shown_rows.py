"""ShownRows: the filtered rows of a RowTableModel without per-row callbacks from Qt. It is
checked by Qt's model tester, against the source for every role, by what a view paints
(its one-call-per-cell ``multiData`` must paint exactly what ``data`` would), and through a
sort keeping the current row."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from proapp.gui.common.shown_rows import ShownRows
from proapp.gui.common.table import ALERT, Column, RowTableModel

pytestmark = pytest.mark.gui


@dataclass(frozen=True)
class Item:
    n: int
    name: str


class Items(RowTableModel[Item]):
    columns = (Column("N", lambda i: str(i.n), key=lambda i: i.n, align_right=True,
                      style=lambda i: ALERT if i.n % 3 == 0 else None),
               Column("Name", lambda i: i.name, tooltip=lambda i: f"item {i.n}"))


class PlainView(QAbstractTableModel):
    """The same rows through data() only, for comparison (what Qt's default multiData does)."""

    def __init__(self, shown: ShownRows):
        super().__init__()
        self.shown = shown

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return self.shown.rowCount()

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return self.shown.columnCount()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self.shown.data(self.shown.index(index.row(), index.column()), role)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return self.shown.headerData(section, orientation, role)


def items(n: int = 60) -> Items:
    model = Items()
    model.set_rows([Item(i, f"name {i:03d}") for i in range(n)])
    return model


def test_it_passes_the_model_tester_and_follows_the_filter(qtmodeltester) -> None:
    source = items()
    shown = ShownRows(source)
    qtmodeltester.check(shown)
    shown.set_accept(lambda i: i.n % 2 == 0)
    qtmodeltester.check(shown)
    assert shown.rowCount() == 30
    assert [shown.row_object(r).n for r in range(3)] == [0, 2, 4]
    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                 Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole):
        for r in range(shown.rowCount()):
            for c in range(2):
                s = source.index(shown.row_object(r).n, c)
                assert shown.data(shown.index(r, c), role) == source.data(s, role)


def test_a_view_paints_the_same_through_multidata(qtbot) -> None:
    shown = ShownRows(items())
    shown.set_accept(lambda i: i.n % 4 != 1)
    images = []
    for model in (shown, PlainView(shown)):
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.resize(400, 500)
        view.show()
        qtbot.waitExposed(view)
        images.append(view.viewport().grab().toImage())
    assert images[0] == images[1]


def test_sorting_the_source_keeps_the_current_row(qtbot) -> None:
    source = items()
    shown = ShownRows(source)
    shown.set_accept(lambda i: i.n >= 10)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(shown)
    view.setCurrentIndex(shown.index(5, 0))
    current = shown.row_object(5)
    source.sort(0, Qt.SortOrder.DescendingOrder)
    assert shown.row_object(view.currentIndex().row()) == current
    assert shown.row_object(0).n == 59
