"""The register of beneficiaries: instant search (with or without diacritics), filters,
sorting by column, names hidden unless asked for, and the profile beside the list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.vocab import BENEFICIARY_STATUSES, CATEGORIES
from tracker.services.beneficiaries import BeneficiaryRow, SearchFilter
from tracker.ui import flows, fmt, prefs
from tracker.ui.context import Change, ChangeNotice, UiContext
from tracker.ui.lists import ListSearch, table_view
from tracker.ui.models import ROW_ROLE, BeneficiaryTableModel
from tracker.ui.pages.base import CommuneFilter, Page
from tracker.ui.pages.profile import ProfilePanel
from tracker.ui.widgets import Banner
from tracker.ui.worker import error_text

SEARCH_DELAY_MS = 200


class BeneficiariesPage(Page):
    """Find, register and open beneficiaries."""

    key = "beneficiaries"
    shows = frozenset({Change.BENEFICIARY, Change.GRANT, Change.HANDOVER})

    _select_when_loaded: int | None = None

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.commune = QComboBox(self)
        self.category = QComboBox(self)
        self.status = QComboBox(self)
        self.grant_type = QComboBox(self)
        for combo in (self.commune, self.category, self.status, self.grant_type):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        self.show_names = QCheckBox(self)
        self.show_names.setChecked(ctx.names_visible)
        self.show_names.setEnabled(ctx.actor.can("names.read"))
        self.new_button = QPushButton(self)
        self.new_button.setEnabled(ctx.actor.can("beneficiary.write"))
        self.open_button = QPushButton(self)
        self.count_label = QLabel(self)
        self.banner = Banner(self)

        self.model = BeneficiaryTableModel(ctx, self)
        self.view = table_view(self, sortable=False)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSortIndicator(self.model.column_of("name"), Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        self.view.setSortingEnabled(True)
        self.profile = ProfilePanel(ctx, self)
        self.profile.hide()
        self._sized = False
        self.communes = CommuneFilter(self, self.commune)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("beneficiaries_splitter")
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.count_label)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.profile)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.new_button)
        bar2 = QHBoxLayout()
        bar2.addWidget(self.commune)
        bar2.addWidget(self.category)
        bar2.addWidget(self.status)
        bar2.addWidget(self.grant_type)
        bar2.addSpacing(12)
        bar2.addWidget(self.show_names)
        bar2.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(bar2)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

        # Filters as one types; Enter with one person found opens the profile.
        self.searching = ListSearch(
            self.search, self.view, self.apply_filter, self._activated, delay_ms=SEARCH_DELAY_MS
        )
        for combo in (self.commune, self.category, self.status, self.grant_type):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.show_names.toggled.connect(ctx.set_names_visible)
        ctx.events.names_visible_changed.connect(self._names_visible_changed)
        self.new_button.clicked.connect(self.register)
        self.open_button.clicked.connect(self.open_selected)
        self.view.activated.connect(self._activated)
        self.model.reloaded.connect(lambda _n: self._reloaded())
        self.model.rowsInserted.connect(lambda *_a: self._update_count())
        self.model.load_failed.connect(lambda exc: self.banner.show_message(error_text(exc)))
        self.profile.closed.connect(self.view.setFocus)
        self.retranslate()

    # --- texts -------------------------------------------------------------------------
    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("BeneficiariesPage", "Beneficiaries")

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search by name, alias or code, with or without diacritics (Ctrl+F)")
        )
        self.show_names.setText(self.tr("Show names"))
        self.show_names.setToolTip(
            self.tr("Names are hidden in lists so that nobody reads them over your shoulder.")
        )
        self.new_button.setText(self.tr("New beneficiary…"))
        self.open_button.setText(self.tr("Open profile"))
        self._fill_filters()
        self.model.retranslate()
        self._update_count()

    def _fill_filters(self) -> None:
        def refill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for code, text in items:
                combo.addItem(text, code)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

        self.communes.fill(self.tr("All communes"))
        refill(
            self.category,
            self.tr("All categories"),
            [(c, fmt.label("category", c)) for c in CATEGORIES],
        )
        refill(
            self.status,
            self.tr("Any status"),
            [(s, fmt.label("beneficiary_status", s)) for s in BENEFICIARY_STATUSES],
        )
        try:
            types = [
                (gt.code, fmt.type_name(gt.name_vi, gt.name_en)) for gt in self.ctx.grant_types()
            ]
        except Exception:  # shown when the list loads; the filter just stays short
            types = []
        refill(self.grant_type, self.tr("Any support"), types)

    def _reloaded(self) -> None:
        self._update_count()
        if not self.communes.loaded:
            self.communes.load()  # once the first page is shown
        if not self._sized and self.model.rowCount():
            self._sized = True
            self.view.resizeColumnsToContents()
        if self._select_when_loaded is not None:
            self.select(self._select_when_loaded)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if self.model.more_than_counted:
            text = self.tr("More than {count} people found").format(
                count=fmt.number(self.model.COUNT_LIMIT)
            )
            if shown < self.model.COUNT_LIMIT:
                text += " · " + self.tr("showing the first {shown}; scroll for more").format(
                    shown=fmt.number(shown)
                )
        elif shown < total:
            text = (
                self.tr("%n people found", "", total)
                + " · "
                + self.tr("showing the first {shown}; scroll for more").format(
                    shown=fmt.number(shown)
                )
            )
        else:
            text = self.tr("%n people found", "", total)
        self.count_label.setText(text)

    # --- loading -----------------------------------------------------------------------
    def current_filter(self) -> SearchFilter:
        return SearchFilter(
            text=self.search.text(),
            commune_code=self.commune.currentData(),
            category=self.category.currentData(),
            status=self.status.currentData(),
            grant_type=self.grant_type.currentData(),
        )

    def apply_filter(self, *_args: object) -> None:
        self.searching.timer.stop()
        self.banner.show_message("")
        flt = self.current_filter()
        if flt != self.model.filter and self.profile.isVisible():
            # Another search: the person of the last one is no longer shown beside it.
            self.profile.clear()
        self.model.set_filter(flt)

    def refresh(self) -> None:
        super().refresh()
        self.banner.show_message("")
        self.model.filter = self.current_filter()
        self.model.reload()
        if self.communes.loaded:
            self.communes.load()

    def _names_visible_changed(self, visible: bool) -> None:
        if self.show_names.isChecked() != visible:
            self.show_names.setChecked(visible)

    def data_changed(self, notice: ChangeNotice) -> None:
        super().data_changed(notice)
        person = notice.result
        if Change.BENEFICIARY in notice.kinds and isinstance(person, BeneficiaryRow):
            self.status_message.emit(self.tr("Saved {code}.").format(code=person.code))
            if self.isVisible() and not self.profile.isVisible():
                self.select(person.id)

    # --- actions -----------------------------------------------------------------------
    def register(self) -> None:
        if self.ctx.actor.can("beneficiary.write"):
            flows.register_beneficiary(self.ctx, self)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected(self) -> BeneficiaryRow | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select(self, beneficiary_id: int) -> bool:
        """Select a person of the list; one not loaded yet is selected when the list being
        read comes back."""
        self._select_when_loaded = None
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == beneficiary_id:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return True
        if self.model.loading:
            self._select_when_loaded = beneficiary_id
        return False

    def open_selected(self) -> None:
        person = self.selected()
        if person is not None:
            self.open_profile(person.id)

    def open_profile(self, beneficiary_id: int) -> None:
        if self.profile.isVisible() and self.profile.is_loading(beneficiary_id):
            return  # a double-click also "activates": open once
        was_open = self.profile.isVisible()
        self.profile.show()
        sizes = self.splitter.sizes()
        total = sum(sizes)
        wanted = max(total * 11 // 20, self.profile.minimumSizeHint().width())
        if not was_open or sizes[1] < self.profile.minimumSizeHint().width():
            self.splitter.setSizes([max(total - wanted, 200), wanted])
        self.profile.show_person(beneficiary_id)

    def _activated(self, index: QModelIndex) -> None:
        person = index.data(ROW_ROLE)
        if isinstance(person, BeneficiaryRow):
            self.open_profile(person.id)

    # --- state -------------------------------------------------------------------------
    def save_state(self) -> None:
        prefs.BENEFICIARIES_SPLITTER.set(self.splitter.saveState())

    def restore_state(self) -> None:
        state = prefs.BENEFICIARIES_SPLITTER.get()
        if state is not None:
            self.splitter.restoreState(state)
