"""Every top-level window fits the screen it opens on, and a dialog opens with the cursor in
its first field.

One application-wide event filter (:class:`WindowPolicy`, installed by
:func:`proapp.gui.shell.app.application`) sees each window just before it is shown:

- its size is bounded by the screen's available geometry (task bars excluded) minus room for
  the window manager's frame, and its position is moved so the whole frame is on that screen.
  A window's content that is taller than that scrolls (the pages use scroll areas), so
  nothing is cut off at 150 % or 200 % scaling on a 1280x800 screen;
- a dialog whose focus would be on a button (or nowhere) gets the focus in its first input,
  so typing goes where the hand expects. Message boxes keep the focus on their button.

Windows that grow while open (a message shown under a field) call :func:`fit_to_screen`
again themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QScrollArea,
    QTextEdit,
    QWidget,
)

# Room for the window manager's title bar and borders before the frame is known (logical px).
FRAME_ALLOWANCE = QSize(12, 40)
INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox)


def available_geometry(window: QWidget) -> QRect:
    """The usable area of the screen the window is on (its parent's, before it is shown)."""
    screen = None
    parent = window.parentWidget()
    if parent is not None and parent.window().isVisible():
        screen = parent.window().screen()
    if screen is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _frame_extra(window: QWidget) -> QSize:
    frame, inner = window.frameGeometry(), window.geometry()
    extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    if window.isVisible() and (extra.width() > 0 or extra.height() > 0):
        return extra
    return FRAME_ALLOWANCE


def fit_to_screen(window: QWidget, *, showing: bool = False) -> None:
    """Shrink ``window`` to the available screen area (never below what its layout needs: the
    layout's content scrolls) and move it so that its frame is entirely on the screen."""
    if window.isMaximized() or window.isFullScreen():
        return
    avail = available_geometry(window)
    extra = _frame_extra(window)
    max_w = max(avail.width() - extra.width(), 1)
    max_h = max(avail.height() - extra.height(), 1)
    size = window.size()
    if not window.testAttribute(Qt.WidgetAttribute.WA_Resized):
        size = window.sizeHint().expandedTo(window.minimumSizeHint())
    if isinstance(window, QMainWindow) and showing and (
            size.width() > max_w or size.height() > max_h):
        # A main window as large as the screen or larger: it gets the whole screen.
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    width, height = min(size.width(), max_w), min(size.height(), max_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    # For a window, pos() is the top-left corner of its frame.
    outer_w, outer_h = width + extra.width(), height + extra.height()
    x = min(window.pos().x(), avail.left() + avail.width() - outer_w)
    y = min(window.pos().y(), avail.top() + avail.height() - outer_h)
    target = QPoint(max(x, avail.left()), max(y, avail.top()))
    if target != window.pos():
        window.move(target)


def grow_to_content(window: QWidget) -> None:
    """Make a shown window tall enough for what it now holds (a message appeared), within
    the screen."""
    layout = window.layout()
    if layout is not None:
        layout.activate()
    hint = window.sizeHint()
    if hint.height() > window.height() or hint.width() > window.width():
        window.resize(max(hint.width(), window.width()), max(hint.height(), window.height()))
    if window.isVisible():
        fit_to_screen(window)


def first_input(dialog: QWidget) -> QWidget | None:
    """The first enabled, visible input of ``dialog`` in focus (Tab) order."""
    start = dialog
    w = start.nextInFocusChain()
    seen = 0
    while w is not None and w is not start and seen < 2000:
        seen += 1
        if (isinstance(w, INPUTS) and w.isVisibleTo(dialog) and w.isEnabled()
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and w.window() is dialog
                and not (isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit)
                         and w.isReadOnly())):
            # a combo box's own line edit belongs to the combo box
            parent = w.parentWidget()
            if isinstance(parent, QComboBox | QAbstractSpinBox):
                w = parent
            return w
        w = w.nextInFocusChain()
    return None


def focus_first_input(dialog: QWidget) -> None:
    """Put the focus in the dialog's first input unless it is already in an input."""
    if not dialog.isVisible():
        return
    focus = dialog.focusWidget()
    if focus is not None and not isinstance(focus, QAbstractButton) and focus is not dialog:
        return
    target = first_input(dialog)
    if target is not None:
        target.setFocus(Qt.FocusReason.TabFocusReason)


def _is_managed(widget: QWidget) -> bool:
    kind = widget.windowType()
    return kind in (Qt.WindowType.Window, Qt.WindowType.Dialog)


class WindowPolicy(QObject):
    """The application-wide event filter described in the module docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) \
                and watched.isWindow() and _is_managed(watched):
            fit_to_screen(watched, showing=True)
            # Once the window manager has framed it, the real frame is known: fit again.
            QTimer.singleShot(0, lambda w=watched: _settle(w))
        return False


def _settle(window: QWidget) -> None:
    try:
        if not window.isVisible():
            return
    except RuntimeError:  # deleted meanwhile
        return
    fit_to_screen(window)
    if isinstance(window, QDialog) and not isinstance(window, QMessageBox | QProgressDialog):
        focus_first_input(window)


def keep_visible(_old: QWidget | None, new: QWidget | None) -> None:
    """The field that gets the focus is scrolled into view (with its message below it), so
    the last item of a long page is never half hidden while it is typed in."""
    if new is None:
        return
    parent = new.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    inner = parent.widget() if isinstance(parent, QScrollArea) else None
    if isinstance(parent, QScrollArea) and inner is not None and inner.isAncestorOf(new):
        parent.ensureWidgetVisible(new, 24, 48)


def install(app: QApplication) -> WindowPolicy:
    """Install the policy once on ``app`` (idempotent)."""
    existing = app.findChild(WindowPolicy, "windowPolicy")
    if existing is not None:
        return existing
    policy = WindowPolicy(app)
    policy.setObjectName("windowPolicy")
    app.installEventFilter(policy)
    app.focusChanged.connect(keep_visible)
    return policy
