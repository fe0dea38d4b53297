"""The screen lock in the real window: Ctrl+L hides everything at once (the pages, menus,
status bar and any open dialog) behind the password; a wrong password keeps it locked, the
right one brings it all back; Quit closes the app; the idle timer locks too, after the
minutes set in Settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from tracker.ui import prefs
from tracker.ui.dialogs.account_dialogs import ChangePasswordDialog
from tracker.ui.lock import IdleLock, UnlockDialog
from tracker.ui.main_window import MainWindow

from . import test_security_support as support
from .conftest import type_text
from .test_security_support import ADMIN_PASSWORD, the_dialog

# The shared fixtures (an encrypted office database and the window signed in on it).
location = support.location
open_window = support.open_window
window = support.window
workspace = support.workspace


def press_ctrl_l(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    with qtbot.waitSignal(window.lock_changed, timeout=3000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def unlock_with(window: MainWindow, qtbot, password: str) -> UnlockDialog:  # type: ignore[no-untyped-def]
    dialog = window.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.password.clear()
    type_text(dialog.password, password)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return dialog


def test_ctrl_l_hides_everything_and_the_password_brings_it_back(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.lock_action in window.file_menu.actions()
    normal_title = window.windowTitle()
    press_ctrl_l(window, qtbot)

    assert window.locked
    assert not window.centralWidget().isVisible()
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert "Mèo Vạc" not in window.windowTitle() and window.windowTitle() != normal_title
    assert not window.new_action.isEnabled() and not window.lock_action.isEnabled()
    dialog = window.unlock_dialog
    assert isinstance(dialog, UnlockDialog) and dialog.isVisible()
    assert dialog.isModal()

    # A wrong password: the message, and it stays locked.
    unlock_with(window, qtbot, "not-the-password")
    label = dialog.errors.label("password")
    qtbot.waitUntil(label.isVisible, timeout=5000)
    assert label.text() == "Mật khẩu không đúng. Còn 4 lần thử trước khi tài khoản bị tạm khóa."
    assert window.locked and not window.centralWidget().isVisible() and dialog.isVisible()

    # Escape does not quit from the lock.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and window.isVisible()

    with qtbot.waitSignal(window.lock_changed, timeout=5000) as changed:
        unlock_with(window, qtbot, ADMIN_PASSWORD)
    assert changed.args == [False]
    assert not window.locked and window.unlock_dialog is None
    assert window.centralWidget().isVisible() and window.menuBar().isVisible()
    assert window.windowTitle() == normal_title
    assert window.new_action.isEnabled() and window.lock_action.isEnabled()
    assert window.idle_lock is not None and window.idle_lock.timer.isActive()


def test_the_lock_hides_open_dialogs_too(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    window.password_action.trigger()
    dialog = the_dialog(window, ChangePasswordDialog)
    type_text(dialog.current, "typed before the lock")
    window.lock_action.trigger()
    assert window.locked and not dialog.isVisible()
    with qtbot.waitSignal(window.lock_changed, timeout=5000):
        unlock_with(window, qtbot, ADMIN_PASSWORD)
    assert dialog.isVisible() and dialog.current.text() == "typed before the lock"
    dialog._dirty = False
    dialog.reject()


def test_quit_from_the_lock_closes_the_window(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    window.lock_action.trigger()
    dialog = window.unlock_dialog
    assert dialog.cancel_button.text() == "Thoát"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    assert window.locked, "closed while locked: nothing was shown again"


def test_idle_lock_emits_idle_after_its_interval(qtbot):  # type: ignore[no-untyped-def]
    lock = IdleLock(minutes=0.002)  # about 120 ms
    assert lock.timer.interval() == 120
    with qtbot.waitSignal(lock.idle, timeout=3000):
        pass
    lock.pause()
    assert not lock.timer.isActive()
    with qtbot.assertNotEmitted(lock.idle, wait=300):
        lock.watch(None)
    lock.deleteLater()


def test_the_idle_timer_locks_the_window(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    assert window.idle_lock is not None
    assert window.idle_lock.timer.interval() == 10 * 60_000, "ten minutes by default"
    with qtbot.waitSignal(window.lock_changed, timeout=3000):
        window.idle_lock.set_minutes(0.002)
    assert window.locked and not window.centralWidget().isVisible()
    assert not window.idle_lock.timer.isActive(), "no second lock while locked"
    with qtbot.waitSignal(window.lock_changed, timeout=5000):
        unlock_with(window, qtbot, ADMIN_PASSWORD)


def test_the_idle_minutes_are_a_setting(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    page = window.show_page("settings")
    assert page.idle_minutes.value() == 10
    assert (page.idle_minutes.minimum(), page.idle_minutes.maximum()) == (1, 120)
    page.idle_minutes.setValue(25)
    assert window.idle_lock.timer.interval() == 25 * 60_000
    assert int(QSettings(prefs.ORGANIZATION, prefs.APPLICATION).value(prefs.IDLE_MINUTES.key)) == 25
    assert prefs.IDLE_MINUTES.get() == 25
    page.idle_minutes.setValue(500)
    assert prefs.IDLE_MINUTES.get() == 120


def test_no_lock_without_a_signed_in_workspace(qtbot, ctx):  # type: ignore[no-untyped-def]
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    assert not win.lock_action.isEnabled() and win.idle_lock is None
    win.lock()
    assert not win.locked
    win.close()
