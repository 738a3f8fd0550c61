"""The trend report PDF: page layout with reportlab platypus.

Page 1 is the summary a clinician hands over: the patient header, the trend charts and the
change from baseline. The visit table follows, flowing over as many pages as needed with its
header row repeated; its columns are sized from what they hold, and when they cannot all fit
the page width the table is split in two (questionnaires, then IJV flow), each with the
visit's date and label, so no cell ever runs into another. The last rows of the table stay
on the page of the legend and the first notes, so a notes page never stands alone. Every
page has a footer with the patient code, page X of Y, the generation time and the app
version, so a loose page can always be filed back.

Missing values are a dash with a numbered note, never 0; a blank cell means the form was not
collected at that visit. Every text comes from :mod:`proapp.reports.texts`; text a person
typed (names, the clinic name, reasons) is drawn by :mod:`proapp.reports.fonts` in whatever
script it is written in. Only embedded fonts are used (the canvas's initial font too).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from proapp.domain.fss import FSS
from proapp.domain.midas import GRADE_RANGE, MIDAS
from proapp.reports import charts, fonts, texts
from proapp.reports.fonts import TextBlock
from proapp.reports.model import Column, Number, ReportData, VisitRow
from proapp.reports.rows import label_text
from proapp.reports.texts import day, number, t

PAGE_SIZES = {"a4": A4, "letter": LETTER}
MARGIN_X = 16 * mm  # where text starts and ends, left and right
FRAME_PAD = 6.0  # platypus frames pad their content by this much on each side
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 17 * mm

FOOTER_GAP = 10.0  # at least this much between the footer's three parts
DASH = "—"
WARN = "⚠"
INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#6b6b6b")
RULE = colors.HexColor("#c8c8c8")
ZEBRA = colors.HexColor("#f4f6f8")
HEAD_BG = colors.HexColor("#e6ecf2")
DEMO = colors.HexColor("#D55E00")

CELL_PT = 7.3  # visit and change table text
CELL_PAD = 2.6  # left and right padding of a table cell
NOTES_COMFORT = 64.0  # narrowest notes column worth keeping one table for (about 3 marks)
KEEP_ROWS = 3  # table rows kept on the page of the legend and first notes
QUESTIONNAIRE_TOPICS = frozenset({"midas", "fss", "visit"})


def page_size(name: str) -> tuple[float, float]:
    try:
        return PAGE_SIZES[name.lower()]
    except KeyError:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}; got {name!r}"
                         ) from None


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=8.5, leading=11,
                          textColor=INK, alignment=TA_LEFT)
    return {
        "base": base,
        "title": ParagraphStyle("title", base, fontName=fonts.BOLD, fontSize=15, leading=19),
        "h2": ParagraphStyle("h2", base, fontName=fonts.BOLD, fontSize=10, leading=12.5,
                             spaceBefore=6, spaceAfter=3),
        "label": ParagraphStyle("label", base, textColor=MUTED, fontSize=7.8, leading=10.5),
        "value": ParagraphStyle("value", base, fontSize=8.8, leading=10.5),
        "note": ParagraphStyle("note", base, fontSize=7.3, leading=9.2, leftIndent=16,
                               firstLineIndent=-16, spaceAfter=1.2),
        "small": ParagraphStyle("small", base, fontSize=7.2, leading=9.2, textColor=MUTED),
        "demo": ParagraphStyle("demo", base, fontName=fonts.BOLD, fontSize=9.5, leading=12,
                               textColor=DEMO),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fmt(value: Number | None) -> str:
    """Numbers as the domain gave them (Decimals keep their fixed places), with the report
    language's decimal mark and a true minus sign."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return number(Decimal(f"{value:f}")).replace("-", "−")
    return number(value).replace("-", "−")


def _signed(value: Number | None) -> str:
    if value is None:
        return ""
    text = fmt(value)
    return text if text.startswith("−") or value == 0 else "+" + text


def _months(value: float | None) -> str:
    return "" if value is None else number(value, 1).replace("-", "−")


# ---------------------------------------------------------------- header
def _header(data: ReportData, st: dict[str, ParagraphStyle], width: float) -> list[Any]:
    p = data.patient
    out: list[Any] = []
    if data.clinic_name.strip():
        out.append(TextBlock(data.clinic_name.strip(), 8.8, leading=11, colour=MUTED))
        out.append(Spacer(0, 2))
    out.append(Paragraph(t("title.deidentified" if data.deidentified else "title"),
                         st["title"]))
    out.append(Spacer(0, 3))
    if p.is_demo:
        banner = Table([[Paragraph(t("demo.banner"), st["demo"])]], colWidths=[width])
        banner.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8),
                                    ("BOX", (0, 0), (-1, -1), 1.2, DEMO),
                                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        out += [banner, Spacer(0, 5)]

    def yes_no(b: bool) -> str:
        return t("yes" if b else "no")

    pta = ", ".join(day(d) for d in sorted(p.pta_dates)) or t("none.yet")
    if data.rows:
        first, last = data.rows[0].visit_date, data.rows[-1].visit_date
        span = day(first) if first == last else f"{day(first)} – {day(last)}"
        visits = t("visits.count", n=len(data.rows), span=span)
    else:
        visits = t("none.yet")
    pairs: list[tuple[str, str]] = [(t("fact.code"), p.code)]
    if p.name is not None:
        pairs.append((t("fact.name"), p.name))
    if p.birth_date is not None:
        birth = day(p.birth_date)
        if p.age is not None:
            birth = t("birth.with_age", date=birth, age=p.age)
        pairs.append((t("fact.birth"), birth))
    elif p.age is not None:
        pairs.append((t("fact.age"), str(p.age)))
    subtype = p.ms_subtype
    if f"subtype.{subtype}" in _KNOWN_SUBTYPES:
        subtype = t("subtype", code=subtype, name=t(f"subtype.{subtype}"))
    pairs += [
        (t("fact.sex"), t(f"sex.{p.sex}") if p.sex in ("F", "M", "X") else p.sex),
        (t("fact.subtype"), subtype),
        (t("fact.headache"), yes_no(p.headache_positive)),
        (t("fact.fatigue"), yes_no(p.fatigue_positive)),
        (t("fact.ptas" if len(p.pta_dates) > 1 else "fact.pta"), pta),
        (t("fact.visits"), visits),
    ]
    if len(pairs) % 2:
        pairs.append(("", ""))
    rows = []
    for i in range(0, len(pairs), 2):
        row: list[Any] = []
        for label, value in pairs[i:i + 2]:
            row += [Paragraph(_esc(label), st["label"]), TextBlock(value, 8.8, leading=10.5)]
        rows.append(row)
    label_w = 29 * mm
    t_ = Table(rows, colWidths=[label_w, width / 2 - label_w, label_w, width / 2 - label_w],
               hAlign="LEFT")
    t_.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8),  # the cell default is Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
    ]))
    out.append(t_)
    return out


_KNOWN_SUBTYPES = frozenset({"subtype.RR", "subtype.SP", "subtype.PP"})


# ---------------------------------------------------------------- tables
def _table_style(n_rows: int) -> TableStyle:
    cmds: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, CELL_PT),
        ("FONT", (0, 0), (-1, 0), fonts.BOLD, CELL_PT),
        ("LEADING", (0, 0), (-1, -1), CELL_PT + 1.6),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, MUTED),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, MUTED),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.9),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.1),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    cmds += [("BACKGROUND", (0, i), (-1, i), ZEBRA) for i in range(2, n_rows, 2)]
    return TableStyle(cmds)


def _cell_width(text: str, bold: bool = False, size: float = CELL_PT) -> float:
    font = fonts.BOLD if bold else fonts.REGULAR
    return max((fonts.string_width(part, font, size) for part in text.split("\n")),
               default=0.0)


def _change_table(data: ReportData, st: dict[str, ParagraphStyle], width: float) -> list[Any]:
    if not data.changes:
        return []
    head = [t("change.measure"), t("change.baseline"), "", t("change.latest"), "",
            t("change.change"), t("change.percent")]
    rows: list[list[str]] = [head]
    for c in data.changes:
        pct = "" if c.percent is None else t("change.percent_value", value=_signed(c.percent))
        rows.append([
            t("change.unit", title=c.column.title, unit=c.column.unit) if c.column.unit
            else c.column.title,
            DASH if c.baseline is None else fmt(c.baseline),
            t("change.no_baseline") if c.baseline is None else c.baseline_visit,
            DASH if c.latest is None else fmt(c.latest),
            t("change.no_later") if c.latest is None else c.latest_visit,
            _signed(c.absolute), pct])
    small = CELL_PT - 1.0
    need = []
    for j in range(len(head)):
        size = small if j in (2, 4) else CELL_PT
        w = max(_cell_width(r[j], size=size) for r in rows[1:])
        if j not in (1, 2, 3, 4):  # the spanned headers sit over two columns
            w = max(w, _cell_width(head[j], bold=True))
        need.append(w + 2 * CELL_PAD)
    for a, b in ((1, 2), (3, 4)):  # a spanned header needs room over both of its columns
        short = _cell_width(head[a], bold=True) + 2 * CELL_PAD - need[a] - need[b]
        if short > 0:
            need[b] += short
    over = sum(need) - width
    if over > 0:  # the measure names wrap onto a second line rather than leave the page
        avail = need[0] - over - 2 * CELL_PAD
        for r in rows[1:]:
            r[0] = "\n".join(fonts.wrap(r[0], CELL_PT, avail))
        need[0] -= over
    widths = _fill(need, width)
    # Plain strings (not Paragraphs): a table of strings lays out several times faster.
    tbl = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = _table_style(len(rows))
    style.add("SPAN", (1, 0), (2, 0))
    style.add("SPAN", (3, 0), (4, 0))
    for col in (2, 4):
        style.add("FONT", (col, 1), (col, -1), fonts.REGULAR, small)
        style.add("TEXTCOLOR", (col, 1), (col, -1), MUTED)
    style.add("ALIGN", (1, 1), (1, -1), "RIGHT")
    style.add("ALIGN", (3, 1), (3, -1), "RIGHT")
    style.add("ALIGN", (5, 0), (6, -1), "RIGHT")
    tbl.setStyle(style)
    basis = t("change.basis.pta" if data.first_pta else "change.basis.no_pta")
    note = Paragraph(_esc(t("change.note", basis=basis)), st["small"])
    return [KeepTogether([Paragraph(t("h.change"), st["h2"]), tbl, Spacer(0, 2), note])]


def _fill(need: list[float], width: float) -> list[float]:
    """Columns at their needed widths with what is left shared out evenly, so the table
    spans the text width. (Callers make sure the needed widths fit.)"""
    extra = max(0.0, width - sum(need)) / len(need)
    return [w + extra for w in need]


class _Notes:
    """Numbers footnotes in order of first use; the same text keeps its number."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, bool]] = []
        self._index: dict[tuple[str, bool], int] = {}

    def number(self, text: str, warning: bool) -> int:
        key = (text, warning)
        if key not in self._index:
            self.texts.append(key)
            self._index[key] = len(self.texts)
        return self._index[key]


def _visit_columns(data: ReportData) -> list[Column]:
    def shown(c: Column) -> bool:
        return data.has(c.key) or any(c.key in r.missing for r in data.rows)

    return [c for c in data.columns if c.key.startswith(("midas", "fss")) or shown(c)]


def _marks(row: VisitRow, notes: _Notes, topics: frozenset[str] | None) -> list[str]:
    """The note marks of one row, in number order (warnings marked ⚠)."""
    marks = {(notes.number(n.text, False), False) for n in row.notes
             if topics is None or n.topic in topics}
    marks |= {(notes.number(w.text, True), True) for w in row.warnings
              if topics is None or w.topic in topics}
    return [f"{WARN}{number}" if warning else str(number)
            for number, warning in sorted(marks)]


def _wrap_marks(marks: list[str], avail: float) -> str:
    """Marks joined by spaces, broken into lines no wider than ``avail``."""
    lines: list[str] = []
    current = ""
    for m in marks:
        trial = m if not current else f"{current} {m}"
        if current and _cell_width(trial) > avail:
            lines.append(current)
            current = m
        else:
            current = trial
    if current:
        lines.append(current)
    return "\n".join(lines)


def _one_table(data: ReportData, cols: list[Column], rows: Sequence[VisitRow], notes: _Notes,
               topics: frozenset[str] | None, width: float, with_pta: bool
               ) -> tuple[Table, float] | None:
    """The visit table for ``cols``; None when its columns cannot fit ``width``."""
    header = [t("col.date"), t("col.visit")] + ([t("col.months")] if with_pta else [])
    for c in cols:
        header.append(c.header)
        if c.key == "midas.total":
            header.append(t("col.grade"))
    header += [t("col.status"), t("col.notes")]
    body: list[list[str]] = []
    marks: list[list[str]] = []
    for r in rows:
        cells = [day(r.visit_date), label_text(r.label)]
        if with_pta:
            cells.append(_months(r.months_since_pta))
        for c in cols:
            value = r.values.get(c.key)
            cells.append(DASH if value is None and c.key in r.missing else fmt(value))
            if c.key == "midas.total":
                cells.append(r.grade or (DASH if "midas.total" in r.missing else ""))
        cells.append(r.status)
        body.append(cells)
        marks.append(_marks(r, notes, topics))
    need = []
    for j, h in enumerate(header[:-1]):
        w = max([_cell_width(h, bold=True), *(_cell_width(b[j]) for b in body)])
        need.append(w + 2 * CELL_PAD)
    widest_mark = max((_cell_width(m) for ms in marks for m in ms), default=0.0)
    notes_min = max(_cell_width(header[-1], bold=True), widest_mark) + 2 * CELL_PAD
    if sum(need) + max(notes_min, NOTES_COMFORT) > width:
        return None  # split the table rather than squeeze the notes into a sliver
    # What is left goes to the notes, after a little air for every other column.
    air = min(5.0, (width - sum(need) - max(notes_min, NOTES_COMFORT)) / max(1, len(need)))
    need = [w + air for w in need]
    notes_w = width - sum(need)
    for b, ms in zip(body, marks, strict=True):
        b.append(_wrap_marks(ms, notes_w - 2 * CELL_PAD))
    tbl = Table([header, *body], colWidths=[*need, notes_w], repeatRows=1, hAlign="LEFT")
    style = _table_style(len(body) + 1)
    style.add("ALIGN", (2, 0), (-3, -1), "RIGHT")
    if t("col.grade") in header:
        g = header.index(t("col.grade"))
        style.add("ALIGN", (g, 0), (g, -1), "CENTER")
    tbl.setStyle(style)
    return tbl, sum(need) + notes_w


def _visit_tables(data: ReportData, width: float, notes: _Notes) -> list[tuple[str, Table]]:
    """(heading, table): one table when every column fits the width, else the
    questionnaires and then the IJV flow, each with the visit's date and label."""
    if not data.rows:
        return []
    with_pta = data.first_pta is not None
    cols = _visit_columns(data)
    flow_cols = [c for c in cols if c.key.startswith("flow")]
    scratch = _Notes()
    single = _one_table(data, cols, data.rows, scratch, None, width, with_pta)
    if single is not None or not flow_cols:
        if single is None:
            raise ValueError("the visit table cannot fit the page")
        notes.texts, notes._index = scratch.texts, scratch._index
        return [(t("h.visits"), single[0])]
    q_cols = [c for c in cols if not c.key.startswith("flow")]
    q = _one_table(data, q_cols, data.rows, notes, QUESTIONNAIRE_TOPICS, width, with_pta)
    f = _one_table(data, flow_cols, data.rows, notes, frozenset({"flow"}), width, with_pta)
    if q is None or f is None:  # cannot happen with the report's columns; say so if it did
        raise ValueError("the visit table cannot fit the page even when split")
    return [(t("h.visits.questionnaires"), q[0]),
            (t("h.visits.flow", unit=data.flow_unit), f[0])]


def _legend(data: ReportData, st: dict[str, ParagraphStyle]) -> Paragraph:
    text = t("legend", dash=DASH, warn=WARN, grades=GRADE_RANGE,
             pain=MIDAS.item("b").range_text, fss=FSS.item("1").range_text)
    if any(c.key.startswith("flow") for c in _visit_columns(data)):
        text += t("legend.flow", unit=data.flow_unit)
    return Paragraph(_esc(text), st["small"])


def _note_paragraphs(notes: _Notes, st: dict[str, ParagraphStyle]) -> list[Any]:
    style = st["note"]
    marks = [f"{WARN}{i}" if warning else str(i)
             for i, (_text, warning) in enumerate(notes.texts, start=1)]
    indent = max([style.leftIndent, *(fonts.width(m, style.fontSize) + 5 for m in marks)])
    return [_NoteLine(mark, text, style, indent)
            for mark, (text, _w) in zip(marks, notes.texts, strict=True)]


class _NoteLine(Flowable):
    """A numbered note; its text may be typed by a person (a reason), in any script."""

    def __init__(self, mark: str, text: str, style: ParagraphStyle, indent: float):
        super().__init__()
        self.mark = mark
        self.block = TextBlock(text, style.fontSize, leading=style.leading)
        self.indent = indent
        self.size = style.fontSize
        self.space = style.spaceAfter

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _w, h = self.block.wrap(availWidth - self.indent, availHeight)
        self.width, self.height = availWidth, h + self.space
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(INK)
        fonts.draw(c, 0, self.height - self.space - self.size * 0.95, self.mark, self.size)
        self.block.drawOn(c, self.indent, self.space)


class KeepTail(Flowable):
    """A table whose last rows stay on the page of what follows it (the legend, the notes
    heading, the first notes), so the notes never start on a page of their own."""

    def __init__(self, head: list[Any], table: Table, tail: list[Any],
                 keep_rows: int = KEEP_ROWS):
        super().__init__()
        self.head = head  # the table's heading: never left alone at the foot of a page
        self.table = table
        self.tail = tail
        self.keep_rows = keep_rows

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._head_h = [f.wrap(availWidth, availHeight)[1] + f.getSpaceBefore()
                        + f.getSpaceAfter() for f in self.head]
        _tw, self._th = self.table.wrap(availWidth, availHeight)
        self._tail_h = [f.wrap(availWidth, availHeight)[1] + f.getSpaceBefore()
                        + f.getSpaceAfter() for f in self.tail]
        self.width = availWidth
        self.height = sum(self._head_h) + self._th + sum(self._tail_h)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        self.wrap(availWidth, availHeight)
        heights: list[float] = self.table._rowHeights  # type: ignore[attr-defined]
        n_body = len(heights) - 1
        room = availHeight - sum(self._head_h) - heights[0]
        fits = 0
        for h in heights[1:]:
            if room < h:
                break
            room -= h
            fits += 1
        if fits >= n_body:  # the whole table fits, what follows it does not
            fits = max(0, n_body - self.keep_rows)
        if fits < 2:
            return []  # not even two rows here: start on the next page
        cut = sum(heights[:fits + 1]) + 0.01
        parts = self.table.split(availWidth, cut)
        if len(parts) != 2 or not isinstance(parts[1], Table):
            return []
        return [*self.head, parts[0], KeepTail([], parts[1], self.tail, self.keep_rows)]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        top = y + self.height
        for f, h in zip(self.head, self._head_h, strict=True):
            top -= h
            f.drawOn(canvas, x, top + f.getSpaceAfter())
        top -= self._th
        self.table.drawOn(canvas, x, top)
        for f, h in zip(self.tail, self._tail_h, strict=True):
            top -= h
            f.drawOn(canvas, x, top + f.getSpaceAfter())


# ---------------------------------------------------------------- pages
class NumberedCanvas(Canvas):
    """Defers each page until the end so the footer can say 'page X of Y'. A document's own
    canvas draws what its footer says (:meth:`footer`); the rule above it is drawn here."""

    # reportlab's Canvas has these; its type stubs leave the private ones out.
    _pagesize: tuple[float, float]
    _pageNumber: int
    _startPage: Callable[[], None]

    def __init__(self, *args: Any, **kwargs: Any):
        # reportlab's default initial font is Helvetica, which is never embedded
        kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.REGULAR
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        w, _h = self._pagesize
        y = MARGIN_BOTTOM - 9 * mm
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_X, y + 9, w - MARGIN_X, y + 9)
        self.footer(w, y, total)
        self.restoreState()

    def footer(self, width: float, y: float, total: int) -> None:
        """Draw the footer's text on the baseline ``y`` of a page ``width`` wide."""
        raise NotImplementedError


def _canvas_maker(data: ReportData) -> Callable[..., Canvas]:
    when = f"{day(data.generated_at.date())} {data.generated_at:%H:%M %Z}".strip()
    footer_left = t("footer.left", version=data.app_version, when=when)
    footer_mid = data.patient.code + (f"  ·  {t('demo.footer')}" if data.patient.is_demo
                                      else "")

    class PatientCanvas(NumberedCanvas):
        def footer(self, w: float, y: float, total: int) -> None:
            self.setFillColor(MUTED)
            fonts.draw(self, MARGIN_X, y, footer_left, 7)
            if data.patient.is_demo:
                self.setFillColor(DEMO)
            page = t("footer.page", page=self._pageNumber, total=total)
            # Centred, unless a long left part (a longer language, a long time zone name)
            # would reach it: then just after it, or on a line of its own below.
            mid_w = fonts.width(footer_mid, 7, bold=data.patient.is_demo)
            lo = MARGIN_X + fonts.width(footer_left, 7) + FOOTER_GAP
            hi = w - MARGIN_X - fonts.width(page, 7) - FOOTER_GAP
            x_mid, y_mid = w / 2 - mid_w / 2, y
            if x_mid < lo:
                x_mid = lo
            if x_mid + mid_w > hi:
                x_mid, y_mid = (w - mid_w) / 2, y - 8.5
            fonts.draw(self, x_mid, y_mid, footer_mid, 7, bold=data.patient.is_demo)
            self.setFillColor(MUTED)
            fonts.draw(self, w - MARGIN_X, y, page, 7, align="right")

    return PatientCanvas


def _later_page_header(data: ReportData, width: float) -> Callable[[Canvas, Any], None]:
    text = t("running", code=data.patient.code)
    if data.clinic_name.strip():
        text += f" · {data.clinic_name.strip()}"
    lines = fonts.wrap(text, 7, width, max_lines=2)  # a long clinic name wraps, never clips

    def draw(canvas: Canvas, doc: Any) -> None:
        _w, h = doc.pagesize
        canvas.saveState()
        canvas.setFillColor(MUTED)
        y = h - MARGIN_TOP + 4 * mm + 8.5 * (len(lines) - 1)
        for line in lines:
            fonts.draw(canvas, MARGIN_X, y, line, 7)
            y -= 8.5
        canvas.restoreState()

    return draw


def build_pdf(data: ReportData, out: str | IO[bytes], page: str = "a4") -> None:
    """Write the report for ``data`` to a path or a binary file object, in its language."""
    with texts.using(data.language):
        _build_pdf(data, out, page)


def _build_pdf(data: ReportData, out: str | IO[bytes], page: str) -> None:
    fonts.register()
    size = page_size(page)
    st = _styles()
    width = size[0] - 2 * MARGIN_X
    p = data.patient
    doc = SimpleDocTemplate(
        out, pagesize=size, leftMargin=MARGIN_X - FRAME_PAD, rightMargin=MARGIN_X - FRAME_PAD,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=t("meta.title", code=p.code),
        author=data.clinic_name.strip() or "proapp", subject=t("meta.subject"),
        creator=f"proapp {data.app_version}", producer=f"proapp {data.app_version}")
    story: list[Any] = _header(data, st, width)
    story.append(Paragraph(t("h.trends"), st["h2"]))
    chart = charts.trend_chart(data, width)
    if not data.rows:
        story.append(Paragraph(_esc(t("trends.no_visits")), st["base"]))
    elif chart is None:
        story.append(Paragraph(_esc(t("trends.no_values")), st["base"]))
    else:
        if data.first_pta is None:
            story.append(Paragraph(_esc(t("trends.no_pta")), st["small"]))
            story.append(Spacer(0, 2))
        missing = [t(name) for key, name in (("midas.total", "trends.midas_total"),
                                             ("fss.mean", "trends.fss_mean"))
                   if not data.has(key)]
        if missing:
            story.append(Paragraph(_esc(t("trends.none_of", what=t("trends.or").join(
                missing))), st["small"]))
        story.append(chart)
    story += _change_table(data, st, width)
    notes = _Notes()
    tables = _visit_tables(data, width, notes)
    note_lines = _note_paragraphs(notes, st)
    for i, (heading, tbl) in enumerate(tables):
        head = [Paragraph(_esc(heading), st["h2"])]
        story.append(CondPageBreak(40 * mm))
        if i < len(tables) - 1:
            story.append(KeepTail(head, tbl, [], keep_rows=0))
            continue
        tail: list[Any] = [Spacer(0, 3), _legend(data, st)]
        if note_lines:
            tail += [Paragraph(t("h.notes"), st["h2"]), *note_lines[:2]]
        story.append(KeepTail(head, tbl, tail))
        story += note_lines[2:]
    for text in data.extra_notes:
        story.append(TextBlock(text, 7.2, colour=MUTED))
    doc.build(story, onLaterPages=_later_page_header(data, width),
              canvasmaker=_canvas_maker(data))


def pdf_bytes(data: ReportData, page: str = "a4") -> bytes:
    buf = io.BytesIO()
    build_pdf(data, buf, page)
    return buf.getvalue()
