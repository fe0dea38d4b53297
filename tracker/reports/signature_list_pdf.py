"""Signature list for a group payment (danh sách ký nhận), e.g. a month's allowance.

One row per person (STT, full name on one line, code, address or village, amount, and a
cell at least 20 mm tall and 15 mm wide to sign or put a thumbprint in, on A4 and A5
alike). The table header repeats on every page; the last page carries the grand total in
figures and words, a witness line for the people who put a thumbprint, and the signatures
of the preparer, the cashier who paid, the chief accountant and the head of unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm

from tracker.reports import _common as c
from tracker.reports._common import Cell, Column, Sig, Style
from tracker.reports._data import check_common, items_tuple
from tracker.reports._layout import (
    CENTRE,
    RED,
    RIGHT,
    Block,
    Page,
    check_neutral,
    clean,
    write_atomic,
)

__all__ = [
    "THUMB_CELL_H",
    "THUMB_CELL_W",
    "SignatureListDoc",
    "SignatureListRow",
    "render_signature_list",
]

#: The smallest signature/thumbprint cell, on every page size (a thumb is about 15 x 20 mm).
THUMB_CELL_H = 20 * mm
THUMB_CELL_W = 15 * mm


@dataclass(frozen=True, slots=True)
class SignatureListRow:
    """One person on the list."""

    name: str
    code: str
    address: str
    amount: int

    def __post_init__(self) -> None:
        c.check_amount(self.amount, "row amount")


@dataclass(frozen=True, slots=True, kw_only=True)
class SignatureListDoc:
    """Everything printed on a signature list."""

    office_name: str
    office_address: str
    number: str = ""
    subject: str  # neutral: "Tiền hỗ trợ sinh hoạt hằng tháng"
    period: str  # "Tháng 03 năm 2025"
    issued_on: date
    written_at: str = ""  # locality of the date line ("Mèo Vạc")
    rows: tuple[SignatureListRow, ...]
    prepared_by: str = ""
    cashier: str = ""
    accountant: str = ""
    head: str = ""
    witness: str = ""
    reprint: int = 0
    voided: bool = False
    void_reason: str = ""
    round_suffix: bool = False
    page_size: str = "A4"
    lang: str = "vi"

    def __post_init__(self) -> None:
        items_tuple(self, "rows")
        if not self.rows:
            raise ValueError("a signature list needs at least one person")
        if not isinstance(self.issued_on, date):
            raise ValueError(f"issued_on must be a date, got {self.issued_on!r}")
        c.check_amount(self.total, "the list's total")
        check_common(self)

    @property
    def total(self) -> int:
        return sum(row.amount for row in self.rows)


def _blocks(doc: SignatureListDoc, st: Style) -> list[Block]:
    L = st.label
    blocks: list[Block] = []
    right = [([(L("nation"), st.B)], "small"), ([(L("motto"), st.B)], "small")]
    left = [([(clean(doc.office_name).upper(), st.B)], "small")]
    if clean(doc.number):
        left.append(([(f"{L('number')} {clean(doc.number)}", st.R)], "small"))
    blocks.append(c.two_column_head(st, left, right, left_share=0.45, left_align=CENTRE))

    title = Block(st.section * 1.4)
    y = title.text(0, 0, st.W, L("list_title"), st.B, st.title, align=CENTRE)
    y += title.text(st.W * 0.08, y, st.W * 0.84, clean(doc.subject), st.B, st.body, align=CENTRE)
    title.text(st.W * 0.1, y, st.W * 0.8, clean(doc.period), st.I, st.body, align=CENTRE)
    blocks.append(title)
    if doc.reprint:
        blocks.append(c.boxed_marker(st, L("reprint", n=doc.reprint)))
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

    # A name is never broken across lines (nowrap: the type shrinks a little instead).
    columns = [
        Column(L("no"), 0.06, CENTRE, nowrap=True),
        Column(L("full_name"), 0.27, nowrap=True),
        Column(L("code"), 0.11, CENTRE, nowrap=True),
        Column(L("village"), 0.17),
        Column(L("list_amount"), 0.14, RIGHT, nowrap=True),
        Column(L("signature_cell"), 0.25, CENTRE),
    ]
    rows = [
        [str(index), row.name, row.code, row.address, c.number(row.amount, st.lang), ""]
        for index, row in enumerate(doc.rows, 1)
    ]
    tail: list[list[str | Cell]] = [
        [Cell(L("grand_total"), span=4, align=CENTRE), c.number(doc.total, st.lang), ""]
    ]
    # Room for a thumb on any page size: at least THUMB_CELL_H tall (the cell is wider).
    table = c.table(st, columns, rows, tail=tail, min_row_height=THUMB_CELL_H)
    blocks += table
    # The grand total, words and signatures stay together with the last row.
    words = c.amount_words_block(st, L("total_in_words"), doc.total, round_suffix=doc.round_suffix)
    words.space_before = st.section
    people = c.paragraph(st, L("people", n=len(doc.rows)), font=st.I)
    witness = c.paragraph(
        st,
        L("list_witness", name=clean(doc.witness) or "." * 60),
        space_before=st.section,
    )
    date_line = c.paragraph(
        st,
        c.place_and_date(doc.written_at, doc.issued_on, st.lang),
        font=st.I,
        align=RIGHT,
        space_before=st.section,
    )
    sigs = c.signature_row(
        st,
        [
            Sig(L("list_prepared_by"), L("sign_hint"), doc.prepared_by),
            Sig(L("cashier"), L("sign_hint"), doc.cashier),
            Sig(L("accountant"), L("sign_hint"), doc.accountant),
            Sig(L("head"), L("sign_seal_hint"), doc.head),
        ],
        space_before=st.gap,
    )
    for block in (words, people, witness, date_line):
        block.keep_with_next = True
    table[-1].keep_with_next = True
    blocks += [words, people, witness, date_line, sigs]
    return blocks


def _texts(doc: SignatureListDoc) -> dict[str, str]:
    texts = {
        "office_name": doc.office_name,
        "subject": doc.subject,
        "period": doc.period,
        "witness": doc.witness,
    }
    for index, row in enumerate(doc.rows, 1):
        texts[f"rows[{index}].name"] = row.name
        texts[f"rows[{index}].address"] = row.address
    return texts


def layout_signature_list(doc: SignatureListDoc) -> tuple[Style, list[Page]]:
    check_neutral(_texts(doc))
    st = Style(c.SHEETS[doc.page_size], doc.lang)
    short = f"{st.label('list_short')} – {clean(doc.subject)} – {clean(doc.period)}"
    marker = st.label("reprint", n=doc.reprint) if doc.reprint else ""
    pages = c.flow_pages(st, _blocks(doc, st), c.running_head(st, short, marker))
    c.mark_pages(st, pages, voided=doc.voided)
    return st, pages


def render_signature_list(doc: SignatureListDoc, out: Path | str | BinaryIO) -> int:
    """Write the signature list to ``out`` (a path, atomically, or a binary stream);
    return the number of pages."""
    st, pages = layout_signature_list(doc)

    def write(stream: BinaryIO) -> int:
        title = f"{st.label('list_short')} – {clean(doc.period)}"
        canvas = c.new_canvas(stream, st, title=title, author=doc.office_name)
        c.draw_pages(canvas, pages)
        canvas.save()
        return len(pages)

    return write_atomic(out, write)
