"""The worklist: visits due or overdue today, from :mod:`proapp.services.patients.listing`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from proapp.gui.common.language import QT_TRANSLATE_NOOP, in_context, shown
from proapp.gui.common.table import ALERT, Column, RowTableModel, date_key, day_text
from proapp.services.patients.listing import WorklistEntry

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


_t = in_context("Worklist")  # this screen's texts marked with QT_TRANSLATE_NOOP


def state_text(e: WorklistEntry) -> str:
    return translate("Worklist", "OVERDUE") if e.overdue else translate("Worklist", "due")


_WORDS = (QT_TRANSLATE_NOOP("Worklist", "OVERDUE"), QT_TRANSLATE_NOOP("Worklist", "due"),
          QT_TRANSLATE_NOOP("Worklist", "draft saved"),
          QT_TRANSLATE_NOOP("Worklist", "Entry was started and saved as a draft; Enter "
                                        "resumes it"))


class WorklistModel(RowTableModel[WorklistEntry]):
    STATE, CODE, NAME, VISIT, TARGET, WINDOW_END, DRAFT = range(7)
    columns = (
        Column(QT_TRANSLATE_NOOP("Column", "State"),
               state_text, key=lambda e: (not e.overdue, date_key(e.visit.window_end)),
               width_hint="OVERDUE", style=lambda e: ALERT if e.overdue else None),
        Column(QT_TRANSLATE_NOOP("Column", "Code"),
               lambda e: e.patient.code, width_hint="DEMO-00000"),
        Column(QT_TRANSLATE_NOOP("Column", "Name"),
               lambda e: e.patient.name, key=lambda e: e.patient.search_key,
               width_hint="Papadopoulos, Francesca"),
        Column(QT_TRANSLATE_NOOP("Column", "Visit"),
               lambda e: f"{e.label} – {shown(e.visit.definition.title)}",
               key=lambda e: (e.visit.definition.months, e.label),
               width_hint="baseline – Baseline (before PTA)"),
        Column(QT_TRANSLATE_NOOP("Column", "Target"),
               lambda e: day_text(e.visit.target), key=lambda e: date_key(e.visit.target),
               width_hint="2000-00-00"),
        Column(QT_TRANSLATE_NOOP("Column", "Window closes"),
               lambda e: day_text(e.visit.window_end),
               key=lambda e: date_key(e.visit.window_end), width_hint="2000-00-00"),
        Column(QT_TRANSLATE_NOOP("Column", "Draft"),
               lambda e: translate("Worklist", "draft saved") if e.has_draft else "",
               tooltip=lambda e: _t(_WORDS[3]) if e.has_draft else "",
               width_hint="draft saved"),
    )
