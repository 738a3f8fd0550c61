"""Start-up to the first window: the built executable next to ``python -m proapp``.

    .venv/bin/python benchmarks/startup.py [--runs N] [--exe dist/proapp/proapp]

Each run starts a new process on the offscreen platform with
``PROAPP_EXIT_AFTER_FIRST_PAINT=1`` (run_gui quits right after the first window is painted)
and takes the wall time from spawn to exit. The first window is the sign-in dialog (the
database has an account, as on every day but the first) and, in a second scenario, the
first-start welcome (no database yet). One warm-up run per program (page cache, the day's
backup) is not counted; the two programs alternate so that load on the machine hits both
alike. Prints medians, the ratio frozen / python, and the size of the built folder.
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

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EXE = ROOT / "dist" / "proapp" / ("proapp.exe" if os.name == "nt" else "proapp")


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds


def environment(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROAPP_")}
    env.update(QT_QPA_PLATFORM="offscreen", PROAPP_EXIT_AFTER_FIRST_PAINT="1",
               PROAPP_DATA_DIR=str(data))
    return env


def prepare_signed_up(data: Path) -> None:
    """A database with one account, so start-up ends at the sign-in dialog."""
    os.environ["PROAPP_DATA_DIR"] = str(data)
    from proapp import paths
    from proapp.db.migrate import open_database
    from proapp.services import accounts

    db = open_database(paths.default_database())
    try:
        accounts.create_first_admin(db, "m.rossi", "correct horse battery")
    finally:
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--exe", type=Path, default=DEFAULT_EXE)
    args = parser.parse_args()
    programs = {"python -m proapp": [sys.executable, "-m", "proapp"]}
    if args.exe.is_file():
        programs["frozen"] = [str(args.exe)]
    else:
        print(f"no built executable at {args.exe}: run `make package` to compare "
              "(python -m proapp only)")
    tmp = Path(tempfile.mkdtemp(prefix="proapp-startup-"))
    try:
        signed_up = tmp / "signed-up"
        prepare_signed_up(signed_up)
        scenarios = {"sign-in dialog": lambda: signed_up,
                     "first-start welcome": lambda: Path(tempfile.mkdtemp(dir=tmp))}
        for scenario, data_for in scenarios.items():
            times: dict[str, list[float]] = {name: [] for name in programs}
            for cmd in programs.values():
                timed(cmd, environment(data_for()))  # warm-up, not counted
            for _ in range(args.runs):
                for name, cmd in programs.items():
                    times[name].append(timed(cmd, environment(data_for())))
            print(f"\ntime to first window ({scenario}), {args.runs} runs each, offscreen:")
            medians = {}
            for name, values in times.items():
                medians[name] = statistics.median(values)
                print(f"  {name:18s} median {medians[name] * 1000:7.0f} ms   "
                      f"min {min(values) * 1000:6.0f}   max {max(values) * 1000:6.0f}")
            if "frozen" in medians:
                ratio = medians["frozen"] / medians["python -m proapp"]
                print(f"  ratio frozen / python -m proapp: {ratio:.2f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.exe.is_file():
        folder = args.exe.parent
        print(f"\nbuilt folder {folder}: {folder_size(folder) / 1e6:.1f} MB "
              f"({sum(1 for _ in folder.rglob('*'))} files and folders)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
