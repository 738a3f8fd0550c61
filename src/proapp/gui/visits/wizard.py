"""The visit entry wizard: one non-modal dialog, pages on a stack, drafts saved as you type.

Keyboard model (see README, "Entering a visit from the keyboard"): Enter moves to the next
field a typical visit needs and, after the last one, to the next page; a one-digit answer moves
on by itself; Tab reaches every field (missing reasons, stenosis, optional posture); Esc goes
back one page; Alt+N / Alt+B next / back; Ctrl+1…5 jump to a page; Ctrl+S saves.

Nothing is lost: every change that the draft rules accept is stored at once (a short debounce
while typing, flushed on every Enter, page change and close); values the rules refuse are
shown as errors beside their field and are not stored.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Database
from proapp.db.errors import ConnectionLost, StorageError, Unreachable
from proapp.domain import schedule
from proapp.domain import self_report as sr
from proapp.domain.actor import Actor
from proapp.domain.draft import merge, storable
from proapp.domain.i18n import msg
from proapp.domain.language import Language
from proapp.domain.registry import FLOW, FORMS, QUESTIONNAIRES
from proapp.domain.validation import Issue, ValidationError, error
from proapp.domain.visit import VisitContent, VisitRecord, validate_visit
from proapp.gui.common.language import QT_TRANSLATE_NOOP, number_text, shown
from proapp.gui.common.style import ERROR_STYLE, HINT_STYLE
from proapp.gui.common.table import day_text
from proapp.gui.visits.fields import AnswerEdit
from proapp.gui.visits.pages.base import FormPage, WizardPage
from proapp.gui.visits.pages.flow import FlowPage
from proapp.gui.visits.pages.questionnaire import QuestionnairePage
from proapp.gui.visits.pages.review import ReviewPage
from proapp.gui.visits.pages.visit import VisitPage
from proapp.services import clock, instruments, patients, visits
from proapp.services.errors import (
    ConflictError,
    ReasonRequired,
    UserError,
    WarningsNeedConfirmation,
    plain_error,
)
from proapp.services.visits import VisitDraft, double_entry, flatten, local_drafts, self_report

if TYPE_CHECKING:
    from proapp.gui.accounts.idle_lock import IdleLock
    from proapp.gui.visits.self_report.mode import SelfReportMode

log = logging.getLogger(__name__)

DEBOUNCE_MS = 600
RECONNECT_RETRY_MS = 5000  # the server cannot be reached: try the draft again this often
SERVER_LOST = QT_TRANSLATE_NOOP("VisitWizard", "the database server cannot be reached (it may "
                                               "be restarting, or the network is down); "
                                               "nothing was saved, your input is kept")
RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

Snapshot = tuple[str, date, dict[str, Any]]


class VisitWizard(QDialog):
    """Guided entry of one visit. ``record`` resumes a draft or edits a completed visit."""

    visitSaved = Signal(int)
    draftSaved = Signal(int)  # patient id: a draft row was created (the lists show drafts)
    idle_lock: IdleLock | None = None  # the window's lock: the patient self-report uses it

    def __init__(self, parent: QWidget | None, database: Database, actor: Actor,
                 patient_id: int, *, label: str | None = None,
                 record: VisitRecord | None = None):
        super().__init__(parent)
        self.database, self.actor, self.patient_id = database, actor, patient_id
        self.patient = patients.get_patient(database, patient_id)
        self.visit_id = record.id if record else None
        self.expected_version = record.version if record else None
        self.editing_complete = bool(record and record.is_complete)
        self._finished = False
        self._closing = False
        self._conflict = False
        self._saved_at = ""
        # While the database cannot be reached, the draft is also kept on this computer under
        # this name (services/visits/local_drafts.py), and removed once the database has it.
        self._draft_id = local_drafts.new_draft_id()
        self._kept_locally = False
        self._kept: VisitDraft | None = None  # what the kept file holds (not rewritten)
        today = clock.today()
        existing = visits.visits_of(database, patient_id)
        others = [v for v in existing if record is None or v.id != record.id]
        # The schedule as it stands, this visit included: a done visit being edited shows
        # as done, not as due.
        plan = schedule.plan(self.patient.first_pta, visits.recorded(existing), today)
        self.original = record.content if record is not None and record.is_complete else None
        self.summary_text = ""  # what was saved, for the main window's status bar
        if record is not None:
            start_label, start_date, content = record.label, record.visit_date, record.content
        else:
            taken = [v.label for v in others]
            start_label = label or schedule.suggest_label(self.patient.first_pta, today, taken)
            start_date, content = today, VisitContent()

        f = self.patient.facts
        pta = self.patient.first_pta
        who = self.tr("{code} · {family}, {given} · born {birth}").format(
            code=f.code, family=f.family_name, given=f.given_name, birth=day_text(f.birth_date))
        who += (" · " + self.tr("PTA {date}").format(date=day_text(pta)) if pta
                else " · " + self.tr("no PTA recorded"))
        # The questionnaires in the language the patient reads: a visit keeps the language its
        # answers were given in; a new one is in the patient's (the texts the clinic installed,
        # else the bundled ones; a working translation says so on its page).
        self.text_language: Language = (record.text_language if record is not None
                                        and record.text_language is not None else f.language)
        texts = instruments.all_texts(database, self.text_language)
        who += " · " + self.tr("questionnaires in {language}").format(
            language=self.text_language.native_name)
        self.setWindowTitle(self.tr("Visit entry — {code} {family}, {given}").format(
            code=f.code, family=f.family_name, given=f.given_name))
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1100, 760)

        info = ""
        if record is not None:
            who_entered = record.entered_by or self.tr("unknown")
            info = (self.tr("Editing a completed visit: changes need a reason, entered by {who}.")
                    if record.is_complete else
                    self.tr("Editing a draft, entered by {who}.")).format(who=who_entered)
        self.visit_page = VisitPage(who, plan, start_label, start_date, extra_info=info)
        self.form_pages: dict[str, FormPage] = {
            i.id: QuestionnairePage(i, texts=texts.get(i.id)) for i in QUESTIONNAIRES.values()}
        self.form_pages[FLOW] = FlowPage()
        self.review_page = ReviewPage(self.editing_complete)
        self.self_report = (self_report.state(database, record.id)
                            if record is not None and not record.is_complete else None)
        self.review_page.set_patient_answers(self.self_report)
        self.review_page.offer_second_entry(
            self.self_report is None and double_entry.enabled(database)
            and (record is None or double_entry.status_of(database, record.id) is None))
        self._mode: SelfReportMode | None = None
        self.pages: list[WizardPage] = [self.visit_page, *self.form_pages.values(),
                                        self.review_page]
        if start_label == schedule.UNSCHEDULED:
            self.visit_page.choose_forms(frozenset(
                f for f in FORMS if content.has_data(f) or f in content.skipped))
        for form_page in self.form_pages.values():
            form_page.load(content)
        self._set_expected()
        self._confirmed_empty: set[QWidget] = set()  # empty items Enter was told to pass

        self.stack = QStackedWidget()
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("wizard.steps")
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # as wide as its longest line can be (a form's name and its state, in any language)
        fm = self.sidebar.fontMetrics()
        longest = max(fm.horizontalAdvance(f"5  {QCoreApplication.translate('Form', name)}  "
                                           f"{state}")
                      for name in ("IJV flow", "Review", "MIDAS")
                      for state in (self.tr("— not done"), self.tr("(not expected)")))
        self.sidebar.setFixedWidth(max(fm.horizontalAdvance("M" * 15), longest) + 16)
        for page in self.pages:
            self.stack.addWidget(page)
            self.sidebar.addItem(QListWidgetItem(page.title))
        self.sidebar.currentRowChanged.connect(self._sidebar_clicked)

        self.status = QLabel()
        self.status.setObjectName("wizard.status")
        self.status.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Back (Alt+B)"))
        self.next_button = QPushButton(self.tr("Next (Alt+N)"))
        self.save_button = QPushButton(self.tr("Save visit (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("Close"))
        self.patient_button = QPushButton(self.tr("Patient answers on screen…"))
        self.patient_button.setObjectName("wizard.selfReport")
        self.patient_button.setToolTip(self.tr("Give the screen to the patient to answer the "
                                               "questionnaires themselves; a staff password "
                                               "leaves it"))
        for b in (self.patient_button, self.back_button, self.next_button, self.save_button,
                  self.close_button):
            b.setAutoDefault(False)
            b.setDefault(False)
            b.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.back_button.clicked.connect(self.back_page)
        self.next_button.clicked.connect(self.next_page)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        self.patient_button.clicked.connect(self.start_self_report)

        body = QHBoxLayout()
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        # The status line above the buttons, the whole width: beside them it would need room
        # the buttons leave only in English (Italian at 150 % made the window wider than
        # the screen).
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.patient_button, self.back_button, self.next_button, self.save_button,
                  self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        for seq, slot in ((QKeySequence.StandardKey.Save, self.save),
                          ("Alt+N", self.next_page), ("Alt+B", self.back_page),
                          (QKeySequence.StandardKey.Close, self.close)):
            self._shortcut(QKeySequence(seq), slot)
        for n in range(len(self.pages)):
            self._shortcut(QKeySequence(f"Ctrl+{n + 1}"), lambda n=n: self.goto(n))

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)

        for page in self.pages:
            page.changed.connect(self._changed)
            for w in page.entry_widgets():
                w.installEventFilter(self)
                if isinstance(w, QAbstractSpinBox):
                    for child in w.findChildren(QWidget):
                        child.installEventFilter(self)
                if isinstance(w, AnswerEdit) and w.single_digit:
                    w.digitTyped.connect(lambda w=w, page=page: self._digit_typed(page, w))
                if isinstance(w, AnswerEdit) and w.missing_codes:
                    w.missingTyped.connect(lambda _r, w=w, page=page: self._digit_typed(page, w))

        self._saved: Snapshot = self._snapshot(storable_only=True)
        if record is None:
            self._saved = (self._saved[0], self._saved[1], {})
        self._refresh()
        self._show_page(0)
        self.locked = bool(record and record.is_signed)
        self.patient_button.setEnabled(not (self.locked or self.editing_complete))
        if self.locked:
            self.save_button.setEnabled(False)
            self._set_status(self.tr("This visit is signed and locked: it can be read here; "
                                     "a clinician must unlock it before it can be changed."),
                             error=True)
        elif self.editing_complete:
            self._set_status(self.tr("Editing a completed visit: nothing is stored until you "
                                     "save it with a reason on the review page."))
        elif record is not None:
            self._saved_at = _local_hm(record.updated_at)
            self._set_status(self.tr("Draft resumed (last saved {time}).").format(
                time=self._saved_at))

    def _shortcut(self, seq: QKeySequence, slot: Any) -> None:
        shortcut = QShortcut(seq, self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)

    # -- collecting ----------------------------------------------------------------------
    def collect(self) -> tuple[VisitContent, list[Issue]]:
        parts, parse_issues = [], []
        for form, page in self.form_pages.items():
            value, issues = page.collect()
            parts.append((form, value))
            parse_issues += issues
        return merge(parts), parse_issues

    def draft(self, content: VisitContent) -> VisitDraft:
        return VisitDraft(self.patient_id, self.visit_page.label, self.visit_page.visit_date,
                          content, self.visit_id, self.expected_version,
                          text_language=self.text_language, entry_key=self._draft_id)

    def _snapshot(self, *, storable_only: bool) -> Snapshot:
        content, _issues = self.collect()
        if storable_only:
            content = storable(content) or VisitContent()
        return (self.visit_page.label, self.visit_page.visit_date, flatten(content))

    def _live_issues(self, *, completing: bool) -> list[Issue]:
        content, parse_issues = self.collect()
        issues = validate_visit(self.visit_page.label, self.visit_page.visit_date, content,
                                today=clock.today(), birth_date=self.patient.facts.birth_date,
                                pta_date=self.patient.first_pta, completing=completing)
        parsed_fields = {i.field for i in parse_issues}
        return parse_issues + [i for i in issues if i.field not in parsed_fields]

    def _checked_issues(self) -> list[Issue]:
        """Every finding for completing the visit now, from the service (duplicate label too)."""
        content, parse_issues = self.collect()
        with self.database.read() as s:
            issues = visits.check_visit(s, self.draft(content), complete=True,
                                        today=clock.today())
        return parse_issues + issues

    # -- changes and drafts ---------------------------------------------------------------
    def _expected(self, form: str) -> bool:
        """The label expects the form, or it was ticked for an unscheduled visit."""
        return (schedule.definition(self.visit_page.label).expects(form)
                or form in self.visit_page.chosen_forms())

    def _set_expected(self) -> None:
        label, chosen = self.visit_page.label, self.visit_page.chosen_forms()
        for form, page in self.form_pages.items():
            page.set_expected(label, form in chosen)

    def _changed(self) -> None:
        self._set_expected()
        self._refresh()
        if not self.editing_complete and not self._finished:
            self._timer.start(DEBOUNCE_MS)

    def _refresh(self) -> None:
        issues = self._live_issues(completing=False)
        for page in self.pages[:-1]:
            page.show_issues(issues)
        self._update_sidebar()
        self._update_status()

    def _update_sidebar(self) -> None:
        content, _ = self.collect()
        for n, page in enumerate(self.pages):
            text = f"{n + 1}  {QCoreApplication.translate('Form', page.title)}"
            form = page.form
            if form is not None:
                if form in content.skipped:
                    text += "  " + self.tr("— not done")
                elif content.has_data(form):
                    text += "  ✓" if self._form_complete(form, content) else "  …"
                elif not self._expected(form):
                    text += "  " + self.tr("(not expected)")
            self.sidebar.item(n).setText(text)

    @staticmethod
    def _form_complete(form: str, content: VisitContent) -> bool:
        if form in QUESTIONNAIRES:
            reasons = content.missing.get(form, {})
            return all(v is not None or k in reasons
                       for k, v in content.answers(form).items())
        return any(t.total is not None for t in content.flow_totals().values())

    def flush(self) -> bool:
        """Store the draft now if anything changed. True when the database holds the input."""
        self._timer.stop()
        if self._mode is not None and self._mode.active:
            return True  # the patient is answering: the self-report stores every answer
        if self.editing_complete or self._finished or self._conflict:
            return not self._unsaved()
        content, _issues = self.collect()
        safe = storable(content) or VisitContent()
        snap = (self.visit_page.label, self.visit_page.visit_date, flatten(safe))
        if snap == self._saved:
            return not self._unsaved()
        if self.visit_id is None and not snap[2]:
            return True  # nothing entered yet: no draft row for an empty visit
        try:
            rec = visits.save_visit(self.database, self.actor, self.draft(safe), complete=False,
                                    today=clock.today())
        except ConflictError as exc:
            self._handle_conflict(_plain(exc) + ".")
            return False
        except ValidationError as exc:
            for page in self.pages[:-1]:
                page.show_issues([*self._live_issues(completing=False), *exc.issues])
            self._set_status(self.tr("Draft not saved: {why}").format(
                why="; ".join(shown(i.message) for i in exc.issues)), error=True)
            return False
        except (UserError, StorageError) as exc:
            if isinstance(exc, Unreachable):
                # The server restarts or the network is cut: keep everything here and on this
                # computer's disk, and try again by ourselves; the next save reconnects.
                why = (self.tr(SERVER_LOST) if isinstance(exc, ConnectionLost) else
                       self.tr("{why}; your input is kept").format(why=_plain(exc)))
                kept = self._keep_locally(self.draft(safe))
                self._set_status(self.tr("Draft not saved: {why} and proapp tries again.")
                                 .format(why=why) + kept, error=True)
                self._timer.start(RECONNECT_RETRY_MS)
                log.warning("draft not saved, database unreachable; retrying")
                return False
            self._set_status(self.tr("Draft not saved: {why}. Your input is kept in this "
                                     "window.").format(why=_plain(exc)), error=True)
            log.warning("draft not saved: %s", exc)
            return False
        first_draft = self.visit_id is None
        self.visit_id, self.expected_version = rec.id, rec.version
        self._saved = snap
        self._database_has_it()
        self._saved_at = _local_hm(rec.updated_at)
        if first_draft:
            self.draftSaved.emit(self.patient_id)
        self._update_status()
        return not self._unsaved()

    def _keep_locally(self, draft: VisitDraft, *, reason: str | None = None,
                      confirmed: bool = False) -> str:
        """A save failed for want of the database: keep the draft on this computer as well,
        so closing the window or a crash before the database is back loses nothing. Returns
        the sentence for the status line."""
        try:
            if not (self._kept_locally and self._kept == draft):  # each retry: the same
                local_drafts.keep(self.database, self.actor, draft, draft_id=self._draft_id,
                                  patient_code=self.patient.facts.code, reason=reason,
                                  confirmed=confirmed)
                self._kept = draft
        except local_drafts.KeptDraftError as exc:
            log.warning("visit draft not kept on this computer either (%s)",
                        type(exc).__name__)
            return " " + self.tr("It could not be kept on this computer either ({why}): "
                                 "keep this window open.").format(why=_plain(exc))
        self._kept_locally = True
        return " " + self.tr("It is kept on this computer too: if this window is closed, "
                             "proapp offers it again at the next start.")

    def _database_has_it(self) -> None:
        """The database holds the input now: the copy kept on this computer goes."""
        if self._kept_locally:
            local_drafts.forget(self._draft_id)
            self._kept_locally, self._kept = False, None

    def _update_status(self) -> None:
        """The line under the pages: when the draft was stored, and whether all of it was."""
        if self.editing_complete or self._conflict or not self._saved_at:
            return
        content, parse_issues = self.collect()
        if parse_issues or storable(content) != content:
            self._set_status(self.tr("Draft saved {time}; the values marked in red are not "
                                     "stored until they are corrected.").format(
                time=self._saved_at), error=True)
        elif self._unsaved():
            self._set_status(self.tr("Draft saved {time}; saving the latest change…").format(
                time=self._saved_at))
        else:
            self._set_status(self.tr("Draft saved {time}: everything entered is stored.")
                             .format(time=self._saved_at))

    def _unsaved(self) -> bool:
        """True when this window holds input the database does not."""
        content, parse_issues = self.collect()
        if self.editing_complete:
            return self._snapshot(storable_only=False) != self._saved or bool(parse_issues)
        if parse_issues:
            return True
        snap = (self.visit_page.label, self.visit_page.visit_date, flatten(content))
        if self.visit_id is None and not snap[2]:
            return False
        return snap != self._saved

    def flush_drafts(self) -> None:
        """Called by the idle lock before another user takes over: store the draft now, as
        the user who typed it."""
        if not self._finished:
            self.flush()

    def has_unsaved_work(self) -> bool:
        """For the main window before quitting: flushes, then says whether input would be lost."""
        if self._finished:
            return False
        self.flush()
        return self._unsaved()

    def _handle_conflict(self, message: str) -> None:
        self._conflict = True
        self._set_status(self.tr("Not saved: this visit was changed elsewhere. Your input is "
                                 "kept."), error=True)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Visit changed elsewhere"),
                          message + "\n\n" + self.tr("Save your version over the other one? "
                                                      "(Both are kept in the change log.)"),
                          parent=self)
        box.setObjectName("conflictBox")
        mine = box.addButton(self.tr("Save my version"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep editing, do not save"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is mine and self.visit_id is not None:
            self.expected_version = visits.get_visit(self.database, self.visit_id).version
            self._conflict = False
            self.flush()

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)

    # -- navigation -------------------------------------------------------------------
    def current(self) -> WizardPage:
        page = self.stack.currentWidget()
        assert isinstance(page, WizardPage)
        return page

    def _in_path(self, page: WizardPage) -> bool:
        if page.form is None:
            return True
        content, _ = self.collect()
        return (self._expected(page.form) or content.has_data(page.form)
                or page.form in content.skipped)

    def _show_page(self, index: int) -> None:
        page = self.pages[index]
        self.stack.setCurrentIndex(index)
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(index)
        self.sidebar.blockSignals(False)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(page is not self.review_page)
        if page is self.review_page:
            self._show_review()
        target = page.first_focus()
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.stack.setFocus()

    def goto(self, index: int) -> None:
        self.flush()
        self._show_page(index)

    def _sidebar_clicked(self, row: int) -> None:
        if 0 <= row < len(self.pages) and row != self.stack.currentIndex():
            self.goto(row)

    def next_page(self) -> None:
        """Leave the page only without hard errors on it (an expected form needs its data or
        a skip reason); move to the next page the visit needs."""
        self.flush()
        page = self.current()
        if page is self.review_page:
            return
        if page is self.visit_page and self._nothing_chosen():
            message = page.message_for("visit.forms")
            if message is not None:
                message.show_issues([error(
                    "visit.forms", "forms.none",
                    msg("Tick the forms done at this unscheduled visit (Space ticks the "
                        "focused box), so that their pages follow."))])
            self._set_status(self.tr("Please choose the forms done at this visit."),
                             error=True)
            self.visit_page.form_checks[FORMS[0]].setFocus(Qt.FocusReason.TabFocusReason)
            return
        blocking = [i for i in self._checked_issues() if i.is_error and page.owns(i.field)
                    and i.rule != "visit.empty"]  # that one is for completing, on Review
        if blocking:
            page.show_issues(blocking + [i for i in self._live_issues(completing=False)
                                         if not i.is_error])
            self._set_status(self.tr("Please correct the marked field before going on."),
                             error=True)
            self._focus_issue(page, blocking[0])
            return
        index = self.pages.index(page)
        for n in range(index + 1, len(self.pages)):
            if self._in_path(self.pages[n]):
                self._show_page(n)
                return

    def _nothing_chosen(self) -> bool:
        """An unscheduled visit with no form ticked and nothing entered anywhere."""
        if self.visit_page.label != schedule.UNSCHEDULED or self.visit_page.chosen_forms():
            return False
        content, _ = self.collect()
        return not any(content.has_data(f) or f in content.skipped for f in FORMS)

    def back_page(self) -> None:
        self.flush()
        index = self.stack.currentIndex()
        for n in range(index - 1, -1, -1):
            if self._in_path(self.pages[n]):
                self._show_page(n)
                return

    def _focus_issue(self, page: WizardPage, issue: Issue) -> None:
        if isinstance(page, FormPage) and issue.field in (page.form, f"{page.form}.skipped"):
            skip = page.skip
            (skip.reason if skip.check.isChecked() else skip.check).setFocus(
                Qt.FocusReason.TabFocusReason)
            return
        for w in page.entry_widgets():
            name = w.objectName()
            if name and (issue.field == name or name.startswith(issue.field + ".")
                         or issue.field.startswith(name + ".")) and w.isEnabled():
                w.setFocus(Qt.FocusReason.TabFocusReason)
                return
        if isinstance(page, FormPage):
            page.skip.check.setFocus(Qt.FocusReason.TabFocusReason)

    # -- keys -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if (event.key() in RETURN_KEYS
                    and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
                widget: QObject | None = watched
                while widget is not None and not self._is_entry(widget):
                    widget = widget.parent()
                if isinstance(widget, QWidget):
                    self._advance(widget)
                    return True
        return super().eventFilter(watched, event)

    def _is_entry(self, obj: QObject) -> bool:
        return any(obj in page.entry_widgets() for page in self.pages)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.back_page()  # Esc never closes the wizard
            return
        if event.key() in RETURN_KEYS:
            return  # never trigger a default button by accident
        if (event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
                and self.current() is self.review_page):
            bar = self.review_page.summary.verticalScrollBar()
            step = bar.pageStep() if event.key() == Qt.Key.Key_PageDown else -bar.pageStep()
            bar.setValue(bar.value() + step)  # read a long review without the mouse
            return
        super().keyPressEvent(event)

    def _advance(self, widget: QWidget) -> None:
        """Enter in ``widget``: store, then the next field of the chain or the next page."""
        page = self.current()
        if page is self.review_page:
            nxt = page.chain_next(widget)
            if nxt is not None:
                nxt.setFocus(Qt.FocusReason.TabFocusReason)
            return
        if isinstance(widget, AnswerEdit):
            own = [i for i in self._live_issues(completing=False)
                   if i.is_error and i.field == widget.field_path]
            if own:
                page.show_issues(self._live_issues(completing=False))
                widget.selectAll()
                return
            if (isinstance(page, QuestionnairePage) and widget.missing_codes
                    and not widget.text().strip() and self._expected(page.form)
                    and not page.reason_of(widget) and widget not in self._confirmed_empty):
                self._confirmed_empty.add(widget)  # asked once; Enter again passes
                page.prompt_empty(widget)
                return
        self.flush()
        nxt = page.chain_next(widget)
        if nxt is not None:
            nxt.setFocus(Qt.FocusReason.TabFocusReason)
            return
        self.next_page()

    def _digit_typed(self, page: WizardPage, widget: AnswerEdit) -> None:
        if page is self.current():
            self._advance(widget)

    # -- review and save --------------------------------------------------------------
    def _show_review(self) -> list[Issue]:
        content, _ = self.collect()
        issues = self._checked_issues()
        self.review_page.show_review(self.visit_page.label, self.visit_page.visit_date,
                                     content, issues, before=self.original,
                                     texts={f: p.texts for f, p in self.form_pages.items()
                                            if isinstance(p, QuestionnairePage)})
        self.review_page.need_reason(self.editing_complete, bool(self._corrections(content)))
        return issues

    def _corrections(self, content: VisitContent) -> list[sr.Correction]:
        """The patient's answers the staff changed (they need a reason)."""
        if self.self_report is None:
            return []
        return sr.corrections(self.self_report.answers, content,
                              [QUESTIONNAIRES[i] for i in self.self_report.instruments])

    def _complete(self, content: VisitContent, reason: str | None) -> visits.VisitRecord:
        """Complete the visit: as the patient's self-report, with a second entry to follow,
        or as ordinary entry."""
        draft, confirm = self.draft(content), self.review_page.confirm.isChecked()
        if self.self_report is not None:
            return self_report.accept(self.database, self.actor, draft,
                                      confirm_warnings=confirm, reason=reason,
                                      today=clock.today())
        if self.review_page.wants_second_entry():
            return double_entry.complete_with_second_entry(
                self.database, self.actor, draft, confirm_warnings=confirm, reason=reason,
                today=clock.today())
        return visits.save_visit(self.database, self.actor, draft, complete=True,
                                 confirm_warnings=confirm, reason=reason, today=clock.today())

    # -- the patient self-report ------------------------------------------------------
    def start_self_report(self) -> None:
        """Give the screen to the patient for the questionnaires this visit still needs."""
        if self.locked or self.editing_complete or self._finished:
            return
        self.flush()
        content, _ = self.collect()
        safe = storable(content) or VisitContent()
        own = self.self_report.instruments if self.self_report is not None else ()
        offered = sr.offered(self.visit_page.label, safe, own)
        if not offered:
            QMessageBox.information(
                self, self.tr("Nothing for the patient to answer"),
                self.tr("Every questionnaire this visit expects is already entered (or marked "
                        "not done), so there is nothing left for the patient to answer on the "
                        "screen."))
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Give the screen to the patient?"),
                          self.tr("The patient answers these questionnaires, one question per "
                                  "screen: {names}.\n\nOnly a staff password leaves the "
                                  "patient's screen. Every answer is kept as a draft, and you "
                                  "review them here afterwards.").format(
                              names=", ".join(i.name for i in offered)), parent=self)
        box.setObjectName("selfReportBox")
        go = box.addButton(self.tr("Give the screen to the patient"),
                           QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not go:
            return
        try:
            record, state = self_report.start(self.database, self.actor, self.draft(safe),
                                              [i.id for i in offered])
        except ConflictError as exc:
            self._handle_conflict(_plain(exc) + ".")
            return
        except (UserError, ValidationError) as exc:
            self._set_status(self.tr("The patient's screen was not opened: {why}").format(
                why=_plain(exc)), error=True)
            return
        self.visit_id, self.expected_version = record.id, record.version
        self._saved = self._snapshot(storable_only=True)
        self.self_report = state
        self.review_page.offer_second_entry(False)
        from proapp.gui.visits.self_report.mode import SelfReportMode

        self._mode = SelfReportMode(self.database, self.actor, state, self.idle_lock,
                                    self.text_language, self)
        self._mode.ended.connect(self._self_report_ended)
        self._mode.start()

    def _self_report_ended(self, visit_id: int) -> None:
        """A staff member left the patient's screen: the answers, on the review page."""
        self._mode = None
        record = visits.get_visit(self.database, visit_id)
        self.expected_version = record.version
        for page in self.form_pages.values():
            page.blockSignals(True)
            page.load(record.content)
            page.blockSignals(False)
        self.self_report = self_report.state(self.database, visit_id)
        self.review_page.set_patient_answers(self.self_report)
        self._saved = self._snapshot(storable_only=True)
        self._saved_at = _local_hm(record.updated_at)
        self._refresh()
        self._show_page(self.pages.index(self.review_page))
        self._set_status(self.tr("The patient's answers are on the review page, marked as the "
                                 "patient's: check them, correct any (with a reason) and "
                                 "save."))
        self.raise_()
        self.activateWindow()

    def save(self) -> None:
        """Ctrl+S: complete the visit, after the review page has shown every finding."""
        if self._finished or self.locked:
            return
        self.flush()
        if self.current() is not self.review_page:
            self._show_page(self.pages.index(self.review_page))
        issues = self._show_review()
        if any(i.is_error for i in issues):
            self._set_status(self.tr("Not saved: correct the errors listed on the review "
                                     "page (click a page on the left or press Ctrl+1…5)."),
                             error=True)
            return
        if any(not i.is_error for i in issues) and not self.review_page.confirm.isChecked():
            self._set_status(self.tr("Not saved: please check the warnings and tick the "
                                     "confirmation (Space)."), error=True)
            self.review_page.confirm.setFocus(Qt.FocusReason.TabFocusReason)
            return
        content, _ = self.collect()
        corrected = bool(self._corrections(content))
        reason = (self.review_page.reason.text().strip()
                  if self.editing_complete or corrected else None)
        if corrected and not reason:
            self.review_page.show_issues([_reason_issue(
                msg("Give a reason for changing answers the patient gave"))])
            self._set_status(self.tr("Not saved: give a reason for correcting the patient's "
                                     "answers."), error=True)
            self.review_page.reason.setFocus(Qt.FocusReason.TabFocusReason)
            return
        if self.editing_complete and not self._unsaved() \
                and not self.review_page.wants_second_entry():
            self._finished = True
            self._shutdown()
            super().accept()  # nothing changed: nothing to store, no reason needed
            return
        if self.editing_complete and not reason:
            self.review_page.show_issues([_reason_issue()])
            self._set_status(self.tr("Not saved: give a reason for changing a completed "
                                     "visit."), error=True)
            self.review_page.reason.setFocus(Qt.FocusReason.TabFocusReason)
            return
        try:
            rec = self._complete(content, reason)
        except ConflictError as exc:
            self._handle_conflict(_plain(exc) + ".")
            return
        except WarningsNeedConfirmation:
            self._show_review()
            self.review_page.confirm.setFocus(Qt.FocusReason.TabFocusReason)
            self._set_status(self.tr("Not saved: please confirm the warnings."), error=True)
            return
        except ReasonRequired as exc:
            self.review_page.show_issues([_reason_issue(exc.args[0] if exc.args else str(exc))])
            self.review_page.reason.setFocus(Qt.FocusReason.TabFocusReason)
            return
        except ValidationError as exc:
            self._show_review()
            self._set_status(self.tr("Not saved: {why}").format(
                why="; ".join(shown(i.message) for i in exc.issues)),
                             error=True)
            return
        except (UserError, StorageError) as exc:
            if isinstance(exc, Unreachable):
                why = (self.tr(SERVER_LOST) if isinstance(exc, ConnectionLost) else
                       self.tr("{why}; your input is kept").format(why=_plain(exc)))
                kept = self._keep_locally(self.draft(content), reason=reason,
                                          confirmed=self.review_page.confirm.isChecked())
                self._set_status(self.tr("Not saved: {why}. Press Ctrl+S again once it is "
                                         "back.").format(why=why) + kept, error=True)
                return
            self._set_status(self.tr("Not saved: {why}. Your input is kept in this window.")
                             .format(why=_plain(exc)), error=True)
            return
        self.visit_id, self.expected_version = rec.id, rec.version
        self._saved = self._snapshot(storable_only=False)
        self._database_has_it()
        self._finished = True
        self._shutdown()
        self.summary_text = saved_text(self.patient.facts.code, rec.label, rec.content)
        self.visitSaved.emit(rec.id)
        super().accept()

    # -- closing ----------------------------------------------------------------------
    def reject(self) -> None:
        """Close button, Ctrl+W or the window manager (Esc goes back instead)."""
        if self._closing:
            return
        if self._finished or self._confirm_close():
            self._finished = self._closing = True
            self._shutdown()
            super().reject()

    def _confirm_close(self) -> bool:
        self.flush()
        if not self._unsaved():
            return True
        if self._kept_locally:
            kept = QMessageBox(QMessageBox.Icon.Warning, self.tr("Close the visit entry?"),
                               self.tr("The database cannot be reached, so it does not hold "
                                       "your latest input. It is kept on this computer: "
                                       "proapp offers it again at the next start on this "
                                       "database. Close now?"), parent=self)
            kept.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
            close = kept.addButton(self.tr("Close (kept on this computer)"),
                                   QMessageBox.ButtonRole.AcceptRole)
            kept.exec()
            return kept.clickedButton() is close
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Close the visit entry?"),
                          self.tr("Some of your input is not stored (fields with errors, or a "
                                  "change that could not be saved). Close and lose it?"),
                          parent=self)
        box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        lose = box.addButton(self.tr("Close and lose it"),
                             QMessageBox.ButtonRole.DestructiveRole)
        box.exec()
        return box.clickedButton() is lose

    def _shutdown(self) -> None:
        self._timer.stop()


POSTURE_WORDS = {"supine": QT_TRANSLATE_NOOP("VisitWizard", "supine"),
                 "upright": QT_TRANSLATE_NOOP("VisitWizard", "upright")}
_SAVED = (QT_TRANSLATE_NOOP("VisitWizard", "MIDAS {total}, grade {grade}"),
          QT_TRANSLATE_NOOP("VisitWizard", "{posture} flow {total} mL/min"),
          QT_TRANSLATE_NOOP("VisitWizard", "{label} saved for {code}"))


def saved_text(code: str, label: str, content: VisitContent) -> str:
    """"m6 saved for P0001: MIDAS 12, grade III · FSS 4.67 · flow 1092.5 mL/min" (the
    scores the domain derives; a score that cannot be computed is left out)."""
    def t(text: str) -> str:
        return QCoreApplication.translate("VisitWizard", text)

    parts = []
    midas = content.scores("midas")
    if midas.get("total") is not None:
        parts.append(QCoreApplication.translate("VisitWizard", "MIDAS {total}, grade {grade}")
                     .format(total=midas["total"], grade=midas.get("grade")))
    fss = content.scores("fss")
    mean = fss.get("mean")
    if isinstance(mean, Decimal):
        parts.append(f"FSS {number_text(mean)}")
    for posture, total in content.flow_totals().items():
        if total.total is not None:
            parts.append(QCoreApplication.translate("VisitWizard",
                                                    "{posture} flow {total} mL/min").format(
                posture=t(POSTURE_WORDS[posture.value]), total=number_text(total.total)))
    head = QCoreApplication.translate("VisitWizard", "{label} saved for {code}").format(
        label=label, code=code)
    return f"{head}: {' · '.join(parts)}" if parts else head


def _reason_issue(message: str | None = None) -> Issue:
    return error("review.reason", "reason.required",
                 message or msg("Give a reason for changing a completed visit"))


def _plain(exc: BaseException) -> str:
    """The plain words for a refused save, as one clause of the status line (its own full
    stop dropped: the line goes on)."""
    plain = plain_error(exc)
    return (shown(plain.message) if plain is not None else str(exc)).rstrip().rstrip(".")


def _local_hm(when: datetime | None) -> str:
    """A naive UTC timestamp from the database as local HH:MM."""
    if when is None:
        return "—"
    return when.replace(tzinfo=UTC).astimezone().strftime("%H:%M")
