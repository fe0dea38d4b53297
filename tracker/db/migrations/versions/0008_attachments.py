"""attachment: photos and scans kept in the encrypted database (people, grants,
hand-overs, visits, animals and looms, receipts)

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("beneficiary_id", sa.Integer(), nullable=False),
        sa.Column("grant_id", sa.Integer(), nullable=True),
        sa.Column("disbursement_id", sa.Integer(), nullable=True),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("asset_id", sa.Integer(), nullable=True),
        sa.Column("receipt_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("mime", sa.String(length=40), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("caption", sa.String(length=300), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=True),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('photo', 'scan', 'signed_receipt')", name=op.f("ck_attachment_kind")
        ),
        sa.CheckConstraint(
            "mime IN ('image/jpeg', 'image/png', 'application/pdf')",
            name=op.f("ck_attachment_mime"),
        ),
        sa.ForeignKeyConstraint(
            ["beneficiary_id"], ["beneficiary.id"],
            name=op.f("fk_attachment_beneficiary_id_beneficiary"),
        ),
        sa.ForeignKeyConstraint(
            ["grant_id"], ["grant_plan.id"], name=op.f("fk_attachment_grant_id_grant_plan")
        ),
        sa.ForeignKeyConstraint(
            ["disbursement_id"], ["disbursement.id"],
            name=op.f("fk_attachment_disbursement_id_disbursement"),
        ),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"], name=op.f("fk_attachment_visit_id_visit")),
        sa.ForeignKeyConstraint(["asset_id"], ["asset.id"], name=op.f("fk_attachment_asset_id_asset")),
        sa.ForeignKeyConstraint(
            ["receipt_id"], ["receipt.id"], name=op.f("fk_attachment_receipt_id_receipt")
        ),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["app_user.id"], name=op.f("fk_attachment_added_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )  # fmt: skip
    op.create_index("ix_attachment_beneficiary", "attachment", ["beneficiary_id"])
    op.create_index("ix_attachment_disbursement", "attachment", ["disbursement_id"])
    op.create_index("ix_attachment_receipt", "attachment", ["receipt_id"])


def downgrade() -> None:
    op.drop_index("ix_attachment_receipt", table_name="attachment")
    op.drop_index("ix_attachment_disbursement", table_name="attachment")
    op.drop_index("ix_attachment_beneficiary", table_name="attachment")
    op.drop_table("attachment")
