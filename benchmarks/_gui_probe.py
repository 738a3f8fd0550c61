"""One measured process for ``benchmarks/gui_startup.py`` (not a benchmark by itself).

    python benchmarks/_gui_probe.py proapp DB USER PASSWORD_FILE OUT.json
    python benchmarks/_gui_probe.py bare OUT.json
    python benchmarks/_gui_probe.py sqlite DB OUT.json

``proapp`` runs the application's own start-up, ``proapp.__main__.launch_gui`` (open and
check the database, QApplication, welcome check, the sign-in dialog, idle lock, the main
window, the list loaded in the background, the daily backup after it). The real sign-in
dialog is answered as soon as it is painted, as by a password manager or the fastest typist
(user name and password set, Sign in clicked: Argon2 included), so no human pause hides any
of the start-up's work. It records, against ``$BENCH_T0`` (the harness's clock just before
it spawned this process): the sign-in dialog's first paint, the main window's first paint,
the list filled, the resident memory then, and the longest gaps of a 10 ms timer running in
the GUI thread (an event-loop stall) from start to list filled, while searching keystroke by
keystroke, after a visit is saved and after F5.

``bare`` is the floor for start-up and memory: a PySide6 QMainWindow of the same size, first
paint, in a process of its own. ``sqlite`` is the floor for loading the list: the same rows
read with the standard library's sqlite3, in a process of its own.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

T0 = float(os.environ.get("BENCH_T0", time.time()))
TICK_MS = 10
SEARCHES = ("muller", "ross an", "demo-0999", "fontana sofia")


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def since_start() -> float:
    return time.time() - T0


def sqlite_floor(db: str, out: str) -> None:
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    patients = con.execute("SELECT id, code, family_name, given_name, birth_date, sex, "
                           "ms_subtype, headache_positive, fatigue_positive, is_demo "
                           "FROM patient ORDER BY code").fetchall()
    ptas = con.execute("SELECT patient_id, min(pta_date) FROM procedure "
                       "GROUP BY patient_id").fetchall()
    visits = con.execute("SELECT patient_id, label, visit_date, status, id FROM visit"
                         ).fetchall()
    con.close()
    Path(out).write_text(json.dumps({"done": since_start(), "rows": len(patients),
                                     "ptas": len(ptas), "visits": len(visits)}))


def bare(out: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    result: dict[str, float] = {}

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (event.type() == QEvent.Type.Expose and isinstance(watched, QWindow)
                    and watched.isExposed() and "paint" not in result):
                result["paint"] = since_start()
                QTimer.singleShot(0, finish)
            return False

    def finish() -> None:
        result["rss_mib"] = rss_mib()
        Path(out).write_text(json.dumps(result))
        app.quit()

    watcher = Painted()
    app.installEventFilter(watcher)
    w = QMainWindow()
    w.resize(1280, 800)
    w.show()
    app.exec()


class Ticks:
    """A 10 ms timer in the GUI thread: the longest gap between two ticks in a span is the
    longest time the event loop could not run (what typing would have felt)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))
        self.timer.start()

    def longest(self, start: float, end: float) -> float:
        inside = [start, *(t for t in self.times if start <= t <= end), end]
        return max((b - a for a, b in itertools.pairwise(inside)), default=0.0)


def proapp(db: str, user: str, password_file: str, out: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QWindow

    from proapp.__main__ import launch_gui
    from proapp.gui.shell.app import application

    if TYPE_CHECKING:
        from proapp.gui.accounts.dialogs import LoginDialog
        from proapp.gui.shell.main_window import MainWindow

    def is_a(widget: object, name: str) -> bool:
        """``widget`` is proapp's class ``name``, told without importing its module: the
        probe must not import the dialogs and the main window before the start-up does."""
        return type(widget).__name__ == name and type(widget).__module__.startswith("proapp.")

    password = Path(password_file).read_text().splitlines()[0]
    app = application()
    ticks = Ticks()
    started = time.perf_counter() - since_start()  # perf_counter of the process start
    result: dict[str, object] = {}

    def sign_in() -> None:
        dialog = cast("LoginDialog", next(w for w in app.topLevelWidgets()
                                           if is_a(w, "LoginDialog") and w.isVisible()))
        dialog.username.setText(user)
        dialog.password.setText(password)
        dialog.ok_button.click()

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (event.type() == QEvent.Type.Expose and isinstance(watched, QWindow)
                    and watched.isExposed() and "dialog" not in result):
                result["dialog"] = since_start()  # the first window: the sign-in dialog
                QTimer.singleShot(0, sign_in)
            if (event.type() == QEvent.Type.Paint and is_a(watched, "MainWindow")
                    and "paint" not in result):
                result["paint"] = since_start()
                window = cast("MainWindow", watched)
                window.listLoaded.connect(lambda _n, w=window: filled(w))
                if window.patients.model.rowCount():  # already filled before we connected
                    QTimer.singleShot(0, lambda w=window: filled(w))
            return False

    def filled(window: MainWindow) -> None:
        if "filled" in result:
            return
        result["filled"] = since_start()
        result["rows"] = window.patients.model.rowCount()
        result["rss_mib"] = rss_mib()
        now = time.perf_counter()
        result["stall_start"] = ticks.longest(started + float(str(result["paint"])), now)
        QTimer.singleShot(200, lambda: interact(window))

    def wait(until: Any, timeout: float = 60.0) -> None:
        end = time.perf_counter() + timeout
        while not until():
            app.processEvents()
            if time.perf_counter() > end:
                raise TimeoutError("benchmark step did not finish")
            time.sleep(0.001)

    def settle(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)

    def interact(window: MainWindow) -> None:
        try:
            steps(window)
        except BaseException:  # a failed step ends the run with the reason, not a hang
            import traceback

            traceback.print_exc()
            app.exit(3)

    def steps(window: MainWindow) -> None:
        from proapp.services import clock, visits
        from proapp.services.patients import listing
        from proapp.services.visits import VisitDraft

        window.activateWindow()
        search = window.patients.search
        viewport = window.patients.view.viewport()
        per_key: list[float] = []
        floor: list[float] = []
        rows = window.patients.model.rows
        t_search = time.perf_counter()
        for text in SEARCHES:
            for n in range(1, len(text) + 1):
                t = time.perf_counter()
                search.setText(text[:n])  # what one keystroke does (textChanged -> filter)
                viewport.repaint()  # and the table painted with the result, synchronously
                per_key.append(time.perf_counter() - t)
                settle(0.06)  # the next key comes a moment later, as when typing
            search.clear()
            settle(0.06)
        result["stall_search"] = ticks.longest(t_search, time.perf_counter())
        for text in SEARCHES:  # the floor, outside the stall probe: one plain pass
            for n in range(1, len(text) + 1):
                terms = listing.search_terms(text[:n])
                t = time.perf_counter()
                _ = [r for r in rows if r.matches(terms)]
                floor.append(time.perf_counter() - t)
        result["search_ms"] = [x * 1000 for x in per_key]
        result["search_floor_ms"] = [x * 1000 for x in floor]

        # a visit saved: the service writes, then what the wizard's Ctrl+S triggers
        patient = rows[len(rows) // 2]
        settle(0.2)
        t = time.perf_counter()
        rec = visits.save_visit(window.database, window.actor,
                                VisitDraft(patient.id, "unscheduled", clock.today(),
                                           _content()), complete=True, confirm_warnings=True)
        window.visit_entries.visitSaved.emit(patient.id)
        settle(0.3)
        result["stall_save"] = ticks.longest(t, time.perf_counter())
        result["saved_visit"] = rec.id

        # F5: the lists read again in the background, then shown
        loaded: list[float] = []
        window.listLoaded.connect(lambda _n: loaded.append(time.perf_counter()))
        t = time.perf_counter()
        window.reload()
        wait(lambda: bool(loaded))
        settle(0.3)
        result["reload_s"] = loaded[0] - t
        result["stall_reload"] = ticks.longest(t, time.perf_counter())
        Path(out).write_text(json.dumps(result))
        window.close()

    watcher = Painted()
    app.installEventFilter(watcher)
    status = launch_gui(db)
    if status:
        raise SystemExit(status)


def _content() -> Any:
    from proapp.domain.visit import VisitContent

    return VisitContent(responses={"fss": {str(n): 4 for n in range(1, 10)}})


if __name__ == "__main__":
    kind, *rest = sys.argv[1:]
    probes: dict[str, Any] = {"proapp": proapp, "bare": bare, "sqlite": sqlite_floor}
    probes[kind](*rest)
