"""Staff accounts in the GUI: first administrator, sign-in, idle lock, user management,
signing visits.

Each name is imported from its module when first used: the sign-in dialog and the idle lock
come before the main window, and importing the signing and user-management dialogs with them
(and through them the patients' and visits' services and the ORM) delayed the dialog's first
paint by a fifth of a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from proapp.lazy import lazy_names

if TYPE_CHECKING:
    from proapp.gui.accounts.dialogs import (
        ChangePasswordDialog,
        FirstAdminDialog,
        LoginDialog,
        first_admin_or_login,
    )
    from proapp.gui.accounts.idle_lock import IdleLock, LockDialog
    from proapp.gui.accounts.signing import sign_visit_dialog, unlock_visit_dialog
    from proapp.gui.accounts.users import UserManagementDialog, open_user_management

_WHERE = {
    **dict.fromkeys(("ChangePasswordDialog", "FirstAdminDialog", "LoginDialog",
                     "first_admin_or_login"), "dialogs"),
    "IdleLock": "idle_lock", "LockDialog": "idle_lock",
    "sign_visit_dialog": "signing", "unlock_visit_dialog": "signing",
    "UserManagementDialog": "users", "open_user_management": "users",
}

__all__ = ["ChangePasswordDialog", "FirstAdminDialog", "IdleLock", "LockDialog", "LoginDialog",
           "UserManagementDialog", "first_admin_or_login", "open_user_management",
           "sign_visit_dialog", "unlock_visit_dialog"]


__getattr__ = lazy_names(__name__, _WHERE, globals())
