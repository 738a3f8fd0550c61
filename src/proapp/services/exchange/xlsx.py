"""The Excel workbook: patients, visits, wide and data-dictionary sheets with typed cells
(numbers as numbers with their fixed decimals shown, dates as dates), a frozen header row and
column widths that fit the headers. Text that looks like a formula is neutralised as in CSV."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from proapp.services.exchange import cells
from proapp.services.exchange.columns import Column, Kind
from proapp.services.exchange.csv_export import (
    PATIENTS_FILE,
    VISITS_FILE,
    WIDE_FILE,
    wide_layout,
    wide_name,
)
from proapp.services.exchange.dataset import Dataset, Row
from proapp.services.exchange.dictionary import HEADER, Entry, entries
from proapp.services.progress import Progress

SHEETS = ("patients", "visits", "wide", "data_dictionary")
DATE_FORMAT = "yyyy-mm-dd"
_BOLD = Font(bold=True)


def _number_format(col: Column) -> str | None:
    if col.kind is Kind.DATE:
        return DATE_FORMAT
    if col.kind is Kind.DECIMAL:
        return "0." + "0" * col.places if col.places else "0"
    return None  # integers and text: Excel's General format shows them as they are


def cell_value(col: Column, value: Any) -> Any:
    """The typed cell value: numbers and dates stay typed, booleans as 0/1, text guarded."""
    if value is None:
        return None
    if col.kind is Kind.BOOLEAN:
        return 1 if value else 0
    if col.kind in (Kind.TEXT, Kind.CODE):
        return cells.neutralise(str(value))
    return value


def _width(header: str, col: Column | None) -> float:
    base = len(header) + 2
    if col is not None and col.kind is Kind.DATE:
        base = max(base, 12)
    if col is not None and col.kind is Kind.TEXT:
        base = max(base, 18)
    return float(min(max(base, 8), 50))


def _sheet(wb: Workbook, title: str, headers: Sequence[str],
           columns: Sequence[Column | None], rows: Iterable[Sequence[Any]],
           progress: Progress | None) -> None:
    ws: WriteOnlyWorksheet = wb.create_sheet(title)
    ws.freeze_panes = "A2"
    for i, (h, c) in enumerate(zip(headers, columns, strict=True), start=1):
        # Worksheet._setup gives a write-only sheet its column_dimensions; the stubs miss it.
        ws.column_dimensions[get_column_letter(i)].width = _width(h, c)  # type: ignore[attr-defined]
    head = []
    for h in headers:
        cell = WriteOnlyCell(ws, value=h)
        cell.font = _BOLD
        head.append(cell)
    ws.append(head)
    formats = [None if c is None else _number_format(c) for c in columns]
    for n, values in enumerate(rows):
        if progress is not None and n % 1000 == 0:
            progress.check()
        out: list[Any] = []
        for v, fmt in zip(values, formats, strict=True):
            if v is not None and fmt is not None:
                cell = WriteOnlyCell(ws, value=v)
                cell.number_format = fmt
                out.append(cell)
            else:
                out.append(v)
        ws.append(out)


def _typed(columns: Sequence[Column], rows: Iterable[Row]) -> Iterable[list[Any]]:
    for row in rows:
        yield [cell_value(c, row.get(c.name)) for c in columns]


def write_workbook(data: Dataset, path: Path, progress: Progress | None = None) -> None:
    wb = Workbook(write_only=True)
    _sheet(wb, "patients", [c.name for c in data.patient_columns], data.patient_columns,
           _typed(data.patient_columns, data.patients), progress)
    _sheet(wb, "visits", [c.name for c in data.visit_columns], data.visit_columns,
           _typed(data.visit_columns, data.visits), progress)
    layout, wide_rows = wide_layout(data)
    names = [wide_name(c, label) for c, label in layout]
    _sheet(wb, "wide", names, [c for c, _l in layout],
           ([cell_value(c, row.get(n)) for (c, _l), n in zip(layout, names, strict=True)]
            for row in wide_rows), progress)
    items = (entries(PATIENTS_FILE.removesuffix(".csv"), data.patient_columns)
             + entries(VISITS_FILE.removesuffix(".csv"), data.visit_columns)
             + [Entry(WIDE_FILE.removesuffix(".csv"), c, wide_name(c, label),
                      f" At visit {label}." if label else "") for c, label in layout])
    _sheet(wb, "data_dictionary", list(HEADER), [None] * len(HEADER),
           ([cells.neutralise(t) for t in e.cells()] for e in items), progress)
    wb.save(path)
