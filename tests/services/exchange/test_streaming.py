"""Import and export stream: a 20,000-visit file imports (and exports again) in a process whose
memory is capped by the test (``RLIMIT_DATA``), and a bad row at the very end of the file still
refuses the whole import with nothing written. Not timed: timings belong in benchmarks/.

The cap lets the data segment grow by 100 MiB once the database is open: holding the whole
file's visits in memory, as the import did before (about 900 MB for 78,000 visits), needs more
than twice that for 20,000 visits."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest
from tests.services.exchange.helpers import NURSE, count

from proapp.db.engine import Database
from proapp.services.exchange.importer import import_folder

GROWTH_MIB = 100
PATIENTS = 2500
PLAN = (("baseline", -5, "mf", True), ("pta", 0, "", True), ("m1", 30, "", True),
        ("m3", 91, "mf", False), ("m6", 182, "mf", True), ("m12", 365, "mf", True),
        ("y2", 730, "mf", True), ("y3", 1095, "mf", True))  # 8 visits per patient


def write_folder(folder: Path, *, bad_last_row: bool) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    visits = 0
    with open(folder / "patients.csv", "w", newline="") as fp, \
            open(folder / "visits.csv", "w", newline="") as fv:
        wp, wv = csv.writer(fp), csv.writer(fv)
        wp.writerow(["patient_code", "family_name", "given_name", "birth_date", "sex",
                     "ms_subtype", "diagnosis_year", "headache_positive", "fatigue_positive",
                     "pta_date"])
        wv.writerow(["patient_code", "visit_date", "visit_label",
                     *(f"midas_{i}" for i in ("q1", "q2", "q3", "q4", "q5", "a", "b")),
                     *(f"fss_{i}" for i in range(1, 10)),
                     "flow_supine_left_ml_min", "flow_supine_right_ml_min"])
        code = ""
        for k in range(PATIENTS):
            pta = date(2012, 1, 1) + timedelta(days=k % 900)
            code = f"M{k:05d}"
            wp.writerow([code, "Rossi", "Anna", "1970-01-01", "F", "RR", 1999, 1, 1,
                         pta.isoformat()])
            for label, offset, forms, flow in PLAN:
                wv.writerow([code, (pta + timedelta(days=offset)).isoformat(), label,
                             *([2, 3, 1, 0, 4, 20, 6] if "m" in forms else [""] * 7),
                             *([5] * 9 if "f" in forms else [""] * 9),
                             *(["250.5", "310.0"] if flow else ["", ""])])
                visits += 1
        if bad_last_row:
            wv.writerow([code, "2012-05-05", "unscheduled", "abc", *[""] * 17])
    return visits


def run_capped(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` with the modules imported and the database opened first (start-up is not
    what is measured), then the data segment capped."""
    code = textwrap.dedent(f"""
        import resource, sys
        import proapp.services.exchange.export, proapp.services.exchange.importer
        from proapp.db.migrate import open_database
        db = open_database(sys.argv[1])
        with open("/proc/self/status") as fh:
            now = next(int(l.split()[1]) for l in fh if l.startswith("VmData:")) * 1024
        cap = now + {GROWTH_MIB} * 2**20
        resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
    """) + textwrap.dedent(script)
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=600, check=False, env=env)


IMPORT = """
    from proapp.domain.actor import Actor
    from proapp.services.exchange.importer import import_folder
    report = import_folder(db, Actor("capped", role="nurse"), sys.argv[2])
    for f in report.errors:
        print(f)
    print(report.summary())
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_DATA bounds malloc on Linux")
def test_a_large_file_imports_under_a_memory_cap_and_a_bad_last_row_refuses_it(
        db: Database, tmp_path: Path) -> None:
    visits = write_folder(tmp_path / "bad", bad_last_row=True)
    assert visits == 20_000
    done = run_capped(IMPORT, db.url, str(tmp_path / "bad"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"visits.csv row {visits + 2}, column midas_q1, value 'abc'" in done.stdout
    assert "Nothing was written: 1 error(s)" in done.stdout
    assert "visits 20000 new" in done.stdout  # what would have been written
    assert count(db, "patient") == count(db, "visit") == count(db, "change_log") == 0

    write_folder(tmp_path / "good", bad_last_row=False)
    done = run_capped(IMPORT, db.url, str(tmp_path / "good"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Imported: patients 2500 new" in done.stdout, done.stdout[-2000:]
    assert count(db, "visit") == 20_000
    assert count(db, "change_log") == 2500 + 2500 + 20_000  # one row per change


EXPORT = """
    from proapp.domain.actor import Actor
    from proapp.services.exchange.export import run_export
    for fmt in sys.argv[3].split(","):
        result = run_export(db, Actor("capped", role="nurse"), fmt, sys.argv[2] + "/" + fmt)
        print(fmt, result.visits)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_DATA bounds malloc on Linux")
def test_exports_stream_under_the_same_memory_cap(db: Database, tmp_path: Path) -> None:
    write_folder(tmp_path / "in", bad_last_row=False)
    assert import_folder(db, NURSE, tmp_path / "in").applied
    db.dispose()
    done = run_capped(EXPORT, db.url, str(tmp_path / "out"), "csv,wide,fhir,odm,redcap")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["csv", "20000", "wide", "20000", "fhir", "20000",
                                   "odm", "20000", "redcap", "20000"]
    with open(tmp_path / "out" / "csv" / "visits.csv", newline="") as fh:
        assert sum(1 for _ in csv.reader(fh)) == 20_001
