"""Qt's own dialogs speak the app's language: the print dialog (with its options, the
printer's properties and the page set-up), the print preview, the file dialogs as the app
opens them (Qt's own, in Documents or on the stick), message boxes and the input dialog.

Two checks for each dialog, in Vietnamese: no visible text of it is one of the English
texts Qt would show (the sources of ``qtbase_extra_vi.ts``), and every Qt text the dialog
asked for while it was built and shown had a Vietnamese translation (a recording
translator installed under the app's own sees each lookup they did not answer)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QWidget,
)

from tracker.ui import files
from tracker.ui.translations import translations

ROOT = Path(__file__).resolve().parents[2]
QT_TS = ROOT / "resources" / "translations" / "qtbase_extra_vi.ts"
#: Lookups that stay as they are in Vietnamese: key names in shortcuts ("Ctrl", "Del") and
#: paper names ("A4", "Letter").
LEFT_AS_THEY_ARE = {"QShortcut", "QPageSize"}


def _plain(text: str) -> str:
    """A label as a user reads it: no mnemonic "&", shortcut, trailing colon or spaces."""
    text = text.split("\t")[0]
    return re.sub(r"&(?!&)", "", text).replace("&&", "&").strip().rstrip(":").strip()


def english_labels() -> set[str]:
    """Qt's English texts that have a different Vietnamese text."""
    found: set[str] = set()
    for message in ET.parse(QT_TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if _plain(source) != _plain(translation) and len(_plain(source)) > 1:
            found.add(_plain(source))
    return found


class RecordingTranslator(QTranslator):
    """Installed before the app's translators, so it is asked only for what they did not
    translate; it notes the lookup and leaves the text as it is."""

    def __init__(self) -> None:
        super().__init__()
        self.missed: set[tuple[str, str]] = set()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if context.startswith("Q") and context not in LEFT_AS_THEY_ARE:
            self.missed.add((context, source))
        return source

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def missed(qapp: QApplication) -> Iterator[set[tuple[str, str]]]:
    """The Qt texts that went untranslated while the test ran (Vietnamese)."""
    recorder = RecordingTranslator()
    translations().remove()
    qapp.installTranslator(recorder)
    translations().use("vi")  # installed after: asked first
    recorder.missed.clear()  # what was asked before the app's own were back
    yield recorder.missed
    qapp.removeTranslator(recorder)


def shown_texts(root: QWidget) -> list[str]:
    """Every text a user can read in ``root``: titles, labels, buttons, group boxes, tabs,
    the items of drop-down lists, column headers, placeholders and tooltips. The names of
    files and folders listed are the user's own and left out."""
    texts = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QComboBox) and w.objectName() != "lookInCombo":
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QHeaderView) and w.model() is not None:
            model = w.model()
            texts += [
                str(model.headerData(i, w.orientation(), Qt.ItemDataRole.DisplayRole) or "")
                for i in range(w.count())
            ]
        texts.append(w.toolTip())
    return [t for t in texts if t]


def english_in(root: QWidget) -> list[str]:
    english = english_labels()
    return sorted({t for t in shown_texts(root) if _plain(t) in english})


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(50)


def test_the_english_labels_are_known() -> None:
    english = english_labels()
    for label in ("Look in", "File name", "Files of type", "Choose", "Save", "Cancel",
                  "Print", "Printer", "Properties", "Options >>", "Copies", "Pages from",
                  "New Folder", "Print all", "Collate", "Page size"):  # fmt: skip
        assert label in english, label


def test_the_print_dialog_in_vietnamese(qtbot, missed: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.setMinMax(1, 3)
    dialog.show()
    settle(qtbot)
    texts = [_plain(t) for t in shown_texts(dialog)]
    assert "In" in texts and "Tùy chọn >>" in texts
    assert english_in(dialog) == []

    options = next(b for b in dialog.findChildren(QPushButton) if "Tùy chọn" in b.text())
    options.click()
    settle(qtbot)
    texts = [_plain(t) for t in shown_texts(dialog)]
    for label in ("Số bản", "In tất cả", "Các trang từ", "In theo từng bộ", "Tùy chọn <<"):
        assert label in texts, label
    assert english_in(dialog) == []
    # The other tab of the options (colour, both sides).
    tabs = [t for t in dialog.findChildren(QTabWidget) if t.isVisible()]
    for tab in tabs:
        for i in range(tab.count()):
            tab.setCurrentIndex(i)
            settle(qtbot)
            assert english_in(dialog) == []

    properties = dialog.findChild(QPushButton, "properties")
    if QPrinterInfo.availablePrinters() and properties is not None and properties.isEnabled():
        seen: list[list[str]] = []

        def look_and_close() -> None:
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QDialog) and w.isVisible() and w is not dialog:
                    for tab in w.findChildren(QTabWidget):
                        tab.setCurrentIndex(0)  # the page set-up (the other: the driver's)
                    seen.append(english_in(w))
                    seen.append([_plain(t) for t in shown_texts(w)])
                    w.reject()

        QTimer.singleShot(300, look_and_close)
        properties.click()
        assert seen, "the printer's properties did not open"
        assert seen[0] == []
        assert "Khổ giấy" in seen[1] and "Thuộc tính máy in" in seen[1]
    dialog.reject()
    assert sorted(missed) == []


def test_the_print_preview_in_vietnamese(qtbot, missed: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    printer = QPrinter()  # outlives the dialog that paints on it
    dialog = QPrintPreviewDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)
    assert dialog.windowTitle() == "Xem trước khi in"
    actions = {_plain(a.text()) for a in dialog.findChildren(QAction) if a.text()}
    assert {"Trang sau", "Phóng to", "In", "Thiết lập trang"} <= actions
    assert not actions & english_labels()
    assert english_in(dialog) == []
    dialog.reject()
    assert sorted(missed) == []


def _file_dialog(qtbot, call, answer: str = "") -> QFileDialog:  # type: ignore[no-untyped-def]
    """Open a file dialog through the app's helper, look at it while it is up, then close
    it; returns the dialog's texts checked."""
    found: dict[str, object] = {}

    def look() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QFileDialog) and w.isVisible()
        )
        # The detail view shows the column headers; the context menu the folder actions.
        detail = dialog.findChild(QAbstractButton, "detailModeButton")
        if detail is not None:
            detail.click()
        found["english"] = english_in(dialog)
        found["texts"] = [_plain(t) for t in shown_texts(dialog)]
        found["folder"] = dialog.directory().absolutePath()
        found["native"] = dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.reject()

    QTimer.singleShot(200, look)
    result = call()
    assert result == answer
    assert found, "the file dialog did not open"
    return found  # type: ignore[return-value]


def test_the_file_dialogs_in_vietnamese_and_where_they_open(  # type: ignore[no-untyped-def]
    qtbot, missed: set[tuple[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    documents = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    save = _file_dialog(
        qtbot, lambda: files.save_file(None, "Lưu PDF", "MV-2025-00001.pdf", "PDF (*.pdf)")
    )
    assert save["english"] == []
    assert save["native"] is True
    for label in ("Tìm trong", "Tên tệp", "Loại tệp", "Lưu", "Hủy", "Tên", "Kích thước"):
        assert label in save["texts"], label
    assert Path(str(save["folder"])) == documents
    assert Path.cwd() != documents

    opened = _file_dialog(qtbot, lambda: files.open_file(None, "Chọn tệp", "Excel (*.xlsx)"))
    assert opened["english"] == [] and "Mở" in opened["texts"]

    folder = _file_dialog(qtbot, lambda: files.choose_folder(None, "Chọn thư mục"))
    assert folder["english"] == [] and "Chọn" in folder["texts"]
    assert Path(str(folder["folder"])) == documents

    # For what goes on a stick: the stick, when one is plugged in.
    stick = tmp_path / "media" / "USB"
    stick.mkdir(parents=True)
    monkeypatch.setattr(files, "stick_folder", lambda: stick)
    on_stick = _file_dialog(qtbot, lambda: files.choose_folder(None, "Xuất", stick=True))
    assert Path(str(on_stick["folder"])) == stick
    assert sorted(missed) == []


def test_replacing_a_file_is_asked_in_vietnamese(qtbot, missed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    existing = tmp_path / "phieu.pdf"
    existing.write_bytes(b"%PDF-1.4")
    asked: list[list[str]] = []

    def type_name_and_save() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QFileDialog) and w.isVisible()
        )

        def answer_box() -> None:
            box = next(
                w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()
            )  # fmt: skip
            asked.append([box.text(), *(_plain(b.text()) for b in box.buttons())])
            box.button(QMessageBox.StandardButton.Yes).click()

        QTimer.singleShot(200, answer_box)
        dialog.selectFile(str(existing))
        dialog.accept()

    QTimer.singleShot(200, type_name_and_save)
    path = files.save_file(None, "Lưu", "phieu.pdf", "PDF (*.pdf)", tmp_path)
    assert path == str(existing)
    assert asked and "đã có" in asked[0][0] and "Có" in asked[0] and "Không" in asked[0]
    assert sorted(missed) == []


def test_message_boxes_and_the_input_dialog_in_vietnamese(  # type: ignore[no-untyped-def]
    qtbot, missed: set[tuple[str, str]]
):
    box = QMessageBox(QMessageBox.Icon.Question, "Grant Tracker", "Lưu thay đổi?")
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(
        buttons.Yes | buttons.No | buttons.Save | buttons.Discard | buttons.Cancel | buttons.Close
    )
    box.setDetailedText("chi tiết")
    qtbot.addWidget(box)
    box.show()
    settle(qtbot)
    names = {_plain(b.text()) for b in box.buttons()}
    assert {"Có", "Không", "Lưu", "Bỏ thay đổi", "Hủy", "Xem chi tiết..."} <= names
    assert english_in(box) == []
    box.reject()

    ask = QInputDialog()
    qtbot.addWidget(ask)
    ask.show()
    settle(qtbot)
    assert "Nhập một giá trị" in [_plain(t) for t in shown_texts(ask)]
    assert english_in(ask) == []
    ask.reject()
    assert sorted(missed) == []


def test_the_text_field_menu_in_vietnamese(qtbot, missed: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    field = QLineEdit("Đặng Thị Lần")
    qtbot.addWidget(field)
    field.show()
    menu = field.createStandardContextMenu()
    assert menu is not None
    texts = {_plain(a.text()) for a in menu.actions() if a.text()}
    assert {"Hoàn tác", "Cắt", "Sao chép", "Dán", "Chọn tất cả"} <= texts
    assert not texts & english_labels()
    menu.deleteLater()
    assert sorted(missed) == []
