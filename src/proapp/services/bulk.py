"""What the bulk services (export, import, demo) share: no cyclic garbage collection while
they stream, and the bulk insert of new rows (:class:`BulkTable`).

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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, func, insert, select, text

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


_MEMO_SIZE = 100_000  # converted values remembered per column (then the memo starts again)


def next_id(conn: Connection, model: Any) -> int:
    """The first id a bulk insert into ``model``'s table may give its rows (it numbers them
    itself, to link visits to patients before either is written): after the highest stored
    id and, on PostgreSQL, after every id the table's sequence has handed out (rolled-back
    saves included), so that no id is used twice."""
    table = model.__table__
    highest = conn.scalar(select(func.max(table.c.id))) or 0
    if conn.dialect.name == "postgresql":
        issued = conn.scalar(text(
            "SELECT pg_sequence_last_value(pg_get_serial_sequence(:t, 'id')::regclass)"),
            {"t": table.name})
        highest = max(highest, issued or 0)
    return int(highest) + 1


class _Converted(dict[Any, Any]):
    """Value -> its conversion by one column's bind processor, made once per distinct value
    (None stays None): a hit is the dictionary's own lookup in C, so a whole column converts
    in one ``map``. Bounded, whatever the data."""

    __slots__ = ("_convert",)

    def __init__(self, convert: Any):
        super().__init__({None: None})
        self._convert = convert

    def __missing__(self, value: Any) -> Any:
        if len(self) >= _MEMO_SIZE:
            self.clear()
            self[None] = None
        done = self[value] = self._convert(value)
        return done


class BulkTable:
    """Rows for one table as tuples in ``keys`` order, inserted in bulk inside the caller's
    transaction (a demo cohort, an import: hundreds of thousands of rows).

    On SQLite the rows go straight to the driver's ``executemany``, with the columns' own bind
    conversions (the same functions SQLAlchemy would call: dates and times to ISO text, exact
    decimals to scaled integers, booleans to 0/1) applied once per distinct value: the rows
    share their dates, timestamps and flags, and converting them is the dearest part of a
    row. SQLAlchemy's per-row parameter processing, which would dominate, is
    skipped. Elsewhere (PostgreSQL) the rows go through Core's ``insert()``, whose types do
    the same conversions."""

    def __init__(self, conn: Connection, model: Any, keys: Sequence[str]):
        self.conn, self.model, self.keys = conn, model, tuple(keys)
        self.rows: list[tuple[Any, ...]] = []
        self.add = self.rows.append  # one tuple per row, in ``keys`` order
        table = model.__table__
        dialect = conn.dialect
        self.raw = dialect.paramstyle == "qmark"
        if self.raw:
            # The compiled INSERT lists the columns in the table's order: the tuples must too.
            ordered = tuple(c.name for c in table.columns if c.name in self.keys)
            if ordered != self.keys:
                raise ValueError(f"{table.name}: keys {self.keys} are not in the table's "
                                 f"column order {ordered}")
            self.sql = str(insert(model).compile(dialect=dialect, column_keys=list(self.keys)))
            # (column index, its conversions by value): a conversion is a function of
            # the value alone, and equal values convert alike (a date, a timestamp, 250 and
            # Decimal("250.0") into a scaled decimal), so the results are kept across batches.
            self.memos: list[tuple[int, _Converted]] = [
                (i, _Converted(f)) for i, k in enumerate(self.keys)
                if (f := table.c[k].type._cached_bind_processor(dialect)) is not None]

    def flush(self) -> int:
        """Insert the rows held and forget them; returns how many were inserted."""
        count = self.insert(self.rows)
        self.rows.clear()
        return count

    def insert(self, rows: Sequence[Sequence[Any]]) -> int:
        """Insert ``rows`` (tuples in ``keys`` order) now; returns how many."""
        if not rows:
            return 0
        if not self.raw:
            keys = self.keys
            self.conn.execute(insert(self.model), [dict(zip(keys, r, strict=True))
                                                   for r in rows])
            if "id" in keys and self.conn.dialect.name == "postgresql":
                self._advance_sequence()
        elif self.memos:
            # column by column: transposed, each converted column mapped through its memo,
            # transposed back: C loops, where a Python loop per row and column was before
            columns: list[Any] = list(zip(*rows, strict=True))
            for i, memo in self.memos:
                columns[i] = map(memo.__getitem__, columns[i])
            self.conn.exec_driver_sql(self.sql, list(zip(*columns, strict=True)))
        else:
            self.conn.exec_driver_sql(self.sql, rows)
        return len(rows)

    def _advance_sequence(self) -> None:
        """Rows inserted with their own ids (:func:`next_id`): the server's id sequence moves
        past them, else the next row saved the ordinary way (a visit entered after an import)
        would be given an id already taken and refused. Moved by taking its values, as many
        as it is behind (``nextval``, all a workstation's role may do with a sequence;
        ``setval`` needs a privilege the role has not: ``db.server.grant_statements``), never
        back; another workstation taking values meanwhile only moves it further."""
        name = self.model.__table__.name
        self.conn.execute(text(
            "SELECT max(nextval(pg_get_serial_sequence(:t, 'id'))) FROM generate_series(1, "
            f"(SELECT coalesce(max(id), 0) FROM {name}) - coalesce(pg_sequence_last_value("
            "pg_get_serial_sequence(:t, 'id')::regclass), 0))"), {"t": name})
