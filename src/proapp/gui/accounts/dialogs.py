"""Sign-in dialogs: first administrator, login, change own password.

The dialogs only collect and show; every rule (name format, password length, who may do
what) is checked by :mod:`proapp.services.accounts`, and its message is shown as it is.
Password fields are cleared after every attempt, so a password never stays in a widget
longer than needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from proapp import APP_NAME
from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.validation import ValidationError
from proapp.gui.common.errors import error_text as error_text
from proapp.gui.common.widgets import error_label
from proapp.gui.common.windows import grow_to_content
from proapp.services import accounts
from proapp.services.errors import UserError

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def password_field(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(accounts.MAX_PASSWORD)
    return edit


def submit_form(action: Callable[[], object], secrets: Sequence[QLineEdit],
                show_error: Callable[[str], None]) -> bool:
    """Run the service call behind a form's OK button. True on success; a user error is shown
    (``show_error``) and the form stays open. Password fields are cleared whatever happens,
    so a password never lingers in a widget."""
    try:
        action()
    except (UserError, ValidationError) as exc:
        show_error(error_text(exc))
        return False
    finally:
        for edit in secrets:
            edit.clear()
    return True


def repeat_matches(password: QLineEdit, repeat: QLineEdit,
                   show_error: Callable[[str], None]) -> bool:
    """True when the repeat matches; otherwise says so and puts the cursor back in it."""
    if password.text() == repeat.text():
        return True
    repeat.clear()
    show_error(translate("Accounts", "The two passwords differ"))
    repeat.setFocus()
    return False


class FormDialog(QDialog):
    """A form with an intro text, an error line and OK/Cancel; OK calls ``submit``."""

    def __init__(self, parent: QWidget | None, title: str, intro: str, ok_text: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                       | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        grow_to_content(self)  # the new line is never clipped

    def repeated(self, password: QLineEdit, repeat: QLineEdit) -> bool:
        return repeat_matches(password, repeat, self.show_error)

    def attempt(self, action: Callable[[], object], secrets: Sequence[QLineEdit], *,
                check: Callable[[], bool] = lambda: True) -> None:
        """:func:`submit_form` once ``check`` passes; success closes the dialog. The password
        fields are cleared also when the check fails."""
        checked: list[bool] = []

        def run() -> None:
            if check():
                checked.append(True)
                action()

        if submit_form(run, secrets, self.show_error) and checked:
            self.accept()
        elif secrets:  # refused: the cursor goes back where the password is typed again
            secrets[0].setFocus()

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class AdminFields:
    """The first administrator's fields (user name, full name, password twice) and their
    submit, shared by the first-start dialog and the welcome wizard's administrator page."""

    def __init__(self, form: QFormLayout):
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setMaxLength(64)
        self.username.setPlaceholderText(translate("Accounts", "e.g. m.rossi"))
        self.full_name = QLineEdit()
        self.full_name.setMaxLength(accounts.MAX_FULL_NAME)
        self.password = password_field(translate("Accounts", "at least {n} characters").format(
            n=accounts.MIN_PASSWORD))
        self.repeat = password_field()
        form.addRow(translate("Accounts", "&User name:"), self.username)
        form.addRow(translate("Accounts", "&Full name:"), self.full_name)
        form.addRow(translate("Accounts", "&Password:"), self.password)
        form.addRow(translate("Accounts", "&Repeat password:"), self.repeat)

    def create(self, database: Database, show_error: Callable[[str], None]) -> Actor | None:
        """The administrator, or None after saying why not (the passwords differ: the first
        one is kept; the service refused: both are cleared and the cursor goes back)."""
        if not repeat_matches(self.password, self.repeat, show_error):
            return None
        made: list[Actor] = []
        if submit_form(lambda: made.append(accounts.create_first_admin(
                database, self.username.text(), self.password.text(), self.full_name.text())),
                (self.password, self.repeat), show_error):
            return made[0]
        self.password.setFocus()
        return None


class FirstAdminDialog(FormDialog):
    """First start: no account exists yet, so the first one is the clinic's administrator."""

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(
            parent, translate("Accounts", "{name}: first start").format(name=APP_NAME),
            translate("Accounts", "Welcome. Create the administrator account first: the "
                      "administrator adds the nurses and clinicians, and is the only one who may "
                      "change clinic settings or restore a backup. Keep the password safe; "
                      "nobody can read it back."),
            translate("Accounts", "Create administrator"))
        self.database = database
        self.actor: Actor | None = None
        self.fields = AdminFields(self.form)
        self.username, self.full_name = self.fields.username, self.fields.full_name
        self.password, self.repeat = self.fields.password, self.fields.repeat

    def submit(self) -> None:
        self.actor = self.fields.create(self.database, self.show_error)
        if self.actor is not None:
            self.accept()


THROTTLE_AFTER = 5  # failed attempts before the Sign in button pauses
THROTTLE_MAX_S = 60


class LoginDialog(FormDialog):
    """Sign in with user name and password; stays open on a wrong password.

    After five failures in a row the button pauses, doubling from 2 s up to a minute, so
    guessing at an unattended screen is slow (Argon2 already makes each try cost ~0.15 s).
    ``submitting`` is emitted when a sign-in is tried, before the password is checked.
    """

    submitting = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None,
                 username: str = "", intro: str | None = None):
        super().__init__(parent, translate("Accounts", "{name}: sign in").format(name=APP_NAME),
                         intro or translate("Accounts", "Sign in to {database}").format(
                             database=database.display_name), translate("Accounts", "Sign in"))
        self.database = database
        self.actor: Actor | None = None
        self.username = QLineEdit(username)
        self.username.setMaxLength(64)
        self.password = password_field()
        self.form.addRow(translate("Accounts", "&User name:"), self.username)
        self.form.addRow(translate("Accounts", "&Password:"), self.password)
        (self.password if username else self.username).setFocus()
        self.failures = 0
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.timeout.connect(lambda: self.ok_button.setEnabled(True))

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.submitting.emit()
        try:
            self.actor = accounts.authenticate(self.database, self.username.text(),
                                               self.password.text())
        except UserError as exc:
            self.failures += 1
            text = error_text(exc)
            if self.failures >= THROTTLE_AFTER:
                seconds = min(2 ** (self.failures - THROTTLE_AFTER + 1), THROTTLE_MAX_S)
                self.ok_button.setEnabled(False)
                self.pause.start(seconds * 1000)
                text += "\n" + translate("Accounts",
                                          "{n} failed attempts: wait {seconds} s.").format(
                    n=self.failures, seconds=seconds)
            self.show_error(text)
            self.password.setFocus()
            return
        finally:
            self.password.clear()
        self.failures = 0
        self.accept()


class ChangePasswordDialog(FormDialog):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent, translate("Accounts", "Change your password"),
                         translate("Accounts", "Change the password of {username}. It must "
                                   "have at least {n} characters; a short sentence is easy to "
                                   "remember and hard to guess.").format(
                             username=actor.username, n=accounts.MIN_PASSWORD),
                         translate("Accounts", "Change password"))
        self.database, self.actor = database, actor
        self.current = password_field()
        self.new = password_field()
        self.repeat = password_field()
        self.form.addRow(translate("Accounts", "&Current password:"), self.current)
        self.form.addRow(translate("Accounts", "&New password:"), self.new)
        self.form.addRow(translate("Accounts", "&Repeat new password:"), self.repeat)

    def submit(self) -> None:
        self.attempt(lambda: accounts.change_password(self.database, self.actor,
                                                      self.current.text(), self.new.text()),
                     (self.current, self.new, self.repeat),
                     check=lambda: self.repeated(self.new, self.repeat))


def first_admin_or_login(database: Database, parent: QWidget | None = None, *,
                         on_submit: Callable[[], None] | None = None) -> Actor | None:
    """Start-up: the first-administrator form on a database without users, else the login.
    None when the user cancels (the application then quits). ``on_submit`` runs when the
    login's Sign in is pressed, before the password is checked (the start-up reads the
    patient list meanwhile: Argon2 leaves the interpreter to it)."""
    if not accounts.has_users(database):
        first = FirstAdminDialog(database, parent)
        if first.exec() != QDialog.DialogCode.Accepted:
            return None
        return first.actor
    login = LoginDialog(database, parent)
    if on_submit is not None:
        login.submitting.connect(on_submit)
    if login.exec() != QDialog.DialogCode.Accepted:
        return None
    return login.actor
