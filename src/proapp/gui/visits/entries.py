"""The visit entries open in one main window: started here, remembered until they close.

The main window asks before quitting whether any of them holds work that is not a completed
visit; a saved visit is reported as ``visitSaved(patient_id)`` so the lists refresh. The
wizard itself is imported when the first entry starts, not with the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.gui.common.errors import show_error


class VisitEntries(QObject):
    visitSaved = Signal(int)  # patient id
    draftSaved = Signal(int)  # patient id: a new draft row (the worklist shows drafts)
    message = Signal(str)  # what was saved, for the status bar

    def __init__(self, window: QWidget, database: Database, actor: Actor):
        super().__init__(window)
        self.window = window
        self.database = database
        self.actor = actor
        self._wizards: list[QDialog] = []

    def start(self, patient_id: int, *, label: str | None = None,
              visit_id: int | None = None) -> QDialog | None:
        """Open visit entry (the wizard decides about resuming a draft)."""
        from proapp.gui.visits.entry import open_visit_entry

        try:
            dialog = open_visit_entry(self.window, self.database, self.actor, patient_id,
                                      label=label, visit_id=visit_id)
        except Exception as exc:
            show_error(self.window, exc, QCoreApplication.translate("VisitEntry",
                                                                    "start visit entry"))
            return None
        if dialog is None:
            return None
        self._wizards.append(dialog)
        # the patient self-report hides this window behind the window's own idle lock
        dialog.idle_lock = getattr(self.window, "lock", None)
        dialog.visitSaved.connect(lambda _vid, pid=patient_id, d=dialog: self._saved(pid, d))
        dialog.draftSaved.connect(self.draftSaved.emit)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        dialog.destroyed.connect(lambda _o=None, d=dialog: self._forget(d))
        if not dialog.isVisible():
            dialog.show()
        return dialog

    def _saved(self, patient_id: int, dialog: QDialog) -> None:
        text = getattr(dialog, "summary_text", "")
        if text:
            self.message.emit(text)
        self.visitSaved.emit(patient_id)

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self._wizards:
            self._wizards.remove(dialog)

    def open_wizards(self) -> list[QDialog]:
        return list(self._wizards)

    def unsaved(self) -> list[QDialog]:
        """Open visit entries holding work that is not a completed visit: input not saved yet
        (``has_unsaved_work``, which also flushes the draft) or a draft in progress."""
        out = []
        for d in self._wizards:
            try:
                if not d.isVisible():
                    continue
                unsaved = d.has_unsaved_work()  # type: ignore[attr-defined]
                draft = (getattr(d, "visit_id", None) is not None
                         and not getattr(d, "editing_complete", False))
            except RuntimeError:  # already deleted on the C++ side
                continue
            if unsaved or draft:
                out.append(d)
        return out
