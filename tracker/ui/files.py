"""The file dialogs of the window: Qt's own dialog (in the app's language, since Qt ships no
Vietnamese and a native dialog would speak the system's), opening in Documents, or on the
USB stick for what goes on a stick, never in the program's folder.

They go through ``QFileDialog``'s static functions, so that a test answers them the usual
way (``monkeypatch.setattr(QFileDialog, "getSaveFileName", ...)``).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from tracker.reports import usb

#: Qt's own dialog everywhere: it follows the app's language and looks the same on every PC.
OPTIONS = QFileDialog.Option.DontUseNativeDialog


def documents_folder() -> Path:
    """The user's Documents folder (created if missing), else the home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    return folder if folder.is_dir() else Path.home()


def stick_folder() -> Path | None:
    """The first USB stick or memory card mounted now, if any."""
    try:
        drives = usb.removable_drives()
    except OSError:
        return None
    return drives[0].path if drives else None


def start_folder(preferred: str | Path | None = None, *, stick: bool = False) -> Path:
    """Where a dialog opens: ``preferred`` when it is a folder that exists, else the stick
    (with ``stick``), else Documents."""
    if preferred:
        path = Path(preferred)
        if path.is_dir():
            return path
    if stick:
        found = stick_folder()
        if found is not None:
            return found
    return documents_folder()


def open_file(
    parent: QWidget | None,
    title: str,
    filters: str,
    folder: str | Path | None = None,
    *,
    stick: bool = False,
) -> str:
    """The path of a file to open, or "" when the user cancelled."""
    path, _filter = QFileDialog.getOpenFileName(
        parent, title, str(start_folder(folder, stick=stick)), filters, options=OPTIONS
    )
    return path


def save_file(
    parent: QWidget | None,
    title: str,
    name: str,
    filters: str,
    folder: str | Path | None = None,
    *,
    stick: bool = False,
) -> str:
    """The path to save ``name`` under (Qt asks before replacing a file), or ""."""
    start = start_folder(folder, stick=stick) / name
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(start), filters, options=OPTIONS)
    return path


def choose_folder(
    parent: QWidget | None, title: str, folder: str | Path | None = None, *, stick: bool = False
) -> str:
    """A folder, or "" when the user cancelled."""
    return QFileDialog.getExistingDirectory(
        parent,
        title,
        str(start_folder(folder, stick=stick)),
        OPTIONS | QFileDialog.Option.ShowDirsOnly,
    )
