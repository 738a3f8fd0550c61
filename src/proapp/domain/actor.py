"""Who acts, and what each role may do: pure policy, shared by services (which enforce it against
the stored account) and the GUI (which only uses it to enable or hide actions)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Actor:
    """Who is doing something: a signed-in user, or a named system job (user_id None)."""

    username: str
    user_id: int | None = None
    role: str | None = None

    @classmethod
    def system(cls, job: str) -> Actor:
        return cls(f"system:{job}")


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
    BACKUP_ANYWHERE = "backup.anywhere"  # a backup outside the backup folder (--to DIR)
    EXPORT_ACCOUNTS = "export.accounts"  # a whole-database (sqlite) copy, accounts included


_NURSE = frozenset({Permission.PATIENT_EDIT, Permission.VISIT_EDIT, Permission.REPORT,
                    Permission.EXPORT, Permission.IMPORT, Permission.BACKUP})
_CLINICIAN = _NURSE | {Permission.VISIT_SIGN, Permission.VISIT_UNLOCK}
_ADMIN = _CLINICIAN | {Permission.USER_MANAGE, Permission.SETTINGS_EDIT, Permission.RESTORE,
                       Permission.BACKUP_ANYWHERE, Permission.EXPORT_ACCOUNTS}

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


