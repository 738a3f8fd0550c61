"""Trend reports: real PDFs written from real SQLite files, parsed back with pypdf."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from tests.conftest import make_facts

from proapp.cli import main as cli_main
from proapp.db.engine import Database
from proapp.domain import schedule
from proapp.domain.actor import Actor
from proapp.domain.answers import MissingReason
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.patient import ProcedureFacts
from proapp.domain.visit import VisitContent
from proapp.reports import rows as report_rows
from proapp.services import patients, reports, settings, visits
from proapp.services.errors import PermissionDenied, UserError
from proapp.services.training import demo

NURSE = Actor("nurse.report", role="nurse")
# Page counts of the edge-case reports (A4): page 1 holds the header, the charts and the change
# table; the visit table follows (on page 1 too when it is short).
PAGES = {"one": 1, "questionnaires": 1, "flow": 1, "no_pta": 1}
PTA = date(2014, 3, 10)


def midas(q: tuple[int | None, ...], a: int | None = 30,
          b: int | None = 5) -> dict[str, int | None]:
    keys = ("q1", "q2", "q3", "q4", "q5")
    return {**{k: v for k, v in zip(keys, q, strict=True) if v is not None}, "a": a, "b": b}


def fss(value: int) -> dict[str, int]:
    return {str(n): value for n in range(1, 10)}


def flows(left: str | None, right: str | None,
          posture: Posture = Posture.SUPINE) -> tuple[FlowMeasurement, ...]:
    out = []
    for side, v in ((Side.LEFT, left), (Side.RIGHT, right)):
        if v is not None:
            out.append(FlowMeasurement(side, posture, Decimal(v)))
    return tuple(out)


def add_visit(db: Database, pid: int, label: str, day: date, content: VisitContent,
              complete: bool = False) -> None:
    visits.save_visit(db, NURSE, visits.VisitDraft(pid, label, day, content),
                      complete=complete, confirm_warnings=True)


def pdf(db: Database, pid: int, tmp_path: Path, **kw: object) -> tuple[PdfReader, str]:
    out = reports.write_report(db, NURSE, pid, tmp_path / "r.pdf", **kw)  # type: ignore[arg-type]
    reader = PdfReader(out)
    return reader, flat(reader)


def flat(reader: PdfReader) -> str:
    """All text, whitespace collapsed: table cells come out in reading order."""
    return " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())


def image_xobjects(reader: PdfReader) -> int:
    count = 0
    for page in reader.pages:
        res = page.get("/Resources")
        xobjects = res.get_object().get("/XObject") if res is not None else None
        if xobjects is None:
            continue
        for ref in xobjects.get_object().values():
            if ref.get_object().get("/Subtype") == "/Image":
                count += 1
    return count


def embedded_fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font")
        for ref in (fonts.get_object().values() if fonts else []):
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            for d in font.get("/DescendantFonts", []) or []:
                desc = desc or d.get_object().get("/FontDescriptor")
            if desc is not None and "/FontFile2" in desc.get_object():
                names.add(str(font["/BaseFont"]))
    return names


@pytest.fixture
def full_patient(db: Database, patient_id: int) -> int:
    """Baseline, PTA, m3 with a declined MIDAS item, m6, m12."""
    add_visit(db, patient_id, "baseline", PTA - timedelta(days=10),
              VisitContent({"midas": midas((2, 3, 1, 0, 4)), "fss": fss(5)},
                           flows=flows("500.0", "300.0")), complete=True)
    add_visit(db, patient_id, "pta", PTA, VisitContent(flows=flows("610.5", "402.3")),
              complete=True)
    add_visit(db, patient_id, "m3", schedule.add_months(PTA, 3),
              VisitContent({"midas": midas((3, None, 4, 5, 6)), "fss": fss(4)},
                           missing={"midas": {"q2": MissingReason.DECLINED}}), complete=True)
    add_visit(db, patient_id, "m6", schedule.add_months(PTA, 6),
              VisitContent({"midas": midas((0, 0, 0, 0, 0), a=0, b=0), "fss": fss(3)},
                           flows=flows("700.0", "450.0")), complete=True)
    return patient_id


def test_typical_report_numbers_grades_and_vector_charts(db: Database, full_patient: int,
                                                         tmp_path: Path) -> None:
    reader, text = pdf(db, full_patient, tmp_path)
    assert "P001" in text
    assert "Rossi, Anna" in text
    assert "1975-04-12" in text
    assert len(reader.pages) == 2
    # total 10 (grade II), A 30, B 5, FSS 5.00, flows 500.0 / 300.0 / 800.0
    assert "2014-02-28 baseline −0.3 10 II 30 5 5.00 500.0 300.0 800.0 complete" in text
    assert "2014-09-10 m6 6.0 0 I 0 0 3.00 700.0 450.0 1150.0 complete" in text  # a real 0
    # change table: MIDAS total 10 -> 0 is -10 and -100 %; FSS 5.00 -> 3.00 is -2.00, -40 %
    assert re.search(r"MIDAS total \(days\) 10 .*baseline 0 .*m6 −10 −100 %", text)
    assert re.search(r"FSS mean 5.00 .*3.00 .*−2.00 −40 %", text)
    assert image_xobjects(reader) == 0
    assert any("DejaVuSans" in f for f in embedded_fonts(reader))
    assert "Months since PTA (2014-03-10)" in text  # chart axis text is real, selectable text


def test_missing_answers_are_dashes_with_notes_never_zero(db: Database, full_patient: int,
                                                          tmp_path: Path) -> None:
    _reader, text = pdf(db, full_patient, tmp_path)
    # date, label, months, MIDAS total, grade, A, B, FSS, status, note numbers
    assert "2014-06-10 m3 3.0 — — 30 5 4.00 complete 1 2" in text
    assert "MIDAS item 2 not answered (declined to answer)" in text
    assert "MIDAS total and grade not computed" in text


def test_warnings_are_marked_and_listed(db: Database, patient_id: int, tmp_path: Path) -> None:
    # Item 1 (12 days) > A (10 headache days): a soft warning confirmed at entry.
    add_visit(db, patient_id, "m3", schedule.add_months(PTA, 3),
              VisitContent({"midas": midas((12, 0, 0, 0, 0), a=10, b=4), "fss": fss(2)}),
              complete=True)
    _reader, text = pdf(db, patient_id, tmp_path)
    assert "⚠1" in text
    assert "is more than the headache days in item A" in text


def test_no_visits(db: Database, patient_id: int, tmp_path: Path) -> None:
    reader, text = pdf(db, patient_id, tmp_path)
    assert len(reader.pages) == 1
    assert "P001" in text
    assert "No visits are recorded for this patient yet" in text
    assert "page 1 of 1" in text


def test_one_visit(db: Database, patient_id: int, tmp_path: Path) -> None:
    add_visit(db, patient_id, "baseline", PTA - timedelta(days=3),
              VisitContent({"midas": midas((5, 5, 5, 5, 5)), "fss": fss(7)},
                           flows=flows("410.0", "390.0")), complete=True)
    reader, text = pdf(db, patient_id, tmp_path)
    assert "25" in text
    assert " IV " in f" {text} "
    assert "7.00" in text
    assert "800.0" in text
    assert image_xobjects(reader) == 0
    assert "— no later value" in text  # no later visit: no "latest" and no change
    assert len(reader.pages) == PAGES["one"]


def test_only_questionnaires(db: Database, patient_id: int, tmp_path: Path) -> None:
    for label, months, q in (("m3", 3, (1, 1, 1, 1, 1)), ("m6", 6, (4, 4, 4, 4, 4))):
        add_visit(db, patient_id, label, schedule.add_months(PTA, months),
                  VisitContent({"midas": midas(q), "fss": fss(4)}))
    reader, text = pdf(db, patient_id, tmp_path)
    assert "IJV flow" not in text.split("Change from baseline")[0]  # no flow chart
    assert "MIDAS total (days, last 3 months)" in text
    assert "FSS mean (1–7)" in text
    assert "5 I" in text
    assert "20 III" in text
    assert "draft" in text
    assert image_xobjects(reader) == 0
    assert len(reader.pages) == PAGES["questionnaires"]


def test_only_flow(db: Database, patient_id: int, tmp_path: Path) -> None:
    add_visit(db, patient_id, "pta", PTA, VisitContent(flows=flows("600.0", "400.0")))
    add_visit(db, patient_id, "m1", schedule.add_months(PTA, 1),
              VisitContent(flows=flows("650.0", None)))
    reader, text = pdf(db, patient_id, tmp_path)
    assert len(reader.pages) == PAGES["flow"]
    assert "No MIDAS total or FSS mean recorded yet." in text
    assert "1000.0" in text
    assert "Supine right IJV flow not measured; total not computed" in text
    assert "m1 1.0 650.0 — — draft" in text


def test_fifteen_years_spans_pages_with_repeated_header(db: Database, patient_id: int,
                                                        tmp_path: Path) -> None:
    pid = patients.create_patient(db, NURSE, make_facts("LONG-15"),
                                  [ProcedureFacts(date(2008, 1, 15))])
    pta = date(2008, 1, 15)
    add_visit(db, pid, "baseline", pta - timedelta(days=7),
              VisitContent({"midas": midas((9, 9, 9, 9, 9)), "fss": fss(6)},
                           flows=flows("300.0", "200.0")))
    for label in ("pta", "m1", "m3", "m6", "m12"):
        d = schedule.definition(label).target(pta)
        add_visit(db, pid, label, d, VisitContent(
            {"midas": midas((2, 2, 2, 2, 2)), "fss": fss(4)},
            flows=flows("450.0", "350.0"), skipped={}))
    for year in range(2, 16):
        d = schedule.add_months(pta, 12 * year)
        for extra in range(3):  # plus unscheduled visits, as a busy follow-up has
            add_visit(db, pid, "unscheduled", d + timedelta(days=20 + 40 * extra),
                      VisitContent({"fss": fss(3 + extra)}))
        add_visit(db, pid, f"y{year}", d,
                  VisitContent({"midas": midas((1, 1, 1, 1, year)), "fss": fss(3)},
                               flows=flows(f"{400 + year}.0", "300.0")))
    reader, text = pdf(db, pid, tmp_path)
    n = len(reader.pages)
    assert n >= 2
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    for i, ptext in enumerate(pages, start=1):
        assert f"page {i} of {n}" in ptext
        assert "LONG-15" in ptext
    table_pages = [t for t in pages if "unscheduled" in t]
    assert len(table_pages) >= 2
    assert "Years" not in pages[0] and "15 y" in pages[0]  # the axis is in years
    assert "months in the first year, then years" in pages[0]
    assert all("Date Visit Months MIDAS Grade A B FSS" in t for t in table_pages)
    assert "y15" in text
    assert "19 III" in text


def test_no_pta_yet_uses_visit_dates(db: Database, tmp_path: Path) -> None:
    pid = patients.create_patient(db, NURSE, make_facts("NOPTA"))
    add_visit(db, pid, "baseline", date(2020, 5, 1),
              VisitContent({"midas": midas((1, 2, 3, 4, 5)), "fss": fss(5)}))
    add_visit(db, pid, "unscheduled", date(2020, 9, 1), VisitContent({"fss": fss(2)}))
    reader, text = pdf(db, pid, tmp_path)
    assert "none recorded yet" in text
    assert "No PTA date is recorded yet" in text
    assert "Visit date (no PTA recorded yet)" in text
    assert "Date Visit MIDAS Grade A B FSS S L" in text  # no months column
    assert "15 III" in text
    assert image_xobjects(reader) == 0
    assert len(reader.pages) == PAGES["no_pta"]


def test_non_ascii_names_and_deidentified_variant(db: Database, tmp_path: Path) -> None:
    pid = patients.create_patient(db, NURSE, make_facts("NA-1", family_name="Dvořák Øster",
                                                        given_name="Łukasz Ñúñez Müller"),
                                  [ProcedureFacts(PTA)])
    _reader, text = pdf(db, pid, tmp_path)
    assert "Dvořák Øster, Łukasz Ñúñez Müller" in text
    reader, text = pdf(db, pid, tmp_path, deidentify=True)
    assert "Dvořák" not in text
    assert "Łukasz" not in text
    assert "1975-04-12" not in text
    assert "NA-1" in text
    assert "(de-identified)" in text
    assert "Age" in text
    meta: dict[Any, Any] = reader.metadata or {}
    assert all("Dvořák" not in str(v) for v in meta.values())


def test_letter_and_a4_page_sizes(db: Database, full_patient: int, tmp_path: Path) -> None:
    reader, _ = pdf(db, full_patient, tmp_path, page_size="letter")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    reader, _ = pdf(db, full_patient, tmp_path, page_size="A4")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    with pytest.raises(ValueError, match="page size"):
        reports.write_report(db, NURSE, full_patient, tmp_path / "x.pdf", page_size="legal")
    assert not (tmp_path / "x.pdf").exists()


def test_clinic_name_and_demo_marking(demo_db: Database, tmp_path: Path) -> None:
    settings.set_value(demo_db, Actor("admin.report", role="admin"), "clinic_name",
                       "Klinik Süd – MS-Ambulanz")
    reader = PdfReader(reports.write_report(demo_db, NURSE, "DEMO-0001", tmp_path / "d.pdf"))
    pages = [p.extract_text() for p in reader.pages]
    assert "Klinik Süd – MS-Ambulanz" in pages[0]
    assert all("SYNTHETIC DEMO DATA" in p for p in pages)
    assert image_xobjects(reader) == 0


def test_permission_and_no_half_files(db: Database, patient_id: int, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        reports.write_report(db, Actor("nobody"), patient_id, tmp_path / "r.pdf")
    with pytest.raises(UserError, match="does not exist"):
        reports.write_report(db, NURSE, patient_id, tmp_path / "missing" / "r.pdf")
    with pytest.raises(UserError, match="No patient"):
        reports.write_report(db, NURSE, "NOBODY", tmp_path / "r.pdf")
    assert list(tmp_path.glob("*.pdf")) == []
    assert list(tmp_path.glob(".*part")) == []


def test_change_percent_blank_when_baseline_zero() -> None:
    from proapp.reports.model import VisitRow

    def row(d: date, label: str, total: int) -> VisitRow:
        return VisitRow(d, label, None, {"midas.total": total}, None, "complete")

    rows = [row(date(2014, 1, 1), "baseline", 0), row(date(2014, 7, 1), "m6", 7)]
    (c,) = report_rows.changes(rows, [report_rows.COLUMNS[0]], date(2014, 1, 10))
    assert (c.baseline, c.latest, c.absolute, c.percent) == (0, 7, 7, None)
    rows = [row(date(2014, 1, 1), "baseline", 8), row(date(2014, 7, 1), "m6", 2)]
    (c,) = report_rows.changes(rows, [report_rows.COLUMNS[0]], date(2014, 1, 10))
    assert (c.absolute, c.percent) == (-6, Decimal(-75))


def test_cli_single_and_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from proapp.db.migrate import open_database

    path = tmp_path / "small.db"
    database = open_database(path)
    demo.generate(database, 5, 7)
    database.dispose()
    out = tmp_path / "one.pdf"
    assert cli_main(["report", "DEMO-0003", "--db", str(path), "-o", str(out),
                     "--deidentify", "--page-size", "letter"]) == 0
    assert "DEMO-0003" in PdfReader(out).pages[0].extract_text()
    folder = tmp_path / "all"
    assert cli_main(["report", "--all", "--out-dir", str(folder), "--db", str(path),
                     "--jobs", "2"]) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"DEMO-{i:04d}.pdf" for i in range(1, 6)]
    for p in folder.iterdir():
        assert len(PdfReader(p).pages) >= 1
    assert "5 reports written" in capsys.readouterr().out
    assert cli_main(["report", "NOPE", "--db", str(path), "-o", str(out)]) == 1
    assert "No patient with code 'NOPE'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        cli_main(["report", "--all", "--db", str(path)])
    assert exc.value.code == 2
