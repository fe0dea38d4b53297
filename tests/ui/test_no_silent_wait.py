"""No waiting in silence: the demo database is built in a window that says what it is doing
and how far it is, and moving between pages (the Reports page and its quarters included)
leaves the window answering: a timer on the UI thread keeps ticking while each page loads
its data on the worker. The figures (longest stall per page change) are measured by
``benchmarks/bench_ui_stall.py``; this test only catches a page that freezes the window."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from tracker.config import DatabaseLocation
from tracker.services import reports
from tracker.ui import demo_build
from tracker.ui.demo_build import DemoBuildDialog
from tracker.ui.main_window import MainWindow
from tracker.ui.translations import translations
from tracker.ui.worker import pending

#: Far above the 100 ms the benchmark holds to, far below the seconds a page that reads
#: the database on the UI thread would freeze the window on a loaded test machine.
FROZEN_MS = 1500


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_demo_is_built_in_a_window_with_its_progress(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
):
    translations().use(lang)
    location = DatabaseLocation(path=tmp_path / "demo.db")
    dialog = DemoBuildDialog(location)
    qtbot.addWidget(dialog)
    seen: list[tuple[int, str]] = []
    dialog.bar.valueChanged.connect(lambda v: seen.append((v, dialog.step.text())))
    real = demo_build.build_demo_database
    monkeypatch.setattr(
        demo_build,
        "build_demo_database",
        lambda loc, progress=None: real(loc, people=3, progress=progress),
    )
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        dialog.show()
        dialog.start()
    word = "trên" if lang == "vi" else "of"
    assert any(f"1 {word} 3" in text for _v, text in seen), seen
    assert seen[-1][0] == dialog.bar.maximum()
    assert dialog.summary is not None and dialog.summary.beneficiaries == 3
    assert location.path is not None and location.path.exists()
    explain = dialog.explain.text()
    assert ("dữ liệu mẫu" in explain) if lang == "vi" else ("demo database" in explain)


def test_page_changes_leave_the_window_answering(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    ticks: list[float] = []
    beat = QTimer()
    beat.setInterval(5)
    beat.timeout.connect(lambda: ticks.append(time.perf_counter()))

    def longest_stall(action) -> float:  # type: ignore[no-untyped-def]
        ticks.clear()
        beat.start()
        qtbot.wait(20)
        action()
        page = demo_window.current_page()
        qtbot.waitUntil(
            lambda: not page._stale and not pending() and not getattr(
                getattr(page, "model", None), "loading", False), timeout=20_000
        )  # fmt: skip
        qtbot.wait(150)
        beat.stop()
        return max((b - a) * 1000 for a, b in itertools.pairwise(ticks))

    stalls = {}
    for key in demo_window.page_keys:
        stalls[key] = longest_stall(lambda key=key: demo_window.show_page(key))
    page = demo_window.show_page("reports")
    for quarter in (1, 2, 3):
        stalls[f"reports Q{quarter}"] = longest_stall(
            lambda q=quarter: page.set_period(reports.quarter(2025, q))
        )
    frozen = {k: round(v) for k, v in stalls.items() if v > FROZEN_MS}
    assert frozen == {}, stalls
