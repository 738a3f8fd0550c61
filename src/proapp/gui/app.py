"""QApplication set-up and the functions ``__main__`` calls to start or refuse the GUI."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from proapp import APP_NAME, __version__, paths
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
    assert isinstance(app, QApplication)
    return app


def show_fatal(title: str, message: str) -> int:
    application()
    QMessageBox.critical(None, title, message)
    return 2


def run_gui(database: Database) -> int:
    """Daily backup, first administrator or sign-in, then the main window under the idle
    lock. Returns the exit status."""
    app = application()
    from proapp.gui.accounts import IdleLock, first_admin_or_login
    from proapp.gui.accounts.menu import install_account_menu
    from proapp.gui.main_window import MainWindow

    daily_backup(database)
    try:
        actor = first_admin_or_login(database)
        if actor is None:  # cancelled: nobody signed in, nothing to show
            return 0
        lock = IdleLock(database, actor, parent=app)
        windows: list[MainWindow] = []

        def open_main(who: Actor) -> None:
            window = MainWindow(database, who)
            install_account_menu(window, database, who, lock)
            windows[:] = [window]
            window.show()

        open_main(actor)
        lock.switched.connect(open_main)
        try:
            return app.exec()
        finally:
            lock.uninstall()
            lock.setParent(None)  # freed with this frame, not left on the application
    finally:
        database.dispose()


def daily_backup(database: Database) -> None:
    """The first start of the day backs up the database; a failure is shown, not fatal."""
    from proapp.services.backup import ensure_daily_backup

    try:
        made = ensure_daily_backup(database)
    except Exception as exc:  # disk full, folder gone: say so, keep working
        log.exception("daily backup failed")
        QMessageBox.warning(None, "Backup failed",
                            f"The daily backup could not be written: {exc}\n\nproapp "
                            "continues; ask IT to check the backup folder (setting "
                            "backup_dir).")
        return
    if made is not None:
        log.info("daily backup written to %s", made)
