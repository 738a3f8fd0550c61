"""The interchange CSV (``patients.csv`` + ``visits.csv``) and the wide CSV.

UTF-8, comma, header row, ISO dates, ``.`` decimal point, blank for missing; numbers are
written from exact Decimals with the column's fixed places ("4.00", "612.5"). The column order
is the published contract in :mod:`.columns`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any

from proapp.services.exchange import cells
from proapp.services.exchange.columns import Column, Kind
from proapp.services.exchange.dataset import Dataset, Row
from proapp.services.exchange.dictionary import HEADER, Entry, entries
from proapp.services.progress import Progress

PATIENTS_FILE, VISITS_FILE, WIDE_FILE = "patients.csv", "visits.csv", "wide.csv"
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
    exact fixed-point text; ``tests/test_exchange_export.py`` checks that invariant."""
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
    write_rows(folder / VISITS_FILE, [c.name for c in data.visit_columns],
               text_rows(data.visit_columns, data.visits, progress))
    write_dictionary(folder / DICTIONARY_FILE,
                     entries(PATIENTS_FILE, data.patient_columns)
                     + entries(VISITS_FILE, data.visit_columns))


# --- wide layout -------------------------------------------------------------------------

WIDE_EXCLUDED = {"patient_code", "visit_label", "missing_items"}


def wide_visit_columns(data: Dataset) -> list[Column]:
    """Per-visit columns repeated for each label: date, age, items, scores and flows (not the
    free-text or velocity/area detail, which stays in visits.csv)."""
    return [c for c in data.visit_columns
            if c.name not in WIDE_EXCLUDED and not c.free_text
            and not c.name.endswith(("_velocity_cm_s", "_area_cm2", "_stenosis_pct"))]


def wide_layout(data: Dataset) -> tuple[list[tuple[Column, str]], list[dict[str, Any]]]:
    """(column, label) pairs in order, and one row per patient keyed ``<column>_<label>``.

    Unscheduled visits are left out (they are not repeated measures)."""
    labels = data.labels()
    per_visit = wide_visit_columns(data)
    layout: list[tuple[Column, str]] = [(c, "") for c in data.patient_columns]
    layout += [(c, label) for label in labels for c in per_visit]
    by_patient: dict[str, dict[str, Any]] = {}
    for p in data.patients:
        by_patient[p["patient_code"]] = dict(p)
    for v in data.visits:
        label = v["visit_label"]
        if label not in labels:
            continue
        row = by_patient.get(v["patient_code"])
        if row is None:
            continue
        for c in per_visit:
            row[f"{c.name}_{label}"] = v.get(c.name)
    return layout, list(by_patient.values())


def wide_name(col: Column, label: str) -> str:
    return f"{col.name}_{label}" if label else col.name


def write_wide(data: Dataset, folder: Path, progress: Progress | None = None) -> None:
    layout, rows = wide_layout(data)
    names = [wide_name(c, label) for c, label in layout]
    plan = [(name, cells.formatter(c)) for (c, _l), name in zip(layout, names, strict=True)]

    def text() -> Iterable[list[str]]:
        for n, row in enumerate(rows):
            if progress is not None and n % 2000 == 0:
                progress.check()
            yield [fmt(row.get(name)) for name, fmt in plan]

    write_rows(folder / WIDE_FILE, names, text())
    write_dictionary(folder / DICTIONARY_FILE, [
        Entry(WIDE_FILE, c, wide_name(c, label), f" At visit {label}." if label else "")
        for c, label in layout])
