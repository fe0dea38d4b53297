"""places: every administrative unit before and after the July 2025 reform, the links from
old to new units, and the office's voucher book

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from tracker.db import places_data

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "admin_unit_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("old_code", sa.String(length=8), nullable=False),
        sa.Column("new_code", sa.String(length=8), nullable=False),
        sa.Column("main", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_unit_link")),
        sa.UniqueConstraint(
            "old_code", "new_code", name=op.f("uq_admin_unit_link_old_code_new_code")
        ),
    )
    with op.batch_alter_table("admin_unit_link") as batch:
        batch.create_index("ix_admin_unit_link_new", ["new_code"], unique=False)
    # A column with a server default: SQLite adds it in place, without copying the table.
    op.add_column(
        "office",
        sa.Column("voucher_book", sa.String(length=20), nullable=False, server_default=""),
    )
    # The full list replaces the few demo units older databases were given.
    places_data.reseed(op.get_bind())


def downgrade() -> None:
    # SQLite drops a column in place (3.35+): the office table, which others point to,
    # is not copied.
    op.drop_column("office", "voucher_book")
    with op.batch_alter_table("admin_unit_link") as batch:
        batch.drop_index("ix_admin_unit_link_new")
    op.drop_table("admin_unit_link")
