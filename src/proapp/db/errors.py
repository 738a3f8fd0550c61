"""Database and file-system errors, translated once at the db boundary.

Everything below :mod:`proapp.db` raises SQLAlchemy, sqlite3, psycopg or OSError exceptions whose
text may hold SQL and its parameters (patient names, birth dates). :meth:`Database.read`,
:meth:`Database.write` and :func:`proapp.db.migrate.open_database` turn the ones a user can act
on into the types here, each with a plain message that holds no SQL and no data; GUI and CLI
show that message (:func:`proapp.services.errors.plain_error`) and the original goes to the log
file only. Anything not recognised stays what it was: a bug, reported as one.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc

from proapp.domain.i18n import msg


class StorageError(Exception):
    """A problem with the database or its files that the user (or IT) can act on.

    ``title`` is a short heading; ``str(error)`` the whole plain message.
    """

    title = "The database cannot be used"


class DatabaseBusy(StorageError):
    title = "The database is busy"


class DiskFull(StorageError):
    title = "The disk is full"


class ReadOnlyStorage(StorageError):
    title = "The database is read-only"


class Unreachable(StorageError):
    title = "The database cannot be reached"


class ConnectionLost(Unreachable):
    """The database server cannot be reached (restarted, network cut, shut down, still
    starting). The server kept nothing of the interrupted transaction; the caller still holds
    the input and may try again (:func:`proapp.db.server.with_reconnect`)."""

    title = "The database server cannot be reached"


class DiskError(Unreachable):
    title = "The database could not be read or written"


class AccessDenied(StorageError):
    title = "No permission"


class DatabaseRefused(StorageError):
    """The database cannot be used at all (not a database, damaged, not ours, too new, or
    changed behind proapp's back); the message says why in words a user can act on."""

    title = "proapp cannot open the database"


class NotOurs(DatabaseRefused):
    """A SQLite file of another program, or one holding tables, views or triggers we do not own."""


class TooNew(DatabaseRefused):
    """Written by a newer proapp."""


class Damaged(DatabaseRefused):
    """Not SQLite, truncated or corrupt."""


NOTHING_SAVED = "Nothing was saved."

# Each sentence whole (msg() templates are literals, so a screen can write it in its language).
BUSY = msg("Another program or workstation is writing to the database and did not finish within "
           "30 seconds. Nothing was saved. Wait a moment and try again; if it keeps happening, "
           "close proapp on the other computers.")
READ_ONLY = msg("proapp may read this database but not change it (file or folder permissions, "
                "or a read-only disk or share). Nothing was saved. Ask IT for write access, or "
                "work on a copy you may change.")
FULL = msg("There is no space left where the database or the file is stored. Nothing was saved. "
           "Free some disk space (or ask IT to) and try again.")
IO = msg("The operating system reported a disk or network error while using the database. "
         "Nothing was saved. Check that the drive or network share is connected, then try "
         "again.")
CANT_OPEN = msg("The database file or its folder is not reachable (moved, renamed, or a network "
                "share or server that is disconnected). Nothing was saved.")
DENIED = msg("The operating system refused access to the database or one of its files "
             "(permissions). Nothing was saved. Ask IT to check the folder's permissions.")
# The server's own refusals: about the account's privileges or the server's mode, not about
# files (an IT person reading "folder's permissions" would look in the wrong place).
SERVER_DENIED = msg("The database server refused this change: proapp's account on the server "
                    "lacks the privilege for it. Nothing was saved. Ask IT to check the "
                    "account's privileges (proapp db init-server --grant gives a "
                    "workstation's account what it needs).")
SERVER_READ_ONLY = msg("The database server accepts only reading at the moment (a read-only "
                       "copy of the database, or a server set to read-only). Nothing was "
                       "saved. Ask IT to connect proapp to the main server.")
SERVER_LOST = msg("The database server cannot be reached (it may be restarting, or the network "
                  "is down). Nothing was saved. Try again once it is back.")
CORRUPT = msg("The database file is damaged. Nothing was saved. Close proapp everywhere and "
              "restore the newest backup (proapp restore).")
SIGN_IN_REFUSED = msg("The database server refused the sign-in of proapp (user name, password or "
                      "certificate). Nothing was saved. Ask IT to check the connection "
                      "settings.")


def _with_file(message: str, file: object) -> str:
    """An operating-system error's sentence naming the file it is about."""
    if message is FULL:
        return msg("There is no space left where the database or the file is stored ({file}). "
                   "Nothing was saved. Free some disk space (or ask IT to) and try again.",
                   file=str(file))
    if message is READ_ONLY:
        return msg("proapp may read this database but not change it (file or folder "
                   "permissions, or a read-only disk or share) ({file}). Nothing was saved. Ask "
                   "IT for write access, or work on a copy you may change.", file=str(file))
    if message is DENIED:
        return msg("The operating system refused access to the database or one of its files "
                   "(permissions) ({file}). Nothing was saved. Ask IT to check the folder's "
                   "permissions.", file=str(file))
    return msg("The operating system reported a disk or network error while using the "
               "database ({file}). Nothing was saved. Check that the drive or network share is "
               "connected, then try again.", file=str(file))


# SQLite primary result codes (sqlite3.Error.sqlite_errorcode & 0xff).
_SQLITE_CODES: dict[int, tuple[type[StorageError], str]] = {
    3: (AccessDenied, DENIED),  # SQLITE_PERM
    5: (DatabaseBusy, BUSY),  # SQLITE_BUSY
    6: (DatabaseBusy, BUSY),  # SQLITE_LOCKED
    8: (ReadOnlyStorage, READ_ONLY),  # SQLITE_READONLY
    10: (DiskError, IO),  # SQLITE_IOERR
    11: (Damaged, CORRUPT),  # SQLITE_CORRUPT
    13: (DiskFull, FULL),  # SQLITE_FULL
    14: (Unreachable, CANT_OPEN),  # SQLITE_CANTOPEN
    23: (AccessDenied, DENIED),  # SQLITE_AUTH
    26: (Damaged, CORRUPT),  # SQLITE_NOTADB
}
# The same by message, for errors raised without a code (older Pythons, wrapped errors).
_SQLITE_TEXTS: tuple[tuple[str, type[StorageError], str], ...] = (
    ("database is locked", DatabaseBusy, BUSY),
    ("database table is locked", DatabaseBusy, BUSY),
    ("readonly", ReadOnlyStorage, READ_ONLY),
    ("read-only", ReadOnlyStorage, READ_ONLY),
    ("database or disk is full", DiskFull, FULL),
    ("disk i/o error", DiskError, IO),
    ("unable to open database", Unreachable, CANT_OPEN),
    ("malformed", Damaged, CORRUPT),
    ("file is not a database", Damaged, CORRUPT),
)
# PostgreSQL SQLSTATE classes and codes (psycopg's ``sqlstate``).
_PG_STATES: tuple[tuple[str, type[StorageError], str], ...] = (
    ("53100", DiskFull, FULL),
    ("25006", ReadOnlyStorage, SERVER_READ_ONLY),
    ("40P01", DatabaseBusy, BUSY),
    ("55P03", DatabaseBusy, BUSY),
    ("57014", DatabaseBusy, BUSY),
    ("42501", AccessDenied, SERVER_DENIED),
    ("28", AccessDenied, SIGN_IN_REFUSED),
    ("08", ConnectionLost, SERVER_LOST),  # connection exceptions
    ("57P", ConnectionLost, SERVER_LOST),  # shutting down, crashed, still starting
)
_OS_ERRNOS: dict[int, tuple[type[StorageError], str]] = {
    errno.ENOSPC: (DiskFull, FULL),
    errno.EROFS: (ReadOnlyStorage, READ_ONLY),
    errno.EACCES: (AccessDenied, DENIED),
    errno.EPERM: (AccessDenied, DENIED),
    errno.EIO: (DiskError, IO),
}
if hasattr(errno, "EDQUOT"):
    _OS_ERRNOS[errno.EDQUOT] = (DiskFull, FULL)


def _from_sqlite(exc: sqlite3.Error) -> StorageError | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and (code & 0xFF) in _SQLITE_CODES:
        kind, message = _SQLITE_CODES[code & 0xFF]
        return kind(message)
    low = str(exc).lower()
    for needle, kind, message in _SQLITE_TEXTS:
        if needle in low:
            return kind(message)
    return None


def _from_driver(orig: BaseException) -> StorageError | None:
    if isinstance(orig, sqlite3.Error):
        return _from_sqlite(orig)
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if isinstance(state, str):
        for prefix, kind, message in _PG_STATES:
            if state.startswith(prefix):
                return kind(message)
    if state is None and type(orig).__name__ == "OperationalError" and \
            type(orig).__module__.startswith("psycopg"):
        # libpq's own failures (refused, timed out, closed unexpectedly) carry no SQLSTATE.
        return ConnectionLost(SERVER_LOST)
    return None


def translate(exc: BaseException) -> StorageError | None:
    """The project's error for ``exc``, or None when it is not one a user can act on."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, sa_exc.DBAPIError):
        if exc.orig is not None:
            found = _from_driver(exc.orig)
            if found is not None:
                return found
        if exc.connection_invalidated:
            return (ConnectionLost(SERVER_LOST) if exc.orig is not None
                    and type(exc.orig).__module__.startswith("psycopg")
                    else Unreachable(CANT_OPEN))
        if isinstance(exc, sa_exc.InterfaceError):
            return Unreachable(CANT_OPEN)
        return None
    if isinstance(exc, sqlite3.Error):
        return _from_sqlite(exc)
    if isinstance(exc, OSError) and exc.errno in _OS_ERRNOS:
        kind, message = _OS_ERRNOS[exc.errno]
        return kind(_with_file(message, exc.filename) if exc.filename else message)
    return None


@contextmanager
def translated() -> Iterator[None]:
    """Re-raise database and file-system errors inside the block as :class:`StorageError`
    (the original is kept as ``__cause__`` for the log file)."""
    try:
        yield
    except StorageError:
        raise
    except (sa_exc.DBAPIError, sqlite3.Error, OSError) as exc:
        found = translate(exc)
        if found is None:
            raise
        raise found from exc
