"""The patient dialog: typed like a user, checked inline, saved with the change log."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from proapp.db.engine import Database
from proapp.db.models import ChangeLog, Patient, Procedure
from proapp.domain.actor import Actor
from proapp.gui.patients.patient_dialog import PatientDialog
from proapp.gui.shell.main_window import MainWindow
from proapp.services import clock, patients

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")]

TODAY = date(2016, 5, 2)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


def type_into(qtbot, widget, text: str) -> None:
    """Replace the field's text as a user does; QTest can only type ASCII keys, so other
    characters are inserted as an input method would."""
    widget.setFocus()
    widget.selectAll()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def fill_valid(qtbot, d: PatientDialog, code: str = "P777") -> None:
    type_into(qtbot, d.code, code)
    type_into(qtbot, d.family, "Öztürk")
    type_into(qtbot, d.given, "Ayşe")
    type_into(qtbot, d.birth, "1971-11-30")
    d.sex.setCurrentIndex(d.sex.findData("F"))
    d.subtype.setCurrentIndex(d.subtype.findData("SP"))
    type_into(qtbot, d.dx_year, "1999")
    d.headache.setChecked(True)
    type_into(qtbot, d.proc_rows[0].date_edit, "2013-06-04")


def test_new_patient_from_the_main_window_is_saved_with_change_log(
        qtbot, db: Database, actor: Actor, patient_id: int) -> None:
    w = MainWindow(db, actor, load=False)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.listLoaded, timeout=10_000):
        w.reload()
    w.show()
    w.action("actNewPatient").trigger()
    d = w.findChild(PatientDialog)
    assert d is not None
    assert d.isVisible()
    assert not d.save_button.isEnabled()  # nothing typed yet: required fields missing
    fill_valid(qtbot, d)
    assert d.save_button.isEnabled(), [i.message for i in d.issues]
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)
    with qtbot.waitSignal(d.patientSaved, timeout=5000) as sig:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier)
    new_id = sig.args[0]
    with db.read() as s:
        p = s.get(Patient, new_id)
        assert (p.code, p.family_name, p.given_name, p.birth_date, p.ms_subtype,
                p.diagnosis_year, p.headache_positive, p.fatigue_positive) == (
            "P777", "Öztürk", "Ayşe", date(1971, 11, 30), "SP", 1999, True, False)
        procs = list(s.scalars(select(Procedure).where(Procedure.patient_id == new_id)))
        assert [(x.pta_date, x.side) for x in procs] == [(date(2013, 6, 4), "bilateral")]
        log = list(s.scalars(select(ChangeLog).where(ChangeLog.patient_id == new_id)))
        assert [(c.action, c.entity, c.username) for c in log] == [
            ("insert", "patient", actor.username), ("insert", "procedure", actor.username)]
    # the list shows the new patient without a full reload
    assert any(r.id == new_id and r.first_pta == date(2013, 6, 4)
               for r in w.patients.model.rows)
    assert w.patients.count_label.text() == "2 patients"


def test_errors_are_shown_beside_the_field_and_block_saving(
        qtbot, db: Database, actor: Actor, patient_id: int) -> None:
    d = PatientDialog(db, actor)
    qtbot.addWidget(d)
    d.show()
    fill_valid(qtbot, d, code="P001")  # the fixture patient's code
    msg = d.messages["patient.code"]
    assert msg.isVisible()
    assert "already used" in msg.text()
    assert not d.save_button.isEnabled()
    type_into(qtbot, d.code, "P002")
    assert not msg.isVisible()
    assert d.save_button.isEnabled()
    type_into(qtbot, d.birth, "2017-01-01")  # after "today"
    assert "future" in d.messages["patient.birth_date"].text()
    assert not d.save_button.isEnabled()
    type_into(qtbot, d.birth, "1971-13-01")
    assert "is not a date" in d.messages["patient.birth_date"].text()
    type_into(qtbot, d.birth, "1971-11-30")
    type_into(qtbot, d.proc_rows[0].date_edit, "1960-01-01")  # before birth
    assert "before the birth date" in d.proc_rows[0].message.text()
    assert not d.save_button.isEnabled()
    d.save()  # refused: nothing written
    assert patients.count(db) == 1
    d._dirty = False
    d.reject()


def test_edit_patient_and_add_a_pta(qtbot, db: Database, actor: Actor, patient_id: int) -> None:
    d = PatientDialog(db, actor, patient_id)
    qtbot.addWidget(d)
    d.show()
    assert d.family.text() == "Rossi"
    assert d.proc_rows[0].date_edit.text() == "10/03/2014"  # the short format (ISO typed too)
    type_into(qtbot, d.family, "Rossi-Bianchi")
    d.add_procedure_row(focus=True)
    type_into(qtbot, d.proc_rows[1].date_edit, "2015-02-01")
    d.proc_rows[1].side.setCurrentIndex(d.proc_rows[1].side.findData("left"))
    with qtbot.waitSignal(d.patientSaved, timeout=5000):
        d.save_button.click()
    rec = patients.get_patient(db, patient_id)
    assert rec.facts.family_name == "Rossi-Bianchi"
    assert [(p.pta_date, p.side.value) for _i, p in rec.procedures] == [
        (date(2014, 3, 10), "bilateral"), (date(2015, 2, 1), "left")]
    with db.read() as s:
        change = s.scalar(select(ChangeLog).where(ChangeLog.patient_id == patient_id,
                                                  ChangeLog.field == "family_name"))
        assert (change.old_value, change.new_value) == ("Rossi", "Rossi-Bianchi")


def test_new_patient_form_opens_quiet_with_nothing_chosen_and_tabs_top_to_bottom(
        qtbot, db: Database, actor: Actor) -> None:
    d = PatientDialog(db, actor)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    assert d.sex.currentIndex() == -1 and d.subtype.currentIndex() == -1  # nothing chosen
    assert not d.save_button.isEnabled()
    assert not any(m.isVisible() for m in d.messages.values())  # no red on an empty form
    assert "Fill in the patient code" in d.summary.text()
    # Tab order: down the form, then each PTA row, then Add PTA date, Save, Cancel
    d.add_procedure_row()
    row0, row1 = d.proc_rows
    chain = [d.notes, row0.date_edit, row0.side, row0.notes, row1.date_edit, row1.side,
             row1.notes, d.add_button]
    for a, b in itertools.pairwise(chain):
        assert a.nextInFocusChain() is b or _next_focusable(a) is b, (a.objectName(),
                                                                       b.objectName())
    # a field typed in and left shows its message; others stay quiet
    type_into(qtbot, d.code, "!bad")
    assert d.messages["patient.code"].isVisible()
    assert not d.messages["patient.family_name"].isVisible()
    d.save()  # a save attempt shows every message
    assert d.messages["patient.family_name"].isVisible()
    assert "Choose the sex" in d.messages["patient.sex"].text()
    d._dirty = False
    d.reject()


def _next_focusable(w):
    nxt = w.nextInFocusChain()
    while nxt is not None and not nxt.focusPolicy() & Qt.FocusPolicy.TabFocus:
        nxt = nxt.nextInFocusChain()
    return nxt
