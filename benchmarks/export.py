"""Export and import benchmark on a 10,000-patient demo database, whole process against whole
process, floors made in the same run, >= 5 interleaved runs, min and median:

- ``proapp export --format csv`` against the ``sqlite3`` shell writing patients.csv and
  visits.csv with one SQL pivot (``-csv``). The pivot computes visits.csv's contract columns
  (items, MIDAS total and grade, FSS mean and total, flows and totals): fewer columns than the
  export writes (no procedures, velocity/area/stenosis, skip reasons, analysis columns), so the
  floor does LESS work and the ratio is, if anything, pessimistic. Target <= 1.5x.
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
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._whole import CLI, Runs, dump_rows, empty_database, floor_cmd, fresh_copy, run

from proapp.domain.fss import FSS
from proapp.domain.midas import GRADES, MIDAS

TARGETS = {"csv": 1.5, "xlsx": 5.0, "fhir": 3.0, "odm": 3.0}  # csv: x sqlite3; others: x csv


def visit_sql() -> str:
    """The contract columns of visits.csv as one SQL statement (items from the definitions)."""
    cols = ["p.code AS patient_code", "v.visit_date", "v.label AS visit_label"]
    for instrument in (MIDAS, FSS):
        for it in instrument.items:
            cols.append(f"max(CASE WHEN a.instrument = '{instrument.id}' AND a.item = "
                        f"'{it.id}' THEN a.value END) AS {instrument.column(it.id)}")
    midas_items = [MIDAS.column(i) for i in MIDAS.SCORED]
    fss_items = [FSS.column(i) for i in FSS.item_ids]
    all_midas = " AND ".join(f"{c} IS NOT NULL" for c in midas_items)
    all_fss = " AND ".join(f"{c} IS NOT NULL" for c in fss_items)
    msum = " + ".join(midas_items)
    fsum = " + ".join(fss_items)
    grade = "CASE " + " ".join(
        f"WHEN ({msum}) <= {hi} THEN '{g}'" for g, _lo, hi, _m in GRADES if hi is not None
    ) + f" ELSE '{GRADES[-1][0]}' END"
    flow = ("CASE WHEN f.flow_ml_min IS NOT NULL THEN f.flow_ml_min "
            "WHEN f.velocity_cm_s IS NOT NULL THEN "
            "CAST(round(f.velocity_cm_s * f.area_cm2 * 60 / 10000.0) AS INTEGER) END")
    fcols = []
    for posture in ("supine", "upright"):
        for side in ("left", "right"):
            fcols.append(f"max(CASE WHEN f.posture = '{posture}' AND f.side = '{side}' THEN "
                         f"{flow} END) AS {posture}_{side}")
    flows = ("SELECT f.visit_id, " + ", ".join(fcols)
             + " FROM flow_measurement f GROUP BY f.visit_id")
    inner = ("SELECT " + ", ".join(cols) + ", v.id AS vid FROM visit v JOIN patient p ON "
             "p.id = v.patient_id LEFT JOIN answer a ON a.visit_id = v.id "
             "WHERE v.status = 'complete' GROUP BY v.id")
    outer = ["i.patient_code", "i.visit_date", "i.visit_label"]
    outer += [f"i.{c}" for c in (MIDAS.column(i) for i in MIDAS.item_ids)]
    outer += [f"CASE WHEN {all_midas} THEN {msum} END AS midas_total",
              f"CASE WHEN {all_midas} THEN {grade} END AS midas_grade"]
    outer += [f"i.{c}" for c in fss_items]
    outer += [f"CASE WHEN {all_fss} THEN printf('%.2f', ({fsum}) / 9.0) END AS fss_mean",
              f"CASE WHEN {all_fss} THEN {fsum} END AS fss_total"]
    for posture in ("supine", "upright"):
        for side in ("left", "right"):
            outer.append(f"printf('%.1f', fl.{posture}_{side} / 10.0) AS "
                         f"flow_{posture}_{side}_ml_min")
        outer.append(f"printf('%.1f', (fl.{posture}_left + fl.{posture}_right) / 10.0) AS "
                     f"flow_{posture}_total_ml_min")
    return ("SELECT " + ", ".join(outer) + f" FROM ({inner}) i LEFT JOIN ({flows}) fl ON "
            "fl.visit_id = i.vid ORDER BY i.patient_code, i.visit_date;")


def patient_sql() -> str:
    """The contract columns of patients.csv (first PTA per patient)."""
    return ("SELECT p.code AS patient_code, p.family_name, p.given_name, p.birth_date, p.sex, "
            "p.ms_subtype, p.diagnosis_year, p.headache_positive, p.fatigue_positive, "
            "(SELECT min(x.pta_date) FROM procedure x WHERE x.patient_id = p.id) AS pta_date, "
            "p.notes FROM patient p ORDER BY p.code;")


def sqlite3_script(folder: Path) -> str:
    """One sqlite3 run writing both files, as the export does."""
    return "\n".join([".headers on", ".mode csv", f".once {folder / 'patients.csv'}",
                      patient_sql(), f".once {folder / 'visits.csv'}", visit_sql(), ""])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--formats", default="csv,xlsx,fhir,odm,wide,redcap")
    ap.add_argument("--keep", type=Path, help="reuse/keep the demo database in this folder")
    args = ap.parse_args()
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
        with open(work / "out-csv" / "visits.csv", newline="") as fh:
            app_rows = sum(1 for _ in csv.reader(fh)) - 1
        print(f"{args.patients:,} patients; visits.csv rows: proapp {app_rows:,}, "
              f"sqlite3 {sql_rows:,}; {args.runs} interleaved runs each")
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
