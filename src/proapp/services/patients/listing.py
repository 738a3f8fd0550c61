"""The patient list and the worklist of visits due today, for thousands of patients at once.

The main window shows every patient with the first PTA date, the last visit and the next visit
due. Loading that through the ORM relationships would issue a query per patient; here it is
four queries on plain table clauses (patients, first PTA per patient, per patient the complete
visits' labels aggregated by the database, the drafts; no ORM: the list loads at start-up
before the models are built) and one pass in Python that asks the domain schedule
(:func:`proapp.domain.schedule.pending_of`) what is still to do.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from proapp.db.engine import Database
from proapp.db.tables import patient, procedure, setting, visit
from proapp.domain import clinic, schedule
from proapp.domain.patient import MsSubtype, Sex, age_on
from proapp.domain.schedule import RecordedVisit, ScheduledVisit, VisitState
from proapp.domain.settings import definition
from proapp.services import clock
from proapp.services.bulk import no_collection_pauses

COMPLETE = "complete"
EVERY_DAY = frozenset(range(7))


def fold(text: str) -> str:
    """Accent- and case-insensitive form of ``text`` for searching ("Müller" -> "muller")."""
    if text.isascii():  # most codes and many names: no decomposition needed
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True, slots=True)
class PatientRow:
    """One line of the patient list: the patient's facts and what the schedule says today."""

    id: int
    code: str
    family_name: str
    given_name: str
    birth_date: date | None
    sex: Sex
    ms_subtype: MsSubtype
    headache_positive: bool
    fatigue_positive: bool
    is_demo: bool
    first_pta: date | None
    last_visit: date | None  # the latest completed visit
    next_due: ScheduledVisit | None  # the first overdue, due or upcoming scheduled visit
    due_now: tuple[ScheduledVisit, ...]  # due or overdue today (window open)
    pending: tuple[ScheduledVisit, ...]  # not done, window open or still to come
    drafts: int  # visits saved as drafts, not yet complete
    search_key: str  # folded "code family given"
    words: tuple[str, ...] = ()  # folded word starts the search matches (search_words)

    @property
    def name(self) -> str:
        return f"{self.family_name}, {self.given_name}"

    @property
    def overdue(self) -> bool:
        return self.next_due is not None and self.next_due.state is VisitState.OVERDUE

    def age(self, today: date) -> int | None:
        return None if self.birth_date is None else age_on(self.birth_date, today)

    def matches(self, terms: Sequence[str]) -> bool:
        """Every folded search term starts a word of the code, the family or the given name
        ("ross an" finds Rossi, Anna but not Rossi, Stefano)."""
        return all(any(w.startswith(t) for w in self.words) for t in terms)


def search_terms(text: str) -> tuple[str, ...]:
    """What the user typed, split into folded terms: "rossi  ANNA" -> ("rossi", "anna")."""
    return tuple(fold(text).split())


_WORD_BREAK = re.compile(r"[^\w]+")


def search_words(code: str, family: str, given: str) -> tuple[str, ...]:
    """The words a search term may start: the code and each name whole, and their parts
    ("DEMO-0999" -> "demo-0999", "demo", "0999"; "Rossi-Bianchi" -> also "bianchi")."""
    return _words_of_folded((fold(code), fold(family), fold(given)))


def _words_of_folded(folded: Iterable[str]) -> tuple[str, ...]:
    words: dict[str, None] = {}
    for text in folded:
        for whole in text.split():
            words[whole] = None
            if not whole.isalnum():  # "demo-0999", "rossi-bianchi": its parts too
                for part in _WORD_BREAK.split(whole):
                    if part:
                        words[part] = None
    return tuple(words)


class SearchIndex:
    """Every row's words, sorted, so a term finds the rows whose words it starts by binary
    search (no pass over every row per keystroke); ``find`` keeps its last answer and narrows
    it when the next text only extends the terms (typing on).

    The (word, row id) pairs are two parallel lists, not a list of pairs: at 50,000 patients
    that is 250,000 tuples fewer to build and, when a reload replaces the index, to free in
    the GUI thread (55 ms for the tuples; the two lists of references free in about 1 ms).

    They are made without sorting the pairs: the rows are grouped by word, only the distinct
    words are sorted, and the groups are laid out in that order. The index is built in the
    loading thread while the GUI thread runs, and one ``sorted()`` of 250,000 pairs is a
    single call that keeps Python's lock for about 80 ms at 50,000 patients (the GUI froze
    for as long); the grouping is plain Python that hands the lock over every few ms, and
    the 100,000 distinct words (codes come in order) sort in about 9 ms."""

    NARROW_BELOW = 2000  # a previous answer this small is filtered, not searched again

    def __init__(self, rows: Iterable[PatientRow] = ()):
        self._rows: dict[int, PatientRow] = {r.id: r for r in rows}
        groups: dict[str, list[int]] = {}
        for r in self._rows.values():
            pid = r.id
            for w in r.words:
                group = groups.get(w)
                if group is None:
                    groups[w] = [pid]
                else:
                    group.append(pid)
        self._words: list[str] = []
        self._ids: list[int] = []
        words, ids = self._words, self._ids
        for w in sorted(groups):
            group = groups[w]
            if len(group) == 1:
                words.append(w)
            else:
                words.extend([w] * len(group))
            ids.extend(group)
        del groups  # freed here, where the index is made (off the GUI thread)
        self._last: tuple[tuple[str, ...], frozenset[int]] | None = None

    def __len__(self) -> int:
        """How many (word, row) entries the index holds."""
        return len(self._words)

    def update(self, old: PatientRow | None, new: PatientRow) -> None:
        """A row re-read after a save: its words replace the old ones."""
        words, ids = self._words, self._ids
        if old is not None:
            for w in old.words:
                lo = bisect.bisect_left(words, w)
                hi = bisect.bisect_right(words, w, lo)
                for i in range(lo, hi):
                    if ids[i] == old.id:
                        del words[i], ids[i]
                        break
        for w in new.words:
            i = bisect.bisect_right(words, w)
            words.insert(i, w)
            ids.insert(i, new.id)
        self._rows[new.id] = new
        self._last = None

    def _starting(self, term: str) -> set[int]:
        lo = bisect.bisect_left(self._words, term)
        hi = bisect.bisect_left(self._words, term + "\U0010ffff", lo)
        return set(self._ids[lo:hi])

    def find(self, terms: Sequence[str]) -> frozenset[int] | None:
        """The ids of the rows every term matches (None: no terms, every row)."""
        terms = tuple(terms)
        if not terms:
            return None
        last = self._last
        if last is not None and last[0] == terms:
            return last[1]
        result: set[int] | None = None
        if last is not None and len(last[1]) < self.NARROW_BELOW and len(last[0]) <= len(
                terms) and all(new.startswith(old) for old, new in zip(last[0], terms,
                                                                         strict=False)):
            # typing on: every new match was a match before; check only those
            result = {pid for pid in last[1] if self._rows[pid].matches(terms)}
        else:
            for term in sorted(terms, key=len, reverse=True):  # longest (rarest) first
                found = self._starting(term)
                result = found if result is None else result & found
                if not result:
                    break
        answer = frozenset(result or ())
        self._last = (terms, answer)
        return answer


@dataclass(frozen=True, slots=True)
class WorklistEntry:
    """A scheduled visit due on a clinic day (its target since the previous clinic day), or
    overdue then (target earlier, window still open), for one patient."""

    patient: PatientRow
    visit: ScheduledVisit
    overdue: bool = False  # on the worklist's day (not necessarily today)

    @property
    def label(self) -> str:
        return self.visit.label

    @property
    def has_draft(self) -> bool:
        return self.visit.has_draft


@dataclass(frozen=True)
class PatientList:
    today: date
    rows: list[PatientRow]
    clinic_days: frozenset[int] = EVERY_DAY

    @property
    def clinic_day(self) -> date:
        """The worklist's day: today if the clinic is open today, else the next clinic day."""
        return clinic.next_clinic_day(self.today, self.clinic_days)

    def worklist(self, day: date | None = None) -> list[WorklistEntry]:
        return worklist(self.rows, day or self.clinic_day, self.clinic_days)


def worklist(rows: Iterable[PatientRow], day: date | None = None,
             clinic_days: frozenset[int] = EVERY_DAY) -> list[WorklistEntry]:
    """The visits of clinic day ``day`` (:mod:`proapp.domain.clinic`): due (target since the
    previous clinic day) and overdue (target earlier, window still open on ``day``), most
    urgent first: overdue before due, then by the day the window closes, then patient code.
    ``day`` should be today or later (the rows know what is pending as of their load)."""
    day = day or clock.today()
    entries = []
    for r in rows:
        for v in r.pending:
            kind = clinic.worklist_kind(v.target, v.window_start, v.window_end, day,
                                        clinic_days)
            if kind is not None:
                entries.append(WorklistEntry(r, v, overdue=kind == clinic.OVERDUE))
    entries.sort(key=urgency)
    return entries


def urgency(e: WorklistEntry) -> tuple[bool, date, str, str]:
    """The worklist's order: overdue first, then by the day the window closes, then code."""
    return (not e.overdue, e.visit.window_end or date.max, e.patient.code, e.label)


def update_worklist(entries: list[WorklistEntry], changed: Iterable[PatientRow], day: date,
                    clinic_days: frozenset[int] = EVERY_DAY) -> list[WorklistEntry]:
    """``entries`` with the entries of the ``changed`` patients made again (after a save):
    no pass over every patient."""
    changed = list(changed)
    ids = {r.id for r in changed}
    kept = [e for e in entries if e.patient.id not in ids]
    return sorted(kept + worklist(changed, day, clinic_days), key=urgency)


class _Visits:
    """One patient's stored visits as the list needs them: the labels of the complete ones,
    the first draft of each other label, the latest complete visit's date and how many
    drafts there are."""

    __slots__ = ("done", "drafts", "last", "open")

    def __init__(self, done: frozenset[str] = frozenset(), last: date | None = None,
                 drafts: int = 0) -> None:
        self.done = done
        self.last = last
        self.drafts = drafts
        self.open: dict[str, RecordedVisit] = {}


_NO_VISITS = _Visits()
_SEX = {m.value: m for m in Sex}
_SUBTYPE = {m.value: m for m in MsSubtype}


def _member(members: dict[Any, Any], enum: type, value: Any) -> Any:
    """``enum(value)`` through a dictionary (10,000 Enum calls are a tenth of the list's
    Python time); an unknown value still raises the Enum's own ValueError."""
    found = members.get(value)
    return enum(value) if found is None else found


def _row(p: tuple[Any, ...], pta: date | None, visits: _Visits, today: date) -> PatientRow:
    (pid, code, family, given, birth, sex, subtype, headache, fatigue, is_demo) = p
    # Only what is still to do is built (schedule.pending_of): the done and missed visits of
    # 10,000 patients are most of the schedule and none of the list.
    todo = tuple(schedule.pending_of(pta, visits.done, visits.open, today))
    folded = (fold(code), fold(family), fold(given))
    return PatientRow(
        id=pid, code=code, family_name=family, given_name=given, birth_date=birth,
        sex=_member(_SEX, Sex, sex), ms_subtype=_member(_SUBTYPE, MsSubtype, subtype),
        headache_positive=bool(headache), fatigue_positive=bool(fatigue),
        is_demo=bool(is_demo), first_pta=pta, last_visit=visits.last,
        next_due=todo[0] if todo else None,
        due_now=tuple(e for e in todo if e.state is not VisitState.UPCOMING),
        pending=todo,
        drafts=visits.drafts,
        # fold() works character by character and a space folds to itself: folding the
        # three parts once serves the key and the words alike
        search_key=" ".join(folded),
        words=_words_of_folded(folded),
    )


_PATIENT_COLUMNS = (patient.c.id, patient.c.code, patient.c.family_name, patient.c.given_name,
                    patient.c.birth_date, patient.c.sex, patient.c.ms_subtype,
                    patient.c.headache_positive, patient.c.fatigue_positive, patient.c.is_demo)


def _load(conn: Connection, today: date, patient_ids: list[int] | None) -> list[PatientRow]:
    complete = visit.c.status == COMPLETE
    pq = select(*_PATIENT_COLUMNS).order_by(patient.c.code)
    tq = select(procedure.c.patient_id, func.min(procedure.c.pta_date)).group_by(
        procedure.c.patient_id)
    # One row per patient, aggregated by the database (in C, and without Python's lock on
    # SQLite): the complete visits' labels and latest date and the number of drafts, in
    # place of every visit row (80,000 at 10,000 patients), which were a third of the load.
    aq = select(visit.c.patient_id, func.aggregate_strings(visit.c.label, ",").filter(complete),
                func.max(visit.c.visit_date).filter(complete),
                func.count().filter(~complete)).group_by(visit.c.patient_id)
    dq = select(visit.c.patient_id, visit.c.label, visit.c.visit_date, visit.c.id).where(
        ~complete).order_by(visit.c.id)
    if patient_ids is not None:
        pq = pq.where(patient.c.id.in_(patient_ids))
        tq = tq.where(procedure.c.patient_id.in_(patient_ids))
        aq = aq.where(visit.c.patient_id.in_(patient_ids))
        dq = dq.where(visit.c.patient_id.in_(patient_ids))
    ptas: dict[int, date] = dict(conn.execute(tq).all())
    visits: dict[int, _Visits] = {}
    labels: dict[str | None, frozenset[str]] = {None: frozenset()}  # patients share them
    for pid, done, last, drafts in conn.execute(aq).all():
        found = labels.get(done)
        if found is None:
            found = labels[done] = frozenset(done.split(","))
        visits[pid] = _Visits(found, last, drafts)
    for pid, label, day, vid in conn.execute(dq).all():
        mine = visits.setdefault(pid, _Visits()).open
        if label not in mine:  # the first draft of a label, as schedule.pending takes it
            mine[label] = RecordedVisit(label, day, False, vid)
    return [_row(tuple(p), ptas.get(p[0]), visits.get(p[0], _NO_VISITS), today)
            for p in conn.execute(pq).all()]


def load(db: Database, today: date | None = None) -> PatientList:
    """Every patient, ordered by code, with the schedule state on ``today``, and the clinic
    days (setting ``clinic_days``) the worklist is made for."""
    today = today or clock.today()
    # Half a million row, date and schedule objects, none in a reference cycle: without the
    # cyclic collector's full passes over them (a third of the load's time at 10,000
    # patients, and stalls of the GUI thread while the list loads in the background).
    with no_collection_pauses(), db.read_rows() as conn:
        rows = _load(conn, today, None)
        raw = conn.scalar(select(setting.c.value).where(setting.c.key == "clinic_days"))
    return PatientList(today, rows, clinic_days_of(raw))


def clinic_days_of(raw: str | None) -> frozenset[int]:
    try:
        return clinic.parse_weekdays(raw or definition("clinic_days").default)
    except ValueError:
        return clinic.parse_weekdays(definition("clinic_days").default)


def load_rows(db: Database, patient_ids: Iterable[int],
              today: date | None = None) -> dict[int, PatientRow]:
    """Fresh rows for a few patients, after a save changed them (no full reload)."""
    today = today or clock.today()
    ids = list(patient_ids)
    with db.read_rows() as conn:
        return {r.id: r for r in _load(conn, today, ids)}


def code_owner(db: Database, code: str) -> int | None:
    """The id of the patient using ``code``, if any: for the dialog's live uniqueness check
    (the service checks again when saving)."""
    with db.read_rows() as conn:
        return conn.scalar(select(patient.c.id).where(patient.c.code == code))
