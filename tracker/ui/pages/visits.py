"""Follow-up visits: overdue, due, done, missed; filter by commune and officer; record an
outcome (or that no one could be met)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.services import office
from tracker.services.visits import VisitRow
from tracker.ui import flows
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.trip_dialog import TripSheetDialog
from tracker.ui.lists import ListSearch, sort_by_service, table_view
from tracker.ui.models import ROW_ROLE, VisitTableModel
from tracker.ui.pages.base import CommuneFilter, Page
from tracker.ui.widgets import Banner
from tracker.ui.worker import error_text

LISTS = ("open", "overdue", "due", "done", "missed", "all")
LIST_OPEN = ("open", "overdue", "due")


class VisitsPage(Page):
    """The visit lists."""

    key = "visits"
    shows = frozenset({Change.VISIT, Change.HANDOVER, Change.GRANT, Change.BENEFICIARY})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.search = QLineEdit(self)
        self.which = QComboBox(self)
        self.commune = QComboBox(self)
        self.officer = QComboBox(self)
        for combo in (self.which, self.commune, self.officer):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.record_button = QPushButton(self)
        self.record_button.setEnabled(False)
        self.trip_button = QPushButton(self)
        self.trip_dialog: TripSheetDialog | None = None
        self.count_label = QLabel(self)
        self.banner = Banner(self)
        self.model = VisitTableModel(ctx, self)
        self.communes = CommuneFilter(self, self.commune)
        self.view = table_view(self)
        self.view.setModel(self.model)
        sort_by_service(self.view)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.which)
        bar.addWidget(self.commune)
        bar.addWidget(self.officer)
        bar.addWidget(self.record_button)
        bar.addWidget(self.trip_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

        for combo in (self.which, self.commune, self.officer):
            combo.currentIndexChanged.connect(self.apply_filter)
        # Filters as one types; Enter with one visit found opens it.
        self.searching = ListSearch(self.search, self.view, self.apply_filter, self._activated)
        self.record_button.clicked.connect(self.record_selected)
        self.trip_button.clicked.connect(self.open_trip_sheet)
        # Double-click and Enter both "activate" a row.
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(lambda: self._current_changed(QModelIndex()))
        self.model.load_failed.connect(lambda exc: self.banner.show_message(error_text(exc)))
        self.model.reloaded.connect(lambda _n: self._update_count())
        self.model.rowsInserted.connect(lambda *_a: self._update_count())
        self.retranslate()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("VisitsPage", "Visits")

    def retranslate(self) -> None:
        names = {
            "open": self.tr("Overdue and due this week"),
            "overdue": self.tr("Overdue"),
            "due": self.tr("Due this week"),
            "done": self.tr("Done"),
            "missed": self.tr("No one met"),
            "all": self.tr("All visits"),
        }
        current = self.which.currentData() or "open"
        self.which.blockSignals(True)
        self.which.clear()
        for key in LISTS:
            self.which.addItem(names[key], key)
        self.which.setCurrentIndex(max(self.which.findData(current), 0))
        self.which.blockSignals(False)
        self.communes.fill(self.tr("All communes"))
        if self.officer.count():
            self.officer.setItemText(0, self.tr("All officers"))
        self.record_button.setText(self.tr("Record visit…"))
        self.trip_button.setText(self.tr("Trip sheet…"))
        self.trip_button.setToolTip(
            self.tr(
                "Print the visits to make in a commune for a day's trip, and type in what was found"
            )
        )
        self.search.setPlaceholderText(self.tr("Search by name, alias or code"))
        self.model.retranslate()
        self._update_count()

    def _fill_officers(self) -> None:
        current = self.officer.currentData()
        self.officer.blockSignals(True)
        self.officer.clear()
        self.officer.addItem(self.tr("All officers"), None)
        for user in office.list_users(self.ctx.db, self.ctx.actor):
            if user.role in ("admin", "officer"):
                self.officer.addItem(user.full_name, user.id)
        self.officer.setCurrentIndex(max(self.officer.findData(current), 0))
        self.officer.blockSignals(False)

    def refresh(self) -> None:
        super().refresh()
        self.banner.show_message("")
        try:
            self._fill_officers()
        except Exception as exc:
            self.banner.show_message(error_text(exc))
            return
        self.apply_filter()
        self.communes.load()

    def show_list(self, which: str) -> None:
        index = self.which.findData(which)
        if index >= 0:
            self.which.setCurrentIndex(index)

    def apply_filter(self, *_args: object) -> None:
        self.searching.timer.stop()
        self.model.text = self.search.text()
        self.model.which = self.which.currentData() or "open"
        self.model.commune_code = self.commune.currentData()
        self.model.officer_id = self.officer.currentData()
        self.model.reload()
        done = self.model.which in ("done", "missed")
        for key in ("done_on", "outcome"):
            self.view.setColumnHidden(self.model.column_of(key), self.model.which in LIST_OPEN)
        # A list of done (or of missed) visits says their status once, in its title.
        for key in ("days_late", "status"):
            self.view.setColumnHidden(self.model.column_of(key), done)
        self.view.resizeColumnsToContents()

    def _update_count(self) -> None:
        rows = self.model.rows()
        late = sum(1 for r in rows if r.days_late)
        text = self.tr("%n visit(s) shown", "", len(rows))
        if late:
            text += " · " + self.tr("%n late", "", late)
        self.count_label.setText(text)

    def selected(self) -> VisitRow | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _current_changed(self, index: QModelIndex, *_args: object) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        self.record_button.setEnabled(
            isinstance(row, VisitRow)
            and row.status == "scheduled"
            and self.ctx.actor.can("visit.write")
        )

    def record_selected(self) -> None:
        row = self.selected()
        if row is not None and row.status == "scheduled" and self.ctx.actor.can("visit.write"):
            flows.record_visit(self.ctx, self, row)

    def open_trip_sheet(self) -> TripSheetDialog:
        """The trip sheet of the commune chosen in the filter (or the first)."""
        dialog = TripSheetDialog(self.ctx, self, commune=self.commune.currentData())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.trip_dialog = dialog
        dialog.destroyed.connect(lambda *_a: setattr(self, "trip_dialog", None))
        dialog.open()
        return dialog

    def _activated(self, index: QModelIndex) -> None:
        self.view.setCurrentIndex(index)
        self.record_selected()
