"""record versions: every edited table counts its updates, so that a save made on one PC
from a version another PC has changed since is refused instead of overwriting it

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The tables whose rows are edited after they are written (their models map
#: ``version`` as SQLAlchemy's ``version_id_col``).
VERSIONED = (
    "app_user",
    "office",
    "beneficiary",
    "project",
    "grant_type",
    "grant_plan",
    "tranche",
    "disbursement",
    "receipt",
    "asset",
    "visit",
)


def upgrade() -> None:
    # A NOT NULL column with a constant default: SQLite adds it in place (no copy of the
    # table, whose rows other tables point to), PostgreSQL without rewriting the table.
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in reversed(VERSIONED):
        if sqlite:
            # In place (SQLite 3.35+): a copy of the table could not drop the old one while
            # other tables point to it and foreign keys are on.
            op.execute(f"ALTER TABLE {table} DROP COLUMN version")
        else:
            op.drop_column(table, "version")
