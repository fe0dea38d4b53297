"""What a user sees cut off in a window: a cell narrower than its text, a header, a label
or a button too small for its words, a wrapped message taller than its room."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QHeaderView,
    QLabel,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QWidget,
)


def _where(widget: QWidget) -> str:
    names = []
    w: QWidget | None = widget
    while w is not None and len(names) < 3:
        names.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return "/".join(reversed(names))


def cut_cells(view: QTableView) -> list[str]:
    """Visible cells and headers whose text needs more width than they have."""
    model = view.model()
    if model is None or not view.isVisible():
        return []
    problems = []
    viewport = view.viewport().rect()
    first = max(view.rowAt(0), 0)
    last = view.rowAt(viewport.height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    header = view.horizontalHeader()
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    for column in range(model.columnCount()):
        if view.isColumnHidden(column) or header.sectionSize(column) == 0:
            continue
        need = header.sectionSizeFromContents(column).width()
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch and (
            need > header.sectionSize(column) + 1
        ):
            title = model.headerData(column, Qt.Orientation.Horizontal)
            size = header.sectionSize(column)
            problems.append(f"{_where(view)} header {title!r}: {need} > {size}")
        for row in range(first, last + 1):
            index = model.index(row, column, QModelIndex())
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if not text:
                continue
            option.rect = view.visualRect(index)
            hint = view.itemDelegate().sizeHint(option, index).width()
            if hint > view.visualRect(index).width() + 1:
                problems.append(
                    f"{_where(view)} cell {text!r}: {hint} > {view.visualRect(index).width()}"
                )
    return problems


def cut_labels(root: QWidget) -> list[str]:
    """Visible labels and buttons whose words do not fit them."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            rect = widget.contentsRect()
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + 1:
                    problems.append(
                        f"{_where(widget)} {widget.text()[:60]!r}: {need} high > {widget.height()}"
                    )
            elif widget.sizeHint().width() > widget.width() + 1 and rect.width() > 0:
                problems.append(
                    f"{_where(widget)} {widget.text()[:60]!r}: "
                    f"{widget.sizeHint().width()} wide > {widget.width()}"
                )
        elif (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.sizeHint().width() > widget.width() + 1
        ):
            problems.append(
                f"{_where(widget)} button {widget.text()!r}: "
                f"{widget.sizeHint().width()} > {widget.width()}"
            )
    return problems


def cut_tree_cells(view: QTreeView) -> list[str]:
    """Visible items of a tree (expanded ones included) narrower than their text."""
    model = view.model()
    if model is None or not view.isVisible():
        return []
    problems = []
    viewport = view.viewport().rect()
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)

    def visit(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                rect = view.visualRect(index)
                text = index.data(Qt.ItemDataRole.DisplayRole)
                if not text or rect.isEmpty() or not viewport.intersects(rect):
                    continue
                option.rect = rect
                hint = view.itemDelegate().sizeHint(option, index).width()
                if hint > rect.width() + 1:
                    problems.append(f"{_where(view)} item {text!r}: {hint} > {rect.width()}")
            first = model.index(row, 0, parent)
            if depth < 3 and view.isExpanded(first):
                visit(first, depth + 1)

    visit(QModelIndex(), 0)
    return problems


def cut_off(root: QWidget) -> list[str]:
    found = cut_labels(root)
    for view in root.findChildren(QTableView):
        found += cut_cells(view)
    for tree in root.findChildren(QTreeView):
        found += cut_tree_cells(tree)
    return found
