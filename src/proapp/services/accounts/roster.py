"""The accounts as stored, read in plain SQL (:mod:`proapp.db.tables`, no ORM session):
whether there are any, the list for *Users* and ``proapp user list``, one account by name.

A command that signs in and lists the users is a start-up (issue #14): it reads these rows
without importing the ORM and building every model class. The writes to accounts are in
:mod:`proapp.services.accounts.users`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from proapp.db.engine import Database
from proapp.db.tables import user_account
from proapp.domain.actor import Actor
from proapp.services.accounts import signin

if TYPE_CHECKING:
    from sqlalchemy import Connection

_COLUMNS = (user_account.c.id, user_account.c.username, user_account.c.full_name,
            user_account.c.role, user_account.c.active, user_account.c.created_at,
            user_account.c.password_changed_at)


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: str
    active: bool
    created_at: datetime
    password_changed_at: datetime | None
    locked: bool = False  # after repeated failed sign-ins, until an administrator unlocks

    def actor(self) -> Actor:
        return Actor(self.username, self.id, self.role)


def count(conn: Connection) -> int:
    return conn.scalar(select(func.count()).select_from(user_account)) or 0


def has_users(db: Database) -> bool:
    with db.read_rows() as conn:
        return count(conn) > 0


def list_users(db: Database) -> list[UserInfo]:
    with db.read_rows() as conn:
        locked = signin.locked_ids(conn)
        return [UserInfo(r[0], r[1], r[2] or "", r[3], bool(r[4]), r[5], r[6], r[0] in locked)
                for r in conn.execute(select(*_COLUMNS).order_by(user_account.c.username))]
