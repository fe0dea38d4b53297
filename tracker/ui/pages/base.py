"""What every page of the main window shares."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from tracker.ui.context import Change, ChangeNotice, UiContext


class Page(QWidget):
    """A page of the main window's stack.

    A page loads what it shows when it is first shown, and again when data it shows has
    changed - at once if it is on screen, else the next time it is shown (``mark_stale``).
    It hears of changes through the window's one notice, ``ctx.events.changed``: a notice
    that names one of the kinds in ``shows`` marks it stale (a page that uses what the
    write returned overrides :meth:`data_changed`).
    Its texts are set in ``retranslate()``, which runs again after a language switch.
    """

    #: A short message for the window's status bar.
    status_message = Signal(str)

    #: Stable name of the page (settings, tests).
    key = ""
    #: The kinds of data the page shows: a change to one of them reloads it.
    shows: frozenset[Change] = frozenset()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.events.changed.connect(self.data_changed)

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Load again what the page shows."""
        self._stale = False

    def retranslate(self) -> None:
        """Set every visible text in the current language."""

    def data_changed(self, notice: ChangeNotice) -> None:
        """A write succeeded somewhere in the window."""
        if notice.touches(self.shows):
            self.mark_stale()

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
