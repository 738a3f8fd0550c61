"""The interchange CSV (``patients.csv`` + ``visits.csv``) and the wide CSV.

UTF-8, comma, header row, ISO dates, ``.`` decimal point, blank for missing; numbers are
written from exact Decimals with the column's fixed places ("4.00", "612.5"). The column order
is the published contract in :mod:`.columns`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any

from proapp.services.exchange import cells
from proapp.services.exchange.columns import Column, Kind
from proapp.services.exchange.dataset import Dataset, Row
from proapp.services.exchange.dictionary import HEADER, Entry, entries
from proapp.services.progress import Progress

PATIENTS_FILE, VISITS_FILE, WIDE_FILE = "patients.csv", "visits.csv", "wide.csv"
PROCEDURES_FILE = "procedures.csv"
DICTIONARY_FILE = "data_dictionary.csv"
ENCODING = "utf-8"


def write_rows(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    with open(path, "w", encoding=ENCODING, newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


def text_rows(columns: Sequence[Column], rows: Iterable[Row],
              progress: Progress | None = None) -> Iterable[list[Any]]:
    """Rows ready for ``csv.writer``: integers, dates, decimals and blanks are passed through
    (the writer prints them as ``str()`` does: "12", "2014-03-10", "612.5", ""), text and
    yes/no go through their column's formatter (formula-safe text, 0/1).

    Decimals can pass through because :mod:`.dataset` holds every decimal with exactly its
    column's places (stored scaled integers, domain-quantized scores), so ``str()`` is the
    exact fixed-point text; ``tests/services/exchange/test_export.py`` checks that invariant."""
    getter = itemgetter(*(c.name for c in columns))
    special = [(i, cells.formatter(c)) for i, c in enumerate(columns)
               if c.kind not in (Kind.INTEGER, Kind.DATE, Kind.DECIMAL)]
    for n, row in enumerate(rows):
        if progress is not None and n % 2000 == 0:
            progress.check()
        values = list(getter(row)) if len(columns) > 1 else [row[columns[0].name]]
        for i, fmt in special:
            v = values[i]
            if v is not None:
                values[i] = fmt(v)
        yield values


def write_dictionary(path: Path, items: Iterable[Entry]) -> None:
    write_rows(path, HEADER, ([cells.neutralise(t) for t in e.cells()] for e in items))


def write_interchange(data: Dataset, folder: Path, progress: Progress | None = None) -> None:
    write_rows(folder / PATIENTS_FILE, [c.name for c in data.patient_columns],
               text_rows(data.patient_columns, data.patients, progress))
    write_rows(folder / PROCEDURES_FILE, [c.name for c in data.procedure_columns],
               text_rows(data.procedure_columns, data.procedures, progress))
    write_rows(folder / VISITS_FILE, [c.name for c in data.visit_columns],
               text_rows(data.visit_columns, data.visits(), progress))
    write_dictionary(folder / DICTIONARY_FILE,
                     entries(PATIENTS_FILE, data.patient_columns)
                     + entries(PROCEDURES_FILE, data.procedure_columns)
                     + entries(VISITS_FILE, data.visit_columns))


# --- wide layout -------------------------------------------------------------------------

# Not repeated per label: the row's identity, and the import's bookkeeping.
WIDE_EXCLUDED = {"patient_code", "visit_label", "confirmed_warnings"}
ALWAYS = "visit"  # per-visit columns present whenever the label is (date, age, analysis)


def wide_visit_columns(data: Dataset, label: str, present: set[tuple[str, str]]
                       ) -> list[Column]:
    """The per-visit columns repeated for ``label``: the visit's own columns, then every item,
    score, flow detail, skip reason and missing-item column of a form that holds data at
    that label in this export (so no column is blank for every patient by construction)."""
    out = []
    for c in data.visit_columns:
        if c.name in WIDE_EXCLUDED:
            continue
        key = wide_key(c)
        if key == ALWAYS or (label, key) in present:
            out.append(c)
    return out


def wide_key(c: Column) -> str:
    """What must be present at a label for column ``c`` to appear in the wide file."""
    src = c.source
    if src.startswith(("item.", "score.")):
        return src.split(".")[1]  # the instrument
    if src.startswith("flow."):
        _f, posture, side, attr = src.split(".")
        return f"flow.{posture}.{side}.{attr}"
    if src.startswith("flowtotal."):
        return f"flowtotal.{src.split('.')[1]}"
    if src.startswith("skip."):
        return src
    if src in ("missing", "visit.text_language"):  # only where some visit has them
        return src
    return ALWAYS


def wide_layout(data: Dataset) -> list[tuple[Column, str]]:
    """(column, suffix) pairs in order: the patient columns, every PTA (``_1``, ``_2`` ...),
    then each scheduled label present (schedule order) with its per-visit columns.
    Unscheduled visits are left out (they are not repeated measures)."""
    layout: list[tuple[Column, str]] = [(c, "") for c in data.patient_columns]
    per_pta = [c for c in data.procedure_columns if c.name not in ("patient_code",
                                                                   "procedure_number")]
    for n in range(1, data.max_procedures + 1):
        layout += [(c, str(n)) for c in per_pta]
    present = data.present()
    for label in data.labels():
        layout += [(c, label) for c in wide_visit_columns(data, label, present)]
    return layout


def wide_rows(data: Dataset, layout: list[tuple[Column, str]]) -> Iterator[dict[str, Any]]:
    """One row per patient keyed by the wide names, streamed patient by patient."""
    labels = set(data.labels())
    procedures: dict[str, list[Row]] = {}
    for proc in data.procedures:
        procedures.setdefault(proc["patient_code"], []).append(proc)
    per_pta = [c.name for c, suffix in layout if suffix == "1"]
    for patient, visits in data.by_patient():
        row = dict(patient)
        for proc in procedures.get(patient["patient_code"], ()):
            n = proc["procedure_number"]
            for name in per_pta:
                row[f"{name}_{n}"] = proc[name]
        for v in visits:
            label = v["visit_label"]
            if label in labels:
                for name, value in v.items():
                    row[f"{name}_{label}"] = value
        yield row


def wide_name(col: Column, suffix: str) -> str:
    return f"{col.name}_{suffix}" if suffix else col.name


def wide_entries(layout: list[tuple[Column, str]], file: str = WIDE_FILE) -> list[Entry]:
    def note(suffix: str) -> str:
        if not suffix:
            return ""
        return f" PTA number {suffix}." if suffix.isdigit() else f" At visit {suffix}."
    return [Entry(file, c, wide_name(c, suffix), note(suffix)) for c, suffix in layout]


def write_wide(data: Dataset, folder: Path, progress: Progress | None = None) -> None:
    layout = wide_layout(data)
    names = [wide_name(c, suffix) for c, suffix in layout]
    plan = [(name, cells.formatter(c)) for (c, _s), name in zip(layout, names, strict=True)]

    def text() -> Iterable[list[str]]:
        for n, row in enumerate(wide_rows(data, layout)):
            if progress is not None and n % 2000 == 0:
                progress.check()
            get = row.get
            yield [fmt(get(name)) for name, fmt in plan]

    write_rows(folder / WIDE_FILE, names, text())
    write_dictionary(folder / DICTIONARY_FILE, wide_entries(layout))
