"""The patient list: one row per patient, from :mod:`proapp.services.patients.listing`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from proapp.domain.patient import MsSubtype
from proapp.domain.schedule import ScheduledVisit, VisitState
from proapp.gui.common.shown_rows import ShownRows
from proapp.gui.common.table import ALERT, Column, RowTableModel, date_key, iso
from proapp.services.patients.listing import PatientRow, SearchIndex, search_terms

STATE_ORDER = {VisitState.OVERDUE: 0, VisitState.DUE: 1, VisitState.UPCOMING: 2}


def flags_text(r: PatientRow) -> str:
    return " ".join(t for t, on in (("Headache+", r.headache_positive),
                                     ("Fatigue+", r.fatigue_positive)) if on)


def due_text(v: ScheduledVisit | None) -> str:
    """"m6 2014-09-10 OVERDUE": the state in words, never by colour alone."""
    if v is None or v.target is None:
        return "" if v is None else f"{v.label} (no PTA date yet)"
    state = "OVERDUE" if v.state is VisitState.OVERDUE else v.state.value
    return f"{v.label}  {iso(v.target)}  {state}"


def due_tooltip(v: ScheduledVisit | None) -> str:
    if v is None or v.window_start is None:
        return ""
    return (f"{v.definition.title}: target {iso(v.target)}, window {iso(v.window_start)} to "
            f"{iso(v.window_end)} ({v.state.value})" + ("; a draft is saved" if v.has_draft
                                                         else ""))


class PatientTableModel(RowTableModel[PatientRow]):
    CODE, NAME, SUBTYPE, FLAGS, PTA_DATE, LAST_VISIT, NEXT_DUE = range(7)
    columns = (
        Column("Code", lambda r: r.code, width_hint="DEMO-00000"),
        Column("Name", lambda r: r.name, key=lambda r: (r.search_key.split(" ", 1)[-1]),
               width_hint="Papadopoulos, Francesca"),
        Column("MS", lambda r: r.ms_subtype.value,
               tooltip=lambda r: MsSubtype(r.ms_subtype).title, width_hint="MS  "),
        Column("Flags", flags_text, width_hint="Headache+ Fatigue+"),
        Column("PTA date", lambda r: iso(r.first_pta), key=lambda r: date_key(r.first_pta),
               width_hint="2000-00-00"),
        Column("Last visit", lambda r: iso(r.last_visit), key=lambda r: date_key(r.last_visit),
               width_hint="2000-00-00"),
        Column("Next visit due", lambda r: due_text(r.next_due),
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
