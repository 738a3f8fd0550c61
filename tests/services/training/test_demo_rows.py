"""The demo writes exactly the rows it always wrote: a digest of every stored column of every
clinical table and of the change log (all but the log's time and MACs, which depend on when
and under which key it ran) is pinned, so an optimisation of the bulk path cannot change a
value, a type, an id or the order of the rows unnoticed. The digest reads the rows back
through the models' types, so it is the same on SQLite and on PostgreSQL. The chunk size
changes nothing either, and the log still chains: one row per change, in order."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import func, select

from proapp.db import changelog
from proapp.db.engine import Database
from proapp.db.models import Base, Visit
from proapp.services.training import demo

# What the demo wrote before its bulk path was rewritten (proapp at fb84fa1).
PINNED = {(120, 11): "db6799030f6203bcecbcab19a91743c6ffc6dc59812d0f7964cb067406d021ce",
          (7, 3): "ff27ceb8da5180b3f3fa7ebba4b43e28c53493294cf9f7984886f3bdf6b2cd99"}
TABLES = ("patient", "procedure", "visit", "answer", "skipped_form", "flow_measurement",
          "change_log")
NOT_PINNED = {"at", "prev_hash", "hash",  # the log's time, and the MACs made from it
              "entry_key"}  # added after the pin (0005): no entry made a generated visit


def digest(db: Database) -> str:
    h = hashlib.sha256()
    with db.read() as s:
        for name in TABLES:
            table = Base.metadata.tables[name]
            cols = [c for c in table.columns if c.name not in NOT_PINNED]
            h.update(name.encode())
            for row in s.execute(select(*cols).order_by(*table.primary_key.columns)):
                h.update(json.dumps([changelog.to_text(v) for v in row],
                                    ensure_ascii=False).encode())
    return h.hexdigest()


@pytest.mark.parametrize(("patients", "seed"), sorted(PINNED))
def test_the_demo_rows_are_the_pinned_ones(db: Database, patients: int, seed: int) -> None:
    result = demo.generate(db, patients, seed)
    assert digest(db) == PINNED[(patients, seed)]
    with db.read() as s:  # the column left out above: empty on every generated visit
        assert s.scalar(select(func.count()).where(Visit.entry_key.is_not(None))) == 0
    with db.read() as s:
        checked, broken = changelog.verify_chain(s)
    assert broken is None and checked == result.log_rows
    # one log row per patient, PTA and visit
    assert result.log_rows == 2 * result.patients + result.visits


def test_the_chunk_size_changes_no_row(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "CHUNK", 7)  # 120 patients in 18 chunks
    demo.generate(db, 120, 11)
    assert digest(db) == PINNED[(120, 11)]
    with db.read() as s:
        assert changelog.verify_chain(s)[1] is None


def test_the_demo_is_written_without_collection_pauses(db: Database) -> None:
    """The demo streams like the import and the export (services.bulk): the cyclic collector
    is paused while it writes (its collections were 1.7 % of the demo's per-row work), and it
    runs again afterwards."""
    import gc

    seen: list[int] = []

    def collected(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    assert gc.isenabled()
    gc.callbacks.append(collected)
    try:
        demo.generate(db, 150, 3)
    finally:
        gc.callbacks.remove(collected)
    # at most the one collection that follows the pause (the allocations counted while it
    # lasted make the next allocation start one); without the pause, dozens
    assert len(seen) <= 1, seen
    assert gc.isenabled()
