"""What every page of the main window shares."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from tracker.ui.context import UiContext


class Page(QWidget):
    """A page of the main window's stack.

    A page loads what it shows when it is first shown, and again when data it shows has
    changed (``mark_stale``) - at once if it is on screen, else the next time it is shown.
    Its texts are set in ``retranslate()``, which runs again after a language switch.
    """

    #: A short message for the window's status bar.
    status_message = Signal(str)

    #: Stable name of the page (settings, tests).
    key = ""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Load again what the page shows."""
        self._stale = False

    def retranslate(self) -> None:
        """Set every visible text in the current language."""

    def mark_stale(self, *_args: object) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
