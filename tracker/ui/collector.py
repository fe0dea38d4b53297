"""Python's cyclic garbage collector, run on the UI thread only.

Left to itself, the collector runs on whichever thread happens to allocate when a
threshold is crossed, often a worker thread busy with a database query. If the garbage
it finds holds a Qt object (a dialog in a reference cycle with its own slots, say), Qt
would then destroy that object on the worker thread, and a widget destroyed off the UI
thread can crash the program later, far from the cause. So while the window is up,
automatic collection is off and a timer on the UI thread collects each generation when
its threshold is crossed, the same rule the collector itself would follow.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250

_installed: UiThreadCollector | None = None
_settled = False


class UiThreadCollector(QObject):
    def __init__(self, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def collect_if_due(self) -> int:
        """Collect the oldest generation that is due; returns it, or -1 when nothing was."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        for generation in (2, 1):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return generation
        if counts[0] > 0:
            gc.collect(0)
            return 0
        return -1

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()


def install() -> UiThreadCollector:
    """Start collecting on the UI thread (once per process; call from the UI thread)."""
    global _installed
    if _installed is None:
        _installed = UiThreadCollector()
    return _installed


def settle() -> None:
    """The start-up work is done (modules loaded, indexes and caches made, the window's
    frame built, all while the password was typed): move every object there is now out
    of the collector's sight (``gc.freeze``). They live as long as the process, some
    200,000 of them; scanning them took a collection 0.1 s each time, holding the
    interpreter (one due when "Sign in" was clicked held the sign-in back as long).
    Later collections scan only what came after. Nothing is collected first: the start-up
    leaves a few dozen unreachable objects, not worth a 0.1 s pause while typing.

    Once per process: a later sign-in (after a restore) would freeze the closed window's
    garbage with the rest."""
    global _settled
    if not _settled:
        _settled = True
        gc.freeze()


def uninstall() -> None:
    """Give collection back to Python (after the window closed, or after a test)."""
    global _installed, _settled
    collector, _installed = _installed, None
    gc.unfreeze()
    _settled = False
    if collector is not None:
        collector.stop()
        collector.deleteLater()
