"""The summary as an XLSX workbook (openpyxl): an "about" sheet, then a sheet per table.

Numbers are stored as numbers (counts ``#,##0``, đồng ``#,##0 "₫"``, dates
``dd/mm/yyyy``), the header row is frozen, columns are sized to their content, and every
text cell that a spreadsheet would take for a formula is neutralised (``'=...``).
Suppressed counts ("<5") are text, right-aligned like the numbers beside them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tracker.domain.shapes import Summary
from tracker.reports.summary_tables import Cell, Column, Table, info_rows, neutralise, notes, text

MONEY_FORMAT = '#,##0 "₫"'
COUNT_FORMAT = "#,##0"
DATE_FORMAT = "dd/mm/yyyy"
HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", start_color="DDE8F5", end_color="DDE8F5")
TOTAL_FONT = Font(bold=True)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
FIXED_CREATED = datetime(2000, 1, 1)


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
        widths[c - 1] = min(len(col.title), 24)
    r = 1
    for r, values in enumerate(rows, start=2):
        for c, (col, value) in enumerate(zip(columns, values, strict=True), start=1):
            widths[c - 1] = max(widths[c - 1], _write_cell(ws, r, c, value, col.kind))
    if total is not None:
        r += 1
        for c, (col, value) in enumerate(zip(columns, total, strict=True), start=1):
            widths[c - 1] = max(widths[c - 1], _write_cell(ws, r, c, value, col.kind))
            ws.cell(row=r, column=c).font = TOTAL_FONT
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = min(max(w + 2, 8), 60)
    ws.freeze_panes = "B2"


def _anonymous(wb: Workbook, title: str) -> None:
    props = wb.properties
    props.creator = "Grant Tracker"
    props.lastModifiedBy = None
    props.title = title
    props.created = FIXED_CREATED
    props.modified = FIXED_CREATED


def render_summary_xlsx(
    summary: Summary, tables: Sequence[Table], *, lang: str = "vi", app_version: str = ""
) -> bytes:
    wb = Workbook()
    _anonymous(wb, text("report_title", lang))
    taken: set[str] = set()
    info = wb.active
    assert info is not None
    info.title = sheet_title(text("s_info", lang), taken)
    cols = (
        Column("item", text("c_item", lang), "text"),
        Column("value", text("c_value", lang), "text"),
    )
    info_body: list[tuple[Cell, ...]] = list(info_rows(summary, lang, app_version))
    info_body += [("", n) for n in notes(summary, lang)]
    write_table(info, cols, info_body)
    info.column_dimensions["B"].width = 90
    for t in tables:
        ws = wb.create_sheet(sheet_title(t.sheet, taken))
        write_table(ws, t.columns, t.rows, t.total)
        if t.note:
            last = ws.max_row + 2
            cell = ws.cell(row=last, column=1, value=neutralise(t.note))
            cell.data_type = "s"
            cell.font = Font(italic=True, color="555555")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
