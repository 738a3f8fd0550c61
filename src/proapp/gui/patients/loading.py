"""Loading the patient list (and the worklist made from it) off the GUI thread.

The data come from :mod:`proapp.services.patients.listing` in a few bulk queries; a
10,000-patient database takes long enough that the window must paint first. One worker
thread; when reloads overlap, only the latest request reports.

The first load of a session starts before the main window exists (``run_gui`` starts it
while the user signs in, :meth:`ListLoader.reload`), and the window adopts the loader: the
latest result is kept (:attr:`ListLoader.latest`) for a window that connects after it came.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from proapp.db.engine import Database
from proapp.gui.common.tasks import Task
from proapp.services.bulk import no_collection_pauses
from proapp.services.progress import Progress

if TYPE_CHECKING:
    from proapp.services.patients.listing import PatientList, SearchIndex, WorklistEntry

    Loaded = tuple[PatientList, list[WorklistEntry], SearchIndex]


class ListLoader(QObject):
    """``reload()`` reads the lists in the background; ``loaded(PatientList, worklist)`` or
    ``failed(exception)`` reports the latest request only."""

    loaded = Signal(object, list, object)  # PatientList, list[WorklistEntry], SearchIndex
    failed = Signal(object)

    def __init__(self, database: Database, parent: QObject | None = None):
        super().__init__(parent)
        self.database = database
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._tasks: set[Task] = set()
        self._generation = 0
        self.latest: Loaded | None = None  # what the latest finished request read

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        database = self.database

        def work(_progress: Progress) -> Loaded:
            # Imported here, in the loading thread: the first load starts at the sign-in
            # dialog's first paint, and the list's services and what they import are then
            # loaded beside the sign-in, not before the dialog could be shown.
            from proapp.services.patients import listing as plist

            with no_collection_pauses():  # see plist.load
                result = plist.load(database)
                # the worklist and the search index too: the GUI thread only shows them
                loaded = result, result.worklist(), plist.SearchIndex(result.rows)
                # The rows (hundreds of thousands of objects at clinic scale) live until the
                # next load: moved out of the cycle collector's reach before it runs again,
                # neither the first collection after the load (all of them young: 20 ms)
                # nor a later full one (100 ms) stalls the screen scanning them. They are
                # freed by reference counting when a newer list replaces them.
                gc.freeze()
                return loaded

        task = Task(work)
        # Keep every running task referenced until it reports: a newer reload must not let
        # Python collect a runnable the pool is still running.
        self._tasks.add(task)
        task.signals.finished.connect(lambda result: self._finished(generation, result, task))
        task.signals.failed.connect(lambda exc: self._failed(generation, exc, task))
        self._pool.start(task)

    def wait(self, msecs: int = -1) -> bool:
        """Block until a background load finished (tests, benchmarks, closing)."""
        return self._pool.waitForDone(msecs)

    def stop(self) -> None:
        """Closing: a load still running is ignored, and waited for."""
        self._generation += 1
        self._pool.waitForDone()

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def _finished(self, generation: int, result: Loaded,
                  task: Task) -> None:
        self._tasks.discard(task)
        if generation == self._generation:
            self.latest = result
            self.loaded.emit(*result)

    def _failed(self, generation: int, exc: BaseException, task: Task) -> None:
        self._tasks.discard(task)
        if generation == self._generation:
            self.failed.emit(exc)
