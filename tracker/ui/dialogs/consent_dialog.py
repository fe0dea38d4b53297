"""Record a consent decision (given or withdrawn) for one person."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from tracker.domain.vocab import CONSENT_KINDS
from tracker.services import beneficiaries
from tracker.services.beneficiaries import BeneficiaryRow, BeneficiaryView
from tracker.services.errors import ValidationError
from tracker.ui import fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.base import FormDialog, form_layout
from tracker.ui.widgets import DateEdit


class ConsentDialog(FormDialog):
    """One consent decision; the latest decision of a kind is the one in force."""

    changes = frozenset({Change.BENEFICIARY})

    def __init__(
        self, ctx: UiContext, beneficiary: BeneficiaryRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, events=ctx.events)
        self.ctx = ctx
        self.beneficiary = beneficiary
        self.setWindowTitle(self.tr("Record consent"))
        today = ctx.today()
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("— choose —"), None)
        for kind in CONSENT_KINDS:
            self.kind.addItem(fmt.label("consent_kind", kind), kind)
        self.given = QComboBox(self)
        self.given.addItem(self.tr("— choose —"), None)
        self.given.addItem(self.tr("Given"), True)
        self.given.addItem(self.tr("Refused or withdrawn"), False)
        self.decided_on = DateEdit(today, self)
        self.note = QLineEdit(self)
        self.note.setMaxLength(300)
        form = form_layout()
        self.add_field(form, self.tr("Consent to"), self.kind, "consent_kind")
        self.add_field(form, self.tr("Decision"), self.given, "given")
        self.add_field(form, self.tr("Decided on"), self.decided_on, "decided_on")
        self.add_field(form, self.tr("Note"), self.note, "notes")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{beneficiary.code} · {beneficiary.full_name}", self))
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.watch(self.kind, self.given, self.decided_on, self.note)
        self.kind.setFocus()

    def prepare(self) -> Callable[[], Any]:
        kind = self.kind.currentData()
        if kind is None:
            raise ValidationError("required", "consent_kind")
        given = self.given.currentData()
        if given is None:
            raise ValidationError("required", "given")
        db, actor, today = self.ctx.db, self.ctx.actor, self.ctx.today()
        person_id, decided, note = self.beneficiary.id, self.decided_on.value(), self.note.text()
        return lambda: beneficiaries.record_consent(
            db, actor, person_id, kind, given, decided_on=decided, note=note, today=today
        )

    def handle_error(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and exc.field == "given":
            self.errors.show(exc, self.tr("Choose whether consent was given or refused."))
            return
        super().handle_error(exc)

    @classmethod
    def ask(
        cls, ctx: UiContext, beneficiary: BeneficiaryRow, parent: QWidget | None = None
    ) -> BeneficiaryView | None:
        dialog = cls(ctx, beneficiary, parent)
        try:
            return dialog.exec_result()
        finally:
            dialog.deleteLater()
