"""Unicode normalisation and name folding for search and sorting."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Control characters, and lone surrogates (no text can hold them: UTF-8 refuses them).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


#: The combining diacritical marks (U+0300-U+036F) -> removed.
_MARKS = dict.fromkeys(range(0x300, 0x370))


def nfc(text: str) -> str:
    """Precomposed form (what Unikey types), spaces collapsed, ends trimmed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def has_control_chars(text: str) -> bool:
    return bool(_CONTROL.search(text))


def fold(text: str) -> str:
    """Search key: no diacritics, đ -> d, case-folded, single spaces.

    "Đặng Thị Hồng Nhung" -> "dang thi hong nhung". Folding merges some distinct names
    (Đoàn and Doãn), so it is used to find people, never to decide two are the same.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    # The marks Vietnamese uses are in one block, dropped at C speed; any other text
    # is checked character by character.
    stripped = decomposed.translate(_MARKS)
    if not stripped.isascii():
        stripped = "".join(ch for ch in stripped if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def sort_key(full_name: str) -> str:
    """Vietnamese lists sort by the given name (last word), then the rest in order."""
    words = fold(full_name).split(" ")
    if len(words) <= 1:
        return words[0] if words else ""
    return " ".join([words[-1], *words[:-1]])
