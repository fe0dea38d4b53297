"""Input checks shared by the services. Each raises ValidationError naming the field."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from tracker.i18n.text import has_control_chars, nfc
from tracker.services.errors import ValidationError

MAX_AMOUNT = 10_000_000_000  # 10 billion đồng: above this an amount is a typing mistake
MAX_QUANTITY = 100_000
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def text(value: object, field: str, *, max_len: int, required: bool = False) -> str:
    """NFC, trimmed, single-spaced text; '' when empty and not required."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError("required" if required else "choice", field, value=value)
    if has_control_chars(value):
        raise ValidationError("control_chars", field)
    cleaned = nfc(value)
    if required and not cleaned:
        raise ValidationError("required", field)
    if len(cleaned) > max_len:
        raise ValidationError("too_long", field, max=max_len)
    return cleaned


def multiline(value: object, field: str, *, max_len: int) -> str:
    """Free notes: NFC, line breaks kept, trimmed."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError("choice", field, value=value)
    import unicodedata

    cleaned = unicodedata.normalize("NFC", value).replace("\r\n", "\n").strip()
    if has_control_chars(cleaned):
        raise ValidationError("control_chars", field)
    if len(cleaned) > max_len:
        raise ValidationError("too_long", field, max=max_len)
    return cleaned


def code(value: object, field: str, *, max_len: int = 20) -> str:
    cleaned = text(value, field, max_len=max_len, required=True)
    if not _CODE.match(cleaned):
        raise ValidationError("bad_code", field)
    return cleaned.upper()


def choice(value: object, field: str, allowed: Iterable[str]) -> str:
    if not isinstance(value, str) or value not in set(allowed):
        raise ValidationError("choice", field, value=value)
    return value


def integer(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("not_integer", field)
    return value


def amount(value: object, field: str, *, allow_zero: bool = False) -> int:
    """Whole đồng, more than 0 (or 0 when allowed), at most 10 billion."""
    number = integer(value, field)
    if number < 0:
        raise ValidationError("amount_not_negative", field)
    if number == 0 and not allow_zero:
        raise ValidationError("amount_positive", field)
    if number > MAX_AMOUNT:
        raise ValidationError("amount_too_large", field, max=f"{MAX_AMOUNT:,}".replace(",", "."))
    return number


def quantity(value: object, field: str) -> int:
    number = integer(value, field)
    if not 1 <= number <= MAX_QUANTITY:
        raise ValidationError("quantity_range", field, max=MAX_QUANTITY)
    return number


def a_date(
    value: object,
    field: str,
    *,
    today: date | None = None,
    not_future: bool = False,
    not_before: date | None = None,
    not_after: date | None = None,
) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError("not_a_date", field)
    if not_future and today is not None and value > today:
        raise ValidationError("date_future", field)
    if not_before is not None and value < not_before:
        raise ValidationError("date_before", field, other=not_before.strftime("%d/%m/%Y"))
    if not_after is not None and value > not_after:
        raise ValidationError("date_after", field, other=not_after.strftime("%d/%m/%Y"))
    return value


def optional_date(value: object, field: str, **kwargs: object) -> date | None:
    if value is None:
        return None
    return a_date(value, field, **kwargs)  # type: ignore[arg-type]
