"""``proapp user``: staff accounts (administrators only, except ``passwd`` for oneself).

On a database without accounts, ``proapp user add NAME --role admin`` creates the first
administrator without signing in (the same step the window asks for at first start).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from proapp.cli import Subparsers, add_db_option
from proapp.cli.actor import add_user_options, cli_actor

if TYPE_CHECKING:  # imported when a command runs, so that --help stays fast
    from proapp.db.engine import Database
    from proapp.services.accounts.roster import UserInfo


def register(sub: Subparsers) -> None:
    p = sub.add_parser("user", help="manage staff accounts (add, list, deactivate, passwd, role)",
                       description="Staff accounts. Needs an administrator (--user), except "
                       "`passwd` without NAME, which changes your own password, and the very "
                       "first `add`, which creates the first administrator.")
    add_db_option(p)
    add_user_options(p)
    actions = p.add_subparsers(dest="user_action", metavar="ACTION", required=True)

    a = actions.add_parser("add", help="create a user")
    a.add_argument("name")
    a.add_argument("--role", required=True, choices=("nurse", "clinician", "admin"))
    a.add_argument("--full-name", default="")
    a.add_argument("--password-file", metavar="FILE",
                   help="read the new password from FILE (chmod 600); else it is typed twice")
    add_db_option(a)
    add_user_options(a)

    ls = actions.add_parser("list", help="list users")
    add_db_option(ls)
    add_user_options(ls)

    d = actions.add_parser("deactivate", help="deactivate a user (their history stays)")
    d.add_argument("name")
    add_db_option(d)
    add_user_options(d)

    r = actions.add_parser("activate", help="reactivate a user")
    r.add_argument("name")
    add_db_option(r)
    add_user_options(r)

    role = actions.add_parser("role", help="change a user's role")
    role.add_argument("name")
    role.add_argument("role", choices=("nurse", "clinician", "admin"))
    add_db_option(role)
    add_user_options(role)

    un = actions.add_parser("unlock", help="lift the lockout after repeated failed sign-ins")
    un.add_argument("name")
    add_db_option(un)
    add_user_options(un)

    al = actions.add_parser("access-log", help="sign-ins, failures, locks and unlocks")
    al.add_argument("--limit", type=int, default=50, metavar="N", help="newest N rows")
    add_db_option(al)
    add_user_options(al)

    pw = actions.add_parser("passwd", help="change your own password, or (admin) reset NAME's")
    pw.add_argument("name", nargs="?")
    pw.add_argument("--password-file", metavar="FILE",
                    help="read the new password from FILE (chmod 600); else it is typed twice")
    add_db_option(pw)
    add_user_options(pw)
    p.set_defaults(handler=handle)


def _find(db: Database, name: str) -> UserInfo:
    from proapp.services import accounts
    from proapp.services.errors import NotFoundError

    for u in accounts.list_users(db):
        if u.username == name.strip().lower():
            return u
    raise NotFoundError(f"No user named {name!r}")


def handle(args: argparse.Namespace) -> int:
    from proapp.cli.auth import new_password, password_for
    from proapp.db.migrate import open_database
    from proapp.services import accounts

    db = open_database(getattr(args, "db", None))
    try:
        action = args.user_action
        if action == "add" and not accounts.has_users(db):
            if args.role != "admin":
                print("proapp: the first user must be an administrator (--role admin)")
                return 1
            pw = new_password(args.name, args.password_file)
            actor = accounts.create_first_admin(db, args.name, pw, args.full_name)
            print(f"first administrator {actor.username} created")
            return 0
        actor = cli_actor(args, db)
        if action == "add":
            pw = new_password(args.name, args.password_file)
            accounts.create_user(db, actor, args.name, pw, args.role, args.full_name)
            print(f"user {args.name.strip().lower()} ({args.role}) created")
        elif action == "list":
            from proapp.domain.actor import Permission
            from proapp.services.accounts.access import require

            require(actor, Permission.USER_MANAGE)
            print(f"{'user':<24} {'role':<10} {'active':<7} full name")
            for u in accounts.list_users(db):
                print(f"{u.username:<24} {u.role:<10} {'yes' if u.active else 'no':<7} "
                      f"{u.full_name}")
        elif action in ("deactivate", "activate"):
            u = _find(db, args.name)
            accounts.update_user(db, actor, u.id, active=action == "activate")
            print(f"user {u.username} {action}d")
        elif action == "unlock":
            from proapp.services.accounts import signin

            u = _find(db, args.name)
            signin.unlock_account(db, actor, u.id)
            print(f"user {u.username} unlocked")
        elif action == "access-log":
            from proapp.services.accounts import signin

            print(f"{'time (UTC)':<27} {'user':<24} {'event':<9} detail")
            for e in signin.entries(db, actor, limit=args.limit):
                print(f"{e.at:<27} {e.username:<24} {e.event:<9} {e.detail or ''}")
        elif action == "role":
            u = _find(db, args.name)
            accounts.update_user(db, actor, u.id, role=args.role)
            print(f"user {u.username} is now {args.role}")
        elif action == "passwd":
            if args.name and args.name.strip().lower() != actor.username:
                u = _find(db, args.name)
                accounts.reset_password(db, actor, u.id, new_password(u.username,
                                                                      args.password_file))
                print(f"password of {u.username} reset")
            else:
                if actor.user_id is None:
                    print("proapp: no account to change a password for")
                    return 1
                current = password_for(actor.username, "Current password: ")
                accounts.change_password(db, actor, current,
                                         new_password(actor.username, args.password_file))
                print("password changed")
        return 0
    finally:
        db.dispose()
