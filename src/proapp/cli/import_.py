"""``proapp import``: load patients.csv and/or visits.csv (the interchange format), all or
nothing. Exit status 0 when imported (or, with --dry-run, when it would import), 1 when any
error was found (nothing is written), 2 for a refused database or a usage error."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from proapp.cli import Subparsers, add_db_option
from proapp.cli.actor import add_user_options


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "import", help="import patients.csv / visits.csv (all or nothing)",
        description="Read patients.csv and/or visits.csv from DIR in the interchange format, "
        "validate every row with the same rules as the application, and write everything in "
        "one transaction - or nothing when any error is found. Every error is listed with "
        "file, row, column, value and rule.")
    add_db_option(p)
    add_user_options(p)
    p.add_argument("folder", type=Path, metavar="DIR")
    p.add_argument("--dry-run", action="store_true",
                   help="validate and report only; write nothing")
    p.add_argument("--update", action="store_true",
                   help="replace patients and visits that exist with different values (logged "
                   "in the change log)")
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from proapp.cli.actor import cli_actor
    from proapp.db.migrate import open_database
    from proapp.services.exchange.importer import import_folder

    db = open_database(getattr(args, "db", None))
    try:
        start = time.perf_counter()
        report = import_folder(db, cli_actor(args, db), args.folder, dry_run=args.dry_run,
                               update=args.update)
        seconds = time.perf_counter() - start
    finally:
        db.dispose()
    for finding in report.findings:
        print(finding)
    rows = ", ".join(f"{name}: {n} rows" for name, n in report.rows.items())
    print(f"{rows} read in {seconds:.2f} s")
    print(report.summary())
    return 0 if report.ok else 1
