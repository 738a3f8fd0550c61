"""REDCap: a data dictionary (the 18 standard columns, record id first), a flat data CSV with
``redcap_event_name`` per row, the events, instrument-event mapping and repeating set-up of a
longitudinal project, so the files can be loaded into a new REDCap project in this order: data
dictionary, events (Define My Events), instrument-event mapping (Designate Instruments),
repeating instruments and events, then the data.

Layout: the record id is ``patient_code``; the ``patient`` instrument is collected once at the
``enrolment`` event, with ``procedure`` as a repeating instrument there (one instance per PTA);
every visit label is an event (``baseline_arm_1``, ``m3_arm_1``, ...) holding the ``visit``
instrument and the forms recorded there; ``unscheduled_arm_1`` is a repeating event
(``redcap_repeat_instance`` 1, 2, ...).

Variable names are at most 26 characters (REDCap's advice, so that its SAS/Stata/R exports keep
them): longer proapp column names are shortened by fixed rules (:func:`variable`) and every
renamed one is named in its Field Note and in ``data_dictionary.csv``. Data cells are written
as stored, without the CSV formula guard: REDCap imports them as data, and an apostrophe would
be stored with the value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from proapp.domain import schedule
from proapp.domain.registry import FORMS
from proapp.services.exchange import cells
from proapp.services.exchange.columns import Column, Kind
from proapp.services.exchange.csv_export import DICTIONARY_FILE, write_dictionary, write_rows
from proapp.services.exchange.dataset import Dataset
from proapp.services.exchange.dictionary import Entry

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
REDCAP_REPEATING = "redcap_repeating_instruments_events.csv"
FILES = (REDCAP_DICTIONARY, REDCAP_EVENTS, REDCAP_MAPPING, REDCAP_REPEATING, REDCAP_DATA,
         DICTIONARY_FILE)
RECORD_ID = "patient_code"
ARM = 1
ENROLMENT = "enrolment"
PROCEDURE_FORM = "procedure"
FORM_ORDER = ("patient", PROCEDURE_FORM, "visit", *FORMS)
NAME_MAX = 26
# Shortening rules for names over NAME_MAX, applied in order until the name fits.
_SHORTER = (("_velocity_cm_s", "_vel"), ("_stenosis_pct", "_sten"), ("_area_cm2", "_area"),
            ("supine", "sup"), ("upright", "upr"), ("_left_", "_l_"), ("_right_", "_r_"))


def variable(name: str) -> str:
    """The REDCap variable name of a proapp column (at most 26 characters)."""
    for long, short in _SHORTER:
        if len(name) <= NAME_MAX:
            break
        name = name.replace(long, short)
    if len(name) > NAME_MAX:
        raise AssertionError(f"no REDCap name rule shortens {name!r}")
    return name


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
    name = variable(col.name)
    if name != col.name:
        note = (note + "; " if note else "") + f"proapp column {col.name}"
    annotation = "@READONLY computed by proapp" if col.computed else ""
    label = (col.label if col.name == RECORD_ID or col.meaning.startswith(col.label)
             else f"{col.label}: {col.meaning}")
    return [name, col.form, "", field_type, label, choices, note, validation, low, high,
            "y" if col.identifying else "", "", "y" if col.required else "", "", "", "", "",
            annotation]


def write_redcap(data: Dataset, folder: Path) -> None:
    pcols = list(data.patient_columns)
    rcols = [c for c in data.procedure_columns if c.name != RECORD_ID]
    vcols = [c for c in data.visit_columns if c.name != RECORD_ID]
    fields = pcols + rcols + vcols
    forms_in_order = [f for f in FORM_ORDER if any(c.form == f for c in fields)]
    ordered = [c for f in forms_in_order for c in fields if c.form == f]
    names = [variable(c.name) for c in ordered]
    assert len(set(names)) == len(names), "REDCap variable names must be unique"
    # Generated from the definitions, never from patient data; written as REDCap reads it
    # (an action tag such as @READONLY must stay as it is).
    write_rows(folder / REDCAP_DICTIONARY, DICTIONARY_HEADER,
               (dictionary_row(c) for c in ordered))

    data_fields = [c for c in ordered if c.name != RECORD_ID]
    header = [RECORD_ID, "redcap_event_name", "redcap_repeat_instrument",
              "redcap_repeat_instance", *(variable(c.name) for c in data_fields),
              *(f"{f}_complete" for f in forms_in_order)]
    position = {c.name: i for i, c in enumerate(data_fields)}
    width = len(data_fields)
    visit_plan = [(c.name, position[c.name], c, c.form in FORMS) for c in vcols]
    event_forms: dict[str, set[str]] = defaultdict(set)
    event_forms[ENROLMENT].add("patient")
    procedures: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for proc in data.procedures:
        procedures[proc["patient_code"]].append(proc)

    def row(code: str, event: str, repeat_form: str, instance: str, cells_: list[str],
            filled: set[str]) -> list[str]:
        return [code, event, repeat_form, instance, *cells_,
                *("2" if f in filled else "" for f in forms_in_order)]

    def data_rows() -> Iterator[list[str]]:
        for p, visits in data.by_patient():
            code = p["patient_code"]
            values = [""] * width
            for c in pcols:
                if c.name != RECORD_ID:
                    values[position[c.name]] = cells.to_text(c, p.get(c.name), guard=False)
            yield row(code, event_name(ENROLMENT), "", "", values, {"patient"})
            for proc in procedures.get(code, ()):
                values = [""] * width
                for c in rcols:
                    values[position[c.name]] = cells.to_text(c, proc.get(c.name), guard=False)
                event_forms[ENROLMENT].add(PROCEDURE_FORM)
                yield row(code, event_name(ENROLMENT), PROCEDURE_FORM,
                          str(proc["procedure_number"]), values, {PROCEDURE_FORM})
            repeat = 0
            for v in visits:
                label = v["visit_label"]
                values = [""] * width
                filled = {"visit"}
                for name, i, c, in_form in visit_plan:
                    text = cells.to_text(c, v.get(name), guard=False)
                    values[i] = text
                    if in_form and text != "":
                        filled.add(c.form)
                event_forms[label] |= filled
                instance = ""
                if label == schedule.UNSCHEDULED:
                    repeat += 1
                    instance = str(repeat)
                yield row(code, event_name(label), "", instance, values, filled)

    write_rows(folder / REDCAP_DATA, header, data_rows())
    labels = [ENROLMENT, *sorted((e for e in event_forms if e != ENROLMENT),
                                 key=schedule.sort_key)]
    event_forms[ENROLMENT].add(PROCEDURE_FORM)
    for label in labels[1:]:
        expected = schedule.definition(label).forms
        event_forms[label] |= {"visit"} | set(expected)
        if label == schedule.UNSCHEDULED:
            event_forms[label] |= set(FORMS)
    # The columns a new project's "Upload events" takes; REDCap makes each unique event name
    # itself from the event name and arm (enrolment -> enrolment_arm_1), so it is not given.
    write_rows(folder / REDCAP_EVENTS, ("event_name", "arm_num", "day_offset", "offset_min",
                                        "offset_max"),
               [_event_row(label) for label in labels])
    write_rows(folder / REDCAP_MAPPING, ("arm_num", "unique_event_name", "form"),
               [[str(ARM), event_name(label), f] for label in labels
                for f in forms_in_order if f in event_forms[label]])
    repeating = [[event_name(ENROLMENT), PROCEDURE_FORM, "PTA [procedure_date]"]]
    if schedule.UNSCHEDULED in labels:
        repeating.append([event_name(schedule.UNSCHEDULED), "", ""])
    write_rows(folder / REDCAP_REPEATING, ("event_name", "form_name", "custom_form_label"),
               repeating)
    write_dictionary(folder / DICTIONARY_FILE,
                     [Entry(REDCAP_DATA, c, variable(c.name),
                            "" if variable(c.name) == c.name else f" (proapp column {c.name})")
                      for c in ordered])


def _event_row(label: str) -> Sequence[str]:
    if label == ENROLMENT:
        return (ENROLMENT, str(ARM), "0", "0", "0")
    d = schedule.definition(label)
    days = round(d.months * 365.2425 / 12)
    return (label, str(ARM), str(days), str(d.days_before), str(d.days_after))
