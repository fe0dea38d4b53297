"""closed periods: quarters closed after their summary went out (with the figures of the
close and their reopenings), and corrections of hand-overs dated in an open period

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable columns: SQLite adds them in place.
    op.add_column("receipt", sa.Column("late_void_on", sa.Date(), nullable=True))
    op.add_column("receipt", sa.Column("late_issued_on", sa.Date(), nullable=True))
    op.create_table(
        "period_close",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_key", sa.String(length=20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_by", sa.String(length=120), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("reopened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reopened_by_id", sa.Integer(), nullable=True),
        sa.Column("reopened_by", sa.String(length=120), nullable=False),
        sa.Column("reopen_reason", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["closed_by_id"], ["app_user.id"], name=op.f("fk_period_close_closed_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["reopened_by_id"],
            ["app_user.id"],
            name=op.f("fk_period_close_reopened_by_id_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_period_close")),
    )
    op.create_index("ix_period_close_key", "period_close", ["period_key"], unique=False)
    op.create_table(
        "handover_adjustment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disbursement_id", sa.Integer(), nullable=False),
        sa.Column("adjusted_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount <> 0", name=op.f("ck_handover_adjustment_amount")),
        sa.ForeignKeyConstraint(
            ["disbursement_id"],
            ["disbursement.id"],
            name=op.f("fk_handover_adjustment_disbursement_id_disbursement"),
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["app_user.id"],
            name=op.f("fk_handover_adjustment_recorded_by_id_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_adjustment")),
    )
    op.create_index(
        "ix_handover_adjustment_disbursement",
        "handover_adjustment",
        ["disbursement_id"],
        unique=False,
    )
    op.create_index(
        "ix_handover_adjustment_date", "handover_adjustment", ["adjusted_on"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_handover_adjustment_date", table_name="handover_adjustment")
    op.drop_index("ix_handover_adjustment_disbursement", table_name="handover_adjustment")
    op.drop_table("handover_adjustment")
    op.drop_index("ix_period_close_key", table_name="period_close")
    op.drop_table("period_close")
    with op.batch_alter_table("receipt") as batch:
        batch.drop_column("late_issued_on")
        batch.drop_column("late_void_on")
