"""Table models of the analysis window: one column table per result table.

The text of every cell comes from :mod:`proapp.reports.analysis.text`, so the window shows
exactly what the CSV files and the PDF print.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from proapp.domain.timepoints import COMPARED
from proapp.gui.common.language import QT_TRANSLATE_NOOP, shown
from proapp.gui.common.table import CellStyle, Column, RowTableModel
from proapp.reports.analysis.model import (
    DescriptiveRow,
    FriedmanRow,
    PosthocRow,
    SpearmanRow,
    group_title,
)
from proapp.reports.analysis.text import decimal, fixed, p_text

# The column headers, translated by Column.title() (marked here for pyside6-lupdate).
HEADERS = (QT_TRANSLATE_NOOP("Column", "Group"),
           QT_TRANSLATE_NOOP("Column", "Compared"),
           QT_TRANSLATE_NOOP("Column", "n"),
           QT_TRANSLATE_NOOP("Column", "Excluded"),
           QT_TRANSLATE_NOOP("Column", "χ²"),
           QT_TRANSLATE_NOOP("Column", "df"),
           QT_TRANSLATE_NOOP("Column", "p"),
           QT_TRANSLATE_NOOP("Column", "Kendall's W"),
           QT_TRANSLATE_NOOP("Column", "Follow-up (y)"),
           QT_TRANSLATE_NOOP("Column", "Note"),
           QT_TRANSLATE_NOOP("Column", "Pair"),
           QT_TRANSLATE_NOOP("Column", "≠0"),
           QT_TRANSLATE_NOOP("Column", "W"),
           QT_TRANSLATE_NOOP("Column", "Median Δ"),
           QT_TRANSLATE_NOOP("Column", "p (Holm)"),
           QT_TRANSLATE_NOOP("Column", "Method"),
           QT_TRANSLATE_NOOP("Column", "rho"),
           QT_TRANSLATE_NOOP("Column", "Time point"),
           QT_TRANSLATE_NOOP("Column", "Patients"),
           QT_TRANSLATE_NOOP("Column", "Median (IQR)"),
           QT_TRANSLATE_NOOP("Column", "Mean (SD)"))

SIGNIFICANT = 0.05
BOLD = CellStyle(bold=True)  # p < 0.05 (the text says the value; bold only draws the eye)


def _sig(p: float | None) -> CellStyle | None:
    return BOLD if p is not None and p < SIGNIFICANT else None


def _n(value: int) -> str:
    return str(value)


def _iqr(d: DescriptiveRow) -> str:
    if d.n == 0:
        return ""
    return f"{decimal(d.median)} ({decimal(d.q1)}–{decimal(d.q3)})"


def _comparison(r: FriedmanRow) -> str:
    """The three compared time points, in the screens' language."""
    return QCoreApplication.translate("Analysis", "{a} vs {b} vs {c}").format(
        a=shown(COMPARED[r.measure][0].title), b=shown(COMPARED[r.measure][1].title),
        c=shown(COMPARED[r.measure][2].title))


def _cases(r: DescriptiveRow) -> str:
    return (QCoreApplication.translate("Analysis", "tested") if r.cases == "complete"
            else QCoreApplication.translate("Analysis", "all available"))


def _msd(d: DescriptiveRow) -> str:
    if d.n == 0:
        return ""
    return decimal(d.mean) + (f" ({decimal(d.sd)})" if d.sd is not None else "")

# How a Wilcoxon p-value was computed (the result files keep the code).
METHODS = {"exact": QT_TRANSLATE_NOOP("Analysis", "exact"),
           "asymptotic": QT_TRANSLATE_NOOP("Analysis", "asymptotic")}


def _method(code: str) -> str:
    return QCoreApplication.translate("Analysis", METHODS.get(code, code))


class FriedmanModel(RowTableModel[FriedmanRow]):
    columns = (
        Column("Group", lambda r: shown(group_title(r.group_id)),
               width_hint="Headache+ RR  "),
        Column("Compared", _comparison,
               width_hint="Pre-PTA vs 3 months vs Final follow-up"),
        Column("n", lambda r: _n(r.n), key=lambda r: r.n, align_right=True),
        Column("Excluded", lambda r: _n(r.n_excluded), key=lambda r: r.n_excluded,
               tooltip=lambda r: shown(r.excluded_why), align_right=True),
        Column("χ²", lambda r: fixed(r.statistic), key=lambda r: r.statistic or 0,
               align_right=True, width_hint="000.0000"),
        Column("df", lambda r: _n(r.df), align_right=True),
        Column("p", lambda r: p_text(r.p_value), key=lambda r: r.p_value or 1,
               align_right=True, width_hint="0.0000000", style=lambda r: _sig(r.p_value)),
        Column("Kendall's W", lambda r: fixed(r.kendall_w), key=lambda r: r.kendall_w or 0,
               align_right=True, width_hint="0.0000"),
        Column("Follow-up (y)", lambda r: decimal(r.follow_up_years_mean), align_right=True),
        Column("Note", lambda r: shown(r.note or r.excluded_why),
               tooltip=lambda r: shown(r.excluded_why)),
    )



class PosthocModel(RowTableModel[PosthocRow]):
    columns = (
        Column("Group", lambda r: shown(group_title(r.group_id)),
               width_hint="Headache+ RR  "),
        Column("Pair", lambda r: f"{shown(r.a.short)} → {shown(r.b.short)}",
               width_hint="3 mo → final "),
        Column("n", lambda r: _n(r.n), key=lambda r: r.n, align_right=True, width_hint="000"),
        Column("≠0", lambda r: _n(r.n_nonzero) if r.statistic is not None else "",
               align_right=True, width_hint="000"),
        Column("W", lambda r: fixed(r.statistic, 1), key=lambda r: r.statistic or 0,
               align_right=True, width_hint="00000.0"),
        Column("Median Δ", lambda r: decimal(r.median_difference), align_right=True,
               key=lambda r: r.median_difference or 0, width_hint="-000.00"),
        Column("p", lambda r: p_text(r.p_value), key=lambda r: r.p_value or 1,
               align_right=True, width_hint="0.0000000"),
        Column("p (Holm)", lambda r: p_text(r.p_holm), key=lambda r: r.p_holm or 1,
               align_right=True, width_hint="0.0000000", style=lambda r: _sig(r.p_holm)),
        Column("Method", lambda r: _method(r.method) if r.method else shown(r.note)),
    )



class SpearmanModel(RowTableModel[SpearmanRow]):
    columns = (
        Column("Group", lambda r: shown(group_title(r.group_id)),
               width_hint="Headache+ RR  "),
        Column("Pair", lambda r: shown(r.pair.title),
               width_hint="Final follow-up (MIDAS and flow at the same visit)"),
        Column("n", lambda r: _n(r.n), key=lambda r: r.n, align_right=True),
        Column("rho", lambda r: fixed(r.rho), key=lambda r: r.rho or 0, align_right=True,
               width_hint="-0.0000"),
        Column("p", lambda r: p_text(r.p_value), key=lambda r: r.p_value or 1,
               align_right=True, width_hint="0.0000000", style=lambda r: _sig(r.p_value)),
        Column("Note", lambda r: shown(r.note)),
    )



class DescriptivesModel(RowTableModel[DescriptiveRow]):
    columns = (
        Column("Group", lambda r: shown(group_title(r.group_id)),
               width_hint="Headache+ RR  "),
        Column("Time point", lambda r: shown(r.time_point.title),
               width_hint="Ultimo follow-up "),
        Column("Patients", _cases),
        Column("n", lambda r: _n(r.n), key=lambda r: r.n, align_right=True),
        Column("Median (IQR)", _iqr, width_hint="447.4 (362.625–530.425)", align_right=True),
        Column("Mean (SD)", _msd, width_hint="447.054 (113.889)", align_right=True),
        Column("Follow-up (y)", lambda r: decimal(r.follow_up_years_mean), align_right=True),
    )
