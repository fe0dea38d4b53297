"""The shape of a Settings box around a small table: a banner for errors, a note, a table
of rows picked one at a time (its last column stretched), an optional line under it, and
the box's buttons at the right; one task (load, save, check) at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.ui.context import UiContext
from tracker.ui.widgets import Banner
from tracker.ui.worker import Task, error_text


class TableBox(QGroupBox):
    """A box with ``banner``, ``note`` and ``table``; a subclass adds its buttons with
    :meth:`add_buttons`, says what it loads in :meth:`reader`, shows it in :meth:`set_rows`
    and enables its buttons in :meth:`_update_buttons`. Its texts stay in the subclass."""

    #: A short message for the status bar (saved, closed, ...).
    status = Signal(str)

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        columns: int,
        heights: tuple[int, int],
        editable: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._task: Task | None = None
        self._layout = QVBoxLayout(self)
        self.banner = Banner(self)
        self._layout.addWidget(self.banner)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self._layout.addWidget(self.note)
        self.table = QTableWidget(0, columns, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        if not editable:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(columns - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(heights[0])
        self.table.setMaximumHeight(heights[1])
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._layout.addWidget(self.table)

    def add_line(self) -> QLabel:
        """A wrapping line under the table (a result)."""
        label = QLabel(self)
        label.setWordWrap(True)
        self._layout.addWidget(label)
        return label

    def add_buttons(self, *buttons: QPushButton, visible: bool | None = None) -> None:
        """The buttons in a row at the right, in this order (shown or hidden by ``visible``
        when given)."""
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            if visible is not None:
                button.setVisible(visible)
            row.addWidget(button)
        self._layout.addLayout(row)

    def busy(self) -> bool:
        return self._task is not None and not self._task.is_done

    # --- loading -------------------------------------------------------------------------
    def reader(self) -> Callable[[], Any]:
        """The service call that reads the rows (run on the worker)."""
        raise NotImplementedError

    def load(self) -> None:
        if self._task is not None and not self._task.is_done:
            self._task.cancel()
        self._task = self.ctx.read(
            self,
            self.reader(),
            on_success=self._loaded,
            on_failure=lambda exc: self.banner.show_message(error_text(exc)),
        )

    def _loaded(self, rows: Any) -> None:
        self._task = None
        self.set_rows(rows)

    def set_rows(self, rows: Any) -> None:
        raise NotImplementedError

    def _update_buttons(self) -> None:
        raise NotImplementedError

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.banner.show_message(error_text(exc))
        self._update_buttons()
