"""The Excel workbook: patients, procedures, visits, wide and data-dictionary sheets with
typed cells (numbers as numbers with their fixed decimals shown, dates as dates), a bold,
frozen header row and column widths that fit the headers.

Written by proapp itself, as a stream: an ``.xlsx`` file is a zip of SpreadsheetML parts
(ECMA-376), and each sheet's XML is produced row by row straight into its zip entry, so a
100,000-patient workbook never sits in memory and no per-cell objects are made (a general
spreadsheet library's write-only mode spent ~90 % of the export in per-cell Python objects).
The tests read every sheet back with openpyxl and compare cell values and types.

Text is written as typed inline-string cells, exactly as stored: a string cell is never
evaluated, so text that looks like a formula (``=SUM(A1)``, ``+Eve``) needs no apostrophe here
(the CSV files need one, because a spreadsheet guesses the type of every CSV cell); no cell is
ever a formula. Characters XML cannot hold are written with SpreadsheetML's ``_xHHHH_``
escape, and ``_x`` sequences already in the text are escaped the same way, so text reads back
exactly."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

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
EPOCH = date(1899, 12, 30)  # Excel's day 0 (1900 date system, after its 1900 leap-year bug)
MAX_COLUMNS = 16_384
ZIP64_FROM = 1 << 30  # sheets estimated larger than this get zip64 headers
_ROWS_PER_WRITE = 500

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
# XML 1.0 allows tab, newline, carriage return and everything from U+0020 except surrogates
# and U+FFFE/U+FFFF; SpreadsheetML writes any other character as _xHHHH_ (and a literal
# "_x" followed by four hex digits as _x005F_xHHHH_, so that it is not read as an escape).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_NEEDS_WORK = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_x|^\\s|\\s$")


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


def column_letters(n: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA ..."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def text_xml(text: str) -> str:
    """A string cell's ``<is>`` content: escaped for XML, blanks at either end kept."""
    if _NEEDS_WORK.search(text) is None:
        return f"<is><t>{text}</t></is>"
    text = _NOT_XML.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f"<is><t{space}>{text}</t></is>"


class _Styles:
    """The workbook's cell formats: 0 general, 1 the bold header, then one per number
    format used (dates, each count of decimal places)."""

    def __init__(self) -> None:
        self.formats: dict[str, int] = {}  # format code -> style index

    def style(self, fmt: str | None) -> int:
        if fmt is None:
            return 0
        if fmt not in self.formats:
            self.formats[fmt] = len(self.formats) + 2
        return self.formats[fmt]

    def xml(self) -> str:
        num_fmts = "".join(f'<numFmt numFmtId="{164 + n}" formatCode="{code}"/>'
                           for n, code in enumerate(self.formats))
        xfs = "".join(f'<xf numFmtId="{164 + n}" fontId="0" fillId="0" borderId="0" '
                      'xfId="0" applyNumberFormat="1"/>' for n in range(len(self.formats)))
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet '
                f'xmlns="{_NS}"><numFmts count="{len(self.formats)}">{num_fmts}</numFmts>'
                '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
                '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
                '<fills count="2"><fill><patternFill patternType="none"/></fill>'
                '<fill><patternFill patternType="gray125"/></fill></fills>'
                '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
                '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
                f'borderId="0"/></cellStyleXfs><cellXfs count="{len(self.formats) + 2}">'
                '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
                '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" '
                f'applyFont="1"/>{xfs}</cellXfs><cellStyles count="1"><cellStyle '
                'name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


Cell = Callable[[str, Any], str]  # (cell reference, value) -> <c> element


def _cell_writer(col: Column | None, styles: _Styles) -> Cell:
    """How one column's values become ``<c>`` elements (types decided once per column)."""
    fmt = None if col is None else _number_format(col)
    s = f' s="{styles.style(fmt)}"' if fmt else ""
    kind = None if col is None else col.kind
    if kind is Kind.DATE:
        def day(ref: str, v: Any) -> str:
            if isinstance(v, datetime):
                serial: object = (v - datetime(1899, 12, 30)).total_seconds() / 86400
            else:
                serial = (v - EPOCH).days
            return f'<c r="{ref}"{s}><v>{serial}</v></c>'
        return day
    if kind in (Kind.INTEGER, Kind.DECIMAL, Kind.BOOLEAN):
        def number(ref: str, v: Any) -> str:
            if isinstance(v, bool):
                v = int(v)
            elif not isinstance(v, int | Decimal):
                return _any(ref, v)
            return f'<c r="{ref}"{s}><v>{v}</v></c>'
        return number
    return _any


def _any(ref: str, v: Any) -> str:
    """A cell typed by its value (text columns, and the data dictionary)."""
    if isinstance(v, str):
        return f'<c r="{ref}" t="inlineStr">{text_xml(v)}</c>'
    if isinstance(v, bool):
        return f'<c r="{ref}"><v>{int(v)}</v></c>'
    if isinstance(v, int | Decimal | float):
        return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr">{text_xml(str(v))}</c>'


class _Sheet:
    """One worksheet part, written row by row into its zip entry."""

    def __init__(self, fh: IO[bytes], headers: Sequence[str],
                 columns: Sequence[Column | None], styles: _Styles):
        if len(headers) > MAX_COLUMNS:
            raise ValueError(f"a sheet holds at most {MAX_COLUMNS:,} columns")
        self.fh = fh
        self.letters = [column_letters(i) for i in range(1, len(headers) + 1)]
        self.cells = [_cell_writer(c, styles) for c in columns]
        widths = "".join(f'<col min="{i}" max="{i}" width="{_width(h, c)}" customWidth="1"/>'
                         for i, (h, c) in enumerate(zip(headers, columns, strict=True),
                                                    start=1))
        head = "".join(f'<c r="{letter}1" s="1" t="inlineStr">{text_xml(h)}</c>'
                       for letter, h in zip(self.letters, headers, strict=True))
        self._write(
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
            f'xmlns="{_NS}" xmlns:r="{_REL}"><sheetViews><sheetView workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'
            '</sheetViews><sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{widths}</cols>" if widths else "")
            + f'<sheetData><row r="1">{head}</row>')
        self.row = 1

    def _write(self, text: str) -> None:
        self.fh.write(text.encode("utf-8"))

    def rows(self, rows: Iterable[Sequence[Any]], progress: Progress | None) -> None:
        letters, cells = self.letters, self.cells
        plan = list(zip(letters, cells, strict=True))
        parts: list[str] = []
        n = self.row
        for values in rows:
            n += 1
            r = str(n)
            parts.append(f'<row r="{r}">')
            for (letter, cell), v in zip(plan, values, strict=True):
                if v is not None and v != "":  # blank cells are left out
                    parts.append(cell(letter + r, v))
            parts.append("</row>")
            if n % _ROWS_PER_WRITE == 0:
                self._write("".join(parts))
                parts.clear()
                if progress is not None:
                    progress.check()
        self._write("".join(parts))
        self.row = n

    def close(self) -> None:
        self._write("</sheetData></worksheet>")


def _typed(columns: Sequence[Column], rows: Iterable[Row]) -> Iterable[list[Any]]:
    names = [c.name for c in columns]
    booleans = [i for i, c in enumerate(columns) if c.kind is Kind.BOOLEAN]
    for row in rows:
        values = [row.get(n) for n in names]
        for i in booleans:
            if values[i] is not None:
                values[i] = 1 if values[i] else 0
        yield values


def write_workbook(data: Dataset, path: Path, progress: Progress | None = None) -> None:
    """Write the workbook to ``path`` (a temporary name: the caller renames it into place)."""
    styles = _Styles()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        sheets: list[str] = []

        def sheet(title: str, headers: Sequence[str], columns: Sequence[Column | None],
                  rows: Iterable[Sequence[Any]], rows_per_patient: int = 1) -> None:
            sheets.append(title)
            name = f"xl/worksheets/sheet{len(sheets)}.xml"
            # a generous size estimate: zip64 headers only where a sheet may need them
            estimate = (len(data.patients) + 1) * rows_per_patient * len(headers) * 40
            with z.open(name, "w", force_zip64=estimate > ZIP64_FROM) as fh:
                ws = _Sheet(fh, headers, columns, styles)
                ws.rows(rows, progress)
                ws.close()

        for title, columns, rows in (("patients", data.patient_columns, data.patients),
                                     ("procedures", data.procedure_columns, data.procedures),
                                     ("visits", data.visit_columns, data.visits())):
            sheet(title, [c.name for c in columns], columns, _typed(columns, rows),
                  rows_per_patient=40 if title == "visits" else 4)
        layout = wide_layout(data)
        names = [wide_name(c, suffix) for c, suffix in layout]
        plan = [(c, n) for (c, _s), n in zip(layout, names, strict=True)]
        sheet("wide", names, [c for c, _s in layout],
              ([cell_value(c, row.get(n)) for c, n in plan] for row in wide_rows(data, layout)))
        items = (entries(PATIENTS_FILE.removesuffix(".csv"), data.patient_columns)
                 + entries(PROCEDURES_FILE.removesuffix(".csv"), data.procedure_columns)
                 + entries(VISITS_FILE.removesuffix(".csv"), data.visit_columns)
                 + wide_entries(layout, WIDE_FILE.removesuffix(".csv")))
        sheet("data_dictionary", list(HEADER), [None] * len(HEADER),
              (list(e.cells()) for e in items))
        z.writestr("xl/styles.xml", styles.xml())
        z.writestr("xl/workbook.xml", _workbook(sheets))
        z.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("[Content_Types].xml", _content_types(len(sheets)))


def _workbook(sheets: list[str]) -> str:
    items = "".join(f'<sheet name="{title}" sheetId="{n}" r:id="rId{n}"/>'
                    for n, title in enumerate(sheets, start=1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_NS}" '
            f'xmlns:r="{_REL}"><bookViews><workbookView activeTab="0"/></bookViews>'
            f"<sheets>{items}</sheets></workbook>")


def _workbook_rels(count: int) -> str:
    sheet_type = f"{_REL}/worksheet"
    rels = "".join(f'<Relationship Id="rId{n}" Type="{sheet_type}" '
                   f'Target="worksheets/sheet{n}.xml"/>' for n in range(1, count + 1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            f'xmlns="{_PKG_REL}">{rels}<Relationship Id="rId{count + 1}" '
            f'Type="{_REL}/styles" Target="styles.xml"/></Relationships>')


_ROOT_RELS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
              f'xmlns="{_PKG_REL}"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
              'Target="xl/workbook.xml"/></Relationships>')


def _content_types(count: int) -> str:
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
                     f'ContentType="{ct}.worksheet+xml"/>' for n in range(1, count + 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/><Override '
            f'PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>{sheets}'
            f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/></Types>')
