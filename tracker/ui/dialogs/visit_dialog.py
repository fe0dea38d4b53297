"""Record what was found on a follow-up visit: the livelihood, each asset the person holds
(a cow that calved adds its young), income, safety, notes and the next visit. Or, when the
officer went but met no one, why, and when to try again."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.vocab import INCOME_BANDS, LIVESTOCK, MISSED_REASONS
from tracker.services import visits
from tracker.services.errors import ValidationError
from tracker.services.visits import AssetUpdate, AssetView, MissedVisit, VisitOutcome, VisitRow
from tracker.ui import fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.base import FormDialog, form_layout
from tracker.ui.widgets import DateEdit, ErrorLabel, OptionalDateEdit, notes_edit, spin

ANIMAL_STATUSES = ("alive", "calved", "sick", "died", "sold", "passed_on")
THING_STATUSES = ("in_use", "unused", "sold", "passed_on")
SCHOOL_TYPES = ("scholarship", "school_supplies", "vocational_training")
MAX_YOUNG = 20
#: Reasons after which the person may be in danger (gone with a "job offer", say).
WORRYING_REASONS = ("working_away", "moved_away")
NEXT_TRY_DAYS = 7
NEXT_VISIT_DAYS = 90


@dataclass
class AssetRow:
    asset: AssetView
    status: QComboBox
    young: QSpinBox
    note: QLineEdit


class VisitDialog(FormDialog):
    """Record the outcome of one scheduled visit."""

    changes = frozenset({Change.VISIT})

    def __init__(self, ctx: UiContext, visit: VisitRow, parent: QWidget | None = None) -> None:
        super().__init__(parent, events=ctx.events)
        self.ctx = ctx
        self.visit = visit
        self.setWindowTitle(self.tr("Record a visit"))
        self.setMinimumWidth(620)
        today = ctx.today()

        who = fmt.person(
            visit.beneficiary_code,
            visit.beneficiary_name,
            visit.alias,
            names_visible=True,
        )
        place = ", ".join(p for p in (visit.village, fmt.unit_name(visit.commune_code)) if p)
        kind = fmt.type_name(visit.grant_type_name_vi, visit.grant_type_name_en)
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setText(
            "<b>"
            + html.escape(who)
            + "</b><br>"
            + html.escape(
                self.tr("{place} · {kind}: visit due {due}").format(
                    place=place or "—", kind=kind or "—", due=fmt.day(visit.scheduled_on)
                )
            )
        )
        self.header.setWordWrap(True)

        self.met = QRadioButton(self.tr("Met the person"), self)
        self.not_met = QRadioButton(self.tr("Went, but could not meet the person"), self)
        self.met.setChecked(True)
        self.met_group = QButtonGroup(self)
        self.met_group.addButton(self.met)
        self.met_group.addButton(self.not_met)
        met_box = QWidget(self)
        met_row = QHBoxLayout(met_box)
        met_row.setContentsMargins(0, 0, 0, 0)
        met_row.addWidget(self.met)
        met_row.addWidget(self.not_met)
        met_row.addStretch(1)
        self.reason = QComboBox(self)
        self.reason.addItem(self.tr("— choose —"), None)
        for code in MISSED_REASONS:
            self.reason.addItem(fmt.label("missed_reason", code), code)
        self.reason_hint = QLabel(
            self.tr(
                "If the person may have left with someone met recently, or for work far "
                "away or abroad, tell the project lead today."
            ),
            self,
        )
        self.reason_hint.setWordWrap(True)
        self.reason_hint.setStyleSheet("color: #b3261e;")
        self.done_on = DateEdit(today, self)
        self.livelihood = QComboBox(self)
        self.livelihood.addItem(self.tr("— choose —"), None)
        self.livelihood.addItem(self.tr("Yes, it is running"), True)
        self.livelihood.addItem(self.tr("No, it has stopped"), False)
        self.income = QComboBox(self)
        self.income.addItem(self.tr("(not asked)"), None)
        for band in INCOME_BANDS:
            self.income.addItem(fmt.label("income_band", band), band)
        self.safety = QCheckBox(self.tr("There is a safety concern"), self)
        self.safety_hint = QLabel(
            self.tr("Tell the project lead today, and write what you saw in the notes."), self
        )
        self.safety_hint.setWordWrap(True)
        self.safety_hint.setStyleSheet("color: #b3261e;")
        self.in_school = QComboBox(self)
        self.in_school.addItem(self.tr("(not asked)"), None)
        self.in_school.addItem(self.tr("Yes"), True)
        self.in_school.addItem(self.tr("No"), False)
        self.notes = notes_edit(self, lines=3)
        self.next_visit = OptionalDateEdit(today + timedelta(days=NEXT_VISIT_DAYS), self)
        self.next_visit.check.setText(self.tr("Book another visit"))

        form = form_layout()
        self.form = form
        form.addRow("", met_box)
        self.add_field(form, self.tr("Visit date"), self.done_on, "done_on")
        self.add_field(form, self.tr("Why"), self.reason, "missed_reason")
        form.addRow("", self.reason_hint)
        self.add_field(form, self.tr("Livelihood running"), self.livelihood, "status")
        self.add_field(form, self.tr("Income"), self.income, "income_band")
        form.addRow("", self.safety)
        form.addRow("", self.safety_hint)
        self.school_label = self.add_field(form, self.tr("In school"), self.in_school)
        self.show_school = visit.grant_type in SCHOOL_TYPES
        self.set_row_visible(form, self.in_school, self.show_school)

        self.assets_box = QGroupBox(self.tr("Assets"), self)
        self.asset_grid = QGridLayout(self.assets_box)
        self.asset_rows: list[AssetRow] = []
        self._fill_assets()

        after = form_layout()
        self.add_field(after, self.tr("Notes"), self.notes, "notes")
        self.add_field(after, self.tr("Next visit"), self.next_visit, "next_visit_on")

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.header)
        layout.addLayout(form)
        layout.addWidget(self.assets_box)
        layout.addLayout(after)
        layout.addWidget(self.buttons)
        self.not_met.toggled.connect(self._met_changed)
        self.reason.currentIndexChanged.connect(lambda _i: self._update_hints())
        self.safety.toggled.connect(lambda _on: self._update_hints())
        self._met_changed(False)
        self.watch(
            self.not_met,
            self.reason,
            self.done_on,
            self.livelihood,
            self.income,
            self.safety,
            self.in_school,
            self.notes,
            self.next_visit,
        )
        self.livelihood.setFocus()

    def _met_changed(self, _checked: bool) -> None:
        """Met: the outcome fields. Not met: the reason, and the next try a week on."""
        missed = self.not_met.isChecked()
        form = self.form
        self.set_row_visible(form, self.reason, missed)
        for widget in (self.livelihood, self.income):
            self.set_row_visible(form, widget, not missed)
        form.setRowVisible(self.safety, not missed)
        self._update_hints()
        self.set_row_visible(form, self.in_school, self.show_school and not missed)
        self.assets_box.setVisible(not missed)
        today = self.ctx.today()
        if missed:
            self.next_visit.set_value(today + timedelta(days=NEXT_TRY_DAYS))
        else:
            self.next_visit.set_value(None)
            self.next_visit.edit.set_value(today + timedelta(days=NEXT_VISIT_DAYS))
        self.adjustSize()

    def _update_hints(self) -> None:
        """The red notes: a safety concern, or a reason that may mean danger."""
        missed = self.not_met.isChecked()
        worrying = missed and self.reason.currentData() in WORRYING_REASONS
        self.form.setRowVisible(self.reason_hint, worrying)
        self.form.setRowVisible(self.safety_hint, not missed and self.safety.isChecked())

    @property
    def missed(self) -> bool:
        return self.not_met.isChecked()

    def _fill_assets(self) -> None:
        assets = [
            a
            for a in visits.list_assets(self.ctx.db, self.ctx.actor, self.visit.beneficiary_id)
            if a.is_open
        ]
        if not assets:
            self.asset_grid.addWidget(QLabel(self.tr("No animals or looms to check.")), 0, 0)
            return
        for col, text in enumerate(
            (self.tr("Asset"), self.tr("Status now"), self.tr("Young born"), self.tr("Note"))
        ):
            head = QLabel(f"<b>{text}</b>", self.assets_box)
            self.asset_grid.addWidget(head, 0, col)
        for i, a in enumerate(assets, start=1):
            text = fmt.label("asset_kind", a.kind)
            if a.tag:
                text += f" · {a.tag}"
            text += " · " + self.tr("since {date}").format(date=fmt.day(a.acquired_on))
            name = QLabel(text, self.assets_box)
            name.setToolTip(a.description)
            status = QComboBox(self.assets_box)
            for code in ANIMAL_STATUSES if a.kind in LIVESTOCK else THING_STATUSES:
                status.addItem(fmt.label("asset_status", code), code)
            # After a birth the mother is well ("calved" again would record another birth).
            index = status.findData("alive" if a.status == "calved" else a.status)
            status.setCurrentIndex(max(index, 0))
            young = spin(0, MAX_YOUNG, 0, self.assets_box)
            young.setEnabled(False)
            note = QLineEdit(self.assets_box)
            note.setMaxLength(300)
            row = AssetRow(a, status, young, note)
            status.currentIndexChanged.connect(lambda _i, r=row: self._status_changed(r))
            self.asset_grid.addWidget(name, i, 0)
            self.asset_grid.addWidget(status, i, 1)
            self.asset_grid.addWidget(young, i, 2)
            self.asset_grid.addWidget(note, i, 3)
            self.asset_rows.append(row)
            self.watch(status, young, note)
        self.asset_grid.setColumnStretch(3, 1)
        error = ErrorLabel(self.assets_box)
        self.asset_grid.addWidget(error, len(self.asset_rows) + 1, 0, 1, 4)
        first = self.asset_rows[0]
        self.errors.add("asset_status", first.status, error)
        self.errors.add("calves_born", first.young, error)
        self.errors.add("asset", first.status, error)

    def _status_changed(self, row: AssetRow) -> None:
        calved = row.status.currentData() == "calved"
        row.young.setEnabled(calved)
        if calved and row.young.value() == 0:
            row.young.setValue(1)
        if not calved:
            row.young.setValue(0)

    def outcome(self) -> VisitOutcome:
        updates = tuple(
            AssetUpdate(
                asset_id=r.asset.id,
                status=r.status.currentData(),
                young_born=r.young.value() if r.status.currentData() == "calved" else 0,
                note=r.note.text(),
            )
            for r in self.asset_rows
        )
        return VisitOutcome(
            visit_id=self.visit.id,
            done_on=self.done_on.value(),
            livelihood_running=self.livelihood.currentData(),
            income_band=self.income.currentData(),
            safety_concern=self.safety.isChecked(),
            in_school=self.in_school.currentData() if self.in_school.isVisible() else None,
            notes=self.notes.toPlainText(),
            asset_updates=updates,
            next_visit_on=self.next_visit.value(),
        )

    def missed_visit(self) -> MissedVisit:
        return MissedVisit(
            visit_id=self.visit.id,
            tried_on=self.done_on.value(),
            reason=self.reason.currentData(),
            notes=self.notes.toPlainText(),
            next_visit_on=self.next_visit.value(),
        )

    def prepare(self) -> Callable[[], Any]:
        db, actor, today = self.ctx.db, self.ctx.actor, self.ctx.today()
        if self.missed:
            missed = self.missed_visit()
            return lambda: visits.record_missed(db, actor, missed, today=today)
        if self.livelihood.currentData() is None:
            raise ValidationError("required", "status")
        data = self.outcome()
        return lambda: visits.record_visit(db, actor, data, today=today)

    @classmethod
    def ask(cls, ctx: UiContext, visit: VisitRow, parent: QWidget | None = None) -> Any:
        dialog = cls(ctx, visit, parent)
        try:
            return dialog.exec_result()
        finally:
            dialog.deleteLater()
