"""The real application on a real X server (Xvfb, 1280x800, openbox), driven from the
keyboard by ``scripts/drive_screens.py`` at 100 % and 150 % (and 200 % on a HiDPI screen),
the three runs at once:
every top-level window it opens on the way fits the screen (frame included). The
screenshots land in ``out/drive/``; look at them.

Skipped where Xvfb, openbox, xdotool or xprop are missing (``scripts/install-system-deps.sh``
installs them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "drive_screens.py"
TOOLS = ("Xvfb", "openbox", "xdotool", "xprop", "xwininfo")


def missing_tools() -> list[str]:
    import shutil

    return [t for t in TOOLS if shutil.which(t) is None]


pytestmark = [pytest.mark.slow, pytest.mark.gui,
              pytest.mark.skipif(bool(missing_tools()),
                                 reason=f"needs {', '.join(missing_tools())}")]


def report_suffix(scale: float, screen: tuple[int, int]) -> str:
    """The report's name, as ``drive_screens.report_suffix`` makes it."""
    return (("" if scale == 1 else f"@{scale:g}x")
            + ("" if screen == (1280, 800) else f"-{screen[0]}x{screen[1]}"))


RUNS = ((1.0, (1280, 800)), (1.5, (1280, 800)), (2.0, (2560, 1600)))


@pytest.fixture(scope="module")
def drives() -> dict[tuple[float, tuple[int, int]], subprocess.CompletedProcess[str]]:
    """The three runs at once, each on its own X server (Xvfb picks a free display): most of
    a run is waiting (for windows, for the idle lock's minute), so together they take about
    as long as one, not three times as long."""
    out = ROOT / "out" / "drive"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PROAPP_", "QT_"))}
    started = {}
    for scale, screen in RUNS:
        (out / f"report{report_suffix(scale, screen)}.json").unlink(missing_ok=True)  # no stale
        started[(scale, screen)] = subprocess.Popen(
            [sys.executable, str(SCRIPT), "--out", str(out), "--scale", str(scale),
             "--screen", f"{screen[0]}x{screen[1]}", "--patients", "60"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = {}
    for key, proc in started.items():
        try:
            stdout, stderr = proc.communicate(timeout=900)
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, stderr = proc.communicate()
        done[key] = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
    return done


@pytest.mark.parametrize(("scale", "screen"), RUNS)
def test_every_window_fits_the_screen(scale: float, screen: tuple[int, int], drives) -> None:
    """1280x800 at 100 % and 150 %; 200 % on a HiDPI screen (at 1280x800 it would leave
    640x400 logical pixels, which no clinic screen has)."""
    out = ROOT / "out" / "drive"
    done = drives[(scale, screen)]
    report_file = out / f"report{report_suffix(scale, screen)}.json"
    assert report_file.exists(), done.stdout[-3000:] + done.stderr[-3000:]
    report = json.loads(report_file.read_text())
    too_big = [(s["name"], w["title"], w["width"], w["height"], w["x"], w["y"])
               for s in report["shots"] for w in s["windows"] if not w["fits"]]
    assert report["shots"], done.stdout[-3000:] + done.stderr[-3000:]
    assert not too_big, too_big
    # Which window is in front after the idle lock depends on the window manager's timing on
    # a loaded machine: the script reports it (report.json, screenshots); it is not judged
    # here, where only the geometry is certain.
