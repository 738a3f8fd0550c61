"""The patient feature's actions: register a patient, edit one (details and PTA dates)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from proapp.gui.common.actions import Action, Host, Needs
from proapp.gui.common.errors import show_error
from proapp.gui.common.language import QT_TRANSLATE_NOOP


def open_patient_dialog(host: Host, patient_id: int | None) -> None:
    """The patient dialog for a new (``None``) or an existing patient; a save refreshes that
    patient's row and tab."""
    from proapp.gui.patients.patient_dialog import PatientDialog

    try:
        dialog = PatientDialog(host.database, host.actor, patient_id, host.widget())
    except Exception as exc:
        show_error(host.widget(), exc, QCoreApplication.translate("PatientActions",
                                                                 "open the patient"))
        return
    dialog.patientSaved.connect(lambda pid: _saved(host, pid))
    dialog.open()


def _saved(host: Host, patient_id: int) -> None:
    host.refresh_patients([patient_id])
    host.show_status(QCoreApplication.translate("PatientActions", "Patient saved"), 4000)


def _edit_current(host: Host) -> None:
    pid = host.current_patient_id()
    if pid is not None:
        open_patient_dialog(host, pid)


NEW_PATIENT = Action("actNewPatient", QT_TRANSLATE_NOOP("Action", "&New patient…"),
                     lambda h: open_patient_dialog(h, None), "Ctrl+N",
                     QT_TRANSLATE_NOOP("Action", "Register a new patient"))
EDIT_PATIENT = Action("actEditPatient", QT_TRANSLATE_NOOP("Action", "&Edit patient…"),
                      _edit_current, "Ctrl+E",
                      QT_TRANSLATE_NOOP("Action", "Edit the patient's details and PTA dates"),
                      Needs.PATIENT)
