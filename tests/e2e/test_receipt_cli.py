"""``python -m tracker receipt NUMBER --out FILE.pdf`` as a user runs it: a separate process
on the encrypted demo database, the PDF read back with pypdf."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from tests.e2e.test_cli import run
from tracker.config import DatabaseLocation
from tracker.demo import DEMO_PASSWORD
from tracker.services import auth, receipts
from tracker.services.receipts import ReceiptRow


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[ReceiptRow]]:
    path = tmp_path_factory.mktemp("receipt_cli") / "demo.db"
    done = run("demo", "--db", str(path), "--today", "2025-11-20", password=None)
    assert done.returncode == 0, done.stderr
    ws = auth.sign_in(DatabaseLocation(path=path), "admin", DEMO_PASSWORD)
    try:
        rows = receipts.list_receipts(ws.db, ws.actor, limit=1000)
    finally:
        ws.close()
    return path, rows


def text_of(path: Path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages]


def test_writes_one_receipt_with_its_number_name_and_amount(
    demo: tuple[Path, list[ReceiptRow]], tmp_path: Path
) -> None:
    db, rows = demo
    row = next(r for r in rows if not r.in_kind)
    out = tmp_path / "phieu.pdf"
    res = run("receipt", row.number, "--out", str(out), "--db", str(db), "--user", "admin")
    assert res.returncode == 0, res.stderr
    assert row.number in res.stdout and "1 trang" in res.stdout
    (page,) = text_of(out)
    assert "PHIẾU CHI" in page and row.number in page and row.beneficiary_name in page
    assert f"{row.amount:,}".replace(",", ".") in page
    assert "BẢN SAO" not in page


def test_reprint_copies_a5_and_english(demo: tuple[Path, list[ReceiptRow]], tmp_path: Path) -> None:
    db, rows = demo
    row = next(r for r in rows if not r.in_kind and not r.voided)
    out = tmp_path / "copy.pdf"
    res = run(
        "--lang", "en", "receipt", row.number.lower(), "--out", str(out), "--copies", "2",
        "--page", "A5", "--reprint", "--db", str(db), "--user", "ketoan",
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert "COPY, reprint 1" in res.stdout
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 2
    assert round(float(reader.pages[0].mediabox.width)) == 420  # A5
    texts = text_of(out)
    assert "PAYMENT VOUCHER" in texts[0] and row.number in texts[0]
    assert "Copy 1" in texts[0] and "Copy 2" in texts[1]
    assert "COPY – reprint no. 1" in texts[0]
    assert "VND" in texts[0] and f"{row.amount:,}" in texts[0]


def test_goods_as_a_hand_over_note(demo: tuple[Path, list[ReceiptRow]], tmp_path: Path) -> None:
    db, rows = demo
    row = next(r for r in rows if r.in_kind)
    out = tmp_path / "bb.pdf"
    res = run(
        "receipt", row.number, "--paper", "handover", "--out", str(out),
        "--db", str(db), "--user", "admin",
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    (page,) = text_of(out)
    assert "BIÊN BẢN BÀN GIAO" in page and row.number in page and row.beneficiary_name in page


def test_an_unknown_number_is_a_clear_message(
    demo: tuple[Path, list[ReceiptRow]], tmp_path: Path
) -> None:
    db, _rows = demo
    out = tmp_path / "none.pdf"
    res = run("receipt", "MV-2025-99999", "--out", str(out), "--db", str(db), "--user", "admin")
    assert res.returncode == 1
    assert "MV-2025-99999" in res.stderr and "không tìm thấy" in res.stderr
    assert "Traceback" not in res.stderr
    assert not out.exists()
    nowhere = run(
        "receipt", "MV-2025-00001", "--out", str(tmp_path / "no" / "x.pdf"),
        "--db", str(db), "--user", "admin",
    )  # fmt: skip
    assert nowhere.returncode == 1 and "Không có thư mục" in nowhere.stderr


def test_a_viewer_cannot_record_a_reprint(
    demo: tuple[Path, list[ReceiptRow]], tmp_path: Path
) -> None:
    db, rows = demo
    out = tmp_path / "r.pdf"
    res = run(
        "receipt", rows[0].number, "--reprint", "--out", str(out),
        "--db", str(db), "--user", "xem",
    )  # fmt: skip
    assert res.returncode == 1 and "không được phép" in res.stderr
    assert not out.exists()
