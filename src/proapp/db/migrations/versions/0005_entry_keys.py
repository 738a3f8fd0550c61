"""Entry keys: the visit entry (one wizard, one self-report) that created a visit.

A save whose COMMIT reached the server but whose answer was lost with the connection leaves
the entry believing nothing was stored; it keeps its draft on the computer and offers it
again later. Without a key, restoring that draft of a new unscheduled visit would store it a
second time (scheduled labels were already protected by their unique label). With it, the
save finds the visit its own entry created. NULL for visits entered before this revision,
imported or generated, which no entry can repeat.

Revision ID: 0005_entry_keys
Revises: 0004_languages
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0005_entry_keys"
down_revision = "0004_languages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ALTER TABLE ... ADD COLUMN (the same SQL on SQLite and PostgreSQL), no rebuilt table.
    op.execute("ALTER TABLE visit ADD COLUMN entry_key VARCHAR(32)")
    op.create_index("uq_visit_entry_key", "visit", ["entry_key"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_visit_entry_key", table_name="visit")
    op.execute("ALTER TABLE visit DROP COLUMN entry_key")
