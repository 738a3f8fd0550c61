"""For tests of the real start-up (``run_gui``): look at the main window once it shows its
list, then close it so that ``run_gui`` returns."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from proapp.gui.shell.main_window import MainWindow


def when_filled(look: Callable[[MainWindow], None]) -> None:
    """From the event loop ``run_gui`` is about to run: wait (polling, the list loads in the
    background) for a visible main window with rows, call ``look(window)``, close it."""

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or windows[0].patients.model.rowCount() == 0:
            QTimer.singleShot(20, poll)
            return
        look(windows[0])
        windows[0].close()

    QTimer.singleShot(0, poll)
