"""``proapp instruments``: the questionnaire texts in use, per instrument and language, and
the clinic's own (licensed, validated) texts installed in their place."""

from __future__ import annotations

import argparse
from pathlib import Path

from proapp.cli import Subparsers, add_db_option
from proapp.cli.actor import add_user_options, cli_actor, database

LANGS = ("en", "it")  # proapp.domain.language.LANGUAGES; a literal so that --help stays fast


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "instruments", help="questionnaire texts per language: list, check, install, remove",
        description="MIDAS and FSS are shown in the patient's language from one texts file per "
                    "instrument and language. proapp ships the English originals and its own "
                    "Italian working translation, marked on screen as not validated. Install "
                    "the clinic's licensed, validated version in its place with `install "
                    "FILE` (start from a copy of the bundled file; the file is checked against "
                    "the instrument: the same items, the same answer ranges).")
    add_db_option(p)
    verbs = p.add_subparsers(dest="verb", metavar="ACTION", required=True)
    ls = verbs.add_parser("list", help="the texts in use for every instrument and language")
    add_db_option(ls)
    ls.set_defaults(handler=handle_list)
    ck = verbs.add_parser("check", help="check a texts file without installing it")
    ck.add_argument("file", type=Path)
    ck.set_defaults(handler=handle_check)
    ins = verbs.add_parser("install", help="check FILE and use it on every workstation of this "
                                            "database (administrators)")
    add_db_option(ins)
    add_user_options(ins)
    ins.add_argument("file", type=Path)
    ins.set_defaults(handler=handle_install)
    rm = verbs.add_parser("remove", help="go back to the bundled texts (administrators)")
    add_db_option(rm)
    add_user_options(rm)
    rm.add_argument("instrument", choices=("midas", "fss"))
    rm.add_argument("--lang", required=True, choices=LANGS,
                    help="the language whose installed texts to remove")
    rm.set_defaults(handler=handle_remove)
    bundled = verbs.add_parser("path", help="print the folder of the bundled texts files "
                                             "(copy one to start the clinic's own)")
    bundled.set_defaults(handler=handle_path)


def _status(validated: bool, status: str) -> str:
    return status if validated else f"{status} (NOT VALIDATED: replace with the licensed " \
                                    "validated version)"


def handle_list(args: argparse.Namespace) -> int:
    from proapp.services import instruments

    with database(args) as db:
        listed = instruments.listing(db)
    for info in listed:
        t = info.texts
        where = (f"installed {info.installed_at:%Y-%m-%d %H:%M} by {info.installed_by}"
                 if info.installed_at else "bundled")
        print(f"{info.instrument:6} {info.language.value}  "
              f"{_status(t.validated, t.status.value)}; {t.edition}; {where}")
    return 0


def handle_check(args: argparse.Namespace) -> int:
    from proapp.services import instruments

    t = instruments.check_file(args.file)
    print(f"{args.file}: {t.instrument} {t.language.value}, {_status(t.validated, t.status.value)}"
          f", {t.edition}: every item and range matches the definition")
    return 0


def handle_install(args: argparse.Namespace) -> int:
    from proapp.services import instruments

    with database(args) as db:
        t = instruments.install(db, cli_actor(args, db), args.file)
    print(f"installed {t.instrument} {t.language.value} ({_status(t.validated, t.status.value)}"
          f", {t.edition})")
    return 0


def handle_remove(args: argparse.Namespace) -> int:
    from proapp.domain.language import Language
    from proapp.services import instruments

    with database(args) as db:
        instruments.remove(db, cli_actor(args, db), args.instrument, Language(args.lang))
    print(f"removed the installed {args.instrument} {args.lang} texts: the bundled ones are in "
          "use again")
    return 0


def handle_path(args: argparse.Namespace) -> int:
    from proapp.domain.instrument_texts import bundled_dir

    print(bundled_dir())
    return 0
