"""Plan a grant for one person: the form takes the shape of the support type (a number of
animals at a value per head, a monthly allowance over some months, goods counted in their
unit at a value each, or one amount)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.i18n import amount_in_words, get_language
from tracker.services import grants, office, projects
from tracker.services.beneficiaries import BeneficiaryRow
from tracker.services.errors import ValidationError
from tracker.services.grant_types import GrantTypeView
from tracker.services.grants import GrantInput, TrancheInput
from tracker.services.projects import ProjectView
from tracker.services.validate import MAX_QUANTITY
from tracker.services.visits import add_months
from tracker.ui import fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.base import FormDialog, form_layout
from tracker.ui.pickers import BeneficiaryPicker
from tracker.ui.widgets import DateEdit, ErrorLabel, MoneyEdit, notes_edit, spin

NUMBER_FIELDS = ("yarn_kg", "kg")
MAX_MONTHS = 60
MAX_HEADS = 100


def detail_label(key: str) -> str:
    """The name of a type-specific detail of a grant."""
    labels = {
        "breed": QCoreApplication.translate("GrantDetails", "Breed"),
        "head_count": QCoreApplication.translate("GrantDetails", "Number of animals"),
        "value_per_head": QCoreApplication.translate("GrantDetails", "Value per head"),
        "ear_tag": QCoreApplication.translate("GrantDetails", "Ear tag"),
        "loom": QCoreApplication.translate("GrantDetails", "Loom"),
        "yarn_kg": QCoreApplication.translate("GrantDetails", "Yarn (kg)"),
        "training": QCoreApplication.translate("GrantDetails", "Training"),
        "amount_per_month": QCoreApplication.translate("GrantDetails", "Amount per month"),
        "months": QCoreApplication.translate("GrantDetails", "Number of months"),
        "item": QCoreApplication.translate("GrantDetails", "Item"),
        "kg": QCoreApplication.translate("GrantDetails", "Quantity (kg)"),
        "school_year": QCoreApplication.translate("GrantDetails", "School year"),
        "school": QCoreApplication.translate("GrantDetails", "School"),
        "trade": QCoreApplication.translate("GrantDetails", "Trade"),
        "works": QCoreApplication.translate("GrantDetails", "Works"),
        "business": QCoreApplication.translate("GrantDetails", "Business"),
    }
    return labels.get(key, key)


def detail_value(key: str, value: object) -> str:
    if key in ("value_per_head", "amount_per_month") and isinstance(value, int):
        return fmt.money(value)
    return str(value)


def shape_of(gt: GrantTypeView) -> str:
    """How the amounts of a type are entered: ``livestock``, ``monthly``, ``goods`` (a
    quantity in the type's unit at a value each: the papers list them as goods handed over)
    or ``single`` (one amount)."""
    if "head_count" in gt.fields:
        return "livestock"
    if "amount_per_month" in gt.fields:
        return "monthly"
    if gt.kind == "in_kind":
        return "goods"
    return "single"


def unit_of(gt: GrantTypeView) -> str:
    return gt.unit_vi if get_language() == "vi" else gt.unit_en


class GrantDialog(FormDialog):
    """Plan a grant; ``beneficiary`` fixes the person (opened from the profile)."""

    changes = frozenset({Change.GRANT})

    def __init__(
        self,
        ctx: UiContext,
        beneficiary: BeneficiaryRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, events=ctx.events)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Plan a grant"))
        self.setMinimumWidth(660)
        today = ctx.today()

        self.picker = BeneficiaryPicker(ctx, self)
        if beneficiary is not None:
            self.picker.set_fixed(beneficiary)
        self.project = QComboBox(self)
        self.project.addItem(self.tr("— choose —"), None)
        for c in projects.project_choices(ctx.db, ctx.actor):
            if c.status == "active":
                self.project.addItem(f"{c.code} – {c.name}", c.id)
        # What is left of each budget is read on the worker, as every read of the data.
        self._projects: dict[int, ProjectView] = {}
        self.project_left = QLabel(self)
        self.project.currentIndexChanged.connect(self._project_changed)
        db, actor = ctx.db, ctx.actor
        ctx.read(self, lambda: projects.list_projects(db, actor), on_success=self._budgets)
        if self.project.count() == 2:
            self.project.setCurrentIndex(1)
        self.grant_type = QComboBox(self)
        self.grant_type.addItem(self.tr("— choose —"), None)
        for gt in ctx.grant_types():
            if gt.active:
                self.grant_type.addItem(gt.name(get_language()), gt.code)
        self.grant_type.setMaxVisibleItems(16)
        self.start_date = DateEdit(today, self)
        self.officer = QComboBox(self)
        for user in office.list_users(ctx.db, ctx.actor):
            if user.active and user.role in ("admin", "officer"):
                self.officer.addItem(f"{user.full_name} ({user.username})", user.id)
        if ctx.actor.user_id is not None:
            index = self.officer.findData(ctx.actor.user_id)
            if index >= 0:
                self.officer.setCurrentIndex(index)
        self.note = notes_edit(self)
        for combo in (self.project, self.grant_type, self.officer):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        form = form_layout()
        self.add_field(form, self.tr("Beneficiary"), self.picker, "beneficiary")
        self.add_field(form, self.tr("Project"), self.project, "project")
        form.addRow("", self.project_left)
        self.add_field(form, self.tr("Support type"), self.grant_type, "grant_type")
        self.add_field(form, self.tr("Start date"), self.start_date, "start_date")
        self.add_field(form, self.tr("Officer in charge"), self.officer, "officer")

        # The part that depends on the support type.
        self.details_box = QGroupBox(self.tr("What is given"), self)
        self.details_layout = QVBoxLayout(self.details_box)
        self.details: QWidget | None = None
        self.detail_fields: dict[str, QWidget] = {}
        self.total_label = QLabel(self)
        self.total_label.setWordWrap(True)
        self.tranche_error = ErrorLabel(self)
        self.errors.add("tranches", self.details_box, self.tranche_error)
        self._placeholder = QLabel(self.tr("Choose the support type first."), self.details_box)
        self.details_layout.addWidget(self._placeholder)

        note_form = form_layout()
        self.add_field(note_form, self.tr("Notes"), self.note, "notes")

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.without_consent)
        layout.addLayout(form)
        layout.addWidget(self.details_box)
        layout.addWidget(self.tranche_error)
        layout.addWidget(self.total_label)
        layout.addLayout(note_form)
        layout.addWidget(self.buttons)

        self.grant_type.currentIndexChanged.connect(self._type_changed)
        self.watch(self.project, self.grant_type, self.start_date, self.officer, self.note)
        self.picker.chosen.connect(self.mark_dirty)
        if beneficiary is None:
            self.picker.setFocus()
        else:
            self.project.setFocus()

    def _budgets(self, found: list[ProjectView]) -> None:
        self._projects = {p.id: p for p in found}
        self._project_changed()

    def _project_changed(self, *_args: object) -> None:
        p = self._projects.get(self.project.currentData())
        self.project_left.setText(
            ""
            if p is None
            else self.tr("Budget left: {left} of {budget}").format(
                left=fmt.money(p.left), budget=fmt.money(p.budget)
            )
        )

    # --- the part shaped by the support type --------------------------------------------
    def current_type(self) -> GrantTypeView | None:
        return self.ctx.grant_type(self.grant_type.currentData())

    def _type_changed(self, *_args: object) -> None:
        gt = self.current_type()
        if self.details is not None:
            self.details.deleteLater()
            self.details = None
        self.detail_fields = {}
        self.errors.discard("quantity", "unit_value", "amount", "description")
        self._placeholder.setVisible(gt is None)
        if gt is None:
            self._update_total()
            return
        self.details = QWidget(self.details_box)
        form = QFormLayout(self.details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        shape = shape_of(gt)
        if shape == "livestock":
            heads = spin(1, MAX_HEADS, 1, self.details)
            value = MoneyEdit(self.details)
            breed = QLineEdit(self.details)
            breed.setMaxLength(100)
            self.detail_fields = {"head_count": heads, "value_per_head": value, "breed": breed}
            self.add_field(form, self.tr("Number of animals"), heads, "quantity")
            self.add_field(form, self.tr("Value per head (đồng)"), value, "unit_value")
            self.errors.add("amount", value, self.errors.label("unit_value"))  # type: ignore[arg-type]
            self.add_field(form, self.tr("Breed"), breed)
            if "ear_tag" in gt.fields:
                tag = QLineEdit(self.details)
                tag.setMaxLength(40)
                self.detail_fields["ear_tag"] = tag
                self.add_field(
                    form,
                    self.tr("Ear tag"),
                    tag,
                    hint=self.tr("The tag of the animal, if known now."),
                )
            heads.valueChanged.connect(self._update_total)
            value.value_changed.connect(self._update_total)
        elif shape == "monthly":
            per_month = MoneyEdit(self.details)
            months = spin(1, MAX_MONTHS, 6, self.details)
            self.detail_fields = {"amount_per_month": per_month, "months": months}
            self.add_field(form, self.tr("Amount per month (đồng)"), per_month, "amount")
            self.add_field(form, self.tr("Number of months"), months, "quantity")
            per_month.value_changed.connect(self._update_total)
            months.valueChanged.connect(self._update_total)
        elif shape == "goods":
            quantity = spin(1, MAX_QUANTITY, 1, self.details)
            quantity.setSuffix(f" {unit_of(gt)}")
            value = MoneyEdit(self.details)
            self.detail_fields = {"quantity": quantity, "unit_value": value}
            self.add_field(form, self.tr("Quantity"), quantity, "quantity")
            self.add_field(
                form,
                self.tr("Value of one {unit} (đồng)").format(unit=unit_of(gt)),
                value,
                "unit_value",
            )
            self.errors.add("amount", value, self.errors.label("unit_value"))  # type: ignore[arg-type]
            quantity.valueChanged.connect(self._update_total)
            value.value_changed.connect(self._update_total)
            first = True
            for key in gt.fields:
                if key in NUMBER_FIELDS:
                    continue  # the quantity above
                line = QLineEdit(self.details)
                line.setMaxLength(200)
                self.detail_fields[key] = line
                self.add_field(form, detail_label(key), line, "description" if first else None)
                first = False
        else:
            amount = MoneyEdit(self.details)
            self.detail_fields = {"amount": amount}
            self.add_field(form, self.tr("Amount (đồng)"), amount, "amount")
            amount.value_changed.connect(self._update_total)
            first = True
            for key in gt.fields:
                widget: QWidget
                if key in NUMBER_FIELDS:
                    widget = spin(0, 100_000, 0, self.details)
                else:
                    line = QLineEdit(self.details)
                    line.setMaxLength(200)
                    widget = line
                self.detail_fields[key] = widget
                self.add_field(form, detail_label(key), widget, "description" if first else None)
                first = False
        for widget in self.detail_fields.values():
            self.watch(widget)
        self.details_layout.addWidget(self.details)
        self._update_total()

    def _money(self, key: str) -> int | None:
        widget = self.detail_fields.get(key)
        return widget.value() if isinstance(widget, MoneyEdit) else None

    def _int(self, key: str) -> int:
        widget = self.detail_fields.get(key)
        return widget.value() if isinstance(widget, QSpinBox) else 0

    def _text(self, key: str) -> str:
        widget = self.detail_fields.get(key)
        return widget.text().strip() if isinstance(widget, QLineEdit) else ""

    def planned_total(self) -> int | None:
        gt = self.current_type()
        if gt is None:
            return None
        shape = shape_of(gt)
        if shape == "livestock":
            value = self._money("value_per_head")
            return None if value is None else value * self._int("head_count")
        if shape == "monthly":
            value = self._money("amount_per_month")
            return None if value is None else value * self._int("months")
        if shape == "goods":
            value = self._money("unit_value")
            return None if value is None else value * self._int("quantity")
        return self._money("amount")

    def _update_total(self, *_args: object) -> None:
        total = self.planned_total()
        if not total:
            self.total_label.setText("")
            return
        try:
            words = amount_in_words(total, get_language())
        except ValueError:
            words = ""
        self.total_label.setText(
            self.tr("Planned total: {amount} ({words})").format(
                amount=fmt.money(total), words=words
            )
        )

    # --- saving ------------------------------------------------------------------------
    def build(self) -> GrantInput:
        person = self.picker.value()
        if person is None:
            raise ValidationError("required", "beneficiary")
        project_id = self.project.currentData()
        if project_id is None:
            raise ValidationError("required", "project")
        gt = self.current_type()
        if gt is None:
            raise ValidationError("required", "grant_type")
        start = self.start_date.value()
        name = gt.name(get_language())
        details: dict[str, Any] = {}
        shape = shape_of(gt)
        tranches: tuple[TrancheInput, ...]
        if shape == "livestock":
            heads = self._int("head_count")
            value = self._money("value_per_head")
            if value is None:
                raise ValidationError("required", "unit_value")
            breed = self._text("breed")
            details = {"head_count": heads, "value_per_head": value}
            if breed:
                details["breed"] = breed
            if "ear_tag" in gt.fields and self._text("ear_tag"):
                details["ear_tag"] = self._text("ear_tag")
            description = f"{name} – {breed}" if breed else name
            tranches = (TrancheInput(description, quantity=heads, unit_value=value),)
        elif shape == "monthly":
            per_month = self._money("amount_per_month")
            if per_month is None:
                raise ValidationError("required", "amount")
            months = self._int("months")
            details = {"amount_per_month": per_month, "months": months}
            tranches = tuple(
                TrancheInput(
                    self.tr("{name}, month {n} of {total}").format(
                        name=name, n=i + 1, total=months
                    ),
                    amount=per_month,
                    due_date=add_months(start, i),
                )
                for i in range(months)
            )
        elif shape == "goods":
            count = self._int("quantity")
            value = self._money("unit_value")
            if value is None:
                raise ValidationError("required", "unit_value")
            for key in gt.fields:
                if key in NUMBER_FIELDS:
                    details[key] = count
                elif self._text(key):
                    details[key] = self._text(key)
            extra = ", ".join(str(v) for k, v in details.items() if k not in NUMBER_FIELDS)
            description = f"{name} – {extra}" if extra else name
            tranches = (TrancheInput(description[:200], quantity=count, unit_value=value),)
        else:
            amount = self._money("amount")
            if amount is None:
                raise ValidationError("required", "amount")
            for key in gt.fields:
                widget = self.detail_fields.get(key)
                if isinstance(widget, QSpinBox) and widget.value():
                    details[key] = widget.value()
                elif isinstance(widget, QLineEdit) and widget.text().strip():
                    details[key] = widget.text().strip()
            extra = ", ".join(str(v) for k, v in details.items() if k not in NUMBER_FIELDS)
            description = f"{name} – {extra}" if extra else name
            tranches = (TrancheInput(description[:200], amount=amount),)
        return GrantInput(
            beneficiary_id=person.id,
            project_id=int(project_id),
            grant_type=gt.code,
            start_date=start,
            tranches=tranches,
            details=details,
            note=self.note.toPlainText(),
            officer_id=self.officer.currentData(),
        )

    def prepare(self) -> Callable[[], Any]:
        data = self.build()
        db, actor, today = self.ctx.db, self.ctx.actor, self.ctx.today()
        anyway = self.without_consent.isVisible() and self.without_consent.isChecked()
        return lambda: grants.plan_grant(db, actor, data, today=today, without_consent=anyway)

    @classmethod
    def ask(
        cls,
        ctx: UiContext,
        beneficiary: BeneficiaryRow | None = None,
        parent: QWidget | None = None,
    ) -> grants.GrantView | None:
        dialog = cls(ctx, beneficiary, parent)
        try:
            return dialog.exec_result()
        finally:
            dialog.deleteLater()
