"""Errors a user can act on, in plain words.

A locked or read-only database, a full disk or invalid input is not a bug: the user (or IT) can
do something about it, so it is shown as a short message that says what happened and what to
do. The words come from :func:`proapp.services.errors.plain_error`, the same the command line
prints. Everything else is a bug and goes to the crash dialog (:mod:`proapp.gui.shell.crash`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from proapp.domain.validation import ValidationError
from proapp.services.errors import PlainError, plain_error

__all__ = ["PlainError", "error_text", "plain_error", "show_error"]


def error_text(exc: BaseException) -> str:
    """One line (or a few bullet lines) for a form's error label; a bug's own text otherwise."""
    if isinstance(exc, ValidationError):
        return "\n".join(i.message for i in exc.issues)
    plain = plain_error(exc)
    return str(exc) if plain is None else plain.message


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
