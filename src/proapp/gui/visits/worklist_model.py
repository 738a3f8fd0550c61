"""The worklist: visits due or overdue today, from :mod:`proapp.services.patients.listing`."""

from __future__ import annotations

from proapp.gui.common.table import ALERT, Column, RowTableModel, date_key, iso
from proapp.services.patients.listing import WorklistEntry


def state_text(e: WorklistEntry) -> str:
    return "OVERDUE" if e.overdue else "due"


class WorklistModel(RowTableModel[WorklistEntry]):
    STATE, CODE, NAME, VISIT, TARGET, WINDOW_END, DRAFT = range(7)
    columns = (
        Column("State", state_text, key=lambda e: (not e.overdue, date_key(e.visit.window_end)),
               width_hint="OVERDUE", style=lambda e: ALERT if e.overdue else None),
        Column("Code", lambda e: e.patient.code, width_hint="DEMO-00000"),
        Column("Name", lambda e: e.patient.name, key=lambda e: e.patient.search_key,
               width_hint="Papadopoulos, Francesca"),
        Column("Visit", lambda e: f"{e.label} – {e.visit.definition.title}",
               key=lambda e: (e.visit.definition.months, e.label),
               width_hint="baseline – Baseline (before PTA)"),
        Column("Target", lambda e: iso(e.visit.target), key=lambda e: date_key(e.visit.target),
               width_hint="2000-00-00"),
        Column("Window closes", lambda e: iso(e.visit.window_end),
               key=lambda e: date_key(e.visit.window_end), width_hint="2000-00-00"),
        Column("Draft", lambda e: "draft saved" if e.has_draft else "",
               tooltip=lambda e: "Entry was started and saved as a draft; Enter resumes it"
               if e.has_draft else "", width_hint="draft saved"),
    )
