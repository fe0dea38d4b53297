"""The summary as output tables: titles, columns and cells in one language, with small-cell
protection for the versions that leave the office (``tracker.reports.suppression``).

Plain data in (``tracker.services.reports.Summary``), plain tables out; the PDF, XLSX and
CSV writers only lay these tables out. Anonymised by construction: the summary holds codes
and numbers only, never a name, ID number, phone or village.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Union

from tracker.domain.ethnic import ETHNIC_GROUPS
from tracker.domain.shapes import PeopleCount, Summary, VisitFigures
from tracker.i18n import format_date
from tracker.i18n.labels import label
from tracker.reports.suppression import HIDDEN, SMALL, protect

__all__ = ["HIDDEN", "SUPPRESSED", "Table", "build_tables", "protect_tables"]


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
    "generated": ("Lập lúc (UTC)", "Made at (UTC)"),
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
        "Xã/phường theo đơn vị hành chính tại ngày cuối kỳ.",
        "Communes as the units were on the period's last day.",
    ),
    "note_visits": (
        "Đến hạn: hẹn thăm trong kỳ; đã thăm: thăm trong kỳ; không gặp được: đã đến trong kỳ"
        " nhưng không gặp người được hỗ trợ; quá hạn: đến hạn mà chưa thăm.",
        "Due: scheduled in the period; done: done in the period; no one met: went in the"
        " period but could not meet the person; overdue: due and not yet visited.",
    ),
    "note_assets": (
        "Tình trạng tại ngày cuối kỳ, gồm cả con sinh ra.",
        "Condition on the period's last day, young born included.",
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
    "t_visits": ("Thăm theo dõi và kết quả", "Follow-up visits and outcomes"),
    "s_visits": ("Thăm theo dõi", "Follow-up visits"),
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


class _Builder:
    def __init__(self, summary: Summary, lang: str) -> None:
        self.s = summary
        self.lang = lang

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
    ) -> Table:
        part = key.split("_", 1)[-1] if key.startswith("people_") else key
        sheet_key = f"sh_{part}" if key.startswith("people_") else f"s_{part}"
        return Table(
            key=key,
            title=self.t(f"t_{part}"),
            sheet=self.t(sheet_key),
            columns=columns,
            rows=tuple(self.row(columns, r) for r in rows),
            total=self.row(columns, total) if total is not None else None,
            note=note,
        )

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
        notes = {"age": "note_age", "commune": "note_commune"}
        note = self.t("note_people")
        if dim in notes:
            note += " " + self.t(notes[dim])
        return self.table(
            f"people_{dim}",
            columns,
            body,
            (*lead, t.new, t.continuing, t.in_period, t.cumulative),
            note,
        )

    def group_name(self, dim: str, r: PeopleCount) -> str:
        if dim == "sex":
            return label("sex", r.key, self.lang)
        if dim == "category":
            return label("category", r.key, self.lang)
        if dim == "age":
            return self.t(r.key)
        if dim == "ethnicity":
            return _ethnic_name(r.key, self.lang)
        if dim == "commune":
            return r.name or (r.key if r.key else self.t("unknown"))
        return r.key

    # --- the other tables --------------------------------------------------------------
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
        return self.table("support", cols, rows, total)

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
        return self.table("projects", cols, rows, total, note)

    def visits(self) -> Table:
        cols = (
            Column("step", self.t("c_step"), "text"),
            Column("due", self.t("c_due")),
            Column("done", self.t("c_done")),
            Column("overdue", self.t("c_overdue")),
            Column("missed", self.t("c_missed")),
            Column("running", self.t("c_running")),
            Column("stopped", self.t("c_stopped")),
            Column("safety", self.t("c_safety")),
            Column("school", self.t("c_school")),
            Column("income_none", self.t("c_income_none")),
            Column("income_low", self.t("c_income_low")),
            Column("income_medium", self.t("c_income_medium")),
            Column("income_high", self.t("c_income_high")),
        )

        def values(v: VisitFigures, name: str) -> tuple[Cell, ...]:
            return (
                name,
                v.due,
                v.done,
                v.overdue,
                v.missed,
                v.livelihood_running,
                v.livelihood_stopped,
                v.safety_concern,
                v.in_school,
                v.income_none,
                v.income_low,
                v.income_medium,
                v.income_high,
            )

        rows = [
            values(
                v,
                self.t("step_months", n=v.months_after)
                if v.months_after is not None
                else self.t("step_extra"),
            )
            for v in self.s.visits
        ]
        total = values(self.s.visits_total, self.t("total"))
        return self.table("visits", cols, rows, total, self.t("note_visits"))

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
        return self.table("assets", cols, rows, total, self.t("note_assets"))

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
        return self.table("receipts", cols, rows, None, self.t("note_receipts"))


def build_tables(summary: Summary, lang: str = "vi") -> list[Table]:
    """Every table of the summary, in report order; counts protected in the versions that
    leave the office."""
    tables = _raw_tables(summary, lang)
    return protect_tables(tables) if summary.suppressed else tables


#: Columns of one row that add up: (part, part, ..., their sum).
_ROW_SUMS: dict[str, tuple[tuple[str, ...], ...]] = {
    "people": (("new", "continuing", "in_period"),),
    "visits": (("running", "stopped", "done"),),
}
#: The support table's people columns are the people tables' totals.
_SUPPORT_PEOPLE = {"people": "in_period", "people_total": "cumulative"}


def _cell_key(table: str, row: int | str, column: str) -> tuple[object, ...]:
    """One name for a figure printed in several places: every people table ends on the
    same total row, and the support table repeats two of its cells."""
    if row == "total" and table.startswith("people_"):
        return ("people_total", column)
    if row == "total" and table == "support" and column in _SUPPORT_PEOPLE:
        return ("people_total", _SUPPORT_PEOPLE[column])
    return (table, row, column)


def protect_tables(tables: list[Table]) -> list[Table]:
    """Hide counts from 1 to 4 ("<5"), and whatever else would give them back from a total
    or a row that adds up ("x"), consistently across the tables."""
    values: dict[object, int] = {}
    sums: list[list[object]] = []
    for t in tables:
        row_ids: list[int | str] = [*range(len(t.rows)), *(["total"] if t.total else [])]
        counts = [c.key for c in t.columns if c.kind == "count"]
        for rid, row in zip(row_ids, t.all_rows(), strict=True):
            for col, value in zip(t.columns, row, strict=True):
                if col.kind == "count" and isinstance(value, int):
                    values[_cell_key(t.key, rid, col.key)] = value
        if t.total is not None:
            for c in counts:
                sums.append([_cell_key(t.key, r, c) for r in row_ids])
        family = "people" if t.key.startswith("people_") else t.key
        for parts in _ROW_SUMS.get(family, ()):
            for rid in row_ids:
                sums.append([_cell_key(t.key, rid, c) for c in parts])
        if t.key == "receipts":  # issued = valid + voided
            sums.append([_cell_key(t.key, r, "count") for r in (1, 2, 0)])
    marks = protect(values, sums)

    def masked(t: Table, rid: int | str, row: tuple[Cell, ...]) -> tuple[Cell, ...]:
        return tuple(
            marks.get(_cell_key(t.key, rid, col.key), value)
            if col.kind == "count" and isinstance(value, int)
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


def _raw_tables(summary: Summary, lang: str) -> list[Table]:
    b = _Builder(summary, lang)
    p = summary.people
    return [
        b.people("sex", p.by_sex),
        b.people("age", p.by_age),
        b.people("ethnicity", p.by_ethnicity, with_code=True),
        b.people("commune", p.by_commune, with_code=True),
        b.people("category", p.by_category),
        b.support(),
        b.projects(),
        b.visits(),
        b.assets(),
        b.receipts(),
    ]


def info_rows(summary: Summary, lang: str, app_version: str) -> list[tuple[str, str]]:
    """The head of every file: office, period, version, time, and the notes."""
    p = summary.period
    rows = [
        (text("office", lang), summary.office_name),
        (text("period", lang), p.label(lang)),
        (text("dates", lang), f"{format_date(p.start, 'vi')} – {format_date(p.end, 'vi')}"),
        (text("audience", lang), audience_label(summary.audience, lang)),
        (text("generated", lang), summary.generated_at.strftime("%Y-%m-%d %H:%M")),
        (text("app", lang), f"Grant Tracker {app_version}"),
    ]
    if summary.audit_head is not None:
        # The chain head when this was made: `tracker audit verify --against` later
        # checks it is still in the trail.
        last_id, count, digest = summary.audit_head
        value = text("audit_head_value", lang, count=count, last_id=last_id, hash=digest)
        rows.append((text("audit_head", lang), value))
    return [(k, neutralise(v)) for k, v in rows]


def notes(summary: Summary, lang: str) -> list[str]:
    out = [text("note_anon", lang)]
    if summary.suppressed:
        out.append(text("note_small", lang))
        out.append(text("note_hidden", lang))
        n = summary.excluded_people
        out.append(text("note_consent", lang, count=SUPPRESSED if 0 < n < 5 else n))
    if summary.is_empty:
        out.append(text("empty", lang))
    return out
