"""Moving a clinic between back-ends: ``proapp db copy`` SQLite -> PostgreSQL -> SQLite gives
the same data (the demo cohort's csv export byte for byte), all or nothing; ``proapp db
init-server`` creates the schema in an empty server database and refuses a foreign one."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError
from tests.support import sql
from tests.support.postgres import PgServer

from proapp.cli import main as cli_main
from proapp.db import changelog
from proapp.db.migrate import DatabaseRefused, open_database
from proapp.domain.actor import Actor
from proapp.services.exchange.export import run_export
from proapp.services.integrity import transfer
from proapp.services.integrity.transfer import CopyRefused
from proapp.services.training import demo

pytestmark = [pytest.mark.postgresql, pytest.mark.security]

NURSE = Actor("nurse.copy", role="nurse")


def _csv(target: str, out: Path) -> list[Path]:
    db = open_database(target, migrate=False)
    try:
        run_export(db, NURSE, "csv", out)
    finally:
        db.dispose()
    return sorted(p for p in out.iterdir() if p.suffix == ".csv")


def test_sqlite_to_server_and_back_gives_a_byte_identical_export(
        demo_template: Path, pg_server: PgServer, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    server_url = pg_server.url(pg_server.create_database())
    back = tmp_path / "back.db"
    assert cli_main(["db", "copy", str(demo_template), server_url]) == 0
    out = capsys.readouterr().out
    assert "patient: 286 rows, 286 in the copy" in out
    assert "hash chain intact" in out
    assert cli_main(["db", "copy", server_url, str(back)]) == 0
    first, server, last = (_csv(t, tmp_path / n) for t, n in (
        (str(demo_template), "a"), (server_url, "b"), (str(back), "c")))
    assert {"patients.csv", "visits.csv"} <= {p.name for p in first}
    assert [p.name for p in first] == [p.name for p in server] == [p.name for p in last]
    for a, b, c in zip(first, server, last, strict=True):
        assert filecmp.cmp(a, b, shallow=False), a.name
        assert filecmp.cmp(a, c, shallow=False), a.name
    # The copy is a working database: ids continue after the copied ones.
    db = open_database(server_url)
    try:
        from tests.conftest import make_facts

        from proapp.services import patients

        pid = patients.create_patient(db, NURSE, make_facts("NEW-1"))
        assert pid == 287
        with db.read() as s:
            assert changelog.verify_chain(s)[1] is None
    finally:
        db.dispose()


def test_copy_refuses_a_destination_with_data_and_changes_nothing(
        demo_template: Path, pg_server: PgServer, tmp_path: Path) -> None:
    target = pg_server.url(pg_server.create_database())
    transfer.copy_database(str(demo_template), target)
    db = open_database(target)
    before = sql.scalar(db, "SELECT count(*) FROM change_log")
    db.dispose()
    with pytest.raises(CopyRefused, match="already holds data"):
        transfer.copy_database(str(demo_template), target)
    db = open_database(target)
    assert sql.scalar(db, "SELECT count(*) FROM change_log") == before
    db.dispose()
    with pytest.raises(CopyRefused, match="same database"):
        transfer.copy_database(target, target)


def test_a_copy_that_fails_midway_leaves_the_destination_empty(
        pg_server: PgServer, tmp_path: Path) -> None:
    """All or nothing: a source whose change log was tampered with is refused after the rows
    were written, inside the destination's transaction, which is rolled back."""
    src = tmp_path / "src.db"
    db = open_database(src)
    demo.generate(db, 5, 3)
    sql.past_log_triggers(db, "UPDATE change_log SET new_value = 'forged' WHERE id = 7")
    db.dispose()
    target = pg_server.url(pg_server.create_database())
    with pytest.raises(CopyRefused, match="chain breaks at row 7"):
        transfer.copy_database(str(src), target)
    db = open_database(target)
    try:
        assert all(sql.scalar(db, f"SELECT count(*) FROM {t}") == 0
                   for t in ("patient", "visit", "answer", "change_log"))
    finally:
        db.dispose()
    with pytest.raises(CopyRefused, match="does not exist"):
        transfer.copy_database(str(tmp_path / "missing.db"), target)
    assert not (tmp_path / "missing.db").exists()
    empty = tmp_path / "empty.db"
    open_database(empty).dispose()
    transfer.copy_database(str(empty), target)  # the failed copy's target may be used again


def test_init_server_creates_the_schema_and_refuses_a_foreign_database(
        pg_server: PgServer, capsys: pytest.CaptureFixture[str]) -> None:
    name = pg_server.create_database()
    url = pg_server.url(name)
    assert cli_main(["db", "init-server", url]) == 0
    assert "schema created" in capsys.readouterr().out
    assert cli_main(["db", "init-server", url]) == 0  # idempotent
    assert "already a proapp database" in capsys.readouterr().out
    foreign = pg_server.create_database()
    pg_server.admin("CREATE TABLE invoices (id int)", database=foreign)
    pg_server.admin(f"ALTER TABLE invoices OWNER TO {'proapp_owner'}", database=foreign)
    assert cli_main(["db", "init-server", pg_server.url(foreign)]) == 2
    assert "not a proapp database" in capsys.readouterr().err
    with pytest.raises(DatabaseRefused):
        open_database(pg_server.url(foreign))
    with pytest.raises(DBAPIError):  # left untouched: still only the foreign table
        sql_db = open_database(url)
        try:
            sql.execute(sql_db, "SELECT * FROM invoices")
        finally:
            sql_db.dispose()
