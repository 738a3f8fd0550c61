"""Errors a user can act on, raised by services and shown plainly by the GUI and the CLI."""

from __future__ import annotations

from proapp.domain.validation import Issue, ValidationError

__all__ = ["ConflictError", "LockedError", "NotFoundError", "PermissionDenied",
           "ReasonRequired", "UserError", "ValidationError", "WarningsNeedConfirmation"]


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
