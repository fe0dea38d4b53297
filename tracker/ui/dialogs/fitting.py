"""Dialogs that grow to show their wrapped texts and error messages whole."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from tracker.ui.dialogs.base import FormDialog


def grow_to_fit(dialog: QWidget) -> None:
    """Make a dialog tall enough for its wrapped texts at its current width (a new window
    is sized from its size hint, which does not know how far wrapped labels grow; an error
    shown under a field grows it too)."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = dialog.width()
    if layout.hasHeightForWidth():
        need = layout.totalHeightForWidth(width)
    else:
        need = layout.totalSizeHint().height()
    if need > dialog.height():
        dialog.resize(width, need)


class FittingDialog(FormDialog):
    """A FormDialog that grows to show its wrapped texts and error messages whole."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_fit(self)

    def handle_error(self, exc: BaseException) -> None:
        super().handle_error(exc)
        self.fit_later()

    def fit_later(self) -> None:
        """Grow once the message just shown has its size."""
        QTimer.singleShot(0, lambda: grow_to_fit(self))
