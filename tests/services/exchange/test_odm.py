"""CDISC ODM 1.3.2: the export validates against the ODM 1.3.2 schema (the XSD as packaged
by odmlib, checked with lxml), and its structure carries the definitions, every visit, every
PTA, the signatures and the change log as audit records."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree
from tests.conftest import make_facts
from tests.services.exchange.helpers import count
from tests.support.staff import PASSWORD, Staff

from proapp.db.engine import Database
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.midas import MIDAS
from proapp.domain.patient import ProcedureFacts, PtaSide
from proapp.domain.visit import VisitContent
from proapp.services import patients, visits
from proapp.services.exchange import odm
from proapp.services.exchange.export import run_export
from proapp.services.visits.signing import sign_visit

NS = {"o": odm.NS}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    import odmlib

    folder = Path(os.path.dirname(odmlib.__file__)) / "schemas" / "odm" / "1.3.2"
    return etree.XMLSchema(etree.parse(str(folder / "ODM1-3-2.xsd")))


def valid(schema: etree.XMLSchema, path: Path) -> etree._ElementTree:
    doc = etree.parse(str(path))
    if not schema.validate(doc):
        raise AssertionError("\n".join(f"line {e.line}: {e.message}"
                                       for e in list(schema.error_log)[:20]))
    return doc


def test_the_schema_check_can_fail(schema: etree.XMLSchema, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text(f'<ODM xmlns="{odm.NS}" FileType="Snapshot" FileOID="x" '
                   'CreationDateTime="2020-01-01T00:00:00"><Study OID="S"/></ODM>')
    with pytest.raises(AssertionError, match="GlobalVariables"):
        valid(schema, bad)


def test_demo_export_validates_and_holds_every_visit(demo_db: Database, tmp_path: Path,
                                                     schema: etree.XMLSchema) -> None:
    from tests.services.exchange.helpers import NURSE

    result = run_export(demo_db, NURSE, "odm", tmp_path / "o")
    doc = valid(schema, tmp_path / "o" / odm.ODM_FILE)
    root = doc.getroot()
    assert root.get("ODMVersion") == "1.3.2"
    mdv = root.find("o:Study/o:MetaDataVersion", NS)
    events = {e.get("Name"): e for e in mdv.findall("o:StudyEventDef", NS)}
    assert {"Enrolment", "Baseline (before PTA)", "PTA (after the procedure)",
            "3 months"} <= set(events)
    forms = {f.get("OID") for f in mdv.findall("o:FormDef", NS)}
    assert forms == {"F.PATIENT", "F.PROCEDURE", "F.VISIT", "F.MIDAS", "F.FSS", "F.FLOW"}
    items = {i.get("OID"): i for i in mdv.findall("o:ItemDef", NS)}
    q1 = items["I.MIDAS_Q1"]
    assert q1.get("DataType") == "integer"
    assert q1.find("o:Question/o:TranslatedText", NS).text == MIDAS.items[0].text
    checks = {r.get("Comparator"): r.find("o:CheckValue", NS).text
              for r in q1.findall("o:RangeCheck", NS)}
    assert checks == {"GE": "0", "LE": "90"}
    lists = {c.get("OID") for c in mdv.findall("o:CodeList", NS)}
    assert items["I.SEX"].find("o:CodeListRef", NS).get("CodeListOID") in lists
    assert items["I.FSS_MEAN"].get("SignificantDigits") == "2"
    # every ItemData names a defined item; every visit is one event
    clinical = root.find("o:ClinicalData", NS)
    used = {d.get("ItemOID") for d in clinical.iter(f"{{{odm.NS}}}ItemData")}
    assert used <= set(items)
    subjects = clinical.findall("o:SubjectData", NS)
    assert len(subjects) == result.patients == 286
    visit_events = [e for s in subjects for e in s.findall("o:StudyEventData", NS)
                    if e.get("StudyEventOID") != "SE.ENROLMENT"]
    assert len(visit_events) == result.visits
    assert all(e.find("o:AuditRecord", NS) is not None for e in visit_events)
    with demo_db.engine.connect() as conn:
        logged = conn.exec_driver_sql(
            "SELECT count(*) FROM change_log WHERE patient_id IS NOT NULL").scalar_one()
    audit = clinical.find("o:AuditRecords", NS).findall("o:AuditRecord", NS)
    assert len(audit) == logged > 0


def test_ptas_signatures_and_audit_trail(db: Database, staff: Staff, tmp_path: Path,
                                         schema: etree.XMLSchema) -> None:
    pid = patients.create_patient(db, staff.nurse, make_facts("O-1"), [
        ProcedureFacts(date(2014, 3, 10)), ProcedureFacts(date(2015, 1, 5), PtaSide.RIGHT)])
    flows = (FlowMeasurement(Side.LEFT, Posture.SUPINE, Decimal("300.5")),
             FlowMeasurement(Side.RIGHT, Posture.SUPINE, None, Decimal("20.00"),
                             Decimal("0.250")))
    v = visits.save_visit(db, staff.nurse, visits.VisitDraft(
        pid, "pta", date(2014, 3, 10), VisitContent(flows=flows)), complete=True,
        confirm_warnings=True)
    sign_visit(db, staff.clinician, v.id, PASSWORD, expected_version=v.version)
    run_export(db, staff.nurse, "odm", tmp_path / "o")
    root = valid(schema, tmp_path / "o" / odm.ODM_FILE).getroot()
    subject = root.find("o:ClinicalData/o:SubjectData", NS)
    enrolment = subject.find("o:StudyEventData", NS)
    procs = [(f.get("FormRepeatKey"), {d.get("ItemOID"): d.get("Value")
                                       for d in f.iter(f"{{{odm.NS}}}ItemData")})
             for f in enrolment.findall("o:FormData[@FormOID='F.PROCEDURE']", NS)]
    assert procs == [("1", {"I.PROCEDURE_DATE": "2014-03-10",
                            "I.PROCEDURE_SIDE": "bilateral"}),
                     ("2", {"I.PROCEDURE_DATE": "2015-01-05", "I.PROCEDURE_SIDE": "right"})]
    (visit,) = subject.findall("o:StudyEventData[@StudyEventOID='SE.PTA']", NS)
    signature = visit.find("o:Signature", NS)
    users = {u.get("OID"): u.find("o:LoginName", NS).text
             for u in root.findall("o:AdminData/o:User", NS)}
    assert users[signature.find("o:UserRef", NS).get("UserOID")] == "doc"
    audit = visit.find("o:AuditRecord", NS)
    assert users[audit.find("o:UserRef", NS).get("UserOID")] == "nina"
    flow = {d.get("ItemOID"): d.get("Value") for d in visit.iter(f"{{{odm.NS}}}ItemData")}
    assert flow["I.FLOW_SUPINE_RIGHT_ML_MIN"] == "300.0"  # 20 cm/s x 0.25 cm2 x 60
    assert flow["I.FLOW_SUPINE_RIGHT_VELOCITY_CM_S"] == "20.00"
    trail = root.findall("o:ClinicalData/o:AuditRecords/o:AuditRecord", NS)
    assert len(trail) == count(db, "change_log") - _unrelated(db)
    assert any("sign visit" in a.find("o:SourceID", NS).text for a in trail)


def _unrelated(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.exec_driver_sql(
            "SELECT count(*) FROM change_log WHERE patient_id IS NULL").scalar_one())
