"""First start and training: is a database still empty, does it hold demo patients, and the
separate training database with the synthetic cohort.

Demo patients never go into the clinic's own database: the welcome and the *Open training
database* action put them into ``proapp-training.db`` in the data folder, and every window
on a database that holds demo patients says so (``gui.first_run.mark_training_window``).

The first start's checks (:func:`contents`, :func:`is_default_database`) run before the
sign-in dialog and read with plain table clauses; the cohort generator and the ORM models are
imported by the two functions that write, when they run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from proapp import paths
from proapp.db import tables
from proapp.db.engine import Database
from proapp.domain.actor import Actor, Role
from proapp.services import clock

if TYPE_CHECKING:
    from proapp.services.training.demo import DemoResult


@dataclass(frozen=True)
class Contents:
    users: int
    patients: int
    demo_patients: int

    @property
    def empty(self) -> bool:
        """Nothing a person has entered: no account and no patient."""
        return self.users == 0 and self.patients == 0


def contents(db: Database) -> Contents:
    """Read with plain table clauses (:mod:`proapp.db.tables`): the first start asks this
    before the sign-in dialog, which must not wait for the ORM's models to be built."""
    with db.read() as s:
        users = s.scalar(select(func.count()).select_from(tables.user_account)) or 0
        patients = s.scalar(select(func.count()).select_from(tables.patient)) or 0
        demo_patients = s.scalar(select(func.count()).select_from(tables.patient).where(
            tables.patient.c.is_demo.is_(True))) or 0
    return Contents(users, patients, demo_patients)


def has_demo_patients(db: Database) -> bool:
    with db.read() as s:
        return s.scalar(select(tables.patient.c.id).where(
            tables.patient.c.is_demo.is_(True)).limit(1)) is not None


def is_default_database(db: Database) -> bool:
    """The database proapp opens without ``--db``/``$PROAPP_DB``: where a first start
    happens."""
    path = db.path
    return path is not None and path.resolve() == paths.default_database().resolve()


def create_training_database(path: Path | None = None, patients: int = 286,
                             seed: int = 2011) -> DemoResult | None:
    """Create the training database with the synthetic cohort. None when it already holds
    patients (it is then left as it is)."""
    from proapp.db.migrate import open_database
    from proapp.services.training import demo

    db = open_database(path or paths.training_database())
    try:
        if contents(db).patients:
            return None
        return demo.generate(db, patients, seed)
    finally:
        db.dispose()


def give_account(source: Database, username: str, target: Database) -> bool:
    """The training database gets the account of the person opening it (same name, same
    password, administrator there so every screen can be practised), so they sign in as they
    always do instead of creating a second administrator. Only into a database without
    accounts; True when the account was copied. The password itself is never known here:
    its Argon2 hash is copied."""
    from proapp.db import changelog
    from proapp.db.changelog import Change
    from proapp.db.models import User

    with source.read() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None or not user.active or not user.password_hash:
            return False
        full_name, password_hash = user.full_name, user.password_hash
    with target.write(Actor.system("training"), "account for training") as s:
        if s.scalar(select(func.count(User.id))):
            return False
        now = clock.utcnow()
        u = User(username=username, full_name=full_name, role=Role.ADMIN.value,
                 password_hash=password_hash, active=True, created_at=now,
                 password_changed_at=now)
        s.add(u)
        s.flush()
        changelog.append(s, [Change("insert", "user", u.id, None, None,
                                    {"username": u.username, "full_name": u.full_name,
                                     "role": u.role, "active": True})])
    return True
