"""The summary as a PDF: A4 landscape, the embedded Be Vietnam Pro font (and no other: no
Helvetica, not even for the page's first font), a bar chart of the support given by type,
every table with its notes, and the sign-off block (người lập biểu, kế toán trưởng, thủ
trưởng đơn vị with the seal, the place and the date). Every page carries the title and the
period at the top, and "SỐ LIỆU TẠM TÍNH" while the period has not ended.

Plain tables in (``summary_tables``), PDF bytes out. reportlab's platypus lays the tables
out (a summary is a few pages, so its cost does not matter here) and reportlab.graphics
draws the chart.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

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
from tracker.i18n import format_date, format_document_date, format_number
from tracker.reports._layout import clean
from tracker.reports.fonts import register_fonts
from tracker.reports.summary_tables import Cell, chart_items, info_rows, notes, text
from tracker.reports.summary_tables import Table as OutTable

PAGE = landscape(A4)
MARGIN = 12 * mm
HEAD_FILL = colors.Color(0.87, 0.91, 0.96)
ZEBRA = colors.Color(0.965, 0.965, 0.965)
TOTAL_FILL = colors.Color(0.92, 0.92, 0.92)
BAR_PERIOD = colors.Color(0.16, 0.38, 0.64)
BAR_CUMULATIVE = colors.Color(0.62, 0.75, 0.89)
RED = colors.Color(0.78, 0.05, 0.05)


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
        ("FONT", (0, 0), (-1, -1), st.fonts.regular, 7.5),
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
    items: Sequence[tuple[str, int | None, int | None]], lang: str, width: float, font: str
) -> Drawing:
    """Horizontal bars: value handed over in the period and to its end, per type
    (million đồng). ``items`` are (type name, in period, cumulative) in đồng; None is a
    value hidden in this version: no bar, and "x" where its label would be."""
    shown = [i for i in items if i[1] != 0 or i[2] != 0]
    rows = max(len(shown), 1)
    bar_h = 9
    plot_h = rows * (2 * bar_h + 6)
    height = plot_h + 46
    d = Drawing(width, height)
    # The drawing's first font, which would otherwise be Helvetica (never embedded).
    d.initialFontName = font
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
        [round((i[1] or 0) / 1_000_000, 1) for i in shown],
        [round((i[2] or 0) / 1_000_000, 1) for i in shown],
    ]
    chart.barLabelArray = [
        [
            text("hidden_bar", lang) if i[k] is None else format_number(v, lang) if v else ""
            for i, v in zip(shown, chart.data[k - 1], strict=True)
        ]
        for k in (1, 2)
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
    biggest = max(max(row) for row in chart.data) or 1.0
    chart.valueAxis.valueMax = biggest * 1.12
    chart.valueAxis.labelTextFormat = lambda v: format_number(int(v), lang)
    chart.bars[0].fillColor = BAR_PERIOD
    chart.bars[1].fillColor = BAR_CUMULATIVE
    chart.bars.strokeColor = None
    chart.barWidth = bar_h
    chart.groupSpacing = 6
    chart.barLabelFormat = "values"
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


def sign_off(summary: Summary, st: _Styles, lang: str, width: float) -> Table:
    """Người lập biểu, kế toán trưởng, and on the right the place and date above the head
    of the office, who signs and seals."""
    so = summary.sign_off
    day = so.made_on or summary.made_at_local.date()
    when = format_document_date(day, lang)
    if lang == "vi":
        when = when[0].lower() + when[1:]
    line = f"{so.place}, {when}" if so.place else when[0].upper() + when[1:]
    centre = ParagraphStyle("sign", parent=st.body, alignment=1, fontSize=9, leading=12)
    bold = ParagraphStyle("sign_b", parent=centre, fontName=st.fonts.bold)
    hint = ParagraphStyle("sign_i", parent=centre, fontName=st.fonts.italic, fontSize=8)
    blocks = (
        ("sign_preparer", "sign_hint", so.preparer),
        ("sign_accountant", "sign_hint", so.accountant),
        ("sign_head", "sign_hint_seal", so.head),
    )
    top = ["", "", Paragraph(_esc(line), hint)]
    titles = [Paragraph(_esc(text(t, lang)), bold) for t, _h, _n in blocks]
    hints = [Paragraph(_esc(text(h, lang)), hint) for _t, h, _n in blocks]
    room = ["", "", ""]  # to sign, and on the right for the seal
    names = [Paragraph(_esc(n), bold) for _t, _h, n in blocks]
    t = Table(
        [top, titles, hints, room, names],
        colWidths=[width / 3] * 3,
        rowHeights=[None, None, None, 24 * mm, None],
    )
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st.fonts.regular, 8.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return t


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
    running = f"{title} · {summary.period.label(lang)}"
    provisional = text("provisional", lang) if summary.provisional else ""

    def on_page(canvas: object, doc: object) -> None:
        c: Any = canvas
        c.saveState()
        c.setFont(st.fonts.regular, 7.5)
        c.setFillColor(colors.Color(0.35, 0.35, 0.35))
        c.drawString(MARGIN, 7 * mm, clean(footer))
        page = text("page", lang, n=c.getPageNumber())
        c.drawRightString(PAGE[0] - MARGIN, 7 * mm, page)
        top = PAGE[1] - 7 * mm
        if c.getPageNumber() > 1:
            c.drawString(MARGIN, top, clean(running))
        if provisional:
            c.setFont(st.fonts.bold, 10)
            c.setFillColor(RED)
            c.drawRightString(PAGE[0] - MARGIN, top - 1, clean(provisional))
        c.restoreState()

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
        # The page's first font, which reportlab would otherwise set to Helvetica (a font
        # that is referenced, never embedded).
        initialFontName=st.fonts.regular,
        initialFontSize=10,
    )
    width = PAGE[0] - 2 * MARGIN
    story: list[Flowable] = [
        Paragraph(_esc(title), st.title),
        Paragraph(_esc(summary.office_name), st.sub),
        Paragraph(_esc(f"{summary.period.label(lang)}"), st.sub),
    ]
    if provisional:
        story.append(Paragraph(_esc(provisional), ParagraphStyle(
            "prov", parent=st.sub, fontName=st.fonts.bold, textColor=RED)))  # fmt: skip
    story.append(Spacer(1, 4 * mm))
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
                ("FONT", (0, 0), (-1, -1), st.fonts.regular, 8.5),
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
    story.append(_Chart(support_chart(chart_items(tables), lang, width, st.fonts.regular)))
    for t in tables:
        parts: list[Flowable] = [Paragraph(_esc(t.title), st.h2), _table(t, st, lang, width)]
        if t.note:
            parts.append(Paragraph(_esc(t.note), st.note))
        story.append(KeepTogether(parts) if len(t.rows) < 25 else parts[0])
        if len(t.rows) >= 25:
            story.extend(parts[1:])
    story.append(Spacer(1, 8 * mm))
    story.append(KeepTogether([sign_off(summary, st, lang, width)]))
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()
