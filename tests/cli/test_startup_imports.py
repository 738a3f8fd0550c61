"""Start-up does no work it does not need (not timed: what is imported is checked).

``proapp --version`` and ``proapp --help`` import neither SQLAlchemy nor argon2; a command
imports its own module only; the main window's module imports neither matplotlib nor openpyxl
(they come with the report and export dialogs); importing the accounts service computes no
password hash. Timings are in ``benchmarks/startup.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from proapp.cli import SUMMARY, build_parser
from proapp.db.engine import Database
from proapp.db.migrate import open_database


def modules_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    """Every module a fresh interpreter holds after running ``code``."""
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "",
                                           "PYTHONPATH": ":".join(sys.path), **(env or {})})
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def imported_after(code: str) -> set[str]:
    """The top-level modules a fresh interpreter holds after running ``code``."""
    return {m.split(".")[0] for m in modules_after(code)}


def proapp_run(*args: str) -> str:
    return (f"import sys\nfrom proapp.__main__ import main\n"
            f"try:\n    main({list(args)!r})\nexcept SystemExit:\n    pass")


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("check", "--help")])
def test_version_and_help_import_no_database_or_hashing_library(args: tuple[str, ...]) -> None:
    modules = imported_after(proapp_run(*args))
    assert "sqlalchemy" not in modules
    assert "argon2" not in modules
    assert "PySide6" not in modules


def test_settings_get_builds_no_orm_and_imports_no_alembic(db_path: Path) -> None:
    """``settings get`` (parse, open, read) is a start-up: it opens the database with the
    cheap checks and reads in plain SQL, so neither Alembic (no migration is due), nor the
    ORM and its model classes, nor argon2 (no account is needed) is imported."""
    open_database(db_path).dispose()  # a current database: nothing to migrate
    env = {k: v for k, v in os.environ.items() if k.startswith(("PROAPP_", "XDG_"))}
    modules = modules_after(proapp_run("settings", "get", "--db", str(db_path)), env)
    assert "proapp.db.migrate" in modules  # the probe did open the database
    assert "sqlalchemy" in modules
    assert not {"alembic", "argon2", "sqlalchemy.orm", "proapp.db.models"} & modules
    assert not [m for m in modules if m.startswith("sqlalchemy.dialects.postgresql")]


def test_user_list_checks_the_password_before_importing_sqlalchemy_or_the_orm(
        db_path: Path, tmp_path: Path) -> None:
    """``user list`` (parse, open, sign in) starts Argon2 in a thread before SQLAlchemy is
    imported, and the sign-in uses that result (it was of the hash it read); the command
    builds no ORM and imports no Alembic."""
    from tests.support.staff import PASSWORD

    from proapp.services import accounts

    db = open_database(db_path)
    accounts.create_first_admin(db, "boss", PASSWORD)
    db.dispose()
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD + "\n")
    pw.chmod(0o600)
    env = {k: v for k, v in os.environ.items() if k.startswith(("PROAPP_", "XDG_"))}
    env["PROAPP_PASSWORD_FILE"] = str(pw)
    spy = textwrap.dedent("""\
        import json, sys
        from proapp.services.accounts import passwords as p
        seen = []
        init, result_for = p.EarlyVerification.__init__, p.EarlyVerification.result_for
        def spy_init(self, *args):
            seen.append(("started", "sqlalchemy" in sys.modules))
            init(self, *args)
        def spy_result(self, *args):
            seen.append(("used", result_for(self, *args)))
            return seen[-1][1]
        p.EarlyVerification.__init__ = spy_init
        p.EarlyVerification.result_for = spy_result
        """)
    probe = (spy + proapp_run("user", "list", "--db", str(db_path), "--user", "boss")
             + "\nprint(json.dumps(seen))\nprint(json.dumps(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "",
                                           "PYTHONPATH": ":".join(sys.path), **env})
    lines = done.stdout.strip().splitlines()
    assert lines[0].split() == ["user", "role", "active", "full", "name"]
    assert json.loads(lines[-2]) == [["started", False], ["used", True]]
    modules = set(json.loads(lines[-1]))
    assert "argon2" in modules and "sqlalchemy" in modules
    assert not {"alembic", "sqlalchemy.orm", "proapp.db.models"} & modules


def test_the_sign_in_dialog_is_shown_before_the_orm_is_built(db_path: Path) -> None:
    """The GUI's start (``launch_gui``: open, welcome check, sign-in dialog) paints the
    sign-in dialog with the database opened by its cheap checks and the accounts read in plain
    SQL: the ORM and its models, the patients' and visits' services and argon2 come after it
    (the list's load, started at that paint, and the sign-in import them)."""
    from tests.support.staff import PASSWORD

    from proapp.services import accounts

    db = open_database(db_path)
    accounts.create_first_admin(db, "boss", PASSWORD)
    db.dispose()
    env = {k: v for k, v in os.environ.items() if k.startswith(("PROAPP_", "XDG_"))}
    probe = textwrap.dedent(f"""\
        import json, os, sys
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtGui import QWindow
        from proapp.gui.shell.app import application

        class FirstPaint(QObject):
            def eventFilter(self, watched, event):
                if (event.type() == QEvent.Type.Expose and isinstance(watched, QWindow)
                        and watched.isExposed()):
                    shown = [type(w).__name__ for w in application().topLevelWidgets()
                             if w.isVisible()]
                    print(json.dumps([shown, sorted(sys.modules)]), flush=True)
                    os._exit(0)
                return False

        first_paint = FirstPaint()
        application().installEventFilter(first_paint)
        from proapp.__main__ import launch_gui
        launch_gui({str(db_path)!r})
        """)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "",
                               "PYTHONPATH": ":".join(sys.path), **env})
    shown, names = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown == ["LoginDialog"]
    modules = set(names)
    assert "proapp.gui.accounts.dialogs" in modules and "proapp.db.migrate" in modules
    assert not {"sqlalchemy.orm", "proapp.db.models", "proapp.services.patients.listing",
                "proapp.services.visits", "proapp.gui.shell.main_window", "argon2"} & modules


def test_the_patient_list_is_read_without_the_orm_or_the_questionnaires(
        demo_db: Database) -> None:
    """The list's load (the first one runs at start-up, beside the sign-in) reads with plain
    table clauses and plans visits from the forms' ids: neither the ORM and its models nor the
    instruments (whose texts are parsed when imported) come with it. (A server's open checks
    build the models' tables themselves: what the load adds is checked.)"""
    env = {k: v for k, v in os.environ.items() if k.startswith(("PROAPP_", "XDG_"))}
    code = ("import sys\n"
            "from proapp.db.migrate import open_database\n"
            f"db = open_database({demo_db.url!r})\n"
            "opened = set(sys.modules)\n"
            "from proapp.services.patients import listing\n"
            "rows = listing.load(db).rows\n"
            "assert len(rows) == 286, len(rows)\n"
            "import json\n"
            "print(json.dumps(sorted(set(sys.modules) - opened)))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "",
                                           "PYTHONPATH": ":".join(sys.path), **env})
    added = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "proapp.services.patients.listing" in added
    assert not {"sqlalchemy.orm", "proapp.db.models", "proapp.services.patients.records",
                "proapp.domain.registry", "proapp.domain.midas", "proapp.domain.fss"} & added


def test_the_main_window_module_imports_neither_matplotlib_nor_openpyxl() -> None:
    modules = imported_after("import proapp.gui.shell.main_window")
    assert "PySide6" in modules  # the probe did import the window
    assert "matplotlib" not in modules
    assert "openpyxl" not in modules
    assert "pypdfium2" not in modules


def test_importing_the_accounts_service_computes_no_hash() -> None:
    probe = ("import argon2\ncalls = []\norig = argon2.PasswordHasher.hash\n"
             "argon2.PasswordHasher.hash = lambda self, p: calls.append(1) or orig(self, p)\n"
             "import proapp.services.accounts\nassert not calls, calls\n")
    assert "proapp" in imported_after(probe)


def test_the_lazy_help_lists_what_each_module_registers() -> None:
    """SUMMARY (what ``--help`` shows without importing every command) equals what the
    command modules register; a new command must be added there too."""
    def listed(parser: argparse.ArgumentParser) -> list[tuple[str, str | None]]:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        return [(c.dest, c.help) for c in sub._choices_actions]

    full = listed(build_parser())
    assert full == [(name, text) for name, (_m, text) in SUMMARY.items()]
    assert listed(build_parser(["--help"])) == full
    assert listed(build_parser(["--db", "x.db", "check"])) == full
