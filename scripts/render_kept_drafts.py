"""Render the offer of visit drafts kept while the database could not be reached, before and
after restoring (one restored, one in conflict), to PNG (out/kept_drafts/) to look at.

    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python scripts/render_kept_drafts.py
    QT_SCALE_FACTOR=1.5 xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python \
        scripts/render_kept_drafts.py out/kept_drafts_150
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/kept_drafts")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    os.environ["PROAPP_DATA_DIR"] = str(tmp / "data")
    os.environ["PROAPP_CONFIG_DIR"] = str(tmp / "config")
    os.environ["PROAPP_KEYRING"] = "0"
    from PySide6.QtWidgets import QMainWindow

    from proapp.db.migrate import open_database
    from proapp.domain.actor import Actor
    from proapp.domain.visit import VisitContent
    from proapp.gui.shell.app import application
    from proapp.gui.visits.kept_drafts import offer_kept_drafts
    from proapp.services import visits
    from proapp.services.training import demo
    from proapp.services.visits import local_drafts

    app = application()
    db = open_database(tmp / "render.db")
    demo.generate(db, 3, 1)
    nurse = Actor("l.verdi", role="nurse")
    [first, second] = [visits.visits_of(db, pid)[-1] for pid in (1, 2)]
    local_drafts.keep(db, nurse, visits.VisitDraft(
        1, "unscheduled", date(2016, 1, 5), VisitContent({"fss": {"1": 4, "2": 5}})),
        draft_id="a1", patient_code="D0001")
    local_drafts.keep(db, nurse, visits.VisitDraft(
        2, second.label, second.visit_date, second.content, second.id, second.version),
        draft_id="b2", patient_code="D0002", reason="typo in MIDAS item 2")
    midas = dict(second.content.responses.get("midas", {}))
    midas["q2"] = (midas.get("q2") or 0) + 1
    changed = VisitContent({**second.content.responses, "midas": midas}, second.content.missing,
                           second.content.skipped, second.content.flows)
    visits.save_visit(db, Actor("g.bianchi", role="clinician"), visits.VisitDraft(
        2, second.label, second.visit_date, changed, second.id, second.version),
        reason="checked", confirm_warnings=True)  # changed elsewhere meanwhile
    del first
    main = QMainWindow()
    main.resize(1000, 700)
    main.show()
    dialog = offer_kept_drafts(main, db, nurse)
    assert dialog is not None
    app.processEvents()
    dialog.grab().save(str(out / "offer.png"))
    dialog.restore_all()
    app.processEvents()
    dialog.grab().save(str(out / "after_restore.png"))
    print(out / "offer.png", out / "after_restore.png")
    dialog.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
