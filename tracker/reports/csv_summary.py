"""The summary as CSV files: one per table, UTF-8 with a byte-order mark (so Excel opens
Vietnamese correctly), comma-separated, CRLF line ends, numbers without grouping and
dates as dd/mm/yyyy. Text that a spreadsheet would take for a formula is neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date

from tracker.domain.shapes import Summary
from tracker.reports.summary_tables import Cell, Table, info_rows, neutralise, notes, text

BOM = "\ufeff"


def _plain(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return neutralise(str(value))


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    buf = io.StringIO()
    buf.write(BOM)
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([_plain(v) for v in row])
    return buf.getvalue().encode("utf-8")


def table_csv(table: Table) -> bytes:
    return csv_bytes([c.title for c in table.columns], table.all_rows())


def render_summary_csv(
    summary: Summary, tables: Sequence[Table], *, lang: str = "vi", app_version: str = ""
) -> dict[str, bytes]:
    """File name -> bytes: ``00_info.csv`` then ``NN_<table>.csv``."""
    info: list[tuple[Cell, ...]] = list(info_rows(summary, lang, app_version))
    info += [("", n) for n in notes(summary, lang)]
    files = {"00_info.csv": csv_bytes([text("c_item", lang), text("c_value", lang)], info)}
    for i, t in enumerate(tables, start=1):
        files[f"{i:02d}_{t.key}.csv"] = table_csv(t)
    return files
