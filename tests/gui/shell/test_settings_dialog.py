"""File → Settings…: every declared setting has a field; Save stores the changes in one
transaction with the change log; a refused value is shown beside its field."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox
from sqlalchemy import select
from tests.support.staff import Staff

from proapp.db.engine import Database
from proapp.db.models import ChangeLog
from proapp.gui.shell.main_window import MainWindow
from proapp.gui.shell.settings_dialog import SettingsDialog
from proapp.services import settings

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")]


def test_settings_round_trip_through_the_dialog(qtbot, db: Database, staff: Staff) -> None:
    d = SettingsDialog(db, staff.admin)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert set(d.fields) == set(settings.DEFINITIONS)
    assert QApplication.focusWidget() is d.fields["clinic_name"].focus  # the first field
    qtbot.keyClicks(QApplication.focusWidget(), "MS Centre")
    d.fields["idle_lock_minutes"].write("25")
    d.fields["report_page_size"].write("letter")
    d.fields["clinic_days"].write("tue fri")
    with qtbot.waitSignal(d.saved) as sig:
        d.save_button.click()
    assert sorted(sig.args[0]) == ["clinic_days", "clinic_name", "idle_lock_minutes",
                                   "report_page_size"]
    assert settings.all_values(db) | {} == {
        **{k: x.default for k, x in settings.DEFINITIONS.items()}, "clinic_name": "MS Centre",
        "idle_lock_minutes": "25", "report_page_size": "letter", "clinic_days": "tue fri"}
    with db.read() as s:
        logged = {(r.field, r.new_value) for r in s.scalars(
            select(ChangeLog).where(ChangeLog.entity == "setting"))}
    assert logged == {("clinic_name", "MS Centre"), ("idle_lock_minutes", "25"),
                      ("report_page_size", "letter"), ("clinic_days", "tue fri")}
    again = SettingsDialog(db, staff.admin)  # shows what is stored
    qtbot.addWidget(again)
    assert again.fields["clinic_name"].read() == "MS Centre"
    assert again.fields["clinic_days"].read() == "tue fri"


def test_a_refused_value_is_shown_and_nothing_is_stored(qtbot, db: Database,
                                                        staff: Staff) -> None:
    d = SettingsDialog(db, staff.admin)
    qtbot.addWidget(d)
    d.show()
    d.fields["clinic_name"].write("New name")
    for check in d.fields["clinic_days"].widget.findChildren(QCheckBox):
        check.setChecked(False)  # no clinic day at all: refused
    d.save_button.click()
    assert d.isVisible()
    assert d.messages["clinic_days"].isVisible()
    assert "weekday" in d.messages["clinic_days"].text()
    assert settings.get(db, "clinic_name") == ""  # all or nothing


def test_only_administrators_see_the_settings_and_saving_applies_the_idle_lock(
        qtbot, db: Database, staff: Staff) -> None:
    from proapp.gui.accounts.idle_lock import IdleLock

    nurse_window = MainWindow(db, staff.nurse, load=False)
    qtbot.addWidget(nurse_window)
    assert "actSettings" not in [a.objectName() for a in nurse_window.actions()]
    lock = IdleLock(db, staff.admin, minutes=10)
    try:
        w = MainWindow(db, staff.admin, lock=lock, load=False)
        qtbot.addWidget(w)
        w.action("actSettings").trigger()
        d = w.findChild(SettingsDialog)
        assert d is not None
        d.fields["idle_lock_minutes"].write("3")
        d.save()
        assert lock.minutes == 3
        assert w.statusBar().currentMessage() == "1 setting saved"
    finally:
        lock.uninstall()
