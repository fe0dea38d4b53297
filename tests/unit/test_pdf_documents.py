"""Hand-over note (biên bản bàn giao) and signature list (danh sách ký nhận)."""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from tests.unit.test_pdf_receipt import (
    LONG_ADDRESS,
    all_text,
    assert_inside_margins,
    assert_margins_blank,
    flat,
    page_texts,
    render_png,
    text_ops,
)
from tracker.i18n import fold
from tracker.reports import (
    HandoverNoteDoc,
    ReceiptItem,
    SensitiveWordsError,
    Signatory,
    SignatureListDoc,
    SignatureListRow,
    render_handover_note,
    render_signature_list,
)
from tracker.reports.handover_pdf import layout_handover_note
from tracker.reports.signature_list_pdf import layout_signature_list

COW = ReceiptItem("Bò cái giống lai Sind, 18 tháng tuổi", 1, "con", 15_000_000, 15_000_000)
FEED = ReceiptItem("Thức ăn tinh hỗn hợp", 50, "kg", 12_000, 600_000)


def handover(**changes: object) -> HandoverNoteDoc:
    fields: dict[str, object] = {
        "office_name": "Hội LHPN xã Mèo Vạc",
        "office_address": "Xã Mèo Vạc, tỉnh Tuyên Quang",
        "number": "07/BB-HPN",
        "issued_on": date(2025, 3, 5),
        "place": "nhà bà Vàng Thị Mỷ, thôn Sủng Pờ A",
        "written_at": "Mèo Vạc",
        "subject": "V/v bàn giao bò giống hỗ trợ sinh kế",
        "giver": Signatory("Chủ tịch Hội LHPN xã", "Nguyễn Thị Lan"),
        "receiver_name": "Vàng Thị Mỷ",
        "receiver_address": "Thôn Sủng Pờ A, xã Mèo Vạc, tỉnh Tuyên Quang",
        "items": (COW, FEED),
        "amount": 15_600_000,
        "condition_note": "Bò khỏe mạnh, đã tiêm phòng; số thẻ tai VN-08-001234.",
        "witness": Signatory("Trưởng thôn", "Giàng Mí Chơ"),
    }
    fields.update(changes)
    return HandoverNoteDoc(**fields)  # type: ignore[arg-type]


def render(fn, doc) -> bytes:
    buffer = io.BytesIO()
    fn(doc, buffer)
    return buffer.getvalue()


# --- hand-over note -------------------------------------------------------------------------


def test_handover_note_lists_parties_goods_totals_condition_and_signatures() -> None:
    text = all_text(render(render_handover_note, handover()))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "HỘI LHPN XÃ MÈO VẠC",
        "Số: 07/BB-HPN",
        "Mèo Vạc, ngày 05 tháng 03 năm 2025",
        "BIÊN BẢN BÀN GIAO",
        "Hôm nay, ngày 05 tháng 03 năm 2025, tại nhà bà Vàng Thị Mỷ, thôn Sủng Pờ A",
        "BÊN GIAO (Bên A): Hội LHPN xã Mèo Vạc",
        "Đại diện: Nguyễn Thị Lan – Chức vụ: Chủ tịch Hội LHPN xã",
        "BÊN NHẬN (Bên B): Vàng Thị Mỷ",
        "Tên hàng hóa",
        "ĐVT",
        "Số lượng",
        "Đơn giá",
        "Giá trị",
        "Bò cái giống lai Sind, 18 tháng tuổi",
        "15.000.000",
        "12.000",
        "600.000",
        "Tổng giá trị: 15.600.000 đồng",
        "Mười lăm triệu sáu trăm nghìn đồng",
        "Tình trạng khi bàn giao: Bò khỏe mạnh, đã tiêm phòng; số thẻ tai VN-08-001234.",
        "Đại diện bên giao",
        "Bên nhận",
        "Điểm chỉ",
        "Người làm chứng",
        "Giàng Mí Chơ (Trưởng thôn)",
    ):
        assert expected in text, expected
    folded = fold(text)
    assert "nan nhan" not in folded and "mua ban nguoi" not in folded
    # Goods, not money: nothing on the note speaks of money ("tiền") received.
    assert "tien" not in folded.split() and "PHIẾU CHI" not in text


def test_handover_note_fits_one_a5_page_inside_the_margins(tmp_path: Path) -> None:
    doc = handover(page_size="A5", receiver_address=LONG_ADDRESS)
    out = tmp_path / "bb.pdf"
    assert render_handover_note(doc, out) == 1
    st, pages = layout_handover_note(doc)
    assert_inside_margins(pages, st.sheet.left, st.sheet.right, st.sheet.top)
    text = all_text(out)
    for word in LONG_ADDRESS.split():
        assert word in text
    (png,) = render_png(out, tmp_path)
    assert_margins_blank(png, 50, st.sheet.left / mm, st.sheet.right / mm)


def test_handover_note_reprint_void_copy_and_english() -> None:
    text = all_text(
        render(
            render_handover_note,
            handover(reprint=1, voided=True, void_reason="Sai số thẻ tai", copy_no=2),
        )
    )
    assert "BẢN SAO – in lại lần 1" in text
    assert "ĐÃ HỦY" in text and "Sai số thẻ tai" in text
    assert "Liên 2" in text
    english = all_text(render(render_handover_note, handover(lang="en")))
    assert "HAND-OVER RECORD" in english and "Fifteen million six hundred thousand dong" in english


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"items": ()}, "at least one item"),
        ({"amount": 1}, "add up"),
        ({"voided": True}, "reason"),
        ({"giver": "Nguyễn Thị Lan"}, "Signatory"),
    ],
)
def test_handover_note_bad_input(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        handover(**changes)


def test_handover_note_refuses_sensitive_words(tmp_path: Path) -> None:
    with pytest.raises(SensitiveWordsError):
        render_handover_note(handover(subject="Hỗ trợ nạn nhân mua bán người"), tmp_path / "x")
    assert list(tmp_path.iterdir()) == []


# --- signature list -------------------------------------------------------------------------

VILLAGES = ["Thôn Sủng Pờ A", "Thôn Lũng Phìn", "Thôn Pả Vi Thượng, xã Mèo Vạc, tỉnh Tuyên Quang"]


def signature_list(count: int = 40, **changes: object) -> SignatureListDoc:
    rows = tuple(
        SignatureListRow(f"Vàng Thị Mỷ {i}", f"MV{i:04d}", VILLAGES[i % 3], 1_500_000)
        for i in range(1, count + 1)
    )
    fields: dict[str, object] = {
        "office_name": "Hội LHPN xã Mèo Vạc",
        "office_address": "Xã Mèo Vạc, tỉnh Tuyên Quang",
        "number": "03/DS-HPN",
        "subject": "Tiền hỗ trợ sinh hoạt hằng tháng",
        "period": "Tháng 03 năm 2025",
        "issued_on": date(2025, 3, 31),
        "written_at": "Mèo Vạc",
        "rows": rows,
        "prepared_by": "Vàng Thị Hoa",
        "accountant": "Lý Thị Mai",
        "head": "Nguyễn Thị Lan",
    }
    fields.update(changes)
    return SignatureListDoc(**fields)  # type: ignore[arg-type]


def test_signature_list_runs_over_pages_with_the_header_repeated() -> None:
    pages = [flat(t) for t in page_texts(render(render_signature_list, signature_list(40)))]
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        for header in ("STT", "Họ và tên", "Mã", "Địa chỉ/Thôn", "Số tiền", "Ký nhận / Điểm chỉ"):
            assert header in page, (number, header)
        assert f"Trang {number}/{len(pages)}" in page
    assert "DANH SÁCH KÝ NHẬN" in pages[0]
    assert "Tiền hỗ trợ sinh hoạt hằng tháng" in pages[0]
    assert "Tháng 03 năm 2025" in pages[0]
    assert "(tiếp theo)" in pages[1]
    text = " ".join(pages)
    for i in range(1, 41):
        assert f"Vàng Thị Mỷ {i} MV{i:04d}" in text
    # the total, in figures and words, and the signatures only on the last page
    last = pages[-1]
    for expected in (
        "Tổng cộng",
        "60.000.000",
        "Tổng số tiền (viết bằng chữ): Sáu mươi triệu đồng",
        "Số người nhận: 40",
        "Mèo Vạc, ngày 31 tháng 03 năm 2025",
        "Người lập biểu",
        "Kế toán trưởng",
        "Thủ trưởng đơn vị",
        "Vàng Thị Hoa",
        "Lý Thị Mai",
        "Nguyễn Thị Lan",
    ):
        assert expected in last, expected
    for page in pages[:-1]:
        assert "Tổng cộng" not in page
    folded = fold(text)
    assert "nan nhan" not in folded and "mua ban nguoi" not in folded


@pytest.mark.parametrize("page_size", ["A4", "A5"])
def test_signature_cells_are_tall_enough_to_sign_and_text_stays_inside(
    tmp_path: Path, page_size: str
) -> None:
    long_row = SignatureListRow(
        "Nguyễn Thị Hồng Nhung Hoàng Phương Thảo", "MV9999", LONG_ADDRESS, 1
    )
    doc = signature_list(12, page_size=page_size)
    doc = dataclasses.replace(doc, rows=(*doc.rows, long_row))
    st, pages = layout_signature_list(doc)
    assert_inside_margins(pages, st.sheet.left, st.sheet.right, st.sheet.top)
    rows = [
        block
        for page in pages
        for _x, _y, block in page.items
        if block.header is not None and block.height < 200
    ]
    assert len(rows) >= 13
    assert min(b.height for b in rows[:-1]) >= 12 * mm * st.s - 0.01
    out = tmp_path / "ds.pdf"
    render_signature_list(doc, out)
    text = all_text(out)
    for word in LONG_ADDRESS.split():
        assert word in text
    for png in render_png(out, tmp_path):
        assert_margins_blank(png, 50, st.sheet.left / mm, st.sheet.right / mm)


def test_the_last_row_goes_with_the_total_to_the_last_page() -> None:
    for count in range(10, 30):
        _st, pages = layout_signature_list(signature_list(count))
        last_page_texts = [t for *_r, t in text_ops([pages[-1]])]
        assert f"Vàng Thị Mỷ {count}" in last_page_texts, count
        assert "Tổng cộng" in last_page_texts


def test_signature_list_reprint_void_and_english() -> None:
    text = all_text(
        render(render_signature_list, signature_list(3, reprint=2, voided=True, void_reason="x"))
    )
    assert "BẢN SAO – in lại lần 2" in text and "ĐÃ HỦY" in text
    english = all_text(render(render_signature_list, signature_list(3, lang="en")))
    assert "SIGNATURE LIST" in english and "Four million five hundred thousand dong" in english


def test_signature_list_bad_input() -> None:
    with pytest.raises(ValueError, match="at least one person"):
        signature_list(0)
    with pytest.raises(ValueError, match="row amount"):
        SignatureListRow("A", "B", "C", -5)
    with pytest.raises(ValueError, match="total"):
        signature_list(2, rows=(SignatureListRow("A", "1", "x", 999_999_999_999),) * 2)
    with pytest.raises(SensitiveWordsError):
        render_signature_list(signature_list(2, subject="Trợ cấp nạn nhân"), io.BytesIO())


@pytest.mark.parametrize("page_size", ["A4", "A5"])
def test_figures_in_narrow_columns_are_never_broken(page_size: str) -> None:
    rows = tuple(
        SignatureListRow(f"Người {i}", f"MV{i:04d}", "Thôn A", 99_999_999_999) for i in range(9)
    )
    doc = signature_list(page_size=page_size, rows=rows)
    st, pages = layout_signature_list(doc)
    drawn = [t for *_r, t in text_ops(pages)]
    assert drawn.count("99.999.999.999") == 9
    assert "899.999.999.991" in drawn  # the grand total, whole
    assert_inside_margins(pages, st.sheet.left, st.sheet.right, st.sheet.top)
    big = ReceiptItem("Máy dệt", 1_000, "bộ", 999_999_999, 999_999_999_000)
    note = handover(page_size=page_size, items=(big,), amount=big.amount)
    st, pages = layout_handover_note(note)
    drawn = [t for *_r, t in text_ops(pages)]
    assert drawn.count("999.999.999.000") == 2  # the line and the total
    assert "999.999.999" in drawn
    assert_inside_margins(pages, st.sheet.left, st.sheet.right, st.sheet.top)
