"""A closed quarter through the window: an administrator closes the third quarter in
Settings, the accountant's try to change a hand-over of it is refused with the message,
the correction is recorded as an adjustment dated today, and the Reports page shows it in
the fourth quarter while the third stays as it was closed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tracker.db import Database
from tracker.services import beneficiaries as ben
from tracker.services import closing, grants, reports
from tracker.services.context import Actor
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput
from tracker.services.projects import ProjectView
from tracker.ui import worker
from tracker.ui.context import UiContext
from tracker.ui.dialogs.period_dialogs import HandoverCorrectionDialog, ReopenPeriodDialog
from tracker.ui.main_window import MainWindow
from tracker.ui.pages.reports import ReportsPage
from tracker.ui.pages.settings import SettingsPage

from .conftest import type_text, visible
from .test_receipts_page import receipts_page, select
from .test_reports_page import show, table_cells

NOW = date(2025, 11, 20)


@pytest.fixture
def handed(sqlite_db: Database, actors: dict[str, Actor], project: ProjectView) -> str:
    """A hardship grant of 10.000.000 đ handed over on 12/08/2025; its receipt number."""
    b = ben.register(
        sqlite_db,
        actors["officer"],
        ben.BeneficiaryInput(full_name="Vàng Thị Mỷ", sex="F", category="victim",
                             ethnicity_code="08", birth_year=1995, commune_code="00769"),
        today=NOW,
    )  # fmt: skip
    g = grants.plan_grant(
        sqlite_db,
        actors["officer"],
        GrantInput(b.id, project.id, "initial_hardship", date(2025, 7, 1),
                   (TrancheInput("Trợ cấp khó khăn", amount=10_000_000),)),
        today=NOW,
    )  # fmt: skip
    h = grants.record_handover(
        sqlite_db,
        actors["accountant"],
        HandoverInput(g.id, date(2025, 8, 12), amount=10_000_000),
        today=NOW,
    )
    assert h.receipt_number is not None
    return h.receipt_number


@pytest.fixture
def window(
    qtbot, sqlite_db: Database, actors: dict[str, Actor], handed: str
) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(UiContext(db=sqlite_db, actor=actors["admin"], clock=lambda: NOW))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    worker.wait_for_tasks(10_000)
    win.close()


def test_close_refuse_adjust_and_see_it_in_the_current_quarter(  # type: ignore[no-untyped-def]
    window: MainWindow, handed: str, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = window.ctx
    # Settings: the administrator closes the third quarter.
    settings = window.show_page("settings")
    assert isinstance(settings, SettingsPage)
    box = settings.periods_box
    assert box.isVisible()
    qtbot.waitUntil(lambda: box.select("2025-Q3"), timeout=5000)
    assert box.close_button.isEnabled() and not box.reopen_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(box.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.selected() is not None and box.selected().closed, timeout=5000)
    assert box.table.item(box.table.currentRow(), 1).text().startswith("Đã khoá ngày ")
    qtbot.mouseClick(box.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "trùng khớp" in box.result.text(), timeout=10_000)

    # Receipts: changing the hand-over of the closed quarter is refused, with why.
    page = receipts_page(window, qtbot)
    select(page, handed)
    assert page.correct_button.isEnabled()
    qtbot.mouseClick(page.correct_button, Qt.MouseButton.LeftButton)
    (dialog,) = visible(window, HandoverCorrectionDialog)
    dialog.amount.clear()
    type_text(dialog.amount, "8000000")
    type_text(dialog.reason, "Thực trao 8 triệu")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Quý 2025-Q3 đã khoá" in dialog.banner.text(), timeout=5000)
    assert "điều chỉnh ngày hôm nay" in dialog.banner.text()
    assert (
        grants.value_of_handover(
            ctx.db, ctx.actor, grants.line_of_receipt(ctx.db, ctx.actor, handed)
        )
        == 10_000_000
    )

    # The same correction as an adjustment dated today goes through.
    dialog.adjustment.setChecked(True)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.notice.isVisible()
    assert "-2.000.000" in page.notice.text() and "20/11/2025" in page.notice.text()

    # Reports: the fourth quarter shows the adjustment; the third is as it was closed.
    reports_page = window.show_page("reports")
    assert isinstance(reports_page, ReportsPage)
    show(qtbot, reports_page, reports.quarter(2025, 4), "office")
    rows = table_cells(reports_page, "corrections")
    assert rows[0][1:] == [1, -2_000_000]
    show(qtbot, reports_page, reports.quarter(2025, 3), "office")
    assert not any(t.key == "corrections" for t in reports_page.tables)
    assert reports_page.summary is not None and reports_page.summary.closed is not None
    assert closing.check_period(ctx.db, ctx.actor, "2025-Q3", today=NOW).same


def test_reopen_asks_for_a_reason(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    closing.close_period(window.ctx.db, window.ctx.actor, "2025-Q3", today=NOW)
    settings = window.show_page("settings")
    assert isinstance(settings, SettingsPage)
    box = settings.periods_box
    qtbot.waitUntil(lambda: box.select("2025-Q3") and box.selected().closed, timeout=5000)
    opened: list[ReopenPeriodDialog] = []

    def answer(dialog: ReopenPeriodDialog) -> object:
        opened.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        label = dialog.errors.label("reopen_reason")
        qtbot.waitUntil(lambda: label is not None and label.isVisible(), timeout=5000)
        assert label is not None and label.text() == "Lý do mở khoá lại: không được để trống."
        type_text(dialog.reason, "Tỉnh yêu cầu sửa")
        with qtbot.waitSignal(dialog.finished, timeout=5000):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result_value

    monkeypatch.setattr(ReopenPeriodDialog, "exec_result", answer)
    state = box.reopen_selected()
    assert opened and isinstance(state, closing.PeriodState) and not state.closed
    qtbot.waitUntil(lambda: box.selected() is not None and not box.selected().closed, timeout=5000)
    assert "Tỉnh yêu cầu sửa" in box.table.item(box.table.currentRow(), 2).text()
