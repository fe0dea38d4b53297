"""Donor projects from the Settings page: an administrator adds one through the dialog and
sees it listed; a period that ends before it starts is refused next to the end date; a
viewer sees the list but cannot add or edit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tracker.db import Database
from tracker.services import projects
from tracker.services.context import Actor
from tracker.ui import worker
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.project_dialog import ProjectDialog
from tracker.ui.main_window import MainWindow
from tracker.ui.pages.settings import SettingsPage

from ..conftest import TODAY
from .conftest import touches, type_text, visible


def open_add_dialog(window: MainWindow, qtbot) -> ProjectDialog:  # type: ignore[no-untyped-def]
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    assert page.add_project_button.isEnabled()
    qtbot.mouseClick(page.add_project_button, Qt.MouseButton.LeftButton)
    found = visible(window, ProjectDialog)
    assert len(found) == 1
    return found[0]


def fill(dialog: ProjectDialog, start: date, end: date) -> None:
    type_text(dialog.code, "AT-2628")
    type_text(dialog.name, "An toàn cho phụ nữ")
    type_text(dialog.donor, "Quỹ Hoa Sen")
    dialog.start_date.set_value(start)
    dialog.end_date.set_value(end)
    type_text(dialog.budget, "300000000")


def test_admin_adds_a_project(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    dialog = open_add_dialog(window, qtbot)
    assert not dialog.status.isVisible(), "a new project is always active"
    fill(dialog, date(2026, 1, 1), date(2028, 6, 30))
    with qtbot.waitSignal(
        window.ctx.events.changed, check_params_cb=touches(Change.PROJECT), timeout=5000
    ) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].result.code == "AT-2628" and saved.args[0].result.budget == 300_000_000

    page = window.settings_page
    qtbot.waitUntil(lambda: page.project_list.topLevelItemCount() == 1, timeout=5000)
    item = page.project_list.topLevelItem(0)
    assert item.text(0) == "AT-2628"
    assert item.text(1) == "An toàn cho phụ nữ"
    assert item.text(2) == "Quỹ Hoa Sen"
    assert item.text(3) == "01/01/2026 – 30/06/2028"
    assert item.text(4) == "300.000.000\u00a0₫"
    assert item.text(5) == "0\u00a0₫"
    assert item.text(6) == "300.000.000\u00a0₫"
    assert page.projects_box.title() == "Dự án"
    assert page.add_project_button.text() == "Thêm dự án…"

    page.project_list.setCurrentItem(item)
    assert page.edit_project_button.isEnabled()
    qtbot.mouseClick(page.edit_project_button, Qt.MouseButton.LeftButton)
    (edit,) = visible(window, ProjectDialog)
    assert edit.code.text() == "AT-2628" and edit.status.isVisible()
    assert edit.budget.value() == 300_000_000
    edit.cancel_button.click()


def test_end_before_start_is_shown_next_to_the_end_date(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    dialog = open_add_dialog(window, qtbot)
    fill(dialog, date(2026, 6, 1), date(2026, 5, 31))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    label = dialog.errors.label("end_date")
    assert label is not None
    qtbot.waitUntil(label.isVisible, timeout=5000)
    assert set(dialog.errors.visible_messages()) == {"end_date"}
    assert label.text()
    assert dialog.isVisible(), "the typed data stays for correcting"
    assert projects.list_projects(window.ctx.db, window.ctx.actor) == []
    dialog._dirty = False
    dialog.reject()


def test_viewer_sees_the_buttons_disabled(
    qtbot, sqlite_db: Database, actors: dict[str, Actor], project
):  # type: ignore[no-untyped-def]
    ctx = UiContext(db=sqlite_db, actor=actors["viewer"], clock=lambda: TODAY)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.project_list.topLevelItemCount() == 1, timeout=5000)
    page.project_list.setCurrentItem(page.project_list.topLevelItem(0))
    assert page.projects_box.isVisible()
    assert not page.add_project_button.isEnabled()
    assert not page.edit_project_button.isEnabled()
    assert page.projects_note.isVisible()
    assert page.add_project() is None and page.edit_project() is None
    worker.wait_for_tasks()
