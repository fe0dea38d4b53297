"""Choosing a beneficiary by typing part of the name or code."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from tracker.services import beneficiaries
from tracker.services.beneficiaries import BeneficiaryRow
from tracker.ui import fmt
from tracker.ui.context import UiContext

SEARCH_DELAY_MS = 200
MAX_RESULTS = 20


def describe(row: BeneficiaryRow) -> str:
    parts = [row.code, row.full_name]
    if row.alias:
        parts.append(f"({row.alias})")
    if row.birth_year:
        parts.append(str(row.birth_year))
    if row.commune_code:
        parts.append(fmt.unit_name(row.commune_code))
    return " · ".join(parts)


class BeneficiaryPicker(QWidget):
    """A search field and the people it finds (with or without diacritics)."""

    #: The chosen person changed (``BeneficiaryRow`` or ``None``).
    chosen = Signal(object)
    #: A search came back (how many people it found).
    searched = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._fixed: BeneficiaryRow | None = None
        self._searches = 0
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Type part of the name or the code"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 8)
        self.fixed_label = QLabel(self)
        self.fixed_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.fixed_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.results.currentItemChanged.connect(lambda *_a: self.chosen.emit(self.value()))
        self.setFocusProxy(self.search)

    def run_search(self) -> None:
        """Search on the worker; the answer to an older search is dropped."""
        self._timer.stop()
        text = self.search.text().strip()
        self._searches += 1
        if not text:
            self.results.clear()
            self.chosen.emit(None)
            return
        db, actor, search = self.ctx.db, self.ctx.actor, self._searches
        self.ctx.read(
            self,
            lambda: beneficiaries.search(db, actor, text, limit=MAX_RESULTS),
            on_success=lambda rows: self._found(search, rows),
        )

    def _found(self, search: int, rows: list[BeneficiaryRow]) -> None:
        if search != self._searches:
            return
        self._show(rows)
        self.searched.emit(len(rows))

    def _show(self, rows: list[BeneficiaryRow]) -> None:
        """List these people; one alone is chosen at once."""
        self.results.clear()
        for row in rows:
            item = QListWidgetItem(describe(row), self.results)
            item.setData(Qt.ItemDataRole.UserRole, row)
        if len(rows) == 1:
            self.results.setCurrentRow(0)
        else:
            self.chosen.emit(self.value())

    def value(self) -> BeneficiaryRow | None:
        if self._fixed is not None:
            return self._fixed
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def preset(self, row: BeneficiaryRow) -> None:
        """Start from this person (the profile open), shown as the one found; typing
        searches for another."""
        self._searches += 1  # a search still on its way is dropped
        self._show([row])

    def set_fixed(self, row: BeneficiaryRow) -> None:
        """The person is given (the dialog was opened from their profile)."""
        self._fixed = row
        self.search.hide()
        self.results.hide()
        self.fixed_label.setText(describe(row))
        self.fixed_label.show()
        self.setFocusProxy(None)  # type: ignore[arg-type]
