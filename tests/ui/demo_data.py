"""The demo office as a test fixture: built once per test session (a smaller register than
the real demo, same shapes: cattle, looms, allowances, scholarships, receipts, visits done,
due and overdue), copied for each test that opens the window on it.

Import the fixtures into a test module: ``from .demo_data import demo_ctx, demo_window``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from tracker.config import DatabaseLocation
from tracker.db import vault
from tracker.demo import DEMO_ADMIN, DEMO_FILE_SUFFIXES, DEMO_PASSWORD, build_demo_database
from tracker.services import auth, office
from tracker.ui import worker
from tracker.ui.context import UiContext
from tracker.ui.main_window import MainWindow

#: The day the demo is built for and the window thinks it is.
DEMO_TODAY = date(2025, 11, 20)
DEMO_PEOPLE = 24
#: A common office laptop screen, less a 40-pixel taskbar.
SCREEN_1366 = (1366, 768 - 40)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once (passwords hashed at the lowest cost)."""
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(vault, "KDF", {"time_cost": 1, "memory_cost": 8, "parallelism": 1})
        mp.setattr(office, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        build_demo_database(DatabaseLocation(path=path), today=DEMO_TODAY, people=DEMO_PEOPLE)
    return path


@pytest.fixture
def demo_ctx(demo_file: Path, tmp_path: Path) -> Iterator[UiContext]:
    """The window's context on a fresh copy of the demo, signed in as its administrator."""
    target = tmp_path / "demo.db"
    for suffix in DEMO_FILE_SUFFIXES:
        source = demo_file.with_name(demo_file.name + suffix)
        if source.exists():
            shutil.copy(source, target.with_name(target.name + suffix))
    ws = auth.sign_in(DatabaseLocation(path=target), DEMO_ADMIN, DEMO_PASSWORD)
    yield UiContext(db=ws.db, actor=ws.actor, workspace=ws, clock=lambda: DEMO_TODAY)
    worker.wait_for_tasks(10_000)
    ws.close()


@pytest.fixture
def demo_window(qtbot, demo_ctx: UiContext) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window on the demo at 1366 x 728 (a 1366 x 768 screen less the taskbar)."""
    win = MainWindow(demo_ctx)
    qtbot.addWidget(win)
    win.resize(*SCREEN_1366)
    win.show()
    qtbot.waitExposed(win)
    yield win
    worker.wait_for_tasks(10_000)
    win.close()
