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
    row = next(r for r in rows if r.kind == "cash")
    out = tmp_path / "phieu.pdf"
    res = run("receipt", row.number, "--out", str(out), "--db", str(db), "--user", "admin")
    assert res.returncode == 0, res.stderr
    assert row.number in res.stdout and "1 trang" in res.stdout and "bản gốc" in res.stdout
    (page,) = text_of(out)
    assert "PHIẾU CHI" in page and row.number in page and row.beneficiary_name in page
    assert f"{row.amount:,}".replace(",", ".") in page
    assert "BẢN SAO" not in page


def test_every_print_after_the_first_is_a_copy_a5_and_english(
    demo: tuple[Path, list[ReceiptRow]], tmp_path: Path
) -> None:
    db, rows = demo
    row = [r for r in rows if r.kind == "cash" and not r.voided][1]  # not printed yet
    first = run(
        "receipt", row.number, "--out", str(tmp_path / "first.pdf"),
        "--db", str(db), "--user", "ketoan",
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    out = tmp_path / "copy.pdf"
    res = run(
        "--lang", "en", "receipt", row.number.lower(), "--out", str(out), "--copies", "2",
        "--page", "A5", "--db", str(db), "--user", "ketoan",
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
    # The next print never repeats that count.
    again = run(
        "receipt", row.number, "--out", str(tmp_path / "again.pdf"),
        "--db", str(db), "--user", "ketoan",
    )  # fmt: skip
    assert "BẢN SAO – in lại lần 2" in text_of(tmp_path / "again.pdf")[0]
    assert "in lại lần 2" in again.stdout


def test_goods_are_printed_on_the_hand_over_note(
    demo: tuple[Path, list[ReceiptRow]], tmp_path: Path
) -> None:
    db, rows = demo
    row = next(r for r in rows if r.kind == "goods")
    out = tmp_path / "bb.pdf"
    res = run("receipt", row.number, "--out", str(out), "--db", str(db), "--user", "admin")
    assert res.returncode == 0, res.stderr
    assert "biên bản bàn giao" in res.stdout
    (page,) = text_of(out)
    assert "BIÊN BẢN BÀN GIAO" in page and row.number in page and row.beneficiary_name in page
    assert "PHIẾU CHI" not in page and "tiền" not in page.lower()
    # A goods hand-over has no voucher: asked for, it is refused and nothing is counted.
    refused = run(
        "receipt", row.number, "--paper", "voucher", "--out", str(tmp_path / "no.pdf"),
        "--db", str(db), "--user", "admin",
    )  # fmt: skip
    assert refused.returncode == 1 and "phiếu chi" in refused.stderr
    assert not (tmp_path / "no.pdf").exists()


def test_money_and_goods_get_both_papers(
    demo: tuple[Path, list[ReceiptRow]], tmp_path: Path
) -> None:
    db, rows = demo
    row = next(r for r in rows if r.kind == "mixed")
    out = tmp_path / "both.pdf"
    res = run("receipt", row.number, "--out", str(out), "--db", str(db), "--user", "admin")
    assert res.returncode == 0, res.stderr
    voucher, note = text_of(out)
    assert "PHIẾU CHI" in voucher and "BIÊN BẢN BÀN GIAO" in note


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


def test_a_viewer_prints_copies_only(demo: tuple[Path, list[ReceiptRow]], tmp_path: Path) -> None:
    db, _rows = demo
    ws = auth.sign_in(DatabaseLocation(path=db), "admin", DEMO_PASSWORD)
    try:
        fresh = [r.number for r in receipts.list_receipts(ws.db, ws.actor, limit=1000)]
        unprinted = next(
            n for n in fresh if not receipts.get_receipt(ws.db, ws.actor, n).row.printed
        )
    finally:
        ws.close()
    out = tmp_path / "r.pdf"
    res = run("receipt", unprinted, "--out", str(out), "--db", str(db), "--user", "xem")
    assert res.returncode == 1 and "bản gốc" in res.stderr.lower()
    assert not out.exists()


def test_receipts_list_one_a_line_with_kind_amount_and_status(
    demo: tuple[Path, list[ReceiptRow]],
) -> None:
    db, rows = demo
    res = run(
        "receipts", "list", "--from", "2024-06-01", "--to", "2024-06-30",
        "--db", str(db), "--user", "xem",
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    lines = res.stdout.strip().splitlines()
    june = [r for r in rows if r.handed_on.year == 2024 and r.handed_on.month == 6]
    assert lines[-1] == f"{len(june)} phiếu." and len(lines) == len(june) + 1
    first = lines[0].split("\t")
    assert first[0] == min(r.number for r in june)
    assert first[1].endswith("/06/2024")
    assert first[2] in ("tiền", "hàng hóa", "tiền và hàng")
    assert "còn hiệu lực" in first[4] or "đã hủy" in first[4]
    # No names on the terminal.
    assert not any(r.beneficiary_name in res.stdout for r in june)
    mixed = run("receipts", "list", "--kind", "mixed", "--db", str(db), "--user", "xem")
    body = mixed.stdout.strip().splitlines()[:-1]
    assert body and all(line.split("\t")[2] == "tiền và hàng" for line in body)
    english = run(
        "--lang", "en", "receipts", "list", "--kind", "goods", "--db", str(db), "--user", "xem"
    )
    assert all(line.split("\t")[2] == "goods" for line in english.stdout.strip().splitlines()[:-1])
