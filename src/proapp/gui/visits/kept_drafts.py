"""The visit drafts kept on this computer while the database could not be reached, offered
to the user who typed them at the next start: restore them (through the visit service, with
its version check) or discard them. The keeping, reading and restoring are
:mod:`proapp.services.visits.local_drafts`; this is only the window.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.gui.common.errors import show_error
from proapp.gui.common.language import QT_TRANSLATE_NOOP, in_context, shown
from proapp.gui.common.style import ERROR_STYLE, HINT_STYLE
from proapp.gui.common.table import day_text
from proapp.services.visits import flatten, local_drafts
from proapp.services.visits.local_drafts import KeptDraft, Outcome, Pending, RefusedFile

log = logging.getLogger(__name__)


def _when(kept_at: str) -> str:
    try:
        moment = datetime.fromisoformat(kept_at).replace(tzinfo=UTC).astimezone()
    except ValueError:
        return kept_at
    return f"{day_text(moment.date())} {moment:%H:%M}"


# The words of the list's lines (for pyside6-lupdate; translated by _t).
_LINE = (QT_TRANSLATE_NOOP("KeptDraftsDialog", "correction of a completed visit"),
         QT_TRANSLATE_NOOP("KeptDraftsDialog", "draft"),
         QT_TRANSLATE_NOOP("KeptDraftsDialog", "{code} · {label} of {date} · {what}, kept {when}"))


_t = in_context("KeptDraftsDialog")  # this screen's texts marked with QT_TRANSLATE_NOOP


def describe(kept: KeptDraft) -> str:
    """One line of the list: patient, visit, and when it was kept."""
    d = kept.draft
    what = (_t("correction of a completed visit") if kept.reason else _t("draft"))
    return _t("{code} · {label} of {date} · {what}, kept {when}").format(
        code=kept.patient_code, label=d.label, date=day_text(d.visit_date), what=what,
        when=_when(kept.kept_at))


class KeptDraftsDialog(QDialog):
    """"N visit drafts were kept while the database could not be reached": restore, discard,
    or decide later (they are offered again at the next start)."""

    restored = Signal(int)  # patient id of each visit restored (the lists refresh)

    def __init__(self, parent: QWidget | None, database: Database, actor: Actor,
                 found: Pending):
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.kept: list[KeptDraft] = list(found.kept)
        self.refused: list[RefusedFile] = list(found.refused)
        self.details = ""  # the values of the drafts not restored, for Details…
        self.setWindowTitle(self.tr("Visit drafts kept on this computer"))
        self.setObjectName("keptDraftsDialog")
        n = len(self.kept)
        if n == 1:
            head = self.tr("1 visit draft was kept on this computer while the database could "
                           "not be reached. The database does not have it yet.")
        elif n:
            head = self.tr("{n} visit drafts were kept on this computer while the database "
                           "could not be reached. The database does not have them yet."
                           ).format(n=n)
        else:
            head = self.tr("Files of visit drafts kept on this computer cannot be used.")
        self.heading = QLabel(head)
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("keptDrafts.list")
        self.problems = QLabel()
        self.problems.setObjectName("keptDrafts.problems")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setObjectName("keptDrafts.result")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("keptDrafts.restore")
        self.restore_button.setToolTip(self.tr("Save each draft to the database as you left "
                                               "it; a visit someone changed meanwhile is not "
                                               "overwritten"))
        self.discard_button = QPushButton(self.tr("Discard…"))
        self.discard_button.setObjectName("keptDrafts.discard")
        self.later_button = QPushButton(self.tr("Later"))
        self.later_button.setObjectName("keptDrafts.later")
        self.later_button.setToolTip(self.tr("Keep them on this computer; they are offered "
                                             "again at the next start"))
        self.restore_button.clicked.connect(self.restore_all)
        self.discard_button.clicked.connect(self.discard_all)
        self.later_button.clicked.connect(self.reject)
        self.details_button = QPushButton(self.tr("Details…"))
        self.details_button.setObjectName("keptDrafts.details")
        self.details_button.clicked.connect(self._show_details)
        self.details_button.setVisible(False)  # once a draft could not be restored
        # (The layouts are not kept as attributes: Qt owns them, and a Python reference
        # outliving the dialog would free them a second time.)
        buttons = QHBoxLayout()
        buttons.addWidget(self.details_button)
        buttons.addStretch(1)
        for b in (self.restore_button, self.discard_button, self.later_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.summary)
        layout.addStretch(0)  # takes the list's room once it is empty
        layout.addLayout(buttons)
        self.resize(720, 360)
        self._fill()
        if found.others:
            log.info("%d more kept drafts on this computer belong to other users",
                     found.others)

    def _fill(self) -> None:
        self.list.clear()
        for k in self.kept:
            self.list.addItem(describe(k))
        self.list.setVisible(bool(self.kept))
        self.problems.setText("\n".join(self.tr("Not usable: {why}").format(why=shown(r.why))
                                        for r in self.refused))
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.setVisible(bool(self.refused))
        self.restore_button.setEnabled(bool(self.kept))
        self.discard_button.setEnabled(bool(self.kept or self.refused))

    def restore_all(self) -> None:
        """Each draft through the visit service; what could not be restored stays kept, with
        the reason and the values it holds (to enter them again by hand)."""
        done: list[str] = []
        failed: list[str] = []
        details: list[str] = []
        still: list[KeptDraft] = []
        for kept in self.kept:
            try:
                outcome = local_drafts.restore(self.database, self.actor, kept)
            except Exception as exc:  # a bug: shown, and the draft stays kept
                show_error(self, exc, self.tr("restore a kept visit draft"))
                still.append(kept)
                continue
            if outcome.outcome is Outcome.NOT_RESTORED:
                still.append(kept)
                failed.append(self.tr("{draft}: not restored. {why}").format(
                    draft=describe(kept), why=shown(outcome.message)))
                values = flatten(kept.draft.content)
                details.append(f"{describe(kept)}:\n" + "\n".join(
                    f"  {field} = {value}" for field, value in values.items()))
                continue
            done.append((self.tr("{draft}: restored") if outcome.outcome is Outcome.RESTORED
                         else self.tr("{draft}: the database already had it")).format(
                draft=describe(kept)))
            self.restored.emit(kept.draft.patient_id)
        self.kept = still
        self._fill()
        lines = done + failed
        if failed:
            lines.append(self.tr("The drafts not restored stay on this computer: open the "
                                 "visit, enter what they hold again (Details… lists it), "
                                 "then discard them."))
        self.summary.setText("\n".join(lines))
        self.summary.setStyleSheet(ERROR_STYLE if failed else HINT_STYLE)
        self.details = "\n\n".join(details)
        self.details_button.setVisible(bool(details))
        if not self.kept and not self.refused:
            self.heading.setText(self.tr("Nothing is kept on this computer any more."))
            self.later_button.setText(self.tr("Close"))
        elif self.kept:
            n = len(self.kept)
            self.heading.setText(self.tr("1 visit draft is still kept on this computer:")
                                 if n == 1 else
                                 self.tr("{n} visit drafts are still kept on this computer:")
                                 .format(n=n))
        self._stretch()

    def _show_details(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("What the kept drafts hold"),
                          self.tr("The values of the drafts that were not restored:"),
                          parent=self)
        box.setDetailedText(self.details)
        box.exec()

    def discard_all(self) -> None:
        n = len(self.kept) + len(self.refused)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Discard the kept drafts?"),
                          (self.tr("Discard the kept draft for good? The database does not "
                                   "have what it holds; it is lost.") if n == 1 else
                           self.tr("Discard {n} kept drafts for good? The database does not "
                                   "have what they hold; it is lost.").format(n=n)),
                          parent=self)
        box.setObjectName("keptDrafts.confirmDiscard")
        box.addButton(self.tr("Keep them"), QMessageBox.ButtonRole.RejectRole)
        go = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.exec()
        if box.clickedButton() is not go:
            return
        items: list[KeptDraft | RefusedFile] = [*self.kept, *self.refused]
        for item in items:
            local_drafts.discard(self.actor, item)
        self.kept, self.refused = [], []
        self._fill()
        self.summary.setText(self.tr("1 kept draft discarded.") if n == 1 else
                             self.tr("{n} kept drafts discarded.").format(n=n))
        self.summary.setStyleSheet(HINT_STYLE)
        self.heading.setText(self.tr("Nothing is kept on this computer any more."))
        self.later_button.setText(self.tr("Close"))
        self._stretch()

    def _stretch(self) -> None:
        """The list takes the room while it shows drafts; then the empty space goes below
        the texts, not between them."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretchFactor(self.list, 1 if self.kept else 0)
        layout.setStretch(layout.count() - 2, 0 if self.kept else 1)


def offer_kept_drafts(parent: QWidget | None, database: Database, actor: Actor
                      ) -> KeptDraftsDialog | None:
    """After sign-in: the dialog (shown, window-modal) when this computer keeps drafts of
    ``actor`` for ``database``; None otherwise. A failure to read them is logged, never
    fatal (the window works without them; they stay for the next start)."""
    try:
        found = local_drafts.pending(database, actor)
    except Exception as exc:
        log.warning("kept visit drafts not read (%s)", type(exc).__name__)
        return None
    if not found:
        return None
    dialog = KeptDraftsDialog(parent, database, actor, found)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
