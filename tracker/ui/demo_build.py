"""Building the demo database in front of the user: a small window with what is being made
and a progress bar, the work on the worker (``python -m tracker --demo``, which
``scripts/run-demo`` runs), then the sign-in as usual.

The first build takes about half a minute on an office PC, most of it writing the hundreds
of records one transaction at a time, as a user would: the window says so instead of
leaving the user in front of a terminal.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from tracker.config import DatabaseLocation
from tracker.demo import DEMO_PEOPLE, DemoSummary, build_demo_database
from tracker.ui.worker import Task, error_text, run_task


class _Relay(QObject):
    """Lives on the UI thread; the worker reports progress through it (queued)."""

    progress = Signal(int, int)


class DemoBuildDialog(QDialog):
    """Builds the demo database at ``location`` on the worker, showing how far it is."""

    def __init__(self, location: DatabaseLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.summary: DemoSummary | None = None
        self.error = ""
        self.setWindowTitle(self.tr("Grant Tracker – demo data"))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.explain = QLabel(
            self.tr(
                "The first start builds the demo database: a fictional commune office with "
                "about sixty invented people, their support, receipts and visits. It takes "
                "about half a minute; the sign-in follows."
            ),
            self,
        )
        self.explain.setWordWrap(True)
        self.step = QLabel(self.tr("Creating the encrypted database…"), self)
        self.step.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, DEMO_PEOPLE + 1)
        self.bar.setValue(0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.step)
        layout.addWidget(self.bar)
        self.setMinimumWidth(460)
        self._relay = _Relay(self)
        self._relay.progress.connect(self._moved)
        self.task: Task | None = None

    def start(self) -> Task:
        relay = self._relay
        location = self.location
        self.task = run_task(
            self,
            lambda: build_demo_database(location, progress=relay.progress.emit),
            on_success=self._built,
            on_failure=self._failed,
        )
        return self.task

    def exec(self) -> int:
        self.start()
        return super().exec()

    def _moved(self, done: int, total: int) -> None:
        self.bar.setRange(0, total + 1)
        self.bar.setValue(done)
        if done < total:
            self.step.setText(
                self.tr("People, their support and receipts: {done} of {total}…").format(
                    done=done, total=total
                )
            )
        else:
            self.step.setText(self.tr("Follow-up visits…"))

    def _built(self, summary: DemoSummary) -> None:
        self.summary = summary
        self.bar.setValue(self.bar.maximum())
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.error = error_text(exc)
        self.reject()

    def reject(self) -> None:
        # Only the build ends it: a half-built demo is removed by the build itself.
        if self.task is None or self.task.is_done:
            super().reject()
