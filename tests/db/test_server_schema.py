"""Opening a server database checks its schema, cheaply, as opening a SQLite file does: the
tables, columns and log triggers against proapp's, and the revision against the head, in two
round trips (never a walk over the data); a difference is refused with the table, column,
trigger or revision named, and nothing is changed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, event
from tests.support import sql
from tests.support.postgres import OWNER_PASSWORD, PgServer

from proapp.db.engine import Database, make_engine
from proapp.db.errors import DatabaseRefused, NotOurs
from proapp.db.migrate import head_revision, open_database, upgrade
from proapp.services.integrity.transfer import init_server

pytestmark = [pytest.mark.postgresql]


@pytest.mark.parametrize(("tamper", "words"), [
    ("ALTER TABLE visit DROP COLUMN text_edition", "table visit has no column text_edition"),
    ("ALTER TABLE patient ADD COLUMN nickname text",
     "table patient has a column nickname that proapp's schema does not have"),
    ("DROP TABLE self_report_answer", "table self_report_answer is missing"),
    ("DROP TRIGGER change_log_append_only ON change_log",
     "the change log's append-only trigger change_log_append_only is missing"),
    ("ALTER TABLE access_log DISABLE TRIGGER access_log_append_only",
     "the access log's append-only trigger access_log_append_only is disabled"),
    ("CREATE VIEW everyone AS SELECT code, family_name FROM patient",
     "view everyone is not part of proapp's schema"),
    ("CREATE FUNCTION promote() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ "
     "LANGUAGE plpgsql | CREATE TRIGGER promote AFTER INSERT ON visit FOR EACH ROW "
     "EXECUTE FUNCTION promote()", "trigger promote (on visit) is not part of proapp's schema"),
], ids=["dropped column", "added column", "dropped table", "dropped log trigger",
        "disabled log trigger", "planted view", "planted trigger"])
def test_schema_drift_is_refused_on_open(db: Database, tamper: str, words: str) -> None:
    sql.execute(db, *tamper.split(" | "))
    with pytest.raises(NotOurs) as refused:
        open_database(db.url)
    message = str(refused.value)
    assert words in message, message
    assert "left untouched" in message
    assert OWNER_PASSWORD not in message


def test_a_current_database_opens_and_the_check_reads_the_catalogue_once(
        db: Database) -> None:
    """Two round trips: the catalogue, then the revision (and the installation row, which
    every open reads); nothing from the clinical tables or the logs."""
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        open_database(db.url).dispose()
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    catalogue = [s for s in statements if "pg_class" in s]
    revision = [s for s in statements if "alembic_version" in s]
    assert len(catalogue) == 1 and len(revision) == 1, statements
    assert not [s for s in statements if "change_log" in s or "FROM patient" in s
                or "FROM visit" in s], statements


@pytest.fixture
def older(pg_server: PgServer) -> Iterator[str]:
    """A server database migrated by an older proapp (revision 0003), with a patient."""
    name = pg_server.create_database()
    url = pg_server.url(name)
    old = Database(make_engine(url), url)
    upgrade(old, "0003_double_entry")
    sql.execute(old, "INSERT INTO patient (id, code, family_name, given_name, birth_date, sex, "
                "ms_subtype, headache_positive, fatigue_positive, notes, is_demo, created_at, "
                "updated_at, version) VALUES (1, 'P1', 'Rossi', 'Anna', '1970-01-01', 'F', "
                "'RR', false, false, '', false, '2020-01-01', '2020-01-01', 1)")
    old.dispose()
    yield url
    pg_server.drop_database(name)


def test_an_older_revision_is_refused_until_init_server_upgrades_it(older: str) -> None:
    with pytest.raises(DatabaseRefused) as refused:
        open_database(older)
    message = str(refused.value)
    assert "older proapp (revision 0003_double_entry)" in message
    assert f"needs revision {head_revision()}" in message
    assert "proapp db init-server" in message and "Nothing was changed" in message
    probe = Database(make_engine(older), older)
    try:
        assert sql.scalar(probe, "SELECT version_num FROM alembic_version") == \
            "0003_double_entry"
    finally:
        probe.dispose()
    result = init_server(older)  # IT, as the owner role
    assert result.revision == head_revision() and not result.created
    db = open_database(older)
    try:
        assert sql.rows(db, "SELECT code, language FROM patient") == [("P1", "en")]
    finally:
        db.dispose()


def test_a_revision_newer_than_this_proapp_is_refused(db: Database) -> None:
    sql.execute(db, "UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(DatabaseRefused, match=r"newer version of proapp \(schema 9999_future"):
        open_database(db.url)
