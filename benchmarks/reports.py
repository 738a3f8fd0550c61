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
   start, imports, worker processes, every file written), ``--runs`` times, interleaved with
   its floor, a whole process too: ``python benchmarks/reports.py --floor-all N --jobs J
   --out-dir D``, which writes N minimal matplotlib figures as PDF files from J worker
   processes. Wall time min and median, and the CPU time of each process and its workers.
   Budget (issues 12 and 20): <= 15 s wall on 2 cores. On a machine shared with other work
   the wall time includes waiting for the CPU; the CPU time does not.
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._whole import compiled_proapp

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


def _floor_batch(args: tuple[str, list[int]]) -> int:
    out, numbers = args
    for n in numbers:
        floor_figure(Path(out) / f"{n:04d}.pdf")
    return len(numbers)


def floor_all(count: int, jobs: int, out_dir: Path) -> int:
    """The --all floor: ``count`` minimal figures written by ``jobs`` processes, in batches
    of 8 as ``write_all_parallel`` hands them out."""
    from concurrent.futures import ProcessPoolExecutor

    out_dir.mkdir(parents=True, exist_ok=True)
    batches = [(str(out_dir), list(range(i, min(i + 8, count)))) for i in range(0, count, 8)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return sum(pool.map(_floor_batch, batches))


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
    ap.add_argument("--floor-all", type=int, metavar="N",
                    help="(internal) write N minimal figures with --jobs processes and exit")
    ap.add_argument("--out-dir", type=Path, help="(internal) where --floor-all writes")
    args = ap.parse_args(argv)
    if args.floor_all is not None:
        return 0 if floor_all(args.floor_all, args.jobs, args.out_dir) == args.floor_all else 1
    compiled_proapp()  # as installed: see _whole.compiled_proapp
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
        cli = [sys.executable, "-m", "proapp", "report", "--all", "--db", str(db_path),
               "--jobs", str(args.jobs)]
        floor_cli = [sys.executable, str(Path(__file__).resolve()), "--floor-all",
                     str(len(ids)), "--jobs", str(args.jobs)]
        measured: dict[str, tuple[list[float], list[float]]] = {"floor": ([], []),
                                                                 "report": ([], [])}
        for run in range(args.runs):  # interleaved: the floor, then the real thing
            for name, command in (("floor", floor_cli), ("report", cli)):
                out = folder / f"{name}{run}"
                before = children_cpu()
                t = time.perf_counter()
                subprocess.run([*command, "--out-dir", str(out)], check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                measured[name][0].append(time.perf_counter() - t)
                measured[name][1].append(children_cpu() - before)
                written = len(list(out.glob("*.pdf")))
                if written != len(ids):
                    raise SystemExit(f"{name} wrote {written} PDFs, expected {len(ids)}")
        print(f"{len(ids)} PDFs, --jobs {args.jobs}, whole processes, {args.runs} interleaved "
              "runs, min / median")
        (fw, fc), (rw, rc) = measured["floor"], measured["report"]
        print(f"  floor: {len(ids)} minimal figures, wall s  {min(fw):7.2f} / "
              f"{statistics.median(fw):7.2f};  CPU s {min(fc):7.2f} / {statistics.median(fc):7.2f}")
        print(f"  proapp report --all, wall s         {min(rw):7.2f} / "
              f"{statistics.median(rw):7.2f};  CPU s {min(rc):7.2f} / {statistics.median(rc):7.2f}")
        print(f"  ratio (median): wall {statistics.median(rw) / statistics.median(fw):.2f}x, "
              f"CPU {statistics.median(rc) / statistics.median(fc):.2f}x;  budget 15 s wall; "
              f"{statistics.median(rc) * 1000 / len(ids):.0f} ms CPU per report, on "
              f"{args.jobs} idle cores about {statistics.median(rc) / args.jobs:.1f} s wall")
    print(f"load average after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
