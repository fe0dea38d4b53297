"""The support types in Settings: what each gives, its unit and its follow-up plan;
administrators change the plan, the names and the reason printed on papers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.services import grant_types
from tracker.services.grant_types import GrantTypeView
from tracker.ui.context import UiContext
from tracker.ui.dialogs.grant_type_dialog import GrantTypeDialog, months_text
from tracker.ui.widgets import Banner
from tracker.ui.worker import Task, error_text, run_task


class GrantTypesBox(QGroupBox):
    """A list of the support types with an Edit button for administrators."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._task: Task | None = None
        self._rows: list[GrantTypeView] = []
        self.can_write = ctx.actor.can("grant_type.write")
        layout = QVBoxLayout(self)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setColumnCount(4)
        self.list.setMinimumHeight(270)
        self.list.setAlternatingRowColors(True)
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.list.itemActivated.connect(lambda *_a: self.edit_selected())
        layout.addWidget(self.list)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.edit_button.setVisible(self.can_write)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.edit_button)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        """Called by the Settings page when the language changes."""
        self.setTitle(self.tr("Support types and follow-up visits"))
        self.list.setHeaderLabels(
            [self.tr("Support type"), self.tr("Gives"), self.tr("Unit"), self.tr("Visits after")]
        )
        self.edit_button.setText(self.tr("Edit…"))
        self.note.setText(
            self.tr(
                "Each hand-over schedules a visit at each of these months. "
                "Changes apply to hand-overs recorded from now on."
            )
            if self.can_write
            else self.tr("Only an administrator can change the support types.")
        )
        self._fill()

    def load(self) -> None:
        if self._task is not None and not self._task.is_done:
            self._task.cancel()
        ctx = self.ctx
        self._task = run_task(
            self,
            lambda: grant_types.list_grant_types(ctx.db, ctx.actor, include_inactive=True),
            on_success=self._loaded,
            on_failure=lambda exc: self.banner.show_message(error_text(exc)),
        )

    def _loaded(self, rows: list[GrantTypeView]) -> None:
        self.banner.show_message("")
        self._rows = rows
        self._fill()

    def _fill(self) -> None:
        current = self.selected()
        lang = self.ctx.lang
        kinds = {"cash": self.tr("Cash"), "in_kind": self.tr("In kind"), "mixed": self.tr("Mixed")}
        months_label = self.tr("{months} months")
        self.list.clear()
        for gt in self._rows:
            name = gt.name(lang)
            if not gt.active:
                name = self.tr("{name} (not offered)").format(name=name)
            months = (
                months_label.format(months=months_text(gt.followup_months))
                if gt.followup_months
                else self.tr("no visits")
            )
            unit = gt.unit_vi if lang == "vi" else gt.unit_en
            item = QTreeWidgetItem(self.list, [name, kinds.get(gt.kind, gt.kind), unit, months])
            item.setData(0, Qt.ItemDataRole.UserRole, gt)
            if not gt.active:
                for column in range(4):
                    item.setForeground(column, self.palette().placeholderText())
            if current is not None and gt.code == current.code:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def selected(self) -> GrantTypeView | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.can_write and self.selected() is not None)

    def edit_selected(self) -> GrantTypeDialog | None:
        gt = self.selected()
        if gt is None or not self.can_write:
            return None
        dialog = GrantTypeDialog(self.ctx, gt, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        return dialog
