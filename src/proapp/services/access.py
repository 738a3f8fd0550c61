"""Roles and what each may do. Services call :func:`require` before acting; the GUI only uses
:func:`can` to enable or hide actions, never as the real check."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from proapp.db.engine import Actor
from proapp.db.models import User
from proapp.services.errors import PermissionDenied


class Role(StrEnum):
    NURSE = "nurse"
    CLINICIAN = "clinician"
    ADMIN = "admin"


class Permission(StrEnum):
    PATIENT_EDIT = "patient.edit"
    VISIT_EDIT = "visit.edit"
    REPORT = "report"
    EXPORT = "export"
    IMPORT = "import"
    BACKUP = "backup"
    VISIT_SIGN = "visit.sign"
    VISIT_UNLOCK = "visit.unlock"
    USER_MANAGE = "user.manage"
    SETTINGS_EDIT = "settings.edit"
    RESTORE = "restore"


_NURSE = frozenset({Permission.PATIENT_EDIT, Permission.VISIT_EDIT, Permission.REPORT,
                    Permission.EXPORT, Permission.IMPORT, Permission.BACKUP})
_CLINICIAN = _NURSE | {Permission.VISIT_SIGN, Permission.VISIT_UNLOCK}
_ADMIN = _CLINICIAN | {Permission.USER_MANAGE, Permission.SETTINGS_EDIT, Permission.RESTORE}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.NURSE: _NURSE,
    Role.CLINICIAN: frozenset(_CLINICIAN),
    Role.ADMIN: frozenset(_ADMIN),
}


def permissions(actor: Actor) -> frozenset[Permission]:
    if actor.role is None:
        return frozenset()
    try:
        return ROLE_PERMISSIONS[Role(actor.role)]
    except ValueError:
        return frozenset()


def can(actor: Actor, permission: Permission) -> bool:
    return permission in permissions(actor)


def require(actor: Actor, permission: Permission) -> None:
    if not can(actor, permission):
        role = actor.role or "no role"
        raise PermissionDenied(f"{actor.username} ({role}) may not do this: "
                               f"{permission.value} needs another role")


def authorize(session: Session, actor: Actor, permission: Permission) -> None:
    """:func:`require` plus, for a signed-in user, a fresh look at the account inside the
    caller's transaction: a user deactivated or demoted on another workstation loses the right
    at once, not at their next sign-in."""
    require(actor, permission)
    if actor.user_id is None:
        return
    row = session.execute(select(User.role, User.active).where(User.id == actor.user_id)).first()
    if row is None or not row.active:
        raise PermissionDenied(f"The account {actor.username} is deactivated")
    require(Actor(actor.username, actor.user_id, row.role), permission)
