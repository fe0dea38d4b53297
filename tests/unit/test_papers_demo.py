"""Every paper of the demo as a person would read it (the PDF's text, with pypdf): money
on a payment voucher, goods on a hand-over note that says nothing of money, both for a
hand-over of both; the circular in force on each paper's date; the voucher book; the unit
of each support type; BẢN SAO on every print after the first; ĐÃ HỦY on a voided one; and
the month's signature list with the cashier and a witness for thumbprints."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pypdf
import pytest

from tracker.config import DatabaseLocation
from tracker.demo import SAMPLE_PAPERS, build_demo, create_demo_workspace, sample_receipts
from tracker.reports import render_signature_list
from tracker.services import auth, receipts
from tracker.services.context import Actor

DEMO_TODAY = date(2025, 11, 20)
#: What the money papers say and a goods paper never does.
MONEY_WORDS = ("phiếu chi", "người nhận tiền", "đã nhận đủ số tiền", "lý do chi", "số tiền")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[auth.Workspace]:
    loc = DatabaseLocation(path=tmp_path_factory.mktemp("papers") / "demo.db")
    ws = create_demo_workspace(loc)
    build_demo(ws, today=DEMO_TODAY)
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def numbers(demo: auth.Workspace) -> dict[str, str]:
    found = sample_receipts(demo.db, demo.actor)
    assert set(found) == set(SAMPLE_PAPERS), found
    return found


def accountant(ws: auth.Workspace) -> Actor:
    from tracker.services import office

    return office.actor_for(ws.db, "ketoan")


def pages_of(data: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def printed(ws: auth.Workspace, number: str, **options: object) -> tuple[object, list[str]]:
    """Record a print as the accountant and return the detail and the text of each page."""
    detail = receipts.record_print(ws.db, accountant(ws), number)
    out = io.BytesIO()
    receipts.write_paper(detail, out, **options)  # type: ignore[arg-type]
    return detail, pages_of(out.getvalue())


def circular_of(day: date) -> str:
    return "107/2017/TT-BTC" if day < date(2025, 1, 1) else "24/2024/TT-BTC"


def assert_voucher(text: str, day: date) -> None:
    assert "PHIẾU CHI" in text and "Mẫu số C41-BB" in text
    assert circular_of(day) in text
    other = "24/2024/TT-BTC" if circular_of(day) == "107/2017/TT-BTC" else "107/2017/TT-BTC"
    assert other not in text
    assert f"Quyển số: {day.year}" in text  # the office keeps one book a year
    assert "Họ và tên người nhận tiền" in text and "Đã nhận đủ số tiền" in text


def assert_goods_note(text: str) -> None:
    assert "BIÊN BẢN BÀN GIAO" in text
    lowered = text.lower()
    for word in (*MONEY_WORDS, "tiền"):
        assert word not in lowered, word


def item_row(text: str, description: str) -> tuple[str, ...]:
    """An item's unit, quantity, unit value and value, read from its table row."""
    match = re.search(re.escape(description) + r" (\S+) ([\d.]+) ([\d.]+) ([\d.]+)", text)
    assert match, (description, text)
    return match.groups()


# --- one paper per kind of hand-over ---------------------------------------------------------


def test_money_is_printed_on_a_voucher_citing_the_circular_of_its_date(
    demo: auth.Workspace, numbers: dict[str, str]
) -> None:
    detail, pages = printed(demo, numbers["cash"])
    assert len(pages) == 1 and detail.kind == "cash"  # type: ignore[attr-defined]
    assert_voucher(pages[0], detail.row.handed_on)  # type: ignore[attr-defined]
    assert "Hỗ trợ khó khăn ban đầu" in pages[0] and "BIÊN BẢN" not in pages[0]


def test_a_cow_is_printed_on_a_hand_over_note_in_head(
    demo: auth.Workspace, numbers: dict[str, str]
) -> None:
    _detail, pages = printed(demo, numbers["cow"])
    assert len(pages) == 1
    assert_goods_note(pages[0])
    assert item_row(pages[0], "Bò cái giống sinh sản")[0] == "con"
    assert "Số thẻ tai/ký hiệu: MV-" in pages[0]


def test_a_loom_and_its_yarn_each_in_their_own_unit(
    demo: auth.Workspace, numbers: dict[str, str]
) -> None:
    _detail, pages = printed(demo, numbers["loom"])
    assert len(pages) == 1
    assert_goods_note(pages[0])
    assert item_row(pages[0], "Khung dệt lanh") == ("bộ", "1", "4.500.000", "4.500.000")
    assert item_row(pages[0], "Sợi lanh") == ("kg", "10", "120.000", "1.200.000")
    assert "V/v bàn giao khung dệt lanh và sợi lanh" in pages[0]


def test_yarn_alone_is_weighed_in_kg(demo: auth.Workspace, numbers: dict[str, str]) -> None:
    _detail, pages = printed(demo, numbers["yarn"])
    assert_goods_note(pages[0])
    assert item_row(pages[0], "Sợi lanh") == ("kg", "10", "120.000", "1.200.000")
    assert " bộ " not in pages[0]


def test_school_supplies_are_goods_too(demo: auth.Workspace, numbers: dict[str, str]) -> None:
    _detail, pages = printed(demo, numbers["school_supplies"])
    assert_goods_note(pages[0])
    assert item_row(pages[0], "Bộ đồ dùng học tập") == ("bộ", "1", "850.000", "850.000")


def test_money_and_goods_at_once_get_both_papers_under_one_number(
    demo: auth.Workspace, numbers: dict[str, str]
) -> None:
    number = numbers["mixed"]
    detail, pages = printed(demo, number)
    day = detail.row.handed_on  # type: ignore[attr-defined]
    assert detail.kind == "mixed" and len(pages) == 2  # type: ignore[attr-defined]
    voucher, note = pages
    assert number in voucher and number in note
    # The voucher is for the money only; the note lists the goods only.
    assert_voucher(voucher, day)
    assert "Số tiền: 600.000 đồng" in voucher and "Sáu trăm nghìn đồng" in voucher
    assert "Khung dệt lanh" not in voucher and "Sợi lanh" not in voucher
    assert_goods_note(note)
    assert "Tổng giá trị: 5.700.000 đồng" in note and "Tiền ăn" not in note
    assert item_row(note, "Sợi lanh")[0] == "kg"
    # Either paper alone, when asked for.
    only_note = io.BytesIO()
    receipts.write_paper(detail, only_note, paper="handover")  # type: ignore[arg-type]
    assert len(pages_of(only_note.getvalue())) == 1


def test_an_allowance_says_the_month_it_is_for(
    demo: auth.Workspace, numbers: dict[str, str]
) -> None:
    detail, pages = printed(demo, numbers["allowance"])
    day = detail.row.handed_on  # type: ignore[attr-defined]
    assert_voucher(pages[0], day)
    month = f"tháng {day.month:02d}/{day.year}"
    assert f"Hỗ trợ sinh hoạt hằng tháng – {month}" in pages[0]
    # Never the instalment's number ("Trợ cấp tháng 3" on a voucher of August).
    assert not re.search(r"tháng \d{1,2}(?![\d/])", pages[0].split("Lý do chi:")[1][:80])


# --- prints, copies, voids ------------------------------------------------------------------


def test_every_print_after_the_first_says_bản_sao_with_its_count(
    demo: auth.Workspace, numbers: dict[str, str]
) -> None:
    number = numbers["school_supplies"]
    receipts.record_print(demo.db, accountant(demo), number)  # (no-op if printed above)
    counts = []
    for _ in range(2):
        detail, pages = printed(demo, number)
        counts.append(detail.print_copy)  # type: ignore[attr-defined]
        assert f"BẢN SAO – in lại lần {detail.print_copy}" in pages[0]  # type: ignore[attr-defined]
    assert counts[1] == counts[0] + 1 and counts[0] >= 1
    # The mixed hand-over's two papers are both marked.
    _detail, pages = printed(demo, numbers["mixed"])
    assert all("BẢN SAO – in lại lần" in page for page in pages)
    # A viewer prints copies too, counted on.
    viewer = receipts.record_print(demo.db, demo.actor, number)
    assert viewer.print_copy == counts[1] + 1


def test_a_voided_receipt_says_đã_hủy_and_its_replacement_is_an_original(
    demo: auth.Workspace, numbers: dict[str, str]
) -> None:
    number = numbers["cow"]
    new = receipts.void_receipt(demo.db, demo.actor, number, "Ghi sai số tai", replace=True)
    _detail, pages = printed(demo, number)
    assert "ĐÃ HỦY" in pages[0] and "Ghi sai số tai" in pages[0]
    assert new.row.number in pages[0]
    _detail, pages = printed(demo, new.row.number)
    assert "BẢN SAO" not in pages[0] and "ĐÃ HỦY" not in pages[0]
    assert f"Thay thế biên bản số {number} đã hủy" in pages[0]


# --- the month's signature list and the demo's numbering ---------------------------------


def test_the_monthly_signature_list_has_the_cashier_and_a_witness(
    demo: auth.Workspace, numbers: dict[str, str]
) -> None:
    day = receipts.get_receipt(demo.db, demo.actor, numbers["allowance"]).row.handed_on
    doc = receipts.signature_list(demo.db, demo.actor, "monthly_allowance", day)
    out = io.BytesIO()
    render_signature_list(doc, out)
    text = " ".join(pages_of(out.getvalue()))
    for expected in (
        "DANH SÁCH KÝ NHẬN",
        f"Tháng {day.month:02d} năm {day.year}",
        "Người lập biểu",
        "Thủ quỹ",
        "Kế toán trưởng",
        "Thủ trưởng đơn vị",
        "Người làm chứng cho người nhận điểm chỉ",
        doc.cashier,
    ):
        assert expected in text, expected
    for row in doc.rows:
        assert row.name in text  # each name whole, on one line


def test_receipt_numbers_follow_the_dates_and_both_circulars_appear(
    demo: auth.Workspace,
) -> None:
    rows = receipts.list_receipts(demo.db, demo.actor, oldest_first=True, limit=10_000)
    by_year: dict[int, list[int]] = {}
    for row in rows:
        if row.replaces_number is None:
            by_year.setdefault(row.handed_on.year, []).append(int(row.number[-5:]))
    assert set(by_year) == {2024, 2025}
    for seqs in by_year.values():
        assert seqs == sorted(seqs)
    bases = {receipts.get_receipt(demo.db, demo.actor, r.number).legal_note for r in rows[:1]}
    bases |= {receipts.get_receipt(demo.db, demo.actor, rows[-1].number).legal_note}
    assert any("107/2017" in b for b in bases) and any("24/2024" in b for b in bases)


def test_no_paper_names_the_person_s_category(
    demo: auth.Workspace, numbers: dict[str, str], tmp_path: Path
) -> None:
    from tracker.i18n import fold

    for number in numbers.values():
        detail = receipts.get_receipt(demo.db, demo.actor, number)
        out = tmp_path / f"{number}.pdf"
        receipts.write_paper(detail, out)
        text = fold(" ".join(pages_of(out.read_bytes())))
        for word in ("nan nhan", "mua ban nguoi", "nguy co cao"):
            assert word not in text, (number, word)
