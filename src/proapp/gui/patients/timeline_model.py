"""One patient's visit timeline, from :mod:`proapp.services.patients.overview`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from proapp.domain.schedule import VisitState
from proapp.gui.common.table import (
    ALERT_BACKGROUND,
    ALERT_FOREGROUND,
    MUTED_FOREGROUND,
    NOTICE_BACKGROUND,
    Column,
    RowTableModel,
    bold_font,
    brush,
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


class TimelineModel(RowTableModel[TimelineEntry]):
    VISIT, STATE, TARGET, WINDOW, VISIT_DATE = range(5)
    columns = (
        Column("Visit", lambda e: f"{e.label} – {e.title}",
               width_hint="baseline – Baseline (before PTA)"),
        Column("State", state_text, width_hint="upcoming (draft)"),
        Column("Target", lambda e: iso(e.target), width_hint="2000-00-00"),
        Column("Window", window_text, width_hint="2000-00-00 to 2000-00-00"),
        Column("Visit date", lambda e: iso(e.visit_date), width_hint="2000-00-00",
               tooltip=entered_text),
    )

    def style_data(self, row: TimelineEntry, column: int, role: int) -> Any:
        if column != self.STATE:
            if role == Qt.ItemDataRole.ForegroundRole and row.state in (
                    VisitState.UPCOMING.value, VisitState.MISSED.value):
                return brush(MUTED_FOREGROUND)
            return None
        if row.state == VisitState.OVERDUE.value or row.is_draft:
            if role == Qt.ItemDataRole.BackgroundRole:
                return brush(ALERT_BACKGROUND if row.state == VisitState.OVERDUE.value
                             else NOTICE_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole and row.state == VisitState.OVERDUE.value:
                return brush(ALERT_FOREGROUND)
            if role == Qt.ItemDataRole.FontRole:
                return bold_font()
        if row.state == VisitState.DUE.value and role == Qt.ItemDataRole.BackgroundRole:
            return brush(NOTICE_BACKGROUND)
        if row.state in (VisitState.UPCOMING.value, VisitState.MISSED.value) \
                and role == Qt.ItemDataRole.ForegroundRole:
            return brush(MUTED_FOREGROUND)
        return None
