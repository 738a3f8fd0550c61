"""The crash dialog: what an unexpected error (a bug) looks like to the user.

``run_gui`` installs :class:`CrashHandler` as ``sys.excepthook``; PySide routes exceptions
raised in slots and event handlers there. The traceback goes to the log file first, then a
non-blocking dialog says what happened and where the log is, and the application keeps
running. Errors the user can act on (see :mod:`proapp.gui.common.errors`) that escape a slot are
shown as plain messages instead. Visit entry autosaves drafts, so nothing typed is lost.
"""

from __future__ import annotations

import html
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from proapp import logs
from proapp.gui.common.errors import plain_error
from proapp.gui.common.language import shown

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    def __init__(self, summary: str, details: str, log_path: Path,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("proapp: unexpected error"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        head = QLabel("<b>" + html.escape(self.tr("Something went wrong inside proapp.")) + "</b>")
        text = QLabel(self.tr(
            "{summary}<br><br>This is a bug, not something you did wrong. The program keeps "
            "running; visits you were entering are kept as drafts and offered again when you "
            "open the patient.<br><br>The details were written to the log file:<br>"
            "<code>{log}</code><br>Please send that file to your IT contact.").format(
                summary=html.escape(summary), log=html.escape(str(log_path))))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label = text
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setObjectName("crashDetails")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setAutoDefault(False)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        for w in (head, text, self.details, buttons):
            layout.addWidget(w)


def log_file() -> Path:
    """The file the traceback really goes to: the root logger's file handler (set up once per
    process by :func:`proapp.logs.setup_logging`)."""
    path = logs.setup_logging()
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler) \
                and Path(handler.baseFilename).name == logs.LOG_NAME:
            return Path(handler.baseFilename)
    return path


class CrashHandler:
    """``sys.excepthook``: log, then show; never lets one bug end the session."""

    def __init__(self, log_path: Path | None = None):
        self.log_path = log_path or log_file()
        self.previous = sys.excepthook
        self.last_dialog: CrashDialog | None = None
        self.last_message: QMessageBox | None = None
        self._showing = False

    def install(self) -> CrashHandler:
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(self, exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        plain = plain_error(exc)
        app = QApplication.instance()
        parent = app.activeWindow() if isinstance(app, QApplication) else None
        if plain is not None:
            log.warning("user error reached the top level: %s", exc)
            if app is not None:
                box = QMessageBox(QMessageBox.Icon.Warning,
                                  QCoreApplication.translate("PlainError", plain.title),
                                  shown(plain.message), QMessageBox.StandardButton.Ok, parent)
                box.setObjectName("userErrorBox")
                self.last_message = box  # keep it alive: a parentless box would be collected
                box.open()
            return
        log.critical("unexpected error:\n%s", details)
        for handler in logging.getLogger().handlers:
            handler.flush()
        if app is None or self._showing:  # no GUI yet, or a crash inside the crash dialog
            return
        self._showing = True
        try:
            dialog = CrashDialog(f"{exc_type.__name__}: {exc}", details, self.log_path, parent)
            dialog.finished.connect(self._closed)
            self.last_dialog = dialog
            dialog.open()  # not exec(): the event loop (and autosave) keeps running
        except Exception:  # never recurse into ourselves
            self._showing = False
            log.exception("could not show the crash dialog")

    def _closed(self, _result: int) -> None:
        self._showing = False
        # Drop our reference (which deletes the dialog) after its finished() signal returns.
        QTimer.singleShot(0, self._forget)

    def _forget(self) -> None:
        if not self._showing:
            self.last_dialog = None
