"""Render the cohort analysis window to PNG (1280x800, at 100 % and 150 %) to look at it.

    .venv/bin/python scripts/render_analysis.py                 # -> out/screens/analysis-*.png
    xvfb-run -s "-screen 0 1280x800x24" sh -c 'openbox & .venv/bin/python \
        scripts/render_analysis.py --platform xcb'              # a real X server and WM

A 286-patient demo database is generated in a temporary folder and analysed with the cut-off
2017-12-31. Under X (``--platform xcb``) the whole screen is captured too, window frame
included (``analysis-screen*.png``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1280, 800)


def render(out: Path, scale: float) -> None:
    from PySide6.QtCore import QDate, QEventLoop, QTimer

    from proapp.db.migrate import open_database
    from proapp.domain.actor import Actor
    from proapp.domain.timepoints import Measure
    from proapp.gui.analysis.window import TABLES, AnalysisWindow
    from proapp.gui.shell.app import application
    from proapp.services.training import demo

    app = application()  # the application's own style and fonts
    suffix = "" if scale == 1 else f"@{scale:g}x"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.db")
        demo.generate(db, 286, 2011)
        w = AnalysisWindow(db, Actor("nurse.demo", role="nurse"))
        w.resize(int(SIZE[0] / scale), int((SIZE[1] - 40) / scale))
        w.move(0, 0)
        w.show()

        def save(name: str) -> None:
            for _ in range(5):
                app.processEvents()
            path = out / f"analysis-{name}{suffix}.png"
            w.grab().save(str(path))
            print(path)
            if app.platformName() == "xcb":
                screen = out / f"analysis-screen-{name}{suffix}.png"
                app.primaryScreen().grabWindow(0).save(str(screen))
                print(screen)

        save("empty")
        w.cutoff.setDate(QDate(2017, 12, 31))
        loop = QEventLoop()
        w.computed.connect(lambda _r: loop.quit())
        QTimer.singleShot(60_000, loop.quit)
        w.compute()
        loop.exec()
        save("midas-friedman")
        w.measure.setCurrentIndex(list(Measure).index(Measure.FSS))
        w.group.setCurrentIndex(1)
        w.tabs.setCurrentIndex(TABLES.index("Post-hoc"))
        save("fss-posthoc")
        w.measure.setCurrentIndex(list(Measure).index(Measure.FLOW))
        w.group.setCurrentIndex(w.group.findData("headache-pp"))
        w.tabs.setCurrentIndex(TABLES.index("Descriptives"))
        save("flow-descriptives")
        w.tabs.setCurrentIndex(TABLES.index("Spearman"))
        save("spearman")
        w.tabs.setCurrentIndex(TABLES.index("Rules"))
        save("rules")
        w.close()
        db.dispose()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "out" / "screens")
    p.add_argument("--scale", type=float, default=None,
                   help="render only at this scale (default: 1.0, then 1.5 in a subprocess)")
    p.add_argument("--platform", default=None, help="Qt platform (default: offscreen)")
    args = p.parse_args()
    os.environ["QT_QPA_PLATFORM"] = args.platform or os.environ.get("QT_QPA_PLATFORM",
                                                                    "offscreen")
    if args.scale is not None:
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
        render(args.out, args.scale)
        return 0
    render(args.out, 1.0)
    extra = ["--platform", args.platform] if args.platform else []
    return subprocess.call([sys.executable, __file__, "--out", str(args.out), "--scale",
                            "1.5", *extra])


if __name__ == "__main__":
    raise SystemExit(main())
