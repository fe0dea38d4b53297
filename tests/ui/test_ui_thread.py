"""The reads that grow with the register (the paged lists, searching people) run on the
worker: loading a page, scrolling, searching and filtering never call them on the UI
thread. Each listed service function is wrapped to note a call made from the main thread."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest

from tracker.services import beneficiaries, grants, places, projects, receipts, visits
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput
from tracker.services.projects import ProjectView
from tracker.ui import flows, worker
from tracker.ui.context import UiContext
from tracker.ui.dialogs.grant_dialog import GrantDialog
from tracker.ui.dialogs.handover_dialog import HandoverDialog
from tracker.ui.main_window import MainWindow

from ..conftest import TODAY
from .conftest import choose_person, type_text
from .test_window import register_by_service, the_dialog

#: Service reads whose cost grows with the number of people, hand-overs or visits.
SLOW_READS: tuple[tuple[Any, str], ...] = (
    (beneficiaries, "search"),
    (beneficiaries, "count"),
    (grants, "list_grants"),
    (grants, "list_handovers"),
    (visits, "list_visits"),
    (visits, "count_visits"),
    (receipts, "list_receipts"),
    (receipts, "count_receipts"),
    (places, "place_names"),  # every unit kept, some 14,000
    (projects, "list_projects"),  # kept off the window's thread as every read of data
)


@pytest.fixture
def on_ui_thread(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the slow reads called from the main thread (filled as they happen)."""
    calls: list[str] = []

    def guarded(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is threading.main_thread():
                calls.append(name)
            return fn(*args, **kwargs)

        return wrapper

    for module, name in SLOW_READS:
        monkeypatch.setattr(
            module, name, guarded(f"{module.__name__}.{name}", getattr(module, name))
        )
    yield calls


def test_the_guard_sees_a_call_on_the_ui_thread(
    on_ui_thread: list[str], window: MainWindow
) -> None:
    beneficiaries.count(window.ctx.db, window.ctx.actor, "")
    assert on_ui_thread == ["tracker.services.beneficiaries.count"]


def test_pages_load_search_and_scroll_off_the_ui_thread(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, project: ProjectView, on_ui_thread: list[str]
):
    ctx = window.ctx
    names = ("Lò Thị Mai", "Sùng Thị Pà", "Giàng Thị Dế", "Vàng Thị Mỷ", "Lù Thị Chở")
    people = [register_by_service(ctx.db, ctx.actor, name) for name in names]
    grant = grants.plan_grant(
        ctx.db,
        ctx.actor,
        GrantInput(people[0].id, project.id, "cattle", date(2025, 5, 1),
                   (TrancheInput("Bò giống", quantity=1, unit_value=15_000_000),)),
        today=TODAY,
    )  # fmt: skip
    grants.record_handover(
        ctx.db,
        ctx.actor,
        HandoverInput(grant.id, date(2025, 5, 15), quantity=1, unit_value=15_000_000),
        today=TODAY,
    )
    register = window.show_page("beneficiaries")
    register.model.page_size = 2  # so that scrolling fetches more pages
    register.model.reload()
    qtbot.waitUntil(lambda: register.model.rowCount() >= 2, timeout=3000)
    while register.model.loading or register.model.canFetchMore():
        qtbot.waitUntil(lambda: not register.model.loading, timeout=3000)
        register.model.fetchMore()
    assert register.model.rowCount() == 5 and register.model.total == 5
    type_text(register.search, "sung thi pa")
    qtbot.waitUntil(lambda: register.model.rowCount() == 1, timeout=3000)

    for key in ("today", "grants", "visits", "receipts"):
        page = window.show_page(key)
        qtbot.waitUntil(lambda page=page: not page._stale and not getattr(
            getattr(page, "model", None), "loading", False), timeout=3000)  # fmt: skip
    visits_page = window.show_page("visits")
    visits_page.show_list("all")
    qtbot.waitUntil(lambda: visits_page.model.rowCount() > 0, timeout=3000)
    receipts_page = window.show_page("receipts")
    qtbot.waitUntil(lambda: receipts_page.model.rowCount() == 1, timeout=3000)
    type_text(receipts_page.search, "MV-2025")
    receipts_page.apply_filter()
    qtbot.waitUntil(lambda: receipts_page.model.rowCount() == 1, timeout=3000)

    # The person picker of the grant dialog searches on the worker too.
    flows.plan_grant(ctx, window)
    dialog = the_dialog(window, GrantDialog)
    with qtbot.waitSignal(dialog.picker.searched, timeout=3000):
        type_text(dialog.picker.search, "vang thi my")
    assert dialog.picker.value() is not None
    # The one project is chosen at once; what is left of its budget comes from the worker.
    assert dialog.project.currentData() == project.id
    qtbot.waitUntil(lambda: "Ngân sách còn:" in dialog.project_left.text(), timeout=3000)
    dialog.done(0)

    # A hand-over without a grant chosen: the person is searched and their open grants
    # read on the worker (never everyone's grants on the UI thread).
    window.handover_action.trigger()
    handover = the_dialog(window, HandoverDialog)
    choose_person(qtbot, handover, "lo thi mai")  # her one cow is handed over
    assert handover.current_grant() is None and not handover.grant.isEnabled()
    assert handover.summary.text() == "Người này không còn khoản hỗ trợ nào để trao."
    handover.done(0)
    # From the profile open: the person and their grants come from the worker too.
    grant = grants.plan_grant(
        ctx.db,
        ctx.actor,
        GrantInput(people[1].id, project.id, "initial_hardship", date(2025, 5, 1),
                   (TrancheInput("Trợ cấp", amount=2_000_000),)),
        today=TODAY,
    )  # fmt: skip
    register = window.show_page("beneficiaries")
    with qtbot.waitSignal(register.profile.loaded, timeout=5000):
        register.open_profile(people[1].id)
    window.handover_action.trigger()
    handover = the_dialog(window, HandoverDialog)
    with qtbot.waitSignal(handover.grants_loaded, timeout=5000):
        pass
    assert handover.person.value().id == people[1].id
    assert handover.current_grant().id == grant.id
    handover.done(0)

    assert on_ui_thread == []


def test_the_register_scrolls_by_key_and_stops_counting(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, on_ui_thread: list[str]
):
    """Each page of the register is read after the last row shown (never by skipping
    rows), in order and without a row twice, and the count stops past its limit: the
    label then says "more than"."""
    ctx = window.ctx
    names = ("Lò Thị Mai", "Sùng Thị Pà", "Giàng Thị Dế", "Vàng Thị Mỷ", "Lù Thị Chở")
    for name in names:
        register_by_service(ctx.db, ctx.actor, name)
    asked: list[dict[str, Any]] = []
    search = beneficiaries.search

    def noted(*args: Any, **kwargs: Any) -> Any:
        asked.append(kwargs)
        return search(*args, **kwargs)

    monkeypatch.setattr(beneficiaries, "search", noted)
    register = window.show_page("beneficiaries")
    monkeypatch.setattr(register.model, "COUNT_LIMIT", 3)
    register.model.page_size = 2
    register.model.reload()
    qtbot.waitUntil(lambda: register.model.rowCount() >= 2, timeout=3000)
    while register.model.loading or register.model.canFetchMore():
        qtbot.waitUntil(lambda: not register.model.loading, timeout=3000)
        register.model.fetchMore()
    assert on_ui_thread == []
    shown = [register.model.row_at(i).full_name for i in range(register.model.rowCount())]
    whole = [r.full_name for r in search(ctx.db, ctx.actor, "")]
    assert shown == whole and len(shown) == len(names)
    assert all(not kw.get("offset") for kw in asked)
    assert any(kw.get("after_id") for kw in asked)
    assert "3" in register.count_label.text() and str(len(names)) not in register.count_label.text()


def test_the_window_opens_with_today_alone_and_names_places_off_the_ui_thread(  # type: ignore[no-untyped-def]
    qtbot, ctx: UiContext, on_ui_thread: list[str]
):
    register_by_service(ctx.db, ctx.actor)  # lives in commune 00769, Mèo Vạc
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # The other pages are built when first shown: the window opens sooner.
    assert list(win.pages) == ["today"]
    assert win.nav.count() == len(win.page_keys) and win.nav.item(1).text() == "Người hưởng hỗ trợ"
    page = win.show_page("beneficiaries")
    assert list(win.pages) == ["today", "beneficiaries"]
    qtbot.waitUntil(lambda: worker.pending() == 0 and page.model.rowCount() == 1, timeout=5000)
    commune = page.model.index(0, page.model.column_of("commune"))
    assert page.model.data(commune) == "Mèo Vạc"
    assert on_ui_thread == []
    worker.wait_for_tasks(10_000)
    win.close()
