"""Papers assembled for printing, and PDF pages turned into pixels for a printer.

No Qt here (the window's printing is :mod:`tracker.ui.printing`, built on this):

* :func:`render_handover_copies` — a hand-over note as "Liên 1", "Liên 2" in one PDF.
* :func:`render_papers` — the papers of one receipt (voucher, hand-over note, or both).
* :func:`page_sizes` / :func:`rasterise` — read a generated PDF with PDFium (pypdfium2)
  and render its pages, one at a time, to RGB pixels at a given resolution. A printer
  driver gets the very page the PDF shows, fonts and all, on any printer Qt can reach.

PDFium is not thread-safe: every call into it holds :data:`PDFIUM_LOCK`, so two workers
rasterising at once take turns page by page instead of crashing.
"""

from __future__ import annotations

import dataclasses
import io
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tracker.reports import _common as c
from tracker.reports._layout import clean, write_atomic
from tracker.reports.handover_pdf import HandoverNoteDoc, layout_handover_note
from tracker.reports.receipt_pdf import render_papers

__all__ = [
    "MAX_DPI",
    "PDFIUM_LOCK",
    "PdfUnreadable",
    "RasterPage",
    "page_sizes",
    "rasterise",
    "render_handover_copies",
    "render_papers",
]

#: Printers get at most this resolution: sharp text, pages of ~26 MB (A4, RGB) at most.
MAX_DPI = 300
PDFIUM_LOCK = threading.RLock()
_POINTS_PER_INCH = 72.0


class PdfUnreadable(ValueError):
    """The bytes are not a PDF that PDFium can open."""


def render_handover_copies(
    doc: HandoverNoteDoc, out: Path | str | BinaryIO, copies: int = 2
) -> int:
    """Write the hand-over note ``copies`` times ("Liên 1", "Liên 2", ...) into one PDF
    (``copies=1`` keeps ``doc.copy_no``). A path is written atomically. Returns the pages."""
    if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= 3:
        raise ValueError(f"copies must be 1 to 3, got {copies!r}")
    docs = (
        [doc]
        if copies == 1
        else [dataclasses.replace(doc, copy_no=n) for n in range(1, copies + 1)]
    )
    laid = [layout_handover_note(d) for d in docs]
    st = laid[0][0]

    def write(stream: BinaryIO) -> int:
        title = st.label("handover_short", number=clean(doc.number))
        canvas = c.new_canvas(stream, st, title=title, author=doc.office_name)
        count = 0
        for _st, pages in laid:
            c.draw_pages(canvas, pages)
            count += len(pages)
        canvas.save()
        return count

    return write_atomic(out, write)


# --- rasterising ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RasterPage:
    """One page as 8-bit RGB pixels, rows ``stride`` bytes apart, top row first."""

    index: int
    count: int
    width: int
    height: int
    stride: int
    data: bytes
    dpi: float
    #: The page's size in PDF points (1/72 inch).
    width_pt: float
    height_pt: float


def _open(pdf: bytes | Path | str):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    source: bytes | str = pdf if isinstance(pdf, bytes) else str(pdf)
    try:
        return pdfium.PdfDocument(source)
    except pdfium.PdfiumError as exc:
        raise PdfUnreadable(f"not a readable PDF: {exc}") from exc


def page_sizes(pdf: bytes | Path | str) -> list[tuple[float, float]]:
    """Width and height of every page, in points."""
    with PDFIUM_LOCK:
        doc = _open(pdf)
        try:
            sizes = []
            for i in range(len(doc)):
                page = doc[i]
                try:
                    sizes.append(tuple(page.get_size()))
                finally:
                    page.close()
            return sizes
        finally:
            doc.close()


def rasterise(
    pdf: bytes | Path | str,
    dpi: float,
    *,
    pages: range | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[RasterPage]:
    """Render the pages (all, or those of ``pages``) one at a time at ``dpi`` (capped at
    :data:`MAX_DPI`). Only one page's pixels are held at a time, so a 1,000-page batch
    prints in the memory of one page. Stops early, without an error, when ``cancelled()``
    says so (the caller knows it asked)."""
    dpi = max(24.0, min(float(dpi), float(MAX_DPI)))
    scale = dpi / _POINTS_PER_INCH
    if isinstance(pdf, io.BytesIO):  # pragma: no cover - convenience
        pdf = pdf.getvalue()
    with PDFIUM_LOCK:
        doc = _open(pdf)
        total = len(doc)
    try:
        wanted = (
            range(total)
            if pages is None
            else range(max(0, pages.start), min(total, pages.stop), pages.step)
        )
        for index in wanted:
            if cancelled is not None and cancelled():
                return
            with PDFIUM_LOCK:
                page = doc[index]
                try:
                    width_pt, height_pt = page.get_size()
                    bitmap = page.render(
                        scale=scale,
                        fill_color=(255, 255, 255, 255),
                        rev_byteorder=True,  # RGB, the byte order QImage.Format_RGB888 reads
                        optimize_mode="print",
                    )
                    try:
                        raster = RasterPage(
                            index,
                            total,
                            bitmap.width,
                            bitmap.height,
                            bitmap.stride,
                            bytes(bitmap.buffer),
                            dpi,
                            float(width_pt),
                            float(height_pt),
                        )
                    finally:
                        bitmap.close()
                finally:
                    page.close()
            yield raster
    finally:
        with PDFIUM_LOCK:
            doc.close()
