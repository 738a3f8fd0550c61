"""REDCap and FHIR outputs checked against the structure those systems require."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from tests.services.exchange.helpers import NURSE

from proapp.db.engine import Database
from proapp.domain.fss import FSS
from proapp.domain.midas import MIDAS
from proapp.services.exchange import fhir, redcap
from proapp.services.exchange.export import run_export

REDCAP_COLUMNS = [
    "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
    "Choices, Calculations, OR Slider Labels", "Field Note",
    "Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max",
    "Identifier?", "Branching Logic (Show field only if...)", "Required Field?",
    "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
    "Matrix Ranking?", "Field Annotation",
]
FIELD_TYPES = {"text", "notes", "radio", "dropdown", "yesno", "truefalse", "calc", "checkbox",
               "descriptive", "file", "slider", "sql"}


def rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


@pytest.fixture
def redcap_out(demo_db: Database, tmp_path: Path) -> Path:
    run_export(demo_db, NURSE, "redcap", tmp_path / "rc")
    return tmp_path / "rc"


def test_redcap_dictionary_has_the_18_standard_columns_record_id_first(
        redcap_out: Path) -> None:
    table = rows(redcap_out / redcap.REDCAP_DICTIONARY)
    assert table[0] == REDCAP_COLUMNS
    fields = table[1:]
    assert fields[0][0] == "patient_code"
    names = [f[0] for f in fields]
    assert len(names) == len(set(names))
    for f in fields:
        assert len(f) == 18
        assert re.fullmatch(r"[a-z][a-z0-9_]*", f[0]), f[0]
        assert re.fullmatch(r"[a-z][a-z0-9_]*", f[1]), f[1]
        assert f[3] in FIELD_TYPES
        if f[3] == "radio":
            for choice in f[5].split(" | "):
                code, _sep, label = choice.partition(", ")
                assert code
                assert label
        if f[7] in ("integer",) and f[8]:
            assert int(f[8]) <= int(f[9] or f[8])
    by_name = {f[0]: f for f in fields}
    assert by_name["midas_q1"][7:10] == ["integer", "0", "90"]
    assert by_name["fss_mean"][7] == "number_2dp"
    assert by_name["flow_supine_left_ml_min"][7] == "number_1dp"
    assert by_name["birth_date"][10] == "y"
    assert by_name["birth_date"][7] == "date_ymd"
    assert by_name["midas_total"][17].startswith("@READONLY")
    # forms are contiguous, as REDCap requires
    forms = [f[1] for f in fields]
    seen: list[str] = []
    for form in forms:
        if not seen or seen[-1] != form:
            assert form not in seen
            seen.append(form)


def test_redcap_events_mapping_and_data_agree(redcap_out: Path) -> None:
    events = rows(redcap_out / redcap.REDCAP_EVENTS)
    assert events[0] == ["event_name", "arm_num", "day_offset", "offset_min", "offset_max",
                         "unique_event_name"]
    unique = [e[5] for e in events[1:]]
    assert unique[:4] == ["enrolment_arm_1", "baseline_arm_1", "pta_arm_1", "m1_arm_1"]
    assert all(re.fullmatch(r"[a-z0-9_]+_arm_1", u) for u in unique)
    mapping = rows(redcap_out / redcap.REDCAP_MAPPING)
    assert mapping[0] == ["arm_num", "unique_event_name", "form"]
    mapped = {(m[1], m[2]) for m in mapping[1:]}
    assert ("enrolment_arm_1", "patient") in mapped
    assert ("m3_arm_1", "midas") in mapped
    assert ("m3_arm_1", "visit") in mapped
    dictionary = rows(redcap_out / redcap.REDCAP_DICTIONARY)[1:]
    form_of = {f[0]: f[1] for f in dictionary}
    data = rows(redcap_out / redcap.REDCAP_DATA)
    head = data[0]
    assert head[:4] == ["patient_code", "redcap_event_name", "redcap_repeat_instrument",
                        "redcap_repeat_instance"]
    for name in head[4:]:
        assert name in form_of or name.endswith("_complete")
    event_names = set(unique)
    for r in data[1:]:
        assert r[1] in event_names
        for name, value in zip(head[4:], r[4:], strict=True):
            if value and name in form_of:
                assert (r[1], form_of[name]) in mapped, (r[1], name)
    instances = [r[3] for r in data[1:] if r[1] == "unscheduled_arm_1"]
    assert all(i.isdigit() for i in instances)


def test_redcap_deidentified_has_no_identifier_fields(demo_db: Database,
                                                      tmp_path: Path) -> None:
    from proapp.services.exchange.dataset import ExportOptions

    run_export(demo_db, NURSE, "redcap", tmp_path / "rc", ExportOptions(deidentify=True))
    fields = rows(tmp_path / "rc" / redcap.REDCAP_DICTIONARY)[1:]
    assert not any(f[10] == "y" for f in fields)
    assert {"family_name", "given_name", "birth_date", "notes"}.isdisjoint(f[0] for f in fields)


def _references(obj: Any) -> list[str]:
    found = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "reference":
                found.append(v)
            else:
                found += _references(v)
    elif isinstance(obj, list):
        for v in obj:
            found += _references(v)
    return found


def test_fhir_bundle_is_structurally_valid(demo_db: Database, tmp_path: Path) -> None:
    run_export(demo_db, NURSE, "fhir", tmp_path / "f")
    bundle = json.loads((tmp_path / "f" / fhir.BUNDLE_FILE).read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle"
    assert bundle["type"] == "collection"
    entries = bundle["entry"]
    urls = [e["fullUrl"] for e in entries]
    assert len(urls) == len(set(urls))
    assert all(re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", u) for u in urls)
    by_type: dict[str, list[dict[str, Any]]] = {}
    for e in entries:
        by_type.setdefault(e["resource"]["resourceType"], []).append(e["resource"])
    assert set(by_type) == {"Questionnaire", "Patient", "QuestionnaireResponse", "Observation"}
    questionnaires = {q["url"]: q for q in by_type["Questionnaire"]}
    assert {q["name"] for q in questionnaires.values()} == {"MIDAS", "FSS"}
    midas_q = next(q for q in questionnaires.values() if q["name"] == "MIDAS")
    assert [i["linkId"] for i in midas_q["item"]] == list(MIDAS.item_ids)
    assert midas_q["item"][0]["text"] == MIDAS.items[0].text
    for p in by_type["Patient"]:
        assert "name" not in p
        assert "birthDate" not in p
        assert p["identifier"][0]["value"].startswith("DEMO-")
    for qr in by_type["QuestionnaireResponse"]:
        assert qr["status"] == "completed"
        assert qr["questionnaire"] in questionnaires
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", qr["authored"])
        assert qr["author"]["display"]
        links = {i["linkId"] for i in questionnaires[qr["questionnaire"]]["item"]}
        for item in qr["item"]:
            assert item["linkId"] in links
            (answer,) = item["answer"]
            assert isinstance(answer["valueInteger"], int)
    for o in by_type["Observation"]:
        assert o["status"] == "final"
        coding = o["code"]["coding"][0]
        assert coding["system"] == fhir.CODE_SYSTEM
        assert "loinc" not in json.dumps(o).lower()
        category = o["category"][0]["coding"][0]["code"]
        assert category in ("survey", "imaging")
        if category == "imaging":
            q = o["valueQuantity"]
            assert q["system"] == "http://unitsofmeasure.org"
            assert q["code"] == "mL/min"
    for ref in _references(bundle):
        assert ref in urls, ref
    assert len(by_type["QuestionnaireResponse"]) > 1000


def test_fhir_keeps_exact_decimals_and_is_stable(demo_db: Database, tmp_path: Path) -> None:
    run_export(demo_db, NURSE, "fhir", tmp_path / "a")
    run_export(demo_db, NURSE, "fhir", tmp_path / "b")
    a = (tmp_path / "a" / fhir.BUNDLE_FILE).read_bytes()
    assert a == (tmp_path / "b" / fhir.BUNDLE_FILE).read_bytes()
    text = a.decode()
    assert re.search(r'"code":"fss-mean".*?"value":\d\.\d\d,', text)
    for q in (MIDAS, FSS):
        assert fhir.questionnaire_url(q) in text
