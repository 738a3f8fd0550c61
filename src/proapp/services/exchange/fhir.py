"""FHIR R4: one JSON Bundle (type ``collection``) holding

- a ``Questionnaire`` per instrument (MIDAS, FSS), items generated from the definitions;
- a ``Patient`` per patient, always de-identified (identifier = patient code, gender; no name,
  no birth date);
- a ``QuestionnaireResponse`` per completed instrument at a visit (status ``completed``);
- ``Observation`` resources for the derived scores (category ``survey``) and the IJV flows
  (category ``imaging``: Duplex ultrasound), values as UCUM quantities.

No LOINC code exists for MIDAS or FSS, so every code is from proapp's own local code system
(:data:`CODE_SYSTEM`); nothing is presented as LOINC. ``fullUrl`` values are ``urn:uuid`` UUIDs
derived (uuid5) from stable keys, so exporting the same data twice gives the same bundle.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from proapp.domain import flow as flowmod
from proapp.domain.instruments import Instrument
from proapp.domain.midas import GRADES
from proapp.domain.registry import QUESTIONNAIRES
from proapp.services.exchange.dataset import Dataset
from proapp.services.progress import Progress

BASE = "https://proapp.invalid"
CODE_SYSTEM = f"{BASE}/CodeSystem/proapp"
PATIENT_ID_SYSTEM = f"{BASE}/NamingSystem/patient-code"
CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
UCUM = "http://unitsofmeasure.org"
NAMESPACE = uuid.UUID("6f1d0d55-3c5e-4a41-9b57-7c1c5a3f0e11")  # proapp's, fixed forever
BUNDLE_FILE = "bundle.json"
GENDER = {"F": "female", "M": "male", "X": "other"}
_DEC = re.compile(r'"@@dec:(-?[0-9.]+)@@"')


def urn(*key: object) -> str:
    return "urn:uuid:" + str(uuid.uuid5(NAMESPACE, "|".join(str(k) for k in key)))


def questionnaire_url(instrument: Instrument) -> str:
    return f"{BASE}/Questionnaire/{instrument.id}"


def _dec(value: Decimal) -> str:
    """Decimals keep their exact text ("4.00") in the JSON, not a binary float."""
    return f"@@dec:{format(value, 'f')}@@"


def _code(code: str, display: str) -> dict[str, Any]:
    return {"coding": [{"system": CODE_SYSTEM, "code": code, "display": display}],
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


def _observation(key: str, subject: str, when: str, code: tuple[str, str], category: str,
                 value: dict[str, Any], derived: str | None) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Observation", "status": "final", "category": _category(category),
        "code": _code(*code), "subject": {"reference": subject}, "effectiveDateTime": when,
        **value,
    }
    if derived:
        resource["derivedFrom"] = [{"reference": derived}]
    return _entry(urn("observation", key), resource)


def _score_value(name: str, value: object, unit: str) -> dict[str, Any]:
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


def entries(data: Dataset) -> Iterable[dict[str, Any]]:
    for instrument in QUESTIONNAIRES.values():
        yield {"fullUrl": urn("questionnaire", instrument.id),
               "resource": {"id": instrument.id, **questionnaire(instrument)}}
    for p in data.patients:
        code = p["patient_code"]
        resource: dict[str, Any] = {
            "resourceType": "Patient",
            "identifier": [{"system": PATIENT_ID_SYSTEM, "value": code}],
            "gender": GENDER.get(p["sex"], "unknown"),
        }
        yield _entry(urn("patient", code), resource)
    for v in data.visits:
        code, label, day = v["patient_code"], v["visit_label"], v["visit_date"].isoformat()
        subject = urn("patient", code)
        key = f"{code}|{label}|{day}"
        for instrument in QUESTIONNAIRES.values():
            answers = {it.id: v.get(instrument.column(it.id)) for it in instrument.items}
            if not instrument.is_complete(answers):
                continue
            qr_url = urn("questionnaire-response", key, instrument.id)
            yield _entry(qr_url, {
                "resourceType": "QuestionnaireResponse",
                "questionnaire": questionnaire_url(instrument), "status": "completed",
                "subject": {"reference": subject}, "authored": day,
                "author": {"display": "proapp (clinic staff)"},
                "item": [{"linkId": it.id, "text": it.text,
                          "answer": [{"valueInteger": answers[it.id]}]}
                         for it in instrument.items if answers[it.id] is not None],
            })
            for sf in instrument.score_fields:
                value = v.get(instrument.column(sf.id))
                if value is None:
                    continue
                yield _observation(f"{key}|{instrument.id}|{sf.id}", subject, day,
                                   (f"{instrument.id}-{sf.id}", sf.label), "survey",
                                   _score_value(sf.id, value, sf.unit), qr_url)
        for posture in flowmod.POSTURES:
            for side in (*flowmod.SIDES, None):
                where = side.value if side else "total"
                value = v.get(f"flow_{posture.value}_{where}_ml_min")
                if value is None:
                    continue
                text = f"IJV blood flow, {posture.value}, " + (
                    f"{where} vein" if side else "left + right")
                yield _observation(
                    f"{key}|flow|{posture.value}|{where}", subject, day,
                    (f"ijv-flow-{posture.value}-{where}", text), "imaging",
                    {"valueQuantity": {"value": _dec(value), "unit": "mL/min", "system": UCUM,
                                       "code": "mL/min"}}, None)


def bundle(data: Dataset) -> dict[str, Any]:
    return {"resourceType": "Bundle", "id": str(uuid.uuid5(NAMESPACE, "bundle")),
            "type": "collection", "entry": list(entries(data))}


def dumps(obj: dict[str, Any]) -> str:
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return _DEC.sub(lambda m: m.group(1), text)


def write_fhir(data: Dataset, folder: Path, progress: Progress | None = None) -> None:
    """Stream the bundle entry by entry (10,000 patients make ~600,000 resources: building
    one dict for json.dumps would take gigabytes). Same bytes as ``dumps(bundle(data))``."""
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

