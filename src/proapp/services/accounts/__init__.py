"""Staff accounts: users, passwords and sign-in (:mod:`.users`) and the permission check
against the stored account (:mod:`.access`).

The package re-exports the user operations, so callers write ``accounts.authenticate``.
"""

from proapp.services.accounts.users import (
    MAX_FULL_NAME,
    MAX_PASSWORD,
    MIN_PASSWORD,
    USERNAME_RE,
    AuthenticationFailed,
    UserInfo,
    authenticate,
    change_password,
    check_password,
    check_username,
    create_first_admin,
    create_user,
    current_actor,
    deactivate_user,
    get_user,
    has_users,
    hash_password,
    list_users,
    log,
    reset_password,
    update_user,
    verify_actor_password,
)

__all__ = [
    "MAX_FULL_NAME",
    "MAX_PASSWORD",
    "MIN_PASSWORD",
    "USERNAME_RE",
    "AuthenticationFailed",
    "UserInfo",
    "authenticate",
    "change_password",
    "check_password",
    "check_username",
    "create_first_admin",
    "create_user",
    "current_actor",
    "deactivate_user",
    "get_user",
    "has_users",
    "hash_password",
    "list_users",
    "log",
    "reset_password",
    "update_user",
    "verify_actor_password",
]
