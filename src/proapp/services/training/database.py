"""First start and training: is a database still empty, does it hold demo patients, and the
separate training database with the synthetic cohort.

Demo patients never go into the clinic's own database: the welcome and the *Open training
database* action put them into ``proapp-training.db`` in the data folder, and every window
on a database that holds demo patients says so (``gui.first_run.mark_training_window``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from proapp import paths
from proapp.db.engine import Database
from proapp.db.models import Patient, User
from proapp.services.training import demo


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
    with db.read() as s:
        users = s.scalar(select(func.count(User.id))) or 0
        patients = s.scalar(select(func.count(Patient.id))) or 0
        demo_patients = s.scalar(select(func.count(Patient.id)).where(
            Patient.is_demo.is_(True))) or 0
    return Contents(users, patients, demo_patients)


def has_demo_patients(db: Database) -> bool:
    with db.read() as s:
        return s.scalar(select(Patient.id).where(Patient.is_demo.is_(True)).limit(1)) is not None


def is_default_database(db: Database) -> bool:
    """The database proapp opens without ``--db``/``$PROAPP_DB``: where a first start
    happens."""
    path = db.path
    return path is not None and path.resolve() == paths.default_database().resolve()


def create_training_database(path: Path | None = None, patients: int = 286,
                             seed: int = 2011) -> demo.DemoResult | None:
    """Create the training database with the synthetic cohort. None when it already holds
    patients (it is then left as it is)."""
    from proapp.db.migrate import open_database

    db = open_database(path or paths.training_database())
    try:
        if contents(db).patients:
            return None
        return demo.generate(db, patients, seed)
    finally:
        db.dispose()
