"""Trend-report speed on the 286-patient demo cohort, against a minimal reportlab document.

    python benchmarks/reports.py [--patients 286] [--repeat 30] [--jobs 2]

Prints, all measured in this one run:
- baseline: median time of a minimal one-page reportlab document (one paragraph, the same
  embedded DejaVu font), written to a file;
- median time per report, warm (fonts registered, modules imported), for a typical demo
  patient, written to a file exactly as ``proapp report`` does;
- the whole cohort with ``write_all_parallel`` (``proapp report --all``) at --jobs processes,
  including the worker start-up.
- the CPU time of the --all workers, which does not depend on how busy the machine is.
Budget (issue 4): under 150 ms per patient warm; the whole demo cohort under 20 s on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.reports import fonts
from proapp.services import reports
from proapp.services.training import demo

ACTOR = Actor("bench", role="nurse")


def _children_cpu() -> float:
    """CPU seconds used by finished child processes (the --all workers); 0 where unknown."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _median_ms(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, default=286)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(folder / "demo.db")
        demo.generate(db, args.patients, 2011)
        ids = reports.all_patient_ids(db)
        fonts.register()
        style = ParagraphStyle("b", fontName=fonts.REGULAR, fontSize=10)

        def minimal() -> None:
            SimpleDocTemplate(str(folder / "minimal.pdf"), pagesize=A4).build(
                [Paragraph("Patient DEMO-0001: MIDAS 12 (grade III), FSS 4.56", style)])

        def one(pid: int) -> None:
            reports.write_report(db, ACTOR, pid, folder / "one.pdf")

        minimal()
        one(ids[0])  # warm up: imports, fonts, matplotlib caches
        base_ms = _median_ms(minimal, args.repeat)
        typical_ms = _median_ms(lambda: one(ids[0]), args.repeat)
        sample = ids[:: max(1, len(ids) // args.repeat)][: args.repeat]
        t = time.perf_counter()
        per = []
        for pid in sample:
            s = time.perf_counter()
            one(pid)
            per.append(time.perf_counter() - s)
        spread_ms = statistics.median(per) * 1000
        serial_s = time.perf_counter() - t
        out = folder / "all"
        children_before = _children_cpu()
        result = reports.write_all_parallel(db, ACTOR, out, jobs=args.jobs)
        worker_cpu = _children_cpu() - children_before
        db.dispose()
    cpus = os.cpu_count()
    print(f"machine: {cpus} CPU(s); cohort: {len(ids)} patients; repeat {args.repeat}")
    print(f"minimal one-page reportlab document   {base_ms:8.1f} ms  (baseline)")
    print(f"report, DEMO-0001, warm (median)      {typical_ms:8.1f} ms  "
          f"= {typical_ms / base_ms:.1f} x baseline  (budget 150 ms)")
    print(f"report, {len(sample)} patients across cohort   {spread_ms:8.1f} ms  median "
          f"({serial_s:.1f} s in all) = {spread_ms / base_ms:.1f} x baseline")
    print(f"--all, {len(result.written)} reports, {result.jobs} processes  "
          f"{result.seconds:8.1f} s  = {result.seconds * 1000 / len(ids):.0f} ms per report "
          f"wall, {result.seconds * 1000 / len(ids) / base_ms:.1f} x baseline per report  "
          f"(budget 20 s)")
    if worker_cpu > 0:
        print(f"--all worker CPU time                 {worker_cpu:8.1f} s  = "
              f"{worker_cpu * 1000 / len(ids):.0f} ms CPU per report; on {args.jobs} idle "
              f"cores about {worker_cpu / args.jobs:.1f} s (the wall time above includes "
              f"waiting for other processes on a busy machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
