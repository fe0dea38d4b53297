"""Many vouchers in one PDF: one page each, progress, cancel without a partial file."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from tests.unit.test_pdf_receipt import flat, make_doc, page_texts
from tracker.reports import Cancelled, SensitiveWordsError, render_batch


def _docs(count: int):
    return [
        make_doc(number=f"MV-2025-{i:06d}", recipient_name=f"Vàng Thị Mỷ {i}", amount=100_000 * i)
        for i in range(1, count + 1)
    ]


def test_one_page_per_voucher_in_order_with_progress(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    out = tmp_path / "batch.pdf"
    assert render_batch(_docs(5), out, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    pages = [flat(text) for text in page_texts(out)]
    assert len(pages) == 5
    for i, page in enumerate(pages, 1):
        assert f"MV-2025-{i:06d}" in page
        assert f"Vàng Thị Mỷ {i}" in page
        assert f"{i}00.000 đồng" in page
    assert [p.name for p in tmp_path.iterdir()] == ["batch.pdf"]


def test_the_return_value_is_the_page_count() -> None:
    assert render_batch(_docs(3), io.BytesIO()) == 3
    assert render_batch(_docs(3), io.BytesIO(), copies=2) == 6


def test_copies_print_lien_1_and_lien_2_of_each_voucher() -> None:
    buffer = io.BytesIO()
    render_batch(_docs(2), buffer, copies=2)
    pages = [flat(t) for t in page_texts(buffer.getvalue())]
    assert [("Liên 1" in p, "Liên 2" in p) for p in pages] == [
        (True, False),
        (False, True),
        (True, False),
        (False, True),
    ]
    assert "MV-2025-000001" in pages[1] and "MV-2025-000002" in pages[2]


def test_cancel_stops_early_and_leaves_no_file(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 3  # the user presses Cancel while the 4th voucher is due

    out = tmp_path / "batch.pdf"
    with pytest.raises(Cancelled):
        render_batch(
            _docs(10), out, progress=lambda d, t: calls.append((d, t)), cancelled=cancelled
        )
    assert calls == [(1, 10), (2, 10), (3, 10)]
    assert list(tmp_path.iterdir()) == [], "neither the PDF nor a temporary file is left"


def test_cancel_keeps_an_existing_file_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "batch.pdf"
    out.write_bytes(b"yesterday's batch")
    with pytest.raises(Cancelled):
        render_batch(_docs(4), out, cancelled=lambda: True)
    assert out.read_bytes() == b"yesterday's batch"
    assert [p.name for p in tmp_path.iterdir()] == ["batch.pdf"]


def test_cancel_after_the_last_voucher_but_before_saving_writes_nothing(tmp_path: Path) -> None:
    answers = iter([False, False, True])
    out = tmp_path / "batch.pdf"
    with pytest.raises(Cancelled):
        render_batch(_docs(2), out, cancelled=lambda: next(answers))
    assert not out.exists()


def test_cancel_with_a_stream_writes_nothing_to_it() -> None:
    buffer = io.BytesIO()
    with pytest.raises(Cancelled):
        render_batch(_docs(3), buffer, cancelled=lambda: True)
    assert buffer.getvalue() == b""


def test_a_bad_voucher_names_its_place_in_the_batch_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    docs = _docs(3)
    docs[1] = make_doc(number="MV-2025-000777", reason="Hỗ trợ nạn nhân")
    out = tmp_path / "batch.pdf"
    with pytest.raises(SensitiveWordsError, match=r"voucher 2 \(MV-2025-000777\)"):
        render_batch(docs, out)
    assert list(tmp_path.iterdir()) == []


def test_an_empty_batch_is_refused() -> None:
    with pytest.raises(ValueError, match="no vouchers"):
        render_batch([], io.BytesIO())


def test_mixed_page_sizes_keep_their_own_size() -> None:
    buffer = io.BytesIO()
    render_batch([make_doc(), make_doc(page_size="A5")], buffer)
    reader = pypdf.PdfReader(io.BytesIO(buffer.getvalue()))
    widths = [round(float(page.mediabox.width) / 72 * 25.4) for page in reader.pages]
    assert widths == [210, 148]


def test_a_batch_of_300_is_one_file_of_300_pages(tmp_path: Path) -> None:
    out = tmp_path / "month.pdf"
    seen: list[int] = []
    assert render_batch(_docs(300), out, progress=lambda d, _t: seen.append(d)) == 300
    assert seen == list(range(1, 301))
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 300
    assert "MV-2025-000300" in reader.pages[299].extract_text()
