"""Staff accounts: users and passwords (:mod:`.users`, :mod:`.passwords`), sign-in and the
access log (:mod:`.signin`), the accounts read in plain SQL (:mod:`.roster`) and the permission
check against the stored account (:mod:`.access`).

The package re-exports the user operations, so callers write ``accounts.authenticate``. Each
name is imported from its module when first used: a command that signs in and lists the users
(:mod:`.signin`, :mod:`.roster`) does not import :mod:`.users` and with it the ORM.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from proapp.lazy import lazy_names

if TYPE_CHECKING:
    from proapp.services.accounts.passwords import MAX_PASSWORD, hash_password
    from proapp.services.accounts.roster import UserInfo, has_users, list_users
    from proapp.services.accounts.signin import USERNAME_RE, AuthenticationFailed, authenticate
    from proapp.services.accounts.users import (
        MAX_FULL_NAME,
        MIN_PASSWORD,
        change_password,
        check_password,
        check_username,
        create_first_admin,
        create_user,
        current_actor,
        deactivate_user,
        get_user,
        log,
        reset_password,
        update_user,
        verify_actor_password,
    )

_WHERE = {
    "MAX_PASSWORD": "passwords", "hash_password": "passwords",
    "UserInfo": "roster", "has_users": "roster", "list_users": "roster",
    "USERNAME_RE": "signin", "AuthenticationFailed": "signin", "authenticate": "signin",
    **dict.fromkeys(("MAX_FULL_NAME", "MIN_PASSWORD", "change_password", "check_password",
                     "check_username", "create_first_admin", "create_user", "current_actor",
                     "deactivate_user", "get_user", "log", "reset_password", "update_user",
                     "verify_actor_password"), "users"),
}

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

__getattr__ = lazy_names(__name__, _WHERE, globals())
