"""One path for "something changed": a write made in one place of the window reaches every
page that shows that kind of data, through the notice the worker sends, and no other."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tracker.services import grants
from tracker.services.grants import GrantInput, TrancheInput
from tracker.services.projects import ProjectView
from tracker.ui.context import Change
from tracker.ui.dialogs.handover_dialog import HandoverDialog
from tracker.ui.main_window import MainWindow

from ..conftest import TODAY
from .conftest import touches, type_text, visible
from .test_window import register_by_service, table_texts, the_dialog


def test_a_hand_over_reaches_every_page_that_shows_it(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, project: ProjectView
):
    ctx = window.ctx
    person = register_by_service(ctx.db, ctx.actor)
    grants.plan_grant(
        ctx.db,
        ctx.actor,
        GrantInput(person.id, project.id, "cattle", date(2025, 5, 1),
                   (TrancheInput("Bò giống", quantity=1, unit_value=15_000_000),)),
        today=TODAY,
    )  # fmt: skip
    # Each page has been shown once with nothing in it.
    receipts = window.show_page("receipts")
    qtbot.waitUntil(lambda: not receipts._stale, timeout=3000)
    assert receipts.model.rowCount() == 0
    visits = window.show_page("visits")
    visits.show_list("all")
    qtbot.waitUntil(lambda: not visits._stale, timeout=3000)
    assert visits.model.rowCount() == 0
    audit = window.show_page("audit")
    qtbot.waitUntil(lambda: not audit._stale, timeout=3000)
    page = window.show_page("grants")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert table_texts(page.model, "delivered") == ["0\u00a0₫"]

    # The hand-over is recorded on the grants page, through its dialog.
    page.view.selectRow(0)
    qtbot.mouseClick(page.handover_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, HandoverDialog)
    dialog.handed_on.set_value(date(2025, 5, 15))
    with qtbot.waitSignal(
        ctx.events.changed, check_params_cb=touches(Change.HANDOVER), timeout=5000
    ) as notice:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    handover = notice.args[0].result
    number = handover.receipt_number

    # The page on screen has reloaded at once; the others as soon as they are shown.
    qtbot.waitUntil(
        lambda: table_texts(page.model, "delivered") == ["15.000.000\u00a0₫"], timeout=3000
    )
    assert receipts._stale and visits._stale and audit._stale
    # The Receipts page offers to print the new receipt: its number came with the notice.
    qtbot.waitUntil(
        lambda: any(number in box.text() for box in visible(window, QMessageBox)), timeout=3000
    )
    for box in visible(window, QMessageBox):
        box.close()
    window.show_page("receipts")
    qtbot.waitUntil(lambda: receipts.model.rowCount() == 1, timeout=3000)
    assert table_texts(receipts.model, "number") == [number]
    window.show_page("visits")
    qtbot.waitUntil(lambda: visits.model.rowCount() == len(handover.visits_scheduled), timeout=3000)
    window.show_page("audit")
    qtbot.waitUntil(lambda: "handover" in {e.action for e in audit.model.rows()}, timeout=3000)


def test_a_write_reloads_only_the_pages_that_show_its_kind(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot
):
    shown = {key: window.show_page(key) for key in ("receipts", "visits", "grants", "audit")}
    page = window.show_page("settings")
    for p in shown.values():
        qtbot.waitUntil(lambda p=p: not p._stale, timeout=3000)
    type_text(page.name, " (mới)")
    with qtbot.waitSignal(
        window.ctx.events.changed, check_params_cb=touches(Change.OFFICE), timeout=5000
    ):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    # The office is shown in the status bar and kept by the context; the trail has a new
    # event; receipts, visits and grants have nothing to load again.
    assert window.ctx.office is not None and window.ctx.office.name.endswith("(mới)")
    assert window.office_label.text().endswith("(mới)")
    assert shown["audit"]._stale
    assert not any(shown[k]._stale for k in ("receipts", "visits", "grants"))
