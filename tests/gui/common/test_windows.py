"""Every top-level window fits the screen it opens on and opens with the focus where typing
should go (the window policy of :mod:`proapp.gui.common.windows`).

The offscreen screen is 800x600: narrower than a 1280x800 screen at 150 % (853x533 logical),
so a window that fits here fits there in width; ``scripts/drive_screens.py`` (and
``test_windows_fit_screen``) check the real X screen at 100 % and 150 %.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.visit import VisitContent
from proapp.gui.common.windows import first_input
from proapp.services import visits
from proapp.services.visits import VisitDraft

TODAY = date(2014, 9, 10)


def _shown(qtbot, window: QWidget) -> QWidget:
    window.show()
    qtbot.waitExposed(window)
    for _ in range(3):
        QApplication.processEvents()
    return window


def _complete_visit(db: Database, actor: Actor, patient_id: int) -> int:
    content = VisitContent(responses={"midas": {"q1": 1, "q2": 2, "q3": 0, "q4": 0, "q5": 1,
                                                "a": 4, "b": 3}},
                           skipped={"fss": "patient too tired"})
    rec = visits.save_visit(db, actor, VisitDraft(patient_id, "m3", date(2014, 6, 10),
                                                  content), complete=True,
                            confirm_warnings=True, today=TODAY)
    return rec.id


def windows(db: Database, staff, patient_id: int) -> dict[str, Callable[[QWidget], QWidget]]:
    from proapp.gui.accounts.changelog_view import ChangeLogDialog
    from proapp.gui.accounts.dialogs import ChangePasswordDialog, FirstAdminDialog, LoginDialog
    from proapp.gui.accounts.signing import SignVisitDialog
    from proapp.gui.accounts.users import AddUserDialog, UserManagementDialog
    from proapp.gui.exchange.export_dialog import ExportDialog
    from proapp.gui.exchange.import_dialog import ImportDialog
    from proapp.gui.patients.patient_dialog import PatientDialog
    from proapp.gui.reports.report_dialog import ReportDialog
    from proapp.gui.shell.about import AboutDialog
    from proapp.gui.shell.crash import CrashDialog
    from proapp.gui.shell.main_window import MainWindow
    from proapp.gui.shell.settings_dialog import SettingsDialog
    from proapp.gui.visits.wizard import VisitWizard

    admin, clinician, nurse = staff.admin, staff.clinician, staff.nurse
    return {
        "main window": lambda p: MainWindow(db, nurse),
        "new patient": lambda p: PatientDialog(db, nurse, None, p),
        "edit patient": lambda p: PatientDialog(db, nurse, patient_id, p),
        "visit wizard": lambda p: VisitWizard(p, db, nurse, patient_id),
        "report preview": lambda p: ReportDialog(p, db, nurse, patient_id),
        "users": lambda p: UserManagementDialog(db, admin, p),
        "add user": lambda p: AddUserDialog(db, admin, p),
        "change password": lambda p: ChangePasswordDialog(db, nurse, p),
        "sign in": lambda p: LoginDialog(db, p),
        "first administrator": lambda p: FirstAdminDialog(db, p),
        "sign visit": lambda p: SignVisitDialog(db, clinician,
                                                _complete_visit(db, nurse, patient_id), p),
        "change log": lambda p: ChangeLogDialog(db, admin, parent=p),
        "export": lambda p: ExportDialog(p, db, nurse),
        "import": lambda p: ImportDialog(p, db, nurse),
        "about": lambda p: AboutDialog(db, p),
        "crash": lambda p: CrashDialog("RuntimeError: example", "Traceback ...",
                                       db.path or Path("proapp.log"), p),
        "settings": lambda p: SettingsDialog(db, admin, p),
    }


NAMES = ["main window", "new patient", "edit patient", "visit wizard", "report preview",
         "users", "add user", "change password", "sign in", "first administrator",
         "sign visit", "change log", "export", "import", "about", "crash", "settings"]
# Dialogs whose first job is typing: the focus must be in their first input.
TYPING = {"new patient", "edit patient", "add user", "change password", "sign in",
          "first administrator", "sign visit", "settings"}


@pytest.mark.parametrize("name", NAMES)
def test_window_fits_the_screen_and_focus_is_in_the_first_input(qtbot, db, staff, patient_id,
                                                                name) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(400, 300)
    host.show()
    window = windows(db, staff, patient_id)[name](host)
    if window.parentWidget() is None:
        qtbot.addWidget(window)  # else its parent, the host, owns it
    _shown(qtbot, window)
    avail = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    frame = window.frameGeometry()
    assert avail.contains(frame), f"{name}: {frame} is not inside {avail}"
    hint = window.minimumSizeHint()
    assert hint.width() <= avail.width() and hint.height() <= avail.height(), \
        f"{name} needs at least {hint}, the screen has {avail.size()}"
    if name in TYPING:
        focus = QApplication.focusWidget()
        assert focus is not None and focus.window() is window, f"{name}: focus {focus}"
        assert focus is first_input(window), f"{name}: focus on {focus}, not the first input"
        assert isinstance(focus, QLineEdit | QPlainTextEdit) or focus.inherits("QComboBox")
    window.hide()
