"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 12:07:18.369224
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "admin_unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("unit_type", sa.String(length=40), nullable=False),
        sa.Column("parent_code", sa.String(length=8), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "level IN ('province', 'district', 'commune')", name=op.f("ck_admin_unit_level")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_unit")),
        sa.UniqueConstraint("code", "valid_from", name=op.f("uq_admin_unit_code_valid_from")),
    )
    with op.batch_alter_table("admin_unit", schema=None) as batch_op:
        batch_op.create_index("ix_admin_unit_code", ["code"], unique=False)

    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "role IN ('admin', 'officer', 'accountant', 'viewer')", name=op.f("ck_app_user_role")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    op.create_table(
        "grant_type",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("name_vi", sa.String(length=120), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("unit_vi", sa.String(length=30), nullable=False),
        sa.Column("unit_en", sa.String(length=30), nullable=False),
        sa.Column("asset_kind", sa.String(length=16), nullable=True),
        sa.Column("followup_months", sa.JSON(), nullable=False),
        sa.Column("receipt_reason_vi", sa.String(length=200), nullable=False),
        sa.Column("receipt_reason_en", sa.String(length=200), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint("kind IN ('cash', 'in_kind', 'mixed')", name=op.f("ck_grant_type_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grant_type")),
        sa.UniqueConstraint("code", name=op.f("uq_grant_type_code")),
    )
    op.create_table(
        "office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("province_code", sa.String(length=8), nullable=True),
        sa.Column("unit_code", sa.String(length=8), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("receipt_prefix", sa.String(length=12), nullable=False),
        sa.Column("head_name", sa.String(length=120), nullable=False),
        sa.Column("accountant_name", sa.String(length=120), nullable=False),
        sa.Column("cashier_name", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('province', 'district', 'commune')", name=op.f("ck_office_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office")),
        sa.UniqueConstraint("receipt_prefix", name=op.f("uq_office_receipt_prefix")),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_audit_event_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index("ix_audit_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "beneficiary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("alias", sa.String(length=60), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("sort_key", sa.Text(), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("ethnicity_code", sa.String(length=4), nullable=False),
        sa.Column("ethnicity_list", sa.String(length=16), nullable=False),
        sa.Column("id_number", sa.String(length=20), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("province_code", sa.String(length=8), nullable=True),
        sa.Column("commune_code", sa.String(length=8), nullable=True),
        sa.Column("village", sa.String(length=120), nullable=False),
        sa.Column("address_text", sa.String(length=300), nullable=False),
        sa.Column("address_recorded_on", sa.Date(), nullable=True),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "category IN ('victim', 'suspected_victim', 'at_risk', 'family_member')",
            name=op.f("ck_beneficiary_category"),
        ),
        sa.CheckConstraint("sex IN ('F', 'M', 'X')", name=op.f("ck_beneficiary_sex")),
        sa.CheckConstraint(
            "status IN ('active', 'closed', 'moved', 'deceased')",
            name=op.f("ck_beneficiary_status"),
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_beneficiary_office_id_office")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_beneficiary")),
        sa.UniqueConstraint("code", name=op.f("uq_beneficiary_code")),
    )
    with op.batch_alter_table("beneficiary", schema=None) as batch_op:
        batch_op.create_index("ix_beneficiary_commune", ["commune_code"], unique=False)
        batch_op.create_index("ix_beneficiary_id_number", ["id_number"], unique=False)
        batch_op.create_index("ix_beneficiary_name_key", ["name_key"], unique=False)
        batch_op.create_index("ix_beneficiary_sort", ["sort_key"], unique=False)

    op.create_table(
        "project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("donor", sa.String(length=120), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("budget", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('active', 'closed')", name=op.f("ck_project_status")),
        sa.CheckConstraint("budget >= 0", name=op.f("ck_project_budget")),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_project_office_id_office")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
        sa.UniqueConstraint("code", name=op.f("uq_project_code")),
    )
    op.create_table(
        "receipt_counter",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_receipt_counter_office_id_office")
        ),
        sa.PrimaryKeyConstraint("office_id", "year", name=op.f("pk_receipt_counter")),
    )
    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("beneficiary_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("given", sa.Boolean(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('services', 'donor_reporting', 'province_sharing')",
            name=op.f("ck_consent_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["beneficiary_id"],
            ["beneficiary.id"],
            name=op.f("fk_consent_beneficiary_id_beneficiary"),
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["app_user.id"], name=op.f("fk_consent_recorded_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index("ix_consent_beneficiary", ["beneficiary_id", "kind"], unique=False)

    op.create_table(
        "grant_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("beneficiary_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("grant_type_id", sa.Integer(), nullable=False),
        sa.Column("planned_total", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('planned', 'active', 'completed', 'cancelled')",
            name=op.f("ck_grant_plan_status"),
        ),
        sa.CheckConstraint("planned_total >= 0", name=op.f("ck_grant_plan_planned_total")),
        sa.ForeignKeyConstraint(
            ["beneficiary_id"],
            ["beneficiary.id"],
            name=op.f("fk_grant_plan_beneficiary_id_beneficiary"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["app_user.id"], name=op.f("fk_grant_plan_created_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["grant_type_id"],
            ["grant_type.id"],
            name=op.f("fk_grant_plan_grant_type_id_grant_type"),
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["app_user.id"], name=op.f("fk_grant_plan_officer_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_grant_plan_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grant_plan")),
    )
    with op.batch_alter_table("grant_plan", schema=None) as batch_op:
        batch_op.create_index("ix_grant_beneficiary", ["beneficiary_id"], unique=False)
        batch_op.create_index("ix_grant_project", ["project_id"], unique=False)

    op.create_table(
        "tranche",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("grant_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=True),
        sa.Column("unit_value", sa.BigInteger(), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("in_kind", sa.Boolean(), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_tranche_amount")),
        sa.ForeignKeyConstraint(
            ["grant_id"], ["grant_plan.id"], name=op.f("fk_tranche_grant_id_grant_plan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tranche")),
        sa.UniqueConstraint("grant_id", "seq", name=op.f("uq_tranche_grant_id_seq")),
    )
    op.create_table(
        "disbursement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("grant_id", sa.Integer(), nullable=False),
        sa.Column("tranche_id", sa.Integer(), nullable=True),
        sa.Column("handed_on", sa.Date(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("in_kind", sa.Boolean(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=True),
        sa.Column("unit_value", sa.BigInteger(), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("override_reason", sa.String(length=300), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_disbursement_amount")),
        sa.ForeignKeyConstraint(
            ["grant_id"], ["grant_plan.id"], name=op.f("fk_disbursement_grant_id_grant_plan")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["app_user.id"], name=op.f("fk_disbursement_staff_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["tranche_id"], ["tranche.id"], name=op.f("fk_disbursement_tranche_id_tranche")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disbursement")),
    )
    with op.batch_alter_table("disbursement", schema=None) as batch_op:
        batch_op.create_index("ix_disbursement_date", ["handed_on"], unique=False)
        batch_op.create_index("ix_disbursement_grant", ["grant_id"], unique=False)

    op.create_table(
        "asset",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("beneficiary_id", sa.Integer(), nullable=False),
        sa.Column("grant_id", sa.Integer(), nullable=False),
        sa.Column("disbursement_id", sa.Integer(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("tag", sa.String(length=40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("acquired_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('cow', 'buffalo', 'pig', 'goat', 'poultry', 'loom', 'other')",
            name=op.f("ck_asset_kind"),
        ),
        sa.CheckConstraint(
            "status IN ('alive', 'calved', 'sick', 'died', 'sold', 'passed_on', 'in_use', 'unused')",
            name=op.f("ck_asset_status"),
        ),
        sa.ForeignKeyConstraint(
            ["beneficiary_id"], ["beneficiary.id"], name=op.f("fk_asset_beneficiary_id_beneficiary")
        ),
        sa.ForeignKeyConstraint(
            ["disbursement_id"],
            ["disbursement.id"],
            name=op.f("fk_asset_disbursement_id_disbursement"),
        ),
        sa.ForeignKeyConstraint(
            ["grant_id"], ["grant_plan.id"], name=op.f("fk_asset_grant_id_grant_plan")
        ),
        sa.ForeignKeyConstraint(["parent_id"], ["asset.id"], name=op.f("fk_asset_parent_id_asset")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asset")),
    )
    with op.batch_alter_table("asset", schema=None) as batch_op:
        batch_op.create_index("ix_asset_beneficiary", ["beneficiary_id"], unique=False)

    op.create_table(
        "receipt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("disbursement_id", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.Column("reprint_count", sa.Integer(), nullable=False),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("voided_by_id", sa.Integer(), nullable=True),
        sa.Column("void_reason", sa.String(length=300), nullable=False),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["disbursement_id"],
            ["disbursement.id"],
            name=op.f("fk_receipt_disbursement_id_disbursement"),
        ),
        sa.ForeignKeyConstraint(
            ["issued_by_id"], ["app_user.id"], name=op.f("fk_receipt_issued_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_receipt_office_id_office")
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"], ["receipt.id"], name=op.f("fk_receipt_replaces_id_receipt")
        ),
        sa.ForeignKeyConstraint(
            ["voided_by_id"], ["app_user.id"], name=op.f("fk_receipt_voided_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipt")),
        sa.UniqueConstraint("number", name=op.f("uq_receipt_number")),
        sa.UniqueConstraint("office_id", "year", "seq", name=op.f("uq_receipt_office_id_year_seq")),
    )
    with op.batch_alter_table("receipt", schema=None) as batch_op:
        batch_op.create_index("ix_receipt_disbursement", ["disbursement_id"], unique=False)

    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("beneficiary_id", sa.Integer(), nullable=False),
        sa.Column("grant_id", sa.Integer(), nullable=True),
        sa.Column("disbursement_id", sa.Integer(), nullable=True),
        sa.Column("months_after", sa.Integer(), nullable=True),
        sa.Column("scheduled_on", sa.Date(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("livelihood_running", sa.Boolean(), nullable=True),
        sa.Column("income_band", sa.String(length=8), nullable=True),
        sa.Column("safety_concern", sa.Boolean(), nullable=True),
        sa.Column("in_school", sa.Boolean(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('scheduled', 'done', 'missed', 'cancelled')", name=op.f("ck_visit_status")
        ),
        sa.ForeignKeyConstraint(
            ["beneficiary_id"], ["beneficiary.id"], name=op.f("fk_visit_beneficiary_id_beneficiary")
        ),
        sa.ForeignKeyConstraint(
            ["disbursement_id"],
            ["disbursement.id"],
            name=op.f("fk_visit_disbursement_id_disbursement"),
        ),
        sa.ForeignKeyConstraint(
            ["grant_id"], ["grant_plan.id"], name=op.f("fk_visit_grant_id_grant_plan")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["app_user.id"], name=op.f("fk_visit_officer_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index("ix_visit_beneficiary", ["beneficiary_id"], unique=False)
        batch_op.create_index("ix_visit_due", ["status", "scheduled_on"], unique=False)

    op.create_table(
        "asset_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("asset_id", sa.Integer(), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('alive', 'calved', 'sick', 'died', 'sold', 'passed_on', 'in_use', 'unused')",
            name=op.f("ck_asset_event_status"),
        ),
        sa.ForeignKeyConstraint(
            ["asset_id"], ["asset.id"], name=op.f("fk_asset_event_asset_id_asset")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["app_user.id"], name=op.f("fk_asset_event_recorded_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_asset_event_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asset_event")),
    )


def downgrade() -> None:

    op.drop_table("asset_event")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_due")
        batch_op.drop_index("ix_visit_beneficiary")

    op.drop_table("visit")
    with op.batch_alter_table("receipt", schema=None) as batch_op:
        batch_op.drop_index("ix_receipt_disbursement")

    op.drop_table("receipt")
    with op.batch_alter_table("asset", schema=None) as batch_op:
        batch_op.drop_index("ix_asset_beneficiary")

    op.drop_table("asset")
    with op.batch_alter_table("disbursement", schema=None) as batch_op:
        batch_op.drop_index("ix_disbursement_grant")
        batch_op.drop_index("ix_disbursement_date")

    op.drop_table("disbursement")
    op.drop_table("tranche")
    with op.batch_alter_table("grant_plan", schema=None) as batch_op:
        batch_op.drop_index("ix_grant_project")
        batch_op.drop_index("ix_grant_beneficiary")

    op.drop_table("grant_plan")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index("ix_consent_beneficiary")

    op.drop_table("consent")
    op.drop_table("receipt_counter")
    op.drop_table("project")
    with op.batch_alter_table("beneficiary", schema=None) as batch_op:
        batch_op.drop_index("ix_beneficiary_sort")
        batch_op.drop_index("ix_beneficiary_name_key")
        batch_op.drop_index("ix_beneficiary_id_number")
        batch_op.drop_index("ix_beneficiary_commune")

    op.drop_table("beneficiary")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entity")

    op.drop_table("audit_event")
    op.drop_table("office")
    op.drop_table("grant_type")
    op.drop_table("app_user")
    op.drop_table("app_meta")
    with op.batch_alter_table("admin_unit", schema=None) as batch_op:
        batch_op.drop_index("ix_admin_unit_code")

    op.drop_table("admin_unit")
