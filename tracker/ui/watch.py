"""Several PCs on one database: the window polls a cheap change mark (the audit trail's
newest id) every few seconds and, when another PC wrote something, announces the kinds of
data it changed on ``ctx.events.changed`` like a write of its own, so that the lists and
Today reload without a restart."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QTimer

from tracker.services import audit
from tracker.ui.context import Change, UiContext

#: How often the mark is read (milliseconds); TRACKER_POLL_MS overrides it (0: off).
POLL_MS = 4000
ENV_POLL = "TRACKER_POLL_MS"

#: The kinds of data an audited entity's events change.
KINDS: dict[str, frozenset[Change]] = {
    "beneficiary": frozenset({Change.BENEFICIARY}),
    "grant": frozenset({Change.GRANT}),
    "disbursement": frozenset({Change.HANDOVER, Change.RECEIPT, Change.VISIT}),
    "receipt": frozenset({Change.RECEIPT}),
    "visit": frozenset({Change.VISIT}),
    "asset": frozenset({Change.VISIT}),
    "project": frozenset({Change.PROJECT}),
    "grant_type": frozenset({Change.GRANT_TYPE}),
    "office": frozenset({Change.OFFICE}),
    "user": frozenset({Change.USER}),
    "backup": frozenset({Change.BACKUP}),
    "export": frozenset({Change.EXPORT}),
}


def poll_interval(shared: bool) -> int:
    """The polling interval: on a shared server (PostgreSQL) by default, on a file only
    when TRACKER_POLL_MS asks for it."""
    try:
        return max(0, int(os.environ[ENV_POLL]))
    except (KeyError, ValueError):
        return POLL_MS if shared else 0


class ChangeWatcher(QObject):
    """Reads the change mark on the worker at each tick; one read at a time."""

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_id: int | None = None
        self._busy = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)

    def start(self, interval_ms: int) -> None:
        if interval_ms > 0:
            self.timer.start(interval_ms)
            self.poll()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> None:
        if self._busy:
            return
        self._busy = True
        db, actor, after = self.ctx.db, self.ctx.actor, self.last_id
        self.ctx.read(
            None,
            lambda: audit.changes_since(db, actor, after),
            on_success=self._got,
            on_failure=self._failed,
        )

    def _failed(self, _exc: BaseException) -> None:
        self._busy = False  # the server away for a moment: the next tick tries again

    def _got(self, mark: audit.ChangeMark) -> None:
        self._busy = False
        self.last_id = mark.last_id
        kinds: set[Change] = set()
        for entity in mark.entities:
            kinds |= KINDS.get(entity, frozenset())
        if kinds:
            self.ctx.events.announce(kinds, None)
