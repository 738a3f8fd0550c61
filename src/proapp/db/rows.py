"""Reading a whole table fast: the rows of a ``select`` as plain tuples.

``proapp check`` reads every stored row (over a million answers at 10,000 patients) and the
whole change log. A SQLAlchemy result makes a row object per row and runs every value through
its machinery; on SQLite the driver's own cursor gives the same tuples at C speed, and only the
columns whose type converts a value (dates, booleans, scaled decimals) go through that type's
own result processor, so the values are exactly what ``conn.execute(stmt)`` gives
(tests/db/test_rows.py compares the two).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from typing import Any

from sqlalchemy import Connection, Select

BATCH = 10_000


def plain_rows(conn: Connection, stmt: Select[*tuple[Any, ...]],
               params: Mapping[str, Any] | None = None) -> Iterator[Sequence[Any]]:
    """The rows of ``stmt`` in the connection's transaction, fetched a batch at a time; its
    bound parameters (``bindparam`` without a value) take their values from ``params``.
    Other databases than SQLite go through SQLAlchemy's result."""
    dialect = conn.dialect
    if dialect.name != "sqlite":
        result = conn.execute(stmt) if params is None else conn.execute(stmt, dict(params))
        return chain.from_iterable(result.partitions(BATCH))
    processors = [c.type.dialect_impl(dialect).result_processor(dialect, None)
                  for c in stmt.selected_columns]
    compiled = stmt.compile(dialect=dialect)
    values = compiled.construct_params(dict(params or {}))  # refuses a missing value
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(str(compiled), [values[n] for n in compiled.positiontup or []])
    batches: Iterator[Any] = iter(lambda: cursor.fetchmany(BATCH), [])
    if not any(processors):
        return chain.from_iterable(batches)  # no Python code per row at all
    return chain.from_iterable(_processed(batch, processors) for batch in batches)


def _processed(batch: Sequence[Any], processors: list[Any]) -> Iterator[tuple[Any, ...]]:
    """A batch's rows with each processed column mapped, column by column."""
    columns = [col if p is None else list(map(p, col))
               for p, col in zip(processors, zip(*batch, strict=True), strict=True)]
    return zip(*columns, strict=True)
