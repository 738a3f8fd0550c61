"""The change log as a table: who changed what, when, from what to what, and why.

Opened for the whole database, one patient or one visit; a text filter narrows it further
(any column). Read-only: the log itself is append-only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Actor, Database
from proapp.services import audit
from proapp.services.audit import LogEntry

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
ACTION_NAMES = {"insert": "created", "update": "changed", "delete": "deleted",
                "sign": "signed", "unlock": "unlocked"}


def local_time(at: str) -> str:
    """The stored UTC stamp in the computer's time zone, to the second."""
    try:
        return datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone().strftime(
            "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return at


class ChangeLogModel(QAbstractTableModel):
    TIME, USER, ACTION, WHAT, FIELD, OLD, NEW, REASON = range(8)
    HEADERS = ("Time", "User", "Action", "Record", "Field", "Old value", "New value", "Reason")

    def __init__(self, database: Database, patient_id: int | None = None,
                 visit_id: int | None = None, parent: Any = None):
        super().__init__(parent)
        self.database = database
        self.patient_id, self.visit_id = patient_id, visit_id
        self.rows: list[LogEntry] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = audit.entries(self.database, patient_id=self.patient_id,
                                  visit_id=self.visit_id)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    @staticmethod
    def record(e: LogEntry) -> str:
        who = f"{e.entity} {e.entity_id}" if e.entity_id is not None else e.entity
        if e.patient_code and e.entity != "patient":
            return f"{e.patient_code} · {who}"
        return e.patient_code or who

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        e = self.rows[index.row()]
        if role == ENTRY_ROLE:
            return e
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.TIME:
                return local_time(e.at)
            if col == self.USER:
                return e.username
            if col == self.ACTION:
                return ACTION_NAMES.get(e.action, e.action)
            if col == self.WHAT:
                return self.record(e)
            if col == self.FIELD:
                if e.field:
                    return e.field
                return "(content signed)" if e.action == "sign" else "(whole record)"
            if col == self.OLD:
                return _short(e.old_value)
            if col == self.NEW:
                return _short(e.new_value)
            if col == self.REASON:
                return e.reason or ""
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.OLD, self.NEW, self.REASON):
            return {self.OLD: e.old_value, self.NEW: e.new_value, self.REASON: e.reason}[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TIME:
            return f"{e.at} (UTC), log row {e.id}"
        return None


def _short(value: str | None, limit: int = 120) -> str:
    if value is None:
        return ""
    one_line = " ".join(value.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


class ChangeLogDialog(QDialog):
    def __init__(self, database: Database, actor: Actor, patient_id: int | None = None,
                 visit_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.database, self.actor = database, actor
        scope = ("visit" if visit_id is not None else "patient" if patient_id is not None
                 else "database")
        self.setWindowTitle(f"Change log ({scope})")
        self.resize(1100, 560)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter: user, field, value, reason…")
        self.filter.setClearButtonEnabled(True)
        top.addWidget(QLabel("&Filter:"))
        top.itemAt(0).widget().setBuddy(self.filter)  # type: ignore[union-attr]
        top.addWidget(self.filter, 1)
        self.count = QLabel()
        top.addWidget(self.count)
        layout.addLayout(top)
        self.model = ChangeLogModel(database, patient_id, visit_id, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        for col in (ChangeLogModel.OLD, ChangeLogModel.NEW):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 220))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.count.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()} entries")


def open_changelog(parent: QWidget | None, database: Database, actor: Actor,
                   patient_id: int | None = None, visit_id: int | None = None) -> ChangeLogDialog:
    """Show the change log (modeless) for the database, a patient or a visit."""
    dialog = ChangeLogDialog(database, actor, patient_id, visit_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
