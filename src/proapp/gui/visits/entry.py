"""The one entry point the rest of the GUI uses: open the wizard, offering to resume a draft."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from proapp.db.engine import Database
from proapp.domain import schedule
from proapp.domain.actor import Actor
from proapp.domain.i18n import msg
from proapp.domain.visit import VisitRecord
from proapp.gui.common.language import screen_format, shown
from proapp.gui.visits.wizard import VisitWizard, _local_hm
from proapp.services import visits
from proapp.services.errors import UserError

RESUME, DISCARD, CANCEL = "resume", "discard", "cancel"

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def open_visit_entry(parent: QWidget | None, database: Database, actor: Actor, patient_id: int,
                     *, label: str | None = None, visit_id: int | None = None
                     ) -> VisitWizard | None:
    """Open (and show) the non-modal visit wizard for a patient.

    ``visit_id`` opens that visit: a draft is resumed, a completed visit is edited (saving asks
    for a reason). Otherwise, when the patient has a draft, the user chooses to resume it,
    discard it (confirmed) or cancel. Returns the shown dialog, or None if the user cancelled.
    The dialog deletes itself when closed; it has ``visitSaved(int)`` and
    ``has_unsaved_work()``.
    """
    record: VisitRecord | None = None
    if visit_id is not None:
        record = visits.get_visit(database, visit_id)
        if record.patient_id != patient_id:
            raise UserError(msg("Visit {visit} belongs to another patient", visit=visit_id))
    else:
        drafts = visits.drafts_of(database, patient_id)
        if drafts:
            newest = max(drafts, key=lambda v: (v.updated_at or v.created_at, v.id))
            choice = ask_resume(parent, newest)
            if choice == CANCEL:
                return None
            if choice == RESUME:
                record = newest
            else:
                if not confirm_discard(parent, newest):
                    return None
                visits.discard_draft(database, actor, newest.id, newest.version)
    wizard = VisitWizard(parent, database, actor, patient_id, label=label, record=record)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    wizard.show()
    wizard.raise_()
    wizard.activateWindow()
    return wizard


def describe_draft(draft: VisitRecord) -> str:
    title = shown(schedule.definition(draft.label).title)
    return translate("VisitEntry", "the draft of {visit} ({label}) from {date} (entered by "
                     "{who}, last saved {saved})").format(
        visit=title, label=draft.label, date=screen_format().format_date(draft.visit_date),
        who=draft.entered_by or translate("VisitEntry", "unknown"),
        saved=_local_hm(draft.updated_at))


def ask_resume(parent: QWidget | None, draft: VisitRecord) -> str:
    box = QMessageBox(QMessageBox.Icon.Question, translate("VisitEntry", "Resume draft?"),
                      translate("VisitEntry", "Resume {draft}?").format(
                          draft=describe_draft(draft)), parent=parent)
    box.setObjectName("resumeDraftBox")
    resume = box.addButton(translate("VisitEntry", "&Resume"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(translate("VisitEntry", "&Discard draft…"),
                            QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(translate("VisitEntry", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(resume)
    box.exec()
    clicked = box.clickedButton()
    if clicked is resume:
        return RESUME
    if clicked is discard:
        return DISCARD
    return CANCEL


def confirm_discard(parent: QWidget | None, draft: VisitRecord) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, translate("VisitEntry", "Discard draft?"),
                      translate("VisitEntry", "Discard {draft}? Its answers are removed from "
                                "the visit (the change log keeps a copy).").format(
                          draft=describe_draft(draft)), parent=parent)
    keep = box.addButton(translate("VisitEntry", "Keep the draft"),
                         QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton(translate("VisitEntry", "Discard"),
                            QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is discard
