"""The setup assistant on the first start, driven as a user would: the office in a province,
its commune found by typing without diacritics, the papers' people, the first administrator,
the recovery key printed; and the place picker on its own."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWizard

from tracker.config import DatabaseLocation
from tracker.services import office
from tracker.services.context import SYSTEM
from tracker.ui import setup_wizard
from tracker.ui.place_picker import PlacePicker
from tracker.ui.setup_wizard import SetupWizard

from .conftest import type_text

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(
        "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
    ),
]
PW = "mat-khau-2026"


def pick(picker: PlacePicker, typed: str, qtbot, row: int = 0) -> None:  # type: ignore[no-untyped-def]
    """Type into the unit field, then choose a row of the list under it with the keyboard."""
    picker.unit.setFocus()
    type_text(picker.unit, typed)
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    popup.setCurrentIndex(picker.matches.index(row, 0))
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.place() is not None and not popup.isVisible())


def button(wizard: QWizard, which: QWizard.WizardButton):  # type: ignore[no-untyped-def]
    return wizard.button(which)


@pytest.mark.parametrize(
    ("province", "typed", "commune"),
    [("08", "lung cu", "00715"), ("01", "hoan kiem", "00070"), ("96", "nam can", None)],
)
def test_the_assistant_sets_up_an_office_in_any_province(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch, province: str, typed: str, commune: str | None
) -> None:
    path = tmp_path / "office.db"
    wizard = SetupWizard(DatabaseLocation(path=path))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    assert wizard.windowTitle() == "Thiết lập Sổ theo dõi hỗ trợ"
    assert button(wizard, QWizard.WizardButton.NextButton).text() == "&Tiếp >"
    assert button(wizard, QWizard.WizardButton.CancelButton).text() == "Hủy"

    page = wizard.office_page
    assert not page.isComplete()
    type_text(page.name, "Hội LHPN xã thử")
    page.place.set_province(province)
    pick(page.place, typed, qtbot)
    chosen = page.place.place()
    assert chosen is not None and chosen.level == "commune" and not chosen.is_old
    if commune:
        assert chosen.code == commune
    assert page.place.province_code() == province
    assert page.address.text().endswith(page.place.province.currentText().split(" (")[0])
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.papers_page

    papers = wizard.papers_page
    type_text(papers.prefix, "TH")
    type_text(papers.book, "01/2026")
    type_text(papers.head, "Vàng Thị Mai")
    type_text(papers.accountant, "Lý Thị Hoa")
    type_text(papers.cashier, "Sùng Thị Dợ")
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)

    admin = wizard.admin_page
    assert button(wizard, QWizard.WizardButton.CommitButton).text() == "Tạo cơ sở dữ liệu"
    type_text(admin.full_name, "Nguyễn Thị Lan")
    type_text(admin.username, "lan")
    type_text(admin.password, PW)
    type_text(admin.password2, PW + "x")
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is admin and not path.exists()
    assert "không giống nhau" in admin.banner.text() + "".join(
        w.text() for w in admin.findChildren(setup_wizard.ErrorLabel) if w.isVisible()
    )
    admin.password2.clear()
    type_text(admin.password2, PW)
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=30_000)

    key_page = wizard.recovery_page
    code = key_page.key_label.text()
    assert len(code) > 30 and path.exists()
    finish = button(wizard, QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # not before the key is kept

    # "Print…": the print dialog chooses a PDF file here, as "Print to file" would.
    sheet = tmp_path / "key.pdf"

    class PrintToFile:
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(sheet))

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(setup_wizard, "QPrintDialog", PrintToFile)
    qtbot.mouseClick(key_page.print_button, Qt.MouseButton.LeftButton)
    text = " ".join(pypdf.PdfReader(sheet).pages[0].extract_text().split())
    assert code in text.replace(" ", "") or code in text
    assert "két sắt" in text and "Hội LHPN xã thử" in text

    key_page.kept.setChecked(True)
    assert finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    ws = wizard.workspace()
    assert ws is not None
    try:
        saved = office.get_office(ws.db, SYSTEM)
        assert saved is not None
        assert (saved.kind, saved.province_code, saved.unit_code) == (
            "commune",
            province,
            chosen.code,
        )
        assert (saved.receipt_prefix, saved.voucher_book) == ("TH", "01/2026")
        assert (saved.head_name, saved.accountant_name, saved.cashier_name) == (
            "Vàng Thị Mai",
            "Lý Thị Hoa",
            "Sùng Thị Dợ",
        )
        assert ws.actor.username == "lan" and ws.actor.role == "admin"
    finally:
        ws.close()


def test_a_commune_of_another_province_is_refused_on_the_office_page(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    wizard = SetupWizard(DatabaseLocation(path=tmp_path / "office.db"))
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.office_page
    type_text(page.name, "Hội LHPN")
    pick(page.place, "lung cu", qtbot)  # no province yet: the pick sets it
    assert page.place.province_code() == "08"
    page.place.set_province("04")  # another province: the commune no longer fits
    assert page.place.place() is None and page.place.unit.text() == ""


def test_the_picker_finds_old_communes_marked_with_what_they_became(qtbot, ctx):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    host = QWidget()
    qtbot.addWidget(host)
    picker = PlacePicker(host, level="commune", other_dates=True)
    picker.set_province("08")
    type_text(picker.unit, "thuong phung")
    rows = [picker.matches.item(i).text() for i in range(picker.matches.rowCount())]
    assert rows == ["Xã Thượng Phùng, huyện Mèo Vạc (00772) — trước 1/7/2025, nay là xã Sơn Vĩ"]
    picker.set_code("00772", None)
    assert picker.code() == "00772" and picker.place().is_old  # type: ignore[union-attr]
    # Leaving the field with a code the list knows takes it.
    picker.set_code(None)
    type_text(picker.unit, "00715")
    picker.unit.editingFinished.emit()
    qtbot.waitUntil(lambda: picker.unit.text() == "Xã Lũng Cú (00715)")
    assert picker.code() == "00715"
