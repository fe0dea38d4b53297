"""The summary as output tables: titles, columns and cells in one language, with small-cell
protection for the versions that leave the office (``tracker.reports.suppression``).

Plain data in (``tracker.services.reports.Summary``), plain tables out; the PDF, XLSX and
CSV writers only lay these tables out. Anonymised by construction: the summary holds codes
and numbers only, never a name, ID number, phone or village.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Union

from tracker.domain.ethnic import ETHNIC_GROUPS
from tracker.domain.shapes import (
    OFFICE_TIME,
    Amounts,
    PassOnFigures,
    PeopleCount,
    Summary,
    SupportCell,
    VisitFigures,
)
from tracker.domain.vocab import AGE_BANDS, CATEGORIES, SEXES
from tracker.i18n import format_date
from tracker.i18n.labels import label
from tracker.reports.suppression import HIDDEN, SMALL, Equation, protect, sum_equation

__all__ = [
    "HIDDEN",
    "SUPPRESSED",
    "Knowledge",
    "Table",
    "build_tables",
    "chart_items",
    "protect_tables",
    "tables_and_knowledge",
]


SUPPRESSED = SMALL
Cell = Union[str, int, date, None]  # noqa: UP007 (a runtime alias)

#: Text that a spreadsheet would take for a formula (or a DDE command) when a cell starts
#: with it: =, +, -, @, tab, carriage return.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text cell that cannot run as a formula: "'=HYPERLINK(...)" stays text."""
    if text and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    #: "text", "count" (people or things: suppressed in versions that leave the office),
    #: "money" (whole đồng), "number" (not suppressed), "date".
    kind: str = "count"


@dataclass(frozen=True)
class Table:
    key: str  # ASCII: file and sheet names
    title: str
    sheet: str  # short title for a spreadsheet tab (at most 31 characters)
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None
    note: str = ""

    def all_rows(self) -> tuple[tuple[Cell, ...], ...]:
        return (*self.rows, self.total) if self.total is not None else self.rows


# (Vietnamese, English)
_T: dict[str, tuple[str, str]] = {
    "report_title": ("BÁO CÁO TỔNG HỢP HỖ TRỢ SINH KẾ", "LIVELIHOOD SUPPORT SUMMARY"),
    "office": ("Đơn vị", "Office"),
    "period": ("Kỳ báo cáo", "Period"),
    "dates": ("Từ ngày – đến ngày", "From – to"),
    "audience": ("Bản dành cho", "Version for"),
    "generated": ("Lập lúc", "Made at"),
    "status": ("Tình trạng số liệu", "Status of the figures"),
    "provisional": ("SỐ LIỆU TẠM TÍNH", "PROVISIONAL FIGURES"),
    "provisional_note": (
        "Số liệu tạm tính: kỳ báo cáo chưa kết thúc (số liệu đến ngày {day}).",
        "Provisional figures: the period has not ended (figures up to {day}).",
    ),
    "final": ("Số liệu chính thức của kỳ", "Final figures of the period"),
    "places": ("Địa bàn", "Places"),
    "places_commune": (
        "Theo xã/phường tại ngày cuối kỳ",
        "By commune as the units were on the period's last day",
    ),
    "places_district": (
        "Theo huyện cũ (trước ngày 01/07/2025)",
        "By former district (before 1 July 2025)",
    ),
    "app": ("Phần mềm", "Software"),
    "audit_head": ("Điểm cuối nhật ký", "Audit trail head"),
    "audit_head_value": (
        "{count} sự kiện, cuối là #{last_id} · {hash}",
        "{count} events, the last #{last_id} · {hash}",
    ),
    "aud_office": ("Nội bộ đơn vị", "The office (internal)"),
    "aud_donor": ("Nhà tài trợ", "The donor"),
    "aud_province": ("Cấp tỉnh", "The province"),
    "note_anon": (
        "Chỉ có số liệu tổng hợp và mã; không có họ tên, số giấy tờ, điện thoại hay thôn/bản.",
        "Aggregates and codes only: no names, ID numbers, phones or villages.",
    ),
    "note_small": (
        "Ô đếm từ 1 đến 4 được ghi «<5» để không ai bị nhận ra.",
        "Counts from 1 to 4 are shown as «<5» so that no one can be recognised.",
    ),
    "note_hidden": (
        "Ô ghi «x» được ẩn thêm để không thể lấy số tổng trừ ra các ô «<5».",
        "Cells marked «x» are hidden as well, so that a «<5» cell cannot be worked out "
        "from a total.",
    ),
    "note_consent": (
        "Không tính những người đã rút lại sự đồng ý chia sẻ cho nơi nhận này ({count} người).",
        "People who withdrew their consent to sharing with this recipient are left out ({count}).",
    ),
    "note_amounts": (
        "Số tiền, giá trị và cột biểu đồ đi kèm một ô bị ẩn cũng được ẩn («x»), để không"
        " thể lấy số tiền chia cho mức hỗ trợ mà ra số người.",
        "Amounts, values and chart bars that go with a hidden cell are hidden as well"
        " («x»), so that no one can divide an amount by a known rate to get a count back.",
    ),
    "note_budget": (
        "Ngân sách dự án tính mọi khoản đã chi.",
        "Project budgets count all spending.",
    ),
    "note_people": (
        "Người được hỗ trợ: đã nhận ít nhất một lần trao. Mới: lần trao đầu tiên trong kỳ;"
        " tiếp tục: có nhận trong kỳ, lần đầu trước kỳ; lũy kế: đến hết kỳ.",
        "People supported: received at least one hand-over. New: first hand-over in the"
        " period; continuing: received in the period, first before it; cumulative: to the"
        " period's end.",
    ),
    "note_age": ("Tuổi tính đến ngày cuối kỳ.", "Age on the last day of the period."),
    "note_commune": (
        "Xã/phường theo đơn vị hành chính tại ngày cuối kỳ (xã cũ tính vào xã mới mà nó"
        " được sáp nhập).",
        "Communes as the units were on the period's last day (an old commune counts under"
        " the new commune it went into).",
    ),
    "note_district": (
        "Theo huyện cũ của xã nơi người được hỗ trợ sinh sống (trước ngày 01/07/2025).",
        "By the former district of the person's commune (before 1 July 2025).",
    ),
    "note_visits": (
        "Mỗi lần thăm hẹn trong kỳ nằm ở đúng một cột, tính đến ngày cuối kỳ (hoặc đến hôm"
        " nay nếu kỳ chưa kết thúc): hẹn trong kỳ = đã thăm + không gặp được + quá hạn +"
        " chưa đến hạn + đã hủy. Quá hạn: đã qua ngày hẹn mà chưa thăm.",
        "Each visit scheduled in the period is in exactly one column, as of the period's"
        " last day (or today, while the period runs): scheduled = done + no one met +"
        " overdue + not yet due + cancelled. Overdue: the date has passed and no visit was"
        " made.",
    ),
    "note_outcomes": (
        "Kết quả của các lần thăm thực hiện trong kỳ (kể cả lần hẹn từ kỳ trước).",
        "Outcomes of the visits made in the period (including those scheduled earlier).",
    ),
    "note_cross": (
        "Người được hỗ trợ trong kỳ (có nhận ít nhất một lần trao trong kỳ); giá trị là tiền"
        " mặt cộng giá trị hiện vật đã trao trong kỳ. Một người có thể nhận nhiều loại hỗ trợ.",
        "People supported in the period (at least one hand-over in it); value is cash plus"
        " the value of goods handed over in the period. One person may get several types.",
    ),
    "note_assets": (
        "Tình trạng tại ngày cuối kỳ, gồm cả con sinh ra. Con vật chuyển giao quay vòng có ở"
        " gia đình giao (đã chuyển giao) và ở gia đình nhận (được trao).",
        "Condition on the period's last day, young born included. An animal passed on is"
        " with the giving family (passed on) and with the receiving family (granted).",
    ),
    "note_pass_on": (
        "Con vật (bê con đầu) hoặc tài sản một gia đình chuyển giao cho gia đình khác theo"
        " hình thức quay vòng. Không phải khoản chi mới: giá trị không cộng vào số tiền hỗ"
        " trợ. Gia đình nhận được tính một lần.",
        "Animals (the first calf) or things one family passed on to another. Not new"
        " spending: their value is in no amount of support. Each receiving family is"
        " counted once.",
    ),
    "note_receipts": (
        "Phiếu chi đã cấp số cho các lần trao trong kỳ.",
        "Receipts numbered for the hand-overs of the period.",
    ),
    "empty": ("Không có số liệu trong kỳ này.", "No figures for this period."),
    # people
    "t_sex": ("Người được hỗ trợ theo giới tính", "People supported by sex"),
    "t_age": ("Người được hỗ trợ theo nhóm tuổi", "People supported by age band"),
    "t_ethnicity": ("Người được hỗ trợ theo dân tộc", "People supported by ethnic group"),
    "t_commune": ("Người được hỗ trợ theo xã/phường", "People supported by commune"),
    "t_category": ("Người được hỗ trợ theo nhóm đối tượng", "People supported by category"),
    "t_district": ("Người được hỗ trợ theo huyện (cũ)", "People supported by former district"),
    "s_district": ("Huyện (cũ)", "Former district"),
    "sh_district": ("Theo huyện cũ", "By former district"),
    "t_csa": (
        "Người được hỗ trợ trong kỳ theo nhóm đối tượng, giới tính và nhóm tuổi",
        "People supported in the period by category, sex and age band",
    ),
    "sh_csa": ("Đối tượng-giới-tuổi", "Category-sex-age"),
    "t_support_category": (
        "Hỗ trợ trong kỳ theo loại và nhóm đối tượng",
        "Support in the period by type and category",
    ),
    "s_support_category": ("Loại hỗ trợ-đối tượng", "Support by category"),
    "t_support_place": (
        "Hỗ trợ trong kỳ theo loại và địa bàn",
        "Support in the period by type and place",
    ),
    "s_support_place": ("Loại hỗ trợ-địa bàn", "Support by place"),
    "c_people_of": ("{group}: số người", "{group}: people"),
    "c_value_of": ("{group}: giá trị (đồng)", "{group}: value (dong)"),
    "c_all": ("Tất cả", "All"),
    "c_amount_value": ("Giá trị (đồng)", "Value (dong)"),
    "c_sex": ("Giới tính", "Sex"),
    "c_place": ("Địa bàn", "Place"),
    "subtotal": ("Cộng {group}", "{group}, all"),
    "s_sex": ("Giới tính", "Sex"),
    "s_age": ("Nhóm tuổi", "Age band"),
    "s_ethnicity": ("Dân tộc", "Ethnic group"),
    "s_commune": ("Xã phường", "Commune"),
    "s_category": ("Nhóm đối tượng", "Category"),
    "sh_sex": ("Theo giới tính", "By sex"),
    "sh_age": ("Theo nhóm tuổi", "By age band"),
    "sh_ethnicity": ("Theo dân tộc", "By ethnic group"),
    "sh_commune": ("Theo xã phường", "By commune"),
    "sh_category": ("Theo nhóm đối tượng", "By category"),
    "c_new": ("Mới trong kỳ", "New"),
    "c_continuing": ("Tiếp tục", "Continuing"),
    "c_in_period": ("Được hỗ trợ trong kỳ", "Supported in period"),
    "c_cumulative": ("Lũy kế", "Cumulative"),
    "c_code": ("Mã", "Code"),
    "total": ("Tổng cộng", "Total"),
    "unknown": ("Không rõ", "Unknown"),
    "u16": ("Dưới 16", "Under 16"),
    "16_17": ("16–17", "16-17"),
    "18_24": ("18–24", "18-24"),
    "25_34": ("25–34", "25-34"),
    "35p": ("35 trở lên", "35 and over"),
    # support
    "t_support": ("Hỗ trợ theo loại", "Support by type"),
    "s_support": ("Hỗ trợ theo loại", "Support by type"),
    "c_type": ("Loại hỗ trợ", "Support type"),
    "c_kind": ("Hình thức", "Form"),
    "k_cash": ("Tiền mặt", "Cash"),
    "k_in_kind": ("Hiện vật", "In kind"),
    "k_mixed": ("Tiền và hiện vật", "Cash and in kind"),
    "c_grants_new": ("Khoản mới lập", "Grants planned"),
    "c_handovers": ("Lần trao", "Hand-overs"),
    "c_people": ("Số người nhận", "People"),
    "c_cash": ("Tiền mặt (đồng)", "Cash (dong)"),
    "c_in_kind": ("Giá trị hiện vật (đồng)", "In-kind value (dong)"),
    "c_handovers_total": ("Lần trao lũy kế", "Hand-overs, cumulative"),
    "c_people_total": ("Số người lũy kế", "People, cumulative"),
    "c_cash_total": ("Tiền mặt lũy kế (đồng)", "Cash, cumulative (dong)"),
    "c_in_kind_total": ("Hiện vật lũy kế (đồng)", "In kind, cumulative (dong)"),
    # projects
    "t_projects": ("Ngân sách dự án", "Project budgets"),
    "s_projects": ("Ngân sách dự án", "Project budgets"),
    "c_project": ("Dự án", "Project"),
    "c_donor": ("Nhà tài trợ", "Donor"),
    "c_start": ("Bắt đầu", "Start"),
    "c_end": ("Kết thúc", "End"),
    "c_budget": ("Ngân sách (đồng)", "Budget (dong)"),
    "c_spent": ("Đã chi đến cuối kỳ (đồng)", "Spent to period end (dong)"),
    "c_spent_period": ("Chi trong kỳ (đồng)", "Spent in period (dong)"),
    "c_left": ("Còn lại (đồng)", "Left (dong)"),
    # visits
    "t_visits": ("Lịch thăm theo dõi trong kỳ", "Follow-up visits scheduled in the period"),
    "s_visits": ("Thăm theo dõi", "Follow-up visits"),
    "t_visit_outcomes": ("Kết quả thăm theo dõi trong kỳ", "Outcomes of the visits made"),
    "s_visit_outcomes": ("Kết quả thăm", "Visit outcomes"),
    "c_scheduled": ("Hẹn trong kỳ", "Scheduled"),
    "c_not_yet_due": ("Chưa đến hạn", "Not yet due"),
    "c_cancelled": ("Đã hủy", "Cancelled"),
    "c_done_in_period": ("Đã thăm trong kỳ", "Made in the period"),
    "c_step": ("Lần thăm", "Visit"),
    "step_months": ("Sau {n} tháng", "After {n} months"),
    "step_extra": ("Thăm thêm", "Extra visits"),
    "c_due": ("Đến hạn", "Due"),
    "c_done": ("Đã thăm", "Done"),
    "c_overdue": ("Quá hạn", "Overdue"),
    "c_missed": ("Không gặp được", "No one met"),
    "c_running": ("Sinh kế duy trì", "Livelihood running"),
    "c_stopped": ("Sinh kế dừng", "Livelihood stopped"),
    "c_safety": ("Lo ngại an toàn", "Safety concern"),
    "c_school": ("Đang đi học", "In school"),
    "c_income_none": ("Chưa có thu nhập", "No income"),
    "c_income_low": ("Thu nhập thấp", "Income low"),
    "c_income_medium": ("Thu nhập trung bình", "Income medium"),
    "c_income_high": ("Thu nhập khá", "Income good"),
    # assets
    "t_pass_on": (
        "Chuyển giao quay vòng giữa các gia đình",
        "Passed on from family to family",
    ),
    "s_pass_on": ("Quay vòng", "Pass-on"),
    "c_po_given": ("Chuyển giao trong kỳ", "Passed on in the period"),
    "c_po_families": ("Gia đình nhận trong kỳ", "Families reached in the period"),
    "c_po_given_total": ("Chuyển giao lũy kế", "Passed on, cumulative"),
    "c_po_families_total": ("Gia đình nhận lũy kế", "Families reached, cumulative"),
    "t_assets": ("Tài sản được hỗ trợ", "Granted assets"),
    "s_assets": ("Tài sản", "Assets"),
    "c_asset": ("Loại tài sản", "Asset"),
    "c_asset_total": ("Tổng số", "Total"),
    "c_granted": ("Được trao", "Granted"),
    "c_born": ("Sinh ra", "Born"),
    "c_alive": ("Còn sống", "Alive"),
    "c_sick": ("Bị ốm", "Sick"),
    "c_in_use": ("Đang sử dụng", "In use"),
    "c_unused": ("Không sử dụng", "Not used"),
    "c_died": ("Đã chết", "Died"),
    "c_sold": ("Đã bán", "Sold"),
    "c_passed_on": ("Đã chuyển giao", "Passed on"),
    "c_gave_birth": ("Đã sinh con", "Gave birth"),
    # receipts
    "t_receipts": ("Phiếu chi", "Receipts"),
    "s_receipts": ("Phiếu chi", "Receipts"),
    "c_figure": ("Chỉ tiêu", "Figure"),
    "c_count": ("Số lượng", "Count"),
    "c_amount": ("Số tiền (đồng)", "Amount (dong)"),
    "r_issued": ("Đã cấp số", "Issued"),
    "r_valid": ("Còn hiệu lực", "Valid"),
    "r_voided": ("Đã hủy", "Voided"),
    "r_reprints": ("Lần in lại", "Reprints"),
    # corrections of closed quarters
    "t_corrections": (
        "Điều chỉnh trong kỳ cho số liệu của các quý đã khoá",
        "Corrections made in the period to figures of closed quarters",
    ),
    "s_corrections": ("Điều chỉnh", "Corrections"),
    "c_change": ("Số tiền thay đổi (đồng)", "Change (dong)"),
    "x_adjustments": ("Điều chỉnh lần trao", "Hand-over adjustments"),
    "x_late_voids": ("Phiếu chi của quý đã khoá bị hủy", "Receipts of closed quarters voided"),
    "note_corrections": (
        "Ghi vào kỳ này, ngày làm điều chỉnh; báo cáo của quý đã khoá giữ nguyên như lúc khoá.",
        "Dated in this period, on the day they were made; the closed quarters' reports stay "
        "as they were when closed.",
    ),
    "closed": ("Kỳ đã khoá", "Period closed"),
    "closed_value": (
        "Khoá ngày {day} bởi {by}; số liệu giữ nguyên như lúc khoá (SHA-256 {digest})",
        "Closed on {day} by {by}; the figures are those kept at the close (SHA-256 {digest})",
    ),
    "reopened": ("Mở khoá lại", "Reopened"),
    "reopened_value": (
        "Quý {period} được mở khoá lại ngày {day} bởi {by}: {reason}",
        "Quarter {period} reopened on {day} by {by}: {reason}",
    ),
    # info sheet
    "t_info": ("Thông tin báo cáo", "About this report"),
    "s_info": ("Thông tin", "About"),
    "c_item": ("Mục", "Item"),
    "c_value": ("Nội dung", "Value"),
    "chart_support": (
        "Giá trị hỗ trợ theo loại (triệu đồng)",
        "Support value by type (million dong)",
    ),
    "in_period": ("Trong kỳ", "In the period"),
    "cumulative": ("Lũy kế", "Cumulative"),
    "page": ("Trang {n}", "Page {n}"),
    "hidden_bar": ("x (ẩn)", "x (hidden)"),
    # sign-off
    "sign_preparer": ("NGƯỜI LẬP BIỂU", "PREPARED BY"),
    "sign_accountant": ("KẾ TOÁN TRƯỞNG", "CHIEF ACCOUNTANT"),
    "sign_head": ("THỦ TRƯỞNG ĐƠN VỊ", "HEAD OF THE OFFICE"),
    "sign_hint": ("(Ký, ghi rõ họ tên)", "(signature and full name)"),
    "sign_hint_seal": ("(Ký, ghi rõ họ tên, đóng dấu)", "(signature, full name and seal)"),
    "signed_by": ("Người ký", "Signed by"),
}


def text(key: str, lang: str, **values: object) -> str:
    vi, en = _T[key]
    out = vi if lang == "vi" else en
    return out.format(**values) if values else out


def audience_label(audience: str, lang: str) -> str:
    return text(f"aud_{audience}", lang)


def _ethnic_name(code: str, lang: str) -> str:
    for e in ETHNIC_GROUPS:
        if e.code == code:
            return e.name_vi if lang == "vi" else e.name_en
    return code


Key = tuple[object, ...]


@dataclass
class Knowledge:
    """What a careful reader of the whole report knows besides its printed cells: which
    figures add up (``sums``: parts then total), any other relation (``equations``: an
    amount is a known unit amount times a number of hand-overs, that number is at most
    the amount...), and which amounts go with which counts (``depends``). Cells are named
    by ``keys`` ((table, row, column) -> name; a figure printed in several tables has one
    name). ``truth`` holds the true value of every figure the relations name, published or
    not (for checks)."""

    sums: list[tuple[Key, ...]]
    equations: list[Equation]
    depends: dict[Key, tuple[Key, ...]]
    keys: dict[tuple[str, int | str, str], Key]
    truth: dict[Key, int]

    def key(self, table: str, row: int | str, column: str) -> Key:
        return self.keys.get((table, row, column), (table, row, column))


class _Builder:
    def __init__(self, summary: Summary, lang: str) -> None:
        self.s = summary
        self.lang = lang
        self.know = Knowledge([], [], {}, {}, {})
        self._aux = 0
        self.support_rows: dict[str, int] = {}

    def t(self, key: str, **values: object) -> str:
        return text(key, self.lang, **values)

    def row(self, columns: tuple[Column, ...], values: tuple[Cell, ...]) -> tuple[Cell, ...]:
        assert len(columns) == len(values)
        return tuple(neutralise(v) if isinstance(v, str) else v for v in values)

    def table(
        self,
        key: str,
        columns: tuple[Column, ...],
        rows: Sequence[tuple[Any, ...]],
        total: tuple[Cell, ...] | None = None,
        note: str = "",
        *,
        title: str = "",
        sheet: str = "",
    ) -> Table:
        part = key.split("_", 1)[-1] if key.startswith("people_") else key
        sheet_key = f"sh_{part}" if key.startswith("people_") else f"s_{part}"
        out = Table(
            key=key,
            title=title or self.t(f"t_{part}"),
            sheet=sheet or self.t(sheet_key),
            columns=columns,
            rows=tuple(self.row(columns, r) for r in rows),
            total=self.row(columns, total) if total is not None else None,
            note=note,
        )
        # Every column of counts or amounts adds up to its total row.
        if out.total is not None:
            ids: list[int | str] = [*range(len(out.rows)), "total"]
            for col in columns:
                if col.kind in ("count", "money"):
                    self.sum(*[self.know.key(key, r, col.key) for r in ids])
        return out

    # --- what the reader knows -----------------------------------------------------------
    def alias(self, table: str, row: int | str, column: str, name: Key) -> None:
        self.know.keys[(table, row, column)] = name

    def sum(self, *keys: Key) -> None:
        self.know.sums.append(tuple(keys))

    def sum_rows(self, table: str, rows: Sequence[int | str], parts: Sequence[str]) -> None:
        """In each row, the columns ``parts[:-1]`` add up to ``parts[-1]``."""
        for r in rows:
            self.sum(*[self.know.key(table, r, c) for c in parts])

    def aux(self, name: str, value: int) -> Key:
        """A figure the report does not print (how many hand-overs were in cash)."""
        self._aux += 1
        key: Key = ("aux", self._aux, name)
        self.know.truth[key] = value
        return key

    def equation(self, *terms: tuple[Key, int]) -> None:
        self.know.equations.append(tuple(terms))

    def at_least(self, big: Key, small: Key, big_value: int, small_value: int) -> None:
        """``big`` is at least ``small`` (a slack the reader does not see)."""
        if big_value >= small_value:
            slack = self.aux("slack", big_value - small_value)
            self.equation((big, 1), (small, -1), (slack, -1))

    def amounts(
        self,
        *,
        people: tuple[Key, int],
        handovers: tuple[Key | None, int],
        cash: tuple[Key | None, int],
        goods: tuple[Key | None, int],
        value: Key | None,
        how: Amounts | None,
    ) -> None:
        """What a reader knows of one cell's amounts: cash and goods add up to the value,
        the hand-overs in cash and in goods add up to the hand-overs, there are at least as
        many hand-overs as people (as many when each had one), each amount is at least
        one đồng per hand-over, or, when every hand-over of the cell had the same amount,
        exactly that amount times their number."""
        how = how or Amounts()
        (p_key, n_people), (h_key, n_hand) = people, handovers
        (c_key, n_cash), (g_key, n_goods) = cash, goods
        h = h_key or self.aux("handovers", n_hand)
        c = c_key or self.aux("cash", n_cash)
        g = g_key or self.aux("goods", n_goods)
        if value is not None:
            self.equation((c, 1), (g, 1), (value, -1))
        a = self.aux("cash_handovers", how.cash_handovers)
        b = self.aux("goods_handovers", how.goods_handovers)
        if how.cash_handovers + how.goods_handovers == n_hand:
            self.equation((a, 1), (b, 1), (h, -1))
        for money, n, count, unit in (
            (c, n_cash, a, how.cash_unit),
            (g, n_goods, b, how.goods_unit),
        ):
            if unit and n == unit * self.know.truth.get(count, -1):
                self.equation((money, 1), (count, -unit))
            else:
                self.at_least(money, count, n, self.know.truth[count])
        if n_hand == n_people:
            self.equation((h, 1), (p_key, -1))
        else:
            self.at_least(h, p_key, n_hand, n_people)
        for paid in (value, c_key, g_key):
            if paid is not None:
                self.depend(paid, p_key, *([h_key] if h_key is not None else []))

    def depend(self, money: Key, *counts: Key) -> None:
        self.know.depends[money] = (*self.know.depends.get(money, ()), *counts)

    # --- people ------------------------------------------------------------------------
    def people(self, dim: str, rows: tuple[PeopleCount, ...], with_code: bool = False) -> Table:
        cols: list[Column] = []
        if with_code:
            cols.append(Column("code", self.t("c_code"), "text"))
        cols += [
            Column("group", self.t(f"s_{dim}"), "text"),
            Column("new", self.t("c_new")),
            Column("continuing", self.t("c_continuing")),
            Column("in_period", self.t("c_in_period")),
            Column("cumulative", self.t("c_cumulative")),
        ]
        columns = tuple(cols)
        body = []
        for r in rows:
            name = self.group_name(dim, r)
            first: tuple[Cell, ...] = (r.key or "", name) if with_code else (name,)
            body.append((*first, r.new, r.continuing, r.in_period, r.cumulative))
        t = self.s.people.total
        lead: tuple[Cell, ...] = ("", self.t("total")) if with_code else (self.t("total"),)
        notes = {"age": "note_age", "commune": "note_commune", "district": "note_district"}
        note = self.t("note_people")
        if dim in notes:
            note += " " + self.t(notes[dim])
        key = f"people_{dim}"
        # Every people table ends on the same total row.
        for c in ("new", "continuing", "in_period", "cumulative"):
            self.alias(key, "total", c, ("people_total", c))
        out = self.table(
            key,
            columns,
            body,
            (*lead, t.new, t.continuing, t.in_period, t.cumulative),
            note,
        )
        self.sum_rows(key, [*range(len(body)), "total"], ("new", "continuing", "in_period"))
        return out

    def group_name(self, dim: str, r: PeopleCount) -> str:
        if dim == "sex":
            return label("sex", r.key, self.lang)
        if dim == "category":
            return label("category", r.key, self.lang)
        if dim == "age":
            return self.t(r.key)
        if dim == "ethnicity":
            return _ethnic_name(r.key, self.lang)
        if dim in ("commune", "district"):
            return r.name or (r.key if r.key else self.t("unknown"))
        return r.key

    def csa(self) -> Table:
        """People in the period by category (then sex) down, age band across."""
        cols = (
            Column("category", self.t("s_category"), "text"),
            Column("sex", self.t("c_sex"), "text"),
            *[Column(a, self.t(a)) for a in AGE_BANDS],
            Column("all", self.t("total")),
        )
        found = {(c.category, c.sex, c.age): c.people for c in self.s.people_by_category_sex_age}
        key = "category_sex_age"
        body: list[tuple[Cell, ...]] = []
        by_sex: dict[str, list[int]] = {}
        subtotals: list[int] = []
        for ci, cat in enumerate(CATEGORIES):
            rows_here = []
            for sex in SEXES:
                counts = [found.get((cat, sex, a), 0) for a in AGE_BANDS]
                if not any(counts):
                    continue
                rows_here.append(len(body))
                by_sex.setdefault(sex, []).append(len(body))
                body.append((label("category", cat, self.lang), label("sex", sex, self.lang),
                             *counts, sum(counts)))  # fmt: skip
            if not rows_here:
                continue
            sub = len(body)
            subtotals.append(sub)
            counts = [sum(found.get((cat, s, a), 0) for s in SEXES) for a in AGE_BANDS]
            cat_name = label("category", cat, self.lang)
            body.append((self.t("subtotal", group=cat_name), "", *counts, sum(counts)))
            self.alias(key, sub, "all", ("people_category", ci, "in_period"))
            for col in (*AGE_BANDS, "all"):
                self.sum(*[self.know.key(key, r, col) for r in (*rows_here, sub)])
        total_counts = [sum(n for (_c, _s, a), n in found.items() if a == age) for age in AGE_BANDS]
        for ai, age in enumerate(AGE_BANDS):
            self.alias(key, "total", age, ("people_age", ai, "in_period"))
        self.alias(key, "total", "all", ("people_total", "in_period"))
        ids: list[int | str] = [*range(len(body)), "total"]
        self.sum_rows(key, ids, (*AGE_BANDS, "all"))
        for col in (*AGE_BANDS, "all"):
            rows_of: list[int | str] = [*subtotals, "total"]
            self.sum(*[self.know.key(key, r, col) for r in rows_of])
        for si, sex in enumerate(SEXES):
            if sex in by_sex:
                self.sum(*[self.know.key(key, r, "all") for r in by_sex[sex]],
                         ("people_sex", si, "in_period"))  # fmt: skip
        return Table(
            key=key,
            title=self.t("t_csa"),
            sheet=self.t("sh_csa"),
            columns=cols,
            rows=tuple(self.row(cols, r) for r in body),
            total=self.row(cols, (self.t("total"), "", *total_counts, sum(total_counts))),
            note=self.t("note_cross") + " " + self.t("note_age"),
        )

    # --- support -----------------------------------------------------------------------
    def support(self) -> Table:
        cols = (
            Column("type", self.t("c_type"), "text"),
            Column("kind", self.t("c_kind"), "text"),
            Column("grants_new", self.t("c_grants_new")),
            Column("handovers", self.t("c_handovers")),
            Column("people", self.t("c_people")),
            Column("cash", self.t("c_cash"), "money"),
            Column("in_kind", self.t("c_in_kind"), "money"),
            Column("handovers_total", self.t("c_handovers_total")),
            Column("people_total", self.t("c_people_total")),
            Column("cash_total", self.t("c_cash_total"), "money"),
            Column("in_kind_total", self.t("c_in_kind_total"), "money"),
        )
        rows = [
            (
                r.name_vi if self.lang == "vi" else r.name_en,
                self.t(f"k_{r.kind}"),
                r.grants_new,
                r.handovers,
                r.people,
                r.cash,
                r.in_kind,
                r.handovers_total,
                r.people_total,
                r.cash_total,
                r.in_kind_total,
            )
            for r in self.s.support
        ]
        sup = self.s.support
        people = self.s.people.total
        total = (
            self.t("total"),
            "",
            sum(r.grants_new for r in sup),
            sum(r.handovers for r in sup),
            people.in_period,
            sum(r.cash for r in sup),
            sum(r.in_kind for r in sup),
            sum(r.handovers_total for r in sup),
            people.cumulative,
            sum(r.cash_total for r in sup),
            sum(r.in_kind_total for r in sup),
        )
        # The people columns' totals are the people tables' totals.
        self.alias("support", "total", "people", ("people_total", "in_period"))
        self.alias("support", "total", "people_total", ("people_total", "cumulative"))
        out = self.table("support", cols, rows, total)
        k = self.know.key
        for i, r in enumerate(sup):
            self.support_rows[r.grant_type] = i
            for sfx, nums, how in (
                ("", (r.people, r.handovers, r.cash, r.in_kind), r.amounts),
                ("_total", (r.people_total, r.handovers_total, r.cash_total, r.in_kind_total),
                 r.amounts_total),
            ):  # fmt: skip
                n_people, n_hand, cash, goods = nums
                self.amounts(
                    people=(k("support", i, f"people{sfx}"), n_people),
                    handovers=(k("support", i, f"handovers{sfx}"), n_hand),
                    cash=(k("support", i, f"cash{sfx}"), cash),
                    goods=(k("support", i, f"in_kind{sfx}"), goods),
                    value=None,
                    how=how,
                )
            # The value handed over (cash and goods), which the tables by group add up.
            self.sum(k("support", i, "cash"), k("support", i, "in_kind"),
                     ("support_value", r.grant_type))  # fmt: skip
            self.know.truth[("support_value", r.grant_type)] = r.cash + r.in_kind
        for sfx in ("", "_total"):
            for money in ("cash", "in_kind"):
                self.depend(k("support", "total", f"{money}{sfx}"),
                            k("support", "total", f"people{sfx}"),
                            k("support", "total", f"handovers{sfx}"))  # fmt: skip
        self.sum(k("support", "total", "cash"), k("support", "total", "in_kind"),
                 ("support_value", "total"))  # fmt: skip
        self.know.truth[("support_value", "total")] = sum(r.cash + r.in_kind for r in sup)
        self.sum(k("support", "total", "cash_total"), k("support", "total", "in_kind_total"),
                 ("support_value", "total_cumulative"))  # fmt: skip
        self.know.truth[("support_value", "total_cumulative")] = sum(
            r.cash_total + r.in_kind_total for r in sup
        )
        return out

    def _types_given(self) -> list[tuple[str, str]]:
        """(code, name) of the support types handed over in the period, in table order."""
        return [
            (r.grant_type, r.name_vi if self.lang == "vi" else r.name_en)
            for r in self.s.support
            if r.handovers
        ]

    def support_by_category(self) -> Table:
        key = "support_category"
        cols: list[Column] = [Column("type", self.t("c_type"), "text")]
        for cat in CATEGORIES:
            name = label("category", cat, self.lang)
            cols.append(Column(f"people_{cat}", self.t("c_people_of", group=name)))
            cols.append(Column(f"value_{cat}", self.t("c_value_of", group=name), "money"))
        cols.append(Column("people_all", self.t("c_people_of", group=self.t("c_all"))))
        cols.append(Column("value_all", self.t("c_value_of", group=self.t("c_all")), "money"))
        columns = tuple(cols)
        cells = {(c.grant_type, c.key): c for c in self.s.support_by_category}
        types = self._types_given()
        sup = {r.grant_type: r for r in self.s.support}
        body = []
        for i, (code, name) in enumerate(types):
            row: list[Cell] = [name]
            for cat in CATEGORIES:
                c = cells.get((code, cat))
                row += [c.people if c else 0, c.value if c else 0]
            r = sup[code]
            row += [r.people, r.cash + r.in_kind]
            body.append(tuple(row))
            self.alias(key, i, "people_all", self.know.key("support", self.support_rows[code],
                                                            "people"))  # fmt: skip
            self.alias(key, i, "value_all", ("support_value", code))
        total: list[Cell] = [self.t("total")]
        for cat in CATEGORIES:
            total += [sum(c.people for c in self.s.support_by_category if c.key == cat),
                      sum(c.value for c in self.s.support_by_category if c.key == cat)]  # fmt: skip
        total += [self.s.people.total.in_period, sum(r.cash + r.in_kind for r in self.s.support)]
        for ci, cat in enumerate(CATEGORIES):
            self.alias(key, "total", f"people_{cat}", ("people_category", ci, "in_period"))
        self.alias(key, "total", "people_all", ("people_total", "in_period"))
        self.alias(key, "total", "value_all", ("support_value", "total"))
        out = self.table(
            key, columns, body, tuple(total), self.t("note_cross"),
            title=self.t("t_support_category"), sheet=self.t("s_support_category"),
        )  # fmt: skip
        ids: list[int | str] = [*range(len(body)), "total"]
        self.sum_rows(key, ids, (*[f"people_{c}" for c in CATEGORIES], "people_all"))
        self.sum_rows(key, ids, (*[f"value_{c}" for c in CATEGORIES], "value_all"))
        k = self.know.key
        for i, (code, _name) in enumerate(types):
            for cat in CATEGORIES:
                cell = cells.get((code, cat))
                self._cell_amounts(k(key, i, f"people_{cat}"), k(key, i, f"value_{cat}"), cell)
        for rid in ids:
            for cat in (*CATEGORIES, "all"):
                self.depend(k(key, rid, f"value_{cat}"), k(key, rid, f"people_{cat}"))
        return out

    def _cell_amounts(self, people: Key, value: Key, c: SupportCell | None) -> None:
        if c is None:
            self.equation((value, 1))  # nothing given: the value is 0 (and shown)
            return
        self.amounts(
            people=(people, c.people),
            handovers=(None, c.handovers),
            cash=(None, c.cash),
            goods=(None, c.in_kind),
            value=value,
            how=c.amounts,
        )

    def support_by_place(self) -> Table:
        key = "support_place"
        district = self.s.places == "district"
        cols = (
            Column("code", self.t("c_code"), "text"),
            Column("place", self.t("s_district" if district else "c_place"), "text"),
            Column("type", self.t("c_type"), "text"),
            Column("people", self.t("c_people")),
            Column("value", self.t("c_amount_value"), "money"),
        )
        names = dict(self._types_given())
        cells = [c for c in self.s.support_by_place if c.grant_type in names]
        body = [
            (c.key, c.name or (c.key or self.t("unknown")), names[c.grant_type], c.people, c.value)
            for c in cells
        ]
        total = ("", self.t("total"), "", self.s.people.total.in_period,
                 sum(c.value for c in cells))  # fmt: skip
        self.alias(key, "total", "people", ("people_total", "in_period"))
        self.alias(key, "total", "value", ("support_value", "total"))
        note = self.t("note_cross") + " " + self.t("note_district" if district else "note_commune")
        out = self.table(
            key, cols, body, total, note,
            title=self.t("t_support_place"), sheet=self.t("s_support_place"),
        )  # fmt: skip
        k = self.know.key
        for code in names:
            mine = [i for i, c in enumerate(cells) if c.grant_type == code]
            if mine:
                self.sum(*[k(key, i, "people") for i in mine],
                         k("support", self.support_rows[code], "people"))  # fmt: skip
                self.sum(*[k(key, i, "value") for i in mine], ("support_value", code))
        for i, c in enumerate(cells):
            self._cell_amounts(k(key, i, "people"), k(key, i, "value"), c)
        self.depend(k(key, "total", "value"), k(key, "total", "people"))
        return out

    # --- the other tables --------------------------------------------------------------
    def projects(self) -> Table:
        cols = (
            Column("code", self.t("c_code"), "text"),
            Column("project", self.t("c_project"), "text"),
            Column("donor", self.t("c_donor"), "text"),
            Column("start", self.t("c_start"), "date"),
            Column("end", self.t("c_end"), "date"),
            Column("budget", self.t("c_budget"), "money"),
            Column("spent", self.t("c_spent"), "money"),
            Column("spent_in_period", self.t("c_spent_period"), "money"),
            Column("left", self.t("c_left"), "money"),
        )
        ps = self.s.projects
        rows = [
            (p.code, p.name, p.donor, p.start_date, p.end_date, p.budget, p.spent,
             p.spent_in_period, p.left)
            for p in ps
        ]  # fmt: skip
        total = (
            "",
            self.t("total"),
            "",
            None,
            None,
            sum(p.budget for p in ps),
            sum(p.spent for p in ps),
            sum(p.spent_in_period for p in ps),
            sum(p.left for p in ps),
        )
        note = self.t("note_budget")
        out = self.table("projects", cols, rows, total, note)
        # With no one left out, the projects' spending is the value handed over.
        k = self.know.key
        self.sum(k("projects", "total", "spent_in_period"), ("support_value", "total"))
        self.sum(k("projects", "total", "spent"), ("support_value", "total_cumulative"))
        return out

    def _step(self, v: VisitFigures) -> str:
        if v.months_after is None:
            return self.t("step_extra")
        return self.t("step_months", n=v.months_after)

    def visits(self) -> Table:
        keys = ("scheduled", "done", "missed", "overdue", "not_yet_due", "cancelled")
        cols = (
            Column("step", self.t("c_step"), "text"),
            *[Column(k, self.t(f"c_{k}")) for k in keys],
        )
        rows = [(self._step(v), *[getattr(v, k) for k in keys]) for v in self.s.visits]
        t = self.s.visits_total
        out = self.table(
            "visits", cols, rows, (self.t("total"), *[getattr(t, k) for k in keys]),
            self.t("note_visits"),
        )  # fmt: skip
        # done + missed + overdue + not yet due + cancelled = scheduled, in every row.
        ids: list[int | str] = [*range(len(rows)), "total"]
        self.sum_rows("visits", ids, (*keys[1:], keys[0]))
        return out

    def visit_outcomes(self) -> Table:
        keys = ("done_in_period", "running", "stopped", "safety", "school", "income_none",
                "income_low", "income_medium", "income_high")  # fmt: skip
        fields = ("done_in_period", "livelihood_running", "livelihood_stopped",
                  "safety_concern", "in_school", "income_none", "income_low", "income_medium",
                  "income_high")  # fmt: skip
        cols = (
            Column("step", self.t("c_step"), "text"),
            *[Column(k, self.t(f"c_{k}")) for k in keys],
        )
        rows = [(self._step(v), *[getattr(v, f) for f in fields]) for v in self.s.visits]
        t = self.s.visits_total
        out = self.table(
            "visit_outcomes", cols, rows, (self.t("total"), *[getattr(t, f) for f in fields]),
            self.t("note_outcomes"),
        )  # fmt: skip
        ids: list[int | str] = [*range(len(rows)), "total"]
        self.sum_rows("visit_outcomes", ids, ("running", "stopped", "done_in_period"))
        self.sum_rows("visit_outcomes", ids, (*keys[5:], "done_in_period"))
        return out

    def assets(self) -> Table:
        keys = ("total", "granted", "born", "alive", "sick", "in_use", "unused", "died",
                "sold", "passed_on", "gave_birth")  # fmt: skip
        cols = (
            Column("kind", self.t("c_asset"), "text"),
            *[Column(k, self.t("c_asset_total" if k == "total" else f"c_{k}")) for k in keys],
        )
        rows = [
            (label("asset_kind", a.kind, self.lang), *[getattr(a, k) for k in keys])
            for a in self.s.assets
        ]
        total = (self.t("total"), *[sum(getattr(a, k) for a in self.s.assets) for k in keys])
        out = self.table("assets", cols, rows, total, self.t("note_assets"))
        ids: list[int | str] = [*range(len(rows)), "total"]
        self.sum_rows("assets", ids, ("granted", "born", "total"))
        self.sum_rows("assets", ids, (*keys[3:10], "total"))
        return out

    def pass_on(self) -> Table:
        keys = ("passed_on", "families", "passed_on_total", "families_total")
        titles = ("c_po_given", "c_po_families", "c_po_given_total", "c_po_families_total")
        cols = (
            Column("kind", self.t("c_asset"), "text"),
            *[Column(k, self.t(t)) for k, t in zip(keys, titles, strict=True)],
        )
        rows = [
            (label("asset_kind", p.kind, self.lang), *[getattr(p, k) for k in keys])
            for p in self.s.pass_on
        ]
        t = self.s.pass_on_total
        out = self.table(
            "pass_on", cols, rows, (self.t("total"), *[getattr(t, k) for k in keys]),
            self.t("note_pass_on"),
        )  # fmt: skip
        # As many things passed on as families reached, at least; the period's within the
        # cumulative figures.
        k = self.know.key
        figures: list[tuple[int | str, PassOnFigures]] = [*enumerate(self.s.pass_on)]
        for r, p in [*figures, ("total", t)]:
            for given, families in (("passed_on", "families"),
                                    ("passed_on_total", "families_total")):  # fmt: skip
                self.at_least(k("pass_on", r, given), k("pass_on", r, families),
                              getattr(p, given), getattr(p, families))  # fmt: skip
            self.at_least(k("pass_on", r, "passed_on_total"), k("pass_on", r, "passed_on"),
                          p.passed_on_total, p.passed_on)  # fmt: skip
        return out

    def receipts(self) -> Table:
        r = self.s.receipts
        cols = (
            Column("figure", self.t("c_figure"), "text"),
            Column("count", self.t("c_count")),
            Column("amount", self.t("c_amount"), "money"),
        )
        rows: list[tuple[Cell, ...]] = [
            (self.t("r_issued"), r.issued, None),
            (self.t("r_valid"), r.valid, r.amount_valid),
            (self.t("r_voided"), r.voided, None),
            (self.t("r_reprints"), r.reprints, None),
        ]
        out = self.table("receipts", cols, rows, None, self.t("note_receipts"))
        k = self.know.key
        self.sum(k("receipts", 1, "count"), k("receipts", 2, "count"), k("receipts", 0, "count"))
        # One valid receipt for each hand-over: the receipts of the period repeat the
        # hand-overs and their value (a reader who knows the rule sees it when it holds).
        self.sum(k("receipts", 1, "count"), k("support", "total", "handovers"))
        self.sum(k("receipts", 1, "amount"), ("support_value", "total"))
        self.depend(k("receipts", 1, "amount"), k("receipts", 1, "count"))
        self.at_least(k("receipts", 1, "amount"), k("receipts", 1, "count"), r.amount_valid,
                      r.valid)  # fmt: skip
        return out

    def corrections(self) -> Table:
        c = self.s.corrections
        cols = (
            Column("figure", self.t("c_figure"), "text"),
            Column("count", self.t("c_count")),
            Column("change", self.t("c_change"), "number"),
        )

        def change(count: int, amount: int) -> Cell:
            # Beside a count shown as "<5", the amount is hidden too (it could give the
            # count back); the count itself is protected with the others.
            return HIDDEN if self.s.suppressed and 0 < count < 5 else amount

        rows: list[tuple[Cell, ...]] = [
            (
                self.t("x_adjustments"),
                c.handover_adjustments,
                change(c.handover_adjustments, c.handover_change),
            ),
            (self.t("x_late_voids"), c.late_voids, change(c.late_voids, -c.late_void_amount)),
        ]
        return self.table("corrections", cols, rows, None, self.t("note_corrections"))


def build_tables(summary: Summary, lang: str = "vi") -> list[Table]:
    """Every table of the summary, in report order; counts, and the amounts that would
    give them back, protected in the versions that leave the office."""
    tables, know = tables_and_knowledge(summary, lang)
    return protect_tables(tables, know) if summary.suppressed else tables


def tables_and_knowledge(summary: Summary, lang: str = "vi") -> tuple[list[Table], Knowledge]:
    """The tables with every figure, and what a reader knows of them."""
    b = _Builder(summary, lang)
    p = summary.people
    place_dim = "district" if summary.places == "district" else "commune"
    tables = [
        b.people("sex", p.by_sex),
        b.people("age", p.by_age),
        b.people("ethnicity", p.by_ethnicity, with_code=True),
        b.people(place_dim, p.by_commune, with_code=True),
        b.people("category", p.by_category),
        b.csa(),
        b.support(),
        b.support_by_category(),
        b.support_by_place(),
        b.projects(),
        b.visits(),
        b.visit_outcomes(),
        b.pass_on(),
        b.assets(),
        b.receipts(),
    ]
    if summary.corrections.any:
        tables.append(b.corrections())
    know = b.know
    published: dict[Key, int] = {}
    for t in tables:
        for rid, row in zip(_row_ids(t), t.all_rows(), strict=True):
            for col, value in zip(t.columns, row, strict=True):
                if col.kind in ("count", "money") and isinstance(value, int):
                    name = know.key(t.key, rid, col.key)
                    if published.get(name, value) != value:
                        # Two cells meant to print one figure disagree (figures made up by
                        # hand): they are two figures, and the relations of the first hold.
                        name = (t.key, rid, col.key)
                        know.keys[(t.key, rid, col.key)] = name
                    published[name] = value
    know.truth.update(published)
    return tables, know


def holding_sums(know: Knowledge) -> list[tuple[Key, ...]]:
    """The sums that hold: a column whose parts overlap (one person, two kinds of
    support) does not add up to its total, and tells the reader nothing exact."""
    truth = know.truth
    return [
        g
        for g in know.sums
        if len(g) > 1
        and all(k in truth for k in g)
        and sum(truth[k] for k in g[:-1]) == truth[g[-1]]
    ]


def _row_ids(t: Table) -> list[int | str]:
    return [*range(len(t.rows)), *(["total"] if t.total is not None else [])]


def protect_tables(tables: list[Table], know: Knowledge) -> list[Table]:
    """Hide counts from 1 to 4 ("<5"), and whatever else would give them back from a total,
    a row that adds up or an amount ("x"), consistently across the tables."""
    values: dict[Hashable, int] = {}
    for t in tables:
        for rid, row in zip(_row_ids(t), t.all_rows(), strict=True):
            for col, value in zip(t.columns, row, strict=True):
                if col.kind in ("count", "money") and isinstance(value, int):
                    values[know.key(t.key, rid, col.key)] = value
    # The projects' money is accounts, shown whole: only the amounts a count depends on,
    # and those that add up with them, are part of the protection.
    marks = protect(
        values,
        (),
        equations=[*map(sum_equation, holding_sums(know)), *know.equations],
        depends={k: v for k, v in know.depends.items() if k in values},
        fixed=[k for k in values if isinstance(k, tuple) and k[0] == "projects"],
        truth=dict(know.truth.items()),
    )

    def masked(t: Table, rid: int | str, row: tuple[Cell, ...]) -> tuple[Cell, ...]:
        return tuple(
            marks.get(know.key(t.key, rid, col.key), value)
            if col.kind in ("count", "money") and isinstance(value, int)
            else value
            for col, value in zip(t.columns, row, strict=True)
        )

    return [
        replace(
            t,
            rows=tuple(masked(t, i, row) for i, row in enumerate(t.rows)),
            total=masked(t, "total", t.total) if t.total is not None else None,
        )
        for t in tables
    ]


def chart_items(tables: Sequence[Table]) -> list[tuple[str, int | None, int | None]]:
    """The bars of the support chart from the support table as printed: (type, value
    handed over in the period, to its end) in đồng; None where a part is hidden (a bar
    would give it back)."""
    table = next((t for t in tables if t.key == "support"), None)
    if table is None:
        return []
    at = {c.key: i for i, c in enumerate(table.columns)}

    def bar(row: tuple[Cell, ...], cash: str, goods: str) -> int | None:
        a, b = row[at[cash]], row[at[goods]]
        return a + b if isinstance(a, int) and isinstance(b, int) else None

    return [
        (str(row[at["type"]]), bar(row, "cash", "in_kind"), bar(row, "cash_total", "in_kind_total"))
        for row in table.rows
    ]


def info_rows(summary: Summary, lang: str, app_version: str) -> list[tuple[str, str]]:
    """The head of every file: office, period, version, time, and the notes."""
    p = summary.period
    made = summary.made_at_local
    rows = [
        (text("office", lang), summary.office_name),
        (text("period", lang), p.label(lang)),
        (text("dates", lang), f"{format_date(p.start, 'vi')} – {format_date(p.end, 'vi')}"),
        (text("audience", lang), audience_label(summary.audience, lang)),
        (text("places", lang), text(f"places_{summary.places}", lang)),
        (text("status", lang), status_text(summary, lang)),
        (text("generated", lang), made.strftime("%d/%m/%Y %H:%M")),
        (text("app", lang), f"Grant Tracker {app_version}"),
    ]
    if summary.audit_head is not None:
        # The chain head when this was made: `tracker audit verify --against` later
        # checks it is still in the trail.
        last_id, count, digest = summary.audit_head
        value = text("audit_head_value", lang, count=count, last_id=last_id, hash=digest)
        rows.append((text("audit_head", lang), value))
    if summary.closed is not None:
        c = summary.closed
        day = c.at.astimezone(OFFICE_TIME).strftime("%d/%m/%Y %H:%M")
        value = text("closed_value", lang, day=day, by=c.by, digest=c.digest[:16])
        rows.append((text("closed", lang), value))
    for r in summary.reopenings:
        day = r.at.astimezone(OFFICE_TIME).strftime("%d/%m/%Y %H:%M")
        value = text("reopened_value", lang, period=r.period_key, day=day, by=r.by,
                     reason=r.reason)  # fmt: skip
        rows.append((text("reopened", lang), value))
    return [(k, neutralise(v)) for k, v in rows]


def status_text(summary: Summary, lang: str) -> str:
    if summary.provisional:
        day = summary.made_at_local.strftime("%d/%m/%Y")
        return text("provisional_note", lang, day=day)
    return text("final", lang)


def notes(summary: Summary, lang: str) -> list[str]:
    out = [text("note_anon", lang)]
    if summary.suppressed:
        out.append(text("note_small", lang))
        out.append(text("note_hidden", lang))
        out.append(text("note_amounts", lang))
        n = summary.excluded_people
        out.append(text("note_consent", lang, count=SUPPRESSED if 0 < n < 5 else n))
    if summary.is_empty:
        out.append(text("empty", lang))
    return out
