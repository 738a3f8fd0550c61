"""The CSV import: every error class leaves the database byte-for-byte unchanged and is
reported with file, row, column, value and rule; re-imports change nothing; --update logs."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from tests.conftest import make_facts
from tests.services.exchange.helpers import NURSE, count, digest, read_csv, write_csv

from proapp.cli import main as cli_main
from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.patient import ProcedureFacts
from proapp.domain.visit import VisitContent
from proapp.services import patients, visits
from proapp.services.errors import PermissionDenied
from proapp.services.exchange.columns import PATIENT_CONTRACT
from proapp.services.exchange.export import run_export
from proapp.services.exchange.importer import NOT_COLLECTED, ImportReport, import_folder

P_HEADER = list(PATIENT_CONTRACT)
V_HEADER = ["patient_code", "visit_date", "visit_label",
            *[f"midas_{i}" for i in ("q1", "q2", "q3", "q4", "q5", "a", "b")],
            *[f"fss_{n}" for n in range(1, 10)],
            "flow_supine_left_ml_min", "flow_supine_right_ml_min"]


def patient_row(code: str = "N-1", **over: object) -> list[object]:
    values: dict[str, object] = {
        "patient_code": code, "family_name": "Verdi", "given_name": "Luca",
        "birth_date": "1970-05-01", "sex": "M", "ms_subtype": "SP", "diagnosis_year": 1999,
        "headache_positive": 1, "fatigue_positive": 0, "pta_date": "2014-03-10"}
    values.update(over)
    return [values[h] for h in P_HEADER]


def visit_row(code: str = "N-1", **over: object) -> list[object]:
    values: dict[str, object] = {
        "patient_code": code, "visit_date": "2014-03-01", "visit_label": "baseline",
        "midas_q1": 1, "midas_q2": 2, "midas_q3": 0, "midas_q4": 3, "midas_q5": 4,
        "midas_a": 20, "midas_b": 6, **{f"fss_{n}": 5 for n in range(1, 10)},
        "flow_supine_left_ml_min": "250.5", "flow_supine_right_ml_min": "310.0"}
    values.update(over)
    return [values[h] for h in V_HEADER]


def folder(tmp_path: Path, patients_rows: list[list[object]] | None = None,
           visit_rows: list[list[object]] | None = None, name: str = "in") -> Path:
    d = tmp_path / name
    if patients_rows is not None:
        write_csv(d / "patients.csv", P_HEADER, patients_rows)
    if visit_rows is not None:
        write_csv(d / "visits.csv", V_HEADER, visit_rows)
    d.mkdir(exist_ok=True)
    return d


@pytest.fixture
def seeded(db: Database) -> Database:
    """One existing patient (P001, born 1975-04-12, PTA 2014-03-10) with a baseline visit."""
    pid = patients.create_patient(db, NURSE, make_facts(), [ProcedureFacts(date(2014, 3, 10))])
    content = VisitContent(responses={"midas": {"q1": 1, "q2": 1, "q3": 1, "q4": 1, "q5": 1,
                                                "a": 10, "b": 5}},
                           skipped={"fss": "no time", "flow": "machine broken"})
    visits.save_visit(db, NURSE, visits.VisitDraft(pid, "baseline", date(2014, 3, 1), content),
                      complete=True)
    return db


def rejected(db: Database, d: Path, **kw: object) -> ImportReport:
    """Import that must fail: nothing changes, and the CLI exits 1."""
    before = digest(db)
    report = import_folder(db, NURSE, d, **kw)  # type: ignore[arg-type]
    assert not report.ok
    assert not report.applied
    assert digest(db) == before
    args = ["import", str(d), "--db", db.url] + (["--update"] if kw.get("update") else [])
    assert cli_main(args) == 1
    assert digest(db) == before
    return report


def has(report: ImportReport, file: str, row: int | None, column: str, rule: str,
        value: str | None = None) -> bool:
    return any(f.file == file and f.row == row and f.column == column and f.rule == rule
               and (value is None or f.value == value) for f in report.errors)


def test_a_clean_folder_is_imported_with_complete_visits(db: Database, tmp_path: Path) -> None:
    d = folder(tmp_path, [patient_row()], [visit_row()])
    report = import_folder(db, NURSE, d)
    assert report.ok, report.findings
    assert report.applied
    assert (report.patients_added, report.visits_added) == (1, 1)
    rec = patients.find_by_code(db, "N-1")
    (v,) = visits.visits_of(db, rec.id)
    assert v.is_complete
    assert v.content.answers("midas")["q4"] == 3
    assert str(v.content.flows[0].flow) == "250.5"
    with db.engine.connect() as conn:
        reasons = {r[0] for r in conn.exec_driver_sql("SELECT reason FROM change_log")}
    assert reasons == {f"import from {d}"}


def test_rows_saved_after_an_import_get_ids_of_their_own(seeded: Database,
                                                         tmp_path: Path) -> None:
    """The import numbers its rows itself; the patients, procedures and visits saved the
    ordinary way afterwards (on a server: from the id sequences) must not be given those
    ids again."""
    d = folder(tmp_path, [patient_row()], [visit_row()])
    assert import_folder(seeded, NURSE, d).applied
    imported = patients.find_by_code(seeded, "N-1")
    pid = patients.create_patient(seeded, NURSE, make_facts("AFTER-1"),
                                  [ProcedureFacts(date(2015, 1, 5))])
    assert pid not in (imported.id, patients.find_by_code(seeded, "P001").id)
    rec = visits.save_visit(seeded, NURSE, visits.VisitDraft(pid, "baseline", date(2015, 1, 2)))
    assert rec.id not in {v.id for v in visits.visits_of(seeded, imported.id)}
    assert len(patients.get_patient(seeded, pid).procedures) == 1


def test_reimporting_the_same_data_changes_nothing(db: Database, tmp_path: Path) -> None:
    d = folder(tmp_path, [patient_row()], [visit_row()])
    assert import_folder(db, NURSE, d).applied
    before, logged = digest(db), count(db, "change_log")
    report = import_folder(db, NURSE, d)
    assert report.ok
    assert (report.patients_unchanged, report.visits_unchanged) == (1, 1)
    assert (report.patients_added, report.visits_added) == (0, 0)
    assert count(db, "change_log") == logged
    assert digest(db) == before


def test_unknown_patient_code(seeded: Database, tmp_path: Path) -> None:
    r = rejected(seeded, folder(tmp_path, None, [visit_row("NOBODY")]))
    assert has(r, "visits.csv", 2, "patient_code", "patient.unknown", "NOBODY")


def test_duplicate_code_in_the_file(db: Database, tmp_path: Path) -> None:
    r = rejected(db, folder(tmp_path, [patient_row(), patient_row(given_name="Other")]))
    assert has(r, "patients.csv", 3, "patient_code", "code.duplicate", "N-1")


def test_code_already_used_by_a_different_patient(seeded: Database, tmp_path: Path) -> None:
    r = rejected(seeded, folder(tmp_path, [patient_row("P001", pta_date="2014-03-10")]))
    assert has(r, "patients.csv", 2, "family_name", "patient.differs", "Verdi")
    assert has(r, "patients.csv", 2, "birth_date", "patient.differs")


@pytest.mark.parametrize("bad", ["2014-13-01", "01/03/2014", "2014-3-1", "yesterday",
                                 "2014-02-30"])
def test_malformed_date(seeded: Database, tmp_path: Path, bad: str) -> None:
    r = rejected(seeded, folder(tmp_path, None, [visit_row("P001", visit_date=bad,
                                                           visit_label="m3")]))
    assert has(r, "visits.csv", 2, "visit_date", "date.format", bad)


def test_visit_in_the_future(seeded: Database, tmp_path: Path) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    r = rejected(seeded, folder(tmp_path, None, [visit_row("P001", visit_date=tomorrow,
                                                           visit_label="unscheduled")]))
    assert has(r, "visits.csv", 2, "visit_date", "date.future", tomorrow)


def test_visit_before_birth(seeded: Database, tmp_path: Path) -> None:
    r = rejected(seeded, folder(tmp_path, None, [visit_row("P001", visit_date="1970-01-01",
                                                           visit_label="unscheduled")]))
    assert has(r, "visits.csv", 2, "visit_date", "date.before_birth", "1970-01-01")


def test_out_of_range_answers(seeded: Database, tmp_path: Path) -> None:
    r = rejected(seeded, folder(tmp_path, None, [
        visit_row("P001", visit_label="unscheduled", midas_b=11, fss_3=8, midas_q5=-1)]))
    assert has(r, "visits.csv", 2, "midas_b", "range", "11")
    assert has(r, "visits.csv", 2, "fss_3", "range", "8")
    assert has(r, "visits.csv", 2, "midas_q5", "integer.sign", "-1")


@pytest.mark.parametrize("bad", ["2.5", "x", "1e400", "NaN", "inf", "7 days", "0x10", "1_0"])
def test_non_integer_answers(seeded: Database, tmp_path: Path, bad: str) -> None:
    r = rejected(seeded, folder(tmp_path, None, [
        visit_row("P001", visit_label="unscheduled", fss_1=bad)]))
    assert any(f.row == 2 and f.column == "fss_1" and f.value == bad for f in r.errors)


def test_midas_consistency_rules(seeded: Database, tmp_path: Path) -> None:
    r = rejected(seeded, folder(tmp_path, None, [
        visit_row("P001", visit_label="unscheduled", midas_q1=60, midas_q2=40, midas_a=90)]))
    assert has(r, "visits.csv", 2, "midas_q2", "midas.q1_q2_sum", "40")


def test_flow_out_of_range(seeded: Database, tmp_path: Path) -> None:
    r = rejected(seeded, folder(tmp_path, None, [
        visit_row("P001", visit_label="unscheduled", flow_supine_left_ml_min="3000.1",
                  flow_supine_right_ml_min="12.345", midas_q1="1e1")]))
    assert has(r, "visits.csv", 2, "flow_supine_left_ml_min", "range", "3000.1")
    assert has(r, "visits.csv", 2, "midas_q1", "integer", "1e1")
    assert any(f.rule == "precision.rounded" and f.column == "flow_supine_right_ml_min"
               and f.row == 2 for f in r.warnings)


@pytest.mark.parametrize("bad", ["1_0", "2_005", "3e0", "1E2", "+7", "0x1F", "１", "7,5"])
def test_strict_number_grammar(seeded: Database, tmp_path: Path, bad: str) -> None:
    """Issue 13.4: Python's own parsers accept these; a form or a spreadsheet never means
    them, so they are refused with the row, column and value."""
    r = rejected(seeded, folder(tmp_path, None, [
        visit_row("P001", visit_label="unscheduled", midas_q1=bad)]))
    assert any(f.row == 2 and f.column == "midas_q1" and f.value == bad for f in r.errors)
    if bad == "7,5":  # a decimal comma is read as a point in a decimal column
        return
    r = rejected(seeded, folder(tmp_path, None, [
        visit_row("P001", visit_label="unscheduled", flow_supine_left_ml_min=bad)],
        name="flow"))
    assert any(f.row == 2 and f.column == "flow_supine_left_ml_min" for f in r.errors)


def test_every_error_is_reported_and_nothing_is_written(db: Database, tmp_path: Path) -> None:
    d = folder(tmp_path, [patient_row(), patient_row("N-2", birth_date="1980-02-31"),
                          patient_row("N-3", sex="Q")],
               [visit_row(), visit_row("N-1", visit_label="m3", visit_date="2014-06-10",
                                       midas_q1="abc"),
                visit_row("GHOST", visit_label="m6")])
    r = rejected(db, d)
    assert has(r, "patients.csv", 3, "birth_date", "date.format")
    assert has(r, "patients.csv", 4, "sex", "code", "Q")
    assert has(r, "visits.csv", 3, "midas_q1", "integer", "abc")
    assert has(r, "visits.csv", 4, "patient_code", "patient.unknown", "GHOST")
    assert count(db, "patient") == 0


def test_duplicate_label_in_the_file(db: Database, tmp_path: Path) -> None:
    r = rejected(db, folder(tmp_path, [patient_row()], [visit_row(), visit_row()]))
    assert has(r, "visits.csv", 3, "visit_label", "visit.duplicate_label", "baseline")


def test_an_absent_expected_form_is_recorded_not_collected(db: Database,
                                                          tmp_path: Path) -> None:
    """Issue 13.9: a clinic's own file without FSS at baseline (and no skip-reason column) is
    imported: FSS is recorded as skipped, "not collected", with a warning naming the row."""
    d = folder(tmp_path, [patient_row()], [visit_row(**{f"fss_{n}": "" for n in range(1, 10)})])
    report = import_folder(db, NURSE, d)
    assert report.applied, report.errors
    assert [(f.row, f.column, f.rule) for f in report.warnings] == [
        (2, "fss_skip_reason", "form.not_collected")]
    (v,) = visits.visits_of(db, patients.find_by_code(db, "N-1").id)
    assert v.content.skipped == {"fss": NOT_COLLECTED}
    logged = count(db, "change_log")
    again = import_folder(db, NURSE, d)
    assert again.visits_unchanged == 1 and count(db, "change_log") == logged


def test_missing_required_column(db: Database, tmp_path: Path) -> None:
    d = tmp_path / "in"
    write_csv(d / "patients.csv", ["patient_code", "family_name"], [["A1", "X"]])
    r = rejected(db, d)
    assert has(r, "patients.csv", 1, "birth_date", "header.missing")


def test_differing_visit_is_an_error_unless_update(seeded: Database, tmp_path: Path) -> None:
    row = visit_row("P001", midas_q1=2, midas_q2=1, midas_q3=1, midas_q4=1, midas_q5=1,
                    midas_a=10, midas_b=5, flow_supine_left_ml_min="",
                    flow_supine_right_ml_min="", **{f"fss_{n}": "" for n in range(1, 10)})
    d = folder(tmp_path, None, [row])
    write_csv(d / "visits.csv", [*V_HEADER, "fss_skip_reason", "flow_skip_reason"],
              [[*row, "no time", "machine broken"]])
    r = rejected(seeded, d)
    assert has(r, "visits.csv", 2, "midas_q1", "visit.differs", "2")
    logged = count(seeded, "change_log")
    report = import_folder(seeded, NURSE, d, update=True)
    assert report.applied, report.errors
    assert report.visits_updated == 1
    with seeded.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT field, old_value, new_value, reason FROM change_log WHERE id > :n"),
            {"n": logged}).all()
    assert rows == [("midas.q1", "1", "2", f"import --update from {d / 'visits.csv'}")]
    again = import_folder(seeded, NURSE, d, update=True)
    assert again.visits_unchanged == 1
    assert count(seeded, "change_log") == logged + 1


def test_computed_values_are_recomputed_and_differences_warned(db: Database,
                                                               tmp_path: Path) -> None:
    d = folder(tmp_path, [patient_row()])
    write_csv(d / "visits.csv", [*V_HEADER, "midas_total", "fss_mean"],
              [[*visit_row(), "99", "5.00"]])
    report = import_folder(db, NURSE, d)
    assert report.applied
    warned = [(f.column, f.rule) for f in report.warnings]
    assert ("midas_total", "computed.differs") in warned
    assert ("fss_mean", "computed.differs") not in warned
    run_export(db, NURSE, "csv", tmp_path / "out")
    assert read_csv(tmp_path / "out" / "visits.csv")[0]["midas_total"] == "10"


def test_soft_warnings_do_not_block(db: Database, tmp_path: Path) -> None:
    d = folder(tmp_path, [patient_row()], [visit_row(midas_q5=30, midas_a=20)])
    report = import_folder(db, NURSE, d)
    assert report.applied
    assert any(f.rule == "midas.exceeds_headache_days" for f in report.warnings)


def test_dry_run_writes_nothing(db: Database, tmp_path: Path) -> None:
    before = digest(db)
    report = import_folder(db, NURSE, folder(tmp_path, [patient_row()], [visit_row()]),
                           dry_run=True)
    assert report.ok
    assert not report.applied
    assert report.patients_added == 1
    assert digest(db) == before
    assert cli_main(["import", str(tmp_path / "in"), "--db", db.url, "--dry-run"]) == 0
    assert digest(db) == before


def test_broken_files_are_reported_not_raised(db: Database, tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "patients.csv").write_bytes(b"patient_code,family_name\n\xff\xfe\x00bad")
    before = digest(db)
    report = import_folder(db, NURSE, d)
    assert {f.rule for f in report.errors} >= {"file.encoding"} or report.errors
    assert digest(db) == before


def test_import_needs_the_permission(db: Database, tmp_path: Path) -> None:
    d = folder(tmp_path, [patient_row()])
    with pytest.raises(PermissionDenied):
        import_folder(db, Actor("nobody"), d)
    assert count(db, "patient") == 0


def test_a_cancelled_import_writes_nothing(db: Database, tmp_path: Path) -> None:
    from proapp.services.progress import Cancelled, Progress

    progress = Progress()
    progress.cancel()
    before = digest(db)
    with pytest.raises(Cancelled):
        import_folder(db, NURSE, folder(tmp_path, [patient_row()], [visit_row()]),
                      progress=progress)
    assert digest(db) == before


def test_update_replaces_patient_details_and_logs_them(seeded: Database,
                                                      tmp_path: Path) -> None:
    d = folder(tmp_path, [patient_row("P001", family_name="Rossi-Verdi", given_name="Anna",
                                      birth_date="1975-04-12", sex="F", ms_subtype="RR",
                                      diagnosis_year=2001, headache_positive=1,
                                      fatigue_positive=1)])
    r = rejected(seeded, d)
    assert has(r, "patients.csv", 2, "family_name", "patient.differs", "Rossi-Verdi")
    logged = count(seeded, "change_log")
    report = import_folder(seeded, NURSE, d, update=True)
    assert report.applied
    assert report.patients_updated == 1
    assert patients.find_by_code(seeded, "P001").facts.family_name == "Rossi-Verdi"
    with seeded.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT field, old_value, new_value, reason FROM change_log WHERE id > :n"),
            {"n": logged}).all()
    assert rows == [("family_name", "Rossi", "Rossi-Verdi",
                     f"import --update from {d / 'patients.csv'}")]
