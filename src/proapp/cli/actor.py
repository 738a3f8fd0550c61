"""Who a command-line run acts as.

Until the CLI has its own sign-in, a command runs as ``cli:<operating-system user>`` with the
nurse role (what every command needs). Replace :func:`cli_actor` when real CLI authentication
exists; every sub-command gets its actor only from here.
"""

from __future__ import annotations

import argparse
import getpass

from proapp.db.engine import Actor


def cli_actor(args: argparse.Namespace | None = None) -> Actor:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or password database
        user = "unknown"
    return Actor(f"cli:{user}", role="nurse")
