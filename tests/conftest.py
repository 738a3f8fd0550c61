"""Fixtures shared by the whole suite: a private data folder and a fresh SQLite file per test.

Nothing here mocks our own storage: every test gets a real database file in ``tmp_path``,
created and migrated by the same code the application runs at start-up.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.domain.patient import MsSubtype, PatientFacts, ProcedureFacts, Sex
from proapp.services import patients
from proapp.services.training import demo

# Fixtures that live in tests/support (accounts with real Argon2id hashes, ...).
pytest_plugins = ["support.staff"]


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user data folder and QSettings at a temporary folder: a developer's own
    database and settings are never touched by tests."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("PROAPP_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    monkeypatch.delenv("PROAPP_DB", raising=False)
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "proapp.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def actor() -> Actor:
    return Actor("nurse.test", role="nurse")


def make_facts(code: str = "P001", **overrides: object) -> PatientFacts:
    values: dict[str, object] = {
        "code": code, "family_name": "Rossi", "given_name": "Anna",
        "birth_date": date(1975, 4, 12), "sex": Sex.FEMALE, "ms_subtype": MsSubtype.RR,
        "diagnosis_year": 2001, "headache_positive": True, "fatigue_positive": True,
        "notes": "",
    }
    values.update(overrides)
    return PatientFacts(**values)  # type: ignore[arg-type]


@pytest.fixture
def patient_id(db: Database, actor: Actor) -> int:
    """One RR patient with a PTA on 2014-03-10."""
    return patients.create_patient(db, actor, make_facts(),
                                   [ProcedureFacts(date(2014, 3, 10))])


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 286-patient demo cohort, generated once per test session."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_database(path)
    demo.generate(database, 286, 2011)
    database.dispose()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo cohort that a test may change freely."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    database = open_database(path)
    yield database
    database.dispose()
