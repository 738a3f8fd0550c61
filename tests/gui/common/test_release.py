"""A replaced list's rows are freed between events, a slice at a time, and all of them."""

from __future__ import annotations

import weakref

import pytest

from proapp.gui.common import release
from proapp.gui.common.release import SlicedRelease

pytestmark = pytest.mark.gui


class Row:
    """Something weak-referenceable standing for a list row."""


def test_nothing_is_freed_inside_the_call_and_everything_after(qtbot) -> None:
    rows = [Row() for _ in range(5000)]
    refs = [weakref.ref(r) for r in rows]
    dropping = SlicedRelease()
    dropping.release(rows)
    del rows
    assert all(ref() is not None for ref in refs)  # the release holds them until its turn
    qtbot.waitUntil(lambda: dropping.pending == 0)
    assert all(ref() is None for ref in refs)


def test_one_turn_frees_one_slice_when_its_time_is_up(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(release, "BUDGET_S", 0.0)  # every turn ends after its first slice
    rows = [Row() for _ in range(3 * release.SLICE + 5)]
    refs = [weakref.ref(r) for r in rows]
    dropping = SlicedRelease()
    dropping.release(rows)
    del rows
    dropping._step()
    assert dropping.pending == 2 * release.SLICE + 5
    assert sum(ref() is None for ref in refs) == release.SLICE
    dropping.release([Row()])  # more while a release runs: queued behind
    qtbot.waitUntil(lambda: dropping.pending == 0)
    assert all(ref() is None for ref in refs)


def test_flush_drops_everything_at_once(qtbot) -> None:
    rows = [Row() for _ in range(2000)]
    refs = [weakref.ref(r) for r in rows]
    dropping = SlicedRelease()
    dropping.release(rows)
    del rows
    dropping.flush()
    assert dropping.pending == 0 and all(ref() is None for ref in refs)
