"""Trend-report speed on the 286-patient demo cohort, against a minimal matplotlib-to-PDF
figure made in the same run.

    python benchmarks/reports.py [--patients 286] [--runs 7] [--jobs 2] [--skip-all]

Prints, all measured in this one run:

1. warm, in this process (fonts registered, modules imported, the database open), CPU time
   (``time.process_time``, which a busy machine does not inflate the way it does wall time),
   the floor and the report taken in turn (interleaved) ``--runs`` times each, min and median:
   - floor: a minimal matplotlib figure (one axes, one line with markers) saved as PDF;
   - ``proapp report`` for a typical demo patient (DEMO-0001), written to a file exactly as
     the command does (load, report data, layout, charts, fonts, atomic write);
   - the same for 30 patients spread over the cohort (each run: the median of the 30).
   Budget (issue 12): <= 100 ms CPU per report, aim <= 1.5x the floor.
2. ``proapp report --all --jobs N`` for the whole cohort, as a whole process (interpreter
   start, imports, worker processes, every file written), ``--runs`` times: wall time min and
   median, and the CPU time of the process and its workers. Budget (issues 12 and 20): <= 15 s
   wall on 2 cores. On a machine shared with other work the wall time includes waiting for
   the CPU; the CPU time does not.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from matplotlib.figure import Figure

from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.reports import fonts
from proapp.services import reports
from proapp.services.training import demo

ACTOR = Actor("bench", role="nurse")


def floor_figure(out: Path) -> None:
    """The cheapest honest chart PDF: one matplotlib axes, one line, matplotlib's own PDF
    backend, written to a file."""
    fig = Figure(figsize=(6.0, 3.0))
    ax = fig.add_subplot()
    ax.plot([-0.2, 3.0, 6.0, 12.0, 24.0], [20, 12, 8, 5, 4], marker="o")
    ax.set_title("MIDAS total")
    ax.set_xlabel("Months since PTA")
    fig.savefig(out, format="pdf")


def cpu_ms(fn: object) -> float:
    t = time.process_time()
    fn()  # type: ignore[operator]
    return (time.process_time() - t) * 1000


def summary(values: list[float]) -> tuple[float, float]:
    return min(values), statistics.median(values)


def children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def load() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} (1 min), {five:.2f} (5 min)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, default=286)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-all", action="store_true", help="only the warm figures")
    args = ap.parse_args(argv)
    print(f"machine: {os.cpu_count()} CPU(s); load average before: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_path = folder / "demo.db"
        db = open_database(db_path)
        demo.generate(db, args.patients, 2011)
        ids = reports.all_patient_ids(db)
        sample = ids[:: max(1, len(ids) // 30)][:30]
        fonts.register()

        def one(pid: int) -> None:
            reports.write_report(db, ACTOR, pid, folder / "one.pdf")

        floor_figure(folder / "floor.pdf")  # warm up both: imports, caches, fonts
        for pid in sample:
            one(pid)
        floor, typical, spread = [], [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine
            floor.append(cpu_ms(lambda: floor_figure(folder / "floor.pdf")))
            typical.append(cpu_ms(lambda: one(ids[0])))
            spread.append(statistics.median(cpu_ms(lambda p=pid: one(p)) for pid in sample))
        db.dispose()
        f_min, f_med = summary(floor)
        t_min, t_med = summary(typical)
        s_min, s_med = summary(spread)
        print(f"cohort {len(ids)} patients; {args.runs} interleaved runs; CPU ms, min / median")
        print(f"floor: minimal matplotlib figure to PDF  {f_min:7.1f} / {f_med:7.1f}")
        print(f"report DEMO-0001, warm                   {t_min:7.1f} / {t_med:7.1f}   "
              f"= {t_med / f_med:.2f}x floor  (budget 100 ms, aim 1.5x)")
        print(f"report, median of {len(sample)} across the cohort   {s_min:7.1f} / {s_med:7.1f}"
              f"   = {s_med / f_med:.2f}x floor")
        if args.skip_all:
            return 0
        walls, cpus = [], []
        cli = [sys.executable, "-m", "proapp", "report", "--all", "--db", str(db_path),
               "--jobs", str(args.jobs)]
        for run in range(args.runs):
            out = folder / f"all{run}"
            before = children_cpu()
            t = time.perf_counter()
            subprocess.run([*cli, "--out-dir", str(out)], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            walls.append(time.perf_counter() - t)
            cpus.append(children_cpu() - before)
            written = len(list(out.glob("*.pdf")))
            if written != len(ids):
                raise SystemExit(f"--all wrote {written} reports, expected {len(ids)}")
        w_min, w_med = summary(walls)
        c_min, c_med = summary(cpus)
        print(f"proapp report --all, {len(ids)} reports, --jobs {args.jobs}, whole process, "
              f"{args.runs} runs")
        print(f"  wall s, min / median                   {w_min:7.2f} / {w_med:7.2f}   "
              f"(budget 15 s) = {w_med * 1000 / len(ids):.0f} ms per report")
        print(f"  CPU s (process and workers)            {c_min:7.2f} / {c_med:7.2f}   "
              f"= {c_med * 1000 / len(ids):.0f} ms per report; on {args.jobs} idle cores "
              f"about {c_med / args.jobs:.1f} s wall")
    print(f"load average after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
