"""The real permission check: the role policy (:mod:`proapp.domain.actor`) applied to the account
as stored at this moment. Services call :func:`authorize` inside their transaction; the GUI only
uses :func:`proapp.domain.actor.can` to enable or hide actions, never as the real check."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from proapp.db.models import User
from proapp.domain.actor import Actor, Permission, can
from proapp.services.errors import PermissionDenied


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
