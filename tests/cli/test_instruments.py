"""``proapp instruments``: list what is in use, check and install the clinic's texts (as an
administrator), go back to the bundled ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.services.languages.test_instruments import validated_copy
from tests.support.staff import Staff

from proapp.cli import main as cli_main
from proapp.db.engine import Database
from proapp.domain.instrument_texts import bundled_dir


def test_list_check_install_remove(db: Database, staff: Staff, password_file: Path,
                                   tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = db.url
    assert cli_main(["instruments", "list", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "fss    it  unvalidated (NOT VALIDATED: replace with the licensed validated version)" \
        in out and "midas  en  original" in out and out.count("bundled") == 4
    path = validated_copy(tmp_path)
    assert cli_main(["instruments", "check", str(path)]) == 0
    assert "every item and range matches" in capsys.readouterr().out
    assert cli_main(["instruments", "install", str(path), "--db", url, "--user", "nina"]) == 1
    assert "may not do this" in capsys.readouterr().err
    assert cli_main(["instruments", "install", str(path), "--db", url, "--user", "boss"]) == 0
    assert "installed fss it (validated" in capsys.readouterr().out
    assert cli_main(["instruments", "list", "--db", url]) == 0
    assert "installed" in capsys.readouterr().out
    assert cli_main(["instruments", "remove", "fss", "--lang", "it", "--db", url,
                     "--user", "boss"]) == 0
    capsys.readouterr()


def test_a_wrong_file_is_refused_with_its_reasons(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = validated_copy(tmp_path)
    path.write_text(path.read_text("utf-8").replace("range = 1-7", "range = 1-5", 1), "utf-8")
    assert cli_main(["instruments", "check", str(path)]) == 1
    assert "FSS item 1 is answered 1-7" in capsys.readouterr().err


def test_path_prints_the_bundled_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["instruments", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(bundled_dir())
