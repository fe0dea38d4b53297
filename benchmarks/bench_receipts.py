"""How long receipts take to make, beside a bare reportlab canvas doing the same drawing.

Run: ``.venv/bin/python benchmarks/bench_receipts.py [--batch 1000] [--repeat 30]``

For each case the script times

* ``render``: the real thing (:func:`render_receipt` / :func:`render_batch`): checks,
  NFC, wrapping and layout, then drawing and writing the PDF;
* ``bare``: a bare ``reportlab.pdfgen.canvas.Canvas`` that draws the very same strings
  (same font, size and position, taken from the laid-out receipt beforehand, outside the
  timing) with ``setFont`` + ``drawString`` and writes the PDF; no layout at all;
* ``bare+rules``: the same plus the same lines and boxes (so the page is identical).

All write to an in-memory buffer, in the same process, interleaved round by round. The
ratio render/bare is the cost of the layout; the aim is 1.3 or less. The layout caches
(word widths, wrapped lines, figures and words) are emptied before every render round,
so the figures are those of the first batch after the app starts. Times are the
minimum over the rounds (the least disturbed by other work on the machine), with the
median beside it. Writing to disk (atomic rename + fsync) is not included.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import reportlab
from reportlab.pdfgen.canvas import Canvas

from tracker.reports import ReceiptDoc, ReceiptItem, render_batch, render_receipt
from tracker.reports._common import clear_caches
from tracker.reports._layout import LINE, RECT, TEXT, Page
from tracker.reports.fonts import register_fonts
from tracker.reports.receipt_pdf import _layout_receipt

NAMES = [
    "Vàng Thị Mỷ",
    "Giàng Thị Sở",
    "Lý Thị Dế",
    "Nguyễn Thị Hồng Nhung",
    "Sùng Thị Dở",
    "Hoàng Văn Phúc",
    "Đặng Thị Hương",
    "Lò Thị Ngọc Ánh",
]
VILLAGES = ["Sủng Pờ A", "Lũng Phìn", "Pả Vi Thượng", "Mã Pì Lèng", "Tả Lủng", "Khâu Vai"]


def make_doc(index: int, *, items: bool = False) -> ReceiptDoc:
    amount = 500_000 + (index % 37) * 125_000
    goods = ()
    if items:
        goods = (
            ReceiptItem("Bò cái giống lai Sind, 18 tháng tuổi", 1, "con", 15_000_000, 15_000_000),
            ReceiptItem("Thức ăn tinh hỗn hợp", 50, "kg", 12_000, 600_000),
        )
        amount = 15_600_000
    return ReceiptDoc(
        office_name="Hội LHPN xã Mèo Vạc",
        office_address="Xã Mèo Vạc, tỉnh Tuyên Quang",
        book_no="01",
        number=f"MV-2025-{index:06d}",
        issued_on=date(2025, 3, 1 + index % 28),
        recipient_name=NAMES[index % len(NAMES)],
        recipient_address=f"Thôn {VILLAGES[index % len(VILLAGES)]}, xã Mèo Vạc, tỉnh Tuyên Quang",
        reason="Hỗ trợ sinh hoạt hằng tháng, tháng 03 năm 2025",
        items=goods,
        amount=amount,
        attachments=1,
        prepared_by="Vàng Thị Hoa",
        accountant="Lý Thị Mai",
        cashier="Trần Văn Tuấn",
        head="Nguyễn Thị Lan",
    )


def page_ops(pages: Sequence[Page]) -> list[tuple[float, float, list[tuple]]]:
    """Absolute operations of laid-out pages: (width, height, ops in PDF coordinates)."""
    result = []
    for page in pages:
        ops: list[tuple] = []
        height = page.height
        entries = [(x0, y0, block.ops) for x0, y0, block in page.items] + [(0.0, 0.0, page.ops)]
        for x0, y0, block_ops in entries:
            top = height - y0
            for op in block_ops:
                if op[0] == TEXT:
                    _, font, size, x, y, text, _color = op
                    ops.append((TEXT, font, size, x0 + x, top - y, text))
                elif op[0] == LINE:
                    _, x1, y1, x2, y2, w, _color, _dash = op
                    ops.append((LINE, x0 + x1, top - y1, x0 + x2, top - y2, w))
                elif op[0] == RECT:
                    _, x, y, w, h, lw, _s, fill, stroke = op
                    ops.append((RECT, x0 + x, top - y - h, w, h, lw, fill is not None, stroke))
        result.append((page.width, page.height, ops))
    return result


def bare_canvas(pages: Sequence[tuple[float, float, list[tuple]]], *, rules: bool) -> bytes:
    """What a programmer would write by hand: setFont when it changes, drawString."""
    out = io.BytesIO()
    fonts = register_fonts()
    canvas = Canvas(out, pagesize=pages[0][:2], initialFontName=fonts.regular)
    for width, height, ops in pages:
        canvas.setPageSize((width, height))
        font = None
        for op in ops:
            if op[0] == TEXT:
                _, f, size, x, y, text = op
                if (f, size) != font:
                    canvas.setFont(f, size)
                    font = (f, size)
                canvas.drawString(x, y, text)
            elif rules and op[0] == LINE:
                canvas.setLineWidth(op[5])
                canvas.line(op[1], op[2], op[3], op[4])
            elif rules and op[0] == RECT:
                canvas.setLineWidth(op[5])
                canvas.rect(op[1], op[2], op[3], op[4], stroke=int(op[7]), fill=int(op[6]))
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def cold(render: Callable[..., object], doc: object) -> None:
    """Render with the layout caches emptied first, as in a fresh run of the app (the ops
    for the bare canvas were computed beforehand and would otherwise have warmed them)."""
    clear_caches()
    render(doc, io.BytesIO())


def timed(cases: Sequence[Callable[[], object]], repeat: int) -> list[tuple[float, float]]:
    """(minimum, median) seconds of each case, the cases interleaved in every round so a
    busy machine slows them alike."""
    times: list[list[float]] = [[] for _ in cases]
    for _ in range(repeat):
        for index, case in enumerate(cases):
            start = time.perf_counter()
            case()
            times[index].append(time.perf_counter() - start)
    return [(min(t), statistics.median(t)) for t in times]


def report(label: str, results: list[tuple[float, float]], unit: str, scale: float) -> None:
    (r_min, r_med), (b_min, b_med), (br_min, _) = results
    print(
        f"{label:<31} render {r_min * scale:8.2f} {unit} (median {r_med * scale:8.2f})"
        f" | bare {b_min * scale:8.2f} {unit} (median {b_med * scale:8.2f})"
        f" | bare+rules {br_min * scale:8.2f} {unit}"
        f" | ratio {r_min / b_min:4.2f} (median {r_med / b_med:4.2f};"
        f" vs +rules {r_min / br_min:4.2f})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=1000, help="receipts in the batch")
    parser.add_argument("--repeat", type=int, default=50, help="rounds for one receipt")
    parser.add_argument("--batch-repeat", type=int, default=5, help="rounds for the batch")
    args = parser.parse_args(argv)
    register_fonts()

    # Warm up both paths (font loading, imports) before timing.
    render_receipt(make_doc(0), io.BytesIO())
    bare_canvas(page_ops(_layout_receipt(make_doc(0))[1]), rules=True)

    print(
        f"Python {sys.version.split()[0]}, reportlab {reportlab.Version}, one process; "
        "times are the minimum of interleaved rounds (median in brackets); output to memory"
    )
    a5 = dataclasses.replace(make_doc(3), page_size="A5")
    for label, doc in (
        ("one receipt (cash, A4)", make_doc(1)),
        ("one receipt (2 in-kind items)", make_doc(2, items=True)),
        ("one receipt (cash, A5)", a5),
    ):
        ops = page_ops(_layout_receipt(doc)[1])
        results = timed(
            [
                lambda doc=doc: cold(render_receipt, doc),
                lambda ops=ops: bare_canvas(ops, rules=False),
                lambda ops=ops: bare_canvas(ops, rules=True),
            ],
            args.repeat,
        )
        report(label, results, "ms", 1000)

    docs = [make_doc(i, items=(i % 10 == 0)) for i in range(args.batch)]
    all_ops = [op for doc in docs for op in page_ops(_layout_receipt(doc)[1])]
    results = timed(
        [
            lambda: cold(render_batch, docs),
            lambda: bare_canvas(all_ops, rules=False),
            lambda: bare_canvas(all_ops, rules=True),
        ],
        args.batch_repeat,
    )
    report(f"batch of {args.batch} (whole PDF)", results, "s ", 1)
    report("batch, per receipt", results, "ms", 1000 / args.batch)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
