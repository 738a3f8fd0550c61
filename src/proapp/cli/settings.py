"""``proapp settings get [KEY]`` and ``proapp settings set KEY VALUE`` (administrators)."""

from __future__ import annotations

import argparse

from proapp.cli import Subparsers, add_db_option
from proapp.cli.actor import add_user_options, cli_actor


def register(sub: Subparsers) -> None:
    from proapp.domain.settings import DEFINITIONS

    keys = ", ".join(DEFINITIONS)
    p = sub.add_parser("settings", help="show or change the clinic settings",
                       description="Clinic settings shared by every workstation: "
                       f"{keys}. `get` prints them (or one); `set` changes one, as an "
                       "administrator, and writes the change to the change log.")
    add_db_option(p)
    actions = p.add_subparsers(dest="settings_action", metavar="ACTION", required=True)
    g = actions.add_parser("get", help="print the settings (KEY=VALUE), or one value")
    add_db_option(g)
    g.add_argument("key", nargs="?", help=f"one of {keys}")
    g.set_defaults(handler=handle_get)
    s = actions.add_parser("set", help="change a setting (administrators)")
    add_db_option(s)
    add_user_options(s)
    s.add_argument("key", help=f"one of {keys}")
    s.add_argument("value", help="the new value (\"\" for blank)")
    s.set_defaults(handler=handle_set)


def handle_get(args: argparse.Namespace) -> int:
    from proapp.db.migrate import open_database
    from proapp.services import settings

    db = open_database(getattr(args, "db", None))
    try:
        if args.key:
            print(settings.get(db, settings.definition(args.key).key))
        else:
            for key, value in settings.all_values(db).items():
                print(f"{key}={value}")
    finally:
        db.dispose()
    return 0


def handle_set(args: argparse.Namespace) -> int:
    from proapp.db.migrate import open_database
    from proapp.services import settings

    db = open_database(getattr(args, "db", None))
    try:
        settings.definition(args.key)  # an unknown key fails before the password prompt
        actor = cli_actor(args, db)
        changed = settings.set_value(db, actor, args.key, args.value)
        value = settings.get(db, args.key)
    finally:
        db.dispose()
    print(f"{args.key}={value}" + ("" if changed else "  (unchanged)"))
    return 0
