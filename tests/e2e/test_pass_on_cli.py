"""``python -m tracker pass-on list|due|note`` on the encrypted demo database, as a user
runs it; the note read back with pypdf."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from tests.e2e.test_cli import run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pass_on_cli") / "demo.db"
    done = run("demo", "--db", str(path), "--today", "2025-11-20", password=None)
    assert done.returncode == 0, done.stderr
    return path


def test_list_due_and_the_note(demo: Path, tmp_path: Path) -> None:
    listed = run("pass-on", "list", "--db", str(demo), "--user", "admin")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[-1].endswith("lần chuyển giao.") and lines[0].startswith("QV-2025-")
    number = lines[0].split("\t")[0]
    due = run("pass-on", "due", "--db", str(demo), "--user", "admin")
    assert due.returncode == 0 and due.stdout.splitlines()[-1].endswith("con đầu chưa chuyển giao.")
    out = tmp_path / "quay-vong.pdf"
    note = run("pass-on", "note", number, "--out", str(out), "--db", str(demo), "--user", "admin")
    assert note.returncode == 0, note.stderr
    (page,) = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(out).pages]
    assert "BIÊN BẢN BÀN GIAO QUAY VÒNG" in page and number in page
    assert "nạn nhân" not in page.lower()
    unknown = run(
        "pass-on", "note", "QV-2025-99999", "--out", str(out), "--db", str(demo), "--user", "admin"
    )
    assert unknown.returncode == 1 and "QV-2025-99999" in unknown.stderr
    nowhere = tmp_path / "no-such-folder" / "quay-vong.pdf"
    missing = run(
        "pass-on", "note", number, "--out", str(nowhere), "--db", str(demo), "--user", "admin"
    )
    assert missing.returncode == 1 and "Không có thư mục" in missing.stderr, missing.stderr
    assert "không lường trước" not in missing.stderr
