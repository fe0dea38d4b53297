"""Each preference is declared once with its type and default: what QSettings hands back
(strings from an INI file, nothing, rubbish) comes out as that type."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from tracker.ui import prefs


def stored(key: str, value: object) -> None:
    s = prefs.settings()
    s.setValue(key, value)
    s.sync()


def test_nothing_stored_gives_the_defaults() -> None:
    assert prefs.LANGUAGE.get() == "vi"
    assert prefs.IDLE_MINUTES.get() == 10
    assert prefs.OFFER_PRINT.get() is True
    assert prefs.PAGE.get() == "today"
    assert prefs.GEOMETRY.get() is None
    assert prefs.LAST_FOLDER.get() == ""


def test_strings_from_an_ini_file_come_back_typed() -> None:
    stored(prefs.IDLE_MINUTES.key, "25")
    stored(prefs.OFFER_PRINT.key, "false")
    assert prefs.IDLE_MINUTES.get() == 25
    assert prefs.OFFER_PRINT.get() is False


def test_values_out_of_range_or_unknown_fall_back() -> None:
    stored(prefs.IDLE_MINUTES.key, "many")
    stored(prefs.LANGUAGE.key, "fr")
    stored(prefs.OFFER_PRINT.key, "perhaps")
    assert prefs.IDLE_MINUTES.get() == 10
    assert prefs.LANGUAGE.get() == "vi"
    assert prefs.OFFER_PRINT.get() is True
    assert prefs.IDLE_MINUTES.set(500) == 120
    assert prefs.IDLE_MINUTES.get() == 120


def test_a_setting_is_written_for_the_next_start() -> None:
    prefs.LANGUAGE.set("en")
    prefs.SPLITTER.set(QByteArray(b"state"))
    again = QSettings(prefs.ORGANIZATION, prefs.APPLICATION)
    assert again.value(prefs.LANGUAGE.key) == "en"
    assert prefs.SPLITTER.get() == QByteArray(b"state")


def test_every_key_is_declared_once() -> None:
    keys = [s.key for s in prefs.ALL.values()]
    assert len(keys) == len(set(keys)) == 10
