"""Languages: the patient's language, the language (and texts) of each visit's questionnaires,
and the questionnaire texts a clinic installs.

Existing patients get English (what their reports were until now); existing visits get no
text language (NULL: not recorded). The columns are added with ALTER TABLE ... ADD COLUMN
(the same SQL on SQLite and PostgreSQL) rather than by rebuilding the tables: a rebuilt
``patient`` table would be dropped while visits refer to it.

Revision ID: 0004_languages
Revises: 0003_double_entry
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_languages"
down_revision = "0003_double_entry"
branch_labels = None
depends_on = None

LANGUAGES = "'en','it'"  # frozen copy of proapp.domain.language.LANGUAGES at this revision


def upgrade() -> None:
    op.execute("ALTER TABLE patient ADD COLUMN language VARCHAR(8) DEFAULT 'en' NOT NULL "
               f"CONSTRAINT ck_patient_language CHECK (language IN ({LANGUAGES}))")
    op.execute("ALTER TABLE visit ADD COLUMN text_language VARCHAR(8) "
               "CONSTRAINT ck_visit_text_language CHECK (text_language IS NULL OR "
               f"text_language IN ({LANGUAGES}))")
    op.execute("ALTER TABLE visit ADD COLUMN text_edition VARCHAR(400)")
    op.create_table(
        "instrument_text",
        sa.Column("instrument", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("edition", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("installed_at", sa.DateTime(), nullable=False),
        sa.Column("installed_by", sa.String(length=64), nullable=False),
        sa.CheckConstraint(f"language IN ({LANGUAGES})", name=op.f("ck_instrument_text_language")),
        sa.CheckConstraint("status IN ('original','validated','unvalidated')",
                           name=op.f("ck_instrument_text_status")),
        sa.PrimaryKeyConstraint("instrument", "language", name=op.f("pk_instrument_text")),
    )


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+, PostgreSQL), never a rebuilt patient table.
    op.drop_table("instrument_text")
    op.execute("ALTER TABLE visit DROP COLUMN text_edition")
    op.execute("ALTER TABLE visit DROP COLUMN text_language")
    op.execute("ALTER TABLE patient DROP COLUMN language")
