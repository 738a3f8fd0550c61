"""Sign and unlock dialogs for a visit: the clinician re-enters the password (and, to unlock,
gives a reason). The rules are the service's (:mod:`proapp.services.visits.signing`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QWidget

from proapp.db.engine import Database
from proapp.domain import schedule
from proapp.domain.actor import Actor
from proapp.gui.accounts.dialogs import FormDialog, password_field
from proapp.gui.common.language import screen_format, shown
from proapp.gui.common.words import record_status
from proapp.services import patients, visits
from proapp.services.visits import signing


def _describe(database: Database, visit_id: int) -> tuple[visits.VisitRecord, str]:
    v = visits.get_visit(database, visit_id)
    p = patients.get_patient(database, v.patient_id)
    title = shown(schedule.definition(v.label).title) if schedule.is_label(v.label) else v.label
    return v, (f"{p.facts.code} · {p.facts.family_name}, {p.facts.given_name}\n"
               + QCoreApplication.translate("Signing", "{visit} visit on {date} ({status})").format(
                   visit=title, date=screen_format().format_date(v.visit_date),
                   status=record_status(v.status)))


class SignVisitDialog(FormDialog):
    def __init__(self, database: Database, actor: Actor, visit_id: int,
                 parent: QWidget | None = None):
        self.record, text = _describe(database, visit_id)
        super().__init__(parent, self.tr("Sign visit"), text + "\n\n" + self.tr(
            "By signing you confirm this visit is correct. A signed visit cannot be changed "
            "until a clinician unlocks it with a reason."), self.tr("Sign"))
        self.database, self.actor = database, actor
        self.password = password_field()
        self.form.addRow(QLabel(self.tr("Password of {username}:").format(
            username=actor.username)), self.password)
        self.signature: signing.Signature | None = None

    def submit(self) -> None:
        def sign() -> None:
            self.signature = signing.sign_visit(self.database, self.actor, self.record.id,
                                                self.password.text(),
                                                expected_version=self.record.version)

        self.attempt(sign, (self.password,))


class UnlockVisitDialog(FormDialog):
    def __init__(self, database: Database, actor: Actor, visit_id: int,
                 parent: QWidget | None = None):
        self.record, text = _describe(database, visit_id)
        sig = signing.signature_of(database, visit_id)
        signed = (self.tr("Signed by {who} on {date} {time} UTC.").format(
            who=sig.signed_by, date=screen_format().format_date(sig.signed_at.date()),
            time=f"{sig.signed_at:%H:%M}") if sig else "")
        super().__init__(parent, self.tr("Unlock signed visit"), f"{text}\n{signed}\n\n" + self.tr(
            "Unlocking removes the signature so the visit can be corrected; the reason is kept "
            "in the change log."), self.tr("Unlock"))
        self.database, self.actor = database, actor
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why must this signed visit change?"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.password = password_field()
        self.form.addRow(self.tr("&Reason:"), self.reason)
        self.form.addRow(QLabel(self.tr("Password of {username}:").format(
            username=actor.username)), self.password)
        self.new_version: int | None = None

    def submit(self) -> None:
        def unlock() -> None:
            self.new_version = signing.unlock_visit(
                self.database, self.actor, self.record.id, self.reason.toPlainText(),
                self.password.text(), expected_version=self.record.version)

        self.attempt(unlock, (self.password,))


def sign_visit_dialog(parent: QWidget | None, database: Database, actor: Actor,
                      visit_id: int) -> bool:
    """True when the visit was signed."""
    return SignVisitDialog(database, actor, visit_id, parent).exec() == QDialog.DialogCode.Accepted


def unlock_visit_dialog(parent: QWidget | None, database: Database, actor: Actor,
                        visit_id: int) -> bool:
    """True when the visit was unlocked."""
    dialog = UnlockVisitDialog(database, actor, visit_id, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
