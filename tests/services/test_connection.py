"""A workstation's saved server connection: the URL without a password in one file, the
password in a 0600 pgpass file that libpq itself reads; a real connection through it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from tests.support import sql
from tests.support.postgres import OWNER, OWNER_PASSWORD, PgServer

from proapp import paths
from proapp.db import server
from proapp.db.engine import resolve_url
from proapp.db.migrate import open_database
from proapp.services import connection
from proapp.services.connection import ServerSettings, TlsMode
from proapp.services.errors import UserError

pytestmark = [pytest.mark.postgresql, pytest.mark.security]


def _every_file(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_saved_connection_keeps_the_password_out_of_settings(pg_server: PgServer) -> None:
    name = pg_server.create_database()
    settings = ServerSettings("127.0.0.1", name, OWNER, pg_server.port, TlsMode.PREFER)
    assert connection.try_connection(settings, OWNER_PASSWORD).split(".")[0] >= "15"
    connection.save_connection(settings, OWNER_PASSWORD)
    url = resolve_url(None)
    assert url == settings.url() and OWNER_PASSWORD not in url
    assert connection.saved_settings() == settings
    passfile = server.password_file()
    if os.name == "posix":
        assert stat.S_IMODE(passfile.stat().st_mode) == 0o600
    assert OWNER_PASSWORD in passfile.read_text()
    others = [p for p in paths.data_dir().rglob("*") if p.is_file() and p != passfile]
    assert others and all(OWNER_PASSWORD.encode() not in p.read_bytes() for p in others)
    # libpq finds the password in the pgpass file: the application connects and migrates.
    db = open_database(None)
    try:
        assert db.engine.url.password is None
        assert sql.scalar(db, "SELECT current_user") == OWNER
        assert OWNER_PASSWORD not in db.display_name
    finally:
        db.dispose()
    # Saving again replaces the line; forgetting removes both files.
    connection.save_connection(settings, "new secret")
    assert passfile.read_text().count(name) == 1
    connection.forget_connection()
    assert not passfile.exists() and connection.saved_settings() is None
    assert resolve_url(None).startswith("sqlite:///")
    assert OWNER_PASSWORD.encode() not in _every_file(paths.data_dir())


def test_connection_problems_are_said_plainly(pg_server: PgServer) -> None:
    name = pg_server.create_database()
    with pytest.raises(UserError, match="refused the user name or password"):
        connection.try_connection(ServerSettings("127.0.0.1", name, OWNER, pg_server.port),
                                  "wrong")
    with pytest.raises(UserError, match="no such database or user"):
        connection.try_connection(ServerSettings("127.0.0.1", "nope", OWNER, pg_server.port),
                                  OWNER_PASSWORD)
    with pytest.raises(UserError, match="Enter the server's name"):
        connection.save_connection(ServerSettings("", name, OWNER), OWNER_PASSWORD)
    assert connection.saved_settings() is None
