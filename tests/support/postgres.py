"""The throw-away PostgreSQL server of a test run (``--backend postgresql``).

``scripts/postgres.sh`` installs PostgreSQL when it is missing and runs the cluster as an
unprivileged user; this module starts one per test session (or uses the one named by
``$PROAPP_TEST_PG_DIR``, e.g. from ``scripts/postgres.sh run -- pytest ...``), gives every test
a database of its own and can restart the server under the tests' feet.

The tests connect as ``proapp_owner`` over TCP with a password (the cluster refuses TCP
connections without one), the way a workstation connects; the harness itself uses the
superuser over the unix socket.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import tempfile
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "postgres.sh"
OWNER, OWNER_PASSWORD = "proapp_owner", "owner-test-password"
_names = itertools.count(1)


def _server_parent() -> str | None:
    """A folder the server's own (unprivileged) user can reach: as root, /var/tmp (the
    pytest folders under /tmp are private to root)."""
    if os.name == "posix" and os.geteuid() == 0 and os.path.isdir("/var/tmp"):
        return "/var/tmp"
    return None


class PgServer:
    def __init__(self, folder: Path, *, owned: bool):
        self.folder = folder
        self.owned = owned  # started by this session, so stopped by it
        env = dict(line.split("=", 1) for line in
                   (folder / "env").read_text().splitlines() if "=" in line)
        self.socket_dir = env["PGHOST"]
        self.port = int(env["PGPORT"])
        self.bindir = Path(env["PGBIN"])
        self.templates: dict[str, str] = {}

    @classmethod
    def start(cls) -> PgServer:
        existing = os.environ.get("PROAPP_TEST_PG_DIR")
        if existing:
            server = cls(Path(existing), owned=False)
        else:
            folder = Path(tempfile.mkdtemp(prefix="proapp-pg-", dir=_server_parent()))
            folder.rmdir()  # the script creates it, owned by the server's user
            subprocess.run(["bash", str(SCRIPT), "start", str(folder)], check=True,
                           stdout=subprocess.DEVNULL)
            server = cls(folder, owned=True)
        server.ensure_owner()
        return server

    def ensure_owner(self) -> None:
        """The role the tests connect as, on a fresh cluster and on one started by
        ``scripts/postgres.sh run`` alike (a second pytest run on the same cluster finds it)."""
        with self.connect() as con:
            found = con.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                                (OWNER,)).fetchone()
            if not found:
                con.execute(f"CREATE ROLE {OWNER} LOGIN CREATEDB CREATEROLE PASSWORD "
                            f"'{OWNER_PASSWORD}'")

    def stop(self) -> None:
        if self.owned:
            subprocess.run(["bash", str(SCRIPT), "stop", str(self.folder)], check=False)

    def restart(self, mode: str = "immediate") -> None:
        """Stop the server (by default as a crash would) and start it again."""
        subprocess.run(["bash", str(SCRIPT), "restart", str(self.folder), mode], check=True)

    def down(self) -> None:
        """Crash the server and leave it down (until :meth:`up`)."""
        subprocess.run(["bash", str(SCRIPT), "down", str(self.folder)], check=True)

    def up(self) -> None:
        subprocess.run(["bash", str(SCRIPT), "up", str(self.folder)], check=True)

    def connect(self, database: str = "postgres") -> psycopg.Connection:
        """A superuser connection over the unix socket, in autocommit mode."""
        return psycopg.connect(host=self.socket_dir, port=self.port, user="postgres",
                               dbname=database, autocommit=True)

    def admin(self, *statements: str, database: str = "postgres") -> None:
        with self.connect(database) as con:
            for sql in statements:
                con.execute(sql)

    def url(self, database: str, user: str = OWNER, password: str = OWNER_PASSWORD) -> str:
        return f"postgresql+psycopg://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def create_database(self, template: str | None = None, owner: str = OWNER) -> str:
        name = f"t{os.getpid()}_{next(_names)}"
        tpl = f" TEMPLATE {template}" if template else ""
        self.admin(f"CREATE DATABASE {name}{tpl} OWNER {owner}")
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def bin(self, program: str) -> str:
        return str(self.bindir / program)
