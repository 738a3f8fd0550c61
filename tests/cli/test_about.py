"""``proapp about``: paths, the licence list, and the installation check from source (the
frozen build runs the same check in tests/packaging)."""

from __future__ import annotations

from pathlib import Path

import pytest

from proapp.cli import main as cli_main


def test_about_lists_paths_and_licences(capsys: pytest.CaptureFixture[str],
                                        private_data_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    assert cli_main(["about", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert f"database: {db.resolve()}" in out
    assert f"log file: {private_data_dir / 'logs' / 'proapp.log'}" in out
    assert "PySide6_Essentials" in out and "LGPL-3.0-only" in out
    assert "DejaVu fonts" in out and "PDFium" in out
    assert not db.exists()  # about only reads: no database is created


def test_about_check_passes_from_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["about", "--check"]) == 0
    out = capsys.readouterr().out
    assert out.count("\nok   ") == 5 and "installation OK" in out
    assert "questionnaire texts: midas.en, midas.it (not validated)" in out


def test_full_licence_texts(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["about", "--licenses"]) == 0
    out = capsys.readouterr().out
    assert "alembic" in out and "Permission is hereby granted" in out  # MIT text in full
    assert "LICENSE_DEJAVU" in out
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in out  # Qt/PySide6 carry no text of their own
