"""``proapp key``: the database's integrity key (see :mod:`proapp.db.keys`).

Several workstations on one database need the same key: ``proapp key export FILE`` where it
is installed, carry FILE over (a USB stick kept by IT, an encrypted share), ``proapp key import
FILE`` on the other workstation, then delete FILE. Importing checks the key against the
database's own change log first, so a wrong key is never installed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from proapp.cli import Subparsers, add_db_option


def register(sub: Subparsers) -> None:
    p = sub.add_parser("key", help="the integrity key: where it is, export, import",
                       description="The change log's integrity key is kept outside the "
                       "database, in your config folder (and the OS keyring where there is "
                       "one). Back it up like a password; install the same key on every "
                       "workstation that uses the database.")
    add_db_option(p)
    actions = p.add_subparsers(dest="key_action", metavar="ACTION", required=True)
    s = actions.add_parser("show", help="where the key of this database is")
    add_db_option(s)
    e = actions.add_parser("export", help="write the key to FILE (0600) for another "
                           "workstation or for IT's backup")
    e.add_argument("file", type=Path)
    add_db_option(e)
    i = actions.add_parser("import", help="install the key from FILE (checked against the "
                           "database first)")
    i.add_argument("file", type=Path)
    add_db_option(i)
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from proapp.db import installation, keys
    from proapp.db.migrate import open_database
    from proapp.services.errors import UserError

    db = open_database(getattr(args, "db", None), create=False, migrate=False, read_only=True)
    try:
        with db.engine.connect() as conn:
            row = installation.read_row(conn)
        if row is None:
            raise UserError(f"{db.display_name} has no installation record (an older schema: "
                            "open it once with this version)")
        if args.key_action == "show":
            path = keys.key_path(row.id)
            state = "installed" if keys.load_key(row.id) is not None else "NOT installed"
            print(f"installation {row.id}: key {state} ({path})")
            return 0 if state == "installed" else 1
        if args.key_action == "export":
            key = keys.load_key(row.id)
            if key is None:
                raise UserError(f"The key of installation {row.id} is not installed here")
            if args.file.exists():
                raise UserError(f"{args.file} exists; choose a new file name")
            keys.atomic_write(args.file.resolve(), keys.key_document(row.id, key))
            print(f"key of installation {row.id} written to {args.file} (mode 0600); keep it "
                  "like a password and delete it once installed")
            return 0
        data = args.file.read_bytes()
        owner, key = keys.parse_key_document(data, str(args.file))
        if owner != row.id:
            raise UserError(f"{args.file} is the key of installation {owner}, not of this "
                            f"database ({row.id}); nothing was installed")
        problem = installation.seal_problem(row, key)
        if problem is not None:
            raise UserError(f"{args.file} does not verify this database ({problem}); nothing "
                            "was installed")
        keys.store_key(row.id, key)
        print(f"key of installation {row.id} installed in {keys.key_dir()}")
        return 0
    finally:
        db.dispose()
