"""The clinic the integrity and attack tests start from (both back-ends)."""

from __future__ import annotations

from datetime import date

from tests.support.staff import Staff

from proapp.db.engine import Database
from proapp.domain.visit import VisitContent
from proapp.services import visits


def save_m3_visit(db: Database, staff: Staff, patient_id: int) -> None:
    """A completed 3-month visit (MIDAS and FSS) keyed by the nurse."""
    content = VisitContent({"fss": {str(n): 5 for n in range(1, 10)},
                            "midas": {"q1": 2, "q2": 0, "q3": 1, "q4": 0, "q5": 3, "a": 9,
                                      "b": 4}})
    visits.save_visit(db, staff.nurse, visits.VisitDraft(patient_id, "m3", date(2014, 6, 10),
                                                         content),
                      complete=True, confirm_warnings=True)
