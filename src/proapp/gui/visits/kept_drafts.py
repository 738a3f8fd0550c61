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


def describe(kept: KeptDraft) -> str:
    """One line of the list: patient, visit, and when it was kept."""
    d = kept.draft
    what = "correction of a completed visit" if kept.reason else "draft"
    return (f"{kept.patient_code} · {d.label} of {day_text(d.visit_date)} · {what}, kept "
            f"{_when(kept.kept_at)}")


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
        self.setWindowTitle("Visit drafts kept on this computer")
        self.setObjectName("keptDraftsDialog")
        n = len(self.kept)
        head = (f"{n} visit draft{'s were' if n != 1 else ' was'} kept on this computer while "
                "the database could not be reached. The database does not have "
                f"{'them' if n != 1 else 'it'} yet." if n else
                "Files of visit drafts kept on this computer cannot be used.")
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
        self.restore_button = QPushButton("Restore")
        self.restore_button.setObjectName("keptDrafts.restore")
        self.restore_button.setToolTip("Save each draft to the database as you left it; a "
                                       "visit someone changed meanwhile is not overwritten")
        self.discard_button = QPushButton("Discard…")
        self.discard_button.setObjectName("keptDrafts.discard")
        self.later_button = QPushButton("Later")
        self.later_button.setObjectName("keptDrafts.later")
        self.later_button.setToolTip("Keep them on this computer; they are offered again at "
                                     "the next start")
        self.restore_button.clicked.connect(self.restore_all)
        self.discard_button.clicked.connect(self.discard_all)
        self.later_button.clicked.connect(self.reject)
        buttons = self._buttons = QHBoxLayout()
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
        self.problems.setText("\n".join(f"Not usable: {r.why}" for r in self.refused))
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
                show_error(self, exc, "restore a kept visit draft")
                still.append(kept)
                continue
            if outcome.outcome is Outcome.NOT_RESTORED:
                still.append(kept)
                failed.append(f"{describe(kept)}: not restored. {outcome.message}")
                values = flatten(kept.draft.content)
                details.append(f"{describe(kept)}:\n" + "\n".join(
                    f"  {field} = {value}" for field, value in values.items()))
                continue
            done.append(describe(kept) + (": restored" if outcome.outcome is Outcome.RESTORED
                                          else ": the database already had it"))
            self.restored.emit(kept.draft.patient_id)
        self.kept = still
        self._fill()
        lines = done + failed
        if failed:
            lines.append("The drafts not restored stay on this computer: open the visit, "
                         "enter what they hold again (Details… lists it), then discard "
                         "them.")
        self.summary.setText("\n".join(lines))
        self.summary.setStyleSheet(ERROR_STYLE if failed else HINT_STYLE)
        self.details = "\n\n".join(details)
        if details:
            self._details_button().setVisible(True)
        if not self.kept and not self.refused:
            self.heading.setText("Nothing is kept on this computer any more.")
            self.later_button.setText("Close")
        elif self.kept:
            n = len(self.kept)
            self.heading.setText(f"{n} visit draft{'s are' if n != 1 else ' is'} still kept on "
                                 "this computer:")
        self._stretch()

    def _details_button(self) -> QPushButton:
        found = self.findChild(QPushButton, "keptDrafts.details")
        if isinstance(found, QPushButton):
            return found
        button = QPushButton("Details…")
        button.setObjectName("keptDrafts.details")
        button.clicked.connect(self._show_details)
        self._buttons.insertWidget(0, button)
        return button

    def _show_details(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "What the kept drafts hold",
                          "The values of the drafts that were not restored:", parent=self)
        box.setDetailedText(self.details)
        box.exec()

    def discard_all(self) -> None:
        n = len(self.kept) + len(self.refused)
        box = QMessageBox(QMessageBox.Icon.Warning, "Discard the kept drafts?",
                          f"Discard {n} kept draft{'s' if n != 1 else ''} for good? The "
                          "database does not have what they hold; it is lost.", parent=self)
        box.setObjectName("keptDrafts.confirmDiscard")
        box.addButton("Keep them", QMessageBox.ButtonRole.RejectRole)
        go = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.exec()
        if box.clickedButton() is not go:
            return
        items: list[KeptDraft | RefusedFile] = [*self.kept, *self.refused]
        for item in items:
            local_drafts.discard(self.actor, item)
        self.kept, self.refused = [], []
        self._fill()
        self.summary.setText(f"{n} kept draft{'s' if n != 1 else ''} discarded.")
        self.summary.setStyleSheet(HINT_STYLE)
        self.heading.setText("Nothing is kept on this computer any more.")
        self.later_button.setText("Close")
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
