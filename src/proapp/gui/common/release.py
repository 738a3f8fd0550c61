"""Freeing a replaced list of tens of thousands of rows a slice per turn of the event loop.

A reload replaces the patient list: the old rows (each with its schedule's tuples) are freed
by reference counting when the last container lets them go. For 50,000 patients that is
40-50 ms in one go in the GUI thread, on top of showing the new list; done in slices of a
few milliseconds between events, neither typing nor painting waits for it. (Freeing in a
worker thread was measured and is worse: the worker holds the interpreter in 5 ms turns
while the paint's Python callbacks wait for it.)
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer

SLICE = 1000  # rows freed per step; a step is repeated while its turn lasts under BUDGET_S
BUDGET_S = 0.004


class SlicedRelease(QObject):
    """``release(objects)``: takes the last references to ``objects`` and drops them a slice
    at a time on later turns of the event loop. The caller must hold no other reference
    (the containers the objects came from already replaced or cleared)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._doomed: list[object] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def release(self, objects: Iterable[object]) -> None:
        self._doomed.extend(objects)
        if self._doomed and not self._timer.isActive():
            self._timer.start()

    @property
    def pending(self) -> int:
        """How many objects are still waiting to be dropped."""
        return len(self._doomed)

    def _step(self) -> None:
        doomed = self._doomed
        end = time.perf_counter() + BUDGET_S
        while doomed:
            del doomed[-SLICE:]
            if time.perf_counter() >= end:
                break
        if not doomed:
            self._timer.stop()

    def flush(self) -> None:
        """Drop everything now (closing the window)."""
        self._timer.stop()
        self._doomed.clear()
