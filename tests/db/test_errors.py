"""Database errors in words a user (and the clinic's IT person) can act on: what the SQLite
file's errors say is about files and folders; what a server says is about the server."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import OperationalError, ProgrammingError

from proapp.db import errors
from proapp.db.errors import AccessDenied, ReadOnlyStorage, translate


class _ServerError(Exception):
    """What psycopg raises: the server's SQLSTATE on the exception."""

    def __init__(self, sqlstate: str):
        super().__init__(f"server error {sqlstate}")
        self.sqlstate = sqlstate


def _wrapped(sqlstate: str) -> ProgrammingError:
    return ProgrammingError("INSERT INTO patient ...", {}, _ServerError(sqlstate))


@pytest.mark.parametrize(("sqlstate", "kind", "message"), [
    ("42501", AccessDenied, errors.SERVER_DENIED),  # insufficient_privilege
    ("25006", ReadOnlyStorage, errors.SERVER_READ_ONLY),  # read_only_sql_transaction
])
def test_the_servers_refusals_speak_of_the_server(sqlstate: str, kind: type,
                                                  message: str) -> None:
    found = translate(_wrapped(sqlstate))
    assert isinstance(found, kind)
    assert str(found) == message
    words = str(found).lower()
    assert "database server" in words and "nothing was saved" in words
    assert "folder" not in words and "operating system" not in words and "file" not in words


def test_the_files_refusals_still_speak_of_files_and_folders() -> None:
    perm = sqlite3.OperationalError("access permission denied")
    perm.sqlite_errorcode = 3  # SQLITE_PERM
    found = translate(OperationalError("INSERT ...", {}, perm))
    assert isinstance(found, AccessDenied) and str(found) == errors.DENIED
    read_only = sqlite3.OperationalError("attempt to write a readonly database")
    read_only.sqlite_errorcode = 8  # SQLITE_READONLY
    found = translate(OperationalError("INSERT ...", {}, read_only))
    assert isinstance(found, ReadOnlyStorage) and str(found) == errors.READ_ONLY
    assert "folder" in str(errors.DENIED) and "file" in str(errors.READ_ONLY)
