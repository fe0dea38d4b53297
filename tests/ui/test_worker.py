"""The one helper for slow work: results and errors come back on the UI thread, a progress
dialog shows only when the work takes longer than a blink, and Cancel drops the result."""

from __future__ import annotations

import gc
import threading
import time
import weakref

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from tracker.services.errors import ValidationError
from tracker.ui import worker
from tracker.ui.worker import error_text, run_task


def test_result_comes_back_on_the_ui_thread(qtbot):  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    ran_on: list[object] = []
    got: list[object] = []

    def work() -> int:
        ran_on.append(threading.current_thread())
        return 42

    def done(value: object) -> None:
        got.append((value, QThread.currentThread() is QApplication.instance().thread()))

    task = run_task(owner, work, on_success=done)
    with qtbot.waitSignal(task.finished, timeout=3000):
        pass
    assert got == [(42, True)]
    assert ran_on and ran_on[0] is not threading.main_thread()


def test_errors_come_back_too(qtbot):  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    failures: list[BaseException] = []

    def work() -> None:
        raise ValidationError("required", "full_name")

    task = run_task(owner, work, on_failure=failures.append)
    with qtbot.waitSignal(task.finished, timeout=3000):
        pass
    assert len(failures) == 1
    assert error_text(failures[0]) == "Họ và tên: không được để trống."


def test_progress_shows_after_a_delay_and_cancel_drops_the_result(qtbot):  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    release = threading.Event()
    got: list[object] = []
    task = run_task(
        owner,
        lambda: release.wait(5) and "late",
        on_success=got.append,
        label="Đang làm…",
        delay_ms=50,
    )
    qtbot.waitUntil(lambda: bool(owner.findChildren(QProgressDialog)), timeout=3000)
    dialog = owner.findChildren(QProgressDialog)[0]
    assert dialog.isVisible() and dialog.labelText() == "Đang làm…"
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Hủy"
    with qtbot.waitSignal(task.cancelled, timeout=1000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    release.set()
    assert worker.wait_for_tasks(3000)
    assert got == []


def test_quick_work_shows_no_progress(qtbot):  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    task = run_task(owner, lambda: time.sleep(0.01), label="Đang làm…", delay_ms=2000)
    with qtbot.waitSignal(task.finished, timeout=3000):
        pass
    assert not [d for d in owner.findChildren(QProgressDialog) if d.isVisible()]


def test_cyclic_garbage_is_collected_on_the_ui_thread_only(qtbot):  # type: ignore[no-untyped-def]
    """Garbage in a reference cycle (as a dialog connected to its own slots is) must not be
    freed on a worker thread, however much the worker allocates."""
    assert not gc.isenabled(), "the UI-thread collector is installed"
    freed_on: list[threading.Thread] = []

    class Cycle:
        pass

    cycle = Cycle()
    cycle.me = cycle  # type: ignore[attr-defined]
    weakref.finalize(cycle, lambda: freed_on.append(threading.current_thread()))
    del cycle

    def allocate() -> int:
        rows = [[i] for i in range(200_000)]  # far past every collection threshold
        return len(rows)

    task = run_task(None, allocate)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert all(t is threading.main_thread() for t in freed_on)
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)
    assert freed_on == [threading.main_thread()]
