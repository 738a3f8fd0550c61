"""The report feature's actions: one patient's trend report (preview, save, print) and the
reports of the patients selected in the list. matplotlib and the PDF preview are imported
when a report is asked for, not with the main window."""

from __future__ import annotations

from proapp.gui.common.actions import Action, Host, Needs
from proapp.gui.common.language import QT_TRANSLATE_NOOP


def open_report(host: Host, patient_id: int) -> None:
    from proapp.gui.reports.report_dialog import open_report_dialog

    open_report_dialog(host.widget(), host.database, host.actor, patient_id)


def _report_current(host: Host) -> None:
    pid = host.current_patient_id()
    if pid is not None:
        open_report(host, pid)


def _batch_reports(host: Host) -> None:
    from proapp.gui.reports.report_dialog import export_reports_for

    ids = host.selected_patient_ids()
    if ids:
        export_reports_for(host.widget(), host.database, host.actor, ids)


REPORT = Action("actReport", QT_TRANSLATE_NOOP("Action", "&Report…"), _report_current, "Ctrl+R",
                QT_TRANSLATE_NOOP("Action", "Trend report for the selected patient"),
                Needs.PATIENT)
BATCH_REPORTS = Action("actBatchReports",
                       QT_TRANSLATE_NOOP("Action", "Reports for &selected patients…"),
                       _batch_reports, "Ctrl+Shift+R",
                       QT_TRANSLATE_NOOP("Action", "Save the trend reports of the patients "
                                                   "selected in the list"), Needs.SELECTION)
