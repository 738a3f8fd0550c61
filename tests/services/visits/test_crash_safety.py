"""Kill a real writing process with SIGKILL at random points, many times: after every kill the
database is intact, every visit the writer reported committed is there, and no visit is
partial (each has all its answer and flow rows, and its change-log entry, or does not exist)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.support.writer import expected_rows

from proapp.db import changelog
from proapp.db.engine import make_engine, sqlite_url
from proapp.db.migrate import open_database

WRITER = Path(__file__).resolve().parents[2] / "support" / "writer.py"

KILLS = int(os.environ.get("PROAPP_CRASH_KILLS", "50"))

pytestmark = [pytest.mark.slow, pytest.mark.security,
              pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")]


def _check(db_path: Path, committed: set[int]) -> int:
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {r[0] for r in con.execute("SELECT id FROM visit")}
        missing = committed - stored
        assert not missing, f"committed visits lost: {sorted(missing)[:10]}"
        answers, flows = expected_rows()
        partial = con.execute(
            "SELECT v.id, (SELECT count(*) FROM answer a WHERE a.visit_id = v.id), "
            "(SELECT count(*) FROM flow_measurement f WHERE f.visit_id = v.id), "
            "(SELECT count(*) FROM change_log c WHERE c.entity = 'visit' AND c.action = "
            "'insert' AND c.entity_id = v.id) FROM visit v").fetchall()
        bad = [r for r in partial if r[1:] != (answers, flows, 1)]
        assert not bad, f"partial visits: {bad[:5]}"
        orphans = con.execute("SELECT count(*) FROM answer WHERE visit_id NOT IN "
                              "(SELECT id FROM visit)").fetchone()[0]
        assert orphans == 0
    finally:
        con.close()
    engine = make_engine(sqlite_url(db_path))
    try:
        from sqlalchemy.orm import Session

        with Session(engine) as s:
            _n, broken = changelog.verify_chain(s)
        assert broken is None, broken
    finally:
        engine.dispose()
    return len(stored)


def test_sigkill_never_loses_or_splits_a_visit(tmp_path: Path) -> None:
    db_path = tmp_path / "crash.db"
    open_database(db_path).dispose()
    rng = random.Random(20111)
    committed: set[int] = set()
    started = time.monotonic()
    for kill in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), "--db", str(db_path), "--visits",
             "100000"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            bufsize=1)
        assert proc.stdout is not None
        if kill % 10 == 9:  # sometimes while it is still starting (opening, migrating)
            time.sleep(rng.uniform(0.0, 0.4))
        else:  # mostly in the middle of writing: after some commits, at a random moment
            for _ in range(rng.randint(1, 25)):
                line = proc.stdout.readline()
                if not line:
                    break
                committed.add(int(line.split()[1]))
            time.sleep(rng.uniform(0.0, 0.02))
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, "the writer ended before it was killed"
        committed |= {int(line.split()[1]) for line in rest.splitlines()
                      if line.startswith("committed ")}
        _check(db_path, committed)
    total = _check(db_path, committed)
    assert len(committed) > KILLS
    print(f"\n{KILLS} SIGKILLs in {time.monotonic() - started:.1f} s; {len(committed)} "
          f"visits reported committed, {total} stored, none partial or lost")
