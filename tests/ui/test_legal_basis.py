"""Settings → the legal basis of payment vouchers, through the real window: the table of
circulars by date, a line added by an administrator, saved and written in the audit trail;
read-only for everyone else."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tracker.db import Database
from tracker.services import audit, receipts
from tracker.ui import worker
from tracker.ui.context import UiContext
from tracker.ui.main_window import MainWindow
from tracker.ui.pages.legal_basis_box import FORM, FROM, NOTE
from tracker.ui.pages.settings import SettingsPage
from tracker.ui.widgets import DateEdit

from ..conftest import TODAY


def test_an_administrator_adds_the_next_circular(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    box = page.legal_basis_box
    qtbot.waitUntil(lambda: box.table.rowCount() == 2, timeout=5000)
    assert box.title() == "Phiếu chi: mẫu số và căn cứ pháp lý"
    assert "107/2017/TT-BTC" in box.table.item(0, NOTE).text()
    assert "24/2024/TT-BTC" in box.table.item(1, NOTE).text()
    assert box.add_button.isVisible() and box.save_button.isEnabled()

    row = box.add_row()
    day = box.table.cellWidget(row, FROM)
    assert isinstance(day, DateEdit) and day.value() == TODAY
    day.set_value(date(2027, 1, 1))
    assert box.table.item(row, FORM).text() == "Mẫu số C41-BB"  # copied from the line above
    box.table.item(row, NOTE).setText("(Ban hành kèm theo Thông tư số 99/2026/TT-BTC)")
    with qtbot.waitSignal(box.status, timeout=5000):
        qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    saved = receipts.legal_bases(window.ctx.db, window.ctx.actor)
    assert saved[-1].valid_from == date(2027, 1, 1)
    assert saved[-1].legal_note == "(Ban hành kèm theo Thông tư số 99/2026/TT-BTC)"
    events = audit.list_events(window.ctx.db, window.ctx.actor, limit=5)
    assert any(
        e.action == "update" and e.entity == "office" and "legal_basis" in (e.after or {})
        for e in events
    )
    assert "Đã lưu căn cứ pháp lý" in window.statusBar().currentMessage()

    # Two lines from the same day are refused, with the reason, and nothing changes.
    row = box.add_row()
    box.table.cellWidget(row, FROM).set_value(date(2027, 1, 1))  # type: ignore[union-attr]
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.banner.isVisible(), timeout=5000)
    assert "Căn cứ pháp lý của phiếu chi" in box.banner.text()
    assert len(receipts.legal_bases(window.ctx.db, window.ctx.actor)) == 3


def test_others_read_the_table_only(qtbot, sqlite_db: Database, actors) -> None:  # type: ignore[no-untyped-def]
    ctx = UiContext(db=sqlite_db, actor=actors["accountant"], clock=lambda: TODAY)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    box = page.legal_basis_box
    qtbot.waitUntil(lambda: box.table.rowCount() == 2, timeout=5000)
    assert not box.add_button.isVisible() and not box.save_button.isVisible()
    assert "quản trị viên" in box.note.text()
    assert box.save() is None
    worker.wait_for_tasks()
