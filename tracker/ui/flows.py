"""Opening the dialogs from anywhere in the window: each dialog is opened window-modal
(not blocking the event loop) and, once it has saved, the matching ``DataEvents`` signal is
emitted so every page refreshes what it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tracker.services.beneficiaries import BeneficiaryRow, BeneficiaryView
from tracker.services.grants import GrantView
from tracker.services.visits import VisitRow
from tracker.ui.context import UiContext
from tracker.ui.dialogs.base import FormDialog
from tracker.ui.dialogs.beneficiary_dialog import BeneficiaryDialog
from tracker.ui.dialogs.consent_dialog import ConsentDialog
from tracker.ui.dialogs.grant_dialog import GrantDialog
from tracker.ui.dialogs.handover_dialog import HandoverDialog
from tracker.ui.dialogs.visit_dialog import VisitDialog


def _open(dialog: FormDialog, signal: object) -> FormDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.saved.connect(signal)  # type: ignore[call-overload]
    dialog.open()
    return dialog


def register_beneficiary(ctx: UiContext, parent: QWidget) -> FormDialog:
    return _open(BeneficiaryDialog(ctx, None, parent), ctx.events.beneficiary_saved.emit)


def edit_beneficiary(ctx: UiContext, parent: QWidget, person: BeneficiaryView) -> FormDialog:
    return _open(BeneficiaryDialog(ctx, person, parent), ctx.events.beneficiary_saved.emit)


def record_consent(ctx: UiContext, parent: QWidget, person: BeneficiaryRow) -> FormDialog:
    return _open(ConsentDialog(ctx, person, parent), ctx.events.consent_recorded.emit)


def plan_grant(ctx: UiContext, parent: QWidget, person: BeneficiaryRow | None = None) -> FormDialog:
    return _open(GrantDialog(ctx, person, parent), ctx.events.grant_saved.emit)


def record_handover(ctx: UiContext, parent: QWidget, grant: GrantView | None = None) -> FormDialog:
    return _open(HandoverDialog(ctx, grant, parent), ctx.events.handover_recorded.emit)


def record_visit(ctx: UiContext, parent: QWidget, visit: VisitRow) -> FormDialog:
    return _open(VisitDialog(ctx, visit, parent), ctx.events.visit_recorded.emit)
