"""A visit that found no one, from the Visits page: the officer says why, the outcome fields
step aside, the next try is offered a week on, the visit leaves the overdue list for the
"No one met" list with its reason, and a worrying reason asks to tell the project lead."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from tracker.services import beneficiaries, visits
from tracker.services.projects import ProjectView
from tracker.ui import flows
from tracker.ui.context import Change
from tracker.ui.dialogs.beneficiary_dialog import BeneficiaryDialog
from tracker.ui.dialogs.visit_dialog import VisitDialog
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets import set_combo_data

from ..conftest import TODAY
from .conftest import loaded, touches, type_text, visible
from .test_window import cow_handed_over


@pytest.fixture
def overdue_visit(window: MainWindow, project: ProjectView) -> int:
    """A cow handed over two months ago: its 1-month visit is overdue."""
    ctx = window.ctx
    cow_handed_over(ctx.db, ctx.actor, project.id, date(2025, 4, 1), date(2025, 4, 10))
    (row,) = visits.list_visits(ctx.db, ctx.actor, "overdue", today=TODAY)
    return row.id


def open_dialog(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    page = window.show_page("visits")
    page.show_list("overdue")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.view.selectRow(0)
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    (dialog,) = visible(window, VisitDialog)
    return page, dialog


def test_no_one_met_is_recorded_with_the_reason_and_a_next_try(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, overdue_visit: int
):
    page, dialog = open_dialog(window, qtbot)
    assert dialog.met.isChecked() and dialog.livelihood.isVisible()
    assert not dialog.reason.isVisible()
    assert dialog.not_met.text() == "Đã đến nhưng không gặp được"

    qtbot.mouseClick(dialog.not_met, Qt.MouseButton.LeftButton)
    assert dialog.not_met.isChecked()
    assert dialog.reason.isVisible()
    assert not dialog.livelihood.isVisible() and not dialog.assets_box.isVisible()
    assert not dialog.safety.isVisible()
    assert dialog.next_visit.value() == TODAY + timedelta(days=7)

    # Nothing chosen: the message is next to the reason, nothing is saved.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    label = dialog.errors.label("missed_reason")
    assert label is not None
    qtbot.waitUntil(label.isVisible, timeout=5000)
    assert label.text().startswith("Lý do không gặp")
    assert dialog.isVisible()

    set_combo_data(dialog.reason, "working_away")
    assert dialog.reason_hint.isVisible()
    assert "cán bộ phụ trách dự án" in dialog.reason_hint.text()
    # Laid out in its row under the reason, not left floating in a corner.
    dialog.layout().activate()
    assert dialog.reason_hint.geometry().top() > dialog.reason.mapTo(dialog, QPoint(0, 0)).y()
    type_text(dialog.notes, "Mẹ nói đi làm thuê ở Hà Giang, tháng sau về.")
    with qtbot.waitSignal(
        window.ctx.events.changed, check_params_cb=touches(Change.VISIT), timeout=5000
    ) as recorded:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    row = recorded.args[0].result
    assert (row.id, row.status, row.missed_reason, row.done_on) == (
        overdue_visit,
        "missed",
        "working_away",
        TODAY,
    )

    # Not overdue any more; the next try is due within the week.
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    page.show_list("open")
    loaded(qtbot, page.model)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.row_at(0).scheduled_on == TODAY + timedelta(days=7)
    assert page.model.row_at(0).months_after is None

    page.show_list("missed")
    loaded(qtbot, page.model)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    outcome = page.model.index(0, page.model.column_of("outcome")).data()
    assert outcome == "Đi làm ăn xa"
    status = page.model.index(0, page.model.column_of("status")).data()
    assert status == "Không gặp"
    assert not page.view.isColumnHidden(page.model.column_of("outcome"))
    assert page.view.isColumnHidden(page.model.column_of("status")), "said once, in the list"


def test_closing_the_file_cancels_the_visits_still_scheduled(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, overdue_visit: int
):
    ctx = window.ctx
    (row,) = visits.list_visits(ctx.db, ctx.actor, "overdue", today=TODAY)
    person = beneficiaries.get(ctx.db, ctx.actor, row.beneficiary_id)
    dialog = flows.edit_beneficiary(ctx, window, person)
    assert isinstance(dialog, BeneficiaryDialog)
    assert not dialog.status_note.isVisible()
    set_combo_data(dialog.status, "moved")
    assert dialog.status_note.isVisible()
    assert dialog.status_note.text() == (
        "Các chuyến thăm đã hẹn mà chưa thực hiện của người này sẽ bị hủy."
    )
    with qtbot.waitSignal(
        ctx.events.changed, check_params_cb=touches(Change.BENEFICIARY), timeout=5000
    ):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    page = window.show_page("visits")
    page.show_list("all")
    loaded(qtbot, page.model)
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=5000)
    assert {r.status for r in page.model.rows()} == {"cancelled"}
    assert page.model.index(0, page.model.column_of("status")).data() == "Đã hủy"
    page.show_list("open")
    loaded(qtbot, page.model)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)


def test_switching_back_to_met_restores_the_outcome_fields(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, overdue_visit: int
):
    _page, dialog = open_dialog(window, qtbot)
    dialog.not_met.setChecked(True)
    set_combo_data(dialog.reason, "not_home")
    assert not dialog.reason_hint.isVisible(), "not at home is not a worry in itself"
    dialog.met.setChecked(True)
    assert dialog.livelihood.isVisible() and dialog.assets_box.isVisible()
    dialog.safety.setChecked(True)
    assert dialog.safety_hint.isVisible()
    dialog.layout().activate()
    assert dialog.safety_hint.geometry().top() > dialog.safety.geometry().top()
    assert not dialog.reason.isVisible() and not dialog.reason_hint.isVisible()
    assert dialog.next_visit.value() is None
    dialog._dirty = False
    dialog.reject()
    (row,) = visits.list_visits(window.ctx.db, window.ctx.actor, "overdue", today=TODAY)
    assert row.id == overdue_visit and row.status == "scheduled"
