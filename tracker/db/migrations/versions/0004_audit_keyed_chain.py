"""audit_event: ids never reused (AUTOINCREMENT on SQLite); the chain is keyed (HMAC)
from the next event on

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    head = bind.execute(sa.text("SELECT value FROM app_meta WHERE key = 'audit_head'")).scalar()
    newest = bind.execute(sa.text("SELECT coalesce(max(id), 0) FROM audit_event")).scalar()
    try:
        named = int(str(head).split(":", 1)[0]) if head else 0
    except ValueError:
        named = 0
    last = max(int(newest or 0), named)
    if bind.dialect.name == "sqlite":
        # The table is copied into one declared AUTOINCREMENT; its counter starts after
        # the newest id ever written (the head's, if newer events were removed).
        with op.batch_alter_table(
            "audit_event", recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ):
            pass
        if last:
            bind.execute(
                sa.text("UPDATE sqlite_sequence SET seq = :last WHERE name = 'audit_event'"),
                {"last": last},
            )
            if not bind.execute(
                sa.text("SELECT count(*) FROM sqlite_sequence WHERE name = 'audit_event'")
            ).scalar():
                bind.execute(
                    sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES ('audit_event', :l)"),
                    {"l": last},
                )
    # The events written so far keep their plain SHA-256; the next ones are keyed.
    bind.execute(
        sa.text("INSERT INTO app_meta (key, value) VALUES ('audit_hmac_from', :v)"),
        {"v": str(last + 1)},
    )


def downgrade() -> None:
    op.get_bind().execute(sa.text("DELETE FROM app_meta WHERE key = 'audit_hmac_from'"))
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table(
            "audit_event", recreate="always", table_kwargs={"sqlite_autoincrement": False}
        ):
            pass
