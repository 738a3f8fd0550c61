"""Several workstations on one PostgreSQL server: three processes writing visits (each saved
as a draft, then completed) and one exporting, for 20 s, with the server crashed and started
again in the middle. Nothing committed is lost, no visit is partial, the change log is one
unbroken chain, every draft a writer saw saved is still there, and the writers and the
exporter carry on by themselves once the server is back (they retry as the application does:
db/server.py, with_reconnect)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.support import sql
from tests.support.postgres import PgServer
from tests.support.writer import expected_rows

from proapp.db import changelog
from proapp.db.migrate import open_database

pytestmark = [pytest.mark.postgresql, pytest.mark.slow, pytest.mark.security]

SUPPORT = Path(__file__).resolve().parents[2] / "support"
SECONDS = 20.0
RESTART_AT = 8.0


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(SUPPORT / script), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_three_writers_and_an_exporter_survive_a_server_restart(
        db_target: str, pg_server: PgServer) -> None:
    writers = [_spawn("writer.py", "--db", db_target, "--visits", "100000", "--seconds",
                      str(SECONDS), "--code", f"WS{n}", "--drafts") for n in range(3)]
    exporter = _spawn("exporter.py", "--db", db_target, "--seconds", str(SECONDS))
    procs = [*writers, exporter]
    started = time.monotonic()
    try:
        time.sleep(RESTART_AT)
        assert all(p.poll() is None for p in procs), "a process ended before the restart"
        t0 = time.monotonic()
        crashed_at = changelog.now_utc()
        pg_server.restart("immediate")  # a crash: the server recovers from its WAL
        back_at = changelog.now_utc()
        restart_s = time.monotonic() - t0
        results = [p.communicate(timeout=SECONDS + 120) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    elapsed = time.monotonic() - started
    for p, (_out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err[-2000:]
        assert "Traceback" not in err
    outs = [out.splitlines() for out, _ in results]
    committed = {int(x.split()[1]) for lines in outs[:3] for x in lines
                 if x.startswith("committed ")}
    drafts = {int(x.split()[1]) for lines in outs[:3] for x in lines if x.startswith("draft ")}
    retries = sum(x == "retry" for lines in outs for x in lines)
    exports = [tuple(map(int, x.split()[1:])) for x in outs[3] if x.startswith("export ")]

    db = open_database(db_target, migrate=False)
    try:
        stored = dict(sql.rows(db, "SELECT id, status FROM visit"))
        answers, flows = expected_rows()
        partial = sql.rows(db, "SELECT v.id FROM visit v WHERE "
                           "(SELECT count(*) FROM answer a WHERE a.visit_id = v.id) <> :a OR "
                           "(SELECT count(*) FROM flow_measurement f WHERE f.visit_id = v.id) "
                           "<> :f OR (SELECT count(*) FROM change_log c WHERE c.entity = "
                           "'visit' AND c.action = 'insert' AND c.entity_id = v.id) <> 1",
                           {"a": answers, "f": flows})
        with db.read() as s:
            checked, broken = changelog.verify_chain(s)
        log_rows = sql.scalar(db, "SELECT count(*) FROM change_log")
        started_at = sql.scalar(db, "SELECT pg_postmaster_start_time() AT TIME ZONE 'UTC'")
        before, after = (sql.scalar(db, f"SELECT count(*) FROM change_log WHERE at {op} :t",
                                    {"t": t}) for op, t in (("<", crashed_at), (">", back_at)))
    finally:
        db.dispose()

    assert len(committed) > 30
    assert committed <= {i for i, st in stored.items() if st == "complete"}, "committed lost"
    assert drafts <= set(stored), "a saved draft was lost"
    assert committed <= drafts
    assert partial == [], f"partial visits: {partial[:5]}"
    assert broken is None and checked == log_rows
    # A visit the writers never heard back about can only come from a retried transaction
    # whose COMMIT reached the server before the crash.
    assert len(set(stored) - drafts) <= retries
    # The crash really happened in the middle of the writing (a writer that was between two
    # transactions then reconnects without an error: the pool checks a connection first).
    assert started_at.isoformat() >= crashed_at[:19]
    assert before > 0 and after > 0
    assert len(exports) >= 3
    assert all(full == rows for rows, full in exports), exports
    assert [rows for rows, _ in exports] == sorted(rows for rows, _ in exports)
    print(f"\n3 writers + 1 exporter, {elapsed:.1f} s, server crashed and restarted at "
          f"{RESTART_AT:.0f} s (down {restart_s:.1f} s): {len(committed)} visits committed "
          f"({len(committed) / SECONDS:.0f}/s), {len(drafts)} drafts, {retries} retries, "
          f"{len(exports)} consistent exports, {checked} change-log rows in one chain")
