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


def test_writers_wait_their_turn_on_the_lock_file_and_give_up_in_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from tracker.db.engine import writer_turn

    monkeypatch.setenv("TRACKER_BUSY_TIMEOUT_MS", "400")
    db = make_db("sqlite", tmp_path)
    actors = setup_office(db)
    path = db.location.path
    assert path is not None
    taken, release = threading.Event(), threading.Event()

    def holder() -> None:
        with writer_turn(path):
            taken.set()
            release.wait(10)

    t = threading.Thread(target=holder)
    t.start()
    assert taken.wait(10)
    with pytest.raises(DatabaseBusy):
        ben.record_view(db, actors["officer"], None, "names")
    # A writer that waits is let in the moment the holder lets go.
    done: list[BaseException | None] = []

    def waiter() -> None:
        try:
            ben.record_view(db, actors["officer"], None, "names")
            done.append(None)
        except BaseException as exc:  # pragma: no cover - reported below
            done.append(exc)

    w = threading.Thread(target=waiter)
    w.start()
    release.set()
    t.join(10)
    w.join(10)
    assert done == [None]
    with db.read() as s:
        views = s.execute(text("SELECT COUNT(*) FROM audit_event WHERE action = 'view'")).scalar()
    assert views == 1
    assert path.with_name(path.name + ".writers").exists()
    db.dispose()


def test_a_writer_killed_in_its_turn_does_not_hold_up_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import signal
    import subprocess
    import sys

    monkeypatch.setenv("TRACKER_BUSY_TIMEOUT_MS", "5000")
    db = make_db("sqlite", tmp_path)
    actors = setup_office(db)
    path = db.location.path
    assert path is not None
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from tracker.db.engine import writer_turn\n"
        "with writer_turn(Path(sys.argv[1])):\n"
        "    print('held', flush=True)\n"
        "    time.sleep(60)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    os.kill(proc.pid, signal.SIGKILL) if os.name != "nt" else proc.kill()
    proc.wait(10)
    proc.stdout.close()
    ben.record_view(db, actors["officer"], None, "names")
    with db.read() as s:
        views = s.execute(text("SELECT COUNT(*) FROM audit_event WHERE action = 'view'")).scalar()
    assert views == 1
    db.dispose()
