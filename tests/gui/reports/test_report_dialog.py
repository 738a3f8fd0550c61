"""The report preview dialog and the batch export, driven as a user would (pytest-qt)."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QThreadPool

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.visit import VisitContent
from proapp.gui.reports import report_dialog
from proapp.services import visits
from proapp.services.training import demo

# The offscreen platform plugin warns when any top-level window is shown; not our message.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

NURSE = Actor("nurse.gui", role="nurse")


@pytest.fixture(autouse=True)
def no_dangling_tasks() -> Any:
    yield
    assert QThreadPool.globalInstance().waitForDone(30_000), "a background task kept running"


@pytest.fixture
def patient_with_visit(db: Database, patient_id: int) -> int:
    content = VisitContent(
        {"midas": {"q1": 1, "q2": 2, "q3": 3, "q4": 4, "q5": 5, "a": 20, "b": 6},
         "fss": {str(n): 6 for n in range(1, 10)}},
        flows=(FlowMeasurement(Side.LEFT, Posture.SUPINE, Decimal("512.5")),
               FlowMeasurement(Side.RIGHT, Posture.SUPINE, Decimal("300.0"))))
    visits.save_visit(db, NURSE, visits.VisitDraft(patient_id, "baseline",
                                                   date(2014, 3, 10) - timedelta(days=5),
                                                   content), complete=True)
    return patient_id


def test_preview_shows_pages_and_saves_the_same_pdf(qtbot: Any, db: Database,
                                                    patient_with_visit: int,
                                                    tmp_path: Path) -> None:
    dialog = report_dialog.ReportDialog(None, db, NURSE, patient_with_visit)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.ready, timeout=30_000) as blocker:
        dialog.refresh()
    n = blocker.args[0]
    assert n == len(dialog.page_labels) >= 1
    assert all(not label.pixmap().isNull() for label in dialog.page_labels)
    assert dialog.page_labels[0].pixmap().width() > 700  # A4 at 96 dpi is 794 px wide
    assert dialog.save_button.isEnabled()
    assert dialog.print_button.isEnabled()
    assert dialog.suggested_name() == "P001.pdf"
    out = dialog.save_to(tmp_path / "saved")
    assert out.name == "saved.pdf"
    reader = PdfReader(out)
    assert len(reader.pages) == n
    text = " ".join(reader.pages[-1].extract_text().split())
    assert "15 III 20 6 6.00 512.5 300.0 812.5" in text
    assert "P001" in text


def test_preview_options_rebuild_letter_and_deidentified(qtbot: Any, db: Database,
                                                         patient_with_visit: int,
                                                         tmp_path: Path) -> None:
    dialog = report_dialog.ReportDialog(None, db, NURSE, patient_with_visit)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.ready, timeout=30_000):
        dialog.refresh()
    with qtbot.waitSignal(dialog.ready, timeout=30_000):
        dialog.page_size.setCurrentIndex(1)  # US Letter
    with qtbot.waitSignal(dialog.ready, timeout=30_000):
        dialog.deidentify.setChecked(True)
    assert dialog.suggested_name() == "P001-deidentified.pdf"
    reader = PdfReader(dialog.save_to(tmp_path / "d.pdf"))
    assert round(float(reader.pages[0].mediabox.width)) == 612
    text = reader.pages[0].extract_text()
    assert "Rossi" not in text
    assert "1975-04-12" not in text


def test_open_report_dialog_entry_point(qtbot: Any, db: Database, patient_with_visit: int
                                        ) -> None:
    dialog = report_dialog.open_report_dialog(None, db, NURSE, patient_with_visit)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    assert dialog.isVisible()
    assert dialog.page_labels


def test_permission_denied_is_reported(qtbot: Any, db: Database, patient_with_visit: int,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(report_dialog.QMessageBox, "warning",
                        lambda _p, _t, text: shown.append(text))
    dialog = report_dialog.ReportDialog(None, db, Actor("guest"), patient_with_visit)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=30_000):
        dialog.refresh()
    assert shown
    assert "may not" in shown[0]
    assert not dialog.save_button.isEnabled()


@pytest.fixture
def cohort(db: Database) -> list[int]:
    demo.generate(db, 12, 3)
    from proapp.services.reports import all_patient_ids

    return all_patient_ids(db)


def test_batch_export_writes_one_pdf_per_patient(qtbot: Any, db: Database, cohort: list[int],
                                                 tmp_path: Path) -> None:
    results: list[Any] = []
    task = report_dialog.export_reports_for(None, db, NURSE, cohort[:4], directory=tmp_path,
                                            on_finished=results.append)
    assert task is not None
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    paths = results[0]
    assert sorted(p.name for p in paths) == [f"DEMO-{i:04d}.pdf" for i in range(1, 5)]
    for p in paths:
        assert "SYNTHETIC DEMO DATA" in PdfReader(p).pages[0].extract_text()


def test_batch_export_can_be_cancelled(qtbot: Any, db: Database, cohort: list[int],
                                       tmp_path: Path) -> None:
    results: list[Any] = []
    task = report_dialog.export_reports_for(None, db, NURSE, cohort, directory=tmp_path,
                                            on_finished=results.append)
    assert task is not None
    task.cancel()
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    assert results == [None]
    written = list(tmp_path.glob("*.pdf"))
    assert len(written) < len(cohort)
    assert not list(tmp_path.glob(".*.part"))  # no half files
    for p in written:
        assert len(PdfReader(p).pages) >= 1


def test_print_selected_patients_into_one_job(qtbot: Any, db: Database, cohort: list[int],
                                              tmp_path: Path) -> None:
    """Printed to Qt's PDF printer: one job with every page of every selected report."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    results: list[Any] = []
    task = report_dialog.print_reports_for(None, db, NURSE, cohort[:2], printer=printer,
                                           on_finished=results.append)
    assert task is not None
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    expected = 0
    for pid in cohort[:2]:
        built = report_dialog.reports.build_report(db, NURSE, pid)
        expected += len(PdfReader(io.BytesIO(built.pdf)).pages)
    assert results == [expected]
    assert len(PdfReader(out).pages) == expected


def test_closing_while_building_cancels_cleanly(qtbot: Any, db: Database,
                                                patient_with_visit: int) -> None:
    dialog = report_dialog.open_report_dialog(None, db, NURSE, patient_with_visit)
    task = dialog._task
    assert task is not None
    with qtbot.waitSignal(dialog.destroyed, timeout=30_000):
        dialog.close()
    assert task.progress.cancelled
