"""Voiding a receipt: a reason is required; a replacement number can be issued at once for
the same hand-over (it refers to the voided one). The voided receipt is kept, struck
through, with its reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from tracker.services import receipts
from tracker.services.receipts import ReceiptRow
from tracker.ui import fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.base import FormDialog, form_layout
from tracker.ui.widgets import notes_edit


class ReceiptVoidDialog(FormDialog):
    """Void one receipt. ``saved`` carries the ``ReceiptDetail`` the service returns: the
    replacement when one was asked for, else the voided receipt."""

    changes = frozenset({Change.RECEIPT})

    def __init__(self, ctx: UiContext, receipt: ReceiptRow, parent: QWidget | None = None) -> None:
        super().__init__(parent, events=ctx.events)
        self.ctx = ctx
        self.receipt = receipt
        self.setWindowTitle(self.tr("Void receipt {number}").format(number=receipt.number))
        self.save_button.setText(self.tr("Void the receipt"))
        # "Hủy" means both "cancel" and "void" in Vietnamese: this button closes.
        self.cancel_button.setText(self.tr("Close without voiding"))
        self.save_button.setEnabled(ctx.actor.can("receipt.write"))

        person = fmt.person(
            receipt.beneficiary_code,
            receipt.beneficiary_name,
            receipt.alias,
            names_visible=ctx.names_visible,
        )
        self.summary = QLabel(
            self.tr("Receipt {number} of {date}: {person}, {amount}.").format(
                number=receipt.number,
                date=fmt.day(receipt.handed_on),
                person=person,
                amount=fmt.money(receipt.amount),
            ),
            self,
        )
        self.summary.setWordWrap(True)
        self.explain = QLabel(
            self.tr(
                "A voided receipt is kept, struck through and marked “ĐÃ HỦY” with the reason; "
                "its number is never used again. The hand-over itself stays recorded."
            ),
            self,
        )
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("color: palette(placeholder-text);")

        self.reason = notes_edit(self, lines=3)
        self.reason.setPlaceholderText(self.tr("For example: the name was misspelt"))
        self.replace = QCheckBox(self.tr("Issue a replacement receipt with a new number"), self)
        self.replace.setToolTip(
            self.tr(
                "For a receipt printed wrongly: the same hand-over gets the next number, "
                "and the new receipt says which number it replaces."
            )
        )

        form = form_layout()
        self.add_field(form, self.tr("Reason for voiding:"), self.reason, "void_reason")
        form.addRow("", self.replace)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.watch(self.reason, self.replace)
        self.resize(520, self.sizeHint().height())

    def prepare(self) -> Callable[[], Any]:
        db, actor = self.ctx.db, self.ctx.actor
        number = self.receipt.number
        reason = self.reason.toPlainText().strip()
        replace = self.replace.isChecked()
        return lambda: receipts.void_receipt(db, actor, number, reason, replace=replace)
