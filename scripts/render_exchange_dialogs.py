"""Render the export and import dialogs to PNG for a visual check.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_exchange_dialogs.py OUTDIR

Uses a throw-away demo database and an import folder with deliberate errors.
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="proapp-render-"))
    os.environ["PROAPP_DATA_DIR"] = str(work / "data")
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from proapp.db.migrate import open_database
    from proapp.domain.actor import Actor
    from proapp.gui.exchange.export_dialog import ExportDialog
    from proapp.gui.exchange.import_dialog import ImportDialog
    from proapp.services.training import demo

    app = QApplication.instance() or QApplication([])
    db = open_database(work / "demo.db")
    demo.generate(db, 40, 1)
    actor = Actor("render", role="nurse")
    bad = work / "bad"
    bad.mkdir()
    with open(bad / "visits.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["patient_code", "visit_date", "visit_label", "midas_q1", "midas_q2",
                    "fss_1"])
        w.writerow(["DEMO-0001", "2014-13-01", "m3", "5", "2", "4"])
        w.writerow(["DEMO-0002", "2014-06-01", "unscheduled", "80", "20", "9"])
        w.writerow(["NOBODY", "2014-06-01", "m3", "1.5", "2", "4"])
    export = ExportDialog(None, db, actor)
    export.destination.setText(str(work / "export"))
    export.show()
    app.processEvents()
    export.grab().save(str(out / "export_dialog.png"))
    imp = ImportDialog(None, db, actor)
    imp.folder.setText(str(bad))
    imp.show()
    imp.check()
    QThreadPool.globalInstance().waitForDone(30_000)
    for _ in range(20):
        app.processEvents()
    imp.grab().save(str(out / "import_dialog.png"))
    db.dispose()
    print(f"wrote {out / 'export_dialog.png'} and {out / 'import_dialog.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
