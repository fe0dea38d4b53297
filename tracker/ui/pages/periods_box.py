"""Closed quarters in Settings (administrators): the quarters, open or closed (by whom and
when) with their reopenings; close an ended quarter once its summary has gone out, reopen
one with a reason, and check that a closed quarter's figures are still those of its
close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QTableWidgetItem, QWidget

from tracker.domain.shapes import OFFICE_TIME
from tracker.i18n import get_language
from tracker.services import closing
from tracker.ui import fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.period_dialogs import ReopenPeriodDialog
from tracker.ui.table_box import TableBox
from tracker.ui.worker import Task

QUARTER, STATE, REOPENED = range(3)


class PeriodsBox(TableBox):
    """The list of quarters with Close, Reopen… and Check."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, columns=3, heights=(120, 200))
        self.states: list[closing.PeriodState] = []
        self.result = self.add_line()
        self.close_button = QPushButton(self)
        self.reopen_button = QPushButton(self)
        self.check_button = QPushButton(self)
        self.close_button.clicked.connect(lambda: self.close_selected())
        self.reopen_button.clicked.connect(lambda: self.reopen_selected())
        self.check_button.clicked.connect(lambda: self.check_selected())
        self.add_buttons(self.check_button, self.reopen_button, self.close_button)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Closed quarters"))
        self.note.setText(
            self.tr(
                "Close a quarter once its summary has gone to the province and the donor: "
                "nothing dated in it can then be added, changed or voided, and its report "
                "keeps the figures of the close. Later corrections are dated today and point "
                "at the original."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Quarter"), self.tr("State"), self.tr("Reopened")]
        )
        self.close_button.setText(self.tr("Close the quarter"))
        self.reopen_button.setText(self.tr("Reopen…"))
        self.check_button.setText(self.tr("Check the figures"))
        if self.states:
            self.set_rows(self.states)

    # --- loading -------------------------------------------------------------------------
    def reader(self) -> Callable[[], list[closing.PeriodState]]:
        ctx = self.ctx
        today = ctx.today()
        return lambda: closing.list_periods(ctx.db, ctx.actor, today=today)

    def state_text(self, p: closing.PeriodState) -> str:
        if p.closed and p.closed_at is not None:
            return self.tr("Closed on {day} by {name}").format(
                day=fmt.day(p.closed_at.astimezone(OFFICE_TIME).date()), name=p.closed_by
            )
        if p.ended:
            return self.tr("Open")
        return self.tr("In progress")

    def set_rows(self, states: list[closing.PeriodState]) -> None:
        selected = self.selected()
        self.states = list(states)
        self.table.setRowCount(0)
        for p in self.states:
            index = self.table.rowCount()
            self.table.insertRow(index)
            reopened = "; ".join(
                self.tr("{day}, {name}: {reason}").format(
                    day=fmt.day(r.at.astimezone(OFFICE_TIME).date()), name=r.by, reason=r.reason
                )
                for r in p.reopenings
            )
            for column, text in (
                (QUARTER, p.key),
                (STATE, self.state_text(p)),
                (REOPENED, reopened),
            ):
                self.table.setItem(index, column, QTableWidgetItem(text))
        if selected is not None:
            self.select(selected.key)
        self._update_buttons()

    def select(self, key: str) -> bool:
        for index, p in enumerate(self.states):
            if p.key == key:
                self.table.selectRow(index)
                return True
        return False

    def selected(self) -> closing.PeriodState | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.states):
            return None
        return self.states[rows[0].row()]

    def _update_buttons(self) -> None:
        p = self.selected()
        busy = self.busy()
        self.close_button.setEnabled(not busy and p is not None and p.ended and not p.closed)
        self.reopen_button.setEnabled(not busy and p is not None and p.closed)
        self.check_button.setEnabled(not busy and p is not None and p.closed)

    # --- actions -------------------------------------------------------------------------
    def close_selected(self) -> Task | None:
        p = self.selected()
        if p is None:
            return None
        answer = QMessageBox.question(
            self,
            self.tr("Close quarter {period}").format(period=p.key),
            self.tr(
                "Close quarter {period}? Its figures are kept as they are now, and nothing "
                "dated in it can be added, changed or voided until an administrator reopens "
                "it with a reason."
            ).format(period=p.key),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        ctx = self.ctx
        key, today = p.key, ctx.today()
        self.banner.show_message("")
        self._task = ctx.write(
            self,
            lambda: closing.close_period(ctx.db, ctx.actor, key, today=today),
            {Change.PERIOD},
            on_success=lambda state: self._done(
                self.tr("Quarter {period} closed.").format(period=state.key)
            ),
            on_failure=self._failed,
            label=self.tr("Closing the quarter…"),
        )
        self._update_buttons()
        return self._task

    def reopen_selected(self) -> object:
        p = self.selected()
        if p is None:
            return None
        dialog = ReopenPeriodDialog(self.ctx, p, self)
        state = dialog.exec_result()
        dialog.deleteLater()
        if state is not None:
            self._done(self.tr("Quarter {period} reopened.").format(period=state.key))
        return state

    def check_selected(self) -> Task | None:
        p = self.selected()
        if p is None:
            return None
        ctx = self.ctx
        key, today, lang = p.key, ctx.today(), get_language()
        self.result.setText(self.tr("Checking…"))
        self._task = ctx.read(
            self,
            lambda: closing.describe_check(
                closing.check_period(ctx.db, ctx.actor, key, today=today), lang
            ),
            on_success=self._checked,
            on_failure=self._failed,
        )
        self._update_buttons()
        return self._task

    def _checked(self, text: str) -> None:
        self._task = None
        self.result.setText(text)
        self._update_buttons()

    def _done(self, message: str) -> None:
        self._task = None
        self.status.emit(message)
        self.load()

    def _failed(self, exc: BaseException) -> None:
        self.result.setText("")
        super()._failed(exc)
