"""QApplication set-up and the functions ``__main__`` calls to start or refuse the GUI."""

from __future__ import annotations

import gc
import getpass
import logging
import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from proapp import APP_NAME, __version__, logs, paths
from proapp.db.engine import Actor, Database

log = logging.getLogger(__name__)


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
        from proapp.gui import style

        style.apply(app)
    assert isinstance(app, QApplication)
    return app


def show_fatal(title: str, message: str) -> int:
    application()
    QMessageBox.critical(None, title, message)
    return 2


def local_actor() -> Actor:
    """The operating-system user, until staff sign-in provides the signed-in user."""
    try:
        name = getpass.getuser()
    except Exception:  # no user name in the environment (some services, containers)
        name = "unknown"
    return Actor(name)


def settle_memory() -> None:
    """Move everything created at start-up (Qt, matplotlib, SQLAlchemy modules: about a million
    objects) out of the garbage collector's reach. Full collections then scan only what the
    session creates, so they no longer stall the event loop for 100 ms at a time (measured by
    ``benchmarks/gui_startup.py`` while the 10,000-patient list loads)."""
    gc.collect()
    gc.freeze()


def run_gui(database: Database, actor: Actor | None = None) -> int:
    app = application()
    logs.setup_logging()
    from proapp.gui.crash import CrashHandler, log_file
    from proapp.gui.main_window import MainWindow

    handler = CrashHandler(log_file()).install()
    settle_memory()
    window = MainWindow(database, actor or local_actor())
    window.show()
    log.info("main window open on %s", database.display_name)
    try:
        return app.exec()
    finally:
        handler.uninstall()
        database.dispose()
