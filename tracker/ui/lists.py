"""Lists: a table whose columns take the width of what they show, trees that do the same,
sorting through the service, and a search box over a list."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QTreeView,
    QWidget,
)

from tracker.ui.qtnames import Qt

#: How many rows past the visible ones a column's width takes into account.
FIT_ROWS = 200


class ListView(QTableView):
    """A list whose columns take the width of what they show: the longest cell or the
    header, whichever is wider, every time the rows change (a new search, names shown,
    another language), so that no amount, date or name is cut off. When the columns are
    wider than the list, it scrolls sideways instead. Columns given another resize mode
    (stretch) keep it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_columns)
        self.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # type: ignore[override]
        old = self.model()
        if old is not None:
            for signal in self._fit_signals(old):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(self._fit_later)
        super().setModel(model)
        if model is not None:
            for signal in self._fit_signals(model):
                signal.connect(self._fit_later)
            self._fit_later()

    @staticmethod
    def _fit_signals(model: QAbstractItemModel) -> list[Any]:
        return [
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.dataChanged,
            model.headerDataChanged,
        ]

    def _fit_later(self, *_args: object) -> None:
        self._fit_timer.start()

    def fit_columns(self) -> None:
        """Each column (of those sized by hand or by this) as wide as its content."""
        model = self.model()
        if model is None or not shiboken6.isValid(self):
            return
        header = self.horizontalHeader()
        for column in range(model.columnCount()):
            if self.isColumnHidden(column):
                continue
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
                continue
            self.resizeColumnToContents(column)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_later()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self._fit_later()


def fit_tree_columns(tree: QTreeView) -> None:
    """Every column of a tree as wide as what it shows, opened branches included."""
    model = tree.model()
    if model is None:
        return
    for column in range(model.columnCount()):
        tree.resizeColumnToContents(column)


def fitting_tree(tree: QTreeView) -> QTreeView:
    """A tree whose columns follow what it shows: when a branch opens or closes (an
    animal's history) its columns take their content's width again."""
    tree.expanded.connect(lambda _index: fit_tree_columns(tree))
    tree.collapsed.connect(lambda _index: fit_tree_columns(tree))
    return tree


def table_view(parent: QWidget | None = None, *, sortable: bool = False) -> QTableView:
    view = ListView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(sortable)
    view.setWordWrap(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    view.setTabKeyNavigation(False)
    return view


def sort_by_service(view: QTableView) -> None:
    """Clicking a column's header sorts the list by it, through the model's ``sort`` (a
    paged model asks its service, so the whole list is sorted, not the page shown). The
    list opens in its own order, with no column marked."""
    header = view.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setSortIndicatorShown(True)
    header.setSectionsClickable(True)
    view.setSortingEnabled(True)


class ListSearch(QObject):
    """A search box over a list: the list filters as one types (after a short pause), Enter
    filters at once, and when the list then holds one row, Enter opens it (``open_row``
    with its index) as a double-click would. Down moves from the box into the list."""

    def __init__(
        self,
        box: QLineEdit,
        view: QTableView,
        apply: Callable[[], None],
        open_row: Callable[[QModelIndex], object],
        *,
        delay_ms: int = 250,
    ) -> None:
        super().__init__(box)
        self.box, self.view, self.apply, self.open_row = box, view, apply, open_row
        self._open_when_loaded = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self._apply)
        box.setClearButtonEnabled(True)
        box.textChanged.connect(lambda _t: self.timer.start())
        box.returnPressed.connect(self._enter)
        box.installEventFilter(self)
        model = view.model()
        reloaded = getattr(model, "reloaded", None)
        if reloaded is not None:
            reloaded.connect(lambda _n: self._loaded())

    def _apply(self) -> None:
        self.timer.stop()
        self.apply()

    def _enter(self) -> None:
        self._open_when_loaded = True
        self._apply()
        if not getattr(self.view.model(), "loading", False):
            self._loaded()

    def _loaded(self) -> None:
        if not self._open_when_loaded:
            return
        self._open_when_loaded = False
        model = self.view.model()
        if model is None or model.rowCount() != 1:
            return
        index = model.index(0, 0)
        self.view.setCurrentIndex(index)
        self.view.selectRow(0)
        self.open_row(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            model = self.view.model()
            if model is not None and model.rowCount():
                if not self.view.currentIndex().isValid():
                    self.view.selectRow(0)
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
