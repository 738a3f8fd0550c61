"""Issue 13, "exchange without loss": every PTA and side in every format, analysis columns,
REDCap names and set-up files, and imports of a clinic's own spreadsheets (mixed number
formats, absent forms, BOM, CRLF) with messages that name the row and the cause."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from tests.conftest import make_facts
from tests.services.exchange.helpers import NURSE, count, digest, read_csv

from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.domain.answers import MissingReason
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.patient import ProcedureFacts, PtaSide
from proapp.domain.visit import VisitContent
from proapp.services import patients, visits
from proapp.services.exchange import redcap
from proapp.services.exchange.columns import PATIENT_CONTRACT, VISIT_COLUMNS
from proapp.services.exchange.export import run_export
from proapp.services.exchange.importer import import_folder


def _flows(left: str, right: str, **extra: object) -> tuple[FlowMeasurement, ...]:
    return (FlowMeasurement(Side.LEFT, Posture.SUPINE, Decimal(left), **extra),  # type: ignore[arg-type]
            FlowMeasurement(Side.RIGHT, Posture.SUPINE, Decimal(right)))


@pytest.fixture
def two_ptas(db: Database) -> Database:
    """A patient with a bilateral PTA and a repeat PTA on the left, visits on both sides of
    the second one; a baseline with a declined item and the pta visit on the same day."""
    pid = patients.create_patient(db, NURSE, make_facts("T-1"), [
        ProcedureFacts(date(2014, 3, 10), PtaSide.BILATERAL),
        ProcedureFacts(date(2015, 6, 1), PtaSide.LEFT, "restenosis")])
    full = {"q1": 3, "q2": 2, "q3": 1, "q4": 0, "q5": 4, "a": 20, "b": 6}
    fss = {str(n): 5 for n in range(1, 10)}
    for label, day, content in (
        ("baseline", date(2014, 3, 10), VisitContent(
            {"midas": {**full, "q3": None}, "fss": fss}, {"midas": {"q3": MissingReason.DECLINED}},
            flows=_flows("210.0", "250.0", stenosis_pct=80))),
        ("pta", date(2014, 3, 10), VisitContent(flows=_flows("400.0", "420.0"))),
        ("m3", date(2014, 6, 12), VisitContent({"midas": full, "fss": fss})),
        ("m12", date(2015, 3, 9), VisitContent({"midas": full, "fss": fss},
                                                flows=_flows("380.0", "390.5"))),
        ("unscheduled", date(2015, 7, 1), VisitContent(flows=_flows("300.0", "310.0"))),
    ):
        visits.save_visit(db, NURSE, visits.VisitDraft(pid, label, day, content),
                          complete=True, confirm_warnings=True)
    return db


def test_every_pta_and_side_is_in_every_format(two_ptas: Database, tmp_path: Path) -> None:
    run_export(two_ptas, NURSE, "csv", tmp_path / "csv")
    procs = read_csv(tmp_path / "csv" / "procedures.csv")
    assert [(p["procedure_number"], p["procedure_date"], p["procedure_side"], p["procedure_notes"])
            for p in procs] == [("1", "2014-03-10", "bilateral", ""),
                                ("2", "2015-06-01", "left", "restenosis")]
    (p,) = read_csv(tmp_path / "csv" / "patients.csv")
    assert (p["pta_date"], p["pta_side"], p["pta_count"]) == ("2014-03-10", "bilateral", "2")
    run_export(two_ptas, NURSE, "wide", tmp_path / "wide")
    (w,) = read_csv(tmp_path / "wide" / "wide.csv")
    assert (w["procedure_date_2"], w["procedure_side_2"]) == ("2015-06-01", "left")
    run_export(two_ptas, NURSE, "xlsx", tmp_path / "x.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx")["procedures"]
    values = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert [(v[2].date(), v[3]) for v in values] == [(date(2014, 3, 10), "bilateral"),
                                                     (date(2015, 6, 1), "left")]
    run_export(two_ptas, NURSE, "redcap", tmp_path / "rc")
    data = read_csv(tmp_path / "rc" / redcap.REDCAP_DATA)
    repeats = [(r["redcap_repeat_instrument"], r["redcap_repeat_instance"], r["procedure_date"],
                r["procedure_side"]) for r in data if r["redcap_repeat_instrument"]]
    assert repeats == [("procedure", "1", "2014-03-10", "bilateral"),
                       ("procedure", "2", "2015-06-01", "left")]


def test_analysis_columns(two_ptas: Database, tmp_path: Path) -> None:
    run_export(two_ptas, NURSE, "csv", tmp_path / "csv")
    rows = {(r["visit_label"], r["visit_date"]): r
            for r in read_csv(tmp_path / "csv" / "visits.csv")}
    m12 = rows[("m12", "2015-03-09")]
    assert (m12["reference_pta_date"], m12["days_since_pta"], m12["months_since_pta"]) == (
        "2014-03-10", "364", "11.96")
    assert (m12["target_date"], m12["in_window"]) == ("2015-03-10", "1")
    after = rows[("unscheduled", "2015-07-01")]  # timed from the repeat PTA before it
    assert (after["reference_pta_date"], after["days_since_pta"]) == ("2015-06-01", "30")
    assert after["target_date"] == after["in_window"] == ""
    baseline = rows[("baseline", "2014-03-10")]
    assert (baseline["days_since_pta"], baseline["in_window"]) == ("0", "1")
    # final follow-up: the latest visit after the first PTA with the measure
    assert [k for k, r in rows.items() if r["midas_final_followup"] == "1"] == [
        ("m12", "2015-03-09")]
    assert [k for k, r in rows.items() if r["flow_final_followup"] == "1"] == [
        ("unscheduled", "2015-07-01")]
    assert rows[("baseline", "2014-03-10")]["midas_final_followup"] == "0"
    dictionary = {r["column"]: r for r in read_csv(tmp_path / "csv" / "data_dictionary.csv")
                  if r["file"] == "visits.csv"}
    assert dictionary["days_since_pta"]["unit"] == "days"
    assert dictionary["months_since_pta"]["unit"] == "months"
    assert dictionary["in_window"]["computed"] == "yes"


def test_csv_round_trip_keeps_every_pta_and_reimport_is_a_no_op(two_ptas: Database,
                                                                tmp_path: Path) -> None:
    run_export(two_ptas, NURSE, "csv", tmp_path / "a")
    other = open_database(tmp_path / "other.db")
    try:
        report = import_folder(other, NURSE, tmp_path / "a")
        assert report.applied, report.errors
        assert report.warning_count == 0, report.warnings
        run_export(other, NURSE, "csv", tmp_path / "b")
        for name in ("patients.csv", "procedures.csv", "visits.csv"):
            assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
        before, logged = digest(other), count(other, "change_log")
        again = import_folder(other, NURSE, tmp_path / "a")
        assert again.ok and (again.procedures_unchanged, again.visits_unchanged) == (2, 5)
        assert (digest(other), count(other, "change_log")) == (before, logged)
    finally:
        other.dispose()


def test_wide_carries_details_and_has_no_column_empty_for_everyone(demo_db: Database,
                                                                   tmp_path: Path) -> None:
    run_export(demo_db, NURSE, "wide", tmp_path / "w")
    with open(tmp_path / "w" / "wide.csv", encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    head, body = table[0], table[1:]
    empty = [h for i, h in enumerate(head) if not any(r[i] for r in body)]
    assert set(empty) <= {"notes", "procedure_notes_1"}, empty  # free text: none typed
    for name in ("flow_supine_left_velocity_cm_s_m6", "flow_supine_left_area_cm2_m6",
                 "flow_supine_left_stenosis_pct_baseline", "missing_items_m3",
                 "midas_final_followup_m12", "days_since_pta_m3"):
        assert name in head
    assert "midas_q1_pta" not in head  # pta visits never hold MIDAS in the demo


def test_redcap_names_are_short_and_the_set_up_files_are_there(two_ptas: Database,
                                                               tmp_path: Path) -> None:
    run_export(two_ptas, NURSE, "redcap", tmp_path / "rc")
    fields = read_csv(tmp_path / "rc" / redcap.REDCAP_DICTIONARY)
    names = [f["Variable / Field Name"] for f in fields]
    assert len(names) == len(set(names))
    assert max(len(n) for n in names) <= 26
    renamed = {f["Variable / Field Name"]: f["Field Note"] for f in fields
               if "proapp column" in f["Field Note"]}
    assert renamed["flow_supine_left_vel"].endswith("proapp column flow_supine_left_velocity_cm_s")
    data_head = read_csv(tmp_path / "rc" / redcap.REDCAP_DATA)[0].keys()
    assert all(len(n) <= 26 or n.endswith("_complete") or n.startswith("redcap_")
               for n in data_head)
    repeating = read_csv(tmp_path / "rc" / redcap.REDCAP_REPEATING)
    assert repeating == [
        {"event_name": "enrolment_arm_1", "form_name": "procedure",
         "custom_form_label": "PTA [procedure_date]"},
        {"event_name": "unscheduled_arm_1", "form_name": "", "custom_form_label": ""}]
    unscheduled = [r for r in read_csv(tmp_path / "rc" / redcap.REDCAP_DATA)
                   if r["redcap_event_name"] == "unscheduled_arm_1"]
    assert [r["redcap_repeat_instance"] for r in unscheduled] == ["1"]
    events = read_csv(tmp_path / "rc" / redcap.REDCAP_EVENTS)
    assert list(events[0]) == ["event_name", "arm_num", "day_offset", "offset_min",
                               "offset_max"]
    mapping = {(m["unique_event_name"], m["form"])
               for m in read_csv(tmp_path / "rc" / redcap.REDCAP_MAPPING)}
    assert ("enrolment_arm_1", "procedure") in mapping
    assert {redcap.event_name(e["event_name"]) for e in events} == {e for e, _f in mapping}


# --- a clinic's own spreadsheet ---------------------------------------------------------------

def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


HAND_PATIENTS = ("\ufeffpatient_code,family_name,given_name,birth_date,sex,ms_subtype,"
                 "diagnosis_year,headache_positive,fatigue_positive,pta_date\r\n"
                 "H-1,Bianchi,Maria,1968-02-03,F,RR,1995,1,1,2013-05-06\r\n"
                 "H-2,Conti,Luca,1971-11-30,M,SP,,0,1,2013-09-02\r\n")
HAND_VISITS = ("\ufeffpatient_code,visit_date,visit_label,midas_q1,midas_q2,midas_q3,"
               "midas_q4,midas_q5,midas_a,midas_b,fss_1,fss_2,fss_3,fss_4,fss_5,fss_6,"
               "fss_7,fss_8,fss_9,flow_supine_left_ml_min,flow_supine_right_ml_min\r\n"
               # integers for flows, a two-decimal flow, 7.0 for an integer
               "H-1,2013-05-01,baseline,2,3,1,0,7.0,30,7,5,6,5,6,5,6,5,6,5,95,310.25\r\n"
               # the pta visit holds only flows; m3 without FSS (form absent)
               "H-1,2013-05-06,pta,,,,,,,,,,,,,,,,,402,398.5\r\n"
               "H-1,2013-08-05,m3,1,1,0,0,2,12,5,,,,,,,,,,,\r\n"
               # a baseline with no flow at all
               "H-2,2013-08-20,baseline,0,0,0,0,0,0,0,3,3,3,3,3,3,3,3,3,,\r\n")


def test_a_hand_made_spreadsheet_imports_with_warnings_only(db: Database,
                                                            tmp_path: Path) -> None:
    d = tmp_path / "hand"
    _write(d / "patients.csv", HAND_PATIENTS)
    _write(d / "visits.csv", HAND_VISITS)
    report = import_folder(db, NURSE, d)
    assert report.applied, [str(f) for f in report.errors]
    warned = sorted((f.row, f.column, f.rule) for f in report.warnings)
    assert warned == [
        (2, "flow_supine_right_ml_min", "precision.rounded"),
        (4, "fss_skip_reason", "form.not_collected"),
        (5, "flow_skip_reason", "form.not_collected"),
    ]
    (v,) = [x for x in visits.visits_of(db, patients.find_by_code(db, "H-1").id)
            if x.label == "baseline"]
    assert [str(m.flow) for m in v.content.flows] == ["95.0", "310.3"]
    assert v.content.answers("midas")["q5"] == 7
    # the same file again, integers and all: nothing changes, nothing is logged
    before, logged = digest(db), count(db, "change_log")
    again = import_folder(db, NURSE, d)
    assert again.ok, [str(f) for f in again.errors]
    assert (again.patients_unchanged, again.visits_unchanged) == (2, 4)
    assert (digest(db), count(db, "change_log")) == (before, logged)


@pytest.mark.parametrize(("content", "encoding", "rule", "row", "words"), [
    (HAND_PATIENTS.replace(",", ";"), "utf-8", "csv.delimiter", 1, "semicolons"),
    (HAND_PATIENTS.replace("Bianchi", "Müller").lstrip("\ufeff"), "cp1252", "file.encoding",
     2, "Windows-1252"),
    (HAND_PATIENTS + 'H-3,"Rossi,Anna,1970-01-01,F,RR,,0,0,\r\n', "utf-8",
     "csv.unclosed_quote", 4, "never closed"),
    (HAND_PATIENTS + "H-3," + '"' + "x" * 10_000_000 + '"' + ",Anna,1970-01-01,F,RR,,0,0,\r\n",
     "utf-8", "csv.cell_too_long", 4, "1,000,000"),
    (HAND_PATIENTS + 'H-3,Ro"ssi",Anna,1970-01-01,F,RR,,0,0,\r\n'.replace('Ro"ssi"', '"Ro"ssi'),
     "utf-8", "csv.stray_quote", 4, "quote"),
])
def test_unreadable_files_name_the_row_and_the_cause(db: Database, tmp_path: Path,
                                                     content: str, encoding: str, rule: str,
                                                     row: int, words: str) -> None:
    d = tmp_path / "in"
    _write(d / "patients.csv", content, encoding)
    before = digest(db)
    report = import_folder(db, NURSE, d)
    assert not report.applied and digest(db) == before
    (finding,) = [f for f in report.errors if f.rule == rule]
    assert finding.row == row, finding
    assert words in finding.message
    assert report.summary().startswith("Nothing was written")
    assert "would have given" in report.summary()


def test_the_refusal_says_nothing_was_written_and_what_would_have_been(
        db: Database, tmp_path: Path) -> None:
    d = tmp_path / "in"
    _write(d / "patients.csv", HAND_PATIENTS + "H-9,X,Y,2090-01-01,F,RR,,0,0,\r\n")
    report = import_folder(db, NURSE, d)
    text = report.summary()
    assert text.startswith("Nothing was written: 1 error(s)")
    assert "patients 2 new" in text
    assert count(db, "patient") == 0


def test_contract_columns_stay_first_and_new_ones_follow() -> None:
    assert tuple(c.name for c in VISIT_COLUMNS[:3]) == ("patient_code", "visit_date",
                                                        "visit_label")
    names = [c.name for c in VISIT_COLUMNS]
    assert names.index("age_at_visit") < names.index("days_since_pta")
    assert names.index("confirmed_warnings") < names.index("questionnaire_language")
    assert names[-1] == "questionnaire_language"  # a column added later goes after the others
    assert PATIENT_CONTRACT[-1] == "pta_date"
