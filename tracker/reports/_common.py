"""Pieces shared by the receipt, the hand-over and pass-on notes and the signature list.

Page geometry for A4 and A5, the type sizes, and builders for the parts every paper has:
the two-column head (unit on the left, form code or national motto on the right), a
"label: value" line that wraps under its value, a ruled table whose header repeats on
every page, a row of signature boxes (title, "(Ký, họ tên)", room to sign, printed name)
with an optional thumbprint box, and the marks drawn over finished pages (void stamp and
strike-through, running head, page numbers).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from tracker.i18n import amount_in_words, format_document_date, format_number
from tracker.i18n.words import MAX_AMOUNT
from tracker.reports import _layout
from tracker.reports._labels import LABELS
from tracker.reports._layout import (
    CENTRE,
    DARK_GREY,
    GREY_FILL,
    LEFT,
    RED,
    RIGHT,
    STAMP,
    TEXT,
    Block,
    Page,
    clean,
    width,
)
from tracker.reports.fonts import FontNames, register_fonts

PAGE_SIZES = ("A4", "A5")
LANGS = ("vi", "en")


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    scale: float

    @property
    def content_width(self) -> float:
        return self.width - self.left - self.right


SHEETS = {
    "A4": Sheet("A4", A4[0], A4[1], 20 * mm, 15 * mm, 14 * mm, 14 * mm, 1.0),
    # A5 portrait (148 x 210 mm): smaller type and margins so the same parts fit.
    "A5": Sheet("A5", A5[0], A5[1], 11 * mm, 9 * mm, 9 * mm, 9 * mm, 0.78),
}


class Style:
    """Fonts, sizes and spacing of one document at one scale."""

    def __init__(self, sheet: Sheet, lang: str, shrink: float = 1.0) -> None:
        fonts: FontNames = register_fonts()
        s = sheet.scale * shrink
        self.sheet = sheet
        self.lang = lang
        self.labels = LABELS[lang]
        self.s = s
        self.R = fonts.regular
        self.B = fonts.bold
        self.I = fonts.italic
        self.BI = fonts.bold_italic
        self.W = sheet.content_width
        self.title = 17 * s
        self.body = 10.5 * s
        self.small = 9.5 * s
        self.tiny = 8.5 * s
        self.gap = 4 * s  # between lines of fields
        self.section = 9 * s  # between parts of the paper
        self.pad = 3 * s  # inside table cells
        self.sign_h = 17 * mm * s  # room to sign
        self.thumb_w = 22 * mm * s
        self.thumb_h = 26 * mm * s

    def label(self, key: str, **values: object) -> str:
        text = self.labels[key]
        return text.format(**values) if values else text


def check_choice(value: object, choices: Sequence[str], what: str) -> None:
    if value not in choices:
        raise ValueError(f"{what} must be one of {', '.join(choices)}, got {value!r}")


def check_amount(amount: object, what: str = "amount") -> None:
    """Whole đồng, 0 to 999 999 999 999 (what can be written in words)."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValueError(f"{what} must be a whole number of đồng, got {amount!r}")
    if not 0 <= amount <= MAX_AMOUNT:
        raise ValueError(
            f"{what} {amount:,} is out of range: 0 to {MAX_AMOUNT:,} đồng (at most 12 digits)"
        )


# babel is slow next to the drawing (about 0.1 ms a call); a batch repeats amounts and dates.
@lru_cache(maxsize=4096)
def number(value: int, lang: str) -> str:
    """ "1.500.000" (vi) / "1,500,000" (en)."""
    return format_number(value, lang)


@lru_cache(maxsize=4096)
def money(amount: int, lang: str) -> str:
    """Figures with the currency: "5.000.000 đồng" / "VND 5,000,000"."""
    if lang == "vi":
        return f"{format_number(amount, 'vi')} đồng"
    return f"VND {format_number(amount, 'en')}"


def copies(count: int, lang: str) -> str:
    """How many copies a note is made in, as its closing line writes it ("02", "2")."""
    return f"{count:02d}" if lang == "vi" else str(count)


@lru_cache(maxsize=4096)
def words(amount: int, lang: str, round_suffix: bool = False) -> str:
    return amount_in_words(amount, lang, round_suffix=round_suffix)


@lru_cache(maxsize=1024)
def document_date(day: date, lang: str) -> str:
    return format_document_date(day, lang)


def place_and_date(place: str, day: date, lang: str) -> str:
    """ "Mèo Vạc, ngày 05 tháng 03 năm 2025" / "Meo Vac, 5 March 2025"."""
    text = format_document_date(day, lang)
    if lang == "vi":
        text = text[0].lower() + text[1:]
    place = clean(place)
    return f"{place}, {text}" if place else (text[0].upper() + text[1:])


def clear_caches() -> None:
    """Forget cached widths, wrapped lines, figures, words and dates (benchmarks, tests)."""
    _layout.clear_caches()
    for cached in (number, money, words, document_date):
        cached.cache_clear()


# --- Builders -------------------------------------------------------------------------------


def two_column_head(
    st: Style,
    left: Sequence[tuple[Sequence[tuple[str, str]], str]],
    right: Sequence[tuple[Sequence[tuple[str, str]], str]],
    *,
    left_share: float = 0.52,
    left_align: str = LEFT,
) -> Block:
    """Unit name/address on the left, form code or motto (centred) on the right."""
    block = Block()
    gap = 0.04 * st.W
    left_w = st.W * left_share
    right_x = left_w + gap
    right_w = st.W - right_x
    y = 0.0
    for runs, size_key in left:
        y += block.text(0, y, left_w, runs, st.R, getattr(st, size_key), align=left_align)
    y = 0.0
    for runs, size_key in right:
        y += block.text(right_x, y, right_w, runs, st.R, getattr(st, size_key), align=CENTRE)
    return block


def office_head(
    st: Style,
    office_name: str,
    number: str,
    issued_on: date,
    written_at: str,
    *,
    copy_no: int | None = None,
) -> Block:
    """Head of a note: office, number and copy on the left; nation, motto (underlined) and
    the place and date line on the right."""
    head = Block()
    s = st.s
    gap = 0.03 * st.W
    left_w = st.W * 0.45
    right_x = left_w + gap
    right_w = st.W - right_x
    y = head.text(0, 0, left_w, clean(office_name).upper(), st.B, st.body, align=CENTRE)
    if clean(number):
        y += head.text(
            0,
            y + 2 * s,
            left_w,
            f"{st.label('number')} {clean(number)}",
            st.R,
            st.body,
            align=CENTRE,
        )
    if copy_no:
        head.text(0, y + 4 * s, left_w, st.label("copy", n=copy_no), st.B, st.body, align=CENTRE)
    nation = st.label("nation")
    size = fit_size(nation, st.B, st.body, right_w)
    y = head.text(right_x, 0, right_w, nation, st.B, size, align=CENTRE)
    motto = st.label("motto")
    motto_size = fit_size(motto, st.B, st.body, right_w)
    y += head.text(right_x, y, right_w, motto, st.B, motto_size, align=CENTRE)
    line_w = width(motto, st.B, motto_size)
    head.line(right_x + (right_w - line_w) / 2, y, right_x + (right_w + line_w) / 2, y, 0.6 * s)
    head.text(
        right_x,
        y + 5 * s,
        right_w,
        place_and_date(written_at, issued_on, st.lang),
        st.I,
        st.body,
        align=CENTRE,
    )
    return head


def note_title(st: Style, title: str, subject: str = "") -> Block:
    """The title of a note, centred, and under it its subject line in italics (if any)."""
    block = Block(st.section * 1.6)
    h = block.text(0, 0, st.W, title, st.B, st.title, align=CENTRE)
    if subject:
        block.text(st.W * 0.1, h, st.W * 0.8, subject, st.I, st.body, align=CENTRE)
    return block


def handover_intro(st: Style, issued_on: date, place: str) -> Block:
    """ "Hôm nay, ngày ... tại ..., chúng tôi gồm:" opening a hand-over note."""
    day = document_date(issued_on, st.lang)
    if st.lang == "vi":
        day = day[0].lower() + day[1:]
    return paragraph(
        st, st.label("handover_intro", date=day, place=clean(place)), space_before=st.section
    )


def field(
    st: Style,
    label: str,
    value: str,
    *,
    value_font: str | None = None,
    size: float | None = None,
    space_before: float | None = None,
    tag: str = "body",
) -> Block:
    """ "Label: value" wrapping under the value (hanging indent) when the label is short."""
    size = size or st.body
    block = Block(st.gap if space_before is None else space_before)
    block.tag = tag
    label = clean(label)
    value = clean(value)
    label_w = width(label + " ", st.R, size)
    hang = label_w if label_w < 0.2 * st.W else 0.0
    block.text(
        0, 0, st.W, ((label + " ", st.R), (value, value_font or st.B)), st.R, size, hang=hang
    )
    return block


def paragraph(
    st: Style,
    text: str,
    *,
    font: str | None = None,
    size: float | None = None,
    align: str = LEFT,
    color: _layout.Color = None,
    space_before: float | None = None,
    tag: str = "body",
) -> Block:
    block = Block(st.gap if space_before is None else space_before)
    block.tag = tag
    block.text(0, 0, st.W, clean(text), font or st.R, size or st.body, align=align, color=color)
    return block


def boxed_marker(st: Style, text: str, *, space_before: float | None = None) -> Block:
    """A red, boxed, centred line: "BẢN SAO – in lại lần 2"."""
    block = Block(st.gap if space_before is None else space_before)
    size = st.body * 1.05
    text = clean(text)
    max_w = st.W * 0.8
    inner = min(width(text, st.B, size) + 0.5, max_w)
    pad = 4 * st.s
    x = (st.W - inner) / 2
    h = block.text(x, pad, inner, text, st.B, size, align=CENTRE, color=RED)
    block.rect(x - pad, 0, inner + 2 * pad, h + 2 * pad, width=1.2 * st.s, stroke=RED)
    block.height = h + 2 * pad
    return block


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    share: float  # of the content width
    align: str = LEFT
    nowrap: bool = False  # figures: shrink the type to fit rather than break the number


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    span: int = 1
    align: str | None = None
    bold: bool = False


def table(
    st: Style,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str | Cell]],
    *,
    size: float | None = None,
    min_row_height: float = 0.0,
    tail: Sequence[Sequence[str | Cell]] = (),
    space_before: float | None = None,
) -> list[Block]:
    """A ruled table: header block (grey, bold) + one block per row, header repeated.

    Cells wrap inside their column; a row is as tall as its tallest cell (at least
    ``min_row_height``). ``tail`` rows (totals) are drawn bold and kept with the last row.
    """
    size = size or st.small
    total_share = sum(c.share for c in columns)
    widths = [st.W * c.share / total_share for c in columns]
    edges = [0.0]
    for w in widths:
        edges.append(edges[-1] + w)
    pad = st.pad
    line_w = 0.6 * st.s

    def build(cells: Sequence[str | Cell], *, header: bool, bold: bool, min_h: float) -> Block:
        block = Block()
        block.tag = "body"
        placed: list[tuple[float, float, str, str, str, bool]] = []
        col = 0
        bottoms = [0.0]
        for raw in cells:
            cell = raw if isinstance(raw, Cell) else Cell(raw)
            span = max(1, min(cell.span, len(columns) - col))
            x0 = edges[col]
            x1 = edges[col + span]
            align = CENTRE if header else (cell.align or columns[col].align)
            font = st.B if (header or bold or cell.bold) else st.R
            nowrap = span == 1 and columns[col].nowrap and not header
            placed.append((x0, x1, clean(cell.text), font, align, nowrap))
            col += span
        for x0, x1, text, font, align, nowrap in placed:
            if text:
                avail = x1 - x0 - 2 * pad
                cell_size = size
                if nowrap:
                    text_w = width(text, font, size)
                    if text_w > avail:
                        cell_size = size * avail / text_w * 0.999
                h = block.text(x0 + pad, pad, avail, text, font, cell_size, align=align)
                bottoms.append(h)
        height = max(max(bottoms) + 2 * pad, min_h)
        if header:
            block.rect(0, 0, st.W, height, width=line_w, stroke=True, fill=GREY_FILL)
            # the fill must sit under the text: move the rectangle first
            block.ops.insert(0, block.ops.pop())
        else:
            block.rect(0, 0, st.W, height, width=line_w)
        for x0, *_rest in placed[1:]:
            block.line(x0, 0, x0, height, line_w)
        block.height = height
        return block

    header = build([c.title for c in columns], header=True, bold=True, min_h=0.0)
    header.space_before = st.section if space_before is None else space_before
    blocks = [header]
    header.keep_with_next = True
    for cells in rows:
        row = build(cells, header=False, bold=False, min_h=min_row_height)
        row.header = header
        blocks.append(row)
    for cells in tail:
        blocks[-1].keep_with_next = True
        row = build(cells, header=False, bold=True, min_h=0.0)
        row.header = header
        blocks.append(row)
    return blocks


@dataclass(frozen=True, slots=True)
class Sig:
    """One signature box: title, hint, room to sign, printed name.

    With ``thumb`` the room is a box for a thumbprint and ``name`` is a caption under it.
    """

    title: str
    hint: str = ""
    name: str = ""
    thumb: bool = False
    share: float = 1.0


def signature_row(
    st: Style, sigs: Sequence[Sig], *, sign_h: float | None = None, space_before: float = 0.0
) -> Block:
    """Signature boxes side by side, titles, hints, signing room and names aligned."""
    block = Block(space_before)
    block.tag = "body"
    total = sum(s.share for s in sigs)
    gap = 3 * st.s
    sign_h = sign_h or st.sign_h
    size = st.body
    hint_size = st.tiny
    # first pass: title + hint heights, to align the signing room across columns
    x = 0.0
    columns = []
    top_h = 0.0
    for sig in sigs:
        w = st.W * sig.share / total
        columns.append((x, w, sig))
        x += w
        inner = w - 2 * gap
        probe = Block()
        h = probe.text(0, 0, inner, clean(sig.title), st.B, size, align=CENTRE)
        if sig.hint:
            h += probe.text(0, h, inner, clean(sig.hint), st.I, hint_size, align=CENTRE)
        top_h = max(top_h, h)
    room_top = top_h + 2 * st.s
    name_top = room_top + sign_h + 2 * st.s
    bottom = name_top
    for x0, w, sig in columns:
        inner_x = x0 + gap
        inner = w - 2 * gap
        y = block.text(inner_x, 0, inner, clean(sig.title), st.B, size, align=CENTRE)
        if sig.hint:
            block.text(inner_x, y, inner, clean(sig.hint), st.I, hint_size, align=CENTRE)
        if sig.thumb:
            box_w = min(st.thumb_w, inner)
            block.rect(inner_x + (inner - box_w) / 2, room_top, box_w, sign_h, width=0.8 * st.s)
            if sig.name:  # caption under the box ("ngón trỏ phải")
                h = block.text(
                    inner_x, name_top, inner, clean(sig.name), st.I, hint_size, align=CENTRE
                )
                bottom = max(bottom, name_top + h)
            continue
        name = clean(sig.name)
        if name:  # on one line: a name is never broken (the type shrinks a little instead)
            name_size = fit_size(name, st.B, size, inner)
            h = block.text(inner_x, name_top, inner, name, st.B, name_size, align=CENTRE)
            bottom = max(bottom, name_top + h)
        else:  # a dotted line to write the name on
            line_y = name_top + size * 1.1
            line_w = inner * 0.8
            start = inner_x + (inner - line_w) / 2
            block.line(start, line_y, start + line_w, line_y, 0.5 * st.s, DARK_GREY, (1, 2))
            bottom = max(bottom, name_top + size * _layout.LEADING)
    block.height = max(bottom, room_top + sign_h)
    return block


def fit_size(text: str, font: str, size: float, avail: float) -> float:
    """``size``, or the smaller size at which ``text`` fits ``avail`` on one line."""
    w = width(text, font, size)
    return size if w <= avail else size * avail / w * 0.999


def amount_words_block(st: Style, label: str, amount: int, *, round_suffix: bool) -> Block:
    return field(st, label, words(amount, st.lang, round_suffix), value_font=st.BI)


# --- Page marks -----------------------------------------------------------------------------


def running_head(st: Style, text: str, marker: str = "") -> Callable[[], Block]:
    """Head of pages after the first: "Phiếu chi số X (tiếp theo)" and the copy marker."""

    def make() -> Block:
        block = Block()
        y = block.text(0, 0, st.W, f"{clean(text)} {st.label('continued')}", st.I, st.tiny)
        if marker:
            block.text(0, 0, st.W, clean(marker), st.B, st.tiny, align=RIGHT, color=RED)
        block.height = y + st.section
        return block

    return make


def mark_pages(
    st: Style,
    pages: list[Page],
    *,
    voided: bool,
    footer: str = "",
) -> None:
    """Void strike-through and stamp on every page; page numbers when there are several."""
    sheet = st.sheet
    count = len(pages)
    for number, page in enumerate(pages, 1):
        if voided and page.body_top is not None and page.body_bottom is not None:
            top, bottom = page.body_top, page.body_bottom
            left = sheet.left
            right = sheet.width - sheet.right
            page.ops.append((_layout.LINE, left, bottom, right, top, 1.6 * st.s, RED, None))
            size = min(48 * st.s, (bottom - top) * 0.35) if bottom > top else 48 * st.s
            page.ops.append(
                (
                    STAMP,
                    st.B,
                    max(size, 14 * st.s),
                    sheet.width / 2,
                    (top + bottom) / 2,
                    25.0,
                    st.label("void_stamp"),
                    RED,
                    0.5,
                    8 * st.s,
                )
            )
        if count > 1 or footer:
            baseline = sheet.height - sheet.bottom / 2
            if footer:
                page.ops.append(
                    (TEXT, st.I, st.tiny, sheet.left, baseline, clean(footer), DARK_GREY)
                )
            if count > 1:
                text = st.label("page", i=number, n=count)
                x = sheet.width - sheet.right - width(text, st.I, st.tiny)
                page.ops.append((TEXT, st.I, st.tiny, x, baseline, text, DARK_GREY))


def new_canvas(stream: BinaryIO, st: Style, *, title: str, author: str) -> Canvas:
    canvas = Canvas(
        stream,
        pagesize=(st.sheet.width, st.sheet.height),
        initialFontName=st.R,  # otherwise Helvetica (not embedded) is referenced
        initialFontSize=10,
        lang="vi-VN" if st.lang == "vi" else "en",
    )
    canvas.setTitle(clean(title))
    canvas.setAuthor(clean(author))
    canvas.setCreator("Grant Tracker")
    return canvas


def draw_pages(canvas: Canvas, pages: Sequence[Page]) -> None:
    for page in pages:
        canvas.setPageSize((page.width, page.height))
        _layout.paint(canvas, page)
        canvas.showPage()


def flow_pages(
    st: Style, blocks: Sequence[Block], continuation: Callable[[], Block] | None = None
) -> list[Page]:
    sheet = st.sheet
    return _layout.flow(
        blocks,
        page_w=sheet.width,
        page_h=sheet.height,
        left=sheet.left,
        top=sheet.top,
        bottom=sheet.bottom,
        continuation=continuation,
    )
