"""Render trend-report pages to PNG with pdftoppm, to look at them.

    python scripts/render_report_pages.py OUT_DIR [--db PATH --patient CODE ...]
        [--page-size a4|letter] [--dpi 80] [--deidentify]

Without --db it builds a scratch database with demo patients and one patient for each edge
case (no visits, one visit, only questionnaires, only flow, 15 years of visits, no PTA yet,
missing answers and skipped forms, MIDAS totals up to 270, a CJK name, an Arabic name with a
Hebrew/Arabic clinic name, a 127-character clinic name, the widest visit table) and renders
all of them; --deidentify renders the de-identified variant (EDGE-MISSING carries planted
names and phone numbers in its free text, which must not appear). Each report's pages
become OUT_DIR/<code>-<page>.png. Needs pdftoppm (poppler-utils; scripts/install-system-deps.sh).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.domain import schedule
from proapp.domain.actor import Actor
from proapp.domain.answers import MissingReason
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.patient import MsSubtype, PatientFacts, ProcedureFacts, Sex
from proapp.domain.visit import VisitContent
from proapp.services import patients, reports, settings, visits
from proapp.services.training import demo

ACTOR = Actor("script:render", role="nurse")
ADMIN = Actor("script:render-admin", role="admin")
CLINIC = "MS-Ambulanz Süd · Venous Clinic"


def _facts(code: str, family: str = "Rossi", given: str = "Anna") -> PatientFacts:
    return PatientFacts(code, family, given, date(1972, 6, 3), Sex.FEMALE, MsSubtype.RR, 1999,
                        True, True)


def _midas(q: tuple[int | None, ...], a: int | None = 30, b: int | None = 5
           ) -> dict[str, int]:
    """MIDAS answers; a None item (or A, B) is left unanswered."""
    keys = ("q1", "q2", "q3", "q4", "q5", "a", "b")
    return {k: v for k, v in zip(keys, (*q, a, b), strict=True) if v is not None}


def _fss(v: int) -> dict[str, int]:
    return {str(n): v for n in range(1, 10)}


def _flow(left: str | None, right: str | None, posture: Posture = Posture.SUPINE
          ) -> tuple[FlowMeasurement, ...]:
    return tuple(FlowMeasurement(s, posture, Decimal(v))
                 for s, v in ((Side.LEFT, left), (Side.RIGHT, right)) if v is not None)


def _visit(db: Database, pid: int, label: str, day: date, content: VisitContent) -> None:
    visits.save_visit(db, ACTOR, visits.VisitDraft(pid, label, day, content),
                      complete=False, confirm_warnings=True)


LONG_CLINIC = ("Azienda Ospedaliero-Universitaria di Ferrara · Centro Malattie Vascolari · "
               "Ambulatorio Sclerosi Multipla e Insufficienza Venosa Cronica")[:127]
PLANTED = "Anna Rossi (born 1980-05-05) refused, call husband 0532 123456"


def build_edge_cases(db: Database) -> list[tuple[str, str | None]]:
    """One patient per edge case; returns (code, clinic name to print or None for the
    default) in the order to render."""
    pta = date(2013, 4, 2)
    codes: list[tuple[str, str | None]] = []

    def patient(code: str, with_pta: bool = True, clinic: str | None = None,
                first_pta: date = pta, **kw: str) -> int:
        codes.append((code, clinic))
        return patients.create_patient(db, ACTOR, _facts(code, **kw),
                                       [ProcedureFacts(first_pta)] if with_pta else [])

    patient("EDGE-NOVISITS")
    pid = patient("EDGE-ONEVISIT")
    _visit(db, pid, "baseline", pta - timedelta(days=5), VisitContent(
        {"midas": _midas((5, 5, 5, 5, 5)), "fss": _fss(6)}, flows=_flow("420.0", "380.5")))
    pid = patient("EDGE-QONLY")
    for label, q in (("m3", (1, 2, 0, 0, 1)), ("m6", (3, 3, 3, 3, 3)), ("m12", (6, 6, 6, 6, 6))):
        _visit(db, pid, label, schedule.definition(label).target(pta),
               VisitContent({"midas": _midas(q), "fss": _fss(4)}))
    pid = patient("EDGE-FLOWONLY")
    for label, left, right in (("pta", "600.0", "350.0"), ("m1", "640.0", None),
                               ("m6", "700.0", "410.0")):
        _visit(db, pid, label, schedule.definition(label).target(pta),
               VisitContent(flows=_flow(left, right) + _flow("300.0", "150.0", Posture.UPRIGHT)))
    long_pta = date(2010, 1, 15)
    pid = patient("EDGE-15YEARS", family="Dvořák Øster", given="Łukasz Ñúñez",
                  first_pta=long_pta)
    _visit(db, pid, "baseline", long_pta - timedelta(days=7), VisitContent(
        {"midas": _midas((9, 9, 9, 9, 9)), "fss": _fss(6)}, flows=_flow("300.0", "200.0")))
    for label in ("pta", "m1", "m3", "m6", "m12"):
        _visit(db, pid, label, schedule.definition(label).target(long_pta), VisitContent(
            {"midas": _midas((2, 2, 2, 2, 2)), "fss": _fss(4)}, flows=_flow("450.0", "350.0")))
    for year in range(2, 16):
        d = schedule.add_months(long_pta, 12 * year)
        if d > date.today():
            break
        for extra in range(2):
            _visit(db, pid, "unscheduled", d + timedelta(days=30 + 60 * extra),
                   VisitContent({"fss": _fss(3 + extra)}))
        _visit(db, pid, f"y{year}", d, VisitContent(
            {"midas": _midas((1, 1, 1, 1, year)), "fss": _fss(3)},
            flows=_flow(f"{400 + year}.0", "300.0")))
    pid = patient("EDGE-NOPTA", with_pta=False)
    _visit(db, pid, "baseline", date(2021, 5, 1), VisitContent(
        {"midas": _midas((1, 2, 3, 4, 5)), "fss": _fss(5)}, flows=_flow("510.0", "290.0")))
    _visit(db, pid, "unscheduled", date(2021, 11, 3), VisitContent({"fss": _fss(2)}))
    pid = patient("EDGE-MISSING", family="Müller", given="Zoë")
    _visit(db, pid, "baseline", pta - timedelta(days=3), VisitContent(
        {"midas": _midas((12, 3, 1, 0, 4), a=10, b=0), "fss": _fss(5)},
        flows=_flow("500.0", "300.0")))
    _visit(db, pid, "m3", schedule.definition("m3").target(pta), VisitContent(
        {"midas": _midas((3, None, 4, 5, 6)), "fss": {"1": 4, "2": 5}},
        missing={"midas": {"q2": MissingReason.DECLINED},
                 "fss": {"3": MissingReason.NOT_ASKED}}))
    _visit(db, pid, "m6", schedule.definition("m6").target(pta) + timedelta(days=45),
           VisitContent({"midas": _midas((0, 0, 0, 0, 0), a=0, b=0)},
                        skipped={"fss": PLANTED, "flow": "scanner broken"}))
    _visit(db, pid, "m12", schedule.definition("m12").target(pta), VisitContent(
        {"midas": _midas((4, 4, 4, 4, 4)), "fss": _fss(5)}, flows=_flow("520.0", "310.0")))
    pid = patient("EDGE-MIDAS270", family="Bianchi", given="Carla")
    for label, q in (("baseline", (90, 0, 90, 0, 90)), ("m3", (30, 20, 10, 5, 3)),
                     ("m6", (5, 2, 1, 1, 1)), ("m12", (60, 10, 40, 10, 50))):
        day = (pta - timedelta(days=4) if label == "baseline"
               else schedule.definition(label).target(pta))
        _visit(db, pid, label, day, VisitContent(
            {"midas": _midas(q, a=90, b=9), "fss": _fss(6)}, flows=_flow("380.0", "260.0")))
    pid = patient("EDGE-CJK", family="山田", given="太郎 (王小明)")
    _visit(db, pid, "baseline", pta - timedelta(days=5), VisitContent(
        {"midas": _midas((3, 3, 3, 3, 3)), "fss": _fss(5)}, flows=_flow("420.0", "380.5")))
    _visit(db, pid, "m3", schedule.definition("m3").target(pta), VisitContent(
        {"midas": _midas((1, 1, 1, 1, 1)), "fss": _fss(3)},
        skipped={}))
    pid = patient("EDGE-ARABIC", family="عبد الله", given="محمد", clinic="مركز الأعصاب · דוד כהן")
    _visit(db, pid, "baseline", pta - timedelta(days=5), VisitContent(
        {"midas": _midas((3, 3, 3, 3, 3)), "fss": _fss(5)}, flows=_flow("420.0", "380.5")))
    _visit(db, pid, "m6", schedule.definition("m6").target(pta), VisitContent(
        {"midas": _midas((1, 1, 1, 1, 1))}, skipped={"fss": "المريض متعب جدا", "flow": "—"}))
    pid = patient("EDGE-LONGCLINIC", clinic=LONG_CLINIC, first_pta=long_pta)
    _visit(db, pid, "baseline", long_pta - timedelta(days=5), VisitContent(
        {"midas": _midas((3, 3, 3, 3, 3)), "fss": _fss(5)}, flows=_flow("420.0", "380.5")))
    for year in range(2, 16):  # enough visits for a second page and its running header
        d = schedule.add_months(long_pta, 12 * year)
        if d > date.today():
            break
        _visit(db, pid, f"y{year}", d, VisitContent(
            {"midas": _midas((1, 1, 1, 1, 1)), "fss": _fss(3)}, flows=_flow("410.0", "300.0")))
    pid = patient("EDGE-WIDEST", family="Wolfeschlegelsteinhausenbergerdorff-Montgomery",
                  given="Maximiliana Konstantina Bartholomäa", first_pta=long_pta)
    build_widest(db, pid, long_pta)
    return codes


def build_widest(db: Database, pid: int, pta: date) -> None:
    """The widest rows a visit can produce: every column filled at its widest (MIDAS 270,
    flows of 4 digits, upright too), every kind of note and warning at once."""
    wide = (_flow("2900.0", "2999.9") + _flow("2950.5", "2888.8", Posture.UPRIGHT))
    _visit(db, pid, "baseline", pta - timedelta(days=80), VisitContent(
        {"midas": _midas((90, 0, 90, 0, 90), a=10, b=0), "fss": _fss(7)}, flows=wide))
    _visit(db, pid, "unscheduled", pta + timedelta(days=20), VisitContent(
        {"midas": _midas((None, None, None, 88, None), a=None, b=None),
         "fss": {"1": 7, "2": 1}},
        missing={"midas": {"q1": MissingReason.DECLINED, "q2": MissingReason.NOT_ASKED,
                           "q3": MissingReason.UNKNOWN, "a": MissingReason.DECLINED},
                 "fss": {"3": MissingReason.DECLINED, "4": MissingReason.NOT_ASKED}},
        flows=_flow("2999.9", None) + _flow(None, "2999.9", Posture.UPRIGHT)))
    for year in range(2, 16):
        d = schedule.add_months(pta, 12 * year)
        if d > date.today():
            break
        _visit(db, pid, "unscheduled", d + timedelta(days=40), VisitContent(
            {"midas": _midas((45, 45, 45, 45, 90), a=9, b=10), "fss": _fss(7)},
            flows=wide))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--db", help="an existing database (default: a scratch one)")
    ap.add_argument("--patient", action="append", default=[], metavar="CODE")
    ap.add_argument("--page-size", default="a4", choices=("a4", "letter"))
    ap.add_argument("--dpi", type=int, default=80)
    ap.add_argument("--deidentify", action="store_true")
    args = ap.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: run scripts/install-system-deps.sh", file=sys.stderr)
        return 1
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            db = open_database(args.db)
            codes = args.patient or ["DEMO-0001"]
            clinic_of = {}
        else:
            db = open_database(Path(tmp) / "scratch.db")
            demo.generate(db, 6, 2011)
            cases = [("DEMO-0001", None), ("DEMO-0002", None), *build_edge_cases(db)]
            codes = args.patient or [code for code, _clinic in cases]
            clinic_of = dict(cases)
        try:
            for code in codes:
                pdf = args.out_dir / f"{code}.pdf"
                if not args.db:
                    settings.set_value(db, ADMIN, "clinic_name", clinic_of.get(code) or CLINIC)
                reports.write_report(db, ACTOR, code, pdf, page_size=args.page_size,
                                     deidentify=args.deidentify)
                subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", str(pdf),
                                str(args.out_dir / code)], check=True)
                pages = sorted(args.out_dir.glob(f"{code}-*.png"))
                print(f"{code}: {len(pages)} page(s) -> {', '.join(p.name for p in pages)}")
        finally:
            db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
