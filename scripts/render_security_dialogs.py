"""Render the account, lock, signing and change-log dialogs to PNG (out/security/) to look at.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_security_dialogs.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/security")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    os.environ["PROAPP_DATA_DIR"] = str(tmp / "data")
    from PySide6.QtWidgets import QMainWindow, QWidget

    from proapp.db.migrate import open_database
    from proapp.domain.actor import Actor
    from proapp.domain.visit import VisitContent
    from proapp.gui.accounts import FirstAdminDialog, IdleLock, LoginDialog
    from proapp.gui.accounts.changelog_view import ChangeLogDialog
    from proapp.gui.accounts.signing import SignVisitDialog, UnlockVisitDialog
    from proapp.gui.accounts.users import UserManagementDialog
    from proapp.gui.shell.app import application
    from proapp.services import accounts, visits
    from proapp.services.training import demo
    from proapp.services.visits import signing

    app = application()
    db = open_database(tmp / "render.db")
    demo.generate(db, 3, 1)
    pw = "correct horse battery"
    shots: dict[str, QWidget | None] = {"first_admin": FirstAdminDialog(db)}
    admin = accounts.create_first_admin(db, "m.rossi", pw, "Maria Rossi")
    doc_id = accounts.create_user(db, admin, "g.bianchi", pw, "clinician", "Giulia Bianchi")
    accounts.create_user(db, admin, "l.verdi", pw, "nurse", "Luca Verdi")
    doctor = Actor("g.bianchi", doc_id, "clinician")
    login = LoginDialog(db)
    login.username.setText("l.verdi")
    login.show_error("Wrong user name or password, or the account is deactivated")
    shots["login"] = login
    shots["users"] = UserManagementDialog(db, admin)
    v = visits.visits_of(db, 1)[-1]
    shots["sign"] = SignVisitDialog(db, doctor, v.id)
    signing.sign_visit(db, doctor, v.id, pw)
    shots["unlock"] = UnlockVisitDialog(db, doctor, v.id)
    nurse = accounts.authenticate(db, "l.verdi", pw)
    visits.save_visit(db, nurse, visits.VisitDraft(
        1, "unscheduled", date(2016, 1, 5), VisitContent({"fss": {"1": 4, "2": 5}})))
    shots["changelog_patient"] = ChangeLogDialog(db, doctor, patient_id=1)
    main = QMainWindow()
    main.resize(900, 600)
    main.show()
    lock = IdleLock(db, nurse, minutes=10)
    lock.lock()
    shots["lock"] = lock.dialog
    for name, widget in shots.items():
        widget.show()
        app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)
    lock.uninstall()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
