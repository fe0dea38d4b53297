"""Language, text folding, formatting and amounts in words.

The formatting helpers are loaded on first use (``__getattr__``): the sign-in dialog needs
only the language, and paints before Babel and the message tables are read."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.i18n.formatting import (
        format_date,
        format_document_date,
        format_money,
        format_number,
    )
    from tracker.i18n.text import fold, nfc, sort_key
    from tracker.i18n.words import amount_in_words, number_in_words

LANGUAGES = ("vi", "en")
_language = "vi"

_LAZY = {
    "format_date": "formatting",
    "format_document_date": "formatting",
    "format_money": "formatting",
    "format_number": "formatting",
    "fold": "text",
    "nfc": "text",
    "sort_key": "text",
    "amount_in_words": "words",
    "number_in_words": "words",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def get_language() -> str:
    return _language


def set_language(lang: str) -> None:
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    _language = lang


def field_label(field: str, lang: str | None = None) -> str:
    from tracker.i18n.messages import FIELDS

    pair = FIELDS.get(field)
    if pair is None:
        return field
    return pair[0] if (lang or _language) == "vi" else pair[1]


__all__ = [
    "LANGUAGES",
    "amount_in_words",
    "field_label",
    "fold",
    "format_date",
    "format_document_date",
    "format_money",
    "format_number",
    "get_language",
    "nfc",
    "number_in_words",
    "set_language",
    "sort_key",
]
