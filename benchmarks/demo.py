"""How fast `proapp demo` fills a database: 286 and 10,000 patients.

Prints seconds and rows per second for each size, next to a baseline measured in the same
run: plain sqlite3 `executemany` inserting the same number of rows into one table (the
fastest a Python program can put rows into SQLite here). Ratios, not absolute times, are
what to compare across machines.

    python benchmarks/demo.py [--sizes 286 10000]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from proapp.db.migrate import open_database
from proapp.services.training.demo import generate


def baseline_rows_per_second(rows: int, folder: Path) -> float:
    con = sqlite3.connect(folder / "baseline.db")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE t (a INTEGER, b TEXT, c INTEGER, d INTEGER)")
    data = [(i, "item", i % 90, None) for i in range(rows)]
    start = time.perf_counter()
    with con:
        con.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", data)
    seconds = time.perf_counter() - start
    con.close()
    return rows / seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[286, 10_000])
    args = parser.parse_args(argv)
    print(f"{'patients':>9} {'seconds':>8} {'rows':>10} {'rows/s':>10} "
          f"{'raw sqlite rows/s':>18} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in args.sizes:
            path = folder / f"demo-{n}.db"
            db = open_database(path)
            start = time.perf_counter()
            result = generate(db, n, 2011)
            seconds = time.perf_counter() - start
            db.dispose()
            raw = baseline_rows_per_second(result.rows, folder)
            rate = result.rows / seconds
            print(f"{n:>9} {seconds:>8.2f} {result.rows:>10,} {rate:>10,.0f} {raw:>18,.0f} "
                  f"{raw / rate:>5.1f}x")
            (folder / "baseline.db").unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
