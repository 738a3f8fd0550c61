"""Which database this workstation uses: the local SQLite file, or a shared PostgreSQL server.

The connection settings (host, port, database, user, TLS mode) are kept as a URL *without* a
password in ``server-connection.txt`` in the private data folder; the password goes into
``pgpass`` beside it, in libpq's own format and mode 0600 (libpq refuses a pgpass file others
can read), so it is never in a settings file, a URL, a log or a command line. ``PROAPP_DB`` and
``--db`` still win over the saved choice (db/engine.py, resolve_url).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

from proapp.db import server
from proapp.db.engine import make_engine
from proapp.domain.i18n import Msg, msg, sentences
from proapp.services.errors import UserError

DEFAULT_PORT = 5432


class TlsMode(StrEnum):
    """libpq's sslmode values a clinic would choose from, weakest last."""

    VERIFY_FULL = "verify-full"  # encrypted, server certificate and name checked
    REQUIRE = "require"  # encrypted, certificate not checked
    PREFER = "prefer"  # encrypted when the server offers it
    DISABLE = "disable"  # plain text: only on a trusted, isolated network


@dataclass(frozen=True)
class ServerSettings:
    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    tls: TlsMode = TlsMode.PREFER

    def url(self) -> str:
        """The SQLAlchemy URL, without any password."""
        return URL.create("postgresql+psycopg", username=self.user, host=self.host,
                          port=self.port, database=self.database,
                          query={"sslmode": self.tls.value}).render_as_string(
                              hide_password=False)

    def problems(self) -> list[Msg]:
        out = []
        if not self.host.strip():
            out.append(msg("Enter the server's name or address."))
        if not self.database.strip():
            out.append(msg("Enter the database name."))
        if not self.user.strip():
            out.append(msg("Enter the user name (the workstation's database role)."))
        if not 0 < self.port < 65536:
            out.append(msg("The port is a number from 1 to 65535 (usually 5432)."))
        return out

    @classmethod
    def from_url(cls, url: str) -> ServerSettings:
        u = make_url(url)
        mode = u.query.get("sslmode", TlsMode.PREFER.value)
        return cls(u.host or "", u.database or "", u.username or "", u.port or DEFAULT_PORT,
                   TlsMode(mode if isinstance(mode, str) else mode[-1]))


def saved_settings() -> ServerSettings | None:
    url = server.saved_url()
    return ServerSettings.from_url(url) if url else None


def _pgpass_field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _write_private(path: Path, content: str) -> None:
    """Written under a temporary name created 0600, then renamed into place."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    try:
        os.write(fd, content.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def save_connection(settings: ServerSettings, password: str) -> None:
    """Use this server from now on (at the next start); the password goes to the pgpass file,
    replacing an older one for the same server, database and user."""
    issues = settings.problems()
    if issues:
        raise UserError(sentences(issues))
    key = ":".join(_pgpass_field(v) for v in (settings.host, str(settings.port),
                                               settings.database, settings.user))
    passfile = server.password_file()
    lines = []
    if passfile.exists():
        lines = [line for line in passfile.read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith(key + ":")]
    if password:
        lines.append(f"{key}:{_pgpass_field(password)}")
    _write_private(passfile, "".join(f"{line}\n" for line in lines))
    _write_private(server.saved_url_file(), settings.url() + "\n")


def forget_connection() -> None:
    """Back to the local SQLite database (the saved password is removed as well)."""
    server.saved_url_file().unlink(missing_ok=True)
    server.password_file().unlink(missing_ok=True)


def try_connection(settings: ServerSettings, password: str) -> str:
    """Connect once with these settings; returns the server's version, or raises UserError
    saying plainly what is wrong (unreachable, refused password, no such database)."""
    issues = settings.problems()
    if issues:
        raise UserError(sentences(issues))
    url = make_url(settings.url()).set(password=password or None)
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        with engine.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar())
    except Exception as exc:
        raise UserError(server.plain_connect_error(exc)) from None
    finally:
        engine.dispose()
    return version
