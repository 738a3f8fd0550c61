"""User management for administrators: add, change role, deactivate/reactivate, reset a
password. The services check the administrator's right and the last-administrator rule."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Database
from proapp.domain.actor import Actor, Role
from proapp.domain.validation import ValidationError
from proapp.gui.accounts.dialogs import FormDialog, error_text, password_field
from proapp.gui.common.flow_layout import FlowLayout
from proapp.gui.common.language import QT_TRANSLATE_NOOP, in_context, screen_format
from proapp.gui.common.table import ROW_ROLE, Column, RowTableModel
from proapp.services import accounts
from proapp.services.accounts import UserInfo
from proapp.services.errors import UserError

ROLE_NAMES = {Role.NURSE.value: QT_TRANSLATE_NOOP("Users", "Nurse"),
              Role.CLINICIAN.value: QT_TRANSLATE_NOOP("Users", "Clinician"),
              Role.ADMIN.value: QT_TRANSLATE_NOOP("Users", "Administrator")}


translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


_t = in_context("Users")  # this screen's texts marked with QT_TRANSLATE_NOOP


def role_name(role: str) -> str:
    """A role as the screens name it ("Infermiere")."""
    return _t(ROLE_NAMES[role]) if role in ROLE_NAMES else role


def _password_changed(u: UserInfo) -> str:
    at = u.password_changed_at
    return f"{screen_format().format_date(at.date())} {at:%H:%M} UTC" if at else ""


def _active(u: UserInfo) -> str:
    if not u.active:
        return translate("Users", "deactivated")
    return translate("Users", "yes, LOCKED") if u.locked else translate("Users", "yes")


class UserTableModel(RowTableModel[UserInfo]):
    USERNAME, FULL_NAME, ROLE, ACTIVE, PASSWORD_CHANGED = range(5)
    columns = (
        Column(QT_TRANSLATE_NOOP("Column", "User name"), lambda u: u.username,
               width_hint="m.rossi.long"),
        Column(QT_TRANSLATE_NOOP("Column", "Full name"), lambda u: u.full_name,
               width_hint="Maria Rossi-Bianchi"),
        Column(QT_TRANSLATE_NOOP("Column", "Role"), lambda u: role_name(u.role),
               width_hint="Amministratore"),
        Column(QT_TRANSLATE_NOOP("Column", "Active"), _active, width_hint="disattivato"),
        Column(QT_TRANSLATE_NOOP("Column", "Password changed"), _password_changed,
               width_hint="2026-01-01 12:00 UTC"),
    )

    def __init__(self, database: Database, parent: Any = None):
        super().__init__(parent)
        self.database = database
        self.reload()

    def reload(self) -> None:
        self.set_rows(accounts.list_users(self.database))


class AddUserDialog(FormDialog):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Add a user"), self.tr(
            "A new staff account. Tell the person their password in person; they can change "
            "it after signing in."), self.tr("Add"))
        self.database, self.actor = database, actor
        self.user_id: int | None = None
        self.username = QLineEdit()
        self.username.setMaxLength(64)
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for value in ROLE_NAMES:
            self.role.addItem(role_name(value), value)
        self.password = password_field(self.tr("at least {n} characters").format(
            n=accounts.MIN_PASSWORD))
        self.repeat = password_field()
        self.form.addRow(self.tr("&User name:"), self.username)
        self.form.addRow(self.tr("&Full name:"), self.full_name)
        self.form.addRow(self.tr("R&ole:"), self.role)
        self.form.addRow(self.tr("&Password:"), self.password)
        self.form.addRow(self.tr("&Repeat password:"), self.repeat)

    def submit(self) -> None:
        def create() -> None:
            self.user_id = accounts.create_user(self.database, self.actor, self.username.text(),
                                                self.password.text(), self.role.currentData(),
                                                self.full_name.text())

        self.attempt(create, (self.password, self.repeat),
                     check=lambda: self.repeated(self.password, self.repeat))


class ResetPasswordDialog(FormDialog):
    def __init__(self, database: Database, actor: Actor, user: UserInfo,
                 parent: QWidget | None = None):
        super().__init__(parent, self.tr("Reset the password of {username}").format(
            username=user.username), self.tr("Set a new password for {username}.").format(
            username=user.username), self.tr("Set password"))
        self.database, self.actor, self.user = database, actor, user
        self.password = password_field(self.tr("at least {n} characters").format(
            n=accounts.MIN_PASSWORD))
        self.repeat = password_field()
        self.form.addRow(self.tr("&New password:"), self.password)
        self.form.addRow(self.tr("&Repeat:"), self.repeat)

    def submit(self) -> None:
        self.attempt(lambda: accounts.reset_password(self.database, self.actor, self.user.id,
                                                     self.password.text()),
                     (self.password, self.repeat),
                     check=lambda: self.repeated(self.password, self.repeat))


class UserManagementDialog(QDialog):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.setWindowTitle(self.tr("Users"))
        self.resize(760, 380)
        layout = QVBoxLayout(self)
        self.model = UserTableModel(database, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        # the buttons wrap onto a second line where they do not fit (Italian at 150 %)
        row = FlowLayout()
        self.add_button = QPushButton(self.tr("&Add user…"))
        self.add_button.setObjectName("addUser")
        self.role_button = QPushButton(self.tr("Change &role…"))
        self.role_button.setObjectName("changeRole")
        self.active_button = QPushButton(self.tr("&Deactivate"))
        self.active_button.setObjectName("activeButton")
        self.reset_button = QPushButton(self.tr("Reset &password…"))
        self.reset_button.setObjectName("resetPassword")
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setToolTip(self.tr("Lift the lockout after repeated failed sign-ins"))
        self.log_button = QPushButton(self.tr("Access &log…"))
        self.log_button.setObjectName("accessLog")
        for b in (self.add_button, self.role_button, self.active_button, self.reset_button,
                  self.unlock_button, self.log_button):
            row.addWidget(b)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.log_button.clicked.connect(self.show_access_log)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], ROW_ROLE) if rows else None

    def _update_buttons(self) -> None:
        u = self.selected()
        for b in (self.role_button, self.active_button, self.reset_button):
            b.setEnabled(u is not None)
        self.unlock_button.setEnabled(u is not None and u.locked)
        self.active_button.setText(self.tr("&Reactivate") if u is not None and not u.active
                                   else self.tr("&Deactivate"))

    def _reload(self, select_id: int | None) -> None:
        self.model.reload()
        for i, u in enumerate(self.model.rows):
            if u.id == select_id:
                self.table.selectRow(i)
        self._update_buttons()

    def _run(self, action: Any) -> bool:
        try:
            action()
        except (UserError, ValidationError) as exc:
            QMessageBox.warning(self, self.tr("Users"), error_text(exc))
            return False
        return True

    def add_user(self) -> None:
        dialog = AddUserDialog(self.database, self.actor, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reload(dialog.user_id)

    def change_role(self) -> None:
        u = self.selected()
        if u is None:
            return
        names = [role_name(r) for r in ROLE_NAMES]
        name, ok = QInputDialog.getItem(self, self.tr("Change role"), self.tr(
            "Role of {username}:").format(username=u.username), names,
            list(ROLE_NAMES).index(u.role), False)
        if ok:
            role = list(ROLE_NAMES)[names.index(name)]
            self._run(lambda: accounts.update_user(self.database, self.actor, u.id, role=role))
            self._reload(u.id)

    def toggle_active(self) -> None:
        u = self.selected()
        if u is None:
            return
        self._run(lambda: accounts.update_user(self.database, self.actor, u.id,
                                               active=not u.active))
        self._reload(u.id)

    def unlock(self) -> None:
        from proapp.services.accounts import signin

        u = self.selected()
        if u is not None:
            self._run(lambda: signin.unlock_account(self.database, self.actor, u.id))
            self._reload(u.id)

    def show_access_log(self) -> None:
        from proapp.gui.accounts.access_log import AccessLogDialog

        try:
            dialog = AccessLogDialog(self.database, self.actor, self)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Access log"), error_text(exc))
            return
        dialog.exec()

    def reset_password(self) -> None:
        u = self.selected()
        if u is not None:
            ResetPasswordDialog(self.database, self.actor, u, self).exec()
            self._reload(u.id)


def open_user_management(parent: QWidget | None, database: Database, actor: Actor) -> None:
    from proapp.domain.actor import Permission, can

    if not can(actor, Permission.USER_MANAGE):
        QMessageBox.information(parent, translate("Users", "Users"),
                                translate("Users", "Only an administrator manages users."))
        return
    UserManagementDialog(database, actor, parent).exec()
