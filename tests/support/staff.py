"""Accounts for the security tests: an administrator, a clinician and a nurse with real
Argon2id hashes in the test database."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.services import accounts

PASSWORD = "correct horse battery"


@dataclass(frozen=True)
class Staff:
    admin: Actor
    clinician: Actor
    nurse: Actor


@pytest.fixture
def staff(db: Database) -> Staff:
    admin = accounts.create_first_admin(db, "boss", PASSWORD, "Dr Boss")
    cid = accounts.create_user(db, admin, "doc", PASSWORD, "clinician", "Dr Doc")
    nid = accounts.create_user(db, admin, "nina", PASSWORD, "nurse", "Nina Nurse")
    return Staff(admin, Actor("doc", cid, "clinician"), Actor("nina", nid, "nurse"))
