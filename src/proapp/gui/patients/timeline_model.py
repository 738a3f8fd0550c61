"""One patient's visit timeline, from :mod:`proapp.services.patients.overview`."""

from __future__ import annotations

from proapp.domain.flow import Posture
from proapp.domain.schedule import VisitState
from proapp.gui.common.table import (
    ALERT,
    MUTED,
    MUTED_FOREGROUND,
    NOTICE_BACKGROUND,
    CellStyle,
    Column,
    RowTableModel,
    iso,
)
from proapp.services.patients.overview import UNSCHEDULED_STATE, TimelineEntry

STATE_TEXT = {
    VisitState.DONE.value: "done",
    VisitState.DUE.value: "due",
    VisitState.OVERDUE.value: "OVERDUE",
    VisitState.MISSED.value: "missed",
    VisitState.UPCOMING.value: "upcoming",
    UNSCHEDULED_STATE: "unscheduled",
}


def state_text(e: TimelineEntry) -> str:
    text = STATE_TEXT.get(e.state, e.state)
    if e.is_draft:
        return f"{text} (draft)"
    return f"{text}, signed" if e.visit is not None and e.visit.is_signed else text


def window_text(e: TimelineEntry) -> str:
    if e.window_start is None:
        return ""
    if e.window_start == e.window_end:
        return iso(e.window_start)
    return f"{iso(e.window_start)} to {iso(e.window_end)}"


def entered_text(e: TimelineEntry) -> str:
    if e.visit is None:
        return ""
    who = e.visit.entered_by or "unknown"
    status = "complete" if e.visit.is_complete else "draft"
    signed = "; signed" if e.visit.is_signed else ""
    return f"{status}{signed}; entered by {who}"


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
    return "" if s is None or s.fss_mean is None else str(s.fss_mean)


def flow_text(e: TimelineEntry) -> str:
    s = e.summary
    total = None if s is None else s.flow_value(Posture.SUPINE, None)
    return "" if total is None else str(total)


class TimelineModel(RowTableModel[TimelineEntry]):
    VISIT, STATE, TARGET, WINDOW, VISIT_DATE, MIDAS, FSS, FLOW = range(8)
    columns = (
        Column("Visit", lambda e: f"{e.label} – {e.title}",
               width_hint="baseline – Baseline (before PTA)", style=other_style),
        Column("State", state_text, width_hint="unscheduled (draft)", style=state_style),
        Column("Target", lambda e: iso(e.target), width_hint="2000-00-00", style=other_style),
        Column("Window", window_text, width_hint="2000-00-00 to 2000-00-00", style=other_style),
        Column("Visit date", lambda e: iso(e.visit_date), width_hint="2000-00-00",
               tooltip=entered_text, style=other_style),
        Column("MIDAS", midas_text, align_right=True, width_hint="90 (IV)",
               tooltip=lambda e: "MIDAS total in days (grade)" if midas_text(e) else "",
               style=other_style),
        Column("FSS", fss_text, align_right=True, width_hint="7.00",
               tooltip=lambda e: "FSS mean score (1-7)" if fss_text(e) else "",
               style=other_style),
        Column("Flow", flow_text, align_right=True, width_hint="0000.0",
               tooltip=lambda e: "Total supine IJV flow, mL/min" if flow_text(e) else "",
               style=other_style),
    )
