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
COMMANDS = ("demo", "check", "report", "analysis", "export", "import_", "double_entry", "user",
            "backup", "settings", "db", "key", "instruments", "about")


# Every sub-command: its module and the one line ``--help`` shows for it (the same line the
# module registers; tests/cli/test_help.py keeps the two equal). Start-up imports only the
# module of the command being run, so ``proapp --help`` and ``proapp check`` do not pay for
# the imports of every other command.
SUMMARY: dict[str, tuple[str, str]] = {
    "demo": ("demo", "fill a new database with a synthetic demo cohort"),
    "check": ("check", "check the database (integrity, change log, counts)"),
    "report": ("report", "write per-patient trend reports (PDF)"),
    "analysis": ("analysis", "cohort analysis: Friedman and Spearman by MS subtype and group"),
    "export": ("export", "export the data (csv, wide, xlsx, redcap, fhir, odm, sqlite)"),
    "import": ("import_", "import patients.csv / visits.csv (all or nothing)"),
    "double-entry": ("double_entry", "double data entry: the keying agreement report"),
    "user": ("user", "manage staff accounts (add, list, deactivate, passwd, role)"),
    "backup": ("backup", "write a consistent backup of the database"),
    "restore": ("backup", "replace the database by a backup (administrators)"),
    "settings": ("settings", "show or change the clinic settings"),
    "db": ("db", "shared server database: create its schema, copy between SQLite and "
                 "PostgreSQL"),
    "key": ("key", "the integrity key: where it is, export, import"),
    "instruments": ("instruments", "questionnaire texts per language: list, check, install, "
                                   "remove"),
    "about": ("about", "version, data and log folders, bundled licences"),
}


def command_in(argv: Sequence[str]) -> str | None:
    """The sub-command named in ``argv`` (None: the window, ``--help`` or ``--version``)."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token == "--db":
            skip = True
        elif not token.startswith("-"):
            return token
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser; with ``argv``, only the named command's module is imported and
    the other commands are listed by their :data:`SUMMARY` line."""
    wanted = command_in(argv) if argv is not None else None
    lazy = argv is not None and (wanted is None or wanted in SUMMARY)
    parser = argparse.ArgumentParser(
        prog="proapp",
        description="Patient-reported outcomes (MIDAS, FSS) and IJV flow for MS clinics. "
                    "Without a sub-command, opens the application window.")
    parser.add_argument("--version", action="version", version=f"proapp {__version__}")
    add_db_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    for name in COMMANDS:
        if lazy and (wanted is None or SUMMARY[wanted][0] != name) and any(
                module == name for module, _help in SUMMARY.values()):
            for command, (module, text) in SUMMARY.items():
                if module == name:
                    sub.add_parser(command, help=text)
            continue
        importlib.import_module(f"proapp.cli.{name}").register(sub)
    return parser


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS,
        help="SQLite file or SQLAlchemy URL (default: $PROAPP_DB, else proapp.db in the user "
             "data folder)")


def run(args: argparse.Namespace) -> int:
    """Run a parsed sub-command.

    A problem the user can act on prints one plain line (the same words the window shows,
    :func:`proapp.services.errors.plain_error`) and exits 1 (2 for a refused database, as
    documented). Nothing else reaches the terminal: no traceback, no SQL, no parameters; the
    details go to the log file (0600). A bug says so in one line and where the details are.
    """
    try:  # the handler imports what it needs (a sign-in starts before SQLAlchemy is loaded)
        if getattr(args, "signs_in", False):
            from proapp.cli.actor import early_sign_in

            args.early = early_sign_in(args)  # Argon2 in a thread while the handler imports
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("proapp: interrupted; nothing more was written", file=sys.stderr)
        return 130
    except Exception as exc:  # the one place where every error of a command ends
        return _failed(args, exc)


def _failed(args: argparse.Namespace, exc: Exception) -> int:
    """What :func:`run` prints and returns for a command's error."""
    import logging

    from proapp.db.errors import DatabaseRefused
    from proapp.domain.validation import ValidationError
    from proapp.logs import FILE_ONLY
    from proapp.services.errors import plain_error

    log = logging.getLogger("proapp.cli")
    if isinstance(exc, DatabaseRefused):
        log.warning("database refused: %s", exc, extra=FILE_ONLY)
        print(f"proapp: {exc}", file=sys.stderr)
        return 2
    if isinstance(exc, ValidationError):
        for issue in exc.issues:
            print(f"proapp: {issue}", file=sys.stderr)
        return 1
    plain = plain_error(exc)
    if plain is None:
        from proapp.logs import log_file

        log.error("unexpected error in proapp %s", getattr(args, "command", "?"),
                  exc_info=exc, extra=FILE_ONLY)
        print(f"proapp: unexpected error ({type(exc).__name__}); this is a bug, the "
              f"details are in {log_file()}", file=sys.stderr)
        return 1
    log.warning("%s: %s", plain.title, exc, exc_info=exc.__cause__ is not None,
                extra=FILE_ONLY)
    print(f"proapp: {plain.message}", file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    return run(args)
