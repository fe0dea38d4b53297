"""Opening the dialogs from anywhere in the window: each dialog is opened window-modal
(not blocking the event loop); once it has saved, it announces what it changed on the
window's one notice (``ctx.events.changed``), so every page that shows it reloads."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tracker.services.beneficiaries import BeneficiaryRow, BeneficiaryView
from tracker.services.grants import GrantView
from tracker.services.visits import AssetView, VisitRow
from tracker.ui.context import UiContext
from tracker.ui.dialogs.base import FormDialog
from tracker.ui.dialogs.beneficiary_dialog import BeneficiaryDialog
from tracker.ui.dialogs.consent_dialog import ConsentDialog
from tracker.ui.dialogs.grant_dialog import GrantDialog
from tracker.ui.dialogs.handover_dialog import HandoverDialog
from tracker.ui.dialogs.pass_on_dialog import PassOnDialog
from tracker.ui.dialogs.visit_dialog import VisitDialog


def _open(dialog: FormDialog) -> FormDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog


def register_beneficiary(ctx: UiContext, parent: QWidget) -> FormDialog:
    return _open(BeneficiaryDialog(ctx, None, parent))


def edit_beneficiary(ctx: UiContext, parent: QWidget, person: BeneficiaryView) -> FormDialog:
    return _open(BeneficiaryDialog(ctx, person, parent))


def record_consent(ctx: UiContext, parent: QWidget, person: BeneficiaryRow) -> FormDialog:
    return _open(ConsentDialog(ctx, person, parent))


def plan_grant(ctx: UiContext, parent: QWidget, person: BeneficiaryRow | None = None) -> FormDialog:
    return _open(GrantDialog(ctx, person, parent))


def record_handover(
    ctx: UiContext,
    parent: QWidget,
    grant: GrantView | None = None,
    *,
    for_person: int | None = None,
) -> FormDialog:
    return _open(HandoverDialog(ctx, grant, parent, for_person=for_person))


def record_visit(ctx: UiContext, parent: QWidget, visit: VisitRow) -> FormDialog:
    return _open(VisitDialog(ctx, visit, parent))


def pass_on(
    ctx: UiContext,
    parent: QWidget,
    giver: BeneficiaryRow | BeneficiaryView,
    assets: list[AssetView],
) -> FormDialog:
    return _open(PassOnDialog(ctx, giver, assets, parent))
