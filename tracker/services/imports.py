"""Importing beneficiary lists, grants, hand-overs and visits from an Excel workbook (the
template in ``resources/templates/import_template.xlsx``).

Two steps, one code path:

* :func:`dry_run` reads the workbook, checks every cell (sheet, row and column of every
  problem), then runs the whole import through the same service functions a user's
  clicks go through (``beneficiaries.register``, ``grants.plan_grant``,
  ``grants.record_handover``, ``visits.record_visit``...) inside one transaction, each
  row in a savepoint, and rolls everything back. It lists every problem and every person
  who may already be registered (a decision is needed: new person, the existing one, or
  skip).
* :func:`commit` does exactly the same and commits only when nothing is wrong and every
  question has its answer: all or nothing, in ONE transaction.

The workbook is read and every cell checked first, outside any transaction (streamed, in
openpyxl's read-only mode, stopping at the first row beyond MAX_ROWS), so a large file keeps
nobody waiting; only then is the write lock taken, for the rows' service calls.

Reading rules: headers are matched by name (Vietnamese or English, any order); the
English hint row under the headers is skipped; empty rows are skipped; merged cells are
refused; a formula is read as the value Excel computed and saved with the file (a formula
with no saved value is refused); dates may be real dates, Excel serial numbers or text as
dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd); amounts may be numbers or
text with dots, commas or spaces as thousands separators ("5.000.000", "5,000,000 đ");
names are stored in NFC whatever form they arrive in.

Re-importing the same file adds nothing twice: a person is matched on their code (or,
without a code, on an exact match of name, birth year, sex, commune and ID number, which
is suggested as the answer to the duplicate question); a grant on person, project, type,
start date and planned total; a hand-over on grant, date and amount; a visit on person,
grant and visit date. Identical rows are counted: the second of two identical rows is
only added if the database holds fewer than two.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, cast

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.orm import Session

from tracker.config import resources_dir
from tracker.db.engine import Database
from tracker.db.models import (
    Asset,
    AssetEvent,
    Beneficiary,
    Consent,
    Disbursement,
    Grant,
    GrantType,
    Office,
    Project,
    Receipt,
    ReceiptCounter,
    Tranche,
    Visit,
)
from tracker.domain.ethnic import ETHNIC_ALIASES, ETHNIC_GROUPS
from tracker.domain.vocab import (
    ASSET_CLOSED_STATUSES,
    ASSET_KINDS,
    ASSET_STATUSES,
    CATEGORIES,
    INCOME_BANDS,
    LIVESTOCK,
    SEXES,
)
from tracker.i18n import get_language
from tracker.i18n.labels import LABELS
from tracker.i18n.messages import MESSAGES
from tracker.i18n.text import fold
from tracker.services import assets, audit, closing, places
from tracker.services import beneficiaries as ben
from tracker.services import grants as grant_svc
from tracker.services import projects as proj_svc
from tracker.services import validate as va
from tracker.services import visits as visit_svc
from tracker.services.context import Actor
from tracker.services.errors import (
    LimitExceeded,
    PermissionDenied,
    ServiceError,
    ValidationError,
)

MAX_ROWS = 50_000
SKIP = "skip"
NEW = "new"

# --- the template's sheets and columns --------------------------------------------------


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    header_vi: str
    header_en: str
    kind: str  # text, code, date, year, amount, quantity, sex, category, ethnicity,
    # grant_type, yesno, income, unit
    required: bool = False
    comment: str = ""
    #: The service field its errors name (ServiceError.field), when it differs from key.
    fields: tuple[str, ...] = ()
    #: Added to the template later: a workbook made from an older template may lack it.
    may_lack: bool = False


@dataclass(frozen=True)
class SheetSpec:
    key: str
    title_vi: str
    title_en: str
    permission: str
    columns: tuple[ColumnSpec, ...]
    #: Added to the template later: a workbook without it imports the other sheets.
    may_lack: bool = False


C = ColumnSpec


def N(*args: Any, **kwargs: Any) -> ColumnSpec:
    """A column added to the template later (older workbooks may lack it)."""
    return replace(ColumnSpec(*args, **kwargs), may_lack=True)


SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        "projects",
        "Dự án",
        "Projects",
        "project.write",
        may_lack=True,
        columns=(
            C("code", "Mã dự án", "Project code", "code", True,
              comment="Dự án đã có (cùng mã) được giữ nguyên."),
            C("name", "Tên dự án", "Project name", "text", True, fields=("project_name",)),
            C("donor", "Nhà tài trợ", "Donor", "text", True),
            C("start_date", "Ngày bắt đầu", "Start date", "date", True),
            C("end_date", "Ngày kết thúc", "End date", "date", True),
            C("budget", "Ngân sách", "Budget", "amount", True, "Đồng, số nguyên."),
        ),
    ),
    SheetSpec(
        "beneficiaries",
        "Người hưởng",
        "Beneficiaries",
        "beneficiary.write",
        (
            C("code", "Mã người hưởng", "Code", "code", comment="Để trống: phần mềm tự cấp mã."
              " Cần có nếu người này có dòng ở các trang khác."),
            C("full_name", "Họ và tên", "Full name", "text", True),
            C("alias", "Tên gọi khác", "Alias", "text"),
            C("sex", "Giới tính", "Sex", "sex", True, "Nữ / Nam / Khác"),
            C("birth_date", "Ngày sinh", "Birth date", "date", comment="dd/mm/yyyy"),
            C("birth_year", "Năm sinh", "Birth year", "year",
              comment="Cần ngày sinh hoặc năm sinh."),
            C("ethnicity", "Dân tộc", "Ethnic group", "ethnicity",
              comment="Tên dân tộc (H'Mông, Dao...) hoặc mã 2 chữ số (danh mục 2008).",
              fields=("ethnicity",)),
            C("category", "Nhóm đối tượng", "Category", "category", True,
              "Nạn nhân / Nghi là nạn nhân / Có nguy cơ cao / Thành viên gia đình"),
            C("id_number", "Số CCCD", "ID number", "id_number"),
            C("phone", "Điện thoại", "Phone", "phone"),
            C("province_code", "Mã tỉnh", "Province code", "unit", fields=("province",)),
            C("commune_code", "Mã xã", "Commune code", "unit", fields=("commune",),
              comment="Mã xã 5 chữ số đúng vào ngày ghi địa chỉ (mã cũ cho địa chỉ trước"
              " 01/07/2025)."),
            C("village", "Thôn/Bản", "Village", "text"),
            C("address_text", "Địa chỉ", "Address", "text", fields=("address",)),
            C("registered_on", "Ngày đăng ký", "Registration date", "date"),
            C("consent_services", "Đồng ý nhận dịch vụ", "Consent: services", "yesno",
              comment="Có / Không; để trống nếu chưa hỏi."),
            C("consent_donor", "Đồng ý báo cáo nhà tài trợ", "Consent: donor reporting",
              "yesno"),
            C("consent_province", "Đồng ý chia sẻ với tỉnh", "Consent: province sharing",
              "yesno"),
            C("notes", "Ghi chú", "Notes", "text"),
            N("ethnicity_code", "Mã dân tộc", "Ethnic group code", "ethnicity",
              comment="Mã 2 chữ số theo danh mục 2008 (01 Kinh, 06 Hoa, 08 H'Mông...); nếu"
              " ghi cả tên thì mã và tên phải là cùng một dân tộc."),
            N("district_code", "Mã huyện (cũ)", "Former district code", "unit3",
              comment="Chỉ cho địa chỉ trước 01/07/2025: mã huyện 3 chữ số."),
            N("district_name", "Tên huyện (cũ)", "Former district name", "text"),
            N("commune_name", "Tên xã", "Commune name", "text",
              comment="Nếu ghi, phải là tên của xã mang mã đó."),
            N("address_on", "Ngày ghi địa chỉ", "Address recorded on", "date",
              comment="Để trống: ngày đăng ký. Mã xã được hiểu theo ngày này."),
        ),
    ),
    SheetSpec(
        "grants",
        "Khoản hỗ trợ",
        "Grants",
        "grant.write",
        (
            C("beneficiary_code", "Mã người hưởng", "Beneficiary code", "code", True,
              fields=("beneficiary",)),
            C("project_code", "Mã dự án", "Project code", "code", True, fields=("project",)),
            C("grant_type", "Loại hỗ trợ", "Support type", "grant_type", True,
              "Tên hoặc mã loại hỗ trợ, ví dụ «Bò giống sinh sản» hoặc cattle."),
            C("start_date", "Ngày bắt đầu", "Start date", "date", True),
            C("description", "Nội dung", "Description", "text"),
            C("amount", "Số tiền", "Amount", "amount",
              comment="Tiền mặt: số tiền. Hiện vật: để trống, ghi số lượng và đơn giá."),
            C("quantity", "Số lượng", "Quantity", "quantity"),
            C("unit_value", "Đơn giá", "Unit value", "amount"),
            C("notes", "Ghi chú", "Notes", "text"),
            N("in_kind", "Hiện vật", "In kind", "yesno",
              comment="Có: hàng hóa (chỉ ghi giá trị cũng được), không tính là tiền mặt."
              " Để trống: theo loại hỗ trợ."),
        ),
    ),
    SheetSpec(
        "handovers",
        "Lần trao",
        "Hand-overs",
        "handover.write",
        (
            C("beneficiary_code", "Mã người hưởng", "Beneficiary code", "code", True,
              fields=("beneficiary",)),
            C("project_code", "Mã dự án", "Project code", "code", fields=("project",)),
            C("grant_type", "Loại hỗ trợ", "Support type", "grant_type", True,
              fields=("grant", "tranche")),
            C("handed_on", "Ngày trao", "Hand-over date", "date", True),
            C("amount", "Số tiền", "Amount", "amount"),
            C("quantity", "Số lượng", "Quantity", "quantity"),
            C("unit_value", "Đơn giá", "Unit value", "amount"),
            C("description", "Nội dung", "Description", "text"),
            C("override_reason", "Lý do vượt mức", "Override reason", "text",
              comment="Chỉ khi vượt kế hoạch hoặc ngân sách."),
            C("notes", "Ghi chú", "Notes", "text"),
            N("in_kind", "Hiện vật", "In kind", "yesno",
              comment="Có: hàng hóa trao (chỉ ghi giá trị trong cột Số tiền cũng được),"
              " không tính là tiền mặt. Để trống: theo loại hỗ trợ."),
        ),
    ),
    SheetSpec(
        "assets",
        "Tài sản",
        "Assets",
        "handover.write",
        may_lack=True,
        columns=(
            C("beneficiary_code", "Mã người hưởng", "Beneficiary code", "code", True,
              fields=("beneficiary",)),
            C("grant_type", "Loại hỗ trợ", "Support type", "grant_type", True,
              fields=("grant",)),
            C("handed_on", "Ngày trao", "Hand-over date", "date", True,
              comment="Ngày của lần trao (trang Lần trao) đã giao tài sản này."),
            C("kind", "Loại tài sản", "Asset kind", "asset_kind",
              comment="Bò / Trâu / Lợn / Dê / Gia cầm / Khung dệt / Khác; để trống: theo"
              " loại hỗ trợ."),
            C("tag", "Số thẻ tai/ký hiệu", "Tag", "text",
              comment="Thêm một dòng cùng số thẻ để ghi một diễn biến sau (đã đẻ, rồi đã bán...)."),
            C("description", "Mô tả", "Description", "text"),
            C("value", "Giá trị", "Value", "amount"),
            C("status", "Tình trạng", "Status", "asset_status",
              comment="Tình trạng sau đó: đã đẻ, ốm, chết, đã bán, đã chuyển giao..."),
            C("status_on", "Ngày tình trạng", "Status date", "date",
              comment="Cần khi có tình trạng."),
            C("notes", "Ghi chú", "Notes", "text"),
        ),
    ),
    SheetSpec(
        "visits",
        "Chuyến thăm",
        "Visits",
        "visit.write",
        (
            C("beneficiary_code", "Mã người hưởng", "Beneficiary code", "code", True,
              fields=("beneficiary", "visit")),
            C("grant_type", "Loại hỗ trợ", "Support type", "grant_type", fields=("grant",)),
            C("done_on", "Ngày thăm", "Visit date", "date", True),
            C("livelihood_running", "Sinh kế còn duy trì", "Livelihood running", "yesno", True,
              fields=("status",)),
            C("income_band", "Mức thu nhập", "Income band", "income",
              comment="Chưa có thu nhập / Thấp / Trung bình / Khá"),
            C("safety_concern", "Lo ngại an toàn", "Safety concern", "yesno"),
            C("in_school", "Đang đi học", "In school", "yesno"),
            C("notes", "Ghi chú", "Notes", "text"),
        ),
    ),
)  # fmt: skip
SHEET_BY_KEY = {s.key: s for s in SHEETS}


# --- the report --------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    sheet: str  # the sheet's title as in the file (or the template's Vietnamese title)
    row: int  # 0: the sheet as a whole
    column: str  # "C", or "" for the whole row or sheet
    header: str
    key: str
    field: str | None = None
    params: tuple[tuple[str, Any], ...] = ()

    def message(self, lang: str | None = None) -> str:
        return ServiceError(self.key, self.field, **dict(self.params)).message(lang)

    @property
    def where(self) -> str:
        cell = f"{self.column}{self.row}" if self.row else self.column
        return f"{self.sheet}!{cell}" if cell else self.sheet


@dataclass(frozen=True)
class ProblemGroup:
    """One problem and every row it is on, with how to fix it."""

    sheet: str
    column: str
    header: str
    key: str
    field: str | None
    params: tuple[tuple[str, Any], ...]
    rows: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.rows)

    def message(self, lang: str | None = None) -> str:
        """ "Không có dự án mã «HG-2024»: 2.614 dòng (3, 4, 5…). Cách sửa: …" """
        lang = lang or get_language()
        problem = ServiceError(self.key, self.field, **dict(self.params)).message(lang)
        fix_key = f"fix_{self.key}"
        fix = (
            ServiceError(fix_key, self.field, **dict(self.params)).message(lang)
            if fix_key in MESSAGES
            else ""
        )
        rows = [r for r in self.rows if r]
        shown = ", ".join(str(r) for r in rows[:5]) + ("…" if len(rows) > 5 else "")
        column = ("cột" if lang == "vi" else "column") + f" {self.column} «{self.header}»"
        where = self.sheet + (f", {column}" if self.column and self.header else "")
        if not rows:
            return (
                ServiceError(
                    "import_group_sheet", None, where=where, problem=problem.rstrip("."), fix=fix
                )
                .message(lang)
                .replace(" . ", " ")
                .rstrip()
            )
        count = f"{len(rows):,}".replace(",", "." if lang == "vi" else ",")
        key = "import_group_one" if len(rows) == 1 else "import_group"
        return (
            ServiceError(
                key,
                None,
                where=where,
                problem=problem.rstrip("."),
                count=count,
                rows=shown,
                fix=fix,
            )
            .message(lang)
            .rstrip()
        )


@dataclass(frozen=True)
class ImportOptions:
    """Choices of the user for one import."""

    #: Book the follow-up visits of past hand-overs whose day has already gone (off: a
    #: hand-over older than the import day gets only the visits still ahead).
    past_visits: bool = False


@dataclass(frozen=True)
class Candidate:
    code: str
    full_name: str
    birth_year: int | None
    commune_code: str | None


@dataclass(frozen=True)
class DuplicateQuestion:
    """A row of the beneficiaries sheet that may be someone already registered."""

    row: int
    full_name: str
    code: str | None
    candidates: tuple[Candidate, ...]
    #: The code of a candidate that matches exactly (the default answer), else None.
    suggested: str | None
    #: The answer given in ``decisions`` (NEW, SKIP or an existing code), else None.
    decided: str | None = None

    @property
    def answer(self) -> str | None:
        return self.decided or self.suggested


@dataclass(frozen=True)
class SheetCounts:
    sheet: str
    rows: int = 0  # data rows read (empty rows not counted)
    added: int = 0
    existing: int = 0  # already in the database: nothing added
    skipped: int = 0  # skipped on the user's answer


@dataclass(frozen=True)
class ImportReport:
    path: str
    sha256: str
    problems: tuple[Problem, ...]
    duplicates: tuple[DuplicateQuestion, ...]
    counts: tuple[SheetCounts, ...]
    formulas: int = 0  # cells whose saved formula result was used
    committed: bool = False
    #: Follow-up visits the hand-overs book (those still ahead, unless asked otherwise).
    visits_scheduled: int = 0
    #: Visits of the follow-up plans that fell before the import day and were not booked.
    visits_past_skipped: int = 0

    @property
    def groups(self) -> tuple[ProblemGroup, ...]:
        """Each problem once, with the rows it is on (2,614 rows naming one unknown project
        are one line)."""
        found: dict[tuple[Any, ...], list[Problem]] = {}
        for p in self.problems:
            found.setdefault((p.sheet, p.column, p.header, p.key, p.field, p.params), []).append(p)
        return tuple(
            ProblemGroup(k[0], k[1], k[2], k[3], k[4], k[5], tuple(p.row for p in ps))
            for k, ps in found.items()
        )

    @property
    def undecided(self) -> tuple[DuplicateQuestion, ...]:
        return tuple(q for q in self.duplicates if q.answer is None)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.undecided

    def count(self, sheet: str) -> SheetCounts:
        return next(c for c in self.counts if c.sheet == sheet)


class ImportRejected(ServiceError):
    """Nothing was imported; ``report`` lists why."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        if report.problems:
            super().__init__("import_rejected", None, count=len(report.groups))
        else:
            super().__init__("import_undecided", None, count=len(report.undecided))


# --- reading cells -------------------------------------------------------------------

_TEXT_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_GROUPED = re.compile(r"^\d{1,3}([.,]\d{3})+$")
_CURRENCY = re.compile(r"(vnđ|vnd|đồng|dong|đ|₫|d)$", re.IGNORECASE)
_YES = {"co", "c", "x", "yes", "y", "1", "true", "dung"}
_NO = {"khong", "k", "no", "n", "0", "false", "sai"}


class CellProblem(Exception):
    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _str(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return unicodedata.normalize("NFC", text).strip()


def read_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2_958_466:  # Excel's serial day numbers (to 9999-12-31)
            from openpyxl.utils.datetime import from_excel

            found = from_excel(value)
            return found.date() if isinstance(found, datetime) else found  # type: ignore[return-value]
        raise CellProblem("import_bad_date", value=value)
    text = _str(value)
    m = _TEXT_DATE.match(text)
    try:
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
        m = _ISO_DATE.match(text)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        pass
    raise CellProblem("import_bad_date", value=text)


def read_amount(value: object) -> int:
    """Whole đồng from 5000000, 5000000.0, "5.000.000", "5,000,000 đ", "5 000 000"."""
    if isinstance(value, bool):
        raise CellProblem("import_bad_amount", value=value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellProblem("import_bad_amount", value=value)
    text = _str(value)
    compact = re.sub(r"[\s\u00a0\u202f]", "", text)
    compact = _CURRENCY.sub("", compact)
    if compact.isdigit():
        return int(compact)
    if _GROUPED.match(compact):
        return int(re.sub(r"[.,]", "", compact))
    raise CellProblem("import_bad_amount", value=text)


def read_int(value: object) -> int:
    if isinstance(value, bool):
        raise CellProblem("import_bad_number", value=value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _str(value)
    if re.fullmatch(r"\d{1,9}", text):
        return int(text)
    raise CellProblem("import_bad_number", value=text)


def _choice(value: object, options: Mapping[str, str], shown: str) -> str:
    key = fold(_str(value))
    if key in options:
        return options[key]
    raise CellProblem("import_bad_choice", value=_str(value), choices=shown)


def _label_options(group: str, codes: tuple[str, ...]) -> dict[str, str]:
    opts: dict[str, str] = {}
    for code in codes:
        opts[fold(code)] = code
        vi, en = LABELS[group][code]
        opts[fold(vi)] = code
        opts[fold(en)] = code
    return opts


_SEX = _label_options("sex", SEXES) | {"female": "F", "male": "M", "nu gioi": "F"}
_CATEGORY = _label_options("category", CATEGORIES)
_INCOME = _label_options("income_band", INCOME_BANDS)
_ASSET_KIND = _label_options("asset_kind", ASSET_KINDS)
_ASSET_STATUS = _label_options("asset_status", ASSET_STATUSES) | {
    fold(k): v
    for k, v in {
        "Đã đẻ": "calved", "Đẻ": "calved", "Sinh con": "calved", "Còn": "alive",
        "Khỏe": "alive", "Ốm": "sick", "Chết": "died", "Bán": "sold", "Chuyển giao": "passed_on",
        "Đã chuyển": "passed_on", "Quay vòng": "passed_on", "Đang dùng": "in_use",
        "Không dùng": "unused",
    }.items()
}  # fmt: skip
_ETHNIC_BY_CODE = {e.code: e for e in ETHNIC_GROUPS}
_CODE_AND_NAME = re.compile(r"^(\d{1,2})\s*[-–.:)]?\s*(\D.*)$")
_ETHNIC: dict[str, str] = {}
for _e in ETHNIC_GROUPS:
    _ETHNIC[fold(_e.name_vi)] = _e.code
    _ETHNIC[fold(_e.name_en)] = _e.code
    _ETHNIC[_e.code] = _e.code
    _ETHNIC[str(int(_e.code))] = _e.code
for _code, _names in ETHNIC_ALIASES.items():
    for _name in _names:
        _ETHNIC.setdefault(fold(_name), _code)


def _shown(group: str, codes: tuple[str, ...]) -> str:
    return ", ".join(LABELS[group][c][0] for c in codes)


def read_cell(kind: str, value: object, grant_types: Mapping[str, str]) -> Any:
    """The cell's value for the service, or CellProblem."""
    if kind in ("text",):
        return _str(value)
    if kind == "code":
        return _str(value).upper()
    if kind == "id_number":
        # Typed as a number, a CCCD loses its leading zeros (001...): put them back.
        text = _str(value)
        if isinstance(value, (int, float)) and text.isdigit() and len(text) in (10, 11):
            return text.zfill(12)
        if isinstance(value, (int, float)) and text.isdigit() and len(text) == 8:
            return text.zfill(9)
        return text
    if kind == "phone":
        text = _str(value)
        if isinstance(value, (int, float)) and text.isdigit() and not text.startswith("0"):
            return "0" + text
        return text
    if kind == "unit":
        text = _str(value)
        return text.zfill(5) if text.isdigit() and len(text) in (3, 4) else text
    if kind == "unit3":
        text = _str(value)
        return text.zfill(3) if text.isdigit() and len(text) in (1, 2) else text
    if kind == "asset_kind":
        return _choice(value, _ASSET_KIND, _shown("asset_kind", ASSET_KINDS))
    if kind == "asset_status":
        return _choice(value, _ASSET_STATUS, _shown("asset_status", ASSET_STATUSES))
    if kind == "date":
        return read_date(value)
    if kind == "year":
        return read_int(value)
    if kind == "quantity":
        return read_int(value)
    if kind == "amount":
        return read_amount(value)
    if kind == "sex":
        return _choice(value, _SEX, _shown("sex", SEXES))
    if kind == "category":
        return _choice(value, _CATEGORY, _shown("category", CATEGORIES))
    if kind == "income":
        return _choice(value, _INCOME, _shown("income_band", INCOME_BANDS))
    if kind == "ethnicity":
        shown = "H'Mông, Dao, Tày, Kinh... (54 dân tộc) hoặc mã 01-54"
        both = _CODE_AND_NAME.match(_str(value))
        if both and fold(both[2]) in _ETHNIC:
            # "06 Hoa", "08 - H'Mông": the code and the name must be the same group.
            code = _choice(both[1], _ETHNIC, shown)
            named = _ETHNIC[fold(both[2])]
            if code != named:
                raise CellProblem("import_name_mismatch", code=both[1],
                                  value=_ETHNIC_BY_CODE[named].name_vi,
                                  expected=_ETHNIC_BY_CODE[code].name_vi)  # fmt: skip
            return code
        return _choice(value, _ETHNIC, shown)
    if kind == "grant_type":
        return _choice(value, grant_types, ", ".join(sorted(set(grant_types.values()))))
    if kind == "yesno":
        key = fold(_str(value))
        if key in _YES:
            return True
        if key in _NO:
            return False
        raise CellProblem("import_bad_choice", value=_str(value), choices="Có, Không")
    raise AssertionError(kind)


# --- reading the workbook ---------------------------------------------------------------


def _worth(values: Mapping[str, Any]) -> int | None:
    """What a grant or hand-over row is worth: quantity x unit value for goods, else the
    amount."""
    if values.get("quantity") is not None and values.get("unit_value") is not None:
        return values["quantity"] * values["unit_value"]
    return values.get("amount")


@dataclass
class Row:
    number: int
    values: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)


@dataclass
class SheetData:
    spec: SheetSpec
    title: str  # as in the file
    letters: dict[str, str]  # column key -> letter
    rows: list[Row]
    problems: list[Problem]
    #: A required column is missing: no row can be imported.
    broken: bool = False


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def _find_sheet(names: list[str], spec: SheetSpec) -> str | None:
    wanted = {fold(spec.title_vi), fold(spec.title_en), fold(spec.key)}
    for name in names:
        if fold(name) in wanted:
            return name
    return None


def _grant_type_options(s: Session) -> dict[str, str]:
    opts: dict[str, str] = {}
    for code, vi, en in s.execute(
        select(GrantType.code, GrantType.name_vi, GrantType.name_en).where(
            GrantType.active.is_(True)
        )
    ):
        opts[fold(code)] = code
        opts[fold(vi)] = code
        opts[fold(en)] = code
    return opts


#: Parts of the file that are read whole (the strings shared by the cells), at most this
#: large once unpacked; the sheets themselves are streamed and stop at MAX_ROWS.
MAX_SHARED_BYTES = 128 << 20


def _check_archive(path: Path) -> None:
    """Refuse a file whose shared strings would fill the memory once unpacked (a small
    file can unpack to gigabytes), before openpyxl reads them."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            shared = sum(
                i.file_size
                for i in zf.infolist()
                if i.filename.lower().endswith("sharedstrings.xml")
            )
    except Exception as exc:  # not a zip, or one zipfile cannot read (NotImplementedError...)
        raise ServiceError(
            "import_unreadable",
            "import_file",
            path=path.name,
            detail=str(exc) or type(exc).__name__,
        ) from exc
    if shared > MAX_SHARED_BYTES:
        raise ServiceError("import_too_large", "import_file", path=path.name, max=MAX_ROWS)


def _read_workbook(
    path: Path, grant_types: Mapping[str, str]
) -> tuple[list[SheetData], list[Problem], int]:
    """Every sheet of the template found in the file, its rows parsed, with the problems
    of the cells; plus the problems of the workbook (missing sheets) and how many formula
    results were used. The file is streamed (read-only), row by row."""
    from openpyxl import load_workbook

    _check_archive(path)
    try:
        wb = load_workbook(path, data_only=False, read_only=True)
        merged = _merged_ranges(path, wb)
    except Exception as exc:  # a damaged or foreign file: openpyxl raises many kinds
        raise ServiceError(
            "import_unreadable",
            "import_file",
            path=path.name,
            detail=str(exc) or type(exc).__name__,
        ) from exc
    problems: list[Problem] = []
    sheets: list[SheetData] = []
    formulas_used = 0
    saved: list[Any] = []

    def saved_results(name: str) -> Iterator[tuple[Any, ...]]:
        """The sheet's rows as Excel saved them (formulas as their computed values): read
        only for a sheet that has formulas."""
        if not saved:
            saved.append(load_workbook(path, data_only=True, read_only=True))
        return saved[0][name].iter_rows(values_only=True)  # type: ignore[no-any-return]

    try:
        for spec in SHEETS:
            name = _find_sheet(wb.sheetnames, spec)
            if name is None and spec.may_lack:
                continue
            if name is None:
                problems.append(
                    Problem(spec.title_vi, 0, "", "", "import_missing_sheet",
                            params=(("sheet", spec.title_vi),))
                )  # fmt: skip
                continue
            try:
                data, used = _read_sheet(
                    wb[name], spec, grant_types, merged.get(name, []), saved_results
                )
            except ServiceError:
                raise
            except Exception as exc:  # a damaged sheet inside a readable file
                raise ServiceError(
                    "import_unreadable",
                    "import_file",
                    path=path.name,
                    detail=str(exc) or type(exc).__name__,
                ) from exc
            formulas_used += used
            sheets.append(data)
    finally:
        wb.close()
        for other in saved:
            other.close()
    return sheets, problems, formulas_used


def _merged_ranges(path: Path, wb: Any) -> dict[str, list[str]]:
    """Sheet title -> its merged ranges ("M9:N9"), read from the sheets' XML (a streamed
    workbook does not give them)."""
    import zipfile

    out: dict[str, list[str]] = {}
    with zipfile.ZipFile(path) as z:
        for ws in wb.worksheets:
            member = str(getattr(ws, "_worksheet_path", "") or "").lstrip("/")
            if member not in z.namelist():
                continue
            with z.open(member) as fh:
                tail = b""
                for block in iter(lambda: fh.read(1 << 20), b""):
                    chunk = tail + block
                    out.setdefault(ws.title, []).extend(
                        m.decode() for m in re.findall(rb'<mergeCell ref="([A-Z0-9:]+)"', chunk)
                    )
                    tail = chunk[-200:] if b"<mergeCell" in chunk[-200:] else b""
    return {k: sorted(set(v)) for k, v in out.items()}


def _header_map(
    header: tuple[Any, ...], spec: SheetSpec, title: str
) -> tuple[dict[str, int], list[Problem]]:
    """Column key -> column number from the header row's values; problems."""
    problems: list[Problem] = []
    by_name: dict[str, ColumnSpec] = {}
    for col in spec.columns:
        by_name[fold(col.header_vi)] = col
        by_name[fold(col.header_en)] = col
    found: dict[str, int] = {}
    for c, raw in enumerate(header, start=1):
        if _blank(raw):
            continue
        match = by_name.get(fold(_str(raw)))
        if match is None or match.key in found:
            problems.append(
                Problem(title, 1, _letter(c), _str(raw), "import_unknown_header",
                        params=(("found", _str(raw)),))
            )  # fmt: skip
            continue
        found[match.key] = c
    for col in spec.columns:
        if col.key not in found and not col.may_lack:
            problems.append(
                Problem(title, 1, "", col.header_vi, "import_missing_column",
                        params=(("expected", col.header_vi),))
            )  # fmt: skip
    return found, problems


def _is_hint_row(cells: Mapping[str, Any], spec: SheetSpec) -> bool:
    hints = {col.key: fold(col.header_en) for col in spec.columns}
    seen = matched = 0
    for key, value in cells.items():
        if _blank(value):
            continue
        seen += 1
        matched += fold(_str(value)) == hints[key]
    return seen > 0 and matched * 2 >= seen


def _read_sheet(
    ws: Any,
    spec: SheetSpec,
    grant_types: Mapping[str, str],
    merged: list[str],
    saved_results: Callable[[str], Iterator[tuple[Any, ...]]],
) -> tuple[SheetData, int]:
    """One sheet, streamed: the header row, then every row parsed cell by cell (each bad
    cell a problem of its own). A formula's cell takes the result Excel saved with the
    file (``saved_results`` reads the sheet again, only when it has formulas)."""
    from openpyxl.utils.cell import range_boundaries

    title = ws.title
    all_rows = ws.iter_rows(values_only=True)
    header = next(all_rows, ())
    columns, problems = _header_map(header or (), spec, title)
    letters = {key: _letter(c) for key, c in columns.items()}
    heads = {col.key: col.header_vi for col in spec.columns}
    specs = {col.key: col for col in spec.columns}
    # Merged cells: the values hide in the top-left cell only.
    for coord in merged:
        min_col, min_row, _max_col, _max_row = range_boundaries(coord)
        problems.append(
            Problem(title, min_row or 0, _letter(min_col or 1), "", "import_merged",
                    params=(("cells", coord),))
        )  # fmt: skip
    broken = any(col.required and col.key not in columns for col in spec.columns)
    if not columns:
        return SheetData(spec, title, letters, [], problems, True), 0
    rows: list[Row] = []
    used = 0
    count = 0
    wanted = sorted(columns.items(), key=lambda kv: kv[1])
    # Rows with formulas: their cells are read once the saved results are known.
    pending: list[tuple[Row, dict[str, Any], set[str]]] = []
    for number, raw_row in enumerate(all_rows, start=2):
        width = len(raw_row)
        cells = {key: raw_row[c - 1] if c - 1 < width else None for key, c in wanted}
        formulas = {key for key, v in cells.items() if isinstance(v, str) and v.startswith("=")}
        if not formulas and all(_blank(v) for v in cells.values()):
            continue
        if number == 2 and _is_hint_row(cells, spec):
            continue
        count += 1
        if count > MAX_ROWS:
            problems.append(
                Problem(title, 0, "", "", "import_too_many_rows",
                        params=(("count", f"{MAX_ROWS}+"), ("max", MAX_ROWS)))
            )  # fmt: skip
            return SheetData(spec, title, letters, [], problems, True), 0
        row = Row(number, {})
        rows.append(row)
        if formulas:
            pending.append((row, cells, formulas))
            continue
        _parse_row(row, cells, columns, specs, heads, title, grant_types)
    if pending:
        results = saved_results(title)
        by_number = {row.number: (row, cells, formulas) for row, cells, formulas in pending}
        for number, raw_row in enumerate(results, start=1):
            if number not in by_number:
                continue
            row, cells, formulas = by_number.pop(number)
            for key in formulas:
                c = columns[key]
                value = raw_row[c - 1] if c - 1 < len(raw_row) else None
                if value is None:
                    row.problems.append(
                        Problem(title, number, _letter(c), heads[key], "import_formula_no_value")
                    )
                    del cells[key]
                    continue
                used += 1
                cells[key] = value
            _parse_row(row, cells, columns, specs, heads, title, grant_types)
            if not by_number:
                break
    return SheetData(spec, title, letters, rows, problems, broken), used


def _parse_row(
    row: Row,
    cells: Mapping[str, Any],
    columns: Mapping[str, int],
    specs: Mapping[str, ColumnSpec],
    heads: Mapping[str, str],
    title: str,
    grant_types: Mapping[str, str],
) -> None:
    """The values of one row's cells for the service, each bad cell a problem."""
    number = row.number
    for key, value in cells.items():
        col = columns[key]
        if _blank(value):
            if specs[key].required:
                row.problems.append(
                    Problem(title, number, _letter(col), heads[key], "import_required")
                )
            continue
        try:
            row.values[key] = read_cell(specs[key].kind, value, grant_types)
        except CellProblem as cp:
            row.problems.append(
                Problem(title, number, _letter(col), heads[key], cp.key,
                        params=tuple(cp.params.items()))
            )  # fmt: skip


# --- checking every row once, then writing in bulk -----------------------------------------
#
# The rows are checked in memory against what the database holds (read once, at the start,
# inside the transaction that writes): the same rules as the services' (their own cleaning
# functions where they have one), every bad field of a row listed. Then everything is
# written with one multi-row insert per table, and one audit event sums up the import.


class _Rollback(Exception):
    pass


@dataclass
class _Counts:
    rows: int = 0
    added: int = 0
    existing: int = 0
    skipped: int = 0


class _Ref:
    """A record the import refers to: one already in the database (``id`` set) or one the
    import adds (``id`` given when written; ``values`` are its columns)."""

    __slots__ = ("extra", "id", "values")

    def __init__(self, id: int | None = None, values: dict[str, Any] | None = None) -> None:
        self.id = id
        self.values = values if values is not None else {}
        self.extra: dict[str, Any] = {}


@dataclass
class _GrantRec:
    ref: _Ref
    person: _Ref
    project: _ProjectRec
    type_code: str
    type_id: int
    start: date
    planned: int
    delivered: int
    status: str
    plan_started: bool


@dataclass
class _ProjectRec:
    ref: _Ref
    code: str
    start: date
    end: date
    budget: int
    status: str
    spent: int


@dataclass(frozen=True)
class _TypeRec:
    id: int
    code: str
    kind: str
    asset_kind: str | None
    months: tuple[int, ...]
    name_vi: str


#: A neutral value put in place of a bad field, so that the checks go on to the next field
#: (every bad field of a row is listed, not only the first).
_NEUTRAL_PERSON: dict[str, dict[str, Any]] = {
    "full_name": {"full_name": "x"},
    "sex": {"sex": "F"},
    "category": {"category": "victim"},
    "ethnicity": {"ethnicity_code": "01"},
    "birth_date": {"birth_date": None},
    "birth_year": {"birth_year": 2000, "birth_date": None},
    "id_number": {"id_number": None},
    "phone": {"phone": ""},
    "province": {"province_code": None},
    "commune": {"commune_code": None},
    "address": {"address_text": "", "address_on": None},
    "registered_on": {"registered_on": None},
    "alias": {"alias": ""},
    "code": {"code": None},
    "village": {"village": ""},
    "notes": {"notes": ""},
}


def _all_errors(check: Callable[[Any], Any], data: Any, neutral: Mapping[str, Mapping[str, Any]]):  # type: ignore[no-untyped-def]
    """(result or None, every ServiceError of ``data``): after each error the bad field is
    replaced with a neutral value and the check runs again."""
    errors: list[ServiceError] = []
    seen: set[str | None] = set()
    for _ in range(len(neutral) + 1):
        try:
            result = check(data)
        except ServiceError as err:
            errors.append(err)
            if err.field is None or err.field in seen or err.field not in neutral:
                return None, errors
            seen.add(err.field)
            data = replace(data, **neutral[err.field])
            continue
        return (result if not errors else None), errors
    return None, errors


class _Plan:
    """Every row of the workbook checked against the database (``s``) and turned into the
    records to add; nothing is written until :meth:`write`."""

    def __init__(
        self,
        s: Session,
        actor: Actor,
        sheets: list[SheetData],
        decisions: Mapping[int, str],
        today: date,
        options: ImportOptions,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self.s = s
        self.actor = actor
        self.sheets = {d.spec.key: d for d in sheets}
        self.decisions = {int(k): str(v) for k, v in decisions.items()}
        self.today = today
        # The quarters closed now: nothing dated in them is imported (closing.ensure_open).
        self.closed = closing.closed_spans(s)
        self.options = options
        self.progress = progress
        self.problems: list[Problem] = []
        self.questions: list[DuplicateQuestion] = []
        self.counts = {spec.key: _Counts() for spec in SHEETS}
        self.done_rows = 0
        self.total_rows = sum(len(d.rows) for d in sheets)
        self.visits_past_skipped = 0
        # What is added, in the order it is written.
        self.new_projects: list[_Ref] = []
        self.new_people: list[_Ref] = []
        self.new_consents: list[tuple[_Ref, str, bool, date]] = []
        self.new_grants: list[_GrantRec] = []
        self.new_handovers: list[_Ref] = []
        self.new_assets: list[_Ref] = []
        self.new_visits: list[_Ref] = []
        self.open_visits: dict[_Ref, list[_Ref]] = {}
        self._load()

    # --- what the database holds ---------------------------------------------------------
    def _load(self) -> None:
        s = self.s
        office = s.execute(select(Office).order_by(Office.id).limit(1)).scalar_one_or_none()
        if office is None:
            raise ServiceError("no_office")
        self.office_id = office.id
        self.prefix = office.receipt_prefix
        self.types: dict[str, _TypeRec] = {}
        for gt in s.execute(select(GrantType)).scalars():
            self.types[gt.code] = _TypeRec(
                gt.id, gt.code, gt.kind, gt.asset_kind, tuple(gt.followup_months or ()), gt.name_vi
            )
        self.type_by_id = {t.id: t for t in self.types.values()}
        spent = dict(
            s.execute(
                select(Grant.project_id, func.sum(Disbursement.amount))
                .join(Grant, Grant.id == Disbursement.grant_id)
                .group_by(Grant.project_id)
            ).all()
        )
        self.projects: dict[str, _ProjectRec] = {}
        self.project_by_id: dict[int, _ProjectRec] = {}
        for p in s.execute(select(Project)).scalars():
            rec = _ProjectRec(
                _Ref(p.id),
                p.code,
                p.start_date,
                p.end_date,
                p.budget,
                p.status,
                int(spent.get(p.id) or 0),
            )
            self.projects[p.code] = rec
            self.project_by_id[p.id] = rec
        # People: every code, and what the duplicate check compares.
        self.people: dict[str, _Ref] = {}
        self.person_by_id: dict[int, _Ref] = {}
        self.by_name: dict[tuple[str, int | None, str | None], list[_Ref]] = {}
        self.by_id_number: dict[str, list[_Ref]] = {}
        self.person_count = 0
        for row in s.execute(
            select(
                Beneficiary.id,
                Beneficiary.code,
                Beneficiary.full_name,
                Beneficiary.name_key,
                Beneficiary.birth_year,
                Beneficiary.sex,
                Beneficiary.commune_code,
                Beneficiary.id_number,
            )
        ):
            ref = _Ref(
                row.id,
                {
                    "code": row.code,
                    "full_name": row.full_name,
                    "name_key": row.name_key,
                    "birth_year": row.birth_year,
                    "sex": row.sex,
                    "commune_code": row.commune_code,
                },
            )
            self.person_count += 1
            self.people[row.code] = ref
            self.person_by_id[row.id] = ref
            self._index_person(ref, row.name_key, row.birth_year, row.commune_code, row.id_number)
        self.taken_codes = set(self.people)
        # The records of the people the file names (by their code, or by the answer to a
        # duplicate question): their grants with what they delivered and whether their
        # visits started, hand-overs, visits and assets, read 500 people at a time.
        codes: set[str] = set(self.decisions.values())
        for d in self.sheets.values():
            for r in d.rows:
                code = r.values.get("beneficiary_code") or r.values.get("code")
                if code:
                    codes.add(str(code).strip().upper())
        named = (self.people.get(c) for c in codes)
        ids = sorted({p.id for p in named if p is not None and p.id is not None})

        def each(build: Callable[[list[int]], Any]) -> Iterator[Any]:
            for chunk in _chunks(ids, 500):
                yield from s.execute(build(chunk))

        delivered: dict[int, int] = {}
        for gid, total in each(
            lambda c: (
                select(Disbursement.grant_id, func.sum(Disbursement.amount))
                .join(Grant, Grant.id == Disbursement.grant_id)
                .where(Grant.beneficiary_id.in_(c))
                .group_by(Disbursement.grant_id)
            )
        ):
            delivered[gid] = int(total or 0)
        with_visits = {
            gid
            for (gid,) in each(
                lambda c: (
                    select(Visit.grant_id)
                    .where(Visit.grant_id.is_not(None), Visit.beneficiary_id.in_(c))
                    .distinct()
                )
            )
        }
        self.grants_of: dict[_Ref, list[_GrantRec]] = {}
        self.grant_by_id: dict[int, _GrantRec] = {}
        self.grant_keys: Counter[tuple[Any, ...]] = Counter()
        for g in each(
            lambda c: select(
                Grant.id,
                Grant.beneficiary_id,
                Grant.project_id,
                Grant.grant_type_id,
                Grant.start_date,
                Grant.planned_total,
                Grant.status,
            ).where(Grant.beneficiary_id.in_(c))
        ):
            person = self.person_by_id[g.beneficiary_id]
            t = self.type_by_id[g.grant_type_id]
            grec = _GrantRec(
                _Ref(g.id),
                person,
                self.project_by_id[g.project_id],
                t.code,
                t.id,
                g.start_date,
                g.planned_total,
                delivered.get(g.id, 0),
                g.status,
                g.id in with_visits,
            )
            grec.ref.extra["status_before"] = g.status
            self.grants_of.setdefault(person, []).append(grec)
            self.grant_by_id[g.id] = grec
            self.grant_keys[(person, grec.project.ref, t.id, g.start_date, g.planned_total)] += 1
        self.handover_keys: Counter[tuple[Any, ...]] = Counter()
        self.handover_refs: dict[tuple[Any, ...], list[_Ref]] = {}
        for h in each(
            lambda c: (
                select(
                    Disbursement.id,
                    Disbursement.grant_id,
                    Disbursement.handed_on,
                    Disbursement.amount,
                    Disbursement.unit_value,
                    Disbursement.quantity,
                )
                .join(Grant, Grant.id == Disbursement.grant_id)
                .where(Grant.beneficiary_id.in_(c))
            )
        ):
            grec = self.grant_by_id[h.grant_id]
            self.handover_keys[(grec.ref, h.handed_on, h.amount)] += 1
            ref = _Ref(
                h.id,
                {
                    "unit_value": h.unit_value,
                    "amount": h.amount,
                    "quantity": h.quantity,
                    "handed_on": h.handed_on,
                },
            )
            ref.extra["grant"] = grec
            self.handover_refs.setdefault((grec.person, grec.type_code, h.handed_on), []).append(
                ref
            )
        self.visit_keys: Counter[tuple[Any, ...]] = Counter()
        for vrow in each(
            lambda c: select(Visit.beneficiary_id, Visit.grant_id, Visit.done_on).where(
                Visit.status == "done", Visit.beneficiary_id.in_(c)
            )
        ):
            gref = self.grant_by_id[vrow.grant_id].ref if vrow.grant_id is not None else None
            self.visit_keys[(self.person_by_id[vrow.beneficiary_id], gref, vrow.done_on)] += 1
        # Visits booked and not yet made: a visit of the Visits sheet may be one of them.
        self.db_visits_done: list[_Ref] = []
        for vid, gid, when in each(
            lambda c: select(Visit.id, Visit.grant_id, Visit.scheduled_on).where(
                Visit.status == "scheduled",
                Visit.grant_id.is_not(None),
                Visit.beneficiary_id.in_(c),
            )
        ):
            if gid is None:
                continue
            booked = _Ref(vid, {"status": "scheduled", "scheduled_on": when})
            self.open_visits.setdefault(self.grant_by_id[gid].ref, []).append(booked)
        self.asset_keys: Counter[tuple[Any, ...]] = Counter()
        for a in each(
            lambda c: select(Asset.beneficiary_id, Asset.disbursement_id, Asset.tag).where(
                Asset.beneficiary_id.in_(c)
            )
        ):
            self.asset_keys[(self.person_by_id[a.beneficiary_id], a.disbursement_id, a.tag)] += 1
        self.seen: Counter[tuple[Any, ...]] = Counter()

    def _index_person(
        self,
        ref: _Ref,
        name_key: str,
        birth_year: int | None,
        commune: str | None,
        id_number: str | None,
    ) -> None:
        self.by_name.setdefault((name_key, birth_year, commune or None), []).append(ref)
        if id_number:
            self.by_id_number.setdefault(id_number, []).append(ref)

    def _already(self, keys: Counter[tuple[Any, ...]], key: tuple[Any, ...]) -> bool:
        """True when this row is already in the database (counting identical rows)."""
        tagged = (id(keys), *key)
        self.seen[tagged] += 1
        return self.seen[tagged] <= keys[key]

    # --- problems ------------------------------------------------------------------------
    def tick(self) -> None:
        self.done_rows += 1
        if self.progress is not None and self.done_rows % 500 == 0:
            self.progress(self.done_rows, self.total_rows)

    def problem(self, data: SheetData, row: Row, err: ServiceError) -> None:
        column = ""
        header = ""
        for col in data.spec.columns:
            if err.field is not None and (err.field == col.key or err.field in col.fields):
                column = data.letters.get(col.key, "")
                header = col.header_vi
                break
        params = tuple(err.params.items())
        self.problems.append(
            Problem(data.title, row.number, column, header, err.key, err.field, params)
        )

    def errors(self, data: SheetData, row: Row, errors: list[ServiceError]) -> None:
        """The service errors of a row, leaving out those about a cell already reported."""
        bad = {p.column for p in row.problems}
        for err in errors:
            column = next(
                (
                    data.letters.get(c.key, "")
                    for c in data.spec.columns
                    if err.field is not None and (err.field == c.key or err.field in c.fields)
                ),
                "",
            )
            if column and column in bad:
                continue
            if err.key == "birth_missing" and (
                data.letters.get("birth_date") in bad
                or any(e.field == "birth_date" for e in errors)
            ):
                continue  # the birth date's own problem says it
            self.problem(data, row, err)

    def in_closed(self, data: SheetData, row: Row, key: str, day: date | None) -> bool:
        """A row dated in a closed quarter: one problem per quarter, with its rows."""
        span = next((c for c in self.closed if day is not None and c.holds(day)), None)
        if span is None:
            return False
        err = closing.refusal(span, day or span.start, key)
        params = {k: err.params[k] for k in ("period", "closed_on", "by")}
        self.cell_problem(data, row, key, "import_period_closed", **params)
        return True

    def cell_problem(
        self, data: SheetData, row: Row, key: str, problem: str, **params: Any
    ) -> None:
        header = next((c.header_vi for c in data.spec.columns if c.key == key), "")
        self.problems.append(
            Problem(
                data.title,
                row.number,
                data.letters.get(key, ""),
                header,
                problem,
                params=tuple(params.items()),
            )
        )

    def allowed(self, data: SheetData) -> bool:
        if data.broken:
            return False
        if not data.rows:
            return True
        try:
            self.actor.require(data.spec.permission)
        except PermissionDenied as err:
            self.problems.append(
                Problem(data.title, 0, "", "", err.key, None, tuple(err.params.items()))
            )
            return False
        return True

    def _rows(
        self, key: str, sort: Callable[[Row], Any] | None = None
    ) -> tuple[SheetData, list[Row]] | None:
        data = self.sheets.get(key)
        if data is None:
            return None
        self.counts[key].rows = len(data.rows)
        if not self.allowed(data):
            if key == "beneficiaries":
                self.failed_codes |= {
                    str(r.values["code"]) for r in data.rows if r.values.get("code")
                }
            return None
        rows = list(data.rows)
        if sort is not None:
            rows.sort(key=lambda r: (sort(r) or date.min, r.number))
        return data, rows

    # --- references ----------------------------------------------------------------------
    def person(self, data: SheetData, row: Row) -> _Ref | None:
        code = row.values.get("beneficiary_code")
        if not code:
            return None
        if code in self.skipped_codes:
            self.counts[data.spec.key].skipped += 1
            return None
        if code in self.failed_codes:
            return None
        found = self.people.get(code)
        if found is None:
            self.cell_problem(data, row, "beneficiary_code", "import_unknown_person", value=code)
        return found

    def project(self, data: SheetData, row: Row) -> _ProjectRec | Literal[False] | None:
        """The project of a row; None when the row names none; False when unknown."""
        code = row.values.get("project_code")
        if not code:
            return None
        rec = self.projects.get(code)
        if rec is None:
            if code not in self.failed_projects:
                self.cell_problem(data, row, "project_code", "import_unknown_project", value=code)
            return False
        return rec

    def grant_for(
        self, person: _Ref, type_code: str | None, project: _ProjectRec | None, on: date
    ) -> _GrantRec | None:
        best: _GrantRec | None = None
        for g in self.grants_of.get(person, ()):
            if g.status == "cancelled" or g.start > on:
                continue
            if type_code is not None and g.type_code != type_code:
                continue
            if project is not None and g.project is not project:
                continue
            if best is None or (g.start, g.ref.id or 0, id(g)) >= (best.start, best.ref.id or 0, 0):
                best = g
        return best

    # --- projects ------------------------------------------------------------------------
    def projects_sheet(self) -> None:
        self.failed_projects: set[str] = set()
        found = self._rows("projects")
        if found is None:
            return
        data, rows = found
        counts = self.counts["projects"]
        first: dict[str, int] = {}
        for row in rows:
            self.tick()
            v = row.values
            code = v.get("code")
            if code and code in first:
                self.cell_problem(
                    data, row, "code", "import_duplicate_row", value=code, other=first[code]
                )
                continue
            if code:
                first[code] = row.number
            if code and code in self.projects:
                counts.existing += 1
                self.problems += row.problems
                continue
            values, errors = _all_errors(
                proj_svc.clean,
                proj_svc.ProjectInput(
                    code=code or "",
                    **cast(
                        dict[str, Any], {k: v.get(k) for k in ("start_date", "end_date", "budget")}
                    ),
                    name=v.get("name", ""),
                    donor=v.get("donor", ""),
                ),
                _NEUTRAL_PROJECT,
            )
            self.problems += row.problems
            self.errors(data, row, errors)
            if values is None or row.problems:
                if code:
                    self.failed_projects.add(code)
                continue
            ref = _Ref(None, {"office_id": self.office_id, **values})
            rec = _ProjectRec(
                ref,
                values["code"],
                values["start_date"],
                values["end_date"],
                values["budget"],
                values["status"],
                0,
            )
            self.projects[rec.code] = rec
            self.new_projects.append(ref)
            counts.added += 1

    # --- beneficiaries -------------------------------------------------------------------
    def beneficiaries(self) -> None:
        self.failed_codes: set[str] = set()
        self.skipped_codes: set[str] = set()
        found = self._rows("beneficiaries")
        if found is None:
            return
        data, rows = found
        counts = self.counts["beneficiaries"]
        first_row: dict[str, int] = {}
        for row in rows:
            self.tick()
            code = row.values.get("code")
            if code:
                if code in first_row:
                    self.cell_problem(
                        data, row, "code", "import_duplicate_row", value=code, other=first_row[code]
                    )
                    continue
                first_row[code] = row.number
            self.problems += row.problems
            names_wrong = self._unit_names(data, row)
            cleaned, errors = _all_errors(
                lambda d: ben.clean(d, self.today), self._input(row.values), _NEUTRAL_PERSON
            )
            self.errors(data, row, errors)
            if cleaned is None or row.problems or names_wrong:
                if code:
                    self.failed_codes.add(code)
                continue
            self._person(data, row, cleaned, counts)

    def _title(self, key: str) -> str:
        d = self.sheets.get(key)
        return d.title if d is not None else ""

    def _unit_names(self, data: SheetData, row: Row) -> bool:
        """A commune or district code must be the unit its name says (on the day the
        address was recorded); the ethnic group's code must be the group its name says.
        True when one does not."""
        before = len(self.problems)
        v = row.values
        on = v.get("address_on") or v.get("registered_on") or self.today
        commune = v.get("commune_code")
        place = places.unit_as_recorded(commune, on) if commune else None
        if commune and place is not None and places.unit_on(commune, on) is None:
            # A code of the new communes on an address recorded before they existed (or an
            # old one after it ended): the address says something that was not so that day.
            self.cell_problem(data, row, "commune_code", "import_unit_not_then", value=commune,
                              day=on.strftime("%d/%m/%Y"), name=place.label)  # fmt: skip
        if (
            commune
            and place is not None
            and v.get("commune_name")
            and not _same_place_name(v["commune_name"], place)
        ):
            self.cell_problem(
                data,
                row,
                "commune_name",
                "import_name_mismatch",
                code=commune,
                value=v["commune_name"],
                expected=place.label,
            )
        district = v.get("district_code")
        if district:
            dplace = places.unit_as_recorded(district, min(on, places.LAST_DAY_BEFORE_REFORM))
            if dplace is None or dplace.level != "district":
                self.cell_problem(
                    data, row, "district_code", "import_unknown_district", value=district
                )
            else:
                if v.get("district_name") and not _same_place_name(v["district_name"], dplace):
                    self.cell_problem(
                        data,
                        row,
                        "district_name",
                        "import_name_mismatch",
                        code=district,
                        value=v["district_name"],
                        expected=dplace.label,
                    )
                if place is not None and place.parent_code and place.parent_code != district:
                    self.cell_problem(
                        data,
                        row,
                        "district_code",
                        "import_district_mismatch",
                        value=district,
                        commune=place.label,
                    )
        eth_code, eth_name = v.get("ethnicity_code"), v.get("ethnicity")
        if eth_code and eth_name and eth_code != eth_name:
            group = _ETHNIC_BY_CODE.get(eth_code)
            self.cell_problem(
                data,
                row,
                "ethnicity_code",
                "import_name_mismatch",
                code=eth_code,
                value=_ETHNIC_BY_CODE[eth_name].name_vi,
                expected=group.name_vi if group else "—",
            )
        if eth_code and not eth_name:
            v["ethnicity"] = eth_code
        return len(self.problems) > before

    def _input(self, values: dict[str, Any]) -> ben.BeneficiaryInput:
        return ben.BeneficiaryInput(
            full_name=values.get("full_name", ""),
            sex=values.get("sex", ""),
            category=values.get("category", ""),
            ethnicity_code=values.get("ethnicity") or values.get("ethnicity_code") or "",
            birth_date=values.get("birth_date"),
            birth_year=values.get("birth_year"),
            alias=values.get("alias", ""),
            code=values.get("code") or None,
            id_number=values.get("id_number") or None,
            phone=values.get("phone", ""),
            province_code=values.get("province_code") or None,
            commune_code=values.get("commune_code") or None,
            village=values.get("village", ""),
            address_text=values.get("address_text", ""),
            address_on=values.get("address_on") or values.get("registered_on"),
            registered_on=values.get("registered_on"),
            notes=values.get("notes", ""),
        )

    def _candidates(self, cleaned: dict[str, Any]) -> list[_Ref]:
        found = list(
            self.by_name.get(
                (cleaned["name_key"], cleaned["birth_year"], cleaned["commune_code"] or None), ()
            )
        )
        if cleaned["id_number"]:
            found += [r for r in self.by_id_number.get(cleaned["id_number"], ()) if r not in found]
        return found[:10]

    def _person(self, data: SheetData, row: Row, cleaned: dict[str, Any], counts: _Counts) -> None:
        code = cleaned["code"]
        if code and code in self.people:
            existing = self.people[code]
            if existing.id is None:  # cannot happen: codes are unique within the sheet
                return
            same = (
                existing.values["name_key"] == cleaned["name_key"]
                and existing.values["birth_year"] == cleaned["birth_year"]
            )
            if not same:
                self.cell_problem(data, row, "code", "import_code_clash", value=code)
                self.failed_codes.add(code)
                return
            counts.existing += 1
            return
        # People already registered, and people of earlier rows of this file.
        candidates = self._candidates(cleaned)
        if candidates:
            question = DuplicateQuestion(
                row.number,
                str(cleaned["full_name"]),
                code,
                tuple(
                    Candidate(
                        str(c.values["code"]),
                        str(c.values["full_name"]),
                        c.values["birth_year"],
                        c.values["commune_code"],
                    )
                    for c in candidates
                ),
                self._exact(cleaned, candidates),
                self.decisions.get(row.number),
            )
            self.questions.append(question)
            answer = question.answer
            if answer == SKIP:
                counts.skipped += 1
                if code:
                    self.skipped_codes.add(code)
                return
            if answer is not None and answer != NEW:
                other = self.people.get(answer.strip().upper())
                if other is None:
                    self.cell_problem(data, row, "code", "import_unknown_person", value=answer)
                    if code:
                        self.failed_codes.add(code)
                    return
                if code:
                    self.people[code] = other
                counts.existing += 1
                return
        if code is None:
            code = self._next_code()
        self.taken_codes.add(code)
        cleaned["code"] = code
        values = {
            "office_id": self.office_id,
            **cleaned,
            "search_key": fold(f"{cleaned['full_name']} {cleaned['alias']} {code}"),
        }
        ref = _Ref(None, values)
        self.people[code] = ref
        self._index_person(
            ref,
            cleaned["name_key"],
            cleaned["birth_year"],
            cleaned["commune_code"],
            cleaned["id_number"],
        )
        self.new_people.append(ref)
        counts.added += 1
        for key, kind in (
            ("consent_services", "services"),
            ("consent_donor", "donor_reporting"),
            ("consent_province", "province_sharing"),
        ):
            if key in row.values:
                self.new_consents.append(
                    (ref, kind, bool(row.values[key]), cleaned["registered_on"])
                )

    def _next_code(self) -> str:
        n = getattr(self, "_code_n", self.person_count + 1)
        while True:
            code = f"{self.prefix}-{n:05d}"
            n += 1
            if code not in self.taken_codes:
                self._code_n = n
                return code

    @staticmethod
    def _exact(cleaned: dict[str, Any], candidates: list[_Ref]) -> str | None:
        if cleaned["code"] is not None:
            return None
        for b in candidates:
            bv = b.values
            if (
                bv["full_name"] == cleaned["full_name"]
                and bv["birth_year"] == cleaned["birth_year"]
                and bv["sex"] == cleaned["sex"]
                and (bv["commune_code"] or None) == cleaned["commune_code"]
            ):
                return str(bv["code"])
        return None

    # --- grants --------------------------------------------------------------------------
    def grants(self) -> None:
        found = self._rows("grants")
        if found is None:
            return
        data, rows = found
        counts = self.counts["grants"]
        for row in rows:
            self.tick()
            v = row.values
            self.problems += row.problems
            person = self.person(data, row)
            project = self.project(data, row)
            t = self.types.get(v.get("grant_type", ""))
            in_kind = _in_kind(v, t)
            tranche = grant_svc.TrancheInput(
                description=v.get("description") or (t.name_vi if t else "—"),
                amount=v.get("amount"),
                quantity=v.get("quantity"),
                unit_value=v.get("unit_value"),
            )
            cleaned, errors = _all_errors(grant_svc.clean_tranches_of, tranche, _NEUTRAL_TRANCHE)
            self.errors(data, row, errors)
            if not isinstance(project, _ProjectRec) or person is None or t is None:
                continue
            if cleaned is None or row.problems:
                continue
            (tr,) = cleaned
            errs: list[ServiceError] = []
            if project.status != "active":
                errs.append(ValidationError("project_closed", "project"))
            try:
                start = va.a_date(
                    v["start_date"], "start_date", not_before=project.start, not_after=project.end
                )
            except ServiceError as err:
                errs.append(err)
            self.errors(data, row, errs)
            if errs:
                continue
            tr["in_kind"] = in_kind or tr["in_kind"]
            planned = tr["amount"]
            if self._already(self.grant_keys, (person, project.ref, t.id, start, planned)):
                counts.existing += 1
                continue
            if self.in_closed(data, row, "start_date", start):
                continue
            ref = _Ref(
                None,
                {
                    "project_id": None,
                    "grant_type_id": t.id,
                    "planned_total": planned,
                    "status": "planned",
                    "start_date": start,
                    "details": {},
                    "note": v.get("notes", ""),
                    "officer_id": self.actor.user_id,
                    "created_by_id": self.actor.user_id,
                },
            )
            ref.extra["tranche"] = tr
            rec = _GrantRec(ref, person, project, t.code, t.id, start, planned, 0, "planned", False)
            self.grants_of.setdefault(person, []).append(rec)
            self.new_grants.append(rec)
            counts.added += 1

    # --- hand-overs ----------------------------------------------------------------------
    def handovers(self) -> None:
        found = self._rows("handovers", sort=lambda r: r.values.get("handed_on"))
        if found is None:
            return
        data, rows = found
        counts = self.counts["handovers"]
        listed = self._assets_listed()
        for row in rows:
            self.tick()
            v = row.values
            self.problems += row.problems
            person = self.person(data, row)
            project = self.project(data, row)
            t = self.types.get(v.get("grant_type", ""))
            try:
                qty, unit, amount = grant_svc.handover_amounts(
                    grant_svc.HandoverInput(
                        0,
                        v.get("handed_on") or self.today,
                        v.get("amount"),
                        v.get("quantity"),
                        v.get("unit_value"),
                    )
                )
            except ServiceError as err:
                self.errors(data, row, [err])
                continue
            if person is None or project is False or t is None or row.problems:
                continue
            on = v["handed_on"]
            g = self.grant_for(person, t.code, project if project else None, on)
            if g is None:
                self.cell_problem(
                    data, row, "grant_type", "import_no_grant", value=v["beneficiary_code"]
                )
                continue
            if self._already(self.handover_keys, (g.ref, on, amount)):
                counts.existing += 1
                continue
            if self.in_closed(data, row, "handed_on", on):
                continue
            errs: list[ServiceError] = []
            if g.status in ("cancelled", "completed"):
                errs.append(ValidationError("grant_closed", "grant", status=g.status))
            if g.project.status != "active":
                errs.append(ValidationError("project_closed", "project"))
            try:
                va.a_date(
                    on,
                    "handed_on",
                    today=self.today,
                    not_future=True,
                    not_before=max(g.start, g.project.start),
                    not_after=g.project.end,
                )
            except ServiceError as err:
                errs.append(err)
            override = v.get("override_reason", "")
            if not errs and g.delivered + amount > g.planned and not override:
                errs.append(
                    LimitExceeded(
                        "exceeds_plan",
                        "amount",
                        delivered=g.delivered,
                        amount=amount,
                        planned=g.planned,
                    )
                )
            if not errs and g.project.spent + amount > g.project.budget and not override:
                errs.append(
                    LimitExceeded(
                        "exceeds_budget",
                        "amount",
                        spent=g.project.spent,
                        amount=amount,
                        budget=g.project.budget,
                    )
                )
            if errs:
                self.errors(data, row, errs)
                continue
            in_kind = qty is not None or _in_kind(v, t)
            ref = _Ref(
                None,
                {
                    "grant_id": None,
                    "tranche_id": None,
                    "handed_on": on,
                    "description": v.get("description") or t.name_vi,
                    "in_kind": in_kind,
                    "quantity": qty,
                    "unit_value": unit,
                    "amount": amount,
                    "staff_id": self.actor.user_id,
                    "override_reason": override,
                    "note": v.get("notes", ""),
                    "part_of_id": None,
                },
            )
            ref.extra["grant"] = g
            self.new_handovers.append(ref)
            self.handover_refs.setdefault((person, t.code, on), []).append(ref)
            g.delivered += amount
            g.project.spent += amount
            g.status = "completed" if g.delivered >= g.planned else "active"
            counts.added += 1
            # Animals become assets of their own, unless the Assets sheet lists them.
            new_assets = False
            if (person, t.code, on) in listed:
                new_assets = True
            elif t.asset_kind and qty is not None and assets.makes_assets(t.asset_kind, None):
                for _ in range(qty):
                    self._asset(
                        person, g, ref, t.asset_kind, ref.values["description"], "", unit or 0, on
                    )
                new_assets = True
            if not g.plan_started or new_assets:
                g.plan_started = True
                self._book(person, g, ref, on)

    def _book(self, person: _Ref, g: _GrantRec, d: _Ref, on: date) -> None:
        """The follow-up visits of the support type's plan, from the hand-over's day: only
        those still ahead unless the user asked for past ones too."""
        for m in self.type_by_id[g.type_id].months:
            when = visit_svc.add_months(on, m)
            if when < self.today and not self.options.past_visits:
                self.visits_past_skipped += 1
                continue
            ref = _Ref(
                None,
                {
                    "months_after": m,
                    "scheduled_on": when,
                    "officer_id": self.actor.user_id,
                    "status": "scheduled",
                    "done_on": None,
                    "livelihood_running": None,
                    "income_band": None,
                    "safety_concern": None,
                    "in_school": None,
                    "notes": "",
                    "missed_reason": None,
                },
            )
            ref.extra.update(person=person, grant=g, handover=d)
            self.new_visits.append(ref)
            self.open_visits.setdefault(g.ref, []).append(ref)

    def _asset(
        self,
        person: _Ref,
        g: _GrantRec,
        d: _Ref,
        kind: str,
        description: str,
        tag: str,
        value: int,
        on: date,
    ) -> _Ref:
        status = "alive" if kind in LIVESTOCK else "in_use"
        ref = _Ref(
            None,
            {
                "kind": kind,
                "description": description,
                "tag": tag,
                "value": value,
                "status": status,
                "acquired_on": on,
                "closed_on": None,
                "parent_id": None,
            },
        )
        ref.extra.update(person=person, grant=g, handover=d, events=[(on, status, description)])
        self.new_assets.append(ref)
        return ref

    # --- assets --------------------------------------------------------------------------
    def _assets_listed(self) -> set[tuple[_Ref, str, date]]:
        """(person, support type, hand-over day) of the hand-overs whose assets the Assets
        sheet lists (their animals are not made again from the hand-over's quantity)."""
        data = self.sheets.get("assets")
        out: set[tuple[_Ref, str, date]] = set()
        if data is None:
            return out
        for row in data.rows:
            v = row.values
            person = self.people.get(v.get("beneficiary_code", ""))
            if person is not None and v.get("grant_type") and v.get("handed_on"):
                out.add((person, v["grant_type"], v["handed_on"]))
        return out

    def assets_sheet(self) -> None:
        found = self._rows("assets", sort=lambda r: r.values.get("handed_on"))
        if found is None:
            return
        data, rows = found
        counts = self.counts["assets"]
        # Animals and looms of this sheet by person and tag: a further row with the same
        # tag adds a later event (calved, then sold...).
        tagged: dict[tuple[_Ref, str], _Ref] = {}
        known: set[tuple[_Ref, str]] = set()
        for row in rows:
            self.tick()
            v = row.values
            self.problems += row.problems
            person = self.person(data, row)
            t = self.types.get(v.get("grant_type", ""))
            if person is None or t is None or row.problems:
                continue
            on = v["handed_on"]
            hands = self.handover_refs.get((person, t.code, on))
            if not hands:
                self.cell_problem(
                    data,
                    row,
                    "handed_on",
                    "import_no_handover",
                    value=v["beneficiary_code"],
                    day=on.strftime("%d/%m/%Y"),
                )
                continue
            d = hands[0]
            tag = v.get("tag", "")
            earlier = tagged.get((person, tag)) if tag else None
            if tag and (person, tag) in known:
                continue  # a later event of an animal imported before: there already
            if earlier is None:
                key = (person, d.id, tag)
                if d.id is not None and self._already(self.asset_keys, key):
                    counts.existing += 1
                    if tag:
                        known.add((person, tag))
                    continue
                value = v.get("value")
                if value is None:
                    value = d.values.get("unit_value") or d.values.get("amount") or 0
                asset = self._asset(
                    person, d.extra["grant"], d, v.get("kind") or t.asset_kind or "other",
                    v.get("description") or t.name_vi, tag, int(value), on,
                )  # fmt: skip
            else:
                asset = earlier  # a further row of the same animal or loom: a later event
            status = v.get("status")
            if status is not None and (earlier is not None or status != asset.values["status"]):
                when = v.get("status_on")
                errs: list[ServiceError] = []
                if when is None:
                    errs.append(ValidationError("required", "status_on"))
                else:
                    try:
                        va.a_date(
                            when, "status_on", today=self.today, not_future=True, not_before=on
                        )
                    except ServiceError as err:
                        errs.append(err)
                if errs:
                    if earlier is None:
                        self.new_assets.pop()
                    self.errors(data, row, errs)
                    continue
                if self.in_closed(data, row, "status_on", when):
                    if earlier is None:
                        self.new_assets.pop()
                    continue
                events = asset.extra["events"]
                events.append((when, status, v.get("notes", "")))
                events.sort(key=lambda e: e[0])
                latest = events[-1][1]
                asset.values["status"] = latest
                asset.values["closed_on"] = (
                    events[-1][0] if latest in ASSET_CLOSED_STATUSES else None
                )
            if earlier is None:
                if tag:
                    tagged[(person, tag)] = asset
                counts.added += 1

    # --- visits done ---------------------------------------------------------------------
    def visits(self) -> None:
        found = self._rows("visits", sort=lambda r: r.values.get("done_on"))
        if found is None:
            return
        data, rows = found
        counts = self.counts["visits"]
        for row in rows:
            self.tick()
            v = row.values
            self.problems += row.problems
            person = self.person(data, row)
            if person is None or row.problems:
                continue
            on = v["done_on"]
            g = self.grant_for(person, v.get("grant_type"), None, on)
            if g is None and v.get("grant_type") is not None:
                self.cell_problem(
                    data, row, "grant_type", "import_no_grant", value=v["beneficiary_code"]
                )
                continue
            gref = g.ref if g is not None else None
            if self._already(self.visit_keys, (person, gref, on)):
                counts.existing += 1
                continue
            if self.in_closed(data, row, "done_on", on):
                continue
            try:
                va.a_date(
                    on,
                    "done_on",
                    today=self.today,
                    not_future=True,
                    not_before=g.start if g is not None else None,
                )
            except ServiceError as err:
                self.errors(data, row, [err])
                continue
            outcome = {
                "status": "done",
                "done_on": on,
                "livelihood_running": bool(v["livelihood_running"]),
                "income_band": v.get("income_band"),
                "safety_concern": bool(v.get("safety_concern", False)),
                "in_school": v.get("in_school"),
                "notes": v.get("notes", ""),
            }
            # The visit of the plan booked nearest to that day (within two months) is the
            # one done; else the visit is added as it happened.
            near = (
                [
                    x
                    for x in self.open_visits.get(gref, [])
                    if x.values["status"] == "scheduled"
                    and abs((x.values["scheduled_on"] - on).days) <= 62
                ]
                if gref
                else []
            )
            if near:
                best = min(near, key=lambda x: abs((x.values["scheduled_on"] - on).days))
                best.values.update(outcome)
                if best.id is not None:
                    self.db_visits_done.append(best)
            else:
                ref = _Ref(
                    None,
                    {
                        "months_after": None,
                        "scheduled_on": on,
                        "officer_id": self.actor.user_id,
                        "missed_reason": None,
                        **outcome,
                    },
                )
                ref.extra.update(person=person, grant=g, handover=None)
                self.new_visits.append(ref)
            counts.added += 1

    def run(self) -> None:
        self.projects_sheet()
        self.beneficiaries()
        self.grants()
        self.handovers()
        self.assets_sheet()
        self.visits()

    @property
    def visits_scheduled(self) -> int:
        return sum(1 for x in self.new_visits if x.values["status"] == "scheduled")

    # --- writing -------------------------------------------------------------------------
    def write(self) -> dict[str, Any]:
        """Everything planned, one multi-row insert per table; returns what was added (for
        the import's audit event)."""
        s = self.s
        added: dict[str, Any] = {}
        sqlite = s.get_bind().dialect.name == "sqlite"

        def insert_all(table: Any, refs: list[_Ref], rows: list[dict[str, Any]], name: str) -> None:
            if not rows:
                return
            t = _table(table)
            if sqlite:
                # The write lock is held since BEGIN IMMEDIATE: the next ids are known (these
                # tables take max(id) + 1, as SQLite would give them), and one executemany
                # writes every row (RETURNING would take one statement a row).
                first = int(s.execute(select(func.coalesce(func.max(t.c.id), 0))).scalar_one()) + 1
                ids: Sequence[int] = range(first, first + len(rows))
                for row, new_id in zip(rows, ids, strict=True):
                    row["id"] = new_id
                s.execute(insert(t), rows)
            else:
                ids = (
                    s.execute(insert(t).returning(t.c.id, sort_by_parameter_order=True), rows)
                    .scalars()
                    .all()
                )
            for ref, new_id in zip(refs, ids, strict=True):
                ref.id = int(new_id)
            added[name] = _id_ranges([int(i) for i in ids])

        insert_all(
            Project.__table__, self.new_projects, [r.values for r in self.new_projects], "project"
        )
        insert_all(
            Beneficiary.__table__,
            self.new_people,
            [r.values for r in self.new_people],
            "beneficiary",
        )
        if self.new_consents:
            s.execute(
                insert(_table(Consent)),
                [
                    {
                        "beneficiary_id": p.id,
                        "kind": kind,
                        "given": given,
                        "decided_on": on,
                        "recorded_by_id": self.actor.user_id,
                        "note": "",
                    }
                    for p, kind, given, on in self.new_consents
                ],
            )
        grant_refs = [g.ref for g in self.new_grants]
        for g in self.new_grants:
            g.ref.values.update(
                beneficiary_id=g.person.id, project_id=g.project.ref.id, status=g.status
            )
        insert_all(Grant.__table__, grant_refs, [r.values for r in grant_refs], "grant")
        if grant_refs:
            s.execute(
                insert(_table(Tranche)),
                [{"grant_id": r.id, **r.extra["tranche"]} for r in grant_refs],
            )
        # Grants already in the database whose status the hand-overs changed: one event
        # each, from before to after, as a hand-over made in the window writes.
        for g in {id(d.extra["grant"]): d.extra["grant"] for d in self.new_handovers}.values():
            was = g.ref.extra.get("status_before")
            if g.ref.id is None or was is None or was == g.status:
                continue
            grant = s.get(Grant, g.ref.id)
            assert grant is not None
            before = audit.snapshot(grant)
            grant.status = g.status
            s.flush()
            audit.record(s, self.actor, "update", "grant", grant.id, before=before,
                         after=audit.snapshot(grant))  # fmt: skip
        for d in self.new_handovers:
            d.values["grant_id"] = d.extra["grant"].ref.id
        insert_all(
            Disbursement.__table__,
            self.new_handovers,
            [d.values for d in self.new_handovers],
            "disbursement",
        )
        self._receipts()
        for a in self.new_assets:
            a.values.update(
                beneficiary_id=a.extra["person"].id,
                grant_id=a.extra["grant"].ref.id,
                disbursement_id=a.extra["handover"].id,
            )
        insert_all(Asset.__table__, self.new_assets, [a.values for a in self.new_assets], "asset")
        if self.new_assets:
            s.execute(
                insert(_table(AssetEvent)),
                [
                    {
                        "asset_id": a.id,
                        "happened_on": on,
                        "status": st,
                        "note": note[:300],
                        "visit_id": None,
                        "recorded_by_id": self.actor.user_id,
                    }
                    for a in self.new_assets
                    for on, st, note in a.extra["events"]
                ],
            )
        for x in self.new_visits:
            h = x.extra["handover"]
            g = x.extra["grant"]
            x.values.update(
                beneficiary_id=x.extra["person"].id,
                grant_id=g.ref.id if g is not None else None,
                disbursement_id=h.id if h is not None else None,
            )
        insert_all(Visit.__table__, self.new_visits, [x.values for x in self.new_visits], "visit")
        # Visits booked in the window that the sheet says were made: as a visit recorded
        # in the window, one event each.
        for booked in self.db_visits_done:
            vis = s.get(Visit, booked.id)
            assert vis is not None
            before = audit.snapshot(vis)
            for key in ("status", "done_on", "livelihood_running", "income_band",
                        "safety_concern", "in_school", "notes"):  # fmt: skip
                setattr(vis, key, booked.values[key])
            if vis.officer_id is None:
                vis.officer_id = self.actor.user_id
            s.flush()
            after = audit.snapshot(vis)
            after["young_ids"] = []
            audit.record(s, self.actor, "visit", "visit", vis.id, before=before, after=after)
        return added

    def _receipts(self) -> None:
        """One receipt for each hand-over, numbered on in the office's sequence of its year."""
        if not self.new_handovers:
            return
        s = self.s
        last = {
            int(y): int(n)
            for y, n in s.execute(
                select(ReceiptCounter.year, ReceiptCounter.last_seq).where(
                    ReceiptCounter.office_id == self.office_id
                )
            ).all()
        }
        rows = []
        used: dict[int, int] = {}
        for d in self.new_handovers:
            year = d.values["handed_on"].year
            seq = used.get(year, last.get(year, 0)) + 1
            used[year] = seq
            rows.append(
                {
                    "office_id": self.office_id,
                    "year": year,
                    "seq": seq,
                    "number": f"{self.prefix}-{year}-{seq:05d}",
                    "disbursement_id": d.id,
                    "issued_by_id": self.actor.user_id,
                    "reprint_count": 0,
                    "void_reason": "",
                }
            )
        s.execute(insert(_table(Receipt)), rows)
        for year, seq in used.items():
            if year in last:
                s.execute(
                    update(ReceiptCounter)
                    .where(ReceiptCounter.office_id == self.office_id, ReceiptCounter.year == year)
                    .values(last_seq=seq)
                )
            else:
                s.add(ReceiptCounter(office_id=self.office_id, year=year, last_seq=seq))
        s.flush()


_NEUTRAL_PROJECT: dict[str, dict[str, Any]] = {
    "code": {"code": "X"},
    "project_name": {"name": "x"},
    "donor": {"donor": "x"},
    "start_date": {"start_date": date(2000, 1, 1)},
    "end_date": {"end_date": date(2100, 1, 1)},
    "budget": {"budget": 1},
    "status": {"status": "active"},
}
_NEUTRAL_TRANCHE: dict[str, dict[str, Any]] = {
    "description": {"description": "x"},
}


def _table(model: Any) -> Table:
    return cast(Table, model.__table__ if hasattr(model, "__table__") else model)


def _id_ranges(ids: list[int]) -> list[list[int]]:
    """[[first, last], ...] of runs of consecutive ids."""
    out: list[list[int]] = []
    for i in sorted(ids):
        if out and out[-1][1] == i - 1:
            out[-1][1] = i
        else:
            out.append([i, i])
    return out


def _same_place_name(name: str, place: places.Place) -> bool:
    wanted = fold(name)
    return wanted in (fold(place.name), fold(place.full_name), fold(place.label))


def _in_kind(values: Mapping[str, Any], t: _TypeRec | None) -> bool:
    """Goods, given as their value only: the row says so, or the support type is goods."""
    if values.get("in_kind") is not None:
        return bool(values["in_kind"])
    return t is not None and t.kind == "in_kind"


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


#: The last workbook read (its digest and what was read): the commit that follows a dry
#: run of the same file does not read it again.
_LAST_READ: dict[str, Any] = {}


def _read(
    path: Path, digest: str, grant_types: dict[str, str]
) -> tuple[list[SheetData], list[Problem], int]:
    key = (digest, tuple(sorted(grant_types.items())))
    if _LAST_READ.get("key") == key:
        return _LAST_READ["value"]  # type: ignore[no-any-return]
    value = _read_workbook(path, grant_types)
    _LAST_READ.clear()
    _LAST_READ.update(key=key, value=value)
    return value


def _run(
    db: Database,
    actor: Actor,
    path: Path,
    decisions: Mapping[int, str],
    *,
    keep: bool,
    today: date | None,
    progress: Callable[[int, int], None] | None,
    options: ImportOptions | None = None,
) -> ImportReport:
    actor.require("read")
    path = Path(path)
    if not path.is_file():
        raise ServiceError("import_unreadable", "import_file", path=path.name, detail="—")
    today = today or date.today()
    options = options or ImportOptions()
    digest = _sha256(path)
    with db.read() as s:
        grant_types = _grant_type_options(s)
    # Read and parsed outside the write transaction; the rows are plain values from here.
    sheets, read_problems, formulas = _read(path, digest, grant_types)
    report: ImportReport | None = None
    try:
        with db.write() if keep else db.read() as s:
            plan = _Plan(s, actor, sheets, decisions, today, options, progress)
            plan.problems += read_problems
            for d in sheets:
                plan.problems += d.problems
            plan.run()
            if progress is not None:
                progress(plan.total_rows, plan.total_rows)
            report = ImportReport(
                str(path),
                digest,
                tuple(sorted(plan.problems, key=_problem_order)),
                tuple(plan.questions),
                tuple(
                    SheetCounts(k, c.rows, c.added, c.existing, c.skipped)
                    for k, c in plan.counts.items()
                ),
                formulas,
                visits_scheduled=plan.visits_scheduled,
                visits_past_skipped=plan.visits_past_skipped,
            )
            if not keep or not report.ok:
                raise _Rollback
            added = plan.write()
            # One event for the whole import: the file, what each sheet added and the ids
            # of the records it wrote (they carry no event of their own until next changed).
            audit.record(
                s,
                actor,
                "import",
                "workbook",
                None,
                after={
                    "file": path.name,
                    "sha256": digest,
                    **{c.sheet: {"added": c.added, "existing": c.existing, "skipped": c.skipped}
                       for c in report.counts},
                    "visits_scheduled": report.visits_scheduled,
                    "visits_past_skipped": report.visits_past_skipped,
                    "past_visits": options.past_visits,
                    "ids": added,
                },
            )  # fmt: skip
    except _Rollback:
        pass
    assert report is not None
    if keep and not report.ok:
        raise ImportRejected(report)
    if keep:
        _LAST_READ.clear()  # imported: the rows read are not needed again
        report = replace(report, committed=True)
    return report


_SHEET_ORDER = {s.title_vi: i for i, s in enumerate(SHEETS)}


def _problem_order(p: Problem) -> tuple[int, str, int, int, str]:
    return (_SHEET_ORDER.get(p.sheet, 99), p.sheet, p.row, len(p.column), p.column)


def dry_run(
    db: Database,
    actor: Actor,
    path: Path,
    decisions: Mapping[int, str] | None = None,
    *,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    options: ImportOptions | None = None,
) -> ImportReport:
    """Check the whole workbook without keeping anything: every problem, every possible
    duplicate, what would be added and how many visits would be booked."""
    return _run(db, actor, path, decisions or {}, keep=False, today=today, progress=progress,
                options=options)  # fmt: skip


def commit(
    db: Database,
    actor: Actor,
    path: Path,
    decisions: Mapping[int, str] | None = None,
    *,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    options: ImportOptions | None = None,
) -> ImportReport:
    """Import everything in one transaction, or nothing (ImportRejected with the report).
    ``decisions``: beneficiaries-sheet row -> "new", "skip" or an existing person's code."""
    return _run(db, actor, path, decisions or {}, keep=True, today=today, progress=progress,
                options=options)  # fmt: skip


def template_path() -> Path:
    """The import template shipped with the app."""
    return resources_dir() / "templates" / "import_template.xlsx"


__all__ = [
    "NEW",
    "SHEETS",
    "SKIP",
    "Candidate",
    "DuplicateQuestion",
    "ImportOptions",
    "ImportRejected",
    "ImportReport",
    "Problem",
    "ProblemGroup",
    "SheetCounts",
    "commit",
    "dry_run",
    "template_path",
]
