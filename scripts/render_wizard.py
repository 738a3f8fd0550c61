"""Render every page of the visit entry wizard to PNG (1280x800, at 100 % and 150 % scaling).

    .venv/bin/python scripts/render_wizard.py            # -> out/screens/wizard_*.png
    .venv/bin/python scripts/render_wizard.py --scale 1.5

Without ``--scale`` it renders at 1.0 and then runs itself again in a subprocess with
``QT_SCALE_FACTOR=1.5`` (the factor must be set before Qt starts). A fresh database in a
temporary folder holds one patient with a PTA on 2014-03-10; "today" is pinned to 2014-09-12,
so the wizard proposes the 6-month visit (MIDAS, FSS and flow expected). The pages are filled
by typing into the focused widget, as a nurse would, including one out-of-range answer and
answers that raise warnings, so the messages beside the fields are rendered too.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2014, 9, 12)
SIZE = (1280, 800)
ROOT = Path(__file__).resolve().parent.parent


def render(scale: float, out: Path) -> list[Path]:
    os.environ["QT_SCALE_FACTOR"] = str(scale)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from proapp.db.migrate import open_database
    from proapp.domain.actor import Actor
    from proapp.domain.patient import MsSubtype, PatientFacts, ProcedureFacts, Sex
    from proapp.gui.shell.app import application
    from proapp.gui.visits.entry import open_visit_entry
    from proapp.gui.visits.wizard import VisitWizard
    from proapp.services import clock, patients

    clock.today = lambda: TODAY  # the schedule and the validation read today from here
    suffix = "" if scale == 1.0 else f"@{int(scale * 100)}"
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PROAPP_DATA_DIR"] = tmp
        db = open_database(Path(tmp) / "render.db")
        actor = Actor("nurse.render", role="nurse")
        pid = patients.create_patient(db, actor, PatientFacts(
            "P001", "Rossi", "Anna", date(1975, 4, 12), Sex.FEMALE, MsSubtype.RR, 2001,
            True, True, ""), [ProcedureFacts(date(2014, 3, 10))])
        w = open_visit_entry(None, db, actor, pid)
        assert isinstance(w, VisitWizard)
        w.resize(*SIZE)
        w.activateWindow()

        def settle() -> None:
            for _ in range(3):
                QApplication.processEvents()

        def save(name: str) -> None:
            settle()
            path = out / f"wizard_{name}{suffix}.png"
            w.grab().save(str(path))
            written.append(path)
            print(path)

        def keys(*seq: str | Qt.Key) -> None:
            for k in seq:
                target = QApplication.focusWidget() or w
                if isinstance(k, str):
                    QTest.keyClicks(target, k)
                else:
                    QTest.keyClick(target, k)
                settle()

        enter = Qt.Key.Key_Return
        save("1_visit")
        keys(enter, "2", enter, "95", enter)  # item 2 out of range: the message beside it
        save("2_midas_error")
        keys("3", enter, "1", enter, "4", enter, "0", enter, "3", enter, "6", enter)
        w.goto(w.pages.index(w.form_pages["midas"]))
        save("2_midas")
        w.goto(w.pages.index(w.form_pages["fss"]))
        keys(*"4653546")
        save("3_fss")
        keys(*"27")
        tab = Qt.Key.Key_Tab
        keys(enter, "10.5", enter, "0.8", enter, "480", tab, "6")  # velocity and flow: error
        save("4_flow_error")
        keys(Qt.Key.Key_Backspace, tab, tab, "62")  # stenosis 62 %
        save("4_flow")
        keys(enter)
        save_review = w.pages.index(w.review_page)
        w.goto(save_review)
        save("5_review_warnings")
        w._finished = True  # do not ask about the draft: the database is thrown away
        w.close()
        db.dispose()
    del app
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "screens")
    args = parser.parse_args(argv)
    if args.scale is not None:
        render(args.scale, args.out)
        return 0
    render(1.0, args.out)
    return subprocess.call([sys.executable, __file__, "--scale", "1.5", "--out",
                            str(args.out)])


if __name__ == "__main__":
    raise SystemExit(main())
