"""The change log: every kind of change is logged in the same transaction; the log is
append-only (triggers) and tampering is found by ``proapp check`` (exit 1, row named)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.exc import DBAPIError
from tests.conftest import make_facts
from tests.support import sql
from tests.support.staff import PASSWORD, Staff

from proapp.cli import main as cli_main
from proapp.db import changelog
from proapp.db.engine import Database
from proapp.domain.patient import ProcedureFacts
from proapp.domain.visit import VisitContent
from proapp.services import accounts, patients, settings, visits
from proapp.services.errors import ValidationError
from proapp.services.integrity import backup
from proapp.services.visits import signing

pytestmark = pytest.mark.security

FSS = {"fss": {str(n): 5 for n in range(1, 10)},
       "midas": {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "q5": 0, "a": 0, "b": 0}}


def _log(db: Database, after: int = 0) -> list[tuple[Any, ...]]:
    return sql.rows(db, "SELECT id, username, action, entity, entity_id, patient_id, "
                    "visit_id, field, old_value, new_value, reason FROM change_log "
                    "WHERE id > :after ORDER BY id", {"after": after})


def _last_id(db: Database) -> int:
    rows = _log(db)
    return rows[-1][0] if rows else 0


def test_every_kind_of_change_is_logged(db: Database, staff: Staff) -> None:
    n = staff.nurse
    mark = _last_id(db)
    pid = patients.create_patient(db, n, make_facts(), [ProcedureFacts(date(2014, 3, 10))])
    rows = _log(db, mark)
    assert [(r[2], r[3]) for r in rows] == [("insert", "patient"), ("insert", "procedure")]
    assert all(r[1] == "nina" and r[5] == pid for r in rows)

    cases = []

    def expect(fn, *what):
        before = _last_id(db)
        fn()
        got = {(r[2], r[3], r[7]) for r in _log(db, before)}
        cases.append(what)
        for w in what:
            assert w in got, (w, got)

    rec = patients.get_patient(db, pid)
    expect(lambda: patients.update_patient(db, n, pid, make_facts(notes="new note"),
                                           expected_version=rec.version, reason="update"),
           ("update", "patient", "notes"))
    proc_id = rec.procedures[0][0]
    expect(lambda: patients.update_procedure(db, n, proc_id, ProcedureFacts(
        date(2014, 3, 11)), reason="date typo"), ("update", "procedure", "pta_date"))
    expect(lambda: patients.add_procedure(db, n, pid, ProcedureFacts(date(2015, 1, 5))),
           ("insert", "procedure", None))
    second = patients.get_patient(db, pid).procedures[1][0]
    expect(lambda: patients.delete_procedure(db, n, second, "entered twice"),
           ("delete", "procedure", None))
    d = visits.save_visit(db, n, visits.VisitDraft(pid, "m3", date(2014, 6, 10),
                                                   VisitContent(FSS)))
    assert ("insert", "visit", None) in {(r[2], r[3], r[7]) for r in _log(db)}
    changed = VisitContent({**FSS, "fss": {**FSS["fss"], "1": 6}})
    expect(lambda: visits.save_visit(db, n, visits.VisitDraft(
        pid, "m3", date(2014, 6, 10), changed, d.id, d.version)), ("update", "visit", "fss.1"))
    expect(lambda: visits.discard_draft(db, n, d.id), ("delete", "visit", None))
    c = visits.save_visit(db, n, visits.VisitDraft(pid, "m3", date(2014, 6, 12),
                                                   VisitContent(FSS)), complete=True,
                          confirm_warnings=True)
    expect(lambda: signing.sign_visit(db, staff.clinician, c.id, PASSWORD,
                                      expected_version=visits.get_visit(db, c.id).version),
           ("sign", "visit", "signed_at"))
    expect(lambda: signing.unlock_visit(db, staff.clinician, c.id, "re-check", PASSWORD,
                                        expected_version=visits.get_visit(db, c.id).version),
           ("unlock", "visit", "signed_at"))
    expect(lambda: visits.delete_visit(db, staff.clinician, c.id, "wrong patient"),
           ("delete", "visit", None))
    expect(lambda: settings.set_value(db, staff.admin, "clinic_name", "MS Clinic"),
           ("update", "setting", "clinic_name"))
    expect(lambda: accounts.create_user(db, staff.admin, "newbie", PASSWORD, "nurse"),
           ("insert", "user", None))
    expect(lambda: accounts.update_user(db, staff.admin, staff.nurse.user_id or 0,
                                        role="clinician"), ("update", "user", "role"))
    assert len(cases) == 12
    # A refused change writes nothing, not even a log row.
    before = _last_id(db)
    with pytest.raises(ValidationError):
        patients.update_patient(db, n, pid, make_facts(code="bad code!"))
    assert _last_id(db) == before


def test_triggers_refuse_update_and_delete(db: Database, staff: Staff) -> None:
    for statement in ("UPDATE change_log SET username='mallory' WHERE id=1",
                      "DELETE FROM change_log WHERE id=1", "DELETE FROM change_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            sql.execute(db, statement)
    assert _log(db)[0][1] == "boss"


def _tamper(db: Database, statement: str) -> None:
    sql.drop_log_triggers(db)
    sql.execute(db, statement)


@pytest.mark.parametrize(("sql", "row"), [
    ("UPDATE change_log SET new_value='7' WHERE id=3", 3),
    ("DELETE FROM change_log WHERE id=2", 3),
    ("UPDATE change_log SET username='mallory', hash=hash WHERE id=4", 4),
])
def test_check_finds_tampered_row(db: Database, staff: Staff, patient_id: int,
                                  capsys: pytest.CaptureFixture[str], sql: str,
                                  row: int) -> None:
    assert cli_main(["check", "--db", db.url]) == 0
    capsys.readouterr()
    _tamper(db, sql)
    db.dispose()
    assert cli_main(["check", "--db", db.url]) == 1
    out = capsys.readouterr().out
    assert f"change log: TAMPERED at row {row}:" in out
    assert "PROBLEMS FOUND" in out


def test_truncation_of_newest_rows_found_against_backup(
        db: Database, staff: Staff, patient_id: int, capsys: pytest.CaptureFixture[str]) -> None:
    """The chain alone cannot see the newest rows removed; the newest backup can."""
    assert backup.ensure_daily_backup(db) is not None
    assert cli_main(["check", "--db", db.url]) == 0
    assert "against newest backup" in capsys.readouterr().out
    last = _last_id(db)
    _tamper(db, f"DELETE FROM change_log WHERE id >= {last - 1}")
    db.dispose()
    assert cli_main(["check", "--db", db.url]) == 1
    out = capsys.readouterr().out
    assert "change log: ok" in out  # the chain itself is still consistent ...
    assert f"row {last}" in out
    assert "were removed" in out


_LOGGED = st.one_of(st.none(), st.text(), st.integers(), st.booleans(),
                    st.decimals(allow_nan=False, allow_infinity=False, places=3),
                    st.dates())


@given(st.dictionaries(st.text(min_size=1, max_size=12), _LOGGED, max_size=12),
       st.lists(st.one_of(st.none(), st.text(), st.integers()), min_size=12, max_size=12))
def test_logged_texts_are_exactly_the_canonical_json(snapshot: dict[str, Any],
                                                     fields: list[Any]) -> None:
    """The texts the chain's MACs are over must never change with an optimisation: the
    snapshot is ``json.dumps`` of the canonical values with sorted keys, the chained payload
    the compact ``json.dumps`` of the previous MAC and the hashed fields."""
    canonical = {k: changelog.to_text(v) for k, v in snapshot.items()}
    assert changelog.to_text(snapshot) == json.dumps(canonical, sort_keys=True,
                                                     ensure_ascii=False)
    texts = {k: v for k, v in canonical.items() if v is not None}
    assert changelog.snapshot_text(texts) == json.dumps(texts, sort_keys=True,
                                                        ensure_ascii=False)
    row = dict(zip(changelog.HASHED_FIELDS, fields, strict=True))
    assert changelog._payload("prev", row) == json.dumps(
        ["prev", *fields], ensure_ascii=False, separators=(",", ":"))


@given(st.lists(st.tuples(st.text(max_size=24), st.text(max_size=24)), max_size=40),
       st.randoms(use_true_random=False))
def test_a_snapshot_made_of_fragments_is_the_encoders_text(pairs: list[tuple[str, str]],
                                                           rnd: Any) -> None:
    """``snapshot_of`` puts remembered fragments together in the order of their fields; the
    text must be the one ``snapshot_text`` encodes for the same fields, whatever order they
    were added in, whatever characters they hold (quotes, backslashes, controls, non-ASCII),
    and again when the same sequence of fields comes back (its order is remembered)."""
    texts = dict(pairs)
    fields = list(texts)
    rnd.shuffle(fields)
    fragments = {f: changelog.fragment(f, texts[f]) for f in fields}
    expected = json.dumps(texts, sort_keys=True, ensure_ascii=False)
    assert changelog.snapshot_of(fragments) == expected
    assert changelog.snapshot_of(fragments) == expected
