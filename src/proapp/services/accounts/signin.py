"""Sign-in: the password check, throttling, lockout and the access log.

:func:`authenticate` is the one sign-in, for the window and the command line alike, written in
plain SQL on the account and access-log tables (:mod:`proapp.db.tables`): a command that signs
in does not import the ORM for it (issue #14), and may hand it a password verification it
started early (:class:`proapp.services.accounts.passwords.EarlyVerification`), which is used
only for the very hash read here.

Per process and account, every failed sign-in (or password confirmation) makes the next attempt
wait longer: none after the first failure, then 1 s, doubling up to a minute; an attempt made
earlier is refused without even checking the password. Across processes and workstations, the
access log counts: after :data:`LOCK_AFTER` failures in a row the account is locked until an
administrator unlocks it (a correct password does not help meanwhile). Every sign-in, failure,
lock and unlock is an access-log row (append-only, keyed like the change log), which
administrators read in *Users → Access log* or with ``proapp user access-log``.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from proapp.db import accesslog
from proapp.db.engine import Database
from proapp.db.errors import StorageError
from proapp.db.tables import access_log, user_account
from proapp.domain.actor import Actor, Permission
from proapp.domain.i18n import msg
from proapp.services.accounts import passwords
from proapp.services.accounts.access import authorize
from proapp.services.errors import UserError

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
LOCK_AFTER = 10  # failures in a row (any process, any workstation) that lock the account
FIRST_DELAY_S = 1.0
MAX_DELAY_S = 60.0
SYSTEM = Actor("system:sign-in")


class AuthenticationFailed(UserError):
    """Wrong user name or password (deliberately not saying which)."""


class SignInThrottled(UserError):
    """Too many failures just now from this program: wait before the next attempt."""

    def __init__(self, wait_s: float):
        self.wait_s = wait_s
        super().__init__(f"Too many failed attempts: wait {max(1, round(wait_s))} s before "
                         "trying again")


@dataclass
class _Failures:
    count: int = 0
    not_before: float = 0.0


_lock = threading.Lock()
_failures: dict[str, _Failures] = {}


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` failures in a row in this process."""
    if failures <= 1:
        return 0.0
    return float(min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** (failures - 2)))


def before_attempt(name: str, now: float | None = None) -> None:
    """Raise :class:`SignInThrottled` while this process must still wait for ``name``."""
    now = time.monotonic() if now is None else now
    with _lock:
        f = _failures.get(name)
        if f is not None and now < f.not_before:
            raise SignInThrottled(f.not_before - now)


def failed(name: str, now: float | None = None) -> None:
    now = time.monotonic() if now is None else now
    with _lock:
        f = _failures.setdefault(name, _Failures())
        f.count += 1
        f.not_before = now + delay_after(f.count)


def succeeded(name: str) -> None:
    with _lock:
        _failures.pop(name, None)


def reset_for_tests() -> None:
    with _lock:
        _failures.clear()


# Plain SQL, on an ORM session or a plain connection alike (both run a Core statement).
_log = access_log.c


def _last_reset_id(s: Connection | Session, user_id: int) -> int:
    return s.scalar(select(func.max(_log.id)).where(
        _log.user_id == user_id,
        _log.event.in_((accesslog.SIGN_IN, accesslog.UNLOCKED)))) or 0


def _since_reset(s: Connection | Session, user_id: int, event: str) -> int:
    """How many ``event`` rows the account has since its last sign-in or unlock."""
    since = _last_reset_id(s, user_id)
    return s.scalar(select(func.count(_log.id)).where(
        _log.user_id == user_id, _log.id > since, _log.event == event)) or 0


def is_locked(s: Connection | Session, user_id: int) -> bool:
    """Locked: a ``locked`` row after the last sign-in or unlock."""
    return _since_reset(s, user_id, accesslog.LOCKED) > 0


def locked_ids(s: Connection | Session) -> set[int]:
    """Every locked account, in two queries (for the users list)."""
    last_reset = dict(s.execute(
        select(_log.user_id, func.max(_log.id))
        .where(_log.user_id.is_not(None),
               _log.event.in_((accesslog.SIGN_IN, accesslog.UNLOCKED)))
        .group_by(_log.user_id)).all())
    last_lock = dict(s.execute(
        select(_log.user_id, func.max(_log.id))
        .where(_log.user_id.is_not(None), _log.event == accesslog.LOCKED)
        .group_by(_log.user_id)).all())
    return {int(uid) for uid, lid in last_lock.items()
            if uid is not None and lid > last_reset.get(uid, 0)}


def record(db: Database, *, user_id: int | None, username: str, event: str,
           detail: str | None = None) -> bool:
    """Write an access-log row (its own transaction). A database that cannot be written (a
    read-only copy, the key not installed here) must not stop a sign-in: the row then goes to
    the log file only, and False is returned. Returns True when the account is now locked."""
    try:
        chain = db.chain()
        with db.write_access_log() as conn:
            accesslog.append_row(conn, chain, user_id=user_id, username=username, event=event,
                                 detail=detail)
            if event != accesslog.FAILURE or user_id is None or is_locked(conn, user_id):
                return False
            failures = _since_reset(conn, user_id, accesslog.FAILURE)
            if failures >= LOCK_AFTER:
                accesslog.append_row(conn, chain, user_id=user_id, username=username,
                                     event=accesslog.LOCKED,
                                     detail=f"{failures} failed attempts in a row")
                log.warning("account %s locked after %d failed attempts", username, failures)
                return True
    except StorageError as exc:
        log.warning("access-log row not written (%s): %s %s", exc.title, event, username)
    return False


def shown_name(name: str) -> str:
    """A typed user name as the access log keeps it: only if it looks like one (a password
    typed into the wrong field must not end up in a log)."""
    return name if USERNAME_RE.fullmatch(name) else "(not a user name)"


def authenticate(db: Database, username: str, password: str,
                 early: passwords.EarlyVerification | None = None) -> Actor:
    """Sign in: the Actor for an active, unlocked user with this password, else
    AuthenticationFailed (or SignInThrottled while this process must wait).

    Unknown names, wrong passwords, deactivated and locked accounts give the same message, so
    the dialog does not tell an outsider which user names exist. Every attempt is recorded in
    the access log; failures slow down the next attempt and, repeated, lock the account.
    ``early``: a verification of this password started before (a command's start-up); it
    counts only if it verified the hash read here, in this transaction.
    """
    name = username.strip().lower()
    before_attempt(name)
    u = user_account.c
    with db.read_rows() as conn:
        row = conn.execute(select(u.id, u.username, u.role, u.active, u.password_hash)
                           .where(u.username == name)).first()
        stored = row[4] if row is not None else None
        ok = passwords.verify(stored, password, early)
        locked = row is not None and is_locked(conn, row[0])
        user_id = row[0] if row is not None else None
        refused = row is None or not ok or not row[3] or locked
    if refused:
        failed(name)
        why = ("unknown user name" if row is None else "locked" if locked and ok
               else "deactivated" if ok else "wrong password")
        record(db, user_id=user_id, username=shown_name(name), event=accesslog.FAILURE,
               detail=why)
        log.warning("sign-in refused for user name %r", shown_name(name))
        raise AuthenticationFailed(msg("Wrong user name or password, or the account is deactivated "
                                       "or locked (an administrator can unlock it)"))
    assert row is not None
    actor = Actor(row[1], row[0], row[2])
    succeeded(name)
    if stored is not None and passwords.needs_rehash(stored):
        from proapp.services.accounts.users import upgrade_hash

        upgrade_hash(db, actor, password)
    record(db, user_id=actor.user_id, username=actor.username, event=accesslog.SIGN_IN)
    log.info("user %s signed in", name)
    return actor


def unlock_account(db: Database, actor: Actor, user_id: int) -> None:
    """An administrator lifts a lockout (recorded in the access log)."""
    from proapp.db.models import User
    from proapp.services.errors import NotFoundError

    with db.write(actor, "account unlocked") as s:
        authorize(s, actor, Permission.USER_MANAGE)
        u = s.get(User, user_id)
        if u is None:
            raise NotFoundError(msg("No user with id {user_id}", user_id=user_id))
        if not is_locked(s, user_id):
            raise UserError(msg("The account {username} is not locked", username=u.username))
        accesslog.append(s, user_id=user_id, username=u.username, event=accesslog.UNLOCKED,
                         detail=f"by {actor.username}")
    log.info("account %s unlocked by %s", user_id, actor.username)


@dataclass(frozen=True)
class AccessEntry:
    id: int
    at: str  # UTC ISO 8601
    username: str
    event: str
    detail: str | None


def entries(db: Database, actor: Actor, *, limit: int | None = 500) -> list[AccessEntry]:
    """The access log, newest first (administrators)."""
    with db.read() as s:
        authorize(s, actor, Permission.USER_MANAGE)
        q = select(_log.id, _log.at, _log.username, _log.event, _log.detail) \
            .order_by(_log.id.desc())
        if limit is not None:
            q = q.limit(limit)
        return [AccessEntry(*r) for r in s.execute(q)]
