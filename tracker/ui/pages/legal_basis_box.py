"""The legal basis of payment vouchers in Settings: from which day each form code and
legal-basis line applies (Circular 107/2017/TT-BTC until 31/12/2024, Circular
24/2024/TT-BTC from 01/01/2025). A voucher prints the line in force on its own date.
Administrators change the table; the change is in the audit trail."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.papers import LegalBasis
from tracker.services import receipts
from tracker.ui.context import Change, UiContext
from tracker.ui.widgets import Banner, DateEdit
from tracker.ui.worker import Task, error_text, run_task

FROM, FORM, NOTE = range(3)


class LegalBasisBox(QGroupBox):
    """A table of (from date, form code, legal-basis line), editable by administrators."""

    #: A short message for the status bar (saved).
    status = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._task: Task | None = None
        self.can_write = ctx.actor.can("office.setup")
        layout = QVBoxLayout(self)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, 3, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FROM, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FORM, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(100)
        self.table.setMaximumHeight(170)
        if not self.can_write:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_button.clicked.connect(lambda: self.save())
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.add_button, self.remove_button, self.save_button):
            button.setVisible(self.can_write)
            row.addWidget(button)
        layout.addLayout(row)
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

    def load(self) -> None:
        if self._task is not None and not self._task.is_done:
            self._task.cancel()
        ctx = self.ctx
        self._task = run_task(
            self,
            lambda: receipts.legal_bases(ctx.db, ctx.actor),
            on_success=self._loaded,
            on_failure=lambda exc: self.banner.show_message(error_text(exc)),
        )

    def _loaded(self, rows: list[LegalBasis]) -> None:
        self._task = None
        self.set_rows(rows)

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
        busy = self._task is not None and not self._task.is_done
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

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.banner.show_message(error_text(exc))
        self._update_buttons()
