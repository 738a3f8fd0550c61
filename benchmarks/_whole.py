"""Shared by the benchmarks: whole processes timed the same way, and the executemany floor.

Every figure is a child process from spawn to exit (``os.wait4``: wall time, CPU time of the
process, its peak RSS), so interpreter start-up and imports count on both sides. Runs are
interleaved (A, B, A, B, ...) and reported as min and median.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

CLI = [sys.executable, "-m", "proapp"]


def compiled_proapp() -> int:
    """Compile proapp's modules to byte code before anything is timed; returns how many
    files there are. An installed or frozen proapp has its byte code (pip compiles what it
    installs), and a checkout has it after its first run, unless the environment forbids
    writing it: this machine's sets ``PYTHONDONTWRITEBYTECODE=1``, which left every timed
    proapp process compiling its own modules from source (about a quarter of a second of
    each start-up), while the floors' libraries were compiled when they were installed."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("proapp")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("proapp is not importable: run the benchmarks from the project's .venv")
    folder = Path(next(iter(spec.submodule_search_locations)))
    if not compileall.compile_dir(folder, quiet=1, force=False):
        raise SystemExit(f"{folder}: some modules did not compile")
    return sum(1 for _ in folder.rglob("*.py"))


# The clinical tables and the change log, parents first: what a demo or an import writes.
TABLES = ("patient", "procedure", "visit", "answer", "skipped_form", "flow_measurement",
          "change_log")


@dataclass
class Runs:
    name: str
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_mib: list[float] = field(default_factory=list)

    def add(self, wall: float, cpu: float, rss_mib: float) -> None:
        self.wall.append(wall)
        self.cpu.append(cpu)
        self.rss_mib.append(rss_mib)

    def line(self, floor: Runs | None = None) -> str:
        text = (f"{self.name:<44} wall min {min(self.wall):7.2f} med "
                f"{statistics.median(self.wall):7.2f} s | CPU min {min(self.cpu):7.2f} med "
                f"{statistics.median(self.cpu):7.2f} s | peak RSS {max(self.rss_mib):6.0f} MiB")
        if floor is not None:
            cpu = statistics.median(self.cpu) / statistics.median(floor.cpu)
            text += (f" | ratio (median CPU) {cpu:5.2f}x, (min wall) "
                     f"{min(self.wall) / min(floor.wall):5.2f}x")
        return text


def run(cmd: list[str], runs: Runs, *, stdin: str | None = None,
        env: dict[str, str] | None = None) -> None:
    """Run one whole process; record wall, CPU (user + system) and peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin is not None else None,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    if stdin is not None:
        assert proc.stdin is not None
        proc.stdin.write(stdin)
        proc.stdin.close()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd[:6])} failed: {err[-2000:]}")
    runs.add(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


DUMP = """
import pickle, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
data = {}
for table in sys.argv[3].split(","):
    cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
    data[table] = (cols, con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY rowid"
                                     ).fetchall())
with open(sys.argv[2], "wb") as fh:
    pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
print(sum(len(rows) for _cols, rows in data.values()))
"""


def dump_rows(db: Path, out: Path) -> int:
    """Every row of the clinical tables and the change log of ``db``, as stored, pickled (the
    floor reads them back at C speed: it does strictly less work than anything that parses).
    In a child process, so that this process stays small (a child's peak RSS counts what it
    inherited at fork)."""
    done = subprocess.run([sys.executable, "-c", DUMP, str(db), str(out), ",".join(TABLES)],
                          check=True, capture_output=True, text=True)
    return int(done.stdout)


# The floor binds None as proapp does (db.engine._bind_none_directly): without the adapter,
# Python's sqlite3 looks every None up as an object to adapt, and a floor paying that lookup
# for the 3.7 million Nones of the 10k import would be slower than it needs to be. For the
# same reason it runs SQLite with its memory statistics off, as every proapp process does
# (proapp.db.memstatus: one mutex less per allocation, about 15 % of an executemany).
FLOOR = """
import pickle, sqlite3, sys
from proapp.db import memstatus
memstatus.switch_off()
sqlite3.register_adapter(type(None), {}.get)
con = sqlite3.connect(sys.argv[1], isolation_level=None)
for pragma in ("busy_timeout = 30000", "foreign_keys = ON", "journal_mode = WAL",
               "synchronous = FULL"):
    con.execute("PRAGMA " + pragma)
with open(sys.argv[2], "rb") as fh:
    data = pickle.load(fh)
con.execute("BEGIN IMMEDIATE")
for table, (cols, rows) in data.items():
    con.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                    f"({', '.join('?' * len(cols))})", rows)
con.execute("COMMIT")
"""


def empty_database(folder: Path) -> Path:
    """A new proapp database (schema, indexes, triggers as migrated), to copy for each run."""
    path = folder / "empty.db"
    if not path.exists():
        subprocess.run([sys.executable, "-c", "import sys; from proapp.db.migrate import "
                        "open_database; open_database(sys.argv[1]).dispose()", str(path)],
                       check=True)
    return path


def fresh_copy(template: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(template, target)
    return target


def floor_cmd(target: Path, rows: Path) -> list[str]:
    """The floor: the same rows by executemany into the same schema (indexes, triggers,
    pragmas), one transaction, one whole process."""
    return [sys.executable, "-c", FLOOR, str(target), str(rows)]
