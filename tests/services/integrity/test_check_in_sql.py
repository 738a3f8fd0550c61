"""``proapp check``'s work done by SQLite: the visits found explained by their one logged
snapshot (:mod:`proapp.services.integrity.visit_texts`) and the chain walked over SQLite's own
payload texts (:func:`proapp.db.changelog.verify_chain`). Each must reach exactly the verdict
of the replay and walk in Python (``compare(in_sql=False)``, ``_walk``) on the demo cohort as
generated and after any edit of any stored value with any kind of SQLite value, the same
discrepancies with the same table, key, field and both values."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from proapp.cli import main as cli_main
from proapp.db import changelog
from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.db.models import ChangeLog
from proapp.db.rows import plain_rows
from proapp.domain.actor import Actor
from proapp.services.integrity import replay, visit_texts

pytestmark = pytest.mark.sqlite_only("SQLite's own functions (json_quote, json_array)")

# Any value a raw edit can leave in a column, whatever its declared type.
VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-2**63, max_value=2**63 - 1),
    st.integers(min_value=-3, max_value=2000),
    st.floats(allow_nan=False),
    st.sampled_from([0.1, 0.30000000000000004, 1e20, 5.0, -0.0]),
    st.text(max_size=12),
    st.sampled_from(["6", "0.1", "118.8", "fss", "missing:declined", "2011-06-01",
                     "2011-6-1", "0000-01-01", "2011-02-30", "1\": \"6\", \"fss.2", "a.b",
                     "supine", "left", "é𝄞", "\x00", "\x1f\"\\"]),
    st.binary(max_size=6),
)

# (table, column) a tamper may set, with the rows it picks from.
TARGETS = [("answer", c) for c in ("value", "missing_reason", "item", "instrument")] + [
    ("flow_measurement", c) for c in ("flow_ml_min", "velocity_cm_s", "area_cm2",
                                      "stenosis_pct", "posture", "side")] + [
    ("visit", c) for c in ("label", "status", "visit_date", "text_language", "text_edition",
                           "signed_at", "signed_by_id")] + [
    ("skipped_form", "reason")]


@contextmanager
def copy_of(template: Path, work: Path) -> Iterator[Path]:
    work.mkdir(parents=True, exist_ok=True)
    path = work / "copy.db"
    path.unlink(missing_ok=True)
    shutil.copyfile(template, path)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def raw_edit(path: Path, *statements: tuple[str, tuple[Any, ...]]) -> int:
    """Run the edits as an attacker with sqlite3 would (constraints off): how many rows they
    changed, or -1 when SQLite refuses one anyway (a UNIQUE or NOT NULL constraint)."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA ignore_check_constraints = ON")
        for sql, args in statements:
            con.execute(sql, args)
        con.commit()
        return con.total_changes
    except sqlite3.IntegrityError:
        return -1
    finally:
        con.close()


def read_only(path: Path) -> Database:
    return open_database(str(path), migrate=False, create=False, read_only=True,
                         verify_schema=False)


def outcome(work: Callable[[], Any]) -> tuple[str, Any]:
    """The result, or the kind of error (a value Python cannot read back fails both ways)."""
    try:
        return "result", work()
    except Exception as exc:
        return "error", type(exc).__name__


def both_verdicts(path: Path) -> tuple[tuple[str, Any], tuple[str, Any]]:
    db = read_only(path)
    try:
        with db.read() as s:
            in_sql = outcome(lambda: replay.compare(s))
        with db.read() as s:
            in_python = outcome(lambda: replay.compare(s, in_sql=False))
        return in_sql, in_python
    finally:
        db.dispose()


def unexplained(path: Path) -> frozenset[Any] | None:
    db = read_only(path)
    try:
        with db.read() as s:
            return visit_texts.unexplained_visits(s.connection())[1]
    finally:
        db.dispose()


def test_every_demo_visit_is_explained_in_sql(demo_template: Path, tmp_path: Path) -> None:
    """The demo logs each visit by one insert: SQLite's texts of all of them equal the log's,
    so none is left for the replay in Python, and both find nothing."""
    with copy_of(demo_template, tmp_path) as path:
        con = sqlite3.connect(path)
        visits = {r[0] for r in con.execute("SELECT id FROM visit")}
        con.close()
        assert len(visits) > 1000
        assert unexplained(path) == frozenset()
        assert both_verdicts(path) == (("result", []), ("result", []))


def test_sql_texts_are_the_logged_snapshots_text(demo_template: Path, tmp_path: Path) -> None:
    """Not just equal for the demo's visits: the text SQLite writes is the one
    ``changelog.to_text`` writes for the fields ``replay._stored`` reads back."""
    with copy_of(demo_template, tmp_path) as path:
        db = read_only(path)
        try:
            with db.read() as s:
                stored = replay._stored(s)
                conn = s.connection()
                raw = conn.connection.dbapi_connection
                assert raw is not None
                rows = raw.execute(visit_texts.visit_text_sql(["fss", "midas"])).fetchall()
        finally:
            db.dispose()
        assert len(rows) > 1000
        for vid, text in rows:
            assert text == changelog.to_text(stored[("visit", vid)])


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=st.sampled_from(TARGETS), value=VALUES, pick=st.integers(0, 10_000))
def test_any_edit_of_a_stored_value_gets_the_pythons_verdict(
        demo_template: Path, tmp_path: Path, target: tuple[str, str], value: Any,
        pick: int) -> None:
    table, column = target
    with copy_of(demo_template, tmp_path / "edit") as path:
        con = sqlite3.connect(path)
        rowids = [r[0] for r in con.execute(f"SELECT rowid FROM {table}")]
        con.close()
        if table == "skipped_form":  # the demo skips no form: add one, then edit it
            assert raw_edit(path, ("INSERT INTO skipped_form (visit_id, form, reason) "
                                   "VALUES (1, 'fss', 'declined')", ())) > 0
            rowids = [1]
        rowid = rowids[pick % len(rowids)]
        if raw_edit(path, (f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                           (value, rowid))) < 0:
            return
        in_sql, in_python = both_verdicts(path)
        assert in_sql == in_python


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["extra answer", "answer removed", "extra flow",
                             "skipped form", "visit removed", "extra visit"]),
       value=VALUES, pick=st.integers(0, 10_000))
def test_rows_added_or_removed_get_the_pythons_verdict(
        demo_template: Path, tmp_path: Path, kind: str, value: Any, pick: int) -> None:
    with copy_of(demo_template, tmp_path / "rows") as path:
        con = sqlite3.connect(path)
        visits = [r[0] for r in con.execute("SELECT id FROM visit")]
        con.close()
        vid = visits[pick % len(visits)]
        edits = {
            "extra answer": ("INSERT INTO answer (visit_id, instrument, item, value) "
                             "VALUES (?, 'fss', 'x9', ?)", (vid, value)),
            "answer removed": ("DELETE FROM answer WHERE id = (SELECT min(id) FROM answer "
                               "WHERE visit_id = ?)", (vid,)),
            "extra flow": ("INSERT INTO flow_measurement (visit_id, posture, side, "
                           "stenosis_pct) VALUES (?, 'upright', 'left', ?)", (vid, value)),
            "skipped form": ("INSERT INTO skipped_form (visit_id, form, reason) "
                             "VALUES (?, 'midas', ?)", (vid, value)),
            "visit removed": ("DELETE FROM visit WHERE id = ?", (vid,)),
            "extra visit": ("INSERT INTO visit (patient_id, visit_date, label, status, "
                            "entered_by, created_at, updated_at, version) VALUES (1, "
                            "'2030-01-01', ?, 'draft', '', '2030-01-01', '2030-01-01', 1)",
                            (str(value),)),
        }
        changed = raw_edit(path, edits[kind])
        if changed < 0:
            return
        in_sql, in_python = both_verdicts(path)
        assert in_sql == in_python
        if changed and not (kind == "extra flow" and value is None):  # (no value: no key)
            assert in_sql[0] == "error" or in_sql[1], kind  # and it is reported


def test_an_edited_answer_is_named_by_proapp_check(demo_template: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The whole command on a database whose visits SQLite explains: the one edited answer is
    reported with its table, key, field and both values, and nothing else is."""
    with copy_of(demo_template, tmp_path) as path:
        con = sqlite3.connect(path)
        vid, item, old = con.execute("SELECT visit_id, item, value FROM answer WHERE "
                                     "instrument = 'midas' AND value IS NOT NULL "
                                     "ORDER BY id LIMIT 1 OFFSET 500").fetchone()
        con.close()
        assert raw_edit(path, ("UPDATE answer SET value = ? WHERE visit_id = ? AND "
                               "instrument = 'midas' AND item = ?", (old + 1, vid, item))) > 0
        capsys.readouterr()
        assert cli_main(["check", "--db", str(path)]) == 1
        out = capsys.readouterr().out
        assert "1 difference(s) the log does not explain" in out
        assert (f"answer visit_id={vid}, midas.{item}: stored '{old + 1}', the change log "
                f"says '{old}'") in out


def test_proapp_check_as_its_own_process_names_the_edit(demo_template: Path,
                                                         tmp_path: Path) -> None:
    """The command as a clinic runs it, where SQLite's memory statistics are switched off
    (:mod:`proapp.db.memstatus`) and its work runs in threads: the same verdicts."""
    import subprocess
    import sys

    with copy_of(demo_template, tmp_path) as path:
        command = [sys.executable, "-m", "proapp", "--db", str(path), "check"]
        clean = subprocess.run(command, capture_output=True, text=True, timeout=300)
        assert clean.returncode == 0, clean.stderr
        assert "stored rows against the change log: ok" in clean.stdout
        assert raw_edit(path, ("UPDATE flow_measurement SET flow_ml_min = flow_ml_min + 1 "
                               "WHERE id = 11", ())) == 1
        edited = subprocess.run(command, capture_output=True, text=True, timeout=300)
        assert edited.returncode == 1
        assert "1 difference(s) the log does not explain" in edited.stdout
        assert "flow_measurement visit_id=" in edited.stdout


@pytest.mark.parametrize("entity_id", [None, "abc", 2.5, -7, 10**9])
def test_a_visits_log_row_with_an_odd_id_gets_the_pythons_verdict(
        demo_template: Path, tmp_path: Path, entity_id: Any) -> None:
    """A visit's log row whose entity id was edited to no visit's (NULL, a text, a REAL, an
    id no visit has): the replay in Python sees it in both ways, and reports it."""
    with copy_of(demo_template, tmp_path) as path:
        assert raw_edit(path, ("DROP TRIGGER change_log_no_update", ()),
                        ("UPDATE change_log SET entity_id = ? WHERE id = (SELECT min(id) FROM "
                         "change_log WHERE entity = 'visit')", (entity_id,))) > 0
        assert unexplained(path) is not None
        in_sql, in_python = both_verdicts(path)
        assert in_sql == in_python
        assert in_sql[0] == "result" and len(in_sql[1]) >= 1


# --- the chain over SQLite's payload texts ---------------------------------------------------

LOG_COLUMNS = [*changelog.HASHED_FIELDS, "prev_hash", "hash"]


def walks(path: Path) -> tuple[tuple[str, Any], tuple[str, Any]]:
    """verify_chain (SQLite's payloads) and _walk over Python's texts of the same rows."""
    db = read_only(path)
    try:
        with db.read() as s:
            chain = changelog.chain_in(s)
            fast = outcome(lambda: changelog.verify_chain(s, chain))
            cols = [ChangeLog.id, ChangeLog.prev_hash, ChangeLog.hash,
                    *(getattr(ChangeLog, f) for f in changelog.HASHED_FIELDS)]
            plain = outcome(lambda: changelog._walk(
                plain_rows(s.connection(), select(*cols).order_by(ChangeLog.id)), chain))
        return fast, plain
    finally:
        db.dispose()


def test_the_payloads_sqlite_writes_are_pythons(demo_template: Path, tmp_path: Path) -> None:
    with copy_of(demo_template, tmp_path) as path:
        con = sqlite3.connect(path)
        fields = ", ".join(changelog.HASHED_FIELDS)
        rows = con.execute(f"SELECT CAST(json_array(prev_hash, {fields}) AS BLOB), "
                           f"prev_hash, {fields} FROM change_log").fetchall()
        con.close()
        assert rows
        for payload, *values in rows:
            assert payload == changelog._CHAINED.encode(values).encode("utf-8")
        fast, plain = walks(path)
        assert fast == plain and fast[1][1] is None and fast[1][0] == len(rows)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(column=st.sampled_from(LOG_COLUMNS), value=VALUES, pick=st.integers(0, 10_000),
       same_text=st.booleans())
def test_any_edit_of_the_log_gets_the_walk_in_pythons_verdict(
        demo_template: Path, tmp_path: Path, column: str, value: Any, pick: int,
        same_text: bool) -> None:
    """Any value in any column of any row (or the same text as a BLOB or REAL, which SQLite
    and Python write differently): the same row and reason, or the same error."""
    with copy_of(demo_template, tmp_path / "log") as path:
        con = sqlite3.connect(path)
        ids = [r[0] for r in con.execute("SELECT id FROM change_log")]
        row_id = ids[pick % len(ids)]
        old = con.execute(f"SELECT {column} FROM change_log WHERE id = ?",
                          (row_id,)).fetchone()[0]
        con.close()
        if same_text and old is not None:
            value = (str(old).encode() if not isinstance(value, bytes)
                     else float(old) if isinstance(old, int) else str(old).encode())
        if raw_edit(path, ("DROP TRIGGER change_log_no_update", ()),
                    (f"UPDATE change_log SET {column} = ? WHERE id = ?",
                     (value, row_id))) < 0:
            return  # NOT NULL
        fast, plain = walks(path)
        assert fast == plain


def test_a_text_sqlite_escapes_otherwise_is_judged_on_pythons_text(
        demo_template: Path, tmp_path: Path) -> None:
    """Every character from U+0000 to U+00FF in a logged reason: where SQLite's text differs
    from Python's the row is checked again on Python's, so the chain stays intact."""
    text = "".join(chr(c) for c in range(256))
    with copy_of(demo_template, tmp_path) as path:
        db = open_database(str(path))
        try:
            with db.read() as s:
                before = changelog.verify_chain(s)[0]
            with db.write(Actor.system("test"), reason=text) as s:
                changelog.append(s, [changelog.Change("update", "setting", None, "x", None,
                                                      json.dumps(text))])
        finally:
            db.dispose()
        fast, plain = walks(path)
        assert fast == plain == ("result", (before + 1, None))


# --- where the SQL's facts come from, and the early start -----------------------------------


def test_the_flow_places_are_the_columns_own() -> None:
    from proapp.db.models import FlowRow

    assert set(visit_texts.FLOW_PLACES_OF) == set(replay.FLOW_ATTRS)
    for attr, places in visit_texts.FLOW_PLACES_OF.items():
        assert getattr(FlowRow.__table__.c[attr].type, "places", 0) == places


def test_visit_texts_and_the_early_start_import_no_sqlalchemy() -> None:
    """They run while SQLAlchemy is being imported: they must not wait for it."""
    import subprocess
    import sys

    code = ("import sys; import proapp.services.integrity.early, "
            "proapp.services.integrity.visit_texts; "
            "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"


def report_lines(path: Path, early_on: Path | None) -> list[str]:
    from proapp.services.integrity import early
    from proapp.services.integrity.check import run_check

    started = early.start(str(early_on)) if early_on is not None else None
    db = read_only(path)
    try:
        return run_check(db, started).lines()
    finally:
        db.dispose()
        if started is not None:
            started.close()


def test_the_early_start_gives_the_same_report(demo_template: Path, tmp_path: Path) -> None:
    """On the file checked: the same report as without it, for a clean and an edited file;
    started on another file, it is not used (that file's difference is not reported)."""
    with copy_of(demo_template, tmp_path / "a") as path, \
            copy_of(demo_template, tmp_path / "b") as other:
        assert report_lines(path, path) == report_lines(path, None)
        assert raw_edit(other, ("UPDATE answer SET value = 99 WHERE id = 7", ())) == 1
        assert raw_edit(path, ("UPDATE visit SET label = 'x' WHERE id = 3", ())) == 1
        edited = report_lines(path, None)
        assert any("visit id=3, label: stored 'x'" in line for line in edited)
        assert report_lines(path, path) == edited
        assert report_lines(path, other) == edited


def test_the_early_start_needs_an_existing_file(tmp_path: Path) -> None:
    from proapp.services.integrity import early

    assert early.start(None) is None
    assert early.start("postgresql://host/db") is None
    assert early.start(str(tmp_path / "missing.db")) is None
    assert not (tmp_path / "missing.db").exists()
