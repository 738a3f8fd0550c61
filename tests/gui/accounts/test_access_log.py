"""The access log dialog and the unlock button, driven as an administrator would."""

from __future__ import annotations

import pytest
from tests.support.staff import PASSWORD, Staff

from proapp.db.engine import Database
from proapp.gui.accounts.access_log import AccessLogDialog, AccessLogModel
from proapp.gui.accounts.users import UserManagementDialog
from proapp.services import accounts
from proapp.services.accounts import signin
from proapp.services.errors import PermissionDenied

pytestmark = [pytest.mark.gui, pytest.mark.security,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def _lock_nina(db: Database) -> None:
    for _ in range(signin.LOCK_AFTER):
        signin.reset_for_tests()
        with pytest.raises(accounts.AuthenticationFailed):
            accounts.authenticate(db, "nina", "not her password")
    signin.reset_for_tests()


def test_admin_reads_the_access_log_and_unlocks(qtbot, db: Database, staff: Staff,
                                                qtmodeltester) -> None:
    _lock_nina(db)
    log = AccessLogDialog(db, staff.admin)
    qtbot.addWidget(log)
    qtmodeltester.check(log.model)
    m = log.model
    assert m.data(m.index(0, AccessLogModel.EVENT)) == "LOCKED"
    assert m.data(m.index(0, AccessLogModel.USER)) == "nina"
    assert m.data(m.index(1, AccessLogModel.EVENT)) == "failed attempt"
    users = UserManagementDialog(db, staff.admin)
    qtbot.addWidget(users)
    row = [u.username for u in users.model.rows].index("nina")
    users.table.selectRow(row)
    assert users.unlock_button.isEnabled()
    users.unlock_button.click()
    assert accounts.authenticate(db, "nina", PASSWORD) == staff.nurse
    users.table.selectRow([u.username for u in users.model.rows].index("nina"))
    assert not users.unlock_button.isEnabled()


def test_a_nurse_cannot_open_the_access_log(qtbot, db: Database, staff: Staff) -> None:
    with pytest.raises(PermissionDenied):
        AccessLogDialog(db, staff.nurse)
