"""Export benchmark: ``proapp export --format csv`` of a 10,000-patient demo database, next to
the ``sqlite3`` command-line shell dumping the same visit rows with one SQL join (``-csv``), in
the same run. Budget: the export within 2x of sqlite3.

    .venv/bin/python benchmarks/export.py [--patients 10000] [--keep DIR]

The SQL computes what visits.csv's contract columns hold (items pivoted, MIDAS total and grade,
FSS mean and total, flows and their totals) so both sides do comparable work; the Python side
additionally applies the domain's scoring, exact decimal formatting and the safe file writer.
Also measures the import of the exported folder into an empty database.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.domain.fss import FSS
from proapp.domain.midas import GRADES, MIDAS
from proapp.services.exchange.dataset import ExportOptions
from proapp.services.exchange.export import run_export
from proapp.services.exchange.importer import import_folder
from proapp.services.training import demo

ACTOR = Actor("bench", role="nurse")


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
    ap.add_argument("--keep", type=Path, help="reuse/keep the demo database in this folder")
    args = ap.parse_args()
    if shutil.which("sqlite3") is None:
        print("sqlite3 not found: run scripts/install-system-deps.sh", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="proapp-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"demo-{args.patients}.db"
    if not path.exists():
        db = open_database(path)
        t = time.perf_counter()
        demo.generate(db, args.patients, 2011)
        db.dispose()
        print(f"demo database: {args.patients} patients in {time.perf_counter() - t:.1f} s")
    db = open_database(path)
    out = work / "csv"
    sql_out = work / "sqlite3"
    sql_out.mkdir(exist_ok=True)
    try:
        # sqlite3 first, then proapp, then sqlite3 again: take each side's best of three runs
        sql_times, app_times = [], []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run(["sqlite3", "-csv", str(path)], input=sqlite3_script(sql_out),
                           text=True, check=True)
            sql_times.append(time.perf_counter() - t)
            t = time.perf_counter()
            result = run_export(db, ACTOR, "csv", out, ExportOptions(), force=True)
            app_times.append(time.perf_counter() - t)
        with open(sql_out / "visits.csv", newline="") as fh:
            sql_rows = sum(1 for _ in csv.reader(fh)) - 1
        best_sql, best_app = min(sql_times), min(app_times)
        print(f"visits exported: proapp {result.visits:,} rows, sqlite3 {sql_rows:,} rows")
        print(f"sqlite3 -csv (patients + visits, SQL pivot join): {best_sql:7.2f} s")
        print(f"proapp export --format csv (+ data dictionary):    {best_app:7.2f} s")
        ratio = best_app / best_sql
        print(f"ratio proapp / sqlite3:                           {ratio:7.2f}x  (budget 2.00x: "
              f"{'within' if ratio <= 2 else 'OVER'})")
        target = work / "import.db"
        target.unlink(missing_ok=True)
        empty = open_database(target)
        t = time.perf_counter()
        report = import_folder(empty, ACTOR, out)
        seconds = time.perf_counter() - t
        empty.dispose()
        print(f"import of the export into an empty database: {seconds:7.2f} s "
              f"({report.patients_added:,} patients, {report.visits_added:,} visits, "
              f"{len(report.warnings):,} warnings, ok={report.ok})")
    finally:
        db.dispose()
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
