"""Every text a trend report prints, in one catalogue per language.

The layout modules (:mod:`~proapp.reports.document`, :mod:`~proapp.reports.charts`,
:mod:`~proapp.reports.rows`) never spell out a sentence: they ask for it by key with
:func:`t`, in the language the report is being made in (:func:`using`, set from
:attr:`ReportData.language <proapp.reports.model.ReportData.language>`), and write dates and
numbers with :func:`day` and :func:`number` (ISO and a decimal point in English, ``01/02/2013``
and ``4,33`` in Italian). Item texts, instrument names, missing-answer reasons and warning
messages come from the domain (the instrument texts files and :mod:`proapp.domain.i18n`),
not from here; :func:`domain_text` writes those in the report's language.

Placeholders use :meth:`str.format` names; every translation keeps them (a test checks).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from decimal import Decimal

from proapp.domain.i18n import localize
from proapp.domain.language import DEFAULT_LANGUAGE, Language, LocaleFormat, report_format

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
    "chart.tick.year_month": "{year}-{month}",
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
    "col.midas_total": "MIDAS total",
    "col.fss_mean": "FSS mean",
    "word.posture.supine": "supine",
    "word.posture.upright": "upright",
    "word.side.left": "left",
    "word.side.right": "right",
    "word.side.total": "total",
    "unit.days": "days",
    "unit.points": "points",
    "label.baseline": "baseline",
    "label.pta": "pta",
    "label.unscheduled": "unscheduled",
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

ITALIAN: dict[str, str] = {
    # header
    "title": "Referto di andamento del paziente",
    "title.deidentified": "Referto di andamento del paziente (senza dati identificativi)",
    "demo.banner": "DATI DIMOSTRATIVI SINTETICI — un paziente di prova inventato, non una "
                   "persona reale",
    "demo.footer": "DATI DIMOSTRATIVI SINTETICI",
    "name": "{family}, {given}",
    "fact.code": "Codice paziente",
    "fact.name": "Nome",
    "fact.birth": "Data di nascita",
    "fact.age": "Età",
    "fact.sex": "Sesso",
    "fact.subtype": "Forma di SM",
    "fact.headache": "Positivo per cefalea",
    "fact.fatigue": "Positivo per fatica",
    "fact.pta": "Data della PTA",
    "fact.ptas": "Date delle PTA",
    "fact.visits": "Visite",
    "birth.with_age": "{date} (età {age})",
    "visits.count": "{n} ({span})",
    "none.yet": "nessuna registrata finora",
    "yes": "sì",
    "no": "no",
    "sex.F": "femminile",
    "sex.M": "maschile",
    "sex.X": "altro / non dichiarato",
    "subtype": "{code} ({name})",
    "subtype.RR": "recidivante-remittente",
    "subtype.SP": "secondariamente progressiva",
    "subtype.PP": "primariamente progressiva",
    # trends
    "h.trends": "Andamento",
    "trends.no_visits": "Per questo paziente non sono ancora registrate visite: non c'è nulla "
                        "da rappresentare.",
    "trends.no_values": "Le visite registrate non hanno ancora un totale MIDAS, una media FSS "
                        "o un valore di flusso: non c'è nulla da rappresentare.",
    "trends.no_pta": "Non è ancora registrata una data di PTA: i grafici usano la data della "
                     "visita invece del tempo dalla PTA.",
    "trends.none_of": "Non è ancora registrato alcun valore di {what}.",
    "trends.or": " o ",
    "trends.midas_total": "totale MIDAS",
    "trends.fss_mean": "media FSS",
    "chart.midas": "Totale MIDAS (giorni, ultimi 3 mesi)",
    "chart.fss": "Media FSS ({range})",
    "chart.flow": "Flusso VGI ({unit})",
    "chart.pta": "PTA",
    "chart.pta_n": "PTA {n}",
    "chart.fss_threshold": "{value} fatica significativa",
    "chart.missing": "× nessun valore a questa visita",
    "chart.above": "asse compresso sopra {value}",
    "chart.x.months": "Mesi dalla PTA ({date})",
    "chart.x.split": "Tempo dalla PTA ({date}): mesi nel primo anno, poi anni",
    "chart.x.dates": "Data della visita (nessuna PTA registrata)",
    "chart.tick.month": "{n}",
    "chart.tick.month_split": "{n} m",
    "chart.tick.year_split": "{n} a",
    "chart.tick.year_month": "{month}/{year}",
    "chart.flow.left": "Sinistra",
    "chart.flow.right": "Destra",
    "chart.flow.total": "Totale",
    "chart.flow.upright": "{series}, ortostatismo",
    "chart.flow.legend": "clinostatismo",
    "chart.flow.legend_upright": "clinostatismo se non indicato",
    # change table
    "h.change": "Variazione dal basale all'ultima visita",
    "change.measure": "Misura",
    "change.baseline": "Basale",
    "change.latest": "Ultima",
    "change.change": "Variazione",
    "change.percent": "Variazione %",
    "change.percent_value": "{value} %",
    "change.unit": "{title} ({unit})",
    "change.no_baseline": "nessun valore basale",
    "change.no_later": "nessun valore successivo",
    "change.basis.pta": "la visita basale, altrimenti l'ultima visita prima della PTA",
    "change.basis.no_pta": "la prima visita (nessuna PTA registrata)",
    "change.note": "Basale: {basis}. Ultima: la visita successiva più recente con un valore. "
                   "La variazione % resta vuota quando il basale è 0.",
    # visit table
    "h.visits": "Visite",
    "h.visits.questionnaires": "Visite: questionari",
    "h.visits.flow": "Visite: flusso VGI ({unit})",
    "col.date": "Data",
    "col.visit": "Visita",
    "col.months": "Mesi",
    "col.grade": "Grado",
    "col.status": "Stato",
    "col.notes": "Note",
    "col.midas": "MIDAS",
    "col.fss": "FSS",
    "col.item_title": "{form} {label}: {short}",
    "col.with_range": "{title} ({low}–{high})",
    "col.flow": "{posture} {side}",
    "col.flow.supine": "C",
    "col.flow.upright": "O",
    "col.flow.left": "S",
    "col.flow.right": "D",
    "col.flow.total": "totale",
    "col.flow.title": "Flusso VGI, {posture}, {side}",
    "col.midas_total": "Totale MIDAS",
    "col.fss_mean": "Media FSS",
    "word.posture.supine": "clinostatismo",
    "word.posture.upright": "ortostatismo",
    "word.side.left": "sinistra",
    "word.side.right": "destra",
    "word.side.total": "totale",
    "unit.days": "giorni",
    "unit.points": "punti",
    "label.baseline": "basale",
    "label.pta": "PTA",
    "label.unscheduled": "non progr.",
    "status.signed": "firmata",
    "status.complete": "completa",
    "status.draft": "bozza",
    "legend": "{dash} senza risposta o non calcolabile (vedere la nota numerata); vuoto: non "
              "raccolto a questa visita; {warn} un avviso confermato quando la visita è stata "
              "inserita. Totale MIDAS in giorni, gradi {grades}; A = giorni con mal di testa; "
              "B = dolore medio {pain}; FSS = media dei nove item {fss}.",
    "legend.flow": " Flusso in {unit}; C = clinostatismo, O = ortostatismo; S, D = VGI sinistra "
                   "e destra; totale = sinistra + destra (solo se misurate entrambe).",
    "h.notes": "Note",
    # visit notes (reports/rows.py)
    "note.form_skipped": "{form} non raccolto: {reason}",
    "note.form_skipped.coded": "{form} non raccolto (il motivo è testo libero, omesso nel "
                               "referto senza dati identificativi)",
    "note.form_expected": "{form} previsto a questa visita ma non inserito",
    "note.form_expected.draft": "{form} previsto a questa visita ma non inserito (visita "
                                "ancora in bozza)",
    "note.item_missing": "{form} item {items} senza risposta ({reason})",
    "note.items_missing": "{form} item {items} senza risposta ({reason})",
    "note.no_reason": "nessun motivo indicato",
    "note.midas_total": "Totale e grado MIDAS non calcolati: servono tutti e cinque gli item "
                        "1–5",
    "note.fss_mean": "Media FSS non calcolata: servono tutti e nove gli item",
    "note.flow_skipped": "Flusso non misurato: {reason}",
    "note.flow_skipped.coded": "Flusso non misurato (il motivo è testo libero, omesso nel "
                               "referto senza dati identificativi)",
    "note.flow_expected": "Flusso previsto a questa visita ma non inserito",
    "note.flow_expected.draft": "Flusso previsto a questa visita ma non inserito (visita "
                                "ancora in bozza)",
    "note.flow_side": "Flusso della VGI {side} in {posture} non misurato; totale non calcolato",
    "posture.supine": "clinostatismo",
    "posture.upright": "ortostatismo",
    "side.left": "sinistra",
    "side.right": "destra",
    # pages
    "running": "{code} · referto di andamento del paziente",
    "footer.left": "proapp {version} · generato il {when}",
    "footer.page": "pagina {page} di {total}",
    "meta.title": "Referto di andamento {code}",
    "meta.subject": "Andamento di MIDAS, FSS e flusso VGI",
}

CATALOGUES: dict[Language, dict[str, str]] = {Language.ENGLISH: ENGLISH,
                                               Language.ITALIAN: ITALIAN}
_LANGUAGE: ContextVar[Language] = ContextVar("report_language", default=DEFAULT_LANGUAGE)


@contextmanager
def using(language: Language) -> Iterator[None]:
    """Make the report texts, dates and numbers inside the block ``language``'s. A context
    variable, not a global: reports for patients of different languages are made one after
    another (and in worker processes) without leaking into each other."""
    token = _LANGUAGE.set(language)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def language() -> Language:
    return _LANGUAGE.get()


def locale() -> LocaleFormat:
    return report_format(_LANGUAGE.get())


def t(key: str, **fields: object) -> str:
    """The text for ``key`` in the report's language, with its placeholders filled in."""
    text = CATALOGUES[_LANGUAGE.get()][key]
    return text.format(**fields) if fields else text


def day(value: date | None) -> str:
    """A date as the report's language writes it (ISO in English, 01/02/2013 in Italian)."""
    return locale().format_date(value)


def number(value: int | Decimal | float | None, places: int | None = None) -> str:
    """A number with the report's decimal mark (``4,33`` in Italian)."""
    return locale().format_number(value, places)


def domain_text(text: object) -> str:
    """A domain sentence (a warning, a missing-answer reason) in the report's language."""
    return localize(text, locale())
