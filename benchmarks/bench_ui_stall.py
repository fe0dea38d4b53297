"""How long the UI thread stops answering while the user moves between pages, on the demo
office (60 people): a timer on the UI thread ticks every 5 ms; the longest gap between two
ticks is the longest stall the user could feel (aim: under 100 ms).

Run: ``.venv/bin/python benchmarks/bench_ui_stall.py [--db /tmp/tracker-bench/demo.db]
[--people 60] [--rounds 3]``

The demo is built once (through the services, as ``tracker demo`` does) and reused. The
window opens offscreen at 1366 x 728 in Vietnamese; for each round the script goes to
every page in the order of the navigation, waits until its data is shown, then changes
the Reports page's quarter four times, and prints per step the longest stall and how long
the data took to show. The bare baseline is the same heartbeat with no page change.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TODAY = date(2025, 11, 20)


class Heartbeat:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst * 1000


def run_for(app, seconds: float) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        app.processEvents()
        time.sleep(0.002)


def wait_until(app, done, timeout: float = 30.0) -> float:  # type: ignore[no-untyped-def]
    """Run the event loop until ``done()``, then 250 ms more (what follows a load: layout,
    painting); returns how long ``done()`` took."""
    start = time.perf_counter()
    while not done():
        app.processEvents()
        time.sleep(0.002)
        if time.perf_counter() - start > timeout:
            raise TimeoutError("the page did not load")
    took = (time.perf_counter() - start) * 1000
    run_for(app, 0.25)
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/tracker-bench/demo.db"))
    parser.add_argument("--people", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from tracker.config import DatabaseLocation
    from tracker.demo import DEMO_ADMIN, DEMO_PASSWORD, build_demo_database
    from tracker.services import auth, reports
    from tracker.ui import translations
    from tracker.ui.context import UiContext
    from tracker.ui.main_window import MainWindow
    from tracker.ui.worker import pending

    location = DatabaseLocation(path=args.db)
    if not args.db.exists():
        print(f"building the demo ({args.people} people) in {args.db}…", flush=True)
        started = time.perf_counter()
        build_demo_database(location, today=TODAY, people=args.people)
        print(f"  built in {time.perf_counter() - started:.1f} s")
    app = QApplication.instance() or QApplication([])
    translations.translations().use("vi")
    ws = auth.sign_in(location, DEMO_ADMIN, DEMO_PASSWORD)
    ctx = UiContext(db=ws.db, actor=ws.actor, workspace=ws, clock=lambda: TODAY)
    window = MainWindow(ctx)
    window.resize(1366, 728)
    window.show()
    beat = Heartbeat()

    def loaded(page) -> bool:  # type: ignore[no-untyped-def]
        model = getattr(page, "model", None)
        return not page._stale and not pending() and not getattr(model, "loading", False)

    run_for(app, 2.0)  # the window's first show and the Today page
    beat.start()
    run_for(app, 1.0)
    print(f"{'baseline (no page change, 1 s)':<38} longest stall {beat.stop():7.1f} ms")

    worst_all = 0.0
    for round_no in range(1, args.rounds + 1):
        print(f"round {round_no}")
        for key in window.page_keys:
            beat.start()
            page = window.show_page(key)
            took = wait_until(app, lambda page=page: loaded(page))
            stall = beat.stop()
            worst_all = max(worst_all, stall)
            print(f"  {key:<36} longest stall {stall:7.1f} ms   shown after {took:7.1f} ms")
        page = window.show_page("reports")
        wait_until(app, lambda page=page: loaded(page))
        for quarter in (1, 2, 3, 4):
            beat.start()
            page.set_period(reports.quarter(2025, quarter))
            took = wait_until(app, lambda page=page: loaded(page))
            stall = beat.stop()
            worst_all = max(worst_all, stall)
            print(f"  reports, quarter {quarter:<19} longest stall {stall:7.1f} ms   "
                  f"shown after {took:7.1f} ms")  # fmt: skip
    print(f"longest stall of all page changes: {worst_all:.1f} ms")
    window.close()
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
