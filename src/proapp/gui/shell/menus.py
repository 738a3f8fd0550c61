"""Every menu and the tool bar of the main window, in one place.

The entries are the features' actions (each feature's ``actions`` module: what it is called,
its shortcut, what it needs selected, and how it runs) plus the window's own (tabs, reload,
quit, help). The main window builds its menu bar and tool bar from :data:`MENUS` and
:data:`TOOLBAR` and nothing else adds to them, so this file is the map of what a user can
do from the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from proapp import APP_NAME
from proapp.domain.actor import Permission, can
from proapp.gui.accounts import actions as accounts
from proapp.gui.analysis import actions as analysis
from proapp.gui.common.actions import SEPARATOR, Action, Entries, Host, Needs
from proapp.gui.common.language import QT_TRANSLATE_NOOP
from proapp.gui.exchange import actions as exchange
from proapp.gui.patients import actions as patients
from proapp.gui.reports import actions as reports
from proapp.gui.visits import actions as visits

if TYPE_CHECKING:
    from proapp.gui.shell.main_window import MainWindow


def _on_window(method: Callable[[MainWindow], object]) -> Callable[[Host], object]:
    """An action of the window itself (the host is always the main window)."""
    return lambda host: method(cast("MainWindow", host))


def _open_training(host: Host) -> None:
    from proapp.gui.shell.first_run import open_training_database

    open_training_database(host.widget(), host.database, host.actor)


def _connection(host: Host) -> None:
    from PySide6.QtWidgets import QMessageBox

    from proapp.gui.shell.server_dialog import edit_connection

    if edit_connection(host.widget()):
        QMessageBox.information(host.widget(), APP_NAME, QCoreApplication.translate(
            "Menu", "The new database connection is used from the next start of proapp on "
            "this computer."))


def _about(host: Host) -> None:
    from proapp.gui.shell.about import show_about

    show_about(host.widget(), host.database)


def _settings(window: MainWindow) -> None:
    from proapp.gui.shell.settings_dialog import open_settings

    open_settings(window, window.database, window.actor, window.settings_saved)


def _language(host: Host) -> None:
    from proapp.gui.shell.language_dialog import choose_screen_language

    choose_screen_language(host.widget())


def _shortcuts(host: Host) -> None:
    from proapp.gui.shell.about import show_shortcuts

    show_shortcuts(host.widget())


RELOAD = Action("actReload", QT_TRANSLATE_NOOP("Action", "&Reload lists"), lambda h: h.reload(),
                QKeySequence.StandardKey.Refresh,
                QT_TRANSLATE_NOOP("Action", "Read the patient list and worklist again"))
QUIT = Action("actQuit", QT_TRANSLATE_NOOP("Action", "&Quit"), _on_window(lambda w: w.close()),
              "Ctrl+Q", QT_TRANSLATE_NOOP("Action", "Quit proapp"))
OPEN_PATIENT = Action("actOpenPatient", QT_TRANSLATE_NOOP("Action", "&Open patient"),
                      _on_window(lambda w: w.open_current_patient()), None,
                      QT_TRANSLATE_NOOP("Action", "Open the selected patient (Enter)"),
                      Needs.PATIENT)
CLOSE_TAB = Action("actCloseTab", QT_TRANSLATE_NOOP("Action", "&Close patient tab"),
                   _on_window(lambda w: w.close_current_tab()), "Ctrl+W",
                   QT_TRANSLATE_NOOP("Action", "Close the open patient tab"), Needs.PATIENT_TAB)
FIND = Action("actFind", QT_TRANSLATE_NOOP("Action", "&Find patient"),
              _on_window(lambda w: w.focus_search()), "Ctrl+F",
              QT_TRANSLATE_NOOP("Action", "Search the patient list"))
SHOW_PATIENTS = Action("actShowPatients", QT_TRANSLATE_NOOP("Action", "&Patients"),
                       _on_window(lambda w: w.show_patients()), "Ctrl+1",
                       QT_TRANSLATE_NOOP("Action", "Show the patient list"))
SHOW_WORKLIST = Action("actShowWorklist", QT_TRANSLATE_NOOP("Action", "&Due today"),
                       _on_window(lambda w: w.show_worklist()), "Ctrl+2",
                       QT_TRANSLATE_NOOP("Action", "Show the visits due or overdue today"))
SETTINGS = Action("actSettings", QT_TRANSLATE_NOOP("Action", "&Settings…"), _on_window(_settings),
                  None, QT_TRANSLATE_NOOP("Action", "Clinic settings: name, idle lock, backups, "
                                                    "reports, clinic days"),
                  shown=lambda h: can(h.actor, Permission.SETTINGS_EDIT))
LANGUAGE = Action("actLanguage", QT_TRANSLATE_NOOP("Action", "&Language…"), _language, None,
                  QT_TRANSLATE_NOOP("Action", "The language of the screens on this computer"))
SHORTCUTS = Action("actShortcuts", QT_TRANSLATE_NOOP("Action", "&Keyboard shortcuts"),
                   _shortcuts, "F1", QT_TRANSLATE_NOOP("Action", "List the keyboard shortcuts"))
TRAINING = Action("openTraining", QT_TRANSLATE_NOOP("Action", "Open &training database…"),
                  _open_training)
CONNECTION = Action("actConnection", QT_TRANSLATE_NOOP("Action", "Database &connection…"),
                    _connection, None,
                    QT_TRANSLATE_NOOP("Action", "Use a shared PostgreSQL server or the local "
                                                "database file"))
ABOUT = Action("actAbout", QT_TRANSLATE_NOOP("Action", "&About proapp"), _about, None,
               QT_TRANSLATE_NOOP("Action", "Version and database"))


@dataclass(frozen=True)
class Menu:
    """``title`` (marked for translation, context ``Menu``) may name the signed-in user:
    ``{username}``."""

    title: str
    entries: Entries
    name: str = ""


MENUS: tuple[Menu, ...] = (
    Menu(QT_TRANSLATE_NOOP("Menu", "&File"),
         (patients.NEW_PATIENT, SEPARATOR, exchange.EXPORT, exchange.IMPORT, SEPARATOR, RELOAD,
          CONNECTION, SEPARATOR, SETTINGS, LANGUAGE, SEPARATOR, QUIT)),
    Menu(QT_TRANSLATE_NOOP("Menu", "&Patient"),
         (OPEN_PATIENT, patients.EDIT_PATIENT, visits.NEW_VISIT, visits.SELF_REPORT, SEPARATOR,
          reports.REPORT, reports.BATCH_REPORTS, SEPARATOR, visits.DOUBLE_ENTRY, SEPARATOR,
          CLOSE_TAB)),
    Menu(QT_TRANSLATE_NOOP("Menu", "&View"),
         (FIND, SHOW_PATIENTS, SHOW_WORKLIST, SEPARATOR, analysis.ANALYSIS)),
    Menu(QT_TRANSLATE_NOOP("Menu", "&Help"), (SHORTCUTS, TRAINING, ABOUT), "helpMenu"),
    Menu(QT_TRANSLATE_NOOP("Menu", "&Account ({username})"),
         (accounts.LOCK_NOW, accounts.CHANGE_PASSWORD, SEPARATOR, accounts.CHANGE_LOG,
          accounts.USERS), "accountMenu"),
)

TOOLBAR: Entries = (patients.NEW_PATIENT, patients.EDIT_PATIENT, visits.NEW_VISIT, SEPARATOR,
                    SHOW_WORKLIST, reports.REPORT, SEPARATOR, RELOAD)
