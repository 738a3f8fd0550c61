"""The trend report PDF: page layout with reportlab platypus.

Page 1 carries the patient header, the trend charts and the change from baseline; the visit
table follows and flows over as many pages as needed with its header row repeated. Every page
has a footer with the patient code, page X of Y, the generation time and the app version, so
a loose page can always be filed back. Missing values are a dash with a numbered note, never
0; a blank cell means the form was not collected at that visit.
"""

from __future__ import annotations

import io
from collections.abc import Callable
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
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from proapp.reports import charts, fonts, vector
from proapp.reports.model import Number, ReportData

PAGE_SIZES = {"a4": A4, "letter": LETTER}
MARGIN_X = 16 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 17 * mm

DASH = "—"
WARN = "⚠"
INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#6b6b6b")
RULE = colors.HexColor("#c8c8c8")
ZEBRA = colors.HexColor("#f4f6f8")
HEAD_BG = colors.HexColor("#e6ecf2")
DEMO = colors.HexColor("#D55E00")

SEX_TEXT = {"F": "female", "M": "male", "X": "other / not stated"}
SUBTYPE_TEXT = {"RR": "relapsing-remitting", "SP": "secondary progressive",
                "PP": "primary progressive"}


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
        "clinic": ParagraphStyle("clinic", base, fontSize=9, textColor=MUTED),
        "title": ParagraphStyle("title", base, fontName=fonts.BOLD, fontSize=16, leading=20),
        "h2": ParagraphStyle("h2", base, fontName=fonts.BOLD, fontSize=10.5, leading=13,
                             spaceBefore=8, spaceAfter=4),
        "label": ParagraphStyle("label", base, textColor=MUTED, fontSize=8),
        "value": ParagraphStyle("value", base, fontSize=9, leading=11.5),
        "cell": ParagraphStyle("cell", base, fontSize=7.5, leading=9),
        "note": ParagraphStyle("note", base, fontSize=7.5, leading=9.5, leftIndent=14,
                               firstLineIndent=-14, spaceAfter=1.5),
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "demo": ParagraphStyle("demo", base, fontName=fonts.BOLD, fontSize=10, leading=13,
                               textColor=DEMO),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fmt(value: Number | None) -> str:
    """Numbers as the domain gave them (Decimals keep their fixed places)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}".replace("-", "−")
    return str(value).replace("-", "−")


def _signed(value: Number | None) -> str:
    if value is None:
        return ""
    text = fmt(value)
    return text if text.startswith("−") or value == 0 else "+" + text


def _months(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}".replace("-", "−")


# ---------------------------------------------------------------- header
def _header(data: ReportData, st: dict[str, ParagraphStyle], width: float) -> list[Any]:
    p = data.patient
    out: list[Any] = []
    if data.clinic_name.strip():
        out.append(Paragraph(_esc(data.clinic_name.strip()), st["clinic"]))
    title = "Patient trend report" + (" (de-identified)" if data.deidentified else "")
    out.append(Paragraph(title, st["title"]))
    out.append(Spacer(0, 4))
    if p.is_demo:
        banner = Table([[Paragraph("SYNTHETIC DEMO DATA — a made-up training patient, "
                                   "not a real person", st["demo"])]],
                       colWidths=[width])
        banner.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, DEMO),
                                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
        out += [banner, Spacer(0, 6)]

    def yes_no(b: bool) -> str:
        return "yes" if b else "no"

    birth = ""
    if p.birth_date is not None:
        birth = p.birth_date.isoformat() + (f" (age {p.age})" if p.age is not None else "")
    elif p.age is not None:
        birth = f"age {p.age}"
    pta = ", ".join(d.isoformat() for d in sorted(p.pta_dates)) or "none recorded yet"
    if data.rows:
        first, last = data.rows[0].visit_date, data.rows[-1].visit_date
        span = first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"
        visits = f"{len(data.rows)} ({span})"
    else:
        visits = "none recorded yet"
    pairs = [("Patient code", p.code)]
    if p.name is not None:
        pairs.append(("Name", p.name))
    if p.birth_date is not None:
        pairs.append(("Birth date", birth))
    elif p.age is not None:
        pairs.append(("Age", str(p.age)))
    pairs += [
        ("Sex", SEX_TEXT.get(p.sex, p.sex)),
        ("MS subtype", f"{p.ms_subtype} ({SUBTYPE_TEXT.get(p.ms_subtype, '')})"),
        ("Headache-positive", yes_no(p.headache_positive)),
        ("Fatigue-positive", yes_no(p.fatigue_positive)),
        ("PTA date" + ("s" if len(p.pta_dates) > 1 else ""), pta),
        ("Visits", visits),
    ]
    if len(pairs) % 2:
        pairs.append(("", ""))
    facts = [(*pairs[i], *pairs[i + 1]) for i in range(0, len(pairs), 2)]
    rows = [[Paragraph(_esc(a), st["label"]), Paragraph(_esc(b), st["value"]),
             Paragraph(_esc(c), st["label"]), Paragraph(_esc(d), st["value"])]
            for a, b, c, d in facts]
    label_w = 31 * mm
    t = Table(rows, colWidths=[label_w, width / 2 - label_w, label_w, width / 2 - label_w],
              hAlign="LEFT")
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
    ]))
    out.append(t)
    return out


# ---------------------------------------------------------------- change table
def _change_table(data: ReportData, st: dict[str, ParagraphStyle], width: float) -> list[Any]:
    if not data.changes:
        return []
    head = ["Measure", "Baseline", "", "Latest", "", "Change", "Change %"]
    rows: list[list[str]] = [head]
    for c in data.changes:
        unit = f" ({c.column.unit})" if c.column.unit else ""
        pct = "" if c.percent is None else _signed(c.percent) + " %"
        rows.append([
            c.column.title + unit,
            DASH if c.baseline is None else fmt(c.baseline),
            "no baseline value" if c.baseline is None else c.baseline_visit,
            DASH if c.latest is None else fmt(c.latest),
            "no later value" if c.latest is None else c.latest_visit,
            _signed(c.absolute), pct])
    # Plain strings (not Paragraphs): a table of strings lays out several times faster.
    widths = [0.29, 0.08, 0.18, 0.08, 0.17, 0.10, 0.10]
    t = Table(rows, colWidths=[w * width for w in widths], repeatRows=1, hAlign="LEFT")
    style = _table_style(len(rows))
    style.add("SPAN", (1, 0), (2, 0))
    style.add("SPAN", (3, 0), (4, 0))
    for col in (2, 4):
        style.add("FONT", (col, 1), (col, -1), fonts.REGULAR, 6.5)
        style.add("TEXTCOLOR", (col, 1), (col, -1), MUTED)
    style.add("ALIGN", (1, 1), (1, -1), "RIGHT")
    style.add("ALIGN", (3, 1), (3, -1), "RIGHT")
    style.add("ALIGN", (5, 0), (6, -1), "RIGHT")
    t.setStyle(style)
    basis = ("the baseline visit, else the last visit before the PTA" if data.first_pta
             else "the first visit (no PTA recorded yet)")
    note = Paragraph(f"Baseline: {basis}. Latest: the most recent later visit with a value. "
                     "Change % is left blank when the baseline is 0.", st["small"])
    return [KeepTogether([Paragraph("Change from baseline to the latest visit", st["h2"]),
                          t, Spacer(0, 3), note])]


def _table_style(n_rows: int) -> TableStyle:
    cmds: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 7.5),
        ("FONT", (0, 0), (-1, 0), fonts.BOLD, 7.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, MUTED),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, MUTED),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    cmds += [("BACKGROUND", (0, i), (-1, i), ZEBRA) for i in range(2, n_rows, 2)]
    return TableStyle(cmds)


# ---------------------------------------------------------------- visit table
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


def _visit_table(data: ReportData, st: dict[str, ParagraphStyle],
                 width: float) -> tuple[list[Any], _Notes]:
    notes = _Notes()
    if not data.rows:
        return [], notes
    with_pta = data.first_pta is not None
    cols = [c for c in data.columns if c.key.startswith(("midas", "fss"))
            or data.has(c.key) or any(c.key in r.missing for r in data.rows)]
    cols = [c for c in cols if not c.key.startswith("flow.upright")
            or data.has(c.key) or any(c.key in r.missing for r in data.rows)]
    header = ["Date", "Visit"] + (["Months"] if with_pta else [])
    numeric_start = 2  # months and every value column are right-aligned
    for c in cols:
        header.append(c.header)
        if c.key == "midas.total":
            header.append("Grade")
    header += ["Status", "Notes"]
    table: list[list[Any]] = [list(header)]
    for r in data.rows:
        row: list[Any] = [r.visit_date.isoformat(), r.label]
        if with_pta:
            row.append(_months(r.months_since_pta))
        for c in cols:
            value = r.values.get(c.key)
            row.append(DASH if value is None and c.key in r.missing else fmt(value))
            if c.key == "midas.total":
                row.append(r.grade or (DASH if "midas.total" in r.missing else ""))
        row.append(r.status)
        marks = [str(notes.number(t, False)) for t in r.notes]
        marks += [WARN + str(notes.number(t, True)) for t in r.warnings]
        row.append(" ".join(marks))
        table.append(row)
    widths = _column_widths(header, table[1:], width)
    t = Table(table, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = _table_style(len(table))
    style.add("ALIGN", (numeric_start, 0), (-3, -1), "RIGHT")
    if "Grade" in header:
        style.add("ALIGN", (header.index("Grade"), 0), (header.index("Grade"), -1), "CENTER")
    t.setStyle(style)
    flow_note = ""
    if any(c.key.startswith("flow") for c in cols):
        flow_note = (f" Flow in {data.flow_unit}; S = supine, U = upright; L, R = left and "
                     "right IJV; total = left + right (only when both were measured).")
    legend = Paragraph(
        f"{DASH} not answered or not computable (see the numbered note); blank: not "
        f"collected at this visit; {WARN} a warning confirmed when the visit was entered. "
        f"MIDAS total in days, grades I–IV; A = headache days; B = average pain 0–10; "
        f"FSS = mean of nine items 1–7.{flow_note}", st["small"])
    return [CondPageBreak(60 * mm), Paragraph("Visits", st["h2"]), t, Spacer(0, 3),
            legend], notes


def _column_widths(header: list[str], body: list[list[str]], width: float) -> list[float]:
    """Each column as wide as its widest text (header in bold) plus padding; what is left
    over is shared out evenly, so the table always spans the text width."""
    pad = 7.0
    need = []
    for j, h in enumerate(header):
        w = fonts.string_width(h, fonts.BOLD, 7.5)
        for row in body:
            w = max(w, fonts.string_width(row[j], fonts.REGULAR, 7.5))
        need.append(w + pad)
    total = sum(need)
    if total >= width:
        return [w * width / total for w in need]
    extra = (width - total) / len(need)
    return [w + extra for w in need]


def _notes(notes: _Notes, st: dict[str, ParagraphStyle]) -> list[Any]:
    if not notes.texts:
        return []
    out: list[Any] = [Paragraph("Notes", st["h2"])]
    for i, (text, warning) in enumerate(notes.texts, start=1):
        mark = f"{WARN}{i}" if warning else str(i)
        out.append(Paragraph(f"{mark}&nbsp;&nbsp;{_esc(text)}", st["note"]))
    return out


# ---------------------------------------------------------------- pages
def _canvas_maker(data: ReportData) -> Callable[..., Canvas]:
    footer_left = (f"proapp {data.app_version} · generated "
                   f"{data.generated_at.strftime('%Y-%m-%d %H:%M %Z').strip()}")
    footer_mid = data.patient.code + ("  ·  SYNTHETIC DEMO DATA" if data.patient.is_demo else "")

    class NumberedCanvas(Canvas):
        """Defers each page until the end so the footer can say 'page X of Y'."""

        # reportlab's Canvas has these; its type stubs leave the private ones out.
        _pagesize: tuple[float, float]
        _pageNumber: int
        _startPage: Callable[[], None]

        def __init__(self, *args: Any, **kwargs: Any):
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
            self.setFont(fonts.REGULAR, 7)
            self.setFillColor(MUTED)
            self.drawString(MARGIN_X, y, footer_left)
            if data.patient.is_demo:
                self.setFillColor(DEMO)
                self.setFont(fonts.BOLD, 7)
            self.drawCentredString(w / 2, y, footer_mid)
            self.setFillColor(MUTED)
            self.setFont(fonts.REGULAR, 7)
            self.drawRightString(w - MARGIN_X, y, f"page {self._pageNumber} of {total}")
            self.restoreState()

    return NumberedCanvas


def _later_page_header(data: ReportData) -> Callable[[Canvas, Any], None]:
    text = f"{data.patient.code} · patient trend report"
    if data.clinic_name.strip():
        text += f" · {data.clinic_name.strip()}"

    def draw(canvas: Canvas, doc: Any) -> None:
        _w, h = doc.pagesize
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, h - MARGIN_TOP + 4 * mm, text)
        canvas.restoreState()

    return draw


def build_pdf(data: ReportData, out: str | IO[bytes], page: str = "a4") -> None:
    """Write the report for ``data`` to a path or a binary file object."""
    fonts.register()
    size = page_size(page)
    st = _styles()
    width = size[0] - 2 * MARGIN_X
    p = data.patient
    doc = SimpleDocTemplate(
        out, pagesize=size, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=f"Trend report {p.code}",
        author=data.clinic_name.strip() or "proapp", subject="MIDAS, FSS and IJV flow trends",
        creator=f"proapp {data.app_version}", producer=f"proapp {data.app_version}")
    story: list[Any] = _header(data, st, width)
    story.append(Paragraph("Trends", st["h2"]))
    figure = charts.trend_figure(data, width)
    if not data.rows:
        story.append(Paragraph("No visits are recorded for this patient yet, so there is "
                               "nothing to chart.", st["base"]))
    elif figure is None:
        story.append(Paragraph("The recorded visits hold no MIDAS total, FSS mean or flow "
                               "value yet, so there is nothing to chart.", st["base"]))
    else:
        if data.first_pta is None:
            story.append(Paragraph("No PTA date is recorded yet: the charts are drawn against "
                                   "the visit date instead of months since PTA.", st["small"]))
            story.append(Spacer(0, 2))
        missing = [name for key, name in (("midas.total", "MIDAS total"),
                                          ("fss.mean", "FSS mean")) if not data.has(key)]
        if missing:
            story.append(Paragraph(f"No {' or '.join(missing)} recorded yet.", st["small"]))
        story.append(vector.FigureFlowable(figure))
    story += _change_table(data, st, width)
    visit_flowables, notes = _visit_table(data, st, width)
    story += visit_flowables
    story += _notes(notes, st)
    for text in data.extra_notes:
        story.append(Paragraph(_esc(text), st["small"]))
    doc.build(story, onLaterPages=_later_page_header(data), canvasmaker=_canvas_maker(data))


def pdf_bytes(data: ReportData, page: str = "a4") -> bytes:
    buf = io.BytesIO()
    build_pdf(data, buf, page)
    return buf.getvalue()

