"""The window on a 1366x768 screen, in both languages: the possible-duplicate warning with the
look-alikes side by side, messages that go once a field is right and say why a value is
refused, lists that sort, filter and open with Enter, and the small things around them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tracker.services import beneficiaries
from tracker.services.beneficiaries import BeneficiaryInput
from tracker.services.projects import ProjectView
from tracker.ui import worker
from tracker.ui.context import UiContext
from tracker.ui.dialogs.beneficiary_dialog import BeneficiaryDialog
from tracker.ui.main_window import MainWindow
from tracker.ui.translations import translations
from tracker.ui.widgets import set_combo_data

from ..conftest import TODAY
from .conftest import type_text, visible
from .demo_data import SCREEN_1366

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
    _ = (date, ProjectView)
