"""Edit a kind of support (administrators): its names, the follow-up plan (the months after
a hand-over at which a visit is scheduled), the neutral reason printed on papers, and
whether it can still be chosen for new grants."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from tracker.services import grant_types
from tracker.services.grant_types import MAX_PASS_ON_MONTHS, GrantTypeView
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.base import FormDialog, form_layout
from tracker.ui.widgets import spin


def months_text(months: tuple[int, ...] | list[int]) -> str:
    return ", ".join(str(m) for m in months)


class GrantTypeDialog(FormDialog):
    """Changes to one grant type; saved through ``grant_types.update_grant_type``."""

    changes = frozenset({Change.GRANT_TYPE})

    def __init__(
        self, ctx: UiContext, grant_type: GrantTypeView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, events=ctx.events)
        self.ctx = ctx
        self.grant_type = grant_type
        self.setWindowTitle(self.tr("Edit the support type"))
        self.setMinimumWidth(560)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setText(
            self.tr("<b>{name}</b> (code {code})").format(
                name=grant_type.name(ctx.lang), code=grant_type.code
            )
        )
        self.name_vi = QLineEdit(grant_type.name_vi, self)
        self.name_vi.setMaxLength(120)
        self.name_en = QLineEdit(grant_type.name_en, self)
        self.name_en.setMaxLength(120)
        self.months = QLineEdit(months_text(grant_type.followup_months), self)
        self.months.setMaxLength(80)
        self.months.setPlaceholderText(self.tr("e.g. 1, 3, 6, 12"))
        self.reason_vi = QLineEdit(grant_type.receipt_reason_vi, self)
        self.reason_vi.setMaxLength(200)
        self.reason_en = QLineEdit(grant_type.receipt_reason_en, self)
        self.reason_en.setMaxLength(200)
        self.active = QCheckBox(self.tr("Can be chosen for new grants"), self)
        self.active.setChecked(grant_type.active)
        self.pass_on = spin(0, MAX_PASS_ON_MONTHS, grant_type.pass_on_months or 0, self)
        self.pass_on.setSpecialValueText(self.tr("No pass-on"))
        self.pass_on.setSuffix(self.tr(" months"))

        form = form_layout()
        self.add_field(form, self.tr("Name (Vietnamese)"), self.name_vi, "grant_type")
        self.add_field(form, self.tr("Name (English)"), self.name_en)
        self.add_field(
            form,
            self.tr("Follow-up visits (months)"),
            self.months,
            "followup_months",
            hint=self.tr(
                "Months after each hand-over at which a visit is scheduled, increasing, "
                "from 1 to 120. Leave empty for no visits. Visits already scheduled stay."
            ),
        )
        self.add_field(
            form,
            self.tr("Reason on papers (Vietnamese)"),
            self.reason_vi,
            "description",
            hint=self.tr("Printed on receipts; it must not reveal why the person is helped."),
        )
        self.add_field(form, self.tr("Reason on papers (English)"), self.reason_en)
        if grant_type.asset_kind is not None:
            self.add_field(
                form,
                self.tr("First calf passed on within"),
                self.pass_on,
                "pass_on_months",
                hint=self.tr("Months from the calf's birth; later, it is overdue on Today."),
            )
        else:
            self.pass_on.hide()
        self.add_field(form, "", self.active)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.watch(
            self.name_vi,
            self.name_en,
            self.months,
            self.reason_vi,
            self.reason_en,
            self.active,
            self.pass_on,
        )
        self.months.setFocus()

    def prepare(self) -> Callable[[], Any]:
        db, actor, code = self.ctx.db, self.ctx.actor, self.grant_type.code
        version = self.grant_type.version  # another PC's save since it opened: refused
        name_vi, name_en = self.name_vi.text(), self.name_en.text()
        reason_vi, reason_en = self.reason_vi.text(), self.reason_en.text()
        active = self.active.isChecked()
        typed_months = self.months.text()
        pass_on = self.pass_on.value() if self.grant_type.asset_kind is not None else None

        def save() -> GrantTypeView:
            months = grant_types.parse_months(typed_months)
            return grant_types.update_grant_type(
                db,
                actor,
                code,
                name_vi=name_vi,
                name_en=name_en,
                followup_months=months,
                receipt_reason_vi=reason_vi,
                receipt_reason_en=reason_en,
                active=active,
                pass_on_months=pass_on,
                version=version,
            )

        return save
