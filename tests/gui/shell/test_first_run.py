"""First start: the welcome creates the database where chosen, the administrator, the clinic
name and the separate training database; run_gui shows it only on a new default database;
training windows are marked; the Help menu opens About."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QWizard

from proapp import paths
from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.gui.shell import first_run
from proapp.gui.shell.about import AboutDialog
from proapp.gui.shell.first_run import TRAINING_MARK, WelcomeWizard, mark_training_window
from proapp.services import accounts, settings, training
from proapp.services.training import demo

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

PASSWORD = "correct horse battery"


@pytest.fixture
def default_db() -> Iterator[Database]:
    database = open_database(paths.default_database())
    yield database
    database.dispose()


def fill_admin(qtbot, wizard: WelcomeWizard, password: str = PASSWORD) -> None:
    page = wizard.admin
    qtbot.keyClicks(page.username, "m.rossi")
    qtbot.keyClicks(page.full_name, "Maria Rossi")
    qtbot.keyClicks(page.password, password)
    qtbot.keyClicks(page.repeat, password)


def test_needs_welcome_only_on_an_empty_default_database(default_db: Database, db: Database,
                                                         actor: Actor) -> None:
    assert first_run.needs_welcome(default_db)
    assert not first_run.needs_welcome(db)  # --db elsewhere: the plain first-admin dialog
    accounts.create_first_admin(default_db, "m.rossi", PASSWORD)
    assert not first_run.needs_welcome(default_db)


def test_welcome_creates_admin_clinic_and_training(qtbot, default_db: Database) -> None:
    wizard = WelcomeWizard(default_db)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.location.path.text() == str(paths.default_database())
    wizard.next()
    assert wizard.currentPage() is wizard.admin
    fill_admin(qtbot, wizard, "short")
    wizard.next()  # refused by the service: stays, says why, nothing created
    assert wizard.currentPage() is wizard.admin
    assert "at least 10 characters" in wizard.admin.error.text()
    assert wizard.admin.password.text() == "" and not accounts.has_users(default_db)
    wizard.admin.username.clear()
    wizard.admin.full_name.clear()
    fill_admin(qtbot, wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.clinic
    assert wizard.actor is not None and wizard.actor.role == "admin"
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled() or \
        not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    qtbot.keyClicks(wizard.clinic.name, "  MS Centre  ")
    wizard.next()
    assert settings.get(default_db, "clinic_name") == "MS Centre"
    wizard.training.create_training.setChecked(True)
    first_run.DEMO_PATIENTS = 7
    try:
        qtbot.keyClick(wizard, Qt.Key.Key_Return)  # Finish is the default button
    finally:
        first_run.DEMO_PATIENTS = 286
    assert wizard.result() == QWizard.DialogCode.Accepted
    # The clinic's database holds no demo patient; the training one holds only those.
    assert training.contents(default_db).patients == 0
    trained = open_database(paths.training_database())
    try:
        c = training.contents(trained)
        assert c.patients == c.demo_patients == 7 and c.users == 0
    finally:
        trained.dispose()
    assert accounts.authenticate(default_db, "m.rossi", PASSWORD) == wizard.actor


def test_welcome_moves_the_database_where_it_chooses(qtbot, default_db: Database,
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    old = paths.default_database()
    chosen = tmp_path / "shared" / "clinic.db"

    def finish(self: WelcomeWizard) -> int:
        self.show()
        self.location.path.setText(str(chosen))
        self.next()
        self.admin.username.setText("m.rossi")
        self.admin.password.setText(PASSWORD)
        self.admin.repeat.setText(PASSWORD)
        self.next()
        self.next()
        self.accept()  # Finish on the training page (left unticked)
        return int(self.result())

    monkeypatch.setattr(WelcomeWizard, "exec", finish)
    outcome = first_run.run_welcome(default_db)
    assert outcome is not None and outcome.actor is not None
    try:
        assert outcome.database.path == chosen.resolve()
        assert accounts.has_users(outcome.database)
        assert not old.exists()  # the empty database at the old place is gone
        assert paths.default_database().resolve() == chosen.resolve()  # GUI and CLI agree
    finally:
        outcome.database.dispose()


def test_welcome_on_an_existing_clinic_database_goes_to_sign_in(qtbot, default_db: Database,
                                                                db: Database) -> None:
    accounts.create_first_admin(db, "boss", PASSWORD)
    wizard = WelcomeWizard(default_db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.location.path.setText(str(db.path))
    wizard.next()
    assert wizard.result() == QWizard.DialogCode.Accepted and wizard.actor is None
    assert wizard.database.path == db.path
    for opened in wizard.opened:
        opened.dispose()


def test_cancelled_welcome_quits_and_next_start_asks_again(qtbot, default_db: Database,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    from proapp.gui.shell import app as gui_app

    monkeypatch.setattr(WelcomeWizard, "exec", lambda self: int(QWizard.DialogCode.Rejected))
    monkeypatch.setattr(QApplication, "exec", lambda _self: pytest.fail("no window expected"))
    assert gui_app.run_gui(default_db) == 0
    again = open_database(paths.default_database())
    try:
        assert first_run.needs_welcome(again)
    finally:
        again.dispose()


def test_run_gui_welcome_then_main_window_with_help_menu(qtbot, default_db: Database,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    import proapp.gui.accounts as gui_accounts
    from proapp.gui.shell import app as gui_app
    from proapp.gui.shell.main_window import MainWindow

    def welcome(self: WelcomeWizard) -> int:
        self.show()
        self.next()
        self.admin.username.setText("m.rossi")
        self.admin.password.setText(PASSWORD)
        self.admin.repeat.setText(PASSWORD)
        self.next()
        self.next()
        self.accept()  # Finish on the training page (left unticked)
        return int(self.result())

    seen: dict[str, object] = {}

    def fake_exec(_self: QApplication) -> int:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        seen["actor"] = window.actor.username
        help_menu = window.findChild(QMenu, "helpMenu")
        seen["help"] = [a.text() for a in help_menu.actions() if a.text()]
        seen["marked"] = window.findChild(QLabel, "trainingMark") is not None
        window.close()
        return 0

    monkeypatch.setattr(WelcomeWizard, "exec", welcome)
    monkeypatch.setattr(gui_accounts, "first_admin_or_login",
                        lambda _db, **_kw: pytest.fail("the welcome signed the administrator in"))
    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert gui_app.run_gui(default_db) == 0
    assert seen == {"actor": "m.rossi",
                    "help": ["&Keyboard shortcuts", "Open &training database…",
                             "&About proapp"],
                    "marked": False}


def test_training_window_is_marked_and_keeps_the_mark(qtbot, db: Database) -> None:
    plain = QMainWindow()
    qtbot.addWidget(plain)
    assert not mark_training_window(plain, db)
    assert plain.findChild(QLabel, "trainingMark") is None
    demo.generate(db, 3, 1)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setWindowTitle("proapp")
    assert mark_training_window(window, db)
    assert window.windowTitle() == f"{TRAINING_MARK} — proapp"
    assert window.findChild(QLabel, "trainingMark").text().strip() == TRAINING_MARK
    window.setWindowTitle("proapp — DEMO-0001")  # the real main window retitles itself
    assert window.windowTitle() == f"{TRAINING_MARK} — proapp — DEMO-0001"


def test_about_dialog_lists_paths_versions_and_licences(qtbot, qtmodeltester,
                                                       db: Database) -> None:
    from proapp.logs import log_file

    dialog = AboutDialog(db)
    qtbot.addWidget(dialog)
    facts = dialog.facts.text()
    assert str(db.display_name) in facts and str(log_file()) in facts
    assert str(paths.data_dir()) in facts and "PySide6" in facts
    m = dialog.model
    qtmodeltester.check(m)
    rows = {m.data(m.index(r, m.COMPONENT)): m.data(m.index(r, m.LICENCE))
            for r in range(m.rowCount())}
    assert rows["PySide6_Essentials"].startswith("LGPL-3.0-only")
    for name in ("SQLAlchemy", "alembic", "matplotlib", "numpy", "reportlab", "openpyxl",
                 "argon2-cffi", "platformdirs", "pypdfium2", "pillow"):
        assert rows[name], name
    assert any(k.startswith("DejaVu fonts") for k in rows)
    assert any(k.startswith("PDFium") for k in rows)


def test_open_training_database_creates_it_then_starts_a_separate_proapp(
        qtbot, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QMessageBox, QWidget

    from proapp.db.models import User
    from proapp.services import accounts

    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)

    def start_detached(program: str, args: list[str]) -> tuple[bool, int]:
        started.append((program, args))
        return True, 1

    monkeypatch.setattr(QProcess, "startDetached", start_detached)
    monkeypatch.setattr(first_run, "DEMO_PATIENTS", 4)
    nurse_id = accounts.create_user(
        db, accounts.create_first_admin(db, "boss", "correct horse battery"), "nina",
        "correct horse battery", "nurse")
    parent = QWidget()
    qtbot.addWidget(parent)
    nina = accounts.authenticate(db, "nina", "correct horse battery")
    assert nina.user_id == nurse_id
    assert first_run.open_training_database(parent, db, nina)  # created in the background
    qtbot.waitUntil(lambda: bool(started), timeout=30_000)
    path = paths.training_database()
    assert started == [(sys.executable, ["-m", "proapp", "--db", str(path)])]
    trained = open_database(path)
    try:
        assert training.contents(trained).demo_patients == 4
        # the nurse signs in there with her own password: no second administrator to make
        assert accounts.authenticate(trained, "nina", "correct horse battery").role == "admin"
        with trained.read() as s:
            assert [u.username for u in s.query(User)] == ["nina"]
    finally:
        trained.dispose()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert first_run.training_command(path) == (sys.executable, ["--db", str(path)])


def test_back_and_forth_and_cancel_leave_nothing_behind(qtbot, default_db: Database,
                                                        tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    default = paths.default_database()
    other = tmp_path / "other.db"
    location_file = paths.data_dir() / paths.LOCATION_FILE

    def there_and_back(self: WelcomeWizard) -> int:
        self.show()
        self.location.path.setText(str(other))
        self.next()
        self.back()
        self.location.path.setText(str(default))  # back to the data folder
        self.next()
        fill_admin(qtbot, self)
        self.next()
        self.next()
        self.accept()
        return int(self.result())

    monkeypatch.setattr(WelcomeWizard, "exec", there_and_back)
    outcome = first_run.run_welcome(default_db)
    assert outcome is not None and outcome.database is default_db  # opened once only
    assert not other.exists() and default.exists() and not location_file.exists()

    def choose_then_cancel(self: WelcomeWizard) -> int:
        self.show()
        self.location.path.setText(str(other))
        self.next()
        self.reject()
        return int(self.result())

    fresh = open_database(tmp_path / "fresh" / "proapp.db")
    monkeypatch.setattr(WelcomeWizard, "exec", choose_then_cancel)
    assert first_run.run_welcome(fresh) is None
    assert not other.exists() and not location_file.exists()
    fresh.dispose()
