"""``proapp report``: one patient's trend PDF, or every patient's in parallel."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TextIO

from proapp.cli import Subparsers, add_db_option
from proapp.cli.actor import add_user_options, cli_actor


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "report", help="write per-patient trend reports (PDF)",
        description="Write a patient's trend report (MIDAS, FSS, IJV flow) as a PDF, or with "
                    "--all one PDF per patient named <code>.pdf, made in parallel.")
    add_db_option(p)
    add_user_options(p)
    p.add_argument("patient", nargs="?", metavar="PATIENT_CODE", help="the patient's code")
    p.add_argument("-o", "--output", metavar="FILE.pdf", help="where to write the PDF")
    p.add_argument("--all", action="store_true", help="a report for every patient")
    p.add_argument("--out-dir", metavar="DIR", help="folder for --all (created if missing)")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="worker processes for --all (default: the number of CPUs)")
    p.add_argument("--deidentify", action="store_true",
                   help="leave out name, birth date and every free text (skip reasons, the "
                        "clinic name); age and coded reasons are kept")
    p.add_argument("--page-size", choices=("a4", "letter"), default="a4", type=str.lower,
                   help="paper size (default: a4)")
    p.add_argument("--lang", choices=("en", "it"), default=None, type=str.lower,
                   help="the report's language: texts, dates (ISO in English, dd/mm/yyyy in "
                        "Italian) and decimal marks (default: each patient's own language)")
    p.set_defaults(handler=handle, parser=p)


class TerminalBar:
    """A one-line progress bar redrawn with a carriage return (plain lines when piped)."""

    def __init__(self, stream: TextIO | None = None, width: int = 30):
        # sys.stderr looked up now, not when the module was imported: it may have been
        # replaced since (pytest's capture, a redirect) and the old one closed.
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.tty = self.stream.isatty()
        self.last = -1.0

    def __call__(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        if not self.tty:
            if done == total or now - self.last >= 5:
                self.last = now
                print(f"{done}/{total} reports", file=self.stream, flush=True)
            return
        if done != total and now - self.last < 0.1:
            return
        self.last = now
        filled = int(self.width * done / total) if total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def handle(args: argparse.Namespace) -> int:
    from proapp.db.migrate import open_database
    from proapp.domain.language import Language
    from proapp.services import reports
    from proapp.services.progress import Progress

    parser: argparse.ArgumentParser = args.parser
    if args.all:
        if args.patient or args.output:
            parser.error("--all writes one file per patient: use --out-dir, not a patient "
                         "code or -o")
        if not args.out_dir:
            parser.error("--all needs --out-dir DIR")
        if args.jobs is not None and args.jobs < 1:
            parser.error("--jobs must be 1 or more")
    else:
        if not args.patient:
            parser.error("give a PATIENT_CODE (or --all --out-dir DIR)")
        if not args.output:
            parser.error("give the output file with -o FILE.pdf")
        if args.out_dir or args.jobs is not None:
            parser.error("--out-dir and --jobs go with --all")

    language = Language(args.lang) if args.lang else None
    db = open_database(getattr(args, "db", None), create=False)
    try:
        actor = cli_actor(args, db)
        if not args.all:
            path = reports.write_report(db, actor, args.patient, args.output,
                                        page_size=args.page_size, deidentify=args.deidentify,
                                        language=language)
            print(f"report written to {path}")
            return 0
        bar = TerminalBar()
        try:
            result = reports.write_all_parallel(
                db, actor, Path(args.out_dir), jobs=args.jobs, page_size=args.page_size,
                deidentify=args.deidentify, progress=Progress(callback=bar), language=language)
        except OSError as exc:
            print(f"proapp: could not write the reports: {exc}", file=sys.stderr)
            return 1
        n = len(result.written)
        rate = f", {result.seconds / n * 1000:.0f} ms per report" if n else ""
        print(f"{n} reports written to {args.out_dir} in {result.seconds:.1f} s with "
              f"{result.jobs} process{'es' if result.jobs > 1 else ''}{rate}")
        return 0
    finally:
        db.dispose()
