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
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.config import resources_dir
from tracker.db.engine import Database
from tracker.db.models import Beneficiary, Disbursement, Grant, GrantType, Project, Visit
from tracker.domain.ethnic import ETHNIC_ALIASES, ETHNIC_GROUPS
from tracker.domain.vocab import CATEGORIES, INCOME_BANDS, SEXES
from tracker.i18n.labels import LABELS
from tracker.i18n.text import fold
from tracker.services import audit
from tracker.services import beneficiaries as ben
from tracker.services import grants as grant_svc
from tracker.services import visits as visit_svc
from tracker.services.context import Actor
from tracker.services.errors import PermissionDenied, PossibleDuplicate, ServiceError

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


@dataclass(frozen=True)
class SheetSpec:
    key: str
    title_vi: str
    title_en: str
    permission: str
    columns: tuple[ColumnSpec, ...]


C = ColumnSpec
SHEETS: tuple[SheetSpec, ...] = (
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
            C("ethnicity", "Dân tộc", "Ethnic group", "ethnicity", True,
              "Tên dân tộc (H'Mông, Dao...) hoặc mã 2 chữ số."),
            C("category", "Nhóm đối tượng", "Category", "category", True,
              "Nạn nhân / Nghi là nạn nhân / Có nguy cơ cao / Thành viên gia đình"),
            C("id_number", "Số CCCD", "ID number", "id_number"),
            C("phone", "Điện thoại", "Phone", "phone"),
            C("province_code", "Mã tỉnh", "Province code", "unit", fields=("province",)),
            C("commune_code", "Mã xã", "Commune code", "unit", fields=("commune",)),
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
            super().__init__("import_rejected", None, count=len(report.problems))
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
        return _choice(value, _ETHNIC, "H'Mông, Dao, Tày, Kinh... (54 dân tộc) hoặc mã 01-54")
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
    results were used.

    Runs outside any transaction. The sheets are streamed (openpyxl's read-only mode, one
    pass giving each cell's saved value and whether it holds a formula) and reading stops
    at the first row beyond MAX_ROWS: a huge sheet costs neither memory nor time."""
    from openpyxl import load_workbook

    _check_archive(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
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
    try:
        for spec in SHEETS:
            name = _find_sheet(wb.sheetnames, spec)
            if name is None:
                problems.append(
                    Problem(spec.title_vi, 0, "", "", "import_missing_sheet",
                            params=(("sheet", spec.title_vi),))
                )  # fmt: skip
                continue
            try:
                data, used = _read_sheet(wb, wb[name], spec, grant_types)
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
    return sheets, problems, formulas_used


def _stream(wb: Any, ws: Any, parsers: list[Any]) -> Iterator[tuple[int, dict[int, Any], set[int]]]:
    """(row number, column -> saved value, columns holding a formula) for each row
    element of a read-only sheet, streamed from the file; the parser is put in
    ``parsers`` (what follows the rows, such as merged cells, is on it once read)."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):  # type: ignore[misc]
        formulas: set[int]

        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if element.find(FORMULA_TAG) is not None:
                self.formulas.add(int(cell["column"]))
            return cell

    with ws._get_source() as src:
        parser = Parser(
            src,
            ws._shared_strings,
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        parser.formulas = set()
        parsers.append(parser)
        for number, cells in parser.parse():
            values = {int(c["column"]): c["value"] for c in cells}
            formulas, parser.formulas = parser.formulas, set()
            yield int(number), values, formulas


def _header_map(
    header: Mapping[int, Any], spec: SheetSpec, title: str, header_row: int = 1
) -> tuple[dict[str, int], list[Problem]]:
    """Column key -> column number from the header row's values; problems."""
    problems: list[Problem] = []
    by_name: dict[str, ColumnSpec] = {}
    for col in spec.columns:
        by_name[fold(col.header_vi)] = col
        by_name[fold(col.header_en)] = col
    found: dict[str, int] = {}
    for c in sorted(header):
        raw = header[c]
        if _blank(raw):
            continue
        match = by_name.get(fold(_str(raw)))
        if match is None or match.key in found:
            problems.append(
                Problem(title, header_row, _letter(c), _str(raw), "import_unknown_header",
                        params=(("found", _str(raw)),))
            )  # fmt: skip
            continue
        found[match.key] = c
    for col in spec.columns:
        if col.key not in found:
            problems.append(
                Problem(title, header_row, "", col.header_vi, "import_missing_column",
                        params=(("expected", col.header_vi),))
            )  # fmt: skip
    return found, problems


def _is_hint_row(values: Mapping[int, Any], columns: dict[str, int], spec: SheetSpec) -> bool:
    hints = {col.key: fold(col.header_en) for col in spec.columns}
    seen = matched = 0
    for key, c in columns.items():
        value = values.get(c)
        if _blank(value):
            continue
        seen += 1
        matched += fold(_str(value)) == hints[key]
    return seen > 0 and matched * 2 >= seen


def _read_sheet(
    wb: Any, ws: Any, spec: SheetSpec, grant_types: Mapping[str, str]
) -> tuple[SheetData, int]:
    title = ws.title
    header_row = 1
    header = {col.key: col.header_vi for col in spec.columns}
    specs = {col.key: col for col in spec.columns}
    rows: list[Row] = []
    used = 0
    columns: dict[str, int] | None = None
    problems: list[Problem] = []
    letters: dict[str, str] = {}
    parsers: list[Any] = []
    empty_beyond = 0
    for number, values, formulas in _stream(wb, ws, parsers):
        if columns is None:
            # The header row: the first row of the sheet (missing: every column missing).
            columns, problems = _header_map(
                values if number == header_row else {}, spec, title, header_row
            )
            letters = {key: _letter(c) for key, c in columns.items()}
            if not columns:
                return SheetData(spec, title, letters, [], problems, True), 0
            if number == header_row:
                continue
        cells = {key: values.get(c) for key, c in columns.items()}
        in_use = {c for c in columns.values() if c in formulas}
        if all(_blank(v) for v in cells.values()) and not in_use:
            if number > header_row + MAX_ROWS:
                empty_beyond += 1
                if empty_beyond > MAX_ROWS:  # a sheet of empty rows: stop reading too
                    break
            continue
        if number > header_row + MAX_ROWS:
            problems.append(
                Problem(title, 0, "", "", "import_too_many_rows",
                        params=(("count", number - header_row), ("max", MAX_ROWS)))
            )  # fmt: skip
            return SheetData(spec, title, letters, [], problems, True), 0
        if number == header_row + 1 and _is_hint_row(values, columns, spec):
            continue
        row = Row(number, {})
        for key, value in cells.items():
            col = columns[key]
            where = (title, number, _letter(col), header[key])
            if col in in_use:
                if value is None:
                    row.problems.append(Problem(*where, "import_formula_no_value"))
                    continue
                used += 1
            if _blank(value):
                if specs[key].required:
                    row.problems.append(Problem(*where, "import_required"))
                continue
            try:
                row.values[key] = read_cell(specs[key].kind, value, grant_types)
            except CellProblem as cp:
                row.problems.append(Problem(*where, cp.key, params=tuple(cp.params.items())))
        rows.append(row)
    if columns is None:  # an empty sheet: every column missing
        columns, problems = _header_map({}, spec, title, header_row)
        return SheetData(spec, title, {}, [], problems, True), 0
    # Merged cells are listed after the rows: known once the whole sheet was read.
    merged = getattr(parsers[0], "merged_cells", None) if parsers else None
    for cell_range in getattr(merged, "mergeCell", None) or ():
        from openpyxl.worksheet.cell_range import CellRange

        rng = CellRange(cell_range.ref)
        problems.append(
            Problem(title, rng.min_row, _letter(rng.min_col), "", "import_merged",
                    params=(("cells", rng.coord),))
        )  # fmt: skip
    broken = any(col.required and col.key not in columns for col in spec.columns)
    return SheetData(spec, title, letters, rows, problems, broken), used


# --- running the import in one transaction ---------------------------------------------


class _Joined:
    """A stand-in for :class:`Database` whose ``read()``/``write()`` join the import's one
    open transaction (each call in a savepoint), so that every row goes through the real
    service function and its checks, and the whole import commits or rolls back at once."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._session.begin_nested():
            yield self._session

    read = write


class _Rollback(Exception):
    pass


@dataclass
class _Counts:
    rows: int = 0
    added: int = 0
    existing: int = 0
    skipped: int = 0


class _Run:
    def __init__(
        self,
        s: Session,
        actor: Actor,
        sheets: list[SheetData],
        decisions: Mapping[int, str],
        today: date,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self.s = s
        self.db: Any = _Joined(s)
        self.actor = actor
        self.sheets = {d.spec.key: d for d in sheets}
        self.decisions = {int(k): str(v) for k, v in decisions.items()}
        self.today = today
        self.progress = progress
        self.problems: list[Problem] = []
        self.questions: list[DuplicateQuestion] = []
        self.counts = {spec.key: _Counts() for spec in SHEETS}
        # code -> beneficiary id
        self.people: dict[str, int] = {}
        self.failed_codes: set[str] = set()
        self.skipped_codes: set[str] = set()
        self._projects: dict[str, int | None] = {}
        self._types: dict[str, int] = {}
        self.done_rows = 0
        self.total_rows = sum(len(d.rows) for d in sheets)

    # --- helpers -------------------------------------------------------------------------
    def tick(self) -> None:
        # Rows are flushed by now: a short identity map keeps each flush cheap (an import
        # of 10,000 rows would otherwise slow down row after row).
        self.s.expunge_all()
        self.done_rows += 1
        if self.progress is not None and self.done_rows % 50 == 0:
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

    def cell_problem(
        self, data: SheetData, row: Row, key: str, problem: str, **params: Any
    ) -> None:
        col = SHEET_BY_KEY[data.spec.key].columns
        header = next((c.header_vi for c in col if c.key == key), "")
        self.problems.append(
            Problem(data.title, row.number, data.letters.get(key, ""), header, problem,
                    params=tuple(params.items()))
        )  # fmt: skip

    def person(self, data: SheetData, row: Row) -> int | None:
        """The beneficiary a row refers to; None (with a problem, unless the person's own
        row already has one) when there is none; SKIPPED when the user chose to skip the
        person (their other rows are skipped with them)."""
        code = row.values["beneficiary_code"]
        if code in self.skipped_codes:
            self.counts[data.spec.key].skipped += 1
            return None
        if code in self.people:
            return self.people[code]
        if code in self.failed_codes:
            return None
        found = self.s.execute(select(Beneficiary.id).where(Beneficiary.code == code)).scalar()
        if found is None:
            self.cell_problem(data, row, "beneficiary_code", "import_unknown_person", value=code)
            self.failed_codes.add(code)
            return None
        self.people[code] = found
        return found

    def _references_of_bad_row(self, data: SheetData, row: Row) -> None:
        """A row with bad cells is not tried, but its person and project are still looked
        up, so that every problem of the row is listed at once."""
        self.problems += row.problems
        if row.values.get("beneficiary_code"):
            self.person(data, row)
        if row.values.get("project_code"):
            self._project_id(data, row)

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

    # --- beneficiaries -------------------------------------------------------------------
    def beneficiaries(self) -> None:
        data = self.sheets.get("beneficiaries")
        if data is None:
            return
        counts = self.counts["beneficiaries"]
        counts.rows = len(data.rows)
        if not self.allowed(data):
            self.failed_codes |= {str(r.values["code"]) for r in data.rows if r.values.get("code")}
            return
        first_row: dict[str, int] = {}
        for row in data.rows:
            self.tick()
            code = row.values.get("code")
            if code:
                if code in first_row:
                    self.cell_problem(data, row, "code", "import_duplicate_row", value=code,
                                      other=first_row[code])  # fmt: skip
                    continue
                first_row[code] = row.number
            if row.problems:
                self.problems += row.problems
                if code:
                    self.failed_codes.add(code)
                continue
            try:
                self._beneficiary(data, row, counts)
            except ServiceError as err:
                self.problem(data, row, err)
                if code:
                    self.failed_codes.add(code)

    def _input(self, values: dict[str, Any]) -> ben.BeneficiaryInput:
        return ben.BeneficiaryInput(
            full_name=values.get("full_name", ""),
            sex=values.get("sex", ""),
            category=values.get("category", ""),
            ethnicity_code=values.get("ethnicity", ""),
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
            registered_on=values.get("registered_on"),
            notes=values.get("notes", ""),
        )

    def _beneficiary(self, data: SheetData, row: Row, counts: _Counts) -> None:
        values = row.values
        code = values.get("code")
        data_in = self._input(values)
        cleaned = ben.clean(data_in, self.today)
        if code:
            existing = self.s.execute(
                select(Beneficiary).where(Beneficiary.code == code)
            ).scalar_one_or_none()
            if existing is not None:
                same = (
                    existing.name_key == cleaned["name_key"]
                    and existing.birth_year == cleaned["birth_year"]
                )
                if not same:
                    self.cell_problem(data, row, "code", "import_code_clash", value=code)
                    self.failed_codes.add(code)
                    return
                self.people[code] = existing.id
                counts.existing += 1
                return
        decision = self.decisions.get(row.number)
        try:
            view = ben.register(self.db, self.actor, data_in, today=self.today)
        except PossibleDuplicate as dup:
            candidates = tuple(
                Candidate(c.code, c.full_name, c.birth_year, c.commune_code) for c in dup.candidates
            )
            question = DuplicateQuestion(
                row.number,
                str(cleaned["full_name"]),
                code,
                candidates,
                self._exact(cleaned, dup.candidates),
                decision,
            )
            self.questions.append(question)
            answer = question.answer
            if answer == SKIP:
                counts.skipped += 1
                if code:
                    self.skipped_codes.add(code)
                return
            if answer is not None and answer != NEW:
                bid = self.s.execute(
                    select(Beneficiary.id).where(Beneficiary.code == answer.strip().upper())
                ).scalar()
                if bid is None:
                    self.cell_problem(data, row, "code", "import_unknown_person", value=answer)
                    if code:
                        self.failed_codes.add(code)
                    return
                if code:
                    self.people[code] = bid
                counts.existing += 1
                return
            # A new person, or undecided: go on as if new, so that the rows that refer to
            # this person are checked too (an undecided question stops the commit).
            view = ben.register(
                self.db, self.actor, data_in, allow_duplicate=True, today=self.today
            )
        if code:
            self.people[code] = view.id
        counts.added += 1
        for key, kind in (
            ("consent_services", "services"),
            ("consent_donor", "donor_reporting"),
            ("consent_province", "province_sharing"),
        ):
            if key in values:
                ben.record_consent(
                    self.db,
                    self.actor,
                    view.id,
                    kind,
                    bool(values[key]),
                    decided_on=view.registered_on,
                    today=self.today,
                )

    @staticmethod
    def _exact(cleaned: dict[str, object], candidates: list[Any]) -> str | None:
        """The candidate that matches the row in every field both have: same name (NFC),
        birth year, sex, commune, and no code of the row's own (a row with its own code
        that differs from the candidate's says it is someone else)."""
        if cleaned["code"] is not None:
            return None
        for b in candidates:
            if (
                b.full_name == cleaned["full_name"]
                and b.birth_year == cleaned["birth_year"]
                and b.sex == cleaned["sex"]
                and (b.commune_code or None) == cleaned["commune_code"]
            ):
                return str(b.code)
        return None

    # --- grants, hand-overs, visits -----------------------------------------------------
    def _existing_counts(self) -> None:
        """What the database held before this import, for the rows' identity keys."""
        ids = list(self.people.values())
        referenced: set[str] = set()
        for key in ("grants", "handovers", "visits"):
            d = self.sheets.get(key)
            if d is not None:
                referenced |= {r.values.get("beneficiary_code", "") for r in d.rows}
        if referenced:
            for chunk in _chunks(sorted(referenced - set(self.people)), 500):
                ids += (
                    self.s.execute(select(Beneficiary.id).where(Beneficiary.code.in_(chunk)))
                    .scalars()
                    .all()
                )
        self.grant_keys: Counter[tuple[Any, ...]] = Counter()
        self.handover_keys: Counter[tuple[Any, ...]] = Counter()
        self.visit_keys: Counter[tuple[Any, ...]] = Counter()
        for chunk in _chunks(sorted(set(ids)), 500):
            for row in self.s.execute(
                select(Grant.beneficiary_id, Grant.project_id, Grant.grant_type_id,
                       Grant.start_date, Grant.planned_total)
                .where(Grant.beneficiary_id.in_(chunk))
            ):  # fmt: skip
                self.grant_keys[tuple(row)] += 1
            for hrow in self.s.execute(
                select(Disbursement.grant_id, Disbursement.handed_on, Disbursement.amount)
                .join(Grant, Grant.id == Disbursement.grant_id)
                .where(Grant.beneficiary_id.in_(chunk))
            ):
                self.handover_keys[tuple(hrow)] += 1
            for vrow in self.s.execute(
                select(Visit.beneficiary_id, Visit.grant_id, Visit.done_on).where(
                    Visit.beneficiary_id.in_(chunk), Visit.status == "done"
                )
            ):
                self.visit_keys[tuple(vrow)] += 1
        self.seen: Counter[tuple[Any, ...]] = Counter()

    def _already(self, keys: Counter[tuple[Any, ...]], key: tuple[Any, ...]) -> bool:
        """True when this row is already in the database (counting identical rows)."""
        tagged = (id(keys), *key)
        self.seen[tagged] += 1
        return self.seen[tagged] <= keys[key]

    def _rows(
        self, key: str, sort: Callable[[Row], Any] | None = None
    ) -> tuple[SheetData, list[Row]] | None:
        data = self.sheets.get(key)
        if data is None:
            return None
        self.counts[key].rows = len(data.rows)
        if not self.allowed(data):
            return None
        rows = list(data.rows)
        if sort is not None:
            rows.sort(key=lambda r: (sort(r) or date.min, r.number))
        return data, rows

    def _rows_with_person(
        self, key: str, sort: Callable[[Row], Any] | None = None
    ) -> Iterator[tuple[SheetData, Row, int | None]]:
        """The rows of a sheet in order, each ticked, with the id of its person (None when
        unknown: person() notes why). A row that has problems of its own is not yielded;
        only its references are checked."""
        found = self._rows(key, sort)
        if found is None:
            return
        data, rows = found
        for row in rows:
            self.tick()
            if row.problems:
                self._references_of_bad_row(data, row)
                continue
            yield data, row, self.person(data, row)

    def _project_id(self, data: SheetData, row: Row) -> int | None:
        code = row.values.get("project_code")
        if not code:
            return None
        if code not in self._projects:
            self._projects[code] = self.s.execute(
                select(Project.id).where(Project.code == code)
            ).scalar()
        pid = self._projects[code]
        if pid is None:
            self.cell_problem(data, row, "project_code", "import_unknown_project", value=code)
            return -1
        return int(pid)

    def _type_id(self, code: str) -> int:
        if code not in self._types:
            self._types[code] = int(
                self.s.execute(select(GrantType.id).where(GrantType.code == code)).scalar_one()
            )
        return self._types[code]

    def grants(self) -> None:
        counts = self.counts["grants"]
        for data, row, bid in self._rows_with_person("grants"):
            v = row.values
            pid = self._project_id(data, row)
            if bid is None or pid is None or pid < 0:
                continue
            tranche = grant_svc.TrancheInput(
                description=v.get("description") or "",
                amount=v.get("amount"),
                quantity=v.get("quantity"),
                unit_value=v.get("unit_value"),
            )
            planned = _worth(v)
            key = (bid, pid, self._type_id(v["grant_type"]), v["start_date"], planned)
            if self._already(self.grant_keys, key):
                counts.existing += 1
                continue
            if not tranche.description:
                gt = self.s.execute(
                    select(GrantType.name_vi).where(GrantType.code == v["grant_type"])
                ).scalar_one()
                tranche = grant_svc.TrancheInput(
                    gt, tranche.amount, tranche.quantity, tranche.unit_value
                )
            try:
                grant_svc.plan_grant(
                    self.db,
                    self.actor,
                    grant_svc.GrantInput(
                        beneficiary_id=bid,
                        project_id=pid,
                        grant_type=v["grant_type"],
                        start_date=v["start_date"],
                        tranches=(tranche,),
                        note=v.get("notes", ""),
                    ),
                    today=self.today,
                )
                counts.added += 1
            except ServiceError as err:
                self.problem(data, row, err)

    def _grant_for(self, bid: int, type_code: str | None, pid: int | None, on: date) -> int | None:
        q = (
            select(Grant.id)
            .join(GrantType, GrantType.id == Grant.grant_type_id)
            .where(
                Grant.beneficiary_id == bid,
                Grant.status != "cancelled",
                Grant.start_date <= on,
            )
            .order_by(Grant.start_date.desc(), Grant.id.desc())
            .limit(1)
        )
        if type_code is not None:
            q = q.where(GrantType.code == type_code)
        if pid is not None:
            q = q.where(Grant.project_id == pid)
        return self.s.execute(q).scalar()

    def handovers(self) -> None:
        counts = self.counts["handovers"]
        rows = self._rows_with_person("handovers", sort=lambda r: r.values.get("handed_on"))
        for data, row, bid in rows:
            v = row.values
            pid = self._project_id(data, row)
            if bid is None or (pid is not None and pid < 0):
                continue
            gid = self._grant_for(bid, v["grant_type"], pid, v["handed_on"])
            if gid is None:
                self.cell_problem(data, row, "grant_type", "import_no_grant",
                                  value=v["beneficiary_code"])  # fmt: skip
                continue
            if self._already(self.handover_keys, (gid, v["handed_on"], _worth(v))):
                counts.existing += 1
                continue
            try:
                grant_svc.record_handover(
                    self.db,
                    self.actor,
                    grant_svc.HandoverInput(
                        grant_id=gid,
                        handed_on=v["handed_on"],
                        amount=v.get("amount"),
                        quantity=v.get("quantity"),
                        unit_value=v.get("unit_value"),
                        description=v.get("description", ""),
                        override_reason=v.get("override_reason", ""),
                        note=v.get("notes", ""),
                    ),
                    today=self.today,
                )
                counts.added += 1
            except ServiceError as err:
                self.problem(data, row, err)

    def visits(self) -> None:
        counts = self.counts["visits"]
        for data, row, bid in self._rows_with_person(
            "visits", sort=lambda r: r.values.get("done_on")
        ):
            v = row.values
            if bid is None:
                continue
            gid = self._grant_for(bid, v.get("grant_type"), None, v["done_on"])
            if gid is None and v.get("grant_type") is not None:
                self.cell_problem(data, row, "grant_type", "import_no_grant",
                                  value=v["beneficiary_code"])  # fmt: skip
                continue
            if self._already(self.visit_keys, (bid, gid, v["done_on"])):
                counts.existing += 1
                continue
            try:
                visit_id = self._open_visit(bid, gid, v["done_on"])
                visit_svc.record_visit(
                    self.db,
                    self.actor,
                    visit_svc.VisitOutcome(
                        visit_id=visit_id,
                        done_on=v["done_on"],
                        livelihood_running=bool(v["livelihood_running"]),
                        income_band=v.get("income_band"),
                        safety_concern=bool(v.get("safety_concern", False)),
                        in_school=v.get("in_school"),
                        notes=v.get("notes", ""),
                    ),
                    today=self.today,
                )
                counts.added += 1
            except ServiceError as err:
                self.problem(data, row, err)

    def _open_visit(self, bid: int, gid: int | None, done_on: date) -> int:
        """The scheduled visit nearest to the visit date, or a new one booked for it."""
        q = select(Visit.id, Visit.scheduled_on).where(
            Visit.beneficiary_id == bid, Visit.status == "scheduled"
        )
        q = q.where(Visit.grant_id == gid) if gid is not None else q.where(Visit.grant_id.is_(None))
        open_visits = self.s.execute(q).all()
        if open_visits:
            return int(min(open_visits, key=lambda r: (abs((r[1] - done_on).days), r[0]))[0])
        when = max(done_on, self.today - timedelta(days=365))
        row = visit_svc.schedule_visit(
            self.db, self.actor, bid, when, grant_id=gid, today=self.today
        )
        return row.id

    def run(self) -> None:
        self.beneficiaries()
        self._existing_counts()
        self.grants()
        self.handovers()
        self.visits()


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _run(
    db: Database,
    actor: Actor,
    path: Path,
    decisions: Mapping[int, str],
    *,
    keep: bool,
    today: date | None,
    progress: Callable[[int, int], None] | None,
) -> ImportReport:
    actor.require("read")
    path = Path(path)
    if not path.is_file():
        raise ServiceError("import_unreadable", "import_file", path=path.name, detail="—")
    today = today or date.today()
    digest = _sha256(path)
    report: ImportReport | None = None
    with db.read() as s:
        grant_types = _grant_type_options(s)
    # Read and checked outside any transaction: nobody waits while a big file is parsed.
    sheets, problems, formulas = _read_workbook(path, grant_types)
    try:
        with db.write() as s:
            for d in sheets:
                problems += d.problems
            run = _Run(s, actor, sheets, decisions, today, progress)
            run.problems += problems
            run.run()
            report = ImportReport(
                str(path),
                digest,
                tuple(sorted(run.problems, key=_problem_order)),
                tuple(run.questions),
                tuple(
                    SheetCounts(k, c.rows, c.added, c.existing, c.skipped)
                    for k, c in run.counts.items()
                ),
                formulas,
            )
            if not keep or not report.ok:
                raise _Rollback
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
                },
            )  # fmt: skip
    except _Rollback:
        pass
    assert report is not None
    if keep and not report.ok:
        raise ImportRejected(report)
    if keep:
        report = ImportReport(
            report.path, report.sha256, report.problems, report.duplicates, report.counts,
            report.formulas, committed=True,
        )  # fmt: skip
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
) -> ImportReport:
    """Check the whole workbook and try the import without keeping anything: every
    problem, every possible duplicate and what would be added."""
    return _run(db, actor, path, decisions or {}, keep=False, today=today, progress=progress)


def commit(
    db: Database,
    actor: Actor,
    path: Path,
    decisions: Mapping[int, str] | None = None,
    *,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import everything in one transaction, or nothing (ImportRejected with the report).
    ``decisions``: beneficiaries-sheet row -> "new", "skip" or an existing person's code."""
    return _run(db, actor, path, decisions or {}, keep=True, today=today, progress=progress)


def template_path() -> Path:
    """The import template shipped with the app."""
    return resources_dir() / "templates" / "import_template.xlsx"


__all__ = [
    "NEW",
    "SHEETS",
    "SKIP",
    "Candidate",
    "DuplicateQuestion",
    "ImportRejected",
    "ImportReport",
    "Problem",
    "SheetCounts",
    "commit",
    "dry_run",
    "template_path",
]
