"""The *Account* menu any main window gets: lock now, change password, users (admins), the
change log. Installed by ``run_gui`` so the main window itself needs no account code."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from proapp.db.engine import Database
from proapp.domain.actor import Actor, Permission, can
from proapp.gui.accounts.changelog_view import open_changelog
from proapp.gui.accounts.dialogs import ChangePasswordDialog
from proapp.gui.accounts.idle_lock import IdleLock
from proapp.gui.accounts.users import open_user_management


def install_account_menu(window: QMainWindow, database: Database, actor: Actor,
                         lock: IdleLock | None) -> QMenu:
    menu = window.menuBar().addMenu(f"&Account ({actor.username})")
    menu.setObjectName("accountMenu")
    if lock is not None:
        lock_now = QAction("&Lock now", window)
        lock_now.setShortcut(QKeySequence("Ctrl+L"))
        lock_now.triggered.connect(lock.lock)
        menu.addAction(lock_now)
    password = QAction("Change &password…", window)
    password.triggered.connect(lambda: ChangePasswordDialog(database, actor, window).exec())
    menu.addAction(password)
    menu.addSeparator()
    log = QAction("Change lo&g…", window)
    log.triggered.connect(lambda: open_changelog(window, database, actor))
    menu.addAction(log)
    if can(actor, Permission.USER_MANAGE):
        users = QAction("&Users…", window)
        users.triggered.connect(lambda: open_user_management(window, database, actor))
        menu.addAction(users)
    return menu
