"""`tracker period` as a user runs it: closing a quarter of the demo office, checking its
figures (the same, then different after a change made outside the program), refusing a
reopening without a reason, and the reopening printed on the export made afterwards."""

from __future__ import annotations

import json
from pathlib import Path

from tracker.config import DatabaseLocation
from tracker.db.engine import sqlite_connect
from tracker.demo import DEMO_PASSWORD
from tracker.services import auth

from . import test_cli

run = test_cli.run
demo_db = test_cli.demo_db  # the fixture: the demo office, built once for the module


def copy_of(demo: Path, folder: Path) -> Path:
    copy = folder / "office.db"
    copy.write_bytes(demo.read_bytes())
    Path(str(copy) + ".keys").write_bytes(Path(str(demo) + ".keys").read_bytes())
    return copy


def test_close_check_reopen_from_the_command_line(tmp_path: Path, demo_db: Path) -> None:
    db = str(copy_of(demo_db, tmp_path))
    viewer_close = run("period", "close", "2025-Q3", "--db", db, "--user", "xem")
    assert viewer_close.returncode == 1 and "Traceback" not in viewer_close.stderr
    closed = run("period", "close", "2025-Q3", "--db", db, "--user", "admin")
    assert closed.returncode == 0, closed.stderr
    assert closed.stdout.startswith("2025-Q3\tđã khoá ")
    listed = run("period", "list", "--check", "--db", db, "--user", "admin")
    assert listed.returncode == 0, listed.stderr
    assert "2025-Q3\tđã khoá" in listed.stdout and "2025-Q2\tmở" in listed.stdout
    assert "trùng khớp với số liệu lúc khoá" in listed.stdout
    same = run("--lang", "en", "period", "check", "2025-Q3", "--db", db, "--user", "admin")
    assert same.returncode == 0 and "are the same as those kept at the close" in same.stdout

    # A hand-over counted in the closed quarter changed outside the program: said plainly.
    _vault, key = auth.unlock(DatabaseLocation(path=Path(db)), "admin", DEMO_PASSWORD)
    conn = sqlite_connect(Path(db), key)
    changed = conn.execute(
        "UPDATE disbursement SET amount = amount + 1000 WHERE id = (SELECT min(id) FROM"
        " disbursement WHERE handed_on <= '2025-09-30')"
    )
    assert changed.rowcount == 1  # (the project's total follows through its trigger)
    conn.commit()
    conn.close()
    differs = run("period", "check", "2025-Q3", "--db", db, "--user", "admin")
    assert differs.returncode == 3, differs.stderr
    assert "SỐ LIỆU KHÁC" in differs.stdout and "hỗ trợ theo loại" in differs.stdout

    no_reason = run("period", "reopen", "2025-Q3", "--db", db, "--user", "admin")
    assert no_reason.returncode == 1
    assert "Lý do mở khoá lại: không được để trống." in no_reason.stderr
    reopened = run(
        "period", "reopen", "2025-Q3", "--reason", "Tỉnh yêu cầu sửa", "--db", db,
        "--user", "admin",
    )  # fmt: skip
    assert reopened.returncode == 0, reopened.stderr
    assert "mở khoá lại" in reopened.stdout and "Tỉnh yêu cầu sửa" in reopened.stdout
    out = tmp_path / "usb"
    out.mkdir()
    export = run(
        "export", "quarter", "2025-Q3", "--to", str(out), "--audience", "office", "--db", db,
        "--user", "admin",
    )  # fmt: skip
    assert export.returncode == 0, export.stderr
    folder = next(p for p in out.iterdir() if p.is_dir())
    info = (folder / "csv" / "00_info.csv").read_text("utf-8-sig")
    assert "Quý 2025-Q3 được mở khoá lại ngày" in info and "Tỉnh yêu cầu sửa" in info
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["reopened"][0]["reason"] == "Tỉnh yêu cầu sửa"
