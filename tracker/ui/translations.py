"""Loading the Qt translations of the window (``resources/translations``).

The ``.ts`` sources live in the repository; ``scripts/build_translations.py`` compiles them
to ``.qm`` files next to them. A development checkout without compiled files still starts
in Vietnamese: the missing ``.qm`` is compiled once into the user's cache folder.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from tracker import APP_NAME
from tracker.config import resources_dir
from tracker.i18n import set_language

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
#: Our own strings, and the Qt strings we translate ourselves (standard buttons, the
#: context menu of text fields), since Qt ships no Vietnamese translation.
CATALOGUES = ("tracker", "qtbase_extra")
_LOCALES = {"vi": QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
            "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}  # fmt: skip


def translations_dir() -> Path:
    return resources_dir() / "translations"


def qt_tool(name: str) -> Path | None:
    """``lrelease``/``lupdate`` of the installed PySide6 (venv ``bin`` or the package)."""
    bin_dir = Path(sys.executable).parent
    for candidate in (bin_dir / f"pyside6-{name}", bin_dir / f"pyside6-{name}.exe"):
        if candidate.exists():
            return candidate
    try:
        import PySide6

        pkg = Path(PySide6.__file__).parent
        for candidate in (pkg / name, pkg / f"{name}.exe", pkg / "Qt" / "bin" / name):
            if candidate.exists():
                return candidate
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    import shutil

    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    return Path(found) if found else None


def compile_ts(ts: Path, qm: Path) -> None:
    import subprocess

    tool = qt_tool("lrelease")
    if tool is None:
        raise FileNotFoundError("lrelease was not found (is PySide6 installed?)")
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [str(tool), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )


def qm_file(catalogue: str, lang: str) -> Path | None:
    """The compiled file of a catalogue: shipped, or compiled into the cache on first use."""
    name = f"{catalogue}_{lang}"
    shipped = translations_dir() / f"{name}.qm"
    source = translations_dir() / f"{name}.ts"
    if shipped.exists() and (
        not source.exists() or shipped.stat().st_mtime >= source.stat().st_mtime
    ):
        return shipped
    if not source.exists():
        return shipped if shipped.exists() else None
    cached = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "translations"
    cached = cached / f"{name}.qm"
    if cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    import subprocess

    try:
        compile_ts(source, cached)
    except (OSError, subprocess.CalledProcessError) as exc:
        log.warning("could not compile %s: %s", source, exc)
        return shipped if shipped.exists() else None
    return cached


class Translations:
    """The translators installed on the application; ``use(lang)`` swaps them, which makes
    Qt send a LanguageChange event to every widget (they retranslate themselves)."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.lang = DEFAULT_LANGUAGE

    def use(self, lang: str) -> bool:
        """Install the catalogues of ``lang``; False if our own catalogue was not found."""
        if lang not in LANGUAGES:
            lang = DEFAULT_LANGUAGE
        # Formatting (money, dates, labels) follows before any widget retranslates.
        set_language(lang)
        app = QCoreApplication.instance()
        assert app is not None, "create the QApplication first"
        for old in self._installed:
            app.removeTranslator(old)
        self._installed = []
        ok = True
        for catalogue in CATALOGUES:
            path = qm_file(catalogue, lang)
            translator = QTranslator(app)
            if path is not None and translator.load(str(path)):
                app.installTranslator(translator)
                self._installed.append(translator)
            elif catalogue == "tracker" and lang != "en":
                log.warning("no %s translation found for %r", catalogue, lang)
                ok = False
        QLocale.setDefault(_LOCALES[lang])
        self.lang = lang
        return ok

    def remove(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            for old in self._installed:
                app.removeTranslator(old)
        self._installed = []


_translations = Translations()


def translations() -> Translations:
    """The one set of installed translators of the process."""
    return _translations
