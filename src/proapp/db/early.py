"""A read made before SQLAlchemy is imported: the stored password hash of one account, with
the SQLite driver alone.

A command that signs in starts the password's verification in a thread with this hash while
the main thread imports SQLAlchemy and opens the database
(:class:`proapp.services.accounts.passwords.EarlyVerification`). Nothing is decided on it: the
sign-in reads the account again inside its own transaction, after the open checks, and uses
the early result only if that read gives the same hash.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def password_hash(path: Path, username: str) -> str | None:
    """The stored hash of ``username`` in the SQLite file ``path`` (None: no such account),
    read without changing the file (URI ``mode=ro``). Raises :class:`sqlite3.Error` or
    :class:`OSError` when the file cannot be read so (the caller then goes without)."""
    if not path.is_file():
        raise FileNotFoundError(path)
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
    try:
        row = con.execute("SELECT password_hash FROM user_account WHERE username = ?",
                          (username,)).fetchone()
    finally:
        con.close()
    return None if row is None or row[0] is None else str(row[0])
