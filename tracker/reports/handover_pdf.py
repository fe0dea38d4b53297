"""Hand-over note for goods (biên bản bàn giao): a cow, a loom, yarn.

The office (Bên giao, Bên A) and the beneficiary (Bên nhận, Bên B) sign; the receiver
has a thumbprint box and a witness line. The note lists each item with its unit,
quantity, unit value and total, the grand total in figures and in words, and the
condition of the goods (age, health, ear-tag number).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from tracker.reports import _common as c
from tracker.reports._common import Cell, Column, Sig, Style
from tracker.reports._data import ReceiptItem, Signatory, check_common, items_tuple
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

__all__ = ["HandoverNoteDoc", "render_handover_note"]


@dataclass(frozen=True, slots=True, kw_only=True)
class HandoverNoteDoc:
    """Everything printed on one hand-over note."""

    office_name: str
    office_address: str
    number: str = ""
    issued_on: date
    place: str  # where the goods were handed over ("Nhà bà Vàng Thị Mỷ, thôn Sủng Pờ A")
    written_at: str = ""  # locality of the date line ("Mèo Vạc")
    subject: str = ""  # "Về việc bàn giao bò giống hỗ trợ sinh kế"
    giver: Signatory  # the office's representative: title = position
    receiver_name: str
    receiver_address: str
    receiver_id_no: str = ""  # identity card number, printed only when given
    items: tuple[ReceiptItem, ...]
    amount: int
    condition_note: str = ""
    witness: Signatory | None = None
    copies_made: int = 2  # "Biên bản được lập thành 02 bản"
    copy_no: int | None = None
    reprint: int = 0
    voided: bool = False
    void_reason: str = ""
    replaces_number: str | None = None  # the voided note this one replaces
    round_suffix: bool = False
    page_size: str = "A4"
    lang: str = "vi"

    def __post_init__(self) -> None:
        items_tuple(self)
        c.check_amount(self.amount)
        if not self.items:
            raise ValueError("a hand-over note lists at least one item")
        total = sum(item.amount for item in self.items)
        if total != self.amount:
            raise ValueError(
                f"the items add up to {total:,} đồng but the note's total is {self.amount:,}"
            )
        if not isinstance(self.issued_on, date):
            raise ValueError(f"issued_on must be a date, got {self.issued_on!r}")
        if not isinstance(self.giver, Signatory):
            raise ValueError("giver must be a Signatory (position and name)")
        if not 1 <= self.copies_made <= 9:
            raise ValueError("copies_made must be 1 to 9")
        check_common(self)


def _blocks(doc: HandoverNoteDoc, st: Style) -> list[Block]:
    L = st.label
    blocks: list[Block] = []

    blocks.append(
        c.office_head(
            st, doc.office_name, doc.number, doc.issued_on, doc.written_at, copy_no=doc.copy_no
        )
    )
    blocks.append(c.note_title(st, L("handover_title"), clean(doc.subject)))
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
    if doc.replaces_number:
        blocks.append(
            c.paragraph(
                st, L("replaces_note", number=doc.replaces_number), font=st.I, align=CENTRE, tag=""
            )
        )

    blocks.append(c.handover_intro(st, doc.issued_on, doc.place))
    # Bên giao
    blocks.append(c.field(st, L("giver"), doc.office_name, space_before=st.gap * 1.5))
    blocks.append(c.field(st, L("address"), doc.office_address, value_font=st.R))
    rep = Block(st.gap)
    rep.tag = "body"
    rep.text(
        0,
        0,
        st.W,
        [
            (L("representative") + " ", st.R),
            (clean(doc.giver.name), st.B),
            (" – " + L("position") + " ", st.R),
            (clean(doc.giver.title), st.R),
        ],
        st.R,
        st.body,
    )
    blocks.append(rep)
    # Bên nhận
    blocks.append(c.field(st, L("receiver"), doc.receiver_name, space_before=st.gap * 1.5))
    blocks.append(c.field(st, L("address"), doc.receiver_address, value_font=st.R))
    if clean(doc.receiver_id_no):
        label = "Số CCCD:" if st.lang == "vi" else "ID card no.:"
        blocks.append(c.field(st, label, doc.receiver_id_no, value_font=st.R))

    blocks.append(c.paragraph(st, L("handover_agree"), space_before=st.section))
    columns = [
        Column(L("no"), 0.06, CENTRE, nowrap=True),
        Column(L("item"), 0.34),
        Column(L("unit_col"), 0.09, CENTRE),
        Column(L("quantity"), 0.12, RIGHT, nowrap=True),
        Column(L("unit_value"), 0.18, RIGHT, nowrap=True),
        Column(L("line_value"), 0.21, RIGHT, nowrap=True),
    ]
    rows = []
    for index, item in enumerate(doc.items, 1):
        rows.append(
            [
                str(index),
                item.description,
                item.unit,
                "" if item.quantity is None else c.number(item.quantity, st.lang),
                "" if item.unit_value is None else c.number(item.unit_value, st.lang),
                c.number(item.amount, st.lang),
            ]
        )
    tail: list[list[str | Cell]] = [
        [Cell(L("total"), span=5, align=CENTRE), c.number(doc.amount, st.lang)]
    ]
    blocks += c.table(st, columns, rows, tail=tail, space_before=st.gap * 1.5)
    blocks.append(
        c.field(st, L("total_value"), c.money(doc.amount, st.lang), space_before=st.section)
    )
    blocks.append(
        c.amount_words_block(st, L("in_words"), doc.amount, round_suffix=doc.round_suffix)
    )
    if clean(doc.condition_note):
        blocks.append(c.field(st, L("condition"), doc.condition_note, value_font=st.R))
    each = "01" if st.lang == "vi" else "one"
    copies = c.copies(doc.copies_made, st.lang)
    blocks.append(c.paragraph(st, L("handover_close", copies=copies, each=each)))

    sigs = [
        Sig(L("giver_sign"), L("sign_seal_hint"), doc.giver.name, share=1.2),
        Sig(L("receiver_sign"), L("sign_hint"), doc.receiver_name, share=1.2),
        Sig(L("thumb"), L("thumb_hint"), L("thumb_finger"), thumb=True, share=1.0),
        Sig(L("witness"), L("sign_hint"), _witness_name(doc.witness), share=1.1),
    ]
    blocks.append(c.signature_row(st, sigs, sign_h=st.thumb_h, space_before=st.section * 1.5))
    return blocks


def _witness_name(witness: Signatory | None) -> str:
    if witness is None or not clean(witness.name):
        return ""
    title = clean(witness.title)
    return f"{clean(witness.name)} ({title})" if title else clean(witness.name)


def _texts(doc: HandoverNoteDoc) -> dict[str, str]:
    texts = {
        "office_name": doc.office_name,
        "place": doc.place,
        "subject": doc.subject,
        "receiver_name": doc.receiver_name,
        "receiver_address": doc.receiver_address,
        "condition_note": doc.condition_note,
        "giver": f"{doc.giver.title} {doc.giver.name}",
    }
    for index, item in enumerate(doc.items, 1):
        texts[f"items[{index}].description"] = item.description
    return texts


def layout_handover_note(doc: HandoverNoteDoc) -> tuple[Style, list[Page]]:
    check_neutral(_texts(doc))
    sheet = c.SHEETS[doc.page_size]
    pages: list[Page] = []
    st: Style | None = None
    for shrink in (1.0, 0.92):
        st = Style(sheet, doc.lang, shrink)
        short = st.label("handover_short", number=clean(doc.number) or "")
        marker = st.label("reprint", n=doc.reprint) if doc.reprint else ""
        pages = c.flow_pages(st, _blocks(doc, st), c.running_head(st, short, marker))
        if len(pages) == 1:
            break
    assert st is not None
    c.mark_pages(st, pages, voided=doc.voided)
    return st, pages


def render_handover_note(doc: HandoverNoteDoc, out: Path | str | BinaryIO) -> int:
    """Write the hand-over note to ``out`` (a path, atomically, or a binary stream);
    return the number of pages."""
    st, pages = layout_handover_note(doc)

    def write(stream: BinaryIO) -> int:
        title = st.label("handover_short", number=clean(doc.number))
        canvas = c.new_canvas(stream, st, title=title, author=doc.office_name)
        c.draw_pages(canvas, pages)
        canvas.save()
        return len(pages)

    return write_atomic(out, write)
