"""The command line as a user runs it: real processes for the entry points, in-process for
the rest (same code path, faster)."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from proapp import __version__
from proapp.cli import main as cli_main
from proapp.db.migrate import open_database
from proapp.db.models import Patient
from proapp.services.training import demo


def run(*args: str, env_db: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "proapp", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def test_version_from_a_real_process() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"proapp {__version__}"


def test_each_subcommand_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from proapp.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert {"demo", "check", "report", "export", "import", "backup", "restore"} <= set(
        sub.choices)
    for name in sub.choices:
        with pytest.raises(SystemExit) as exit_:
            cli_main([name, "--help"])
        assert exit_.value.code == 0
        out = capsys.readouterr().out
        if name == "db":  # its actions name their databases as arguments (SRC, DST, URL)
            assert "init-server" in out and "copy" in out
            continue
        assert "--db" in out
    for action, arguments in (("init-server", "[--grant ROLE] url"), ("copy", "src dst")):
        with pytest.raises(SystemExit):
            cli_main(["db", action, "--help"])
        assert capsys.readouterr().out.startswith(
            f"usage: proapp db {action} [-h] {arguments}")


def test_demo_then_check(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    result = run("demo", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "patients: 286" in result.stdout
    check = run("check", "--db", str(db))
    assert check.returncode == 0, check.stderr
    assert "integrity check: ok" in check.stdout and "patients: 286" in check.stdout
    assert check.stdout.strip().endswith("OK")


def test_demo_matches_reference_counts(demo_template: Path) -> None:
    db = open_database(demo_template)
    with db.read() as s:
        def count(*where):
            return s.scalar(select(func.count(Patient.id)).where(*where))

        assert count() == 286
        assert {st: count(Patient.ms_subtype == st) for st in ("RR", "SP", "PP")} == {
            "RR": 175, "SP": 75, "PP": 36}
        assert count(Patient.headache_positive) == 113
        assert count(Patient.fatigue_positive) == 277
        assert {st: count(Patient.ms_subtype == st, Patient.headache_positive)
                for st in ("RR", "SP", "PP")} == {"RR": 82, "SP": 22, "PP": 9}
        assert {st: count(Patient.ms_subtype == st, Patient.fatigue_positive)
                for st in ("RR", "SP", "PP")} == {"RR": 167, "SP": 74, "PP": 36}
        assert count(Patient.is_demo) == 286
        assert count(Patient.code.like("DEMO-%")) == 286
    db.dispose()


def test_demo_is_deterministic(tmp_path: Path, demo_template: Path) -> None:
    again = open_database(tmp_path / "again.db")
    demo.generate(again, 286, 2011)
    other = open_database(tmp_path / "other.db")
    demo.generate(other, 286, 7)
    template = open_database(demo_template)
    try:
        assert demo.fingerprint(again) == demo.fingerprint(template)
        assert demo.fingerprint(other) != demo.fingerprint(template)
    finally:
        for d in (again, other, template):
            d.dispose()


def test_demo_refuses_a_database_with_patients(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "d.db")
    assert cli_main(["demo", "--db", db, "--patients", "5"]) == 0
    capsys.readouterr()
    assert cli_main(["demo", "--db", db, "--patients", "5"]) == 1
    assert "already holds patients" in capsys.readouterr().err


def test_demo_visits_stay_in_follow_up_and_validate(demo_db) -> None:
    from proapp.services.visits import VisitDraft, check_visit, load_records

    with demo_db.read() as s:
        records = load_records(s)
        for pid in list(records)[:60]:
            for v in records[pid]:
                assert v.visit_date <= date(2017, 12, 31)
                issues = check_visit(s, VisitDraft(pid, v.label, v.visit_date, v.content,
                                                   visit_id=v.id), complete=True)
                assert not [i for i in issues if i.is_error], (pid, v.label, issues)


def test_scaled_cohort_sizes() -> None:
    sizes = demo.cohort_sizes(10_000)
    assert sum(n for n, _h, _f in sizes.values()) == 10_000
    assert all(h <= n and f <= n for n, h, f in sizes.values())
    assert demo.cohort_sizes(286) == {"RR": (175, 82, 167), "SP": (75, 22, 74),
                                      "PP": (36, 9, 36)}


def test_check_reports_refusal_plainly(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("hello, this is not a database" * 10)
    result = run("check", "--db", str(bad))
    assert result.returncode == 2
    assert "not a SQLite database" in result.stderr and "Traceback" not in result.stderr
