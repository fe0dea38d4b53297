"""Pass-on note (biên bản bàn giao quay vòng): an animal (the first calf) or a thing (a
loom) one family hands to another family chosen by the commune Women's Union.

The giving family (Bên giao, Bên A) and the receiving family (Bên nhận, Bên B) sign, each
with a thumbprint box, and a witness signs. The note lists the animal or thing, its
description and its estimated value in figures and in words; it is not money paid, and
says nothing of money received. Neutral wording only: "hỗ trợ sinh kế quay vòng".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from tracker.reports import _common as c
from tracker.reports._common import Cell, Column, Sig, Style
from tracker.reports._data import Signatory
from tracker.reports._layout import (
    CENTRE,
    RIGHT,
    Block,
    Page,
    check_neutral,
    clean,
    write_atomic,
)

__all__ = ["PassOnNoteDoc", "layout_pass_on_note", "render_pass_on_note"]

# (Vietnamese, English): the words of this note only; the shared ones come from _labels.
_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "BIÊN BẢN BÀN GIAO QUAY VÒNG",
        "short": "Biên bản bàn giao quay vòng số {number}",
        "subject": "V/v chuyển giao {what} hỗ trợ sinh kế quay vòng",
        "giver": "BÊN GIAO (Bên A) – gia đình giao:",
        "receiver": "BÊN NHẬN (Bên B) – gia đình nhận:",
        "witness": "NGƯỜI CHỨNG KIẾN:",
        "agree": "Hai bên thống nhất bàn giao và nhận như sau:",
        "item": "Tên vật nuôi/tài sản, đặc điểm",
        "value": "Giá trị ước tính",
        "total_value": "Giá trị ước tính:",
        "condition": "Đặc điểm, tình trạng khi bàn giao:",
        "duty": (
            "Bên B nhận chăm sóc, sử dụng đúng mục đích và khi con vật sinh con đầu tiên sẽ"
            " chuyển giao tiếp cho một gia đình khác theo hướng dẫn của Hội Phụ nữ cơ sở."
        ),
        "close": (
            "Bên B đã nhận đủ như trên, đúng tình trạng đã ghi. Biên bản được lập thành"
            " {copies} bản có giá trị như nhau, mỗi bên giữ 01 bản, 01 bản lưu tại {office}."
        ),
        "giver_sign": "Bên giao",
        "receiver_sign": "Bên nhận",
        "witness_sign": "Người chứng kiến",
        "thumb_giver": "Điểm chỉ bên giao",
        "thumb_receiver": "Điểm chỉ bên nhận",
    },
    "en": {
        "title": "PASS-ON HAND-OVER RECORD",
        "short": "Pass-on record no. {number}",
        "subject": "Passing on {what} as rotating livelihood support",
        "giver": "HANDING OVER (Party A) – the giving family:",
        "receiver": "RECEIVING (Party B) – the receiving family:",
        "witness": "WITNESS:",
        "agree": "The two parties agree on the hand-over of the following:",
        "item": "Animal or item, description",
        "value": "Estimated value",
        "total_value": "Estimated value:",
        "condition": "Description and condition at hand-over:",
        "duty": (
            "Party B will look after it, use it for its purpose and, when the animal has its"
            " first young, pass that on to another family as the local Women's Union advises."
        ),
        "close": (
            "Party B has received the above in full and in the condition stated. This record"
            " is made in {copies} copies of equal value; each party keeps one, one is kept at"
            " {office}."
        ),
        "giver_sign": "Party A",
        "receiver_sign": "Party B",
        "witness_sign": "Witness",
        "thumb_giver": "Thumbprint, Party A",
        "thumb_receiver": "Thumbprint, Party B",
    },
}


@dataclass(frozen=True, slots=True, kw_only=True)
class PassOnNoteDoc:
    """Everything printed on one pass-on note."""

    office_name: str
    office_address: str
    number: str = ""
    issued_on: date
    place: str  # where it was handed over (the giving family's address)
    written_at: str = ""  # locality of the date line ("Mèo Vạc")
    giver_name: str
    giver_address: str
    receiver_name: str
    receiver_address: str
    witness: Signatory | None = None
    description: str  # "Bê con (bò cái), sinh ngày 10/03/2025"
    item_name: str = ""  # for the subject line ("bê con"); else the description
    unit: str = "con"
    quantity: int = 1
    value: int = 0
    condition_note: str = ""
    #: The receiving family passes the first young on in turn (the support type's rule).
    passes_on_again: bool = False
    copies_made: int = 3
    page_size: str = "A4"
    lang: str = "vi"

    def __post_init__(self) -> None:
        c.check_amount(self.value, "value")
        c.check_choice(self.lang, ("vi", "en"), "lang")
        c.check_choice(self.page_size, tuple(c.SHEETS), "page_size")
        if not isinstance(self.issued_on, date):
            raise ValueError(f"issued_on must be a date, got {self.issued_on!r}")
        if isinstance(self.quantity, bool) or not isinstance(self.quantity, int):
            raise ValueError("quantity must be a whole number")
        if self.quantity < 1:
            raise ValueError("quantity must be at least 1")
        if not clean(self.giver_name) or not clean(self.receiver_name):
            raise ValueError("a pass-on note names both families")
        if not 1 <= self.copies_made <= 9:
            raise ValueError("copies_made must be 1 to 9")


def _blocks(doc: PassOnNoteDoc, st: Style) -> list[Block]:
    L = st.label
    W = _WORDS[st.lang]
    blocks: list[Block] = []

    blocks.append(c.office_head(st, doc.office_name, doc.number, doc.issued_on, doc.written_at))
    what = clean(doc.item_name) or clean(doc.description)
    what = what[:1].lower() + what[1:]
    blocks.append(c.note_title(st, W["title"], W["subject"].format(what=what)))
    blocks.append(c.handover_intro(st, doc.issued_on, doc.place))
    blocks.append(c.field(st, W["giver"], doc.giver_name, space_before=st.gap * 1.5))
    blocks.append(c.field(st, L("address"), doc.giver_address, value_font=st.R))
    blocks.append(c.field(st, W["receiver"], doc.receiver_name, space_before=st.gap * 1.5))
    blocks.append(c.field(st, L("address"), doc.receiver_address, value_font=st.R))
    if doc.witness is not None and clean(doc.witness.name):
        blocks.append(c.field(st, W["witness"], doc.witness.name, space_before=st.gap * 1.5))
        if clean(doc.witness.title):
            blocks.append(c.field(st, L("position"), doc.witness.title, value_font=st.R))

    blocks.append(c.paragraph(st, W["agree"], space_before=st.section))
    columns = [
        Column(L("no"), 0.06, CENTRE, nowrap=True),
        Column(W["item"], 0.46),
        Column(L("unit_col"), 0.10, CENTRE),
        Column(L("quantity"), 0.14, RIGHT, nowrap=True),
        Column(W["value"], 0.24, RIGHT, nowrap=True),
    ]
    rows = [
        [
            "1",
            doc.description,
            doc.unit,
            c.number(doc.quantity, st.lang),
            c.number(doc.value, st.lang),
        ]
    ]
    tail: list[list[str | Cell]] = [
        [Cell(L("total"), span=4, align=CENTRE), c.number(doc.value, st.lang)]
    ]
    blocks += c.table(st, columns, rows, tail=tail, space_before=st.gap * 1.5)
    blocks.append(
        c.field(st, W["total_value"], c.money(doc.value, st.lang), space_before=st.section)
    )
    if doc.value:
        blocks.append(c.amount_words_block(st, L("in_words"), doc.value, round_suffix=False))
    if clean(doc.condition_note):
        blocks.append(c.field(st, W["condition"], doc.condition_note, value_font=st.R))
    if doc.passes_on_again:
        blocks.append(c.paragraph(st, W["duty"], space_before=st.gap))
    copies = c.copies(doc.copies_made, st.lang)
    blocks.append(c.paragraph(st, W["close"].format(copies=copies, office=clean(doc.office_name))))

    witness = doc.witness.name if doc.witness is not None else ""
    blocks.append(
        c.signature_row(
            st,
            [
                Sig(W["giver_sign"], L("sign_hint"), doc.giver_name),
                Sig(W["receiver_sign"], L("sign_hint"), doc.receiver_name),
                Sig(W["witness_sign"], L("sign_hint"), witness),
            ],
            space_before=st.section * 1.5,
        )
    )
    blocks.append(
        c.signature_row(
            st,
            [
                Sig(W["thumb_giver"], L("thumb_hint"), L("thumb_finger"), thumb=True),
                Sig(W["thumb_receiver"], L("thumb_hint"), L("thumb_finger"), thumb=True),
            ],
            sign_h=st.thumb_h,
            space_before=st.section,
        )
    )
    return blocks


def _texts(doc: PassOnNoteDoc) -> dict[str, str]:
    return {
        "office_name": doc.office_name,
        "place": doc.place,
        "giver_name": doc.giver_name,
        "giver_address": doc.giver_address,
        "receiver_name": doc.receiver_name,
        "receiver_address": doc.receiver_address,
        "description": doc.description,
        "item_name": doc.item_name,
        "condition_note": doc.condition_note,
        "witness": f"{doc.witness.title} {doc.witness.name}" if doc.witness else "",
    }


def layout_pass_on_note(doc: PassOnNoteDoc) -> tuple[Style, list[Page]]:
    check_neutral(_texts(doc))
    sheet = c.SHEETS[doc.page_size]
    pages: list[Page] = []
    st: Style | None = None
    for shrink in (1.0, 0.92, 0.85):
        st = Style(sheet, doc.lang, shrink)
        short = _WORDS[doc.lang]["short"].format(number=clean(doc.number))
        pages = c.flow_pages(st, _blocks(doc, st), c.running_head(st, short))
        if len(pages) == 1:
            break
    assert st is not None
    c.mark_pages(st, pages, voided=False)
    return st, pages


def render_pass_on_note(doc: PassOnNoteDoc, out: Path | str | BinaryIO) -> int:
    """Write the pass-on note to ``out`` (a path, atomically, or a binary stream); return
    the number of pages."""
    st, pages = layout_pass_on_note(doc)

    def write(stream: BinaryIO) -> int:
        title = _WORDS[doc.lang]["short"].format(number=clean(doc.number))
        canvas = c.new_canvas(stream, st, title=title, author=doc.office_name)
        c.draw_pages(canvas, pages)
        canvas.save()
        return len(pages)

    return write_atomic(out, write)
