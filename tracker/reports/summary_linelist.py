"""The line list (one row per person, with names, ID numbers and phones), which exists only
inside a ZIP encrypted with AES-256 (WinZip AE-2, opened by 7-Zip, WinRAR, Windows 11
and macOS Archive Utility) under a passphrase. It is never written as a plain file: the
workbook is built in memory and only the encrypted archive's bytes leave this module."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import pyzipper
from openpyxl import Workbook

from tracker.domain.shapes import LineListRow
from tracker.domain.vocab import MIN_PASSPHRASE
from tracker.i18n.labels import label
from tracker.reports.summary_tables import Column
from tracker.reports.xlsx_summary import _anonymous, write_table

LINE_LIST_NAME = "line_list.xlsx"

_HEAD: tuple[tuple[str, str, str, str], ...] = (
    ("code", "Mã", "Code", "text"),
    ("full_name", "Họ và tên", "Full name", "text"),
    ("alias", "Tên gọi khác", "Alias", "text"),
    ("sex", "Giới tính", "Sex", "text"),
    ("birth_date", "Ngày sinh", "Birth date", "date"),
    ("birth_year", "Năm sinh", "Birth year", "number"),
    ("ethnicity", "Dân tộc", "Ethnic group", "text"),
    ("id_number", "Số CCCD", "ID number", "text"),
    ("phone", "Điện thoại", "Phone", "text"),
    ("commune", "Mã xã", "Commune code", "text"),
    ("village", "Thôn/Bản", "Village", "text"),
    ("category", "Nhóm đối tượng", "Category", "text"),
    ("status", "Trạng thái", "Status", "text"),
    ("registered_on", "Ngày đăng ký", "Registered", "date"),
    ("first_handover", "Lần trao đầu", "First hand-over", "date"),
    ("handovers", "Lần trao trong kỳ", "Hand-overs in period", "number"),
    ("cash", "Tiền mặt trong kỳ", "Cash in period", "money"),
    ("in_kind", "Hiện vật trong kỳ", "In kind in period", "money"),
    ("cash_total", "Tiền mặt lũy kế", "Cash, cumulative", "money"),
    ("in_kind_total", "Hiện vật lũy kế", "In kind, cumulative", "money"),
)


def line_list_xlsx(rows: Sequence[LineListRow], lang: str = "vi") -> bytes:
    """The workbook bytes (kept in memory: only ever passed to :func:`encrypted_zip`)."""
    columns = tuple(Column(k, vi if lang == "vi" else en, kind) for k, vi, en, kind in _HEAD)
    body = []
    for r in rows:
        body.append(
            (
                r.code,
                r.full_name,
                r.alias,
                label("sex", r.sex, lang),
                r.birth_date,
                r.birth_year,
                r.ethnicity_code,
                r.id_number,
                r.phone,
                r.commune_code,
                r.village,
                label("category", r.category, lang),
                label("beneficiary_status", r.status, lang),
                r.registered_on,
                r.first_handover,
                r.handovers_in_period,
                r.cash_in_period,
                r.in_kind_in_period,
                r.cash_total,
                r.in_kind_total,
            )
        )
    wb = Workbook()
    _anonymous(wb, "Line list")
    ws = wb.active
    assert ws is not None
    ws.title = "Danh sách" if lang == "vi" else "Line list"
    write_table(ws, columns, body)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def check_passphrase(passphrase: object) -> str:
    if not isinstance(passphrase, str) or len(passphrase) < MIN_PASSPHRASE:
        raise ValueError(f"the passphrase needs at least {MIN_PASSPHRASE} characters")
    return passphrase


def encrypted_zip(files: Mapping[str, bytes], passphrase: str) -> bytes:
    """A ZIP whose members are compressed then encrypted with AES-256 (WinZip AE-2)."""
    secret = check_passphrase(passphrase).encode("utf-8")
    buf = io.BytesIO()
    with pyzipper.AESZipFile(
        buf, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
    ) as zf:
        zf.setpassword(secret)
        zf.setencryption(pyzipper.WZ_AES, nbits=256)
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def read_encrypted_zip(data: bytes, passphrase: str) -> dict[str, bytes]:
    """The members of an archive made by :func:`encrypted_zip` (tests, checks)."""
    with pyzipper.AESZipFile(io.BytesIO(data)) as zf:
        zf.setpassword(passphrase.encode("utf-8"))
        return {name: zf.read(name) for name in zf.namelist()}
