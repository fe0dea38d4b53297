"""pass-on (bò quay vòng): a support type's rule that the first calf is passed on within
some months, and the animals and things a family passes on to another family

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The seeded breeding types that carry the rule, and the months allowed.
RULE = {"cattle": 12, "buffalo": 12}


def upgrade() -> None:
    # A nullable column: SQLite adds it in place, without copying the table.
    op.add_column("grant_type", sa.Column("pass_on_months", sa.Integer(), nullable=True))
    for code, months in RULE.items():
        op.execute(
            sa.text("UPDATE grant_type SET pass_on_months = :m WHERE code = :c").bindparams(
                m=months, c=code
            )
        )
    op.create_table(
        "pass_on",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("from_asset_id", sa.Integer(), nullable=False),
        sa.Column("asset_id", sa.Integer(), nullable=False),
        sa.Column("obligation_asset_id", sa.Integer(), nullable=True),
        sa.Column("grant_id", sa.Integer(), nullable=False),
        sa.Column("giver_id", sa.Integer(), nullable=False),
        sa.Column("receiver_id", sa.Integer(), nullable=False),
        sa.Column("handed_on", sa.Date(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("witness_name", sa.String(length=120), nullable=False),
        sa.Column("witness_title", sa.String(length=120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("value >= 0", name=op.f("ck_pass_on_value")),
        sa.CheckConstraint("giver_id <> receiver_id", name=op.f("ck_pass_on_two_families")),
        sa.ForeignKeyConstraint(
            ["from_asset_id"], ["asset.id"], name=op.f("fk_pass_on_from_asset_id_asset")
        ),
        sa.ForeignKeyConstraint(["asset_id"], ["asset.id"], name=op.f("fk_pass_on_asset_id_asset")),
        sa.ForeignKeyConstraint(
            ["obligation_asset_id"],
            ["asset.id"],
            name=op.f("fk_pass_on_obligation_asset_id_asset"),
        ),
        sa.ForeignKeyConstraint(
            ["grant_id"], ["grant_plan.id"], name=op.f("fk_pass_on_grant_id_grant_plan")
        ),
        sa.ForeignKeyConstraint(
            ["giver_id"], ["beneficiary.id"], name=op.f("fk_pass_on_giver_id_beneficiary")
        ),
        sa.ForeignKeyConstraint(
            ["receiver_id"], ["beneficiary.id"], name=op.f("fk_pass_on_receiver_id_beneficiary")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["app_user.id"], name=op.f("fk_pass_on_staff_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pass_on")),
        sa.UniqueConstraint("from_asset_id", name=op.f("uq_pass_on_from_asset_id")),
        sa.UniqueConstraint("asset_id", name=op.f("uq_pass_on_asset_id")),
    )
    op.create_index("ix_pass_on_handed_on", "pass_on", ["handed_on"], unique=False)
    op.create_index("ix_pass_on_giver", "pass_on", ["giver_id"], unique=False)
    op.create_index("ix_pass_on_receiver", "pass_on", ["receiver_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_pass_on_receiver", table_name="pass_on")
    op.drop_index("ix_pass_on_giver", table_name="pass_on")
    op.drop_index("ix_pass_on_handed_on", table_name="pass_on")
    op.drop_table("pass_on")
    # In place (SQLite 3.35 and later): a copy of the table could not drop the old one,
    # grants point to it and foreign keys are on.
    op.drop_column("grant_type", "pass_on_months")
