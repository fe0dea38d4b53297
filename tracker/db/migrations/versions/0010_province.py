"""province: the offices registered at a province-level office and the export bundles it
took in from them

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "province_office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=True),
        sa.Column("prefix", sa.String(length=12), nullable=True),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_province_office")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_province_office_fingerprint")),
    )
    op.create_table(
        "province_bundle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("period_key", sa.String(length=40), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("app_version", sa.String(length=40), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(length=60), nullable=False),
        sa.Column("replaced_by_id", sa.Integer(), nullable=True),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["province_office.id"],
            name=op.f("fk_province_bundle_office_id_province_office"),
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by_id"],
            ["province_bundle.id"],
            name=op.f("fk_province_bundle_replaced_by_id_province_bundle"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_province_bundle")),
        sa.UniqueConstraint("manifest_sha256", name=op.f("uq_province_bundle_manifest_sha256")),
    )
    op.create_index(
        "ix_province_bundle_office_period",
        "province_bundle",
        ["office_id", "period_key"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_province_bundle_office_period", table_name="province_bundle")
    op.drop_table("province_bundle")
    op.drop_table("province_office")
