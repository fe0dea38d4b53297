"""Grants: every planned grant with what is handed over and what is left; planning a grant
and recording a hand-over start here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.vocab import GRANT_STATUSES
from tracker.services import projects
from tracker.services.grants import GrantView
from tracker.ui import flows, fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.grant_dialog import detail_label, detail_value
from tracker.ui.lists import ListSearch, sort_by_service, table_view
from tracker.ui.models import ROW_ROLE, GrantTableModel
from tracker.ui.pages.base import Page
from tracker.ui.widgets import Banner
from tracker.ui.worker import error_text


class GrantsPage(Page):
    """The list of grants, newest first."""

    key = "grants"
    shows = frozenset({Change.GRANT, Change.HANDOVER, Change.PROJECT, Change.GRANT_TYPE})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.search = QLineEdit(self)
        self.status = QComboBox(self)
        self.project = QComboBox(self)
        for combo in (self.status, self.project):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.plan_button = QPushButton(self)
        self.plan_button.setEnabled(ctx.actor.can("grant.write"))
        self.handover_button = QPushButton(self)
        self.handover_button.setEnabled(False)
        self.banner = Banner(self)
        self.model = GrantTableModel(ctx, self)
        self.view = table_view(self)
        self.view.setModel(self.model)
        sort_by_service(self.view)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMargin(6)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status)
        bar.addWidget(self.project)
        bar.addWidget(self.handover_button)
        bar.addWidget(self.plan_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

        self.status.currentIndexChanged.connect(self.apply_filter)
        self.project.currentIndexChanged.connect(self.apply_filter)
        # Filters as one types; Enter with one grant found opens its hand-over.
        self.searching = ListSearch(self.search, self.view, self.apply_filter, self._activated)
        self.plan_button.clicked.connect(lambda: flows.plan_grant(ctx, self))
        self.handover_button.clicked.connect(self.record_handover)
        # Double-click and Enter both "activate" a row.
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.load_failed.connect(lambda exc: self.banner.show_message(error_text(exc)))
        self.model.modelReset.connect(lambda: self._current_changed(QModelIndex()))
        self.retranslate()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("GrantsPage", "Grants")

    def retranslate(self) -> None:
        self.plan_button.setText(self.tr("Plan a grant…"))
        self.handover_button.setText(self.tr("Record a hand-over…"))
        self.search.setPlaceholderText(self.tr("Search by name, alias, code or project"))
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(self.tr("Any status"), None)
        for code in GRANT_STATUSES:
            self.status.addItem(fmt.label("grant_status", code), code)
        self.status.setCurrentIndex(max(self.status.findData(current), 0))
        self.status.blockSignals(False)
        if self.project.count():
            self.project.setItemText(0, self.tr("All projects"))
        self.model.retranslate()
        self._current_changed(self.view.currentIndex())

    def _fill_projects(self) -> None:
        current = self.project.currentData()
        self.project.blockSignals(True)
        self.project.clear()
        self.project.addItem(self.tr("All projects"), None)
        for p in projects.project_choices(self.ctx.db, self.ctx.actor):
            self.project.addItem(f"{p.code} – {p.name}", p.id)
        self.project.setCurrentIndex(max(self.project.findData(current), 0))
        self.project.blockSignals(False)

    def refresh(self) -> None:
        super().refresh()
        self.banner.show_message("")
        try:
            self._fill_projects()
        except Exception as exc:
            self.banner.show_message(error_text(exc))
            return
        self.apply_filter()

    def apply_filter(self, *_args: object) -> None:
        self.searching.timer.stop()
        self.model.text = self.search.text()
        self.model.status = self.status.currentData()
        self.model.project_id = self.project.currentData()
        self.model.reload()
        self.view.resizeColumnsToContents()

    def selected(self) -> GrantView | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _current_changed(self, index: QModelIndex, *_args: object) -> None:
        g = index.data(ROW_ROLE) if index.isValid() else None
        open_grant = isinstance(g, GrantView) and g.status in ("planned", "active")
        self.handover_button.setEnabled(open_grant and self.ctx.actor.can("handover.write"))
        if not isinstance(g, GrantView):
            self.detail.setText(self.tr("Select a grant to see its tranches."))
            return
        lines = [
            "<b>"
            + fmt.type_name(g.grant_type_name_vi, g.grant_type_name_en)
            + "</b> · "
            + fmt.person(
                g.beneficiary_code, g.beneficiary_name, names_visible=self.ctx.names_visible
            )
        ]
        for t in g.tranches:
            what = (
                f"{fmt.number(t.quantity)} × {fmt.money(t.unit_value)} = {fmt.money(t.amount)}"
                if t.in_kind and t.quantity is not None and t.unit_value is not None
                else fmt.money(t.amount)
            )
            due = (
                (" · " + self.tr("due {date}").format(date=fmt.day(t.due_date)))
                if t.due_date
                else ""
            )
            lines.append(
                self.tr("{seq}. {description}: {what} · handed over {delivered}").format(
                    seq=t.seq,
                    description=t.description,
                    what=what,
                    delivered=fmt.money(t.delivered),
                )
                + due
            )
        if g.details:
            lines.append(
                " · ".join(f"{detail_label(k)}: {detail_value(k, v)}" for k, v in g.details.items())
            )
        self.detail.setText("<br>".join(lines))

    def record_handover(self) -> None:
        g = self.selected()
        if self.ctx.actor.can("handover.write"):
            flows.record_handover(
                self.ctx, self, g if g and g.status in ("planned", "active") else None
            )

    def _activated(self, index: QModelIndex) -> None:
        g = index.data(ROW_ROLE)
        if (
            isinstance(g, GrantView)
            and g.status in ("planned", "active")
            and self.ctx.actor.can("handover.write")
        ):
            flows.record_handover(self.ctx, self, g)
