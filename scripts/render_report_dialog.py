"""Grab the report preview dialog to a PNG, to look at it (offscreen Qt).

    QT_QPA_PLATFORM=offscreen python scripts/render_report_dialog.py OUT.png [--db PATH]
        [--patient CODE]

Without --db a scratch database with a few demo patients is used.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.gui.reports.report_dialog import ReportDialog
from proapp.services import patients
from proapp.services.training import demo


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--db")
    ap.add_argument("--patient", default="DEMO-0001")
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(args.db or Path(tmp) / "scratch.db")
        if not args.db:
            demo.generate(db, 3, 2011)
        pid = patients.find_by_code(db, args.patient).id
        dialog = ReportDialog(None, db, Actor("script:grab", role="nurse"), pid)
        dialog.resize(1000, 900)
        dialog.show()
        loop = QEventLoop()
        dialog.ready.connect(lambda _n: QTimer.singleShot(200, loop.quit))
        dialog.failed.connect(lambda _m: loop.quit())
        QTimer.singleShot(60_000, loop.quit)
        dialog.refresh()
        loop.exec()
        dialog.grab().save(str(args.out))
        print(f"{args.out}: {dialog.status.text()}")
        dialog.close()
        db.dispose()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
