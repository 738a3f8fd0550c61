"""``proapp check``: schema version, integrity, change-log chain and counts; non-zero on any
problem so scheduled jobs can alert."""

from __future__ import annotations

import argparse

from proapp.cli import Subparsers, add_db_option


def register(sub: Subparsers) -> None:
    p = sub.add_parser("check", help="check the database (integrity, change log, counts)",
                       description="Report schema version, SQLite integrity check, the change "
                       "log's keyed chain, its anchors outside the database and in the newest "
                       "backup, a replay of the change log against every stored row, the "
                       "schema's objects, and row counts. Exits 1 when anything is wrong. The "
                       "database is opened read-only: never created, migrated or changed.")
    add_db_option(p)
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    # SQLite's part of the check first, on the second core while the rest is imported
    from proapp.services.integrity.early import start

    early = start(getattr(args, "db", None))
    try:
        from proapp.db.migrate import open_database
        from proapp.services.integrity.check import run_check

        db = open_database(getattr(args, "db", None), migrate=False, create=False,
                           read_only=True, verify_schema=False)
        try:
            report = run_check(db, early)
        finally:
            db.dispose()
    finally:
        if early is not None:
            early.close()
    for line in report.lines():
        print(line)
    print("OK" if report.ok else "PROBLEMS FOUND")
    return 0 if report.ok else 1
