"""``proapp settings get|set``: the same settings as the dialog, set by administrators only,
every change in the change log."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from tests.support.staff import Staff

from proapp.cli import main as cli_main
from proapp.db.engine import Database
from proapp.db.models import ChangeLog
from proapp.services import settings


def test_get_lists_every_setting_with_defaults(db: Database, staff: Staff,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["settings", "get", "--db", db.url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{k}={d.default}" for k, d in settings.DEFINITIONS.items()]
    assert cli_main(["settings", "get", "--db", db.url, "idle_lock_minutes"]) == 0
    assert capsys.readouterr().out == "10\n"


def test_set_as_administrator_round_trips_and_is_logged(
        db: Database, staff: Staff, password_file: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["settings", "set", "--db", db.url, "--user", "boss",
                     "clinic_days", "Mon, thursday"]) == 0
    assert capsys.readouterr().out == "clinic_days=mon thu\n"
    assert settings.get(db, "clinic_days") == "mon thu"
    with db.read() as s:
        (row,) = s.scalars(select(ChangeLog).where(ChangeLog.entity == "setting"))
        assert (row.field, row.old_value, row.new_value, row.username) == (
            "clinic_days", "mon tue wed thu fri", "mon thu", "boss")
    assert cli_main(["settings", "set", "--db", db.url, "--user", "boss",
                     "clinic_days", "mon thu"]) == 0
    assert "(unchanged)" in capsys.readouterr().out


@pytest.mark.parametrize(("key", "value", "message"), [
    ("idle_lock_minutes", "ten", "is not a whole number"),
    ("idle_lock_minutes", "2000", "between 0 and 1440"),
    ("report_page_size", "a3", "one of a4, letter"),
    ("clinic_days", "someday", "is not a weekday"),
    ("colour", "blue", "There is no setting 'colour'"),
])
def test_invalid_values_are_refused_and_change_nothing(
        db: Database, staff: Staff, password_file: Path, capsys: pytest.CaptureFixture[str],
        key: str, value: str, message: str) -> None:
    assert cli_main(["settings", "set", "--db", db.url, "--user", "boss", key,
                     value]) == 1
    assert message in capsys.readouterr().err
    assert settings.all_values(db) == {k: d.default for k, d in settings.DEFINITIONS.items()}


def test_a_nurse_may_not_change_settings(db: Database, staff: Staff, password_file: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["settings", "set", "--db", db.url, "--user", "nina",
                     "clinic_name", "Elsewhere"]) == 1
    assert capsys.readouterr().err
    assert settings.get(db, "clinic_name") == ""
