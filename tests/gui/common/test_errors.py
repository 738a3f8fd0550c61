"""Errors a user can act on are shown plainly; bugs go to the log and the crash dialog."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.exc import OperationalError
from tests.conftest import make_facts

from proapp import logs
from proapp.db.engine import Database, make_engine, sqlite_url
from proapp.db.errors import StorageError
from proapp.domain.actor import Actor
from proapp.gui.common.errors import plain_error
from proapp.gui.shell.crash import CrashHandler, log_file
from proapp.services import patients
from proapp.services.errors import ConflictError

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")]


def sa_error(message: str) -> OperationalError:
    return OperationalError("INSERT ...", {}, sqlite3.OperationalError(message))


@pytest.mark.parametrize(("message", "title"), [
    ("database is locked", "The database is busy"),
    ("attempt to write a readonly database", "The database is read-only"),
    ("database or disk is full", "The disk is full"),
    ("disk I/O error", "The database could not be read or written"),
])
def test_sqlite_errors_get_plain_messages(message: str, title: str) -> None:
    plain = plain_error(sa_error(message))
    assert plain is not None
    assert plain.title == title
    assert "Nothing was saved" in plain.message


def test_real_read_only_database_is_a_user_error(db: Database, actor: Actor) -> None:
    path = db.path
    assert path is not None
    ro = Database(make_engine(sqlite_url(path) .replace("sqlite:///", "sqlite:///file:")
                              + "?mode=ro&uri=true"), sqlite_url(path))
    try:
        with pytest.raises(StorageError) as info:
            patients.create_patient(ro, actor, make_facts("RO1"))
    finally:
        ro.dispose()
    plain = plain_error(info.value)
    assert plain is not None
    assert "read-only" in plain.title
    assert patients.count(db) == 0


def test_user_and_validation_errors_are_plain() -> None:
    from proapp.domain.validation import ValidationError, error

    v = plain_error(ValidationError([error("patient.code", "code.unique", "Code is taken")]))
    assert v is not None
    assert "Code is taken" in v.message
    c = plain_error(ConflictError("changed by someone else"))
    assert c is not None
    assert c.message == "changed by someone else"
    assert plain_error(sa_error("no such table: patient")) is None  # a bug, not the user's
    assert plain_error(KeyError("x")) is None


def test_crash_handler_logs_and_shows_a_dialog_and_the_app_keeps_running(qtbot) -> None:
    log_path = log_file()  # where the file handler writes (logging is set up once a process)
    handler = CrashHandler()
    assert handler.log_path == log_path
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        handler(*sys.exc_info())
    dialog = handler.last_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert str(log_path) in dialog.log_label.text()
    assert "RuntimeError: boom in a slot" in dialog.details.toPlainText()
    text = Path(log_path).read_text(encoding="utf-8")
    assert "unexpected error" in text
    assert "RuntimeError: boom in a slot" in text
    assert "Traceback" in text
    # a second error while the dialog is open is logged, not stacked
    try:
        raise ValueError("second")
    except ValueError:
        handler(*sys.exc_info())
    assert handler.last_dialog is dialog
    assert "ValueError: second" in Path(log_path).read_text(encoding="utf-8")
    dialog.close()
    qtbot.waitUntil(lambda: handler.last_dialog is None)
    assert QApplication.instance() is not None


def test_user_error_reaching_the_hook_is_a_plain_message(qtbot) -> None:
    handler = CrashHandler(logs.setup_logging())
    try:
        raise sa_error("database is locked")
    except OperationalError:
        handler(*sys.exc_info())
    assert handler.last_dialog is None
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    assert any(b.windowTitle() == "The database is busy" for b in boxes)
    for b in boxes:
        b.close()


def test_install_and_uninstall() -> None:
    before = sys.excepthook
    h = CrashHandler(logs.setup_logging()).install()
    assert sys.excepthook is h
    h.uninstall()
    assert sys.excepthook is before
