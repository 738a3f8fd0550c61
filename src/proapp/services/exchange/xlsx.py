"""The Excel workbook: patients, procedures, visits, wide and data-dictionary sheets with
typed cells (numbers as numbers with their fixed decimals shown, dates as dates), a frozen
header row and column widths that fit the headers.

Text is written as typed string cells, exactly as stored: a string cell is never evaluated,
so text that looks like a formula (``=SUM(A1)``, ``+Eve``) needs no apostrophe here (the CSV
files need one, because a spreadsheet guesses the type of every CSV cell). A text beginning
with ``=`` is forced to the string type, which openpyxl would otherwise take for a formula."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from proapp.services.exchange.columns import Column, Kind
from proapp.services.exchange.csv_export import (
    PATIENTS_FILE,
    PROCEDURES_FILE,
    VISITS_FILE,
    WIDE_FILE,
    wide_entries,
    wide_layout,
    wide_name,
    wide_rows,
)
from proapp.services.exchange.dataset import Dataset, Row
from proapp.services.exchange.dictionary import HEADER, entries
from proapp.services.progress import Progress

SHEETS = ("patients", "procedures", "visits", "wide", "data_dictionary")
DATE_FORMAT = "yyyy-mm-dd"
_BOLD = Font(bold=True)


def _number_format(col: Column) -> str | None:
    if col.kind is Kind.DATE:
        return DATE_FORMAT
    if col.kind is Kind.DECIMAL:
        return "0." + "0" * col.places if col.places else "0"
    return None  # integers and text: Excel's General format shows them as they are


def cell_value(col: Column | None, value: Any) -> Any:
    """The typed cell value: numbers and dates stay typed, booleans as 0/1, text as it is."""
    if value is None:
        return None
    if col is not None and col.kind is Kind.BOOLEAN:
        return 1 if value else 0
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
            elif isinstance(v, str) and v.startswith("="):
                cell = WriteOnlyCell(ws, value=v)
                cell.data_type = "s"  # text, never a formula
                out.append(cell)
            else:
                out.append(v)
        ws.append(out)


def _typed(columns: Sequence[Column], rows: Iterable[Row]) -> Iterable[list[Any]]:
    for row in rows:
        yield [cell_value(c, row.get(c.name)) for c in columns]


def write_workbook(data: Dataset, path: Path, progress: Progress | None = None) -> None:
    wb = Workbook(write_only=True)
    try:
        _write(wb, data, progress)
    except BaseException:
        # A failed or cancelled export: finish each sheet's writer (into openpyxl's temporary
        # files, never the destination), so that no half-written XML stream is left to be
        # torn down by the garbage collector.
        for ws in wb.worksheets:
            with contextlib.suppress(Exception):
                if not ws.closed:
                    ws.close()
        raise
    wb.save(path)


def _write(wb: Workbook, data: Dataset, progress: Progress | None) -> None:
    for title, columns, rows in (("patients", data.patient_columns, data.patients),
                                 ("procedures", data.procedure_columns, data.procedures),
                                 ("visits", data.visit_columns, data.visits())):
        _sheet(wb, title, [c.name for c in columns], columns, _typed(columns, rows), progress)
    layout = wide_layout(data)
    names = [wide_name(c, suffix) for c, suffix in layout]
    plan = [(c, n) for (c, _s), n in zip(layout, names, strict=True)]
    _sheet(wb, "wide", names, [c for c, _s in layout],
           ([cell_value(c, row.get(n)) for c, n in plan] for row in wide_rows(data, layout)),
           progress)
    items = (entries(PATIENTS_FILE.removesuffix(".csv"), data.patient_columns)
             + entries(PROCEDURES_FILE.removesuffix(".csv"), data.procedure_columns)
             + entries(VISITS_FILE.removesuffix(".csv"), data.visit_columns)
             + wide_entries(layout, WIDE_FILE.removesuffix(".csv")))
    _sheet(wb, "data_dictionary", list(HEADER), [None] * len(HEADER),
           (list(e.cells()) for e in items), progress)
