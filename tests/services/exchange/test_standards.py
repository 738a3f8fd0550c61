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
    # a new project's upload takes these columns; REDCap derives the unique event names
    assert events[0] == ["event_name", "arm_num", "day_offset", "offset_min", "offset_max"]
    unique = [redcap.event_name(e[0]) for e in events[1:]]
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


REFERENCE_TYPES = {  # (resource type, element) -> the resource type it must point to
    ("Observation", "subject"): "Patient", ("Observation", "encounter"): "Encounter",
    ("Observation", "derivedFrom"): "QuestionnaireResponse",
    ("QuestionnaireResponse", "subject"): "Patient",
    ("QuestionnaireResponse", "encounter"): "Encounter",
    ("Encounter", "subject"): "Patient", ("Condition", "subject"): "Patient",
    ("Procedure", "subject"): "Patient", ("Procedure", "encounter"): "Encounter",
}


# Required value-set bindings of the R4 elements proapp writes (fhir.resources checks elements,
# types and cardinality, but not the codes of bound value sets), from the R4 specification.
REQUIRED_CODES = {
    ("QuestionnaireResponse", "status"): {"in-progress", "completed", "amended",
                                          "entered-in-error", "stopped"},
    ("Observation", "status"): {"registered", "preliminary", "final", "amended", "corrected",
                                "cancelled", "entered-in-error", "unknown"},
    ("Encounter", "status"): {"planned", "arrived", "triaged", "in-progress", "onleave",
                              "finished", "cancelled", "entered-in-error", "unknown"},
    ("Procedure", "status"): {"preparation", "in-progress", "not-done", "on-hold", "stopped",
                              "completed", "entered-in-error", "unknown"},
    ("Questionnaire", "status"): {"draft", "active", "retired", "unknown"},
    ("Patient", "gender"): {"male", "female", "other", "unknown"},
}
DATA_ABSENT_CODES = {"unknown", "asked-unknown", "temp-unknown", "not-asked", "asked-declined",
                     "masked", "not-applicable", "unsupported", "as-text", "error",
                     "not-a-number", "negative-infinity", "positive-infinity", "not-performed",
                     "not-permitted"}


def check_bindings(resource: dict[str, Any]) -> None:
    for (kind, element), codes in REQUIRED_CODES.items():
        if resource["resourceType"] == kind and element in resource:
            assert resource[element] in codes, (kind, element, resource[element])
    for item in resource.get("item", ()):
        for x in item.get("extension", ()):
            if x["url"] == fhir.DATA_ABSENT:
                assert x["valueCode"] in DATA_ABSENT_CODES


def validated_bundle(path: Path) -> dict[str, Any]:
    """The bundle, checked by an independent FHIR R4 (4.0.1) library (fhir.resources: every
    element, type and cardinality), the required codes of the elements proapp writes, and
    every reference resolved inside the bundle to a resource of the right type."""
    from fhir.resources.bundle import Bundle

    bundle: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    Bundle.parse_obj(bundle)  # raises pydantic.ValidationError on any R4 violation
    for e in bundle["entry"]:
        check_bindings(e["resource"])
    types = {e["fullUrl"]: e["resource"]["resourceType"] for e in bundle["entry"]}
    assert len(types) == len(bundle["entry"])
    for e in bundle["entry"]:
        r = e["resource"]
        assert e["fullUrl"] == f"urn:uuid:{r['id']}" or r["resourceType"] == "Questionnaire"
        for element, target in REFERENCE_TYPES.items():
            if element[0] != r["resourceType"] or element[1] not in r:
                continue
            refs = r[element[1]] if isinstance(r[element[1]], list) else [r[element[1]]]
            for ref in refs:
                assert types.get(ref["reference"]) == target, (r["resourceType"], element, ref)
    for ref in _references(bundle):
        assert ref in types, ref
    return bundle


def by_type(bundle: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for e in bundle["entry"]:
        out.setdefault(e["resource"]["resourceType"], []).append(e["resource"])
    return out


def test_the_independent_validator_refuses_what_r4_does_not_allow() -> None:
    """The checks above can fail: an unknown element, a missing linkId or a wrongly typed
    answer is refused by the library, a code outside a required value set by the bindings."""
    from fhir.resources.questionnaireresponse import QuestionnaireResponse
    from pydantic import ValidationError

    good = {"resourceType": "QuestionnaireResponse", "status": "completed",
            "item": [{"linkId": "q1", "answer": [{"valueInteger": 3}]}]}
    QuestionnaireResponse.parse_obj(good)
    check_bindings(good)
    for bad in ({**good, "answerz": 1}, {**good, "item": [{"answer": [{"valueInteger": 3}]}]},
                {**good, "item": [{"linkId": "q1", "answer": [{"valueInteger": "x"}]}]},
                {**good, "authored": "2014-13-01"}):
        with pytest.raises(ValidationError):
            QuestionnaireResponse.parse_obj(bad)
    with pytest.raises(AssertionError):
        check_bindings({**good, "status": "done"})


def test_fhir_bundle_validates_as_r4_and_carries_every_answer(demo_db: Database,
                                                              tmp_path: Path) -> None:
    run_export(demo_db, NURSE, "fhir", tmp_path / "f")
    bundle = validated_bundle(tmp_path / "f" / fhir.BUNDLE_FILE)
    assert bundle["type"] == "collection"
    found = by_type(bundle)
    assert set(found) == {"Questionnaire", "Patient", "Condition", "Procedure", "Encounter",
                          "QuestionnaireResponse", "Observation"}
    with demo_db.engine.connect() as conn:
        def one(sql: str) -> int:
            return int(conn.exec_driver_sql(sql).scalar_one())
        visits = one("SELECT count(*) FROM visit WHERE status = 'complete'")
        responses = one("SELECT count(DISTINCT a.visit_id || a.instrument) FROM answer a "
                        "JOIN visit v ON v.id = a.visit_id WHERE v.status = 'complete'")
        answered = one("SELECT count(*) FROM answer a JOIN visit v ON v.id = a.visit_id "
                       "WHERE v.status = 'complete' AND a.value IS NOT NULL")
        reasons = one("SELECT count(*) FROM answer a JOIN visit v ON v.id = a.visit_id "
                      "WHERE v.status = 'complete' AND a.value IS NULL")
        procedures = one("SELECT count(*) FROM procedure")
        patients_n = one("SELECT count(*) FROM patient")
    assert len(found["Encounter"]) == visits
    assert len(found["Procedure"]) == procedures
    assert len(found["Condition"]) == 3 * patients_n
    # every questionnaire with any answer has its response, partly answered ones included
    assert len(found["QuestionnaireResponse"]) == responses
    items = [i for qr in found["QuestionnaireResponse"] for i in qr["item"]]
    assert sum(1 for i in items if "answer" in i) == answered
    absent = [i for i in items if "answer" not in i]
    assert len(absent) == reasons > 0
    for i in absent:
        codes = {x["url"]: x["valueCode"] for x in i["extension"]}
        assert codes[fhir.DATA_ABSENT] == fhir.ABSENT[codes[fhir.MISSING_EXTENSION]]
    for resource in (*found["QuestionnaireResponse"], *found["Observation"]):
        assert resource["encounter"]["reference"]
    for qr in found["QuestionnaireResponse"]:
        assert qr["status"] in ("completed", "amended")
    questionnaires = {q["url"]: q for q in found["Questionnaire"]}
    midas_q = next(q for q in questionnaires.values() if q["name"] == "MIDAS")
    assert [i["linkId"] for i in midas_q["item"]] == list(MIDAS.item_ids)
    for p in found["Patient"]:
        assert "name" not in p and "birthDate" not in p
    text = json.dumps(bundle)
    assert "loinc" not in text.lower() and "snomed" not in text.lower()
    labels = {e["type"][0]["coding"][0]["code"] for e in found["Encounter"]}
    assert {"baseline", "pta", "m3", "m12"} <= labels


def test_fhir_edge_cases_validate(db: Database, tmp_path: Path) -> None:
    """Partial answers with reasons, two PTAs on different sides, baseline and pta on one
    day (pre- and post-PTA flows told apart by their Encounter), an amended visit."""
    from datetime import date
    from decimal import Decimal

    from tests.conftest import make_facts

    from proapp.domain.answers import MissingReason
    from proapp.domain.flow import FlowMeasurement, Posture, Side
    from proapp.domain.patient import ProcedureFacts, PtaSide
    from proapp.domain.visit import VisitContent
    from proapp.services import patients, visits

    pid = patients.create_patient(db, NURSE, make_facts("E-1"), [
        ProcedureFacts(date(2014, 3, 10), PtaSide.BILATERAL),
        ProcedureFacts(date(2015, 6, 1), PtaSide.LEFT)])

    def flows(left: str, right: str) -> tuple[FlowMeasurement, ...]:
        return (FlowMeasurement(Side.LEFT, Posture.SUPINE, Decimal(left)),
                FlowMeasurement(Side.RIGHT, Posture.SUPINE, Decimal(right)))

    partial = VisitContent(
        responses={"midas": {"q1": 2, "q2": 1, "a": 10}, "fss": {str(n): 4 for n in range(1, 10)}},
        missing={"midas": {"q3": MissingReason.DECLINED, "q4": MissingReason.NOT_ASKED}},
        flows=flows("200.0", "250.5"))
    visits.save_visit(db, NURSE, visits.VisitDraft(pid, "baseline", date(2014, 3, 10), partial),
                      complete=True, confirm_warnings=True)
    post = visits.save_visit(db, NURSE, visits.VisitDraft(
        pid, "pta", date(2014, 3, 10), VisitContent(flows=flows("400.0", "450.0"))),
        complete=True, confirm_warnings=True)
    visits.save_visit(db, NURSE, visits.VisitDraft(
        pid, "pta", date(2014, 3, 10), VisitContent(flows=flows("401.0", "450.0")),
        visit_id=post.id, expected_version=post.version), confirm_warnings=True, reason="typo")
    run_export(db, NURSE, "fhir", tmp_path / "f")
    found = by_type(validated_bundle(tmp_path / "f" / fhir.BUNDLE_FILE))
    sides = sorted((p["performedDateTime"], [c["code"] for c in p["bodySite"][0]["coding"]])
                   for p in found["Procedure"])
    assert sides == [("2014-03-10", ["ijv-left", "ijv-right"]), ("2015-06-01", ["ijv-left"])]
    encounters = {e["id"]: e["type"][0]["coding"][0]["code"] for e in found["Encounter"]}
    assert sorted(encounters.values()) == ["baseline", "pta"]
    left = {o["valueQuantity"]["value"]: encounters[o["encounter"]["reference"][9:]]
            for o in found["Observation"]
            if o["code"]["coding"][0]["code"] == "ijv-flow-supine-left"}
    assert left == {200.0: "baseline", 401.0: "pta"}
    pta_procedure = next(p for p in found["Procedure"] if p["performedDateTime"] == "2014-03-10")
    assert encounters[pta_procedure["encounter"]["reference"][9:]] == "pta"
    (midas,) = [qr for qr in found["QuestionnaireResponse"] if qr["questionnaire"].endswith(
        "midas")]
    assert [i["linkId"] for i in midas["item"]] == ["q1", "q2", "q3", "q4", "a"]
    assert [x["valueCode"] for x in midas["item"][2]["extension"]] == ["asked-declined",
                                                                       "declined"]
    assert midas["status"] == "completed"
    assert not any(o["code"]["coding"][0]["code"] == "midas-total" for o in found["Observation"])
    months = [x for e in found["Encounter"] for x in e.get("extension", ())
              if x["url"] == fhir.MONTHS_EXTENSION]
    assert [m["valueDecimal"] for m in months] == [0, 0]
    conditions = {c["code"]["coding"][0]["code"]: c["verificationStatus"]["coding"][0]["code"]
                  for c in found["Condition"]}
    assert conditions == {"ms-RR": "confirmed", "headache-positive": "confirmed",
                          "fatigue-positive": "confirmed"}


def test_fhir_keeps_exact_decimals_and_is_stable(demo_db: Database, tmp_path: Path) -> None:
    run_export(demo_db, NURSE, "fhir", tmp_path / "a")
    run_export(demo_db, NURSE, "fhir", tmp_path / "b")
    a = (tmp_path / "a" / fhir.BUNDLE_FILE).read_bytes()
    assert a == (tmp_path / "b" / fhir.BUNDLE_FILE).read_bytes()
    text = a.decode()
    assert re.search(r'"code":"fss-mean".*?"value":\d\.\d\d,', text)
    for q in (MIDAS, FSS):
        assert fhir.questionnaire_url(q) in text
