"""Accounts in the real window on an encrypted database: an administrator adds an account
that can then sign in, resets a password, disables and enables an account, cannot disable
the last administrator; other roles see no Users or Audit page and the services refuse
them; everyone changes their own password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tracker.services import audit, auth, office
from tracker.services.auth import AuthError
from tracker.services.errors import PermissionDenied
from tracker.ui.dialogs.account_dialogs import (
    AddAccountDialog,
    ChangePasswordDialog,
    DisableAccountDialog,
    RoleDialog,
    SetPasswordDialog,
)
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets import set_combo_data

from . import test_security_support as support
from .conftest import type_text
from .test_security_support import ADMIN_PASSWORD, OFFICER_PASSWORD, the_dialog

# The shared fixtures (an encrypted office database and the window signed in on it).
location = support.location
open_window = support.open_window
window = support.window
workspace = support.workspace


def users_page(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    page = window.show_page("users")
    assert page.key == "users"
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1, timeout=5000)
    return page


def select_user(page, qtbot, username: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.select(username), timeout=5000)
    assert page.selected().username == username


def save(dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def add_officer(window: MainWindow, qtbot, page) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, AddAccountDialog)
    type_text(dialog.full_name, "Vàng Thị Hoa")
    type_text(dialog.username, "hoa")
    set_combo_data(dialog.role, "officer")
    type_text(dialog.password, OFFICER_PASSWORD)
    type_text(dialog.password2, OFFICER_PASSWORD)
    save(dialog, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)


def test_admin_adds_an_account_that_can_sign_in(window: MainWindow, qtbot, location):  # type: ignore[no-untyped-def]
    page = users_page(window, qtbot)
    assert [u.username for u in page.model.rows()] == ["admin"]
    col = page.model.column_of("role")
    assert page.model.index(0, col).data() == "Quản trị"

    # Mistakes first: the two passwords differ, then no role.
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, AddAccountDialog)
    type_text(dialog.full_name, "Vàng Thị Hoa")
    type_text(dialog.username, "hoa")
    set_combo_data(dialog.role, "officer")
    type_text(dialog.password, OFFICER_PASSWORD)
    type_text(dialog.password2, "something-else")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    label = dialog.errors.label("password2")
    qtbot.waitUntil(label.isVisible, timeout=3000)
    assert label.text() == "Hai lần nhập mật khẩu không giống nhau."
    dialog.password2.clear()
    type_text(dialog.password2, OFFICER_PASSWORD)
    save(dialog, qtbot)

    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    hoa = next(u for u in page.model.rows() if u.username == "hoa")
    assert hoa.full_name == "Vàng Thị Hoa" and hoa.role == "officer" and hoa.active
    row = page.model.rows().index(hoa)
    assert page.model.index(row, page.model.column_of("role")).data() == "Cán bộ"
    assert page.model.index(row, page.model.column_of("active")).data() == "Đang dùng"

    # The new account opens the encrypted file with its own password.
    ws = auth.sign_in(location, "hoa", OFFICER_PASSWORD)
    try:
        assert ws.actor.role == "officer" and ws.actor.full_name == "Vàng Thị Hoa"
    finally:
        ws.close()


def test_a_taken_user_name_is_shown_next_to_the_field(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    page = users_page(window, qtbot)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, AddAccountDialog)
    type_text(dialog.full_name, "Người khác")
    type_text(dialog.username, "admin")
    set_combo_data(dialog.role, "viewer")
    type_text(dialog.password, "short")
    type_text(dialog.password2, "short")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    weak = dialog.errors.label("new_password")
    qtbot.waitUntil(weak.isVisible, timeout=3000)
    assert "ít nhất 8 ký tự" in weak.text()
    for edit in (dialog.password, dialog.password2):
        edit.clear()
        type_text(edit, "long-enough-1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    taken = dialog.errors.label("username")
    qtbot.waitUntil(taken.isVisible, timeout=3000)
    assert "admin" in taken.text()
    assert dialog.isVisible()


def test_reset_disable_and_enable_an_account(window: MainWindow, qtbot, location):  # type: ignore[no-untyped-def]
    page = users_page(window, qtbot)
    add_officer(window, qtbot, page)
    select_user(page, qtbot, "hoa")
    assert page.reset_button.isEnabled() and page.disable_button.isEnabled()
    assert not page.enable_button.isEnabled()

    # Reset: the old password stops working, the new one opens the file.
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, SetPasswordDialog)
    type_text(dialog.password, "new-hoa-pass-2")
    type_text(dialog.password2, "new-hoa-pass-2")
    save(dialog, qtbot)
    with pytest.raises(AuthError):
        auth.sign_in(location, "hoa", OFFICER_PASSWORD)
    auth.sign_in(location, "hoa", "new-hoa-pass-2").close()

    # Disable: asks first; then the account cannot sign in.
    select_user(page, qtbot, "hoa")
    qtbot.mouseClick(page.disable_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, DisableAccountDialog)
    assert "Vàng Thị Hoa (hoa)" in dialog.question.text()
    save(dialog, qtbot)
    qtbot.waitUntil(
        lambda: not next(u for u in page.model.rows() if u.username == "hoa").active,
        timeout=5000,
    )
    with pytest.raises(AuthError) as refused:
        auth.sign_in(location, "hoa", "new-hoa-pass-2")
    assert refused.value.key in ("sign_in_failed", "user_disabled")

    # Enable with a new password.
    select_user(page, qtbot, "hoa")
    assert page.enable_button.isEnabled() and not page.reset_button.isEnabled()
    qtbot.mouseClick(page.enable_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, SetPasswordDialog)
    assert dialog.enable
    type_text(dialog.password, "hoa-is-back-3")
    type_text(dialog.password2, "hoa-is-back-3")
    save(dialog, qtbot)
    qtbot.waitUntil(
        lambda: next(u for u in page.model.rows() if u.username == "hoa").active, timeout=5000
    )
    auth.sign_in(location, "hoa", "hoa-is-back-3").close()


def test_the_last_administrator_cannot_be_disabled(window: MainWindow, qtbot, location):  # type: ignore[no-untyped-def]
    page = users_page(window, qtbot)
    select_user(page, qtbot, "admin")
    qtbot.mouseClick(page.disable_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, DisableAccountDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.banner.isVisible, timeout=5000)
    assert dialog.banner.text() == "Phải còn ít nhất một quản trị viên đang hoạt động."
    assert dialog.isVisible(), "the dialog stays, with the message"
    with qtbot.waitSignal(dialog.finished, timeout=3000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert office.actor_for(window.ctx.db, "admin").role == "admin"
    auth.sign_in(location, "admin", ADMIN_PASSWORD).close()


def test_an_administrator_changes_another_accounts_role(window: MainWindow, qtbot, location):  # type: ignore[no-untyped-def]
    page = users_page(window, qtbot)
    select_user(page, qtbot, "admin")
    assert not page.role_button.isEnabled(), "one's own role is changed by another admin"
    add_officer(window, qtbot, page)
    select_user(page, qtbot, "hoa")
    assert page.role_button.isEnabled() and page.role_button.text() == "Đổi vai trò…"
    qtbot.mouseClick(page.role_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, RoleDialog)
    assert dialog.role.currentData() == "officer"
    assert dialog.role_hint.text() == "Người hưởng hỗ trợ, khoản hỗ trợ và chuyến thăm."
    set_combo_data(dialog.role, "accountant")
    assert dialog.role_hint.text() == "Trao hỗ trợ và phiếu chi."
    save(dialog, qtbot)
    qtbot.waitUntil(
        lambda: any(u.username == "hoa" and u.role == "accountant" for u in page.model.rows()),
        timeout=5000,
    )
    assert "lần đăng nhập tiếp theo" in window.statusBar().currentMessage()
    ws = auth.sign_in(location, "hoa", OFFICER_PASSWORD)
    try:
        assert ws.actor.role == "accountant"
    finally:
        ws.close()


def test_other_roles_see_no_users_or_audit_page_and_the_services_refuse(  # type: ignore[no-untyped-def]
    workspace, open_window, location, qtbot
):
    for role, name in (("officer", "hoa"), ("accountant", "mai"), ("viewer", "tuan")):
        auth.add_user(workspace, name, f"Người {role}", role, OFFICER_PASSWORD)
    for name in ("hoa", "mai", "tuan"):
        ws = auth.sign_in(location, name, OFFICER_PASSWORD)
        try:
            win = open_window(ws)
            assert "users" not in win.pages and "audit" not in win.pages
            texts = [win.nav.item(i).text() for i in range(win.nav.count())]
            assert len(texts) == 7 and texts[-1] == "Cài đặt"
            assert win.show_page("users").key == "today"
            assert not win.settings_page.restore_button.isVisibleTo(win.settings_page)
            # Ctrl+1.. follow the navigation: the last one is Settings.
            win.page_actions["settings"].trigger()
            assert win.current_page().key == "settings"
            assert win.page_actions["settings"].shortcut().toString() == f"Ctrl+{len(texts)}"
            # Hiding is not all: the services refuse these roles.
            with pytest.raises(PermissionDenied):
                auth.add_user(ws, "x.y", "X", "viewer", "password-123")
            with pytest.raises(PermissionDenied):
                auth.set_active(ws, "admin", False)
            with pytest.raises(PermissionDenied):
                audit.list_events(ws.db, ws.actor)
            with pytest.raises(PermissionDenied):
                audit.verify(ws.db, ws.actor)
            win.close()
        finally:
            ws.close()


def test_change_my_password(window: MainWindow, qtbot, location):  # type: ignore[no-untyped-def]
    window.password_action.trigger()
    dialog = the_dialog(window, ChangePasswordDialog)
    type_text(dialog.current, "not-my-password")
    type_text(dialog.password, "a-new-password-9")
    type_text(dialog.password2, "a-new-password-9")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    label = dialog.errors.label("password")
    qtbot.waitUntil(label.isVisible, timeout=5000)
    assert label.text() == (
        "Mật khẩu hiện tại không đúng. Còn 4 lần thử trước khi tài khoản bị tạm khóa."
    )
    assert dialog.isVisible() and dialog.current.text() == ""
    auth.sign_in(location, "admin", ADMIN_PASSWORD).close()  # nothing changed

    type_text(dialog.current, ADMIN_PASSWORD)
    save(dialog, qtbot)
    assert "mật khẩu" in window.statusBar().currentMessage().lower()
    with pytest.raises(AuthError):
        auth.sign_in(location, "admin", ADMIN_PASSWORD)
    auth.sign_in(location, "admin", "a-new-password-9").close()


def test_change_my_password_from_settings(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    page = window.show_page("settings")
    qtbot.mouseClick(page.password_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, ChangePasswordDialog)
    type_text(dialog.current, ADMIN_PASSWORD)
    type_text(dialog.password, "a-new-password-9")
    type_text(dialog.password2, "a-new-password-8")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    label = dialog.errors.label("password2")
    qtbot.waitUntil(label.isVisible, timeout=3000)
    assert "không giống nhau" in label.text()
