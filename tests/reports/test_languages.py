"""Reports in the patient's language: the same patient in English and in Italian parsed back
gives the same numbers and translated labels; Italian reports keep the layout rules."""

from __future__ import annotations

import io
import re
import string
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.conftest import make_facts
from tests.reports.test_layout import (
    PTA,
    add,
    build_widest,
    flows,
    fss,
    midas,
    overlapping,
    text_boxes,
)

from proapp.cli import main as cli_main
from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.language import Language
from proapp.domain.patient import ProcedureFacts
from proapp.domain.visit import VisitContent
from proapp.reports import document
from proapp.reports.texts import ENGLISH, ITALIAN
from proapp.services import patients, reports

NURSE = Actor("nurse.lang", role="nurse")
NOW = datetime(2024, 5, 6, 10, 30).astimezone()

# Labels of the English report that an Italian one must not print (and the other way round).
ENGLISH_LABELS = ("Patient trend report", "Trends", "Change from baseline", "Birth date",
                  "MS subtype", "Headache-positive", "Months since PTA", "Visits",
                  "significant fatigue", "no baseline value", "complete", "page 1 of")
ITALIAN_LABELS = ("Referto di andamento del paziente", "Andamento", "Variazione dal basale",
                  "Data di nascita", "Forma di SM", "Positivo per cefalea", "Visite",
                  "fatica significativa", "completa", "pagina 1 di")


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())


def numbers(text: str, language: Language) -> Counter[str]:
    """Every number and date of a report's text, written the English way."""
    if language is Language.ITALIAN:
        text = re.sub(r"\b(\d{2})/(\d{2})/(\d{4})\b", r"\3-\2-\1", text)
        text = re.sub(r"(\d),(\d)", r"\1.\2", text)
    return Counter(re.findall(r"\d{4}-\d{2}-\d{2}|\d+(?:\.\d+)?", text))


def report(db: Database, pid: int, language: Language | None) -> tuple[bytes, Language]:
    item = next(reports.load_inputs(db, [pid]))
    data = reports.report_data(item, clinic_name="Clinica", now=NOW, language=language)
    return document.pdf_bytes(data), data.language


def test_catalogues_have_the_same_keys_and_placeholders() -> None:
    assert set(ENGLISH) == set(ITALIAN)

    def names(text: str) -> set[str]:
        return {n for _t, n, _s, _c in string.Formatter().parse(text) if n}

    assert [k for k in ENGLISH if names(ENGLISH[k]) != names(ITALIAN[k])] == []


def test_same_patient_in_both_languages_same_numbers_translated_labels(demo_db: Database
                                                                        ) -> None:
    checked = 0
    for pid in reports.all_patient_ids(demo_db)[:40:4]:
        en_pdf, en = report(demo_db, pid, Language.ENGLISH)
        it_pdf, it = report(demo_db, pid, Language.ITALIAN)
        assert (en, it) == (Language.ENGLISH, Language.ITALIAN)
        en_text, it_text = text_of(en_pdf), text_of(it_pdf)
        assert numbers(en_text, en) == numbers(it_text, it), pid
        assert [x for x in ENGLISH_LABELS if x in it_text] == []
        assert [x for x in ITALIAN_LABELS if x not in it_text] == []
        assert [x for x in ITALIAN_LABELS if x in en_text] == []
        assert re.search(r"\d,\d", it_text) and not re.search(r"\d,\d", en_text)
        checked += 1
    assert checked == 10


def test_the_patients_language_is_the_default(db: Database, tmp_path: Path) -> None:
    pid = patients.create_patient(db, NURSE, make_facts("IT-1", language=Language.ITALIAN),
                                  [ProcedureFacts(PTA)])
    add(db, pid, "baseline", PTA, VisitContent({"midas": midas((1, 2, 3, 4, 5)),
                                                "fss": fss(4)}, flows=flows("400.5", "300.0")))
    pdf, lang = report(db, pid, None)
    assert lang is Language.ITALIAN
    text = text_of(pdf)
    assert "Referto di andamento del paziente" in text and "400,5" in text
    assert "15/01/2010 basale" in text  # the change table: date and label in Italian
    pdf, lang = report(db, pid, Language.ENGLISH)
    assert lang is Language.ENGLISH and "400.5" in text_of(pdf)
    out = reports.write_report(db, NURSE, pid, tmp_path / "r.pdf")
    assert "Referto di andamento" in text_of(out.read_bytes())


def test_widest_italian_visit_table_has_no_two_texts_overlapping(db: Database,
                                                                 tmp_path: Path) -> None:
    pid = build_widest(db)
    out = reports.write_report(db, NURSE, pid, tmp_path / "r.pdf", language=Language.ITALIAN)
    reader = PdfReader(out)
    assert "5899,9" in text_of(out.read_bytes())
    for page in reader.pages:
        boxes = text_boxes(page)
        assert boxes and overlapping(boxes) == []
        width = float(page.mediabox.width)
        assert all(b.x0 >= document.MARGIN_X - 1 and b.x1 <= width - document.MARGIN_X + 1
                   for b in boxes), "text outside the text width"


def test_demo_footer_never_runs_into_the_generation_time(demo_db: Database) -> None:
    pid = reports.all_patient_ids(demo_db)[0]
    for language in Language:
        pdf, _ = report(demo_db, pid, language)
        for page in PdfReader(io.BytesIO(pdf)).pages:
            assert overlapping(text_boxes(page)) == []


def test_cli_lang_and_parallel_workers_keep_each_patients_language(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    it = patients.create_patient(db, NURSE, make_facts("LANG-IT", language=Language.ITALIAN),
                                 [ProcedureFacts(PTA)])
    en = patients.create_patient(db, NURSE, make_facts("LANG-EN"), [ProcedureFacts(PTA)])
    for pid in (it, en):
        add(db, pid, "baseline", PTA, VisitContent({"midas": midas((1, 2, 3, 4, 5)),
                                                    "fss": fss(4)}))
    url = db.url
    assert cli_main(["report", "--db", url, "LANG-EN", "-o", str(tmp_path / "a.pdf"),
                     "--lang", "it"]) == 0
    assert "Referto di andamento" in text_of((tmp_path / "a.pdf").read_bytes())
    out = tmp_path / "all"
    assert cli_main(["report", "--db", url, "--all", "--out-dir", str(out), "--jobs", "2"]) == 0
    assert "Referto di andamento" in text_of((out / "LANG-IT.pdf").read_bytes())
    assert "Patient trend report" in text_of((out / "LANG-EN.pdf").read_bytes())
    assert cli_main(["report", "--db", url, "--all", "--out-dir", str(out), "--jobs", "2",
                     "--lang", "en"]) == 0
    assert "Patient trend report" in text_of((out / "LANG-IT.pdf").read_bytes())
    capsys.readouterr()
