"""The schema snapshot opening compares a file with is exactly what the migrations make."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from proapp.db import schema
from proapp.db.migrate import head_revision


def test_the_shipped_snapshot_is_what_the_migrations_make_at_the_head() -> None:
    data = json.loads(schema.SNAPSHOT.read_text(encoding="utf-8"))
    hint = "run `python scripts/schema_snapshot.py` after changing a migration"
    assert data["revision"] == head_revision(), hint
    assert data["migrations"] == schema.migrations_digest(), hint
    shipped = frozenset(schema.SchemaObject(*o) for o in data["objects"])
    assert shipped == schema.made_by_migrations(head_revision()), hint
    assert any(o.type == "trigger" for o in shipped)  # the append-only triggers are in it


def test_a_snapshot_that_does_not_match_the_migrations_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stale or edited snapshot can only make opening slower, never let a schema through."""
    data = json.loads(schema.SNAPSHOT.read_text(encoding="utf-8"))
    data["objects"].append(["trigger", "planted", "user_account", "CREATE TRIGGER planted"])
    data["migrations"] = "0" * 64
    stale = tmp_path / "head_schema.json"
    stale.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(schema, "SNAPSHOT", stale)
    schema.expected_schema.cache_clear()
    try:
        expected = schema.expected_schema(head_revision())
    finally:
        schema.expected_schema.cache_clear()
    assert ("trigger", "planted") not in {(o.type, o.name) for o in expected}
    assert expected == schema.made_by_migrations(head_revision())


def test_checking_a_current_file_imports_no_alembic(tmp_path: Path) -> None:
    probe = ("import sys\nfrom proapp.db import schema\nfrom proapp.db.migrate import "
             "head_revision\nschema.expected_schema(head_revision())\n"
             "print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize(("tamper", "words"), [
    ("ALTER TABLE visit DROP COLUMN text_edition", "table 'visit' was altered"),
    ("CREATE VIEW everyone AS SELECT code, family_name FROM patient",
     "view 'everyone' is not part of proapp's schema"),
    ("DROP TRIGGER change_log_no_update", "trigger 'change_log_no_update' (on change_log) is "
     "missing"),
], ids=["dropped column", "planted view", "dropped log trigger"])
def test_schema_drift_of_a_file_is_refused_on_open(db_path: Path, tamper: str,
                                                   words: str) -> None:
    """The SQLite counterpart of tests/db/test_server_schema.py: the file's schema against
    the one the migrations make, named object by object; the file is left as it was."""
    import sqlite3

    from proapp.db.errors import NotOurs
    from proapp.db.migrate import open_database

    open_database(db_path).dispose()
    con = sqlite3.connect(db_path)
    con.execute(tamper)
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(NotOurs) as refused:
        open_database(db_path)
    assert words in str(refused.value) and "left untouched" in str(refused.value)
    assert db_path.read_bytes() == before
