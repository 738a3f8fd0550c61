"""For tests of the real start-up (``run_gui``): look at the main window once it shows its
list, then close it so that ``run_gui`` returns."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from proapp.gui.shell.main_window import MainWindow


def when_filled(look: Callable[[MainWindow], None], *, every_ms: int = 20,
                until: Callable[[], bool] = lambda: True) -> None:
    """From the event loop ``run_gui`` is about to run: wait (polling every ``every_ms``, the
    list loads in the background) for a visible main window with rows, call
    ``look(window)``, then close it once ``until()`` holds (polled as often)."""

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or windows[0].patients.model.rowCount() == 0:
            QTimer.singleShot(every_ms, poll)
            return
        look(windows[0])
        close_when_done(windows[0])

    def close_when_done(window: MainWindow) -> None:
        if until():
            window.close()
        else:
            QTimer.singleShot(every_ms, lambda: close_when_done(window))

    QTimer.singleShot(0, poll)
