"""The access log for administrators: every sign-in, failed attempt, lock and unlock.

Read-only (the log is append-only); the service checks the administrator's account again on
every load (:func:`proapp.services.accounts.signin.entries`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.gui.accounts.changelog_view import local_time
from proapp.gui.common.language import QT_TRANSLATE_NOOP
from proapp.gui.common.table import Column, RowTableModel
from proapp.services.accounts import signin
from proapp.services.accounts.signin import AccessEntry

EVENT_NAMES = {"sign-in": QT_TRANSLATE_NOOP("AccessLog", "signed in"),
               "failure": QT_TRANSLATE_NOOP("AccessLog", "failed attempt"),
               "locked": QT_TRANSLATE_NOOP("AccessLog", "LOCKED"),
               "unlocked": QT_TRANSLATE_NOOP("AccessLog", "unlocked")}


def event_name(event: str) -> str:
    return QCoreApplication.translate("AccessLog", EVENT_NAMES.get(event, event))


class AccessLogModel(RowTableModel[AccessEntry]):
    TIME, USER, EVENT, DETAIL = range(4)
    columns = (
        Column(QT_TRANSLATE_NOOP("Column", "Time"), lambda e: local_time(e.at), key=lambda e: e.at,
               tooltip=lambda e: QCoreApplication.translate(
                   "AccessLog", "{time} (UTC), row {row}").format(time=e.at, row=e.id),
               width_hint="2026-01-01 12:00:00"),
        Column(QT_TRANSLATE_NOOP("Column", "User"), lambda e: e.username,
               width_hint="(not a user name)"),
        Column(QT_TRANSLATE_NOOP("Column", "Event"), lambda e: event_name(e.event),
               width_hint="tentativo fallito"),
        Column(QT_TRANSLATE_NOOP("Column", "Detail"), lambda e: e.detail or "",
               width_hint="10 failed attempts in a row"),
    )

    def __init__(self, database: Database, actor: Actor, parent: Any = None):
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.reload()

    def reload(self) -> None:
        self.set_rows(signin.entries(self.database, self.actor, limit=2000))


class AccessLogDialog(QDialog):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Access log"))
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        self.model = AccessLogModel(database, actor, self)
        intro = QLabel(self.tr("The newest {n} sign-ins, failed attempts, locks and unlocks "
                               "(newest first). A locked account is unlocked in Users.").format(
            n=self.model.rowCount()))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
