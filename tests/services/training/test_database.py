"""First start and training (services/training/database.py): what a database holds, which one
is the default, and the separate training database that is filled once and never again."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.conftest import make_facts

from proapp import paths
from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.services import accounts, patients
from proapp.services.training import database, demo


def test_contents_of_an_empty_then_a_used_database(db: Database, actor: Actor) -> None:
    assert database.contents(db) == database.Contents(0, 0, 0)
    assert database.contents(db).empty and not database.has_demo_patients(db)
    patients.create_patient(db, actor, make_facts())
    assert not database.contents(db).empty
    accounts.create_first_admin(db, "m.rossi", "correct horse battery", "Maria Rossi")
    assert database.contents(db) == database.Contents(1, 1, 0)


def test_demo_patients_are_counted(db: Database) -> None:
    demo.generate(db, 3, 7)
    c = database.contents(db)
    assert (c.patients, c.demo_patients) == (3, 3) and not c.empty
    assert database.has_demo_patients(db)


def test_is_default_database(tmp_path: Path) -> None:
    default = open_database(paths.default_database())
    elsewhere = open_database(tmp_path / "other.db")
    try:
        assert database.is_default_database(default)
        assert not database.is_default_database(elsewhere)
    finally:
        default.dispose()
        elsewhere.dispose()


def test_training_database_is_filled_once(tmp_path: Path) -> None:
    path = tmp_path / "training.db"
    result = database.create_training_database(path, patients=4, seed=3)
    assert result is not None and result.patients == 4
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert database.create_training_database(path, patients=4, seed=3) is None
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    training = open_database(path)
    try:
        assert database.contents(training).demo_patients == 4
    finally:
        training.dispose()
    assert not paths.training_database().exists()  # only the file asked for was written
