"""The font of every printed document: Be Vietnam Pro, shipped in ``resources/fonts``.

Be Vietnam Pro (SIL Open Font License 1.1, ``resources/fonts/OFL.txt``) is a sans-serif
family drawn for Vietnamese: every precomposed letter with its stacked marks (ế, ặ, ữ),
đ/Đ, ơ/ư and the đồng sign. The static TTFs are used because reportlab cannot read
variable fonts, and they are shipped with the app so a PDF never depends on what the
PC has installed. reportlab embeds a subset of each TTF in the PDF (FontFile2), so the
file prints the same on any printer or viewer.

The folder is ``resources/fonts`` of a checkout or of a PyInstaller bundle
(``sys._MEIPASS/resources/fonts``: declare it in the spec's ``datas``). The environment
variable ``TRACKER_FONTS_DIR`` overrides it (packagers, tests).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tracker.config import resources_dir

__all__ = [
    "FAMILY",
    "FILES",
    "FontNames",
    "FontsMissingError",
    "fonts_dir",
    "register_fonts",
]

FAMILY = "BeVietnamPro"
"""The family name registered with reportlab."""

FILES = {
    "regular": "BeVietnamPro-Regular.ttf",
    "bold": "BeVietnamPro-Bold.ttf",
    "italic": "BeVietnamPro-Italic.ttf",
    "bold_italic": "BeVietnamPro-BoldItalic.ttf",
}
"""Font file of each style, inside :func:`fonts_dir`."""

LICENCE_FILE = "OFL.txt"


class FontsMissingError(FileNotFoundError):
    """The font files are not where the app expects them (a broken installation)."""


@dataclass(frozen=True, slots=True)
class FontNames:
    """reportlab names of the registered fonts."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


_NAMES = FontNames(
    regular=FAMILY,
    bold=f"{FAMILY}-Bold",
    italic=f"{FAMILY}-Italic",
    bold_italic=f"{FAMILY}-BoldItalic",
)
_lock = threading.Lock()
_registered: FontNames | None = None


def fonts_dir() -> Path:
    """``resources/fonts`` (see :func:`tracker.config.resources_dir`), unless the
    environment's ``TRACKER_FONTS_DIR`` names another folder."""
    override = os.environ.get("TRACKER_FONTS_DIR")
    if override:
        return Path(override)
    return resources_dir() / "fonts"


def register_fonts() -> FontNames:
    """Register the family with reportlab (once per process) and return the font names.

    Thread-safe and cheap after the first call. Raises :class:`FontsMissingError`
    naming the missing files when the installation lacks them.
    """
    global _registered
    if _registered is not None:
        return _registered
    with _lock:
        if _registered is not None:
            return _registered
        folder = fonts_dir()
        paths = {style: folder / name for style, name in FILES.items()}
        missing = [str(path) for path in paths.values() if not path.is_file()]
        if missing:
            raise FontsMissingError(
                "The document font is missing, so no PDF can be made; reinstall the app. "
                f"Missing: {', '.join(missing)}"
            )
        for style, path in paths.items():
            pdfmetrics.registerFont(TTFont(getattr(_NAMES, style), str(path)))
        pdfmetrics.registerFontFamily(
            FAMILY,
            normal=_NAMES.regular,
            bold=_NAMES.bold,
            italic=_NAMES.italic,
            boldItalic=_NAMES.bold_italic,
        )
        _registered = _NAMES
        return _registered
