"""The resource helper finds the bundled files in every kind of installation, and the
wheel ships every one of them."""

from __future__ import annotations

import fnmatch
import sys
import tomllib
from pathlib import Path

import pytest

from proapp import paths

ROOT = Path(__file__).resolve().parents[2]


def test_source_checkout_finds_the_repository_resources() -> None:
    assert paths.resources() == ROOT / "resources"
    assert paths.resource("fonts", "DejaVuSans.ttf").is_file()
    assert paths.resource("icons", "proapp.svg").is_file()


def test_frozen_build_uses_meipass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource("icons", "proapp.svg") == tmp_path / "resources" / "icons" / "proapp.svg"


def test_wheel_install_uses_the_data_folder(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    installed = tmp_path / "share" / "proapp" / "resources"
    (installed / "fonts").mkdir(parents=True)
    monkeypatch.setattr(paths, "installed_resources", lambda: [installed])
    assert paths.resources() == installed


def test_wheel_data_files_cover_every_resource() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data_files = config["tool"]["setuptools"]["data-files"]
    shipped = set()
    for target, patterns in data_files.items():
        assert target.startswith("share/proapp/resources")
        for pattern in patterns:
            shipped |= {p for p in ROOT.glob(pattern) if p.is_file()}
    every = {p for p in (ROOT / "resources").rglob("*") if p.is_file()
             and not fnmatch.fnmatch(p.name, ".*")}
    assert every - shipped == set(), "add these to [tool.setuptools.data-files]"
