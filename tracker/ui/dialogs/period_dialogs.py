"""Closed quarters in the window: reopening one (an administrator, with a reason), and
correcting a hand-over, in place while its quarter is open, or by an adjustment dated today
that points at it once its quarter is closed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from tracker.services import closing, grants
from tracker.services.grants import HandoverEdit
from tracker.services.receipts import ReceiptRow
from tracker.ui import fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.base import FormDialog, form_layout
from tracker.ui.widgets import MoneyEdit, notes_edit


class ReopenPeriodDialog(FormDialog):
    """Reopen a closed quarter. ``saved`` carries the ``PeriodState`` returned."""

    changes = frozenset({Change.PERIOD})

    def __init__(
        self, ctx: UiContext, state: closing.PeriodState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, events=ctx.events)
        self.ctx = ctx
        self.state = state
        self.setWindowTitle(self.tr("Reopen quarter {period}").format(period=state.key))
        self.save_button.setText(self.tr("Reopen the quarter"))
        self.explain = QLabel(
            self.tr(
                "Records dated in the quarter can be added, changed and voided again until it "
                "is closed once more. The reopening, with who did it and why, is printed on "
                "every report of the quarter made from now on."
            ),
            self,
        )
        self.explain.setWordWrap(True)
        self.reason = notes_edit(self, lines=3)
        self.reason.setPlaceholderText(
            self.tr("For example: the province asked for the August figures to be corrected")
        )
        form = form_layout()
        self.add_field(form, self.tr("Reason:"), self.reason, "reopen_reason")
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.watch(self.reason)
        self.resize(520, self.sizeHint().height())

    def prepare(self) -> Callable[[], Any]:
        db, actor, key = self.ctx.db, self.ctx.actor, self.state.key
        reason = self.reason.toPlainText().strip()
        today = self.ctx.today()
        return lambda: closing.reopen_period(db, actor, key, reason, today=today)


class HandoverCorrectionDialog(FormDialog):
    """Correct the amount of the hand-over of a receipt: in place (its quarter open), or,
    ticked, by an adjustment dated today that points at it (its quarter closed). ``saved``
    carries the ``HandoverView`` or the ``AdjustmentView`` returned."""

    changes = frozenset({Change.HANDOVER, Change.RECEIPT})

    def __init__(self, ctx: UiContext, receipt: ReceiptRow, parent: QWidget | None = None) -> None:
        super().__init__(parent, events=ctx.events)
        self.ctx = ctx
        self.receipt = receipt
        self.setWindowTitle(
            self.tr("Correct the hand-over of receipt {number}").format(number=receipt.number)
        )
        self.save_button.setText(self.tr("Save the correction"))
        self.save_button.setEnabled(ctx.actor.can("handover.write"))
        self.summary = QLabel(
            self.tr("Hand-over of {date}, receipt {number}: {amount} recorded.").format(
                date=fmt.day(receipt.handed_on),
                number=receipt.number,
                amount=fmt.money(receipt.amount),
            ),
            self,
        )
        self.summary.setWordWrap(True)
        self.amount = MoneyEdit(self)
        self.amount.setValue(receipt.amount)
        self.reason = notes_edit(self, lines=2)
        self.reason.setPlaceholderText(self.tr("For example: 8.000.000 was handed over, not 10"))
        self.adjustment = QCheckBox(
            self.tr("Record it as an adjustment dated today (the quarter is closed)"), self
        )
        self.adjustment.setToolTip(
            self.tr(
                "The hand-over and its quarter's report stay as they were; the difference "
                "is recorded today, points at this hand-over and shows in this quarter's "
                "report."
            )
        )
        form = form_layout()
        self.add_field(form, self.tr("Correct amount:"), self.amount, "new_amount")
        self.add_field(form, self.tr("Reason:"), self.reason, "adjust_reason")
        form.addRow("", self.adjustment)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.watch(self.amount, self.reason, self.adjustment)
        self.resize(540, self.sizeHint().height())

    def prepare(self) -> Callable[[], Any]:
        db, actor = self.ctx.db, self.ctx.actor
        number = self.receipt.number
        value = self.amount.value()
        amount = value if value is not None else 0
        reason = self.reason.toPlainText().strip()
        today = self.ctx.today()
        if self.adjustment.isChecked():
            return lambda: grants.adjust_handover(
                db, actor, grants.line_of_receipt(db, actor, number), amount, reason, today=today
            )
        note = reason

        def edit() -> grants.HandoverView:
            line = grants.line_of_receipt(db, actor, number)
            change = HandoverEdit(amount=amount, note=note or None)
            return grants.edit_handover(db, actor, line, change, today=today)

        return edit
