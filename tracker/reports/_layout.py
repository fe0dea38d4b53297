"""A small, fast layout engine on top of the reportlab canvas.

Platypus (Paragraph, Table) is flexible but costs several times the drawing itself, and
a batch of a thousand receipts must not take minutes on an old office PC. This module
measures words once (widths are cached per word and font), wraps text greedily into a
given width, collects drawing operations into :class:`Block` objects (a line of text,
a table row, a row of signature boxes), flows the blocks onto pages (with a repeated
table header and keep-together groups) and finally paints the pages with plain canvas
calls.

Coordinates inside a block and on a page run *downwards* from the top (y = 0 is the top
of the block); the painter converts them to PDF coordinates.

Everything drawn passes through :func:`clean` (NFC, control characters removed,
whitespace collapsed): decomposed Vietnamese (the Windows keyboard) otherwise renders
with misplaced marks.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tracker.disk import sync_folder
from tracker.i18n.text import fold

T = TypeVar("T")

# --- Operations -----------------------------------------------------------------------------
# Plain tuples: the batch creates hundreds of thousands of them.
TEXT = 0  # (TEXT, font, size, x, baseline_y, text, color)
LINE = 1  # (LINE, x1, y1, x2, y2, width, color, dash)
RECT = 2  # (RECT, x, top_y, w, h, width, stroke_color, fill_color | None, stroke?)
STAMP = 3  # (STAMP, font, size, cx, cy, angle, text, color, alpha, box_padding)

Color = tuple[float, float, float] | None
BLACK: Color = None
RED: Color = (0.78, 0.05, 0.05)
GREY_FILL: Color = (0.92, 0.92, 0.92)
DARK_GREY: Color = (0.35, 0.35, 0.35)

LEADING = 1.35
"""Line height as a multiple of the font size (room for stacked marks such as Ế, Ặ)."""
BASELINE = 1.06
"""Baseline below the top of a line box, in font sizes."""

LEFT, CENTRE, RIGHT = "left", "centre", "right"


class LayoutError(ValueError):
    """A piece of text is too long to fit on one page even after wrapping."""


# --- Text -----------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SPACES = re.compile(r"[ \t]{2,}")


def clean(text: object) -> str:
    """NFC, control characters and line breaks turned into spaces, runs of spaces collapsed."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


_WIDTHS: dict[tuple[str, str], float] = {}
_WIDTH_CACHE_LIMIT = 200_000


def width(text: str, font: str, size: float) -> float:
    """Width of ``text`` in points (cached per text and font)."""
    key = (text, font)
    w = _WIDTHS.get(key)
    if w is None:
        w = stringWidth(text, font, 1.0)
        if len(_WIDTHS) >= _WIDTH_CACHE_LIMIT:
            _WIDTHS.clear()
        _WIDTHS[key] = w
    return w * size


Run = tuple[str, str]
"""A piece of text and the font it is drawn in."""
Segment = tuple[float, str, str]
"""(x offset from the line start, text, font)."""


def _tokens(runs: Sequence[Run]) -> list[tuple[str, str, bool]]:
    tokens: list[tuple[str, str, bool]] = []
    pending_space = False
    for text, font in runs:
        pieces = text.split(" ")
        for index, piece in enumerate(pieces):
            if index:
                pending_space = True
            if piece:
                tokens.append((piece, font, pending_space))
                pending_space = False
    return tokens


def _break_word(word: str, font: str, size: float, avail: float, first_avail: float) -> list[str]:
    """Cut a word longer than the line into pieces that fit (never drop a character)."""
    pieces: list[str] = []
    current = ""
    limit = first_avail
    for char in word:
        if current and width(current + char, font, size) > limit:
            pieces.append(current)
            current = char
            limit = avail
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


Line = tuple[list[Segment], float]
_WRAPS: dict[tuple[object, ...], list[Line]] = {}
_WRAP_CACHE_LIMIT = 50_000


def wrap(runs: Sequence[Run], size: float, avail: float, *, hang: float = 0.0) -> list[Line]:
    """Greedy line breaking of mixed-font text at spaces.

    Returns lines as (segments, line width). Lines after the first start ``hang`` points
    in (a hanging indent, e.g. under the value after a label). A word wider than the line
    is cut between characters rather than overflowing.

    Results are cached: labels, signature titles and the office's names repeat on every
    receipt of a batch. The returned lists must not be modified.
    """
    key = (tuple(runs), size, avail, hang)
    lines = _WRAPS.get(key)
    if lines is None:
        lines = _wrap(runs, size, avail, hang)
        if len(_WRAPS) >= _WRAP_CACHE_LIMIT:
            _WRAPS.clear()
        _WRAPS[key] = lines
    return lines


def _wrap(runs: Sequence[Run], size: float, avail: float, hang: float) -> list[Line]:
    hang = min(hang, avail * 0.7)
    lines: list[tuple[list[Segment], float]] = []
    segments: list[Segment] = []
    seg_text = ""
    seg_font = ""
    seg_x = 0.0
    x = 0.0
    line_avail = avail
    line_empty = True

    def flush_segment() -> None:
        nonlocal seg_text
        if seg_text:
            segments.append((seg_x, seg_text, seg_font))
            seg_text = ""

    def new_line() -> None:
        nonlocal segments, x, line_avail, line_empty, seg_x
        flush_segment()
        lines.append((segments, x))
        segments = []
        x = 0.0
        seg_x = 0.0
        line_avail = avail - hang
        line_empty = True

    for word, font, space_before in _tokens(runs):
        w = width(word, font, size)
        space = width(" ", font, size) if (space_before and not line_empty) else 0.0
        if not line_empty and x + space + w > line_avail + 0.01:
            new_line()
            space = 0.0
        if line_empty and w > line_avail + 0.01:
            next_avail = avail - hang
            for index, piece in enumerate(_break_word(word, font, size, next_avail, line_avail)):
                if index:
                    new_line()
                segments.append((0.0, piece, font))
                x = width(piece, font, size)
                line_empty = False
            seg_x = x
            continue
        if font != seg_font or not seg_text:
            flush_segment()
            seg_font = font
            seg_x = x + space
            seg_text = word
        else:
            seg_text += " " + word
        x += space + w
        line_empty = False
    flush_segment()
    if segments or not lines:
        lines.append((segments, x))
    return lines


def clear_caches() -> None:
    """Forget cached widths and wrapped lines."""
    _WIDTHS.clear()
    _WRAPS.clear()
    is_sensitive.cache_clear()


# --- Blocks and pages -----------------------------------------------------------------------


class Block:
    """Drawing operations in a box of the content width and ``height`` points."""

    __slots__ = ("header", "height", "keep_with_next", "ops", "space_before", "tag")

    def __init__(self, space_before: float = 0.0) -> None:
        self.ops: list[tuple[Any, ...]] = []  # (kind, arguments...) of each drawing op
        self.height = 0.0
        self.space_before = space_before
        self.keep_with_next = False
        self.header: Block | None = None  # re-placed at the top of a page this block starts
        self.tag = ""  # "body" blocks are struck through on a voided document

    def text(
        self,
        x: float,
        y: float,
        avail: float,
        runs: Sequence[Run] | str,
        font: str,
        size: float,
        *,
        align: str = LEFT,
        color: Color = BLACK,
        hang: float = 0.0,
        leading: float = LEADING,
    ) -> float:
        """Wrap ``runs`` into ``avail`` points from (x, y = top); return the height used."""
        if isinstance(runs, str):
            runs = ((runs, font),)
        hang = min(hang, avail * 0.7)
        lines = wrap(runs, size, avail, hang=hang)
        line_h = size * leading
        baseline = y + size * BASELINE
        ops = self.ops
        for index, (segments, line_w) in enumerate(lines):
            if align == CENTRE:
                start = x + (avail - line_w) / 2
            elif align == RIGHT:
                start = x + avail - line_w
            else:
                start = x + (hang if index else 0.0)
            for seg_x, seg_text, seg_font in segments:
                ops.append((TEXT, seg_font, size, start + seg_x, baseline, seg_text, color))
            baseline += line_h
        used = len(lines) * line_h
        if y + used > self.height:
            self.height = y + used
        return used

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        width: float = 0.6,
        color: Color = BLACK,
        dash: tuple[float, ...] | None = None,
    ) -> None:
        self.ops.append((LINE, x1, y1, x2, y2, width, color, dash))

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        width: float = 0.6,
        stroke: Color | bool = True,
        fill: Color = None,
    ) -> None:
        stroke_color = BLACK if stroke is True else (None if stroke is False else stroke)
        self.ops.append((RECT, x, y, w, h, width, stroke_color, fill, stroke is not False))


class Page:
    """Placed blocks plus page-level operations (absolute, top-down coordinates)."""

    __slots__ = ("body_bottom", "body_top", "height", "items", "ops", "width")

    def __init__(self, width: float, height: float) -> None:
        self.width = width
        self.height = height
        self.items: list[tuple[float, float, Block]] = []
        self.ops: list[tuple[Any, ...]] = []  # (kind, arguments...) of each drawing op
        self.body_top: float | None = None
        self.body_bottom: float | None = None


def flow(
    blocks: Sequence[Block],
    *,
    page_w: float,
    page_h: float,
    left: float,
    top: float,
    bottom: float,
    continuation: Callable[[], Block] | None = None,
) -> list[Page]:
    """Place blocks one under another, starting new pages as needed.

    A chain of blocks with ``keep_with_next`` moves to a new page together when it does
    not fit (unless it is taller than a page). A block with a ``header`` (a table row)
    that starts a page gets that header placed above it. ``continuation`` makes a
    running head for pages after the first. ``space_before`` is dropped at a page top.
    """
    limit = page_h - bottom
    usable = limit - top
    pages: list[Page] = []
    page = Page(page_w, page_h)
    pages.append(page)
    y = top
    fresh = True

    def place(block: Block, *, at_top: bool) -> None:
        nonlocal y, fresh
        if not at_top:
            y += block.space_before
        page.items.append((left, y, block))
        if block.tag == "body":
            if page.body_top is None:
                page.body_top = y
            page.body_bottom = y + block.height
        y += block.height
        fresh = False

    def new_page() -> None:
        nonlocal page, y, fresh
        page = Page(page_w, page_h)
        pages.append(page)
        y = top
        fresh = True
        if continuation is not None:
            place(continuation(), at_top=True)
            fresh = True

    continuation_h = continuation().height if continuation is not None else 0.0

    def header_height(block: Block) -> float:
        return block.header.height if block.header is not None else 0.0

    index = 0
    count = len(blocks)
    while index < count:
        # The keep-together group starting at ``index``.
        end = index
        while end < count - 1 and blocks[end].keep_with_next:
            end += 1
        group = blocks[index : end + 1]
        group_h = sum(b.height + b.space_before for b in group) - group[0].space_before
        if (
            not fresh
            and y + group[0].space_before + group_h > limit
            and group_h + header_height(group[0]) <= usable - continuation_h
        ):
            new_page()
        for block in group:
            if block.height + header_height(block) > usable - continuation_h:
                raise LayoutError(
                    "A piece of text is too long to fit on one page; shorten it and try again."
                )
            if not fresh and y + block.space_before + block.height > limit:
                new_page()
            if fresh and block.header is not None:
                place(block.header, at_top=True)
                place(block, at_top=False)
            else:
                place(block, at_top=fresh)
        index = end + 1
    return pages


# --- Painting -------------------------------------------------------------------------------


def paint(canvas: Canvas, page: Page) -> None:
    """Draw a laid-out page on the canvas (the caller calls showPage)."""
    height = page.height
    font = None
    size = None
    fill: Color = BLACK
    stroke: Color = BLACK
    line_width = None
    dashed = False
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setStrokeColorRGB(0, 0, 0)
    entries = [(x0, y0, block.ops) for x0, y0, block in page.items]
    entries.append((0.0, 0.0, page.ops))
    for x0, y0, ops in entries:
        top = height - y0
        for op in ops:
            kind = op[0]
            if kind == TEXT:
                _, f, s, x, y, text, color = op
                if f != font or s != size:
                    canvas.setFont(f, s)
                    font, size = f, s
                if color != fill:
                    canvas.setFillColorRGB(*(color or (0, 0, 0)))
                    fill = color
                canvas.drawString(x0 + x, top - y, text)
            elif kind == LINE:
                _, x1, y1, x2, y2, w, color, dash = op
                if w != line_width:
                    canvas.setLineWidth(w)
                    line_width = w
                if color != stroke:
                    canvas.setStrokeColorRGB(*(color or (0, 0, 0)))
                    stroke = color
                if dash:
                    canvas.setDash(*dash)
                    dashed = True
                elif dashed:
                    canvas.setDash()
                    dashed = False
                canvas.line(x0 + x1, top - y1, x0 + x2, top - y2)
            elif kind == RECT:
                _, x, y, w, h, lw, stroke_color, fill_color, do_stroke = op
                if lw != line_width:
                    canvas.setLineWidth(lw)
                    line_width = lw
                if dashed:
                    canvas.setDash()
                    dashed = False
                if do_stroke and stroke_color != stroke:
                    canvas.setStrokeColorRGB(*(stroke_color or (0, 0, 0)))
                    stroke = stroke_color
                if fill_color is not None and fill_color != fill:
                    canvas.setFillColorRGB(*fill_color)
                    fill = fill_color
                canvas.rect(
                    x0 + x,
                    top - y - h,
                    w,
                    h,
                    stroke=1 if do_stroke else 0,
                    fill=1 if fill_color is not None else 0,
                )
            else:  # STAMP: rotated text in a box, drawn semi-transparent over the page
                _, f, s, cx, cy, angle, text, color, alpha, pad = op
                canvas.saveState()
                canvas.setFillAlpha(alpha)
                canvas.setStrokeAlpha(alpha)
                canvas.setFillColorRGB(*(color or (0, 0, 0)))
                canvas.setStrokeColorRGB(*(color or (0, 0, 0)))
                canvas.translate(x0 + cx, top - cy)
                canvas.rotate(angle)
                canvas.setFont(f, s)
                w = width(text, f, s)
                canvas.drawString(-w / 2, -s * 0.36, text)
                if pad:
                    canvas.setLineWidth(max(s / 14, 1.0))
                    canvas.roundRect(
                        -w / 2 - pad, -s * 0.5 - pad, w + 2 * pad, s + 2 * pad, pad, stroke=1
                    )
                canvas.restoreState()
                font = size = line_width = None
                fill = stroke = BLACK
                dashed = False


# --- Output ---------------------------------------------------------------------------------


def write_atomic(out: Path | str | BinaryIO, write: Callable[[BinaryIO], T]) -> T:
    """Call ``write(stream)`` so that ``out`` is either complete or untouched.

    For a path: write to a temporary file in the same folder, flush, fsync, then
    ``os.replace`` it over ``out`` (and fsync the folder). On any error, a cancel
    included, the temporary file is removed and ``out`` is left as it was. A stream is
    written directly (the PDF is built in memory and written in one go at the end).
    """
    if not isinstance(out, str | os.PathLike):
        return write(out)
    path = Path(out)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            result = write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp_name)
        raise
    with suppress(OSError):  # the file is whole and in place: no reason to fail now
        sync_folder(path.parent)
    return result


# --- Wording guard --------------------------------------------------------------------------

SENSITIVE_TERMS = (
    "mua bán người",
    "buôn bán người",
    "nạn nhân",
    "nghi là nạn nhân",
    "trafficking",
    "trafficked",
    "victim",
)
"""Words that must never appear on a paper handed to or signed by a beneficiary."""

_SENSITIVE = re.compile(
    r"\b(?:" + "|".join(re.escape(fold(term)) for term in SENSITIVE_TERMS) + r")",
)


class SensitiveWordsError(ValueError):
    """A document for a beneficiary contains words that reveal the project's purpose."""


@lru_cache(maxsize=8192)
def is_sensitive(text: str) -> bool:
    """True when ``text`` holds one of :data:`SENSITIVE_TERMS` (any case, any diacritics)."""
    return bool(text) and _SENSITIVE.search(fold(text)) is not None


def check_neutral(fields: dict[str, str]) -> None:
    """Raise :class:`SensitiveWordsError` naming each field that holds a sensitive term."""
    found = [name for name, value in fields.items() if value and is_sensitive(value)]
    if found:
        raise SensitiveWordsError(
            "Papers handed to a beneficiary must use neutral words (for example "
            "'hỗ trợ sinh kế'); reword: " + ", ".join(found)
        )
