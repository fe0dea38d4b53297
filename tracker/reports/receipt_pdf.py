"""Receipts as PDF: the payment voucher (phiếu chi, form C41-BB), hand-over note and
signature list.

The functions take plain, frozen data (no database objects) and write a PDF. They import
neither SQLAlchemy nor Qt nor the services, so they run in a worker thread, in the
command line and in tests alike.

* :func:`render_receipt` — one payment voucher (PHIẾU CHI) following the parts of form
  C41-BB: unit and address, form code, title, book and number, date, recipient, address,
  reason, amount in figures and in words, attached documents, items (in-kind goods or
  several lines), the signatures of the head of unit, chief accountant, preparer,
  cashier and recipient (with a thumbprint box and a witness), and the line
  "Đã nhận đủ số tiền (viết bằng chữ)".
* :func:`render_receipt_copies` — the same voucher as "Liên 1", "Liên 2", ...
* :func:`render_batch` — many vouchers in one PDF, with progress and cancel.
* :func:`render_handover_note` / :func:`render_signature_list` — see
  :mod:`tracker.reports.handover_pdf` and :mod:`tracker.reports.signature_list_pdf`.

A reprint (``reprint > 0``) carries a red "BẢN SAO – in lại lần N"; a voided paper stays
readable, struck through with a diagonal line, stamped "ĐÃ HỦY" and showing the reason.
All text is NFC-normalised before drawing and wraps inside its box. A file is written
atomically: a temporary file in the same folder, fsync, then rename, so a crash or a
cancel never leaves half a PDF. Papers for beneficiaries must use neutral words; a text
holding "mua bán người", "nạn nhân" and the like raises :class:`SensitiveWordsError`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from tracker.reports import _common as c
from tracker.reports._common import Cell, Column, Sig, Style
from tracker.reports._data import ReceiptItem, Signatory, check_common, items_tuple
from tracker.reports._labels import LABELS
from tracker.reports._layout import (
    CENTRE,
    RED,
    RIGHT,
    Block,
    LayoutError,
    Page,
    SensitiveWordsError,
    check_neutral,
    clean,
    write_atomic,
)
from tracker.reports.handover_pdf import (
    HandoverNoteDoc,
    layout_handover_note,
    render_handover_note,
)
from tracker.reports.signature_list_pdf import (
    SignatureListDoc,
    SignatureListRow,
    render_signature_list,
)

__all__ = [
    "Cancelled",
    "HandoverNoteDoc",
    "LayoutError",
    "ReceiptDoc",
    "ReceiptItem",
    "SensitiveWordsError",
    "Signatory",
    "SignatureListDoc",
    "SignatureListRow",
    "render_batch",
    "render_handover_note",
    "render_papers",
    "render_receipt",
    "render_receipt_copies",
    "render_signature_list",
]

DEFAULT_FORM_CODE = "Mẫu số C41-BB"
DEFAULT_LEGAL_NOTE = "(Ban hành kèm theo Thông tư số 107/2017/TT-BTC)"
MAX_COPIES = 3


class Cancelled(Exception):
    """The user cancelled a batch; no file was written."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiptDoc:
    """Everything printed on one payment voucher (phiếu chi, C41-BB)."""

    office_name: str
    office_address: str
    form_code: str = DEFAULT_FORM_CODE
    legal_note: str = DEFAULT_LEGAL_NOTE
    book_no: str = ""
    number: str
    issued_on: date
    recipient_name: str
    recipient_address: str
    reason: str
    items: tuple[ReceiptItem, ...] = ()
    amount: int
    attachments: int = 0
    prepared_by: str = ""
    accountant: str = ""
    cashier: str = ""
    head: str = ""
    witness: str = ""
    copy_no: int | None = None
    reprint: int = 0
    voided: bool = False
    void_reason: str = ""
    replaces_number: str | None = None
    round_suffix: bool = False
    page_size: str = "A4"
    lang: str = "vi"

    def __post_init__(self) -> None:
        items_tuple(self)
        c.check_amount(self.amount)
        if self.items and sum(item.amount for item in self.items) != self.amount:
            raise ValueError(
                f"the items add up to {sum(i.amount for i in self.items):,} đồng "
                f"but the voucher amount is {self.amount:,}"
            )
        if isinstance(self.attachments, bool) or not isinstance(self.attachments, int):
            raise ValueError(f"attachments must be a count, got {self.attachments!r}")
        if self.attachments < 0:
            raise ValueError("attachments must not be negative")
        if not isinstance(self.issued_on, date):
            raise ValueError(f"issued_on must be a date, got {self.issued_on!r}")
        if not clean(self.number):
            raise ValueError("a voucher needs its number")
        check_common(self)


# --- Payment voucher ------------------------------------------------------------------------


def _receipt_texts(doc: ReceiptDoc) -> dict[str, str]:
    texts = {
        "office_name": doc.office_name,
        "office_address": doc.office_address,
        "recipient_name": doc.recipient_name,
        "recipient_address": doc.recipient_address,
        "reason": doc.reason,
    }
    for index, item in enumerate(doc.items, 1):
        texts[f"items[{index}].description"] = item.description
    return texts


def _show_items(doc: ReceiptDoc) -> bool:
    return len(doc.items) > 1 or any(item.in_kind for item in doc.items)


def _items_table(st: Style, items: Sequence[ReceiptItem], total: int, desc_key: str) -> list[Block]:
    lang = st.lang
    columns = [
        Column(st.label("no"), 0.06, CENTRE, nowrap=True),
        Column(st.label(desc_key), 0.36),
        Column(st.label("unit_col"), 0.09, CENTRE),
        Column(st.label("quantity"), 0.12, RIGHT, nowrap=True),
        Column(st.label("unit_value"), 0.17, RIGHT, nowrap=True),
        Column(st.label("line_total"), 0.20, RIGHT, nowrap=True),
    ]
    rows = []
    for index, item in enumerate(items, 1):
        rows.append(
            [
                str(index),
                item.description,
                item.unit,
                "" if item.quantity is None else c.number(item.quantity, lang),
                "" if item.unit_value is None else c.number(item.unit_value, lang),
                c.number(item.amount, lang),
            ]
        )
    tail: list[list[str | Cell]] = [
        [Cell(st.label("total"), span=5, align=CENTRE), c.number(total, lang)]
    ]
    return c.table(st, columns, rows, tail=tail)


def _receipt_blocks(doc: ReceiptDoc, st: Style) -> list[Block]:
    L = st.label
    s = st.s
    blocks: list[Block] = []

    # Head: unit on the left, form code (and the copy) on the right.
    right = [([(doc.form_code, st.B)], "body"), ([(doc.legal_note, st.I)], "tiny")]
    if doc.copy_no:
        right.append(([(L("copy", n=doc.copy_no), st.B)], "body"))
    blocks.append(
        c.two_column_head(
            st,
            [
                ([(L("unit") + " ", st.R), (doc.office_name, st.B)], "body"),
                ([(L("address") + " ", st.R), (doc.office_address, st.R)], "small"),
            ],
            right,
        )
    )

    # Title and date in the middle, book and number on the right.
    title = Block(st.section * 1.4)
    side = st.W * 0.27
    middle = st.W - 2 * side
    h = title.text(side, 0, middle, L("receipt_title"), st.B, st.title, align=CENTRE)
    title.text(
        side, h, middle, c.document_date(doc.issued_on, st.lang), st.I, st.body, align=CENTRE
    )
    y = 2 * s
    y += title.text(
        st.W - side + 6 * s,
        y,
        side - 6 * s,
        [(L("book_no") + " ", st.R), (clean(doc.book_no), st.B)],
        st.R,
        st.body,
    )
    title.text(
        st.W - side + 6 * s,
        y,
        side - 6 * s,
        [(L("number") + " ", st.R), (clean(doc.number), st.B)],
        st.R,
        st.body,
    )
    blocks.append(title)

    if doc.reprint:
        blocks.append(c.boxed_marker(st, L("reprint", n=doc.reprint), space_before=st.gap * 1.5))
    if doc.voided:
        blocks.append(
            c.paragraph(
                st,
                L("void_line", reason=doc.void_reason),
                font=st.B,
                align=CENTRE,
                color=RED,
                tag="",
            )
        )
    if doc.replaces_number:
        blocks.append(
            c.paragraph(
                st, L("replaces", number=doc.replaces_number), font=st.I, align=CENTRE, tag=""
            )
        )

    # Body.
    first = c.field(st, L("recipient_name"), doc.recipient_name, space_before=st.section * 1.4)
    blocks += [
        first,
        c.field(st, L("address"), doc.recipient_address, value_font=st.R),
        c.field(st, L("reason"), doc.reason, value_font=st.R),
        c.field(st, L("amount"), c.money(doc.amount, st.lang)),
        c.amount_words_block(st, L("in_words"), doc.amount, round_suffix=doc.round_suffix),
        c.paragraph(
            st,
            L("attachments", n=f"{doc.attachments:02d}")
            if doc.attachments
            else L("attachments_blank"),
        ),
    ]
    if _show_items(doc):
        blocks += _items_table(st, doc.items, doc.amount, "description")

    # Signatures: the office's four, then the recipient with thumbprint and witness.
    date_line = c.paragraph(
        st,
        c.document_date(doc.issued_on, st.lang),
        font=st.I,
        align=RIGHT,
        space_before=st.section * 1.2,
    )
    date_line.keep_with_next = True
    office_row = c.signature_row(
        st,
        [
            Sig(L("head"), L("sign_seal_hint"), doc.head),
            Sig(L("accountant"), L("sign_hint"), doc.accountant),
            Sig(L("prepared_by"), L("sign_hint"), doc.prepared_by),
            Sig(L("cashier"), L("sign_hint"), doc.cashier),
        ],
        space_before=st.gap,
    )
    recipient_row = c.signature_row(
        st,
        [
            Sig(L("recipient"), L("sign_hint"), doc.recipient_name, share=1.25),
            Sig(L("thumb"), L("thumb_hint"), L("thumb_finger"), thumb=True, share=1.0),
            Sig(L("witness"), L("sign_hint"), doc.witness, share=1.25),
        ],
        sign_h=st.thumb_h,
        space_before=st.section * 2,
    )
    recipient_row.keep_with_next = True
    received = c.amount_words_block(st, L("received"), doc.amount, round_suffix=doc.round_suffix)
    received.space_before = st.section
    blocks += [date_line, office_row, recipient_row, received]
    return blocks


def _layout_receipt(doc: ReceiptDoc) -> tuple[Style, list[Page]]:
    """Lay out one voucher; shrink the type a little rather than spill onto a 2nd page."""
    check_neutral(_receipt_texts(doc))
    sheet = c.SHEETS[doc.page_size]
    marker = c.Style(sheet, doc.lang).label("reprint", n=doc.reprint) if doc.reprint else ""
    pages: list[Page] = []
    st: Style | None = None
    for shrink in (1.0, 0.92, 0.85):
        st = Style(sheet, doc.lang, shrink)
        running = c.running_head(st, st.label("receipt_short", number=clean(doc.number)), marker)
        pages = c.flow_pages(st, _receipt_blocks(doc, st), running)
        if len(pages) == 1:
            break
    assert st is not None
    c.mark_pages(st, pages, voided=doc.voided)
    return st, pages


def _receipt_title(doc: ReceiptDoc) -> str:
    st_labels = LABELS[doc.lang]
    return st_labels["receipt_short"].format(number=clean(doc.number))


def render_receipt(doc: ReceiptDoc, out: Path | str | BinaryIO) -> int:
    """Write one payment voucher to ``out`` (a path, written atomically, or a binary
    stream); return the number of pages (1 unless the items run over)."""
    return _write([doc], out)


def render_receipt_copies(doc: ReceiptDoc, out: Path | str | BinaryIO, copies: int = 2) -> int:
    """Write the voucher ``copies`` times ("Liên 1", "Liên 2", ...) in one PDF.

    ``copies=1`` keeps ``doc.copy_no`` as it is (no "Liên" when it is None). Returns the
    number of pages.
    """
    if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= MAX_COPIES:
        raise ValueError(f"copies must be 1 to {MAX_COPIES}, got {copies!r}")
    if copies == 1:
        return _write([doc], out)
    docs = [dataclasses.replace(doc, copy_no=n) for n in range(1, copies + 1)]
    return _write(docs, out)


def _write(docs: Sequence[ReceiptDoc], out: Path | str | BinaryIO) -> int:
    laid = [_layout_receipt(doc) for doc in docs]
    st = laid[0][0]

    def write(stream: BinaryIO) -> int:
        canvas = c.new_canvas(stream, st, title=_receipt_title(docs[0]), author=docs[0].office_name)
        count = 0
        for _st, pages in laid:
            c.draw_pages(canvas, pages)
            count += len(pages)
        canvas.save()
        return count

    return write_atomic(out, write)


Paper = ReceiptDoc | HandoverNoteDoc
"""One paper of a batch: a payment voucher or a hand-over note."""


def layout_paper(doc: Paper) -> tuple[Style, list[Page]]:
    """Lay out a voucher or a hand-over note."""
    if isinstance(doc, HandoverNoteDoc):
        return layout_handover_note(doc)
    return _layout_receipt(doc)


def render_batch(
    docs: Sequence[Paper | Sequence[Paper]],
    out: Path | str | BinaryIO,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    copies: int = 1,
) -> int:
    """Write many papers into one PDF (in order) and return the page count.

    Each entry is the paper of one receipt, or the papers of one receipt together (the
    voucher and the hand-over note of a hand-over of money and goods). ``progress(done,
    total)`` is called after each entry (``total`` = ``len(docs)``); ``cancelled()`` is
    asked before each one and before the file is written: when it returns True,
    :class:`Cancelled` is raised and nothing is written (a path is left as it was; the
    temporary file is removed). ``copies`` > 1 prints each paper as "Liên 1", "Liên 2",
    ... one after the other. An invalid paper raises ValueError naming its position and
    number before anything is written.
    """
    if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= MAX_COPIES:
        raise ValueError(f"copies must be 1 to {MAX_COPIES}, got {copies!r}")
    entries: list[tuple[Paper, ...]] = [
        (entry,) if isinstance(entry, ReceiptDoc | HandoverNoteDoc) else tuple(entry)
        for entry in docs
    ]
    if not entries or not all(entries):
        raise ValueError("there are no vouchers to print")
    total = len(entries)
    first = entries[0][0]

    def write(stream: BinaryIO) -> int:
        st = Style(c.SHEETS[first.page_size], first.lang)
        canvas = c.new_canvas(
            stream,
            st,
            title=_paper_title(first) if total == 1 else st.label("receipt_title"),
            author=first.office_name,
        )
        pages_written = 0
        for index, papers in enumerate(entries):
            if cancelled is not None and cancelled():
                raise Cancelled(f"cancelled after {index} of {total} vouchers")
            for doc in papers:
                variants: list[Paper] = (
                    [doc]
                    if copies == 1
                    else [dataclasses.replace(doc, copy_no=n) for n in range(1, copies + 1)]
                )
                for variant in variants:
                    try:
                        _st, pages = layout_paper(variant)
                    except ValueError as error:
                        raise type(error)(
                            f"voucher {index + 1} ({clean(doc.number)}): {error}"
                        ) from error
                    c.draw_pages(canvas, pages)
                    pages_written += len(pages)
            if progress is not None:
                progress(index + 1, total)
        if cancelled is not None and cancelled():
            raise Cancelled(f"cancelled after {total} of {total} vouchers, before saving")
        canvas.save()
        return pages_written

    return write_atomic(out, write)


def _paper_title(doc: Paper) -> str:
    if isinstance(doc, HandoverNoteDoc):
        return LABELS[doc.lang]["handover_short"].format(number=clean(doc.number))
    return _receipt_title(doc)


def render_papers(docs: Sequence[Paper], out: Path | str | BinaryIO, copies: int = 1) -> int:
    """Write the papers of one receipt (a voucher, a hand-over note, or both) into one PDF,
    each ``copies`` times ("Liên 1", "Liên 2"; ``copies=1`` keeps ``copy_no``). A path is
    written atomically. Returns the number of pages."""
    return render_batch([tuple(docs)], out, copies=copies)
