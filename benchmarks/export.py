"""Export and import benchmark on a 10,000-patient demo database, whole process against whole
process, floors made in the same run, >= 5 interleaved runs, min and median:

- ``proapp export --format csv`` against the ``sqlite3`` shell writing patients.csv,
  procedures.csv and visits.csv from SQL alone (``-csv``, :mod:`benchmarks._floor_sql`): every
  column, cell for cell the same as proapp's (items, scores, flows as entered or computed,
  totals, velocity, area, stenosis, skip and missing-item reasons, age, analysis columns,
  final follow-up markers, confirmed warnings); the benchmark checks that the files agree
  cell by cell. Target <= 1.5x.
- xlsx (target <= 5x csv), fhir and odm (<= 3x csv), wide and redcap, against csv; peak RSS of
  every export (target <= 200 MiB).
- ``proapp import`` of the csv export into an empty database against the floor: the same rows
  (every clinical table and the change log, as the import stored them) by ``executemany`` into
  the same schema, indexes and triggers, one transaction, read from a pickle. Target <= 2x,
  peak RSS <= 300 MiB.

    .venv/bin/python benchmarks/export.py [--patients 10000] [--runs 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._floor_sql import patients_sql, procedures_sql, visits_sql
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

TARGETS = {"csv": 1.5, "xlsx": 5.0, "fhir": 3.0, "odm": 3.0}  # csv: x sqlite3; others: x csv


def sqlite3_script(folder: Path) -> str:
    """One sqlite3 run writing the three files, as the export does."""
    return "\n".join([".headers on", ".mode csv", f".once {folder / 'patients.csv'}",
                      patients_sql(), f".once {folder / 'procedures.csv'}", procedures_sql(),
                      f".once {folder / 'visits.csv'}", visits_sql(), ""])


def same_cells(ours: Path, floor: Path) -> list[str]:
    """Differences between proapp's CSV files and the floor's, cell by cell (the sqlite3
    shell quotes more cells than needed, so bytes may differ where cells do not)."""
    problems = []
    for name in ("patients.csv", "procedures.csv", "visits.csv"):
        with open(ours / name, newline="", encoding="utf-8") as a, \
                open(floor / name, newline="", encoding="utf-8") as b:
            ra, rb = csv.reader(a), csv.reader(b)
            header = next(ra)
            if header != next(rb):
                problems.append(f"{name}: headers differ")
                continue
            for n, (x, y) in enumerate(itertools.zip_longest(ra, rb), start=2):
                if x != y:
                    cols = ([h for h, u, v in zip(header, x, y, strict=True) if u != v]
                            if x and y else ["(row count)"])
                    problems.append(f"{name} row {n}: {', '.join(cols)}")
                    break
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--formats", default="csv,xlsx,fhir,odm,wide,redcap")
    ap.add_argument("--keep", type=Path, help="reuse/keep the demo database in this folder")
    args = ap.parse_args()
    compiled_proapp()  # as installed: see _whole.compiled_proapp
    if shutil.which("sqlite3") is None:
        print("sqlite3 not found: run scripts/install-system-deps.sh", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="proapp-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"demo-{args.patients}.db"
    if not path.exists():
        subprocess.run([*CLI, "demo", "--db", str(path), "--patients", str(args.patients)],
                       check=True, stdout=subprocess.DEVNULL)
    formats = args.formats.split(",")
    sql_out = work / "sqlite3"
    sql_out.mkdir(exist_ok=True)
    script = sqlite3_script(sql_out)
    try:
        floor = Runs("sqlite3 -csv, pivot SQL (floor)")
        exports = {f: Runs(f"proapp export --format {f}") for f in formats}
        for _ in range(args.runs):
            run(["sqlite3", "-csv", str(path)], floor, stdin=script)
            for fmt in formats:
                out = work / ("out." + fmt if fmt == "xlsx" else "out-" + fmt)
                run([*CLI, "export", "--db", str(path), "--format", fmt, "--out", str(out),
                     "--force"], exports[fmt])
        with open(sql_out / "visits.csv", newline="") as fh:
            sql_rows = sum(1 for _ in csv.reader(fh)) - 1
        print(f"{args.patients:,} patients; visits.csv rows: {sql_rows:,}; {args.runs} "
              "interleaved runs each")
        if "csv" in formats:
            problems = same_cells(work / "out-csv", sql_out)
            print("floor files equal proapp's, cell for cell: "
                  + ("yes" if not problems else "NO: " + "; ".join(problems)))
        print(floor.line())
        for fmt, runs in exports.items():
            base = floor if fmt == "csv" else exports.get("csv")
            print(runs.line(base))
        _verdicts(floor, exports)

        # import of the csv export, against executemany of the same rows
        template = empty_database(work)
        first = fresh_copy(template, work / "import-check.db")
        subprocess.run([*CLI, "import", str(work / "out-csv"), "--db", str(first)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rows = work / "import-rows.pickle"
        total = dump_rows(first, rows)
        imports, floor_i = Runs("proapp import (csv export, empty database)"), Runs(
            f"executemany of the same {total:,} rows (floor)")
        for _ in range(args.runs):
            run([*CLI, "import", str(work / "out-csv"), "--db",
                 str(fresh_copy(template, work / "import.db"))], imports)
            run(floor_cmd(fresh_copy(template, work / "floor.db"), rows), floor_i)
        print(floor_i.line())
        print(imports.line(floor_i))
        ratio = statistics.median(imports.cpu) / statistics.median(floor_i.cpu)
        print(f"import: {ratio:.2f}x the floor (target 2x: {'within' if ratio <= 2 else 'OVER'}), "
              f"peak {max(imports.rss_mib):.0f} MiB (target 300: "
              f"{'within' if max(imports.rss_mib) <= 300 else 'OVER'})")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _verdicts(floor: Runs, exports: dict[str, Runs]) -> None:
    csv_runs = exports.get("csv")
    for fmt, target in TARGETS.items():
        if fmt not in exports or csv_runs is None:
            continue
        base = floor if fmt == "csv" else csv_runs
        ratio = statistics.median(exports[fmt].cpu) / statistics.median(base.cpu)
        print(f"{fmt}: {ratio:.2f}x {'sqlite3' if fmt == 'csv' else 'csv'} (target {target}x: "
              f"{'within' if ratio <= target else 'OVER'})")
    for fmt, runs in exports.items():
        peak = max(runs.rss_mib)
        print(f"{fmt}: peak {peak:.0f} MiB (target 200: {'within' if peak <= 200 else 'OVER'})")


if __name__ == "__main__":
    raise SystemExit(main())
