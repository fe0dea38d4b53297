"""Payment voucher PDF (phiếu chi, C41-BB): what is printed, markers, sizes, wrapping, NFC.

The text is read back from the generated PDF with pypdf (and with poppler's pdftotext when
it is installed), so these tests check what a person would see, not what we meant to draw.
The helpers at the top are shared with the other ``test_pdf_*`` files.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pypdf
import pytest

from tracker.i18n import fold
from tracker.reports import (
    ReceiptDoc,
    ReceiptItem,
    SensitiveWordsError,
    render_receipt,
    render_receipt_copies,
)
from tracker.reports._layout import TEXT, Page, width
from tracker.reports.receipt_pdf import _layout_receipt

# --- shared helpers -------------------------------------------------------------------------

LONG_ADDRESS = (
    "Nhà ông Giàng Mí Páo, xóm Lũng Phìn Ngoài, thôn Sủng Pờ A, cạnh trường mầm non cũ "
    "trên đường lên đèo Mã Pì Lèng, xã Mèo Vạc, tỉnh Tuyên Quang, gần chợ phiên chủ nhật "
    "và trạm y tế xã cũ, huyện Mèo Vạc cũ, Việt Nam"
)
assert len(LONG_ADDRESS) >= 200


def make_doc(**changes: object) -> ReceiptDoc:
    """A normal voucher as an office would print it; ``changes`` override fields."""
    fields: dict[str, object] = {
        "office_name": "Hội LHPN xã Mèo Vạc",
        "office_address": "Xã Mèo Vạc, tỉnh Tuyên Quang",
        "form_code": "Mẫu số C41-BB",
        "legal_note": "(Ban hành kèm theo Thông tư số 107/2017/TT-BTC)",
        "book_no": "01",
        "number": "MV-2025-000123",
        "issued_on": date(2025, 3, 5),
        "recipient_name": "Vàng Thị Mỷ",
        "recipient_address": "Thôn Sủng Pờ A, xã Mèo Vạc, tỉnh Tuyên Quang",
        "reason": "Hỗ trợ sinh kế đợt 1 năm 2025",
        "amount": 5_000_000,
        "attachments": 1,
        "prepared_by": "Vàng Thị Hoa",
        "accountant": "Lý Thị Mai",
        "cashier": "Trần Văn Tuấn",
        "head": "Nguyễn Thị Lan",
    }
    fields.update(changes)
    return ReceiptDoc(**fields)  # type: ignore[arg-type]


def pdf_bytes(render, doc, **kwargs: object) -> bytes:
    buffer = io.BytesIO()
    render(doc, buffer, **kwargs)
    return buffer.getvalue()


def page_texts(data: bytes | Path) -> list[str]:
    """Text of each page as pypdf extracts it (not normalised)."""
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    return [page.extract_text() for page in pypdf.PdfReader(source).pages]


def flat(text: str) -> str:
    """Whitespace collapsed, so words wrapped onto the next line still match."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def all_text(data: bytes | Path) -> str:
    return flat("\n".join(page_texts(data)))


def pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return flat(result.stdout.decode("utf-8"))


def text_ops(pages: list[Page]):
    """(page, font, size, x, y, text) of every string drawn, in page coordinates."""
    for page in pages:
        entries = [(x0, y0, block.ops) for x0, y0, block in page.items]
        entries.append((0.0, 0.0, page.ops))
        for x0, y0, ops in entries:
            for op in ops:
                if op[0] == TEXT:
                    _, font, size, x, y, text, _color = op
                    yield page, font, size, x0 + x, y0 + y, text


def assert_inside_margins(pages: list[Page], left: float, right: float, top: float) -> None:
    """Every string lies between the left and right margins and below the top margin."""
    for page, font, size, x, y, text in text_ops(pages):
        w = width(text, font, size)
        assert x >= left - 0.5, f"{text!r} starts in the left margin ({x:.1f} < {left:.1f})"
        limit = page.width - right
        assert x + w <= limit + 0.5, f"{text!r} runs into the right margin ({x + w:.1f})"
        assert y - size >= top - 0.5 * size, f"{text!r} is in the top margin"
        assert y <= page.height, f"{text!r} is below the page"


def render_png(pdf: Path, tmp_path: Path, dpi: int = 50) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler's pdftoppm is not installed")
    prefix = tmp_path / pdf.stem
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True, timeout=60
    )
    return sorted(tmp_path.glob(f"{pdf.stem}*.png"))


def assert_margins_blank(png: Path, dpi: int, left_mm: float, right_mm: float) -> None:
    """No ink in the left and right margins of a rendered page (a 1 mm tolerance)."""
    from PIL import Image

    with Image.open(png) as image:
        grey = image.convert("L")
        w, h = grey.size
        px_per_mm = dpi / 25.4
        left_px = int((left_mm - 1) * px_per_mm)
        right_px = int(w - (right_mm - 1) * px_per_mm)
        pixels = grey.load()
        for y in range(h):
            for x in list(range(0, left_px)) + list(range(right_px, w)):
                assert pixels[x, y] > 200, f"ink in the margin of {png.name} at ({x}, {y})"


# --- what is printed ------------------------------------------------------------------------


def test_voucher_shows_number_names_amounts_and_the_form_parts() -> None:
    text = all_text(pdf_bytes(render_receipt, make_doc()))
    for expected in (
        "Hội LHPN xã Mèo Vạc",
        "Xã Mèo Vạc, tỉnh Tuyên Quang",
        "Mẫu số C41-BB",
        "(Ban hành kèm theo Thông tư số 107/2017/TT-BTC)",
        "PHIẾU CHI",
        "Quyển số: 01",
        "Số: MV-2025-000123",
        "Ngày 05 tháng 03 năm 2025",
        "Họ và tên người nhận tiền: Vàng Thị Mỷ",
        "Địa chỉ: Thôn Sủng Pờ A, xã Mèo Vạc, tỉnh Tuyên Quang",
        "Lý do chi: Hỗ trợ sinh kế đợt 1 năm 2025",
        "Số tiền: 5.000.000 đồng",
        "(Viết bằng chữ): Năm triệu đồng",
        "Kèm theo: 01 chứng từ gốc",
        "Thủ trưởng đơn vị",
        "Kế toán trưởng",
        "Người lập phiếu",
        "Thủ quỹ",
        "Người nhận tiền",
        "(Ký, họ tên)",
        "Điểm chỉ",
        "Người làm chứng",
        "Đã nhận đủ số tiền (viết bằng chữ): Năm triệu đồng",
        # the printed names under the signatures
        "Nguyễn Thị Lan",
        "Lý Thị Mai",
        "Vàng Thị Hoa",
        "Trần Văn Tuấn",
    ):
        assert expected in text, expected
    for absent in ("BẢN SAO", "ĐÃ HỦY", "Liên", "Thay thế"):
        assert absent not in text
    # a single cash line needs no table
    assert "Thành tiền" not in text


def test_pdftotext_reads_the_same_as_pypdf(tmp_path: Path) -> None:
    out = tmp_path / "phieu-chi.pdf"
    render_receipt(make_doc(), out)
    text = pdftotext(out)
    for expected in ("MV-2025-000123", "Vàng Thị Mỷ", "5.000.000 đồng", "Năm triệu đồng"):
        assert expected in text


def test_a_receipt_from_normal_data_has_no_sensitive_words() -> None:
    data = pdf_bytes(render_receipt_copies, make_doc(reprint=1), copies=2)
    folded = fold(all_text(data))
    assert "mua ban nguoi" not in folded
    assert "nan nhan" not in folded
    assert "trafficking" not in folded
    assert "victim" not in folded
    assert "ho tro sinh ke" in folded  # the neutral reason is there


@pytest.mark.parametrize(
    "changes",
    [
        {"reason": "Hỗ trợ nạn nhân bị mua bán người"},
        {"reason": unicodedata.normalize("NFD", "HỖ TRỢ NẠN NHÂN")},
        {"reason": "Support for trafficking survivors"},
        {"items": (ReceiptItem("Bò cho nạn nhân", 1, "con", 5_000_000, 5_000_000),)},
    ],
)
def test_sensitive_words_are_refused_before_anything_is_written(
    tmp_path: Path, changes: dict[str, object]
) -> None:
    out = tmp_path / "r.pdf"
    with pytest.raises(SensitiveWordsError, match="neutral words"):
        render_receipt(make_doc(**changes), out)
    assert list(tmp_path.iterdir()) == []


def test_amount_in_words_can_end_chan() -> None:
    text = all_text(pdf_bytes(render_receipt, make_doc(round_suffix=True)))
    assert "Năm triệu đồng chẵn" in text


@pytest.mark.parametrize(
    ("amount", "figures", "words"),
    [
        (1_005, "1.005 đồng", "Một nghìn không trăm lẻ năm đồng"),
        (31_860_000, "31.860.000 đồng", "Ba mươi mốt triệu tám trăm sáu mươi nghìn đồng"),
        (0, "0 đồng", "Không đồng"),
        (
            999_999_999_999,
            "999.999.999.999 đồng",
            "Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi "
            "chín nghìn chín trăm chín mươi chín đồng",
        ),
    ],
)
def test_amounts_in_figures_and_words(amount: int, figures: str, words: str) -> None:
    text = all_text(pdf_bytes(render_receipt, make_doc(amount=amount)))
    assert f"Số tiền: {figures}" in text
    assert words in text


@pytest.mark.parametrize("amount", [1_000_000_000_000, -1, 5.5, True])
def test_bad_amounts_are_refused_with_a_clear_message(amount: object) -> None:
    with pytest.raises(ValueError, match="amount"):
        make_doc(amount=amount)


def test_english_voucher() -> None:
    text = all_text(pdf_bytes(render_receipt, make_doc(lang="en", copy_no=1, reprint=3)))
    for expected in (
        "PAYMENT VOUCHER",
        "5 March 2025",
        "Amount: VND 5,000,000",
        "Five million dong",
        "Copy 1",
        "COPY – reprint no. 3",
        "Recipient",
        "(Signature, full name)",
    ):
        assert expected in text, expected


# --- reprint, void, replacement, copies -----------------------------------------------------


def test_reprint_is_marked_as_a_copy_with_the_count() -> None:
    text = all_text(pdf_bytes(render_receipt, make_doc(reprint=2)))
    assert "BẢN SAO – in lại lần 2" in text
    assert "Số: MV-2025-000123" in text  # the same number


def test_void_keeps_the_text_readable_and_adds_stamp_reason_and_strike() -> None:
    doc = make_doc(voided=True, void_reason="Ghi sai số tiền")
    text = all_text(pdf_bytes(render_receipt, doc))
    assert "ĐÃ HỦY" in text
    assert "Ghi sai số tiền" in text
    for still_readable in ("MV-2025-000123", "Vàng Thị Mỷ", "5.000.000 đồng", "Năm triệu đồng"):
        assert still_readable in text
    _st, pages = _layout_receipt(doc)
    from tracker.reports._layout import LINE, RED, STAMP

    page_ops = pages[0].ops
    strikes = [op for op in page_ops if op[0] == LINE and op[6] == RED]
    stamps = [op for op in page_ops if op[0] == STAMP]
    assert len(strikes) == 1 and len(stamps) == 1
    _, x1, y1, x2, y2, *_ = strikes[0]
    assert x1 < x2 and y1 > y2, "a diagonal from bottom left to top right"
    assert y1 - y2 > 200, "the strike crosses the body, not a line of it"


def test_void_needs_a_reason() -> None:
    with pytest.raises(ValueError, match="reason"):
        make_doc(voided=True, void_reason="  ")


def test_replacement_names_the_voided_number() -> None:
    text = all_text(pdf_bytes(render_receipt, make_doc(replaces_number="MV-2025-000100")))
    assert "Thay thế phiếu số MV-2025-000100 đã hủy" in text


def test_two_copies_are_two_pages_lien_1_and_lien_2() -> None:
    pages = page_texts(pdf_bytes(render_receipt_copies, make_doc(), copies=2))
    assert len(pages) == 2
    first, second = (flat(p) for p in pages)
    assert "Liên 1" in first and "Liên 2" not in first
    assert "Liên 2" in second and "Liên 1" not in second
    for page in (first, second):
        assert "MV-2025-000123" in page and "Năm triệu đồng" in page


def test_copy_number_on_a_single_voucher() -> None:
    assert "Liên 2" in all_text(pdf_bytes(render_receipt, make_doc(copy_no=2)))


@pytest.mark.parametrize("copies", [0, 4, True])
def test_copies_out_of_range(copies: object) -> None:
    with pytest.raises(ValueError, match="copies"):
        render_receipt_copies(make_doc(), io.BytesIO(), copies=copies)  # type: ignore[arg-type]


# --- items ----------------------------------------------------------------------------------

ITEMS = (
    ReceiptItem("Bò cái giống lai Sind, 18 tháng tuổi", 1, "con", 15_000_000, 15_000_000),
    ReceiptItem("Thức ăn tinh hỗn hợp", 50, "kg", 12_000, 600_000),
    ReceiptItem("Tiền hỗ trợ vận chuyển", None, "", None, 400_000),
)


def test_in_kind_items_are_listed_with_quantity_unit_value_and_total() -> None:
    text = all_text(pdf_bytes(render_receipt, make_doc(items=ITEMS, amount=16_000_000)))
    for expected in (
        "STT",
        "Nội dung",
        "Số lượng",
        "Đơn giá",
        "Thành tiền",
        "Bò cái giống lai Sind, 18 tháng tuổi",
        "15.000.000",
        "12.000",
        "600.000",
        "Cộng",
        "16.000.000",
        "Mười sáu triệu đồng",
    ):
        assert expected in text, expected


def test_items_must_add_up_to_the_amount() -> None:
    with pytest.raises(ValueError, match="add up"):
        make_doc(items=ITEMS, amount=5_000_000)


def test_items_given_as_a_list_are_stored_as_a_tuple() -> None:
    doc = make_doc(items=list(ITEMS), amount=16_000_000)
    assert isinstance(doc.items, tuple)
    hash(doc)  # frozen and hashable


def test_many_items_run_onto_a_second_page_with_the_header_repeated() -> None:
    items = tuple(
        ReceiptItem(f"Vật tư số {i} cho khung dệt lanh", 2, "bộ", 50_000, 100_000)
        for i in range(1, 61)
    )
    pages = page_texts(pdf_bytes(render_receipt, make_doc(items=items, amount=6_000_000)))
    assert len(pages) >= 2
    for page in pages:
        assert "Thành tiền" in flat(page)  # table header on every page
    text = flat("\n".join(pages))
    for i in range(1, 61):
        assert f"Vật tư số {i} cho khung dệt lanh" in text
    assert f"Trang 1/{len(pages)}" in text
    assert "Đã nhận đủ số tiền" in flat(pages[-1])


# --- sizes, wrapping, NFC -------------------------------------------------------------------


def test_a5_is_one_page_of_the_right_size_inside_the_margins(tmp_path: Path) -> None:
    doc = make_doc(page_size="A5", items=ITEMS, amount=16_000_000, reprint=1, copy_no=2)
    out = tmp_path / "a5.pdf"
    assert render_receipt(doc, out) == 1
    reader = pypdf.PdfReader(out)
    box = reader.pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 148
    assert round(float(box.height) / 72 * 25.4) == 210
    text = all_text(out)
    for expected in ("PHIẾU CHI", "Vàng Thị Mỷ", "16.000.000", "Mười sáu triệu đồng", "Liên 2"):
        assert expected in text
    st, pages = _layout_receipt(doc)
    sheet = st.sheet
    assert_inside_margins(pages, sheet.left, sheet.right, sheet.top)
    (png,) = render_png(out, tmp_path)
    assert_margins_blank(png, 50, sheet.left / 72 * 25.4, sheet.right / 72 * 25.4)


@pytest.mark.parametrize("page_size", ["A4", "A5"])
def test_a_200_character_address_wraps_with_every_word_present(
    tmp_path: Path, page_size: str
) -> None:
    name = "Nguyễn Thị Hồng Nhung Hoàng Phương Thảo Lê Thị Ngọc Ánh Đặng"
    reason = "Hỗ trợ sinh kế: bò giống, thức ăn, chuồng trại và vận chuyển " * 3
    doc = make_doc(
        page_size=page_size, recipient_address=LONG_ADDRESS, recipient_name=name, reason=reason
    )
    out = tmp_path / f"long-{page_size}.pdf"
    assert render_receipt(doc, out) == 1
    st, pages = _layout_receipt(doc)
    sheet = st.sheet
    assert_inside_margins(pages, sheet.left, sheet.right, sheet.top)
    address_lines = [t for *_rest, t in text_ops(pages) if t and t in LONG_ADDRESS]
    assert len(address_lines) >= 2, "the address is wrapped onto several lines"
    for text in (all_text(out), pdftotext(out)):
        for word in (LONG_ADDRESS + " " + name + " " + reason).split():
            assert word in text, word
    for png in render_png(out, tmp_path):
        assert_margins_blank(png, 50, sheet.left / 72 * 25.4, sheet.right / 72 * 25.4)


def test_a_word_longer_than_the_line_is_cut_not_lost() -> None:
    word = "Sủng" * 60  # 240 letters without a space
    doc = make_doc(recipient_address=word)
    st, pages = _layout_receipt(doc)
    assert_inside_margins(pages, st.sheet.left, st.sheet.right, st.sheet.top)
    assert word in all_text(pdf_bytes(render_receipt, doc)).replace(" ", "")


def test_decomposed_input_is_drawn_precomposed() -> None:
    name = "Nguyễn Thị Hồng Nhung"
    nfd = unicodedata.normalize("NFD", name)
    assert nfd != name
    doc = make_doc(
        recipient_name=nfd,
        recipient_address=unicodedata.normalize("NFD", "Thôn Sủng Pờ A"),
        reason=unicodedata.normalize("NFD", "Hỗ trợ học tập"),
    )
    _st, pages = _layout_receipt(doc)
    for *_rest, text in text_ops(pages):
        assert unicodedata.is_normalized("NFC", text), text
    raw = "\n".join(page_texts(pdf_bytes(render_receipt, doc)))
    assert unicodedata.is_normalized("NFC", raw)
    assert name in raw
    assert "Thôn Sủng Pờ A" in raw and "Hỗ trợ học tập" in raw


def test_control_characters_and_line_breaks_do_not_reach_the_page() -> None:
    doc = make_doc(recipient_address="Thôn Sủng Pờ A\r\nxã Mèo Vạc\t\x00tỉnh Tuyên Quang")
    _st, pages = _layout_receipt(doc)
    for *_rest, text in text_ops(pages):
        assert not any(ord(ch) < 32 for ch in text)
    assert "Thôn Sủng Pờ A xã Mèo Vạc tỉnh Tuyên Quang" in all_text(pdf_bytes(render_receipt, doc))


# --- validation and output ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"page_size": "Letter"}, "page_size"),
        ({"lang": "fr"}, "lang"),
        ({"reprint": -1}, "reprint"),
        ({"copy_no": 0}, "copy_no"),
        ({"number": " "}, "number"),
        ({"attachments": -2}, "attachments"),
        ({"issued_on": "2025-03-05"}, "issued_on"),
    ],
)
def test_invalid_vouchers_are_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_doc(**changes)


def test_documents_are_frozen() -> None:
    doc = make_doc()
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.amount = 1  # type: ignore[misc]


def test_writing_a_file_replaces_it_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")
    assert render_receipt(make_doc(), out) == 1
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]
    # a failure leaves the old file as it was
    with pytest.raises(SensitiveWordsError):
        render_receipt(make_doc(reason="nạn nhân"), out)
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_a_string_path_works_too(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    render_receipt(make_doc(), str(out))
    assert "MV-2025-000123" in all_text(out)


def test_the_pdf_carries_a_title_and_the_language() -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(render_receipt, make_doc())))
    assert reader.metadata is not None
    assert reader.metadata.title == "Phiếu chi số MV-2025-000123"
    assert reader.trailer["/Root"].get("/Lang") == "vi-VN"
