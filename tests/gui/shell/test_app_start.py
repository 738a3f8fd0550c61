"""The real start-up path: run_gui shows the main window with the crash handler installed."""

from __future__ import annotations

import sys
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu
from tests.support.main_window import when_filled

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.gui.shell.app import GUI_SWITCH_INTERVAL_S, run_gui
from proapp.gui.shell.crash import CrashHandler
from proapp.gui.shell.main_window import MainWindow

FEATURE_ACTIONS = ("actReport", "actBatchReports", "actExport", "actImport", "actNewPatient",
                   "actNewVisit", "actChangeLog", "actLockNow")

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")]


def test_run_gui_shows_the_window_with_the_crash_handler(
        qapp, db: Database, patient_id: int, actor: Actor,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import proapp.gui.accounts as gui_accounts

    # Sign-in itself is driven by tests/gui/accounts/test_account_dialogs.py; here it succeeds.
    monkeypatch.setattr(gui_accounts, "first_admin_or_login", lambda _db, **_kw: actor)
    seen: dict[str, object] = {}
    before, switch = sys.excepthook, sys.getswitchinterval()

    def look(w: MainWindow) -> None:
        seen["hook"] = sys.excepthook
        seen["switch"] = sys.getswitchinterval()
        seen["rows"] = w.patients.model.rowCount()
        seen["status"] = w.db_label.full_text()
        seen["user"] = w.user_label.text()
        seen["menus"] = [a.text() for a in w.menuBar().actions()]
        seen["features"] = sorted(a.objectName() for m in w.menuBar().findChildren(QMenu)
                                  for a in m.actions()
                                  if a.objectName() in FEATURE_ACTIONS)

    when_filled(look)
    assert run_gui(db) == 0
    assert isinstance(seen["hook"], CrashHandler)
    assert seen["rows"] == 1
    assert seen["status"] == f"Database: {db.display_name}"
    assert seen["user"] == "Signed in: nurse.test (nurse)"
    # the window run_gui opens reaches every feature from its menus
    assert seen["menus"] == ["&File", "&Patient", "&View", "&Help", "&Account (nurse.test)"]
    assert seen["features"] == sorted(FEATURE_ACTIONS)
    assert sys.excepthook is before  # uninstalled when the application ends
    # the GUI thread gets the interpreter back quickly from background threads, and the
    # interval is the caller's again after the application ended
    assert seen["switch"] == GUI_SWITCH_INTERVAL_S < switch
    assert sys.getswitchinterval() == switch


def test_a_cancelled_sign_in_ends_the_early_list_load(
        qapp, db: Database, patient_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """run_gui reads the list while the user signs in (from the sign-in dialog's first
    paint); nobody signing in before any paint starts no load, shows nothing and leaves
    nothing running behind the closed database."""
    import proapp.gui.accounts as gui_accounts
    from proapp.gui.patients.loading import ListLoader

    loaders: list[ListLoader] = []
    real_reload = ListLoader.reload

    def reload(self: ListLoader) -> None:
        loaders.append(self)
        real_reload(self)

    monkeypatch.setattr(ListLoader, "reload", reload)
    monkeypatch.setattr(gui_accounts, "first_admin_or_login", lambda _db, **_kw: None)
    assert run_gui(db) == 0
    assert loaders == []
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()]


def test_the_early_list_load_waits_for_the_sign_in_dialogs_first_paint(
        qapp, db: Database, patient_id: int, actor: Actor,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """While the sign-in dialog is up, the list's load starts once the dialog is painted (not
    before: it would slow the dialog down), and the main window then shows it."""
    from PySide6.QtWidgets import QDialog

    import proapp.gui.accounts as gui_accounts
    from proapp.gui.patients.loading import ListLoader

    started: list[bool] = []
    real_reload = ListLoader.reload

    def reload(self: ListLoader) -> None:
        started.append(True)
        real_reload(self)

    monkeypatch.setattr(ListLoader, "reload", reload)
    seen: dict[str, object] = {}

    def sign_in(_db: Database, **_kw: object) -> Actor:
        dialog = QDialog()
        dialog.resize(300, 200)
        seen["before_show"] = len(started)
        QTimer.singleShot(300, dialog.accept)
        dialog.exec()
        seen["after_dialog"] = len(started)
        return actor

    monkeypatch.setattr(gui_accounts, "first_admin_or_login", sign_in)

    when_filled(lambda w: seen.update(rows=w.patients.model.rowCount()))
    assert run_gui(db) == 0
    assert seen["before_show"] == 0
    assert seen["after_dialog"] == 1  # started from the dialog's paint, once
    assert seen["rows"] == 1
    assert len(started) == 1  # the window adopted it: no second load


def test_a_sign_in_cancelled_after_the_dialog_painted_stops_the_load(
        qapp, db: Database, patient_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QDialog

    import proapp.gui.accounts as gui_accounts
    from proapp.gui.patients.loading import ListLoader

    loaders: list[ListLoader] = []
    real_reload = ListLoader.reload

    def reload(self: ListLoader) -> None:
        loaders.append(self)
        real_reload(self)

    monkeypatch.setattr(ListLoader, "reload", reload)

    def sign_in(_db: Database, **_kw: object) -> None:
        dialog = QDialog()
        dialog.resize(300, 200)
        QTimer.singleShot(300, dialog.reject)
        dialog.exec()

    monkeypatch.setattr(gui_accounts, "first_admin_or_login", sign_in)
    assert run_gui(db) == 0
    assert len(loaders) == 1
    assert loaders[0].wait(0)  # stopped: nothing runs behind the closed database
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()]


def test_the_daily_backup_starts_after_the_list_is_painted(
        qapp, db: Database, patient_id: int, actor: Actor,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Not beside the main window's first paint (its thread imports and maps the ORM): when
    the list is filled no backup has started; it is made once the window shows the list."""
    import proapp.gui.accounts as gui_accounts
    from proapp.gui.shell import app as shell_app
    from proapp.services.integrity import backup

    monkeypatch.setattr(gui_accounts, "first_admin_or_login", lambda _db, **_kw: actor)
    started: list[float] = []
    real_start = shell_app.DailyBackup.start

    def start(self: shell_app.DailyBackup, parent: object) -> None:
        started.append(time.perf_counter())
        real_start(self, parent)  # type: ignore[arg-type]

    monkeypatch.setattr(shell_app.DailyBackup, "start", start)
    seen: dict[str, object] = {}

    def look(_window: MainWindow) -> None:
        seen["filled"] = time.perf_counter()
        seen["started_when_filled"] = bool(started)

    when_filled(look, every_ms=5, until=lambda: bool(started))
    assert run_gui(db) == 0  # (it waits for the backup before it returns)
    assert seen["started_when_filled"] is False
    assert started and started[0] - float(str(seen["filled"])) > 0.05
    assert len(backup.list_backups(backup.backup_dir(db))) == 1
