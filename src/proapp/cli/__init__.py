"""The command line: ``proapp SUBCOMMAND``. Each sub-command lives in its own module with
``register(subparsers)``; the GUI and the CLI call the same services."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TypeAlias

from proapp import __version__

# What each sub-command module's ``register`` receives (generic only in the type stubs).
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

# Sub-command modules, in the order ``--help`` lists them.
COMMANDS = ("demo", "check", "report", "analysis", "export", "import_", "user", "backup",
            "db", "about")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="proapp",
        description="Patient-reported outcomes (MIDAS, FSS) and IJV flow for MS clinics. "
                    "Without a sub-command, opens the application window.")
    parser.add_argument("--version", action="version", version=f"proapp {__version__}")
    add_db_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    for name in COMMANDS:
        importlib.import_module(f"proapp.cli.{name}").register(sub)
    return parser


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS,
        help="SQLite file or SQLAlchemy URL (default: $PROAPP_DB, else proapp.db in the user "
             "data folder)")


def run(args: argparse.Namespace) -> int:
    """Run a parsed sub-command; user errors print one clear line and exit 1 or 2."""
    from proapp.db.migrate import DatabaseRefused
    from proapp.domain.validation import ValidationError
    from proapp.services.errors import UserError

    try:
        return int(args.handler(args) or 0)
    except DatabaseRefused as exc:
        print(f"proapp: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        for issue in exc.issues:
            print(f"proapp: {issue}", file=sys.stderr)
        return 1
    except UserError as exc:
        print(f"proapp: {exc}", file=sys.stderr)
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    return run(args)
