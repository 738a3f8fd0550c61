"""The patient self-report mode: the patient's screen in front of everything, each answer
stored at once, and the idle lock's password as the only way out.

:class:`SelfReportMode` opens :class:`~proapp.gui.visits.self_report.screen.SelfReportScreen`
full screen and asks the idle lock to hold the application behind it
(:meth:`proapp.gui.accounts.idle_lock.IdleLock.hold`): the main window is hidden and the visit
entry covered, exactly as when the session locks, so the patient can reach nothing else. Every
answer goes to :func:`proapp.services.visits.self_report.answer` in the name of the nurse who
started the mode; a refused answer comes back as the rule's message. "Staff" (and closing the
window, and the end screen's button) asks for a staff password; Cancel or a wrong password
leaves the patient's screen as it was. The same user then gets the visit entry back on the
review page (``ended``); another staff member signing in takes over as after a lock, the
answers waiting as a draft.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from proapp.db.engine import Database
from proapp.db.errors import StorageError
from proapp.domain.actor import Actor
from proapp.domain.item_values import Keyed
from proapp.domain.language import Language
from proapp.domain.registry import QUESTIONNAIRES
from proapp.domain.validation import ValidationError
from proapp.gui.accounts.idle_lock import IdleLock
from proapp.gui.common.language import QT_TRANSLATE_NOOP, Words
from proapp.gui.visits.self_report.screen import CONTEXT, SelfReportScreen
from proapp.services import instruments as instrument_texts
from proapp.services.errors import UserError
from proapp.services.visits import self_report
from proapp.services.visits.self_report import SelfReportState

log = logging.getLogger(__name__)


class SelfReportMode(QObject):
    """One run of the patient's screen for one visit. ``lock`` is the application's idle
    lock; without one (a visit entry opened on its own) the mode brings its own. ``language``
    is the one the visit's questionnaires are in (the patient's): the whole screen speaks it."""

    ended = Signal(int)  # the visit id: the same staff member is back
    taken_over = Signal(object)  # another staff member signed in (the new Actor)

    def __init__(self, database: Database, actor: Actor, state: SelfReportState,
                 lock: IdleLock | None, language: Language, parent: QObject | None = None):
        super().__init__(parent)
        self.database, self.actor, self.state = database, actor, state
        self._own_lock = lock is None
        self.lock = lock if lock is not None else IdleLock(database, actor, minutes=0,
                                                           parent=self)
        instruments = [QUESTIONNAIRES[i] for i in state.instruments]
        self.words = Words(language, CONTEXT)
        texts = instrument_texts.all_texts(database, language)
        self.screen = SelfReportScreen(instruments, state.answers, self._store, texts,
                                       self.words)
        self.screen.leaveRequested.connect(self.lock.ask_to_leave)
        self.screen.reachedEnd.connect(self._finished)
        self.active = False

    def start(self) -> SelfReportScreen:
        self.lock.unlocked.connect(self._same_user)
        self.lock.switched.connect(self._other_user)
        self.lock.hold(self.screen)
        self.screen.showFullScreen()
        self.screen.raise_()
        self.screen.activateWindow()
        self.active = True
        log.info("self-report screen shown for visit %s", self.state.visit_id)
        return self.screen

    def _store(self, instrument_id: str, item_id: str, value: Keyed) -> str | None:
        try:
            self_report.answer(self.database, self.actor, self.state.visit_id, instrument_id,
                               item_id, value)
        except ValidationError as exc:
            return " ".join(self.words.shown(i.message) for i in exc.issues)
        except UserError as exc:
            return self.words.shown(exc.args[0] if exc.args else str(exc))
        except StorageError as exc:  # locked, read-only, disk full: told plainly
            # only the kind of error: a database message may quote the values it was given
            log.error("a self-report answer could not be stored (%s)", type(exc).__name__)
            return self.words.tr(QT_TRANSLATE_NOOP(
                "SelfReport", "This answer could not be saved. Please tell the staff; your other "
                         "answers are kept."))
        return None

    def _finished(self) -> None:
        try:
            self_report.finish(self.database, self.actor, self.state.visit_id)
        except (UserError, StorageError) as exc:
            log.error("the end of the self-report could not be recorded (%s)",
                      type(exc).__name__)

    def _release(self) -> None:
        self.active = False
        for signal, slot in ((self.lock.unlocked, self._same_user),
                             (self.lock.switched, self._other_user)):
            signal.disconnect(slot)
        self.screen.released = True
        self.screen.close()
        self.screen.deleteLater()
        if self._own_lock:
            self.lock.uninstall()

    def _same_user(self, _actor: Actor) -> None:
        self._release()
        self.ended.emit(self.state.visit_id)

    def _other_user(self, actor: Actor) -> None:
        self._release()
        self.taken_over.emit(actor)

