"""The visit wizard on a shared server that goes away while a nurse types: the message says
so plainly, everything typed stays in the window, and the draft is stored by itself once the
server is back (it retries; nothing to press)."""

from __future__ import annotations

import pytest
from tests.gui.visits.test_wizard import ENTER, close_if_open, open_wizard, press, rows
from tests.support.postgres import PgServer

from proapp.db.models import Answer
from proapp.domain.actor import Actor

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
    finally:
        pg_server.up()
    qtbot.waitUntil(lambda: {(a.item, a.value) for a in rows(db, Answer)}
                    == {("q1", 17), ("q2", 3)}, timeout=30_000)
    assert "Draft saved" in w.status.text()
    close_if_open(w)
