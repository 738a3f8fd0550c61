"""Who a command runs as.

Every command that changes or exports data acts as a named proapp user: ``--user NAME`` (or
``$PROAPP_USER``) and a password from a no-echo prompt or ``$PROAPP_PASSWORD_FILE`` (see
:mod:`proapp.cli.auth`). The one exception is a new database without any account yet: commands
then act as ``cli:<login name>`` with the nurse role (no user management, settings or restore),
and say so on stderr, until the first administrator is created with ``proapp user add``.
``proapp demo`` and ``proapp check`` never need an account (the demo writes as the system
actor ``system:demo``; check only reads).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from proapp.cli.auth import ENV_PASSWORD_FILE, ENV_USER, password_for, read_password_file
from proapp.domain.actor import Actor
from proapp.paths import ENV_DB

if TYPE_CHECKING:  # imported when a command runs, not when the parser is built
    from proapp.db.engine import Database
    from proapp.services.accounts.passwords import EarlyVerification


def add_user_options(parser: argparse.ArgumentParser) -> None:
    """``--user``; the command signs in, so :func:`proapp.cli.run` starts its password check
    before the handler imports and opens anything (:func:`early_sign_in`)."""
    parser.set_defaults(signs_in=True)
    parser.add_argument(
        "--user", metavar="NAME", default=argparse.SUPPRESS,
        help=f"act as this proapp user (default: ${ENV_USER}); the password is asked for, or "
             "read from $PROAPP_PASSWORD_FILE (a file only you can read)")


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@contextmanager
def database(args: argparse.Namespace) -> Iterator[Database]:
    """The database named by ``args.db`` (``$PROAPP_DB``, else the default), disposed of when
    the command is done with it, also on errors."""
    from proapp.db.migrate import open_database

    db = open_database(getattr(args, "db", None))
    try:
        yield db
    finally:
        db.dispose()


def early_sign_in(args: argparse.Namespace) -> EarlyVerification | None:
    """The password check of the command's user, started now in a thread (Argon2 works
    outside the interpreter's lock) while the command imports SQLAlchemy and opens the
    database; :func:`proapp.cli.run` calls it before the handler of every command that
    signs in (``add_user_options``) and keeps it as ``args.early`` for :func:`cli_actor`.

    Only when nothing has to be asked: the user named (``--user``/``$PROAPP_USER``), the
    password in ``$PROAPP_PASSWORD_FILE`` and the database a SQLite file named by ``--db`` or
    ``$PROAPP_DB``; otherwise None, and the sign-in checks the password in its own time. Any
    problem here (an unreadable password file, a damaged database) is left for the sign-in
    itself to report. The result decides nothing on its own: see :func:`cli_actor`."""
    from proapp.services.accounts import passwords

    username = getattr(args, "user", None) or os.environ.get(ENV_USER)
    file = os.environ.get(ENV_PASSWORD_FILE)
    value = getattr(args, "db", None) or os.environ.get(ENV_DB)
    if value is not None and value.startswith("sqlite:///") and "?" not in value:
        value = value[len("sqlite:///"):]  # a SQLite file named by its URL
    if not (username and file and value) or "://" in value:
        return None
    try:
        password = read_password_file(file)
    except Exception:
        return None
    return passwords.start_early(Path(value).expanduser(), username, password)


def cli_actor(args: argparse.Namespace, db: Database | None = None,
              early: EarlyVerification | None = None) -> Actor:
    """Authenticate the command's user against the database named by ``args.db``.

    ``early`` (:func:`early_sign_in`; by default the one :func:`proapp.cli.run` started,
    ``args.early``) is the verification of the password against the hash read before the
    database was opened; the sign-in reads the account again in its own transaction and uses
    that result only for the same hash and password."""
    from proapp.services import accounts
    from proapp.services.errors import UserError

    if early is None:
        early = getattr(args, "early", None)
    own = db is None
    if db is None:
        from proapp.db.migrate import open_database

        db = open_database(getattr(args, "db", None))
    try:
        username = getattr(args, "user", None) or os.environ.get(ENV_USER) or None
        if not accounts.has_users(db):
            if username:
                raise UserError("This database has no user accounts yet; create the first "
                                "administrator with `proapp user add NAME --role admin`")
            actor = Actor(f"cli:{os_user()}", None, "nurse")
            print(f"proapp: no user accounts yet: acting as {actor.username} (nurse); create "
                  "an administrator with `proapp user add NAME --role admin`", file=sys.stderr)
            return actor
        if not username:
            raise UserError(f"This database has user accounts: name yours with --user NAME "
                            f"(or ${ENV_USER})")
        return accounts.authenticate(db, username, password_for(username), early)
    finally:
        if own:
            db.dispose()
