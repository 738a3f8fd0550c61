"""REDCap: a data dictionary (the 18 standard columns, record id first), a flat data CSV with
``redcap_event_name`` per row, and the events and instrument-event mapping of a longitudinal
project, so the files can be loaded into a new REDCap project in this order: data dictionary,
events (Define My Events), instrument-event mapping (Designate Instruments), then the data.

Layout: the record id is ``patient_code``; the ``patient`` instrument is collected once at the
``enrolment`` event; every visit label is an event (``baseline_arm_1``, ``m3_arm_1``, ...)
holding the ``visit`` instrument and the forms recorded there; ``unscheduled_arm_1`` is a
repeating event (``redcap_repeat_instance`` 1, 2, ...).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from proapp.domain import schedule
from proapp.domain.registry import FORMS
from proapp.services.exchange import cells
from proapp.services.exchange.columns import Column, Kind
from proapp.services.exchange.csv_export import DICTIONARY_FILE, write_dictionary, write_rows
from proapp.services.exchange.dataset import Dataset
from proapp.services.exchange.dictionary import entries

DICTIONARY_HEADER = (
    "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
    "Choices, Calculations, OR Slider Labels", "Field Note",
    "Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max",
    "Identifier?", "Branching Logic (Show field only if...)", "Required Field?",
    "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
    "Matrix Ranking?", "Field Annotation",
)
REDCAP_DICTIONARY = "redcap_data_dictionary.csv"
REDCAP_DATA = "redcap_data.csv"
REDCAP_EVENTS = "redcap_events.csv"
REDCAP_MAPPING = "redcap_instrument_event_mapping.csv"
FILES = (REDCAP_DICTIONARY, REDCAP_DATA, REDCAP_EVENTS, REDCAP_MAPPING, DICTIONARY_FILE)
RECORD_ID = "patient_code"
ARM = 1
ENROLMENT = "enrolment"
FORM_ORDER = ("patient", "visit", *FORMS)


def event_name(label: str) -> str:
    """REDCap's unique event name for an event named after a visit label."""
    return f"{label}_arm_{ARM}"


def _validation(col: Column) -> tuple[str, str, str]:
    """(validation type, min, max) for a text field."""
    low = "" if col.minimum is None else str(col.minimum)
    high = "" if col.maximum is None else str(col.maximum)
    if col.kind is Kind.DATE:
        return "date_ymd", "", ""
    if col.kind is Kind.INTEGER:
        return "integer", low, high
    if col.kind is Kind.DECIMAL:
        if isinstance(col.minimum, Decimal):
            low = str(col.minimum)
        return (f"number_{col.places}dp" if col.places else "number"), low, high
    return "", "", ""


def dictionary_row(col: Column) -> list[str]:
    field_type, choices, note = "text", "", col.unit
    validation, low, high = _validation(col)
    if col.kind is Kind.BOOLEAN:
        field_type = "yesno"
    elif col.kind is Kind.CODE and col.name != "visit_label" and col.codes:
        field_type = "radio"
        choices = " | ".join(f"{k}, {v}" for k, v in col.codes.items())
    elif col.kind is Kind.TEXT and (col.free_text or col.name == "missing_items"):
        field_type = "notes"
    annotation = "@READONLY computed by proapp" if col.computed else ""
    label = (col.label if col.name == RECORD_ID or col.meaning.startswith(col.label)
             else f"{col.label}: {col.meaning}")
    return [col.name, col.form, "", field_type, label, choices, note, validation, low, high,
            "y" if col.identifying else "", "", "y" if col.required else "", "", "", "", "",
            annotation]


def write_redcap(data: Dataset, folder: Path) -> None:
    pcols = list(data.patient_columns)
    vcols = [c for c in data.visit_columns if c.name != RECORD_ID]
    fields = pcols + vcols
    forms_in_order = [f for f in FORM_ORDER if any(c.form == f for c in fields)]
    ordered = [c for f in forms_in_order for c in fields if c.form == f]
    # Generated from the definitions, never from patient data; written as REDCap reads it
    # (an action tag such as @READONLY must stay as it is).
    write_rows(folder / REDCAP_DICTIONARY, DICTIONARY_HEADER,
               (dictionary_row(c) for c in ordered))

    data_fields = [c for c in ordered if c.name != RECORD_ID]
    header = [RECORD_ID, "redcap_event_name", "redcap_repeat_instrument",
              "redcap_repeat_instance", *(c.name for c in data_fields),
              *(f"{f}_complete" for f in forms_in_order)]
    form_of = {c.name: c.form for c in data_fields}
    event_forms: dict[str, set[str]] = defaultdict(set)
    event_forms[ENROLMENT].add("patient")

    def data_rows() -> list[list[str]]:
        rows: list[list[str]] = []
        visits_by_patient: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for v in data.visits:
            visits_by_patient[v["patient_code"]].append(v)
        for p in data.patients:
            code = p["patient_code"]
            values = {c.name: cells.to_text(c, p.get(c.name)) for c in pcols}
            rows.append(_row(code, event_name(ENROLMENT), "", values, {"patient"}))
            repeat = 0
            for v in visits_by_patient.get(code, []):
                label = v["visit_label"]
                values = {c.name: cells.to_text(c, v.get(c.name)) for c in vcols}
                filled = {"visit"} | {form_of[k] for k, t in values.items()
                                      if t != "" and form_of[k] in FORMS}
                event_forms[label] |= filled
                instance = ""
                if label == schedule.UNSCHEDULED:
                    repeat += 1
                    instance = str(repeat)
                rows.append(_row(code, event_name(label), instance, values, filled))
        return rows

    def _row(code: str, event: str, instance: str, values: dict[str, str],
             filled: set[str]) -> list[str]:
        return [cells.neutralise(code), event, "", instance,
                *(values.get(c.name, "") for c in data_fields),
                *("2" if f in filled else "" for f in forms_in_order)]

    write_rows(folder / REDCAP_DATA, header, data_rows())
    labels = [ENROLMENT, *sorted((e for e in event_forms if e != ENROLMENT),
                                 key=schedule.sort_key)]
    for label in labels[1:]:
        expected = schedule.definition(label).forms
        event_forms[label] |= {"visit"} | set(expected)
        if label == schedule.UNSCHEDULED:
            event_forms[label] |= set(FORMS)
    write_rows(folder / REDCAP_EVENTS, ("event_name", "arm_num", "day_offset", "offset_min",
                                        "offset_max", "unique_event_name"),
               [_event_row(label) for label in labels])
    write_rows(folder / REDCAP_MAPPING, ("arm_num", "unique_event_name", "form"),
               [[str(ARM), event_name(label), f] for label in labels
                for f in forms_in_order if f in event_forms[label]])
    write_dictionary(folder / DICTIONARY_FILE,
                     entries(REDCAP_DATA, list(ordered)))


def _event_row(label: str) -> Sequence[str]:
    if label == ENROLMENT:
        return (ENROLMENT, str(ARM), "0", "0", "0", event_name(ENROLMENT))
    d = schedule.definition(label)
    days = round(d.months * 365.2425 / 12)
    return (label, str(ARM), str(days), str(d.days_before), str(d.days_after),
            event_name(label))
