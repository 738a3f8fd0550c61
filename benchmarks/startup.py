"""Start-up of every kind of proapp process, whole process against whole process.

    .venv/bin/python benchmarks/startup.py [--patients 10000] [--db DEMO.db] [--runs 7]
                                           [--exe dist/proapp/proapp]

Each figure is the wall time from spawn to exit of a new process; the runs of a figure and
of its floor alternate, so load on the machine hits both alike; min and median are printed
with the ratio of the medians and the target of issue #14:

- ``proapp --version`` and ``proapp --help`` against ``python -c pass`` (<= 3x);
- a command's own start-up (parse, open the database, authorise) against
  ``python -c "import sqlalchemy"`` (<= 1.5x): ``settings get`` and ``key show`` (no account
  needed) and ``user list`` (signed in: Argon2 verification of the password and the access
  log's sign-in row included);
- ``proapp check`` on the demo database against ``sqlite3 DB 'PRAGMA integrity_check'``
  (<= 2x; check also walks the change log's hash chain);
- the window: first paint of the sign-in dialog (``PROAPP_EXIT_AFTER_FIRST_PAINT=1``) on the
  demo database against a bare PySide6 window process, and the built executable next to
  ``python -m proapp`` when ``--exe`` exists.

The database (``--patients`` demo patients and an administrator) is built once, not timed.
Figures from a loaded machine are indicative only (the load average is printed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._whole import compiled_proapp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_EXE = ROOT / "dist" / "proapp" / ("proapp.exe" if os.name == "nt" else "proapp")
PASSWORD = "benchmark password 1"
PY = sys.executable


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} failed ({done.returncode}): "
                         f"{done.stderr[-2000:]}")
    return seconds


def compare(name: str, cmd: list[str], floor_name: str, floor: list[str], target: str,
            env: dict[str, str], runs: int) -> None:
    timed(cmd, env)  # warm-up (page cache, byte code), not counted
    timed(floor, env)
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(timed(cmd, env))
        b.append(timed(floor, env))
    ma, mb = statistics.median(a), statistics.median(b)
    print(f"  {name:40s} min {min(a) * 1000:7.0f} ms  median {ma * 1000:7.0f} ms   "
          f"{floor_name}: median {mb * 1000:6.0f} ms   ratio {ma / mb:5.2f}x   target {target}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--patients", type=int, default=10_000)
    p.add_argument("--db", type=Path, help="an existing demo database (an admin is added)")
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--exe", type=Path, default=DEFAULT_EXE)
    args = p.parse_args()
    compiled_proapp()  # as installed: see _whole.compiled_proapp

    import importlib.util

    spec = importlib.util.spec_from_file_location("gui_startup", HERE / "gui_startup.py")
    assert spec is not None
    assert spec.loader is not None
    gui_startup = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gui_startup)  # the same demo database and account as there
    workspace = gui_startup.workspace
    assert gui_startup.PASSWORD == PASSWORD
    work = Path(tempfile.mkdtemp(prefix="proapp-startup-"))
    try:
        db, pw, env = workspace(args.db, args.patients, work / "demo.db")
        env.update(QT_QPA_PLATFORM="offscreen", PROAPP_PASSWORD_FILE=str(pw))
        proapp = [PY, "-m", "proapp"]
        load = os.getloadavg()
        print(f"\nstart-up, {args.runs} interleaved runs each, spawn to exit (load average "
              f"{load[0]:.1f}: {'indicative only' if load[0] > 1.0 else 'idle'})")
        compare("proapp --version", [*proapp, "--version"], "python -c pass",
                [PY, "-c", "pass"], "<= 3x", env, args.runs)
        compare("proapp --help", [*proapp, "--help"], "python -c pass",
                [PY, "-c", "pass"], "<= 3x", env, args.runs)
        sqla = [PY, "-c", "import sqlalchemy"]
        compare("proapp settings get (parse, open, read)",
                [*proapp, "settings", "get", "--db", str(db), "clinic_name"],
                "import sqlalchemy", sqla, "<= 1.5x", env, args.runs)
        compare("proapp key show (parse, open read-only)",
                [*proapp, "key", "show", "--db", str(db)],
                "import sqlalchemy", sqla, "<= 1.5x", env, args.runs)
        compare("proapp user list (… and sign in)",
                [*proapp, "user", "list", "--db", str(db), "--user", "bench"],
                "import sqlalchemy", sqla, "<= 1.5x", env, args.runs)
        if shutil.which("sqlite3"):
            compare(f"proapp check ({db.stat().st_size / 1e6:.0f} MB)",
                    [*proapp, "check", "--db", str(db)], "sqlite3 integrity_check",
                    ["sqlite3", str(db), "PRAGMA integrity_check"], "<= 2x", env,
                    max(5, args.runs // 2))
        gui = {**env, "PROAPP_EXIT_AFTER_FIRST_PAINT": "1"}
        bare = [PY, str(HERE / "_gui_probe.py"), "bare", str(work / "bare.json")]
        compare("window: sign-in dialog painted", [*proapp, "--db", str(db)],
                "bare window process", bare, "-", gui, args.runs)
        if args.exe.is_file():
            compare("built executable: sign-in dialog", [str(args.exe), "--db", str(db)],
                    "python -m proapp", [*proapp, "--db", str(db)], "about 1x", gui,
                    args.runs)
        else:
            print(f"  (no built executable at {args.exe}: `make package` to compare it)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
