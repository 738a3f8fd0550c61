"""``python tests/support/wizard_child.py --db URL --patient ID --user NAME``: the visit
wizard of a real application process, for the tests that kill it while the server is gone.

It opens the database as the application does, opens the wizard for the patient, enters
MIDAS item 1 (``17``) and stores the draft, prints ``saved <visit id>`` and waits for a line
on stdin (the test stops the server meanwhile); then enters item 2 (``3``), which cannot be
stored, prints ``kept <files in the kept-drafts folder>`` and the status line, and waits to
be killed (as a crash or a power cut would end it).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.gui.visits.pages.questionnaire import QuestionnairePage
from proapp.gui.visits.wizard import VisitWizard
from proapp.services import clock
from proapp.services.visits import local_drafts

TODAY = date(2014, 9, 12)  # as tests/gui/visits/test_wizard.py: 6 months after the PTA


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--patient", type=int, required=True)
    parser.add_argument("--user", required=True)
    args = parser.parse_args()
    clock.today = lambda: TODAY
    app = QApplication(sys.argv[:1])
    db = open_database(args.db)
    wizard = VisitWizard(None, db, Actor(args.user, role="nurse"), args.patient)
    wizard.show()
    midas = wizard.form_pages["midas"]
    assert isinstance(midas, QuestionnairePage)
    midas.edits["q1"].setText("17")
    wizard.flush()
    print(f"saved {wizard.visit_id}", flush=True)
    sys.stdin.readline()
    midas.edits["q2"].setText("3")
    wizard.flush()
    app.processEvents()
    print(f"kept {len(list(local_drafts.folder().glob('*.draft')))}", flush=True)
    print(f"status {wizard.status.text()}", flush=True)
    while True:
        time.sleep(1)


if __name__ == "__main__":
    sys.exit(main())
