"""What a clinician can hand over: the report's layout, scripts, charts and de-identification,
checked on real PDFs parsed back (pypdf: text, text positions, fonts, content streams)."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.pdfbase.pdfmetrics import stringWidth
from tests.conftest import make_facts

from proapp.db.engine import Database
from proapp.domain import schedule
from proapp.domain.actor import Actor
from proapp.domain.answers import MissingReason
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.patient import ProcedureFacts
from proapp.domain.visit import VisitContent
from proapp.reports import charts, document, fonts
from proapp.reports.model import Column, GradeBand, Note, PatientHeader, ReportData, VisitRow
from proapp.reports.rows import COLUMNS
from proapp.services import patients, reports, settings, visits

NURSE = Actor("nurse.layout", role="nurse")
ADMIN = Actor("admin.layout", role="admin")
PTA = date(2010, 1, 15)


def midas(q: tuple[int | None, ...], a: int | None = 30, b: int | None = 5
          ) -> dict[str, int | None]:
    keys = ("q1", "q2", "q3", "q4", "q5")
    return {**{k: v for k, v in zip(keys, q, strict=True) if v is not None}, "a": a, "b": b}


def fss(value: int) -> dict[str, int]:
    return {str(n): value for n in range(1, 10)}


def flows(left: str | None, right: str | None, posture: Posture = Posture.SUPINE
          ) -> tuple[FlowMeasurement, ...]:
    return tuple(FlowMeasurement(side, posture, Decimal(v))
                 for side, v in ((Side.LEFT, left), (Side.RIGHT, right)) if v is not None)


def add(db: Database, pid: int, label: str, day: date, content: VisitContent) -> None:
    visits.save_visit(db, NURSE, visits.VisitDraft(pid, label, day, content), complete=False,
                      confirm_warnings=True)


def new_patient(db: Database, code: str, pta: date | None = PTA, **facts: object) -> int:
    return patients.create_patient(db, NURSE, make_facts(code, **facts),
                                   [ProcedureFacts(pta)] if pta else [])


def write(db: Database, pid: int, tmp_path: Path, **kw: object) -> PdfReader:
    out = reports.write_report(db, NURSE, pid, tmp_path / "r.pdf", **kw)  # type: ignore[arg-type]
    return PdfReader(out)


def page_texts(reader: PdfReader) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in reader.pages]


# ------------------------------------------------------------------ text positions
@dataclass(frozen=True)
class Box:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        eps = 0.3  # touching is not overlapping
        return (self.x0 < other.x1 - eps and other.x0 < self.x1 - eps
                and self.y0 < other.y1 - eps and other.y0 < self.y1 - eps)


def text_boxes(page: object) -> list[Box]:
    """Every piece of text on ``page`` with its box: the position pypdf reports for each text
    operation, the width from the embedded font's own metrics, the cap height of its size."""
    fonts.register()
    boxes: list[Box] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not text.strip() or font is None:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = tm[0] * cm[0] or 1.0
        name = str(font["/BaseFont"]).split("+", 1)[-1]  # type: ignore[index]
        if name == fonts.CJK:
            fonts.line("王")  # registers the CJK font, as drawing one does
        pt = size * scale
        for part in text.splitlines():
            if part.strip():
                w = stringWidth(unicodedata.normalize("NFC", part), name, pt)
                last = boxes[-1] if boxes else None
                if last is not None and (last.x0, last.y0) == (x, y - 0.2 * pt):
                    # pypdf hands one text operation over in pieces (direction runs), all
                    # at the operation's start: they are one box, as wide as all of them
                    boxes[-1] = Box(last.text + part, x, last.y0, last.x1 + w, last.y1)
                    continue
                boxes.append(Box(part, x, y - 0.2 * pt, x + w, y + 0.75 * pt))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return boxes


def overlapping(boxes: list[Box]) -> list[tuple[Box, Box]]:
    out = []
    ordered = sorted(boxes, key=lambda b: b.x0)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b.x0 >= a.x1:
                break
            if a.overlaps(b):
                out.append((a, b))
    return out


def build_widest(db: Database) -> int:
    """Every visit-table column at its widest (MIDAS 270, four-digit flows supine and upright,
    the longest label and months), every kind of note and warning, over 15 years."""
    pid = new_patient(db, "WIDE-1", family_name="Wolfeschlegelsteinhausenbergerdorff",
                      given_name="Maximiliana Konstantina")
    wide = flows("2900.0", "2999.9") + flows("2950.5", "2888.8", Posture.UPRIGHT)
    add(db, pid, "baseline", PTA - timedelta(days=80), VisitContent(
        {"midas": midas((90, 0, 90, 0, 90), a=10, b=0), "fss": fss(7)}, flows=wide))
    add(db, pid, "unscheduled", PTA + timedelta(days=20), VisitContent(
        {"midas": midas((None, None, None, 88, None), a=None, b=None), "fss": {"1": 7}},
        missing={"midas": {"q1": MissingReason.DECLINED, "q2": MissingReason.NOT_ASKED,
                           "q3": MissingReason.UNKNOWN, "a": MissingReason.DECLINED},
                 "fss": {"3": MissingReason.DECLINED}},
        flows=flows("2999.9", None) + flows(None, "2999.9", Posture.UPRIGHT)))
    for year in range(2, 16):
        add(db, pid, "unscheduled", schedule.add_months(PTA, 12 * year) + timedelta(days=40),
            VisitContent({"midas": midas((45, 45, 45, 45, 90), a=9, b=10), "fss": fss(7)},
                         flows=wide))
    return pid


def test_widest_visit_table_has_no_two_texts_overlapping(db: Database, tmp_path: Path) -> None:
    reader = write(db, build_widest(db), tmp_path)
    texts = page_texts(reader)
    assert any("5899.9" in t and "2888.8" in t for t in texts)  # the widest values are there
    assert any("unscheduled" in t and "181.3" in t for t in texts)
    for page in reader.pages:
        boxes = text_boxes(page)
        assert boxes
        assert overlapping(boxes) == []
        width = float(page.mediabox.width)
        assert all(b.x0 >= document.MARGIN_X - 1 and b.x1 <= width - document.MARGIN_X + 1
                   for b in boxes), "text outside the text width"


def test_overlap_check_finds_a_collision(tmp_path: Path) -> None:
    """The checker above can fail: two strings drawn on top of each other are caught."""
    from reportlab.pdfgen.canvas import Canvas

    fonts.register()
    c = Canvas(str(tmp_path / "x.pdf"))
    c.setFont(fonts.REGULAR, 7.3)
    c.drawString(100, 100, "0.0")
    c.drawString(108, 100, "2900.0")
    c.save()
    boxes = text_boxes(PdfReader(tmp_path / "x.pdf").pages[0])
    assert len(overlapping(boxes)) == 1


def test_table_too_wide_for_one_page_is_split_with_notes_in_their_half(db: Database,
                                                                        tmp_path: Path) -> None:
    texts = page_texts(write(db, build_widest(db), tmp_path))
    joined = " ".join(texts)
    assert "Visits: questionnaires" in joined
    assert "Visits: IJV flow (mL/min)" in joined
    # the flow half's row for the visit with a missing right flow carries only flow notes
    flow_part = joined.split("Visits: IJV flow")[1]
    assert "Supine right IJV flow not measured; total not computed" in flow_part


def test_note_marks_in_a_cell_are_in_number_order(db: Database, tmp_path: Path) -> None:
    pid = new_patient(db, "ORDER-1")
    # baseline: item 1 above headache days (warning ⚠1); m3: a declined item (note 2) and
    # the same warning again: the cell must read "⚠1 2", not "2 ⚠1".
    add(db, pid, "baseline", PTA - timedelta(days=5),
        VisitContent({"midas": midas((12, 0, 0, 0, 0), a=10, b=4), "fss": fss(3)},
                     flows=flows("500.0", "300.0")))
    add(db, pid, "m3", schedule.add_months(PTA, 3),
        VisitContent({"midas": midas((12, None, 0, 0, 0), a=10, b=4), "fss": fss(3)},
                     missing={"midas": {"q2": MissingReason.DECLINED}}))
    text = " ".join(page_texts(write(db, pid, tmp_path)))
    assert "draft ⚠1 2 3" in text  # the m3 row: declined item (2), no total (3), warning 1
    assert "2 3 ⚠1" not in text


# ------------------------------------------------------------------ page 1, pages, header
def test_page_one_is_the_summary_for_typical_patients(demo_db: Database,
                                                      tmp_path: Path) -> None:
    checked = 0
    for pid in reports.all_patient_ids(demo_db)[::7]:
        item = next(reports.load_inputs(demo_db, [pid]))
        if len(item.visits) > 12:
            continue
        data = reports.report_data(item, clinic_name="Clinic")
        first = " ".join((PdfReader(_bytes_io(document.pdf_bytes(data))).pages[0]
                          .extract_text() or "").split())
        for title in ("Patient trend report", "Trends", "Change from baseline to the latest "
                      "visit", "Baseline: the baseline visit"):
            assert title in first, (item.patient.facts.code, title)
        for panel in charts.panels_for(data):
            assert panel.title in first
        checked += 1
    assert checked >= 30


def _bytes_io(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)


def test_long_clinic_name_is_never_clipped(db: Database, tmp_path: Path) -> None:
    clinic = ("Azienda Ospedaliero-Universitaria di Ferrara · Centro Malattie Vascolari · "
              "Ambulatorio Sclerosi Multipla e Insufficienza Venosa Cronica Lungo")[:127]
    assert len(clinic) == 127
    settings.set_value(db, ADMIN, "clinic_name", clinic)
    pid = new_patient(db, "CLINIC-1")
    for year in range(2, 16):
        add(db, pid, f"y{year}", schedule.add_months(PTA, 12 * year),
            VisitContent({"midas": midas((1, 1, 1, 1, 1)), "fss": fss(3)},
                         flows=flows("400.0", "300.0")))
    reader = write(db, pid, tmp_path)
    assert len(reader.pages) >= 2
    for page in reader.pages:
        text = " ".join((page.extract_text() or "").split())
        assert clinic in text  # the whole name on every page: page 1 and the running header
        width = float(page.mediabox.width)
        assert all(b.x1 <= width - document.MARGIN_X + 1 for b in text_boxes(page))


# ------------------------------------------------------------------ notes never alone
def _row(i: int, notes: int) -> VisitRow:
    return VisitRow(date(2010, 1, 1) + timedelta(days=40 * i), "unscheduled", 1.0 + i,
                    {"midas.total": 4, "fss.mean": Decimal("4.00")}, "I", "complete",
                    notes=tuple(Note("midas", f"note {i}-{k}") for k in range(notes)))


def _data(rows: list[VisitRow]) -> ReportData:
    header = PatientHeader("ORPHAN", "Rossi, Anna", date(1975, 4, 12), 50, "F", "RR", True,
                           True, (date(2010, 1, 1),))
    columns: tuple[Column, ...] = tuple(c for c in COLUMNS if c.key in ("midas.total",
                                                                      "fss.mean"))
    return ReportData("Clinic", datetime(2024, 1, 1, 12, 0), "test", header, tuple(rows),
                      columns, (), (GradeBand("I", 0, 5, "little"), GradeBand("II", 6, 10, "mild"),
                                GradeBand("III", 11, 20, "moderate"),
                                GradeBand("IV", 21, None, "severe")), Decimal("4.0"))


@pytest.mark.parametrize("n", range(20, 80, 3))
def test_notes_never_start_a_page_without_table_rows(n: int) -> None:
    reader = PdfReader(_bytes_io(document.pdf_bytes(_data([_row(i, 1 if i % 5 == 0 else 0)
                                                           for i in range(n)]))))
    for page in reader.pages:
        text = " ".join((page.extract_text() or "").split())
        if "Notes " in text and "note 0-0" in text:  # the page where the notes start
            assert "complete" in text, f"{n} visits: the notes start on a page of their own"
            break
    else:
        pytest.fail("no notes found")


# ------------------------------------------------------------------ every script
NAMES = {
    "CJK": ("山田", "太郎"),
    "CJK2": ("王", "小明"),
    "KOREAN": ("김", "민준"),
    "ARABIC": ("عبد الله", "محمد"),
    "HEBREW": ("כהן", "דוד"),
    "GREEK": ("Παπαδοπούλου", "Ελένη"),
    "CYRILLIC": ("Иванов", "Дмитрий"),
}


@pytest.mark.parametrize("code", sorted(NAMES))
def test_every_script_is_drawn_with_embedded_fonts_and_extracts_in_logical_order(
        db: Database, tmp_path: Path, code: str) -> None:
    family, given = NAMES[code]
    pid = new_patient(db, code, family_name=family, given_name=given)
    add(db, pid, "baseline", PTA - timedelta(days=5),
        VisitContent({"midas": midas((1, 1, 1, 1, 1)), "fss": fss(4)}))
    reader = write(db, pid, tmp_path)
    text = unicodedata.normalize("NFKC", " ".join(page_texts(reader)))
    assert f"{family}, {given}" in text  # logical order, the characters as typed
    used = all_fonts(reader)
    assert used and all(embedded for _name, embedded in used), used
    names = {name for name, _e in used}
    if code.startswith(("CJK", "KOREAN")):
        assert any("DroidSansFallback" in n for n in names)
    elif code == "ARABIC":
        assert any("NotoSansArabic" in n for n in names)
    else:
        assert not any("DroidSansFallback" in n for n in names)  # loaded only when needed


def test_arabic_is_joined_and_right_to_left(tmp_path: Path) -> None:
    fonts.register()
    line = fonts.line("محمد عبد الله")
    (run,) = line.runs
    assert run.font == fonts.ARABIC
    # drawn in visual order (the last word first) with the joining forms
    assert unicodedata.normalize("NFKC", run.text[::-1]) == "محمد عبد الله"
    assert any(0xFE70 <= ord(ch) <= 0xFEFF for ch in run.text)
    assert line.actual == "محمد عبد الله"
    mixed = fonts.line("عيادة 12")  # digits inside right-to-left text stay left to right
    assert "12" in "".join(r.text for r in mixed.runs)


def all_fonts(reader: PdfReader) -> set[tuple[str, bool]]:
    """(name, embedded) of every font any page uses."""
    out = set()
    for page in reader.pages:
        res = page["/Resources"].get_object().get("/Font")
        for ref in (res.get_object().values() if res else []):
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            for d in font.get("/DescendantFonts", []) or []:
                desc = desc or d.get_object().get("/FontDescriptor")
            embedded = desc is not None and any(
                k in desc.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            out.add((str(font["/BaseFont"]), embedded))
    return out


def test_only_embedded_fonts_in_every_report(demo_db: Database, tmp_path: Path) -> None:
    reader = PdfReader(reports.write_report(demo_db, NURSE, "DEMO-0001", tmp_path / "d.pdf"))
    used = all_fonts(reader)
    assert used
    assert all(embedded for _name, embedded in used), used
    assert not any("Helvetica" in name for name, _e in used)


# ------------------------------------------------------------------ de-identified
PLANTED = ("Anna Rossi (born 1980-05-05) refused, call husband 0532 123456", "Anna Rossi",
           "1980-05-05", "0532 123456")


def test_deidentified_report_holds_no_free_text_at_all(db: Database, tmp_path: Path) -> None:
    settings.set_value(db, ADMIN, "clinic_name", f"Clinic of {PLANTED[1]} {PLANTED[3]}")
    pid = patients.create_patient(
        db, NURSE, make_facts("DEID-1", family_name="Rossi", given_name="Anna",
                              birth_date=date(1980, 5, 5), notes=PLANTED[0]),
        [ProcedureFacts(PTA, notes=PLANTED[0])])
    add(db, pid, "baseline", PTA - timedelta(days=5), VisitContent(
        {"midas": midas((1, 2, 3, 4, 5))}, skipped={"fss": PLANTED[0], "flow": PLANTED[0]}))
    add(db, pid, "m6", schedule.add_months(PTA, 6), VisitContent(
        {"fss": fss(4)}, skipped={"midas": PLANTED[0]}, flows=flows("500.0", "300.0")))
    # the identified report does print them (so the test could fail) ...
    text = " ".join(page_texts(write(db, pid, tmp_path)))
    assert PLANTED[0] in text
    # ... the de-identified one prints none of them, nor the clinic's own text
    reader = write(db, pid, tmp_path, deidentify=True)
    text = " ".join(page_texts(reader))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    raw = "".join(page.get_contents().get_data().decode("latin-1") for page in reader.pages)
    for needle in (*PLANTED, "Rossi", "Clinic of", "1980"):
        assert needle not in text, needle
        assert needle not in meta, needle
    assert "0532" not in raw
    assert "FSS not collected (the reason is free text, left out of the de-identified " \
           "report)" in text
    assert "MIDAS not collected (the reason is free text" in text
    assert "Flow not measured (the reason is free text" in text
    assert "DEID-1" in text


# ------------------------------------------------------------------ charts
Ops = list[tuple[Any, bytes]]  # (operands, operator) of a content stream


def chart_ops(db: Database, pid: int, width: float = 500.0) -> tuple[charts.TrendChart, Ops]:
    from reportlab.pdfgen.canvas import Canvas

    item = next(reports.load_inputs(db, [pid]))
    data = reports.report_data(item, clinic_name="")
    chart = charts.trend_chart(data, width)
    assert chart is not None
    fonts.register()
    buf = _bytes_io(b"")
    c = Canvas(buf, pagesize=(width, chart.height))
    chart.canv = c
    chart.draw()
    c.showPage()
    c.save()
    page = PdfReader(_bytes_io(buf.getvalue())).pages[0]
    ops: Ops = ContentStream(page.get_contents(), page.pdf).operations
    return chart, ops


def polylines(ops: Ops, rgb: tuple[float, float, float]) -> list[list[float]]:
    """x coordinates of every stroked line path drawn in colour ``rgb``."""
    out: list[list[float]] = []
    colour: tuple[float, ...] = ()
    path: list[float] = []
    for operands, op in ops:
        if op == b"RG":
            colour = tuple(float(v) for v in operands)
        elif op == b"m":
            path = [float(operands[0])]
        elif op == b"l":
            path.append(float(operands[0]))
        elif op == b"S" and len(path) > 1 and all(abs(a - b) < 0.01 for a, b in zip(
                colour, rgb, strict=False)) and len(colour) == 3:
            out.append(path)
            path = []
    return out


def test_missing_values_are_gaps_never_bridged(db: Database) -> None:
    pid = new_patient(db, "GAP-1")
    add(db, pid, "baseline", PTA - timedelta(days=5),
        VisitContent({"midas": midas((2, 2, 2, 2, 2)), "fss": fss(5)}))
    add(db, pid, "m3", schedule.add_months(PTA, 3),  # total missing: a declined item
        VisitContent({"midas": midas((2, None, 2, 2, 2)), "fss": fss(4)},
                     missing={"midas": {"q2": MissingReason.DECLINED}}))
    add(db, pid, "m6", schedule.add_months(PTA, 6),
        VisitContent({"midas": midas((1, 1, 1, 1, 1)), "fss": fss(3)}))
    add(db, pid, "m12", schedule.add_months(PTA, 12),
        VisitContent({"midas": midas((0, 0, 0, 0, 0), a=0, b=0), "fss": fss(3)}))
    chart, ops = chart_ops(db, pid)
    ink = charts.MIDAS_STYLE.colour
    lines = polylines(ops, (ink.red, ink.green, ink.blue))
    m3 = chart.xs[1]
    assert m3 is not None
    gap_x = charts.LEFT_PT + chart.x.to_pt(m3)
    assert lines, "the MIDAS line is drawn"
    for xs in lines:  # no MIDAS segment crosses the m3 visit
        assert not (min(xs) < gap_x < max(xs)), xs
    assert len(lines) == 1  # m6 -> m12 only; the baseline stands alone
    # FSS has no gap: one line through all four visits
    blue = charts.FSS_STYLE.colour
    (fss_line,) = polylines(ops, (blue.red, blue.green, blue.blue))
    assert len(fss_line) == 4


def test_midas_axis_ticks_are_the_grade_cut_offs_and_high_totals_are_written(
        db: Database, tmp_path: Path) -> None:
    pid = new_patient(db, "HIGH-1")
    for label, q in (("baseline", (90, 0, 90, 0, 90)), ("m3", (30, 20, 10, 5, 3)),
                     ("m6", (2, 1, 1, 0, 1))):
        day = PTA - timedelta(days=3) if label == "baseline" else schedule.add_months(
            PTA, int(label[1:]))
        add(db, pid, label, day, VisitContent({"midas": midas(q, a=90, b=9)}))
    scale = charts.midas_scale([270.0, 68.0, 5.0], 100.0)
    assert [tk.value for tk in scale.ticks] == [0, 5, 10, 20, 270]
    assert scale.breaks == (30.0,)
    # 0-30 keeps most of the height whatever the maximum, so the bands stay readable
    assert scale.to_pt(30) == pytest.approx(charts.MIDAS_LOWER_SHARE * 100)
    assert charts.midas_scale([12.0], 100.0).to_pt(20) == pytest.approx(100 * 20 / 30)
    reader = write(db, pid, tmp_path)
    first = page_texts(reader)[0]
    chart_part = first.split("MIDAS total (days, last 3 months)")[1].split("Change from")[0]
    for label in ("270", "68", "axis compressed above 30", "I little or no disability",
                  "IV severe disability"):
        assert label in chart_part, label
    assert overlapping(text_boxes(reader.pages[0])) == []


def test_every_series_differs_by_dash_and_marker() -> None:
    styles = [s for _k, _l, s in charts.FLOW_SERIES]
    assert len({s.dash for s in styles}) == len(styles)
    assert len({s.marker for s in styles}) == len(styles)
    assert charts.PTA_DASH != charts.FSS_THRESHOLD_DASH
    assert charts.PTA_DASH not in {s.dash for s in styles}


def test_dashes_reach_the_pdf(db: Database) -> None:
    pid = new_patient(db, "DASH-1")
    add(db, pid, "baseline", PTA - timedelta(days=5), VisitContent(
        {"midas": midas((2, 2, 2, 2, 2)), "fss": fss(5)},
        flows=flows("500.0", "300.0") + flows("200.0", "100.0", Posture.UPRIGHT)))
    add(db, pid, "m6", schedule.add_months(PTA, 6), VisitContent(
        {"midas": midas((1, 1, 1, 1, 1)), "fss": fss(3)},
        flows=flows("600.0", "350.0") + flows("250.0", "150.0", Posture.UPRIGHT)))
    _chart, ops = chart_ops(db, pid)
    dashes = {tuple(round(float(v), 2) for v in operands[0]) for operands, op in ops
              if op == b"d"}
    for style in [s for _k, _l, s in charts.FLOW_SERIES if s.dash]:
        assert tuple(round(v, 2) for v in style.dash) in dashes
    assert charts.PTA_DASH in dashes
    assert charts.FSS_THRESHOLD_DASH in dashes


def test_one_visit_chart_has_several_ticks_and_long_follow_up_is_in_years(db: Database) -> None:
    pid = new_patient(db, "ONE-1")
    add(db, pid, "baseline", PTA - timedelta(days=5),
        VisitContent({"midas": midas((2, 2, 2, 2, 2))}))
    chart, _ops = chart_ops(db, pid)
    assert len(chart.x.ticks) >= 3
    assert chart.x_title.startswith("Months since PTA")
    for year in (2, 3, 4):
        add(db, pid, f"y{year}", schedule.add_months(PTA, 12 * year),
            VisitContent({"midas": midas((2, 2, 2, 2, 2))}))
    chart, _ops = chart_ops(db, pid)
    assert "then years" in chart.x_title
    assert [tk.label for tk in chart.x.ticks][-1] == "4 y"
    assert chart.x.breaks == (12.0,)
    # the first year gets a quarter of the width: m0 and m12 are far apart, not a spike
    assert chart.x.to_pt(12) - chart.x.to_pt(0) > 0.2 * chart.plot_w
