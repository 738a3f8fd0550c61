"""The quickest end-to-end check: migrate, write a patient and a visit, read them back."""

from datetime import date

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.visit import VisitContent
from proapp.services import visits


def test_visit_round_trip(db: Database, actor: Actor, patient_id: int) -> None:
    content = VisitContent(responses={"fss": {str(n): 5 for n in range(1, 10)}})
    saved = visits.save_visit(db, actor, visits.VisitDraft(patient_id, "m3", date(2014, 6, 10),
                                                           content))
    loaded = visits.get_visit(db, saved.id)
    assert loaded.content.scores("fss") == {"mean": content.scores("fss")["mean"], "total": 45}
    assert loaded.status == "draft"
