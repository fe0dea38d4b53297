"""The command line when another user holds the database, and the names it shows: separate
processes on a real, encrypted file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli import run
from tracker.config import DatabaseLocation
from tracker.db.engine import sqlite_connect
from tracker.demo import DEMO_PASSWORD
from tracker.services import auth


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-load") / "demo.db"
    done = run("demo", "--db", str(path), "--today", "2025-11-20", password=None)
    assert done.returncode == 0, done.stderr
    return path


def _connect(path: Path):  # type: ignore[no-untyped-def]
    _vault, key = auth.unlock(DatabaseLocation(path=path), "admin", DEMO_PASSWORD)
    return sqlite_connect(path, key)


def _name_views(path: Path) -> list[dict[str, object]]:
    conn = _connect(path)
    try:
        rows = conn.execute(
            "SELECT username, after FROM audit_event WHERE action = 'view' ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    found = []
    for username, after in rows:
        data = json.loads(after) if isinstance(after, str) else after
        if data.get("what") == "names":
            found.append({"username": username, **data})
    return found


@pytest.mark.parametrize(("lang", "words"), [("vi", "đang bận"), ("en", "is busy")])
def test_a_held_database_is_a_clear_message_in_the_users_language(
    demo_db: Path, lang: str, words: str
) -> None:
    """Someone else's long write (an import) holds the lock: another user's sign-in and
    search wait a bounded time, then say the database is busy; never a traceback."""
    holder = _connect(demo_db)
    holder.isolation_level = None
    holder.execute("BEGIN IMMEDIATE")
    try:
        res = run(
            "--lang",
            lang,
            "search",
            "dang",
            "--db",
            str(demo_db),
            "--user",
            "xem",
            TRACKER_BUSY_TIMEOUT_MS="300",
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert res.returncode == 1
    assert "Traceback" not in res.stderr + res.stdout
    assert words in res.stderr
    # Once the lock is gone the same command works.
    again = run("search", "dang", "--db", str(demo_db), "--user", "xem")
    assert again.returncode == 0, again.stderr


def test_search_shows_codes_and_aliases_to_a_viewer_never_names(demo_db: Path) -> None:
    res = run("search", "dang thi hong", "--db", str(demo_db), "--user", "xem")
    assert res.returncode == 0, res.stderr
    assert "Đặng Thị Hồng Nhung" not in res.stdout
    assert "1 / 1" in res.stdout
    code = res.stdout.split("\t", 1)[0]
    assert code.strip()
    refused = run("search", "dang thi hong", "--names", "--db", str(demo_db), "--user", "xem")
    assert refused.returncode == 1
    assert "Đặng Thị Hồng Nhung" not in refused.stdout
    assert "xem họ tên" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not [v for v in _name_views(demo_db) if v["username"] == "xem"]


def test_names_on_request_for_a_role_that_may_see_them_are_audited(demo_db: Path) -> None:
    before = len(_name_views(demo_db))
    plain = run("search", "dang thi hong", "--db", str(demo_db), "--user", "huyen")
    assert plain.returncode == 0, plain.stderr
    assert "Đặng Thị Hồng Nhung" not in plain.stdout
    assert len(_name_views(demo_db)) == before  # no names shown, nothing to log
    shown = run("search", "dang thi hong", "--names", "--db", str(demo_db), "--user", "huyen")
    assert shown.returncode == 0, shown.stderr
    assert "Đặng Thị Hồng Nhung" in shown.stdout
    views = _name_views(demo_db)
    assert len(views) == before + 1
    assert views[-1]["username"] == "huyen"
    assert views[-1]["count"] == 1 and views[-1]["where"] == "search"
