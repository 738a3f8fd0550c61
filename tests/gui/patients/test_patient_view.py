"""The patient view on a demo patient: header, timeline states, charts drawn only when shown."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.schedule import VisitState
from proapp.gui.patients.patient_view import PatientView
from proapp.services import clock
from proapp.services.patients import overview as patient_overview
from proapp.services.patients.overview import UNSCHEDULED_STATE

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")]

TODAY = date(2018, 1, 15)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


def test_timeline_and_charts_for_a_demo_patient(qtbot, qtmodeltester, demo_db: Database,
                                                actor: Actor) -> None:
    pid = 5
    view = PatientView(demo_db, actor, pid)
    qtbot.addWidget(view)
    expected = patient_overview.overview(demo_db, pid, TODAY)
    f = expected.patient.facts
    assert f.code in view.title.text()
    assert f.family_name in view.title.text()
    assert expected.patient.first_pta.strftime("%d/%m/%Y") in view.facts["PTA"].text()
    assert f"{expected.age} years" in view.facts["Age / sex"].text()
    qtmodeltester.check(view.timeline_model)
    rows = view.timeline_model.rows
    assert rows == expected.timeline()
    states = {r.state for r in rows}
    assert VisitState.DONE.value in states
    assert states & {VisitState.UPCOMING.value, VisitState.DUE.value, VisitState.OVERDUE.value}
    done = [r for r in rows if r.state == VisitState.DONE.value]
    assert all(r.visit is not None and r.visit.is_complete for r in done)
    # charts are drawn only once the view is shown
    assert view.charts.draw_count == 0
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    assert view.charts.draw_count == 1
    axes = view.charts.figure.axes
    series = expected.series()
    assert [a.get_title(loc="left") for a in axes] == [f"{s.title} ({s.unit})" for s in series]
    for ax, s in zip(axes, series, strict=True):
        assert s.points, f"{s.title} has values for a demo patient"
        xs, ys = ax.lines[-1].get_data()
        assert list(zip(np.asarray(xs), np.asarray(ys), strict=True)) == list(s.points)


def test_timeline_shows_missed_due_and_unscheduled_visits(qtbot, db: Database, actor: Actor,
                                                          patient_id: int,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    from proapp.services import visits
    from proapp.services.visits import VisitDraft

    day = date(2014, 6, 20)  # m3 overdue (target 06-10), m1 missed, baseline missed
    monkeypatch.setattr(clock, "today", lambda: day)
    visits.save_visit(db, actor, VisitDraft(patient_id, "unscheduled", date(2014, 5, 2)),
                      today=day)
    view = PatientView(db, actor, patient_id)
    qtbot.addWidget(view)
    by_label = {r.label: r for r in view.timeline_model.rows}
    assert by_label["m1"].state == VisitState.MISSED.value
    assert by_label["m3"].state == VisitState.OVERDUE.value
    assert by_label["m6"].state == VisitState.UPCOMING.value
    unscheduled = by_label["unscheduled"]
    assert unscheduled.state == UNSCHEDULED_STATE
    assert unscheduled.is_draft
    m = view.timeline_model
    i = m.rows.index(by_label["m3"])
    assert m.data(m.index(i, m.STATE)) == "OVERDUE"
    # Enter on the overdue m3 asks for entry of that visit
    view.timeline.setCurrentIndex(m.index(i, 0))
    with qtbot.waitSignal(view.openVisitRequested) as sig:
        view.btn_open.click()
    assert sig.args == [patient_id, 0, "m3"]
    # the report button asks for this patient's report (the main window opens it)
    assert view.btn_report.isEnabled()
    with qtbot.waitSignal(view.reportRequested) as sig:
        view.btn_report.click()
    assert sig.args == [patient_id]


def test_clinician_signs_and_unlocks_from_the_patient_view(qtbot, db: Database,
                                                           patient_id: int) -> None:
    """The real sign and unlock dialogs, reached from the patient view and typed into."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from proapp.domain.visit import VisitContent
    from proapp.gui.accounts.signing import SignVisitDialog, UnlockVisitDialog
    from proapp.services import accounts, visits

    password = "correct horse battery"
    admin = accounts.create_first_admin(db, "boss", password, "Dr Boss")
    doc = Actor("doc", accounts.create_user(db, admin, "doc", password, "clinician"),
                "clinician")
    nurse = Actor("nina", accounts.create_user(db, admin, "nina", password, "nurse"), "nurse")
    content = VisitContent({"midas": {"q1": 1, "q2": 0, "q3": 2, "q4": 0, "q5": 1, "a": 8,
                                      "b": 5},
                            "fss": {str(n): 4 for n in range(1, 10)}})
    saved = visits.save_visit(db, nurse, visits.VisitDraft(patient_id, "m3", date(2014, 6, 10),
                                                           content), complete=True)

    def select_m3(view: PatientView) -> None:
        row = next(i for i, e in enumerate(view.timeline_model.rows) if e.label == "m3")
        view.timeline.setCurrentIndex(view.timeline_model.index(row, 0))

    as_nurse = PatientView(db, nurse, patient_id)
    qtbot.addWidget(as_nurse)
    select_m3(as_nurse)
    assert not as_nurse.btn_sign.isEnabled()
    assert "clinician" in as_nurse.btn_sign.toolTip()
    assert as_nurse.act_visit_log.isEnabled()

    view = PatientView(db, doc, patient_id)
    qtbot.addWidget(view)
    select_m3(view)
    assert view.btn_sign.isEnabled() and not view.btn_unlock.isEnabled()

    def answer(kind: type, fill) -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, kind) and w.isVisible())
        fill(dialog)
        dialog.submit()

    QTimer.singleShot(0, lambda: answer(SignVisitDialog,
                                        lambda d: d.password.setText(password)))
    view.btn_sign.click()
    assert visits.get_visit(db, saved.id).is_signed
    assert view.btn_unlock.isEnabled() and not view.btn_sign.isEnabled()

    def unlock(d: UnlockVisitDialog) -> None:
        d.reason.setPlainText("item 3 was misread")
        d.password.setText(password)

    QTimer.singleShot(0, lambda: answer(UnlockVisitDialog, unlock))
    view.btn_unlock.click()
    assert not visits.get_visit(db, saved.id).is_signed
    assert view.btn_sign.isEnabled()
    from proapp.gui.accounts.changelog_view import ChangeLogDialog

    view.act_visit_log.trigger()
    log = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, ChangeLogDialog) and w.isVisible())
    actions = [e.action for e in log.model.rows]
    assert set(actions) == {"insert", "sign", "unlock"}  # this visit's rows only
    assert "visit" in log.windowTitle()
    log.close()


def test_signed_visits_say_so_in_the_timeline(db: Database, actor: Actor,
                                              patient_id: int) -> None:
    from dataclasses import replace

    from proapp.gui.patients.timeline_model import state_text
    from proapp.services import visits

    saved = visits.save_visit(db, actor, visits.VisitDraft(patient_id, "unscheduled",
                                                           date(2014, 6, 10)))
    entry = patient_overview.TimelineEntry("unscheduled", "Unscheduled", UNSCHEDULED_STATE,
                                           None, None, None, saved)
    assert state_text(entry) == "unscheduled (draft)"
    done = replace(saved, status="complete")
    assert state_text(replace(entry, visit=done)) == "unscheduled"
    signed = replace(done, signed_at=saved.created_at)
    assert state_text(replace(entry, visit=signed)) == "unscheduled, signed"
