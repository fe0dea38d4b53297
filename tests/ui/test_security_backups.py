"""Backups from the Settings page of the real window: back up now, back up to a chosen
folder (a USB stick), restore a backup (the data goes back to that time, the file in use
is kept aside and the app asks to sign in again), a damaged file refused, and the app's
sign-in loop after a restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tracker import app
from tracker.db.vault import vault_path
from tracker.services import auth, backups, beneficiaries
from tracker.ui.dialogs.backup_dialogs import RestoreConfirmDialog
from tracker.ui.main_window import MainWindow

from . import test_security_support as support
from .test_security_support import ADMIN_PASSWORD, OFFICER_PASSWORD, register

# The shared fixtures (an encrypted office database and the window signed in on it).
location = support.location
open_window = support.open_window
window = support.window
workspace = support.workspace


def settings_page(window: MainWindow):  # type: ignore[no-untyped-def]
    page = window.show_page("settings")
    assert page.key == "settings"
    return page


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """The message boxes shown (kind, title, text); each answers OK."""
    shown: list[tuple[str, str, str]] = []
    for kind in ("information", "warning", "critical"):

        def box(parent, title, text, *args, _kind=kind, **kwargs):  # type: ignore[no-untyped-def]
            shown.append((_kind, title, text))
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, kind, box)
    return shown


def test_back_up_now_adds_a_file_to_the_list(window: MainWindow, qtbot, workspace):  # type: ignore[no-untyped-def]
    page = settings_page(window)
    assert page.backup_list.topLevelItemCount() == 0
    with qtbot.waitSignal(page.backup_written, timeout=10_000) as written:
        qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    info = written.args[0]
    assert info.path.exists() and vault_path(info.path).exists()
    assert info.path.parent == backups.backup_folder(workspace.db.location.path)
    assert page.backup_list.topLevelItemCount() == 1
    item = page.backup_list.topLevelItem(0)
    assert item.text(2) == info.path.name
    assert item.text(1).endswith("KB") or item.text(1).endswith("MB")
    assert info.path.name in window.statusBar().currentMessage()


def test_back_up_to_a_usb_stick(window: MainWindow, qtbot, tmp_path, monkeypatch, messages):  # type: ignore[no-untyped-def]
    stick = tmp_path / "USB"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    page = settings_page(window)
    with qtbot.waitSignal(page.backup_written, timeout=10_000) as written:
        qtbot.mouseClick(page.usb_button, Qt.MouseButton.LeftButton)
    info = written.args[0]
    assert info.path.parent == stick
    names = sorted(p.name for p in stick.iterdir())
    assert names == sorted([info.path.name, vault_path(info.path).name])
    backups.check_file(info.path, window.ctx.workspace.key)
    assert messages and messages[-1][0] == "information"
    assert str(stick) in messages[-1][2] and info.path.name in messages[-1][2]
    # Not among the office's own backups (those are kept 30 deep in their folder).
    assert page.backup_list.topLevelItemCount() == 0


def test_a_usb_backup_can_be_cancelled(window: MainWindow, qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    page = settings_page(window)
    qtbot.mouseClick(page.usb_button, Qt.MouseButton.LeftButton)
    assert page._backup_task is None


def test_restore_puts_the_data_back_and_keeps_the_file_aside(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, workspace, location, monkeypatch, messages
):
    page = settings_page(window)
    with qtbot.waitSignal(page.backup_written, timeout=10_000):
        qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    register(workspace)  # after the backup
    assert beneficiaries.count(workspace.db, workspace.actor) == 1

    asked: list[Path] = []

    def ask(backup, database, info=None, parent=None):  # type: ignore[no-untyped-def]
        asked.append(backup)
        return True

    monkeypatch.setattr(RestoreConfirmDialog, "ask", staticmethod(ask))
    page.backup_list.setCurrentItem(page.backup_list.topLevelItem(0))
    assert page.restore_button.isEnabled()
    with qtbot.waitSignal(window.restored, timeout=10_000) as done:
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    aside = done.args[0]
    assert asked == [page.selected_backup().path] or len(asked) == 1
    assert aside.exists() and aside != location.path and aside.parent == location.path.parent
    assert ".replaced-" in aside.name
    assert window.sign_in_again
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert any(str(aside) in text for _k, _t, text in messages)

    # Signing in again: the person registered after the backup is gone.
    ws = auth.sign_in(location, "admin", ADMIN_PASSWORD)
    try:
        assert beneficiaries.count(ws.db, ws.actor) == 0
    finally:
        ws.close()


def test_the_restore_warning_says_what_happens(window: MainWindow, qtbot, workspace):  # type: ignore[no-untyped-def]
    info = backups.backup_now(workspace)
    dialog = RestoreConfirmDialog(info.path, workspace.db.location.path, info, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.cancel_button.isDefault() and not dialog.restore_button.isDefault()
    assert str(workspace.db.location.path.parent) in dialog.warning.text()
    dialog.reject()


def test_a_damaged_backup_is_refused_and_nothing_changes(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, workspace, location, tmp_path, monkeypatch, messages
):
    bad = tmp_path / "broken.backup.db"
    bad.write_bytes(b"not a database at all" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(RestoreConfirmDialog, "ask", staticmethod(lambda *a, **k: True))
    register(workspace)
    page = settings_page(window)
    qtbot.mouseClick(page.restore_file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    kind, _title, text = messages[-1]
    assert kind == "warning"
    assert "Không có gì bị thay đổi" in text or "Nothing was changed" in text
    assert not window.sign_in_again and window.centralWidget().isVisible()
    assert beneficiaries.count(workspace.db, workspace.actor) == 1
    assert sorted(p.name for p in location.path.parent.iterdir() if "replaced" in p.name) == []


def test_only_an_administrator_restores(workspace, open_window, location):  # type: ignore[no-untyped-def]
    auth.add_user(workspace, "tuan", "Trần Văn Tuấn", "viewer", OFFICER_PASSWORD)
    ws = auth.sign_in(location, "tuan", OFFICER_PASSWORD)
    try:
        win = open_window(ws)
        page = win.show_page("settings")
        # A viewer reads: the list of backups, but no backup asked for and no restore.
        assert page.backup_list.isVisibleTo(page)
        assert not page.backup_button.isVisibleTo(page)
        assert not page.usb_button.isVisibleTo(page)
        assert not page.restore_button.isVisibleTo(page)
        assert not page.restore_file_button.isVisibleTo(page)
        assert page.restore_note.isVisibleTo(page)
        win.restore_backup(Path("anything.backup.db"))  # refused without asking
        assert not win.sign_in_again
        win.close()
    finally:
        ws.close()


def test_after_a_restore_the_app_asks_to_sign_in_again(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """app.main: a restore ends the window with SIGN_IN_AGAIN; the sign-in comes back, and
    the closing backup is taken only for the session that ends normally."""
    opened: list[str] = []
    closed_backups: list[object] = []

    class FakeWs:
        def __init__(self, n: int) -> None:
            self.n = n
            self.db = object()
            self.actor = type("A", (), {"username": "admin"})()

        def close(self) -> None:
            pass

    sessions = iter([FakeWs(1), FakeWs(2)])

    def open_workspace(location, username=""):  # type: ignore[no-untyped-def]
        opened.append(username)
        return next(sessions)

    codes = iter([app.SIGN_IN_AGAIN, 0])
    monkeypatch.setattr(app, "open_workspace", open_workspace)
    monkeypatch.setattr(app, "run_gui", lambda *a, **k: next(codes))
    monkeypatch.setattr(app, "backup_at_close", lambda ws: closed_backups.append(ws.n))
    assert app.main(["--db", str(tmp_path / "x.db")]) == 0
    assert opened == ["", "admin"]
    assert closed_backups == [2]


def test_the_daily_backup_and_the_integrity_check_wait_until_the_window_is_up(  # type: ignore[no-untyped-def]
    qtbot, workspace, monkeypatch
):
    """Both read the whole file: they start a little after the window shows, not while
    its first screen is read and painted."""
    from tracker.ui.context import UiContext

    checked: list[object] = []
    real_check = auth.check_integrity
    monkeypatch.setattr(auth, "check_integrity", lambda db: checked.append(db) or real_check(db))
    monkeypatch.setattr(app, "BACKGROUND_DELAY_MS", 600)
    assert workspace.db.location.path is not None
    assert backups.list_backups(workspace.db.location.path) == []
    window = app.start_window(
        UiContext(db=workspace.db, actor=workspace.actor, workspace=workspace)
    )
    qtbot.addWidget(window)
    assert window.isVisible()
    qtbot.waitUntil(lambda: window.today_page.overdue_box.title() != "", timeout=10_000)
    assert checked == [] and backups.list_backups(workspace.db.location.path) == []
    qtbot.waitUntil(lambda: bool(backups.list_backups(workspace.db.location.path)), timeout=20_000)
    assert checked == [workspace.db]
    assert len(backups.list_backups(workspace.db.location.path)) == 1
    window.close()


def test_project_totals_changed_outside_the_app_are_counted_again_and_said(  # type: ignore[no-untyped-def]
    qtbot, workspace, monkeypatch, messages
):
    """After sign-in, beside the file's check: a project's kept totals that no longer
    match its grants and hand-overs are counted again, the user is told which project,
    and Today's budget shows the count."""
    from datetime import date

    from sqlalchemy import text

    from tracker.services import projects
    from tracker.ui.context import UiContext

    projects.create_project(
        workspace.db,
        workspace.actor,
        projects.ProjectInput(
            "DA-01", "Sinh kế", "Quỹ Hy vọng", date(2025, 1, 1), date(2027, 12, 31), 90_000_000
        ),
    )
    with workspace.db.write() as s:
        s.execute(text("UPDATE project_total SET spent = 45000000"))
    monkeypatch.setattr(app, "BACKGROUND_DELAY_MS", 300)
    window = app.start_window(
        UiContext(db=workspace.db, actor=workspace.actor, workspace=workspace)
    )
    qtbot.addWidget(window)
    today = window.today_page
    qtbot.waitUntil(lambda: bool(today.bars), timeout=10_000)
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    kind, _title, said = messages[0]
    assert kind == "warning" and "DA-01" in said
    qtbot.waitUntil(lambda: today.bars and today.bars[0].bar.value() == 0, timeout=10_000)
    assert projects.list_projects(workspace.db, workspace.actor)[0].spent == 0
    window.close()
