"""Staff accounts: first administrator, user management, passwords, sign-in.

Passwords are hashed with Argon2id (:mod:`.passwords`) and never stored, logged or written to
the change log in clear. A hash made with older parameters is replaced at the next successful
sign-in (:func:`upgrade_hash`; the sign-in itself is :func:`.signin.authenticate`, the reads
in plain SQL are :mod:`.roster`). Deactivated users keep their
row, so every change they made stays attributable; the last active administrator can be
neither deactivated nor demoted, so the clinic can never lock itself out.
"""

from __future__ import annotations

import logging

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from proapp.db import accesslog, changelog
from proapp.db.changelog import Change
from proapp.db.engine import Database
from proapp.db.errors import StorageError
from proapp.db.keys import fingerprint
from proapp.db.models import User
from proapp.domain.actor import Actor, Permission, Role
from proapp.domain.i18n import msg
from proapp.domain.validation import ValidationError, error
from proapp.services import clock
from proapp.services.accounts import signin
from proapp.services.accounts.access import authorize, require, stored_actor
from proapp.services.accounts.passwords import MAX_PASSWORD, hash_password
from proapp.services.accounts.passwords import verify as _verify
from proapp.services.accounts.roster import UserInfo
from proapp.services.accounts.signin import USERNAME_RE, AuthenticationFailed
from proapp.services.errors import NotFoundError, UserError

log = logging.getLogger(__name__)

MIN_PASSWORD = 10
MAX_FULL_NAME = 200


def _info(u: User, locked: bool = False) -> UserInfo:
    return UserInfo(u.id, u.username, u.full_name or "", u.role, bool(u.active), u.created_at,
                    u.password_changed_at, locked)


def check_username(username: str) -> str:
    name = username.strip().lower()
    if not USERNAME_RE.fullmatch(name):
        raise ValidationError([error(
            "user.username", "username.format",
            msg("A user name has 2 to 64 characters: lower-case letters, digits, '.', '_' or '-', "
                "starting with a letter or digit"), username)])
    return name


def check_password(password: str, username: str = "") -> None:
    """Length rules only (NIST SP 800-63B: length beats composition rules)."""
    problems = []
    if len(password) < MIN_PASSWORD:
        problems.append(msg("at least {n} characters", n=MIN_PASSWORD))
    if len(password) > MAX_PASSWORD:
        problems.append(msg("at most {n} characters", n=MAX_PASSWORD))
    if username and password.strip().lower() == username.lower():
        problems.append(msg("not the user name"))
    if problems:
        # The value is never echoed back: it is a password.
        rules = problems[0] if len(problems) == 1 else msg(
            "{first} and {second}", first=problems[0], second=problems[1])
        raise ValidationError([error("user.password", "password.rules",
                                     msg("The password must have {rules}", rules=rules),
                                     None)])


def _check_role(role: str) -> str:
    try:
        return Role(role).value
    except ValueError:
        raise ValidationError([error("user.role", "role.unknown",
                                     msg("Role must be nurse, clinician or admin"),
                                     role)]) from None


def _check_full_name(full_name: str) -> str:
    name = full_name.strip()
    if len(name) > MAX_FULL_NAME or any(ord(c) < 32 for c in name):
        raise ValidationError([error("user.full_name", "full_name.format",
                                     msg("A full name has at most {n} characters and no "
                                         "control characters", n=MAX_FULL_NAME),
                                     full_name[:40])])
    return name


def _snapshot(u: User) -> dict[str, object]:
    """What the change log records of an account; the password as a fingerprint of its hash
    (never the hash), so ``check`` sees a hash swapped behind proapp's back."""
    return {"username": u.username, "full_name": u.full_name, "role": u.role,
            "active": u.active, "password": fingerprint(u.password_hash)}


def get_user(db: Database, user_id: int) -> UserInfo:
    with db.read() as s:
        return _info(_get(s, user_id))


def _get(s: Session, user_id: int) -> User:
    u = s.get(User, user_id)
    if u is None:
        raise NotFoundError(msg("No user with id {user_id}", user_id=user_id))
    return u


def _insert(s: Session, username: str, password: str, role: str, full_name: str) -> User:
    name = check_username(username)
    check_password(password, name)
    role = _check_role(role)
    full_name = _check_full_name(full_name)
    if s.scalar(select(User.id).where(func.lower(User.username) == name)) is not None:
        raise ValidationError([error("user.username", "username.unique",
                                     msg("The user name {name} is already taken (perhaps by "
                                         "a deactivated user)", name=name), name)])
    now = clock.utcnow()
    u = User(username=name, full_name=full_name, role=role, password_hash=hash_password(password),
             active=True, created_at=now, password_changed_at=now)
    s.add(u)
    s.flush()
    return u


def create_first_admin(db: Database, username: str, password: str,
                       full_name: str = "") -> Actor:
    """The first start: only possible while no user exists (checked inside the write
    transaction, so two first starts at once cannot both succeed)."""
    name = check_username(username)
    with db.write(Actor.system("first-start"), "first administrator") as s:
        if (s.scalar(select(func.count(User.id))) or 0) > 0:
            raise UserError(msg("An administrator already exists; sign in instead"))
        u = _insert(s, name, password, Role.ADMIN.value, full_name)
        actor = Actor(u.username, u.id, u.role)
        changelog.append(s, [Change("insert", "user", u.id, None, None, _snapshot(u))],
                         actor=actor)
    log.info("first administrator %s created", name)
    return actor


def create_user(db: Database, actor: Actor, username: str, password: str, role: str,
                full_name: str = "") -> int:
    require(actor, Permission.USER_MANAGE)
    with db.write(actor, "user created") as s:
        authorize(s, actor, Permission.USER_MANAGE)
        u = _insert(s, username, password, role, full_name)
        changelog.append(s, [Change("insert", "user", u.id, None, None, _snapshot(u))])
        log.info("user %s (%s) created by %s", u.username, u.role, actor.username)
        return u.id


def _active_admins(s: Session) -> int:
    return s.scalar(select(func.count(User.id)).where(User.role == Role.ADMIN.value,
                                                     User.active.is_(True))) or 0


def update_user(db: Database, actor: Actor, user_id: int, *, full_name: str | None = None,
                role: str | None = None, active: bool | None = None,
                reason: str | None = None) -> UserInfo:
    """Change name, role or active flag. Deactivating keeps the row (history stays linked)."""
    require(actor, Permission.USER_MANAGE)
    with db.write(actor, reason) as s:
        authorize(s, actor, Permission.USER_MANAGE)
        u = _get(s, user_id)
        old = _snapshot(u)
        if full_name is not None:
            u.full_name = _check_full_name(full_name)
        if role is not None:
            u.role = _check_role(role)
        if active is not None:
            u.active = bool(active)
        if old["role"] == Role.ADMIN.value and old["active"] and not (
                u.role == Role.ADMIN.value and u.active):
            s.flush()
            if _active_admins(s) == 0:
                raise UserError(msg("{username} is the last active administrator; make another "
                                    "user an administrator first", username=u.username))
        changes = [Change("update", "user", u.id, k, a, b)
                   for k, a, b in changelog.diff(old, _snapshot(u))]
        changelog.append(s, changes)
        return _info(u)


def deactivate_user(db: Database, actor: Actor, user_id: int,
                    reason: str | None = None) -> UserInfo:
    return update_user(db, actor, user_id, active=False, reason=reason)


def reset_password(db: Database, actor: Actor, user_id: int, new_password: str) -> None:
    """An administrator sets another user's password (e.g. forgotten)."""
    require(actor, Permission.USER_MANAGE)
    with db.write(actor, "password reset by administrator") as s:
        authorize(s, actor, Permission.USER_MANAGE)
        u = _get(s, user_id)
        _set_password(s, u, new_password)


def change_password(db: Database, actor: Actor, old_password: str, new_password: str) -> None:
    """A user changes their own password; the current one must be given."""
    if actor.user_id is None:
        raise UserError(msg("Only a signed-in user has a password to change"))
    with db.write(actor, "password changed by its owner") as s:
        stored_actor(s, actor)
        u = _get(s, actor.user_id)
        if not u.active or not _verify(u.password_hash, old_password):
            raise AuthenticationFailed(msg("The current password is wrong"))
        if old_password == new_password:
            raise ValidationError([error("user.password", "password.same",
                                         msg("The new password must differ from the "
                                             "current one"), None)])
        _set_password(s, u, new_password)


def _set_password(s: Session, u: User, password: str) -> None:
    check_password(password, u.username)
    old = fingerprint(u.password_hash)
    u.password_hash = hash_password(password)
    u.password_changed_at = clock.utcnow()
    # The fact is logged with a fingerprint of the new hash, never the password or the hash.
    changelog.append(s, [Change("update", "user", u.id, "password", old,
                                fingerprint(u.password_hash))])


def upgrade_hash(db: Database, actor: Actor, password: str) -> None:
    """At a successful sign-in: the password hashed again with today's Argon2 parameters
    (logged with the fingerprints, like any password change). A read-only database (a
    backup) keeps the old hash until the next sign-in."""
    try:
        with db.write(actor, "password hash upgraded at sign-in") as s:
            row = _get(s, actor.user_id or 0)
            old = fingerprint(row.password_hash)
            row.password_hash = hash_password(password)
            changelog.append(s, [Change("update", "user", row.id, "password", old,
                                        fingerprint(row.password_hash))])
        log.info("password hash of %s upgraded to current Argon2 parameters", actor.username)
    except StorageError:
        log.info("password hash of %s not upgraded (read-only database)", actor.username)


def verify_actor_password(db: Database, actor: Actor, password: str) -> None:
    """Re-entry of the signed-in user's password (signing a visit, unlocking the screen);
    throttled and recorded like a sign-in."""
    if actor.user_id is None:
        raise AuthenticationFailed(msg("Only a signed-in user can confirm with a password"))
    signin.before_attempt(actor.username)
    with db.read() as s:
        u = s.get(User, actor.user_id)
        ok = u is not None and u.active and _verify(u.password_hash, password) and not (
            signin.is_locked(s, u.id))
    if not ok:
        signin.failed(actor.username)
        signin.record(db, user_id=actor.user_id, username=actor.username,
                      event=accesslog.FAILURE, detail="password confirmation")
        log.warning("password confirmation refused for %s", actor.username)
        raise AuthenticationFailed(msg("The password is wrong, or the account was deactivated or "
                                       "locked"))
    signin.succeeded(actor.username)


def current_actor(db: Database, actor: Actor) -> Actor:
    """The actor with its role as stored now (a role may have changed since sign-in)."""
    if actor.user_id is None:
        return actor
    with db.read() as s:
        u = s.get(User, actor.user_id)
        if u is None or not u.active:
            raise AuthenticationFailed(msg("The account {username} was deactivated",
                                           username=actor.username))
        return Actor(u.username, u.id, u.role)
