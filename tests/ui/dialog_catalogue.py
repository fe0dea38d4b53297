"""Every dialog of the app, built on the demo data as a user would meet it (for the tests
of sizes and of texts cut off)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QWidget

from tracker.config import DatabaseLocation
from tracker.services import (
    beneficiaries,
    closing,
    grant_types,
    grants,
    office,
    pass_on,
    projects,
    receipts,
)
from tracker.services import visits as visit_service
from tracker.ui.context import UiContext

Maker = Callable[[UiContext, QWidget], QWidget]


def _person(ctx: UiContext):  # type: ignore[no-untyped-def]
    return beneficiaries.search(ctx.db, ctx.actor, "", limit=5, order="code")[0]


def _grant(ctx: UiContext):  # type: ignore[no-untyped-def]
    found = grants.list_grants(ctx.db, ctx.actor, status="active") or grants.list_grants(
        ctx.db, ctx.actor
    )
    # A cattle grant when there is one: the longest names and the asset fields.
    cattle = [g for g in found if g.grant_type == "cattle"]
    return (cattle or found)[0]


def _loaded(dialog: QWidget) -> QWidget:
    """The dialog once what it reads on the worker is in (the person, then their grants)."""
    from PySide6.QtWidgets import QApplication

    from tracker.ui import worker

    for _ in range(3):
        worker.wait_for_tasks(10_000)
        QApplication.processEvents()
    return dialog


def _with_grant(dialog):  # type: ignore[no-untyped-def]
    """A hand-over dialog opened on a person: their grant is chosen (else the catalogue
    would measure an empty form)."""
    assert dialog.current_grant() is not None, "the person's grants did not come in"
    return dialog


def _visit(ctx: UiContext):  # type: ignore[no-untyped-def]
    open_visits = visit_service.list_visits(ctx.db, ctx.actor, "open", today=ctx.today())
    cattle = [v for v in open_visits if v.grant_type == "cattle"]
    return (cattle or open_visits)[0]


def _giver(ctx: UiContext):  # type: ignore[no-untyped-def]
    """A family with a calf still to pass on (else the first with an animal)."""
    duties = pass_on.open_obligations(ctx.db, ctx.actor, today=ctx.today())
    if duties:
        person_id = duties[0].beneficiary_id
    else:
        person_id = next(g for g in grants.list_grants(ctx.db, ctx.actor)
                         if g.grant_type == "cattle").beneficiary_id  # fmt: skip
    return (
        beneficiaries.get(ctx.db, ctx.actor, person_id),
        visit_service.list_assets(ctx.db, ctx.actor, person_id),
    )


def dialogs() -> dict[str, Maker]:
    """Name -> a function building the dialog (not shown) for ``ctx`` under ``parent``."""
    from tracker.services.reports import default_period
    from tracker.ui.demo_build import DemoBuildDialog
    from tracker.ui.dialogs.account_dialogs import (
        AddAccountDialog,
        ChangePasswordDialog,
        DisableAccountDialog,
        RoleDialog,
        SetPasswordDialog,
    )
    from tracker.ui.dialogs.backup_dialogs import RestoreConfirmDialog
    from tracker.ui.dialogs.beneficiary_dialog import BeneficiaryDialog
    from tracker.ui.dialogs.consent_dialog import ConsentDialog
    from tracker.ui.dialogs.export_dialog import ExportDialog
    from tracker.ui.dialogs.grant_dialog import GrantDialog
    from tracker.ui.dialogs.grant_type_dialog import GrantTypeDialog
    from tracker.ui.dialogs.handover_dialog import HandoverDialog
    from tracker.ui.dialogs.import_dialog import ImportDialog
    from tracker.ui.dialogs.pass_on_dialog import PassOnDialog
    from tracker.ui.dialogs.period_dialogs import HandoverCorrectionDialog, ReopenPeriodDialog
    from tracker.ui.dialogs.project_dialog import ProjectDialog
    from tracker.ui.dialogs.receipt_batch import ReceiptBatchDialog
    from tracker.ui.dialogs.receipt_void import ReceiptVoidDialog
    from tracker.ui.dialogs.trip_dialog import TripResultsDialog, TripSheetDialog
    from tracker.ui.dialogs.visit_dialog import VisitDialog
    from tracker.ui.lock import UnlockDialog
    from tracker.ui.setup_wizard import SetupWizard
    from tracker.ui.signin import (
        FirstRunDialog,
        RecoveryDialog,
        RecoveryKeyDialog,
        SignInDialog,
    )

    def location(ctx: UiContext) -> DatabaseLocation:
        return ctx.db.location

    def user(ctx: UiContext):  # type: ignore[no-untyped-def]
        return next(u for u in office.list_users(ctx.db, ctx.actor) if u.username != "admin")

    def ws(ctx: UiContext):  # type: ignore[no-untyped-def]
        assert ctx.workspace is not None
        return ctx.workspace

    return {
        "register": lambda c, p: BeneficiaryDialog(c, None, p),
        "edit_person": lambda c, p: BeneficiaryDialog(
            c, beneficiaries.get_by_code(c.db, c.actor, _person(c).code), p
        ),
        "consent": lambda c, p: ConsentDialog(c, _person(c), p),
        "plan_grant": lambda c, p: GrantDialog(c, None, p),
        "hand_over": lambda c, p: HandoverDialog(c, _grant(c), p),
        "hand_over_to_person": lambda c, p: _with_grant(
            _loaded(HandoverDialog(c, None, p, for_person=_grant(c).beneficiary_id))
        ),
        "visit": lambda c, p: VisitDialog(c, _visit(c), p),
        "trip_sheet": lambda c, p: TripSheetDialog(c, p, commune=_visit(c).commune_code),
        "trip_results": lambda c, p: TripResultsDialog(
            c,
            {
                "communes": [_visit(c).commune_code],
                "villages": [],
                "start": c.today(),
                "end": c.today() + timedelta(days=60),
            },
            p,
        ),
        "pass_on": lambda c, p: PassOnDialog(c, *_giver(c), p),
        "support_type": lambda c, p: GrantTypeDialog(
            c, grant_types.list_grant_types(c.db, c.actor)[0], p
        ),
        "add_project": lambda c, p: ProjectDialog(c, None, p),
        "edit_project": lambda c, p: ProjectDialog(c, projects.list_projects(c.db, c.actor)[0], p),
        "void_receipt": lambda c, p: ReceiptVoidDialog(
            c, receipts.list_receipts(c.db, c.actor, limit=1)[0], p
        ),
        "correct_handover": lambda c, p: HandoverCorrectionDialog(
            c, receipts.list_receipts(c.db, c.actor, limit=1)[0], p
        ),
        "reopen_quarter": lambda c, p: ReopenPeriodDialog(
            c, closing.list_periods(c.db, c.actor, today=c.today())[1], p
        ),
        "receipt_batch": lambda c, p: ReceiptBatchDialog(c, p),
        "export": lambda c, p: ExportDialog(c, default_period(c.today()), "donor", p),
        "import": lambda c, p: ImportDialog(c, p),
        "restore": lambda c, p: RestoreConfirmDialog(
            Path("/media/USB/MV_2025-11-20.gtbackup"), Path("/data/demo.db"), None, p
        ),
        "add_account": lambda c, p: AddAccountDialog(ws(c), p),
        "set_password": lambda c, p: SetPasswordDialog(ws(c), user(c), parent=p),
        "disable_account": lambda c, p: DisableAccountDialog(ws(c), user(c), p),
        "role": lambda c, p: RoleDialog(ws(c), user(c), p),
        "change_password": lambda c, p: ChangePasswordDialog(ws(c), p),
        "sign_in": lambda c, p: SignInDialog(location(c), p),
        "recovery": lambda c, p: RecoveryDialog(location(c), p),
        "recovery_key": lambda c, p: RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP-QRST-UVWX", p),
        "unlock": lambda c, p: UnlockDialog(ws(c), p),
        "first_run": lambda c, p: FirstRunDialog(location(c), p),
        "setup_wizard": lambda c, p: SetupWizard(DatabaseLocation(path=Path("/tmp/new.db")), p),
        "demo_build": lambda c, p: DemoBuildDialog(DatabaseLocation(path=Path("/tmp/demo.db")), p),
    }
