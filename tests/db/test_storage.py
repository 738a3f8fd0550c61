"""Round trips through the real database (SQLite file or PostgreSQL server), the engine's
settings and the change log's guarantees."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from tests.support import sql

from proapp.db import changelog
from proapp.db.engine import Database, resolve_url
from proapp.db.migrate import open_database
from proapp.db.models import Answer, ChangeLog, Patient
from proapp.domain.actor import Actor
from proapp.domain.answers import MissingReason
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.visit import VisitContent
from proapp.services import patients, visits

FLOWS = (
    FlowMeasurement(Side.LEFT, Posture.SUPINE, Decimal("612.5"), stenosis_pct=70),
    FlowMeasurement(Side.RIGHT, Posture.SUPINE, None, Decimal("12.34"), Decimal("0.567")),
    FlowMeasurement(Side.LEFT, Posture.UPRIGHT, Decimal("0.1")),
)


def test_pragmas(db: Database) -> None:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas; the server's settings are tested below")
    with db.read() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == 30000


def test_none_is_bound_as_null_without_the_adapter_lookup(db: Database) -> None:
    """db.engine registers an adapter for None (the bulk writers bind millions of them);
    NULL is what is stored, through executemany and one by one alike."""
    import sqlite3

    assert sqlite3.adapters.get((type(None), sqlite3.PrepareProtocol)) is not None
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the adapter is the SQLite driver's")
    with db.engine.connect() as conn:
        conn.exec_driver_sql("CREATE TEMP TABLE bound (a, b)")
        conn.exec_driver_sql("INSERT INTO bound VALUES (?, ?)", [(1, None), (None, "x")])
        conn.exec_driver_sql("INSERT INTO bound VALUES (?, ?)", (None, None))
        rows = conn.exec_driver_sql(
            "SELECT a IS NULL, b IS NULL, typeof(a), typeof(b) FROM bound ORDER BY rowid").all()
    assert [tuple(r) for r in rows] == [(0, 1, "integer", "null"), (1, 0, "null", "text"),
                                        (1, 1, "null", "null")]


def test_server_session_settings(db: Database) -> None:
    """The counterparts of the pragmas: lock timeout (busy timeout), a name IT sees in
    pg_stat_activity, and writers queued on proapp's advisory lock (BEGIN IMMEDIATE)."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL session settings")
    from proapp.db import server

    with db.read() as s:
        assert s.execute(text("SHOW lock_timeout")).scalar() == "30s"
        assert s.execute(text("SHOW application_name")).scalar() == "proapp"
        assert not s.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                  "AND pid = pg_backend_pid()")).scalar()
    with db.write(Actor("t")) as s:
        held = s.execute(text("SELECT objid FROM pg_locks WHERE locktype = 'advisory' "
                              "AND pid = pg_backend_pid() AND granted")).scalars().all()
        assert held == [server.WRITE_LOCK]


def test_url_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_url(tmp_path / "a.db") == f"sqlite:///{tmp_path / 'a.db'}"
    monkeypatch.setenv("PROAPP_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).endswith("env.db")
    assert resolve_url("postgresql+psycopg://u:p@host/db") == "postgresql+psycopg://u:p@host/db"
    monkeypatch.delenv("PROAPP_DB")
    assert resolve_url(None).endswith("proapp.db")


def test_visit_round_trip_is_exact(db: Database, actor: Actor, patient_id: int) -> None:
    content = VisitContent(
        responses={"midas": {"q1": 0, "q2": 3, "q3": 0, "q4": 12, "q5": 90, "a": 90},
                   "fss": {str(n): n % 7 + 1 for n in range(1, 10)}},
        missing={"midas": {"b": MissingReason.DECLINED}},
        skipped={},
        flows=FLOWS,
    )
    saved = visits.save_visit(db, actor, visits.VisitDraft(patient_id, "m6", date(2014, 9, 10),
                                                           content))
    back = visits.get_visit(db, saved.id).content
    assert back.answers("midas") == {**content.responses["midas"], "b": None}
    assert back.missing == {"midas": {"b": MissingReason.DECLINED}}
    assert back.flows[0] == FLOWS[0]
    right = back.flow(Posture.SUPINE, Side.RIGHT)
    assert (right.velocity_cm_s, right.area_cm2, right.flow) == (
        Decimal("12.34"), Decimal("0.567"), Decimal("419.8"))
    assert back.flow(Posture.UPRIGHT, Side.LEFT).flow_ml_min == Decimal("0.1")
    with db.read() as s:
        stored = s.execute(text("SELECT flow_ml_min FROM flow_measurement "
                                "WHERE side = 'left' AND posture = 'supine'")).scalar()
        assert stored == 6125  # exact integer tenths, no binary float
        # "not answered" is never a zero: no row at all, or a row with a reason
        assert s.scalar(select(Answer).where(Answer.item == "b")).value is None


def test_answer_row_needs_value_or_reason(db: Database, actor: Actor, patient_id: int) -> None:
    saved = visits.save_visit(db, actor, visits.VisitDraft(patient_id, "m3", date(2014, 6, 10)))
    with pytest.raises(IntegrityError), db.write(actor) as s:
        s.add(Answer(visit_id=saved.id, instrument="fss", item="1"))


def test_foreign_keys_enforced(db: Database, actor: Actor) -> None:
    with pytest.raises(IntegrityError), db.write(actor) as s:
        s.add(Answer(visit_id=999, instrument="fss", item="1", value=3))


def test_scheduled_label_unique_per_patient(db: Database, actor: Actor, patient_id: int) -> None:
    visits.save_visit(db, actor, visits.VisitDraft(patient_id, "m3", date(2014, 6, 10)))
    from proapp.domain.validation import ValidationError

    with pytest.raises(ValidationError, match="already has a m3 visit"):
        visits.save_visit(db, actor, visits.VisitDraft(patient_id, "m3", date(2014, 6, 11)))
    for day in (11, 12):
        visits.save_visit(db, actor, visits.VisitDraft(patient_id, "unscheduled",
                                                       date(2014, 6, day)))


def test_patient_round_trip_and_unicode(db: Database, actor: Actor) -> None:
    from tests.conftest import make_facts

    facts = make_facts("Ü-1".replace("Ü", "U"), family_name="Dvořák-Øster",
                       given_name="Łukasz Ñúñez", notes="line 1\nline 2")
    pid = patients.create_patient(db, actor, facts)
    assert patients.get_patient(db, pid).facts == facts


def test_change_log_rows_and_chain(db: Database, actor: Actor, patient_id: int) -> None:
    saved = visits.save_visit(db, actor, visits.VisitDraft(
        patient_id, "m3", date(2014, 6, 10), VisitContent({"fss": {"1": 4}})))
    visits.save_visit(db, actor, visits.VisitDraft(
        patient_id, "m3", date(2014, 6, 10), VisitContent({"fss": {"1": 5, "2": 6}}),
        visit_id=saved.id, expected_version=saved.version))
    with db.read() as s:
        rows = s.scalars(select(ChangeLog).order_by(ChangeLog.id)).all()
        checked, broken = changelog.verify_chain(s)
    assert broken is None and checked == len(rows)
    updates = [(r.field, r.old_value, r.new_value) for r in rows if r.action == "update"]
    assert updates == [("fss.1", "4", "5"), ("fss.2", None, "6")]
    assert {r.username for r in rows} == {"nurse.test"}
    assert rows[0].prev_hash == changelog.GENESIS


def test_change_log_is_append_only(db: Database, patient_id: int) -> None:
    for statement in ("UPDATE change_log SET reason = 'x'", "DELETE FROM change_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            sql.execute(db, statement)
    assert sql.scalar(db, "SELECT count(*) FROM change_log") == 2


def test_tampering_is_found_at_the_row(db: Database, actor: Actor, patient_id: int) -> None:
    for day in (10, 11, 12):
        visits.save_visit(db, actor, visits.VisitDraft(patient_id, "unscheduled",
                                                       date(2014, 6, day)))
    sql.drop_log_triggers(db)
    sql.execute(db, "UPDATE change_log SET new_value = 'forged' WHERE id = 3")
    with db.read() as s:
        checked, broken = changelog.verify_chain(s)
    assert checked == 2 and broken is not None and broken.row_id == 3


def test_deleted_row_is_found(db: Database, actor: Actor, patient_id: int) -> None:
    for day in (10, 11, 12):
        visits.save_visit(db, actor, visits.VisitDraft(patient_id, "unscheduled",
                                                       date(2014, 6, day)))
    sql.drop_log_triggers(db)
    sql.execute(db, "DELETE FROM change_log WHERE id = 2")
    with db.read() as s:
        _checked, broken = changelog.verify_chain(s)
    assert broken is not None and broken.row_id == 3 and "removed" in broken.problem


def test_failed_write_changes_nothing(db: Database, actor: Actor, patient_id: int) -> None:
    with db.read() as s:
        before = s.scalar(select(Patient.version).where(Patient.id == patient_id))
        log_before = len(s.scalars(select(ChangeLog.id)).all())
    with pytest.raises(RuntimeError), db.write(actor) as s:
        s.get(Patient, patient_id).family_name = "Changed"
        changelog.append(s, [changelog.Change("update", "patient", patient_id, "family_name",
                                              "Rossi", "Changed")])
        raise RuntimeError("power cut")
    with db.read() as s:
        assert s.get(Patient, patient_id).family_name == "Rossi"
        assert s.scalar(select(Patient.version).where(Patient.id == patient_id)) == before
        assert len(s.scalars(select(ChangeLog.id)).all()) == log_before


def test_reopen_keeps_data(db_target: str, actor: Actor) -> None:
    from tests.conftest import make_facts

    db = open_database(db_target)
    pid = patients.create_patient(db, actor, make_facts("KEEP1"))
    db.dispose()
    db = open_database(db_target)
    assert patients.get_patient(db, pid).facts.code == "KEEP1"
    db.dispose()
