"""The import's fast plan for visit rows (``importer._FastVisits``) against the full path it
stands in for: for any cells, the same findings (row, column, value, rule, message), the same
counts, the same rows to insert and the same change-log snapshots; and on proapp's own export
it takes nearly every row and gives a database equal to the full path's."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.services.exchange.helpers import NURSE, write_csv

from proapp.db.engine import Database
from proapp.domain import flow as flowmod
from proapp.domain.registry import QUESTIONNAIRES
from proapp.services import clock
from proapp.services.exchange import importer
from proapp.services.exchange.columns import PATIENT_CONTRACT, VISIT_COLUMNS
from proapp.services.exchange.export import run_export
from proapp.services.exchange.importer import ImportReport, import_folder

TODAY = date(2026, 1, 1)
NOW = datetime(2026, 1, 1, 12, 0, 0)
# (code, birth date, first PTA or None); X-2 appears twice in patients.csv (invalid)
PATIENTS = [("X-1", "1970-05-01", "2014-03-10"), ("X-2", "1980-01-31", "2015-01-31"),
            ("X-2", "1980-01-31", "2015-01-31"), ("X-3", "1990-06-15", ""),
            ("X-4", "2014-06-01", "2014-07-01"), ("X-5", "2015-06-01", "")]
CODES = ["X-1", "X-2", "X-3", "X-4", "X-5", "X-9", " X-1", "'X-1", ""]
LABELS = ["baseline", "pta", "m1", "m3", "m6", "m12", "y2", "y3", "unscheduled", " m3", "y1",
          "bogus", ""]
OFFSETS = {"baseline": -30, "pta": 0, "m1": 30, "m3": 91, "m6": 182, "m12": 365, "y2": 730,
           "y3": 1095}
NAMES = [c.name for c in VISIT_COLUMNS]
REQUIRED = ("patient_code", "visit_date", "visit_label")


def junk() -> st.SearchStrategy[str]:
    return st.sampled_from(["x", " ", "1e1", "+3", "-1", "0x1", "٣", "3.5", "1,5", "'=1",
                            "NaN", "inf", "9" * 50, "2014-02-30"])


def whole(low: int, high: int, clean: bool = False) -> st.SearchStrategy[str]:
    """A whole-number cell: written plainly in range, or (unless ``clean``) anything."""
    plain = st.integers(low, high).map(str)
    if clean:
        return plain
    return st.one_of(plain, st.integers(low - 2, high + 2).map(str),
                     st.integers(low, high).map(lambda v: f" {v}"),
                     st.integers(low, high).map(lambda v: f"0{v}"),
                     st.integers(low, high).map(lambda v: f"{v}.0"), junk())


def decimal_text(top: int, places: int, clean: bool = False) -> st.SearchStrategy[str]:
    """A decimal cell: exact to its places (or a whole number) up to ``top``, or (unless
    ``clean``) with a place too many, out of range, zero or anything."""
    plain = st.one_of(
        st.integers(1, top * 10 ** places).map(lambda v: f"{v / 10 ** places:.{places}f}"),
        st.integers(1, top).map(str))
    if clean:
        return plain
    return st.one_of(plain, st.integers(0, top * 10 ** (places + 1)).map(
        lambda v: f"{v / 10 ** (places + 1):.{places + 1}f}"),
        st.sampled_from(["0", "0.0", str(top + 1)]), junk())


@st.composite
def visit_rows(draw: st.DrawFn, header: list[str], kind: str | None = None) -> list[str]:
    """A row of cells: a third "clean" (what a careful clinic writes, which the plan should
    mostly take), a third clean but for one or two cells (each rule on its own), a third
    with anything anywhere."""
    kind = kind or draw(st.sampled_from(["clean", "changed", "anything"]))
    clean = kind != "anything"

    def pick(good: st.SearchStrategy[Any], anything: st.SearchStrategy[Any]) -> Any:
        return draw(good if clean else good | anything)

    cells: dict[str, str] = {}
    code = pick(st.sampled_from(["X-1", "X-3", "X-4", "X-5", "X-1", "X-2"]),
                st.sampled_from(CODES))
    label = pick(st.sampled_from(LABELS[:9]), st.sampled_from(LABELS))
    cells["patient_code"], cells["visit_label"] = code, label
    base = {c: (date.fromisoformat(b), date.fromisoformat(p) if p else None)
            for c, b, p in PATIENTS}
    birth, pta = base.get(code.strip(" '"), (date(1970, 1, 1), None))
    anchor = pta or date(2016, 1, 1)
    offset = OFFSETS.get(label.strip(), 0) + pick(st.just(0), st.sampled_from(
        [0, 3, -20, 70, 400]))
    day = anchor + timedelta(days=offset)
    cells["visit_date"] = pick(st.just(day.isoformat()), st.sampled_from(
        [birth.isoformat(), "2027-01-01", "", " 2014-03-10", "2014-3-10", "10/03/2014"]))
    for instrument in QUESTIONNAIRES.values():
        mode = pick(st.sampled_from(["blank", "full", "full", "full", "explained"]),
                    st.just("random"))
        explained = (draw(st.sampled_from(instrument.items)).id if mode == "explained"
                     else None)
        headache_days = draw(st.integers(1, 90))
        for it in instrument.items:
            name = instrument.column(it.id)
            if mode == "blank" or it.id == explained:
                cells[name] = ""
            elif mode == "random":
                cells[name] = draw(st.just("") | whole(it.minimum, it.maximum))
            elif clean and instrument.id == "midas":  # within MIDAS's own rules, mostly
                cells[name] = str(headache_days if it.id == "a" else draw(
                    st.integers(1, 10) if it.id == "b" else st.integers(0, headache_days // 2)))
            else:
                cells[name] = str(draw(st.integers(it.minimum, it.maximum)))
        if explained is not None:
            reason = pick(st.sampled_from(["declined", "not_asked", "unknown"]),
                          st.just("bogus"))
            pair = f"{instrument.column(explained)}:{reason}"
            cells["missing_items"] = (cells.get("missing_items", "") + " " + pair).strip()
        for sf in instrument.score_fields:  # computed: blank, or what a file might hold
            cells[instrument.column(sf.id)] = pick(st.just(""), st.sampled_from(
                ["12", "I", "4.00", " ", "x"]))
    for posture in ("supine", "upright"):
        for side in ("left", "right"):
            prefix = f"flow_{posture}_{side}"
            mode = pick(st.sampled_from(["blank", "ml", "ml", "computed"]), st.just("random"))
            ml = vel = area = sten = ""
            if mode == "ml":
                ml = draw(decimal_text(3000, 1, clean))
            elif mode == "computed":
                vel, area = draw(decimal_text(60, 2, clean)), draw(decimal_text(1, 3, clean))
                try:  # the flow column may hold the computed flow, as proapp's export does
                    computed = format(flowmod.computed_flow(Decimal(vel), Decimal(area)), "f")
                except ArithmeticError:
                    computed = "123.4"
                ml = pick(st.sampled_from(["", computed]), st.just("123.4"))
            elif mode == "random":
                ml, vel, area = (draw(st.just("") | decimal_text(3000, 1)),
                                 draw(st.just("") | decimal_text(300, 2)),
                                 draw(st.just("") | decimal_text(10, 3)))
            if mode != "blank":
                sten = draw(st.just("") | whole(0, 100, clean))
            cells[f"{prefix}_ml_min"], cells[f"{prefix}_velocity_cm_s"] = ml, vel
            cells[f"{prefix}_area_cm2"], cells[f"{prefix}_stenosis_pct"] = area, sten
        cells[f"flow_{posture}_total_ml_min"] = pick(st.just(""), st.sampled_from(
            ["500.0", "x"]))
    for form in ("midas", "fss", "flow"):
        empty = not any(cells.get(c.name) for c in VISIT_COLUMNS
                        if c.form == form and not c.computed)
        # a careful clinic gives a reason for a form it did not do
        cells[f"{form}_skip_reason"] = pick(
            st.sampled_from(["not done", "not done", "not done", ""]) if empty else st.just(""),
            st.sampled_from(["not done", " ", "'=x", "x" * 501]))
    cells["age_at_visit"] = pick(st.just(""), st.sampled_from(["44", "x"]))
    cells["questionnaire_language"] = pick(st.sampled_from(["", "en", "it"]),
                                           st.sampled_from(["xx", " en"]))
    cells["confirmed_warnings"] = pick(st.sampled_from(["", "window"]),
                                       st.just("midas.exceeds_headache_days"))
    cells.setdefault("missing_items", pick(st.just(""), st.sampled_from(
        ["midas_q1:declined", "nonsense"])))
    if kind == "changed":
        for _ in range(draw(st.sampled_from([1, 1, 2]))):
            group = draw(st.sampled_from([g for g in GROUPS if any(n in header for n in g)]))
            name = draw(st.sampled_from([n for n in group if n in header]))
            cells[name] = draw(changed(name, cells.get(name, "")))
    return [cells.get(h, "") for h in header]


_BY_NAME = {c.name: c for c in VISIT_COLUMNS}
# The columns by the rules they meet, so that a change reaches each rule about as often.
GROUPS = [
    ("patient_code",), ("visit_date",), ("visit_label",),
    *([c.name for c in VISIT_COLUMNS if c.source.startswith(f"{kind}.{form}")]
      for kind in ("item", "score") for form in QUESTIONNAIRES),
    [c.name for c in VISIT_COLUMNS if c.source.startswith("flow.") and c.name.endswith("ml_min")],
    [c.name for c in VISIT_COLUMNS if c.source.startswith("flow.")
     and not c.name.endswith("ml_min")],
    [c.name for c in VISIT_COLUMNS if c.source.startswith(("flowtotal", "age"))],
    [c.name for c in VISIT_COLUMNS if c.name.endswith("_skip_reason")],
    ("missing_items",), ("questionnaire_language",), ("confirmed_warnings",),
    [c.name for c in VISIT_COLUMNS if c.source.startswith(("analysis", "record"))
     and c.name != "confirmed_warnings"],
]


def changed(name: str, text: str) -> st.SearchStrategy[str]:
    """Another text for one cell: blank, a nearby or out-of-range value of its kind, the
    same value written differently, or anything."""
    col = _BY_NAME[name]
    others: list[st.SearchStrategy[str]] = [st.just(""), st.just(f" {text}"), junk()]
    mine = len(others)  # the strategies of the column's own kind, added below, count twice
    if col.kind.value == "integer":
        low = int(col.minimum) if col.minimum is not None else 0
        high = int(col.maximum) if col.maximum is not None else 120
        others += [whole(low, high), st.integers(low, high).map(str)]
    elif col.kind.value == "decimal":
        top = int(col.maximum) if col.maximum is not None else 100
        others += [decimal_text(top, col.places), decimal_text(top, col.places, True)]
    elif col.kind.value == "date":
        try:
            day = date.fromisoformat(text)
        except ValueError:
            day = date(2014, 3, 10)
        others.append(st.integers(-400, 400).map(
            lambda d: (day + timedelta(days=d)).isoformat()))
    elif name == "patient_code":
        others.append(st.sampled_from(CODES))
    elif name == "visit_label":
        others.append(st.sampled_from(LABELS))
    elif name == "missing_items":
        others.append(st.sampled_from(["midas_q1:declined", "fss_2:unknown", "midas_b:no",
                                       "fss_9", "midas_q1:declined midas_q1:unknown"]))
    elif name.endswith("_skip_reason"):
        others.append(st.sampled_from(["not done", "  ", "x" * 501]))
    elif col.computed:
        others.append(st.sampled_from(["0", "1", "I", "II", "4.00", "5.00", "45", "500.0"]))
    return st.one_of(others + others[mine:])


@st.composite
def files(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    optional = [n for n in NAMES if n not in REQUIRED]
    kept = draw(st.sampled_from(["all", "all", "some"]))
    header = list(NAMES) if kept == "all" else [
        *REQUIRED, *draw(st.lists(st.sampled_from(optional), unique=True, max_size=30))]
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    rows = draw(st.lists(visit_rows(header), min_size=1, max_size=6))
    return header, rows


def _count_taken(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """From now on in this test, ``[n]``: how many visit rows the fast plan has taken."""
    taken = [0]
    plain_visit = importer._FastVisits.visit

    def counting(self: importer._FastVisits, n: int, row: list[str]) -> bool:
        done = plain_visit(self, n, row)
        taken[0] += done
        return done

    monkeypatch.setattr(importer._FastVisits, "visit", counting)
    return taken


def _read(db: Database, folder: Path, fast: bool, monkeypatch: pytest.MonkeyPatch
          ) -> dict[str, Any]:
    """Everything the import decides for these files, without writing: its findings and
    counts, and the rows and change-log entries its writer holds."""
    monkeypatch.setattr(importer, "FAST_PLAN", fast)
    taken = _count_taken(monkeypatch)
    # The writer keeps every row even after an error (it drops them at the first one), so
    # that the rows of every visit, before and after a refused one, are compared.
    monkeypatch.setattr(importer._Writer, "stop", lambda self: None)
    report = ImportReport(folder, False, False)
    with db.read() as s:
        w = importer._Writer(s, "test", NURSE.username)
        imp = importer._Importer(s, folder, report, TODAY, None, w)
        imp.patients(folder / "patients.csv")
        imp.procedures(None)
        imp.visits(folder / "visits.csv")
        tables = {t.model.__tablename__: list(t.rows) for t in w.tables}
        log = list(w.log)
    return {"findings": [str(f) for f in report.findings], "report": {
        k: v for k, v in vars(report).items() if k != "findings"}, "tables": tables,
        "log": log, "taken": taken[0]}


def _folder(tmp_path: Path, header: list[str], rows: list[list[str]]) -> Path:
    folder = tmp_path / "in"
    write_csv(folder / "patients.csv", list(PATIENT_CONTRACT), [
        [code, "Rossi", "Anna", birth, "F", "RR", 2000 if birth < "2000" else "", 1, 1, pta]
        for code, birth, pta in PATIENTS])
    write_csv(folder / "visits.csv", header, rows)
    return folder


def _decided_alike(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                   data: tuple[list[str], list[list[str]]]) -> None:
    """The file ``data`` read with the fast plan and without it: the same findings, report,
    rows and log snapshots (and the full path, switched off the plan, takes no row by it)."""
    monkeypatch.setattr(clock, "utcnow", lambda: NOW)
    header, rows = data
    folder = _folder(tmp_path, header, rows)
    full = _read(db, folder, False, monkeypatch)
    fast = _read(db, folder, True, monkeypatch)
    assert full["taken"] == 0
    for key in ("findings", "report", "tables", "log"):
        assert fast[key] == full[key], key


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=files())
def test_the_fast_plan_decides_every_row_as_the_full_path_does(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        data: tuple[list[str], list[list[str]]]) -> None:
    _decided_alike(db, tmp_path, monkeypatch, data)


@st.composite
def one_change(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    """A clean row (every column) but for one or two cells: each rule on its own."""
    return list(NAMES), [draw(visit_rows(list(NAMES), "changed"))]


@settings(max_examples=500, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=one_change())
def test_a_row_clean_but_for_a_cell_is_decided_as_the_full_path_does(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        data: tuple[list[str], list[list[str]]]) -> None:
    _decided_alike(db, tmp_path, monkeypatch, data)


def test_rows_the_plan_takes_are_exactly_the_rows_the_full_path_writes(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hand-picked rows the plan must take (answers, a declined item, flows entered and
    computed, a skipped form, a language) and rows it must leave to the full path."""
    monkeypatch.setattr(clock, "utcnow", lambda: NOW)
    header = list(NAMES)
    midas = {"midas_q1": "1", "midas_q2": "2", "midas_q3": "0", "midas_q4": "3",
             "midas_q5": "4", "midas_a": "20", "midas_b": "6"}
    fss = {f"fss_{n}": "5" for n in range(1, 10)}

    def row(**cells: str) -> list[str]:
        return [cells.get(h, "") for h in header]

    taken = [
        row(patient_code="X-1", visit_date="2014-03-01", visit_label="baseline", **midas, **fss,
            flow_supine_left_ml_min="250.5", flow_supine_right_velocity_cm_s="20.25",
            flow_supine_right_area_cm2="0.310", flow_supine_right_stenosis_pct="50",
            midas_total="10", midas_grade="II", fss_mean="5.00", fss_total="45",
            flow_supine_total_ml_min="627.2", age_at_visit="43",
            questionnaire_language="it"),
        row(patient_code="X-1", visit_date="2014-03-10", visit_label="pta",
            flow_supine_left_ml_min="300", flow_supine_right_ml_min="310.0"),
        row(patient_code="X-1", visit_date="2014-06-10", visit_label="m3",
            **{**midas, "midas_q3": ""}, missing_items="midas_q3:declined",
            fss_skip_reason="tired"),
    ]
    left = [
        row(patient_code="X-1", visit_date="2014-04-10", visit_label="m1",
            flow_supine_left_ml_min="250.55"),  # rounded: a warning
        row(patient_code="X-1", visit_date="2014-09-10", visit_label="m6", **midas, **fss),
        # m6 expects the flow: "not collected"
        row(patient_code="X-2", visit_date="2015-01-31", visit_label="pta",
            flow_supine_left_ml_min="250.5"),  # X-2 is invalid (twice in patients.csv)
        row(patient_code="X-1", visit_date="2014-03-10", visit_label="pta",
            flow_supine_left_ml_min="1"),  # a second pta visit: duplicate label
        row(patient_code="X-4", visit_date="2014-05-01", visit_label="baseline", **midas,
            **fss, flow_supine_left_ml_min="1"),  # before the birth date, inside the window
        row(patient_code="X-3", visit_date="2016-01-01", visit_label="unscheduled",
            flow_supine_left_ml_min="1", midas_skip_reason="  "),  # a blank reason
        row(patient_code="X-3", visit_date="2016-01-02", visit_label="unscheduled",
            flow_supine_left_velocity_cm_s="20.25", flow_supine_left_area_cm2="0.310",
            flow_supine_left_ml_min="376.6"),  # velocity x area x 60 is 376.7
    ]
    folder = _folder(tmp_path, header, taken + left)
    full = _read(db, folder, False, monkeypatch)
    fast = _read(db, folder, True, monkeypatch)
    assert fast["taken"] == len(taken)
    for key in ("findings", "report", "tables", "log"):
        assert fast[key] == full[key], key
    assert [f.rsplit(" [", 1)[1] for f in full["findings"]] == [
        "code.duplicate]", "age.young]", "precision.rounded]", "form.not_collected]",
        "visit.duplicate_label]", "date.before_birth]", "skip.reason]", "computed.differs]"]


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    skip = {"created_at", "updated_at", "completed_at", "at", "hash", "prev_hash"}
    out = {}
    with sqlite3.connect(path) as con:
        for table in ("patient", "procedure", "visit", "answer", "skipped_form",
                      "flow_measurement", "change_log"):
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")
                    if r[1] not in skip]
            out[table] = con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY rowid"
                                     ).fetchall()
    return out


def test_proapp_s_own_export_goes_through_the_plan_into_the_same_database(
        demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from proapp.db.migrate import open_database

    run_export(demo_db, NURSE, "csv", tmp_path / "csv")
    with open(tmp_path / "csv" / "visits.csv", newline="", encoding="utf-8") as fh:
        total = sum(1 for _ in csv.reader(fh)) - 1
    taken = _count_taken(monkeypatch)
    results = {}
    for fast in (True, False):
        monkeypatch.setattr(importer, "FAST_PLAN", fast)
        path = tmp_path / f"fast-{fast}.db"
        target = open_database(str(path))
        report = import_folder(target, NURSE, tmp_path / "csv")
        target.dispose()
        assert report.ok and report.applied and report.warning_count == 0, report.summary()
        results[fast] = (report.summary(), _rows(path))
    assert results[True] == results[False]
    # the visits the plan leaves to the full path are those with a confirmed warning
    with open(tmp_path / "csv" / "visits.csv", newline="", encoding="utf-8") as fh:
        confirmed = sum(1 for r in csv.DictReader(fh) if r["confirmed_warnings"])
    assert taken[0] == total - confirmed > 0

