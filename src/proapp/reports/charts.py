"""The trend charts: MIDAS total with grade bands, FSS mean with its threshold, IJV flow.

Built with matplotlib's object-oriented API on a bare :class:`~matplotlib.figure.Figure`
(never pyplot, never rcParams: every size and colour is set on the artist, so building a
report in a worker thread cannot disturb anything else). Drawn as vector graphics by
:mod:`proapp.reports.vector`. The palette is Okabe-Ito (distinct for the common colour-vision
deficiencies) and every series also differs by marker shape, so a grey photocopy still reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, MultipleLocator

from proapp.domain import schedule
from proapp.reports import vector
from proapp.reports.model import ReportData

INK = "#222222"
MUTED = "#6b6b6b"
GRID = "#d9d9d9"
PTA_COLOUR = "#CC79A7"  # Okabe-Ito reddish purple
BLUE, VERMILLION, GREEN, SKY = "#0072B2", "#D55E00", "#009E73", "#56B4E9"
BAND_FILLS = ("#f3f6f9", "#e3ebf3", "#cfdceb", "#b6cadf")  # grades I-IV, light to darker

TICK_PT = 7.0
LABEL_PT = 7.5
TITLE_PT = 8.5
PANEL_PT = 118.0  # height of one panel's axes
GAP_PT = 34.0  # between panels (room for the next panel's title)
LEFT_PT, RIGHT_PT, TOP_PT, BOTTOM_PT = 40.0, 118.0, 20.0, 30.0

FLOW_SERIES = (  # column suffix, legend text, colour, marker
    ("left", "Left", BLUE, "o"),
    ("right", "Right", VERMILLION, "s"),
    ("total", "Total", GREEN, "^"),
)


@dataclass(frozen=True)
class Panel:
    kind: str  # "midas", "fss", "flow"
    title: str


def panels_for(data: ReportData) -> list[Panel]:
    """Only the charts that have something to show."""
    out = []
    if data.has("midas.total"):
        out.append(Panel("midas", "MIDAS total (days, last 3 months)"))
    if data.has("fss.mean"):
        out.append(Panel("fss", "FSS mean (1–7)"))
    if any(data.has(f"flow.{p}.{s}") for p in ("supine", "upright")
           for s in ("left", "right", "total")):
        out.append(Panel("flow", f"IJV flow ({data.flow_unit})"))
    return out


def _x(data: ReportData) -> list[Any]:
    if data.first_pta is not None:
        return [r.months_since_pta for r in data.rows]
    return [r.visit_date for r in data.rows]


def _series(data: ReportData, key: str) -> tuple[list[Any], list[float]]:
    xs, ys = [], []
    for x, r in zip(_x(data), data.rows, strict=True):
        v = r.values.get(key)
        if v is not None and x is not None:
            xs.append(x)
            ys.append(float(v))
    return xs, ys


def _style(ax: Axes, title: str) -> None:
    ax.set_title(title, loc="left", fontsize=TITLE_PT, fontweight="bold", color=INK, pad=6,
                 y=1.0)  # a fixed y skips matplotlib's costly automatic title placement
    ax.tick_params(labelsize=TICK_PT, colors=INK, length=3, width=0.6)
    ax.tick_params(axis="x", labelbottom=True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_linewidth(0.6)
        ax.spines[side].set_color(MUTED)
    ax.grid(axis="y", color=GRID, linewidth=0.5)
    ax.set_axisbelow(True)


def _mark_pta(ax: Axes, data: ReportData, first: bool) -> None:
    pta = data.first_pta
    if pta is None:
        return
    for i, d in enumerate(sorted(data.patient.pta_dates)):
        x = schedule.months_since(pta, d)
        ax.axvline(x, color=PTA_COLOUR, linewidth=1.0, linestyle=(0, (4, 2)), zorder=1.5)
        if first:
            ax.annotate("PTA" if i == 0 else "PTA " + str(i + 1), xy=(x, 1.0),
                        xycoords=("data", "axes fraction"), xytext=(3, -3),
                        textcoords="offset points", fontsize=LABEL_PT, color=PTA_COLOUR,
                        fontweight="bold", va="top", ha="left", annotation_clip=False)


def _midas(ax: Axes, data: ReportData) -> None:
    xs, ys = _series(data, "midas.total")
    top = max([30.0, *(y * 1.15 for y in ys)])
    label_pts: list[float] = []  # label centres in points from the axes bottom, kept apart
    for band, fill in zip(data.midas_grades, BAND_FILLS, strict=False):
        low = band.low - 0.5 if band.low > 0 else 0
        high = band.high + 0.5 if band.high is not None else top
        ax.axhspan(low, high, facecolor=fill, edgecolor="none", zorder=0)
        mid_pt = (low + min(high, top)) / 2 / top * PANEL_PT
        if label_pts:
            mid_pt = max(mid_pt, label_pts[-1] + TICK_PT + 2)
        label_pts.append(mid_pt)
        ax.annotate(f"{band.grade}  {band.meaning}", xy=(1.0, mid_pt / PANEL_PT),
                    xycoords="axes fraction", xytext=(6, 0), textcoords="offset points",
                    fontsize=TICK_PT, color=MUTED, va="center", ha="left",
                    annotation_clip=False)
    ax.plot(xs, ys, color=INK, linewidth=1.3, marker="o", markersize=4, zorder=3,
            clip_on=False)
    ax.set_ylim(0, top)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    ax.grid(False)


def _fss(ax: Axes, data: ReportData) -> None:
    xs, ys = _series(data, "fss.mean")
    threshold = float(data.fss_threshold)
    ax.axhspan(threshold, 7.2, facecolor=BAND_FILLS[1], edgecolor="none", zorder=0)
    ax.axhline(threshold, color=VERMILLION, linewidth=0.9, linestyle=(0, (5, 2)), zorder=1)
    ax.annotate(f"{data.fss_threshold} significant fatigue", xy=(1.0, threshold),
                xycoords=("axes fraction", "data"), xytext=(6, 0), textcoords="offset points",
                fontsize=TICK_PT, color=VERMILLION, va="center", ha="left",
                annotation_clip=False)
    ax.plot(xs, ys, color=BLUE, linewidth=1.3, marker="D", markersize=3.6, zorder=3,
            clip_on=False)
    ax.set_ylim(0.8, 7.2)
    ax.set_yticks([1, 2, 3, 4, 5, 6, 7])


def _flow(ax: Axes, data: ReportData) -> None:
    handles = []
    top = 0.0
    for posture, style in (("supine", "-"), ("upright", (0, (3, 1.5)))):
        for suffix, text, colour, marker in FLOW_SERIES:
            xs, ys = _series(data, f"flow.{posture}.{suffix}")
            if not xs:
                continue
            top = max(top, *ys)
            label = text if posture == "supine" else f"{text}, upright"
            (line,) = ax.plot(xs, ys, color=colour, linewidth=1.2, linestyle=style,
                              marker=marker, markersize=3.8, label=label, zorder=3, clip_on=False,
                              markerfacecolor=colour if posture == "supine" else "white")
            handles.append(line)
    ax.set_ylim(0, max(top * 1.12, 100.0))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5))
    if handles:
        upright = any("upright" in str(h.get_label()) for h in handles)
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  fontsize=TICK_PT, frameon=False, handlelength=2.2, borderaxespad=0.0,
                  title="supine unless noted" if upright else "supine", title_fontsize=TICK_PT)


def _x_axis(axes: Sequence[Axes], data: ReportData) -> None:
    xs = [x for x in _x(data) if x is not None]
    if data.first_pta is not None:
        values = [*xs, 0.0]
        lo, hi = min(values), max(values)
        span = max(hi - lo, 3.0)
        step = next(s for s in (1, 3, 6, 12, 24, 36, 60) if span / s <= 9)
        pad = max(span * 0.04, 0.5)
        for ax in axes:
            ax.set_xlim(lo - pad, hi + pad)
            ax.xaxis.set_major_locator(MultipleLocator(step))
        axes[-1].set_xlabel(f"Months since PTA ({data.first_pta.isoformat()})",
                            fontsize=LABEL_PT, color=INK)
    else:
        from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num

        nums = [date2num(x) for x in xs] if xs else [date2num(date.today())]
        lo, hi = min(nums), max(nums)
        pad = max((hi - lo) * 0.04, 15)
        for ax in axes:
            ax.set_xlim(lo - pad, hi + pad)
            locator = AutoDateLocator(minticks=3, maxticks=8)
            ax.xaxis.set_major_locator(locator)
            formats = ["%Y", "%b %Y", "%d %b %Y", "%H:%M", "%H:%M", "%S"]
            ax.xaxis.set_major_formatter(ConciseDateFormatter(
                locator, formats=formats, zero_formats=formats, show_offset=False))
        axes[-1].set_xlabel("Visit date (no PTA recorded yet)", fontsize=LABEL_PT, color=INK)


def trend_figure(data: ReportData, width_pt: float) -> Figure | None:
    """One figure with a panel per measure that has values; None when there is none."""
    panels = panels_for(data)
    if not panels:
        return None
    n = len(panels)
    height = TOP_PT + BOTTOM_PT + n * PANEL_PT + (n - 1) * GAP_PT
    fig = vector.new_figure(width_pt, height)
    axes: list[Axes] = []
    for i, panel in enumerate(panels):
        bottom = BOTTOM_PT + (n - 1 - i) * (PANEL_PT + GAP_PT)
        ax = fig.add_axes((LEFT_PT / width_pt, bottom / height,
                           (width_pt - LEFT_PT - RIGHT_PT) / width_pt, PANEL_PT / height))
        _style(ax, panel.title)
        {"midas": _midas, "fss": _fss, "flow": _flow}[panel.kind](ax, data)
        _mark_pta(ax, data, first=(i == 0))
        axes.append(ax)
    _x_axis(axes, data)
    return fig
