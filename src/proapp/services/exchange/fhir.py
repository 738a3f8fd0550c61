"""FHIR R4: one JSON Bundle (type ``collection``) holding

- a ``Questionnaire`` per instrument (MIDAS, FSS), items generated from the definitions;
- per patient, always de-identified: a ``Patient`` (identifier = patient code, gender; no name,
  no birth date), a ``Condition`` for the MS subtype and one each for the headache and fatigue
  classification (``confirmed`` when positive, ``refuted`` when negative), and a
  ``Procedure`` per PTA (date, treated vein(s) as ``bodySite``);
- per complete visit an ``Encounter`` (period = visit date, the visit label as a coded type,
  months since the latest preceding PTA as an extension), and every resource of the visit
  refers to it:
- a ``QuestionnaireResponse`` per instrument with any answer (status ``completed``, or
  ``amended`` when the visit was changed after completion); an item left unanswered on purpose
  is listed without an answer, its reason as ``data-absent-reason`` and in proapp's own
  extension; an item simply not answered is absent;
- ``Observation`` resources for the derived scores (category ``survey``, ``derivedFrom`` the
  response), the IJV flows (category ``imaging``: Duplex ultrasound; velocity and area as
  components when the flow was computed from them) and stenosis, values as UCUM quantities.

No LOINC or SNOMED code is used for MIDAS, FSS, the visit labels or the veins, so every code is
from proapp's own local code systems (:data:`CODE_SYSTEM`, :data:`VISIT_SYSTEM`); nothing is
presented as a standard code. ``fullUrl`` values are ``urn:uuid`` UUIDs derived (uuid5) from
stable keys, so exporting the same data twice gives the same bundle byte for byte.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from proapp.domain import flow as flowmod
from proapp.domain import schedule
from proapp.domain.instruments import Instrument
from proapp.domain.midas import GRADES
from proapp.domain.patient import MsSubtype
from proapp.domain.registry import QUESTIONNAIRES
from proapp.services.exchange.dataset import Dataset, Row
from proapp.services.progress import Progress

BASE = "https://proapp.invalid"
CODE_SYSTEM = f"{BASE}/CodeSystem/proapp"
VISIT_SYSTEM = f"{BASE}/CodeSystem/visit-label"
PATIENT_ID_SYSTEM = f"{BASE}/NamingSystem/patient-code"
MONTHS_EXTENSION = f"{BASE}/StructureDefinition/months-since-pta"
DAYS_EXTENSION = f"{BASE}/StructureDefinition/days-since-pta"
MISSING_EXTENSION = f"{BASE}/StructureDefinition/missing-reason"
DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
CLINICAL_STATUS = "http://terminology.hl7.org/CodeSystem/condition-clinical"
VERIFICATION_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
UCUM = "http://unitsofmeasure.org"
NAMESPACE = uuid.UUID("6f1d0d55-3c5e-4a41-9b57-7c1c5a3f0e11")  # proapp's, fixed forever
BUNDLE_FILE = "bundle.json"
GENDER = {"F": "female", "M": "male", "X": "other"}
# proapp's missing reasons as FHIR data-absent-reason codes
ABSENT = {"declined": "asked-declined", "not_asked": "not-asked", "unknown": "unknown"}
VEINS = {"left": (("ijv-left", "Left internal jugular vein"),),
         "right": (("ijv-right", "Right internal jugular vein"),),
         "bilateral": (("ijv-left", "Left internal jugular vein"),
                       ("ijv-right", "Right internal jugular vein"))}
_DEC = re.compile(r'"@@dec:(-?[0-9.]+)@@"')


def urn(*key: object) -> str:
    return "urn:uuid:" + str(uuid.uuid5(NAMESPACE, "|".join(str(k) for k in key)))


def questionnaire_url(instrument: Instrument) -> str:
    return f"{BASE}/Questionnaire/{instrument.id}"


def _dec(value: Decimal) -> str:
    """Decimals keep their exact text ("4.00") in the JSON, not a binary float."""
    return f"@@dec:{format(value, 'f')}@@"


def _code(code: str, display: str, system: str = CODE_SYSTEM) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code, "display": display}],
            "text": display}


def _category(code: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": CATEGORY_SYSTEM, "code": code}]}]


def questionnaire(instrument: Instrument) -> dict[str, Any]:
    items = []
    for it in instrument.items:
        item: dict[str, Any] = {
            "linkId": it.id, "prefix": it.label, "text": it.text, "type": "integer",
            "required": False,
            "extension": [
                {"url": "http://hl7.org/fhir/StructureDefinition/minValue",
                 "valueInteger": it.minimum},
                {"url": "http://hl7.org/fhir/StructureDefinition/maxValue",
                 "valueInteger": it.maximum},
            ],
        }
        items.append(item)
    return {
        "resourceType": "Questionnaire", "id": instrument.id,
        "url": questionnaire_url(instrument), "name": instrument.name,
        "title": instrument.title, "status": "active",
        "description": f"{instrument.instructions} Recall period: {instrument.recall_period}. "
                       f"Reference: {instrument.reference}.",
        "code": [{"system": CODE_SYSTEM, "code": instrument.id, "display": instrument.title}],
        "item": items,
    }


def _entry(full_url: str, resource: dict[str, Any]) -> dict[str, Any]:
    resource = {"resourceType": resource.pop("resourceType"),
                "id": full_url.removeprefix("urn:uuid:"), **resource}
    return {"fullUrl": full_url, "resource": resource}


def _observation(key: str, subject: str, encounter: str, when: str, code: tuple[str, str],
                 category: str, value: dict[str, Any], derived: str | None = None,
                 **extra: Any) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Observation", "status": "final", "category": _category(category),
        "code": _code(*code), "subject": {"reference": subject},
        "encounter": {"reference": encounter}, "effectiveDateTime": when, **value, **extra,
    }
    if derived:
        resource["derivedFrom"] = [{"reference": derived}]
    return _entry(urn("observation", key), resource)


def _score_value(value: object, unit: str) -> dict[str, Any]:
    if isinstance(value, str):  # a code (MIDAS grade)
        meaning = {g: m for g, _lo, _hi, m in GRADES}.get(value, value)
        return {"valueCodeableConcept": _code(f"midas-grade-{value}",
                                              f"MIDAS grade {value}: {meaning}")}
    q: dict[str, Any] = {"value": _dec(value) if isinstance(value, Decimal) else value}
    if unit == "days":
        q |= {"unit": "days", "system": UCUM, "code": "d"}
    else:
        q |= {"unit": "score", "system": UCUM, "code": "{score}"}
    return {"valueQuantity": q}


def _quantity(value: Decimal | int, unit: str, code: str) -> dict[str, Any]:
    return {"value": _dec(value) if isinstance(value, Decimal) else value, "unit": unit,
            "system": UCUM, "code": code}


def _vein(side: str) -> dict[str, Any]:
    return {"coding": [{"system": CODE_SYSTEM, "code": c, "display": d}
                       for c, d in VEINS[side]],
            "text": {"bilateral": "Both internal jugular veins"}.get(side, VEINS[side][0][1])}


def _condition(code: str, key: str, subject: str, concept: tuple[str, str],
               confirmed: bool) -> dict[str, Any]:
    resource: dict[str, Any] = {"resourceType": "Condition"}
    if confirmed:  # a refuted condition has no clinical status (FHIR con-3, con-5)
        resource["clinicalStatus"] = {"coding": [{"system": CLINICAL_STATUS,
                                                  "code": "active"}]}
    resource["verificationStatus"] = {"coding": [{
        "system": VERIFICATION_STATUS, "code": "confirmed" if confirmed else "refuted"}]}
    if confirmed:
        resource["category"] = [{"coding": [{"system": CONDITION_CATEGORY,
                                             "code": "problem-list-item"}]}]
    resource["code"] = _code(*concept)
    resource["subject"] = {"reference": subject}
    return _entry(urn("condition", code, key), resource)


def patient_entries(p: Row, procedures: list[Row], visits: list[Row]
                    ) -> Iterator[dict[str, Any]]:
    """Every resource of one patient: Patient, Conditions, Procedures, then per visit its
    Encounter, QuestionnaireResponses and Observations."""
    code = p["patient_code"]
    subject = urn("patient", code)
    yield _entry(subject, {
        "resourceType": "Patient",
        "identifier": [{"system": PATIENT_ID_SYSTEM, "value": code}],
        "gender": GENDER.get(p["sex"], "unknown"),
    })
    subtype = MsSubtype(p["ms_subtype"])
    yield _condition(code, "ms", subject, (f"ms-{subtype.value}",
                                           f"Multiple sclerosis, {subtype.title}"), True)
    for flag, what in (("headache_positive", "Headache-positive"),
                       ("fatigue_positive", "Fatigue-positive")):
        yield _condition(code, flag, subject,
                         (flag.replace("_", "-"), f"{what} (clinical classification at "
                          "enrolment)"), bool(p[flag]))
    keys = _visit_keys(code, visits)
    encounters = {(v["visit_label"], v["visit_date"]): urn("encounter", k)
                  for v, k in zip(visits, keys, strict=True)}
    for proc in procedures:
        day = proc["procedure_date"]
        resource: dict[str, Any] = {
            "resourceType": "Procedure", "status": "completed",
            "code": _code("pta-ijv", "Percutaneous transluminal angioplasty (PTA) of the "
                          "internal jugular vein"),
            "subject": {"reference": subject},
        }
        at_pta = encounters.get(("pta", day))
        if at_pta is not None:
            resource["encounter"] = {"reference": at_pta}
        resource["performedDateTime"] = day.isoformat()
        resource["bodySite"] = [_vein(proc["procedure_side"] or "bilateral")]
        yield _entry(urn("procedure", code, proc["procedure_number"], day), resource)
    for v, key in zip(visits, keys, strict=True):
        yield from visit_entries(key, subject, v)


def _visit_keys(code: str, visits: list[Row]) -> list[str]:
    """A stable key per visit from its data, not its database id (so the same data gives the
    same ids in any database): patient, label, date, and a counter for same-day repeats."""
    seen: dict[tuple[str, object], int] = {}
    keys = []
    for v in visits:
        k = (v["visit_label"], v["visit_date"])
        seen[k] = seen.get(k, 0) + 1
        keys.append(f"{code}|{k[0]}|{k[1].isoformat()}|{seen[k]}")
    return keys


def visit_entries(key: str, subject: str, v: Row) -> Iterator[dict[str, Any]]:
    label, day = v["visit_label"], v["visit_date"].isoformat()
    encounter = urn("encounter", key)
    title = schedule.definition(label).title
    resource: dict[str, Any] = {"resourceType": "Encounter"}
    extensions = []
    if v.get("months_since_pta") is not None:
        extensions += [{"url": MONTHS_EXTENSION, "valueDecimal": _dec(v["months_since_pta"])},
                       {"url": DAYS_EXTENSION, "valueInteger": v["days_since_pta"]}]
    if extensions:
        resource["extension"] = extensions
    resource |= {
        "status": "finished",
        "class": {"system": ACT_CODE, "code": "AMB", "display": "ambulatory"},
        "type": [_code(label, title, VISIT_SYSTEM)],
        "subject": {"reference": subject},
        "period": {"start": day, "end": day},
    }
    yield _entry(encounter, resource)
    reasons = dict(pair.split(":", 1) for pair in (v.get("missing_items") or "").split())
    status = "amended" if v.get("_amended") else "completed"
    for instrument in QUESTIONNAIRES.values():
        items = []
        for it in instrument.items:
            col = instrument.column(it.id)
            value = v.get(col)
            if value is not None:
                items.append({"linkId": it.id, "text": it.text,
                              "answer": [{"valueInteger": value}]})
            elif col in reasons:
                reason = reasons[col]
                items.append({"extension": [
                    {"url": DATA_ABSENT, "valueCode": ABSENT[reason]},
                    {"url": MISSING_EXTENSION, "valueCode": reason}],
                    "linkId": it.id, "text": it.text})
        if not items:
            continue
        qr_url = urn("questionnaire-response", key, instrument.id)
        yield _entry(qr_url, {
            "resourceType": "QuestionnaireResponse",
            "questionnaire": questionnaire_url(instrument), "status": status,
            "subject": {"reference": subject}, "encounter": {"reference": encounter},
            "authored": day, "author": {"display": "proapp (clinic staff)"},
            "item": items,
        })
        for sf in instrument.score_fields:
            value = v.get(instrument.column(sf.id))
            if value is None:
                continue
            yield _observation(f"{key}|{instrument.id}|{sf.id}", subject, encounter, day,
                               (f"{instrument.id}-{sf.id}", sf.label), "survey",
                               _score_value(value, sf.unit), qr_url)
    for posture in flowmod.POSTURES:
        for side in (*flowmod.SIDES, None):
            where = side.value if side else "total"
            prefix = f"flow_{posture.value}_{where}"
            value = v.get(f"{prefix}_ml_min")
            text = f"IJV blood flow, {posture.value}, " + (
                f"{where} vein" if side else "left + right")
            extra: dict[str, Any] = {}
            if side is not None:
                extra["bodySite"] = _vein(side.value)
                velocity, area = v.get(f"{prefix}_velocity_cm_s"), v.get(f"{prefix}_area_cm2")
                components = []
                if velocity is not None:
                    components.append({"code": _code("ijv-velocity", "Time-averaged mean "
                                                     "velocity"),
                                       "valueQuantity": _quantity(velocity, "cm/s", "cm/s")})
                if area is not None:
                    components.append({"code": _code("ijv-area", "Cross-sectional area"),
                                       "valueQuantity": _quantity(area, "cm2", "cm2")})
                if components:
                    extra["component"] = components
            if value is not None:
                yield _observation(
                    f"{key}|flow|{posture.value}|{where}", subject, encounter, day,
                    (f"ijv-flow-{posture.value}-{where}", text), "imaging",
                    {"valueQuantity": _quantity(value, "mL/min", "mL/min")}, None, **extra)
            stenosis = v.get(f"{prefix}_stenosis_pct") if side else None
            if stenosis is not None:
                yield _observation(
                    f"{key}|stenosis|{posture.value}|{where}", subject, encounter, day,
                    (f"ijv-stenosis-{posture.value}-{where}",
                     f"IJV stenosis, {posture.value}, {where} vein"), "imaging",
                    {"valueQuantity": _quantity(stenosis, "%", "%")}, None,
                    bodySite=_vein(where))


def entries(data: Dataset) -> Iterable[dict[str, Any]]:
    for instrument in QUESTIONNAIRES.values():
        yield {"fullUrl": urn("questionnaire", instrument.id),
               "resource": {"id": instrument.id, **questionnaire(instrument)}}
    procedures: dict[str, list[Row]] = {}
    for proc in data.procedures:
        procedures.setdefault(proc["patient_code"], []).append(proc)
    for p, visits in data.by_patient():
        yield from patient_entries(p, procedures.get(p["patient_code"], []), visits)


def dumps(obj: dict[str, Any]) -> str:
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return _DEC.sub(lambda m: m.group(1), text)


def write_fhir(data: Dataset, folder: Path, progress: Progress | None = None) -> None:
    """Stream the bundle entry by entry (10,000 patients make ~700,000 resources: building
    one dict for json.dumps would take gigabytes)."""
    head = dumps({"resourceType": "Bundle", "id": str(uuid.uuid5(NAMESPACE, "bundle")),
                  "type": "collection", "entry": []})
    assert head.endswith("[]}")
    with open(folder / BUNDLE_FILE, "w", encoding="utf-8") as fh:
        fh.write(head[:-2])
        for n, entry in enumerate(entries(data)):
            if n:
                fh.write(",")
            fh.write(dumps(entry))
            if progress is not None and n % 5000 == 0:
                progress.check()
        fh.write("]}\n")
