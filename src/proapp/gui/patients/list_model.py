"""The patient list: one row per patient, from :mod:`proapp.services.patients.listing`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from proapp.domain.patient import MsSubtype
from proapp.domain.schedule import ScheduledVisit, VisitState
from proapp.gui.common.language import QT_TRANSLATE_NOOP, in_context, shown
from proapp.gui.common.shown_rows import ShownRows
from proapp.gui.common.table import ALERT, Column, RowTableModel, date_key, day_text
from proapp.services.patients.listing import PatientRow, SearchIndex, search_terms

STATE_ORDER = {VisitState.OVERDUE: 0, VisitState.DUE: 1, VisitState.UPCOMING: 2}


translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


_t = in_context("PatientList")  # this screen's texts marked with QT_TRANSLATE_NOOP


def flags_text(r: PatientRow) -> str:
    return " ".join(_t(t) for t, on in (
        (QT_TRANSLATE_NOOP("PatientList", "Headache+"), r.headache_positive),
        (QT_TRANSLATE_NOOP("PatientList", "Fatigue+"), r.fatigue_positive)) if on)


STATE_TEXT = {VisitState.DONE: QT_TRANSLATE_NOOP("PatientList", "done"),
              VisitState.DUE: QT_TRANSLATE_NOOP("PatientList", "due"),
              VisitState.OVERDUE: QT_TRANSLATE_NOOP("PatientList", "OVERDUE"),
              VisitState.MISSED: QT_TRANSLATE_NOOP("PatientList", "missed"),
              VisitState.UPCOMING: QT_TRANSLATE_NOOP("PatientList", "upcoming")}


def due_text(v: ScheduledVisit | None) -> str:
    """"m6 10/09/2014 OVERDUE": the state in words, never by colour alone."""
    if v is None or v.target is None:
        return "" if v is None else translate("PatientList", "{label} (no PTA date yet)").format(
            label=v.label)
    return f"{v.label}  {day_text(v.target)}  {_t(STATE_TEXT[v.state])}"


def due_tooltip(v: ScheduledVisit | None) -> str:
    if v is None or v.window_start is None:
        return ""
    text = translate("PatientList",
                     "{title}: target {target}, window {start} to {end} ({state})").format(
        title=shown(v.definition.title), target=day_text(v.target),
        start=day_text(v.window_start), end=day_text(v.window_end),
        state=_t(STATE_TEXT[v.state]))
    return text + translate("PatientList", "; a draft is saved") if v.has_draft else text


class PatientTableModel(RowTableModel[PatientRow]):
    CODE, NAME, SUBTYPE, FLAGS, PTA_DATE, LAST_VISIT, NEXT_DUE = range(7)
    columns = (
        Column(QT_TRANSLATE_NOOP("Column", "Code"), lambda r: r.code, width_hint="DEMO-00000"),
        Column(QT_TRANSLATE_NOOP("Column", "Name"),
               lambda r: r.name, key=lambda r: (r.search_key.split(" ", 1)[-1]),
               width_hint="Papadopoulos, Francesca"),
        Column(QT_TRANSLATE_NOOP("Column", "MS"), lambda r: r.ms_subtype.value,
               tooltip=lambda r: shown(MsSubtype(r.ms_subtype).title), width_hint="MS  "),
        Column(QT_TRANSLATE_NOOP("Column", "Flags"), flags_text,
               width_hint="Headache+ Fatigue+"),
        Column(QT_TRANSLATE_NOOP("Column", "PTA date"),
               lambda r: day_text(r.first_pta), key=lambda r: date_key(r.first_pta),
               width_hint="2000-00-00"),
        Column(QT_TRANSLATE_NOOP("Column", "Last visit"),
               lambda r: day_text(r.last_visit), key=lambda r: date_key(r.last_visit),
               width_hint="2000-00-00"),
        Column(QT_TRANSLATE_NOOP("Column", "Next visit due"), lambda r: due_text(r.next_due),
               key=lambda r: (STATE_ORDER.get(r.next_due.state, 9) if r.next_due else 9,
                              date_key(r.next_due.target if r.next_due else None)),
               tooltip=lambda r: due_tooltip(r.next_due),
               width_hint="baseline  2000-00-00  upcoming",
               style=lambda r: ALERT if r.overdue else None),
    )


class PatientFilter:
    """What the user asked to see: search text and the subtype / flag filters. The search
    terms are looked up in the list's :class:`SearchIndex` (``ids``); the other filters are
    tested on the row objects."""

    def __init__(self, text: str = "", subtype: MsSubtype | None = None,
                 headache: bool = False, fatigue: bool = False):
        self.terms: Sequence[str] = search_terms(text)
        self.subtype = subtype
        self.headache = headache
        self.fatigue = fatigue
        self.ids: frozenset[int] | None = None  # rows the terms match; None: not searched

    def narrows(self) -> bool:
        """Whether the subtype or flag filters leave anything out."""
        return bool(self.subtype or self.headache or self.fatigue)

    def passes_filters(self, r: PatientRow) -> bool:
        return ((self.subtype is None or r.ms_subtype is self.subtype)
                and (not self.headache or r.headache_positive)
                and (not self.fatigue or r.fatigue_positive))

    def __call__(self, r: PatientRow) -> bool:
        if self.terms and not (r.id in self.ids if self.ids is not None
                               else r.matches(self.terms)):
            return False
        return self.passes_filters(r)

    @property
    def is_empty(self) -> bool:
        return not (self.terms or self.narrows())


class PatientFilterProxy(ShownRows):
    """The patients the filter lets through; ``hidden`` counts those the search matches but
    the subtype or flag filters hide (said beside the count, never silently)."""

    def __init__(self, source: PatientTableModel, parent: Any = None):
        super().__init__(source, parent)
        self.index_of_words = SearchIndex()
        self.hidden = 0

    def set_filter(self, f: PatientFilter) -> None:
        if f.terms:
            f.ids = self.index_of_words.find(f.terms)
        self.set_accept(None if f.is_empty else f)
        self.hidden = 0
        if f.terms and f.narrows() and f.ids is not None:
            self.hidden = len(f.ids) - self.rowCount()
