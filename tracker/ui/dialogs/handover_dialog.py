"""Record a hand-over (cash, or goods as quantity × unit value) against a planned grant,
with what else the same person is given at the same time (the yarn and the course money
with a loom: one hand-over, one receipt, its papers following what was given).
A hand-over above the plan or the project budget is refused by the service; the dialog then
shows why and asks for the reason of the override."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.vocab import LIVESTOCK
from tracker.i18n import amount_in_words, fold, get_language
from tracker.services import beneficiaries, grants
from tracker.services.beneficiaries import BeneficiaryRow
from tracker.services.errors import LimitExceeded, ValidationError
from tracker.services.grants import GrantView, HandoverInput, HandoverView, TrancheView
from tracker.ui import fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.base import FormDialog, form_layout
from tracker.ui.pickers import BeneficiaryPicker
from tracker.ui.widgets import DateEdit, ErrorLabel, MoneyEdit, notes_edit, spin

MAX_QUANTITY = 100_000


def limit_message(exc: LimitExceeded) -> str:
    """The service's message with the amounts grouped for reading."""
    params = {
        k: fmt.number(v) if isinstance(v, int) and not isinstance(v, bool) else v
        for k, v in exc.params.items()
    }
    return LimitExceeded(exc.key, exc.field, **params).message()


class HandoverDialog(FormDialog):
    """Record one hand-over; ``grant`` fixes the grant (opened from a grant row)."""

    changes = frozenset({Change.HANDOVER})
    #: The open grants of the person chosen came back from the worker (how many).
    grants_loaded = Signal(int)

    def __init__(
        self,
        ctx: UiContext,
        grant: GrantView | None = None,
        parent: QWidget | None = None,
        *,
        for_person: int | None = None,
    ) -> None:
        """``grant``: the one grant to hand over; else a choice of the open grants, the
        first of ``for_person`` (the profile open) chosen already."""
        super().__init__(parent, events=ctx.events)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Record a hand-over"))
        self.setMinimumWidth(640)
        today = ctx.today()
        self._override_needed = False

        self.grant = QComboBox(self)
        # Without a grant given, the person comes first (typed, or the profile open), then
        # one of their open grants: both read on the worker, as many people as there are.
        self.person: BeneficiaryPicker | None = None
        self._quiet = False  # grants filled in by the dialog, not typed: nothing to discard
        self._loads = 0
        self._open_grants: list[GrantView] = []
        if grant is None:
            self.person = BeneficiaryPicker(ctx, self)
            self.person.chosen.connect(self._person_chosen)
            self.grant.addItem(self.tr("— choose —"), None)
        else:
            self.grant.addItem(self._grant_text(grant), grant)
        self.grant.setEnabled(False)  # until the person's grants are in; a given one stays
        self.summary = QLabel(self)
        self.tranche = QComboBox(self)
        self.handed_on = DateEdit(today, self)

        self.quantity = spin(1, MAX_QUANTITY, 1, self)
        self.unit_value = MoneyEdit(self)
        self.tags = QLineEdit(self)
        self.tags.setMaxLength(400)
        self.tags.setPlaceholderText(self.tr("One per animal, separated by commas"))
        self.as_asset = QCheckBox(self.tr("Follow it as an asset (for example a loom)"), self)
        self.amount = MoneyEdit(self)
        self.amount_error = ErrorLabel(self)
        self.total = QLabel(self)
        self.description = QLineEdit(self)
        self.description.setMaxLength(200)
        self.note = notes_edit(self, lines=2)
        self.override_reason = QLineEdit(self)
        self.override_reason.setMaxLength(300)
        self.also = QListWidget(self)
        self.also.setMaximumHeight(110)

        form = self.form = form_layout()
        if self.person is not None:
            self.add_field(form, self.tr("Beneficiary"), self.person, "beneficiary")
        self.add_field(form, self.tr("Grant"), self.grant, "grant")
        form.addRow("", self.summary)
        self.add_field(form, self.tr("Tranche"), self.tranche, "tranche")
        self.add_field(form, self.tr("Hand-over date"), self.handed_on, "handed_on")
        # Goods: quantity x unit value; cash: one amount. Only one of them shows.
        self.add_field(form, self.tr("Quantity"), self.quantity, "quantity")
        self.add_field(form, self.tr("Unit value (đồng)"), self.unit_value, "unit_value")
        self.add_field(form, self.tr("Ear tags"), self.tags, "tag")
        form.addRow("", self.as_asset)
        self.add_field(form, self.tr("Amount (đồng)"), self.amount)
        form.addRow("", self.amount_error)
        form.addRow("", self.total)
        self.add_field(
            form,
            self.tr("Reason for going above"),
            self.override_reason,
            "override_reason",
            hint=self.tr("Kept with the hand-over and shown in reports."),
        )
        self.add_field(
            form,
            self.tr("Also handed over now"),
            self.also,
            hint=self.tr("Ticked lines are handed over in full with this one, on one receipt."),
        )
        self.add_field(form, self.tr("Description"), self.description, "description")
        self.add_field(form, self.tr("Notes"), self.note, "notes")
        self.set_row_visible(form, self.override_reason, False)
        for combo in (self.grant, self.tranche):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.without_consent)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.grant.currentIndexChanged.connect(self._grant_changed)
        self.tranche.currentIndexChanged.connect(self._tranche_changed)
        self.also.itemChanged.connect(lambda _item: self.mark_dirty())
        self.quantity.valueChanged.connect(self._update_total)
        self.unit_value.value_changed.connect(self._update_total)
        self.amount.value_changed.connect(self._update_total)
        self._grant_changed()
        self.watch(
            self.grant,
            self.tranche,
            self.handed_on,
            self.quantity,
            self.unit_value,
            self.tags,
            self.as_asset,
            self.amount,
            self.description,
            self.note,
            self.override_reason,
        )
        if grant is not None:
            self.tranche.setFocus()
            # The person's other tranches still open, to hand over at the same time in full.
            self._load_grants(grant.beneficiary_id, keep=grant)
        elif for_person is not None:
            assert self.person is not None
            self.person.setFocus()
            db, actor, picker = ctx.db, ctx.actor, self.person
            ctx.read(
                self, lambda: beneficiaries.get(db, actor, for_person), on_success=picker.preset
            )
        else:
            assert self.person is not None
            self.person.setFocus()

    # --- the person and their open grants ------------------------------------------------
    def _grant_text(self, g: GrantView) -> str:
        who = fmt.person(
            g.beneficiary_code, g.beneficiary_name, names_visible=self.ctx.names_visible
        )
        return self.tr("{who} · {type} · left {left}").format(
            who=who,
            type=fmt.type_name(g.grant_type_name_vi, g.grant_type_name_en),
            left=fmt.money(g.remaining),
        )

    def _person_chosen(self, row: BeneficiaryRow | None) -> None:
        self._loads += 1
        self._open_grants = []
        self._quiet = True
        self.grant.clear()
        self.grant.addItem(self.tr("— choose —"), None)
        self.grant.setEnabled(False)
        self._grant_changed()
        self._quiet = False
        if row is not None:
            self._load_grants(row.id)

    def _load_grants(self, beneficiary_id: int, keep: GrantView | None = None) -> None:
        """Read the person's open grants on the worker; an answer for a person no longer
        chosen is dropped."""
        load, db, actor = self._loads, self.ctx.db, self.ctx.actor
        self.ctx.read(
            self,
            lambda: grants.open_grants(db, actor, beneficiary_id),
            on_success=lambda found: self._grants_found(load, found, keep),
        )

    def _grants_found(self, load: int, found: list[GrantView], keep: GrantView | None) -> None:
        if load != self._loads:
            return
        self._open_grants = found
        if keep is None:
            self._quiet = True
            for g in found:
                self.grant.addItem(self._grant_text(g), g)
            self.grant.setEnabled(bool(found))
            if found:
                self.grant.setCurrentIndex(1)  # the first open grant: the usual one
            self._grant_changed()
            self._quiet = False
            if not found:
                self.summary.setText(self.tr("This person has no grant left to hand over."))
            else:
                self.tranche.setFocus()
        else:
            self._fill_also()
        self.grants_loaded.emit(len(found))

    def mark_dirty(self, *args: object) -> None:
        if not self._quiet:
            super().mark_dirty(*args)

    # --- filling in from the grant --------------------------------------------------------
    def current_grant(self) -> GrantView | None:
        return self.grant.currentData()

    def current_tranche(self) -> TrancheView | None:
        return self.tranche.currentData()

    def _grant_changed(self, *_args: object) -> None:
        g = self.current_grant()
        self.tranche.blockSignals(True)
        self.tranche.clear()
        if g is None:
            self.summary.setText("")
            self.tranche.blockSignals(False)
            self._tranche_changed()
            return
        self.summary.setText(
            self.tr(
                "Planned {planned}, handed over {delivered}, left {left}.\nProject {project}."
            ).format(
                planned=fmt.money(g.planned_total),
                delivered=fmt.money(g.delivered),
                left=fmt.money(g.remaining),
                project=g.project_code,
            )
        )
        nxt = g.next_tranche()
        for t in g.tranches:
            left = t.amount - t.delivered
            state = (self.tr("fully handed over") if left <= 0 else self.tr("left {left}")).format(
                left=fmt.money(left)
            )
            self.tranche.addItem(
                self.tr("{seq}. {description} ({state})").format(
                    seq=t.seq, description=t.description, state=state
                ),
                t,
            )
        if nxt is not None:
            self.tranche.setCurrentIndex(nxt.seq - 1)
        else:
            self.tranche.setCurrentIndex(self.tranche.count() - 1)
        self.tranche.blockSignals(False)
        self._tranche_changed()

    def _fill_also(self) -> None:
        """The same person's other tranches with something left, of any open grant."""
        g, t = self.current_grant(), self.current_tranche()
        self.also.clear()
        if g is None:
            self.set_row_visible(self.form, self.also, False)
            return
        seen: set[int] = set()
        for other in self._open_grants:
            if other.beneficiary_id != g.beneficiary_id or other.id in seen:
                continue
            seen.add(other.id)
            for tr in other.tranches:
                left = tr.amount - tr.delivered
                if left <= 0 or (other.id == g.id and t is not None and tr.seq == t.seq):
                    continue
                gt = self.ctx.grant_type(other.grant_type)
                if tr.in_kind and tr.unit_value:
                    if left // tr.unit_value < 1:
                        continue
                    unit = (gt.unit_vi if self.ctx.lang == "vi" else gt.unit_en) if gt else ""
                    what = self.tr("{qty} {unit} × {value}").format(
                        qty=fmt.number(left // tr.unit_value),
                        unit=unit,
                        value=fmt.money(tr.unit_value),
                    )
                else:
                    what = fmt.money(left)
                type_name = fmt.type_name(other.grant_type_name_vi, other.grant_type_name_en)
                text = (
                    self.tr("{description} · {what}")
                    if fold(type_name) == fold(tr.description)
                    else self.tr("{description} ({type}) · {what}")
                )
                item = QListWidgetItem(
                    text.format(description=tr.description, type=type_name, what=what),
                    self.also,
                )
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setData(Qt.ItemDataRole.UserRole, (other.id, tr))
        self.set_row_visible(self.form, self.also, self.also.count() > 0)

    def also_lines(self, handed_on: object) -> tuple[HandoverInput, ...]:
        """The ticked tranches as lines of this hand-over, each in full (what is left)."""
        lines = []
        for index in range(self.also.count()):
            item = self.also.item(index)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            grant_id, tr = item.data(Qt.ItemDataRole.UserRole)
            left = tr.amount - tr.delivered
            if tr.in_kind and tr.unit_value:
                lines.append(
                    HandoverInput(
                        grant_id,
                        handed_on,  # type: ignore[arg-type]
                        quantity=left // tr.unit_value,
                        unit_value=tr.unit_value,
                        tranche_seq=tr.seq,
                    )
                )
            else:
                lines.append(
                    HandoverInput(grant_id, handed_on, amount=left, tranche_seq=tr.seq)  # type: ignore[arg-type]
                )
        return tuple(lines)

    def _tranche_changed(self, *_args: object) -> None:
        t = self.current_tranche()
        g = self.current_grant()
        gt = self.ctx.grant_type(g.grant_type) if g else None
        in_kind = bool(t and t.in_kind)
        livestock = bool(gt and gt.asset_kind in LIVESTOCK)
        self.set_row_visible(self.form, self.quantity, in_kind)
        self.set_row_visible(self.form, self.unit_value, in_kind)
        self.set_row_visible(self.form, self.tags, in_kind and livestock)
        self.form.setRowVisible(
            self.as_asset, in_kind and bool(gt and gt.asset_kind) and not livestock
        )
        self.set_row_visible(self.form, self.amount, not in_kind)
        self.errors.add("amount", self.unit_value if in_kind else self.amount, self.amount_error)
        if t is not None:
            left = max(t.amount - t.delivered, 0)
            self.description.setPlaceholderText(t.description)
            if in_kind and t.unit_value:
                self.unit_value.setValue(t.unit_value)
                self.quantity.setValue(max(left // t.unit_value, 1))
            else:
                self.amount.setValue(left or None)
        if g is not None and livestock and not self.tags.text():
            tag = str(g.details.get("ear_tag", "") or "")
            if tag:
                self.tags.setText(tag)
        self._fill_also()
        self._update_total()

    def hand_over_amount(self) -> int | None:
        t = self.current_tranche()
        if t is not None and t.in_kind:
            value = self.unit_value.value()
            return None if value is None else value * self.quantity.value()
        return self.amount.value()

    def _update_total(self, *_args: object) -> None:
        amount = self.hand_over_amount()
        if not amount:
            self.total.setText("")
            return
        try:
            words = amount_in_words(amount, get_language())
        except ValueError:
            words = ""
        self.total.setText(
            self.tr("Total: {amount} ({words})").format(amount=fmt.money(amount), words=words)
        )

    # --- saving ------------------------------------------------------------------------
    def build(self) -> HandoverInput:
        g = self.current_grant()
        if g is None:
            raise ValidationError("required", "grant")
        t = self.current_tranche()
        common: dict[str, Any] = {
            "grant_id": g.id,
            "handed_on": self.handed_on.value(),
            "tranche_seq": t.seq if t else None,
            "description": self.description.text(),
            "override_reason": self.override_reason.text() if self._override_needed else "",
            "note": self.note.toPlainText(),
        }
        if t is not None and t.in_kind:
            value = self.unit_value.value()
            if value is None:
                raise ValidationError("required", "unit_value")
            tags = tuple(x.strip() for x in self.tags.text().split(",") if x.strip())
            creates: bool | None = None
            if self.as_asset.isVisibleTo(self):
                creates = self.as_asset.isChecked()
            return HandoverInput(
                quantity=self.quantity.value(),
                unit_value=value,
                asset_tags=tags if self.tags.isVisibleTo(self) else (),
                creates_assets=creates,
                **common,
            )
        amount = self.amount.value()
        if amount is None:
            raise ValidationError("required", "amount")
        return HandoverInput(amount=amount, **common)

    def prepare(self) -> Callable[[], Any]:
        data = self.build()
        also = self.also_lines(data.handed_on)
        db, actor, today = self.ctx.db, self.ctx.actor, self.ctx.today()
        anyway = self.without_consent.isVisible() and self.without_consent.isChecked()
        return lambda: grants.record_handover(
            db, actor, data, also=also, today=today, without_consent=anyway
        )

    def handle_error(self, exc: BaseException) -> None:
        super().handle_error(exc)
        if isinstance(exc, LimitExceeded):
            # Show what was refused next to the amount, and ask why it should go above.
            self._override_needed = True
            self.set_row_visible(self.form, self.override_reason, True)
            self.amount_error.show_message(limit_message(exc))
            self.override_reason.setFocus()

    @classmethod
    def ask(
        cls, ctx: UiContext, grant: GrantView | None = None, parent: QWidget | None = None
    ) -> HandoverView | None:
        dialog = cls(ctx, grant, parent)
        try:
            return dialog.exec_result()
        finally:
            dialog.deleteLater()
