"""The summary as an XLSX workbook (openpyxl): an "about" sheet, then a sheet per table.

Numbers are stored as numbers (counts ``#,##0``, đồng ``#,##0 "₫"``, dates
``dd/mm/yyyy``), the header row is frozen, columns are sized to their content, and every
text cell that a spreadsheet would take for a formula is neutralised (``'=...``).
Suppressed counts ("<5") are text, right-aligned like the numbers beside them.

Each sheet prints on A4: landscape when its columns are wide, fitted to one page wide
(as many pages down as it needs), the header row repeated on every page, the report's
title, the period (and "SỐ LIỆU TẠM TÍNH" while the period runs) in the page header, page
numbers in the footer. The "about" sheet ends on the sign-off block.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from tracker.domain.shapes import Summary
from tracker.i18n import format_document_date
from tracker.reports.summary_tables import Cell, Column, Table, info_rows, neutralise, notes, text

MONEY_FORMAT = '#,##0 "₫"'
COUNT_FORMAT = "#,##0"
DATE_FORMAT = "dd/mm/yyyy"
HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", start_color="DDE8F5", end_color="DDE8F5")
TOTAL_FONT = Font(bold=True)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
FIXED_CREATED = datetime(2000, 1, 1)
#: Wider than this (in character widths), a sheet prints landscape.
PORTRAIT_WIDTH = 95
RED = "C00000"


def sheet_title(title: str, taken: set[str]) -> str:
    """A valid, unique tab name: no []:*?/\\, at most 31 characters."""
    base = _BAD_SHEET_CHARS.sub(" ", title).strip().strip("'")[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


def _write_cell(ws: Worksheet, row: int, col: int, value: Cell, kind: str) -> int:
    """Write one cell; returns the width its text needs."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, int):
        cell.value = value
        cell.number_format = MONEY_FORMAT if kind == "money" else COUNT_FORMAT
        return len(f"{value:,}") + (2 if kind == "money" else 0)
    if isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
        return 10
    if value is None:
        return 0
    txt = neutralise(str(value))
    cell.value = txt
    cell.data_type = "s"  # never a formula, whatever the text
    if kind != "text":
        cell.alignment = Alignment(horizontal="right")
    return max((len(line) for line in txt.splitlines()), default=0)


def write_table(ws: Worksheet, columns: Sequence[Column], rows: Iterable[Sequence[Cell]],
                total: Sequence[Cell] | None = None) -> None:  # fmt: skip
    """Header in row 1 (frozen), data below, column widths from the content."""
    widths = [0] * len(columns)
    for c, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=c, value=neutralise(col.title))
        cell.data_type = "s"
        cell.font = HEAD_FONT
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # A header wraps between words: its longest word, not its whole length.
        widths[c - 1] = max((len(w) for w in col.title.split()), default=4)
    r = 1
    for r, values in enumerate(rows, start=2):
        for c, (col, value) in enumerate(zip(columns, values, strict=True), start=1):
            widths[c - 1] = max(widths[c - 1], _write_cell(ws, r, c, value, col.kind))
    if total is not None:
        r += 1
        for c, (col, value) in enumerate(zip(columns, total, strict=True), start=1):
            widths[c - 1] = max(widths[c - 1], _write_cell(ws, r, c, value, col.kind))
            ws.cell(row=r, column=c).font = TOTAL_FONT
    lines = 1
    for c, (col, w) in enumerate(zip(columns, widths, strict=True), start=1):
        # Figures keep their whole width (a column too narrow prints ####); headers wrap.
        cap = 60 if col.kind == "text" else 30
        width = min(max(w + 2, 9), cap)
        ws.column_dimensions[get_column_letter(c)].width = width
        lines = max(lines, -(-len(col.title) // max(int(width) - 2, 1)))
    ws.row_dimensions[1].height = 15 * min(lines, 4)
    ws.freeze_panes = "B2"


def _fit_height(ws: Worksheet, row: int, value: str, width: float) -> None:
    """A row tall enough for ``value`` wrapped in ``width`` characters (spreadsheets do not
    all grow a row for wrapped text by themselves)."""
    lines = max(1, -(-len(value) // max(int(width * 0.95), 1)))
    ws.row_dimensions[row].height = 15 * lines


def _sheet_width(ws: Worksheet) -> float:
    return sum(d.width or 8 for d in ws.column_dimensions.values())


def print_setup(ws: Worksheet, title: str, period: str, provisional: str) -> None:
    """A4, landscape when wide, one page wide, header row repeated, title and period in
    the page header, page numbers in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if _sheet_width(ws) > PORTRAIT_WIDTH else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.75, bottom=0.6, header=0.3)
    for header in (ws.oddHeader, ws.evenHeader):
        header.left.text = _header_text(title)
        header.left.size = 9
        header.center.text = _header_text(period)
        header.center.size = 9
        if provisional:
            header.right.text = _header_text(provisional)
            header.right.size = 10
            header.right.font = "Arial,Bold"
            header.right.color = RED
    for footer in (ws.oddFooter, ws.evenFooter):
        footer.left.text = _header_text(ws.title)
        footer.left.size = 8
        footer.right.text = "&P / &N"
        footer.right.size = 8


def _header_text(value: str) -> str:
    """Text for a page header: "&" starts a header code, so it is doubled."""
    return value.replace("&", "&&")


def _anonymous(wb: Workbook, title: str) -> None:
    props = wb.properties
    props.creator = "Grant Tracker"
    props.lastModifiedBy = None
    props.title = title
    props.created = FIXED_CREATED
    props.modified = FIXED_CREATED


def _sign_off_rows(summary: Summary, lang: str) -> list[tuple[Cell, ...]]:
    so = summary.sign_off
    day = so.made_on or summary.made_at_local.date()
    when = format_document_date(day, lang)
    if lang == "vi":
        when = when[0].lower() + when[1:]
    line = f"{so.place}, {when}" if so.place else when[0].upper() + when[1:]
    return [
        ("", ""),
        ("", line),
        (text("sign_preparer", lang), f"{text('sign_hint', lang)}  {so.preparer}"),
        (text("sign_accountant", lang), f"{text('sign_hint', lang)}  {so.accountant}"),
        (text("sign_head", lang), f"{text('sign_hint_seal', lang)}  {so.head}"),
    ]


def render_summary_xlsx(
    summary: Summary, tables: Sequence[Table], *, lang: str = "vi", app_version: str = ""
) -> bytes:
    wb = Workbook()
    title = text("report_title", lang)
    provisional = text("provisional", lang) if summary.provisional else ""
    _anonymous(wb, f"{title} ({provisional})" if provisional else title)
    period = summary.period.label(lang)
    taken: set[str] = set()
    info = wb.active
    assert info is not None
    info.title = sheet_title(text("s_info", lang), taken)
    cols = (
        Column("item", text("c_item", lang), "text"),
        Column("value", text("c_value", lang), "text"),
    )
    info_body: list[tuple[Cell, ...]] = []
    if provisional:
        day = summary.made_at_local.strftime("%d/%m/%Y")
        info_body.append((provisional, text("provisional_note", lang, day=day)))
    info_body += list(info_rows(summary, lang, app_version))
    info_body += [("", n) for n in notes(summary, lang)]
    info_body += _sign_off_rows(summary, lang)
    write_table(info, cols, info_body)
    info.column_dimensions["A"].width = 24
    info.column_dimensions["B"].width = 90
    for row in info.iter_rows(min_row=2, max_col=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        _fit_height(info, row[1].row, str(row[1].value or ""), 90)
    if provisional:
        info.cell(row=2, column=1).font = Font(bold=True, color=RED)
        info.cell(row=2, column=2).font = Font(bold=True, color=RED)
    for r in range(info.max_row - 2, info.max_row + 1):
        info.cell(row=r, column=1).font = Font(bold=True)
    print_setup(info, title, period, provisional)
    for t in tables:
        ws = wb.create_sheet(sheet_title(t.sheet, taken))
        write_table(ws, t.columns, t.rows, t.total)
        width = len(t.columns)
        last = ws.max_row
        if t.note:
            last += 2
            cell = ws.cell(row=last, column=1, value=neutralise(t.note))
            cell.data_type = "s"
            cell.font = Font(italic=True, color="555555")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            # Across the table's width, wrapped: on paper it stays within the page.
            if width > 1:
                ws.merge_cells(start_row=last, start_column=1, end_row=last, end_column=width)
            _fit_height(ws, last, t.note, _sheet_width(ws))
        ws.print_area = f"A1:{get_column_letter(width)}{last}"
        print_setup(ws, title, f"{t.title} · {period}", provisional)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
