"""`tracker places search`, `tracker init` with the office's place and papers' people, and
`tracker projects`, as a user runs them: separate processes on a real, encrypted file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tracker.config import DatabaseLocation
from tracker.db.models import Office
from tracker.services import auth

from .test_cli import run

PW = "mat-khau-2026"


def lines(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines() if line]


def test_places_search_today_without_diacritics() -> None:
    done = run("places", "search", "lung", "cu", password=None)
    assert done.returncode == 0, done.stderr
    assert lines(done.stdout) == [["00715", "Xã Lũng Cú", "Tỉnh Tuyên Quang"]]


def test_places_search_on_a_day_before_the_reform_names_the_successors() -> None:
    done = run("places", "search", "Mèo Vạc", "--on", "2024-05-01", password=None)
    assert done.returncode == 0, done.stderr
    rows = lines(done.stdout)
    assert rows[0][:3] == ["027", "Huyện Mèo Vạc", "Tỉnh Hà Giang"]
    assert rows[0][3].startswith("nay là 00769 Xã Mèo Vạc; 00778 Xã Sơn Vĩ")
    assert rows[1] == [
        "00769",
        "Thị trấn Mèo Vạc, huyện Mèo Vạc",
        "Tỉnh Hà Giang",
        "nay là 00769 Xã Mèo Vạc",
    ]
    english = run("places", "search", "00772", "--on", "2025-06-30", "--lang", "en", password=None)
    assert lines(english.stdout) == [
        ["00772", "Xã Thượng Phùng, huyện Mèo Vạc", "Tỉnh Hà Giang", "now 00778 Xã Sơn Vĩ"]
    ]
    assert "1 units valid on 30/06/2025" in english.stderr


def test_places_search_narrowed_by_province_and_nothing_found() -> None:
    done = run("places", "search", "son vi", "--province", "08", password=None)
    assert [r[0] for r in lines(done.stdout)] == ["00778"]
    nothing = run("places", "search", "son vi", "--province", "01", password=None)
    assert nothing.returncode == 1 and nothing.stdout == ""


@pytest.mark.parametrize("province", ["01", "08", "96"])
def test_init_gives_an_office_in_any_province(tmp_path: Path, province: str) -> None:
    """The commune is found by typing its name without diacritics, then given by code."""
    found = run("places", "search", "xa", "--province", province, "--limit", "1", password=None)
    code, label, province_label = lines(found.stdout)[0]
    path = tmp_path / "office.db"
    done = run(
        "init",
        "--db", str(path),
        "--office", f"Hội LHPN {label.lower()}",
        "--prefix", "NO",
        "--admin", "lan",
        "--admin-name", "Nguyễn Thị Lan",
        "--province", province,
        "--commune", code,
        "--voucher-book", "01/2026",
        "--head", "Vàng Thị Mai",
        "--accountant", "Lý Thị Hoa",
        "--cashier", "Sùng Thị Dợ",
        password=None,
        TRACKER_NEW_PASSWORD=PW,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "MÃ KHÔI PHỤC" in done.stdout
    ws = auth.sign_in(DatabaseLocation(path=path), "lan", PW)
    try:
        with ws.db.read() as s:
            o = s.execute(select(Office)).scalar_one()
            assert (o.kind, o.province_code, o.unit_code) == ("commune", province, code)
            assert (o.voucher_book, o.head_name, o.accountant_name, o.cashier_name) == (
                "01/2026",
                "Vàng Thị Mai",
                "Lý Thị Hoa",
                "Sùng Thị Dợ",
            )
    finally:
        ws.close()
    assert province_label.startswith(("Tỉnh", "Thành phố"))


def test_init_refuses_a_commune_of_another_province_before_asking_anything(
    tmp_path: Path,
) -> None:
    path = tmp_path / "office.db"
    done = run(
        "init", "--db", str(path), "--office", "Hội LHPN", "--prefix", "LC", "--admin", "lan",
        "--admin-name", "Lan", "--province", "04", "--commune", "00715", password=None,
    )  # fmt: skip
    assert done.returncode == 1
    assert "không thuộc tỉnh đã chọn" in done.stderr
    assert not path.exists()


def test_init_of_a_district_office_keeps_its_former_district(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    done = run(
        "init", "--db", str(path), "--office", "Hội LHPN huyện Mèo Vạc", "--prefix", "MV",
        "--admin", "lan", "--admin-name", "Lan", "--province", "08", "--district", "027",
        password=None, TRACKER_NEW_PASSWORD=PW,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    ws = auth.sign_in(DatabaseLocation(path=path), "lan", PW)
    try:
        with ws.db.read() as s:
            o = s.execute(select(Office)).scalar_one()
            assert (o.kind, o.province_code, o.unit_code) == ("district", "08", "027")
    finally:
        ws.close()


def test_projects_add_edit_list(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    made = run(
        "init", "--db", str(path), "--office", "Hội LHPN", "--prefix", "LC", "--admin", "lan",
        "--admin-name", "Lan", password=None, TRACKER_NEW_PASSWORD=PW,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    common = ("--db", str(path), "--user", "lan")
    added = run(
        "projects", "add", "HG-2024", "--name", "Sinh kế an toàn", "--donor", "Rồng Xanh",
        "--start", "2024-01-01", "--end", "2026-12-31", "--budget", "4200000000", *common,
        password=PW,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "Đã lưu dự án HG-2024." in added.stdout
    edited = run(
        "projects", "edit", "HG-2024", "--budget", "5000000000", "--status", "closed", *common,
        password=PW,
    )  # fmt: skip
    assert edited.returncode == 0, edited.stderr
    listed = run("projects", "list", *common, password=PW)
    assert lines(listed.stdout) == [
        [
            "HG-2024",
            "Sinh kế an toàn",
            "Rồng Xanh",
            "01/01/2024–31/12/2026",
            "5.000.000.000\u00a0₫",
            "còn 5.000.000.000\u00a0₫",
            "đã đóng",
        ]
    ]
    missing = run("projects", "edit", "NOPE", "--budget", "1", *common, password=PW)
    assert missing.returncode == 1 and "không tìm thấy «NOPE»" in missing.stderr
    short = run("projects", "add", "X-1", "--name", "X", *common, password=PW)
    assert short.returncode == 2 and "--donor" in short.stderr
    duplicate = run(
        "projects", "add", "HG-2024", "--name", "X", "--donor", "Y", "--start", "2024-01-01",
        "--end", "2024-12-31", "--budget", "1", *common, password=PW,
    )  # fmt: skip
    assert duplicate.returncode == 1
