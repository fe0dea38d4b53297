"""Windows that fit the screen they open on: a 1366 x 768 laptop, or 1280 x 720 at 125 %
(1024 x 576 in the window's own pixels), less the taskbar.

:func:`available_area` is the room a window has (the screen's free area, less the window's
title bar); :func:`install` makes every dialog that opens bigger than that room, or partly
off it, come back inside it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tracker.ui.qtnames import Qt

#: What a window's frame adds above its contents (a title bar), when the window has not
#: been shown yet and cannot say.
TITLE_BAR = 32


def available_area(widget: QWidget | None = None) -> QRect:
    """The free area of the screen ``widget`` is on (the primary one before it shows),
    without the taskbar and without room for a title bar."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return QRect(0, 0, 1366, 728 - TITLE_BAR)
    area = screen.availableGeometry()
    return area.adjusted(0, TITLE_BAR, 0, 0)


def fit_inside(widget: QWidget, area: QRect) -> None:
    """Shrink ``widget`` (not below its minimum) and move it so that it lies in ``area``."""
    width = min(widget.width(), area.width())
    height = min(widget.height(), area.height())
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(max(width, widget.minimumWidth()), max(height, widget.minimumHeight()))
    frame = widget.geometry()
    x = min(max(frame.x(), area.left()), max(area.right() - frame.width() + 1, area.left()))
    y = min(max(frame.y(), area.top()), max(area.bottom() - frame.height() + 1, area.top()))
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y - (frame.y() - widget.y()))


def _window_shown(window: QWindow | None) -> None:
    """A window came to the front: a dialog that opened bigger than the screen's free area,
    or partly off it, is brought back inside it (the main window sizes itself:
    :meth:`MainWindow.restore_state`)."""
    if window is None:
        return
    for widget in QApplication.topLevelWidgets():
        if widget.windowHandle() is window:
            maximised = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
            if isinstance(widget, QDialog) and not widget.windowState() & maximised:
                area = available_area(widget)
                if not area.contains(widget.geometry()):
                    fit_inside(widget, area)
            return


_installed = False


def install() -> None:
    """Watch the windows of the application as they come to the front (once). A signal,
    not an event filter: nothing runs for the many other events."""
    global _installed
    app = QApplication.instance()
    if not _installed and isinstance(app, QApplication):
        app.focusWindowChanged.connect(_window_shown)
        _installed = True
