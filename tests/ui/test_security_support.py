"""Shared by the test_security_* modules: an encrypted office database made by the first-run
service, and the main window signed in on it (the workspace in the UiContext, as
``app.run_gui`` does)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from tracker.config import DatabaseLocation
from tracker.db.reference import DEMO_UNITS
from tracker.services import auth, beneficiaries, places
from tracker.services.auth import Workspace
from tracker.services.beneficiaries import BeneficiaryInput
from tracker.services.office import OfficeInput
from tracker.ui import worker
from tracker.ui.context import UiContext
from tracker.ui.main_window import MainWindow

from ..conftest import TODAY
from .conftest import visible

ADMIN_PASSWORD = "mèo-vạc-2025"
OFFICER_PASSWORD = "hoa-password-1"


def office_input() -> OfficeInput:
    return OfficeInput(
        name="Hội LHPN xã Mèo Vạc",
        receipt_prefix="MV",
        kind="commune",
        province_code="08",
        unit_code="00769",
    )


@pytest.fixture
def location(tmp_path: Path) -> DatabaseLocation:
    return DatabaseLocation(path=tmp_path / "office" / "tracker.db")


@pytest.fixture
def workspace(location: DatabaseLocation) -> Iterator[Workspace]:
    """An encrypted database with its office and first administrator, signed in."""
    ws, _code = auth.create_workspace(
        location, office_input(), "admin", "Nguyễn Thị Lan", ADMIN_PASSWORD
    )
    with ws.db.write() as s:
        places.seed_units(s, DEMO_UNITS)
    yield ws
    ws.close()


@pytest.fixture
def open_window(qtbot) -> Iterator[Callable[[Workspace], MainWindow]]:  # type: ignore[no-untyped-def]
    """Builds the main window for a signed-in workspace; closes them all at the end."""
    made: list[MainWindow] = []

    def make(ws: Workspace) -> MainWindow:
        ctx = UiContext(db=ws.db, actor=ws.actor, clock=lambda: TODAY, workspace=ws)
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        qtbot.waitExposed(win)
        made.append(win)
        return win

    yield make
    worker.wait_for_tasks(10_000)
    for win in made:
        win.close()


@pytest.fixture
def window(workspace: Workspace, open_window) -> MainWindow:  # type: ignore[no-untyped-def]
    return open_window(workspace)


def register(ws: Workspace, name: str = "Đặng Thị Hồng Nhung") -> beneficiaries.BeneficiaryView:
    return beneficiaries.register(
        ws.db,
        ws.actor,
        BeneficiaryInput(
            full_name=name,
            alias="Nhung",
            sex="F",
            category="victim",
            ethnicity_code="08",
            birth_year=1998,
            commune_code="00769",
        ),
        today=TODAY,
    )


def the_dialog(parent: QWidget, cls: type) -> object:
    found = visible(parent, cls)
    assert len(found) == 1, f"expected one open {cls.__name__}, found {len(found)}"
    return found[0]
