"""Locking the application after idle time.

Idle detection is an application-wide event filter: any key press, mouse click, movement,
wheel or touch restarts a single-shot QTimer of ``idle_lock_minutes`` (a clinic setting; 0
turns the lock off, for computers the operating system already locks).

Locking hides the data without destroying anything:

- ordinary top-level windows (the main window, a patient window) are hidden;
- dialogs (a visit wizard may be running in ``exec()``, and hiding a dialog would end that
  loop and lose the input) stay open but are covered by an opaque panel and get a neutral
  title, so neither a value nor a patient's name is visible;
- a modal lock dialog asks for the password.

If the same user signs in again, everything is shown as it was, in-memory input untouched. If
another user signs in, the previous user's work is made safe first: every window with a
``flush_drafts()`` method is asked to save its draft (as the previous user, who entered it;
the wizard autosaves drafts to the database anyway), then the windows are closed and the
``switched`` signal hands the new user to the application, which opens a fresh main window. A
half-entered visit therefore never appears under the wrong name and is never thrown away: it
waits as a draft for its author.

The same mechanism guards the patient self-report (:meth:`IdleLock.hold`): every window is
hidden or covered exactly as for a lock, but the patient's screen is shown instead of the
password dialog, and only a staff password (:meth:`IdleLock.ask_to_leave`, the same dialog)
ends it, with the same outcome: the same user gets everything back, another user takes over.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QWidget,
)

from proapp import APP_NAME
from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.gui.accounts.dialogs import LoginDialog
from proapp.services import accounts, settings

log = logging.getLogger(__name__)

ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                      QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
                      QEvent.Type.TabletPress})
LOCKED_TITLE = f"{APP_NAME} (locked)"  # in English; the screens show locked_title()


def locked_title() -> str:
    """The title of the lock dialog and of every covered window, in the screens' language."""
    return QCoreApplication.translate("IdleLock", "{name} (locked)").format(name=APP_NAME)


def idle_minutes(database: Database) -> int:
    """The setting, 0 (off) .. 24 h; a stored value outside that reads as the default."""
    return settings.get_int(database, "idle_lock_minutes")


class _Cover(QLabel):
    """An opaque panel over a dialog's contents while the application is locked."""

    def __init__(self, host: QWidget):
        super().__init__(self.tr("Locked"), host)
        self.setObjectName("lockCover")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAutoFillBackground(True)
        self.setStyleSheet("QLabel#lockCover { background: palette(window); "
                           "font-size: 16pt; color: palette(mid); }")
        self.setGeometry(host.rect())
        host.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        host = self.parentWidget()
        if host is not None and watched is host and event.type() == QEvent.Type.Resize:
            self.setGeometry(host.rect())
            self.raise_()
        return False


class LockDialog(LoginDialog):
    """Modal; cannot be dismissed except by signing in."""

    def __init__(self, database: Database, actor: Actor):
        super().__init__(database, None, actor.username,
                         QCoreApplication.translate(
                             "IdleLock", "{name} is locked. {username}: enter your password "
                             "to continue. Another user may sign in instead; the open windows "
                             "are then closed and any visit being entered is kept as a "
                             "draft.").format(name=APP_NAME, username=actor.username))
        self.setWindowTitle(locked_title())
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        # Above the covered windows whatever the window manager's stacking rules: the
        # password must go here (a covered visit entry would otherwise stay in front).
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.buttons.button(self.buttons.StandardButton.Cancel).hide()
        self.ok_button.setText(QCoreApplication.translate("IdleLock", "Unlock"))

    def reject(self) -> None:  # Escape or the close button: stay locked
        return


class LeaveDialog(LockDialog):
    """The staff password that ends the patient self-report. Cancel goes back to the
    patient's screen (which stays, as the lock does)."""

    def __init__(self, database: Database, actor: Actor, above: QWidget):
        super().__init__(database, actor)
        # kept above the patient's full-screen window without being its child (which would
        # hand the dialog the patient screen's large style)
        self.winId()
        handle, host = self.windowHandle(), above.windowHandle()
        if handle is not None and host is not None:
            handle.setTransientParent(host)
        self.setObjectName("leaveSelfReport")
        self.setWindowTitle(QCoreApplication.translate("IdleLock", "Staff only"))
        self.intro.setText(QCoreApplication.translate(
            "IdleLock", "Staff only: {username}, enter your password to leave the patient's "
            "questionnaire. The answers are kept. Another staff member may sign in "
            "instead.").format(username=actor.username))
        self.buttons.button(self.buttons.StandardButton.Cancel).show()
        self.ok_button.setText(QCoreApplication.translate("IdleLock", "Leave"))

    def reject(self) -> None:
        QDialog.reject(self)


class IdleLock(QObject):
    """Install once per application; ``switched`` carries a different user who signed in."""

    locked = Signal()
    unlocked = Signal(object)  # the same Actor
    switched = Signal(object)  # the new Actor

    def __init__(self, database: Database, actor: Actor, minutes: int | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.minutes = idle_minutes(database) if minutes is None else minutes
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.dialog: LockDialog | None = None
        self.held: QWidget | None = None  # the patient's screen while self-report runs
        self._hidden: list[QWidget] = []
        self._covered: list[tuple[QWidget, _Cover, str]] = []
        self._active: QWidget | None = None  # the window in use when the lock came
        self.on_switch: Callable[[Actor], None] | None = None
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.restart()

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None or self.held is not None

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self.restart()

    def restart(self) -> None:
        if self.minutes > 0 and not self.is_locked:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.is_locked and event.type() in ACTIVITY and self.minutes > 0:
            self.timer.start()
        return False

    def uninstall(self) -> None:
        """Stop watching (application shutdown); a lock dialog still open goes too."""
        self.timer.stop()
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # --- locking -----------------------------------------------------------------------------

    def lock(self) -> None:
        if self.is_locked:
            return
        self._conceal()
        log.info("application locked for %s", self.actor.username)
        self.dialog = LockDialog(self.database, self.actor)
        self.dialog.accepted.connect(self._signed_in)
        self.locked.emit()
        self.dialog.open()

    def _conceal(self, keep: QWidget | None = None) -> None:
        """Hide every ordinary window and cover every dialog (all but ``keep``)."""
        self.timer.stop()
        self._active = QApplication.activeWindow()
        for w in QApplication.topLevelWidgets():
            if not w.isVisible() or isinstance(w, LockDialog) or w is keep:
                continue
            if isinstance(w, QDialog):
                self._covered.append((w, _Cover(w), w.windowTitle()))
                w.setWindowTitle(locked_title())
            else:
                self._hidden.append(w)
                w.hide()

    def hold(self, screen: QWidget) -> None:
        """Lock the application behind ``screen`` (the patient self-report) instead of the
        password dialog: every other window is hidden or covered, the idle timer stops, and
        only :meth:`ask_to_leave` with a staff password ends it. ``screen`` is shown full
        screen by the caller and hidden here when a staff member leaves."""
        if self.is_locked:
            raise RuntimeError("the application is already locked")
        self._conceal(keep=screen)
        self.held = screen
        log.info("patient self-report started by %s", self.actor.username)
        self.locked.emit()

    def ask_to_leave(self) -> None:
        """The staff password over the patient's screen; Cancel returns to the screen."""
        if self.held is None or self.dialog is not None:
            return
        self.dialog = LeaveDialog(self.database, self.actor, self.held)
        self.dialog.accepted.connect(self._signed_in)
        self.dialog.rejected.connect(self._stay_held)
        self.dialog.open()
        # The password goes to the lock dialog, not to the covered window that had the
        # focus (it would swallow the keys while the dialog is modal).
        self._raise([self.dialog])
        QTimer.singleShot(150, lambda: self._raise([self.dialog] if self.dialog else []))

    def _stay_held(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _signed_in(self) -> None:
        assert self.dialog is not None
        new = self.dialog.actor
        self.dialog.deleteLater()
        self.dialog = None
        assert new is not None
        if self.held is not None:
            self.held.hide()
            self.held = None
        if new.user_id == self.actor.user_id:
            for w, cover, title in self._covered:
                cover.hide()  # at once: deleteLater waits for the event loop
                cover.deleteLater()
                w.setWindowTitle(title)
            for w in self._hidden:
                w.show()
            # Showing the main window again puts it on top: the dialogs that stayed open (a
            # visit being entered) come back in front, the one in use last on top.
            dialogs = [w for w, _c, _t in self._covered]
            front = self._active if self._active in dialogs else (dialogs[-1] if dialogs
                                                                 else None)
            order = [*(d for d in dialogs if d is not front), *([front] if front else [])]
            self._raise(order)
            # again once the window manager has mapped the main window (asynchronous on X11)
            QTimer.singleShot(150, lambda: self._raise(order))
            self._hidden, self._covered, self._active = [], [], None
            self.actor = new
            self.restart()
            self.unlocked.emit(new)
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        quit_on_close = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # no window is open between the two users
        try:
            self._close_for_switch()
            log.info("user switched from %s to %s", self.actor.username, new.username)
            self.actor = new
            self.restart()
            self.switched.emit(new)
        finally:
            QTimer.singleShot(0, lambda: app.setQuitOnLastWindowClosed(quit_on_close))

    @staticmethod
    def _raise(windows: list[QWidget]) -> None:
        for w in windows:
            try:
                if w.isVisible():
                    w.raise_()
            except RuntimeError:  # closed meanwhile
                continue
        if windows:
            with contextlib.suppress(RuntimeError):
                windows[-1].activateWindow()

    def _close_for_switch(self) -> None:
        windows = [w for w, _c, _t in self._covered] + self._hidden
        for w in windows:
            flush = getattr(w, "flush_drafts", None)
            if callable(flush):
                try:
                    flush()
                except Exception:  # a failed flush must not keep the next user out
                    log.exception("could not flush drafts of %r before switching user", w)
        # Dialogs first (innermost exec loops), then the hidden windows.
        for w, cover, _t in reversed(self._covered):
            cover.deleteLater()
            if isinstance(w, QDialog):
                w.reject()
            w.close()
        for w in self._hidden:
            w.close()
            w.deleteLater()
        self._hidden, self._covered = [], []


def ensure_active(database: Database, actor: Actor) -> Actor:
    """The actor with its current role (raises if deactivated meanwhile)."""
    return accounts.current_actor(database, actor)
