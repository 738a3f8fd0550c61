"""``python tests/support/writer.py``: write many complete visits with a known, full content.

Used by the crash and concurrency tests: after each committed visit it prints
``committed <visit id>`` and flushes, so whoever kills the process knows exactly which visits
must be in the database. Every visit has the same full content (:func:`full_content`), so a
partial visit (some answer rows missing) is detectable.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from proapp.db.migrate import open_database
from proapp.db.server import with_reconnect
from proapp.domain.actor import Actor
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.patient import MsSubtype, PatientFacts, ProcedureFacts, Sex
from proapp.domain.registry import QUESTIONNAIRES
from proapp.domain.visit import VisitContent, VisitRecord
from proapp.services import patients, visits
from proapp.services.errors import ConflictError

PTA = date(2014, 3, 10)
WRITER = Actor("system:writer", None, "nurse")


def full_content() -> VisitContent:
    """MIDAS and FSS fully answered, flow in all four vein/posture cells."""
    responses = {"midas": {"q1": 1, "q2": 1, "q3": 1, "q4": 1, "q5": 1, "a": 10, "b": 5},
                 "fss": {str(n): 4 for n in range(1, 10)}}
    for instrument in QUESTIONNAIRES.values():
        assert set(responses[instrument.id]) == set(instrument.item_ids)
    flows = tuple(FlowMeasurement(side, posture, Decimal("512.5"))
                  for posture in Posture for side in Side)
    return VisitContent(responses=responses, flows=flows)


def expected_rows() -> tuple[int, int]:
    """(answer rows, flow rows) of one visit written by this tool."""
    c = full_content()
    return sum(len(v) for v in c.responses.values()), len(c.flows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tests/support/writer.py")
    parser.add_argument("--db", required=True)
    parser.add_argument("--visits", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=None,
                        help="stop after this many seconds (whichever comes first)")
    parser.add_argument("--code", default=None, help="patient code (default: W<pid>)")
    parser.add_argument("--drafts", action="store_true",
                        help="save each visit as a draft first (prints `draft <id>`), then "
                        "complete it; retry while the server cannot be reached, as the "
                        "application does, and print `retry` for each retry")
    args = parser.parse_args(argv)
    db = open_database(args.db)
    code = args.code or f"W{os.getpid()}"
    facts = PatientFacts(code, "Writer", "Test", date(1970, 1, 1), Sex.FEMALE, MsSubtype.RR,
                         2000, True, True, "")
    try:
        pid = patients.find_by_code(db, code).id
    except Exception:
        pid = patients.create_patient(db, WRITER, facts, [ProcedureFacts(PTA)])
    content = full_content()
    out = sys.stdout

    def retried(_exc: BaseException) -> None:
        out.write("retry\n")
        out.flush()

    stop = time.monotonic() + args.seconds if args.seconds else None
    for n in range(args.visits):
        if stop is not None and time.monotonic() > stop:
            break
        draft = visits.VisitDraft(pid, "unscheduled", PTA + timedelta(days=1 + n % 3000),
                                  content)
        if not args.drafts:
            record = visits.save_visit(db, WRITER, draft, complete=True, confirm_warnings=True)
            out.write(f"committed {record.id}\n")
            out.flush()
            continue
        def save(d: visits.VisitDraft = draft) -> VisitRecord:
            return visits.save_visit(db, WRITER, d)

        saved = with_reconnect(save, on_retry=retried)
        out.write(f"draft {saved.id}\n")
        out.flush()
        final = replace(draft, visit_id=saved.id, expected_version=saved.version)

        def complete(f: visits.VisitDraft = final) -> int:
            try:
                return visits.save_visit(db, WRITER, f, complete=True,
                                         confirm_warnings=True).id
            except ConflictError:  # an earlier try was committed after all: it is done
                record = visits.get_visit(db, f.visit_id or 0)
                if not record.is_complete:
                    raise
                return record.id

        out.write(f"committed {with_reconnect(complete, on_retry=retried)}\n")
        out.flush()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
