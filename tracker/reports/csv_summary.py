"""The summary as CSV files: one per table, UTF-8 with a byte-order mark (so Excel opens
Vietnamese correctly), CRLF line ends, numbers without grouping and dates as dd/mm/yyyy.
Text that a spreadsheet would take for a formula is neutralised.

The separator is a semicolon by default for a Vietnamese report: Excel on a Vietnamese
Windows (where the decimal mark is a comma) splits columns on ";" and would put a whole
comma-separated line in one cell. A comma is the default for an English report, and a
choice for a program that expects it. No "sep=" line is written: other readers would take
it for a row of data."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date

from tracker.domain.shapes import Summary
from tracker.reports.summary_tables import (
    Cell,
    Table,
    info_rows,
    neutralise,
    notes,
    status_text,
    text,
)

BOM = "\ufeff"
SEPARATORS = (";", ",")


def default_separator(lang: str) -> str:
    """ ";" for a Vietnamese report (Excel on a Vietnamese Windows), "," otherwise."""
    return ";" if lang == "vi" else ","


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


def csv_bytes(
    header: Sequence[str], rows: Iterable[Sequence[Cell]], *, separator: str = ","
) -> bytes:
    if separator not in SEPARATORS:
        raise ValueError(f"separator must be one of {SEPARATORS}, got {separator!r}")
    buf = io.StringIO()
    buf.write(BOM)
    writer = csv.writer(buf, delimiter=separator, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([_plain(v) for v in row])
    return buf.getvalue().encode("utf-8")


def table_csv(table: Table, *, separator: str = ",") -> bytes:
    return csv_bytes([c.title for c in table.columns], table.all_rows(), separator=separator)


def render_summary_csv(
    summary: Summary,
    tables: Sequence[Table],
    *,
    lang: str = "vi",
    app_version: str = "",
    separator: str | None = None,
) -> dict[str, bytes]:
    """File name -> bytes: ``00_info.csv`` then ``NN_<table>.csv``; ``separator`` ";" or
    "," (default: :func:`default_separator` of the language)."""
    sep = separator or default_separator(lang)
    info: list[tuple[Cell, ...]] = []
    if summary.provisional:
        info.append((text("provisional", lang), status_text(summary, lang)))
    info += list(info_rows(summary, lang, app_version))
    info += [("", n) for n in notes(summary, lang)]
    head = [text("c_item", lang), text("c_value", lang)]
    files = {"00_info.csv": csv_bytes(head, info, separator=sep)}
    for i, t in enumerate(tables, start=1):
        files[f"{i:02d}_{t.key}.csv"] = table_csv(t, separator=sep)
    return files
