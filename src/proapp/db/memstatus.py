"""SQLite's memory statistics switched off, so that threads of one process run SQLite in
parallel and every allocation is cheaper. :func:`proapp.__main__.main` does it first in
every proapp process (the window and each command), before any thread or connection.

With its default settings SQLite counts every allocation under one process-wide mutex
(``SQLITE_CONFIG_MEMSTATUS``). Queries that build text (``proapp check``'s comparison of
the visits with their logged snapshots makes 30 MB of it at 10,000 patients) allocate for
nearly every value, so two such queries on two connections in two threads took that mutex
in turn: measured on the 2-core machine, the two halves of the comparison took 2.3-2.4 s
together in threads, against 1.45 s for the whole in one thread, and 0.97-1.06 s in threads
with the statistics off. In one thread it is cheaper too: the whole comparison 1.29-1.45 s
against 1.57-1.88 s, an ``executemany`` of 600,000 rows 0.81-0.93 s against 0.98-1.36 s,
``proapp demo --patients 10000`` 6.9 s against 7.2-7.6 s. SQLite's own advice is to
build with ``SQLITE_DEFAULT_MEMSTATUS=0`` ("memory allocation is faster" and takes no
mutex); the library Python links is built with the default, so it is set at run time, the
documented way: ``sqlite3_config`` between ``sqlite3_shutdown`` and ``sqlite3_initialize``.

proapp uses nothing the statistics serve (``sqlite3_memory_used``, heap limits). The switch
is made only where it is certainly safe, else not at all (SQLite then works as before, only
slower in threads): on Linux (``sqlite3_config`` takes variable arguments, which ctypes
passes the way the C compiler does on Linux's x86-64 and AArch64 conventions but not on
Apple's), with the library the ``_sqlite3`` module itself uses, from a thread that is the
process's only one, when SQLite holds no memory at all (no connection, no statement: the
condition ``sqlite3_shutdown`` has). A library built without the statistics needs nothing.
"""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ctypes

SQLITE_OK = 0
SQLITE_CONFIG_MEMSTATUS = 9  # sqlite3.h

_done: bool | None = None  # the outcome of the one attempt of this process


def _library() -> ctypes.CDLL | None:
    """The SQLite library of the ``_sqlite3`` extension module: its own handle resolves the
    symbols through its dependencies, the very library it was linked with (None when the
    extension does not export them, a build that links SQLite statically, none without
    ctypes)."""
    try:
        import _sqlite3
        import ctypes

        lib = ctypes.CDLL(_sqlite3.__file__)
        for name in ("sqlite3_shutdown", "sqlite3_config", "sqlite3_initialize",
                     "sqlite3_memory_used", "sqlite3_compileoption_used"):
            getattr(lib, name)
    except (ImportError, OSError, AttributeError):
        return None
    lib.sqlite3_memory_used.restype = ctypes.c_int64
    return lib


def switch_off() -> bool:
    """Switch the statistics off if it is safe now (see the module's text); True when they
    are off. Call it before the first SQLite connection of a process; later calls return the
    first's outcome."""
    global _done
    if _done is not None:
        return _done
    _done = False
    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return False
    lib = _library()
    if lib is not None and lib.sqlite3_compileoption_used(b"DEFAULT_MEMSTATUS=0"):
        _done = True  # built without them: nothing to do
        return True
    # with the statistics on, memory in use means a connection or statement is open
    if lib is None or lib.sqlite3_memory_used() != 0:
        return False  # a connection or statement is open somewhere: leave SQLite as it is
    if lib.sqlite3_shutdown() != SQLITE_OK:
        return False
    configured = bool(lib.sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK)  # C int
    if lib.sqlite3_initialize() != SQLITE_OK:  # (the next connection initialises it anyway)
        return False
    _done = configured
    return configured
