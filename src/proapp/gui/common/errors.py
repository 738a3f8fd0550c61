"""Errors a user can act on, in plain words.

A locked or read-only database, a full disk or invalid input is not a bug: the user (or IT) can
do something about it, so it is shown as a short message that says what happened and what to
do. The words come from :func:`proapp.services.errors.plain_error`, the same the command line
prints; the screens show the headings, and every rule's sentence, in their language.
Everything else is a bug and goes to the crash dialog (:mod:`proapp.gui.shell.crash`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from proapp.domain.validation import ValidationError
from proapp.gui.common.language import QT_TRANSLATE_NOOP, shown
from proapp.services.errors import PlainError, plain_error

__all__ = ["PlainError", "error_text", "plain_error", "show_error"]

# The headings services.errors and db.errors give (for pyside6-lupdate).
TITLES = (QT_TRANSLATE_NOOP("PlainError", "Please check the input"),
          QT_TRANSLATE_NOOP("PlainError", "Cannot do that"),
          QT_TRANSLATE_NOOP("PlainError", "The database cannot be used"),
          QT_TRANSLATE_NOOP("PlainError", "The database is busy"),
          QT_TRANSLATE_NOOP("PlainError", "The disk is full"),
          QT_TRANSLATE_NOOP("PlainError", "The database is read-only"),
          QT_TRANSLATE_NOOP("PlainError", "The database cannot be reached"),
          QT_TRANSLATE_NOOP("PlainError", "The database server cannot be reached"),
          QT_TRANSLATE_NOOP("PlainError", "The database could not be read or written"),
          QT_TRANSLATE_NOOP("PlainError", "No permission"),
          QT_TRANSLATE_NOOP("PlainError", "proapp cannot open the database"))


def error_text(exc: BaseException) -> str:
    """One line (or a few bullet lines) for a form's error label; a bug's own text otherwise."""
    if isinstance(exc, ValidationError):
        return "\n".join(shown(i.message) for i in exc.issues)
    plain = plain_error(exc)
    return str(exc) if plain is None else shown(plain.message)


def show_error(parent: QWidget | None, exc: BaseException, doing: str = "") -> None:
    """Show a user error plainly; re-raise anything else so the crash handler reports it.
    ``doing`` is already in the screens' language ("save the patient")."""
    plain = plain_error(exc)
    if plain is None:
        raise exc
    message = shown(plain.message)
    if isinstance(exc, ValidationError) and getattr(exc, "issues", None):
        message = "\n".join(f"• {shown(i.message)}" for i in exc.issues)
    if doing:
        message = QCoreApplication.translate("PlainError", "Could not {doing}.").format(
            doing=doing) + "\n\n" + message
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("PlainError", plain.title), message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("userErrorBox")
    box.exec()
