"""No text is cut off at 1366 x 768, in Vietnamese or English, names shown or not: every
visible cell of every list, every header, label and button of every page and dialog is as
wide as its text (compared with the font's measure of it), long messages wrap and are
shown whole."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTreeView

from tracker.services import beneficiaries, visits
from tracker.ui.main_window import MainWindow
from tracker.ui.translations import translations
from tracker.ui.worker import pending

from .cut_off import cut_off
from .dialog_catalogue import dialogs


def settle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.current_page()
    qtbot.waitUntil(
        lambda: not page._stale and not pending() and not getattr(
            getattr(page, "model", None), "loading", False), timeout=10_000
    )  # fmt: skip
    qtbot.wait(60)


@pytest.mark.parametrize("names", [False, True], ids=["codes", "names"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_page_cuts_a_text_off(demo_window: MainWindow, qtbot, lang: str, names: bool) -> None:  # type: ignore[no-untyped-def]
    translations().use(lang)
    demo_window.ctx.set_names_visible(names)
    problems: dict[str, list[str]] = {}
    for key in demo_window.page_keys:
        demo_window.show_page(key)
        settle(qtbot, demo_window)
        if found := cut_off(demo_window):
            problems[key] = found
    # A profile open beside the register: its grants, hand-overs, visits and animals.
    page = demo_window.show_page("beneficiaries")
    settle(qtbot, demo_window)
    ctx = demo_window.ctx
    person = next(  # someone given a cow (the asset history) and visited
        row.id for row in beneficiaries.search(ctx.db, ctx.actor, "", limit=100)
        if visits.list_assets(ctx.db, ctx.actor, row.id)
    )  # fmt: skip
    page.select(person)
    page.open_profile(person)
    qtbot.waitUntil(lambda: page.profile.isVisible(), timeout=10_000)
    qtbot.wait(400)
    profile = page.profile
    for tab in range(profile.tabs.count()):  # every tab, the trees (asset history) opened
        profile.tabs.setCurrentIndex(tab)
        for tree in profile.findChildren(QTreeView):
            tree.expandAll()
        qtbot.wait(60)
        if found := cut_off(demo_window):
            problems[f"profile tab {tab}"] = found
    assert problems == {}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_dialog_cuts_a_text_off(demo_window: MainWindow, qtbot, lang: str) -> None:  # type: ignore[no-untyped-def]
    translations().use(lang)
    problems: dict[str, list[str]] = {}
    for name, make in dialogs().items():
        dialog = make(demo_window.ctx, demo_window)
        dialog.show()
        qtbot.wait(80)
        if found := cut_off(dialog):
            problems[name] = found
        dialog.hide()
        dialog.deleteLater()
    assert problems == {}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_over_plan_message_is_read_whole(demo_window: MainWindow, qtbot, lang: str) -> None:  # type: ignore[no-untyped-def]
    from tracker.services import grants
    from tracker.ui.dialogs.handover_dialog import HandoverDialog

    translations().use(lang)
    ctx = demo_window.ctx
    cash = next(
        g for g in grants.list_grants(ctx.db, ctx.actor)
        if g.status in ("planned", "active") and g.remaining > 0 and g.grant_type in (
            "monthly_allowance", "initial_hardship", "scholarship")
    )  # fmt: skip
    dialog = HandoverDialog(ctx, cash, demo_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.amount.setValue(cash.remaining + 7_000_000)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.amount_error.isVisible(), timeout=10_000)
    qtbot.wait(100)
    message = dialog.amount_error.text()
    # The message says by how much, and every line of it is on screen.
    assert any(ch.isdigit() for ch in message) and len(message) > 40
    assert cut_off(dialog) == []
    dialog.done(0)
