"""QApplication set-up and the functions ``__main__`` calls to start or refuse the GUI."""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer
from PySide6.QtGui import QIcon, QWindow
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from proapp import APP_NAME, __version__, logs, paths
from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.gui.common.language import QT_TRANSLATE_NOOP, shown
from proapp.gui.common.tasks import Task

if TYPE_CHECKING:
    from proapp.gui.accounts.idle_lock import IdleLock
    from proapp.gui.patients.loading import ListLoader
    from proapp.gui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

# Start-up measurement (benchmarks/startup.py): quit as soon as the first window is painted.
ENV_EXIT_AFTER_FIRST_PAINT = "PROAPP_EXIT_AFTER_FIRST_PAINT"


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
        from proapp.gui.common import language, style, windows

        language.install()  # before any window: every text is translated when it is made
        style.apply(app)
        windows.install(app)
    assert isinstance(app, QApplication)
    return app


# The titles of the messages a start can end with (the message is a domain sentence).
CANNOT_OPEN = QT_TRANSLATE_NOOP("Startup", "proapp cannot open the database")
CANNOT_REACH = QT_TRANSLATE_NOOP("Startup", "proapp cannot reach the database server")


def show_fatal(title: str, message: object) -> int:
    """A start that cannot go on: ``title`` one of the titles above, ``message`` a sentence
    (a :class:`~proapp.domain.i18n.Msg` is written in the screens' language)."""
    application()
    QMessageBox.critical(None, QCoreApplication.translate("Startup", title), shown(message))
    return 2


def settle_memory() -> None:
    """Move everything created at start-up (Qt, matplotlib, SQLAlchemy modules: about a million
    objects) out of the garbage collector's reach. Full collections then scan only what the
    session creates, so they no longer stall the event loop for 100 ms at a time (measured by
    ``benchmarks/gui_startup.py`` while the 10,000-patient list loads).

    No collection first: at this point (after the sign-in, the list loading in its thread)
    a full ``gc.collect()`` found nothing to free in every measured start, yet took 65-75 ms
    in the GUI thread, one call holding the interpreter the list's load needs; a young one
    took 13 ms for nothing too. Freezing what is alive is what makes later collections
    cheap; an object frozen is still freed when its last reference goes."""
    gc.freeze()


def open_main_window(database: Database, actor: Actor, lock: IdleLock | None = None,
                     loader: ListLoader | None = None) -> MainWindow:
    """The main window for a signed-in user, marked when it shows a training database. Kept
    in one place so the first sign-in and a user switch build the same window; every
    feature reaches it through its actions (:mod:`proapp.gui.shell.menus`). ``loader``: the
    list's load already started (see :func:`run_gui`)."""
    from proapp.gui.shell.first_run import mark_training_window
    from proapp.gui.shell.main_window import MainWindow

    window = MainWindow(database, actor, lock=lock, loader=loader)
    mark_training_window(window, database)
    return window


class FirstPaintExit(QObject):
    """With ``$PROAPP_EXIT_AFTER_FIRST_PAINT=1``: the first window of the process to be
    exposed (sign-in, welcome or main window) quits the program right after its first paint,
    with status 0. Installed on the application before any window exists."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Expose goes to the window system's window (QWindow, a QWidgetWindow for widgets),
        # not to the QWidget; the widget paints while this event is handled.
        if (not self.done and event.type() == QEvent.Type.Expose
                and isinstance(watched, QWindow) and watched.isExposed()):
            self.done = True
            log.info("first window painted (%s): exiting as %s asks",
                     watched.title(), ENV_EXIT_AFTER_FIRST_PAINT)
            # After this event: the paint the exposure asked for happens first. exit() ends
            # every running event loop, a dialog's too, so the usual clean-up runs.
            QTimer.singleShot(0, lambda: QApplication.exit(0))
        return False


class AfterFirstPaint(QObject):
    """Runs ``work`` once: shortly after the first window of the application is painted
    (``DELAY_MS``: the window is up and has taken its first keys), or at :meth:`run_now` if
    that comes first. Watches the application's events only until then."""

    DELAY_MS = 100

    def __init__(self, app: QApplication, work: Callable[[], None]):
        super().__init__(app)
        self._app = app
        self._work: Callable[[], None] | None = work
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self._work is not None and event.type() == QEvent.Type.Expose
                and isinstance(watched, QWindow) and watched.isExposed()):
            QTimer.singleShot(self.DELAY_MS, self.run_now)  # after the paint it asks for
        return False

    def run_now(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            self._app.removeEventFilter(self)
            work()

    def cancel(self) -> None:
        if self._work is not None:
            self._work = None
            self._app.removeEventFilter(self)


def offer_kept_drafts(window: MainWindow, actor: Actor) -> None:
    """Visit drafts this computer kept for ``actor`` while the database could not be reached
    (a crash or a closed window during an outage): offered over the new main window. Usually
    there are none, and this costs one look at a folder."""
    folder = paths.kept_drafts_dir()
    if not folder.is_dir() or not any(folder.iterdir()):
        return
    from proapp.gui.visits.kept_drafts import offer_kept_drafts as offer

    dialog = offer(window, window.database, actor)
    if dialog is not None:
        dialog.restored.connect(window.visit_entries.visitSaved.emit)


def install_first_paint_exit(app: QApplication) -> FirstPaintExit | None:
    if os.environ.get(ENV_EXIT_AFTER_FIRST_PAINT) != "1":
        return None
    watcher = FirstPaintExit(app)
    app.installEventFilter(watcher)
    return watcher


GUI_SWITCH_INTERVAL_S = 0.001
# The daily backup's thread first imports the backup's service and maps the ORM (about
# 0.3 s of Python). Started with the list (listLoaded comes before the list is painted), it
# ran beside the main window's first paint, whose every call into Python (each visible
# cell's data) waited for the interpreter's lock: the first paint to the list shown took
# 45-116 ms with no event handled (10,000 patients, 2-core machine, 6 December; the 10 ms
# probe of benchmarks/gui_startup.py), against 16-19 ms with the backup started this long
# after the list, once that paint is done. A window closed before then starts no backup:
# the next start of the day makes it.
BACKUP_AFTER_LIST_MS = 100


def run_gui(database: Database) -> int:
    """First-start welcome (a new, empty default database), first administrator or
    sign-in, then the main window under the idle lock, marked when it shows a training
    database, with the crash handler installed; the daily backup starts once its list is
    shown. Returns the exit status."""
    app = application()
    logs.setup_logging()
    install_first_paint_exit(app)
    # The list loads, backups, exports and reports run in Python threads beside the GUI
    # thread, which needs the interpreter's lock each time it wakes (a key, a timer, a
    # paint: several times per event) and, at Python's default hand-over of 5 ms, waited up
    # to that long each time: the longest stalls while the list loaded measured 55-60 ms,
    # at 1 ms 32-38 ms (10,000 patients, loaded 2-core machine). A thread alone never
    # waits, so nothing is slower while the window is idle.
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    from proapp.gui.accounts import IdleLock, first_admin_or_login
    from proapp.gui.shell.crash import CrashHandler, log_file
    from proapp.gui.shell.first_run import needs_welcome, run_welcome

    handler = CrashHandler(log_file()).install()
    try:
        welcomed: Actor | None = None
        if needs_welcome(database):
            outcome = run_welcome(database)
            if outcome is None:  # cancelled before an administrator existed
                database.dispose()
                return 0
            database, welcomed = outcome.database, outcome.actor
        backup = DailyBackup(database)
        from proapp.gui.patients.loading import ListLoader

        # The patient list is read in the background while the user signs in: from the
        # sign-in dialog's first paint (not before: it would compete with the dialog for the
        # interpreter), or once the sign-in is done, whichever comes first. The first main
        # window adopts the load and shows the list as soon as it is built. Nothing read is
        # shown before the sign-in, and it is dropped when nobody signs in.
        first_load: list[ListLoader] = [ListLoader(database)]
        early = AfterFirstPaint(app, first_load[0].reload)
        try:
            actor = welcomed or first_admin_or_login(database, on_submit=early.run_now)
            if actor is None:  # cancelled: nobody signed in, nothing to show
                early.cancel()
                first_load.pop().stop()
                return 0
            early.run_now()
            lock = IdleLock(database, actor, parent=app)
            windows: list[MainWindow] = []

            def open_main(who: Actor) -> None:
                # the first window adopts the load started at sign-in; a user switch reloads
                window = open_main_window(database, who, lock,
                                          first_load.pop() if first_load else None)
                windows[:] = [window]
                # The day's backup starts once the list is on the screen, off the GUI thread,
                # and after the paint that shows it: see BACKUP_AFTER_LIST_MS.
                window.listLoaded.connect(lambda _n, w=window: QTimer.singleShot(
                    BACKUP_AFTER_LIST_MS, w, lambda: backup.start(w)))
                window.show()
                log.info("main window open on %s for %s", database.display_name,
                         who.username)
                offer_kept_drafts(window, who)

            settle_memory()
            open_main(actor)
            lock.switched.connect(open_main)
            try:
                return app.exec()
            finally:
                backup.wait()
                lock.uninstall()
                lock.setParent(None)  # freed with this frame, not left on the application
        finally:
            early.cancel()
            for loader in first_load:  # not adopted (an error before the window)
                loader.stop()
            database.dispose()
    finally:
        handler.uninstall()
        sys.setswitchinterval(switch_interval)


class DailyBackup:
    """The first start of the day backs up the database (a consistent copy, checked with
    ``quick_check``: the whole-file check that opening no longer does), in the background
    after the first list is shown; a failure is shown, not fatal. Runs once per process."""

    def __init__(self, database: Database):
        self.database = database
        self.task: Task | None = None
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)

    def start(self, parent: QWidget) -> None:
        if self.task is not None:
            return
        database = self.database

        def back_up(_progress: object) -> object:
            # In the backup's thread: the backup's service and with it the ORM's models,
            # which nothing on the screen needs yet (the list is read without them), imported
            # and mapped off the GUI thread (imported there, as the list was shown, a 150 ms
            # stall; mapped at the first visit saved, 40 ms more in that save's stall).
            from proapp.db import models
            from proapp.services.integrity.backup import ensure_daily_backup

            models.configure()
            return ensure_daily_backup(database)

        self.task = Task(back_up)
        self.task.signals.finished.connect(self._done)
        self.task.signals.failed.connect(lambda exc: self._failed(parent, exc))
        self.pool.start(self.task)

    def wait(self) -> None:
        self.pool.waitForDone()

    @staticmethod
    def _done(made: object) -> None:
        if made is not None:
            log.info("daily backup written to %s", made)

    @staticmethod
    def _failed(parent: QWidget, exc: BaseException) -> None:
        log.error("daily backup failed: %s", exc)
        try:
            shown = parent if parent.isVisible() else None
        except RuntimeError:  # the window is gone (user switch, quit)
            shown = None
        QMessageBox.warning(shown, QCoreApplication.translate("DailyBackup", "Backup failed"),
                            QCoreApplication.translate(
                                "DailyBackup", "The daily backup could not be written: "
                                "{error}\n\nproapp continues; ask IT to check the backup "
                                "folder (setting backup_dir).").format(error=exc))
