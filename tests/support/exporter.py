"""``python tests/support/exporter.py``: export the interchange CSV again and again while
other programs write, as a clinician's workstation might; retries while the server cannot be
reached. Prints ``export <visits> <complete rows>`` per export, where a complete row is a
visit row with every MIDAS, FSS and flow cell of :func:`writer.full_content` filled."""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

from proapp.db.migrate import open_database
from proapp.db.server import with_reconnect
from proapp.domain.actor import Actor
from proapp.services.exchange.dataset import ExportOptions
from proapp.services.exchange.export import run_export

EXPORTER = Actor("system:exporter", None, "nurse")
FULL = [*(f"midas_q{n}" for n in range(1, 6)), *(f"fss_{n}" for n in range(1, 10)),
        "flow_supine_left_ml_min", "flow_supine_right_ml_min",
        "flow_upright_left_ml_min", "flow_upright_right_ml_min"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--seconds", type=float, required=True)
    args = parser.parse_args(argv)
    db = open_database(args.db, migrate=False)
    stop = time.monotonic() + args.seconds
    with tempfile.TemporaryDirectory() as tmp:
        n = 0
        while time.monotonic() < stop:
            out = Path(tmp) / f"e{n}"

            def export(folder: Path = out) -> None:
                run_export(db, EXPORTER, "csv", folder, ExportOptions(), force=True)

            with_reconnect(export, on_retry=lambda _e: print("retry", flush=True))
            with open(out / "visits.csv", encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
            full = sum(all(r[c] for c in FULL) for r in rows)
            print(f"export {len(rows)} {full}", flush=True)
            n += 1
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
