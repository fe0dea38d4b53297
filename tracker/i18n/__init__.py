"""Language, text folding, formatting and amounts in words."""

from __future__ import annotations

from tracker.i18n.formatting import format_date, format_document_date, format_money, format_number
from tracker.i18n.messages import FIELDS
from tracker.i18n.text import fold, nfc, sort_key
from tracker.i18n.words import amount_in_words, number_in_words

LANGUAGES = ("vi", "en")
_language = "vi"


def get_language() -> str:
    return _language


def set_language(lang: str) -> None:
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    _language = lang


def field_label(field: str, lang: str | None = None) -> str:
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
