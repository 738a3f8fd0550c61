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


def test_a_typed_clause_column_has_the_model_column_type() -> None:
    """Where a clause gives a column a type (one that converts values: booleans, date-times),
    it is the model's, so a read through the clause gives what the ORM gives."""
    from sqlalchemy.types import NullType

    for clause in (v for v in vars(tables).values() if isinstance(v, TableClause)):
        table = models.Base.metadata.tables[clause.name]
        for c in clause.columns:
            if not isinstance(c.type, NullType):
                assert type(c.type) is type(table.columns[c.name].type), (clause.name, c.name)
