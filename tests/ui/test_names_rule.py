"""Full names in the window's lists follow the command line's rule: only for a role that
may see them, and switching them on is logged; a viewer sees codes and aliases."""

from __future__ import annotations

from sqlalchemy import text

from tracker.db import Database
from tracker.ui import worker
from tracker.ui.context import UiContext
from tracker.ui.main_window import MainWindow

from ..conftest import TODAY


def _name_views(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT username, after FROM audit_event WHERE action = 'view' ORDER BY id")
        ).all()
    return [u for u, after in rows if '"names"' in str(after)]


def test_a_viewer_cannot_switch_names_on(qtbot, sqlite_db: Database, actors):  # type: ignore[no-untyped-def]
    ctx = UiContext(db=sqlite_db, actor=actors["viewer"], clock=lambda: TODAY)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    assert not win.show_names_action.isEnabled()
    assert not win.beneficiaries_page.show_names.isEnabled()
    ctx.set_names_visible(True)
    worker.wait_for_tasks()
    assert not ctx.names_visible
    assert not win.beneficiaries_page.show_names.isChecked()
    assert _name_views(sqlite_db) == []
    win.close()


def test_switching_names_on_is_logged(qtbot, sqlite_db: Database, actors):  # type: ignore[no-untyped-def]
    ctx = UiContext(db=sqlite_db, actor=actors["officer"], clock=lambda: TODAY)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    assert win.show_names_action.isEnabled()
    win.beneficiaries_page.show_names.setChecked(True)
    worker.wait_for_tasks(10_000)
    assert ctx.names_visible
    qtbot.waitUntil(lambda: _name_views(sqlite_db) == [actors["officer"].username])
    win.beneficiaries_page.show_names.setChecked(False)
    worker.wait_for_tasks(10_000)
    assert _name_views(sqlite_db) == [actors["officer"].username]  # switching off: nothing
    win.close()
