"""Trip sheets from the Visits page: choose a commune (and some of its villages if wished)
and the days, then print the sheet, preview it or save it as PDF (made on the worker, as
the day's papers are); back at the office, type in what the sheet says, one row per visit,
by keyboard only (Tab or Enter to the next field, Ctrl+S to save).

The rows are recorded with the visit services, each visit its own action (a calf born
adds an animal, a visit that met no one needs the reason); what a service refuses is said
on the row it belongs to, and the rows saved stay saved."""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.shapes import TripSheet, TripStop
from tracker.domain.vocab import INCOME_BANDS, LIVESTOCK, MISSED_REASONS
from tracker.services import places, trips, visits
from tracker.services.errors import ServiceError
from tracker.services.visits import AssetUpdate, MissedVisit, VisitOutcome
from tracker.ui import fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.base import form_layout
from tracker.ui.dialogs.visit_dialog import WORRYING_REASONS
from tracker.ui.printing import PdfOutput, problem_text
from tracker.ui.screen import available_area
from tracker.ui.widgets import Banner, DateEdit, ErrorLabel, set_combo_data, spin
from tracker.ui.worker import Task, error_text, run_task

ANIMAL_STATUSES = ("alive", "calved", "sick", "died", "sold", "passed_on")
THING_STATUSES = ("in_use", "unused", "sold", "passed_on")
# How far ahead a new sheet looks by default.
DEFAULT_DAYS = 7
# The next try after a visit that met no one (as the visit dialog offers it).
NEXT_TRY_DAYS = 7
MET_RUNNING, MET_STOPPED, NOT_MET = "running", "stopped", "missed"


class TripSheetDialog(QDialog):
    """Choose the places and days of a trip; print, preview or save its sheet, or type in
    its results."""

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, commune: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.output = PdfOutput(self)
        self.task: Task | None = None
        self.results: TripResultsDialog | None = None
        self.setWindowTitle(self.tr("Trip sheet"))
        today = ctx.today()
        self.banner = Banner(self)
        self.commune = QComboBox(self)
        for place in ctx.communes_in_use():
            self.commune.addItem(place.name, place.code)
        if commune:
            set_combo_data(self.commune, commune)
        self.villages = QListWidget(self)
        self.villages.setMaximumHeight(130)
        self.start = DateEdit(today, self)
        self.end = DateEdit(today + timedelta(days=DEFAULT_DAYS), self)
        self.officer = QLineEdit(ctx.actor.full_name, self)
        self.officer.setMaxLength(120)
        self.names = QCheckBox(self.tr("Full names on the sheet"), self)
        self.names.setEnabled(ctx.actor.can("names.read"))
        self.names.setChecked(False)  # a paper that leaves the office: only when asked
        self.names.setToolTip(self.tr("Without it the sheet shows codes and aliases only. Logged."))
        self.lang = QComboBox(self)
        self.lang.addItem("Tiếng Việt", "vi")
        self.lang.addItem("English", "en")
        self.state = QLabel(self)
        self.state.setWordWrap(True)

        may_print = ctx.actor.can("trip.print")
        self.preview_button = QPushButton(self.tr("Preview…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(may_print)
            button.setAutoDefault(False)
        self.results_button = QPushButton(self.tr("Enter the results…"), self)
        self.results_button.setEnabled(ctx.actor.can("visit.write"))
        self.results_button.setAutoDefault(False)
        close = QPushButton(self.tr("Close"), self)
        buttons = QDialogButtonBox(self)
        for button in (self.preview_button, self.print_button, self.save_button,
                       self.results_button):  # fmt: skip
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)

        form = form_layout()
        form.addRow(self.tr("Commune:"), self.commune)
        form.addRow(self.tr("Villages (none ticked: all):"), self.villages)
        form.addRow(self.tr("Visits due from:"), self.start)
        form.addRow(self.tr("to:"), self.end)
        form.addRow(self.tr("Officer going:"), self.officer)
        form.addRow("", self.names)
        form.addRow(self.tr("Language of the sheet:"), self.lang)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(
            QLabel(
                self.tr(
                    "The visits still to make there, up to the last day (those overdue "
                    "included), grouped by village, with room to write what was found."
                ),
                self,
            )
        )
        layout.itemAt(layout.count() - 1).widget().setWordWrap(True)  # type: ignore[union-attr]
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addWidget(buttons)

        self.commune.currentIndexChanged.connect(lambda _i: self._fill_villages())
        self.preview_button.clicked.connect(lambda: self.make(self._preview, "preview"))
        self.print_button.clicked.connect(lambda: self.make(self._print, "print"))
        self.save_button.clicked.connect(lambda: self.make(self._save, "save"))
        self.results_button.clicked.connect(self.enter_results)
        close.clicked.connect(self.reject)
        self.output.status.connect(self.state.setText)
        self._fill_villages()
        self.resize(560, self.sizeHint().height())

    # --- choices -----------------------------------------------------------------------
    def _fill_villages(self) -> None:
        self.villages.clear()
        for name in places.villages(self.ctx.db, self.ctx.actor, self.commune.currentData()):
            item = QListWidgetItem(name, self.villages)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def chosen_villages(self) -> list[str]:
        items = (self.villages.item(i) for i in range(self.villages.count()))
        return [it.text() for it in items if it.checkState() == Qt.CheckState.Checked]

    def choices(self) -> dict[str, Any]:
        return {
            "communes": [self.commune.currentData()] if self.commune.currentData() else [],
            "villages": self.chosen_villages(),
            "start": self.start.value(),
            "end": self.end.value(),
        }

    def suggested_name(self) -> str:
        return (
            f"PhieuDiTham_{self.commune.currentData() or ''}_{self.start.value().isoformat()}.pdf"
        )

    # --- the PDF -----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.is_done

    def make(self, then: Callable[[bytes], object], purpose: str = "print") -> Task | None:
        """Make the sheet on the worker (the service logs it, with ``purpose``: print,
        preview or save), then ``then(pdf)``."""
        if self.busy:
            return None
        self.banner.show_message("")
        db, actor, today = self.ctx.db, self.ctx.actor, self.ctx.today()
        chosen = self.choices()
        names = self.names.isChecked()
        officer = self.officer.text()
        lang = self.lang.currentData()

        def job() -> bytes:
            sheet = trips.trip_sheet(
                db, actor, chosen["communes"], chosen["start"], chosen["end"],
                villages=chosen["villages"], names=names, officer=officer, today=today,
                purpose=purpose,
            )  # fmt: skip
            out = io.BytesIO()
            trips.write_trip_sheet(sheet, out, lang=lang)
            return out.getvalue()

        self.task = run_task(
            self,
            job,
            on_success=then,
            on_failure=lambda exc: self.banner.show_message(problem_text(exc)),
            label=self.tr("Making the trip sheet…"),
        )
        return self.task

    def _preview(self, pdf: bytes) -> None:
        self.output.preview(pdf, self.tr("Trip sheet"))

    def _print(self, pdf: bytes) -> None:
        self.output.print(pdf, job_name=self.suggested_name()[:-4])

    def _save(self, pdf: bytes) -> None:
        self.output.save(pdf, self.suggested_name())

    # --- results -------------------------------------------------------------------------
    def enter_results(self) -> TripResultsDialog:
        chosen = self.choices()
        dialog = TripResultsDialog(self.ctx, chosen, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.results = dialog
        dialog.destroyed.connect(lambda *_a: setattr(self, "results", None))
        dialog.open()
        return dialog


@dataclass
class ResultRow:
    """The fields of one visit on the results screen."""

    stop: TripStop
    outcome: QComboBox
    reason: QComboBox
    income: QComboBox
    in_school: QComboBox | None
    care: QCheckBox
    notes: QLineEdit
    assets: list[tuple[int, QComboBox, QSpinBox]] = field(default_factory=list)
    state: QLabel | None = None
    error: ErrorLabel | None = None
    saved: bool = False

    def widgets(self) -> list[QWidget]:
        found: list[QWidget] = [self.outcome, self.reason, self.income]
        for _id, status, young in self.assets:
            found += [status, young]
        if self.in_school is not None:
            found.append(self.in_school)
        return [*found, self.care, self.notes]


class TripResultsDialog(QDialog):
    """What the trip sheet says, typed in: a row per visit, in the sheet's order."""

    def __init__(self, ctx: UiContext, chosen: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.chosen = chosen
        self.rows: list[ResultRow] = []
        self.task: Task | None = None
        self.sheet: TripSheet | None = None
        self.setWindowTitle(self.tr("Results of a trip"))
        self.banner = Banner(self)
        self.day = DateEdit(ctx.today(), self)
        self.next_try = QCheckBox(self.tr("Book the next try a week on for those not met"), self)
        self.next_try.setChecked(True)
        self.grid_box = QWidget(self)
        self.grid = QGridLayout(self.grid_box)
        self.grid.setHorizontalSpacing(6)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_box)
        self.summary = QLabel(self)
        self.save_button = QPushButton(self.tr("Save the results"), self)
        self.save_button.setAutoDefault(False)
        self.save_button.setToolTip("Ctrl+S")
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day of the visits:"), self))
        top.addWidget(self.day)
        top.addSpacing(12)
        top.addWidget(self.next_try)
        top.addStretch(1)
        hint = QLabel(
            self.tr(
                "Tab or Enter: next field · type the first letter or the number to choose · "
                "Ctrl+S: save. Rows left at “—” are not recorded."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.save)
        room = available_area(parent or self)
        self.resize(min(1250, int(room.width() * 0.95)), min(700, int(room.height() * 0.9)))
        self.load()

    # --- loading -------------------------------------------------------------------------
    def load(self) -> Task:
        db, actor, today, c = self.ctx.db, self.ctx.actor, self.ctx.today(), self.chosen
        self.summary.setText(self.tr("Reading the visits…"))
        self.task = self.ctx.read(
            self,
            lambda: trips.trip_visits(
                db,
                actor,
                c["communes"],
                c["start"],
                c["end"],
                villages=c["villages"],
                today=today,
            ),
            on_success=self._loaded,
            on_failure=lambda exc: self.banner.show_message(error_text(exc)),
        )
        return self.task

    def _loaded(self, sheet: TripSheet) -> None:
        self.sheet = sheet
        heads = (self.tr("No."), self.tr("Code"), self.tr("Support, due"), self.tr("Outcome"),
                 self.tr("Why not met"), self.tr("Income"), self.tr("Animals, looms, school"),
                 self.tr("Needs attention"), self.tr("Notes"))  # fmt: skip
        for col, text in enumerate(heads):
            head = QLabel(f"<b>{html.escape(text)}</b>", self.grid_box)
            head.setWordWrap(True)
            self.grid.addWidget(head, 0, col)
        line = 1
        number = 0
        for village, stops in sheet.village_groups:
            name = village or self.tr("(no village recorded)")
            band = QLabel(f"<b>{html.escape(name)}</b>", self.grid_box)
            self.grid.addWidget(band, line, 0, 1, len(heads))
            line += 1
            for stop in stops:
                number += 1
                self.rows.append(self._add_row(number, stop, line))
                line += 2
        self.grid.setRowStretch(line, 1)
        self.grid.setColumnStretch(8, 1)
        self._update_summary()
        if self.rows:
            # Once the new fields are shown (the layout shows them on the next turn).
            first = self.rows[0].outcome
            QTimer.singleShot(0, first, first.setFocus)
        else:
            self.summary.setText(self.tr("No visit is left to make there in those days."))

    def _combo(self, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(self.grid_box)
        for text, data in items:
            combo.addItem(text, data)
        combo.installEventFilter(self)
        return combo

    def _add_row(self, number: int, stop: TripStop, line: int) -> ResultRow:
        g = self.grid
        who = stop.code + (f" · {stop.alias}" if stop.alias else "")
        kind = fmt.type_name(stop.type_name_vi, stop.type_name_en)
        for col, text in enumerate((str(number), who, f"{kind}\n{fmt.day(stop.scheduled_on)}")):
            cell = QLabel(text, self.grid_box)
            cell.setWordWrap(True)  # a long alias or type wraps rather than being cut
            g.addWidget(cell, line, col)
        outcome = self._combo(
            [
                ("—", None),
                (self.tr("1 Met, livelihood running"), MET_RUNNING),
                (self.tr("2 Met, livelihood stopped"), MET_STOPPED),
                (self.tr("3 Not met"), NOT_MET),
            ]
        )
        reason = self._combo(
            [("—", None), *((fmt.label("missed_reason", r), r) for r in MISSED_REASONS)]
        )
        income = self._combo(
            [
                (self.tr("(not asked)"), None),
                *((fmt.label("income_band", b), b) for b in INCOME_BANDS),
            ]
        )
        things = QWidget(self.grid_box)
        box = QHBoxLayout(things)
        box.setContentsMargins(0, 0, 0, 0)
        assets: list[tuple[int, QComboBox, QSpinBox]] = []
        for a in stop.assets:
            codes = ANIMAL_STATUSES if a.kind in LIVESTOCK else THING_STATUSES
            status = self._combo([(fmt.label("asset_status", s), s) for s in codes])
            set_combo_data(status, "alive" if a.status == "calved" else a.status)
            status.setToolTip(fmt.label("asset_kind", a.kind) + (f" {a.tag}" if a.tag else ""))
            young = spin(0, visits.MAX_YOUNG, 0, things)
            young.setEnabled(False)
            young.setToolTip(self.tr("Young born"))
            young.installEventFilter(self)
            status.currentIndexChanged.connect(
                lambda _i, s=status, y=young: self._status_changed(s, y)
            )
            box.addWidget(status)
            box.addWidget(young)
            assets.append((a.id, status, young))
        in_school = None
        if stop.checks == "school":
            in_school = self._combo(
                [
                    (self.tr("In school?"), None),
                    (self.tr("Yes, in school"), True),
                    (self.tr("No, left school"), False),
                ]
            )
            box.addWidget(in_school)
        box.addStretch(1)
        care = QCheckBox(self.grid_box)
        care.installEventFilter(self)
        notes = QLineEdit(self.grid_box)
        notes.setMaxLength(4000)
        notes.setMinimumWidth(140)
        notes.installEventFilter(self)
        for col, widget in enumerate((outcome, reason, income, things, care, notes), start=3):
            g.addWidget(widget, line, col)
        state = QLabel(self.grid_box)
        error = ErrorLabel(self.grid_box)
        g.addWidget(state, line + 1, 1, 1, 2)
        g.addWidget(error, line + 1, 3, 1, 6)
        row = ResultRow(stop, outcome, reason, income, in_school, care, notes, assets, state,
                        error)  # fmt: skip
        outcome.currentIndexChanged.connect(lambda _i, r=row: self._outcome_changed(r))
        self._outcome_changed(row)
        return row

    # --- what the fields allow (presentation only: the services decide) --------------
    def _status_changed(self, status: QComboBox, young: QSpinBox) -> None:
        calved = status.currentData() == "calved"
        young.setEnabled(calved)
        young.setValue(max(young.value(), 1) if calved else 0)

    def _outcome_changed(self, row: ResultRow) -> None:
        chosen = row.outcome.currentData()
        met = chosen in (MET_RUNNING, MET_STOPPED)
        row.reason.setEnabled(chosen == NOT_MET and not row.saved)
        for widget in [row.income, row.care, *(s for _i, s, _y in row.assets)]:
            widget.setEnabled(met and not row.saved)
        for _i, status, young in row.assets:
            young.setEnabled(met and not row.saved and status.currentData() == "calved")
        if row.in_school is not None:
            row.in_school.setEnabled(met and not row.saved)
        row.notes.setEnabled(chosen is not None and not row.saved)
        self._update_summary()

    def _update_summary(self) -> None:
        entered = sum(1 for r in self.rows if r.outcome.currentData() and not r.saved)
        saved = sum(1 for r in self.rows if r.saved)
        self.summary.setText(
            self.tr("{entered} of {total} to save, {saved} saved.").format(
                entered=entered, total=len(self.rows), saved=saved
            )
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter moves on to the next field, as Tab does (a combo's open list keeps it)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not (isinstance(watched, QComboBox) and watched.view().isVisible())
        ):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.save()
            else:
                self.focusNextChild()
            return True
        return super().eventFilter(watched, event)

    # --- saving --------------------------------------------------------------------------
    def entry(self, row: ResultRow) -> VisitOutcome | MissedVisit | None:
        """What the row says, for the service (None: left at "—")."""
        chosen = row.outcome.currentData()
        if chosen is None or row.saved:
            return None
        day = self.day.value()
        if chosen == NOT_MET:
            return MissedVisit(
                visit_id=row.stop.visit_id,
                tried_on=day,
                reason=row.reason.currentData(),
                notes=row.notes.text(),
                next_visit_on=day + timedelta(days=NEXT_TRY_DAYS)
                if self.next_try.isChecked()
                else None,
            )
        return VisitOutcome(
            visit_id=row.stop.visit_id,
            done_on=day,
            livelihood_running=chosen == MET_RUNNING,
            income_band=row.income.currentData(),
            safety_concern=row.care.isChecked(),
            in_school=row.in_school.currentData() if row.in_school is not None else None,
            notes=row.notes.text(),
            asset_updates=tuple(
                AssetUpdate(
                    asset_id=asset_id,
                    status=status.currentData(),
                    young_born=young.value() if status.currentData() == "calved" else 0,
                )
                for asset_id, status, young in row.assets
            ),
        )

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.is_done

    def save(self) -> Task | None:
        """Record every row entered and not saved yet, each with its visit service, on the
        worker; the rows refused say why and stay to be corrected."""
        if self.busy:
            return None
        todo = [(row, self.entry(row)) for row in self.rows]
        work = [(i, e) for i, (_row, e) in enumerate(todo) if e is not None]
        if not work:
            self.banner.show_message(self.tr("Nothing to save: choose an outcome on a row."))
            return None
        self.banner.show_message("")
        db, actor, today = self.ctx.db, self.ctx.actor, self.ctx.today()

        def job() -> list[tuple[int, object]]:
            done: list[tuple[int, object]] = []
            for index, entry in work:
                try:
                    if isinstance(entry, MissedVisit):
                        done.append((index, visits.record_missed(db, actor, entry, today=today)))
                    else:
                        done.append((index, visits.record_visit(db, actor, entry, today=today)))
                except ServiceError as exc:
                    done.append((index, exc))
            return done

        self.save_button.setEnabled(False)
        self.task = self.ctx.write(
            self,
            job,
            (Change.VISIT,),
            on_success=self._saved,
            on_failure=self._failed,
            label=self.tr("Recording the visits…"),
        )
        return self.task

    def _saved(self, done: list[tuple[int, object]]) -> None:
        self.save_button.setEnabled(True)
        first_bad: ResultRow | None = None
        for index, result in done:
            row = self.rows[index]
            assert row.error is not None and row.state is not None
            if isinstance(result, ServiceError):
                row.error.show_message(result.message())
                first_bad = first_bad or row
                continue
            row.error.show_message("")
            row.saved = True
            row.state.setText(self.tr("✓ recorded"))
            self._outcome_changed(row)
            row.outcome.setEnabled(False)
        self._update_summary()
        if first_bad is not None:
            self.banner.show_message(
                self.tr("Some rows were not recorded: see the message under each.")
            )
            first_bad.outcome.setFocus()
            return
        # As the visit dialog says it: a safety concern, or someone gone far, is told today.
        worrying = [
            self.rows[index].stop.code
            for index, result in done
            if not isinstance(result, ServiceError)
            and (
                self.rows[index].care.isChecked()
                or self.rows[index].reason.currentData() in WORRYING_REASONS
            )
        ]
        if worrying:
            self.banner.show_message(
                self.tr("Tell the project lead today about: {codes}.").format(
                    codes=", ".join(worrying)
                )
            )

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.banner.show_message(error_text(exc))

    def unsaved(self) -> int:
        return sum(1 for r in self.rows if r.outcome.currentData() and not r.saved)

    def reject(self) -> None:
        """Closing with rows typed in and not saved asks first (nothing is lost silently)."""
        if self.busy:
            return
        count = self.unsaved()
        if count:
            answer = QMessageBox.question(
                self,
                self.tr("Results of a trip"),
                self.tr("%n row(s) typed in are not saved. Close without saving them?", "", count),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
