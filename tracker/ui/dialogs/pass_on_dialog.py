"""Pass an animal (the first calf) or a thing (a loom) on to another family: the giver's
asset, the receiving family, the day, the value, the witness."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from tracker.services import pass_on
from tracker.services.beneficiaries import BeneficiaryRow, BeneficiaryView
from tracker.services.errors import ValidationError
from tracker.services.pass_on import PassOnInput, PassOnView
from tracker.services.visits import AssetView
from tracker.ui import fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.base import FormDialog, form_layout
from tracker.ui.pickers import BeneficiaryPicker
from tracker.ui.widgets import DateEdit, MoneyEdit, notes_edit


def asset_text(a: AssetView) -> str:
    """ "Bê con · sinh 12/02/2025 · MV-0123" for the choice of what is passed on."""
    parts = [a.description or fmt.label("asset_kind", a.kind)]
    parts.append(fmt.day(a.acquired_on))
    if a.tag:
        parts.append(a.tag)
    return " · ".join(parts)


class PassOnDialog(FormDialog):
    """One pass-on from ``giver`` (her open animals and things, the young first)."""

    changes = frozenset({Change.PASS_ON, Change.VISIT})

    def __init__(
        self,
        ctx: UiContext,
        giver: BeneficiaryRow | BeneficiaryView,
        assets: Sequence[AssetView],
        parent: QWidget | None = None,
        *,
        asset_id: int | None = None,
    ) -> None:
        super().__init__(parent, events=ctx.events)
        self.ctx = ctx
        self.giver = giver
        self.setWindowTitle(self.tr("Pass on to another family"))
        self.asset = QComboBox(self)
        self.asset.addItem(self.tr("— choose —"), None)
        self._assets = {a.id: a for a in assets if a.is_open}
        young_first = sorted(self._assets.values(), key=lambda a: (a.parent_id is None, a.id))
        for a in young_first:
            self.asset.addItem(asset_text(a), a.id)
        if asset_id is not None and asset_id in self._assets:
            self.asset.setCurrentIndex(self.asset.findData(asset_id))
        elif len(young_first) == 1 or (young_first and young_first[0].parent_id is not None):
            self.asset.setCurrentIndex(1)
        self.receiver = BeneficiaryPicker(ctx, self)
        self.handed_on = DateEdit(ctx.today(), self)
        self.value = MoneyEdit(self)
        self.description = QLineEdit(self)
        self.description.setMaxLength(200)
        self.witness_name = QLineEdit(self)
        self.witness_name.setMaxLength(120)
        self.witness_title = QLineEdit(self)
        self.witness_title.setMaxLength(120)
        self.witness_title.setPlaceholderText(self.tr("e.g. head of the village women's group"))
        self.note = notes_edit(self, 2)
        form = form_layout()
        self.add_field(form, self.tr("What is passed on"), self.asset, "asset")
        self.add_field(
            form,
            self.tr("Receiving family"),
            self.receiver,
            "receiver",
            hint=self.tr("Chosen by the commune Women's Union."),
        )
        self.add_field(form, self.tr("Passed on on"), self.handed_on, "handed_on")
        self.add_field(
            form,
            self.tr("Estimated value (đồng)"),
            self.value,
            "value",
            hint=self.tr("Not money spent: it is not added to the support."),
        )
        self.add_field(form, self.tr("Description on the note"), self.description, "description")
        self.add_field(form, self.tr("Witness"), self.witness_name, "witness_name")
        self.add_field(form, self.tr("Witness's position"), self.witness_title, "witness_title")
        self.add_field(form, self.tr("Condition, notes"), self.note, "notes")
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("From {who}").format(who=f"{giver.code} · {giver.full_name}"), self)
        )
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.asset.currentIndexChanged.connect(self._asset_chosen)
        self._asset_chosen()
        self.watch(
            self.asset,
            self.handed_on,
            self.value,
            self.description,
            self.witness_name,
            self.witness_title,
            self.note,
        )
        self.receiver.chosen.connect(self.mark_dirty)
        self.asset.setFocus()

    def _asset_chosen(self) -> None:
        a = self._assets.get(self.asset.currentData())
        if a is not None:
            self.description.setText(a.description or fmt.label("asset_kind", a.kind))
            if a.value and self.value.value() is None:
                self.value.setValue(a.value)

    def prepare(self) -> Callable[[], Any]:
        asset_id = self.asset.currentData()
        if asset_id is None:
            raise ValidationError("required", "asset")
        person = self.receiver.value()
        if person is None:
            raise ValidationError("required", "receiver")
        data = PassOnInput(
            asset_id=asset_id,
            receiver_id=person.id,
            handed_on=self.handed_on.value(),
            value=self.value.value() or 0,
            description=self.description.text(),
            witness_name=self.witness_name.text(),
            witness_title=self.witness_title.text(),
            note=self.note.toPlainText(),
        )
        db, actor, today = self.ctx.db, self.ctx.actor, self.ctx.today()
        return lambda: pass_on.record_pass_on(db, actor, data, today=today)

    @classmethod
    def ask(
        cls,
        ctx: UiContext,
        giver: BeneficiaryRow | BeneficiaryView,
        assets: Sequence[AssetView],
        parent: QWidget | None = None,
    ) -> PassOnView | None:
        dialog = cls(ctx, giver, assets, parent)
        try:
            result: PassOnView | None = dialog.exec_result()
            return result
        finally:
            dialog.deleteLater()
