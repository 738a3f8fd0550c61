"""``proapp db init-server URL`` and ``proapp db copy SRC DST``: setting up a shared server
database and moving a clinic's data between SQLite and PostgreSQL."""

from __future__ import annotations

import argparse
import sys

from proapp.cli import Subparsers


def register(sub: Subparsers) -> None:
    p = sub.add_parser("db", help="shared server database: create its schema, copy between "
                       "SQLite and PostgreSQL",
                       description="Set up a PostgreSQL database for several workstations "
                       "and move data between back-ends.")
    dsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)

    i = dsub.add_parser("init-server", help="create proapp's schema in an empty server "
                        "database",
                        description="Create the schema in an empty PostgreSQL database (run "
                        "it as the role that is to own the tables). A database holding "
                        "another program's tables is refused and left untouched; a proapp "
                        "database is upgraded to this version's schema. With --grant ROLE, "
                        "that role (the workstations' login) gets exactly the privileges it "
                        "needs: data read/write, INSERT-only on the change log, no DDL.")
    i.add_argument("url", help="postgresql+psycopg://OWNER@HOST:PORT/DATABASE (the password "
                   "from the pgpass file, $PGPASSWORD or the URL)")
    i.add_argument("--grant", metavar="ROLE", help="give ROLE the workstations' privileges")
    i.set_defaults(handler=handle_init)

    c = dsub.add_parser("copy", help="copy a whole database to a new one (SQLite <-> "
                        "PostgreSQL), all or nothing",
                        description="Copy every row, with its id, from SRC into a new, empty "
                        "DST in one transaction, then compare the row count of every table "
                        "and verify DST's change-log hash chain against SRC's newest row "
                        "before committing; any difference leaves DST without data. SRC may "
                        "stay in use meanwhile (it is read in one snapshot).")
    c.add_argument("src", help="SQLite file or server URL to copy from")
    c.add_argument("dst", help="new SQLite file or empty server database URL to copy into")
    c.set_defaults(handler=handle_copy)


def handle_init(args: argparse.Namespace) -> int:
    from proapp.services.integrity.transfer import init_server

    result = init_server(args.url, args.grant)
    what = "schema created" if result.created else "already a proapp database"
    print(f"{result.database}: {what} (schema {result.revision})")
    if result.granted_to:
        print(f"role {result.granted_to}: workstation privileges granted")
    return 0


def handle_copy(args: argparse.Namespace) -> int:
    from proapp.services.integrity.transfer import copy_database

    def progress(table: str, n: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{table}: {n} rows", end="", file=sys.stderr, flush=True)

    report = copy_database(args.src, args.dst, progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for line in report.lines():
        print(line)
    return 0
