"""`python -m tracker export` and `python -m tracker import` as a user runs them: separate
processes on the encrypted demo database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tracker.demo import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "resources" / "templates" / "import_template.xlsx"


def run(
    *args: str, password: str | None = DEMO_PASSWORD, **env: str
) -> subprocess.CompletedProcess[str]:
    full_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TRACKER_PASSWORD", "TRACKER_EXPORT_PASSPHRASE"))
    }
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
    path = tmp_path_factory.mktemp("cli-export") / "demo.db"
    done = run("demo", "--db", str(path), "--today", "2025-11-20", password=None)
    assert done.returncode == 0, done.stderr
    return path


def test_export_quarter_to_a_folder(demo_db: Path, tmp_path: Path) -> None:
    res = run("export", "quarter", "2025-Q3", "--to", str(tmp_path), "--db", str(demo_db),
              "--user", "admin", "--audience", "donor", "--today", "2025-11-20")  # fmt: skip
    assert res.returncode == 0, res.stderr
    folder = tmp_path / "MV_2025-Q3_donor"
    assert f"vào {folder}" in res.stdout
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["period"]["key"] == "2025-Q3" and manifest["audience"] == "donor"
    listed = {line.split("\t")[0] for line in res.stdout.splitlines() if "\t" in line}
    assert listed == {f["path"] for f in manifest["files"]}
    assert not any(p.suffix == ".zip" for p in folder.iterdir())


def test_export_encrypted_line_list(demo_db: Path, tmp_path: Path) -> None:
    from tracker.reports.summary_linelist import read_encrypted_zip

    res = run("export", "year", "2025", "--to", str(tmp_path), "--db", str(demo_db),
              "--user", "admin", "--encrypt", "--formats", "pdf",
              TRACKER_EXPORT_PASSPHRASE="cụm mật khẩu dài")  # fmt: skip
    assert res.returncode == 0, res.stderr
    folder = tmp_path / "MV_2025_office"
    (secret,) = folder.glob("*.zip")
    assert {p.name for p in folder.iterdir()} == {
        "MV_2025_office.pdf",
        secret.name,
        "manifest.json",
        "manifest.sig",  # the office's signature of the manifest
    }
    inside = read_encrypted_zip(secret.read_bytes(), "cụm mật khẩu dài")
    assert "line_list.xlsx" in inside


def test_export_errors_are_clear(demo_db: Path, tmp_path: Path) -> None:
    bad = run("export", "quarter", "2025-Q5", "--to", str(tmp_path), "--db", str(demo_db),
              "--user", "admin")  # fmt: skip
    assert bad.returncode == 1 and "không phải là kỳ báo cáo" in bad.stderr
    assert "Traceback" not in bad.stderr
    wrong_kind = run("export", "quarter", "2025", "--to", str(tmp_path), "--db", str(demo_db),
                     "--user", "admin")  # fmt: skip
    assert wrong_kind.returncode == 1
    no_pass = run("export", "quarter", "2025-Q3", "--to", str(tmp_path), "--db", str(demo_db),
                  "--user", "admin", "--encrypt")  # fmt: skip
    assert no_pass.returncode == 1 and "mật khẩu" in no_pass.stderr
    officer = run("--lang", "en", "export", "quarter", "2025-Q3", "--to", str(tmp_path),
                  "--db", str(demo_db), "--user", "huyen", "--encrypt",
                  TRACKER_EXPORT_PASSPHRASE="long enough phrase")  # fmt: skip
    assert officer.returncode == 1 and "is not allowed to: manage users" in officer.stderr
    nowhere = run("export", "quarter", "2025-Q3", "--to", str(tmp_path / "gone"),
                  "--db", str(demo_db), "--user", "admin")  # fmt: skip
    assert nowhere.returncode == 1 and "không tồn tại" in nowhere.stderr
    assert list(tmp_path.iterdir()) == []


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    wb = load_workbook(TEMPLATE)
    ws = wb["Người hưởng"]
    for r, values in enumerate(rows, start=3):
        for c, v in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=v)
    wb.save(path)
    return path


def test_import_dry_run_then_commit_then_again(demo_db: Path, tmp_path: Path) -> None:
    bad = _workbook(
        tmp_path / "bad.xlsx", [["CLI-1", "", "", "Nu?", None, 1990, "Dao", "Nạn nhân"]]
    )
    res = run("import", str(bad), "--dry-run", "--db", str(demo_db), "--user", "admin",
              "--today", "2025-11-20")  # fmt: skip
    assert res.returncode == 1
    assert (
        "Người hưởng, cột B «Họ và tên»: Ô này không được để trống: dòng 3."
        " Cách sửa: điền các ô này." in res.stderr
    )
    assert "Người hưởng, cột D «Giới tính»: «Nu?» không hợp lệ" in res.stderr
    assert "Không nhập gì: tệp có 2 lỗi" in res.stderr
    good = _workbook(
        tmp_path / "good.xlsx",
        [["CLI-2", "Người Nhập Thử", "", "Nữ", None, 1991, "Dao", "Nạn nhân"]],
    )
    args = ("--db", str(demo_db), "--user", "admin", "--today", "2025-11-20")
    dry = run("import", str(good), "--dry-run", *args)
    assert dry.returncode == 0, dry.stderr
    assert "Người hưởng: 1 dòng, thêm 1" in dry.stdout and "Chưa lưu gì" in dry.stdout
    done = run("import", str(good), *args)
    assert done.returncode == 0, done.stderr
    assert "Đã nhập 1 bản ghi." in done.stdout
    again = run("--lang", "en", "import", str(good), *args)
    assert again.returncode == 0, again.stderr
    assert "Beneficiaries: 1 rows, add 0, already there 1" in again.stdout
    assert "Imported 0 records." in again.stdout
    found = run("search", "nguoi nhap thu", "--db", str(demo_db), "--user", "admin")
    assert found.stdout.count("CLI-2") == 1
