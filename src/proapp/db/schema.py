"""Schema verification: a SQLite file's ``sqlite_master`` must be exactly what proapp's own
migrations make at the file's revision.

Someone with write access to the file can plant a trigger (promote a nurse to admin on the next
insert, change an imported answer), drop the change log's append-only triggers, add a view or
alter a table. None of that shows in the data, so every object of the schema is compared with
the expected one before the file is used: on open, by ``proapp check`` and before a restore.

The expected schema is not a hand-written dump (other revisions are added all the time): it is
made by running the migrations themselves on an empty in-memory database up to the same
revision and reading its ``sqlite_master``, once per revision and process.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import astuple, dataclass
from functools import cache
from pathlib import Path

from proapp.db.errors import NotOurs

# Kept by SQLite itself (statistics of ANALYZE / PRAGMA optimize, AUTOINCREMENT counters):
# they hold numbers, not code, and appear on a healthy database at any time.
_SQLITE_INTERNAL = re.compile(r"^sqlite_(stat\d|sequence)$")


@dataclass(frozen=True, order=True)
class SchemaObject:
    type: str  # table | index | trigger | view
    name: str
    table: str
    sql: str | None

    def describe(self) -> str:
        return f"{self.type} {self.name!r} (on {self.table})" if self.type in (
            "index", "trigger") else f"{self.type} {self.name!r}"


def _normalise(sql: str | None) -> str | None:
    return None if sql is None else " ".join(sql.split())


def read_schema(con: sqlite3.Connection) -> frozenset[SchemaObject]:
    rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset(SchemaObject(t, n, tb, _normalise(sql)) for t, n, tb, sql in rows
                     if not _SQLITE_INTERNAL.match(n))


SNAPSHOT = Path(__file__).resolve().parent / "migrations" / "head_schema.json"
VERSIONS = SNAPSHOT.parent / "versions"


def migrations_digest() -> str:
    """SHA-256 over the migration files' names and contents: the snapshot below is used only
    while it was made from exactly these files."""
    digest = hashlib.sha256()
    for path in sorted(VERSIONS.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def snapshot_of(revision: str) -> dict[str, object]:
    """The JSON ``scripts/schema_snapshot.py`` writes for ``revision``."""
    return {"revision": revision, "migrations": migrations_digest(),
            "objects": [list(astuple(o)) for o in sorted(made_by_migrations(revision))]}


def _from_snapshot(revision: str) -> frozenset[SchemaObject] | None:
    try:
        data = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("revision") != revision or data.get("migrations") != migrations_digest():
        return None
    return frozenset(SchemaObject(*o) for o in data["objects"])


@cache
def expected_schema(revision: str) -> frozenset[SchemaObject]:
    """What ``alembic upgrade <revision>`` makes on an empty SQLite database.

    For the newest revision it is read from the snapshot shipped beside the migrations (made
    from them by ``scripts/schema_snapshot.py``; tests/db/test_schema.py keeps it current), so
    opening a current database imports no Alembic; any other revision, or a snapshot that
    does not match the migration files, runs the migrations themselves."""
    return _from_snapshot(revision) or made_by_migrations(revision)


def made_by_migrations(revision: str) -> frozenset[SchemaObject]:
    """Run the migrations up to ``revision`` on an empty in-memory database, read the result."""
    from alembic import command
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    from proapp.db.migrate import alembic_config

    raw = sqlite3.connect(":memory:", check_same_thread=False)
    engine = create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), revision)
        return read_schema(raw)
    finally:
        engine.dispose()
        raw.close()


@dataclass(frozen=True)
class SchemaDifference:
    extra: tuple[SchemaObject, ...]
    missing: tuple[SchemaObject, ...]

    def __bool__(self) -> bool:
        return bool(self.extra or self.missing)

    def lines(self) -> list[str]:
        missing_names = {(o.type, o.name) for o in self.missing}
        out = []
        for o in self.extra:
            if (o.type, o.name) in missing_names:
                out.append(f"{o.describe()} was altered")
            else:
                out.append(f"{o.describe()} is not part of proapp's schema")
        extra_names = {(o.type, o.name) for o in self.extra}
        out += [f"{o.describe()} is missing" for o in self.missing
                if (o.type, o.name) not in extra_names]
        return out


def compare(actual: frozenset[SchemaObject], revision: str) -> SchemaDifference:
    expected = expected_schema(revision)
    return SchemaDifference(tuple(sorted(actual - expected)), tuple(sorted(expected - actual)))


def difference_of_file(path: Path, revision: str) -> SchemaDifference:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        actual = read_schema(con)
    finally:
        con.close()
    return compare(actual, revision)


def verify_file(path: Path, revision: str, *, what: str = "database") -> None:
    """Raise :class:`NotOurs` naming every object that differs; reads only."""
    diff = difference_of_file(path, revision)
    if diff:
        raise NotOurs(f"The {what} {path} has a schema that proapp did not make (" +
                      "; ".join(diff.lines()[:6]) + "). It may have been tampered with; it was "
                      "left untouched. Restore a backup, or ask IT to investigate.")
