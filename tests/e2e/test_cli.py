"""The command line as a user runs it: separate processes on a real, encrypted file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.config import DatabaseLocation
from tracker.db.engine import sqlite_connect
from tracker.demo import DEMO_PASSWORD
from tracker.services import auth


def run(
    *args: str, password: str | None = DEMO_PASSWORD, **env: str
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_PASSWORD")}
    full_env.update(env)
    if password is not None:
        full_env["TRACKER_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    done = run("demo", "--db", str(path), "--today", "2025-11-20", password=None)
    assert done.returncode == 0, done.stderr
    assert "admin / demo-admin-2026" in done.stdout
    return path


def test_demo_then_search_without_diacritics(demo_db: Path) -> None:
    found = run("search", "dang thi hong", "--names", "--db", str(demo_db), "--user", "admin")
    assert found.returncode == 0, found.stderr
    assert "Đặng Thị Hồng Nhung" in found.stdout
    upper = run("search", "NHUNG", "DANG", "--names", "--db", str(demo_db), "--user", "admin")
    assert "Đặng Thị Hồng Nhung" in upper.stdout


def test_demo_refuses_to_overwrite(demo_db: Path) -> None:
    again = run("demo", "--db", str(demo_db), password=None)
    assert again.returncode == 1
    assert "--force" in again.stderr


def test_wrong_password_is_a_clear_message(demo_db: Path) -> None:
    bad = run("search", "x", "--db", str(demo_db), "--user", "xem", password="wrong-password")
    assert bad.returncode == 1
    assert "Sai tên đăng nhập hoặc mật khẩu" in bad.stderr
    assert "Traceback" not in bad.stderr
    en = run("--lang", "en", "search", "x", "--db", str(demo_db), "--user", "nobody")
    assert "Wrong user name or password" in en.stderr


def test_no_password_and_no_terminal_is_a_clear_message(demo_db: Path) -> None:
    res = run("visits", "--db", str(demo_db), "--user", "admin", password=None)
    assert res.returncode == 1
    assert "TRACKER_PASSWORD" in res.stderr


def test_visits_lists_overdue_with_days_late(demo_db: Path) -> None:
    res = run("visits", "overdue", "--db", str(demo_db), "--user", "huyen")
    assert res.returncode == 0, res.stderr
    assert "trễ" in res.stdout and "ngày" in res.stdout


def test_visits_that_met_no_one_say_why(demo_db: Path) -> None:
    res = run("visits", "missed", "--db", str(demo_db), "--user", "huyen")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert len(lines) >= 2 and lines[-1].endswith("chuyến thăm.")
    assert all("không gặp: " in line for line in lines[:-1])
    en = run("--lang", "en", "visits", "missed", "--db", str(demo_db), "--user", "huyen")
    assert "no one met: " in en.stdout


def test_audit_verify_names_a_row_altered_outside_the_app(tmp_path: Path, demo_db: Path) -> None:
    copy = tmp_path / "tampered.db"
    copy.write_bytes(demo_db.read_bytes())
    Path(str(copy) + ".keys").write_bytes(Path(str(demo_db) + ".keys").read_bytes())
    ok = run("audit", "verify", "--db", str(copy), "--user", "admin")
    assert ok.returncode == 0, ok.stderr
    assert "toàn vẹn" in ok.stdout
    _vault, key = auth.unlock(DatabaseLocation(path=copy), "admin", DEMO_PASSWORD)
    conn = sqlite_connect(copy, key)
    conn.execute("UPDATE audit_event SET after = '{\"amount\": 1}' WHERE id = 40")
    conn.commit()
    conn.close()
    bad = run("audit", "verify", "--db", str(copy), "--user", "admin")
    assert bad.returncode == 3  # the trail was altered
    assert "#40" in bad.stdout


def test_audit_verify_names_a_deleted_row(tmp_path: Path, demo_db: Path) -> None:
    copy = tmp_path / "deleted.db"
    copy.write_bytes(demo_db.read_bytes())
    Path(str(copy) + ".keys").write_bytes(Path(str(demo_db) + ".keys").read_bytes())
    _vault, key = auth.unlock(DatabaseLocation(path=copy), "admin", DEMO_PASSWORD)
    conn = sqlite_connect(copy, key)
    conn.execute("DELETE FROM audit_event WHERE id = 77")
    conn.commit()
    conn.close()
    bad = run("audit", "verify", "--db", str(copy), "--user", "admin")
    assert bad.returncode == 3  # the trail was altered
    assert "#78" in bad.stdout


def test_users_add_and_sign_in_with_the_new_account(tmp_path: Path, demo_db: Path) -> None:
    copy = tmp_path / "users.db"
    copy.write_bytes(demo_db.read_bytes())
    Path(str(copy) + ".keys").write_bytes(Path(str(demo_db) + ".keys").read_bytes())
    add = run(
        "users", "add", "thu", "--name", "Lò Thị Thu", "--role", "officer",
        "--db", str(copy), "--user", "admin", TRACKER_NEW_PASSWORD="thu-pass-2025",
    )  # fmt: skip
    assert add.returncode == 0, add.stderr
    listed = run("users", "list", "--db", str(copy), "--user", "thu", password="thu-pass-2025")
    assert "Lò Thị Thu" in listed.stdout
    refused = run(
        "users", "add", "x2", "--name", "X", "--role", "admin",
        "--db", str(copy), "--user", "thu", password="thu-pass-2025",
        TRACKER_NEW_PASSWORD="whatever-123",
    )  # fmt: skip
    assert refused.returncode == 1
    assert "không được phép" in refused.stderr
