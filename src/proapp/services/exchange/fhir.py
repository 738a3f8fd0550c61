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

import hashlib
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


_NAMESPACED = hashlib.sha1(NAMESPACE.bytes, usedforsecurity=False)  # uuid5 is SHA-1


def urn(*key: object) -> str:
    """``urn:uuid:`` + the RFC 4122 version-5 UUID of the key in proapp's namespace (as
    ``uuid.uuid5``, computed directly: a bundle holds ~1,000,000 of them)."""
    h = _NAMESPACED.copy()
    h.update("|".join([k if type(k) is str else str(k) for k in key]).encode())
    b = bytearray(h.digest()[:16])
    b[6] = (b[6] & 0x0F) | 0x50
    b[8] = (b[8] & 0x3F) | 0x80
    x = b.hex()
    return f"urn:uuid:{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


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
                    ) -> Iterator[dict[str, Any] | str]:
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
    urls = [urn("encounter", k) for k in keys]
    encounters = {(v["visit_label"], v["visit_date"]): url
                  for v, url in zip(visits, urls, strict=True)}
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
    for v, key, url in zip(visits, keys, urls, strict=True):
        yield from visit_entries(key, subject, v, url)


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


# --- visits, written as JSON text --------------------------------------------------------
# A bundle of 10,000 patients holds ~1,000,000 visit resources, most of whose text never
# changes (codings, systems, question texts): those parts are encoded once, here, by the same
# JSON encoder (``_j`` is the encoder's own string escaping), and each resource is joined from
# them and its few own values. The output is exactly what ``dumps`` of the resource's
# dictionary gives (tests/services/exchange/test_standards.py validates it with fhir.resources).

_j = json.encoder.encode_basestring


def _d(obj: object) -> str:
    """Constant JSON text (no decimals in it), encoded as ``dumps`` does."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _number(value: Decimal | int) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


_CLASS = _d({"system": ACT_CODE, "code": "AMB", "display": "ambulatory"})
_MONTHS_URL, _DAYS_URL = _j(MONTHS_EXTENSION), _j(DAYS_EXTENSION)
_AUTHOR = _d({"display": "proapp (clinic staff)"})
_QUANTITY_END = {unit: "," + _d({"unit": unit, "system": UCUM, "code": code})[1:]
                 for unit, code in (("mL/min", "mL/min"), ("cm/s", "cm/s"), ("cm2", "cm2"),
                                    ("%", "%"), ("days", "d"), ("score", "{score}"))}
_CATEGORY = {c: _d(_category(c)) for c in ("survey", "imaging")}
_VEIN = {side: _d(_vein(side)) for side in VEINS}
_VELOCITY = _d(_code("ijv-velocity", "Time-averaged mean velocity"))
_AREA = _d(_code("ijv-area", "Cross-sectional area"))
_VISIT_TYPE: dict[str, str] = {}


def _quantity_text(value: Decimal | int, unit: str) -> str:
    return '{"value":' + _number(value) + _QUANTITY_END[unit]


def _observation_text(url: str, head: str, value: str, tail: str = "") -> str:
    """``head``: subject, encounter and time, from ``"subject"`` on; ``value`` the value
    member(s); ``tail`` anything after them (body site, components, derivedFrom)."""
    rid = url[9:]
    return (f'{{"fullUrl":"{url}","resource":{{"resourceType":"Observation","id":"{rid}",'
            f'"status":"final",{head},{value}{tail}}}}}')


class _Questionnaire:
    """One instrument's constant text: item openings, score codes, the response's opening."""

    def __init__(self, instrument: Instrument):
        self.instrument = instrument
        self.url = _j(questionnaire_url(instrument))
        self.items = [(instrument.column(it.id), _j(it.id), _j(it.text))
                      for it in instrument.items]
        self.answered = {col: '{"linkId":' + lid + ',"text":' + text + ',"answer":'
                         '[{"valueInteger":' for col, lid, text in self.items}
        self.scores = [(instrument.column(sf.id), sf, '"category":' + _CATEGORY["survey"]
                        + ',"code":' + _d(_code(f"{instrument.id}-{sf.id}", sf.label)))
                       for sf in instrument.score_fields]

    def missing(self, lid: str, text: str, reason: str) -> str:
        return (f'{{"extension":[{{"url":{_j(DATA_ABSENT)},"valueCode":{_j(ABSENT[reason])}}},'
                f'{{"url":{_j(MISSING_EXTENSION)},"valueCode":{_j(reason)}}}],"linkId":{lid},'
                f'"text":{text}}}')


_QUESTIONNAIRES = [_Questionnaire(i) for i in QUESTIONNAIRES.values()]
_GRADE = {g: '"valueCodeableConcept":' + _d(_code(f"midas-grade-{g}", f"MIDAS grade {g}: {m}"))
          for g, _lo, _hi, m in GRADES}
_FLOWS = []  # (posture, where, row prefix, code text, body site, stenosis code text)
for _p in flowmod.POSTURES:
    for _side in (*flowmod.SIDES, None):
        _where = _side.value if _side else "total"
        _text = f"IJV blood flow, {_p.value}, " + (f"{_where} vein" if _side else "left + right")
        _FLOWS.append((
            _p.value, _where, f"flow_{_p.value}_{_where}",
            '"category":' + _CATEGORY["imaging"] + ',"code":'
            + _d(_code(f"ijv-flow-{_p.value}-{_where}", _text)),
            ',"bodySite":' + _VEIN[_side.value] if _side else "",
            '"category":' + _CATEGORY["imaging"] + ',"code":' + _d(_code(
                f"ijv-stenosis-{_p.value}-{_where}", f"IJV stenosis, {_p.value}, {_where} vein"))
            if _side else ""))


def visit_entries(key: str, subject: str, v: Row, encounter: str | None = None
                  ) -> Iterator[str]:
    """The visit's Encounter, QuestionnaireResponses and Observations, each as the JSON text
    of its bundle entry."""
    label, day = v["visit_label"], v["visit_date"].isoformat()
    encounter = encounter or urn("encounter", key)
    kind = _VISIT_TYPE.get(label)
    if kind is None:
        kind = _VISIT_TYPE[label] = _d([_code(label, schedule.definition(label).title,
                                              VISIT_SYSTEM)])
    months = v.get("months_since_pta")
    extension = "" if months is None else (
        f'"extension":[{{"url":{_MONTHS_URL},"valueDecimal":{format(months, "f")}}},'
        f'{{"url":{_DAYS_URL},"valueInteger":{v["days_since_pta"]}}}],')
    yield (f'{{"fullUrl":"{encounter}","resource":{{"resourceType":"Encounter",'
           f'"id":"{encounter[9:]}",{extension}"status":"finished","class":{_CLASS},'
           f'"type":{kind},"subject":{{"reference":"{subject}"}},"period":{{"start":"{day}",'
           f'"end":"{day}"}}}}}}')
    refs = f'"subject":{{"reference":"{subject}"}},"encounter":{{"reference":"{encounter}"}}'
    when = f'{refs},"effectiveDateTime":"{day}"'
    missing_items = v.get("missing_items")
    reasons = dict(pair.split(":", 1) for pair in missing_items.split()) if missing_items \
        else {}
    status = "amended" if v.get("_amended") else "completed"
    for q in _QUESTIONNAIRES:
        items = []
        for col, lid, text in q.items:
            value = v.get(col)
            if value is not None:
                items.append(f"{q.answered[col]}{value}}}]}}")
            elif col in reasons:
                items.append(q.missing(lid, text, reasons[col]))
        if not items:
            continue
        instrument_id = q.instrument.id
        qr_url = urn("questionnaire-response", key, instrument_id)
        yield (f'{{"fullUrl":"{qr_url}","resource":{{"resourceType":"QuestionnaireResponse",'
               f'"id":"{qr_url[9:]}","questionnaire":{q.url},"status":"{status}",{refs},'
               f'"authored":"{day}","author":{_AUTHOR},"item":[{",".join(items)}]}}}}')
        derived = f',"derivedFrom":[{{"reference":"{qr_url}"}}]'
        for col, sf, code in q.scores:
            value = v.get(col)
            if value is None:
                continue
            if isinstance(value, str):  # a code (MIDAS grade)
                shown = _GRADE.get(value) or '"valueCodeableConcept":' + _d(_code(
                    f"midas-grade-{value}", f"MIDAS grade {value}: {value}"))
            else:
                shown = '"valueQuantity":' + _quantity_text(
                    value, "days" if sf.unit == "days" else "score")
            yield _observation_text(urn("observation", f"{key}|{instrument_id}|{sf.id}"),
                                    f"{code},{when}", shown, derived)
    for posture, where, prefix, code, site, stenosis_code in _FLOWS:
        value = v.get(f"{prefix}_ml_min")
        if value is not None:
            tail = site
            if site:
                components = []
                velocity, area = v.get(f"{prefix}_velocity_cm_s"), v.get(f"{prefix}_area_cm2")
                if velocity is not None:
                    components.append(f'{{"code":{_VELOCITY},"valueQuantity":'
                                      f'{_quantity_text(velocity, "cm/s")}}}')
                if area is not None:
                    components.append(f'{{"code":{_AREA},"valueQuantity":'
                                      f'{_quantity_text(area, "cm2")}}}')
                if components:
                    tail += f',"component":[{",".join(components)}]'
            yield _observation_text(urn("observation", f"{key}|flow|{posture}|{where}"),
                                    f"{code},{when}",
                                    '"valueQuantity":' + _quantity_text(value, "mL/min"), tail)
        stenosis = v.get(f"{prefix}_stenosis_pct") if site else None
        if stenosis is not None:
            yield _observation_text(urn("observation", f"{key}|stenosis|{posture}|{where}"),
                                    f"{stenosis_code},{when}",
                                    '"valueQuantity":' + _quantity_text(stenosis, "%"), site)


def entries(data: Dataset) -> Iterable[dict[str, Any] | str]:
    """Every bundle entry: a dictionary, or (visits) its JSON text already."""
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
        parts: list[str] = []
        for n, entry in enumerate(entries(data)):
            parts.append(entry if isinstance(entry, str) else dumps(entry))
            if len(parts) >= 2000:
                fh.write(("," if n >= len(parts) else "") + ",".join(parts))
                parts.clear()
                if progress is not None:
                    progress.check()
        if parts:
            fh.write(("," if n >= len(parts) else "") + ",".join(parts))
        fh.write("]}\n")
