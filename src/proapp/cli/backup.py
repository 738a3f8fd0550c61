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
                       "--to DIR needs an administrator (a backup holds every account's "
                       "password hash). A server database is dumped with pg_dump (custom "
                       "format, one consistent snapshot) into proapp-<time>.dump, rotated the "
                       "same way.")
    add_db_option(b)
    add_user_options(b)
    b.add_argument("--to", metavar="DIR", type=Path, help="write the backup into DIR")
    b.set_defaults(handler=handle_backup)

    r = sub.add_parser("restore", help="replace the database by a backup (administrators)",
                       description="Check FILE (SQLite integrity, a proapp database, a schema "
                       "this version knows, an intact change log), keep the current database "
                       "aside as <name>.replaced-<time>.db, then move the backup into place "
                       "atomically. Close proapp everywhere first. An administrator of the "
                       "current database signs in; if it cannot be opened at all, only the "
                       "owner of its folder may restore (--owner, with a typed confirmation). "
                       "A .dump of a server database is checked the same way (archive, "
                       "schema, keyed chain) and restored with pg_restore, all or nothing, into "
                       "the new, empty server database given by --db, after an administrator of "
                       "the CURRENT database (--current) signs in; never an account of the "
                       "backup.")
    add_db_option(r)
    add_user_options(r)
    r.add_argument("file", type=Path, help="the backup file to restore")
    r.add_argument("--owner", action="store_true",
                   help="the current database cannot be opened: restore as the operating-"
                   "system user who owns its folder (a server: as the PostgreSQL role that "
                   "owns the new database), after typing a confirmation")
    r.add_argument("--current", metavar="URL",
                   help="a server restore: the database the workstations use now, whose "
                   "administrator authorises it (default: $PROAPP_DB, else this "
                   "workstation's saved server, when either is not the new database)")
    r.set_defaults(handler=handle_restore)


def handle_backup(args: argparse.Namespace) -> int:
    from proapp.db.migrate import open_database
    from proapp.services.integrity.backup import backup_now

    db = open_database(getattr(args, "db", None), create=False)
    try:
        actor = cli_actor(args, db)
        target = backup_now(db, actor, args.to)
    finally:
        db.dispose()
    print(target)
    return 0


def _current_database(target: str) -> str | None:
    """The database a server restore replaces: ``$PROAPP_DB``, else the saved server, the
    first that is not the new database itself."""
    import os

    from proapp.db import server
    from proapp.db.engine import ENV_DB, resolve_url

    for candidate in (os.environ.get(ENV_DB), server.saved_url()):
        if candidate and resolve_url(candidate) != target:
            return candidate
    return None


def handle_restore(args: argparse.Namespace) -> int:
    import sys

    from proapp.db.engine import resolve_url, sqlite_path
    from proapp.db.errors import StorageError
    from proapp.db.migrate import open_database
    from proapp.services.errors import UserError
    from proapp.services.integrity.backup import owner_actor, owner_phrase, restore

    url = resolve_url(getattr(args, "db", None))
    path = sqlite_path(url)
    if path is None:  # a server: pg_restore into a new, empty database
        from sqlalchemy.engine import make_url

        from proapp.services.integrity import server_backup

        current = args.current or _current_database(url)
        line = None
        if args.owner:
            phrase = server_backup.owner_phrase(args.file)
            print(f"To restore into {make_url(url).render_as_string(hide_password=True)} as "
                  f"the role that owns it, type: {phrase}", file=sys.stderr)
            line = sys.stdin.readline() if sys.stdin is not None else ""
        # Sign in against the CURRENT database, never against the backup's accounts.
        revision = server_backup.restore_server(url, args.file, lambda d: cli_actor(args, d),
                                                current=current, owner_confirmation=line)
        shown = make_url(url).render_as_string(hide_password=True)
        print(f"restored {shown} from {args.file} (schema {revision})")
        return 0
    path = path.resolve()
    if args.owner:
        # Only when the current database cannot be read: no account can authorise then.
        phrase = owner_phrase(path)
        print(f"To restore {path} as the owner of its folder, type: {phrase}", file=sys.stderr)
        line = sys.stdin.readline() if sys.stdin is not None else ""
        result = restore(path, args.file, owner_actor(), owner_confirmation=line)
    else:
        # Sign in against the CURRENT database, never against the backup's accounts.
        try:
            current = open_database(path, migrate=False, create=False)
        except StorageError as exc:
            raise UserError(f"Not restored: the current database cannot be opened ({exc}). "
                            "The owner of its folder may restore it with --owner.") from exc
        try:
            actor = cli_actor(args, current)
        finally:
            current.dispose()
        result = restore(path, args.file, actor)
    print(f"restored {result.database} from {result.restored_from} (schema {result.revision})")
    if result.replaced_saved_as:
        print(f"the replaced database was kept as {result.replaced_saved_as}")
    return 0
