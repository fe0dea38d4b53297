"""The Province page of a province-level office: register an office, see it on the board,
and a stick without a bundle told in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.db import Database
from tracker.services import office
from tracker.services.context import Actor
from tracker.ui import worker
from tracker.ui.context import Change, UiContext
from tracker.ui.main_window import MainWindow
from tracker.ui.pages import province as province_page
from tracker.ui.pages.province import RegisterDialog

from ..conftest import TODAY
from .conftest import touches


def _window(qtbot, ctx: UiContext) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_a_commune_office_has_no_province_page(qtbot, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, ctx)
    assert "province" not in win.page_keys
    worker.wait_for_tasks(10_000)


def test_the_province_page_registers_an_office_and_reads_a_stick(  # type: ignore[no-untyped-def]
    qtbot,
    sqlite_db: Database,
    actors: dict[str, Actor],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = office.save_office(
        sqlite_db,
        actors["admin"],
        office.OfficeInput(
            name="Hội LHPN tỉnh Tuyên Quang", receipt_prefix="TQ", kind="province",
            province_code="08",
        ),
    )  # fmt: skip
    ctx = UiContext(db=sqlite_db, actor=actors["admin"], clock=lambda: TODAY, office=view)
    win = _window(qtbot, ctx)
    assert "province" in win.page_keys
    page = win.show_page("province")
    assert isinstance(page, province_page.ProvincePage)
    assert page.import_button.text() == "Nhập từ USB…"
    monkeypatch.setattr(
        RegisterDialog,
        "ask",
        classmethod(
            lambda cls, parent=None: ("Hội LHPN xã Mèo Vạc", "abcd efgh " * 3 + "ijkl mnop")
        ),
    )
    with qtbot.waitSignal(ctx.events.changed, check_params_cb=touches(Change.PROVINCE)):
        page.register_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    item = page.table.item(0, 0)
    assert item is not None and item.text() == "Hội LHPN xã Mèo Vạc"
    header = page.table.horizontalHeaderItem(1)
    assert header is not None and header.text().startswith("Quý")
    monkeypatch.setattr(province_page, "choose_folder", lambda *a, **k: str(tmp_path))
    page.import_button.click()
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=5000)
    assert "Không thấy gói báo cáo cấp tỉnh" in page.banner.text()
    worker.wait_for_tasks(10_000)
    win.close()
