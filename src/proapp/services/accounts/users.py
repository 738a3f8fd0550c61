"""Staff accounts: first administrator, user management, passwords, sign-in.

Passwords are hashed with Argon2id (argon2-cffi's ``PasswordHasher`` defaults, RFC 9106 low
memory profile) and never stored, logged or written to the change log in clear. A hash made
with older parameters is replaced at the next successful sign-in. Deactivated users keep their
row, so every change they made stays attributable; the last active administrator can be
neither deactivated nor demoted, so the clinic can never lock itself out.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
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
from proapp.services.errors import NotFoundError, UserError

log = logging.getLogger(__name__)

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # Argon2 hashes any length; a cap keeps a pasted file from stalling us
MAX_FULL_NAME = 200

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified when the user name is unknown, so a wrong name costs as long as a wrong
    password. Made at the first sign-in, not at import: every command imports this module."""
    return _hasher.hash("proapp: no such user")


class AuthenticationFailed(UserError):
    """Wrong user name or password (deliberately not saying which)."""


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


def _info(u: User, locked: bool = False) -> UserInfo:
    return UserInfo(u.id, u.username, u.full_name or "", u.role, bool(u.active), u.created_at,
                    u.password_changed_at, locked)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


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


def has_users(db: Database) -> bool:
    with db.read() as s:
        return (s.scalar(select(func.count(User.id))) or 0) > 0


def list_users(db: Database) -> list[UserInfo]:
    with db.read() as s:
        locked = signin.locked_ids(s)
        return [_info(u, u.id in locked) for u in s.scalars(select(User).order_by(User.username))]


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


def _verify(stored: str | None, password: str) -> bool:
    if len(password) > MAX_PASSWORD:
        return False
    try:
        return _hasher.verify(stored or _dummy_hash(), password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _shown_name(name: str) -> str:
    """A typed user name as the access log keeps it: only if it looks like one (a password
    typed into the wrong field must not end up in a log)."""
    return name if USERNAME_RE.fullmatch(name) else "(not a user name)"


def authenticate(db: Database, username: str, password: str) -> Actor:
    """Sign in: the Actor for an active, unlocked user with this password, else
    AuthenticationFailed (or SignInThrottled while this process must wait).

    Unknown names, wrong passwords, deactivated and locked accounts give the same message, so
    the dialog does not tell an outsider which user names exist. Every attempt is recorded in
    the access log; failures slow down the next attempt and, repeated, lock the account
    (:mod:`proapp.services.accounts.signin`).
    """
    name = username.strip().lower()
    signin.before_attempt(name)
    with db.read() as s:
        u = s.scalar(select(User).where(User.username == name))
        stored = u.password_hash if u is not None else None
        ok = _verify(stored, password)
        locked = u is not None and signin.is_locked(s, u.id)
        user_id = u.id if u is not None else None
        refused = u is None or not ok or not u.active or locked
        if not refused:
            assert u is not None
            actor = Actor(u.username, u.id, u.role)
            rehash = stored is not None and _hasher.check_needs_rehash(stored)
    if refused:
        signin.failed(name)
        why = ("unknown user name" if u is None else "locked" if locked and ok
               else "deactivated" if ok else "wrong password")
        signin.record(db, user_id=user_id, username=_shown_name(name), event=accesslog.FAILURE,
                      detail=why)
        log.warning("sign-in refused for user name %r", _shown_name(name))
        raise AuthenticationFailed(msg("Wrong user name or password, or the account is deactivated "
                                       "or locked (an administrator can unlock it)"))
    signin.succeeded(name)
    if rehash:
        try:
            with db.write(actor, "password hash upgraded at sign-in") as s:
                row = _get(s, actor.user_id or 0)
                old = fingerprint(row.password_hash)
                row.password_hash = hash_password(password)
                changelog.append(s, [Change("update", "user", row.id, "password", old,
                                            fingerprint(row.password_hash))])
            log.info("password hash of %s upgraded to current Argon2 parameters", name)
        except StorageError:  # a read-only database (a backup): upgrade next time
            log.info("password hash of %s not upgraded (read-only database)", name)
    signin.record(db, user_id=actor.user_id, username=actor.username, event=accesslog.SIGN_IN)
    log.info("user %s signed in", name)
    return actor


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
