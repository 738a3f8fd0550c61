"""Alembic environment: always run from code with a connection handed in (see db/migrate.py)."""

from __future__ import annotations

from alembic import context

from proapp.db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("proapp migrations run through proapp.db.migrate, with a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
