"""What the bulk services (export, import, demo) share: no cyclic garbage collection while
they stream.

A 10,000-patient export or import allocates millions of short-lived rows, tuples and
dictionaries, and keeps remembered scores alive on the side; each of CPython's full
collections then walks every live object again, which measured as a quarter of an export's
time. These services create no reference cycles that need the collector (everything they
allocate is freed by reference counting as the stream moves on), so the cyclic collector is
paused for their duration and resumed afterwards, also when several run at once (threads of
the GUI) and on errors.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def no_collection_pauses() -> Iterator[None]:
    """Pause the cyclic garbage collector while the block runs (nested and concurrent uses
    resume it once, when the last one ends, and only if it was running before)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
