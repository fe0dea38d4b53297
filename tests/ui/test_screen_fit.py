"""The window and every dialog fit a common office screen: 1366 x 768, and 1280 x 720 at
125 % scaling (1024 x 576 in the window's own pixels), less a 40-pixel taskbar and a window
title bar. Each page's and dialog's smallest usable size (its minimum size hint, what Qt
will not shrink below) is checked against that, in both languages; and the first start
opens the window inside the screen's free area."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

from tracker.ui import main_window as main_window_module
from tracker.ui import prefs, screen
from tracker.ui.context import UiContext
from tracker.ui.main_window import MainWindow
from tracker.ui.translations import translations

from .dialog_catalogue import dialogs

TASKBAR = 40
TITLE_BAR = screen.TITLE_BAR
#: The room a window's contents have on each screen (the window's own pixels).
SCREENS = {
    "1366x768": QSize(1366, 768 - TASKBAR - TITLE_BAR),
    "1280x720 at 125%": QSize(1024, 576 - TASKBAR - TITLE_BAR),
}
SMALLEST = QSize(
    min(s.width() for s in SCREENS.values()), min(s.height() for s in SCREENS.values())
)


def too_big(widget: QWidget) -> str:
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    over = [
        name for name, room in SCREENS.items()
        if hint.width() > room.width() or hint.height() > room.height()
    ]  # fmt: skip
    return f"{hint.width()}x{hint.height()} does not fit {', '.join(over)}" if over else ""


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_fits_the_screen(demo_window: MainWindow, qtbot, lang: str) -> None:
    translations().use(lang)
    problems = {}
    for key in demo_window.page_keys:
        page = demo_window.show_page(key)
        qtbot.waitUntil(lambda page=page: not page._stale, timeout=5000)
        qtbot.wait(50)
        if problem := too_big(demo_window):
            problems[key] = problem
    assert problems == {}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_dialog_fits_the_screen(  # type: ignore[no-untyped-def]
    demo_window: MainWindow,
    qtbot,
    lang: str,
    monkeypatch: pytest.MonkeyPatch,
):
    translations().use(lang)
    room = QRect(0, TITLE_BAR, SMALLEST.width(), SMALLEST.height())
    monkeypatch.setattr(screen, "available_area", lambda _widget=None: room)
    demo_window.setGeometry(room)
    problems = {}
    for name, make in dialogs().items():
        dialog = make(demo_window.ctx, demo_window)
        dialog.show()
        qtbot.wait(30)
        if problem := too_big(dialog):
            problems[name] = problem
        if not room.contains(dialog.geometry()):
            problems[name + " (opened)"] = str(dialog.geometry())
        dialog.hide()
        dialog.deleteLater()
    assert problems == {}


@pytest.mark.parametrize("room", [QRect(0, 0, 1366, 728), QRect(0, 0, 1024, 536)])
def test_the_first_start_fits_the_free_area_of_the_screen(  # type: ignore[no-untyped-def]
    demo_ctx: UiContext,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    room: QRect,
):
    assert prefs.GEOMETRY.get() is None  # a first start: no saved size
    monkeypatch.setattr(main_window_module, "available_area", lambda _window: room)
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    # 1280 x 800 fits neither screen: the window takes the free area, status bar included.
    assert window.geometry() == room, (window.geometry(), room)
    window.show()
    qtbot.waitExposed(window)
    assert window.statusBar().isVisible()
    assert window.statusBar().geometry().bottom() < window.height()
    # A size saved on a bigger screen is brought back inside this one.
    window.setGeometry(0, 0, 1600, 1000)
    window.save_state()
    window.close()
    again = MainWindow(demo_ctx)
    qtbot.addWidget(again)
    assert room.contains(again.geometry()), (again.geometry(), room)
    again.close()


def test_the_first_start_on_a_big_screen(  # type: ignore[no-untyped-def]
    demo_ctx: UiContext,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
):
    room = QRect(0, 0, 1920, 1040)
    monkeypatch.setattr(main_window_module, "available_area", lambda _window: room)
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    assert not window.windowState() & Qt.WindowState.WindowMaximized
    assert (window.width(), window.height()) == (1280, 800)
    assert room.contains(window.geometry()) and window.geometry().center() == room.center()
    window.close()
