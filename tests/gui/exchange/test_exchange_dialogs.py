"""The export and import dialogs, driven as a user does (pytest-qt, real database files)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget
from tests.services.exchange.helpers import ADMIN, NURSE, count, digest, write_csv

from proapp.db.engine import Database
from proapp.gui.exchange.export_dialog import ExportDialog
from proapp.gui.exchange.import_dialog import FindingsModel, ImportDialog
from proapp.services.exchange.export import Format
from proapp.services.exchange.importer import Finding

# The offscreen platform says it cannot propagate size hints when a window is shown.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture(autouse=True)
def no_dangling_tasks():
    yield
    assert QThreadPool.globalInstance().waitForDone(10_000)


def _choose(dialog: ExportDialog, fmt: Format) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))


def test_export_dialog_writes_the_chosen_format(qtbot, demo_db: Database,
                                                tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ExportDialog(parent, demo_db, NURSE)
    dialog.open()  # as File > Export does
    assert dialog.isVisible()
    _choose(dialog, Format.CSV)
    qtbot.keyClicks(dialog.destination, str(tmp_path / "out"))
    dialog.deidentify.setChecked(True)
    dialog.subtypes[next(iter(dialog.subtypes))].setChecked(False)  # RR off
    with qtbot.waitSignal(dialog.finished_export, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.export_button, qtbot_button())
    result = blocker.args[0]
    assert result.patients == 286 - 175
    text = (tmp_path / "out" / "patients.csv").read_text(encoding="utf-8")
    assert text.startswith("patient_code,sex,ms_subtype")
    assert ",RR," not in text
    assert "Exported" in dialog.status.text()


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_export_dialog_asks_before_replacing(qtbot, demo_db: Database, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.xlsx"
    target.write_text("keep me")
    dialog = ExportDialog(None, demo_db, NURSE)
    qtbot.addWidget(dialog)
    _choose(dialog, Format.XLSX)
    dialog.destination.setText(str(target))
    asked: list[list[Path]] = []

    def refuse(paths: list[Path]) -> bool:
        asked.append(paths)
        return False

    monkeypatch.setattr(dialog, "confirm_overwrite", refuse)
    dialog.start()
    assert asked == [[target]]
    assert target.read_text() == "keep me"
    assert "Nothing was exported" in dialog.status.text()
    monkeypatch.setattr(dialog, "confirm_overwrite", lambda paths: True)
    with qtbot.waitSignal(dialog.finished_export, timeout=60_000):
        dialog.start()
    assert target.read_bytes()[:2] == b"PK"


def test_export_dialog_reports_a_refusal(qtbot, demo_db: Database, tmp_path: Path) -> None:
    dialog = ExportDialog(None, demo_db, ADMIN)  # a whole-database copy: administrators
    qtbot.addWidget(dialog)
    _choose(dialog, Format.SQLITE)
    assert not dialog.deidentify.isEnabled()
    dialog.destination.setText(str(tmp_path / "copy.db"))
    with qtbot.waitSignal(dialog.finished_export, timeout=60_000):
        dialog.start()
    assert (tmp_path / "copy.db").exists()


def _bad_and_good(tmp_path: Path) -> tuple[Path, Path]:
    header = ["patient_code", "family_name", "given_name", "birth_date", "sex", "ms_subtype"]
    bad = write_csv(tmp_path / "bad" / "patients.csv", header,
                    [["A1", "Rossi", "Anna", "1975-13-01", "F", "RR"],
                     ["A2", "Bianchi", "Marco", "1980-01-01", "Q", "RR"]]).parent
    good = write_csv(tmp_path / "good" / "patients.csv", header,
                     [["A1", "Rossi", "Anna", "1975-12-01", "F", "RR"]]).parent
    return bad, good


def checked_import(qtbot, db: Database, folder: Path) -> ImportDialog:
    """An import dialog (no parent) with ``folder`` chosen and checked."""
    dialog = ImportDialog(None, db, NURSE)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(folder))
    with qtbot.waitSignal(dialog.checked, timeout=60_000):
        dialog.check()
    return dialog


def test_import_dialog_shows_every_error_before_writing(qtbot, db: Database,
                                                        tmp_path: Path) -> None:
    bad, good = _bad_and_good(tmp_path)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ImportDialog(parent, db, NURSE)
    dialog.open()  # as File > Import does
    before = digest(db)
    qtbot.keyClicks(dialog.folder, str(bad))
    with qtbot.waitSignal(dialog.checked, timeout=60_000):
        qtbot.mouseClick(dialog.check_button, qtbot_button())
    assert dialog.model.rowCount() == 2
    cells = [[dialog.model.index(r, c).data() for c in range(7)] for r in range(2)]
    assert cells[0][:5] == ["error", "patients.csv", "2", "birth_date", "1975-13-01"]
    assert cells[1][:6] == ["error", "patients.csv", "3", "sex", "Q", "code"]
    assert not dialog.import_button.isEnabled()
    assert digest(db) == before

    dialog.folder.setText(str(good))
    with qtbot.waitSignal(dialog.checked, timeout=60_000):
        dialog.check()
    assert dialog.import_button.isEnabled()
    assert digest(db) == before  # the check wrote nothing
    with qtbot.waitSignal(dialog.imported, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.import_button, qtbot_button())
    assert blocker.args[0].applied
    assert count(db, "patient") == 1
    assert not dialog.import_button.isEnabled()


def test_changing_the_folder_after_a_check_needs_a_new_check(qtbot, db: Database,
                                                             tmp_path: Path) -> None:
    _bad, good = _bad_and_good(tmp_path)
    dialog = checked_import(qtbot, db, good)
    assert dialog.import_button.isEnabled()
    dialog.update_box.setChecked(True)
    assert not dialog.import_button.isEnabled()


def test_findings_model_is_a_valid_qt_model(qtmodeltester) -> None:
    model = FindingsModel()
    model.set_findings([Finding("warning", "visits.csv", 3, "midas_q1", "5", "r", "m"),
                        Finding("error", "patients.csv", None, "", "", "file.empty", "empty")])
    qtmodeltester.check(model)
    assert model.index(0, FindingsModel.SEVERITY).data() == "error"


def test_render_dialogs(qtbot, demo_db: Database, tmp_path: Path) -> None:
    """Grab both dialogs to PNG (looked at by eye; see scripts/render_exchange_dialogs.py)."""
    bad, _good = _bad_and_good(tmp_path)
    export = ExportDialog(None, demo_db, NURSE)
    qtbot.addWidget(export)
    export.show()
    imp = checked_import(qtbot, demo_db, bad)
    assert not export.grab().isNull()
    assert imp.grab().save(str(tmp_path / "import.png"))


def test_import_findings_are_written_in_the_screens_language(qtbot, db: Database,
                                                             tmp_path: Path,
                                                             italian: None) -> None:
    """A clinic's hand-made file with an impossible date and an unknown code, checked on an
    Italian screen: every finding in Italian, the cell's own text as it was."""
    bad, _good = _bad_and_good(tmp_path)
    dialog = checked_import(qtbot, db, bad)
    messages = [dialog.model.index(r, 6).data() for r in range(dialog.model.rowCount())]
    assert messages[0] == "1975-13-01 non è una data del calendario", messages
    assert "non è uno di" in messages[1], messages
    (bad / "patients.csv").write_text("code;family_name\nP1;Rossi\n", encoding="utf-8")
    with qtbot.waitSignal(dialog.checked, timeout=60_000):
        dialog.check()
    first = dialog.model.index(0, 6).data()
    assert first.startswith("le celle sono separate da punti e virgola (;), non da virgole"), \
        first
