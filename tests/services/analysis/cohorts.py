"""Hand-built patients for the analysis tests, stored through the real services."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

from proapp.db.engine import Database
from proapp.domain import schedule
from proapp.domain.actor import Actor
from proapp.domain.answers import MissingReason
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.patient import MsSubtype, PatientFacts, ProcedureFacts, Sex
from proapp.domain.visit import VisitContent
from proapp.services import patients, visits

LABELS = ("baseline", "pta", "m1", "m3", "m6", "m12", "y2")


def content(label: str, midas: int, fss: int, flow: int,
            missing_midas: str | None = None) -> VisitContent:
    d = schedule.definition(label)
    responses: dict[str, dict[str, int | None]] = {}
    missing: dict[str, dict[str, MissingReason]] = {}
    if d.expects("midas"):
        q: dict[str, int | None] = {"q1": midas // 2, "q2": midas - midas // 2, "q3": 0,
                                    "q4": 0, "q5": 0, "a": 30, "b": 6}
        if missing_midas:
            del q[missing_midas]
            missing["midas"] = {missing_midas: MissingReason.DECLINED}
        responses["midas"] = q
    if d.expects("fss"):
        responses["fss"] = {str(i): fss for i in range(1, 10)}
    flows: tuple[FlowMeasurement, ...] = ()
    if d.expects("flow"):
        flows = (FlowMeasurement(Side.LEFT, Posture.SUPINE, Decimal(flow) + Decimal("0.5")),
                 FlowMeasurement(Side.RIGHT, Posture.SUPINE, Decimal(flow)))
    return VisitContent(responses=responses, missing=missing, flows=flows)


def make_patient(db: Database, actor: Actor, code: str, pta: date, *,
                 subtype: MsSubtype = MsSubtype.RR, headache: bool = True,
                 fatigue: bool = True, labels: Iterable[str] = LABELS,
                 values: Mapping[str, tuple[int, int, int]] | None = None,
                 missing_midas: Mapping[str, str] | None = None,
                 second_pta: date | None = None, seed: int = 0) -> int:
    """A patient with complete visits on their target dates. ``values[label]`` = (MIDAS
    total, FSS item value, right supine flow); by default MIDAS falls after PTA."""
    facts = PatientFacts(code, "Test", "Patient", date(1970, 1, 1), Sex.FEMALE, subtype, 1995,
                         headache, fatigue, "")
    procs = [ProcedureFacts(pta)] + ([ProcedureFacts(second_pta)] if second_pta else [])
    pid = patients.create_patient(db, actor, facts, procs)
    default = {"baseline": (30 + seed, 6, 200 + seed), "pta": (0, 0, 420 + 2 * seed),
               "m1": (0, 0, 400 + seed), "m3": (12 + seed % 3, 4, 0),
               "m6": (10 + seed % 4, 4, 380 + seed), "m12": (11, 4, 370 + seed),
               "y2": (9 + seed % 5, 5, 360 + 3 * seed)}
    values = {**default, **(values or {})}
    for label in labels:
        d = schedule.definition(label)
        day = pta - (date.resolution * 3) if label == "baseline" else d.target(pta)
        midas, fss, flow = values[label]
        c = content(label, midas, fss, flow, (missing_midas or {}).get(label))
        visits.save_visit(db, actor, visits.VisitDraft(pid, label, day, c), complete=True,
                          confirm_warnings=True)
    return pid
