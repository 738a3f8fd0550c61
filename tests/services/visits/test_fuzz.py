"""Hostile input to the services: huge numbers, NaN, infinities, unicode, control characters,
very long strings, SQL fragments. The only outcomes allowed are a clean save of valid data or a
ValidationError/UserError that changes nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import make_facts

from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.patient import MsSubtype, PatientFacts, Sex, validate_patient
from proapp.domain.registry import QUESTIONNAIRES
from proapp.domain.validation import errors as hard_errors
from proapp.domain.visit import VisitContent, validate_content
from proapp.services import patients, visits
from proapp.services.errors import UserError, ValidationError

pytestmark = pytest.mark.security

NURSE = Actor("fuzz.nurse", None, "nurse")
SQL = ["'; DROP TABLE patient; --", "1 OR 1=1", "\" OR \"\"=\"", "Robert'); DELETE FROM visit;--"]
hostile_text = st.one_of(
    st.text(max_size=50),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=20),
    st.sampled_from(SQL),
    st.text(alphabet=st.sampled_from("\x00\x01\x1b\u202e\u200b\ufeff\n\t\r"), max_size=10),
    st.integers(1000, 100_000).map(lambda n: "x" * n),
    st.just(""), st.just("   "),
)
hostile_number = st.one_of(
    st.integers(), st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([Decimal("NaN"), Decimal("sNaN"), Decimal("-Infinity"), float("nan"),
                     2**63, -(2**63) - 1, 10**400, "12", "7.5", "", None, True]),
    hostile_text,
)


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path: Path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    db = open_database(path)
    pid = patients.create_patient(db, NURSE, make_facts("FUZZ1"))
    db.info_patient_id = pid  # type: ignore[attr-defined]
    yield db
    db.dispose()


def _fingerprint(db: Database) -> tuple[Any, ...]:
    assert db.path is not None
    con = sqlite3.connect(db.path)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("patient", "visit", "answer", "flow_measurement", "change_log"))
    finally:
        con.close()


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(code=hostile_text, family=hostile_text, given_name=hostile_text, notes=hostile_text,
       birth=st.one_of(st.none(), st.dates()), year=st.one_of(st.none(), hostile_number),
       sex=st.one_of(st.sampled_from(list(Sex)), hostile_text),
       subtype=st.one_of(st.sampled_from(list(MsSubtype)), hostile_text))
def test_patient_facts_never_crash_never_store_invalid(fuzz_db: Database, code, family,
                                                       given_name, notes, birth, year, sex,
                                                       subtype) -> None:
    facts = PatientFacts(code, family, given_name, birth, sex, subtype, year, True, False, notes)
    before = _fingerprint(fuzz_db)
    try:
        pid = patients.create_patient(fuzz_db, NURSE, facts)
    except (ValidationError, UserError):
        assert _fingerprint(fuzz_db) == before
        return
    stored = patients.get_patient(fuzz_db, pid).facts
    assert stored == facts
    assert not hard_errors(validate_patient(stored, date.today()))


items = st.sampled_from([(i.id, item) for i in QUESTIONNAIRES.values() for item in i.item_ids]
                        + [("midas", "q9"), ("sql", "'; --")])


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(answers=st.lists(st.tuples(items, hostile_number), max_size=12),
       flows=st.lists(st.tuples(st.sampled_from(list(Side)), st.sampled_from(list(Posture)),
                                hostile_number, hostile_number, hostile_number,
                                hostile_number), max_size=3, unique_by=lambda t: t[:2]),
       skipped=st.dictionaries(st.sampled_from(["midas", "fss", "flow", "x'--"]), hostile_text,
                               max_size=2),
       complete=st.booleans())
def test_visit_content_never_crashes_never_stores_invalid(fuzz_db: Database, answers, flows,
                                                          skipped, complete) -> None:
    responses: dict[str, dict[str, object]] = {}
    for (instrument, item), value in answers:
        responses.setdefault(instrument, {})[item] = value
    measurements = tuple(FlowMeasurement(side, posture, *values)
                         for side, posture, *values in flows)
    content = VisitContent(responses, {}, skipped, measurements)  # type: ignore[arg-type]
    pid = fuzz_db.info_patient_id  # type: ignore[attr-defined]
    draft = visits.VisitDraft(pid, "unscheduled", date(2015, 1, 1), content)
    before = _fingerprint(fuzz_db)
    try:
        saved = visits.save_visit(fuzz_db, NURSE, draft, complete=complete,
                                  confirm_warnings=True)
    except (ValidationError, UserError):
        assert _fingerprint(fuzz_db) == before
        return
    stored = visits.get_visit(fuzz_db, saved.id).content
    assert not hard_errors(validate_content(stored))
    assert visits.flatten(stored) == visits.flatten(content)
