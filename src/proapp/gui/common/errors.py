"""Errors a user can act on, in plain words.

A locked or read-only database, a full disk or invalid input is not a bug: the user (or IT) can
do something about it, so it is shown as a short message that says what happened and what to
do. Everything else is a bug and goes to the crash dialog (:mod:`proapp.gui.shell.crash`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import OperationalError

from proapp.db import server
from proapp.domain.validation import ValidationError
from proapp.services.errors import UserError


@dataclass(frozen=True)
class PlainError:
    title: str
    message: str


# (substring of the SQLite message, title, what to tell the user). First match wins.
_SQLITE_MESSAGES: tuple[tuple[str, str, str], ...] = (
    ("database is locked", "The database is busy",
     "Another program or workstation is writing to the database and did not finish within "
     "30 seconds. Nothing was saved. Wait a moment and try again; if it keeps happening, "
     "close proapp on the other computers."),
    ("lock timeout", "The database is busy",
     "Another workstation is writing to the database and did not finish within 30 seconds. "
     "Nothing was saved. Wait a moment and try again."),
    ("readonly", "The database is read-only",
     "proapp may read this database but not change it (file or folder permissions, or a "
     "read-only share). Nothing was saved. Ask IT to give you write access, or open a copy "
     "you may change."),
    ("database or disk is full", "The disk is full",
     "There is no space left where the database is stored. Nothing was saved. Free some disk "
     "space (or ask IT to) and try again."),
    ("disk i/o", "The database could not be read or written",
     "The operating system reported a disk or network error while using the database. "
     "Nothing was saved. Check that the drive or network share is connected, then try again."),
    ("unable to open database", "The database cannot be opened",
     "The database file or its folder is not reachable (moved, renamed, or a network share "
     "that is disconnected). Nothing was saved."),
)


def _sqlite_text(exc: BaseException) -> str | None:
    if isinstance(exc, OperationalError):
        return str(exc.orig if exc.orig is not None else exc)
    if isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError):
        return str(exc)
    return None


def plain_error(exc: BaseException) -> PlainError | None:
    """The plain message for an error a user can act on, or None for a bug."""
    if isinstance(exc, ValidationError):
        lines = [i.message for i in exc.issues] if getattr(exc, "issues", None) else [str(exc)]
        return PlainError("Please check the input", "\n".join(f"• {m}" for m in lines))
    if isinstance(exc, UserError):
        return PlainError("Cannot do that", str(exc))
    if server.is_connection_lost(exc):
        return PlainError("The database server cannot be reached",
                          server.ServerUnavailable.MESSAGE)
    text = _sqlite_text(exc)
    if text is not None:
        low = text.lower()
        for needle, title, message in _SQLITE_MESSAGES:
            if needle in low:
                return PlainError(title, message)
    if isinstance(exc, OSError) and exc.errno == 28:  # ENOSPC outside SQLite (log, export)
        return PlainError("The disk is full", "There is no space left on the disk. Free some "
                          "space and try again.")
    return None


def show_error(parent: QWidget | None, exc: BaseException, doing: str = "") -> None:
    """Show a user error plainly; re-raise anything else so the crash handler reports it."""
    plain = plain_error(exc)
    if plain is None:
        raise exc
    box = QMessageBox(QMessageBox.Icon.Warning, plain.title,
                      (f"Could not {doing}.\n\n" if doing else "") + plain.message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("userErrorBox")
    box.exec()
