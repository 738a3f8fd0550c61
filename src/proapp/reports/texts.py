"""Every text a trend report prints, in one catalogue.

The layout modules (:mod:`~proapp.reports.document`, :mod:`~proapp.reports.charts`,
:mod:`~proapp.reports.rows`) never spell out a sentence: they ask for it by key with
:func:`t`, so a translation is one more catalogue of the same keys. Item labels, instrument
names, missing-answer reasons and warning messages come from the instrument definitions in
:mod:`proapp.domain` (the one source of truth for them), not from here.

Placeholders use :meth:`str.format` names; every translation must keep them.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # header
    "title": "Patient trend report",
    "title.deidentified": "Patient trend report (de-identified)",
    "demo.banner": "SYNTHETIC DEMO DATA — a made-up training patient, not a real person",
    "demo.footer": "SYNTHETIC DEMO DATA",
    "name": "{family}, {given}",
    "fact.code": "Patient code",
    "fact.name": "Name",
    "fact.birth": "Birth date",
    "fact.age": "Age",
    "fact.sex": "Sex",
    "fact.subtype": "MS subtype",
    "fact.headache": "Headache-positive",
    "fact.fatigue": "Fatigue-positive",
    "fact.pta": "PTA date",
    "fact.ptas": "PTA dates",
    "fact.visits": "Visits",
    "birth.with_age": "{date} (age {age})",
    "visits.count": "{n} ({span})",
    "none.yet": "none recorded yet",
    "yes": "yes",
    "no": "no",
    "sex.F": "female",
    "sex.M": "male",
    "sex.X": "other / not stated",
    "subtype": "{code} ({name})",
    "subtype.RR": "relapsing-remitting",
    "subtype.SP": "secondary progressive",
    "subtype.PP": "primary progressive",
    # trends
    "h.trends": "Trends",
    "trends.no_visits": "No visits are recorded for this patient yet, so there is nothing to "
                        "chart.",
    "trends.no_values": "The recorded visits hold no MIDAS total, FSS mean or flow value yet, "
                        "so there is nothing to chart.",
    "trends.no_pta": "No PTA date is recorded yet: the charts are drawn against the visit "
                     "date instead of the time since PTA.",
    "trends.none_of": "No {what} recorded yet.",
    "trends.or": " or ",
    "trends.midas_total": "MIDAS total",
    "trends.fss_mean": "FSS mean",
    "chart.midas": "MIDAS total (days, last 3 months)",
    "chart.fss": "FSS mean ({range})",
    "chart.flow": "IJV flow ({unit})",
    "chart.pta": "PTA",
    "chart.pta_n": "PTA {n}",
    "chart.fss_threshold": "{value} significant fatigue",
    "chart.missing": "× no value at this visit",
    "chart.above": "axis compressed above {value}",
    "chart.x.months": "Months since PTA ({date})",
    "chart.x.split": "Time since PTA ({date}): months in the first year, then years",
    "chart.x.dates": "Visit date (no PTA recorded yet)",
    "chart.tick.month": "{n}",
    "chart.tick.month_split": "{n} m",
    "chart.tick.year_split": "{n} y",
    "chart.flow.left": "Left",
    "chart.flow.right": "Right",
    "chart.flow.total": "Total",
    "chart.flow.upright": "{series}, upright",
    "chart.flow.legend": "supine",
    "chart.flow.legend_upright": "supine unless noted",
    # change table
    "h.change": "Change from baseline to the latest visit",
    "change.measure": "Measure",
    "change.baseline": "Baseline",
    "change.latest": "Latest",
    "change.change": "Change",
    "change.percent": "Change %",
    "change.percent_value": "{value} %",
    "change.unit": "{title} ({unit})",
    "change.no_baseline": "no baseline value",
    "change.no_later": "no later value",
    "change.basis.pta": "the baseline visit, else the last visit before the PTA",
    "change.basis.no_pta": "the first visit (no PTA recorded yet)",
    "change.note": "Baseline: {basis}. Latest: the most recent later visit with a value. "
                   "Change % is left blank when the baseline is 0.",
    # visit table
    "h.visits": "Visits",
    "h.visits.questionnaires": "Visits: questionnaires",
    "h.visits.flow": "Visits: IJV flow ({unit})",
    "col.date": "Date",
    "col.visit": "Visit",
    "col.months": "Months",
    "col.grade": "Grade",
    "col.status": "Status",
    "col.notes": "Notes",
    "col.midas": "MIDAS",
    "col.fss": "FSS",
    "col.item_title": "{form} {label}: {short}",
    "col.with_range": "{title} ({low}–{high})",
    "col.flow": "{posture} {side}",
    "col.flow.supine": "S",
    "col.flow.upright": "U",
    "col.flow.left": "L",
    "col.flow.right": "R",
    "col.flow.total": "total",
    "col.flow.title": "IJV flow, {posture}, {side}",
    "status.signed": "signed",
    "status.complete": "complete",
    "status.draft": "draft",
    "legend": "{dash} not answered or not computable (see the numbered note); blank: not "
              "collected at this visit; {warn} a warning confirmed when the visit was entered. "
              "MIDAS total in days, grades {grades}; A = headache days; B = average pain "
              "{pain}; FSS = mean of nine items {fss}.",
    "legend.flow": " Flow in {unit}; S = supine, U = upright; L, R = left and right IJV; "
                   "total = left + right (only when both were measured).",
    "h.notes": "Notes",
    # visit notes (reports/rows.py)
    "note.form_skipped": "{form} not collected: {reason}",
    "note.form_skipped.coded": "{form} not collected (the reason is free text, left out of "
                               "the de-identified report)",
    "note.form_expected": "{form} expected at this visit but not entered",
    "note.form_expected.draft": "{form} expected at this visit but not entered (visit still "
                                "a draft)",
    "note.item_missing": "{form} item {items} not answered ({reason})",
    "note.items_missing": "{form} items {items} not answered ({reason})",
    "note.no_reason": "no reason given",
    "note.midas_total": "MIDAS total and grade not computed: needs all five of items 1–5",
    "note.fss_mean": "FSS mean not computed: needs all nine items",
    "note.flow_skipped": "Flow not measured: {reason}",
    "note.flow_skipped.coded": "Flow not measured (the reason is free text, left out of the "
                               "de-identified report)",
    "note.flow_expected": "Flow expected at this visit but not entered",
    "note.flow_expected.draft": "Flow expected at this visit but not entered (visit still a "
                                "draft)",
    "note.flow_side": "{posture} {side} IJV flow not measured; total not computed",
    "posture.supine": "Supine",
    "posture.upright": "Upright",
    "side.left": "left",
    "side.right": "right",
    # pages
    "running": "{code} · patient trend report",
    "footer.left": "proapp {version} · generated {when}",
    "footer.page": "page {page} of {total}",
    "meta.title": "Trend report {code}",
    "meta.subject": "MIDAS, FSS and IJV flow trends",
}

CATALOGUE = ENGLISH


def t(key: str, **fields: object) -> str:
    """The text for ``key`` with its placeholders filled in."""
    text = CATALOGUE[key]
    return text.format(**fields) if fields else text
