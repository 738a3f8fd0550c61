"""The database connection dialog: the fields become the saved URL (never with the
password), a server that cannot be reached is said plainly and nothing is saved, and "use the
local database" forgets the server and its password."""

from __future__ import annotations

import socket

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from proapp.db import server
from proapp.db.engine import resolve_url
from proapp.gui.shell.server_dialog import ServerDialog
from proapp.services import connection
from proapp.services.connection import ServerSettings, TlsMode


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = int(s.getsockname()[1])
    s.close()  # nothing listens there any more
    return port


def test_unreachable_server_is_said_plainly_and_nothing_saved(qtbot: QtBot) -> None:
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.host, "127.0.0.1")
    dialog.port.setValue(_closed_port())
    dialog.database.setText("clinic")
    qtbot.keyClicks(dialog.user, "frontdesk")
    qtbot.keyClicks(dialog.password, "s3cret")
    dialog.tls.setCurrentIndex(dialog.tls.findData(TlsMode.DISABLE.value))
    assert dialog.settings() == ServerSettings("127.0.0.1", "clinic", "frontdesk",
                                               dialog.port.value(), TlsMode.DISABLE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Nothing answers at that address and port" in dialog.error.text()
    assert dialog.result() != ServerDialog.DialogCode.Accepted
    assert dialog.password.text() == ""  # never left in the widget
    assert not server.saved_url_file().exists() and not server.password_file().exists()


def test_saved_settings_are_shown_and_local_forgets_them(qtbot: QtBot) -> None:
    settings = ServerSettings("db.clinic.local", "proapp", "ultrasound", 5433,
                              TlsMode.VERIFY_FULL)
    connection.save_connection(settings, "pw")
    assert "pw" not in server.saved_url_file().read_text()
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.value(), dialog.user.text()) == (
        "db.clinic.local", 5433, "ultrasound")
    assert dialog.tls.currentData() == "verify-full"
    assert dialog.password.text() == ""  # the saved password is never shown
    qtbot.mouseClick(dialog.local_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ServerDialog.DialogCode.Accepted
    assert connection.saved_settings() is None
    assert resolve_url(None).startswith("sqlite:///")


def test_in_italian_the_form_and_the_server_speak_italian(qtbot: QtBot, italian: None) -> None:
    """What is wrong with the typed settings and what connecting said, in the screens'
    language; the same sentences stay English for the command line."""
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.try_button, Qt.MouseButton.LeftButton)
    said = dialog.error.text()
    assert "Inserite il nome o l'indirizzo del server." in said
    assert "Inserite il nome utente (il ruolo della postazione nel database)." in said
    assert "Enter" not in said
    qtbot.keyClicks(dialog.host, "127.0.0.1")
    dialog.port.setValue(_closed_port())
    dialog.database.setText("clinic")
    qtbot.keyClicks(dialog.user, "frontdesk")
    dialog.tls.setCurrentIndex(dialog.tls.findData(TlsMode.DISABLE.value))
    qtbot.mouseClick(dialog.try_button, Qt.MouseButton.LeftButton)
    assert "Nessuno risponde a quell'indirizzo e porta" in dialog.error.text()
    problems = ServerSettings("", "", "", 0, TlsMode.DISABLE).problems()
    assert str(connection.sentences(problems)).startswith("Enter the server's name")


def test_a_saved_server_that_fails_at_start_says_why_in_italian(qtbot: QtBot,
                                                                italian: None) -> None:
    from proapp.domain.i18n import msg

    problem = server.plain_connect_error(ConnectionRefusedError("connection refused"))
    dialog = ServerDialog(problem=msg("The saved server cannot be used: {problem}",
                                      problem=problem))
    qtbot.addWidget(dialog)
    assert dialog.status.text().startswith("Il server salvato non si può usare: Nessuno risponde")
