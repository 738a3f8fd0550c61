"""Security figures: Argon2id hash/verify time, and visit writes per second with one writer
process against two writers on the same database (the ratio shows what concurrency costs).

    .venv/bin/python benchmarks/security.py [--seconds 4]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WRITER = Path(__file__).resolve().parents[1] / "tests" / "support" / "writer.py"


def argon2_times(n: int = 10) -> tuple[float, float]:
    from argon2 import PasswordHasher

    ph = PasswordHasher()
    hashes, verifies = [], []
    for _ in range(n):
        t = time.perf_counter()
        h = ph.hash("correct horse battery")
        hashes.append(time.perf_counter() - t)
        t = time.perf_counter()
        ph.verify(h, "correct horse battery")
        verifies.append(time.perf_counter() - t)
    return statistics.median(hashes), statistics.median(verifies)


def writers(db: Path, n: int, seconds: float) -> int:
    from proapp.db.migrate import open_database

    open_database(db).dispose()
    procs = [subprocess.Popen([sys.executable, str(WRITER), "--db", str(db),
                               "--visits", "1000000", "--seconds", str(seconds),
                               "--code", f"B{i}"], stdout=subprocess.PIPE, text=True)
             for i in range(n)]
    return sum(p.communicate()[0].count("committed") for p in procs)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=4.0)
    args = parser.parse_args()
    h, v = argon2_times()
    print(f"argon2id (argon2-cffi defaults): hash {h * 1000:.0f} ms, verify {v * 1000:.0f} ms "
          "(median of 10)")
    with tempfile.TemporaryDirectory() as tmp:
        one = writers(Path(tmp) / "one.db", 1, args.seconds)
        two = writers(Path(tmp) / "two.db", 2, args.seconds)
    print(f"1 writer process : {one / args.seconds:7.0f} complete visits/s")
    print(f"2 writer processes: {two / args.seconds:7.0f} complete visits/s together "
          f"(ratio {two / one:.2f} of one writer; each visit = 1 transaction, 21 rows + log)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
