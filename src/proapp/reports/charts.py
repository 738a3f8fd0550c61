"""The trend charts: MIDAS total over its grade bands, FSS mean with its threshold, IJV flow.

Drawn straight onto the reportlab canvas as vector paths and real text in the embedded
fonts: crisp on paper, searchable, no raster image. (They were matplotlib figures drawn
through a small renderer; three matplotlib axes cost about 85 ms of CPU per report, mostly
in tick objects, and a report must cost less than 100 ms all told. The few things a trend
chart needs, a scale, ticks, lines, markers and labels, are below.)

What the charts promise a reader:

- a missing value is a gap in the line with a "×" on the axis, never a line bridging it
  (a value not collected at that visit, such as MIDAS at the PTA visit, is simply skipped);
- the MIDAS axis is ticked at the grade cut-offs (5, 10, 20) and keeps 0-30 at a fixed
  height so the bands I-III stay readable; higher totals (up to 450) go on a compressed
  part above a break in the axis, with the value written next to the point;
- a follow-up longer than 3 years is in years, with the first year drawn wider (baseline,
  PTA, m1, m3, m6 are weeks apart) and the change of scale marked on the axis;
- every series differs by line dash and marker shape as well as colour (Okabe-Ito), so a
  grey photocopy still reads; the PTA marker (dash-dot) and the FSS threshold (dotted)
  differ too.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from proapp.domain import schedule
from proapp.domain.fss import FSS
from proapp.reports import fonts
from proapp.reports.model import ReportData
from proapp.reports.texts import day, locale, number, t

INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#6b6b6b")
GRID = colors.HexColor("#d9d9d9")
PTA_COLOUR = colors.HexColor("#CC79A7")  # Okabe-Ito reddish purple
BLUE = colors.HexColor("#0072B2")
VERMILLION = colors.HexColor("#D55E00")
GREEN = colors.HexColor("#009E73")
SKY = colors.HexColor("#56B4E9")
ORANGE = colors.HexColor("#E69F00")
BLACK = colors.HexColor("#000000")
BAND_FILLS = tuple(colors.HexColor(c) for c in ("#f3f6f9", "#e3ebf3", "#cfdceb", "#b6cadf"))

TICK_PT = 6.8
LABEL_PT = 7.2
TITLE_PT = 8.3
LEFT_PT = 34.0  # y tick labels
RIGHT_PT = 116.0  # band labels, threshold, legend
TITLE_H = 15.0  # above each panel
TICKS_H = 11.0  # x tick labels under each panel
AXIS_H = 12.0  # the x axis title under the last panel
PANEL_H = {"midas": 92.0, "fss": 62.0, "flow": 84.0}
MIDAS_LINEAR_TOP = 30  # 0-30 always at the same height
MIDAS_LOWER_SHARE = 0.72  # of the panel height, when totals above 30 need the upper part
SPLIT_MONTHS = 12.0  # the first year, drawn wider on a long follow-up
SPLIT_SHARE = 0.26  # of the plot width
LONG_MONTHS = 36.0  # longer than 3 years: the axis is in years

SOLID: tuple[float, ...] = ()


@dataclass(frozen=True)
class SeriesStyle:
    colour: Any
    dash: tuple[float, ...]
    marker: str  # circle, square, triangle, diamond, triangle_down, cross
    filled: bool
    width: float = 1.2


MIDAS_STYLE = SeriesStyle(INK, SOLID, "circle", True, 1.3)
FSS_STYLE = SeriesStyle(BLUE, SOLID, "diamond", True, 1.3)
FSS_THRESHOLD_DASH: tuple[float, ...] = (0.8, 1.8)
PTA_DASH: tuple[float, ...] = (5.0, 2.0, 1.2, 2.0)
FLOW_SERIES: tuple[tuple[str, str, SeriesStyle], ...] = (  # key, legend key, style
    ("flow.supine.left", "left", SeriesStyle(BLUE, SOLID, "circle", True)),
    ("flow.supine.right", "right", SeriesStyle(VERMILLION, (4.0, 2.0), "square", True)),
    ("flow.supine.total", "total", SeriesStyle(GREEN, (7.0, 2.0, 1.5, 2.0), "triangle", True)),
    ("flow.upright.left", "left", SeriesStyle(SKY, (1.0, 1.6), "diamond", False)),
    ("flow.upright.right", "right", SeriesStyle(ORANGE, (2.6, 1.6), "triangle_down", False)),
    ("flow.upright.total", "total", SeriesStyle(BLACK, (1.0, 1.6, 4.0, 1.6), "cross", False)),
)


@dataclass(frozen=True)
class Panel:
    kind: str  # "midas", "fss", "flow"
    title: str


def panels_for(data: ReportData) -> list[Panel]:
    """Only the charts that have something to show."""
    out = []
    if data.has("midas.total"):
        out.append(Panel("midas", t("chart.midas")))
    if data.has("fss.mean"):
        out.append(Panel("fss", t("chart.fss", range=FSS.item("1").range_text)))
    if any(data.has(key) for key, _l, _s in FLOW_SERIES):
        out.append(Panel("flow", t("chart.flow", unit=data.flow_unit)))
    return out


# ------------------------------------------------------------------ scales
@dataclass(frozen=True)
class Tick:
    value: float
    label: str


@dataclass(frozen=True)
class Scale:
    """Data value -> position in points (0 at the axis start) and the ticks to draw.
    ``breaks`` are data values where the scale changes and the axis shows a break mark."""

    to_pt: Callable[[float], float]
    ticks: tuple[Tick, ...]
    breaks: tuple[float, ...] = ()
    lo: float = 0.0
    hi: float = 1.0


def _nice_step(span: float, max_ticks: int, steps: Sequence[float]) -> float:
    return next((s for s in steps if span / s <= max_ticks), steps[-1])


def _fmt_num(v: float) -> str:
    text = f"{v:g}" if abs(v - round(v)) > 1e-9 else str(round(v))
    text = text.replace(".", locale().decimal_mark)
    return text.replace("-", "−")


def _linear(lo: float, hi: float, length: float) -> Callable[[float], float]:
    span = hi - lo or 1.0
    return lambda v: (v - lo) / span * length


def x_values(data: ReportData) -> list[float | None]:
    """Months since the first PTA, or (no PTA yet) months since the first visit."""
    if data.first_pta is not None:
        return [r.months_since_pta for r in data.rows]
    if not data.rows:
        return []
    first = data.rows[0].visit_date
    return [schedule.months_since(first, r.visit_date) for r in data.rows]


def x_scale(data: ReportData, length: float) -> tuple[Scale, str]:
    """The shared time axis and its title."""
    xs = [x for x in x_values(data) if x is not None]
    pta = data.first_pta
    if pta is None:
        return _date_scale(data, xs, length)
    pta_xs = [schedule.months_since(pta, d) for d in data.patient.pta_dates]
    lo = min([*xs, *pta_xs, 0.0])
    hi = max([*xs, *pta_xs, 0.0])
    if hi - lo < 3.0:  # one visit, or visits days apart: still three ticks or more
        hi = lo + 3.0
    pad = max((hi - lo) * 0.03, 0.4)
    lo, hi = lo - pad, hi + pad
    if hi <= LONG_MONTHS + pad:
        step = _nice_step(hi - lo, 9, (1, 2, 3, 6, 12))
        first = math.ceil(lo / step) * step
        month_ticks = tuple(Tick(v, t("chart.tick.month", n=_fmt_num(v)))
                            for v in _frange(first, hi, step))
        return (Scale(_linear(lo, hi, length), month_ticks, lo=lo, hi=hi),
                t("chart.x.months", date=day(pta)))
    # Long follow-up: the first year gets SPLIT_SHARE of the width, then years.
    split_pt = length * SPLIT_SHARE
    first_part = _linear(lo, SPLIT_MONTHS, split_pt)
    second_part = _linear(SPLIT_MONTHS, hi, length - split_pt)

    def to_pt(v: float) -> float:
        return first_part(v) if v <= SPLIT_MONTHS else split_pt + second_part(v)

    ticks: list[Tick] = [Tick(v, t("chart.tick.month_split", n=_fmt_num(v)) if v else "0")
                         for v in (0.0, 6.0) if v >= lo]
    years_span = (hi - SPLIT_MONTHS) / 12
    step_years = _nice_step(years_span, 7, (1, 2, 3, 5, 10))
    year = 1
    while year * 12 <= hi:
        if year == 1 or (year % step_years == 0):
            ticks.append(Tick(year * 12.0, t("chart.tick.year_split", n=year)))
        year += 1
    return (Scale(to_pt, tuple(ticks), breaks=(SPLIT_MONTHS,), lo=lo, hi=hi),
            t("chart.x.split", date=day(pta)))


def _frange(start: float, stop: float, step: float) -> list[float]:
    out = []
    v = start
    while v <= stop + 1e-9:
        out.append(round(v, 6))
        v += step
    return out


def _date_scale(data: ReportData, xs: list[float], length: float) -> tuple[Scale, str]:
    first = data.rows[0].visit_date if data.rows else date.today()
    lo, hi = min([*xs, 0.0]), max([*xs, 0.0])
    if hi - lo < 3.0:
        lo, hi = lo - 1.0, lo + 2.0
    pad = max((hi - lo) * 0.03, 0.4)
    lo, hi = lo - pad, hi + pad
    step = int(_nice_step(hi - lo, 7, (1, 2, 3, 6, 12, 24, 36, 60)))
    ticks = []
    month = date(first.year, first.month, 1)
    start = schedule.add_months(month, -2)
    for k in range(0, 12 * 40):
        d = schedule.add_months(start, k)
        if (d.year * 12 + d.month - 1) % step:
            continue
        v = schedule.months_since(first, d)
        if v < lo:
            continue
        if v > hi:
            break
        ticks.append(Tick(v, str(d.year) if step >= 12 else
                          t("chart.tick.year_month", year=d.year, month=f"{d.month:02d}")))
    return Scale(_linear(lo, hi, length), tuple(ticks), lo=lo, hi=hi), t("chart.x.dates")


def midas_scale(values: Sequence[float], length: float) -> Scale:
    """Ticks at the grade cut-offs; 0-30 at a fixed height, a compressed part above it."""
    top = max(values, default=0.0)
    cut_ticks = tuple(Tick(float(v), str(v)) for v in (0, 5, 10, 20, MIDAS_LINEAR_TOP))
    if top <= MIDAS_LINEAR_TOP:
        return Scale(_linear(0, MIDAS_LINEAR_TOP, length), cut_ticks, lo=0,
                     hi=MIDAS_LINEAR_TOP)
    upper_top = next(v for v in (60, 90, 180, 270, 360, 450, 10**6) if v >= top)
    lower_len = length * MIDAS_LOWER_SHARE
    lower = _linear(0, MIDAS_LINEAR_TOP, lower_len)
    upper = _linear(MIDAS_LINEAR_TOP, upper_top, length - lower_len)

    def to_pt(v: float) -> float:
        return lower(v) if v <= MIDAS_LINEAR_TOP else lower_len + upper(v)

    return Scale(to_pt, (*cut_ticks[:-1], Tick(float(upper_top), str(upper_top))),
                 breaks=(float(MIDAS_LINEAR_TOP),), lo=0, hi=upper_top)


def fss_scale(length: float) -> Scale:
    return Scale(_linear(0.8, 7.2, length), tuple(Tick(float(v), str(v)) for v in range(1, 8)),
                 lo=0.8, hi=7.2)


def flow_scale(values: Sequence[float], length: float) -> Scale:
    top = max([*values, 100.0]) * 1.08
    step = _nice_step(top, 5, (50, 100, 200, 250, 500, 1000, 2000, 2500, 5000))
    hi = math.ceil(top / step) * step
    return Scale(_linear(0, hi, length), tuple(Tick(float(v), str(v))
                                               for v in range(0, int(hi) + 1, int(step))),
                 lo=0, hi=hi)


# ------------------------------------------------------------------ drawing helpers
def _marker(c: Canvas, kind: str, x: float, y: float, size: float, colour: Any,
            filled: bool) -> None:
    r = size / 2
    c.setStrokeColor(colour)
    c.setFillColor(colour if filled else colors.white)
    c.setLineWidth(0.8)
    c.setDash()
    if kind == "circle":
        c.circle(x, y, r, stroke=1, fill=1)
        return
    if kind == "cross":
        c.line(x - r, y - r, x + r, y + r)
        c.line(x - r, y + r, x + r, y - r)
        return
    p = c.beginPath()
    if kind == "square":
        r *= 0.9
        pts = [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)]
    elif kind == "diamond":
        pts = [(x, y - r * 1.2), (x + r, y), (x, y + r * 1.2), (x - r, y)]
    elif kind == "triangle":
        pts = [(x - r, y - r * 0.85), (x + r, y - r * 0.85), (x, y + r * 1.05)]
    else:  # triangle_down
        pts = [(x - r, y + r * 0.85), (x + r, y + r * 0.85), (x, y - r * 1.05)]
    p.moveTo(*pts[0])
    for pt in pts[1:]:
        p.lineTo(*pt)
    p.close()
    c.drawPath(p, stroke=1, fill=1)


def _text(c: Canvas, x: float, y: float, text: str, size: float, colour: Any = INK,
          align: str = "left", bold: bool = False) -> float:
    c.setFillColor(colour)
    return fonts.draw(c, x, y, text, size, bold=bold, align=align)


def _intersects(a: tuple[float, float, float, float],
                b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _break_mark(c: Canvas, x: float, y: float, vertical: bool) -> None:
    """Two short slanted strokes across an axis: the scale changes here."""
    c.setStrokeColor(MUTED)
    c.setLineWidth(0.6)
    c.setDash()
    for d in (-1.6, 1.6):
        if vertical:  # on the y axis
            c.line(x - 3, y + d - 1.5, x + 3, y + d + 1.5)
        else:  # on the x axis
            c.line(x + d - 1.5, y - 3, x + d + 1.5, y + 3)


# ------------------------------------------------------------------ the flowable
class TrendChart(Flowable):
    """All panels of one patient, stacked, sharing one time axis."""

    def __init__(self, data: ReportData, width: float):
        super().__init__()
        self.data = data
        self.panels = panels_for(data)
        self.width = width
        self.plot_w = width - LEFT_PT - RIGHT_PT
        self.x, self.x_title = x_scale(data, self.plot_w)
        self.xs = x_values(data)
        self.height = (sum(TITLE_H + PANEL_H[p.kind] + TICKS_H for p in self.panels)
                       + AXIS_H)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        top = self.height
        for i, panel in enumerate(self.panels):
            h = PANEL_H[panel.kind]
            y0 = top - TITLE_H - h
            c.saveState()
            self._panel(c, panel, y0, h, first=(i == 0))
            c.restoreState()
            top = y0 - TICKS_H
        _text(c, LEFT_PT + self.plot_w / 2, 2.0, self.x_title, LABEL_PT, align="centre")

    # -- one panel
    def _panel(self, c: Canvas, panel: Panel, y0: float, h: float, first: bool) -> None:
        x0 = LEFT_PT
        w = self.plot_w
        _text(c, 0, y0 + h + 5.0, panel.title, TITLE_PT, bold=True)
        values = [float(v) for r in self.data.rows for k in self._keys(panel)
                  if (v := r.values.get(k)) is not None]
        if panel.kind == "midas":
            y = midas_scale(values, h)
        elif panel.kind == "fss":
            y = fss_scale(h)
        else:
            y = flow_scale(values, h)
        # background: bands, threshold, grid
        if panel.kind == "midas":
            self._midas_bands(c, x0, y0, w, h, y)
        elif panel.kind == "fss":
            self._fss_threshold(c, x0, y0, w, h, y)
        else:
            c.setStrokeColor(GRID)
            c.setLineWidth(0.5)
            for tk in y.ticks[1:]:
                yy = y0 + y.to_pt(tk.value)
                c.line(x0, yy, x0 + w, yy)
        self._axes(c, x0, y0, w, h, y)
        self._pta_boxes: list[tuple[float, float, float, float]] = []
        self._pta_labels: list[tuple[float, float, str]] = []
        self._pta(c, x0, y0, w, h, first)
        # series, clipped to the plot area (markers may overhang a little)
        c.saveState()
        clip = c.beginPath()
        clip.rect(x0 - 4, y0 - 4, w + 8, h + 8)
        c.clipPath(clip, stroke=0, fill=0)
        missing_any = False
        self._gaps: set[float] = set()
        self._occupied = list(self._pta_boxes)
        if panel.kind == "midas":
            missing_any = self._series(c, "midas.total", MIDAS_STYLE, x0, y0, y, label_above=30)
        elif panel.kind == "fss":
            missing_any = self._series(c, "fss.mean", FSS_STYLE, x0, y0, y)
        else:
            for key, _legend, style in FLOW_SERIES:
                if self.data.has(key):
                    missing_any |= self._series(c, key, style, x0, y0, y)
        for xx in sorted(self._gaps):  # one mark per visit, however many series miss it
            _text(c, xx, y0 + 1.2, "×", TICK_PT + 1, MUTED, align="centre")
        c.restoreState()
        self._pta_text(c)
        if panel.kind == "flow":
            self._flow_legend(c, x0 + w + 6, y0 + h)
        if missing_any:  # on the title line, at the right end of the plot
            _text(c, x0 + w, y0 + h + 5.0, t("chart.missing"), TICK_PT - 0.4, MUTED,
                  align="right")

    def _keys(self, panel: Panel) -> list[str]:
        if panel.kind == "midas":
            return ["midas.total"]
        if panel.kind == "fss":
            return ["fss.mean"]
        return [k for k, _l, _s in FLOW_SERIES]

    def _axes(self, c: Canvas, x0: float, y0: float, w: float, h: float, y: Scale) -> None:
        c.setStrokeColor(MUTED)
        c.setLineWidth(0.6)
        c.setDash()
        c.line(x0, y0, x0, y0 + h)
        c.line(x0, y0, x0 + w, y0)
        for tk in y.ticks:
            yy = y0 + y.to_pt(tk.value)
            c.line(x0 - 3, yy, x0, yy)
            _text(c, x0 - 4.5, yy - TICK_PT * 0.35, tk.label, TICK_PT, align="right")
        for b in y.breaks:
            _break_mark(c, x0, y0 + y.to_pt(b), vertical=True)
        c.setStrokeColor(MUTED)
        last_right = -1e9
        for tk in self.x.ticks:
            xx = x0 + self.x.to_pt(tk.value)
            if xx < x0 - 0.5 or xx > x0 + w + 0.5:
                continue
            c.setStrokeColor(MUTED)
            c.line(xx, y0, xx, y0 - 3)
            half = fonts.width(tk.label, TICK_PT) / 2
            if xx - half > last_right + 2:  # never two tick labels on top of each other
                _text(c, xx, y0 - 3 - TICK_PT - 0.8, tk.label, TICK_PT, align="centre")
                last_right = xx + half
        for b in self.x.breaks:
            _break_mark(c, x0 + self.x.to_pt(b), y0, vertical=False)

    def _pta(self, c: Canvas, x0: float, y0: float, w: float, h: float, first: bool) -> None:
        pta = self.data.first_pta
        if pta is None:
            return
        for i, d in enumerate(sorted(self.data.patient.pta_dates)):
            xx = x0 + self.x.to_pt(schedule.months_since(pta, d))
            c.setStrokeColor(PTA_COLOUR)
            c.setLineWidth(1.0)
            c.setDash(list(PTA_DASH), 0)
            c.line(xx, y0, xx, y0 + h)
            c.setDash()
            if first:  # inside the plot, under its top edge: clear of the panel title
                label = t("chart.pta") if i == 0 else t("chart.pta_n", n=i + 1)
                lw = fonts.width(label, LABEL_PT - 0.5, bold=True)
                self._pta_boxes.append((xx + 1.5, y0 + h - LABEL_PT - 1.6, xx + 3.5 + lw,
                                        y0 + h - LABEL_PT - 0.7 + LABEL_PT))
                self._pta_labels.append((xx + 2.5, y0 + h - LABEL_PT, label))

    def _pta_text(self, c: Canvas) -> None:
        """The PTA labels, drawn last on a light backing: no line or point hides them."""
        size = LABEL_PT - 0.5
        for (x, y, label), box in zip(self._pta_labels, self._pta_boxes, strict=True):
            c.saveState()
            c.setFillColor(colors.white)
            c.setFillAlpha(0.8)
            c.rect(box[0], box[1], box[2] - box[0], box[3] - box[1], stroke=0, fill=1)
            c.restoreState()
            _text(c, x, y, label, size, PTA_COLOUR, bold=True)

    def _midas_bands(self, c: Canvas, x0: float, y0: float, w: float, h: float,
                     y: Scale) -> None:
        bands = self.data.midas_grades
        label_centres: list[float] = []
        for band, fill in zip(bands, BAND_FILLS, strict=False):
            low = band.low - 0.5 if band.low > 0 else 0.0
            high = band.high + 0.5 if band.high is not None else y.hi
            b0, b1 = y0 + y.to_pt(low), y0 + y.to_pt(min(high, y.hi))
            c.setFillColor(fill)
            c.rect(x0, b0, w, b1 - b0, stroke=0, fill=1)
            # band IV's label sits in its 0-30 part, next to the others
            visible_top = min(b1, y0 + y.to_pt(min(high, MIDAS_LINEAR_TOP)))
            mid = (b0 + visible_top) / 2
            if label_centres:
                mid = max(mid, label_centres[-1] + TICK_PT + 1.0)
            label_centres.append(mid)
            _text(c, x0 + w + 6, mid - TICK_PT * 0.35, f"{band.grade}  {band.meaning}",
                  TICK_PT, MUTED)
        if y.breaks:
            yy = y0 + y.to_pt(y.breaks[0])
            c.setStrokeColor(colors.white)
            c.setLineWidth(1.2)
            c.line(x0, yy, x0 + w, yy)
            _text(c, x0 + w + 6, y0 + h - TICK_PT, t("chart.above", value=_fmt_num(
                y.breaks[0])), TICK_PT - 0.4, MUTED)

    def _fss_threshold(self, c: Canvas, x0: float, y0: float, w: float, h: float,
                       y: Scale) -> None:
        threshold = float(self.data.fss_threshold)
        yy = y0 + y.to_pt(threshold)
        c.setFillColor(BAND_FILLS[1])
        c.rect(x0, yy, w, y0 + h - yy, stroke=0, fill=1)
        c.setStrokeColor(GRID)
        c.setLineWidth(0.5)
        for tk in y.ticks:
            if abs(tk.value - threshold) > 0.01:
                c.line(x0, y0 + y.to_pt(tk.value), x0 + w, y0 + y.to_pt(tk.value))
        c.setStrokeColor(VERMILLION)
        c.setLineWidth(1.0)
        c.setDash(list(FSS_THRESHOLD_DASH), 0)
        c.line(x0, yy, x0 + w, yy)
        c.setDash()
        _text(c, x0 + w + 6, yy - TICK_PT * 0.35,
              t("chart.fss_threshold", value=number(self.data.fss_threshold)), TICK_PT,
              VERMILLION)

    def _series(self, c: Canvas, key: str, style: SeriesStyle, x0: float, y0: float,
                y: Scale, label_above: float | None = None) -> bool:
        """One line, broken where the value is missing; True when it has a gap."""
        segments: list[list[tuple[float, float, float]]] = [[]]
        gaps: list[float] = []
        for xv, row in zip(self.xs, self.data.rows, strict=True):
            if xv is None:
                continue
            v = row.values.get(key)
            xx = x0 + self.x.to_pt(xv)
            if v is None:
                if key in row.missing:
                    gaps.append(xx)
                    if segments[-1]:
                        segments.append([])
                continue
            segments[-1].append((xx, y0 + y.to_pt(float(v)), float(v)))
        c.setStrokeColor(style.colour)
        c.setLineWidth(style.width)
        c.setLineJoin(1)
        c.setLineCap(1 if not style.dash else 0)
        if style.dash:
            c.setDash(list(style.dash), 0)
        else:
            c.setDash()
        for seg in segments:
            if len(seg) > 1:
                p = c.beginPath()
                p.moveTo(seg[0][0], seg[0][1])
                for xx, yy, _v in seg[1:]:
                    p.lineTo(xx, yy)
                c.drawPath(p, stroke=1, fill=0)
        size = TICK_PT - 0.4
        top = y0 + y.to_pt(y.hi)
        for seg in segments:
            for xx, yy, value in seg:
                _marker(c, style.marker, xx, yy, 4.2, style.colour, style.filled)
                if label_above is None or value <= label_above:
                    continue
                # the value written beside its point, in the first free place: right, left,
                # then under the point; never over the PTA label or another value
                text = _fmt_num(value)
                lw = fonts.width(text, size)
                for lx, ty in ((xx + 3.5, yy - 1.0), (xx - 3.5 - lw, yy - 1.0),
                               (xx + 3.0, yy - size - 2.5), (xx - 3.0 - lw, yy - size - 2.5)):
                    box = (lx, ty - 0.3 * size, lx + lw, ty + 0.8 * size)
                    if (box[0] >= x0 and box[2] <= x0 + self.plot_w and box[3] <= top
                            and not any(_intersects(box, o) for o in self._occupied)):
                        _text(c, lx, ty, text, size, INK)
                        self._occupied.append(box)
                        break
        self._gaps.update(round(xx, 1) for xx in gaps)
        return bool(gaps)

    def _flow_legend(self, c: Canvas, x: float, top: float) -> None:
        present = [(key, legend, style) for key, legend, style in FLOW_SERIES
                   if self.data.has(key)]
        upright = any(key.startswith("flow.upright") for key, _l, _s in present)
        yy = top - TICK_PT
        _text(c, x, yy, t("chart.flow.legend_upright" if upright else "chart.flow.legend"),
              TICK_PT, MUTED)
        for key, legend, style in present:
            yy -= TICK_PT + 3.2
            c.setStrokeColor(style.colour)
            c.setLineWidth(style.width)
            if style.dash:
                c.setDash(list(style.dash), 0)
            else:
                c.setDash()
            c.line(x, yy + 2.3, x + 20, yy + 2.3)
            c.setDash()
            _marker(c, style.marker, x + 10, yy + 2.3, 4.0, style.colour, style.filled)
            text = t(f"chart.flow.{legend}")
            if key.startswith("flow.upright"):
                text = t("chart.flow.upright", series=text)
            _text(c, x + 24, yy, text, TICK_PT)


def trend_chart(data: ReportData, width: float) -> TrendChart | None:
    """The charts of ``data``; None when no visit has a value to chart."""
    chart = TrendChart(data, width)
    return chart if chart.panels else None
