"""The report's arithmetic: one table row per visit with every gap explained, and the change
from baseline to the latest visit.

Pure functions of the visit summaries (:mod:`proapp.domain.summary`): no database, no drawing.
The services load the data and :mod:`proapp.reports.document` lays these rows out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from proapp.domain import schedule
from proapp.domain.fields import flow_field, item_field
from proapp.domain.flow import FLOW_UNIT, Posture, Side
from proapp.domain.fss import FSS
from proapp.domain.instrument_texts import InstrumentTexts
from proapp.domain.instruments import Instrument
from proapp.domain.midas import MIDAS
from proapp.domain.registry import FLOW
from proapp.domain.summary import VisitSummary
from proapp.domain.visit import VisitRecord
from proapp.reports.model import Change, Column, Note, Number, VisitRow
from proapp.reports.texts import day, domain_text, language, t


def _flow_columns() -> tuple[Column, ...]:
    out = []
    for posture in Posture:
        p = t(f"col.flow.{posture.value}")
        for side in ("left", "right", "total"):
            out.append(Column(flow_field(posture.value, side),
                              t("col.flow", posture=p, side=t(f"col.flow.{side}")),
                              t("col.flow.title", posture=t(f"word.posture.{posture.value}"),
                                side=t(f"word.side.{side}")),
                              FLOW_UNIT))
    return tuple(out)


def _item_column(texts: InstrumentTexts, item_id: str, with_range: bool) -> Column:
    it = MIDAS.item(item_id)
    short = texts.item(item_id).short
    title = t("col.item_title", form=MIDAS.name, label=it.label, short=short[:1].lower()
              + short[1:])
    if with_range:
        title = t("col.with_range", title=title, low=it.minimum, high=it.maximum)
    return Column(item_field(MIDAS.id, item_id), it.label, title,
                  "" if with_range else t(f"unit.{it.unit}"))


def columns(midas_texts: InstrumentTexts | None = None) -> tuple[Column, ...]:
    """The visit table's numeric columns in the report's language (:func:`texts.using
    <proapp.reports.texts.using>`); ``midas_texts`` are the MIDAS words to name items A and B
    with (the clinic's installed ones, else those bundled for the language)."""
    texts = midas_texts or MIDAS.texts(language())
    return (
        Column("midas.total", t("col.midas"), t("col.midas_total"),
               t(f"unit.{MIDAS.item('q1').unit}")),
        _item_column(texts, "a", with_range=False),
        _item_column(texts, "b", with_range=True),
        Column("fss.mean", t("col.fss"), t("col.fss_mean"), ""),
        *_flow_columns(),
    )


COLUMNS: tuple[Column, ...] = columns()  # in English, for callers that need no language
_MIDAS_COLS = ("midas.total", "midas.a", "midas.b")
_FORM_COLUMNS = {MIDAS.id: _MIDAS_COLS, FSS.id: ("fss.mean",),
                 FLOW: tuple(c.key for c in COLUMNS if c.key.startswith("flow.supine"))}


def _reason_text(s: VisitSummary, instrument_id: str, item_id: str) -> str:
    reason = s.visit.content.missing.get(instrument_id, {}).get(item_id)
    return domain_text(reason.label) if reason is not None else t("note.no_reason")


def _questionnaire_gaps(s: VisitSummary, instrument: Instrument, values: dict[str, int | None],
                        deidentify: bool) -> tuple[set[str], list[Note]]:
    """Columns shown as missing and the notes for one questionnaire at one visit. The
    reasons for a missing item are coded; a skipped form's reason is free text, left out
    when ``deidentify``."""
    content = s.visit.content
    topic = instrument.id
    missing: set[str] = set()
    notes: list[Note] = []
    if instrument.id in content.skipped:
        missing.update(_FORM_COLUMNS[instrument.id])
        text = (t("note.form_skipped.coded", form=instrument.name) if deidentify else
                t("note.form_skipped", form=instrument.name,
                  reason=content.skipped[instrument.id]))
        notes.append(Note(topic, text))
        return missing, notes
    if not content.has_data(instrument.id):
        if schedule.is_label(s.label) and schedule.definition(s.label).expects(instrument.id):
            missing.update(_FORM_COLUMNS[instrument.id])
            key = "note.form_expected" + ("" if s.visit.is_complete else ".draft")
            notes.append(Note(topic, t(key, form=instrument.name)))
        return missing, notes
    by_reason: dict[str, list[str]] = {}
    for it in instrument.items:
        if values[it.id] is None:
            by_reason.setdefault(_reason_text(s, instrument.id, it.id), []).append(it.label)
            if instrument is MIDAS:
                missing.add("midas.total" if it.scored else item_field(MIDAS.id, it.id))
            else:
                missing.add("fss.mean")
    for reason, labels in by_reason.items():
        key = "note.items_missing" if len(labels) > 1 else "note.item_missing"
        notes.append(Note(topic, t(key, form=instrument.name, items=", ".join(labels),
                                   reason=reason)))
    if instrument is MIDAS and "midas.total" in missing:
        notes.append(Note(topic, t("note.midas_total")))
    if instrument is FSS and missing:
        notes.append(Note(topic, t("note.fss_mean")))
    return missing, notes


def _flow_gaps(s: VisitSummary, deidentify: bool) -> tuple[set[str], list[Note]]:
    content = s.visit.content
    if FLOW in content.skipped:
        text = (t("note.flow_skipped.coded") if deidentify
                else t("note.flow_skipped", reason=content.skipped[FLOW]))
        return set(_FORM_COLUMNS[FLOW]), [Note(FLOW, text)]
    missing: set[str] = set()
    notes: list[Note] = []
    if not content.has_data(FLOW):
        if schedule.is_label(s.label) and schedule.definition(s.label).expects(FLOW):
            key = "note.flow_expected" + ("" if s.visit.is_complete else ".draft")
            notes.append(Note(FLOW, t(key)))
            missing.update(_FORM_COLUMNS[FLOW])
        return missing, notes
    for posture in Posture:
        f = s.flow[posture]
        if f.left is None and f.right is None:
            continue
        for side, value in ((Side.LEFT, f.left), (Side.RIGHT, f.right)):
            if value is None:
                missing.update({flow_field(posture.value, side.value),
                                flow_field(posture.value, "total")})
                notes.append(Note(FLOW, t("note.flow_side",
                                          posture=t(f"posture.{posture.value}"),
                                          side=t(f"side.{side.value}"))))
    return missing, notes


def label_text(label: str) -> str:
    """A visit label as the report prints it (``baseline`` is ``basale`` in Italian)."""
    key = f"label.{label}"
    return t(key) if key in _LABEL_KEYS else label


_LABEL_KEYS = frozenset({"label.baseline", "label.pta", "label.unscheduled"})


def _status(v: VisitRecord) -> str:
    return t("status.signed" if v.is_signed else
             ("status.complete" if v.is_complete else "status.draft"))


def _topic(field_path: str) -> str:
    head = field_path.split(".", 1)[0]
    return head if head in (MIDAS.id, FSS.id, FLOW) else "visit"


def visit_row(s: VisitSummary, deidentify: bool = False) -> VisitRow:
    """One table row; with ``deidentify`` no free text reaches it (coded reasons only)."""
    values: dict[str, Number | None] = {
        "midas.total": s.midas_total, "midas.a": s.midas.get("a"), "midas.b": s.midas.get("b"),
        "fss.mean": s.fss_mean,
    }
    for posture in Posture:
        for side in (Side.LEFT, Side.RIGHT, None):
            name = "total" if side is None else side.value
            values[flow_field(posture.value, name)] = s.flow_value(posture, side)
    missing: set[str] = set()
    notes: list[Note] = []
    for instrument, answers in ((MIDAS, s.midas), (FSS, s.fss)):
        m, n = _questionnaire_gaps(s, instrument, answers, deidentify)
        missing |= m
        notes += n
    m, n = _flow_gaps(s, deidentify)
    missing |= m
    notes += n
    warnings = tuple(Note(_topic(w.field), domain_text(w.message)) for w in s.warnings
                     if w.rule != "unanswered")
    return VisitRow(s.visit_date, s.label, s.months_since_pta, values, s.midas_grade,
                    _status(s.visit), frozenset(k for k in missing if values.get(k) is None),
                    tuple(notes), warnings)


# ------------------------------------------------------------------ change from baseline
def _percent(change: Number, base: Number) -> Decimal | None:
    if base == 0:
        return None
    return (Decimal(change) * 100 / Decimal(base)).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _where(row: VisitRow) -> str:
    return f"{day(row.visit_date)} {label_text(row.label)}"


def changes(rows: Sequence[VisitRow], columns: Iterable[Column],
            pta: date | None) -> tuple[Change, ...]:
    """Baseline: the baseline visit, else the last visit before the PTA (not the "pta" visit,
    which is after the procedure), else (no PTA yet) the first visit. Latest: the most recent
    later visit with a value."""
    out = []
    for col in columns:
        having = [(i, r) for i, r in enumerate(rows) if r.values.get(col.key) is not None]
        if not having:
            continue
        base = next(((i, r) for i, r in having if r.label == "baseline"), None)
        if base is None and pta is not None:  # the "pta" visit is after the procedure
            before = [(i, r) for i, r in having if r.visit_date <= pta and r.label != "pta"]
            base = before[-1] if before else None
        if base is None and pta is None:
            base = having[0]
        later = [(i, r) for i, r in having if base is None or i > base[0]]
        latest = later[-1] if later else None
        b = base[1].values[col.key] if base else None
        v = latest[1].values[col.key] if latest else None
        absolute = v - b if b is not None and v is not None else None
        out.append(Change(col, b, _where(base[1]) if base else "", v,
                          _where(latest[1]) if latest else "", absolute,
                          None if absolute is None or b is None else _percent(absolute, b)))
    return tuple(out)


