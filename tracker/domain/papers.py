"""Which papers a hand-over is printed on, the legal basis a payment voucher cites on its
date, and the office's voucher book (quyển số).

* A hand-over of money gets the payment voucher (phiếu chi); one of goods gets the
  hand-over note (biên bản bàn giao), which says nothing about money received; a hand-over
  of both (a loom and yarn with the training money) gets both, under one number.
* The line under the voucher's form code names the circular in force on the voucher's
  date: Circular 107/2017/TT-BTC up to 31 December 2024, Circular 24/2024/TT-BTC from
  1 January 2025. An administrator keeps this table in Settings; these are its defaults.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

#: What a hand-over gave: money only, goods only, or both at once.
PAPER_KINDS = ("cash", "goods", "mixed")
#: The papers: the payment voucher (money) and the hand-over note (goods).
PAPERS = ("voucher", "handover")
#: The papers each kind of hand-over is printed on, in the order they are printed.
PAPERS_OF_KIND: dict[str, tuple[str, ...]] = {
    "cash": ("voucher",),
    "goods": ("handover",),
    "mixed": ("voucher", "handover"),
}


def kind_of(in_kind: Iterable[bool]) -> str:
    """``cash``, ``goods`` or ``mixed`` for the lines of one hand-over (True: goods)."""
    flags = set(in_kind)
    if flags == {True}:
        return "goods"
    if flags == {False} or not flags:
        return "cash"
    return "mixed"


@dataclass(frozen=True, slots=True)
class LegalBasis:
    """The form code and the legal-basis line printed on payment vouchers dated from
    ``valid_from`` until the day before the next one's ``valid_from``."""

    valid_from: date
    form_code: str
    legal_note: str


DEFAULT_LEGAL_BASES: tuple[LegalBasis, ...] = (
    LegalBasis(
        date(2018, 1, 1),
        "Mẫu số C41-BB",
        "(Ban hành kèm theo Thông tư số 107/2017/TT-BTC ngày 10/10/2017 của Bộ Tài chính)",
    ),
    LegalBasis(
        date(2025, 1, 1),
        "Mẫu số C41-BB",
        "(Ban hành kèm theo Thông tư số 24/2024/TT-BTC ngày 17/04/2024 của Bộ Tài chính)",
    ),
)


def basis_on(bases: Sequence[LegalBasis], day: date) -> LegalBasis:
    """The row in force on ``day``: the latest that starts on or before it (a day before
    every row takes the first one)."""
    ordered = sorted(bases or DEFAULT_LEGAL_BASES, key=lambda b: b.valid_from)
    chosen = ordered[0]
    for basis in ordered:
        if basis.valid_from <= day:
            chosen = basis
    return chosen


#: Placeholders of the voucher book setting: ``{year}`` (2025) and ``{yy}`` (25).
BOOK_PLACEHOLDERS = ("{year}", "{yy}")


def voucher_book(setting: str, day: date) -> str:
    """The voucher book (quyển số) printed on a voucher dated ``day``. The office's setting
    is a fixed text ("01") or holds ``{year}``/``{yy}`` for one book a year ("{year}",
    "Q.{yy}"); left empty, the book is the voucher's year."""
    text = (setting or "").strip() or "{year}"
    return text.replace("{year}", f"{day.year:04d}").replace("{yy}", f"{day.year % 100:02d}")
