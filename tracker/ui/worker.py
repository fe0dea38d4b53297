"""The one helper for slow work: run a callable on a worker thread, show a progress dialog
if it takes longer than a blink, and come back on the UI thread with the result or the
error.

    run_task(
        self,
        lambda: visits.list_visits(db, actor, "open"),
        on_success=self._show_visits,
        label=self.tr("Loading visits…"),
    )

The callable runs on a QThreadPool thread and must not touch any widget; it should only
call services (each opens its own database session). ``on_success``/``on_failure`` run on
the UI thread, and only while ``owner`` (the widget that asked) still exists.

A task that can be cancelled (reads) shows a Cancel button: its result is then dropped.
A write cannot be taken back half-way, so it is started with ``cancellable=False``, and
with ``announce``: called with the result once the write has succeeded, even when the
widget that asked is gone, so that every page showing that data hears of it (the window's
one change-notice path: ``UiContext.write`` and ``DataEvents.changed``).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from tracker.services.errors import ServiceError
from tracker.ui.qtnames import Qt

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 300

_pool: QThreadPool | None = None
#: Tasks whose result has not come back yet, by id.
_running: dict[int, Task] = {}
_ids = itertools.count(1)


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


class _Relay(QObject):
    """The one object, made once on the UI thread and never deleted, through which every
    worker sends its result. A worker thread thus never holds the last reference to a Qt
    object, and no result can arrive at an object that is already gone."""

    result = Signal(int, bool, object)

    def __init__(self) -> None:
        super().__init__()
        self.result.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int, bool, object)
    def _deliver(self, task_id: int, ok: bool, payload: object) -> None:
        task = _running.pop(task_id, None)
        if task is not None:
            task._deliver(ok, payload)


_relay: _Relay | None = None


def relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._task_id = task_id
        self._fn: Callable[[], Any] | None = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        fn, self._fn = self._fn, None
        assert fn is not None
        try:
            result = fn()
        except Exception as exc:
            if not isinstance(exc, ServiceError):
                log.exception("background task failed")
            ok, payload = False, exc
        else:
            ok, payload = True, result
        del fn
        relay().result.emit(self._task_id, ok, payload)


class _BusyDialog(QProgressDialog):
    """A progress dialog that only closes through Cancel when cancelling is allowed."""

    def __init__(self, label: str, cancellable: bool, parent: QWidget | None) -> None:
        super().__init__(label, "", 0, 0, parent)
        self._cancellable = cancellable
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setWindowTitle(QGuiApplication.applicationDisplayName() or "Grant Tracker")
        if cancellable:
            self.setCancelButtonText(self.tr("Cancel"))
        else:
            self.setCancelButton(None)  # type: ignore[arg-type]

    def reject(self) -> None:
        if self._cancellable:
            super().reject()

    def closeEvent(self, event: Any) -> None:
        if self._cancellable:
            super().closeEvent(event)
        else:
            event.ignore()


class Task(QObject):
    """One piece of slow work. Emits exactly one of ``succeeded``, ``failed``, ``cancelled``,
    then ``finished``."""

    #: The callable returned; carries its result.
    succeeded = Signal(object)
    #: The callable raised; carries the exception.
    failed = Signal(object)
    #: The user pressed Cancel; any later result is dropped.
    cancelled = Signal()
    #: The task is over, whichever way.
    finished = Signal()

    def __init__(
        self,
        owner: QWidget | None,
        fn: Callable[[], Any],
        *,
        label: str = "",
        cancellable: bool = True,
        delay_ms: int = PROGRESS_DELAY_MS,
        announce: Callable[[Any], object] | None = None,
    ) -> None:
        super().__init__()
        self._owner = owner
        self._announce = announce
        self._fn = fn
        self._label = label
        self._cancellable = cancellable
        self._done = False
        self._dialog: _BusyDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._show_progress)

    @property
    def is_done(self) -> bool:
        return self._done

    def start(self) -> Task:
        task_id = next(_ids)
        _running[task_id] = self
        relay()  # made here, on the UI thread
        if self._label:
            self._timer.start()
        # The task keeps the callable too, so that it is let go on the UI thread.
        pool().start(_Job(task_id, self._fn))
        return self

    def cancel(self) -> None:
        if self._done:
            return
        self._finish()
        self.cancelled.emit()
        self.finished.emit()

    def _owner_alive(self) -> bool:
        return self._owner is None or shiboken6.isValid(self._owner)

    @Slot()
    def _show_progress(self) -> None:
        if self._done or not self._owner_alive():
            return
        self._dialog = _BusyDialog(self._label, self._cancellable, self._owner)
        self._dialog.canceled.connect(self.cancel)
        self._dialog.show()

    def _finish(self) -> None:
        self._done = True
        self._timer.stop()
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.hide()
            self._dialog.deleteLater()
        self._dialog = None

    def _deliver(self, ok: bool, payload: object) -> None:
        self._fn = lambda: None
        if self._done:
            return
        self._finish()
        if ok and self._announce is not None:
            self._announce(payload)
        if self._owner_alive():
            if ok:
                self.succeeded.emit(payload)
            else:
                self.failed.emit(payload)
        self.finished.emit()


def error_text(exc: BaseException) -> str:
    """What to tell the user about an error from a task."""
    if isinstance(exc, ServiceError):
        return exc.message()
    return QCoreApplication.translate(
        "worker",
        "The database could not do this: {error}\nNothing was changed. "
        "Try again; if it keeps failing, tell the person who looks after this computer.",
    ).format(error=str(exc) or type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("worker", "Could not finish"),
        error_text(exc),
    )


def run_task(
    owner: QWidget | None,
    fn: Callable[[], Any],
    *,
    on_success: Callable[[Any], object] | None = None,
    on_failure: Callable[[BaseException], object] | None = None,
    label: str = "",
    cancellable: bool = True,
    delay_ms: int = PROGRESS_DELAY_MS,
    announce: Callable[[Any], object] | None = None,
) -> Task:
    """Run ``fn`` on a worker thread; see the module docstring. Without ``on_failure`` an
    error is shown in a message box. Without ``label`` no progress dialog is shown."""
    task = Task(
        owner, fn, label=label, cancellable=cancellable, delay_ms=delay_ms, announce=announce
    )
    if on_success is not None:
        task.succeeded.connect(on_success)
    task.failed.connect(on_failure if on_failure is not None else (lambda e: show_error(owner, e)))
    return task.start()


def pending() -> int:
    """How many tasks have not come back yet."""
    return len(_running)


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    """Wait until every task has finished and delivered its result (shutdown, tests)."""
    deadline = QDeadlineTimer(timeout_ms)
    while _running:
        if deadline.hasExpired():
            return False
        pool().waitForDone(50)
        QCoreApplication.processEvents()
    return True
