"""SQLite's memory statistics switched off (:mod:`proapp.db.memstatus`): only in a process
where nothing of SQLite's is open, and then for real (the library counts nothing more)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from proapp.db import memstatus

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="switched only on Linux (see proapp.db.memstatus)")


def run(code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    return done.stdout.split()


@linux_only
def test_a_fresh_process_switches_them_off_and_sqlite_still_works() -> None:
    out = run("import sqlite3\n"
              "from proapp.db import memstatus\n"
              "print(memstatus.switch_off(), memstatus.switch_off())\n"
              "c = sqlite3.connect(':memory:')\n"
              "c.execute('CREATE TABLE t (x)')\n"
              "c.executemany('INSERT INTO t VALUES (?)', [(str(i) * 50,) for i in range(5000)])\n"
              "print(c.execute('SELECT count(*), sum(length(x)) FROM t').fetchone()[0])\n"
              "print(memstatus._library().sqlite3_memory_used())\n")
    assert out == ["True", "True", "5000", "0"]  # nothing counted while a connection is open


@linux_only
def test_an_open_connection_leaves_sqlite_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """sqlite3_shutdown with a connection open would be undefined: not attempted."""
    lib = memstatus._library()
    assert lib is not None
    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE TABLE t (x)")
        before = lib.sqlite3_memory_used()
        assert before > 0  # this library counts (the statistics are on)
        monkeypatch.setattr(memstatus, "_done", None)
        monkeypatch.setattr(threading, "active_count", lambda: 1)  # (pytest has threads)
        assert memstatus.switch_off() is False
        assert memstatus.switch_off() is False  # (the first attempt's outcome)
        assert lib.sqlite3_memory_used() > 0
        assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)
    finally:
        con.close()


@linux_only
def test_a_second_thread_leaves_sqlite_as_it_is() -> None:
    out = run("import threading, time\n"
              "from proapp.db import memstatus\n"
              "t = threading.Thread(target=time.sleep, args=(0.5,)); t.start()\n"
              "print(memstatus.switch_off())\n"
              "t.join()\n")
    assert out == ["False"]


def test_elsewhere_nothing_is_switched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memstatus, "_done", None)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert memstatus.switch_off() is False


@linux_only
def test_every_proapp_process_switches_them_off_first(tmp_path: Path) -> None:
    """``python -m proapp``'s entry point, before the command's threads and connections:
    ``check`` (which starts three threads of SQLite work) runs with the statistics off."""
    from proapp.db.migrate import open_database

    path = tmp_path / "p.db"
    open_database(str(path)).dispose()
    out = run("import sys\n"
              "from proapp.__main__ import main\n"
              f"code = main(['--db', {str(path)!r}, 'check'])\n"
              "from proapp.db import memstatus\n"
              "print(code, memstatus.switch_off(), memstatus._library().sqlite3_memory_used())\n")
    assert out[-3:] == ["0", "True", "0"]
