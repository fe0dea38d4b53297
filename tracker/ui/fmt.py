"""Display helpers: money, dates, codes and places in the chosen language."""

from __future__ import annotations

from datetime import date

from tracker.domain.ethnic import ETHNIC_GROUPS
from tracker.i18n import format_date, format_money, format_number, get_language
from tracker.i18n.labels import label as _label

_ETHNIC = {e.code: e for e in ETHNIC_GROUPS}
_place_names: dict[str, str] = {}


def set_place_names(names: dict[str, str]) -> None:
    """Names of the administrative units (code -> name), from ``places.place_names``."""
    _place_names.clear()
    _place_names.update(names)


def money(amount: int | None) -> str:
    return "" if amount is None else format_money(int(amount), get_language())


def number(value: int | None) -> str:
    return "" if value is None else format_number(value, get_language())


def day(value: date | None) -> str:
    return "" if value is None else format_date(value, get_language())


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
