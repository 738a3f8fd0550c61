"""Fixtures shared by the whole suite: a private data folder and a fresh database per test.

Nothing here mocks our own storage: every test gets a real database, created and migrated by
the same code the application runs at start-up. ``--backend sqlite`` (the default) gives a
SQLite file in ``tmp_path``; ``--backend postgresql`` a database of its own on a throw-away
PostgreSQL server (tests/support/postgres.py). On PostgreSQL only the tests that use the
database (the ``db_target`` fixture, directly or through ``db``, ``demo_db``, ``staff`` ...)
or are marked ``postgresql`` run: the others do not depend on the back-end. A test that reads
the SQLite file itself (``db_path``) is skipped there with that reason.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.support.postgres import PgServer

from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.domain.patient import MsSubtype, PatientFacts, ProcedureFacts, Sex
from proapp.services import patients
from proapp.services.accounts import signin
from proapp.services.training import demo

# Fixtures that live in tests/support (accounts with real Argon2id hashes, ...).
pytest_plugins = ["tests.support.staff"]

BACKENDS = ("sqlite", "postgresql")
DB_FIXTURES = {"db_target", "demo_db"}  # a test using one of these runs on both back-ends


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--backend", choices=BACKENDS,
                     default=os.environ.get("PROAPP_TEST_BACKEND", "sqlite"),
                     help="database back-end for the storage tests (default: sqlite, or "
                     "$PROAPP_TEST_BACKEND)")


def pytest_report_header(config: pytest.Config) -> str:
    return f"proapp database back-end: {config.getoption('--backend')}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    backend = config.getoption("--backend")
    if backend == "postgresql":
        keep: list[pytest.Item] = []
        drop: list[pytest.Item] = []
        for item in items:
            only = item.get_closest_marker("sqlite_only")
            if only:
                item.add_marker(pytest.mark.skip(reason=only.args[0]))
            uses_db = bool(DB_FIXTURES & set(getattr(item, "fixturenames", ())))
            (keep if uses_db or item.get_closest_marker("postgresql") else drop).append(item)
        if drop:
            config.hook.pytest_deselected(items=drop)
            items[:] = keep
        return
    skip = pytest.mark.skip(reason="needs the PostgreSQL back-end (--backend postgresql)")
    for item in items:
        if item.get_closest_marker("postgresql"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def backend(pytestconfig: pytest.Config) -> str:
    return str(pytestconfig.getoption("--backend"))


@pytest.fixture(scope="session")
def pg_server(backend: str) -> Iterator[PgServer]:
    """The session's PostgreSQL server (only with ``--backend postgresql``)."""
    if backend != "postgresql":
        pytest.skip("needs the PostgreSQL back-end (--backend postgresql)")
    server = PgServer.start()
    yield server
    server.stop()


# (Child processes of a test import this module too: they reuse the parent's folder.)
_SESSION_CONFIG = Path(os.environ.get("PROAPP_TEST_SESSION_CONFIG")
                       or tempfile.mkdtemp(prefix="proapp-test-config-"))
os.environ["PROAPP_TEST_SESSION_CONFIG"] = str(_SESSION_CONFIG)
# Fixtures wider than one test (session and module templates) run before a test's private
# folders exist: their integrity keys go here, never into the developer's own config folder,
# and every test gets copies (see ``private_data_dir``).
os.environ["PROAPP_CONFIG_DIR"] = str(_SESSION_CONFIG)
os.environ["PROAPP_KEYRING"] = "0"


@pytest.fixture(scope="session")
def session_config() -> Path:
    """Where the session-wide templates keep their integrity keys."""
    return _SESSION_CONFIG


@contextmanager
def session_env(folder: Path) -> Iterator[None]:
    """Session fixtures run before a test's private folders exist: give them their own."""
    saved = {k: os.environ.get(k) for k in ("PROAPP_CONFIG_DIR", "PROAPP_DATA_DIR")}
    os.environ["PROAPP_CONFIG_DIR"] = str(folder)
    os.environ["PROAPP_DATA_DIR"] = str(folder / "data")
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture(scope="session")
def pg_empty_template(pg_server: PgServer, session_config: Path) -> str:
    """A database migrated to the current schema, copied (CREATE DATABASE ... TEMPLATE) for
    each test: the same result as migrating each one, in a fraction of the time."""
    name = pg_server.create_database()
    with session_env(session_config):
        open_database(pg_server.url(name)).dispose()
    return name


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch, session_config: Path) -> Path:
    """Point the user data folder, the integrity-key folder and QSettings at temporary
    folders: a developer's own database, keys and settings are never touched by tests."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("PROAPP_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    # One integrity-key folder for the whole session (keys and anchors are named by
    # installation and database path, so tests never share one): templates made by session or
    # module fixtures, before this fixture runs, keep working in every test.
    monkeypatch.setenv("PROAPP_CONFIG_DIR", str(session_config))
    monkeypatch.setenv("PROAPP_KEYRING", "0")  # never the developer's OS keyring
    monkeypatch.delenv("PROAPP_DB", raising=False)
    signin.reset_for_tests()
    return folder


@pytest.fixture
def db_path(tmp_path: Path, backend: str) -> Path:
    """The SQLite file of the test's database, for tests that read or damage the file."""
    if backend != "sqlite":
        pytest.skip("reads the SQLite file itself")
    return tmp_path / "proapp.db"


@pytest.fixture
def db_target(request: pytest.FixtureRequest, tmp_path: Path, backend: str) -> Iterator[str]:
    """What ``--db`` / :func:`open_database` take for the test's database: the SQLite file
    (not created yet), or the URL of a fresh PostgreSQL database already migrated."""
    if backend == "sqlite":
        yield str(tmp_path / "proapp.db")
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.create_database(template=request.getfixturevalue("pg_empty_template"))
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def db(db_target: str) -> Iterator[Database]:
    database = open_database(db_target)
    yield database
    database.dispose()


@pytest.fixture
def actor(request: pytest.FixtureRequest) -> Actor:
    """A nurse. On an empty database that is the no-accounts bootstrap actor (services trust
    its claimed role only while no account exists); a test that also has real accounts
    (``staff``) gets the staff nurse instead, since services then refuse an actor without a
    stored account."""
    if "staff" in request.fixturenames:
        nurse: Actor = request.getfixturevalue("staff").nurse
        return nurse
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
def demo_template(tmp_path_factory: pytest.TempPathFactory, session_config: Path) -> Path:
    """The 286-patient demo cohort, generated once per test session."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with session_env(session_config):
        database = open_database(path)
        demo.generate(database, 286, 2011)
        database.dispose()
    return path


@pytest.fixture(scope="session")
def pg_demo_template(pg_server: PgServer, pg_empty_template: str,
                     session_config: Path) -> str:
    name = pg_server.create_database(template=pg_empty_template)
    with session_env(session_config):
        database = open_database(pg_server.url(name))
        demo.generate(database, 286, 2011)
        database.dispose()
    return name


@pytest.fixture
def demo_db(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo cohort that a test may change freely."""
    if backend == "sqlite":
        target = str(tmp_path / "demo.db")
        shutil.copyfile(request.getfixturevalue("demo_template"), target)
    else:
        server: PgServer = request.getfixturevalue("pg_server")
        target = server.url(server.create_database(
            template=request.getfixturevalue("pg_demo_template")))
    database = open_database(target)
    yield database
    database.dispose()
    if backend != "sqlite":
        server.drop_database(database.engine.url.database or "")


@pytest.fixture
def password_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The staff's password in a private file, as ``$PROAPP_PASSWORD_FILE`` (the CLI's way)."""
    from tests.support.staff import PASSWORD

    p = tmp_path / "pw"
    p.write_text(PASSWORD + "\n")
    p.chmod(0o600)
    monkeypatch.setenv("PROAPP_PASSWORD_FILE", str(p))
    return p
