"""One patient's visit timeline, from :mod:`proapp.services.patients.overview`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from proapp.domain.flow import Posture
from proapp.domain.schedule import VisitState
from proapp.gui.common.language import QT_TRANSLATE_NOOP, in_context, number_text, shown
from proapp.gui.common.table import (
    ALERT,
    MUTED,
    MUTED_FOREGROUND,
    NOTICE_BACKGROUND,
    CellStyle,
    Column,
    RowTableModel,
    day_text,
)
from proapp.services.patients.overview import UNSCHEDULED_STATE, TimelineEntry

STATE_TEXT = {
    VisitState.DONE.value: QT_TRANSLATE_NOOP("Timeline", "done"),
    VisitState.DUE.value: QT_TRANSLATE_NOOP("Timeline", "due"),
    VisitState.OVERDUE.value: QT_TRANSLATE_NOOP("Timeline", "OVERDUE"),
    VisitState.MISSED.value: QT_TRANSLATE_NOOP("Timeline", "missed"),
    VisitState.UPCOMING.value: QT_TRANSLATE_NOOP("Timeline", "upcoming"),
    UNSCHEDULED_STATE: QT_TRANSLATE_NOOP("Timeline", "unscheduled"),
}


translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


_t = in_context("Timeline")  # this screen's texts marked with QT_TRANSLATE_NOOP


def state_text(e: TimelineEntry) -> str:
    text = _t(STATE_TEXT.get(e.state, e.state))
    if e.is_draft:
        return QCoreApplication.translate("Timeline", "{state} (draft)").format(state=text)
    if e.visit is not None and e.visit.is_signed:
        return QCoreApplication.translate("Timeline", "{state}, signed").format(state=text)
    return text


def window_text(e: TimelineEntry) -> str:
    if e.window_start is None:
        return ""
    if e.window_start == e.window_end:
        return day_text(e.window_start)
    return QCoreApplication.translate("Timeline", "{start} to {end}").format(
        start=day_text(e.window_start), end=day_text(e.window_end))


def entered_text(e: TimelineEntry) -> str:
    if e.visit is None:
        return ""
    who = e.visit.entered_by or translate("Timeline", "unknown")
    if e.visit.is_signed:
        text = (QCoreApplication.translate("Timeline", "complete; signed; entered by {who}")
                if e.visit.is_complete else
                QCoreApplication.translate("Timeline", "draft; signed; entered by {who}"))
    else:
        text = (QCoreApplication.translate("Timeline", "complete; entered by {who}")
                if e.visit.is_complete else
                QCoreApplication.translate("Timeline", "draft; entered by {who}"))
    return text.format(who=who)


_MUTED_STATES = (VisitState.UPCOMING.value, VisitState.MISSED.value)


def state_style(e: TimelineEntry) -> CellStyle | None:
    """Overdue in alert colours; a draft, and a visit due now, on the notice background;
    visits not yet due (or missed) in muted text."""
    muted = e.state in _MUTED_STATES
    if e.state == VisitState.OVERDUE.value:
        return ALERT
    if e.is_draft:
        return CellStyle(NOTICE_BACKGROUND, MUTED_FOREGROUND if muted else None, bold=True)
    if e.state == VisitState.DUE.value:
        return CellStyle(NOTICE_BACKGROUND)
    return MUTED if muted else None


def other_style(e: TimelineEntry) -> CellStyle | None:
    return MUTED if e.state in _MUTED_STATES else None


def midas_text(e: TimelineEntry) -> str:
    """"12 (III)": the MIDAS total and grade, from the domain summary; blank if not computable."""
    s = e.summary
    if s is None or s.midas_total is None:
        return ""
    return f"{s.midas_total} ({s.midas_grade})" if s.midas_grade else str(s.midas_total)


def fss_text(e: TimelineEntry) -> str:
    s = e.summary
    return "" if s is None or s.fss_mean is None else number_text(s.fss_mean)


def flow_text(e: TimelineEntry) -> str:
    s = e.summary
    total = None if s is None else s.flow_value(Posture.SUPINE, None)
    return "" if total is None else number_text(total)


class TimelineModel(RowTableModel[TimelineEntry]):
    VISIT, STATE, TARGET, WINDOW, VISIT_DATE, MIDAS, FSS, FLOW = range(8)
    columns = (
        Column(QT_TRANSLATE_NOOP("Column", "Visit"), lambda e: f"{e.label} – {shown(e.title)}",
               width_hint="baseline – Baseline (before PTA)", style=other_style),
        Column(QT_TRANSLATE_NOOP("Column", "State"),
               state_text, width_hint="unscheduled (draft)", style=state_style),
        Column(QT_TRANSLATE_NOOP("Column", "Target"),
               lambda e: day_text(e.target), width_hint="2000-00-00", style=other_style),
        Column(QT_TRANSLATE_NOOP("Column", "Window"),
               window_text, width_hint="2000-00-00 to 2000-00-00", style=other_style),
        Column(QT_TRANSLATE_NOOP("Column", "Visit date"),
               lambda e: day_text(e.visit_date), width_hint="2000-00-00",
               tooltip=entered_text, style=other_style),
        Column(QT_TRANSLATE_NOOP("Column", "MIDAS"), midas_text, align_right=True,
               width_hint="90 (IV)",
               tooltip=lambda e: translate("Timeline", "MIDAS total in days (grade)")
               if midas_text(e) else "",
               style=other_style),
        Column(QT_TRANSLATE_NOOP("Column", "FSS"), fss_text, align_right=True,
               width_hint="7.00",
               tooltip=lambda e: translate("Timeline", "FSS mean score (1-7)")
               if fss_text(e) else "",
               style=other_style),
        Column(QT_TRANSLATE_NOOP("Column", "Flow"), flow_text, align_right=True,
               width_hint="0000.0",
               tooltip=lambda e: translate("Timeline", "Total supine IJV flow, mL/min")
               if flow_text(e) else "",
               style=other_style),
    )
