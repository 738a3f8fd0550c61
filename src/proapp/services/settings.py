"""Clinic-wide settings stored in the database (shared by every workstation)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from proapp.db import changelog
from proapp.db.changelog import Change
from proapp.db.engine import Database
from proapp.db.models import Setting
from proapp.domain.actor import Actor, Permission
from proapp.services.accounts.access import authorize


@dataclass(frozen=True)
class SettingDef:
    key: str
    default: str
    description: str


DEFINITIONS: dict[str, SettingDef] = {d.key: d for d in (
    SettingDef("clinic_name", "", "Clinic name printed on reports"),
    SettingDef("idle_lock_minutes", "10", "Lock the window after this many idle minutes"),
    SettingDef("backup_dir", "", "Folder for automatic daily backups (blank: data folder)"),
)}


def get(db: Database, key: str) -> str:
    default = DEFINITIONS[key].default
    with db.read() as s:
        value = s.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


def set_value(db: Database, actor: Actor, key: str, value: str) -> None:
    if key not in DEFINITIONS:
        raise KeyError(f"unknown setting {key!r}")
    with db.write(actor) as s:
        authorize(s, actor, Permission.SETTINGS_EDIT)
        row = s.get(Setting, key)
        old = row.value if row else None
        if old == value:
            return
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value
        changelog.append(s, [Change("update", "setting", None, key, old, value)])
