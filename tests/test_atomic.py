"""proapp.atomic: a file is either replaced whole or left as it was, private, no temp left."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from proapp import atomic

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@posix
def test_write_replaces_the_whole_file_private_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old content")
    os.chmod(target, 0o644)
    assert atomic.write_bytes(target, b"new") == target
    assert target.read_bytes() == b"new"
    assert _mode(target) == 0o600
    assert _leftovers(tmp_path) == []
    atomic.write_text(tmp_path / "location.txt", "/srv/proapp.db\n")
    assert (tmp_path / "location.txt").read_text(encoding="utf-8") == "/srv/proapp.db\n"


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "export.xlsx"
    target.write_bytes(b"the old export")
    with pytest.raises(RuntimeError, match="disk gone"), atomic.staged(target) as temp:
        assert temp.parent == tmp_path and temp.name.startswith(".export.xlsx.")
        temp.write_bytes(b"half of the new")
        raise RuntimeError("disk gone")
    assert target.read_bytes() == b"the old export"
    assert _leftovers(tmp_path) == []


@posix
def test_temp_files_are_private_from_the_start(tmp_path: Path) -> None:
    with atomic.staged(tmp_path / "a.csv") as temp:
        assert _mode(temp) == 0o600
    named = tmp_path / ".b.partial-1"
    with atomic.staged(tmp_path / "b.db", temp=named) as temp:
        assert temp == named and _mode(temp) == 0o600
        temp.write_bytes(b"x")
    assert (tmp_path / "b.db").read_bytes() == b"x" and not named.exists()


def test_a_named_temp_is_never_reused(tmp_path: Path) -> None:
    named = tmp_path / ".c.partial-1"
    named.write_bytes(b"someone else's half copy")
    with pytest.raises(FileExistsError), atomic.staged(tmp_path / "c.db", temp=named):
        pytest.fail("the block must not run")
    assert not (tmp_path / "c.db").exists()


def test_commit_all_renames_nothing_unless_every_file_is_ready(tmp_path: Path) -> None:
    (tmp_path / "patients.csv").write_text("old patients", encoding="utf-8")
    (tmp_path / "visits.csv").write_text("old visits", encoding="utf-8")
    ready = tmp_path / ".patients.new"
    ready.write_text("new patients", encoding="utf-8")
    missing = tmp_path / ".visits.new"  # never written
    with pytest.raises(FileNotFoundError):
        atomic.commit_all([(ready, tmp_path / "patients.csv"), (missing, tmp_path / "visits.csv")])
    assert (tmp_path / "patients.csv").read_text(encoding="utf-8") == "old patients"
    assert (tmp_path / "visits.csv").read_text(encoding="utf-8") == "old visits"
    missing.write_text("new visits", encoding="utf-8")
    atomic.commit_all([(ready, tmp_path / "patients.csv"), (missing, tmp_path / "visits.csv")])
    assert (tmp_path / "patients.csv").read_text(encoding="utf-8") == "new patients"
    assert (tmp_path / "visits.csv").read_text(encoding="utf-8") == "new visits"
    assert _leftovers(tmp_path) == []
