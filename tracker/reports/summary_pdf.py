"""The summary as a PDF: A4 landscape, the embedded Be Vietnam Pro font, a bar chart of
the support given by type, then every table with its notes.

Plain tables in (``summary_tables``), PDF bytes out. reportlab's platypus lays the tables
out (a summary is a few pages, so its cost does not matter here) and reportlab.graphics
draws the chart.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from tracker.domain.shapes import Summary
from tracker.i18n import format_date, format_number
from tracker.reports._layout import clean
from tracker.reports.fonts import register_fonts
from tracker.reports.summary_tables import Cell, info_rows, notes, text
from tracker.reports.summary_tables import Table as OutTable

PAGE = landscape(A4)
MARGIN = 12 * mm
HEAD_FILL = colors.Color(0.87, 0.91, 0.96)
ZEBRA = colors.Color(0.965, 0.965, 0.965)
TOTAL_FILL = colors.Color(0.92, 0.92, 0.92)
BAR_PERIOD = colors.Color(0.16, 0.38, 0.64)
BAR_CUMULATIVE = colors.Color(0.62, 0.75, 0.89)


def _esc(value: str) -> str:
    return clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell_text(value: Cell, kind: str, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_number(value, lang)
    if isinstance(value, date):
        return format_date(value, "vi")
    return clean(str(value))


class _Styles:
    def __init__(self) -> None:
        f = register_fonts()
        self.title = ParagraphStyle(
            "title", fontName=f.bold, fontSize=15, leading=20, alignment=1, spaceAfter=4
        )
        self.sub = ParagraphStyle("sub", fontName=f.regular, fontSize=10, leading=14, alignment=1)
        self.h2 = ParagraphStyle(
            "h2", fontName=f.bold, fontSize=11, leading=15, spaceBefore=8, spaceAfter=3
        )
        self.body = ParagraphStyle("body", fontName=f.regular, fontSize=8.5, leading=11.5)
        self.note = ParagraphStyle(
            "note",
            fontName=f.italic,
            fontSize=7.5,
            leading=10,
            textColor=colors.Color(0.3, 0.3, 0.3),
            spaceBefore=2,
        )
        self.cell = ParagraphStyle(
            "cell", fontName=f.regular, fontSize=7.5, leading=9.5, alignment=TA_LEFT
        )
        self.head = ParagraphStyle("head", fontName=f.bold, fontSize=7.5, leading=9.5)
        self.head_r = ParagraphStyle("head_r", parent=self.head, alignment=2)
        self.fonts = f


def _column_widths(table: OutTable, total: float, lang: str) -> list[float]:
    """Widths in proportion to what each column must show unbroken: its longest figure or
    code, its header's longest word; long texts (names of projects) may wrap."""
    weights = []
    for i, col in enumerate(table.columns):
        cells = [_cell_text(r[i], col.kind, lang) for r in table.all_rows()]
        longest = max([len(c) for c in cells] + [0])
        word = max(len(w) for w in col.title.split()) if col.title.strip() else 4
        cap = 40 if col.kind == "text" else 1000
        weights.append(min(max(longest, word, 5), cap) + 2.5)
    scale = total / sum(weights)
    return [w * scale for w in weights]


def _table(table: OutTable, st: _Styles, lang: str, width: float) -> Table:
    head = [
        Paragraph(_esc(c.title), st.head if c.kind in ("text", "date") else st.head_r)
        for c in table.columns
    ]
    body: list[list[object]] = [head]
    for row in table.all_rows():
        cells: list[object] = []
        for col, value in zip(table.columns, row, strict=True):
            txt = _cell_text(value, col.kind, lang)
            cells.append(Paragraph(_esc(txt), st.cell) if col.kind == "text" else txt)
        body.append(cells)
    t = Table(body, colWidths=_column_widths(table, width, lang), repeatRows=1)
    style = [
        ("FONT", (0, 1), (-1, -1), st.fonts.regular, 7.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.Color(0.6, 0.6, 0.6)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i, col in enumerate(table.columns):
        if col.kind not in ("text", "date"):
            style.append(("ALIGN", (i, 1), (i, -1), "RIGHT"))
    for r in range(2, len(body), 2):
        style.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
    if table.total is not None:
        style += [
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL),
            ("FONT", (0, -1), (-1, -1), st.fonts.bold, 7.5),
        ]
    t.setStyle(TableStyle(style))
    return t


def support_chart(
    items: Sequence[tuple[str, int, int]], lang: str, width: float, font: str
) -> Drawing:
    """Horizontal bars: value handed over in the period and to its end, per type
    (million đồng). ``items`` are (type name, in period, cumulative) in đồng."""
    shown = [i for i in items if i[1] or i[2]]
    rows = max(len(shown), 1)
    bar_h = 9
    plot_h = rows * (2 * bar_h + 6)
    height = plot_h + 46
    d = Drawing(width, height)
    d.add(String(0, height - 12, clean(text("chart_support", lang)), fontName=font, fontSize=10))
    if not shown:
        d.add(String(0, height - 30, clean(text("empty", lang)), fontName=font, fontSize=9))
        return d
    chart = HorizontalBarChart()
    chart.x = 190
    chart.y = 18
    chart.width = width - chart.x - 30
    chart.height = plot_h
    # The chart draws its first category at the bottom: reverse to read top-down.
    shown = list(reversed(shown))
    chart.data = [
        [round(i[1] / 1_000_000, 1) for i in shown],
        [round(i[2] / 1_000_000, 1) for i in shown],
    ]
    chart.categoryAxis.categoryNames = [clean(i[0])[:40] for i in shown]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    # Room after the longest bar for its label.
    biggest = max(max(row) for row in chart.data) or 1
    chart.valueAxis.valueMax = biggest * 1.12
    chart.valueAxis.labelTextFormat = lambda v: format_number(int(v), lang)
    chart.bars[0].fillColor = BAR_PERIOD
    chart.bars[1].fillColor = BAR_CUMULATIVE
    chart.bars.strokeColor = None
    chart.barWidth = bar_h
    chart.groupSpacing = 6
    chart.barLabelFormat = lambda v: format_number(v, lang) if v else ""
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    legend = Legend()
    legend.x = width - 190
    legend.y = height - 4
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.fontName = font
    legend.fontSize = 8
    legend.alignment = "right"
    legend.colorNamePairs = [
        (BAR_PERIOD, clean(text("in_period", lang))),
        (BAR_CUMULATIVE, clean(text("cumulative", lang))),
    ]
    d.add(legend)
    return d


class _Chart(Flowable):  # type: ignore[misc]  # reportlab is untyped
    def __init__(self, drawing: Drawing) -> None:
        super().__init__()
        self.drawing = drawing
        self.width = drawing.width
        self.height = drawing.height

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        from reportlab.graphics import renderPDF

        renderPDF.draw(self.drawing, self.canv, 0, 0)


def render_summary_pdf(
    summary: Summary,
    tables: Sequence[OutTable],
    *,
    lang: str = "vi",
    app_version: str = "",
) -> bytes:
    """The whole report as PDF bytes."""
    st = _Styles()
    buf = io.BytesIO()
    title = text("report_title", lang)
    footer = f"{summary.office_prefix} · {summary.period.label(lang)}"

    def on_page(canvas: object, doc: object) -> None:
        c = canvas
        c.saveState()  # type: ignore[attr-defined]
        c.setFont(st.fonts.regular, 7.5)  # type: ignore[attr-defined]
        c.setFillColor(colors.Color(0.35, 0.35, 0.35))  # type: ignore[attr-defined]
        c.drawString(MARGIN, 7 * mm, clean(footer))  # type: ignore[attr-defined]
        page = text("page", lang, n=c.getPageNumber())  # type: ignore[attr-defined]
        c.drawRightString(PAGE[0] - MARGIN, 7 * mm, page)  # type: ignore[attr-defined]
        c.restoreState()  # type: ignore[attr-defined]

    doc = SimpleDocTemplate(
        buf,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=14 * mm,
        title=title,
        author="Grant Tracker",
        subject=f"{summary.office_prefix} {summary.period.key}",
        creator="Grant Tracker",
        invariant=1,
    )
    width = PAGE[0] - 2 * MARGIN
    story: list[Flowable] = [
        Paragraph(_esc(title), st.title),
        Paragraph(_esc(summary.office_name), st.sub),
        Paragraph(_esc(f"{summary.period.label(lang)}"), st.sub),
        Spacer(1, 4 * mm),
    ]
    info = Table(
        [
            [Paragraph(_esc(k), st.head), Paragraph(_esc(v), st.body)]
            for k, v in info_rows(summary, lang, app_version)
        ],
        colWidths=[45 * mm, width - 45 * mm],
    )
    info.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    story.append(info)
    for n in notes(summary, lang):
        story.append(Paragraph(_esc(n), st.note))
    story.append(Spacer(1, 4 * mm))
    items = [
        (
            r.name_vi if lang == "vi" else r.name_en,
            r.cash + r.in_kind,
            r.cash_total + r.in_kind_total,
        )
        for r in summary.support
    ]
    story.append(_Chart(support_chart(items, lang, width, st.fonts.regular)))
    for t in tables:
        parts: list[Flowable] = [Paragraph(_esc(t.title), st.h2), _table(t, st, lang, width)]
        if t.note:
            parts.append(Paragraph(_esc(t.note), st.note))
        story.append(KeepTogether(parts) if len(t.rows) < 25 else parts[0])
        if len(t.rows) >= 25:
            story.extend(parts[1:])
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()
