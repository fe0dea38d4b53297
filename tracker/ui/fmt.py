"""Display helpers: money, dates, codes and places in the chosen language."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache

from tracker.domain.ethnic import ETHNIC_GROUPS
from tracker.i18n import format_date, format_money, format_number, get_language
from tracker.i18n.labels import label as _label

_ETHNIC = {e.code: e for e in ETHNIC_GROUPS}
_place_names: dict[str, str] = {}


def set_place_names(names: Mapping[str, str]) -> bool:
    """Names of the administrative units (code -> name), from ``places.place_names``;
    False when they are the names in use already (nothing to repaint)."""
    if names == _place_names:
        return False
    _place_names.clear()
    _place_names.update(names)
    return True


def has_place_names() -> bool:
    return bool(_place_names)


def warm_up() -> None:
    """Read the chosen language's number and date formats (Babel's locale data, some
    30 ms the first time), off the window's thread while the password is typed."""
    lang = get_language()
    _money(0, lang), _number(0, lang), _day(date(2000, 1, 1), lang)


# Lists and tables ask for the same figures and dates again and again while they are
# drawn and their columns sized (thousands of times for the Reports page's tables): each is
# formatted once per language.
@lru_cache(maxsize=8192)
def _money(amount: int, lang: str) -> str:
    return format_money(amount, lang)


@lru_cache(maxsize=8192)
def _number(value: int | float, lang: str) -> str:
    return format_number(value, lang)


@lru_cache(maxsize=4096)
def _day(value: date, lang: str) -> str:
    return format_date(value, lang)


def money(amount: int | None) -> str:
    return "" if amount is None else _money(int(amount), get_language())


def number(value: int | None) -> str:
    return "" if value is None else _number(value, get_language())


def day(value: date | None) -> str:
    return "" if value is None else _day(value, get_language())


def label(group: str, code: str | None) -> str:
    return _label(group, code, get_language())


def unit_name(code: str | None) -> str:
    """The name of an administrative unit we know, else its code."""
    if not code:
        return ""
    return _place_names.get(code) or code


def ethnicity(code: str | None) -> str:
    if not code:
        return ""
    e = _ETHNIC.get(code)
    if e is None:
        return code
    return e.name_vi if get_language() == "vi" else e.name_en


def type_name(name_vi: str | None, name_en: str | None) -> str:
    return (name_vi if get_language() == "vi" else name_en) or ""


def person(code: str, full_name: str, alias: str = "", *, names_visible: bool) -> str:
    """How a person is shown in lists: the code (and alias) unless names are shown."""
    if names_visible:
        return f"{full_name} · {code}"
    return f"{code} · {alias}" if alias else code
