"""How fast and in how much memory `proapp demo` fills a database, whole process against whole
process, with the floor made in the same run: the same rows (every clinical table and the
change log, as the demo stored them) by ``executemany`` into the same schema, indexes and
triggers, one transaction, read from a pickle (so the floor does strictly less work than
building them). Interleaved runs, min and median. Targets: <= 2x the floor at 10,000 patients;
peak RSS <= 400 MiB at 50,000 and 100,000.

    python benchmarks/demo.py [--sizes 286 10000] [--runs 5] [--memory [50000 100000]]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._whole import (
    CLI,
    Runs,
    compiled_proapp,
    dump_rows,
    empty_database,
    floor_cmd,
    fresh_copy,
    run,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[286, 10_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--memory", type=int, nargs="*", default=[50_000, 100_000],
                        help="also one run at each of these sizes for peak RSS (default: "
                        "50000 100000, the sizes of the target; none: --memory)")
    args = parser.parse_args(argv)
    compiled_proapp()  # as installed: see _whole.compiled_proapp
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = empty_database(folder)
        for n in args.sizes:
            demo = Runs(f"proapp demo --patients {n}")
            floor = Runs(f"executemany of the same rows, {n} patients (floor)")
            rows = folder / f"rows-{n}.pickle"
            first = fresh_copy(template, folder / "first.db")
            run([*CLI, "demo", "--db", str(first), "--patients", str(n)], Runs("first"))
            total = dump_rows(first, rows)
            for _ in range(args.runs):
                run([*CLI, "demo", "--db", str(fresh_copy(template, folder / "demo.db")),
                     "--patients", str(n)], demo)
                run(floor_cmd(fresh_copy(template, folder / "floor.db"), rows), floor)
            print(f"{n:,} patients: {total:,} rows")
            print(floor.line())
            print(demo.line(floor))
            ratio = statistics.median(demo.cpu) / statistics.median(floor.cpu)
            print(f"  demo {ratio:.2f}x the floor (target 2x at 10,000: "
                  f"{'within' if ratio <= 2 else 'OVER'})")
        for n in args.memory:
            big = Runs(f"proapp demo --patients {n}")
            run([*CLI, "demo", "--db", str(fresh_copy(template, folder / "big.db")),
                 "--patients", str(n)], big)
            peak = max(big.rss_mib)
            print(big.line() + f"  (target 400 MiB: {'within' if peak <= 400 else 'OVER'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
