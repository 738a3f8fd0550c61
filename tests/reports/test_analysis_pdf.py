"""The cohort analysis PDF, written from the demo cohort and parsed back with pypdf."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.reports.test_document import flat, image_xobjects

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.cohort import Plan
from proapp.reports.analysis.document import build_pdf
from proapp.services.analysis import analyse_to_folder, run_analysis


@pytest.fixture(scope="module")
def written(demo_template: Path, tmp_path_factory: pytest.TempPathFactory):
    from proapp.db.migrate import open_database

    folder = tmp_path_factory.mktemp("analysis-pdf")
    copy = folder / "demo.db"
    shutil.copyfile(demo_template, copy)
    db = open_database(copy)
    try:
        result, _paths = analyse_to_folder(db, Actor("nurse.test", role="nurse"),
                                           folder / "out", Plan(date(2017, 12, 31)))
    finally:
        db.dispose()
    return result, folder / "out"


def test_the_pdf_says_what_data_rules_and_software_made_it(written) -> None:
    result, folder = written
    reader = PdfReader(folder / "analysis.pdf")
    text = flat(reader)
    assert "Cohort analysis" in text and "SYNTHETIC DEMO DATA" in text
    assert "Cut-off date 2017-12-31" in text
    assert result.meta.snapshot_sha256 in text
    for name, version in result.meta.versions:
        assert f"{name} {version}" in text
    for rule in ("Final follow-up: the latest completed visit labelled m6 or later",
                 "Repeat PTA: time points count from the first PTA",
                 "MIDAS total: analysed in Headache+ all, Headache+ RR"):
        assert rule in text
    with open(folder / "friedman.csv", encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):  # every statistic of the CSV is printed as it is
            assert row["statistic"] in text and row["p_value"] in text
    assert "Tested (n = 70) · Friedman p = 1.764e-16" in text  # headache+ RR, MIDAS
    assert 6 <= len(reader.pages) <= 14
    assert image_xobjects(reader) == 0  # the figures are vector graphics
    assert reader.metadata.title == "Cohort analysis"


def test_small_or_empty_results_still_make_a_pdf(db: Database, tmp_path: Path) -> None:
    result = run_analysis(db, Actor("nurse.test", role="nurse"), Plan(date(2017, 12, 31)))
    build_pdf(result, str(tmp_path / "empty.pdf"))
    text = flat(PdfReader(tmp_path / "empty.pdf"))
    assert "too few for the test (n = 0)" in text and "Patients read 0" in text
