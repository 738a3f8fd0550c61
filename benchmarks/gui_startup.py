"""Main window start-up and search on a 10,000-patient demo database, against a bare window.

    .venv/bin/python benchmarks/gui_startup.py [--db demo10k.db] [--patients 10000]

Prints, in one process: a bare QMainWindow's time to first paint (the baseline), the proapp
main window's time to first paint, time until the patient list and worklist are filled (loaded
in the background), the list service alone, and time to a search result (filter applied and
the table repainted), with ratios. Without --db a demo database is generated in a temporary
folder first (not timed).
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class PaintWatch(QObject):
    """Records when a widget (or any child) is first painted after ``arm()``."""

    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None

    def arm(self) -> None:
        self.painted_at = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
        return False


def until(app: QApplication, done, timeout: float = 120.0) -> None:
    end = time.perf_counter() + timeout
    while not done():
        app.processEvents()
        if time.perf_counter() > end:
            raise TimeoutError("benchmark step did not finish")
        time.sleep(0.0005)


def first_paint(app: QApplication, make: type[QWidget] | object) -> tuple[float, QWidget]:
    watch = PaintWatch()
    app.installEventFilter(watch)
    t0 = time.perf_counter()
    w = make()  # type: ignore[operator]
    w.resize(1280, 800)
    w.show()
    until(app, lambda: watch.painted_at is not None)
    app.removeEventFilter(watch)
    assert watch.painted_at is not None
    return watch.painted_at - t0, w


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", type=Path, help="an existing demo database (else one is generated)")
    p.add_argument("--patients", type=int, default=10_000)
    p.add_argument("--repeat", type=int, default=5, help="search repetitions")
    args = p.parse_args()

    from proapp.db.migrate import open_database
    from proapp.domain.actor import Actor
    from proapp.services.patients import listing as patient_list
    from proapp.services.training import demo

    tmp = tempfile.TemporaryDirectory()
    os.environ.setdefault("PROAPP_DATA_DIR", tmp.name)
    os.environ.setdefault("XDG_CONFIG_HOME", str(Path(tmp.name) / "config"))
    path = args.db
    if path is None:
        path = Path(tmp.name) / "demo.db"
        print(f"generating a {args.patients}-patient demo database (not timed) ...", flush=True)
        db = open_database(path)
        demo.generate(db, args.patients, 2011)
        db.dispose()

    from proapp.gui.shell.app import application
    from proapp.gui.shell.main_window import MainWindow

    app = application()

    bare, bare_w = first_paint(app, QMainWindow)
    bare_w.close()
    from proapp.gui.shell.app import settle_memory

    settle_memory()  # as run_gui does before opening the window

    t0 = time.perf_counter()
    db = open_database(path)
    t_open = time.perf_counter() - t0
    n = patient_list.load(db)  # warm the SQLite page cache and the schedule cache equally
    loads = []
    for _ in range(3):
        t0 = time.perf_counter()
        result = patient_list.load(db)
        loads.append(time.perf_counter() - t0)
    service = statistics.median(loads)
    patients = len(result.rows)

    actor = Actor("bench")
    # Responsiveness while the list loads in the background: the longest gap between ticks
    # of a 5 ms timer running in the GUI thread (the event loop's stall).
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    t0 = time.perf_counter()
    timer.start()
    main_paint, w = first_paint(app, lambda: MainWindow(db, actor))
    assert isinstance(w, MainWindow)
    loaded: list[float] = []
    w.listLoaded.connect(lambda _n: loaded.append(time.perf_counter()))
    until(app, lambda: bool(loaded) or w.patients.model.rowCount() == patients)
    if not loaded:  # finished before we connected
        loaded.append(time.perf_counter())
    timer.stop()
    t_filled = loaded[0] - t0
    after_paint = [t for t in ticks if t >= t0 + main_paint]
    gaps = sorted(b - a for a, b in itertools.pairwise(after_paint)) or [0.0]

    def search(text: str) -> tuple[float, int]:
        w.patients.search.clear()
        app.processEvents()
        watch = PaintWatch()
        w.patients.view.viewport().installEventFilter(watch)
        t = time.perf_counter()
        w.patients.search.setText(text)  # what each keystroke does (textChanged -> filter)
        until(app, lambda: watch.painted_at is not None)
        w.patients.view.viewport().removeEventFilter(watch)
        assert watch.painted_at is not None
        return watch.painted_at - t, w.patients.proxy.rowCount()

    searches = {}
    for text in ("muller", "demo-0999", "ross an"):
        times = []
        for _ in range(args.repeat):
            dt, hits = search(text)
            times.append(dt)
        searches[text] = (statistics.median(times), hits)
    w.patients.search.clear()
    t0 = time.perf_counter()
    w.patients.view.sortByColumn(w.patients.model.NEXT_DUE, w.patients.view.horizontalHeader()
                                .sortIndicatorOrder())
    app.processEvents()
    t_sort = time.perf_counter() - t0

    ms = 1000.0
    print(f"\nproapp main window on {patients:,} patients ({path})")
    print(f"  Python {sys.version.split()[0]}, PySide6, platform {app.platformName()}")
    print(f"  open + check database               {t_open * ms:8.1f} ms")
    print(f"  bare QMainWindow first paint        {bare * ms:8.1f} ms   (baseline)")
    print(f"  proapp main window first paint      {main_paint * ms:8.1f} ms   "
          f"x{main_paint / bare:.1f} the bare window")
    print(f"  list + worklist filled (background) {t_filled * ms:8.1f} ms   "
          f"x{t_filled / bare:.1f} the bare window")
    print(f"  GUI stall while loading: longest   {gaps[-1] * ms:8.1f} ms   "
          f"(95th percentile {gaps[int(len(gaps) * 0.95)] * ms:.1f} ms between 5 ms ticks)")
    print(f"  list service alone (median of 3)    {service * ms:8.1f} ms   "
          f"({service / patients * 1e6:.0f} µs per patient; {len(result.worklist()):,} due today)")
    for text, (dt, hits) in searches.items():
        print(f"  search {text!r:13} -> {hits:5,} rows     {dt * ms:8.1f} ms   "
              f"x{dt / bare:.2f} the bare window's first paint")
    print(f"  sort by next visit due              {t_sort * ms:8.1f} ms")
    del n
    w.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
