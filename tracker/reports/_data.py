"""Plain data shared by the printed documents (no database, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.reports import _common as c
from tracker.reports._layout import clean


@dataclass(frozen=True, slots=True)
class Signatory:
    """A person who signs: a role ("Chủ tịch Hội LHPN xã") and a name."""

    title: str
    name: str


@dataclass(frozen=True, slots=True)
class ReceiptItem:
    """One line of a voucher or hand-over note. Cash lines leave quantity/unit_value None."""

    description: str
    quantity: int | None
    unit: str
    unit_value: int | None
    amount: int

    def __post_init__(self) -> None:
        c.check_amount(self.amount, "item amount")
        if self.unit_value is not None:
            c.check_amount(self.unit_value, "unit value")
        if self.quantity is not None and (
            isinstance(self.quantity, bool) or not isinstance(self.quantity, int)
        ):
            raise ValueError(f"quantity must be a whole number, got {self.quantity!r}")
        if self.quantity is not None and self.quantity < 0:
            raise ValueError("quantity must not be negative")

    @property
    def in_kind(self) -> bool:
        return self.quantity is not None


def items_tuple(obj: object, name: str = "items") -> None:
    value = getattr(obj, name)
    if not isinstance(value, tuple):
        object.__setattr__(obj, name, tuple(value))


def check_common(doc: object) -> None:
    c.check_choice(doc.page_size, c.PAGE_SIZES, "page_size")  # type: ignore[attr-defined]
    c.check_choice(doc.lang, c.LANGS, "lang")  # type: ignore[attr-defined]
    reprint = doc.reprint  # type: ignore[attr-defined]
    if isinstance(reprint, bool) or not isinstance(reprint, int) or reprint < 0:
        raise ValueError(f"reprint must be 0 (original) or a positive count, got {reprint!r}")
    if doc.voided and not clean(doc.void_reason):  # type: ignore[attr-defined]
        raise ValueError("a voided paper needs the reason it was voided")
    copy_no = getattr(doc, "copy_no", None)
    if copy_no is not None and (
        isinstance(copy_no, bool) or not isinstance(copy_no, int) or not 1 <= copy_no <= 9
    ):
        raise ValueError(f"copy_no must be None or 1, 2, ..., got {copy_no!r}")
