"""The cohort analysis PDF: provenance, methods and inclusion rules, the test tables, the
descriptives and one figure per measure and group.

Every figure printed here is the same text as in the CSV files (:mod:`.text`), so a reader
can find any number of the PDF in ``friedman.csv`` & co. and recompute it with scipy from
``analysis_data.csv``. The first page says what data (a SHA-256 of the rows read), which
cut-off and which software produced it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import IO, Any

from reportlab.lib.pagesizes import A4
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

from proapp.domain.cohort import MIN_N_FOR_TEST
from proapp.domain.timepoints import COMPARED, MEASURES, TIME_POINTS, Measure
from proapp.reports import fonts
from proapp.reports.analysis import charts, text, vector
from proapp.reports.analysis.model import AnalysisResult, DescriptiveRow, group_title
from proapp.reports.document import (
    CELL_PT,
    DEMO,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    NumberedCanvas,
    _esc,
    _styles,
    _table_style,
)

SIGNIFICANT = 0.05
CELL_FONT_PT = CELL_PT  # as the trend report's tables (and its _table_style)


def _analysis_styles() -> dict[str, ParagraphStyle]:
    """The trend report's styles plus the two this document adds (table cells, clinic)."""
    st = _styles()
    st["cell"] = ParagraphStyle("cell", st["base"], fontSize=CELL_PT, leading=CELL_PT + 1.8)
    st["clinic"] = ParagraphStyle("clinic", st["base"], fontSize=9, textColor=MUTED)
    return st


def _column_widths(header: list[str], body: list[list[str]], width: float) -> list[float]:
    """Each column as wide as its widest text (header in bold) plus padding; what is left
    over is shared out evenly, so the table always spans the text width."""
    pad = 7.0
    need = []
    for j, h in enumerate(header):
        w = fonts.string_width(h, fonts.BOLD, CELL_FONT_PT)
        for row in body:
            w = max(w, fonts.string_width(row[j], fonts.REGULAR, CELL_FONT_PT))
        need.append(w + pad)
    total = sum(need)
    if total >= width:
        return [w * width / total for w in need]
    extra = (width - total) / len(need)
    return [w + extra for w in need]


def _table(header: list[str], body: list[list[str]], width: float, *,
           numeric_from: int, bold_cells: Sequence[tuple[int, int]] = ()) -> Table:
    widths = _column_widths(header, body, width)
    t = Table([header, *body], colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = _table_style(len(body) + 1)
    style.add("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT")
    for col, row in bold_cells:
        style.add("FONT", (col, row), (col, row), fonts.BOLD, CELL_FONT_PT)
    t.setStyle(style)
    return t


def _sig(p: float | None) -> bool:
    return p is not None and p < SIGNIFICANT


def _meta(result: AnalysisResult, st: dict[str, ParagraphStyle], width: float) -> list[Any]:
    m = result.meta
    out: list[Any] = []
    if m.clinic_name.strip():
        out.append(Paragraph(_esc(m.clinic_name.strip()), st["clinic"]))
    out.append(Paragraph("Cohort analysis: MIDAS, FSS and IJV flow after PTA", st["title"]))
    out.append(Spacer(0, 4))
    if m.is_demo:
        banner = Table([[Paragraph("SYNTHETIC DEMO DATA — the database holds made-up training "
                                   "patients; these results describe no real person",
                                   st["demo"])]], colWidths=[width])
        banner.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, DEMO),
                                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
        out += [banner, Spacer(0, 5)]
    software = ", ".join(f"{name} {version}" for name, version in m.versions)
    rows = [
        ("Generated", m.generated_at.strftime("%Y-%m-%d %H:%M UTC")),
        ("Cut-off date", m.plan.cutoff.isoformat()),
        ("Database", m.database),
        ("Patients read", str(m.patients)),
        ("Data snapshot", f"SHA-256 {m.snapshot_sha256}"),
        ("Software", software),
    ]
    label_w = 26 * mm
    t = Table([[Paragraph(k, st["label"]), Paragraph(_esc(v), st["value"])] for k, v in rows],
              colWidths=[label_w, width - label_w], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("TOPPADDING", (0, 0), (-1, -1), 1),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    out.append(t)
    out.append(Paragraph("The snapshot hash is computed over every patient, PTA date and visit "
                         "(with its answers and flows) read for this analysis, in one read "
                         "transaction: the same data always gives the same hash.", st["small"]))
    return out


def _methods(result: AnalysisResult, st: dict[str, ParagraphStyle]) -> list[Any]:
    out: list[Any] = [Paragraph("Methods, inclusion rules and choices", st["h2"])]
    for line in result.meta.rules:
        out.append(Paragraph("•&nbsp;&nbsp;" + _esc(line), st["note"]))
    out.append(Spacer(0, 3))
    out.append(Paragraph(
        "Friedman test (scipy.stats.friedmanchisquare: chi-square corrected for ties, "
        "df = 2) across the three compared time points, complete cases only; Kendall's W = "
        "chi-square / (n × 2). Post-hoc: Wilcoxon signed-rank test (scipy.stats.wilcoxon on "
        "the paired differences, computed exactly in decimals so that equal differences tie; "
        "two-sided, zero differences dropped, exact distribution without zeros or ties and "
        "n ≤ 50, otherwise the normal approximation with tie correction and no continuity "
        "correction; W is the smaller signed-rank sum), p-values adjusted by Holm's method "
        "over the three pairs. Spearman's rank correlation (scipy.stats.spearmanr, two-sided "
        "p from the t distribution; changes computed exactly in decimals). Medians and "
        "quartiles: linear interpolation (type 7). "
        f"A group with fewer than {MIN_N_FOR_TEST} complete cases is described but not "
        "tested. Every value that went into a test is in analysis_data.csv; every patient "
        "left out of a time point is in exclusions.csv with the reason.", st["small"]))
    return out


def _friedman(result: AnalysisResult, st: dict[str, ParagraphStyle],
              width: float) -> list[Any]:
    header = ["Measure", "Group", "n", "Excluded", "χ²", "df", "p", "Kendall's W",
              "Follow-up (y)"]
    body: list[list[str]] = []
    bold: list[tuple[int, int]] = []
    notes: list[str] = []
    for f in result.friedman:
        row = [f.measure.title, group_title(f.group_id), str(f.n), str(f.n_excluded),
               text.fixed(f.statistic), str(f.df), text.p_text(f.p_value),
               text.fixed(f.kendall_w), text.decimal(f.follow_up_years_mean)]
        if f.note:
            row[4] = "—"
            notes.append(f"{f.measure.title}, {group_title(f.group_id)}: {f.note}.")
        if _sig(f.p_value):
            bold.append((6, len(body) + 1))
        body.append(row)
    out: list[Any] = [Paragraph("Friedman test across the compared time points", st["h2"])]
    comparisons = "; ".join(f"{m.title}: {' vs '.join(t.title for t in COMPARED[m])}"
                            for m in MEASURES)
    out.append(Paragraph(_esc(f"Compared: {comparisons}. Follow-up: mean years from the first "
                              "PTA to the final follow-up of the tested patients. p < 0.05 "
                              "in bold."), st["small"]))
    out.append(Spacer(0, 2))
    out.append(_table(header, body, width, numeric_from=2, bold_cells=bold))
    for n in notes:
        out.append(Paragraph(_esc(n), st["small"]))
    why = [[f.measure.title, group_title(f.group_id), f.excluded_why] for f in result.friedman
           if f.excluded_why]
    if why:
        out.append(Spacer(0, 4))
        out.append(Paragraph("Why patients were not tested (counts of patients by the time "
                             "points they lack)", st["small"]))
        t = Table([["Measure", "Group", "Missing time points"],
                   *[[a, b, Paragraph(_esc(c), st["cell"])] for a, b, c in why]],
                  colWidths=[32 * mm, 26 * mm, width - 58 * mm], repeatRows=1, hAlign="LEFT")
        t.setStyle(_table_style(len(why) + 1))
        out.append(t)
    return out


def _posthoc(result: AnalysisResult, st: dict[str, ParagraphStyle],
             width: float) -> list[Any]:
    header = ["Measure", "Group", "Pair", "n", "≠0", "W", "p", "p (Holm)", "Median Δ",
              "Method"]
    body: list[list[str]] = []
    bold: list[tuple[int, int]] = []
    for r in result.posthoc:
        a, b = r.a.short, r.b.short
        body.append([r.measure.title, group_title(r.group_id), f"{a} → {b}", str(r.n),
                     str(r.n_nonzero) if r.statistic is not None else "",
                     text.fixed(r.statistic, 1), text.p_text(r.p_value),
                     text.p_text(r.p_holm), text.decimal(r.median_difference),
                     r.method or r.note])
        if _sig(r.p_holm):
            bold.append((7, len(body)))
    return [CondPageBreak(50 * mm),
            Paragraph("Post-hoc Wilcoxon signed-rank tests, Holm-adjusted", st["h2"]),
            Paragraph("Median Δ: median of the later minus the earlier value (negative: "
                      "fell). ≠0: pairs with a non-zero difference (the ones ranked). "
                      "Holm-adjusted p < 0.05 in bold.", st["small"]),
            Spacer(0, 2), _table(header, body, width, numeric_from=3, bold_cells=bold)]


def _spearman(result: AnalysisResult, st: dict[str, ParagraphStyle],
              width: float) -> list[Any]:
    if not result.spearman:
        return []
    notes = any(r.note for r in result.spearman)
    header = ["Group", "Pair", "n", "rho", "p"] + (["Note"] if notes else [])
    body: list[list[str]] = []
    bold: list[tuple[int, int]] = []
    for r in result.spearman:
        body.append([group_title(r.group_id), r.pair.title, str(r.n), text.fixed(r.rho),
                     text.p_text(r.p_value)] + ([r.note] if notes else []))
        if _sig(r.p_value):
            bold.append((4, len(body)))
    return [CondPageBreak(45 * mm),
            Paragraph("Spearman correlation: MIDAS total vs total supine IJV flow", st["h2"]),
            Paragraph("At matched visits (the baseline visit; the latest visit from m6 on "
                      "with both values) and between the changes (final − pre-PTA) of the "
                      "patients with both. p < 0.05 in bold.", st["small"]),
            Spacer(0, 2), _table(header, body, width, numeric_from=2, bold_cells=bold)]


def _iqr(d: DescriptiveRow | None) -> str:
    if d is None or d.n == 0:
        return ""
    return f"{text.decimal(d.median)} ({text.decimal(d.q1)}–{text.decimal(d.q3)})"


def _msd(d: DescriptiveRow | None) -> str:
    if d is None or d.n == 0:
        return ""
    return text.decimal(d.mean) + (f" ({text.decimal(d.sd)})" if d.sd is not None else "")


def _descriptives(result: AnalysisResult, measure: Measure, st: dict[str, ParagraphStyle],
                  width: float) -> list[Any]:
    rows = [d for d in result.descriptives if d.measure is measure]
    if not rows:
        return []
    index = {(d.group_id, d.time_point, d.cases): d for d in rows}
    groups = list(dict.fromkeys(d.group_id for d in rows))
    header = ["Group", "Time point", "n", "Median (IQR)", "Mean (SD)", "n all",
              "Median (IQR) all", "FU (y)"]
    body = []
    for g in groups:
        for t in TIME_POINTS[measure]:
            c = index.get((g, t, "complete"))
            a = index.get((g, t, "available"))
            follow = (c.follow_up_years_mean if c is not None and c.follow_up_years_mean
                      is not None else None)
            body.append([group_title(g), t.title, str(c.n) if c else "", _iqr(c), _msd(c),
                         str(a.n) if a else "", _iqr(a), text.decimal(follow)])
    return [CondPageBreak(45 * mm),
            Paragraph(f"Descriptives: {measure.title} ({measure.unit})", st["h2"]),
            Paragraph("n, median (IQR), mean (SD): the complete cases of the Friedman test; "
                      "'all': every available value at that time point (blank n: the time "
                      "point is not part of the test). FU: mean follow-up in years.",
                      st["small"]),
            Spacer(0, 2), _table(header, body, width, numeric_from=2)]


def _figures(result: AnalysisResult, st: dict[str, ParagraphStyle],
             width: float) -> list[Any]:
    out: list[Any] = []
    for m in MEASURES:
        for g in result.meta.plan.groups_of(m):
            fig = charts.figure(result, m, g.id, width)
            out.append(KeepTogether([vector.FigureFlowable(fig), Spacer(0, 6)]))
    if out:
        out.insert(0, Paragraph("Figures", st["h2"]))
    return out


def _canvas_maker(result: AnalysisResult) -> Callable[..., Canvas]:
    m = result.meta
    left = (f"proapp {m.versions[0][1]} · cohort analysis · cut-off "
            f"{m.plan.cutoff.isoformat()} · data {m.snapshot_sha256[:12]}")

    class AnalysisCanvas(NumberedCanvas):
        def footer(self, w: float, y: float, total: int) -> None:
            self.setFont(fonts.REGULAR, 7)
            self.setFillColor(MUTED)
            self.drawString(MARGIN_X, y, left)
            page = f"page {self._pageNumber} of {total}"
            self.drawRightString(w - MARGIN_X, y, page)
            if m.is_demo:
                self.setFillColor(DEMO)
                self.setFont(fonts.BOLD, 7)
                self.drawRightString(w - MARGIN_X - fonts.string_width(page, fonts.REGULAR, 7)
                                     - 12, y, "SYNTHETIC DEMO DATA")

    return AnalysisCanvas


def build_pdf(result: AnalysisResult, out: str | IO[bytes]) -> None:
    """Write the analysis PDF (A4) to a path or a binary file object."""
    fonts.register()
    st = _analysis_styles()
    width = A4[0] - 2 * MARGIN_X
    version = result.meta.versions[0][1]
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title="Cohort analysis",
        author=result.meta.clinic_name.strip() or "proapp",
        subject="Friedman and Spearman analysis of MIDAS, FSS and IJV flow after PTA",
        creator=f"proapp {version}", producer=f"proapp {version}")
    story: list[Any] = _meta(result, st, width)
    story += _methods(result, st)
    story += _friedman(result, st, width)
    story += _posthoc(result, st, width)
    story += _spearman(result, st, width)
    for m in MEASURES:
        story += _descriptives(result, m, st, width)
    story += _figures(result, st, width)
    doc.build(story, canvasmaker=_canvas_maker(result))


def pdf_bytes(result: AnalysisResult) -> bytes:
    buf = io.BytesIO()
    build_pdf(result, buf)
    return buf.getvalue()
