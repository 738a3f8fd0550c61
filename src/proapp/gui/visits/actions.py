"""The visit feature's actions: enter a visit for the selected patient (the worklist and the
patient view start entry of one particular visit themselves), let the patient answer on the
screen, and double data entry."""

from __future__ import annotations

from proapp.gui.common.actions import Action, Host, Needs
from proapp.gui.common.language import QT_TRANSLATE_NOOP


def _new_visit(host: Host) -> None:
    pid = host.current_patient_id()
    if pid is not None:
        host.start_visit(pid)


def _self_report(host: Host) -> None:
    """Open the patient's visit entry (resuming a draft, as ever) and give the screen to the
    patient from it."""
    pid = host.current_patient_id()
    if pid is None:
        return
    wizard = host.start_visit(pid)
    start = getattr(wizard, "start_self_report", None)
    if callable(start):
        start()


def _double_entry(host: Host) -> None:
    from proapp.gui.visits.double_entry.window import open_double_entry

    window = open_double_entry(host.widget(), host.database, host.actor)
    window.changed.connect(lambda pid: host.refresh_patients([pid]))


NEW_VISIT = Action("actNewVisit", QT_TRANSLATE_NOOP("Action", "New &visit…"), _new_visit,
                   "Ctrl+Shift+V",
                   QT_TRANSLATE_NOOP("Action", "Enter a visit for the selected patient"),
                   Needs.PATIENT)
SELF_REPORT = Action("actSelfReport", QT_TRANSLATE_NOOP("Action", "Patient &answers on screen…"),
                     _self_report, None,
                     QT_TRANSLATE_NOOP("Action", "Let the selected patient answer the visit's "
                                                 "questionnaires on the screen"), Needs.PATIENT)
DOUBLE_ENTRY = Action("actDoubleEntry", QT_TRANSLATE_NOOP("Action", "&Double entry…"),
                      _double_entry, None,
                      QT_TRANSLATE_NOOP("Action", "Second entries of paper forms, differences "
                                                  "to resolve, agreement report"))
