"""Alembic environment: runs on the connection the app hands over, batch mode for SQLite."""

from __future__ import annotations

from alembic import context

from tracker.db import models  # registers the tables
from tracker.db.base import Base

config = context.config
target_metadata = Base.metadata
#: The search index (migration 0006) is the database's own, not the models'.
include_name = models.include_name


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        url = config.get_main_option("sqlalchemy.url")
        assert url is not None, "alembic.ini names no sqlalchemy.url"
        engine = create_engine(url)
        with engine.begin() as conn:
            context.configure(
                connection=conn,
                target_metadata=target_metadata,
                render_as_batch=True,
                include_name=include_name,
            )
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        render_as_batch=True,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
