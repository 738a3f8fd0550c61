"""The sign-in with a verification started early (a command's start-up, issue #14) keeps every
rule of the sign-in: the early result counts only for the hash the sign-in reads in its own
transaction, so an edit of the stored account made in between decides; deactivated and locked
accounts are refused; every attempt is an access-log row; the messages are the same. On both
back-ends (the early result is made here from the hash as stored, as the command makes it from
the SQLite file before opening it; that read itself is tested at the end)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from tests.support import sql
from tests.support.staff import PASSWORD, Staff

from proapp.db.engine import Database
from proapp.services import accounts
from proapp.services.accounts import passwords, signin
from proapp.services.accounts.passwords import EarlyVerification

pytestmark = pytest.mark.security

REFUSED = "Wrong user name or password, or the account is deactivated or locked"


def stored_hash(db: Database, name: str) -> str:
    value = sql.scalar(db, "SELECT password_hash FROM user_account WHERE username = :n",
                       {"n": name})
    assert isinstance(value, str)
    return value


def early(db: Database, name: str, password: str) -> EarlyVerification:
    """What the command starts before it opens the database: the hash as stored now."""
    return EarlyVerification(stored_hash(db, name), password)


def set_hash(db: Database, name: str, value: str) -> None:
    """A tamperer's edit of the account, past proapp (no change-log row)."""
    with db.engine.begin() as con:
        con.execute(text("UPDATE user_account SET password_hash = :h WHERE username = :n"),
                    {"h": value, "n": name})


def test_the_early_result_signs_in_and_writes_the_sign_in_row(db: Database,
                                                              staff: Staff) -> None:
    check = early(db, "nina", PASSWORD)
    assert accounts.authenticate(db, "nina", PASSWORD, check) == staff.nurse
    assert check.result_for(stored_hash(db, "nina"), PASSWORD) is True
    assert sql.access_events(db, "nina") == [("sign-in", None)]


def test_a_wrong_password_checked_early_is_refused_with_the_same_message(
        db: Database, staff: Staff) -> None:
    with pytest.raises(accounts.AuthenticationFailed, match=REFUSED):
        accounts.authenticate(db, "nina", "not her password", early(db, "nina",
                                                                    "not her password"))
    assert sql.access_events(db, "nina") == [("failure", "wrong password")]


def test_a_hash_changed_after_the_early_check_decides(db: Database, staff: Staff) -> None:
    """The attacker edits the database between the early read and the sign-in: the right
    password verified early against the old hash does not open the account whose stored hash
    is now another one; and a password verified early as wrong against the old hash signs in
    when the stored hash is now its own, as the sign-in without a head start does."""
    check = early(db, "nina", PASSWORD)
    set_hash(db, "nina", passwords.hash_password("the attacker's own"))
    assert check.result_for(stored_hash(db, "nina"), PASSWORD) is None  # not this hash
    with pytest.raises(accounts.AuthenticationFailed, match=REFUSED):
        accounts.authenticate(db, "nina", PASSWORD, check)
    assert sql.access_events(db, "nina") == [("failure", "wrong password")]

    signin.reset_for_tests()
    wrong = early(db, "doc", "the attacker's own")
    set_hash(db, "doc", passwords.hash_password("the attacker's own"))
    assert accounts.authenticate(db, "doc", "the attacker's own", wrong) == staff.clinician


def test_an_early_result_is_only_for_its_own_password(db: Database, staff: Staff) -> None:
    check = early(db, "nina", PASSWORD)
    assert check.result_for(stored_hash(db, "nina"), PASSWORD + "x") is None
    with pytest.raises(accounts.AuthenticationFailed):
        accounts.authenticate(db, "nina", PASSWORD + "x", check)
    assert sql.access_events(db, "nina") == [("failure", "wrong password")]


def test_a_deactivated_account_is_refused_though_the_password_verified_early(
        db: Database, staff: Staff) -> None:
    check = early(db, "nina", PASSWORD)
    accounts.deactivate_user(db, staff.admin, staff.nurse.user_id or 0)
    with pytest.raises(accounts.AuthenticationFailed, match=REFUSED):
        accounts.authenticate(db, "nina", PASSWORD, check)
    assert sql.access_events(db, "nina") == [("failure", "deactivated")]


def test_an_account_deactivated_in_the_file_is_refused(db: Database, staff: Staff) -> None:
    """The same, with the flag set past proapp (an edit of the database file)."""
    check = early(db, "doc", PASSWORD)
    sql.execute(db, "UPDATE user_account SET active = false WHERE username = 'doc'"
                if db.engine.dialect.name == "postgresql" else
                "UPDATE user_account SET active = 0 WHERE username = 'doc'")
    with pytest.raises(accounts.AuthenticationFailed, match=REFUSED):
        accounts.authenticate(db, "doc", PASSWORD, check)
    assert sql.access_events(db, "doc") == [("failure", "deactivated")]


def test_failures_checked_early_lock_the_account(db: Database, staff: Staff) -> None:
    for _ in range(signin.LOCK_AFTER):
        signin.reset_for_tests()  # each attempt a new command
        with pytest.raises(accounts.AuthenticationFailed, match=REFUSED):
            accounts.authenticate(db, "nina", "wrong password!!",
                                  early(db, "nina", "wrong password!!"))
    signin.reset_for_tests()
    with pytest.raises(accounts.AuthenticationFailed, match=REFUSED):
        accounts.authenticate(db, "nina", PASSWORD, early(db, "nina", PASSWORD))
    logged = sql.access_events(db, "nina")
    assert logged[:signin.LOCK_AFTER] == [("failure", "wrong password")] * signin.LOCK_AFTER
    assert logged[signin.LOCK_AFTER][0] == "locked"
    assert logged[-1] == ("failure", "locked")
    assert [u.locked for u in accounts.list_users(db) if u.username == "nina"] == [True]


def test_an_unknown_name_checked_early_is_refused_and_logged(db: Database,
                                                             staff: Staff) -> None:
    check = EarlyVerification(None, PASSWORD)  # no such account when the command started
    with pytest.raises(accounts.AuthenticationFailed, match=REFUSED):
        accounts.authenticate(db, "nobody", PASSWORD, check)
    assert sql.access_events(db, "nobody") == [("failure", "unknown user name")]


def test_the_one_thread_verification_agrees_with_argon2_cffi() -> None:
    """The early check computes the stored hash's lanes in one thread: the same answer as
    argon2-cffi's own verification, for the right password, a wrong one and other hashes."""
    stored = passwords.hash_password(PASSWORD)
    for password in (PASSWORD, PASSWORD + " ", "", "x" * (passwords.MAX_PASSWORD + 1)):
        assert passwords._check_in_one_thread(stored, password) == passwords._check(
            stored, password)
    assert passwords._check_in_one_thread(stored, PASSWORD) is True
    assert passwords._check_in_one_thread("$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA",
                                          PASSWORD) is None  # not Argon2id: left to argon2-cffi
    assert passwords._check_in_one_thread(stored[:-4] + "AAAA", PASSWORD) is False
    assert passwords._check_in_one_thread("$argon2id$v=19$m=x$$", PASSWORD) is None


def test_the_command_reads_the_hash_from_the_file_before_opening(db: Database,
                                                                 staff: Staff) -> None:
    if db.path is None:
        pytest.skip("the early read is of a SQLite file (a server database signs in later)")
    check = passwords.start_early(db.path, " Nina", PASSWORD)
    assert check is not None and check.stored == stored_hash(db, "nina")
    assert accounts.authenticate(db, "nina", PASSWORD, check) == staff.nurse
    assert passwords.start_early(db.path.with_name("missing.db"), "nina", PASSWORD) is None
