"""The SQLite half of ``proapp check``, started before the rest of proapp is imported.

``PRAGMA integrity_check`` and the comparison of the visits with their logged snapshots
(:mod:`.visit_texts`, in two halves) are SQLite's own work: each runs in a thread of its
own, on a read-only connection of the standard library's sqlite3 (:mod:`proapp.db.readonly`),
while the main thread imports SQLAlchemy and the models, opens the database and walks the
change log.
Importing is Python's work on one core; SQLite works without Python's lock, so on the second
core. Nothing here can change the file or create one (``mode=ro`` refuses a missing file);
:func:`proapp.services.integrity.check.run_check` uses the results only for the very file it
opened, and when the change log has not grown in between.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from proapp.db import readonly

if TYPE_CHECKING:
    from proapp.services.integrity.visit_texts import Unexplained

BUSY_TIMEOUT_MS = 30_000


class _Job(threading.Thread):
    """One query on its own connection; its result, or None when it failed (the caller
    then does that part itself, and meets the same error in its own terms)."""

    def __init__(self, path: Path, work: Callable[[sqlite3.Connection], Any]) -> None:
        super().__init__(daemon=True)
        self.connection = readonly.connect(path, BUSY_TIMEOUT_MS / 1000)
        readonly.guard(self.connection, BUSY_TIMEOUT_MS)
        self.work = work
        self.result: Any = None
        self.start()

    def run(self) -> None:
        try:
            self.result = self.work(self.connection)
        except Exception:  # the caller's own attempt reports it
            self.result = None
        finally:
            self.connection.close()

    def outcome(self) -> Any:
        self.join()
        return self.result


def _integrity(con: sqlite3.Connection) -> list[str]:
    return [str(r[0]) for r in con.execute("PRAGMA integrity_check")]


def _unexplained(half: int) -> Callable[[sqlite3.Connection], Unexplained]:
    def work(con: sqlite3.Connection) -> Unexplained:
        from proapp.services.integrity.visit_texts import unexplained_in

        return unexplained_in(con, half)

    return work


class Early:
    """The two jobs on ``path``; :meth:`close` stops what is still running."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        # the visits in two halves: the longest of the jobs, shared by both cores
        self._jobs = [_Job(path, _unexplained(0)), _Job(path, _unexplained(1)),
                      _Job(path, _integrity)]

    def integrity(self) -> list[str] | None:
        result: list[str] | None = self._jobs[2].outcome()
        return result

    def unexplained(self) -> Unexplained | None:
        from proapp.services.integrity.visit_texts import combined

        return combined([self._jobs[0].outcome(), self._jobs[1].outcome()])

    def close(self) -> None:
        for job in self._jobs:
            if job.is_alive():
                with contextlib.suppress(sqlite3.ProgrammingError):  # closed meanwhile
                    job.connection.interrupt()
            job.join()


def start(db: str | None) -> Early | None:
    """The jobs for ``--db``'s file, or None (no ``--db``, a server URL, no such file, not
    SQLite): ``run_check`` then runs them itself."""
    if db is None or "://" in db:
        return None
    path = Path(db).expanduser()
    if not path.is_file():
        return None
    try:
        return Early(path)
    except sqlite3.Error:
        return None
