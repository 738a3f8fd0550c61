"""``proapp double-entry report``: keying agreement per user and instrument, as CSV."""

from __future__ import annotations

import argparse
from pathlib import Path

from proapp.cli import Subparsers, add_db_option
from proapp.cli.actor import add_user_options


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "double-entry", help="double data entry: the keying agreement report",
        description="Double data entry of paper questionnaires (switched on with the "
                    "double_entry setting). 'report' writes the agreement of every person who "
                    "keyed visits twice: per user and instrument, the fields keyed, the "
                    "differences, the errors (a difference resolved against the user's value) "
                    "and the errors per 1,000 fields.")
    add_db_option(p)
    what = p.add_subparsers(dest="double_entry_command", metavar="ACTION", required=True)
    report = what.add_parser("report", help="write the agreement report (CSV)",
                             description="Write the keying agreement report as CSV.")
    add_db_option(report)
    add_user_options(report)
    report.add_argument("--out", required=True, type=Path, metavar="FILE.csv",
                        help="where to write the report")
    report.add_argument("--force", action="store_true", help="replace an existing file")
    report.set_defaults(handler=handle_report)


def handle_report(args: argparse.Namespace) -> int:
    from proapp.cli.actor import cli_actor, database
    from proapp.domain.double_entry import ALL
    from proapp.services.visits.double_entry import write_agreement_report

    with database(args) as db:
        rows = write_agreement_report(db, cli_actor(args, db), args.out, force=args.force)
    total = next((r for r in rows if r.user == ALL and r.instrument == ALL), None)
    if total is None:
        print(f"no visit has been keyed twice yet; wrote the header to {args.out}")
    else:
        print(f"visits keyed twice: {total.visits}; fields keyed: {total.fields}; errors: "
              f"{total.errors} ({total.errors_per_1000} per 1,000 fields); keyed values in "
              f"unresolved differences: {total.unresolved}; written to {args.out}")
    return 0
