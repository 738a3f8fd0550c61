"""Exports: the interchange CSV contract, exact numbers, round trips, formula injection,
de-identification, safe writing, the SQLite copy, and permissions."""

from __future__ import annotations

import re
import sqlite3
import threading
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa
from tests.conftest import make_facts
from tests.services.exchange.helpers import ADMIN, NURSE, count, read_csv

from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.patient import ProcedureFacts
from proapp.domain.visit import VisitContent
from proapp.services import patients, visits
from proapp.services.errors import PermissionDenied
from proapp.services.exchange import columns, csv_export
from proapp.services.exchange.dataset import ExportOptions, load
from proapp.services.exchange.export import Format, run_export
from proapp.services.exchange.importer import import_folder
from proapp.services.exchange.safe_write import OutputExists
from proapp.services.progress import Cancelled, Progress

VISIT_CONTRACT = [
    "patient_code", "visit_date", "visit_label", "midas_q1", "midas_q2", "midas_q3", "midas_q4",
    "midas_q5", "midas_a", "midas_b", "midas_total", "midas_grade", "fss_1", "fss_2", "fss_3",
    "fss_4", "fss_5", "fss_6", "fss_7", "fss_8", "fss_9", "fss_mean", "fss_total",
    "flow_supine_left_ml_min", "flow_supine_right_ml_min", "flow_supine_total_ml_min",
    "flow_upright_left_ml_min", "flow_upright_right_ml_min", "flow_upright_total_ml_min",
]
PATIENT_CONTRACT = [
    "patient_code", "family_name", "given_name", "birth_date", "sex", "ms_subtype",
    "diagnosis_year", "headache_positive", "fatigue_positive", "pta_date",
]


def header(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()[0].split(",")


def test_contract_columns_come_first_in_the_published_order(demo_db: Database,
                                                               tmp_path: Path) -> None:
    run_export(demo_db, NURSE, "csv", tmp_path / "out")
    assert header(tmp_path / "out" / "patients.csv")[:10] == PATIENT_CONTRACT
    assert header(tmp_path / "out" / "visits.csv")[:29] == VISIT_CONTRACT
    assert tuple(PATIENT_CONTRACT) == columns.PATIENT_CONTRACT


def _one_visit(db: Database, content: VisitContent, label: str = "baseline") -> int:
    pid = patients.create_patient(db, NURSE, make_facts(),
                                  [ProcedureFacts(date(2014, 3, 10))])
    visits.save_visit(db, NURSE, visits.VisitDraft(pid, label, date(2014, 3, 1), content),
                      complete=True, confirm_warnings=True)
    return pid


def test_numbers_are_exact_and_scores_come_from_the_domain(db: Database,
                                                           tmp_path: Path) -> None:
    content = VisitContent(
        responses={"midas": {"q1": 3, "q2": 4, "q3": 0, "q4": 5, "q5": 9, "a": 30, "b": 7},
                   "fss": {str(n): 4 for n in range(1, 10)}},
        flows=(FlowMeasurement(Side.LEFT, Posture.SUPINE, Decimal("612.5")),
               FlowMeasurement(Side.RIGHT, Posture.SUPINE, None, Decimal("10.21"),
                               Decimal("0.333"), 60)))
    _one_visit(db, content)
    run_export(db, NURSE, "csv", tmp_path)
    (row,) = read_csv(tmp_path / "visits.csv")
    assert row["midas_total"] == "21"
    assert row["midas_grade"] == "IV"
    assert row["fss_mean"] == "4.00"
    assert row["fss_total"] == "36"
    assert row["flow_supine_left_ml_min"] == "612.5"
    # 10.21 cm/s x 0.333 cm2 x 60 = 203.99... -> 204.0 (half up, one place), never a float
    assert row["flow_supine_right_ml_min"] == "204.0"
    assert row["flow_supine_total_ml_min"] == "816.5"
    assert row["flow_supine_right_velocity_cm_s"] == "10.21"
    assert row["flow_supine_right_area_cm2"] == "0.333"
    assert row["flow_upright_total_ml_min"] == ""
    assert row["age_at_visit"] == "38"


def test_incomplete_instrument_leaves_scores_blank_not_zero(db: Database,
                                                            tmp_path: Path) -> None:
    content = VisitContent(responses={"midas": {"q1": 0, "q2": 0, "q3": 0, "q4": 0},
                                      "fss": {"1": 5}},
                           skipped={"flow": "machine broken"})
    _one_visit(db, content)
    run_export(db, NURSE, "csv", tmp_path)
    (row,) = read_csv(tmp_path / "visits.csv")
    assert row["midas_q5"] == ""
    assert row["midas_total"] == ""
    assert row["midas_grade"] == ""
    assert row["fss_mean"] == ""
    assert row["fss_total"] == ""
    assert row["flow_skip_reason"] == "machine broken"


def test_round_trip_csv_is_byte_identical(demo_db: Database, db: Database,
                                          tmp_path: Path) -> None:
    run_export(demo_db, NURSE, "csv", tmp_path / "a")
    report = import_folder(db, NURSE, tmp_path / "a")
    assert report.ok, report.errors[:5]
    assert report.applied
    run_export(db, NURSE, "csv", tmp_path / "b")
    for name in ("patients.csv", "visits.csv", "data_dictionary.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert count(db, "visit") == len(read_csv(tmp_path / "a" / "visits.csv"))


def _cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    wb = openpyxl.load_workbook(path)
    return {ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()]
            for ws in wb.worksheets}


def test_round_trip_xlsx_has_the_same_cell_values(demo_db: Database, db: Database,
                                                  tmp_path: Path) -> None:
    run_export(demo_db, NURSE, "csv", tmp_path / "csv")
    assert import_folder(db, NURSE, tmp_path / "csv").applied
    run_export(demo_db, NURSE, "xlsx", tmp_path / "a.xlsx")
    run_export(db, NURSE, "xlsx", tmp_path / "b.xlsx")
    a, b = _cells(tmp_path / "a.xlsx"), _cells(tmp_path / "b.xlsx")
    assert list(a) == ["patients", "procedures", "visits", "wide", "data_dictionary"]
    assert a == b


def test_xlsx_cells_are_typed_and_the_header_frozen(demo_db: Database, tmp_path: Path) -> None:
    run_export(demo_db, NURSE, "xlsx", tmp_path / "x.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "x.xlsx")
    ws = wb["visits"]
    assert ws.freeze_panes == "A2"
    head = [c.value for c in ws[1]]
    row = dict(zip(head, ws[2], strict=True))
    assert row["visit_date"].is_date
    assert row["visit_date"].number_format == "yyyy-mm-dd"
    assert isinstance(row["fss_1"].value, int)
    assert row["fss_mean"].number_format == "0.00"
    assert isinstance(row["flow_supine_left_ml_min"].value, int | float)
    assert ws.column_dimensions["A"].width >= len("patient_code")
    assert wb["patients"].freeze_panes == "A2"


def test_formula_like_text_is_neutralised_and_read_back(db: Database, tmp_path: Path) -> None:
    hostile = {"family_name": "=HYPERLINK(\"http://x\",\"y\")", "given_name": "+1-2",
               "notes": "@SUM(A1)\nsecond line"}
    pid = patients.create_patient(db, NURSE, make_facts("P-1", **hostile, diagnosis_year=2001),
                                  [ProcedureFacts(date(2014, 3, 10))])
    visits.save_visit(db, NURSE, visits.VisitDraft(
        pid, "pta", date(2014, 3, 10), VisitContent(skipped={"flow": "-not done"})),
        complete=True)
    run_export(db, NURSE, "csv", tmp_path / "csv")
    (p,) = read_csv(tmp_path / "csv" / "patients.csv")
    assert p["family_name"] == "'" + hostile["family_name"]
    assert p["given_name"] == "'+1-2"
    assert p["notes"].startswith("'@SUM")
    assert p["diagnosis_year"] == "2001"  # numbers are never prefixed
    (v,) = read_csv(tmp_path / "csv" / "visits.csv")
    assert v["flow_skip_reason"] == "'-not done"
    run_export(db, NURSE, "xlsx", tmp_path / "x.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx")["patients"]
    head = [c.value for c in ws[1]]
    cells = dict(zip(head, ws[2], strict=True))
    # Excel: typed string cells hold the text exactly, never as a formula, no apostrophe
    assert cells["family_name"].data_type == "s"
    assert cells["family_name"].value == hostile["family_name"]
    assert cells["given_name"].value == "+1-2"
    assert cells["diagnosis_year"].data_type == "n"
    with zipfile.ZipFile(tmp_path / "x.xlsx") as z:
        assert not any(b"<f>" in z.read(n) or b"<f " in z.read(n)
                       for n in z.namelist() if n.startswith("xl/worksheets/"))
    # REDCap imports its data file as data: the text as stored, no guard
    run_export(db, NURSE, "redcap", tmp_path / "rc")
    enrolment = read_csv(tmp_path / "rc" / "redcap_data.csv")[0]
    assert enrolment["family_name"] == hostile["family_name"]
    assert enrolment["given_name"] == "+1-2"
    # the import removes exactly the one apostrophe again
    other = open_database(tmp_path / "other.db")
    try:
        assert import_folder(other, NURSE, tmp_path / "csv").applied
        record = patients.find_by_code(other, "P-1")
        assert record.facts.family_name == hostile["family_name"]
        assert record.facts.notes == hostile["notes"]
    finally:
        other.dispose()


def test_apostrophes_survive_the_round_trip() -> None:
    from proapp.services.exchange.cells import neutralise, unneutralise

    for text in ("'t Hooft", "''=x", "'=x", "=x", "-", "O'Brien", "", "'", "@", "\tx"):
        assert unneutralise(neutralise(text)) == text
        assert neutralise(text)[:1] not in ("=", "+", "-", "@", "\t", "\r")


ALL_TEXT_FORMATS = ("csv", "wide", "redcap", "fhir")


def test_deidentified_exports_hold_no_name_or_birth_date(demo_db: Database,
                                                         tmp_path: Path) -> None:
    with demo_db.engine.connect() as conn:
        people = conn.exec_driver_sql(
            "SELECT family_name, given_name, birth_date FROM patient").all()
    names = {n for f, g, _b in people for n in (f, g)}
    births = {str(b) for _f, _g, b in people}
    name_re = re.compile(r"\b(" + "|".join(map(re.escape, sorted(names))) + r")\b")
    options = ExportOptions(deidentify=True)
    texts: dict[str, str] = {}
    for fmt in ALL_TEXT_FORMATS:
        run_export(demo_db, NURSE, fmt, tmp_path / fmt, options)
        for f in (tmp_path / fmt).iterdir():
            texts[str(f)] = f.read_text(encoding="utf-8")
    run_export(demo_db, NURSE, "xlsx", tmp_path / "x.xlsx", options)
    with zipfile.ZipFile(tmp_path / "x.xlsx") as z:
        for part in z.namelist():
            texts[f"x.xlsx:{part}"] = z.read(part).decode("utf-8")
    wb = openpyxl.load_workbook(tmp_path / "x.xlsx")
    birth_dates = {date.fromisoformat(b) for b in births}
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if hasattr(value, "date"):
                    assert value.date() not in birth_dates
    assert len(texts) >= 10
    for where, text in texts.items():
        found = name_re.search(text)
        assert found is None, f"{found.group(0) if found else ''} in {where}"
        for b in births:
            assert b not in text, f"birth date {b} in {where}"
    visits_rows = read_csv(tmp_path / "csv" / "visits.csv")
    assert visits_rows[0]["age_at_visit"].isdigit()
    assert header(tmp_path / "csv" / "patients.csv")[:2] == ["patient_code", "sex"]


def test_the_sqlite_copy_refuses_deidentification(demo_db: Database, tmp_path: Path) -> None:
    from proapp.services.errors import UserError

    with pytest.raises(UserError, match="de-identified"):
        run_export(demo_db, ADMIN, "sqlite", tmp_path / "c.db", ExportOptions(deidentify=True))
    assert not (tmp_path / "c.db").exists()


def test_filters_by_subtype_and_dates(demo_db: Database, tmp_path: Path) -> None:
    options = ExportOptions(subtypes=frozenset({"PP"}), date_from=date(2013, 1, 1),
                            date_to=date(2013, 12, 31))
    run_export(demo_db, NURSE, "csv", tmp_path, options)
    subtype = {r["patient_code"]: r["ms_subtype"] for r in read_csv(tmp_path / "patients.csv")}
    assert set(subtype.values()) == {"PP"}
    assert len(subtype) == 36
    rows = read_csv(tmp_path / "visits.csv")
    assert rows
    assert all(r["patient_code"] in subtype for r in rows)
    assert all("2013-01-01" <= r["visit_date"] <= "2013-12-31" for r in rows)


def test_existing_files_are_not_replaced_without_force(demo_db: Database,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "visits.csv").write_text("precious")
    with pytest.raises(OutputExists):
        run_export(demo_db, NURSE, "csv", out)
    assert (out / "visits.csv").read_text() == "precious"
    assert sorted(p.name for p in out.iterdir()) == ["visits.csv"]
    run_export(demo_db, NURSE, "csv", out, force=True)
    assert (out / "visits.csv").read_text().startswith("patient_code,")
    (tmp_path / "x.xlsx").write_text("old")
    with pytest.raises(OutputExists):
        run_export(demo_db, NURSE, "xlsx", tmp_path / "x.xlsx")
    assert (tmp_path / "x.xlsx").read_text() == "old"


def test_a_failed_export_leaves_no_file(demo_db: Database, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(data, folder, progress=None):
        (folder / "patients.csv").write_text("half")
        raise OSError("disk full")

    monkeypatch.setattr(csv_export, "write_interchange", broken)
    out = tmp_path / "out"
    with pytest.raises(OSError, match="disk full"):
        run_export(demo_db, NURSE, "csv", out)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "sqlite"])
def test_a_cancelled_export_leaves_no_file(demo_db: Database, tmp_path: Path,
                                           fmt: str) -> None:
    progress = Progress()
    progress.cancel()
    out = tmp_path / ("out.xlsx" if fmt == "xlsx" else "out.db" if fmt == "sqlite" else "out")
    with pytest.raises(Cancelled):
        run_export(demo_db, ADMIN if fmt == "sqlite" else NURSE, fmt, out, progress=progress)
    assert not out.exists() or list(out.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_sqlite_copy_is_consistent_while_a_writer_is_busy(demo_db: Database,
                                                          tmp_path: Path) -> None:
    writer = demo_db.engine.connect()  # another workstation, mid-transaction
    writer.begin()
    writer.execute(sa.text("UPDATE patient SET notes = 'uncommitted' WHERE id = 1"))
    done = threading.Event()
    try:
        result = run_export(demo_db, ADMIN, "sqlite", tmp_path / "copy.db")
        done.set()
    finally:
        writer.rollback()
        writer.close()
    assert done.is_set()
    copy = sqlite3.connect(result.paths[0])
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT count(*) FROM patient").fetchone()[0] == 286
        assert copy.execute("SELECT count(*) FROM patient WHERE notes = 'uncommitted'"
                            ).fetchone()[0] == 0
    finally:
        copy.close()
    assert result.paths[1].read_text().startswith("table,column,type")
    reopened = open_database(result.paths[0])
    reopened.dispose()


def test_export_needs_the_permission(demo_db: Database, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        run_export(demo_db, Actor("nobody"), "csv", tmp_path / "o")
    with pytest.raises(PermissionDenied):
        load(demo_db, Actor("nobody"), ExportOptions())
    assert not (tmp_path / "o").exists()


def test_every_format_writes_a_data_dictionary(demo_db: Database, tmp_path: Path) -> None:
    for fmt in Format:
        out = tmp_path / fmt.value
        if fmt is Format.XLSX:
            out = tmp_path / "x.xlsx"
        if fmt is Format.SQLITE:
            out = tmp_path / "c.db"
        result = run_export(demo_db, ADMIN if fmt is Format.SQLITE else NURSE, fmt, out)
        dictionaries = [p for p in result.paths if "dictionary" in p.name]
        if fmt is Format.XLSX:
            assert "data_dictionary" in openpyxl.load_workbook(out).sheetnames
            continue
        assert dictionaries, fmt
        rows = read_csv(dictionaries[-1])
        assert rows


def test_data_dictionary_describes_each_column(demo_db: Database, tmp_path: Path) -> None:
    run_export(demo_db, NURSE, "csv", tmp_path)
    rows = {(r["file"], r["column"]): r for r in read_csv(tmp_path / "data_dictionary.csv")}
    for name in header(tmp_path / "visits.csv"):
        assert ("visits.csv", name) in rows
    q1 = rows[("visits.csv", "midas_q1")]
    assert q1["range"] == "0-90"
    assert q1["unit"] == "days"
    assert "miss work" in q1["meaning"]
    grade = rows[("visits.csv", "midas_grade")]
    assert "IV" in grade["codes"]
    assert grade["computed"] == "yes"
    assert rows[("patients.csv", "sex")]["codes"].startswith("F = female")


def test_wide_has_one_row_per_patient_and_columns_per_label(demo_db: Database,
                                                           tmp_path: Path) -> None:
    run_export(demo_db, NURSE, "wide", tmp_path)
    rows = read_csv(tmp_path / "wide.csv")
    long_rows = load(demo_db, NURSE, ExportOptions()).visits
    assert len(rows) == 286
    first = rows[0]
    assert {"midas_total_m3", "fss_mean_baseline", "flow_supine_total_ml_min_m1",
            "visit_date_y2"} <= set(first)
    by = {(v["patient_code"], v["visit_label"]): v for v in long_rows}
    for r in rows[:40]:
        v = by.get((r["patient_code"], "m3"))
        expected = "" if v is None or v["midas_total"] is None else str(v["midas_total"])
        assert r["midas_total_m3"] == expected


def test_every_exported_decimal_has_exactly_its_columns_places(demo_db: Database) -> None:
    """The CSV writer prints decimals with str(): that is exact only with this invariant."""
    data = load(demo_db, NURSE, ExportOptions())
    decimals = [c for c in data.visit_columns if c.kind is columns.Kind.DECIMAL]
    seen = 0
    for row in data.visits:
        for c in decimals:
            v = row[c.name]
            if v is not None:
                assert isinstance(v, Decimal)
                assert v.as_tuple().exponent == -c.places, (c.name, v)
                assert str(v) == format(v, "f")
                seen += 1
    assert seen > 10_000


def test_bulk_rows_equal_rows_built_from_each_stored_visit(demo_db: Database) -> None:
    """The bulk loader and the per-visit path (services.visits content) agree on every cell."""
    from proapp.services.exchange.dataset import visit_row

    data = load(demo_db, NURSE, ExportOptions())
    with demo_db.read() as s:
        records = visits.load_records(s)
    people = {r.id: r for r in (patients.get_patient(demo_db, pid) for pid in records)}
    expected = []
    for pid, recs in records.items():
        p = people[pid]
        for v in recs:
            if not v.is_complete:
                continue
            c = v.content
            answers: list[tuple[str, str, int | None, str | None]] = [
                (i, item, value, None) for i, given in c.responses.items()
                for item, value in given.items()]
            answers += [(i, item, None, reason.value) for i, given in c.missing.items()
                        for item, reason in given.items()]
            expected.append(visit_row(p.facts.code, p.facts.birth_date, v.visit_date, v.label,
                                      answers, dict(c.skipped), c.flows,
                                      [x.pta_date for _i, x in p.procedures]))
    key = lambda r: (r["patient_code"], r["visit_date"], r["visit_label"])  # noqa: E731
    per_patient = {"midas_final_followup", "fss_final_followup", "flow_final_followup"}

    # the final follow-up markers need all of a patient's visits
    def cells_of(r: dict[str, object]) -> dict[str, object]:
        return {k: v for k, v in r.items() if not k.startswith("_") and k not in per_patient}
    assert ([cells_of(r) for r in sorted(data.visits, key=key)]
            == [cells_of(r) for r in sorted(expected, key=key)])
