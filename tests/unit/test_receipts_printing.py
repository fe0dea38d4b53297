"""The Qt-free half of printing: PDF pages rasterised with PDFium one at a time, safely from
several threads, and a hand-over note in two copies."""

from __future__ import annotations

import io
import threading
from datetime import date

import pypdf
import pytest

from tests.unit.test_pdf_documents import handover
from tests.unit.test_pdf_receipt import make_doc
from tracker.reports import render_batch, render_receipt
from tracker.reports.printing import (
    MAX_DPI,
    PdfUnreadable,
    page_sizes,
    rasterise,
    render_handover_copies,
)


def voucher_pdf(**changes: object) -> bytes:
    out = io.BytesIO()
    render_receipt(make_doc(**changes), out)
    return out.getvalue()


def test_pages_come_out_as_rgb_at_the_asked_resolution() -> None:
    pdf = voucher_pdf()
    assert [(round(w), round(h)) for w, h in page_sizes(pdf)] == [(595, 842)]  # A4
    (page,) = list(rasterise(pdf, 100))
    assert (page.index, page.count, page.dpi) == (0, 1, 100)
    # 210 x 297 mm at 100 dpi (PDFium rounds up).
    assert abs(page.width - 827) <= 1 and abs(page.height - 1169) <= 1
    assert page.stride >= 3 * page.width and len(page.data) == page.stride * page.height
    # White paper with dark text on it.
    assert page.data[:3] == b"\xff\xff\xff"
    assert min(page.data) < 80


def test_resolution_is_capped_and_a5_keeps_its_size() -> None:
    pdf = voucher_pdf(page_size="A5")
    (page,) = list(rasterise(pdf, 1200))
    assert page.dpi == MAX_DPI
    # 148 x 210 mm at 300 dpi.
    assert abs(page.width - 1748) <= 1 and abs(page.height - 2480) <= 1
    assert (round(page.width_pt), round(page.height_pt)) == (420, 595)


def test_pages_one_at_a_time_a_range_and_stopping() -> None:
    out = io.BytesIO()
    docs = [make_doc(number=f"MV-2025-{i:05d}") for i in range(1, 6)]
    assert render_batch(docs, out) == 5
    pdf = out.getvalue()
    assert [p.index for p in rasterise(pdf, 30, pages=range(1, 3))] == [1, 2]
    seen: list[int] = []
    for page in rasterise(pdf, 30, cancelled=lambda: len(seen) >= 2):
        seen.append(page.index)
    assert seen == [0, 1]


def test_not_a_pdf_is_a_clear_error() -> None:
    with pytest.raises(PdfUnreadable):
        list(rasterise(b"this is not a PDF", 72))
    with pytest.raises(PdfUnreadable):
        page_sizes(b"")


def test_two_threads_rasterise_at_once_without_crashing() -> None:
    pdf = voucher_pdf()
    results: list[int] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(4):
                results.extend(len(p.data) for p in rasterise(pdf, 60))
        except BaseException as exc:  # pragma: no cover - shown by the assert
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors and len(results) == 12 and len(set(results)) == 1


def test_hand_over_note_in_two_copies(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "bb.pdf"
    assert render_handover_copies(handover(issued_on=date(2025, 3, 5)), out, 2) == 2
    texts = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(out).pages]
    assert "Liên 1" in texts[0] and "Liên 2" in texts[1]
    assert all("BIÊN BẢN BÀN GIAO" in t for t in texts)
    with pytest.raises(ValueError):
        render_handover_copies(handover(), tmp_path / "x.pdf", 0)
    assert not (tmp_path / "x.pdf").exists()
