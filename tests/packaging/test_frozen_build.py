"""The PyInstaller build runs where no Python is installed.

Builds ``dist/proapp`` with ``make package`` (about 40 s here; an existing build is reused
only when it is newer than every source, resource and packaging file), then runs the built
executable with an environment that has no Python: ``env -i`` with PATH set to an empty
folder, HOME and the data folder in tmp. ``--version``, ``demo``, ``check``, ``report``
(the PDF parsed back with pypdf), ``about --check`` (bundled metadata, fonts, PDFium
rendering) and the GUI to its first paint on the offscreen platform must all succeed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from proapp import __version__

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="the Linux build is made and run in CI"),
]

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "proapp"
EXE = DIST / "proapp"
INPUTS = ("src", "resources", "packaging", "pyproject.toml", "Makefile")
SKIP_DIRS = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"}


def newest_input() -> float:
    newest = 0.0
    for name in INPUTS:
        top = ROOT / name
        if top.is_file():
            newest = max(newest, top.stat().st_mtime)
            continue
        for folder, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.endswith(".egg-info")]
            for f in files:
                if f.endswith((".pyc", ".pyo")) or f == "THIRD_PARTY_LICENSES.txt":
                    continue
                newest = max(newest, Path(folder, f).stat().st_mtime)
    return newest


@pytest.fixture(scope="module")
def frozen() -> Path:
    if not (EXE.is_file() and EXE.stat().st_mtime > newest_input()):
        if shutil.which("make") is None:
            pytest.fail("make is needed to build the package")
        done = subprocess.run(["make", "package"], cwd=ROOT, capture_output=True, text=True,
                              timeout=900, check=False)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    assert EXE.is_file()
    return EXE


@pytest.fixture
def bare_env(tmp_path: Path) -> dict[str, str]:
    """No Python anywhere: PATH is an empty folder, nothing else inherited."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    env = {"PATH": str(empty), "HOME": str(tmp_path / "home"),
           "PROAPP_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen",
           "LANG": "C.UTF-8"}
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("python", path=env["PATH"]) is None
    return env


def run(exe: Path, env: dict[str, str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, (args, done.stdout[-3000:], done.stderr[-3000:])
    return done


def test_frozen_cli_without_python(frozen: Path, bare_env: dict[str, str],
                                   tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    out = tmp_path / "DEMO-0001.pdf"

    assert run(frozen, bare_env, "--version", cwd=tmp_path).stdout.strip() == \
        f"proapp {__version__}"

    demo = run(frozen, bare_env, "demo", "--db", str(db), "--patients", "12", cwd=tmp_path)
    assert "patients: 12" in demo.stdout

    check = run(frozen, bare_env, "check", "--db", str(db), cwd=tmp_path)
    assert check.stdout.strip().endswith("OK")

    run(frozen, bare_env, "report", "DEMO-0001", "--db", str(db), "-o", str(out),
        cwd=tmp_path)
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 1
    assert "DEMO-0001" in text and "SYNTHETIC DEMO DATA" in text

    everyone = run(frozen, bare_env, "report", "--all", "--out-dir", str(tmp_path / "all"),
                   "--jobs", "2", "--db", str(db), cwd=tmp_path)
    assert "12 reports written" in everyone.stdout and "2 processes" in everyone.stdout
    assert len(list((tmp_path / "all").glob("DEMO-*.pdf"))) == 12

    # The cohort analysis: scipy (and its compiled libraries) work in the frozen build.
    analysis = run(frozen, bare_env, "analysis", "--db", str(db), "--out",
                   str(tmp_path / "analysis"), "--cutoff", "2017-12-31", cwd=tmp_path)
    assert "analysis_data.csv" in analysis.stdout and "SYNTHETIC DEMO DATA" in analysis.stdout
    assert (tmp_path / "analysis" / "analysis.pdf").stat().st_size > 0

    about = run(frozen, bare_env, "about", "--check", cwd=tmp_path).stdout
    assert "frozen build" in about
    assert "PySide6_Essentials" in about and "LGPL-3.0-only" in about
    assert "pypdfium2" in about and "SQLAlchemy" in about and "reportlab" in about
    assert "installation OK" in about, about

    # The CLI writes the rotating log in the data folder, once per start.
    log = (tmp_path / "data" / "logs" / "proapp.log").read_text(encoding="utf-8")
    # demo, check, 2 x report, analysis, about; not --version
    assert log.count("(frozen) started") == 6
    shipped = (DIST / "THIRD_PARTY_LICENSES.txt").read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in shipped and "SQLAlchemy" in shipped


def test_frozen_gui_reaches_first_paint(frozen: Path, bare_env: dict[str, str],
                                        tmp_path: Path) -> None:
    """A first start: the welcome is the first window; the process exits after painting it."""
    env = {**bare_env, "PROAPP_EXIT_AFTER_FIRST_PAINT": "1"}
    run(frozen, env, cwd=tmp_path)
    log = (tmp_path / "data" / "logs" / "proapp.log").read_text(encoding="utf-8")
    assert "first window painted (proapp: welcome)" in log
    assert (tmp_path / "data" / "proapp.db").is_file()


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run (package xvfb) missing")
def test_frozen_gui_on_x11(frozen: Path, bare_env: dict[str, str], tmp_path: Path) -> None:
    """The xcb platform plugin and the XCB libraries bundled with it load on a real X
    server (Xvfb), still without Python or anything else on the PATH."""
    env = {**bare_env, "QT_QPA_PLATFORM": "xcb", "PROAPP_EXIT_AFTER_FIRST_PAINT": "1"}
    inner = " ".join(f"{k}={v}" for k, v in env.items())
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "sh", "-c",
         f'exec env -i {inner} DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" "$0"', str(frozen)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    log = (tmp_path / "data" / "logs" / "proapp.log").read_text(encoding="utf-8")
    assert "first window painted (proapp: welcome)" in log


def test_frozen_build_carries_the_screens_translations(frozen: Path) -> None:
    """proapp's compiled translations and Qt's own Italian (its dialogs and buttons) are in the
    bundle; Qt's other translations are trimmed."""
    inside = frozen.parent / "_internal"
    assert (inside / "resources" / "translations" / "proapp_it.qm").is_file()
    assert (inside / "resources" / "translations" / "proapp_en.qm").is_file()
    qt = [p.name for p in inside.rglob("qt*_*.qm")]
    assert "qtbase_it.qm" in qt
    assert "qtbase_de.qm" not in qt
