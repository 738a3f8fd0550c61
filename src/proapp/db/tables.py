"""The few columns that start-up reads, as plain SQL table clauses (no ORM, no metadata).

``proapp settings get`` and the open checks read a handful of small tables; importing the ORM
and building every model class (:mod:`proapp.db.models`) for that was a third of such a
command's start-up. These clauses name the same tables and columns as the models;
tests/db/test_tables.py keeps them equal, so a renamed column fails a test, not a command.
"""

from __future__ import annotations

from sqlalchemy import column, table

setting = table("setting", column("key"), column("value"))
