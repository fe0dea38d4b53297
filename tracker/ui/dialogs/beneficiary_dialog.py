"""Register a beneficiary or edit one: every field checked by the service, its message shown
next to the field, and the possible-duplicate warning before anything is saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.ethnic import ETHNIC_GROUPS
from tracker.domain.vocab import BENEFICIARY_STATUSES, CATEGORIES, SEXES
from tracker.i18n import field_label, get_language
from tracker.services import beneficiaries, places
from tracker.services.beneficiaries import BeneficiaryInput, BeneficiaryView
from tracker.services.errors import EditConflict, PossibleDuplicate
from tracker.ui import fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.base import FormDialog, form_layout, two_columns
from tracker.ui.place_picker import PlacePicker, village_completer
from tracker.ui.widgets import WARNING_STYLE, DateEdit, OptionalDateEdit, notes_edit

#: The birth year box's "no year" value (shown as "—"). Any year can be typed: one the
#: service refuses (2030, 1850) is kept and the message says why.
NO_YEAR = 0
#: Where the arrows start from "—".
ARROWS_FROM_AGE = 30


class YearBox(QSpinBox):
    """A year typed with four digits, or "—"; the arrows start from a likely year."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start = today.year - ARROWS_FROM_AGE
        self.setRange(NO_YEAR, 9999)
        self.setSpecialValueText("—")
        self.setValue(NO_YEAR)
        self.setGroupSeparatorShown(False)

    def stepBy(self, steps: int) -> None:
        if self.value() == NO_YEAR:
            self.setValue(self._start)
            return
        super().stepBy(steps)


class BeneficiaryDialog(FormDialog):
    """Register a new person (``existing=None``) or edit a registered one."""

    changes = frozenset({Change.BENEFICIARY})

    def __init__(
        self,
        ctx: UiContext,
        existing: BeneficiaryView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, events=ctx.events)
        self.ctx = ctx
        self.existing = existing
        self._allow_duplicate = False
        lang = get_language()
        today = ctx.today()
        self.setMinimumWidth(880)
        if existing is None:
            self.setWindowTitle(self.tr("Register a beneficiary"))
        else:
            self.setWindowTitle(self.tr("Edit beneficiary {code}").format(code=existing.code))

        self.full_name = QLineEdit(self)
        self.full_name.setMaxLength(120)
        self.alias = QLineEdit(self)
        self.alias.setMaxLength(60)
        self.code = QLineEdit(self)
        self.code.setMaxLength(20)
        self.code.setPlaceholderText(self.tr("Given automatically"))
        self.sex = QComboBox(self)
        self.sex.addItem(self.tr("— choose —"), None)
        for code in SEXES:
            self.sex.addItem(fmt.label("sex", code), code)
        self.birth_year = YearBox(today, self)
        self.birth_date = OptionalDateEdit(today.replace(year=today.year - 20, day=1), self)
        self.birth_date.check.setText(self.tr("Exact date known"))
        self.ethnicity = QComboBox(self)
        self.ethnicity.addItem(self.tr("— choose —"), None)
        for e in ETHNIC_GROUPS:
            self.ethnicity.addItem(e.name_vi if lang == "vi" else e.name_en, e.code)
        self.ethnicity.setMaxVisibleItems(20)
        self.category = QComboBox(self)
        self.category.addItem(self.tr("— choose —"), None)
        for code in CATEGORIES:
            self.category.addItem(fmt.label("category", code), code)
        self.status = QComboBox(self)
        for code in BENEFICIARY_STATUSES:
            self.status.addItem(fmt.label("beneficiary_status", code), code)
        self.id_number = QLineEdit(self)
        self.id_number.setMaxLength(20)
        self.id_number.setPlaceholderText(self.tr("9 or 12 digits, if the person has one"))
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(20)
        # Today's communes first; an address before July 2025 can be chosen too (marked).
        self.place = PlacePicker(self, level="commune", other_dates=True, on=today)
        self.province, self.commune = self.place.province, self.place.unit
        for box in (self.province, self.commune):
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.village = QLineEdit(self)
        self.village.setMaxLength(120)
        self.place.changed.connect(self._commune_changed)
        self.address = QLineEdit(self)
        self.address.setMaxLength(300)
        self.registered_on = DateEdit(today, self)
        self.notes = notes_edit(self)

        left, right, columns = two_columns(self)
        self.add_field(left, self.tr("Full name"), self.full_name, "full_name")
        self.add_field(
            left,
            self.tr("Alias"),
            self.alias,
            "alias",
            hint=self.tr("Shown in lists instead of the name."),
        )
        self.add_field(left, self.tr("Code"), self.code, "code")
        self.add_field(left, self.tr("Sex"), self.sex, "sex")
        self.add_field(left, self.tr("Birth year"), self.birth_year, "birth_year")
        self.add_field(left, self.tr("Birth date"), self.birth_date, "birth_date")
        self.add_field(left, self.tr("Ethnic group"), self.ethnicity, "ethnicity")
        self.add_field(left, self.tr("Category"), self.category, "category")
        self.add_field(left, self.tr("Status"), self.status, "status")
        # Closing an active file cancels the visits still scheduled: say so before saving.
        self.status_note = QLabel(
            self.tr("The visits still scheduled for this person will be cancelled."), self
        )
        self.status_note.setWordWrap(True)
        self.status_note.setStyleSheet("color: #b3261e;")
        status_box = self._row_boxes[self.status].layout()
        assert status_box is not None
        status_box.addWidget(self.status_note)
        self.status_note.hide()
        self.status.currentIndexChanged.connect(lambda _i: self._status_changed())
        self.add_field(right, self.tr("ID number"), self.id_number, "id_number")
        self.add_field(right, self.tr("Phone"), self.phone, "phone")
        self.add_field(right, self.tr("Province"), self.province, "province")
        self.add_field(right, self.tr("Commune"), self.commune, "commune")
        self.add_field(right, self.tr("Village"), self.village, "village")
        self.add_field(right, self.tr("Address"), self.address, "address")
        self.add_field(right, self.tr("Registered on"), self.registered_on, "registered_on")
        notes_form = form_layout()
        self.add_field(notes_form, self.tr("Notes"), self.notes, "notes")

        # The possible-duplicate warning, shown when the service finds look-alikes.
        self.duplicates = QFrame(self)
        self.duplicates.setObjectName("warning")
        self.duplicates.setStyleSheet(WARNING_STYLE)
        dup_layout = QVBoxLayout(self.duplicates)
        self.duplicate_text = QLabel(self.duplicates)
        self.duplicate_text.setWordWrap(True)
        # What is typed now beside each look-alike: one column each, one row per field.
        self.duplicate_list = QTableWidget(self.duplicates)
        self.duplicate_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.duplicate_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.duplicate_list.setWordWrap(True)
        self.duplicate_list.setMaximumHeight(230)
        dup_buttons = QHBoxLayout()
        self.save_anyway = QPushButton(self.tr("Save anyway"), self.duplicates)
        self.save_anyway.clicked.connect(self._save_anyway)
        dup_hint = QLabel(
            self.tr("Or press Cancel and open the registered record instead."), self.duplicates
        )
        dup_hint.setWordWrap(True)
        dup_buttons.addWidget(dup_hint, 1)
        dup_buttons.addWidget(self.save_anyway)
        dup_layout.addWidget(self.duplicate_text)
        dup_layout.addWidget(self.duplicate_list)
        dup_layout.addLayout(dup_buttons)
        self.duplicates.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.duplicates)
        layout.addWidget(columns)
        layout.addLayout(notes_form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.birth_date.edit.dateChanged.connect(self._date_sets_year)
        self.birth_date.check.toggled.connect(lambda _on: self._date_sets_year())
        if existing is not None:
            self._load(existing)
        else:
            self.place.set_province(self._office_province())
        self.watch(
            self.full_name,
            self.alias,
            self.code,
            self.sex,
            self.birth_year,
            self.birth_date,
            self.ethnicity,
            self.category,
            self.status,
            self.id_number,
            self.phone,
            self.province,
            self.commune,
            self.village,
            self.address,
            self.registered_on,
            self.notes,
        )
        self.full_name.setFocus()

    def _status_changed(self) -> None:
        closing = (
            self.existing is not None
            and self.existing.status == "active"
            and self.status.currentData() != "active"
        )
        self.status_note.setVisible(closing)

    def _office_province(self) -> str | None:
        return self.ctx.office.province_code if self.ctx.office else None

    def _address_on(self) -> date | None:
        """A commune before July 2025: the address is as it was then (the registration day
        when the commune existed on it, else its last day)."""
        chosen = self.place.place()
        if chosen is None or not chosen.is_old:
            return None
        registered = self.registered_on.value()
        if chosen.valid_on(registered):
            return registered
        return chosen.valid_to

    def _commune_changed(self) -> None:
        """The villages already written for this commune complete what is typed."""
        chosen = self.place.place()
        code = chosen.code if chosen is not None else None
        try:
            names = places.villages(self.ctx.db, self.ctx.actor, code)
        except Exception:  # completion is a help; typing still works
            names = []
        self.village.setCompleter(village_completer(self.village, names) if names else None)  # type: ignore[arg-type]

    def _date_sets_year(self, *_args: object) -> None:
        value = self.birth_date.value()
        if value is not None:
            self.birth_year.setValue(value.year)

    def _load(self, b: BeneficiaryView) -> None:
        self.full_name.setText(b.full_name)
        self.alias.setText(b.alias)
        self.code.setText(b.code)
        self.sex.setCurrentIndex(max(self.sex.findData(b.sex), 0))
        self.birth_year.setValue(b.birth_year or NO_YEAR)
        self.birth_date.set_value(b.birth_date)
        self.ethnicity.setCurrentIndex(max(self.ethnicity.findData(b.ethnicity_code), 0))
        self.category.setCurrentIndex(max(self.category.findData(b.category), 0))
        self.status.setCurrentIndex(max(self.status.findData(b.status), 0))
        self.id_number.setText(b.id_number or "")
        self.phone.setText(b.phone)
        self.place.set_province(b.province_code)
        self.place.set_code(b.commune_code, b.address_recorded_on)
        self.village.setText(b.village)
        self.address.setText(b.address_text)
        if b.registered_on:
            self.registered_on.set_value(b.registered_on)
        self.notes.setPlainText(b.notes)

    def mark_dirty(self, *args: object) -> None:
        super().mark_dirty(*args)
        # A warning about the values before this change no longer applies.
        if self.duplicates.isVisible():
            self.duplicates.hide()

    def data(self) -> BeneficiaryInput:
        year = self.birth_year.value()
        return BeneficiaryInput(
            full_name=self.full_name.text(),
            sex=self.sex.currentData() or "",
            category=self.category.currentData() or "",
            ethnicity_code=self.ethnicity.currentData() or "",
            birth_date=self.birth_date.value(),
            birth_year=None if year == NO_YEAR else year,
            alias=self.alias.text(),
            code=self.code.text().strip() or None,
            id_number=self.id_number.text().strip() or None,
            phone=self.phone.text(),
            province_code=self.place.province_code(),
            commune_code=self.place.code(),
            address_on=self._address_on(),
            village=self.village.text(),
            address_text=self.address.text(),
            status=self.status.currentData() or "active",
            registered_on=self.registered_on.value(),
            notes=self.notes.toPlainText(),
            version=None if self.existing is None else self.existing.version,
        )

    def check(self) -> None:
        beneficiaries.clean(self.data(), self.ctx.today())

    def prepare(self) -> Callable[[], Any]:
        data = self.data()
        db, actor, today = self.ctx.db, self.ctx.actor, self.ctx.today()
        allow = self._allow_duplicate
        self._allow_duplicate = False
        if self.existing is None:
            return lambda: beneficiaries.register(
                db, actor, data, allow_duplicate=allow, today=today
            )
        existing_id = self.existing.id
        return lambda: beneficiaries.edit(
            db, actor, existing_id, data, allow_duplicate=allow, today=today
        )

    def handle_error(self, exc: BaseException) -> None:
        if isinstance(exc, PossibleDuplicate):
            self.errors.clear()
            self._show_duplicates(exc)
            return
        self.duplicates.hide()
        super().handle_error(exc)
        if isinstance(exc, EditConflict) and self.existing is not None:
            self.show_conflict(exc)

    # The fields compared when another PC saved the person in between.
    _COMPARED = (
        "full_name", "alias", "code", "sex", "birth_year", "birth_date", "ethnicity_code",
        "category", "status", "id_number", "phone", "commune_code", "village", "address_text",
        "registered_on", "notes",
    )  # fmt: skip

    def conflict_lines(self, exc: EditConflict) -> list[str]:
        """Each field where this form and the version saved on the other PC differ:
        "Field: yours «…», saved «…»"."""
        mine = self.data()
        lines = []
        for name in self._COMPARED:
            ours = getattr(mine, name)
            ours_text = "" if ours is None else str(ours.isoformat() if isinstance(ours, date)
                                                    else ours)  # fmt: skip
            theirs = exc.theirs.get(name)
            theirs_text = "" if theirs is None else str(theirs)
            if name == "code" and not ours_text:
                continue
            if ours_text != theirs_text:
                lines.append(
                    self.tr("{field}: yours «{mine}», saved «{theirs}»").format(
                        field=field_label(name), mine=ours_text, theirs=theirs_text
                    )
                )
        return lines

    def show_conflict(self, exc: EditConflict) -> None:
        """Both versions side by side; "Reload" puts the saved one in the form (with its
        version), so that the changes can be made again on top of it."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changed on another computer"),
                          exc.message(), parent=self)  # fmt: skip
        lines = self.conflict_lines(exc)
        box.setInformativeText(
            "\n".join(lines) if lines else self.tr("The other version holds the same values.")
        )
        reload_button = box.addButton(self.tr("Reload the saved version"),
                                      QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
        box.addButton(self.tr("Keep my changes on screen"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is reload_button:
            self.reload()

    def reload(self) -> None:
        assert self.existing is not None
        db, actor, bid = self.ctx.db, self.ctx.actor, self.existing.id

        def loaded(view: BeneficiaryView) -> None:
            self.existing = view
            self._load(view)
            self.errors.clear()

        self.ctx.read(self, lambda: beneficiaries.get(db, actor, bid), on_success=loaded)

    def _reason_text(self, reason: str) -> str:
        return {
            "same_id": self.tr("Same ID number"),
            "same_name": self.tr("Same name in this commune"),
            "close_name": self.tr("Name one letter apart"),
            "middle_name": self.tr("Middle name missing"),
        }.get(reason, reason)

    def _show_duplicates(self, exc: PossibleDuplicate) -> None:
        self.duplicate_text.setText(
            self.tr(
                "This person may already be registered. Compare what you typed with the "
                "people below (same or close name in the same commune, or same ID number). "
                "If it is someone else, save anyway."
            )
        )
        typed = self.data()
        rows = [
            (self.tr("Code"), lambda c: c.code, typed.code or ""),
            (self.tr("Full name"), lambda c: c.full_name, typed.full_name),
            (
                self.tr("Birth year"),
                lambda c: str(c.birth_year or ""),
                str(typed.birth_year or ""),
            ),
            (
                self.tr("Commune"),
                lambda c: fmt.unit_name(c.commune_code) if c.commune_code else "",
                fmt.unit_name(typed.commune_code) if typed.commune_code else "",
            ),
            (self.tr("Village"), lambda c: c.village, typed.village),
            (self.tr("ID number"), lambda c: c.id_number or "", typed.id_number or ""),
            (
                self.tr("Status"),
                lambda c: fmt.label("beneficiary_status", c.status),
                "",
            ),
            (
                self.tr("Why"),
                lambda c: "; ".join(self._reason_text(r) for r in c.reasons),
                "",
            ),
        ]
        table = self.duplicate_list
        table.clear()
        table.setRowCount(len(rows))
        table.setColumnCount(1 + len(exc.candidates))
        table.setVerticalHeaderLabels([label for label, _get, _now in rows])
        table.setHorizontalHeaderLabels([self.tr("Typed now")] + [c.code for c in exc.candidates])
        for r, (_label, get, now) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(now))
            for col, c in enumerate(exc.candidates, start=1):
                table.setItem(r, col, QTableWidgetItem(str(get(c))))
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        self.duplicates.show()
        self.save_anyway.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self.grow_to_fit)

    def _save_anyway(self) -> None:
        self._allow_duplicate = True
        self.duplicates.hide()
        self.submit()

    @classmethod
    def ask(
        cls,
        ctx: UiContext,
        existing: BeneficiaryView | None = None,
        parent: QWidget | None = None,
    ) -> BeneficiaryView | None:
        """Open the dialog modally; the saved beneficiary, or None if closed."""
        dialog = cls(ctx, existing, parent)
        try:
            return dialog.exec_result()
        finally:
            dialog.deleteLater()
