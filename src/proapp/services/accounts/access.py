"""The real permission check: the role policy (:mod:`proapp.domain.actor`) applied to the account
as stored at this moment. Every service operation calls :func:`authorize` inside its own
transaction (or :func:`check` just before work that has none, such as a file copy); the GUI only
uses :func:`proapp.domain.actor.can` to enable or hide actions, never as the real check.

An actor without a stored account (``user_id`` None) is trusted with its claimed role only in
the **no-accounts bootstrap**: while the database holds no account at all (a new database, the
tests' ``Actor("nurse.test", role="nurse")``, ``cli:<login>`` before the first administrator).
Once one account exists, every operation needs a signed-in, active account with the right role.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from proapp.db.engine import Database
from proapp.db.tables import user_account
from proapp.domain.actor import Actor, Permission, can
from proapp.domain.i18n import msg
from proapp.services.errors import PermissionDenied

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_user = user_account.c


def require(actor: Actor, permission: Permission) -> None:
    """The claimed role only (for enabling actions and early, cheap refusals)."""
    if not can(actor, permission):
        role = actor.role or "no role"
        raise PermissionDenied(msg("{username} ({role}) may not do this: {permission} needs "
                                   "another role",
                                   username=actor.username, role=role, permission=permission.value))


def stored_actor(session: Session, actor: Actor) -> Actor:
    """The actor as the database knows it right now, inside the caller's transaction: a user
    deactivated or demoted on another workstation loses the right at once."""
    if actor.user_id is None:
        if (session.scalar(select(func.count()).select_from(user_account)) or 0) == 0:
            return actor  # the documented no-accounts bootstrap
        raise PermissionDenied(msg("{username} has no account in this database; sign in with your "
                                   "proapp user name", username=actor.username))
    row = session.execute(select(_user.username, _user.role, _user.active)
                          .where(_user.id == actor.user_id)).first()
    if row is None or not row.active or row.username != actor.username:
        raise PermissionDenied(msg("The account {username} is deactivated or no longer exists",
                                   username=actor.username))
    return Actor(row.username, actor.user_id, row.role)


def authorize(session: Session, actor: Actor, permission: Permission) -> Actor:
    """:func:`require` against the stored account; returns the actor as stored."""
    require(actor, permission)
    current = stored_actor(session, actor)
    require(current, permission)
    return current


def check(db: Database, actor: Actor, permission: Permission) -> Actor:
    """:func:`authorize` in a short read transaction of its own, for operations whose work is
    not one database transaction (copying a file, rendering reports)."""
    require(actor, permission)
    with db.read() as s:
        return authorize(s, actor, permission)
