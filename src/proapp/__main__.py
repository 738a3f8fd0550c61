"""Entry point: ``proapp`` / ``python -m proapp``.

With a sub-command it runs the CLI. Without one it opens and migrates the database first
(before any Qt object exists, as Vorta does), then starts the GUI.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from proapp.cli import build_parser, run

    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:  # the one answer that needs no parser at all
        from proapp import __version__

        print(f"proapp {__version__}")
        return 0
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    from proapp.db import memstatus

    memstatus.switch_off()  # first, while no thread and no connection exists (see there)
    start_logging(args.command or "gui")
    if args.command is not None:
        return run(args)
    return launch_gui(getattr(args, "db", None))


def start_logging(what: str) -> None:
    """The one call to :func:`proapp.logs.setup_logging`, for the GUI and every command
    (after argument parsing, so ``--help`` and ``--version`` write no log)."""
    import logging
    import platform

    from proapp import __version__
    from proapp.logs import setup_logging

    setup_logging()
    logging.getLogger("proapp").info(
        "proapp %s (%s) started: %s, Python %s on %s", __version__,
        "frozen" if getattr(sys, "frozen", False) else "source", what,
        platform.python_version(), platform.platform())


def launch_gui(db: str | None) -> int:
    from proapp.db.migrate import DatabaseRefused, open_database

    try:
        database = open_database(db)
    except DatabaseRefused as exc:
        from proapp.gui.shell.app import CANNOT_OPEN, show_fatal

        return show_fatal(CANNOT_OPEN, exc.args[0] if exc.args else str(exc))
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        from proapp.db import server  # (its checks build the ORM's tables: not on every start)
        from proapp.db.engine import resolve_url

        # open_database translates what it recognises (db/errors.py): libpq's own words,
        # kept as the cause, say best what is wrong with the connection settings.
        cause = exc.__cause__ if isinstance(exc.__cause__, DBAPIError) else exc
        if not (isinstance(cause, DBAPIError) and server.is_server(resolve_url(db))):
            raise
        from proapp.domain.i18n import msg
        from proapp.gui.shell.app import CANNOT_REACH, application, show_fatal

        problem = server.plain_connect_error(cause)
        if db is not None:  # named on the command line: nothing saved to correct
            return show_fatal(CANNOT_REACH, problem)
        from proapp.gui.shell.server_dialog import edit_connection

        application()
        if edit_connection(None, msg("The saved server cannot be used: {problem}",
                                     problem=problem)):
            return launch_gui(db)  # again, with the corrected settings
        return 2
    from proapp.gui.shell.app import run_gui

    return run_gui(database)


if __name__ == "__main__":
    raise SystemExit(main())
