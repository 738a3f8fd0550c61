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


def _b64(text: str) -> bytes:
    import base64

    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def _check_in_one_thread(stored: str, password: str) -> bool | None:
    """:func:`_check` of an Argon2id hash computed in this one thread (the lanes of the hash
    one after the other; the result does not depend on the threads, RFC 9106 section 3.2).
    For the early verification: argon2-cffi's own would run one thread per lane, 4 of them
    on a 2-core machine, and take their share of the cores from the start-up it runs beside.
    None when ``stored`` is not a hash of this form (the caller then uses :func:`_check`)."""
    import hmac as _hmac

    # argon2-cffi's own C binding (it has no type information)
    from _argon2_cffi_bindings import ffi, lib  # type: ignore[import-untyped]
    from argon2 import Type
    from argon2.low_level import ARGON2_VERSION, core

    parts = stored.split("$")
    if len(parts) != 6 or parts[1] != "argon2id" or parts[2] != f"v={ARGON2_VERSION}":
        return None
    try:
        params = dict(kv.split("=", 1) for kv in parts[3].split(","))
        memory, time_cost, lanes = int(params["m"]), int(params["t"]), int(params["p"])
        salt, expected = _b64(parts[4]), _b64(parts[5])
    except (ValueError, KeyError):
        return None
    if len(password) > MAX_PASSWORD:
        return False
    secret = password.encode("utf-8")
    out = ffi.new("uint8_t[]", len(expected))
    pwd, salt_buf = ffi.new("uint8_t[]", secret), ffi.new("uint8_t[]", salt)
    ctx = ffi.new("argon2_context *", {
        "out": out, "outlen": len(expected), "pwd": pwd, "pwdlen": len(secret),
        "salt": salt_buf, "saltlen": len(salt), "secret": ffi.NULL, "secretlen": 0,
        "ad": ffi.NULL, "adlen": 0, "t_cost": time_cost, "m_cost": memory, "lanes": lanes,
        "threads": 1, "version": ARGON2_VERSION, "allocate_cbk": ffi.NULL,
        "free_cbk": ffi.NULL, "flags": lib.ARGON2_DEFAULT_FLAGS})
    if core(ctx, Type.ID.value) != lib.ARGON2_OK:
        return None
    return _hmac.compare_digest(bytes(ffi.buffer(out, len(expected))), expected)


class EarlyVerification:
    """:func:`verify` of ``stored`` and ``password``, running in a thread from now on."""

    def __init__(self, stored: str | None, password: str):
        self.stored = stored
        self._password = password
        self._result = False
        self._thread = threading.Thread(target=self._run, name="proapp-verify", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        quick = (_check_in_one_thread(self.stored, self._password) if self.stored is not None
                 else None)
        self._result = _check(self.stored, self._password) if quick is None else quick

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
