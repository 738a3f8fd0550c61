"""``proapp demo``: fill a new database with the synthetic training cohort."""

from __future__ import annotations

import argparse
import time

from proapp.cli import Subparsers, add_db_option


def register(sub: Subparsers) -> None:
    p = sub.add_parser("demo", help="fill a new database with a synthetic demo cohort",
                       description="Create a clearly labelled synthetic cohort shaped like the "
                       "reference study (286 patients: 175 RR, 75 SP, 36 PP), for training and "
                       "testing. The same --seed always gives the same data.")
    add_db_option(p)
    p.add_argument("--patients", type=int, default=286, metavar="N",
                   help="number of patients (default: 286, the reference cohort)")
    p.add_argument("--seed", type=int, default=2011, metavar="S", help="random seed")
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from proapp.db.migrate import open_database
    from proapp.services.training.demo import generate

    db = open_database(getattr(args, "db", None))
    try:
        start = time.perf_counter()
        r = generate(db, args.patients, args.seed)
        seconds = time.perf_counter() - start
    finally:
        db.dispose()
    print(f"demo cohort written to {db.display_name}")
    print(f"patients: {r.patients}  visits: {r.visits}  answers: {r.answers}  "
          f"flow measurements: {r.flows}  change log rows: {r.log_rows}")
    for subtype, (n, h, f) in r.by_subtype.items():
        print(f"  {subtype}: {n} patients, {h} headache-positive, {f} fatigue-positive")
    print(f"{seconds:.2f} s, {r.rows / seconds:,.0f} rows/s")
    return 0
