"""Staff accounts in the GUI: first administrator, sign-in, idle lock, user management,
signing visits."""

from proapp.gui.accounts.dialogs import (
    ChangePasswordDialog,
    FirstAdminDialog,
    LoginDialog,
    first_admin_or_login,
)
from proapp.gui.accounts.idle_lock import IdleLock, LockDialog
from proapp.gui.accounts.signing import sign_visit_dialog, unlock_visit_dialog
from proapp.gui.accounts.users import UserManagementDialog, open_user_management

__all__ = ["ChangePasswordDialog", "FirstAdminDialog", "IdleLock", "LockDialog", "LoginDialog",
           "UserManagementDialog", "first_admin_or_login", "open_user_management",
           "sign_visit_dialog", "unlock_visit_dialog"]
