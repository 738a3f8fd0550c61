"""``proapp export``: write the database in an exchange format (see the README)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from proapp.cli import Subparsers, add_db_option
from proapp.cli.actor import add_user_options

if TYPE_CHECKING:  # imported when the command runs, so that --help stays fast
    from proapp.db.engine import Database

FORMATS = ("csv", "wide", "xlsx", "redcap", "fhir", "odm", "sqlite")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _subtypes(text: str) -> frozenset[str]:
    values = frozenset(s.strip().upper() for s in text.split(",") if s.strip())
    bad = values - {"RR", "SP", "PP"}
    if bad or not values:
        raise argparse.ArgumentTypeError("--subtype takes RR, SP and/or PP, comma separated")
    return values


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "export", help="export the data (csv, wide, xlsx, redcap, fhir, odm, sqlite)",
        description="Export patients and complete visits. csv, wide, redcap, fhir and odm write a "
        "folder; xlsx and sqlite write a file. Every export includes a data dictionary. "
        "Existing files are only replaced with --force; a failed export leaves no partial file.")
    add_db_option(p)
    add_user_options(p)
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--out", required=True, type=Path, metavar="PATH",
                   help="destination folder (csv, wide, redcap, fhir, odm) or file (xlsx, "
                   "sqlite)")
    p.add_argument("--deidentify", action="store_true",
                   help="leave out names, birth dates and free text; keep age at visit and the "
                   "patient code")
    p.add_argument("--from", dest="date_from", type=_date, metavar="DATE",
                   help="only visits on or after this date")
    p.add_argument("--to", dest="date_to", type=_date, metavar="DATE",
                   help="only visits on or before this date")
    p.add_argument("--subtype", type=_subtypes, metavar="RR,SP,PP",
                   help="only patients of these MS subtypes")
    p.add_argument("--force", action="store_true", help="replace existing files")
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from proapp.cli.actor import cli_actor
    from proapp.services.exchange.dataset import ExportOptions
    from proapp.services.exchange.export import run_export

    if args.date_from and args.date_to and args.date_from > args.date_to:
        print("proapp: --from is after --to", file=sys.stderr)
        return 2
    options = ExportOptions(args.deidentify, args.date_from, args.date_to,
                            args.subtype or frozenset())
    db = open_for_export(getattr(args, "db", None))
    try:
        result = run_export(db, cli_actor(args, db), args.format, args.out, options,
                            force=args.force)
    finally:
        db.dispose()
    print(f"exported {result.format.value} ({options.describe()}): {result.patients} patients, "
          f"{result.visits} visits")
    for path in result.paths:
        print(f"  {path}")
    return 0


def open_for_export(target: str | None) -> Database:
    """Exports only read: never create a database, and on a read-only disk or file open it
    read-only instead of failing."""
    from proapp.db.errors import AccessDenied, ReadOnlyStorage
    from proapp.db.migrate import open_database

    try:
        return open_database(target, create=False)
    except (ReadOnlyStorage, AccessDenied):
        return open_database(target, create=False, migrate=False, read_only=True)
