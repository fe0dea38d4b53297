"""search index: people found by any part of their name, alias or code through an index
(SQLite FTS5 with the trigram tokenizer over the folded search key, kept in step by
triggers in the same transaction; pg_trgm on PostgreSQL when the server has it), and the
index that finds the receipt replacing another

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy.exc import DBAPIError

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The FTS5 table and its triggers (the names ``tracker.services.beneficiaries`` uses).
FTS_TABLE = "beneficiary_fts"
TRIGGERS = ("beneficiary_fts_insert", "beneficiary_fts_delete", "beneficiary_fts_update")


def upgrade() -> None:
    op.create_index("ix_receipt_replaces", "receipt", ["replaces_id"], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # External content: the table holds only the index; the text stays in
        # beneficiary.search_key. The triggers run inside the writing transaction.
        op.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(search_key, "
            "content='beneficiary', content_rowid='id', tokenize='trigram')"
        )
        op.execute(
            f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON beneficiary BEGIN "
            f"INSERT INTO {FTS_TABLE}(rowid, search_key) VALUES (new.id, new.search_key); END"
        )
        op.execute(
            f"CREATE TRIGGER {TRIGGERS[1]} AFTER DELETE ON beneficiary BEGIN "
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_key) "
            "VALUES ('delete', old.id, old.search_key); END"
        )
        op.execute(
            f"CREATE TRIGGER {TRIGGERS[2]} AFTER UPDATE OF search_key ON beneficiary BEGIN "
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_key) "
            "VALUES ('delete', old.id, old.search_key); "
            f"INSERT INTO {FTS_TABLE}(rowid, search_key) VALUES (new.id, new.search_key); END"
        )
        op.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    elif bind.dialect.name == "postgresql":
        available = bind.exec_driver_sql(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
        ).first()
        if available is None:
            return  # ILIKE without an index: the same answers, found more slowly
        try:
            with bind.begin_nested():
                bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DBAPIError:
            return  # not allowed to add it: the same answers, found more slowly
        op.execute(
            "CREATE INDEX IF NOT EXISTS ix_beneficiary_search_trgm ON beneficiary "
            "USING gin (search_key gin_trgm_ops)"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_beneficiary_search_trgm")
    op.drop_index("ix_receipt_replaces", table_name="receipt")
