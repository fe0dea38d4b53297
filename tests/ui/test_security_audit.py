"""The Audit page in the real window: events newest first with the values before and after,
filters, pages loaded as the list scrolls, the chain check (whole, then broken by a row
altered with plain SQL), and opening a profile leaving a "view" event."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from tracker.db.engine import sqlite_connect
from tracker.services import audit, auth
from tracker.services.auth import Workspace
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets import set_combo_data

from . import test_security_support as support
from .test_security_support import OFFICER_PASSWORD, register

# The shared fixtures (an encrypted office database and the window signed in on it).
location = support.location
open_window = support.open_window
window = support.window
workspace = support.workspace


def audit_page(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    page = window.show_page("audit")
    assert page.key == "audit"
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() > 0, timeout=5000)
    return page


def test_events_newest_first_with_details_and_a_whole_chain(window: MainWindow, qtbot, workspace):  # type: ignore[no-untyped-def]
    person = register(workspace)
    page = audit_page(window, qtbot)
    rows = page.model.rows()
    assert [r.id for r in rows] == sorted((r.id for r in rows), reverse=True)
    newest = rows[0]
    assert (newest.action, newest.entity, newest.entity_id) == ("create", "beneficiary", person.id)
    m = page.model
    assert m.index(0, m.column_of("username")).data() == "admin"
    assert m.index(0, m.column_of("entity_id")).data() == str(person.id)
    assert m.index(0, m.column_of("at")).data().count(":") == 2  # a local time of day

    page.view.selectRow(0)
    text = page.details.toPlainText()
    assert f"#{newest.id}" in text
    assert json.dumps("Đặng Thị Hồng Nhung", ensure_ascii=False) in text, "names show to admins"
    assert '"code": "MV-00001"' in text

    with qtbot.waitSignal(page.verified, timeout=5000) as done:
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    report = done.args[0]
    assert report.ok and report.checked == len(rows)
    assert page.verify_result.isVisible()
    assert str(report.checked) in page.verify_result.text()


def test_a_row_altered_outside_the_app_is_named(window: MainWindow, qtbot, workspace):  # type: ignore[no-untyped-def]
    register(workspace)
    register(workspace, "Vàng Thị Mỷ")
    page = audit_page(window, qtbot)
    target = page.model.rows()[1]  # the first registration

    conn = sqlite_connect(workspace.db.location.path, workspace.key)
    try:
        conn.execute(
            "UPDATE audit_event SET after = ? WHERE id = ?",
            (json.dumps({"full_name": "Người khác"}), target.id),
        )
        conn.commit()
    finally:
        conn.close()

    with qtbot.waitSignal(page.verified, timeout=5000) as done:
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    report = done.args[0]
    assert not report.ok and report.broken_at == target.id
    assert f"#{target.id}" in page.verify_result.text()
    assert page.verify_result.isVisible()


def test_filters_by_user_record_and_dates(window: MainWindow, qtbot, workspace, location):  # type: ignore[no-untyped-def]
    auth.add_user(workspace, "hoa", "Vàng Thị Hoa", "officer", OFFICER_PASSWORD)
    hoa = auth.sign_in(location, "hoa", OFFICER_PASSWORD)
    try:
        register(hoa)
    finally:
        hoa.close()
    page = audit_page(window, qtbot)
    qtbot.waitUntil(lambda: page.user.findData("hoa") > 0, timeout=5000)

    with qtbot.waitSignal(page.loaded, timeout=5000):
        set_combo_data(page.user, "hoa")
    assert {r.username for r in page.model.rows()} == {"hoa"}
    assert {r.action for r in page.model.rows()} == {"sign_in", "create"}

    with qtbot.waitSignal(page.loaded, timeout=5000):
        set_combo_data(page.entity, "beneficiary")
    assert [(r.action, r.entity) for r in page.model.rows()] == [("create", "beneficiary")]

    # Days: today (local) has them; a range in the past has none.
    today = page.model.rows()[0].at.astimezone().date()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.since.set_value(today)
    assert page.model.rowCount() == 1
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.until.set_value(today.replace(year=today.year - 1))
    assert page.model.rowCount() == 0
    assert "0" in page.count_label.text()


def test_pages_load_as_the_list_scrolls(window: MainWindow, qtbot, workspace):  # type: ignore[no-untyped-def]
    given = (
        "Mai",
        "Lan",
        "Huệ",
        "Xuân",
        "Thảo",
        "Ngọc",
        "Bích",
        "Cúc",
        "Dung",
        "Hằng",
        "Khánh",
        "Phương",
    )
    for name in given:  # names far apart: no look-alike warning stops a registration
        register(workspace, f"Giàng Thị {name}")
    total = len(audit.list_events(workspace.db, workspace.actor, limit=1000))
    page = window.show_page("audit")
    qtbot.waitUntil(lambda: not page.model.loading, timeout=5000)
    page.page_size = 5
    counts: list[int] = []
    page.loaded.connect(counts.append)
    page.reload()

    def all_loaded() -> bool:
        if page.model.canFetchMore():
            page.model.fetchMore()  # what scrolling to the end does
        return page.model.exhausted and not page.model.loading

    qtbot.waitUntil(all_loaded, timeout=5000)
    assert counts[0] == 5, "the first page only"
    assert counts == [*range(5, total, 5), total]
    assert page.model.rowCount() == total
    ids = [r.id for r in page.model.rows()]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == total


def test_opening_a_profile_is_written_to_the_audit_trail(
    window: MainWindow, qtbot, workspace: Workspace
):  # type: ignore[no-untyped-def]
    person = register(workspace)
    people = window.show_page("beneficiaries")
    qtbot.waitUntil(lambda: people.model.rowCount() == 1, timeout=5000)
    with qtbot.waitSignal(people.profile.loaded, timeout=5000):
        people.open_profile(person.id)
    views = audit.list_events(workspace.db, workspace.actor, action="view")
    assert [(v.entity, v.entity_id, v.after) for v in views] == [
        ("beneficiary", person.id, {"what": "profile"})
    ]
    assert views[0].username == "admin"
