"""Render the main screens to PNG (1280x800, at 100 % and 150 % scaling) to look at them.

    .venv/bin/python scripts/render_screens.py            # -> out/screens/*.png
    .venv/bin/python scripts/render_screens.py --scale 1.5

Without ``--scale`` it renders at 1.0 and then runs itself again in a subprocess with
``QT_SCALE_FACTOR=1.5`` (the scale factor must be set before Qt starts). A 286-patient demo
database is generated in a temporary folder, and "today" is pinned to 2018-01-15 (just after
the demo's follow-up) so the worklist and the timelines show every visit state.

Other screens add a renderer: a function ``(ctx: Context) -> None`` appended to ``RENDERERS``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2018, 1, 15)
SIZE = (1280, 800)
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Context:
    app: object
    database: object
    actor: object
    out: Path
    suffix: str
    host: object = None  # a hidden parent window for dialogs

    def save(self, widget: object, name: str) -> Path:
        """Grab ``widget`` (already shown and laid out) into ``out/<name><suffix>.png``."""
        from PySide6.QtWidgets import QApplication, QWidget

        assert isinstance(widget, QWidget)
        for _ in range(3):
            QApplication.processEvents()
        path = self.out / f"{name}{self.suffix}.png"
        widget.grab().save(str(path))
        print(path)
        return path


def render_main(ctx: Context) -> None:
    from proapp.gui.shell.main_window import WORKLIST_TAB, MainWindow

    w = MainWindow(ctx.database, ctx.actor)  # type: ignore[arg-type]
    w.resize(*SIZE)
    w.show()
    w.wait_loaded()
    ctx.app.processEvents()
    ctx.save(w, "main_patients")
    w.patients.search.setText("muller")
    ctx.save(w, "main_search")
    w.patients.search.clear()
    w.patients.subtype.setCurrentIndex(2)
    w.patients.headache.setChecked(True)
    ctx.save(w, "main_filtered")
    w.patients.subtype.setCurrentIndex(0)
    w.patients.headache.setChecked(False)
    w.tabs.setCurrentIndex(WORKLIST_TAB)
    w.show_worklist()
    ctx.save(w, "main_worklist")
    view = w.open_patient(w.patients.model.rows[4].id)
    assert view is not None
    ctx.save(w, "patient_view")
    w.action("actShortcuts").trigger()
    from PySide6.QtWidgets import QMessageBox

    box = w.findChild(QMessageBox, "shortcutsBox")
    assert box is not None
    ctx.save(box, "shortcuts")
    box.close()
    w.close()


def render_crash_dialog(ctx: Context) -> None:
    import sys

    from proapp import logs
    from proapp.gui.shell.crash import CrashHandler

    handler = CrashHandler(logs.setup_logging())
    try:
        raise RuntimeError("example: an unexpected error inside a slot")
    except RuntimeError:
        handler(*sys.exc_info())
    assert handler.last_dialog is not None
    ctx.save(handler.last_dialog, "crash_dialog")
    handler.last_dialog.close()


def render_patient_dialog(ctx: Context) -> None:
    from proapp.gui.patients.patient_dialog import PatientDialog
    from proapp.services.patients import listing as patient_list

    host = ctx.host  # dialogs belong to a window, as in the application
    d = PatientDialog(ctx.database, ctx.actor, None, host)  # type: ignore[arg-type]
    d.show()
    ctx.save(d, "patient_dialog_new_empty")
    d.code.setText("DEMO-0001")  # taken: shows the unique-code message
    d.family.setText("Bianchi")
    d.birth.setText("2031-02-30")
    d.proc_rows[0].date_edit.setText("2013-05-14")
    d.adjustSize()
    ctx.save(d, "patient_dialog_errors")
    d._dirty = False
    d.reject()
    first = patient_list.load(ctx.database).rows[0]  # type: ignore[arg-type]
    e = PatientDialog(ctx.database, ctx.actor, first.id, host)  # type: ignore[arg-type]
    e.show()
    ctx.save(e, "patient_dialog_edit")
    e._dirty = False
    e.reject()


RENDERERS: list[Callable[[Context], None]] = [render_main, render_patient_dialog,
                                               render_crash_dialog]


def render(out: Path, scale: float) -> None:
    from proapp.db.migrate import open_database
    from proapp.domain.actor import Actor
    from proapp.gui.shell.app import application
    from proapp.services import clock
    from proapp.services.training import demo

    clock.today = lambda: TODAY  # the screens show the schedule on a fixed day
    app = application()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PROAPP_DATA_DIR"] = tmp
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        db = open_database(Path(tmp) / "demo.db")
        demo.generate(db, 286, 2011)
        from PySide6.QtWidgets import QWidget

        host = QWidget()
        ctx = Context(app, db, Actor("nurse.demo", role="nurse"), out,
                      "" if scale == 1 else f"@{scale:g}x", host)
        for renderer in RENDERERS:
            renderer(ctx)
        host.deleteLater()
        app.processEvents()
        db.dispose()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "out" / "screens")
    p.add_argument("--scale", type=float, default=None,
                   help="render only at this scale (default: 1.0, then 1.5 in a subprocess)")
    args = p.parse_args()
    if args.scale is not None:
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
        render(args.out, args.scale)
        return 0
    render(args.out, 1.0)
    env = {**os.environ, "QT_SCALE_FACTOR": "1.5"}
    return subprocess.call([sys.executable, __file__, "--out", str(args.out), "--scale", "1.5"],
                           env=env)


if __name__ == "__main__":
    raise SystemExit(main())
