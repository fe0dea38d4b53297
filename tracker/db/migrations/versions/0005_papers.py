"""papers: hand-overs of several lines under one receipt, the first print of a receipt,
the legal basis of payment vouchers by date, and the linen yarn support type (in kg)

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from tracker.domain.papers import DEFAULT_LEGAL_BASES

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    fk = "fk_disbursement_part_of_id_disbursement"
    if op.get_bind().dialect.name == "sqlite":
        # In place: SQLite adds a nullable column with its REFERENCES clause without copying
        # the table (a copy could not drop the old one: receipts, assets and visits point
        # to it, and foreign keys are on).
        op.execute(
            f"ALTER TABLE disbursement ADD COLUMN part_of_id INTEGER "
            f"CONSTRAINT {fk} REFERENCES disbursement (id)"
        )
    else:
        op.add_column(
            "disbursement",
            sa.Column(
                "part_of_id", sa.Integer(), sa.ForeignKey("disbursement.id", name=fk), nullable=True
            ),
        )
    op.create_index("ix_disbursement_part_of", "disbursement", ["part_of_id"], unique=False)
    # A nullable column: SQLite adds it in place. Receipts made before this version were
    # printed when they were issued (the program did not record it): their next print is
    # a copy, never a second original.
    op.add_column("receipt", sa.Column("printed_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE receipt SET printed_at = issued_at")

    basis = op.create_table(
        "legal_basis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("form_code", sa.String(length=40), nullable=False),
        sa.Column("legal_note", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_basis")),
        sa.UniqueConstraint("valid_from", name=op.f("uq_legal_basis_valid_from")),
    )
    op.bulk_insert(
        basis,
        [
            {"valid_from": b.valid_from, "form_code": b.form_code, "legal_note": b.legal_note}
            for b in DEFAULT_LEGAL_BASES
        ],
    )

    # Offices set up before this version get the yarn type too (new ones are seeded).
    bind = op.get_bind()
    has_types = bind.execute(sa.text("SELECT COUNT(*) FROM grant_type")).scalar_one()
    has_yarn = bind.execute(
        sa.text("SELECT COUNT(*) FROM grant_type WHERE code = 'linen_yarn'")
    ).scalar_one()
    if has_types and not has_yarn:
        grant_type = sa.table(
            "grant_type",
            sa.column("code", sa.String),
            sa.column("name_vi", sa.String),
            sa.column("name_en", sa.String),
            sa.column("kind", sa.String),
            sa.column("unit_vi", sa.String),
            sa.column("unit_en", sa.String),
            sa.column("asset_kind", sa.String),
            sa.column("followup_months", sa.JSON),
            sa.column("receipt_reason_vi", sa.String),
            sa.column("receipt_reason_en", sa.String),
            sa.column("fields", sa.JSON),
            sa.column("active", sa.Boolean),
        )
        op.bulk_insert(
            grant_type,
            [
                {
                    "code": "linen_yarn",
                    "name_vi": "Sợi lanh",
                    "name_en": "Linen yarn",
                    "kind": "in_kind",
                    "unit_vi": "kg",
                    "unit_en": "kg",
                    "asset_kind": None,
                    "followup_months": [],
                    "receipt_reason_vi": "Hỗ trợ sinh kế (dệt lanh)",
                    "receipt_reason_en": "Livelihood support (linen weaving)",
                    "fields": ["kg"],
                    "active": True,
                }
            ],
        )


def downgrade() -> None:
    op.drop_table("legal_basis")
    op.drop_column("receipt", "printed_at")
    op.drop_index("ix_disbursement_part_of", table_name="disbursement")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(
            op.f("fk_disbursement_part_of_id_disbursement"), "disbursement", type_="foreignkey"
        )
    # SQLite drops the column (and its REFERENCES clause) in place (3.35+).
    op.drop_column("disbursement", "part_of_id")
