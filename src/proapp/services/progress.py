"""How long-running services report progress and notice cancellation, without knowing who
listens (a Qt progress bar, a terminal bar, or nobody)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

ProgressCallback = Callable[[int, int, str], None]  # done, total, message


class Cancelled(Exception):
    """The user cancelled; whatever was being written has been rolled back or removed."""


@dataclass
class Progress:
    """Passed into a service. ``report`` may raise :class:`Cancelled` when cancel was asked."""

    callback: ProgressCallback | None = None
    cancel_event: threading.Event = field(default_factory=threading.Event)

    def report(self, done: int, total: int, message: str = "") -> None:
        if self.cancel_event.is_set():
            raise Cancelled("cancelled")
        if self.callback is not None:
            self.callback(done, total, message)

    def check(self) -> None:
        if self.cancel_event.is_set():
            raise Cancelled("cancelled")

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


SILENT = None  # pass ``progress=None`` to a service for no reporting
