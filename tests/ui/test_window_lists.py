"""The window on a 1366x768 screen, in both languages: the possible-duplicate warning with the
look-alikes side by side, messages that go once a field is right and say why a value is
refused, lists that sort, filter and open with Enter, and the small things around them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pypdf
import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from tracker.i18n.text import fold
from tracker.services import audit, beneficiaries, grants, receipts, visits
from tracker.services.beneficiaries import BeneficiaryInput
from tracker.services.grants import GrantInput, GrantView, HandoverInput, TrancheInput
from tracker.services.projects import ProjectView
from tracker.services.reports import default_period
from tracker.services.visits import AssetUpdate, VisitOutcome
from tracker.ui import fmt, screen, worker
from tracker.ui.context import UiContext
from tracker.ui.dialogs.beneficiary_dialog import BeneficiaryDialog
from tracker.ui.dialogs.export_dialog import ExportDialog
from tracker.ui.dialogs.handover_dialog import HandoverDialog
from tracker.ui.main_window import MainWindow
from tracker.ui.translations import translations
from tracker.ui.widgets import set_combo_data

from ..conftest import TODAY
from .conftest import choose_person, loaded, type_text, visible
from .demo_data import SCREEN_1366, demo_window  # noqa: F401  (fixture)

COMMUNE = "00769"


@pytest.fixture(params=["vi", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def win(qtbot, ctx: UiContext, lang: str) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The window at 1366 x 728 (a 1366 x 768 screen less the taskbar), in ``lang``."""
    translations().use(lang)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*SCREEN_1366)
    window.show()
    qtbot.waitExposed(window)
    yield window
    worker.wait_for_tasks(10_000)
    window.close()


def words(lang: str, vi: str, en: str) -> str:
    return vi if lang == "vi" else en


def person(
    ctx: UiContext,
    name: str,
    *,
    year: int = 1990,
    commune: str | None = COMMUNE,
    village: str = "Pả Vi Thượng",
    id_number: str | None = None,
) -> beneficiaries.BeneficiaryView:
    return beneficiaries.register(
        ctx.db,
        ctx.actor,
        BeneficiaryInput(
            full_name=name,
            sex="F",
            category="victim",
            ethnicity_code="08",
            birth_year=year,
            commune_code=commune,
            village=village,
            id_number=id_number,
        ),
        allow_duplicate=True,
        today=TODAY,
    )


def new_person_dialog(window: MainWindow) -> BeneficiaryDialog:
    window.new_action.trigger()
    found = visible(window, BeneficiaryDialog)
    assert len(found) == 1
    return found[0]  # type: ignore[no-any-return]


def fill(dialog: BeneficiaryDialog, name: str, year: int = 1990, id_number: str = "") -> None:
    type_text(dialog.full_name, name)
    set_combo_data(dialog.sex, "F")
    dialog.birth_year.setValue(year)
    set_combo_data(dialog.ethnicity, "08")
    set_combo_data(dialog.category, "victim")
    dialog.place.set_code(COMMUNE)
    dialog.village.setText("Pả Vi Thượng")  # typed, the village list would pop up
    if id_number:
        type_text(dialog.id_number, id_number)


def table_column(dialog: BeneficiaryDialog, column: int) -> list[str]:
    table = dialog.duplicate_list
    return [table.item(r, column).text() for r in range(table.rowCount())]


def row_labels(dialog: BeneficiaryDialog) -> list[str]:
    table = dialog.duplicate_list
    return [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]


# --- 4. the possible-duplicate warning ------------------------------------------------------


def test_same_name_in_the_same_village_with_another_birth_year_warns(  # type: ignore[no-untyped-def]
    win: MainWindow, qtbot, lang: str
):
    first = person(win.ctx, "Đặng Thị Lần", year=1985)
    person(win.ctx, "Đặng Thị Lần", year=1985, commune="00775")  # another commune: not shown
    dialog = new_person_dialog(win)
    fill(dialog, "Đặng Thị Lần", year=1992)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: dialog.duplicates.isVisible(), timeout=5000)
    assert beneficiaries.count(win.ctx.db, win.ctx.actor) == 2, "nothing saved yet"
    table = dialog.duplicate_list
    assert table.columnCount() == 2, "what is typed, beside the one look-alike"
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == [words(lang, "Đang nhập", "Typed now"), first.code]
    labels = row_labels(dialog)
    typed, registered = table_column(dialog, 0), table_column(dialog, 1)
    year_row = labels.index(words(lang, "Năm sinh", "Birth year"))
    assert (typed[year_row], registered[year_row]) == ("1992", "1985")
    name_row = labels.index(words(lang, "Họ và tên", "Full name"))
    assert typed[name_row] == registered[name_row] == "Đặng Thị Lần"
    why = registered[labels.index(words(lang, "Lý do", "Why"))]
    assert why == words(lang, "Trùng tên trong xã này", "Same name in this commune")
    assert dialog.save_anyway.text() == words(lang, "Vẫn lưu", "Save anyway")
    # The whole warning is on the screen with the form under it.
    assert win.screen() is None or dialog.height() <= SCREEN_1366[1]

    # Never blocked: the officer decides.
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save_anyway, Qt.MouseButton.LeftButton)
    assert beneficiaries.count(win.ctx.db, win.ctx.actor) == 3


@pytest.mark.parametrize(
    ("registered", "typed", "why_vi", "why_en"),
    [
        ("Đặng Thị Lần", "Đặng Thị Lâm", "Tên lệch một chữ cái", "Name one letter apart"),
        ("Đặng Thị Lần", "Đặng Thị Lân", "Trùng tên trong xã này", "Same name in this commune"),
        ("Đặng Thị Lần", "Đặng Lần", "Thiếu tên đệm", "Middle name missing"),
    ],
)
def test_close_names_warn_with_the_reason(  # type: ignore[no-untyped-def]
    win: MainWindow, qtbot, lang: str, registered: str, typed: str, why_vi: str, why_en: str
):
    person(win.ctx, registered, year=1985)
    person(win.ctx, "Vàng Thị Mỷ", year=1985)  # not alike: not listed
    dialog = new_person_dialog(win)
    fill(dialog, typed, year=1985)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.duplicates.isVisible(), timeout=5000)
    assert dialog.duplicate_list.columnCount() == 2
    labels = row_labels(dialog)
    candidate = table_column(dialog, 1)
    assert candidate[labels.index(words(lang, "Họ và tên", "Full name"))] == registered
    assert candidate[labels.index(words(lang, "Lý do", "Why"))] == words(lang, why_vi, why_en)


def test_the_same_id_number_elsewhere_warns(win: MainWindow, qtbot, lang: str):  # type: ignore[no-untyped-def]
    other = person(win.ctx, "Lý Thị Sinh", year=1970, commune="00775", id_number="001198012345")
    dialog = new_person_dialog(win)
    fill(dialog, "Giàng Thị Sú", year=1995, id_number="001198012345")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.duplicates.isVisible(), timeout=5000)
    labels = row_labels(dialog)
    candidate = table_column(dialog, 1)
    assert candidate[labels.index(words(lang, "Mã", "Code"))] == other.code
    id_row = labels.index(words(lang, "Số CCCD", "ID number"))
    assert table_column(dialog, 0)[id_row] == candidate[id_row] == "001198012345"
    assert candidate[labels.index(words(lang, "Lý do", "Why"))] == words(
        lang, "Trùng số CCCD", "Same ID number"
    )


def test_someone_else_of_the_commune_saves_without_a_warning(win: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    person(win.ctx, "Đặng Thị Lần", year=1985)
    dialog = new_person_dialog(win)
    fill(dialog, "Đặng Thị Hoa", year=1985)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert beneficiaries.count(win.ctx.db, win.ctx.actor) == 2


# --- 5. messages that go once the field is right ----------------------------------------------


@pytest.mark.parametrize("year", [2030, 1850])
def test_a_refused_birth_year_says_why_and_the_message_goes_once_fixed(  # type: ignore[no-untyped-def]
    win: MainWindow, qtbot, lang: str, year: int
):
    dialog = new_person_dialog(win)
    fill(dialog, "Vàng Thị Mỷ", year=1990)
    # Typed with the keyboard, as an officer would.
    dialog.birth_year.selectAll()
    dialog.birth_year.lineEdit().selectAll()
    type_text(dialog.birth_year.lineEdit(), str(year))
    assert dialog.birth_year.value() == year, "the typed year is kept, not thrown away"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    label = dialog.errors.label("birth_year")
    qtbot.waitUntil(lambda: label.isVisible(), timeout=5000)
    assert "1900" in label.text() and str(TODAY.year) in label.text()
    assert label.text().startswith(words(lang, "Năm sinh", "Birth year"))
    assert beneficiaries.count(win.ctx.db, win.ctx.actor) == 0

    dialog.birth_year.lineEdit().selectAll()
    type_text(dialog.birth_year.lineEdit(), "1987")
    assert dialog.birth_year.value() == 1987
    assert not label.isVisible(), "the message goes once the year is right"


def test_a_message_stays_while_wrong_and_goes_when_right(win: MainWindow, qtbot, lang: str):  # type: ignore[no-untyped-def]
    dialog = new_person_dialog(win)
    fill(dialog, "Vàng Thị Mỷ", id_number="12345")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    label = dialog.errors.label("id_number")
    qtbot.waitUntil(lambda: label.isVisible(), timeout=5000)
    assert words(lang, "9 hoặc 12 chữ số", "9 or 12 digits") in label.text()
    type_text(dialog.id_number, "678")  # 8 digits: still wrong, still said
    assert label.isVisible()
    type_text(dialog.id_number, "9")  # 9 digits
    assert not label.isVisible()

    # The name left empty: its message goes as soon as a name is typed.
    dialog.full_name.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    name_label = dialog.errors.label("full_name")
    qtbot.waitUntil(lambda: name_label.isVisible(), timeout=5000)
    type_text(dialog.full_name, "V")
    assert not name_label.isVisible()
    assert dialog.errors.visible_messages() == {}
    QApplication.processEvents()


def test_a_year_typed_beside_the_arrows_starts_from_a_likely_year(win: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    dialog = new_person_dialog(win)
    assert dialog.birth_year.text() == "—"
    dialog.birth_year.stepUp()
    assert dialog.birth_year.value() == TODAY.year - 30
    dialog.birth_year.stepUp()
    assert dialog.birth_year.value() == TODAY.year - 29


# --- 6. lists that work like lists ------------------------------------------------------------


def click_header(view, key: str) -> None:  # type: ignore[no-untyped-def]
    """Click a column's header, as the officer would."""
    header = view.horizontalHeader()
    column = view.model().column_of(key)
    view.scrollTo(view.model().index(0, column))
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def first(rows: list, expected: list) -> bool:  # type: ignore[type-arg]
    """The rows loaded so far are the first of the whole list in that order."""
    return len(rows) >= 4 and rows == expected[: len(rows)]


def shown(model, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    col = model.column_of(key)
    return [model.index(r, col).data() for r in range(model.rowCount())]


@pytest.fixture
def demo(request: pytest.FixtureRequest, lang: str) -> MainWindow:
    """The window on the demo at 1366 x 728, in ``lang``."""
    window: MainWindow = request.getfixturevalue("demo_window")
    translations().use(lang)
    return window


def test_visits_sort_by_any_column_across_pages_and_filter_as_you_type(  # type: ignore[no-untyped-def]
    demo: MainWindow, qtbot, lang: str
):
    window = demo
    ctx = window.ctx
    everyone = visits.list_visits(ctx.db, ctx.actor, "all", today=ctx.today(), limit=10_000)
    page = window.show_page("visits")
    page.model.page_size = 5  # several pages: the sort must be the whole list's
    page.show_list("all")
    loaded(qtbot, page.model)
    assert 5 <= page.model.rowCount() < len(everyone)

    click_header(page.view, "beneficiary")
    loaded(qtbot, page.model)
    codes = sorted(v.beneficiary_code for v in everyone)
    assert first([r.beneficiary_code for r in page.model.rows()], codes)
    click_header(page.view, "beneficiary")  # again: the other way round
    loaded(qtbot, page.model)
    assert first([r.beneficiary_code for r in page.model.rows()], codes[::-1])
    assert page.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    click_header(page.view, "scheduled_on")
    loaded(qtbot, page.model)
    dates = sorted(v.scheduled_on for v in everyone)
    assert first([r.scheduled_on for r in page.model.rows()], dates)

    # The search box: a person's name typed without diacritics.
    target = everyone[0]
    folded = fold(target.beneficiary_name)
    type_text(page.search, folded)
    qtbot.waitUntil(
        lambda: (
            page.model.rowCount() > 0
            and all(r.beneficiary_id == target.beneficiary_id for r in page.model.rows())
        ),
        timeout=5000,
    )
    assert page.search.placeholderText() == words(
        lang, "Tìm theo tên, tên gọi khác hoặc mã", "Search by name, alias or code"
    )


def test_receipts_sort_by_amount_across_pages(demo: MainWindow, qtbot, lang: str):  # type: ignore[no-untyped-def]
    window = demo
    ctx = window.ctx
    page = window.show_page("receipts")
    page.since.set_value(None)
    page.until.set_value(None)
    page.model.page_size = 4
    page.apply_filter()
    loaded(qtbot, page.model)
    everyone = receipts.list_receipts(ctx.db, ctx.actor, limit=10_000)
    assert len(everyone) > 4
    click_header(page.view, "amount")
    loaded(qtbot, page.model)
    amounts = sorted(r.amount for r in everyone)
    assert first([r.amount for r in page.model.rows()], amounts)
    click_header(page.view, "amount")
    loaded(qtbot, page.model)
    assert first([r.amount for r in page.model.rows()], amounts[::-1])
    shown_amount = shown(page.model, "amount")[0]
    assert "".join(ch for ch in shown_amount if ch.isdigit()) == str(amounts[-1])
    assert ("₫" if lang == "vi" else "VND") in shown_amount


def test_grants_search_sort_and_enter_opens_the_one_found(  # type: ignore[no-untyped-def]
    demo: MainWindow, qtbot, lang: str
):
    window = demo
    ctx = window.ctx
    everyone = grants.list_grants(ctx.db, ctx.actor, limit=10_000)
    page = window.show_page("grants")
    page.model.page_size = 5
    page.apply_filter()
    loaded(qtbot, page.model)
    click_header(page.view, "planned")
    loaded(qtbot, page.model)
    assert first(
        [g.planned_total for g in page.model.rows()], sorted(g.planned_total for g in everyone)
    )
    click_header(page.view, "remaining")
    loaded(qtbot, page.model)
    assert first([g.remaining for g in page.model.rows()], sorted(g.remaining for g in everyone))

    # One open grant's person, typed by code: Enter opens its hand-over.
    open_grants = [g for g in everyone if g.status in ("planned", "active")]
    codes = [g.beneficiary_code for g in open_grants]
    target = next(g for g in open_grants if codes.count(g.beneficiary_code) == 1)
    assert [g.beneficiary_code for g in everyone].count(target.beneficiary_code) == 1
    page.search.setFocus()
    type_text(page.search, target.beneficiary_code.lower())
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(visible(window, HandoverDialog)) == 1, timeout=5000)
    dialog = visible(window, HandoverDialog)[0]
    assert dialog.current_grant().id == target.id
    assert [g.id for g in page.model.rows()] == [target.id]
    dialog.reject()


def test_enter_opens_the_one_person_found_and_a_new_search_closes_the_profile(  # type: ignore[no-untyped-def]
    demo: MainWindow, qtbot, lang: str
):
    window = demo
    ctx = window.ctx
    people = beneficiaries.search(ctx.db, ctx.actor, limit=1000)
    target = people[3]
    page = window.show_page("beneficiaries")
    loaded(qtbot, page.model)
    page.search.setFocus()
    type_text(page.search, fold(target.full_name))
    with qtbot.waitSignal(page.profile.loaded, timeout=5000):
        QTest.keyClick(page.search, Qt.Key.Key_Return)
    assert page.profile.isVisible() and page.profile.name.text() == target.full_name

    # Another search: the profile of the last one goes.
    page.search.clear()
    type_text(page.search, fold(people[5].full_name))
    qtbot.waitUntil(lambda: not page.profile.isVisible(), timeout=5000)
    loaded(qtbot, page.model)
    assert target.id not in [r.id for r in page.model.rows()]

    # Several found: Enter opens nobody.
    page.search.clear()
    type_text(page.search, "thi")
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    loaded(qtbot, page.model)
    assert page.model.rowCount() > 1
    qtbot.wait(50)
    assert not page.profile.isVisible()


@pytest.mark.qt_log_ignore("grabbing the keyboard")
def test_the_commune_box_completes_without_diacritics(  # type: ignore[no-untyped-def]
    demo: MainWindow, qtbot, lang: str
):
    window = demo
    page = window.show_page("beneficiaries")
    loaded(qtbot, page.model)
    # The communes come after the list's first page, read on the worker.
    qtbot.waitUntil(lambda: page.communes.loaded and page.commune.count() > 1)
    wanted = next(
        page.commune.itemText(i)
        for i in range(1, page.commune.count())
        if fold(page.commune.itemText(i)) != page.commune.itemText(i).lower()
    )
    line = page.commune.lineEdit()
    line.selectAll()
    type_text(line, fold(wanted))
    completer = page.commune.completer()
    assert completer.completionCount() >= 1
    assert wanted in [
        completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())
    ]
    line.editingFinished.emit()
    assert page.commune.currentText() == wanted
    loaded(qtbot, page.model)
    code = page.commune.currentData()
    assert page.model.rowCount() > 0
    assert all(r.commune_code == code for r in page.model.rows())


# --- 7. small things ----------------------------------------------------------------------------


def test_the_unsaved_changes_question_names_its_buttons_by_what_they_do(  # type: ignore[no-untyped-def]
    win: MainWindow, qtbot, lang: str
):
    dialog = new_person_dialog(win)
    type_text(dialog.full_name, "Vàng Thị Mỷ")
    seen: list[list[str]] = []

    def answer(choice_vi: str, choice_en: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        buttons = {b.text(): b for b in box.buttons()}
        seen.append(sorted(buttons))
        buttons[words(lang, choice_vi, choice_en)].click()

    QTimer.singleShot(0, lambda: answer("Tiếp tục sửa", "Keep editing"))
    dialog.reject()
    assert dialog.isVisible() and dialog.full_name.text() == "Vàng Thị Mỷ"
    assert seen == [sorted(words(lang, *pair) for pair in KEEP_AND_DISCARD)]
    QTimer.singleShot(0, lambda: answer("Bỏ thay đổi", "Discard changes"))
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        dialog.reject()


KEEP_AND_DISCARD = (("Tiếp tục sửa", "Keep editing"), ("Bỏ thay đổi", "Discard changes"))


def plan(ctx: UiContext, person_id: int, project_id: int, **kwargs: object) -> GrantView:
    return grants.plan_grant(
        ctx.db,
        ctx.actor,
        GrantInput(
            person_id,
            project_id,
            "initial_hardship",
            date(2025, 6, 1),
            (TrancheInput("Trợ cấp khó khăn ban đầu", amount=2_000_000),),
        ),
        today=TODAY,
        **kwargs,  # type: ignore[arg-type]
    )


def test_with_a_profile_open_the_hand_over_chooses_that_persons_grant(  # type: ignore[no-untyped-def]
    win: MainWindow, qtbot, lang: str, project: ProjectView
):
    first = person(win.ctx, "Vàng Thị Mỷ")
    second = person(win.ctx, "Giàng Thị Sú", commune="00775")
    plan(win.ctx, first.id, project.id)
    theirs = plan(win.ctx, second.id, project.id)
    page = win.show_page("beneficiaries")
    loaded(qtbot, page.model)
    with qtbot.waitSignal(page.profile.loaded, timeout=5000):
        page.open_profile(second.id)
    win.handover_action.trigger()
    found = visible(win, HandoverDialog)
    assert len(found) == 1
    dialog = found[0]
    # The person comes from the profile; their grants from the worker.
    qtbot.waitUntil(lambda: dialog.current_grant() is not None, timeout=5000)
    assert dialog.person.value().id == second.id
    assert dialog.current_grant().id == theirs.id
    assert second.code in dialog.grant.currentText()
    assert dialog.grant.isEnabled(), "another grant can still be chosen"
    assert not dialog.is_dirty
    dialog.reject()


def test_support_for_someone_who_said_no_to_services_warns_and_is_recorded(  # type: ignore[no-untyped-def]
    win: MainWindow, qtbot, lang: str, project: ProjectView
):
    who = person(win.ctx, "Vàng Thị Mỷ")
    beneficiaries.record_consent(win.ctx.db, win.ctx.actor, who.id, "services", False, today=TODAY)
    grant = plan(win.ctx, who.id, project.id, without_consent=True)
    win.show_page("grants")
    win.handover_action.trigger()
    dialog = visible(win, HandoverDialog)[0]
    choose_person(qtbot, dialog, who.code)
    assert dialog.current_grant().id == grant.id
    assert not dialog.without_consent.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.without_consent.isVisible(), timeout=5000)
    assert words(lang, "không đồng ý nhận dịch vụ", "said no to services") in dialog.banner.text()
    assert who.code in dialog.banner.text()
    assert dialog.without_consent.text() == words(
        lang, "Vẫn tiếp tục (ghi vào nhật ký)", "Go on anyway (recorded in the audit trail)"
    )
    assert grants.list_handovers(win.ctx.db, win.ctx.actor) == []
    dialog.without_consent.setChecked(True)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(grants.list_handovers(win.ctx.db, win.ctx.actor)) == 1
    events = audit.list_events(win.ctx.db, win.ctx.actor, action="consent_override")
    assert sorted(e.after["action"] for e in events) == ["handover", "plan"]
    trail = win.show_page("audit")
    qtbot.waitUntil(lambda: trail.model.rowCount() > 0, timeout=5000)
    texts = [
        trail.model.index(r, c).data()
        for r in range(trail.model.rowCount())
        for c in range(trail.model.columnCount())
    ]
    said = words(
        lang,
        "vẫn làm khi chưa có đồng ý nhận dịch vụ của",
        "went ahead without the consent to services of",
    )
    assert any(said in (t or "") for t in texts)


def test_a_cow_that_calved_no_longer_shows_sick(  # type: ignore[no-untyped-def]
    win: MainWindow, qtbot, lang: str, project: ProjectView
):
    who = person(win.ctx, "Vàng Thị Mỷ")
    g = grants.plan_grant(
        win.ctx.db,
        win.ctx.actor,
        GrantInput(who.id, project.id, "cattle", date(2025, 1, 1),
                   (TrancheInput("Bò giống", quantity=1, unit_value=15_000_000),)),
        today=TODAY,
    )  # fmt: skip
    h = grants.record_handover(
        win.ctx.db,
        win.ctx.actor,
        HandoverInput(g.id, date(2025, 1, 10), quantity=1, unit_value=15_000_000),
        today=TODAY,
    )
    cow = h.asset_ids[0]
    scheduled = visits.list_visits(win.ctx.db, win.ctx.actor, "all", today=TODAY)
    first, second = sorted(scheduled, key=lambda v: v.scheduled_on)[:2]
    steps = ((first, date(2025, 2, 12), "sick"), (second, date(2025, 4, 12), "calved"))
    for visit, done_on, status in steps:
        visits.record_visit(
            win.ctx.db,
            win.ctx.actor,
            VisitOutcome(
                visit_id=visit.id,
                done_on=done_on,
                livelihood_running=True,
                asset_updates=(AssetUpdate(cow, status),),
            ),
            today=TODAY,
        )
    page = win.show_page("beneficiaries")
    loaded(qtbot, page.model)
    with qtbot.waitSignal(page.profile.loaded, timeout=5000):
        page.open_profile(who.id)
    mother = page.profile.assets.topLevelItem(0)
    row = [mother.text(c) for c in range(mother.columnCount())]
    assert fmt.label("asset_status", "calved") in row
    assert fmt.label("asset_status", "sick") not in row
    assert words(lang, "Bị ốm", "Sick") == fmt.label("asset_status", "sick")


def test_the_reports_page_opens_on_the_current_quarter_in_december(  # type: ignore[no-untyped-def]
    qtbot, sqlite_db, actors, lang: str
):
    translations().use(lang)
    ctx = UiContext(db=sqlite_db, actor=actors["admin"], clock=lambda: date(2025, 12, 5))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*SCREEN_1366)
    window.show()
    assert window.current_page().key == "today", "every start opens on Today"
    page = window.show_page("reports")
    assert page.quarter.currentText() == "IV" and page.year.value() == 2025
    worker.wait_for_tasks(10_000)
    window.close()


def test_a_print_job_is_named_by_its_paper_and_number(  # type: ignore[no-untyped-def]
    demo: MainWindow, qtbot, lang: str, tmp_path
):
    page = demo.show_page("receipts")
    page.since.set_value(None)
    page.apply_filter()
    loaded(qtbot, page.model)
    row = next(r for r in page.model.rows() if not r.voided and r.kind == "cash")
    page.select_number(row.number)
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(page.output.printed, timeout=20_000):
        page.print_selected(printer)
    expected = words(lang, "Phiếu chi", "Payment voucher") + " " + row.number
    assert printer.docName() == expected
    assert pypdf.PdfReader(out).metadata.title == expected


@pytest.mark.parametrize("small", [False, True], ids=["1366x768", "1280x720 at 125%"])
def test_the_export_dialog_keeps_its_buttons_clear_of_its_list_when_done(  # type: ignore[no-untyped-def]
    demo: MainWindow, qtbot, lang: str, tmp_path, monkeypatch, small: bool
):
    if small:
        room = QRect(0, screen.TITLE_BAR, 1024, 576 - 40 - screen.TITLE_BAR)
        monkeypatch.setattr(screen, "available_area", lambda _widget=None: room)
    dialog = ExportDialog(demo.ctx, default_period(demo.ctx.today()), "donor", demo)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(dialog.minimumSizeHint())  # as small as it opens on a crowded screen
    room = screen.available_area(dialog)
    target = tmp_path / "a folder with a long name on the office laptop" / "reports for the donor"
    target.mkdir(parents=True)
    dialog.add_folder(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    qtbot.wait(50)
    assert dialog.cancel_button.text() == words(lang, "Đóng", "Close")

    def rect(widget):  # type: ignore[no-untyped-def]
        return QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())

    shown = [dialog.targets, dialog.status, dialog.buttons]
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            assert not rect(a).intersects(rect(b)), (a.objectName(), b.objectName())
    assert rect(dialog.targets).height() >= dialog.targets.minimumHeight()
    assert rect(dialog.status).height() >= dialog.status.heightForWidth(dialog.status.width())
    assert dialog.height() <= room.height(), "the dialog stays on the screen"
    assert not dialog.files_box.isVisible(), "once done, the room goes to what was written"
    worker.wait_for_tasks(10_000)
    dialog.close()


def test_the_register_sorts_by_every_column_it_shows(demo: MainWindow, qtbot, lang: str):  # type: ignore[no-untyped-def]
    window = demo
    everyone = beneficiaries.search(window.ctx.db, window.ctx.actor, limit=10_000)
    page = window.show_page("beneficiaries")
    page.model.page_size = 5
    page.apply_filter()
    loaded(qtbot, page.model)
    for key in ("village", "status", "sex", "ethnicity"):
        click_header(page.view, key)
        loaded(qtbot, page.model)
        assert page.model.order == key
        values = [getattr(r, f"{key}_code" if key == "ethnicity" else key) for r in everyone]
        got = [getattr(r, f"{key}_code" if key == "ethnicity" else key) for r in page.model.rows()]
        assert first(got, sorted(values)), key


def test_a_hand_over_date_out_of_range_is_kept_and_says_why(  # type: ignore[no-untyped-def]
    win: MainWindow, qtbot, lang: str, project: ProjectView
):
    who = person(win.ctx, "Vàng Thị Mỷ")
    grant = plan(win.ctx, who.id, project.id)
    win.show_page("grants")
    win.handover_action.trigger()
    dialog = visible(win, HandoverDialog)[0]
    choose_person(qtbot, dialog, who.code)
    assert dialog.current_grant().id == grant.id
    label = dialog.errors.label("handed_on")
    for day in (date(2025, 6, 16), date(2025, 5, 31)):  # after today; before the grant starts
        dialog.handed_on.set_value(day)
        assert dialog.handed_on.value() == day, "the date typed is kept, not changed silently"
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: label.isVisible(), timeout=5000)
        assert label.text().startswith(words(lang, "Ngày trao", "Hand-over date")), label.text()
        dialog.handed_on.set_value(date(2025, 6, 10))
        assert not label.isVisible(), "the message goes once the date is changed"
    assert grants.list_handovers(win.ctx.db, win.ctx.actor) == []
    QTimer.singleShot(0, lambda: press(words(lang, "Bỏ thay đổi", "Discard changes")))
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        dialog.reject()


def press(text: str) -> None:
    """Press a button of the message box on top."""
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text() == text).click()
