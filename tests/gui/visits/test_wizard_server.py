"""The visit wizard on a shared server that goes away while a nurse types: the message says
so plainly, everything typed stays in the window and is kept on this computer too, and the
draft is stored by itself once the server is back (it retries; nothing to press). An
application killed during the outage loses nothing either: the next start on the same
database offers the kept draft, and restoring it stores it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from tests.gui.visits.test_wizard import ENTER, close_if_open, open_wizard, press, rows
from tests.support.postgres import PgServer

from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.db.models import Answer, Visit
from proapp.domain.actor import Actor
from proapp.gui.visits.kept_drafts import offer_kept_drafts
from proapp.services.visits import local_drafts

CHILD = Path(__file__).resolve().parents[2] / "support" / "wizard_child.py"

pytestmark = [pytest.mark.postgresql, pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")]


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.gui.visits.test_wizard import TODAY

    from proapp.services import clock

    monkeypatch.setattr(clock, "today", lambda: TODAY)


def test_server_lost_while_typing_keeps_the_input_and_retries(
        qtbot, db, patient_id: int, pg_server: PgServer) -> None:
    nurse = Actor("nurse.anna", role="nurse")
    w = open_wizard(qtbot, db, nurse, patient_id)
    press(qtbot, [ENTER, "17", ENTER])  # MIDAS item 1; Enter stores the draft
    assert {(a.item, a.value) for a in rows(db, Answer)} == {("q1", 17)}
    pg_server.down()
    try:
        press(qtbot, ["3", ENTER])  # item 2 while the server is gone
        assert "database server cannot be reached" in w.status.text()
        assert "your input is kept" in w.status.text()
        assert w.form_pages["midas"].edits["q2"].text() == "3"
        assert w._timer.isActive()  # it will try again by itself
        assert "kept on this computer too" in w.status.text()
        [kept] = local_drafts.folder().glob("*.draft")
    finally:
        pg_server.up()
    qtbot.waitUntil(lambda: {(a.item, a.value) for a in rows(db, Answer)}
                    == {("q1", 17), ("q2", 3)}, timeout=30_000)
    assert "Draft saved" in w.status.text()
    assert not kept.exists()  # the server holds it: the copy here is gone
    close_if_open(w)


def test_a_crash_during_the_outage_keeps_the_draft_for_the_next_start(
        qtbot, db: Database, patient_id: int, pg_server: PgServer) -> None:
    """The application is killed while the server is down, after a save failed: at the next
    start the nurse restores the draft, every value typed included."""
    with subprocess.Popen(
            [sys.executable, str(CHILD), "--db", db.url, "--patient", str(patient_id),
             "--user", "nurse.anna"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}) as child:
        assert child.stdin is not None and child.stdout is not None
        try:
            saved = child.stdout.readline().split()
            assert saved[0] == "saved", saved
            visit_id = int(saved[1])
            pg_server.down()
            try:
                child.stdin.write("go\n")
                child.stdin.flush()
                assert child.stdout.readline().strip() == "kept 1"
                status = child.stdout.readline()
                assert "cannot be reached" in status and "kept on this computer" in status
                child.send_signal(signal.SIGKILL)  # a crash, during the outage
                child.wait(timeout=30)
            finally:
                pg_server.up()
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    assert {(a.item, a.value) for a in rows(db, Answer)} == {("q1", 17)}  # the server's

    restarted = open_database(db.url)  # the next start, on the same database
    try:
        dialog = offer_kept_drafts(None, restarted, Actor("nurse.anna", role="nurse"))
        assert dialog is not None
        qtbot.addWidget(dialog)
        qtbot.waitExposed(dialog)
        assert dialog.list.count() == 1 and "m6" in dialog.list.item(0).text()
        try:
            qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
            assert ": restored" in dialog.summary.text(), dialog.summary.text()
        finally:
            dialog.close()  # before it is freed: it has no parent here
    finally:
        restarted.dispose()
    assert {(a.item, a.value) for a in rows(db, Answer)} == {("q1", 17), ("q2", 3)}
    assert [v.id for v in rows(db, Visit)] == [visit_id]  # the same visit, no second one
    assert not list(local_drafts.folder().glob("*.draft"))
