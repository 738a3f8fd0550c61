"""Clinic-wide settings stored in the database (shared by every workstation).

Each setting is declared once (:data:`proapp.domain.settings.DEFINITIONS`: key, default,
label, what values it takes); the Settings dialog and ``proapp settings get|set`` are built
from the declarations, and every change is checked against them and written to the change log
(who, when, old → new) in the same transaction. Only administrators change settings.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select

from proapp.db.engine import Database
from proapp.db.tables import setting as _setting
from proapp.domain.actor import Actor, Permission
from proapp.domain.settings import DEFINITIONS, Kind, SettingDef, definition
from proapp.domain.validation import ValidationError

__all__ = ["DEFINITIONS", "Kind", "SettingDef", "all_values", "definition", "get", "get_int",
           "set_value", "set_values"]


def get(db: Database, key: str) -> str:
    """One setting, read in plain SQL (no ORM session: ``proapp settings get`` is a start-up)."""
    default = definition(key).default
    with db.read_rows() as conn:
        value = conn.scalar(select(_setting.c.value).where(_setting.c.key == key))
    return default if value is None else str(value)


def get_int(db: Database, key: str) -> int:
    """An integer setting; a stored value that is no longer valid reads as the default."""
    d = definition(key)
    try:
        return int(d.parse(get(db, key)))
    except ValidationError:
        return int(d.default)


def all_values(db: Database) -> dict[str, str]:
    """Every setting (defaults for those never set), in declaration order, in one query."""
    with db.read_rows() as conn:
        stored = {k: v for k, v in conn.execute(select(_setting.c.key, _setting.c.value))}  # noqa: C416
    return {k: stored.get(k, d.default) for k, d in DEFINITIONS.items()}


def set_value(db: Database, actor: Actor, key: str, value: str) -> bool:
    """Change one setting (administrators). True when it changed."""
    return bool(set_values(db, actor, {key: value}))


def set_values(db: Database, actor: Actor, values: Mapping[str, str]) -> list[str]:
    """Change several settings in one transaction, each change in the change log; all or
    nothing. Returns the keys that changed."""
    parsed: dict[str, str] = {}
    issues = []
    for key, raw in values.items():
        try:
            parsed[key] = definition(key).parse(raw)
        except ValidationError as exc:
            issues += exc.issues
    if issues:
        raise ValidationError(issues)
    from proapp.db import changelog
    from proapp.db.changelog import Change
    from proapp.db.models import Setting
    from proapp.services.accounts.access import authorize

    changed: list[str] = []
    with db.write(actor) as s:
        authorize(s, actor, Permission.SETTINGS_EDIT)
        changes = []
        for key, value in parsed.items():
            row = s.get(Setting, key)
            old = row.value if row else DEFINITIONS[key].default
            if old == value:
                continue
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value
            changes.append(Change("update", "setting", None, key, old, value))
            changed.append(key)
        if changes:
            changelog.append(s, changes)
    return changed
