"""The anchor outside the database moves in a thread of its own: a save does not wait for its
file, heads queued together are written once (the newest), nothing in this process ever reads
an anchor behind the queue, and a process that ends has written every queued anchor."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from tests.conftest import make_facts

from proapp.db import changelog, keys
from proapp.db.engine import Database
from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.services import patients
from proapp.services.integrity import backup
from proapp.services.integrity.check import run_check


def on_disk(db: Database) -> keys.Anchor | None:
    """The anchor file as it is now, without waiting for the queue."""
    chain = db.chain()
    return keys._read_anchor_file(keys.anchor_path(chain.installation, db.display_name),
                                  db.display_name)


def log_head(db: Database) -> tuple[int, str]:
    with db.read() as s:
        head = changelog.head(s)
    assert head is not None
    return head


def test_a_save_does_not_wait_for_the_anchor_file(db: Database, actor: Actor) -> None:
    patients.create_patient(db, actor, make_facts("A1"))
    before = keys.read_anchor(db.chain().installation, db.display_name)
    assert before is not None and before.log_id == log_head(db)[0]
    done = threading.Event()
    with keys.ANCHORS.lock:  # the writer cannot write while we hold its lock
        def save_two() -> None:
            patients.create_patient(db, actor, make_facts("A2"))
            patients.create_patient(db, actor, make_facts("A3"))
            done.set()

        worker = threading.Thread(target=save_two)
        worker.start()
        assert done.wait(30), "the saves waited for the anchor file"
        assert on_disk(db) == before  # committed, the anchor not yet moved
    assert keys.read_anchor(db.chain().installation, db.display_name) is not None
    after = on_disk(db)  # read_anchor waited for the queue
    assert after is not None and (after.log_id, after.log_mac) == log_head(db)
    worker.join()


def test_heads_queued_together_are_written_once_the_newest(db: Database, actor: Actor,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    patients.create_patient(db, actor, make_facts("B0"))
    keys.ANCHORS.flush()
    written: list[Path] = []
    real = keys.atomic_write

    def counted(path: Path, data: bytes) -> None:
        written.append(path)
        real(path, data)

    monkeypatch.setattr(keys, "atomic_write", counted)
    with keys.ANCHORS.lock:
        for n in range(1, 6):
            patients.create_patient(db, actor, make_facts(f"B{n}"))
        # the thread took the first job and waits for the lock; the others are merged
    assert keys.ANCHORS.flush()
    assert 1 <= len(written) <= 2
    anchor = on_disk(db)
    assert anchor is not None and (anchor.log_id, anchor.log_mac) == log_head(db)


def test_a_backup_folder_and_the_heads_are_both_kept(db: Database, actor: Actor,
                                                     tmp_path: Path) -> None:
    """A backup lists its folder in the anchor while heads are still queued: neither the
    folder nor the newest head is lost (one read-change-write at a time)."""
    with keys.ANCHORS.lock:
        patients.create_patient(db, actor, make_facts("C1"))
        listed = threading.Thread(target=backup._remember_folder, args=(db, tmp_path))
        listed.start()
    listed.join(30)
    anchor = keys.read_anchor(db.chain().installation, db.display_name)
    assert anchor is not None
    assert str(tmp_path.resolve()) in anchor.backup_dirs
    assert (anchor.log_id, anchor.log_mac) == log_head(db)


def test_an_anchor_that_cannot_be_written_is_logged_and_the_save_stands(
        db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    patients.create_patient(db, actor, make_facts("D1"))
    keys.ANCHORS.flush()

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(keys, "atomic_write", full_disk)
    pid = patients.create_patient(db, actor, make_facts("D2"))
    assert keys.ANCHORS.flush()
    assert patients.get_patient(db, pid).facts.code == "D2"
    assert "anchor file not written (OSError)" in caplog.text
    monkeypatch.undo()
    patients.create_patient(db, actor, make_facts("D3"))  # the thread lives on
    anchor = keys.read_anchor(db.chain().installation, db.display_name)
    assert anchor is not None and anchor.log_id == log_head(db)[0]


_EXITING = """
import sys
from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.services import patients
from tests.conftest import make_facts
db = open_database(sys.argv[1])
for n in range(20):
    patients.create_patient(db, Actor("nurse.k", role="nurse"), make_facts(f"E{n}"))
# no dispose, no flush: the interpreter's exit writes the queued anchor
"""


def test_a_process_that_ends_has_written_its_anchor(db_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", _EXITING, str(db_path)], check=True, cwd=root,
                   env={**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"),
                                                                      str(root)])})
    db = open_database(db_path)
    try:
        chain = db.chain()
        path = keys.anchor_path(chain.installation, db.display_name)
        assert json.loads(path.read_text())["log_id"] == log_head(db)[0]
        report = run_check(db)
        assert report.ok, report
    finally:
        db.dispose()
