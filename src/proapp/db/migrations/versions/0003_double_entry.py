"""Double data entry and the patient self-report.

``double_entry`` marks a visit whose paper questionnaires are keyed a second time (awaiting,
unresolved, verified); ``double_entry_item`` holds every compared item with both keyings, who
keyed them and, for a difference, the true value settled with its reason. ``self_report``
marks a draft visit the patient answers on the screen (and who accepted it afterwards);
``self_report_answer`` keeps the patient's own answers beside the visit's, so the review shows
what the staff corrected.

Revision ID: 0003_double_entry
Revises: 0002_integrity
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_double_entry"
down_revision = "0002_integrity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "double_entry",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("second_by_id", sa.Integer(), nullable=True),
        sa.Column("second_by", sa.String(length=64), nullable=True),
        sa.Column("second_at", sa.DateTime(), nullable=True),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("status IN ('awaiting','unresolved','verified')",
                           name=op.f("ck_double_entry_status")),
        sa.ForeignKeyConstraint(["second_by_id"], ["user_account.id"],
                                name=op.f("fk_double_entry_second_by_id_user_account")),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"],
                                name=op.f("fk_double_entry_visit_id_visit"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("visit_id", name=op.f("pk_double_entry")),
    )
    op.create_table(
        "self_report",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("instruments", sa.String(length=64), nullable=False),
        sa.Column("started_by", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("accepted_by", sa.String(length=64), nullable=True),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"],
                                name=op.f("fk_self_report_visit_id_visit"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("visit_id", name=op.f("pk_self_report")),
    )
    op.create_table(
        "double_entry_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.String(length=16), nullable=False),
        sa.Column("item", sa.String(length=16), nullable=False),
        sa.Column("first_value", sa.String(length=32), nullable=True),
        sa.Column("first_by", sa.String(length=64), nullable=False),
        sa.Column("second_value", sa.String(length=32), nullable=True),
        sa.Column("second_by", sa.String(length=64), nullable=False),
        sa.Column("agrees", sa.Boolean(), nullable=False),
        sa.Column("resolved_value", sa.String(length=32), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["visit_id"], ["double_entry.visit_id"],
                                name=op.f("fk_double_entry_item_visit_id_double_entry"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_double_entry_item")),
        sa.UniqueConstraint("visit_id", "instrument", "item", name="uq_double_entry_item"),
    )
    op.create_table(
        "self_report_answer",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.String(length=16), nullable=False),
        sa.Column("item", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("missing_reason", sa.String(length=16), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("value IS NULL OR missing_reason IS NULL",
                           name=op.f("ck_self_report_answer_value_or_reason")),
        sa.ForeignKeyConstraint(["visit_id"], ["self_report.visit_id"],
                                name=op.f("fk_self_report_answer_visit_id_self_report"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("visit_id", "instrument", "item",
                                name=op.f("pk_self_report_answer")),
    )


def downgrade() -> None:
    op.drop_table("self_report_answer")
    op.drop_table("double_entry_item")
    op.drop_table("self_report")
    op.drop_table("double_entry")
