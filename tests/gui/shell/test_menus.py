"""The main window's menus and tool bar come from one list (proapp.gui.shell.menus)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.language import Language
from proapp.gui.accounts.idle_lock import IdleLock
from proapp.gui.common import language
from proapp.gui.shell import menus
from proapp.gui.shell.main_window import MainWindow

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")]

ADMIN = Actor("a.admin", role="admin")
NURSE = Actor("n.nurse", role="nurse")


def menu_texts(window: MainWindow) -> dict[str, list[str]]:
    out = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        out[top.text()] = [a.text() if not a.isSeparator() else "—" for a in menu.actions()]
    return out


def test_menus_and_tool_bar_for_an_administrator_with_the_idle_lock(qtbot, db: Database) -> None:
    lock = IdleLock(db, ADMIN, minutes=0)
    try:
        window = MainWindow(db, ADMIN, lock=lock, load=False)
        qtbot.addWidget(window)
        assert menu_texts(window) == {
            "&File": ["&New patient…", "—", "&Export…", "&Import…", "—", "&Reload lists",
                      "Database &connection…", "—", "&Settings…", "&Language…", "—", "&Quit"],
            "&Patient": ["&Open patient", "&Edit patient…", "New &visit…",
                         "Patient &answers on screen…", "—", "&Report…",
                         "Reports for &selected patients…", "—", "&Double entry…", "—",
                         "&Close patient tab"],
            "&View": ["&Find patient", "&Patients", "&Due today", "—", "Cohort &analysis…"],
            "&Help": ["&Keyboard shortcuts", "Open &training database…", "&About proapp"],
            "&Account (a.admin)": ["&Lock now", "Change &password…", "—", "Change lo&g…",
                                   "&Users…"],
        }
        (toolbar,) = window.findChildren(QToolBar)
        assert [a.text() if not a.isSeparator() else "—" for a in toolbar.actions()] == [
            "&New patient…", "&Edit patient…", "New &visit…", "—", "&Due today", "&Report…",
            "—", "&Reload lists"]
        # one QAction per feature action, shared by menu and tool bar, each shortcut once
        actions = window.findChildren(QAction)
        named = [a.objectName() for a in actions if a.objectName().startswith(("act", "open"))]
        assert len(named) == len(set(named))
        shortcuts = [a.shortcut().toString() for a in window.actions()
                     if not a.shortcut().isEmpty()]
        assert len(shortcuts) == len(set(shortcuts))
        assert window.action("actReport").toolTip() == "Trend report for the selected patient " \
                                                       "(Ctrl+R)"
    finally:
        lock.uninstall()


def test_a_nurse_without_idle_lock_sees_no_user_management_and_no_lock(qtbot,
                                                                        db: Database) -> None:
    window = MainWindow(db, NURSE, load=False)
    qtbot.addWidget(window)
    account = menu_texts(window)["&Account (n.nurse)"]
    assert [t for t in account if t != "—"] == ["Change &password…", "Change lo&g…"]
    assert "&Settings…" not in menu_texts(window)["&File"]  # administrators only
    assert not window.lock_now()


def test_every_declared_action_is_reachable_from_a_menu() -> None:
    in_menus = {a.name for m in menus.MENUS for a in m.entries if a is not None}
    in_toolbar = {a.name for a in menus.TOOLBAR if a is not None}
    assert in_toolbar <= in_menus
    declared = {v.name for v in vars(menus).values() if isinstance(v, menus.Action)}
    assert declared <= in_menus


def test_the_main_window_imports_no_feature_dialog_at_start_up() -> None:
    """Reports (matplotlib, the PDF preview), export (openpyxl) and the wizard are imported
    when their action runs; building the window and its menus does not need them."""
    code = ("import sys\n"
            "from proapp.gui.shell import main_window, menus\n"
            "heavy = [m for m in ('matplotlib', 'openpyxl', 'proapp.gui.reports.report_dialog',"
            " 'proapp.gui.exchange.export_dialog', 'proapp.gui.exchange.import_dialog',"
            " 'proapp.gui.visits.wizard', 'proapp.gui.patients.patient_view')"
            " if m in sys.modules]\n"
            "print(','.join(heavy))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("lang", [Language.ENGLISH, Language.ITALIAN], ids=["en", "it"])
def test_every_menu_key_leads_to_one_entry_in_each_language(qtbot, db: Database,
                                                            lang: Language) -> None:
    """The Alt keys of the menu bar, and of the entries of each menu, are unique in English
    and in Italian (a key given twice makes Qt cycle between the entries)."""
    from tests.support.windows import access_key

    language.install(lang)
    lock = IdleLock(db, ADMIN, minutes=0)
    try:
        window = MainWindow(db, ADMIN, lock=lock, load=False)
        qtbot.addWidget(window)
        clashes = []
        for group in [window.menuBar().actions(),
                      *[top.menu().actions() for top in window.menuBar().actions()]]:
            keys = [(access_key(a.text()), a.text()) for a in group if not a.isSeparator()]
            for key, text in keys:
                others = [t for k, t in keys if k == key and t != text]
                if key is None or others:
                    clashes.append(f"{text!r}: {'no key' if key is None else others}")
        assert not clashes, clashes
    finally:
        lock.uninstall()
        language.install(Language.ENGLISH)
