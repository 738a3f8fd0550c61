"""The real application on a real X server (Xvfb, 1280x800, openbox), driven from the
keyboard by ``scripts/drive_screens.py`` at 100 % and 150 % scaling: every top-level window
it opens on the way fits the screen (frame included). The screenshots land in ``out/drive/``;
look at them.

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


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_every_window_fits_a_1280x800_screen(scale: float, tmp_path: Path) -> None:
    out = ROOT / "out" / "drive"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PROAPP_", "QT_"))}
    done = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out), "--scale",
                           str(scale), "--patients", "60"], env=env, capture_output=True,
                          text=True, timeout=900, check=False)
    suffix = "" if scale == 1 else f"@{scale:g}x"
    report = json.loads((out / f"report{suffix}.json").read_text())
    too_big = [(s["name"], w["title"], w["width"], w["height"], w["x"], w["y"])
               for s in report["shots"] for w in s["windows"] if not w["fits"]]
    assert report["shots"], done.stdout[-3000:] + done.stderr[-3000:]
    assert not too_big, too_big
    # Which window is in front after the idle lock depends on the window manager's timing on
    # a loaded machine: the script reports it (report.json, screenshots); it is not judged
    # here, where only the geometry is certain.
