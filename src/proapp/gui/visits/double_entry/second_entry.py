"""The blind second entry: the paper form keyed again, with none of the first keying shown.

The same questionnaire pages as visit entry (:class:`~proapp.gui.visits.pages.questionnaire.
QuestionnairePage`, built from the instrument definitions, with the same field parsing and
missing reasons), without the visit's banner and "not done" box: the second keyer types what
the paper says and nothing else. Enter moves to the next answer and from the last item of one
questionnaire to the first of the next; a one-digit answer moves on by itself. Ctrl+S stores
the keying and compares it (:func:`proapp.services.visits.double_entry.submit_second_entry`);
only the number of differences is shown here, never a value of the first keying.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Database
from proapp.domain import double_entry as de
from proapp.domain.actor import Actor
from proapp.domain.draft import merge
from proapp.domain.registry import QUESTIONNAIRES
from proapp.domain.validation import ValidationError
from proapp.domain.visit import VisitContent
from proapp.gui.common.errors import error_text
from proapp.gui.common.language import screen_format, shown
from proapp.gui.common.style import ERROR_STYLE
from proapp.gui.visits.double_entry.sizing import fit
from proapp.gui.visits.fields import AnswerEdit, heading, wrapped
from proapp.gui.visits.pages.questionnaire import QuestionnairePage
from proapp.services.errors import UserError
from proapp.services.visits import double_entry
from proapp.services.visits.double_entry import SecondEntryForm, SecondEntryOutcome

RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SecondEntryDialog(QDialog):
    """``outcome`` holds the comparison once the keying is stored (accepted)."""

    def __init__(self, database: Database, actor: Actor, form: SecondEntryForm,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.database, self.actor, self.form = database, actor, form
        self.outcome: SecondEntryOutcome | None = None
        self.setObjectName("secondEntryDialog")
        day = screen_format().format_date(form.visit_date)
        self.setWindowTitle(self.tr("Second entry — {code} {label} {date}").format(
            code=form.patient_code, label=form.label, date=day))
        fit(self, 1000, 720)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Second entry of {code}, visit {label} on {date}")
                                 .format(code=form.patient_code, label=form.label, date=day)))
        layout.addWidget(wrapped(self.tr(
            "Key the paper form again, exactly as it is written; leave an item empty when the "
            "paper has no answer. The first entry is not shown (blind second entry): the two "
            "are compared item by item when you save, and any difference goes to a third "
            "person or a clinician.")))
        self.tabs = QTabWidget()
        self.pages: dict[str, QuestionnairePage] = {}
        for instrument in QUESTIONNAIRES.values():
            page = QuestionnairePage(instrument)
            page.banner.hide()
            page.skip.hide()
            self.pages[instrument.id] = page
            self.tabs.addTab(page, instrument.name)
            for it in instrument.items:
                edit = page.edits[it.id]
                edit.installEventFilter(self)
                if edit.single_digit:
                    edit.digitTyped.connect(lambda e=edit: self._next_field(e))
        layout.addWidget(self.tabs, 1)
        self.error = QLabel()
        self.error.setObjectName("secondEntry.error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Compare and save (Ctrl+S)"))
        self.save_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.activated.connect(self.submit)
        self._edits = [p.edits[it.id] for p in self.pages.values()
                       for it in p.instrument.items]
        self._edits[0].setFocus()

    def keyed(self) -> tuple[VisitContent, list[str]]:
        """The keying as content, and the messages of texts that are not answers."""
        parts, problems = [], []
        for form, page in self.pages.items():
            (responses, missing, _skip), issues = page.collect()
            parts.append((form, (responses, missing, None)))
            problems += [shown(i.message) for i in issues]
        return merge(parts), problems

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, AnswerEdit):
            assert isinstance(event, QKeyEvent)
            if event.key() in RETURN_KEYS:
                self._next_field(watched)
                return True
        return super().eventFilter(watched, event)

    def _next_field(self, edit: AnswerEdit) -> None:
        n = self._edits.index(edit)
        if n + 1 < len(self._edits):
            nxt = self._edits[n + 1]
            for i, page in enumerate(self.pages.values()):
                if nxt in page.edits.values():
                    self.tabs.setCurrentIndex(i)
            nxt.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.save_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in RETURN_KEYS:
            return  # Enter moves between answers; it never saves by accident
        super().keyPressEvent(event)

    def submit(self) -> None:
        content, problems = self.keyed()
        if problems:
            self._show_error(self.tr("Not saved: {why}").format(why=" ".join(problems)))
            return
        try:
            self.outcome = double_entry.submit_second_entry(self.database, self.actor,
                                                            self.form.visit_id, content)
        except ValidationError as exc:
            for page in self.pages.values():
                page.show_issues(exc.issues)
            self._show_error(self.tr("Not saved: {why}").format(
                why=" ".join(shown(i.message) for i in exc.issues)))
            return
        except UserError as exc:
            self._show_error(self.tr("Not saved: {why}").format(why=error_text(exc)))
            return
        QMessageBox.information(self, self.tr("Second entry saved"), outcome_text(self.outcome))
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def outcome_text(outcome: SecondEntryOutcome) -> str:
    if outcome.status is de.Status.VERIFIED:
        return QCoreApplication.translate(
            "SecondEntryDialog", "Both entries agree on all {n} items: the visit is "
            "verified.").format(n=outcome.compared)
    return QCoreApplication.translate(
        "SecondEntryDialog", "{n} items compared, {differ} differ. A third person or a "
        "clinician resolves each difference from the paper form (Double entry, Resolve "
        "differences).").format(n=outcome.compared, differ=outcome.differences)
