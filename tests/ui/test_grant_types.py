"""Support types from the Settings page: an administrator changes the follow-up plan of
breeding cattle and the next cow handed over gets visits at the new months; a plan typed
wrong is shown next to the field and nothing changes; a support type taken off the list
is no longer offered for new grants; others see the plans but cannot change them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from tracker.db import Database
from tracker.services import grant_types, visits
from tracker.services.context import Actor
from tracker.services.projects import ProjectView
from tracker.ui import worker
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.grant_dialog import GrantDialog
from tracker.ui.dialogs.grant_type_dialog import GrantTypeDialog
from tracker.ui.main_window import MainWindow
from tracker.ui.pages.settings import SettingsPage

from ..conftest import TODAY
from .conftest import touches, visible
from .test_window import cow_handed_over


def settings(window: MainWindow, qtbot) -> SettingsPage:  # type: ignore[no-untyped-def]
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    box = page.grant_types_box
    qtbot.waitUntil(lambda: box.list.topLevelItemCount() == len(grant_types.SEED), timeout=5000)
    return page


def row_of(page: SettingsPage, name: str) -> QTreeWidgetItem:
    box = page.grant_types_box
    for i in range(box.list.topLevelItemCount()):
        item = box.list.topLevelItem(i)
        if item.text(0).startswith(name):
            return item
    raise AssertionError(f"{name} not listed")


def edit(window: MainWindow, page: SettingsPage, name: str, qtbot) -> GrantTypeDialog:  # type: ignore[no-untyped-def]
    box = page.grant_types_box
    box.list.setCurrentItem(row_of(page, name))
    assert box.edit_button.isVisible() and box.edit_button.isEnabled()
    qtbot.mouseClick(box.edit_button, Qt.MouseButton.LeftButton)
    (dialog,) = visible(window, GrantTypeDialog)
    return dialog


def test_new_follow_up_plan_schedules_the_next_hand_over(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, project: ProjectView
):
    page = settings(window, qtbot)
    assert page.grant_types_box.title() == "Loại hỗ trợ và lịch thăm"
    row = row_of(page, "Bò giống sinh sản")
    assert (row.text(1), row.text(2), row.text(3)) == ("Hiện vật", "con", "1, 3, 6, 12, 24 tháng")

    dialog = edit(window, page, "Bò giống sinh sản", qtbot)
    assert dialog.months.text() == "1, 3, 6, 12, 24"
    dialog.months.setText("2; 4 9")
    with qtbot.waitSignal(
        window.ctx.events.changed, check_params_cb=touches(Change.GRANT_TYPE), timeout=5000
    ) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].result.followup_months == (2, 4, 9)
    qtbot.waitUntil(
        lambda: row_of(page, "Bò giống sinh sản").text(3) == "2, 4, 9 tháng", timeout=5000
    )

    ctx = window.ctx
    cow_handed_over(ctx.db, ctx.actor, project.id, date(2025, 6, 1), date(2025, 6, 10))
    planned = visits.list_visits(ctx.db, ctx.actor, "open", today=TODAY, within_days=10_000)
    assert sorted(v.scheduled_on for v in planned) == [
        date(2025, 8, 10),
        date(2025, 10, 10),
        date(2026, 3, 10),
    ]


def test_a_plan_typed_wrong_is_shown_next_to_the_field(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    page = settings(window, qtbot)
    dialog = edit(window, page, "Dê giống", qtbot)
    dialog.months.setText("6, 3")
    dialog.mark_dirty()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    label = dialog.errors.label("followup_months")
    assert label is not None
    qtbot.waitUntil(label.isVisible, timeout=5000)
    assert label.text().startswith("Lịch thăm (tháng)")
    assert dialog.isVisible() and dialog.months.text() == "6, 3"
    listed = {t.code: t for t in grant_types.list_grant_types(window.ctx.db, window.ctx.actor)}
    assert listed["goat"].followup_months == (1, 3, 6, 12)
    dialog._dirty = False
    dialog.reject()


def test_a_type_taken_off_the_list_is_not_offered(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    page = settings(window, qtbot)
    dialog = edit(window, page, "Vốn kinh doanh nhỏ", qtbot)
    dialog.active.setChecked(False)
    with qtbot.waitSignal(
        window.ctx.events.changed, check_params_cb=touches(Change.GRANT_TYPE), timeout=5000
    ):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: row_of(page, "Vốn kinh doanh nhỏ").text(0).endswith("(không còn dùng)"),
        timeout=5000,
    )
    offered = GrantDialog(window.ctx, parent=window)
    qtbot.addWidget(offered)
    names = [offered.grant_type.itemText(i) for i in range(offered.grant_type.count())]
    assert "Bò giống sinh sản" in names and "Vốn kinh doanh nhỏ" not in names


def test_an_officer_sees_the_plans_but_cannot_change_them(
    qtbot, sqlite_db: Database, actors: dict[str, Actor]
):  # type: ignore[no-untyped-def]
    ctx = UiContext(db=sqlite_db, actor=actors["officer"], clock=lambda: TODAY)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    box = page.grant_types_box
    qtbot.waitUntil(lambda: box.list.topLevelItemCount() == len(grant_types.SEED), timeout=5000)
    box.list.setCurrentItem(box.list.topLevelItem(0))
    assert not box.edit_button.isVisible()
    assert box.note.text() == "Chỉ quản trị viên mới được sửa các loại hỗ trợ."
    assert box.edit_selected() is None
    worker.wait_for_tasks()
