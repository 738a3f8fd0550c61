"""Render the patient self-report and the double-entry screens on a real X server to PNG.

    .venv/bin/python scripts/render_self_report.py [--out out/self_report]

For each screen size and scale (1280x800 and 1920x1080, at 100 % and 150 %) it starts Xvfb with
that screen, the openbox window manager, and runs itself as a child on that display
(``QT_QPA_PLATFORM=xcb``, ``QT_SCALE_FACTOR``): a fresh database with a nurse, a second nurse
and a clinician, one patient at the 3-month visit; the nurse gives the screen to the patient
from the main window's menu action, and the screens are grabbed from the X screen (so the PNG
shows exactly what the patient sees, full screen): the instructions, a day count on the
numeric pad, a refused answer, the 0-10 and 1-7 buttons with their anchors, the end, and the
staff password. Then the nurse's review with the patient's answers marked and one corrected,
and (at 1280x800) the double-entry window, the blind second entry, the differences and the
agreement report. ``--patient-language it`` makes the patient Italian (the patient's screen
speaks it, the staff's stay in theirs). Needs Xvfb and openbox
(``scripts/install-system-deps.sh``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = ((1280, 800, 1.0), (1280, 800, 1.5), (1920, 1080, 1.0), (1920, 1080, 1.5))
TODAY = date(2014, 6, 10)
PASSWORD = "correct horse battery"


def child(out: Path, tag: str, dialogs: bool, patient_language: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

    from proapp.db.migrate import open_database
    from proapp.domain.actor import Actor
    from proapp.domain.language import Language
    from proapp.domain.patient import MsSubtype, PatientFacts, ProcedureFacts, Sex
    from proapp.domain.visit import VisitContent
    from proapp.gui.accounts.idle_lock import IdleLock
    from proapp.gui.shell.app import application
    from proapp.gui.shell.main_window import MainWindow
    from proapp.gui.visits.self_report.screen import SelfReportScreen
    from proapp.services import accounts, clock, patients, settings, visits
    from proapp.services.visits import double_entry

    clock.today = lambda: TODAY
    app = application()
    out.mkdir(parents=True, exist_ok=True)

    def settle(seconds: float = 0.25) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.02)

    def grab(name: str) -> None:
        settle()
        screen = QGuiApplication.primaryScreen()
        path = out / f"{name}_{tag}.png"
        screen.grabWindow(0).save(str(path))
        print(path)

    def click_box(text: str) -> None:
        def click() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, click)
                return
            for b in box.buttons():
                if b.text().replace("&", "").startswith(text):
                    b.click()
                    return
        QTimer.singleShot(0, click)

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PROAPP_DATA_DIR"] = tmp
        db = open_database(Path(tmp) / "render.db")
        admin = accounts.create_first_admin(db, "admin", PASSWORD, "Admin")
        nina = Actor("nina", accounts.create_user(db, admin, "nina", PASSWORD, "nurse"), "nurse")
        bruno = Actor("bruno", accounts.create_user(db, admin, "bruno", PASSWORD, "nurse"),
                      "nurse")
        doc = Actor("doc", accounts.create_user(db, admin, "doc", PASSWORD, "clinician"),
                    "clinician")
        pid = patients.create_patient(db, nina, PatientFacts(
            "P001", "Rossi", "Anna", date(1975, 4, 12), Sex.FEMALE, MsSubtype.RR, 2001,
            True, True, "", language=Language(patient_language)),
            [ProcedureFacts(date(2014, 3, 10))])
        lock = IdleLock(db, nina, minutes=0)
        window = MainWindow(db, nina, lock=lock, load=False)
        window.resize(1280, 800)
        window.show()
        window.open_patient(pid)
        settle()
        click_box("Give the screen to the patient")
        window.action("actSelfReport").trigger()
        settle(0.5)
        screen = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, SelfReportScreen) and w.isVisible())

        def tap(name: str) -> None:
            button = screen.findChild(QPushButton, name)
            assert button is not None, name
            button.click()
            settle(0.05)

        grab("sr1_intro")
        tap("selfReport.next")
        for d in "12":
            tap(f"selfReport.midas.q1.key{d}")
        grab("sr2_pad")
        tap("selfReport.midas.q1.keyBack")
        tap("selfReport.midas.q1.keyBack")
        for d in "95":
            tap(f"selfReport.midas.q1.key{d}")
        tap("selfReport.next")
        grab("sr3_refused")
        tap("selfReport.midas.q1.keyBack")
        tap("selfReport.midas.q1.keyBack")
        tap("selfReport.midas.q1.key2")
        tap("selfReport.next")
        grab("sr4_long_question")
        for item, value in (("q2", "3"), ("q3", "1"), ("q4", "4"), ("q5", "0"), ("a", "12")):
            for d in value:
                tap(f"selfReport.midas.{item}.key{d}")
            tap("selfReport.next")
        grab("sr5_pain_buttons")
        tap("selfReport.midas.b.6")
        grab("sr6_fss_intro")
        tap("selfReport.next")
        for item, answer in (("1", 4), ("2", 6), ("3", 5)):
            tap(f"selfReport.fss.{item}.{answer}")
        tap("selfReport.back")
        grab("sr7_fss_buttons")
        tap("selfReport.next")
        for item, answer in (("4", 3), ("5", 5), ("6", 4), ("7", 6), ("8", 2), ("9", 7)):
            tap(f"selfReport.fss.{item}.{answer}")
        grab("sr8_end")
        tap("selfReport.done")
        grab("sr9_staff_password")
        dialog = lock.dialog
        assert dialog is not None
        dialog.password.setText(PASSWORD)
        dialog.submit()
        settle(0.5)
        [wizard] = window.visit_entries.open_wizards()
        midas = wizard.form_pages["midas"]
        midas.edits["q5"].setText("1")
        midas.changed.emit()
        wizard.goto(wizard.pages.index(wizard.review_page))
        wizard.showMaximized()
        grab("sr10_review_patient_answers")
        wizard._finished = True
        wizard.close()

        if dialogs:
            settings.set_value(db, admin, "double_entry", "on")
            content = VisitContent({"midas": {"q1": 2, "q2": 3, "q3": 1, "q4": 4, "q5": 0,
                                              "a": 12, "b": 6},
                                    "fss": {str(n): 4 for n in range(1, 10)}},
                                   skipped={"flow": "machine out of order"})
            p2 = patients.create_patient(db, nina, PatientFacts(
                "P002", "Bianchi", "Marco", date(1968, 1, 3), Sex.MALE, MsSubtype.SP, 1999,
                True, True, ""), [ProcedureFacts(date(2013, 6, 12))])
            vid = double_entry.complete_with_second_entry(
                db, nina, visits.VisitDraft(p2, "m12", date(2014, 6, 10), content)).id
            double_entry.complete_with_second_entry(db, nina, visits.VisitDraft(
                pid, "baseline", date(2014, 3, 1), content))
            from proapp.gui.visits.double_entry.agreement import AgreementDialog
            from proapp.gui.visits.double_entry.resolve import ResolveDialog
            from proapp.gui.visits.double_entry.second_entry import SecondEntryDialog
            from proapp.gui.visits.double_entry.window import DoubleEntryWindow

            queue = DoubleEntryWindow(db, bruno)
            queue.show()
            grab("de1_queue")
            form = double_entry.second_entry_form(db, bruno, vid)
            second = SecondEntryDialog(db, bruno, form)
            second.show()
            for item, text in (("q1", "3"), ("q2", "3"), ("q3", "1"), ("q4", "4"),
                               ("q5", "0"), ("a", "21"), ("b", "6")):
                second.pages["midas"].edits[item].setText(text)
            second.pages["midas"].update_scores()
            grab("de2_second_entry")
            fss = {str(n): "4" for n in range(1, 10)} | {"4": "5"}
            for item, text in fss.items():
                second.pages["fss"].edits[item].setText(text)
            double_entry.submit_second_entry(db, bruno, vid, second.keyed()[0])
            second.close()
            queue.reload()
            queue.close()
            resolve = ResolveDialog(db, doc, vid)
            resolve.show()
            resolve.first.setChecked(True)
            resolve.reason.setText("the paper says 2")
            resolve.resolve_current()
            resolve.other.setChecked(True)
            resolve.other_value.setText("15")
            resolve.reason.setText("paper says 15")
            grab("de3_resolve")
            resolve.close()
            report = AgreementDialog(db, doc)
            report.show()
            grab("de4_agreement")
            report.close()
        lock.uninstall()
        window.close()
        db.dispose()
    del app


def run(width: int, height: int, scale: float, out: Path, display: int,
        patient_language: str) -> int:
    tag = f"{width}x{height}@{int(scale * 100)}"
    env = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb",
           "QT_SCALE_FACTOR": str(scale)}
    env.pop("QT_QPA_PLATFORMTHEME", None)
    xvfb = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", f"{width}x{height}x24",
                             "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
        try:
            time.sleep(1.0)
            args = [sys.executable, __file__, "--child", tag, "--out", str(out),
                    "--patient-language", patient_language]
            if (width, height) == (1280, 800):
                args.append("--dialogs")
            return subprocess.call(args, env=env)
        finally:
            wm.terminate()
            wm.wait()
    finally:
        xvfb.terminate()
        xvfb.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "self_report")
    parser.add_argument("--child", metavar="TAG", help=argparse.SUPPRESS)
    parser.add_argument("--dialogs", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--patient-language", choices=("en", "it"), default="en",
                        help="the patient's language (their screen speaks it)")
    args = parser.parse_args(argv)
    if args.child:
        child(args.out, args.child, args.dialogs, args.patient_language)
        return 0
    missing = [t for t in ("Xvfb", "openbox") if shutil.which(t) is None]
    if missing:
        print(f"needs {' and '.join(missing)}: run scripts/install-system-deps.sh",
              file=sys.stderr)
        return 2
    status = 0
    for n, (width, height, scale) in enumerate(RUNS):
        status |= run(width, height, scale, args.out, 90 + n, args.patient_language)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
