"""The account feature's actions: lock now, change password, the change log, and user
management for administrators."""

from __future__ import annotations

from proapp.domain.actor import Permission, can
from proapp.gui.common.actions import Action, Host
from proapp.gui.common.language import QT_TRANSLATE_NOOP


def _change_password(host: Host) -> None:
    from proapp.gui.accounts.dialogs import ChangePasswordDialog

    ChangePasswordDialog(host.database, host.actor, host.widget()).exec()


def _change_log(host: Host) -> None:
    from proapp.gui.accounts.changelog_view import open_changelog

    open_changelog(host.widget(), host.database, host.actor)


def _users(host: Host) -> None:
    from proapp.gui.accounts.users import open_user_management

    open_user_management(host.widget(), host.database, host.actor)


LOCK_NOW = Action("actLockNow", QT_TRANSLATE_NOOP("Action", "&Lock now"),
                  lambda h: h.lock_now(), "Ctrl+L", shown=lambda h: h.has_lock())
CHANGE_PASSWORD = Action("actChangePassword",
                         QT_TRANSLATE_NOOP("Action", "Change &password…"), _change_password)
CHANGE_LOG = Action("actChangeLog", QT_TRANSLATE_NOOP("Action", "Change lo&g…"), _change_log)
USERS = Action("actUsers", QT_TRANSLATE_NOOP("Action", "&Users…"), _users,
               shown=lambda h: can(h.actor, Permission.USER_MANAGE))
