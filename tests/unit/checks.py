"""What the service tests share: a dump of the whole database, a row count, and the check
that a refused write raised the right error, named the right field and changed nothing."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, text

from tracker.db.base import Base
from tracker.db.engine import Database
from tracker.services.errors import ValidationError


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove that a refused write changed nothing."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            rows = s.execute(select(table)).all()
            out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def count(db: Database, table: str) -> int:
    with db.read() as s:
        return int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def refused(
    db: Database,
    call: Any,
    *,
    key: str,
    field: str | None,
    error: type[Exception] = ValidationError,
) -> Any:
    """Run a write that must fail with exactly ``error`` naming ``field``; nothing may
    change."""
    before = dump(db)
    with pytest.raises(error) as info:
        call()
    assert type(info.value) is error
    assert info.value.key == key  # type: ignore[attr-defined]
    assert info.value.field == field  # type: ignore[attr-defined]
    assert dump(db) == before
    return info.value
