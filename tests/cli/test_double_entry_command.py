"""``proapp double-entry report`` on the command line: the file, its counts, the exit codes."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from tests.support.staff import PASSWORD, Staff

from proapp.cli import main
from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.visit import VisitContent
from proapp.services import accounts, settings, visits
from proapp.services.visits import double_entry


def _target(db: Database) -> str:
    """What ``--db`` takes for the test's database: the SQLite file, or the server's URL."""
    return str(db.path) if db.path is not None else db.url


MIDAS = {"q1": 2, "q2": 3, "q3": 1, "q4": 4, "q5": 0, "a": 12, "b": 6}


def test_report_on_the_command_line(db: Database, staff: Staff, patient_id: int,
                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    settings.set_value(db, staff.admin, "double_entry", "on")
    bruno = Actor("bruno", accounts.create_user(db, staff.admin, "bruno", PASSWORD, "nurse"),
                  "nurse")
    content = VisitContent({"midas": MIDAS}, skipped={"fss": "not today", "flow": "not today"})
    vid = double_entry.complete_with_second_entry(
        db, staff.nurse, visits.VisitDraft(patient_id, "m6", date(2014, 9, 12), content)).id
    double_entry.submit_second_entry(db, bruno, vid, VisitContent({"midas": {**MIDAS, "b": 8}}))
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD)
    secret.chmod(0o600)
    monkeypatch.setenv("PROAPP_PASSWORD_FILE", str(secret))
    out = tmp_path / "agreement.csv"
    args = ["double-entry", "report", "--db", _target(db), "--user", "doc", "--out", str(out)]
    assert main(args) == 0
    said = capsys.readouterr().out
    # one item differs; the totals count both keyings of every field
    assert ("visits keyed twice: 1; fields keyed: 14; errors: 0 (0.0 per 1,000 fields); "
            "keyed values in unresolved differences: 2") in said
    with out.open(encoding="utf-8", newline="") as f:
        rows = {(r["user"], r["instrument"]): r for r in csv.DictReader(f)}
    assert rows[("nina", "midas")]["fields_keyed"] == "7"
    assert rows[("all", "all")]["differences"] == "2"
    assert main(args) == 1  # the file exists
    assert "--force" in capsys.readouterr().err
    assert main([*args, "--force"]) == 0


def test_report_needs_an_account(db: Database, staff: Staff, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["double-entry", "report", "--db", _target(db), "--out",
                 str(tmp_path / "a.csv")]) == 1
    assert "--user" in capsys.readouterr().err
    assert not (tmp_path / "a.csv").exists()
