"""Sign-in throttling, lockout and the access log.

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
import threading
import time
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from proapp.db import accesslog
from proapp.db.engine import Database
from proapp.db.errors import StorageError
from proapp.db.models import AccessLog
from proapp.domain.actor import Actor, Permission
from proapp.domain.i18n import msg
from proapp.services.accounts.access import authorize
from proapp.services.errors import UserError

log = logging.getLogger(__name__)

LOCK_AFTER = 10  # failures in a row (any process, any workstation) that lock the account
FIRST_DELAY_S = 1.0
MAX_DELAY_S = 60.0
SYSTEM = Actor("system:sign-in")


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


def _last_reset_id(s: Session, user_id: int) -> int:
    return s.scalar(select(func.max(AccessLog.id)).where(
        AccessLog.user_id == user_id,
        AccessLog.event.in_((accesslog.SIGN_IN, accesslog.UNLOCKED)))) or 0


def is_locked(s: Session, user_id: int) -> bool:
    """Locked: a ``locked`` row after the last sign-in or unlock."""
    since = _last_reset_id(s, user_id)
    return (s.scalar(select(func.count(AccessLog.id)).where(
        AccessLog.user_id == user_id, AccessLog.id > since,
        AccessLog.event == accesslog.LOCKED)) or 0) > 0


def locked_ids(s: Session) -> set[int]:
    """Every locked account, in two queries (for the users list)."""
    last_reset = dict(s.execute(
        select(AccessLog.user_id, func.max(AccessLog.id))
        .where(AccessLog.user_id.is_not(None),
               AccessLog.event.in_((accesslog.SIGN_IN, accesslog.UNLOCKED)))
        .group_by(AccessLog.user_id)).all())
    last_lock = dict(s.execute(
        select(AccessLog.user_id, func.max(AccessLog.id))
        .where(AccessLog.user_id.is_not(None), AccessLog.event == accesslog.LOCKED)
        .group_by(AccessLog.user_id)).all())
    return {int(uid) for uid, lid in last_lock.items()
            if uid is not None and lid > last_reset.get(uid, 0)}


def record(db: Database, *, user_id: int | None, username: str, event: str,
           detail: str | None = None) -> bool:
    """Write an access-log row (its own transaction). A database that cannot be written (a
    read-only copy, the key not installed here) must not stop a sign-in: the row then goes to
    the log file only, and False is returned. Returns True when the account is now locked."""
    try:
        with db.write(SYSTEM) as s:
            accesslog.append(s, user_id=user_id, username=username, event=event,
                             detail=detail)
            if event != accesslog.FAILURE or user_id is None or is_locked(s, user_id):
                return False
            since = _last_reset_id(s, user_id)
            failures = s.scalar(select(func.count(AccessLog.id)).where(
                AccessLog.user_id == user_id, AccessLog.id > since,
                AccessLog.event == accesslog.FAILURE)) or 0
            if failures >= LOCK_AFTER:
                accesslog.append(s, user_id=user_id, username=username,
                                 event=accesslog.LOCKED,
                                 detail=f"{failures} failed attempts in a row")
                log.warning("account %s locked after %d failed attempts", username, failures)
                return True
    except StorageError as exc:
        log.warning("access-log row not written (%s): %s %s", exc.title, event, username)
    return False


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
        q = select(AccessLog).order_by(AccessLog.id.desc())
        if limit is not None:
            q = q.limit(limit)
        return [AccessEntry(r.id, r.at, r.username, r.event, r.detail) for r in s.scalars(q)]
