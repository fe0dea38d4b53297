"""The trip sheet as a PDF: A4 landscape, what is printed read back from the file, the
village bands, the boxes of what to look at by support type, names only when the sheet
has them, neutral words, nothing outside the margins, the head repeated on the next
pages and the officer's signature at the end."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from tests.unit.test_pdf_receipt import (
    all_text,
    assert_inside_margins,
    assert_margins_blank,
    page_texts,
    render_png,
)
from tracker.domain.shapes import TripAsset, TripFinding, TripSheet, TripStop
from tracker.i18n import fold
from tracker.reports import SensitiveWordsError
from tracker.reports.printing import page_sizes
from tracker.reports.trip_sheet_pdf import LANDSCAPE, layout_trip_sheet, render_trip_sheet


def stop(n: int, **changes: object) -> TripStop:
    fields: dict[str, object] = {
        "visit_id": n,
        "beneficiary_id": n,
        "code": f"MV-{n:05d}",
        "alias": "Mỷ",
        "full_name": "",
        "village": "Sủng Pờ A",
        "commune_code": "00769",
        "grant_type": "cattle",
        "type_name_vi": "Bò giống sinh sản",
        "type_name_en": "Breeding cattle",
        "checks": "livestock",
        "scheduled_on": date(2025, 6, 10),
        "months_after": 3,
        "days_late": 5,
        "last": TripFinding(
            on=date(2025, 4, 12),
            status="done",
            livelihood_running=True,
            income_band="low",
            assets=(("cow", "calved"),),
        ),
        "assets": (TripAsset(id=1, kind="cow", tag="VN-08-0012", status="alive"),),
    }
    fields.update(changes)
    return TripStop(**fields)  # type: ignore[arg-type]


def make_sheet(stops: tuple[TripStop, ...] | None = None, **changes: object) -> TripSheet:
    if stops is None:
        stops = (
            stop(1, village="Pả Vi Hạ", alias="Sú", days_late=0),
            stop(
                2,
                grant_type="linen_weaving",
                type_name_vi="Dệt lanh (khung dệt, sợi, tập huấn)",
                type_name_en="Linen weaving (loom, yarn, training)",
                checks="loom",
                last=TripFinding(
                    on=date(2025, 5, 2), status="missed", missed_reason="working_away"
                ),
                assets=(TripAsset(id=2, kind="loom", tag="", status="in_use"),),
            ),
            stop(
                3,
                grant_type="scholarship",
                type_name_vi="Học bổng",
                type_name_en="Scholarship",
                checks="school",
                last=None,
                assets=(),
                alias="Dung",
            ),
            stop(
                4,
                grant_type="monthly_allowance",
                type_name_vi="Trợ cấp sinh hoạt hằng tháng",
                type_name_en="Monthly living allowance",
                checks="money",
                assets=(),
                last=TripFinding(
                    on=date(2025, 5, 2),
                    status="done",
                    livelihood_running=True,
                    needs_attention=True,
                ),
            ),
        )
    fields: dict[str, object] = {
        "office_name": "Hội LHPN xã Mèo Vạc",
        "written_at": "Mèo Vạc",
        "communes": (("00769", "Xã Mèo Vạc"),),
        "villages": (),
        "start": date(2025, 6, 1),
        "end": date(2025, 6, 30),
        "made_on": date(2025, 6, 15),
        "officer": "Vàng Thị Hoa",
        "names_shown": False,
        "stops": stops,
    }
    fields.update(changes)
    return TripSheet(**fields)  # type: ignore[arg-type]


def pdf(sheet: TripSheet, tmp_path: Path, lang: str = "vi") -> Path:
    out = tmp_path / f"trip-{lang}.pdf"
    render_trip_sheet(sheet, out, lang=lang)
    return out


def test_the_sheet_reads_back_with_every_part(tmp_path: Path) -> None:
    out = pdf(make_sheet(), tmp_path)
    width, height = page_sizes(out)[0]
    assert (round(width), round(height)) == (842, 595), "A4 landscape"
    text = all_text(out)
    for expected in (
        "HỘI LHPN XÃ MÈO VẠC",
        "PHIẾU ĐI THĂM GIA ĐÌNH",
        "Theo dõi hỗ trợ sinh kế",
        "Địa bàn: Xã Mèo Vạc",
        "Các lần thăm đến hạn từ 01/06/2025 đến 30/06/2025",
        "Cán bộ đi thăm: Vàng Thị Hoa",
        "Số lượt thăm: 4",
        # the village bands, in the sheet's order
        "Pả Vi Hạ – 1 lượt",
        "Sủng Pờ A – 3 lượt",
        # who, the support, when
        "MV-00001",
        "Sú",
        "Bò giống sinh sản",
        "Hẹn 10/06/2025 (tháng thứ 3)",
        "quá hạn 5 ngày",
        # the last visit and what it found
        "12/04/2025",
        "sinh kế duy trì; thu nhập: thấp; Bò: đã sinh con",
        "không gặp (đi làm ăn xa)",
        "Chưa thăm lần nào",
        "cần quan tâm thêm",
        # what to look at, by support type
        "Bò VN-08-0012",
        "Còn sống, khỏe",
        "Đã đẻ: ..... con",
        "Ốm, bệnh",
        "Chuồng trại, thức ăn tốt",
        "Khung dệt",
        "Đang dùng",
        "Có sản phẩm bán được",
        "Còn đi học",
        "Đã nhận đủ",
        "Cuộc sống ổn định",
        # the outcome to fill in, the notes, the signature
        "Kết quả",
        "Ghi chú",
        "Không gặp, lý do:",
        "Hẹn lần sau:",
        "Cán bộ đi thăm (Ký, ghi rõ họ tên)",
    ):
        assert expected in text, expected
    assert text.index("Pả Vi Hạ – 1 lượt") < text.index("Sủng Pờ A – 3 lượt")
    assert "Vàng Thị Mỷ" not in text


def test_names_are_printed_only_on_a_sheet_made_with_them(tmp_path: Path) -> None:
    stops = (stop(1, full_name="Vàng Thị Mỷ"),)
    text = all_text(pdf(make_sheet(stops, names_shown=True), tmp_path))
    assert "Mã – tên gọi – họ tên" in text and "Vàng Thị Mỷ" in text
    text = all_text(pdf(make_sheet((stop(1),)), tmp_path))
    assert "Mã – tên gọi" in text and "họ tên Vàng" not in text


def test_no_word_on_the_sheet_tells_what_the_project_is_about(tmp_path: Path) -> None:
    for lang in ("vi", "en"):
        text = fold(all_text(pdf(make_sheet(), tmp_path, lang)))
        for word in ("nan nhan", "mua ban nguoi", "buon ban nguoi", "victim", "traffick",
                     "survivor"):  # fmt: skip
            assert word not in text, (lang, word)


def test_a_sensitive_word_from_the_records_stops_the_sheet(tmp_path: Path) -> None:
    sheet = make_sheet((stop(1, alias="nạn nhân"),))
    with pytest.raises(SensitiveWordsError, match=r"stops\[1\]\.alias"):
        render_trip_sheet(sheet, tmp_path / "no.pdf")
    assert not (tmp_path / "no.pdf").exists()


def test_a_dozen_visits_run_onto_a_second_page_with_the_head_again(tmp_path: Path) -> None:
    stops = tuple(stop(n, village="Sủng Pờ A" if n <= 7 else "Pả Vi Thượng") for n in range(1, 13))
    sheet = make_sheet(stops)
    out = pdf(sheet, tmp_path)
    texts = page_texts(out)
    assert len(texts) >= 2
    for page in texts[1:]:
        assert "Phiếu đi thăm gia đình" in page and "(tiếp theo)" in page
        assert "Lần thăm trước" in page, "the table's head repeats"
    assert "Cán bộ đi thăm" in texts[-1] and f"Trang {len(texts)}/{len(texts)}" in texts[-1]
    everything = all_text(out)
    for n in range(1, 13):
        assert f"MV-{n:05d}" in everything
    _st, pages = layout_trip_sheet(sheet)
    assert_inside_margins(pages, LANDSCAPE.left, LANDSCAPE.right, LANDSCAPE.top)
    for png in render_png(out, tmp_path, dpi=50):
        assert_margins_blank(png, 50, LANDSCAPE.left / mm, LANDSCAPE.right / mm)


def test_in_english(tmp_path: Path) -> None:
    text = all_text(pdf(make_sheet(), tmp_path, "en"))
    for expected in ("FAMILY VISIT SHEET", "Livelihood support follow-up", "Look at",
                     "Alive, healthy", "Products sold", "not met (working away)",
                     "Visiting officer (Signature, full name)"):  # fmt: skip
        assert expected in text, expected


def test_long_texts_wrap_inside_their_cells(tmp_path: Path) -> None:
    long_alias = "Bà " + "Vàng Thị Mỷ Sùng Thị Dung " * 4
    sheet = make_sheet(
        (stop(1, alias=long_alias.strip(), village="Thôn " + "Sủng Pờ A " * 10),),
        villages=("Sủng Pờ A",) * 1,
    )
    _st, pages = layout_trip_sheet(sheet)
    assert_inside_margins(pages, LANDSCAPE.left, LANDSCAPE.right, LANDSCAPE.top)
    text = all_text(pdf(sheet, tmp_path))
    assert " ".join(long_alias.split()) in text


def test_decomposed_input_is_printed_precomposed(tmp_path: Path) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Sủng Pờ A")
    sheet = make_sheet((stop(1, village=nfd),))
    text = all_text(pdf(sheet, tmp_path))
    assert "Sủng Pờ A – 1 lượt" in text


def test_sheets_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        make_sheet().officer = "x"  # type: ignore[misc]
