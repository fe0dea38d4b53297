"""Numbers, money and dates for display and documents, using babel (no Qt).

Conventions (all outputs are plain ``str``):

* Money is a whole number of đồng (VND has no minor unit). Vietnamese puts the
  symbol after the figure, English puts the ISO code before it, both joined by a
  NO-BREAK SPACE (U+00A0, as babel's own ``format_currency`` does for vi_VN) so a
  printed line never breaks between figure and currency:
  ``format_money(5_000_000)`` is ``"5.000.000\\u00a0₫"`` and
  ``format_money(5_000_000, "en")`` is ``"VND\\u00a05,000,000"``.
* Numbers use the locale's grouping: vi_VN "1.234.567,5", en_GB "1,234,567.5".
* Dates: vi "05/03/2025" (dd/MM/yyyy, never babel's two-digit-year short form);
  en "5 Mar 2025" (en_GB abbreviated month as CLDR has it; note September is
  "Sept").
* Document dates: vi "Ngày 05 tháng 03 năm 2025"; en "5 March 2025".

``lang`` is "vi" or "en" (a locale such as "vi_VN" or "en-GB" is also accepted);
anything else raises ValueError.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from babel.dates import format_date as _babel_format_date
from babel.numbers import format_decimal

__all__ = [
    "MONEY_SEPARATOR",
    "format_date",
    "format_document_date",
    "format_money",
    "format_number",
    "locale_for",
]

MONEY_SEPARATOR = "\u00a0"
"""NO-BREAK SPACE between the figure and the currency sign or code."""

_LOCALES = {"vi": "vi_VN", "en": "en_GB"}

_DATE_PATTERNS = {"vi": "dd/MM/yyyy", "en": "d MMM yyyy"}
_DOCUMENT_DATE_PATTERNS = {"vi": "'Ngày' dd 'tháng' MM 'năm' yyyy", "en": "d MMMM yyyy"}


def _lang_code(lang: object) -> str:
    if isinstance(lang, str):
        base = lang.strip().replace("-", "_").split("_")[0].lower()
        if base in _LOCALES:
            return base
    raise ValueError(f"unsupported language {lang!r}: expected 'vi' or 'en'")


def locale_for(lang: str) -> str:
    """Babel locale name for a language: "vi" -> "vi_VN", "en" -> "en_GB"."""
    return _LOCALES[_lang_code(lang)]


def format_number(n: int | float | Decimal, lang: str = "vi") -> str:
    """A number with the locale's grouping and decimal mark ("1.234,5" / "1,234.5")."""
    if isinstance(n, bool) or not isinstance(n, int | float | Decimal):
        raise ValueError(f"not a number: {type(n).__name__} {n!r}")
    return format_decimal(n, locale=locale_for(lang), group_separator=True)


def format_money(amount: int, lang: str = "vi") -> str:
    """An amount of đồng: "5.000.000 ₫" (vi) or "VND 5,000,000" (en).

    The space is MONEY_SEPARATOR (U+00A0 NO-BREAK SPACE). A negative amount keeps
    its sign on the figure: "-5.000 ₫", "VND -5,000".
    """
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValueError(
            f"amount must be a whole number of đồng (int), got {type(amount).__name__} {amount!r}"
        )
    code = _lang_code(lang)
    figure = format_decimal(amount, locale=_LOCALES[code], group_separator=True)
    if code == "vi":
        return f"{figure}{MONEY_SEPARATOR}₫"
    return f"VND{MONEY_SEPARATOR}{figure}"


def _check_date(d: object) -> datetime.date:
    if not isinstance(d, datetime.date):
        raise ValueError(f"not a date: {type(d).__name__} {d!r}")
    # A datetime is shown by its date part only (no time-zone conversion).
    return d.date() if isinstance(d, datetime.datetime) else d


def format_date(d: datetime.date, lang: str = "vi") -> str:
    """A date for lists and forms: "05/03/2025" (vi) or "5 Mar 2025" (en)."""
    code = _lang_code(lang)
    return _babel_format_date(_check_date(d), _DATE_PATTERNS[code], locale=_LOCALES[code])


def format_document_date(d: datetime.date, lang: str = "vi") -> str:
    """A date on a printed document: "Ngày 05 tháng 03 năm 2025" (vi) or "5 March 2025"."""
    code = _lang_code(lang)
    return _babel_format_date(_check_date(d), _DOCUMENT_DATE_PATTERNS[code], locale=_LOCALES[code])
