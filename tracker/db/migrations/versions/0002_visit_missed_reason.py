"""visit: the reason a visit found no one (status "missed")

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A nullable column: SQLite adds it in place, without copying the table.
    op.add_column("visit", sa.Column("missed_reason", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("visit") as batch:
        batch.drop_column("missed_reason")
