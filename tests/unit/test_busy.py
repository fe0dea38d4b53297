"""Another user's long transaction: a read or write waits a bounded time, then says in the
user's language that the database is busy; nothing is changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL, make_db, setup_office
from tracker.config import DatabaseLocation
from tracker.db.engine import Database
from tracker.services import beneficiaries as ben
from tracker.services.errors import DatabaseBusy


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_a_write_behind_a_long_transaction_says_the_database_is_busy(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_BUSY_TIMEOUT_MS", "300")
    db = make_db(kind, tmp_path)
    actors = setup_office(db)
    location = DatabaseLocation(url=PG_URL) if kind == "postgres" else db.location
    holder = Database(location)
    with holder.write() as s:
        if kind == "postgres":
            s.execute(text("LOCK TABLE audit_event IN ACCESS EXCLUSIVE MODE"))
        else:
            s.execute(text("SELECT 1"))  # BEGIN IMMEDIATE holds the write lock
        with pytest.raises(DatabaseBusy) as err:
            ben.record_view(db, actors["officer"], None, "names")
    assert "Cơ sở dữ liệu đang bận" in err.value.message("vi")
    assert "The database is busy" in err.value.message("en")
    with db.read() as s:
        views = s.execute(text("SELECT COUNT(*) FROM audit_event WHERE action = 'view'")).scalar()
    assert views == 0
    ben.record_view(db, actors["officer"], None, "names")  # once the other is done
    holder.dispose()
    db.dispose()


@pytest.mark.postgres
def test_a_read_behind_a_table_lock_says_the_database_is_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_BUSY_TIMEOUT_MS", "300")
    db = make_db("postgres", tmp_path)
    actors = setup_office(db)
    holder = Database(DatabaseLocation(url=PG_URL))
    with holder.write() as s:
        s.execute(text("LOCK TABLE beneficiary IN ACCESS EXCLUSIVE MODE"))
        with pytest.raises(DatabaseBusy):
            ben.count(db, actors["viewer"])
    assert ben.count(db, actors["viewer"]) == 0
    holder.dispose()
    db.dispose()
