"""The window's own preferences (QSettings): language, window geometry, last page.

The database holds the office's data; these are per-user, per-computer choices.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from tracker.ui.translations import DEFAULT_LANGUAGE, LANGUAGES

ORGANIZATION = "GrantTracker"
APPLICATION = "Grant Tracker"

LANGUAGE = "ui/language"
GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
SPLITTER = "window/splitter"
PAGE = "window/page"


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def language() -> str:
    value = settings().value(LANGUAGE, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    s = settings()
    s.setValue(LANGUAGE, lang)
    s.sync()
