"""QApplication set-up and the functions ``__main__`` calls to start or refuse the GUI."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from proapp import APP_NAME, __version__, paths
from proapp.db.engine import Database


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setOrganizationName(APP_NAME)
        app.setApplicationVersion(__version__)
        app.setDesktopFileName("proapp")
        icon = paths.resource("icons", "proapp.svg")
        if icon.exists():
            app.setWindowIcon(QIcon(str(icon)))
    assert isinstance(app, QApplication)
    return app


def show_fatal(title: str, message: str) -> int:
    application()
    QMessageBox.critical(None, title, message)
    return 2


def run_gui(database: Database) -> int:
    app = application()
    from proapp.gui.main_window import MainWindow

    window = MainWindow(database)
    window.show()
    try:
        return app.exec()
    finally:
        database.dispose()
