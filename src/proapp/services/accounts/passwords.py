"""Password hashing and verification (Argon2id), and a verification started early.

Passwords are hashed with Argon2id (argon2-cffi's ``PasswordHasher`` defaults, RFC 9106 low
memory profile). A verification costs about 0.15 s of work outside the interpreter (argon2-cffi
releases the GIL), so a command that signs in starts it in a thread as soon as it has read the
stored hash and the password (:class:`EarlyVerification`), and imports and opens the rest
meanwhile. Its result is only ever used for the very hash the sign-in then reads inside its
own transaction and the very password it was given; for anything else the sign-in verifies
again (:func:`verify`), so a hash changed in between decides, as it would without the head
start.
"""

from __future__ import annotations

import functools
import hmac
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MAX_PASSWORD = 1024  # Argon2 hashes any length; a cap keeps a pasted file from stalling us


@functools.cache
def hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified when the user name is unknown, so a wrong name costs as long as a wrong
    password. Made at the first sign-in, not at import: every command imports this module."""
    return hasher().hash("proapp: no such user")


def hash_password(password: str) -> str:
    return hasher().hash(password)


def needs_rehash(stored: str) -> bool:
    return hasher().check_needs_rehash(stored)


def _check(stored: str | None, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    if len(password) > MAX_PASSWORD:
        return False
    try:
        return hasher().verify(stored or _dummy_hash(), password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


class EarlyVerification:
    """:func:`verify` of ``stored`` and ``password``, running in a thread from now on."""

    def __init__(self, stored: str | None, password: str):
        self.stored = stored
        self._password = password
        self._result = False
        self._thread = threading.Thread(target=self._run, name="proapp-verify", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self._result = _check(self.stored, self._password)

    def result_for(self, stored: str | None, password: str) -> bool | None:
        """The result, if it is the verification of exactly ``stored`` and ``password``;
        None otherwise (the caller verifies them itself)."""
        if stored != self.stored or not hmac.compare_digest(password.encode("utf-8"),
                                                            self._password.encode("utf-8")):
            return None
        self._thread.join()
        return self._result


def verify(stored: str | None, password: str, early: EarlyVerification | None = None) -> bool:
    """Whether ``password`` is the one ``stored`` was made from (a None ``stored``, no
    account, costs the same time and is False). ``early`` is used only when it verified
    these very two."""
    if early is not None:
        result = early.result_for(stored, password)
        if result is not None:
            return result
    return _check(stored, password)


def start_early(path: Path, username: str, password: str) -> EarlyVerification | None:
    """The verification of ``password`` against the hash stored now for ``username`` in the
    SQLite file ``path``, started in a thread (None when the file cannot be read that way:
    the sign-in then verifies in its own time)."""
    import sqlite3

    from proapp.db import early

    try:
        stored = early.password_hash(path, username.strip().lower())
    except (OSError, sqlite3.Error):
        return None
    return EarlyVerification(stored, password)
