"""The window's own preferences, kept per computer user in QSettings, each declared once
here: its key, its type, its default and the values it may take (as Picard's options).

The database holds the office's data; these are one user's choices on one computer. Read
one with ``prefs.LANGUAGE.get()`` (the declared type, whatever was stored: an INI file
gives strings back) and write it with ``prefs.LANGUAGE.set(value)``; no other module
touches QSettings.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from tracker.ui.translations import DEFAULT_LANGUAGE, LANGUAGES

ORGANIZATION = "GrantTracker"
APPLICATION = "Grant Tracker"

T = TypeVar("T")


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


class Setting(Generic[T]):
    """One preference: ``get()`` gives the stored value as its type, or the default when
    nothing (or nothing usable) is stored; ``set()`` stores it at once and returns what
    was stored."""

    def __init__(self, key: str, default: T) -> None:
        self.key = key
        self.default = default

    def convert(self, raw: object) -> T | None:
        """The stored value as this setting's type, or None when it is not usable."""
        raise NotImplementedError

    def get(self) -> T:
        raw = settings().value(self.key)
        value = None if raw is None else self.convert(raw)
        return self.default if value is None else value

    def set(self, value: T) -> T:
        checked = self.convert(value)
        stored = self.default if checked is None else checked
        s = settings()
        s.setValue(self.key, stored)
        s.sync()
        return stored

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r}, default={self.default!r})"


class Text(Setting[str]):
    def __init__(self, key: str, default: str, choices: tuple[str, ...] = ()) -> None:
        super().__init__(key, default)
        self.choices = choices

    def convert(self, raw: object) -> str | None:
        if not isinstance(raw, str) or (self.choices and raw not in self.choices):
            return None
        return raw


class Number(Setting[int]):
    """A whole number kept within ``minimum``..``maximum``."""

    def __init__(self, key: str, default: int, minimum: int, maximum: int) -> None:
        super().__init__(key, default)
        self.minimum, self.maximum = minimum, maximum

    def convert(self, raw: object) -> int | None:
        try:
            value = int(raw)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return None
        return min(max(value, self.minimum), self.maximum)


class Switch(Setting[bool]):
    def convert(self, raw: object) -> bool | None:
        if isinstance(raw, bool):
            return raw
        if raw in ("true", "1", 1):
            return True
        if raw in ("false", "0", 0):
            return False
        return None


class State(Setting[QByteArray | None]):
    """What a widget's ``saveState()``/``saveGeometry()`` gave (None: nothing saved)."""

    def __init__(self, key: str) -> None:
        super().__init__(key, None)

    def convert(self, raw: object) -> QByteArray | None:
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None


#: The language of the window ("vi" or "en").
LANGUAGE = Text("ui/language", DEFAULT_LANGUAGE, LANGUAGES)
#: The main window's place and size, its bars, the navigation splitter, the last page.
GEOMETRY = State("window/geometry")
WINDOW_STATE = State("window/state")
SPLITTER = State("window/splitter")
PAGE = Text("window/page", "today")
#: The splitter between the people list and the profile.
BENEFICIARIES_SPLITTER = State("beneficiaries/splitter")
#: Minutes without input before the window locks.
IDLE_MINUTES = Number("security/idle_minutes", 10, minimum=1, maximum=120)
#: Offer to print the receipt right after a hand-over.
OFFER_PRINT = Switch("receipts/offer_print", True)
#: The folder a receipt PDF was last saved in ("" : the Documents folder).
LAST_FOLDER = Text("receipts/last_folder", "")

#: The separator of exported CSV files: ";" (Excel on a Vietnamese Windows), "," or ""
#: (by the report's language: ";" for Vietnamese, "," for English).
CSV_SEPARATOR = Text("export/csv_separator", "", ("", ";", ","))

#: Every preference, by key.
ALL: dict[str, Setting[object]] = {
    s.key: s  # type: ignore[misc]
    for s in (
        LANGUAGE,
        GEOMETRY,
        WINDOW_STATE,
        SPLITTER,
        PAGE,
        BENEFICIARIES_SPLITTER,
        IDLE_MINUTES,
        OFFER_PRINT,
        LAST_FOLDER,
        CSV_SEPARATOR,
    )
}
