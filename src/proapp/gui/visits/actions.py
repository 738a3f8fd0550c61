"""The visit feature's action: enter a visit for the selected patient (the worklist and the
patient view start entry of one particular visit themselves)."""

from __future__ import annotations

from proapp.gui.common.actions import Action, Host, Needs


def _new_visit(host: Host) -> None:
    pid = host.current_patient_id()
    if pid is not None:
        host.start_visit(pid)


NEW_VISIT = Action("actNewVisit", "New &visit…", _new_visit, "Ctrl+Shift+V",
                   "Enter a visit for the selected patient", Needs.PATIENT)
