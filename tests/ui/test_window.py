"""The desktop window driven through its real widgets on a fresh database: registering,
searching, the duplicate warning, planning a cattle grant, the hand-over, the visit it
schedules, recording that visit with a calf born, and the profile showing the calf."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from tracker.db import Database
from tracker.i18n import get_language
from tracker.services import beneficiaries, grants, office, receipts, visits
from tracker.services.beneficiaries import BeneficiaryInput
from tracker.services.context import Actor
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput
from tracker.services.projects import ProjectView
from tracker.ui import prefs, worker
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.beneficiary_dialog import BeneficiaryDialog
from tracker.ui.dialogs.grant_dialog import GrantDialog
from tracker.ui.dialogs.handover_dialog import HandoverDialog
from tracker.ui.dialogs.visit_dialog import VisitDialog
from tracker.ui.main_window import PAGE_ORDER, MainWindow
from tracker.ui.models import ROW_ROLE, BeneficiaryTableModel
from tracker.ui.widgets import set_combo_data

from ..conftest import TODAY
from .conftest import choose_person, loaded, touches, type_text, visible

NAME = "Đặng Thị Hồng Nhung"


def the_dialog(window: MainWindow, cls: type) -> object:
    found = visible(window, cls)
    assert len(found) == 1, f"expected one open {cls.__name__}, found {len(found)}"
    return found[0]


def fill_person(dialog: BeneficiaryDialog, qtbot, name: str = NAME) -> None:  # type: ignore[no-untyped-def]
    type_text(dialog.full_name, name)
    type_text(dialog.alias, "Nhung")
    set_combo_data(dialog.sex, "F")
    dialog.birth_year.setValue(1998)
    set_combo_data(dialog.ethnicity, "08")
    set_combo_data(dialog.category, "victim")
    dialog.place.set_code("00769")
    type_text(dialog.village, "Pả Vi Thượng")


def save(dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def register_by_service(
    db: Database, actor: Actor, name: str = NAME
) -> beneficiaries.BeneficiaryView:
    return beneficiaries.register(
        db,
        actor,
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


def cow_handed_over(db: Database, actor: Actor, project_id: int, planned: date, handed: date):  # type: ignore[no-untyped-def]
    """A person registered, a breeding cow planned on ``planned`` and handed over on
    ``handed`` (which schedules the cattle visits); returns the hand-over."""
    person = register_by_service(db, actor)
    grant = grants.plan_grant(
        db,
        actor,
        GrantInput(person.id, project_id, "cattle", planned,
                   (TrancheInput("Bò giống", quantity=1, unit_value=15_000_000),)),
        today=TODAY,
    )  # fmt: skip
    return grants.record_handover(
        db,
        actor,
        HandoverInput(grant.id, handed, quantity=1, unit_value=15_000_000),
        today=TODAY,
    )


def table_texts(model, column_key: str) -> list[str]:  # type: ignore[no-untyped-def]
    col = model.column_of(column_key)
    return [model.index(r, col).data() for r in range(model.rowCount())]


# --- registering and finding ------------------------------------------------------------


def test_register_a_beneficiary_and_find_them_without_diacritics(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    page = window.show_page("beneficiaries")
    assert page.model.rowCount() == 0
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, BeneficiaryDialog)
    fill_person(dialog, qtbot)
    save(dialog, qtbot)

    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    row = page.model.row_at(0)
    assert row.full_name == NAME and row.code == "MV-00001"
    # Names are hidden in the list until asked for: the code and the alias show.
    assert table_texts(page.model, "code") == ["MV-00001"]
    assert table_texts(page.model, "name") == ["Nhung"]
    assert NAME not in table_texts(page.model, "name")
    qtbot.mouseClick(page.show_names, Qt.MouseButton.LeftButton)
    assert table_texts(page.model, "name") == [f"{NAME} (Nhung)"]
    assert table_texts(page.model, "commune") == ["Mèo Vạc"]

    # Another person, then search as people type: without diacritics, in lower case.
    register_by_service(window.ctx.db, window.ctx.actor, "Vàng Thị Mỷ")
    page.refresh()
    loaded(qtbot, page.model)
    assert page.model.rowCount() == 2
    type_text(page.search, "dang thi hong")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.model.row_at(0).full_name == NAME
    assert "1" in page.count_label.text()
    page.search.clear()
    type_text(page.search, "khong co ai")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=3000)


def test_the_duplicate_warning_before_saving(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    first = register_by_service(window.ctx.db, window.ctx.actor)
    page = window.show_page("beneficiaries")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, BeneficiaryDialog)
    fill_person(dialog, qtbot, "Đặng thị hồng nhung")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: dialog.duplicates.isVisible(), timeout=5000)
    assert dialog.isVisible(), "nothing is saved while the warning is up"
    table = dialog.duplicate_list
    assert table.horizontalHeaderItem(1).text() == first.code
    assert NAME in [table.item(r, 1).text() for r in range(table.rowCount())]
    assert beneficiaries.count(window.ctx.db, window.ctx.actor) == 1
    assert dialog.save_anyway.text() == "Vẫn lưu"

    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save_anyway, Qt.MouseButton.LeftButton)
    assert beneficiaries.count(window.ctx.db, window.ctx.actor) == 2
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


def test_errors_show_next_to_the_field_and_closing_asks_first(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    window.new_action.trigger()
    dialog = the_dialog(window, BeneficiaryDialog)
    type_text(dialog.alias, "Mỷ")
    set_combo_data(dialog.sex, "F")
    dialog.birth_year.setValue(2001)
    set_combo_data(dialog.ethnicity, "08")
    set_combo_data(dialog.category, "at_risk")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    label = dialog.errors.label("full_name")
    qtbot.waitUntil(lambda: label.isVisible(), timeout=5000)
    assert label.text() == "Họ và tên: không được để trống."
    assert dialog.alias.text() == "Mỷ", "what was typed stays"

    # A bad ID number: the message is next to that field, the other one is gone.
    type_text(dialog.full_name, "Vàng Thị Mỷ")
    type_text(dialog.id_number, "12345")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    id_label = dialog.errors.label("id_number")
    qtbot.waitUntil(lambda: id_label.isVisible(), timeout=5000)
    assert "9 hoặc 12 chữ số" in id_label.text()
    assert not label.isVisible()

    asked: list[list[str]] = []

    def answer(choice: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        buttons = {b.text(): b for b in box.buttons()}
        asked.append(sorted(buttons))
        buttons[choice].click()

    QTimer.singleShot(0, lambda: answer("Tiếp tục sửa"))
    dialog.reject()
    assert dialog.isVisible() and len(asked) == 1, "keep editing keeps the dialog and its data"
    assert asked[0] == ["Bỏ thay đổi", "Tiếp tục sửa"], "no second Hủy beside the form's"
    QTimer.singleShot(0, lambda: answer("Bỏ thay đổi"))
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        dialog.reject()
    assert len(asked) == 2
    assert beneficiaries.count(window.ctx.db, window.ctx.actor) == 0


def open_plan(window: MainWindow, qtbot, project: ProjectView, grant_type: str):  # type: ignore[no-untyped-def]
    """The Grants page with the plan dialog open on the registered person, the project and
    the support type chosen."""
    page = window.show_page("grants")
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, GrantDialog)
    type_text(dialog.picker.search, "dang thi hong")
    qtbot.waitUntil(lambda: dialog.picker.value() is not None, timeout=3000)
    set_combo_data(dialog.project, project.id)
    set_combo_data(dialog.grant_type, grant_type)
    return page, dialog


# --- goods counted in their unit ---------------------------------------------------------


def test_school_supplies_are_planned_as_goods_and_handed_over_on_the_goods_note(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, project: ProjectView
):
    person = register_by_service(window.ctx.db, window.ctx.actor)
    page, dialog = open_plan(window, qtbot, project, "school_supplies")
    dialog.start_date.set_value(date(2025, 5, 1))
    # A number of sets at a value each, not one amount of money.
    assert "amount" not in dialog.detail_fields
    count, value = dialog.detail_fields["quantity"], dialog.detail_fields["unit_value"]
    assert count.suffix().strip() == "bộ"
    count.setValue(2)
    type_text(value, "850000")
    type_text(dialog.detail_fields["school_year"], "2025-2026")
    assert "1.700.000" in dialog.total_label.text()
    save(dialog, qtbot)

    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    grant = page.model.row_at(0)
    assert grant.beneficiary_id == person.id and grant.planned_total == 1_700_000
    assert (grant.tranches[0].quantity, grant.tranches[0].unit_value) == (2, 850_000)

    page.view.selectRow(0)
    qtbot.mouseClick(page.handover_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, HandoverDialog)
    assert dialog.quantity.isVisible() and not dialog.amount.isVisible()
    assert (dialog.quantity.value(), dialog.unit_value.value()) == (2, 850_000)
    dialog.handed_on.set_value(date(2025, 5, 15))
    with qtbot.waitSignal(
        window.ctx.events.changed, check_params_cb=touches(Change.HANDOVER), timeout=5000
    ) as recorded:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    number = recorded.args[0].result.receipt_number
    detail = receipts.get_receipt(window.ctx.db, window.ctx.actor, number)
    assert detail.papers == ("handover",)  # the note of goods handed over, no cash voucher


# --- the cattle journey ---------------------------------------------------------------


def test_cattle_grant_hand_over_visit_and_calf(window: MainWindow, qtbot, project: ProjectView):  # type: ignore[no-untyped-def]
    person = register_by_service(window.ctx.db, window.ctx.actor)

    # Plan a cattle grant through the dialog.
    page, dialog = open_plan(window, qtbot, project, "cattle")
    assert dialog.picker.value().id == person.id
    dialog.start_date.set_value(date(2025, 5, 1))
    assert set(dialog.detail_fields) >= {"head_count", "value_per_head", "breed", "ear_tag"}
    type_text(dialog.detail_fields["value_per_head"], "15000000")
    type_text(dialog.detail_fields["breed"], "Lai Sind")
    type_text(dialog.detail_fields["ear_tag"], "MV-B-001")
    assert "15.000.000" in dialog.total_label.text()
    assert "Mười lăm triệu đồng" in dialog.total_label.text()
    save(dialog, qtbot)

    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    grant = page.model.row_at(0)
    assert grant.grant_type == "cattle" and grant.planned_total == 15_000_000
    assert grant.tranches[0].quantity == 1 and grant.details["ear_tag"] == "MV-B-001"
    assert table_texts(page.model, "planned") == ["15.000.000\u00a0₫"]

    # Record the hand-over from the grant.
    page.view.selectRow(0)
    assert page.handover_button.isEnabled()
    qtbot.mouseClick(page.handover_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, HandoverDialog)
    assert dialog.quantity.isVisible() and not dialog.amount.isVisible()
    assert dialog.quantity.value() == 1 and dialog.unit_value.value() == 15_000_000
    assert dialog.tags.text() == "MV-B-001"
    dialog.handed_on.set_value(date(2025, 5, 15))
    with qtbot.waitSignal(
        window.ctx.events.changed, check_params_cb=touches(Change.HANDOVER), timeout=5000
    ) as recorded:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    handover = recorded.args[0].result
    assert handover.receipt_number == "MV-2025-00001"
    assert date(2025, 6, 15) in handover.visits_scheduled
    assert "MV-2025-00001" in window.statusBar().currentMessage()

    # The 1-month visit is due today: on the Today page and in the Visits list.
    today_page = window.show_page("today")
    qtbot.waitUntil(lambda: today_page.due_model.rowCount() == 1, timeout=5000)
    due = today_page.due_model.row_at(0)
    assert due.scheduled_on == date(2025, 6, 15) and due.months_after == 1
    assert table_texts(today_page.due_model, "commune") == ["Mèo Vạc"]
    assert today_page.handover_model.row_at(0).receipt_number == "MV-2025-00001"
    qtbot.waitUntil(lambda: len(today_page.bars) == 1, timeout=5000)
    assert "3 %" in today_page.bars[0].bar.text()

    visits_page = window.show_page("visits")
    qtbot.waitUntil(lambda: visits_page.model.rowCount() == 1, timeout=3000)
    row = visits_page.model.row_at(0)
    assert row.months_after == 1 and row.status == "scheduled"
    assert table_texts(visits_page.model, "months_after") == ["Sau 1 tháng"]

    # Record that visit: livelihood running, the cow calved one calf.
    visits_page.view.selectRow(0)
    qtbot.mouseClick(visits_page.record_button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window, VisitDialog)
    assert len(dialog.asset_rows) == 1
    cow = dialog.asset_rows[0]
    assert cow.asset.kind == "cow" and cow.asset.tag == "MV-B-001"
    set_combo_data(dialog.livelihood, True)
    set_combo_data(dialog.income, "low")
    set_combo_data(cow.status, "calved")
    assert cow.young.isEnabled() and cow.young.value() == 1
    type_text(cow.note, "Bê cái, khỏe")
    with qtbot.waitSignal(
        window.ctx.events.changed, check_params_cb=touches(Change.VISIT), timeout=5000
    ):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: visits_page.model.rowCount() == 0, timeout=3000)

    # The profile shows the calf under its mother, with the history.
    people = window.show_page("beneficiaries")
    qtbot.waitUntil(lambda: people.model.rowCount() == 1)
    index = people.model.index(0, people.model.column_of("code"))
    people.view.scrollTo(index)
    rect = people.view.visualRect(index)
    with qtbot.waitSignal(people.profile.loaded, timeout=5000):
        # QTest's double-click needs the press of a first click to land on the row.
        qtbot.mouseClick(people.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(people.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    profile = people.profile
    assert profile.isVisible() and profile.name.text() == NAME
    assets = profile.asset_texts()
    assert any(text.startswith("Bò") for text in assets)
    assert any("Bê con" in text for text in assets)
    cow_item = profile.assets.topLevelItem(0)
    children = [cow_item.child(i).text(0) for i in range(cow_item.childCount())]
    assert any("Bê con" in c for c in children), "the calf hangs under its mother"
    assert profile.tabs.tabText(4) == "Tài sản (2)"
    assert profile.grants_model.rowCount() == 1 and profile.handovers_model.rowCount() == 1
    done = [v for v in profile.visits_model.rows() if v.status == "done"]
    assert len(done) == 1 and done[0].livelihood_running is True


def test_hand_over_above_the_plan_needs_a_reason(window: MainWindow, qtbot, project: ProjectView):  # type: ignore[no-untyped-def]
    person = register_by_service(window.ctx.db, window.ctx.actor)
    grant = grants.plan_grant(
        window.ctx.db,
        window.ctx.actor,
        GrantInput(
            beneficiary_id=person.id,
            project_id=project.id,
            grant_type="initial_hardship",
            start_date=date(2025, 6, 1),
            tranches=(TrancheInput("Trợ cấp khó khăn ban đầu", amount=2_000_000),),
        ),
        today=TODAY,
    )
    window.handover_action.trigger()
    dialog = the_dialog(window, HandoverDialog)
    assert dialog.grant.count() == 1 and not dialog.grant.isEnabled()  # the person first
    # Typed without diacritics: the person found, their one open grant chosen.
    choose_person(qtbot, dialog, "dang thi hong")
    assert dialog.grant.count() == 2  # "choose" and the one open grant
    assert dialog.current_grant().id == grant.id
    assert not dialog.is_dirty, "nothing typed in the hand-over yet"
    assert dialog.amount.isVisible() and not dialog.quantity.isVisible()
    assert dialog.amount.value() == 2_000_000
    assert not dialog.override_reason.isVisible()
    dialog.amount.clear()
    type_text(dialog.amount, "2500000")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: dialog.override_reason.isVisible(), timeout=5000)
    assert "vượt kế hoạch" in dialog.amount_error.text()
    assert "2.500.000" in dialog.amount_error.text()
    assert grants.list_handovers(window.ctx.db, window.ctx.actor) == []

    type_text(dialog.override_reason, "Giá thuốc tăng, ban dự án đồng ý")
    with qtbot.waitSignal(
        window.ctx.events.changed, check_params_cb=touches(Change.HANDOVER), timeout=5000
    ) as recorded:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert recorded.args[0].result.amount == 2_500_000
    assert recorded.args[0].result.override_reason.startswith("Giá thuốc")


# --- language, state, keyboard ------------------------------------------------------------


def test_switch_to_english_and_back(window: MainWindow, qtbot, project: ProjectView):  # type: ignore[no-untyped-def]
    assert window.nav.item(1).text() == "Người hưởng hỗ trợ"
    page = window.show_page("beneficiaries")
    header = page.model.headerData(page.model.column_of("commune"), Qt.Orientation.Horizontal)
    assert header == "Xã/Phường"

    settings = window.show_page("settings")
    settings.language.setCurrentIndex(settings.language.findData("en"))
    qtbot.waitUntil(lambda: window.nav.item(1).text() == "Beneficiaries", timeout=3000)
    assert get_language() == "en"
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Today",
        "Beneficiaries",
        "Grants",
        "Visits",
        "Receipts",
        "Reports",
        "Users",
        "Audit trail",
        "Settings",
    ]
    assert (
        page.model.headerData(page.model.column_of("commune"), Qt.Orientation.Horizontal)
        == "Commune"
    )
    assert page.show_names.text() == "Show names"
    assert prefs.LANGUAGE.get() == "en"
    reports = window.show_page("reports")
    qtbot.waitUntil(lambda: reports.model.rowCount() == 1, timeout=3000)
    assert "VND\u00a0500,000,000" in reports.totals.text()

    settings.language.setCurrentIndex(settings.language.findData("vi"))
    qtbot.waitUntil(lambda: window.nav.item(1).text() == "Người hưởng hỗ trợ", timeout=3000)
    assert "500.000.000\u00a0₫" in reports.totals.text()


def test_window_remembers_page_and_geometry(qtbot, ctx: UiContext):  # type: ignore[no-untyped-def]
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.resize(760, 560)  # within the offscreen screen (800 x 600), or the minimum
    first.show()
    size = first.size()
    first.show_page("visits")
    worker.wait_for_tasks()
    first.close()
    assert QSettings(prefs.ORGANIZATION, prefs.APPLICATION).value(prefs.PAGE.key) == "visits"

    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    # The size comes back; the page does not: every start opens on Today, as the README says.
    assert second.current_page().key == "today"
    assert second.size() == size
    second.close()


def test_keyboard_shortcuts(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    shortcuts = {a.shortcut().toString() for a in window.actions()}
    assert {"Ctrl+N", "Ctrl+F", "Ctrl+G", "Ctrl+H", "Ctrl+K", "F5"} <= shortcuts
    # Every page but the province office's (this office is a commune's).
    assert window.page_keys == [k for k in PAGE_ORDER if k != "province"]
    for i, key in enumerate(window.page_keys, start=1):
        window.page_actions[key].trigger()
        assert window.current_page().key == key, i
    # The Reports page adds up the current quarter on the worker (a moment, with its
    # progress window): Ctrl+F once that is done.
    assert worker.wait_for_tasks(10_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
    window.find_action.trigger()
    assert window.current_page().key == "beneficiaries"
    assert QApplication.focusWidget() is window.beneficiaries_page.search


def test_viewer_cannot_open_writing_dialogs(qtbot, sqlite_db: Database, actors):  # type: ignore[no-untyped-def]
    ctx = UiContext(db=sqlite_db, actor=actors["viewer"], clock=lambda: TODAY)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    assert not win.new_action.isEnabled()
    assert not win.handover_action.isEnabled()
    assert not win.beneficiaries_page.new_button.isEnabled()
    assert not win.settings_page.save_button.isEnabled()
    worker.wait_for_tasks()
    win.close()


def test_settings_save_office_details(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    page = window.show_page("settings")
    assert page.name.text() == "Hội LHPN xã Mèo Vạc"
    page.name.clear()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    label = page.errors.label("office_name")
    qtbot.waitUntil(lambda: label.isVisible(), timeout=3000)
    assert "không được để trống" in label.text()
    type_text(page.name, "Hội LHPN huyện Mèo Vạc")
    with qtbot.waitSignal(
        window.ctx.events.changed, check_params_cb=touches(Change.OFFICE), timeout=3000
    ):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert office.get_office(window.ctx.db, window.ctx.actor).name == "Hội LHPN huyện Mèo Vạc"
    assert window.office_label.text() == "Hội LHPN huyện Mèo Vạc"


# --- models without a window ------------------------------------------------------------


def test_register_model_fetches_pages_on_demand(qtbot, ctx: UiContext):  # type: ignore[no-untyped-def]
    given = (
        "Mai",
        "Lan",
        "Hoa",
        "Cúc",
        "Đào",
        "Huệ",
        "Sen",
        "Thu",
        "Xuân",
        "Hạnh",
        "Phượng",
        "Nhung",
    )
    for name in given:  # names far enough apart not to be taken for one person
        register_by_service(ctx.db, ctx.actor, f"Giàng Thị {name}")
    model = BeneficiaryTableModel(ctx)
    model.page_size = 5
    model.reload()
    loaded(qtbot, model)
    assert model.rowCount() == 5 and model.total == 12
    assert model.canFetchMore()
    model.fetchMore()
    assert not model.canFetchMore(), "one page at a time"
    loaded(qtbot, model)
    model.fetchMore()
    loaded(qtbot, model)
    assert model.rowCount() == 12 and not model.canFetchMore()
    # Sorting is done by the service: by birth year, descending, then by code.
    model.sort(model.column_of("code"), Qt.SortOrder.DescendingOrder)
    loaded(qtbot, model)
    assert model.order == "code" and model.row_at(0).code == "MV-00012"
    assert model.rowCount() == 5, "a new order starts again from the first page"
    assert model.index(0, 0).data(ROW_ROLE).code == "MV-00012"


def test_visits_list_shows_days_late(qtbot, ctx: UiContext, project: ProjectView):  # type: ignore[no-untyped-def]
    person = register_by_service(ctx.db, ctx.actor)
    grant = grants.plan_grant(
        ctx.db,
        ctx.actor,
        GrantInput(
            beneficiary_id=person.id,
            project_id=project.id,
            grant_type="initial_hardship",
            start_date=date(2025, 3, 1),
            tranches=(TrancheInput("Trợ cấp", amount=1_000_000),),
        ),
        today=TODAY,
    )
    grants.record_handover(
        ctx.db,
        ctx.actor,
        HandoverInput(grant_id=grant.id, handed_on=date(2025, 4, 1), amount=1_000_000),
        today=TODAY,
    )
    overdue = visits.list_visits(ctx.db, ctx.actor, "overdue", today=TODAY)
    assert overdue and overdue[0].days_late == 45
    from tracker.ui.models import VisitTableModel

    model = VisitTableModel(ctx)
    model.which = "overdue"
    model.reload()
    loaded(qtbot, model)
    assert model.index(0, model.column_of("days_late")).data() == "45"
    assert model.index(0, model.column_of("beneficiary")).data() == "MV-00001 · Nhung"
