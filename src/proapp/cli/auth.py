"""Where the command line gets a password from, safely.

Interactive use prompts with ``getpass`` (no echo, nothing in the shell history). Scheduled jobs
name a password file in ``$PROAPP_PASSWORD_FILE``: it must be a regular file owned by the user
running the job and readable by nobody else (mode 0600 or 0400 on POSIX), otherwise it is
refused, the way ssh refuses a private key anyone can read. A password is never accepted as a
command-line argument (``ps`` shows those to every user of the machine).
"""

from __future__ import annotations

import getpass
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from proapp.services.errors import UserError

ENV_USER = "PROAPP_USER"
ENV_PASSWORD_FILE = "PROAPP_PASSWORD_FILE"


def _refused(text: str) -> UserError:
    """The error to raise; imported when needed, so that a command's parser and its early
    sign-in (:func:`proapp.cli.actor.early_sign_in`) start before SQLAlchemy is imported."""
    from proapp.services.errors import UserError

    return UserError(text)


def read_password_file(path: str | os.PathLike[str]) -> str:
    """The first line of a private password file (the newline is not part of the password)."""
    p = Path(path).expanduser()
    try:
        st = p.stat()
    except OSError as exc:
        raise _refused(f"Password file {p} cannot be read: {exc.strerror}") from exc
    if not stat.S_ISREG(st.st_mode):
        raise _refused(f"Password file {p} is not a regular file")
    if os.name == "posix":
        if st.st_uid != os.getuid():
            raise _refused(f"Password file {p} belongs to another user; refused")
        if st.st_mode & 0o077:
            raise _refused(f"Password file {p} can be read by others (mode "
                            f"{stat.S_IMODE(st.st_mode):04o}); run `chmod 600 {p}` first")
    text = p.read_text(encoding="utf-8")
    password = text.splitlines()[0] if text else ""
    if not password:
        raise _refused(f"Password file {p} is empty")
    return password


def password_for(username: str, prompt: str | None = None) -> str:
    """From ``$PROAPP_PASSWORD_FILE``, else a no-echo prompt on a terminal."""
    file = os.environ.get(ENV_PASSWORD_FILE)
    if file:
        return read_password_file(file)
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt or f"Password for {username}: ")
    raise _refused(f"No password for {username}: run interactively, or set "
                    f"{ENV_PASSWORD_FILE} to a file only you can read (chmod 600)")


def new_password(username: str, file: str | None) -> str:
    """A new password: from ``file`` (same rules as the password file) or typed twice."""
    if file:
        return read_password_file(file)
    if sys.stdin is None or not sys.stdin.isatty():
        raise _refused("A new password is typed at a terminal, or given with "
                        "--password-file FILE (a file only you can read)")
    first = getpass.getpass(f"New password for {username}: ")
    if first != getpass.getpass("Repeat the new password: "):
        raise _refused("The two passwords differ; nothing was changed")
    return first
