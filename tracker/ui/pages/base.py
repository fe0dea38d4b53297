"""What every page of the main window shares."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QWidget

from tracker.services.places import Place
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

    @classmethod
    def title(cls) -> str:
        """The page's name in the navigation (known before the page is built)."""
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

    def bound(self) -> None:
        """The page was built before anyone signed in, and its context now has the
        session (``UiContext.adopt``): what depends on the user is set here."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self.ctx.pending:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CommuneFilter:
    """The commune box of a list: "all communes", then the communes the office's people
    live in. The communes are read on the worker (at 100,000 people the query and the
    names take longer than a list's first page), so the list paints first and the box
    fills when they come; a change to people reads them again."""

    def __init__(self, page: Page, combo: QComboBox) -> None:
        self.page = page
        self.combo = combo
        self.everything = ""
        self.places: list[Place] = []
        self.loaded = False

    def fill(self, everything: str) -> None:
        """(Re)write the box in the current language, keeping the choice."""
        from tracker.ui.widgets import fold_completion

        self.everything = everything
        current = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(everything, None)
        for place in self.places:
            self.combo.addItem(place.name, place.code)
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0))
        self.combo.blockSignals(False)
        fold_completion(self.combo)  # "meo" finds Mèo Vạc

    def load(self) -> None:
        ctx = self.page.ctx
        ctx.read(self.page, ctx.communes_in_use, on_success=self._loaded, on_failure=self._failed)

    def _loaded(self, places: list[Place]) -> None:
        self.places = places
        self.loaded = True
        self.fill(self.everything)

    def _failed(self, _exc: BaseException) -> None:
        # The list itself shows a failure to read; the box keeps "all communes".
        self.loaded = True
