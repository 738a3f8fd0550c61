"""Errors a user can act on, raised by services and shown plainly by the GUI and the CLI.

:func:`plain_error` is the one place that turns any exception into the words a user sees, for
the GUI's message boxes and the CLI's single stderr line alike: service errors as they are,
database and file-system errors as translated at the db boundary (:mod:`proapp.db.errors`).
It returns None for a bug, which then goes to the crash dialog or the log file.
"""

from __future__ import annotations

from dataclasses import dataclass

from proapp.db.errors import StorageError, translate
from proapp.domain.validation import Issue, ValidationError

__all__ = ["ConflictError", "LockedError", "NotFoundError", "PermissionDenied", "PlainError",
           "ReasonRequired", "UserError", "ValidationError", "WarningsNeedConfirmation",
           "plain_error"]


class UserError(Exception):
    """Base for problems the user can fix; the message is shown as it is."""


class NotFoundError(UserError):
    pass


class ConflictError(UserError):
    """Someone else changed the record since it was opened (optimistic locking)."""


class LockedError(UserError):
    """The record is signed/locked and cannot be changed without unlocking."""


class ReasonRequired(UserError):
    """Changing completed data needs a reason for the change log."""


class PermissionDenied(UserError):
    pass


class WarningsNeedConfirmation(ValidationError):
    """Only soft warnings stand in the way; the caller may confirm them and save again."""

    def __init__(self, issues: list[Issue]):
        super().__init__(issues)


@dataclass(frozen=True)
class PlainError:
    title: str
    message: str


def plain_error(exc: BaseException) -> PlainError | None:
    """The plain words for an error a user can act on, or None for a bug.

    Never includes SQL, its parameters or a traceback: a database error's own text stays in
    the log file."""
    if isinstance(exc, ValidationError):
        lines = [i.message for i in exc.issues] if getattr(exc, "issues", None) else [str(exc)]
        return PlainError("Please check the input", "\n".join(f"• {m}" for m in lines))
    if isinstance(exc, UserError):
        # the sentence itself, so a screen can write it in its language (a Msg is a str)
        said = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
        return PlainError("Cannot do that", said)
    found = translate(exc)
    if isinstance(found, StorageError):
        said = (found.args[0] if len(found.args) == 1 and isinstance(found.args[0], str)
                else str(found))
        return PlainError(found.title, said)
    return None
