"""The change log as a table: who changed what, when, from what to what, and why.

Opened for the whole database, one patient or one visit; a text filter narrows it further
(any column). Read-only: the log itself is append-only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
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

from proapp.db.engine import Database
from proapp.domain import schedule
from proapp.domain.actor import Actor
from proapp.domain.answers import MissingReason
from proapp.domain.fields import missing_value
from proapp.domain.labels import field_label
from proapp.gui.common.language import QT_TRANSLATE_NOOP, in_context, screen_format, shown
from proapp.gui.common.table import ROW_ROLE, Column, RowTableModel
from proapp.services.integrity import audit
from proapp.services.integrity.audit import LogEntry

ENTRY_ROLE = ROW_ROLE
ACTION_NAMES = {"insert": QT_TRANSLATE_NOOP("ChangeLog", "created"),
                "update": QT_TRANSLATE_NOOP("ChangeLog", "changed"),
                "delete": QT_TRANSLATE_NOOP("ChangeLog", "deleted"),
                "sign": QT_TRANSLATE_NOOP("ChangeLog", "signed"),
                "unlock": QT_TRANSLATE_NOOP("ChangeLog", "unlocked")}
ENTITY_NAMES = {"patient": QT_TRANSLATE_NOOP("ChangeLog", "patient"),
                "visit": QT_TRANSLATE_NOOP("ChangeLog", "visit"),
                "procedure": QT_TRANSLATE_NOOP("ChangeLog", "procedure"),
                "user": QT_TRANSLATE_NOOP("ChangeLog", "user"),
                "setting": QT_TRANSLATE_NOOP("ChangeLog", "setting")}


translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


_t = in_context("ChangeLog")  # this screen's texts marked with QT_TRANSLATE_NOOP


def local_time(at: str) -> str:
    """The stored UTC stamp in the computer's time zone, to the second, the date in the
    screens' short format."""
    try:
        local = datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return at
    return f"{screen_format().format_date(local.date())} {local:%H:%M:%S}"


def _record(e: LogEntry) -> str:
    entity = _t(ENTITY_NAMES.get(e.entity, e.entity))
    who = f"{entity} {e.entity_id}" if e.entity_id is not None else entity
    if e.entity == "visit" and e.visit_label:  # "m6 visit of 2014-09-10", not "visit 12"
        title = (shown(schedule.definition(e.visit_label).title)
                 if schedule.is_label(e.visit_label) else e.visit_label)
        who = f"{e.visit_label} – {title}" + (
            f", {screen_format().format_date(e.visit_date)}" if e.visit_date else "")
    if e.patient_code and e.entity != "patient":
        return f"{e.patient_code} · {who}"
    return e.patient_code or who


def _field(e: LogEntry) -> str:
    if e.field:
        return shown(field_label(e.field))
    return (translate("ChangeLog", "(content signed)") if e.action == "sign"
            else translate("ChangeLog", "(whole record)"))


class ChangeLogModel(RowTableModel[LogEntry]):
    TIME, USER, ACTION, WHAT, FIELD, OLD, NEW, REASON = range(8)
    columns = (
        Column(QT_TRANSLATE_NOOP("Column", "Time"), lambda e: local_time(e.at),
               key=lambda e: e.at,
               tooltip=lambda e: translate("ChangeLog", "{time} (UTC), log row {row}").format(
                   time=e.at, row=e.id),
               width_hint="2026-01-01 12:00:00"),
        Column(QT_TRANSLATE_NOOP("Column", "User"), lambda e: e.username,
               width_hint="system:demo"),
        Column(QT_TRANSLATE_NOOP("Column", "Action"),
               lambda e: _t(ACTION_NAMES.get(e.action, e.action)), width_hint="modificato"),
        Column(QT_TRANSLATE_NOOP("Column", "Record"), _record,
               width_hint="DEMO-0001 · m12 – 12 months, 2000-00-00"),
        Column(QT_TRANSLATE_NOOP("Column", "Field"), _field, tooltip=lambda e: e.field or "",
               width_hint="IJV flow supine right: flow (mL/min)"),
        Column(QT_TRANSLATE_NOOP("Column", "Old value"), lambda e: _short(e.old_value),
               tooltip=lambda e: e.old_value or "",
               width_hint=missing_value(MissingReason.DECLINED)),
        Column(QT_TRANSLATE_NOOP("Column", "New value"), lambda e: _short(e.new_value),
               tooltip=lambda e: e.new_value or "",
               width_hint=missing_value(MissingReason.DECLINED)),
        Column(QT_TRANSLATE_NOOP("Column", "Reason"), lambda e: e.reason or "",
               tooltip=lambda e: e.reason or "",
               width_hint="patient corrected item 9"),
    )

    def __init__(self, database: Database, patient_id: int | None = None,
                 visit_id: int | None = None, parent: Any = None):
        super().__init__(parent)
        self.database = database
        self.patient_id, self.visit_id = patient_id, visit_id
        self.reload()

    def reload(self) -> None:
        self.set_rows(audit.entries(self.database, patient_id=self.patient_id,
                                    visit_id=self.visit_id))


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
        self.setWindowTitle(self.tr("Change log (visit)") if visit_id is not None
                            else self.tr("Change log (patient)") if patient_id is not None
                            else self.tr("Change log (database)"))
        self.resize(1100, 560)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter: user, field, value, reason…"))
        self.filter.setClearButtonEnabled(True)
        top.addWidget(QLabel(self.tr("&Filter:")))
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
        for col in range(ChangeLogModel.REASON):  # the reason, last, gets the rest
            cap = 220 if col in (ChangeLogModel.OLD, ChangeLogModel.NEW) else 280
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), cap))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("%n entry(ies)", "", total) if shown == total
                           else self.tr("{shown} of %n entry(ies)", "", total).format(
                               shown=shown))


def open_changelog(parent: QWidget | None, database: Database, actor: Actor,
                   patient_id: int | None = None, visit_id: int | None = None) -> ChangeLogDialog:
    """Show the change log (modeless) for the database, a patient or a visit."""
    dialog = ChangeLogDialog(database, actor, patient_id, visit_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
