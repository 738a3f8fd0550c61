"""``proapp backup`` and ``proapp restore``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from proapp.cli import Subparsers, add_db_option
from proapp.cli.actor import add_user_options, cli_actor

if TYPE_CHECKING:  # imported when a command runs, so that --help stays fast
    pass


def register(sub: Subparsers) -> None:
    b = sub.add_parser("backup", help="write a consistent backup of the database",
                       description="Copy the database with SQLite's online backup API (safe "
                       "while proapp is running elsewhere) into the backup folder (setting "
                       "backup_dir, default <data folder>/backups; rotated 7 daily, 4 weekly, "
                       "12 monthly) or into --to DIR (not rotated). Prints the file written. "
                       "A server database is dumped with pg_dump (custom format, one "
                       "consistent snapshot) into proapp-<time>.dump, rotated the same way.")
    add_db_option(b)
    add_user_options(b)
    b.add_argument("--to", metavar="DIR", type=Path, help="write the backup into DIR")
    b.set_defaults(handler=handle_backup)

    r = sub.add_parser("restore", help="replace the database by a backup (administrators)",
                       description="Check FILE (SQLite integrity, a proapp database, a schema "
                       "this version knows, an intact change log), keep the current database "
                       "aside as <name>.replaced-<time>.db, then move the backup into place "
                       "atomically. Close proapp everywhere first. If the current database "
                       "cannot be opened, the administrator signs in against the backup. "
                       "A .dump of a server database is checked the same way (archive, "
                       "schema, chain) and restored with pg_restore, all or nothing, into the "
                       "new, empty server database given by --db; the administrator then signs "
                       "in against the restored data.")
    add_db_option(r)
    add_user_options(r)
    r.add_argument("file", type=Path, help="the backup file to restore")
    r.set_defaults(handler=handle_restore)


def handle_backup(args: argparse.Namespace) -> int:
    from proapp.db.migrate import open_database
    from proapp.services.integrity.backup import backup_now

    db = open_database(getattr(args, "db", None))
    try:
        actor = cli_actor(args, db)
        target = backup_now(db, actor, args.to)
    finally:
        db.dispose()
    print(target)
    return 0


def handle_restore(args: argparse.Namespace) -> int:
    from proapp.db.engine import resolve_url, sqlite_path
    from proapp.db.migrate import (
        DatabaseRefused,
        FileState,
        inspect_sqlite_file,
        open_database,
    )
    from proapp.db.sqlite_files import read_only_database
    from proapp.services.errors import UserError
    from proapp.services.integrity.backup import check_backup, restore

    url = resolve_url(getattr(args, "db", None))
    path = sqlite_path(url)
    if path is None:  # a server: pg_restore into a new, empty database
        from sqlalchemy.engine import make_url

        from proapp.services.integrity.server_backup import restore_server

        revision = restore_server(url, args.file, lambda d: cli_actor(args, d))
        shown = make_url(url).render_as_string(hide_password=True)
        print(f"restored {shown} from {args.file} (schema {revision})")
        return 0
    check_backup(args.file)
    try:
        usable = inspect_sqlite_file(path).state is FileState.PROAPP
    except DatabaseRefused:
        usable = False
    # Sign in against the current database, or against the backup when the current one is
    # missing or damaged (the administrator must then exist in the backup).
    auth_db = open_database(path, migrate=False) if usable else read_only_database(args.file)
    try:
        actor = cli_actor(args, auth_db)
    finally:
        auth_db.dispose()
    if actor.user_id is None:
        raise UserError("Restore needs an administrator account (--user NAME)")
    result = restore(path, args.file, actor)
    print(f"restored {result.database} from {result.restored_from} (schema {result.revision})")
    if result.replaced_saved_as:
        print(f"the replaced database was kept as {result.replaced_saved_as}")
    return 0
