"""Keys and the trail in the real window: disabling an account shows the new key being made
(on the worker, with progress) and leaves the old password opening nothing on the PC; the
audit page names a record changed without its event and compares the trail with an
export's manifest; an administrator is told at sign-in that the trail was cut back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tracker.services import auth, exports, reports
from tracker.ui.dialogs.account_dialogs import DisableAccountDialog
from tracker.ui.main_window import MainWindow

from .. import attacks
from ..conftest import TODAY
from . import test_security_support as support
from .test_security_accounts import add_officer, save, select_user, users_page
from .test_security_support import ADMIN_PASSWORD, OFFICER_PASSWORD, register, the_dialog

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

location = support.location
open_window = support.open_window
window = support.window
workspace = support.workspace


def test_disabling_shows_the_new_key_being_made_and_ends_the_password(
    window: MainWindow,
    qtbot,
    location,  # type: ignore[no-untyped-def]
) -> None:
    page = users_page(window, qtbot)
    add_officer(window, qtbot, page)
    assert attacks.what_a_password_opens(location.path.parent, "hoa", OFFICER_PASSWORD)
    select_user(page, qtbot, "hoa")
    qtbot.mouseClick(page.disable_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, DisableAccountDialog)
    assert "đổi khóa mới" in dialog.question.text()  # the window speaks Vietnamese
    steps: list[str] = []
    dialog.progress._relay.progress.connect(lambda _p, what: steps.append(what))
    save(dialog, qtbot)
    assert steps[0] == "keys" and "encrypt" in steps and steps[-1] == "done"
    assert dialog.progress.bar.value() == 100
    assert attacks.what_a_password_opens(location.path.parent, "hoa", OFFICER_PASSWORD) == []


def test_the_audit_page_names_a_record_changed_without_its_event(
    window: MainWindow,
    qtbot,
    workspace,  # type: ignore[no-untyped-def]
) -> None:
    person = register(workspace)
    attacks.change_row_without_event(
        workspace.db.location.path, bytes(workspace.key), "beneficiary", person.id,
        "full_name", "Người khác",
    )  # fmt: skip
    page = window.show_page("audit")
    with qtbot.waitSignal(page.verified, timeout=10_000) as done:
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    report = done.args[0]
    assert report.ok and report.rows_changed == 1
    assert f"#{person.id}" in page.verify_result.text()


def test_the_audit_page_compares_the_trail_with_an_export(
    window: MainWindow,
    qtbot,
    workspace,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    register(workspace)
    usb = tmp_path / "usb"
    usb.mkdir()
    result = exports.export_summary(
        workspace.db, workspace.actor, reports.parse_period("2025", "year"), usb, today=TODAY
    )
    page = window.show_page("audit")
    with qtbot.waitSignal(page.export_checked, timeout=10_000) as done:
        page.check_export(str(result.folder / "manifest.json"))
    assert done.args[0] is None
    assert page.verify_result.isVisible()

    with workspace.db.read() as s:
        from sqlalchemy import text

        newest = s.execute(text("SELECT max(id) FROM audit_event")).scalar_one()
    attacks.forge_whole_trail(workspace, keep_below=newest - 3)
    with qtbot.waitSignal(page.export_checked, timeout=10_000) as done:
        page.check_export(str(result.folder))
    assert done.args[0] == "not in chain"


def test_an_administrator_is_told_at_sign_in_that_the_trail_was_cut_back(
    qtbot,
    workspace,
    location,
    open_window,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    register(workspace)
    key = bytes(workspace.key)
    workspace.close()
    attacks.delete_newest_events(location.path, key, 2)
    ws = auth.sign_in(location, "admin", ADMIN_PASSWORD)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box.text()))
    win = open_window(ws)
    win.warn_after_sign_in()
    assert shown and "Nhật ký thao tác đã bị sửa" in shown[0]
    ws.close()
