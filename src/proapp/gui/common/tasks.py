"""Running slow services (PDFs, exports, imports, analysis) off the GUI thread.

The worker only calls the service; progress and the result travel back by queued signals,
so no widget is touched from the worker thread. Cancel sets an event the service polls
through :class:`~proapp.services.progress.Progress`.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from proapp.services.errors import plain_error
from proapp.services.progress import Cancelled, Progress

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # the result
    failed = Signal(object)  # the exception
    cancelled = Signal()


class Task(QRunnable):
    """``fn(progress)`` run in the global thread pool."""

    def __init__(self, fn: Callable[[Progress], Any]):
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()
        self.progress = Progress(callback=self.signals.progress.emit)
        self.setAutoDelete(False)  # the caller keeps it until a final signal arrives

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported to the GUI thread, which shows or re-raises it
            if plain_error(exc) is None:
                log.error("background task failed:\n%s", traceback.format_exc())
            else:  # a refusal the user is shown; not a bug
                log.info("background task refused: %s", exc)
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)

    def cancel(self) -> None:
        self.progress.cancel()


def run_with_progress(parent: QWidget | None, title: str, fn: Callable[[Progress], Any], *,
                      on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None],
                      on_cancel: Callable[[], None] | None = None,
                      pool: QThreadPool | None = None) -> Task:
    """Start ``fn`` in the background behind a modal progress dialog with a Cancel button."""
    task = Task(fn)
    dialog = QProgressDialog(title, QCoreApplication.translate("Task", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    # wide enough for its title and label, which the window manager would otherwise elide
    dialog.setMinimumWidth(max(380, dialog.fontMetrics().horizontalAdvance(title) + 120))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done)
        if message:
            dialog.setLabelText(message)

    def close() -> None:
        dialog.reset()
        dialog.close()
        dialog.deleteLater()

    def done(result: Any) -> None:
        close()
        on_done(result)

    def failed(exc: BaseException) -> None:
        close()
        on_error(exc)

    def cancelled() -> None:
        close()
        if on_cancel is not None:
            on_cancel()

    task.signals.progress.connect(progress)
    task.signals.finished.connect(done)
    task.signals.failed.connect(failed)
    task.signals.cancelled.connect(cancelled)
    dialog.canceled.connect(task.cancel)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
