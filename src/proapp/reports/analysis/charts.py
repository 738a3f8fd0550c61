"""Figures of the cohort analysis: box plots per time point and individual trajectories.

One figure per measure and group, two panels: on the left every available value at each time
point as a box plot (median, quartiles by linear interpolation as in the tables, whiskers to
the furthest value within 1.5 IQR, points beyond); on the right the Friedman test's complete
cases, one thin line per patient across the compared time points, with the median in bold.
Built on a bare :class:`~matplotlib.figure.Figure` (no pyplot, no global state), so the same
figure is drawn into the PDF as vectors and shown in the GUI on a Qt canvas.
"""

from __future__ import annotations

from statistics import median

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from proapp.domain.timepoints import COMPARED, TIME_POINTS, Measure
from proapp.reports.analysis import vector
from proapp.reports.analysis.model import AnalysisResult, group_title
from proapp.reports.analysis.text import p_text

# The report palette (Okabe-Ito, as the trend charts), as matplotlib colour strings.
INK, MUTED, GRID = "#222222", "#6b6b6b", "#d9d9d9"
BLUE, VERMILLION = "#0072B2", "#D55E00"

TICK_PT = 7.0
LABEL_PT = 7.0
TITLE_PT = 8.0
HEIGHT_PT = 165.0


def _style(ax: Axes, title: str) -> None:
    ax.set_title(title, loc="left", fontsize=TITLE_PT, fontweight="bold", color=INK, pad=5,
                 y=1.0)
    ax.tick_params(labelsize=TICK_PT, colors=INK, length=3, width=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_linewidth(0.6)
        ax.spines[side].set_color(MUTED)
    ax.grid(axis="y", color=GRID, linewidth=0.5)
    ax.set_axisbelow(True)


def figure(result: AnalysisResult, measure: Measure, group_id: str, width_pt: float,
           height_pt: float = HEIGHT_PT) -> Figure:
    """The two panels for one measure in one group, sized in points for the PDF."""
    fig = Figure(figsize=(width_pt / vector.DPI, height_pt / vector.DPI), dpi=vector.DPI)
    draw(fig, result, measure, group_id)
    return fig


def draw(fig: Figure, result: AnalysisResult, measure: Measure, group_id: str) -> None:
    """Draw the two panels into ``fig`` (cleared first): the PDF's figure or a GUI canvas."""
    fig.clear()
    fig.subplots_adjust(left=0.08, right=0.985, top=0.86, bottom=0.2, wspace=0.22)
    box_ax, line_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.35, 1.0]})
    unit = measure.unit
    points = TIME_POINTS[measure]
    data = [[float(v) for v in result.values(measure, group_id, t)] for t in points]
    filled = [i for i, d in enumerate(data) if d]
    if filled:
        box_ax.boxplot([data[i] for i in filled], positions=filled, widths=0.5, whis=1.5,
                       patch_artist=True, manage_ticks=False,
                       boxprops={"facecolor": "#dbe7f3", "edgecolor": BLUE, "linewidth": 0.8},
                       medianprops={"color": VERMILLION, "linewidth": 1.4},
                       whiskerprops={"color": BLUE, "linewidth": 0.8},
                       capprops={"color": BLUE, "linewidth": 0.8},
                       flierprops={"marker": "o", "markersize": 2.2, "markerfacecolor": "none",
                                   "markeredgecolor": MUTED, "markeredgewidth": 0.5})
    box_ax.set_xticks(range(len(points)))
    box_ax.set_xticklabels([f"{t.short}\nn={len(d)}" for t, d in zip(points, data,
                                                                      strict=True)])
    box_ax.set_xlim(-0.6, len(points) - 0.4)
    box_ax.set_ylabel(unit, fontsize=LABEL_PT, color=MUTED)
    _style(box_ax, f"{measure.title} · {group_title(group_id)} · all values")

    compared = COMPARED[measure]
    paths = result.trajectories(measure, group_id)
    xs = list(range(len(compared)))
    for values in paths:
        line_ax.plot(xs, [float(v) for v in values], color=BLUE, linewidth=0.5,
                     alpha=0.28 if len(paths) > 30 else 0.5, zorder=2)
    if paths:
        medians = [median([float(p[i]) for p in paths]) for i in xs]
        line_ax.plot(xs, medians, color=VERMILLION, linewidth=2.0, marker="o", markersize=4,
                     zorder=3, label="median")
        line_ax.legend(loc="upper right", fontsize=LABEL_PT, frameon=False, handlelength=1.6)
    else:
        line_ax.text(0.5, 0.5, "no complete cases", transform=line_ax.transAxes,
                     ha="center", va="center", fontsize=LABEL_PT, color=MUTED)
    line_ax.set_xticks(xs)
    line_ax.set_xticklabels([t.short for t in compared])
    line_ax.set_xlim(-0.25, len(compared) - 0.75)
    if filled:
        line_ax.set_ylim(box_ax.get_ylim())
    title = f"Tested (n = {len(paths)})"
    tested = result.friedman_of(measure, group_id)
    if tested is not None and tested.p_value is not None:
        title += f" · Friedman p = {p_text(tested.p_value)}"
    else:
        title = f"Tested patients (n = {len(paths)})"
    _style(line_ax, title)
