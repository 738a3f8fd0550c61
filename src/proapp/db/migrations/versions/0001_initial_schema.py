"""Initial schema: staff, settings, patients, procedures, visits, answers, flows, change log.

Flow columns hold integers in the smallest unit (see proapp.db.types.ScaledDecimal): mL/min x10,
cm/s x100, cm^2 x1000. The change log is protected by triggers that refuse UPDATE and DELETE.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPLICATION_ID = 0x50524F41  # frozen copy of proapp.db.migrate.APPLICATION_ID


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(length=64), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_log_patient_id"), ["patient_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_change_log_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "patient",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("family_name", sa.String(length=100), nullable=False),
        sa.Column("given_name", sa.String(length=100), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("ms_subtype", sa.String(length=2), nullable=False),
        sa.Column("diagnosis_year", sa.Integer(), nullable=True),
        sa.Column("headache_positive", sa.Boolean(), nullable=False),
        sa.Column("fatigue_positive", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("ms_subtype IN ('RR','SP','PP')", name=op.f("ck_patient_ms_subtype")),
        sa.CheckConstraint("sex IN ('F','M','X')", name=op.f("ck_patient_sex")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient")),
        sa.UniqueConstraint("code", name=op.f("uq_patient_code")),
    )
    with op.batch_alter_table("patient", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_patient_ms_subtype"), ["ms_subtype"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("password_changed_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "role IN ('nurse','clinician','admin')", name=op.f("ck_user_account_role")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("username", name=op.f("uq_user_account_username")),
    )
    op.create_table(
        "procedure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("pta_date", sa.Date(), nullable=False),
        sa.Column("side", sa.String(length=16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("side IN ('bilateral','left','right')", name=op.f("ck_procedure_side")),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patient.id"],
            name=op.f("fk_procedure_patient_id_patient"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure")),
    )
    with op.batch_alter_table("procedure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_procedure_patient_id"), ["patient_id"], unique=False)

    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("label", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("entered_by_id", sa.Integer(), nullable=True),
        sa.Column("entered_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("signed_by_id", sa.Integer(), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('draft','complete')", name=op.f("ck_visit_status")),
        sa.ForeignKeyConstraint(
            ["entered_by_id"], ["user_account.id"], name=op.f("fk_visit_entered_by_id_user_account")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patient.id"],
            name=op.f("fk_visit_patient_id_patient"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["signed_by_id"], ["user_account.id"], name=op.f("fk_visit_signed_by_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index("ix_visit_patient_date", ["patient_id", "visit_date"], unique=False)
        batch_op.create_index(
            "uq_visit_patient_label",
            ["patient_id", "label"],
            unique=True,
            sqlite_where=sa.text("label <> 'unscheduled'"),
            postgresql_where=sa.text("label <> 'unscheduled'"),
        )

    op.create_table(
        "answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.String(length=16), nullable=False),
        sa.Column("item", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("missing_reason", sa.String(length=16), nullable=True),
        sa.CheckConstraint(
            "missing_reason IS NULL OR missing_reason IN ('declined','not_asked','unknown')",
            name=op.f("ck_answer_missing_reason"),
        ),
        sa.CheckConstraint(
            "value IS NOT NULL OR missing_reason IS NOT NULL", name=op.f("ck_answer_not_empty")
        ),
        sa.CheckConstraint(
            "value IS NULL OR missing_reason IS NULL", name=op.f("ck_answer_value_or_reason")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_answer_visit_id_visit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer")),
        sa.UniqueConstraint("visit_id", "instrument", "item", name="uq_answer_visit_item"),
    )
    op.create_table(
        "flow_measurement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("posture", sa.String(length=8), nullable=False),
        sa.Column("side", sa.String(length=8), nullable=False),
        sa.Column("flow_ml_min", sa.Integer(), nullable=True),
        sa.Column("velocity_cm_s", sa.Integer(), nullable=True),
        sa.Column("area_cm2", sa.Integer(), nullable=True),
        sa.Column("stenosis_pct", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "posture IN ('supine','upright')", name=op.f("ck_flow_measurement_posture")
        ),
        sa.CheckConstraint("side IN ('left','right')", name=op.f("ck_flow_measurement_side")),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_flow_measurement_visit_id_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flow_measurement")),
        sa.UniqueConstraint("visit_id", "posture", "side", name="uq_flow_visit_posture_side"),
    )
    op.create_table(
        "skipped_form",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_skipped_form_visit_id_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("visit_id", "form", name=op.f("pk_skipped_form")),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER change_log_no_{action.lower()} BEFORE {action} ON change_log "
                "BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END"
            )
    elif op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION change_log_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'change_log is append-only'; END $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER change_log_append_only BEFORE UPDATE OR DELETE ON change_log "
            "FOR EACH ROW EXECUTE FUNCTION change_log_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS change_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS change_log_no_delete")
    op.drop_table("skipped_form")
    op.drop_table("flow_measurement")
    op.drop_table("answer")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_visit_patient_label",
            sqlite_where=sa.text("label <> 'unscheduled'"),
            postgresql_where=sa.text("label <> 'unscheduled'"),
        )
        batch_op.drop_index("ix_visit_patient_date")

    op.drop_table("visit")
    with op.batch_alter_table("procedure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedure_patient_id"))

    op.drop_table("procedure")
    op.drop_table("user_account")
    op.drop_table("setting")
    with op.batch_alter_table("patient", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patient_ms_subtype"))

    op.drop_table("patient")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_log_visit_id"))
        batch_op.drop_index(batch_op.f("ix_change_log_patient_id"))

    op.drop_table("change_log")
