"""``proapp export`` and ``proapp import`` on the command line: exit codes and messages."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from tests.services.exchange.helpers import count, digest

from proapp.cli import main
from proapp.cli.actor import cli_actor
from proapp.db.engine import Database
from proapp.domain.actor import Permission, can


def test_cli_actor_without_accounts_is_a_named_nurse(db: Database) -> None:
    actor = cli_actor(argparse.Namespace(db=db.url), db)
    assert actor.username.startswith("cli:")
    assert can(actor, Permission.EXPORT)
    assert can(actor, Permission.IMPORT)


def test_export_then_import_on_the_command_line(demo_db: Database, db: Database,
                                                tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["export", "--db", demo_db.url, "--format", "csv", "--out", str(out)]) == 0
    assert "286 patients" in capsys.readouterr().out
    assert main(["export", "--db", demo_db.url, "--format", "csv", "--out",
                 str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["export", "--db", demo_db.url, "--format", "csv", "--out", str(out),
                 "--force"]) == 0
    before = digest(db)
    assert main(["import", "--db", db.url, str(out), "--dry-run"]) == 0
    assert digest(db) == before
    assert main(["import", "--db", db.url, str(out)]) == 0
    text = capsys.readouterr().out
    assert "Imported: patients 286 new" in text
    assert count(db, "patient") == 286


def test_usage_errors_exit_2(demo_db: Database, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["export", "--format", "pdf", "--out", str(tmp_path)])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["export", "--format", "csv", "--out", str(tmp_path), "--subtype", "XX"])
    assert exc.value.code == 2
    assert main(["export", "--db", demo_db.url, "--format", "csv", "--out",
                 str(tmp_path / "o"), "--from", "2015-01-01", "--to", "2014-01-01"]) == 2


def test_import_of_a_folder_without_files_exits_1(db: Database, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--db", db.url, str(tmp_path)]) == 1
    assert "neither patients.csv nor visits.csv" in capsys.readouterr().err
