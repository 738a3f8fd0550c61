"""Database connection: this workstation's shared PostgreSQL server (host, port, database,
user, TLS mode, password), or back to the local database file.

The dialog only collects and shows: checking, trying and saving are
:mod:`proapp.services.connection` (the password goes into the 0600 pgpass file, never into a
settings file). The choice takes effect at the next start, so nothing open now changes
database under the user's feet.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from proapp import APP_NAME
from proapp.gui.accounts.dialogs import password_field
from proapp.gui.common.errors import error_text
from proapp.gui.common.language import QT_TRANSLATE_NOOP, shown
from proapp.gui.common.widgets import error_label
from proapp.services import connection
from proapp.services.connection import ServerSettings, TlsMode
from proapp.services.errors import UserError

TLS_LABELS = {
    TlsMode.VERIFY_FULL: QT_TRANSLATE_NOOP("ServerDialog", "Encrypted, server certificate "
                                                           "checked (verify-full)"),
    TlsMode.REQUIRE: QT_TRANSLATE_NOOP("ServerDialog", "Encrypted (require)"),
    TlsMode.PREFER: QT_TRANSLATE_NOOP("ServerDialog", "Encrypted when the server offers it "
                                                      "(prefer)"),
    TlsMode.DISABLE: QT_TRANSLATE_NOOP("ServerDialog", "Not encrypted: trusted network only "
                                                       "(disable)"),
}


class ServerDialog(QDialog):
    """``result()`` is Accepted when settings were saved or the local database chosen."""

    def __init__(self, parent: QWidget | None = None, problem: object = ""):
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.setWindowTitle(self.tr("Database connection — {name}").format(name=APP_NAME))
        saved = connection.saved_settings()
        self.host = QLineEdit(saved.host if saved else "")
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText(self.tr("server name or address, e.g. db.clinic.local"))
        self.port = QSpinBox()
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(saved.port if saved else connection.DEFAULT_PORT)
        self.database = QLineEdit(saved.database if saved else "proapp")
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit(saved.user if saved else "")
        self.user.setObjectName("serverUser")
        self.user.setPlaceholderText(self.tr("this workstation's database role"))
        self.tls = QComboBox()
        self.tls.setObjectName("serverTls")
        for mode, label in TLS_LABELS.items():
            self.tls.addItem(QCoreApplication.translate("ServerDialog", label), mode.value)
        self.tls.setCurrentIndex(self.tls.findData((saved.tls if saved else TlsMode.PREFER)
                                                   .value))
        self.password = password_field(self.tr("kept in a private file, never shown again"))
        self.password.setObjectName("serverPassword")
        self.password.setMaxLength(1000)
        self.status = QLabel(shown(problem))  # why it is shown, in the screens' language
        self.status.setObjectName("serverStatus")
        self.status.setWordWrap(True)
        self.error = error_label()
        self.error.setObjectName("serverError")

        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("P&ort:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&TLS:"), self.tls)

        buttons = QDialogButtonBox()
        self.try_button = QPushButton(self.tr("T&est connection"))
        self.try_button.setObjectName("serverTry")
        self.save_button = buttons.addButton(self.tr("Use this ser&ver"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("serverSave")
        self.local_button = buttons.addButton(self.tr("Use the &local database"),
                                              QDialogButtonBox.ButtonRole.ResetRole)
        self.local_button.setObjectName("serverLocal")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.try_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.try_button.clicked.connect(self.try_connection)
        self.save_button.clicked.connect(self.save)
        self.local_button.clicked.connect(self.use_local)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Several workstations share one PostgreSQL database. The "
                               "password is kept in a private file for this computer's account "
                               "(pgpass, readable by you only). The choice takes effect when "
                               "proapp starts again."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.host.setFocus()

    def settings(self) -> ServerSettings:
        return ServerSettings(self.host.text().strip(), self.database.text().strip(),
                              self.user.text().strip(), self.port.value(),
                              TlsMode(self.tls.currentData()))

    def _show(self, error: str = "", status: str = "") -> None:
        self.error.setText(error)
        self.error.setVisible(bool(error))
        self.status.setText(status)

    def try_connection(self) -> bool:
        try:
            version = connection.try_connection(self.settings(), self.password.text())
        except UserError as exc:
            self._show(error_text(exc))
            return False
        self._show(status=self.tr("Connected: PostgreSQL {version}.").format(version=version))
        return True

    def save(self) -> None:
        """Try, then save; the password field is cleared whatever happens (as in the sign-in
        dialogs), so a password never lingers in a widget."""
        try:
            if not self.try_connection():
                return
            connection.save_connection(self.settings(), self.password.text())
        except (UserError, OSError) as exc:
            self._show(error_text(exc))
            return
        finally:
            self.password.clear()
        self.accept()

    def use_local(self) -> None:
        connection.forget_connection()
        self.password.clear()
        self.accept()


def edit_connection(parent: QWidget | None = None, problem: object = "") -> bool:
    """Show the dialog; True when the user saved a server or chose the local database."""
    dialog = ServerDialog(parent, problem)
    return dialog.exec() == QDialog.DialogCode.Accepted
