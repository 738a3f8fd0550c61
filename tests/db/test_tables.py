"""The plain SQL table clauses of :mod:`proapp.db.tables` name the models' own tables and
columns (they are what start-up reads without building the ORM)."""

from __future__ import annotations

from sqlalchemy import TableClause

from proapp.db import models, tables


def test_every_clause_names_a_model_table_and_its_columns() -> None:
    clauses = [v for v in vars(tables).values() if isinstance(v, TableClause)]
    assert clauses
    for clause in clauses:
        table = models.Base.metadata.tables[clause.name]
        assert {c.name for c in clause.columns} <= {c.name for c in table.columns}, clause.name
