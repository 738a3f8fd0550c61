"""What a feature offers the main window: named actions, declared once, run on the window.

Each feature package lists its actions in a light ``actions`` module (this type, a text, a
shortcut, what the action needs selected, and a function that imports the feature's dialogs
only when the action runs). The shell (:mod:`proapp.gui.shell.menus`) lays them out in the
menus and the tool bar; the main window creates the ``QAction`` objects and keeps them
enabled according to :class:`Needs`. So the window never imports a heavy feature module
(matplotlib, openpyxl, the PDF preview) before the user asks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from proapp.db.engine import Database
    from proapp.domain.actor import Actor


class Needs(Enum):
    """When an action is enabled."""

    NOTHING = "nothing"
    PATIENT = "a patient"  # selected in a list, or its tab is the current one
    SELECTION = "patients selected in the list"
    PATIENT_TAB = "a patient tab"  # a patient's own tab is the current one


class Host(Protocol):
    """What an action may use of the window it runs in (the main window)."""

    database: Database
    actor: Actor

    def widget(self) -> QWidget:
        """The parent for the dialogs an action opens."""
        ...

    def current_patient_id(self) -> int | None: ...

    def selected_patient_ids(self) -> list[int]: ...

    def refresh_patients(self, patient_ids: list[int]) -> None:
        """Re-read these patients' rows and open tabs after a save."""
        ...

    def reload(self) -> None:
        """Read every list again (after an import)."""
        ...

    def start_visit(self, patient_id: int, *, label: str | None = None,
                    visit_id: int | None = None) -> object:
        """Open visit entry for a patient (the window keeps track of it)."""
        ...

    def show_status(self, text: str, msecs: int = 0) -> None: ...

    def lock_now(self) -> bool:
        """Lock the session now; False when this window has no idle lock."""
        ...

    def has_lock(self) -> bool: ...


Shortcut = str | QKeySequence.StandardKey | None


@dataclass(frozen=True)
class Action:
    """One menu or tool-bar entry. ``name`` is the ``QAction``'s object name (tests and
    scripts find actions by it); ``shown`` hides the entry for some users or windows."""

    name: str
    text: str
    run: Callable[[Host], object]
    shortcut: Shortcut = None
    tip: str = ""
    needs: Needs = Needs.NOTHING
    shown: Callable[[Host], bool] | None = None


SEPARATOR = None  # between groups of a menu or the tool bar
Entries = Sequence[Action | None]
