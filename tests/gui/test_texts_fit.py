"""No text is wider than its widget, in English and in Italian (about 20 % longer).

Every window a nurse meets on a first run, a visit and a report is made in each language at
the size it opens with on a 1280x800 screen, and every visible label, button, check box,
group title and tab is measured with its own font: the text's width against the room the
widget gives it. Word-wrapped labels and rich text lay themselves out and are skipped;
elided texts (table cells) are the table's business."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QWidget,
)

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.language import Language
from proapp.gui.accounts.dialogs import ChangePasswordDialog, FirstAdminDialog, LoginDialog
from proapp.gui.common import language
from proapp.gui.patients.patient_dialog import PatientDialog
from proapp.gui.patients.patient_view import PatientView
from proapp.gui.shell.first_run import WelcomeWizard
from proapp.gui.shell.language_dialog import LanguageDialog
from proapp.gui.shell.main_window import MainWindow


def _plain(text: str) -> str:
    """The text as drawn: without the shortcut marker (``&&`` is a literal ``&``)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def overflowing(window: QWidget) -> list[str]:
    """Every visible widget of ``window`` whose text is wider than the room it has."""
    found = []
    for w in [window, *window.findChildren(QWidget)]:
        if not w.isVisibleTo(window) or w.width() <= 1:
            continue
        fm = QFontMetrics(w.font())
        where = f"{type(w).__name__} {w.objectName() or ''}".strip()
        if isinstance(w, QLabel):
            if w.wordWrap() or w.textFormat() == Qt.TextFormat.RichText or (
                    w.textFormat() == Qt.TextFormat.AutoText and QtGui.mightBeRichText(w.text())):
                continue
            lines = w.text().split("\n")
            need = max((fm.horizontalAdvance(_plain(x) if w.buddy() else x) for x in lines),
                       default=0)
            room = w.contentsRect().width() - 2 * w.margin() - 2 * w.indent() if w.indent() > 0 \
                else w.contentsRect().width() - 2 * w.margin()
            if need > room + 1:
                found.append(f"{where}: {w.text()!r} needs {need}px, has {room}px")
        elif isinstance(w, QCheckBox | QRadioButton | QPushButton) and w.text():
            # the room the style gives the text: the button less its frame, padding,
            # indicator (check box, radio button) or menu arrow
            option = QStyleOptionButton()
            w.initStyleOption(option)
            element = (QStyle.SubElement.SE_CheckBoxContents if isinstance(w, QCheckBox)
                       else QStyle.SubElement.SE_RadioButtonContents
                       if isinstance(w, QRadioButton)
                       else QStyle.SubElement.SE_PushButtonContents)
            room = w.style().subElementRect(element, option, w).width()
            if isinstance(w, QPushButton) and w.menu() is not None:
                room -= w.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator,
                                              option, w)
            need = fm.horizontalAdvance(_plain(w.text()))
            if need > room:
                found.append(f"{where}: {w.text()!r} needs {need}px, has {room}px")
        elif isinstance(w, QGroupBox):
            need = fm.horizontalAdvance(_plain(w.title())) + 16
            if need > w.width() + 1:
                found.append(f"{where}: {w.title()!r} needs {need}px, has {w.width()}px")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                text = _plain(w.tabText(i))
                need = fm.horizontalAdvance(text)
                rect = w.tabRect(i)
                if need > rect.width() and w.elideMode() == Qt.TextElideMode.ElideNone:
                    found.append(f"tab {text!r} needs {need}px, has {rect.width()}px")
    return found


@pytest.fixture(params=[Language.ENGLISH, Language.ITALIAN], ids=["en", "it"])
def screens(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Language]:
    language.install(request.param)
    yield request.param
    language.install(Language.ENGLISH)


def show(qtbot, window: QWidget) -> QWidget:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window


def check(qtbot, make: Callable[[], QWidget]) -> list[str]:
    window = show(qtbot, make())
    try:
        return overflowing(window)
    finally:
        window.close()


def test_first_run_pages(qtbot, screens: Language, tmp_path) -> None:
    from proapp.db.migrate import open_database

    database = open_database(tmp_path / "new.db")
    wizard = WelcomeWizard(database)
    show(qtbot, wizard)
    problems = []
    for page in ("location", "administrator", "clinic", "training"):
        problems += [f"{page} page: {p}" for p in overflowing(wizard)]
        if page == "administrator":
            admin = wizard.admin
            admin.username.setText("boss")
            admin.password.setText("a long enough password")
            admin.repeat.setText("a long enough password")
        if page != "training":
            before = wizard.currentId()
            wizard.next()
            QApplication.processEvents()
            assert wizard.currentId() == before + 1, (page, wizard.currentPage().error.text())
    wizard.done(0)
    for opened in wizard.opened:
        opened.dispose()
    database.dispose()
    assert not problems, "\n".join(problems)


def test_sign_in_and_account_dialogs(qtbot, screens: Language, db: Database,
                                     actor: Actor) -> None:
    problems = check(qtbot, lambda: FirstAdminDialog(db))
    problems += check(qtbot, lambda: LoginDialog(db))
    problems += check(qtbot, lambda: ChangePasswordDialog(db, actor))
    problems += check(qtbot, lambda: LanguageDialog())
    assert not problems, "\n".join(problems)


def test_main_window_patient_dialog_and_view(qtbot, screens: Language, demo_db: Database,
                                             actor: Actor) -> None:
    window = MainWindow(demo_db, actor, load=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.listLoaded, timeout=20_000):
        window.reload()
    window.resize(1280, 800)
    show(qtbot, window)
    problems = overflowing(window)
    window.show_worklist()
    problems += overflowing(window)
    pid = window.patients.model.rows[0].id
    problems += check(qtbot, lambda: PatientDialog(demo_db, actor, None))
    problems += check(qtbot, lambda: PatientDialog(demo_db, actor, pid))
    view = PatientView(demo_db, actor, pid)
    view.resize(1280, 700)
    problems += check(qtbot, lambda: view)
    assert not problems, "\n".join(problems)


def test_the_check_sees_a_clipped_text(qtbot) -> None:
    box = QWidget()
    button = QPushButton("Registro modifiche", box)
    button.setFixedWidth(60)
    label = QLabel("Data di nascita", box)
    label.move(0, 40)
    label.setFixedWidth(30)
    check_box = QCheckBox("Cefalea positiva", box)
    check_box.move(0, 80)
    check_box.setFixedWidth(40)
    show(qtbot, box)
    assert [p.split(":")[0] for p in overflowing(box)] == ["QPushButton", "QLabel", "QCheckBox"]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")
def test_every_other_window(qtbot, screens: Language, db: Database, staff,
                            patient_id: int) -> None:
    """The review page, settings, users and their dialogs, signing, the access and change
    logs, About, export and import, the cohort analysis, the server connection, the crash
    dialog, double entry (queue, second entry, differences, agreement) and the patient's
    screen (:mod:`tests.support.windows`), each at the size it opens with; and no Alt key is
    given to two of a window's fields or buttons."""
    from tests.support.windows import clashing_keys, prepare, windows

    problems = []
    for window in windows(prepare(db, staff, patient_id)):
        made = show(qtbot, window.make())
        problems += [f"{window.name}: {p}" for p in overflowing(made)]
        # and every Alt key leads to one field or button
        problems += [f"{window.name}: {p}" for p in clashing_keys(made)]
        made.close()
    assert not problems, "\n".join(problems)
