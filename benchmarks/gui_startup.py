"""The main window at clinic scale, whole process against whole process.

    .venv/bin/python benchmarks/gui_startup.py [--patients 10000] [--db DEMO.db] [--runs 5]

Builds (once, not timed) a demo database of ``--patients`` patients with an administrator,
or uses ``--db``. Then, ``--runs`` times, interleaved so that load on the machine hits all
alike, it spawns and times three processes (``benchmarks/_gui_probe.py``):

- **proapp**: the application's own start-up (``launch_gui``: open and check the database,
  the sign-in dialog, answered the moment it is painted, the main window, the list loaded
  in the background); then it searches keystroke by keystroke, saves a visit (the
  refresh a Ctrl+S triggers) and reloads (F5), with a 10 ms timer probe in the GUI thread;
- **bare window** (floor for start-up and memory): a PySide6 QMainWindow, first paint;
- **sqlite3 read** (floor for the list): the same rows read with the standard library.

Every process gets a private copy of the database (page cache warm for all alike). Prints
min and median of each figure, the ratio to its floor, and the target of issue #14.
Figures from a loaded machine are indicative only.
"""

from __future__ import annotations

import argparse
import json
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
PROBE = HERE / "_gui_probe.py"
PASSWORD = "benchmark password 1"


def prepare(path: Path, patients: int) -> None:
    from proapp.db.migrate import open_database
    from proapp.services.training import demo

    db = open_database(path)
    try:
        demo.generate(db, patients, 2011)
    finally:
        db.dispose()


def ensure_admin(path: Path) -> None:
    from proapp.db.migrate import open_database
    from proapp.services import accounts

    db = open_database(path)
    try:
        if not accounts.has_users(db):
            accounts.create_first_admin(db, "bench", PASSWORD)
    finally:
        db.dispose()


def private_config(db: Path | None, work: Path) -> Path:
    """The benchmark's own config folder (``$PROAPP_CONFIG_DIR`` of this process and of every
    measured one, so no run touches the developer's), holding the integrity key of ``db``
    (``--db``) when it was keyed on this computer already: copied from the caller's key
    folder, else proapp refuses to save. A database of an older revision is keyed when it
    migrates, in the private folder."""
    import sqlite3

    from proapp.db import keys

    row = None
    if db is not None:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT id FROM installation").fetchone()
        except sqlite3.OperationalError:  # no such table: not keyed yet
            pass
        finally:
            con.close()
    installation: str | None = row[0] if row else None
    source = keys.key_path(installation) if installation else None
    config = work / "config"
    os.environ[keys.ENV_CONFIG_DIR] = str(config)
    os.environ[keys.ENV_KEYRING] = "0"
    if installation and source is not None:
        if not source.is_file():
            raise SystemExit(f"the integrity key of {db} is not installed here ({source})")
        target = keys.key_path(installation)
        target.parent.mkdir(parents=True, mode=0o700)
        shutil.copyfile(source, target)
        target.chmod(0o600)
    return config


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` including what is still in its write-ahead log
    (SQLite's backup; a copy of the main file alone would miss the last writes)."""
    import sqlite3

    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def workspace(db: Path | None, patients: int, target: Path
              ) -> tuple[Path, Path, dict[str, str]]:
    """What every measured process gets, here and in startup.py: ``target``, a copy of ``db``
    (or a new demo of ``patients``) with the benchmark's administrator, a 0600 password file
    and an environment with a private data folder, Qt config and integrity-key folder (the
    key of ``db`` copied in) and no keyring."""
    work = target.parent
    os.environ["PROAPP_DATA_DIR"] = str(work / "data")
    config = private_config(db, work)
    if db:
        copy_database(db, target)
    else:
        print(f"building a {patients:,}-patient demo database (not timed) ...", flush=True)
        prepare(target, patients)
    ensure_admin(target)
    pw = work / "pw"
    pw.write_text(PASSWORD + "\n")
    pw.chmod(0o600)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROAPP_")}
    env.update(PROAPP_DATA_DIR=str(work / "data"), XDG_CONFIG_HOME=str(work / "qt"),
               PROAPP_CONFIG_DIR=str(config), PROAPP_KEYRING="0")
    return target, pw, env


def spawn(args: list[str], env: dict[str, str], out: Path) -> dict[str, float]:
    out.unlink(missing_ok=True)
    env = {**env, "BENCH_T0": repr(time.time())}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(PROBE), *args, str(out)], env=env,
                          capture_output=True, text=True, timeout=180, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0 or not out.exists():
        raise SystemExit(f"probe {args[0]} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result: dict[str, float] = json.loads(out.read_text())
    result["wall"] = wall
    return result


def stats(values: list[float]) -> tuple[float, float]:
    return min(values), statistics.median(values)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--patients", type=int, default=10_000)
    p.add_argument("--db", type=Path, help="an existing demo database (an admin is added)")
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    compiled_proapp()  # as installed: see _whole.compiled_proapp

    work = Path(tempfile.mkdtemp(prefix="proapp-gui-bench-"))
    try:
        source, pw, env = workspace(args.db, args.patients, work / "source.db")
        env.update(QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))

        def copy(n: int) -> Path:
            target = work / f"run{n}.db"
            shutil.copyfile(source, target)
            # On the disk before the clock starts: else the measured process's first commit
            # (the sign-in's access-log row) waits for the copy's 130 MB of dirty pages to be
            # written back, which no clinic's database file has (it doubled some runs).
            with open(target, "rb+") as fh:
                os.fsync(fh.fileno())
            return target

        out = work / "out.json"
        spawn(["proapp", str(copy(0)), "bench", str(pw)], env, out)  # warm-up: today's backup
        runs: dict[str, list[dict[str, float]]] = {"proapp": [], "bare": [], "sqlite": []}
        for n in range(1, args.runs + 1):
            runs["bare"].append(spawn(["bare"], env, out))
            runs["sqlite"].append(spawn(["sqlite", str(copy(n))], env, out))
            runs["proapp"].append(spawn(["proapp", str(copy(n)), "bench", str(pw)], env, out))
            (work / f"run{n}.db").unlink()
        load = os.getloadavg()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    pro, bare, sql = runs["proapp"], runs["bare"], runs["sqlite"]
    rows = int(pro[0]["rows"])
    ms = 1000.0

    def line(name: str, values: list[float], floor: list[float] | None, target: str,
             unit: str = "ms", scale: float = ms) -> None:
        lo, med = stats(values)
        text = f"  {name:38s} min {lo * scale:8.1f} {unit}  median {med * scale:8.1f} {unit}"
        if floor is not None:
            _f_lo, f_med = stats(floor)
            text += f"   floor median {f_med * scale:7.1f} {unit}  ratio {med / f_med:5.1f}x"
        print(text + f"   target {target}")

    print(f"\nproapp main window, {rows:,} patients, {args.runs} interleaved runs "
          f"(load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}: "
          f"{'indicative only' if load[0] > 1.0 else 'idle'})")
    line("process start -> sign-in dialog painted", [r["dialog"] for r in pro],
         [r["paint"] for r in bare], "-")
    line("process start -> first paint", [r["paint"] for r in pro],
         [r["paint"] for r in bare], "-")
    line("process start -> list filled", [r["filled"] for r in pro],
         [r["paint"] for r in bare], "<= 4x (10k), 8x (50k)")
    line("first paint -> list filled", [r["filled"] - r["paint"] for r in pro],
         [r["done"] for r in sql], "-")
    line("longest stall, start -> list filled", [r["stall_start"] for r in pro], None,
         "<= 50 ms (10k), 100 ms (50k)")
    keys = [k / ms for r in pro for k in r["search_ms"]]  # type: ignore[attr-defined]
    floor_keys = [k / ms for r in pro for k in r["search_floor_ms"]]  # type: ignore[attr-defined]
    line("search, per keystroke (to repaint)", keys, floor_keys, "<= 30 ms (10k), 60 (50k)")
    line("longest stall while searching", [r["stall_search"] for r in pro], None, "<= 50 ms")
    line("longest stall after saving a visit", [r["stall_save"] for r in pro], None,
         "<= 50 ms (10k), 100 ms (50k)")
    line("F5: list read again", [r["reload_s"] for r in pro], None, "-")
    line("longest stall during F5", [r["stall_reload"] for r in pro], None,
         "<= 50 ms (10k), 100 ms (50k)")
    line("resident memory with the list", [r["rss_mib"] for r in pro],
         [r["rss_mib"] for r in bare], "<= 200 MiB (10k)", "MiB", 1.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
