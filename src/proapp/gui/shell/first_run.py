"""The first start: a short welcome before anyone signs in, and the training marks.

On a new (or still empty) database at the default location, :func:`run_welcome` asks where
the clinic's database goes, creates the first administrator, takes the clinic name and
offers the synthetic demo cohort for training. The demo cohort goes into a separate
training database, never into the clinic's own; every window on a database that holds demo
patients is marked by :func:`mark_training_window`.

The pages only collect and show: accounts, settings, the database and the demo cohort are
made by the same services the CLI uses, and their messages are shown as they are.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QProcess, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from proapp import APP_NAME, paths
from proapp.db.engine import Database
from proapp.db.migrate import DatabaseRefused, open_database
from proapp.domain.actor import Actor
from proapp.domain.language import LANGUAGES, Language
from proapp.domain.validation import ValidationError
from proapp.gui.accounts.dialogs import AdminFields, error_text
from proapp.gui.common import language
from proapp.gui.common.language import QT_TRANSLATE_NOOP
from proapp.gui.common.tasks import run_with_progress
from proapp.gui.common.widgets import error_label
from proapp.services import accounts, settings, training
from proapp.services.errors import UserError

log = logging.getLogger(__name__)

_TRAINING_MARK = QT_TRANSLATE_NOOP("Welcome", "TRAINING DATABASE — synthetic demo patients")
TRAINING_MARK = _TRAINING_MARK  # the English text; training_mark() is the one shown
DEMO_PATIENTS = 286


@dataclass
class Outcome:
    """What the welcome leaves behind: the database to use and who is signed in (None when
    the chosen database already had accounts: the normal sign-in follows)."""

    database: Database
    actor: Actor | None


def training_mark() -> str:
    """The mark of every window on a training database, in the screens' language."""
    return QCoreApplication.translate("Welcome", _TRAINING_MARK)


def _open_training_title() -> str:
    return QCoreApplication.translate("Welcome", "Open training database")


def needs_welcome(database: Database) -> bool:
    """A first start: the default database, with no account and no patient in it."""
    return training.is_default_database(database) and training.contents(database).empty


def _text(html: str) -> QLabel:
    label = QLabel(html)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class _Page(QWizardPage):
    """A page that reaches its wizard through Qt, never through a stored reference: a
    Python reference cycle would leave the widgets to the cyclic garbage collector, which
    may run on a worker thread, and Qt widgets must be deleted on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.error = error_label()  # each page places it

    @property
    def welcome(self) -> WelcomeWizard:
        wizard = self.wizard()
        assert isinstance(wizard, WelcomeWizard)
        return wizard

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class LocationPage(_Page):
    """Where the clinic's database lives (the user data folder unless IT chooses)."""

    def __init__(self, wizard: WelcomeWizard):
        super().__init__()
        self.setTitle(self.tr("Welcome to {name}").format(name=APP_NAME))
        self.setSubTitle(self.tr("Three short steps prepare this workstation: where the data "
                                 "is kept, the administrator account and the clinic's name."))
        layout = QVBoxLayout(self)
        languages = QHBoxLayout()
        self.language = QComboBox()
        self.language.setObjectName("welcomeLanguage")
        for lang in LANGUAGES:
            self.language.addItem(lang.native_name, lang.value)
        self.language.setCurrentIndex(self.language.findData(language.current_language().value))
        self.language.currentIndexChanged.connect(
            lambda _i: wizard.change_language(Language(self.language.currentData())))
        caption = QLabel(self.tr("&Language:"))
        caption.setBuddy(self.language)
        languages.addWidget(caption)
        languages.addWidget(self.language)
        languages.addStretch(1)
        layout.addLayout(languages)
        layout.addWidget(_text(self.tr(
            "The clinic's database is one file. It is created in your user data folder, "
            "which only your account can read. IT may choose another place, for example a "
            "folder that is backed up every night.")))
        row = QHBoxLayout()
        self.path = QLineEdit(str(wizard.database.path or ""))
        self.path.setObjectName("databasePath")
        self.path.setMinimumWidth(360)
        label = QLabel(self.tr("&Database file:"))
        label.setBuddy(self.path)
        browse = QPushButton(self.tr("C&hoose…"))
        browse.clicked.connect(self.choose)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(_text(self.tr(
            "Logs are written to <code>{folder}</code>.<br>proapp also keeps a backup of the "
            "database every day it is started.").format(folder=paths.log_dir())))
        layout.addWidget(self.error)
        layout.addStretch(1)

    def choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Where should the database be created?"), self.path.text(),
            self.tr("proapp database (*.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if chosen:
            self.path.setText(chosen if chosen.endswith(".db") else f"{chosen}.db")

    def validatePage(self) -> bool:
        if self.welcome.existing:  # done() below validates this page once more
            return True
        self.error.hide()
        text = self.path.text().strip()
        if not text:
            self.show_error(self.tr("Give the database file"))
            return False
        try:
            has_users = self.welcome.use_database(Path(text).expanduser())
        except (DatabaseRefused, OSError) as exc:
            self.show_error(str(exc))
            return False
        if has_users:
            # An existing clinic database (another workstation set it up): nothing more
            # to create here; the normal sign-in follows.
            self.welcome.existing = True
            self.welcome.done(QDialog.DialogCode.Accepted)
            return False
        return True


class AdminPage(_Page):
    """The first administrator; a commit page: once created there is no going back."""

    def __init__(self, wizard: WelcomeWizard):
        super().__init__()
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(self.tr("The administrator adds the nurses and clinicians, changes "
                                 "clinic settings and restores backups."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create administrator"))
        layout = QVBoxLayout(self)
        layout.addWidget(_text(self.tr(
            "Keep the password safe: nobody can read it back, and without an administrator "
            "no new account can be made.")))
        form = QFormLayout()
        self.fields = AdminFields(form)
        self.username, self.full_name = self.fields.username, self.fields.full_name
        self.password, self.repeat = self.fields.password, self.fields.repeat
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.username.setFocus()

    def validatePage(self) -> bool:
        self.welcome.actor = self.fields.create(self.welcome.database, self.show_error)
        return self.welcome.actor is not None


class ClinicPage(_Page):
    def __init__(self, wizard: WelcomeWizard):
        super().__init__()
        self.setTitle(self.tr("Clinic"))
        self.setSubTitle(self.tr("The clinic's name is printed at the top of every report."))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("clinicName")
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("e.g. MS Centre, Vascular Unit"))
        form.addRow(self.tr("Clinic &name:"), self.name)
        layout.addLayout(form)
        layout.addWidget(_text(self.tr("Left blank, reports print no clinic name.")))
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.name.setText(settings.get(self.welcome.database, "clinic_name"))
        self.name.setFocus()

    def validatePage(self) -> bool:
        actor = self.welcome.actor
        assert actor is not None  # the administrator page came first
        try:
            settings.set_value(self.welcome.database, actor, "clinic_name",
                               self.name.text().strip())
        except (UserError, ValidationError) as exc:
            self.show_error(error_text(exc))
            return False
        return True


class TrainingPage(_Page):
    def __init__(self, wizard: WelcomeWizard):
        super().__init__()
        self.setTitle(self.tr("Training"))
        self.setSubTitle(self.tr("Practise with synthetic patients before entering real ones."))
        layout = QVBoxLayout(self)
        self.create_training = QCheckBox(self.tr(
            "Create a &training database with {n} synthetic demo patients").format(
                n=DEMO_PATIENTS))
        self.create_training.setObjectName("createTraining")
        layout.addWidget(self.create_training)
        layout.addWidget(_text(self.tr(
            "The demo patients are invented (codes DEMO-0001 and on). They go into a "
            "<b>separate file</b>, <code>{file}</code>, and never into the clinic's "
            "database. Open it with <i>Help → Open training database</i>; its window says "
            "<b>{mark}</b> and its reports carry a SYNTHETIC DEMO DATA banner. The training "
            "database has its own accounts: the first person to open it creates its "
            "administrator.").format(file=paths.training_database(), mark=training_mark())))
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        if not self.create_training.isChecked():
            return True
        self.status.setText(self.tr("Creating the training database…"))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QGuiApplication.processEvents()
        try:
            result = training.create_training_database(patients=DEMO_PATIENTS)
        except (DatabaseRefused, UserError, OSError) as exc:
            self.show_error(self.tr("The training database could not be created: {error}").format(
                error=exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.status.clear()
        if result is None:
            log.info("training database already holds patients: left as it is")
        else:
            log.info("training database created with %d demo patients", result.patients)
        return True


class WelcomeWizard(QWizard):
    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setWindowTitle(self.tr("{name}: welcome").format(name=APP_NAME))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(640, 460)
        self.original = database
        self.database = database
        self.opened: list[Database] = []  # databases this wizard opened (closed if unused)
        self.actor: Actor | None = None
        self.existing = False  # the chosen database already has accounts
        self.location = LocationPage(self)
        self.admin = AdminPage(self)
        self.clinic = ClinicPage(self)
        self.training = TrainingPage(self)
        for page in (self.location, self.admin, self.clinic, self.training):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Start proapp"))
        self.language_changed = False

    def change_language(self, chosen: Language) -> None:
        """The screens in ``chosen`` from now on: remembered, and the welcome made again in
        it (:func:`run_welcome` reopens it on the same database)."""
        language.choose_language(chosen)
        if chosen is language.current_language():
            return
        language.install(chosen)
        self.language_changed = True
        self.done(QDialog.DialogCode.Rejected)

    def use_database(self, path: Path) -> bool:
        """Switch to the database at ``path`` (created if missing); True when it already has
        accounts. Each file is opened once, however often the user goes back and forth."""
        target = path.resolve()
        for known in (self.original, *self.opened):
            if known.path is not None and known.path.resolve() == target:
                self.database = known
                break
        else:
            self.database = open_database(path)
            self.opened.append(self.database)
        return accounts.has_users(self.database)


def _remove_if_empty(database: Database) -> None:
    """The database created at the default place before IT chose another: it holds nothing
    anyone entered, so it is removed rather than left to confuse."""
    path = database.path
    empty = training.contents(database).empty
    database.dispose()
    if path is None or not empty:
        return
    for suffix in ("", "-wal", "-shm"):
        target = path.with_name(path.name + suffix)
        try:
            target.unlink(missing_ok=True)
        except OSError:  # left behind: harmless, it is an empty database
            log.warning("could not remove the unused empty database %s", target)


def run_welcome(database: Database, parent: QWidget | None = None) -> Outcome | None:
    """Show the welcome; None when it was cancelled before an administrator existed.

    Files the welcome created and nobody used are removed again (empty: no account, no
    patient); the chosen place is remembered (``paths.choose_database``) only once the
    welcome succeeded, so a cancelled first start leaves nothing behind but the default.
    """
    while True:
        wizard = WelcomeWizard(database, parent)
        accepted = wizard.exec() == QWizard.DialogCode.Accepted
        if not (wizard.language_changed and wizard.actor is None):
            break
        # The language changed before anything was created: the welcome again, in it.
        for opened in wizard.opened:
            _remove_if_empty(opened)
    chosen = wizard.database
    succeeded = accepted or wizard.actor is not None
    keep = chosen if succeeded else database
    for opened in wizard.opened:
        if opened is not keep:
            _remove_if_empty(opened)
    if not succeeded:
        return None
    if chosen is not database:
        _remove_if_empty(database)
    if chosen.path is not None:
        paths.choose_database(chosen.path)
    return Outcome(chosen, wizard.actor)


class _TitleKeeper(QObject):
    """Puts the training mark back when the window changes its title."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.WindowTitleChange:
            title = self.window.windowTitle()
            if not title.startswith(training_mark()):
                self.window.setWindowTitle(f"{training_mark()} — {title}")
        return False


def mark_training_window(window: QMainWindow, database: Database) -> bool:
    """If ``database`` holds demo patients: the mark in the window title (kept there when
    the window retitles itself) and a permanent, coloured label in the status bar. Returns
    whether the window was marked."""
    if not training.has_demo_patients(database):
        return False
    label = QLabel(f" {training_mark()} ")
    label.setObjectName("trainingMark")
    label.setStyleSheet("background: #ffd54f; color: #3e2723; font-weight: bold; "
                        "padding: 2px 8px; border-radius: 3px;")
    window.statusBar().addPermanentWidget(label)
    keeper = _TitleKeeper(window)
    window.installEventFilter(keeper)
    title = window.windowTitle() or APP_NAME
    window.setWindowTitle(title if title.startswith(training_mark())
                          else f"{training_mark()} — {title}")
    return True


def training_command(path: Path) -> tuple[str, list[str]]:
    """How to start another proapp on ``path``: the frozen executable itself, else this
    Python with ``-m proapp``."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--db", str(path)]
    return sys.executable, ["-m", "proapp", "--db", str(path)]


def open_training_database(parent: QWidget, database: Database | None = None,
                           actor: Actor | None = None) -> bool:
    """Help → Open training database: created with the demo cohort when missing (after
    asking; in the background, with a progress window), given the account of the person
    asking (same name and password, so no second administrator is made), then opened in a
    separate proapp window. True when it was started or is being prepared."""
    path = paths.training_database()

    def start() -> bool:
        if database is not None and actor is not None:
            trained = open_database(path)
            try:
                training.give_account(database, actor.username, trained)
            finally:
                trained.dispose()
        program, arguments = training_command(path)
        started, _pid = QProcess.startDetached(program, arguments)
        if not started:
            QMessageBox.warning(parent, _open_training_title(),
                                QCoreApplication.translate(
                                    "Welcome", "proapp could not be started on {file}.").format(
                                        file=path))
            return False
        status = getattr(parent, "show_status", None)
        if callable(status):
            status(QCoreApplication.translate(
                "Welcome", "The training database opens in a new window (synthetic patients); "
                "sign in there as {username}.").format(username=actor.username)
                if actor is not None else QCoreApplication.translate(
                    "Welcome", "The training database opens in a new window (synthetic "
                    "patients)."), 15000)
        return True

    if path.exists():
        return start()
    answer = QMessageBox.question(
        parent, _open_training_title(),
        QCoreApplication.translate(
            "Welcome", "There is no training database yet. Create it now with {n} synthetic "
            "demo patients?\n\n{file}").format(n=DEMO_PATIENTS, file=path))
    if answer != QMessageBox.StandardButton.Yes:
        return False

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, DatabaseRefused | UserError | OSError):
            raise exc
        QMessageBox.warning(parent, _open_training_title(),
                            QCoreApplication.translate(
                                "Welcome", "The training database could not be created: "
                                "{error}").format(error=exc))

    task = run_with_progress(
        parent, QCoreApplication.translate(
            "Welcome", "Creating the training database with {n} synthetic patients…").format(
                n=DEMO_PATIENTS),
        lambda _progress: training.create_training_database(path, DEMO_PATIENTS),
        on_done=lambda _result: _discard(start()), on_error=failed)
    _RUNNING.append(task)
    task.signals.finished.connect(lambda _r: _RUNNING.remove(task))
    task.signals.failed.connect(lambda _e: _RUNNING.remove(task))
    return True


_RUNNING: list[object] = []  # background creations, referenced until they report


def _discard(_value: object) -> None:
    """A callback's result that nobody needs (start() says itself when it failed)."""
