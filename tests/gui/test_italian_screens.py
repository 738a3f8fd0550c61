"""A nurse working in Italian: dates and decimals typed the Italian way store the same values
as their English (and ISO) forms, the patient's language is chosen in the patient dialog,
and a visit shows the questionnaires in the patient's language, with the working
translation marked "not validated" on screen and recorded with the visit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel
from tests.conftest import make_facts
from tests.support.windows import prepare, texts, windows

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.flow import Posture, Side
from proapp.domain.language import Language
from proapp.domain.patient import ProcedureFacts
from proapp.domain.visit import VisitContent
from proapp.gui.patients.patient_dialog import PatientDialog
from proapp.gui.visits.entry import open_visit_entry
from proapp.gui.visits.pages.flow import FlowPage
from proapp.gui.visits.wizard import VisitWizard
from proapp.services import patients, visits


def typed_patient(qtbot, db: Database, actor: Actor, birth: str, pta: str) -> PatientDialog:
    d = PatientDialog(db, actor)
    # closed unasked at the end (typed, unsaved input would ask whether to discard it)
    qtbot.addWidget(d, before_close_func=lambda w: setattr(w, "_dirty", False))
    d.code.setText("P900")
    d.family.setText("Rossi")
    d.given.setText("Anna")
    d.birth.setText(birth)
    d.sex.setCurrentIndex(0)
    d.subtype.setCurrentIndex(0)
    d.proc_rows[0].date_edit.setText(pta)
    return d


def test_italian_dates_are_read_as_the_english_and_iso_ones(qtbot, db: Database, actor: Actor,
                                                            italian: None) -> None:
    d = typed_patient(qtbot, db, actor, "01/02/1970", "03/04/2013")
    assert d.birth.placeholderText() == "gg/mm/aaaa"
    facts, procs, issues = d.collect()
    assert issues == []
    assert facts is not None and facts.birth_date == date(1970, 2, 1)
    assert [p.pta_date for _r, p in procs] == [date(2013, 4, 3)]
    d.birth.setText("1970-02-01")  # ISO is read in every language
    facts, _p, issues = d.collect()
    assert issues == [] and facts is not None and facts.birth_date == date(1970, 2, 1)
    d.birth.setText("1970/02/01")
    _f, _p, issues = d.collect()
    assert [i.field for i in issues] == ["patient.birth_date"]
    assert "non è una data" in d.messages["patient.birth_date"].text() or any(
        "gg/mm/aaaa" in str(i.message) for i in issues)


def test_the_patient_dialog_stores_the_report_language(qtbot, db: Database, actor: Actor,
                                                       italian: None) -> None:
    d = typed_patient(qtbot, db, actor, "01/02/1970", "03/04/2013")
    d.language.setCurrentIndex(d.language.findData("it"))
    with qtbot.waitSignal(d.patientSaved) as saved:
        d.save()
    rec = patients.get_patient(db, saved.args[0])
    assert (rec.facts.birth_date, rec.facts.language) == (date(1970, 2, 1), Language.ITALIAN)
    again = PatientDialog(db, actor, rec.id)
    qtbot.addWidget(again)
    assert again.language.currentData() == "it"
    assert again.birth.text() == "01/02/1970"
    assert again.windowTitle() == "Modifica paziente P900"


def test_a_decimal_comma_in_italian_and_a_point_in_english_store_the_same_flow(
        qtbot, italian: None) -> None:
    from proapp.gui.common import language

    def typed(text: str) -> Decimal | None:
        page = FlowPage()
        qtbot.addWidget(page)
        side = page.sides[(Posture.SUPINE, Side.LEFT)]
        side.velocity.setText(text)
        side.area.setText(text)
        (measurements, _skip), issues = page.collect()
        assert issues == []
        m = next(m for m in measurements if (m.posture, m.side) == (Posture.SUPINE, Side.LEFT))
        return m.velocity_cm_s

    italian_value = typed("3,5")
    language.install(Language.ENGLISH)
    assert typed("3.5") == italian_value == Decimal("3.5")


def test_a_visit_is_in_the_patients_language_and_says_its_texts_are_not_validated(
        qtbot, db: Database, actor: Actor, italian: None) -> None:
    pid = patients.create_patient(db, actor, make_facts(code="P901", language=Language.ITALIAN),
                                  [ProcedureFacts(date(2014, 3, 10))])
    w = open_visit_entry(None, db, actor, pid, label="unscheduled")
    assert isinstance(w, VisitWizard)
    try:
        assert w.windowTitle().startswith("Inserimento visita — P901")
        assert w.text_language is Language.ITALIAN
        midas = w.form_pages["midas"]
        banner = midas.findChild(QLabel, "midas.notValidated")
        assert banner is not None and banner.isVisibleTo(midas)
        assert banner.text().startswith("Traduzione non validata — sostituitela con la "
                                        "versione validata su licenza")
        first_item = midas.findChild(QLabel, "midas.q1.text")
        assert first_item is not None
        assert first_item.text() == midas.texts.item("q1").text
        assert midas.texts.language is Language.ITALIAN
        rec = visits.save_visit(db, actor, w.draft(VisitContent(
            {"fss": {str(n): 4 for n in range(1, 10)}})), complete=False)
        assert rec.text_language is Language.ITALIAN
    finally:
        if shiboken6.isValid(w):
            w._finished = True
            w.close()


def test_an_english_patient_has_the_originals_without_the_warning(
        qtbot, db: Database, actor: Actor, italian: None) -> None:
    pid = patients.create_patient(db, actor, make_facts(code="P902"),
                                  [ProcedureFacts(date(2014, 3, 10))])
    w = open_visit_entry(None, db, actor, pid, label="baseline")
    assert isinstance(w, VisitWizard)
    try:
        midas = w.form_pages["midas"]
        banner = midas.findChild(QLabel, "midas.notValidated")
        assert banner is not None and not banner.isVisibleTo(midas)
        assert midas.texts.language is Language.ENGLISH
    finally:
        if shiboken6.isValid(w):
            w._finished = True
            w.close()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")
def test_every_window_speaks_italian(qtbot, db: Database, staff, patient_id: int,
                                     italian: None) -> None:
    """The review page, settings, users, signing, the logs, About, export and import, the
    cohort analysis, the server connection, the crash dialog, double entry and the patient's
    screen, made with the Italian translator installed: each shows its Italian texts (and
    not their English originals)."""
    prepared = prepare(db, staff, patient_id)
    missing = []
    for window in windows(prepared):
        made = window.make()
        qtbot.addWidget(made)
        shown = texts(made)
        blob = "\n".join(shown)
        missing += [f"{window.name}: {want!r}" for want in window.italian
                    if want not in shown and want not in blob]
        for english in ENGLISH_LEFT:
            if english in shown:
                missing.append(f"{window.name}: still in English: {english!r}")
        made.close()
    assert not missing, "\n".join(missing)


# English texts that appeared on the screens above before they were translated
ENGLISH_LEFT = ("Cancel", "Close", "Save", "Review and save", "Settings", "Users", "Access log",
                "Export", "Import", "&Compute", "Double entry", "I prefer not to answer",
                "Copy details", "Staff", "Next", "Back", "Field", "Old value", "&Browse…")


def test_messages_from_the_services_are_shown_in_italian(db: Database, staff,
                                                         italian: None) -> None:
    """A rule's sentence from the domain or a service, shown on an Italian screen, is the
    Italian one with its values; the command line keeps the English (it is the same
    object)."""
    from proapp.domain.validation import ValidationError
    from proapp.gui.common.errors import error_text
    from proapp.services import settings
    from proapp.services.exchange.importer import ImportReport

    with pytest.raises(ValidationError) as refused:
        settings.set_values(db, staff.admin, {"idle_lock_minutes": "9999"})
    assert error_text(refused.value) == ("Blocco dopo minuti di inattività deve essere tra 0 e "
                                         "1440; indicato 9999")
    assert str(refused.value.issues[0].message) == ("Lock after idle minutes must be between 0 "
                                                    "and 1440; got 9999")
    from proapp.gui.common.language import shown

    report = ImportReport(Path("import"), dry_run=True, update=False)
    assert shown(report.summary()).startswith("Controllo superato, ancora nulla di scritto")
    assert report.summary().startswith("Check passed, nothing written yet")


def test_the_analysis_notes_are_shown_in_italian(italian: None) -> None:
    """Why a test has no result, who was left out and how a p-value was computed: Italian in
    the analysis window, English in the result files (the same objects)."""
    from collections import Counter

    from proapp.domain.timepoints import TimePoint
    from proapp.gui.analysis.models import _method
    from proapp.gui.common.language import shown
    from proapp.services.analysis import stats
    from proapp.services.analysis.cohort import _excluded_why

    note = stats.spearman([1, 2], [3, 4]).note
    assert shown(note) == "troppo pochi per il test" and str(note) == "too few for the test"
    flat = stats.friedman([[1, 1, 1], [2, 2, 2], [3, 3, 3]]).note
    assert shown(flat) == "ogni paziente ha lo stesso valore in tutti i tempi: nessun test"
    why = _excluded_why(Counter({(TimePoint.M3,): 12, (TimePoint.PRE, TimePoint.M3): 1}))
    assert str(why) == "no 3 months 12; no Pre-PTA, no 3 months 1"
    assert shown(why) == "senza 3 mesi 12; senza Pre-PTA, senza 3 mesi 1"
    assert _method("exact") == "esatto" and _method("asymptotic") == "asintotico"
