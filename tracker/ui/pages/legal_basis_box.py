"""The legal basis of payment vouchers in Settings: from which day each form code and
legal-basis line applies (Circular 107/2017/TT-BTC until 31/12/2024, Circular
24/2024/TT-BTC from 01/01/2025). A voucher prints the line in force on its own date.
Administrators change the table; the change is in the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QPushButton, QTableWidgetItem, QWidget

from tracker.domain.papers import LegalBasis
from tracker.services import receipts
from tracker.ui.context import Change, UiContext
from tracker.ui.table_box import TableBox
from tracker.ui.widgets import DateEdit
from tracker.ui.worker import Task

FROM, FORM, NOTE = range(3)


class LegalBasisBox(TableBox):
    """A table of (from date, form code, legal-basis line), editable by administrators."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        can_write = ctx.actor.can("office.setup")
        super().__init__(ctx, parent, columns=3, heights=(100, 170), editable=can_write)
        self.can_write = can_write
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_button.clicked.connect(lambda: self.save())
        self.add_buttons(
            self.add_button, self.remove_button, self.save_button, visible=self.can_write
        )
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        """Called by the Settings page when the language changes."""
        self.setTitle(self.tr("Payment vouchers: form code and legal basis"))
        self.note.setText(
            self.tr(
                "Each voucher prints the line in force on its own date: the latest line whose "
                "start date is on or before it. Change it when a new circular replaces the "
                "one in force."
            )
            if self.can_write
            else self.tr("Only an administrator can change the legal basis.")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("From"), self.tr("Form code"), self.tr("Legal basis (under the form code)")]
        )
        self.add_button.setText(self.tr("Add a line"))
        self.remove_button.setText(self.tr("Remove the line"))
        self.save_button.setText(self.tr("Save the legal basis"))

    def reader(self) -> Callable[[], list[LegalBasis]]:
        ctx = self.ctx
        return lambda: receipts.legal_bases(ctx.db, ctx.actor)

    def set_rows(self, rows: list[LegalBasis]) -> None:
        self.banner.show_message("")
        self.table.setRowCount(0)
        for basis in rows:
            self.add_row(basis)
        self._update_buttons()

    def add_row(self, basis: LegalBasis | None = None) -> int:
        """A new line at the bottom (a copy of the last one's texts, from today)."""
        if basis is None:
            last = self.rows()[-1:] if self.table.rowCount() else []
            basis = LegalBasis(
                self.ctx.today(),
                last[0].form_code if last else "Mẫu số C41-BB",
                last[0].legal_note if last else "",
            )
        index = self.table.rowCount()
        self.table.insertRow(index)
        day = DateEdit(basis.valid_from, self.table)
        day.setEnabled(self.can_write)
        self.table.setCellWidget(index, FROM, day)
        self.table.setItem(index, FORM, QTableWidgetItem(basis.form_code))
        self.table.setItem(index, NOTE, QTableWidgetItem(basis.legal_note))
        self._update_buttons()
        return index

    def rows(self) -> list[LegalBasis]:
        found = []
        for index in range(self.table.rowCount()):
            day = self.table.cellWidget(index, FROM)
            form = self.table.item(index, FORM)
            note = self.table.item(index, NOTE)
            found.append(
                LegalBasis(
                    day.value() if isinstance(day, DateEdit) else date.min,
                    form.text() if form is not None else "",
                    note.text() if note is not None else "",
                )
            )
        return found

    def remove_selected(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if selected:
            self.table.removeRow(selected[0].row())
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.busy()
        self.remove_button.setEnabled(
            self.can_write and bool(self.table.selectionModel().selectedRows())
        )
        self.save_button.setEnabled(self.can_write and not busy)

    def save(self) -> Task | None:
        if not self.can_write:
            return None
        rows = self.rows()
        ctx = self.ctx
        self.banner.show_message("")
        self._task = ctx.write(
            self,
            lambda: receipts.save_legal_bases(ctx.db, ctx.actor, rows),
            {Change.OFFICE},
            on_success=self._saved,
            on_failure=self._failed,
            label=self.tr("Saving…"),
        )
        self._update_buttons()
        return self._task

    def _saved(self, rows: list[LegalBasis]) -> None:
        self._task = None
        self.set_rows(rows)
        self.status.emit(self.tr("Legal basis of payment vouchers saved."))
