#!/usr/bin/env python3
"""Write resources/templates/import_template.xlsx from the column list of the importer
(tracker.services.imports.SHEETS), so the template and the importer never disagree.

    .venv/bin/python scripts/make_import_template.py [OUT.xlsx]

The output is committed; run this again after changing the importer's columns. The file
is the same byte for byte on every run (fixed dates in its properties).
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.reports.xlsx_summary import _anonymous  # noqa: E402
from tracker.services.imports import SHEETS  # noqa: E402

OUT = ROOT / "resources" / "templates" / "import_template.xlsx"
HEAD_FILL = PatternFill("solid", start_color="DDE8F5", end_color="DDE8F5")
REQUIRED_FILL = PatternFill("solid", start_color="F9DDB8", end_color="F9DDB8")
HINT_FONT = Font(italic=True, color="777777")
LAST_ROW = 10_001

CHOICES = {
    "sex": '"Nữ,Nam,Khác"',
    "category": '"Nạn nhân,Nghi là nạn nhân,Có nguy cơ cao,Thành viên gia đình"',
    "yesno": '"Có,Không"',
    "income": '"Chưa có thu nhập,Thấp,Trung bình,Khá"',
    "asset_kind": '"Bò,Trâu,Lợn,Dê,Gia cầm,Khung dệt,Khác"',
}

GUIDE = [
    ("MẪU NHẬP DỮ LIỆU – SỔ THEO DÕI HỖ TRỢ SINH KẾ", "IMPORT TEMPLATE – GRANT TRACKER"),
    ("", ""),
    (
        "1. Mỗi trang một loại: Dự án, Người hưởng, Khoản hỗ trợ, Lần trao, Tài sản, Chuyến"
        " thăm. Trang không dùng thì để trống.",
        "1. One sheet per kind: Projects, Beneficiaries, Grants, Hand-overs, Assets, Visits."
        " Leave a sheet you do not need empty.",
    ),
    (
        "2. Giữ nguyên dòng tiêu đề (dòng 1) và dòng gợi ý tiếng Anh (dòng 2); ghi dữ liệu"
        " từ dòng 3. Cột tô cam là bắt buộc.",
        "2. Keep the heading row (1) and the English hint row (2); data from row 3."
        " Orange columns are required.",
    ),
    (
        "3. Ngày ghi dd/mm/yyyy (ví dụ 05/03/2025) hoặc dùng định dạng ngày của Excel.",
        "3. Dates as dd/mm/yyyy (e.g. 05/03/2025) or Excel date cells.",
    ),
    (
        "4. Số tiền ghi số nguyên đồng: 5000000 hoặc 5.000.000.",
        "4. Amounts in whole dong: 5000000 or 5.000.000.",
    ),
    (
        "5. Không gộp ô. Công thức được chấp nhận nếu tệp đã được Excel tính và lưu.",
        "5. No merged cells. Formulas are taken as the value Excel computed and saved.",
    ),
    (
        "6. Các trang khác nhắc đến người hưởng bằng Mã người hưởng: ghi mã ở trang Người"
        " hưởng cho những người đó.",
        "6. The other sheets refer to a person by their code: give those people a code on"
        " the Beneficiaries sheet.",
    ),
    (
        "7. Nhập lại cùng một tệp không tạo bản ghi trùng. Người có thể đã có sẽ được hỏi"
        " trước khi nhập.",
        "7. Importing the same file again adds nothing twice. People who may already be"
        " registered are asked about before anything is saved.",
    ),
    (
        "8. Hồ sơ cũ: lần trao ghi đúng ngày đã trao. Hàng hóa chỉ biết giá trị: ghi Số tiền"
        " và «Có» ở cột Hiện vật (không tính là tiền mặt). Chỉ đặt lịch các chuyến thăm còn"
        " ở phía trước (trừ khi chọn đặt cả lịch đã qua); chuyến thăm đã làm ghi ở trang"
        " Chuyến thăm.",
        "8. Past records: hand-overs with the day they happened. Goods known only by their"
        " value: the amount and «Có» in the In kind column (not counted as cash). Only the"
        " visits still ahead are booked (unless past ones are asked for); visits already"
        " made go on the Visits sheet.",
    ),
    (
        "9. Tài sản (bò, khung dệt...): một dòng mỗi con/mỗi bộ, nối với lần trao bằng mã"
        " người, loại hỗ trợ và ngày trao; tình trạng sau đó (đẻ, chết, bán...) với ngày.",
        "9. Assets (cows, looms...): one row each, tied to the hand-over by the person's"
        " code, the support type and the day; a later status (calved, died, sold...) with"
        " its date.",
    ),
    (
        "10. Địa chỉ cũ: mã xã (và mã huyện) đúng vào ngày ghi địa chỉ, trước 01/07/2025 là"
        " mã cũ. Nếu ghi cả tên xã, tên huyện hay tên dân tộc, tên phải khớp với mã.",
        "10. Old addresses: the commune (and district) code valid on the day the address was"
        " recorded, the old codes before 1 July 2025. A commune, district or ethnic group"
        " name given beside its code must be that code's.",
    ),
    ("", ""),
    ("Ví dụ (không nhập từ trang này):", "Example (this sheet is not imported):"),
    (
        "Người hưởng: MV-HG-001 | Vàng Thị Mẫu | | Nữ | 12/04/1998 | | H'Mông | Nạn nhân",
        "Beneficiaries: MV-HG-001 | Vang Thi Mau | | Female | 12/04/1998 | | Hmong | Victim",
    ),
    (
        "Khoản hỗ trợ: MV-HG-001 | SK-2428 | Bò giống sinh sản | 01/03/2025 | Bò cái giống"
        " | | 1 | 15.000.000",
        "Grants: MV-HG-001 | SK-2428 | cattle | 01/03/2025 | Breeding cow | | 1 | 15,000,000",
    ),
    (
        "Lần trao: MV-HG-001 | SK-2428 | Bò giống sinh sản | 10/03/2025 | | 1 | 15.000.000",
        "Hand-overs: MV-HG-001 | SK-2428 | cattle | 10/03/2025 | | 1 | 15,000,000",
    ),
    (
        "Tài sản: MV-HG-001 | Bò giống sinh sản | 10/03/2025 | Bò | TQ-0815 | | | Đã đẻ"
        " | 02/02/2026",
        "Assets: MV-HG-001 | cattle | 10/03/2025 | Cow | TQ-0815 | | | Calved | 02/02/2026",
    ),
    (
        "Chuyến thăm: MV-HG-001 | Bò giống sinh sản | 12/04/2025 | Có | Thấp | Không",
        "Visits: MV-HG-001 | cattle | 12/04/2025 | Yes | Low | No",
    ),
]


def build() -> Workbook:
    wb = Workbook()
    _anonymous(wb, "Mẫu nhập dữ liệu / Import template")
    guide = wb.active
    assert guide is not None
    guide.title = "Hướng dẫn"
    for r, (vi, en) in enumerate(GUIDE, start=1):
        guide.cell(row=r, column=1, value=vi)
        guide.cell(row=r, column=2, value=en).font = HINT_FONT
    guide["A1"].font = Font(bold=True, size=13)
    guide.column_dimensions["A"].width = 95
    guide.column_dimensions["B"].width = 95
    for spec in SHEETS:
        ws = wb.create_sheet(spec.title_vi)
        for c, col in enumerate(spec.columns, start=1):
            letter = get_column_letter(c)
            head = ws.cell(row=1, column=c, value=col.header_vi)
            head.font = Font(bold=True)
            head.fill = REQUIRED_FILL if col.required else HEAD_FILL
            head.alignment = Alignment(wrap_text=True, vertical="top")
            note = f"{col.header_en}. " + ("Bắt buộc. " if col.required else "") + col.comment
            head.comment = Comment(note.strip(), "Grant Tracker", width=260, height=110)
            hint = ws.cell(row=2, column=c, value=col.header_en)
            hint.font = HINT_FONT
            width = max(len(col.header_vi), len(col.header_en)) + 4
            ws.column_dimensions[letter].width = min(max(width, 12), 34)
            choices = CHOICES.get(col.kind)
            if choices:
                dv = DataValidation(type="list", formula1=choices, allow_blank=True)
                dv.error = "Chọn trong danh sách / choose from the list"
                dv.showErrorMessage = False  # other spellings are accepted too
                dv.add(f"{letter}3:{letter}{LAST_ROW}")
                ws.add_data_validation(dv)
        ws.freeze_panes = "A3"
    return wb


def stable(data: bytes) -> bytes:
    """The same bytes on every run: fixed member times, fixed "modified" property."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>2000-01-01T00:00:00Z\g<2>",
                    body,
                )
            member = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, body)
    return out.getvalue()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    build().save(buf)
    out.write_bytes(stable(buf.getvalue()))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
