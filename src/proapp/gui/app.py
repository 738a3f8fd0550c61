"""QApplication set-up and the functions ``__main__`` calls to start or refuse the GUI."""

from __future__ import annotations

import gc
import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from proapp import APP_NAME, __version__, logs, paths
from proapp.db.engine import Actor, Database

if TYPE_CHECKING:
    from proapp.gui.main_window import MainWindow

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


def settle_memory() -> None:
    """Move everything created at start-up (Qt, matplotlib, SQLAlchemy modules: about a million
    objects) out of the garbage collector's reach. Full collections then scan only what the
    session creates, so they no longer stall the event loop for 100 ms at a time (measured by
    ``benchmarks/gui_startup.py`` while the 10,000-patient list loads)."""
    gc.collect()
    gc.freeze()


def open_main_window(database: Database, actor: Actor) -> MainWindow:
    """The main window with every feature's entry points connected (reports, export, import).
    Kept in one place so the first sign-in and a user switch build the same window."""
    from proapp.gui.dialogs.export_dialog import open_export_dialog
    from proapp.gui.dialogs.import_dialog import open_import_dialog
    from proapp.gui.main_window import MainWindow
    from proapp.gui.report_dialog import export_reports_for, open_report_dialog

    window = MainWindow(database, actor)
    window.reportRequested.connect(
        lambda patient_id: open_report_dialog(window, database, actor, patient_id))
    window.batchReportsRequested.connect(
        lambda ids: export_reports_for(window, database, actor, ids))
    window.exportRequested.connect(lambda: open_export_dialog(window, database, actor))
    window.importRequested.connect(
        lambda: open_import_dialog(window, database, actor).imported.connect(
            lambda _report: window.reload()))
    return window


def run_gui(database: Database) -> int:
    """Daily backup, first administrator or sign-in, then the main window under the idle
    lock, with the crash handler installed. Returns the exit status."""
    app = application()
    logs.setup_logging()
    from proapp.gui.accounts import IdleLock, first_admin_or_login
    from proapp.gui.accounts.menu import install_account_menu
    from proapp.gui.crash import CrashHandler, log_file

    handler = CrashHandler(log_file()).install()
    daily_backup(database)
    try:
        actor = first_admin_or_login(database)
        if actor is None:  # cancelled: nobody signed in, nothing to show
            return 0
        lock = IdleLock(database, actor, parent=app)
        windows: list[object] = []

        def open_main(who: Actor) -> None:
            window = open_main_window(database, who)
            install_account_menu(window, database, who, lock)
            windows[:] = [window]
            window.show()
            log.info("main window open on %s for %s", database.display_name, who.username)

        settle_memory()
        open_main(actor)
        lock.switched.connect(open_main)
        try:
            return app.exec()
        finally:
            lock.uninstall()
            lock.setParent(None)  # freed with this frame, not left on the application
    finally:
        handler.uninstall()
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
