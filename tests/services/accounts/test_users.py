"""Accounts: Argon2id hashes, first administrator, sign-in, last-admin rule, role checks."""

from __future__ import annotations

from datetime import date

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text
from tests.conftest import make_facts
from tests.support import sql
from tests.support.staff import PASSWORD, Staff

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.validation import ValidationError
from proapp.domain.visit import VisitContent
from proapp.services import accounts, patients, settings, visits
from proapp.services.accounts import AuthenticationFailed
from proapp.services.errors import PermissionDenied, UserError

pytestmark = pytest.mark.security

_rows = sql.rows


def test_password_stored_as_argon2id_never_in_clear(db: Database, staff: Staff,
                                                    request: pytest.FixtureRequest) -> None:
    hashes = [h for (h,) in _rows(db, "SELECT password_hash FROM user_account")]
    assert len(hashes) == 3
    assert all(h.startswith("$argon2id$") for h in hashes)
    server = request.getfixturevalue("pg_server") if db.path is None else None
    raw = sql.stored_bytes(db, server)
    assert b"$argon2id$" in raw  # the search does look at the stored rows
    assert PASSWORD.encode() not in raw
    log = _rows(db, "SELECT coalesce(old_value,''), coalesce(new_value,'') FROM change_log")
    assert not any(PASSWORD in a or PASSWORD in b or "$argon2" in a + b for a, b in log)


def test_first_admin_only_once(db: Database, staff: Staff) -> None:
    with pytest.raises(UserError, match="already exists"):
        accounts.create_first_admin(db, "second", PASSWORD)


def test_authenticate(db: Database, staff: Staff) -> None:
    actor = accounts.authenticate(db, "Doc ", PASSWORD)
    assert actor == staff.clinician
    for name, pw in (("doc", "wrong password!"), ("nobody", PASSWORD), ("doc", "")):
        with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
            accounts.authenticate(db, name, pw)


def test_deactivated_user_cannot_sign_in_and_loses_rights_at_once(
        db: Database, staff: Staff, patient_id: int) -> None:
    accounts.deactivate_user(db, staff.admin, staff.nurse.user_id or 0)
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(db, "nina", PASSWORD)
    # A session opened before the deactivation is refused on its next write.
    with pytest.raises(PermissionDenied, match="deactivated"):
        patients.update_patient(db, staff.nurse, patient_id, make_facts(notes="x"))
    # History stays: the row and its change-log entries remain.
    assert _rows(db, "SELECT active FROM user_account WHERE username='nina'") == [(0,)]
    assert accounts.get_user(db, staff.nurse.user_id or 0).username == "nina"


def test_last_admin_cannot_be_deactivated_or_demoted(db: Database, staff: Staff) -> None:
    admin_id = staff.admin.user_id or 0
    with pytest.raises(UserError, match="last active administrator"):
        accounts.deactivate_user(db, staff.admin, admin_id)
    with pytest.raises(UserError, match="last active administrator"):
        accounts.update_user(db, staff.admin, admin_id, role="nurse")
    assert accounts.get_user(db, admin_id).active
    accounts.update_user(db, staff.admin, staff.clinician.user_id or 0, role="admin")
    accounts.deactivate_user(db, staff.admin, admin_id)  # now another admin exists
    assert not accounts.get_user(db, admin_id).active


def test_usernames_unique_and_validated(db: Database, staff: Staff) -> None:
    for name in ("DOC", "doc"):
        with pytest.raises(ValidationError, match="already taken"):
            accounts.create_user(db, staff.admin, name, PASSWORD, "nurse")
    for name in ("a", "x y", "'; DROP TABLE user_account;--", "é" * 3, "a" * 65):
        with pytest.raises(ValidationError):
            accounts.create_user(db, staff.admin, name, PASSWORD, "nurse")
    with pytest.raises(ValidationError, match="at least 10"):
        accounts.create_user(db, staff.admin, "shorty", "short", "nurse")
    with pytest.raises(ValidationError, match="Role"):
        accounts.create_user(db, staff.admin, "rooty", PASSWORD, "root")


def test_change_and_reset_password(db: Database, staff: Staff) -> None:
    with pytest.raises(AuthenticationFailed):
        accounts.change_password(db, staff.nurse, "not my password", "a brand new one")
    accounts.change_password(db, staff.nurse, PASSWORD, "a brand new one")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(db, "nina", PASSWORD)
    assert accounts.authenticate(db, "nina", "a brand new one") == staff.nurse
    with pytest.raises(PermissionDenied):
        accounts.reset_password(db, staff.nurse, staff.clinician.user_id or 0, "x" * 12)
    accounts.reset_password(db, staff.admin, staff.nurse.user_id or 0, "reset by admin")
    assert accounts.authenticate(db, "nina", "reset by admin") == staff.nurse
    logged = _rows(db, "SELECT username, field, new_value FROM change_log "
                       "WHERE entity='user' AND field='password'")
    # A fingerprint of each new hash, never the hash (nor the password) itself.
    assert [(u, f) for u, f, _v in logged] == [("nina", "password"), ("boss", "password")]
    assert all(v.startswith("sha256:") and len(v) == 27 for _u, _f, v in logged)
    assert len({v for _u, _f, v in logged}) == 2


def test_rehash_on_login_when_parameters_change(db: Database, staff: Staff) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)
    with db.engine.begin() as con:
        con.execute(text("UPDATE user_account SET password_hash = :h WHERE username = 'nina'"),
                    {"h": weak})
    accounts.authenticate(db, "nina", PASSWORD)
    (stored,) = _rows(db, "SELECT password_hash FROM user_account WHERE username='nina'")[0]
    assert stored != weak
    assert not PasswordHasher().check_needs_rehash(stored)
    assert accounts.authenticate(db, "nina", PASSWORD) == staff.nurse


ACTIONS = {
    "patient.create": lambda db, a, pid: patients.create_patient(db, a, make_facts("NEW1")),
    "patient.update": lambda db, a, pid: patients.update_patient(
        db, a, pid, make_facts(notes="changed")),
    "visit.save": lambda db, a, pid: visits.save_visit(
        db, a, visits.VisitDraft(pid, "m3", date(2014, 6, 10), VisitContent())),
    "settings.edit": lambda db, a, pid: settings.set_value(db, a, "clinic_name", "Clinic"),
    "user.manage": lambda db, a, pid: accounts.create_user(db, a, "newbie", PASSWORD, "nurse"),
}
ALLOWED = {
    "nurse": {"patient.create", "patient.update", "visit.save"},
    "clinician": {"patient.create", "patient.update", "visit.save"},
    "admin": set(ACTIONS),
    None: set(),
}


@pytest.mark.parametrize("role", ["nurse", "clinician", "admin", None])
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_role_permissions(db: Database, staff: Staff, patient_id: int, role: str | None,
                          action: str) -> None:
    actor = {"nurse": staff.nurse, "clinician": staff.clinician, "admin": staff.admin,
             None: Actor.system("demo")}[role]
    before = _rows(db, "SELECT count(*) FROM change_log")
    if action in ALLOWED[role]:
        ACTIONS[action](db, actor, patient_id)
        assert _rows(db, "SELECT count(*) FROM change_log") > before
    else:
        with pytest.raises(PermissionDenied):
            ACTIONS[action](db, actor, patient_id)
        assert _rows(db, "SELECT count(*) FROM change_log") == before


def test_demo_needs_no_account(db: Database) -> None:
    from proapp.services.training import demo

    result = demo.generate(db, 5, 1)
    assert result.patients == 5
    assert not accounts.has_users(db)
