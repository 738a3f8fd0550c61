"""GUI: first administrator, sign-in, idle lock (data hidden, draft kept), user switch,
user management, sign/unlock dialogs, change-log view."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QVBoxLayout,
)
from tests.support.main_window import when_filled
from tests.support.staff import PASSWORD, Staff

from proapp.db.engine import Database
from proapp.db.models import Setting
from proapp.domain.validation import ValidationError
from proapp.domain.visit import VisitContent
from proapp.gui.accounts import (
    FirstAdminDialog,
    IdleLock,
    LoginDialog,
    UserManagementDialog,
)
from proapp.gui.accounts.changelog_view import ChangeLogDialog, ChangeLogModel
from proapp.gui.accounts.idle_lock import LOCKED_TITLE
from proapp.gui.accounts.signing import SignVisitDialog, UnlockVisitDialog
from proapp.services import accounts, settings, visits

# The offscreen platform cannot resize windows to size hints; harmless for these tests.
pytestmark = [pytest.mark.gui, pytest.mark.security,
              pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_first_admin_dialog(qtbot, db: Database) -> None:
    dialog = FirstAdminDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "m.rossi")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.repeat, PASSWORD + "x")
    dialog.ok_button.click()
    assert dialog.error.text() == "The two passwords differ"
    assert not accounts.has_users(db)
    qtbot.keyClicks(dialog.repeat, PASSWORD)
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None
    assert dialog.actor.role == "admin"
    assert dialog.password.text() == ""
    assert dialog.repeat.text() == ""


def test_login_dialog(qtbot, db: Database, staff: Staff) -> None:
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    # what start-up hangs on Sign in (reading the list): told before the password is checked
    told: list[tuple[str, object]] = []
    dialog.submitting.connect(lambda: told.append((dialog.password.text(), dialog.actor)))
    dialog.show()
    qtbot.keyClicks(dialog.username, "nina")
    qtbot.keyClicks(dialog.password, "wrong password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "Wrong user name or password" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor == staff.nurse
    assert told == [("wrong password", None), (PASSWORD, None)]  # each try, before its check


class Wizard(QDialog):
    """Stands in for the visit wizard: holds typed input and can flush it as a draft."""

    def __init__(self, db: Database, staff: Staff, patient_id: int):
        super().__init__()
        self.setWindowTitle("New visit - P001 Rossi")
        self.db, self.staff, self.patient_id = db, staff, patient_id
        self.field = QLineEdit()
        QVBoxLayout(self).addWidget(self.field)
        self.flushed = 0

    def flush_drafts(self) -> None:
        self.flushed += 1
        content = VisitContent({"fss": {"1": int(self.field.text())}})
        visits.save_visit(self.db, self.staff.nurse, visits.VisitDraft(
            self.patient_id, "m3", date(2014, 6, 10), content))


@pytest.fixture
def desk(qtbot, db: Database, staff: Staff, patient_id: int):
    main = QMainWindow()
    main.setWindowTitle("proapp - P001 Rossi")
    qtbot.addWidget(main)
    main.show()
    wizard = Wizard(db, staff, patient_id)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.field, "6")
    lock = IdleLock(db, staff.nurse, minutes=10)
    yield main, wizard, lock
    lock.uninstall()


def test_idle_timer_locks_and_activity_restarts_it(qtbot, desk, db: Database) -> None:
    main, _wizard, lock = desk
    assert lock.timer.isActive()
    assert lock.timer.interval() == 10 * 60_000
    lock.timer.stop()
    QApplication.sendEvent(main, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A,
                                           Qt.KeyboardModifier.NoModifier, "a"))
    assert lock.timer.isActive()  # a key press restarted the idle countdown
    lock.timer.setInterval(1)
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)
    assert not main.isVisible()


def test_lock_hides_data_and_same_user_gets_everything_back(qtbot, desk) -> None:
    main, wizard, lock = desk
    lock.lock()
    assert lock.is_locked
    assert not main.isVisible()
    assert wizard.isVisible()  # not hidden: a hidden dialog would end its exec() loop
    assert wizard.windowTitle() == LOCKED_TITLE
    cover = wizard.findChild(QLineEdit.__mro__[1], "lockCover")
    assert cover is not None
    assert cover.isVisible()
    assert cover.geometry() == wizard.rect()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert set(visible) == {wizard, lock.dialog}
    # Escape does not unlock; a wrong password does not either.
    lock.dialog.reject()
    assert lock.is_locked
    qtbot.keyClicks(lock.dialog.password, "wrong password")
    lock.dialog.ok_button.click()
    assert lock.is_locked
    assert "Wrong" in lock.dialog.error.text()
    qtbot.keyClicks(lock.dialog.password, PASSWORD)
    lock.dialog.ok_button.click()
    assert not lock.is_locked
    assert main.isVisible()
    assert wizard.windowTitle() == "New visit - P001 Rossi"
    assert wizard.field.text() == "6"
    assert wizard.flushed == 0
    qtbot.waitUntil(lambda: wizard.findChild(QLineEdit.__mro__[1], "lockCover") is None)
    assert lock.timer.isActive()


def test_lock_during_exec_keeps_the_dialog_running(qtbot, desk) -> None:
    _main, wizard, lock = desk
    wizard.hide()
    seen = {}

    def during_exec() -> None:
        lock.lock()
        seen["visible_while_locked"] = wizard.isVisible()
        lock.dialog.password.setText(PASSWORD)
        lock.dialog.submit()
        seen["text"] = wizard.field.text()
        wizard.accept()

    QTimer.singleShot(0, during_exec)
    assert wizard.exec() == QDialog.DialogCode.Accepted
    assert seen == {"visible_while_locked": True, "text": "6"}


def test_other_user_signs_in_drafts_flushed_windows_closed(qtbot, desk, db: Database,
                                                           staff: Staff,
                                                           patient_id: int) -> None:
    main, wizard, lock = desk
    lock.lock()
    lock.dialog.username.setText("doc")
    qtbot.keyClicks(lock.dialog.password, PASSWORD)
    with qtbot.waitSignal(lock.switched, timeout=2000) as signal:
        lock.dialog.ok_button.click()
    assert signal.args == [staff.clinician]
    assert lock.actor == staff.clinician
    assert not lock.is_locked
    assert wizard.flushed == 1
    assert not wizard.isVisible()
    assert not main.isVisible()
    drafts = visits.drafts_of(db, patient_id)
    assert len(drafts) == 1
    assert drafts[0].entered_by == "nina"
    assert drafts[0].content.answers("fss")["1"] == 6


def test_idle_minutes_setting(db: Database, staff: Staff) -> None:
    from proapp.gui.accounts.idle_lock import idle_minutes

    assert idle_minutes(db) == 10
    settings.set_value(db, staff.admin, "idle_lock_minutes", "0")
    assert idle_minutes(db) == 0
    with pytest.raises(ValidationError):
        settings.set_value(db, staff.admin, "idle_lock_minutes", "ten")
    assert idle_minutes(db) == 0  # refused: unchanged
    with db.write(staff.admin) as s:  # a value stored by hand, or by an older proapp
        s.get(Setting, "idle_lock_minutes").value = "ten"
    assert idle_minutes(db) == 10


def _complete_visit(db: Database, staff: Staff, patient_id: int) -> visits.VisitRecord:
    content = VisitContent({"fss": {str(n): 5 for n in range(1, 10)},
                            "midas": {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "q5": 0, "a": 0,
                                      "b": 0}})
    return visits.save_visit(db, staff.nurse, visits.VisitDraft(
        patient_id, "m3", date(2014, 6, 10), content), complete=True, confirm_warnings=True)


def test_sign_and_unlock_dialogs(qtbot, db: Database, staff: Staff, patient_id: int) -> None:
    v = _complete_visit(db, staff, patient_id)
    sign = SignVisitDialog(db, staff.clinician, v.id)
    qtbot.addWidget(sign)
    assert "P001 · Rossi, Anna" in sign.intro.text()
    qtbot.keyClicks(sign.password, "wrong password")
    sign.ok_button.click()
    assert "password is wrong" in sign.error.text()
    assert not visits.get_visit(db, v.id).is_signed
    qtbot.keyClicks(sign.password, PASSWORD)
    sign.ok_button.click()
    assert sign.result() == QDialog.DialogCode.Accepted
    assert visits.get_visit(db, v.id).is_signed
    unlock = UnlockVisitDialog(db, staff.clinician, v.id)
    qtbot.addWidget(unlock)
    assert "Signed by doc" in unlock.intro.text()
    qtbot.keyClicks(unlock.password, PASSWORD)
    unlock.ok_button.click()
    assert "reason" in unlock.error.text()
    qtbot.keyClicks(unlock.reason, "FSS item 3 mistyped")
    qtbot.keyClicks(unlock.password, PASSWORD)
    unlock.ok_button.click()
    assert unlock.result() == QDialog.DialogCode.Accepted
    assert not visits.get_visit(db, v.id).is_signed


def test_user_management_dialog(qtbot, db: Database, staff: Staff,
                                monkeypatch: pytest.MonkeyPatch, qtmodeltester) -> None:
    from PySide6.QtWidgets import QMessageBox

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    dialog = UserManagementDialog(db, staff.admin)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert [u.username for u in dialog.model.rows] == ["boss", "doc", "nina"]
    dialog.table.selectRow(0)  # boss, the only administrator
    dialog.active_button.click()
    assert warnings
    assert "last active administrator" in warnings[0]
    dialog.table.selectRow(2)
    dialog.active_button.click()
    assert not accounts.get_user(db, staff.nurse.user_id or 0).active
    assert dialog.active_button.text() == "&Reactivate"
    assert dialog.model.data(dialog.model.index(2, dialog.model.ACTIVE)) == "deactivated"


def test_changelog_view(qtbot, db: Database, staff: Staff, patient_id: int,
                        qtmodeltester) -> None:
    v = _complete_visit(db, staff, patient_id)
    whole = ChangeLogDialog(db, staff.nurse)
    qtbot.addWidget(whole)
    qtmodeltester.check(whole.model)
    per_visit = ChangeLogDialog(db, staff.nurse, visit_id=v.id)
    qtbot.addWidget(per_visit)
    per_patient = ChangeLogDialog(db, staff.nurse, patient_id=patient_id)
    qtbot.addWidget(per_patient)
    assert per_visit.model.rowCount() == 1
    assert per_patient.model.rowCount() == 3  # patient, procedure, visit
    assert whole.model.rowCount() > per_patient.model.rowCount()  # users too
    m = per_visit.model
    assert m.data(m.index(0, ChangeLogModel.USER)) == "nina"
    assert m.data(m.index(0, ChangeLogModel.ACTION)) == "created"
    # the visit in words (its label and date), not "visit <id>"
    assert m.data(m.index(0, ChangeLogModel.WHAT)) == "P001 · m3 – 3 months, 10/06/2014"
    whole.filter.setText("clinician")
    assert whole.proxy.rowCount() == 1
    assert "1 of" in whole.count.text()


def test_change_password_dialog(qtbot, db: Database, staff: Staff) -> None:
    from proapp.gui.accounts import ChangePasswordDialog

    dialog = ChangePasswordDialog(db, staff.nurse)
    qtbot.addWidget(dialog)
    for edit, text in ((dialog.current, "not it at all"), (dialog.new, "a fresh sentence"),
                       (dialog.repeat, "a fresh sentence")):
        qtbot.keyClicks(edit, text)
    dialog.ok_button.click()
    assert "current password is wrong" in dialog.error.text()
    for edit, text in ((dialog.current, PASSWORD), (dialog.new, "short"),
                       (dialog.repeat, "short")):
        qtbot.keyClicks(edit, text)
    dialog.ok_button.click()
    assert "at least 10 characters" in dialog.error.text()
    for edit, text in ((dialog.current, PASSWORD), (dialog.new, "a fresh sentence"),
                       (dialog.repeat, "a fresh sentence")):
        qtbot.keyClicks(edit, text)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert accounts.authenticate(db, "nina", "a fresh sentence") == staff.nurse


def test_run_gui_backs_up_signs_in_and_opens_main_window(qtbot, db: Database, staff: Staff,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import proapp.gui.accounts as gui_accounts
    from proapp.gui.shell import app as gui_app
    from proapp.gui.shell.main_window import MainWindow
    from proapp.services.integrity import backup

    seen: dict[str, object] = {}

    def fake_exec(_self: QApplication) -> int:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        # the day's backup waits for the list: nothing before the window is up
        seen["backups before the list"] = len(backup.list_backups(backup.default_backup_dir()))
        qtbot.waitUntil(lambda: len(backup.list_backups(backup.default_backup_dir())) == 1,
                        timeout=20_000)  # then it is written in the background
        seen["actors"] = [w.actor for w in windows]
        menu = windows[0].findChild(QMenu, "accountMenu")
        seen["menu"] = [a.text() for a in menu.actions() if a.text()]
        seen["filters"] = any(isinstance(c, IdleLock) for c in QApplication.instance().children())
        for w in windows:
            w.close()
        return 0

    monkeypatch.setattr(gui_accounts, "first_admin_or_login", lambda _db, **_kw: staff.nurse)
    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert gui_app.run_gui(db) == 0
    assert seen == {"actors": [staff.nurse], "filters": True, "backups before the list": 0,
                    "menu": ["&Lock now", "Change &password…", "Change lo&g…"]}
    assert len(backup.list_backups(backup.default_backup_dir())) == 1


def test_run_gui_cancelled_sign_in_quits(qtbot, db: Database, staff: Staff,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import proapp.gui.accounts as gui_accounts
    from proapp.gui.shell import app as gui_app

    monkeypatch.setattr(gui_accounts, "first_admin_or_login", lambda _db, **_kw: None)
    monkeypatch.setattr(QApplication, "exec", lambda _self: pytest.fail("no window expected"))
    assert gui_app.run_gui(db) == 0


def test_account_menu_for_admin_and_lock_now(qtbot, db: Database, staff: Staff) -> None:
    from proapp.gui.shell.main_window import MainWindow

    lock = IdleLock(db, staff.admin, minutes=0)
    window = MainWindow(db, staff.admin, lock=lock, load=False)
    qtbot.addWidget(window)
    window.show()
    try:
        assert not lock.timer.isActive()  # 0 minutes: no idle lock
        menu = window.findChild(QMenu, "accountMenu")
        assert menu.title() == f"&Account ({staff.admin.username})"
        texts = [a.text() for a in menu.actions() if a.text()]
        assert texts == ["&Lock now", "Change &password…", "Change lo&g…", "&Users…"]
        menu.actions()[0].trigger()
        assert lock.is_locked
        assert not window.isVisible()
    finally:
        lock.uninstall()


def test_login_pauses_after_repeated_failures(qtbot, db: Database, staff: Staff) -> None:
    dialog = LoginDialog(db, username="nina")
    qtbot.addWidget(dialog)
    for n in range(1, 6):
        dialog.password.setText(f"guess number {n}")
        dialog.submit()
        assert dialog.ok_button.isEnabled() == (n < 5)
    assert "5 failed attempts: wait 2 s" in dialog.error.text()
    dialog.password.setText(PASSWORD)
    dialog.submit()  # ignored while paused, even with the right password
    assert dialog.actor is None
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=5000)
    dialog.password.setText(PASSWORD)
    dialog.submit()
    assert dialog.actor == staff.nurse


def test_run_gui_reads_the_list_while_the_password_is_checked(
        qtbot, db: Database, staff: Staff, patient_id: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A sign-in typed at once (a password manager) is not made to wait for the list: the
    real sign-in dialog starts the list's load when Sign in is pressed, before Argon2 checks
    the password, not only 100 ms after the dialog painted; the window adopts that load."""
    from proapp.gui.patients.loading import ListLoader
    from proapp.gui.shell import app as gui_app

    order: list[str] = []
    real_reload, real_authenticate = ListLoader.reload, accounts.authenticate
    def reload(self: ListLoader) -> None:
        order.append("load")
        real_reload(self)

    def authenticate(*args: Any) -> Any:
        order.append("check")
        return real_authenticate(*args)

    monkeypatch.setattr(ListLoader, "reload", reload)
    monkeypatch.setattr(accounts, "authenticate", authenticate)
    monkeypatch.setattr(gui_app.AfterFirstPaint, "DELAY_MS", 60_000)  # only Sign in starts it
    seen: dict[str, object] = {}

    def sign_in_at_once() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, LoginDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(10, sign_in_at_once)
            return
        dialog.username.setText("nina")
        dialog.password.setText(PASSWORD)
        dialog.ok_button.click()

    QTimer.singleShot(0, sign_in_at_once)
    when_filled(lambda w: seen.update(rows=w.patients.model.rowCount(), actor=w.actor))
    assert gui_app.run_gui(db) == 0
    assert order[:2] == ["load", "check"] and order.count("load") == 1  # adopted, not again
    assert seen == {"rows": 1, "actor": staff.nurse}
