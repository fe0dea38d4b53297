"""Screenshots of the setup assistant and the place picker (offscreen, 1366x768 screen),
into docs/screenshots/: .venv/bin/python scripts/screenshots_setup.py [OUT_DIR]"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_OFFSCREEN_SCREEN_SIZE", "1366x768")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget, QWizard

ROOT = Path(__file__).resolve().parents[1]


def type_text(widget: QWidget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )
    QApplication.processEvents()


def grab_with_popup(window: QWidget, popup: QWidget, path: Path) -> None:
    """The window with the list of matches drawn where it opens."""
    shot = window.grab()
    if popup.isVisible():
        from PySide6.QtGui import QPainter

        painter = QPainter(shot)
        corner = window.mapFromGlobal(popup.mapToGlobal(popup.rect().topLeft()))
        painter.drawPixmap(corner, popup.grab())
        painter.end()
    shot.save(str(path))


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    from tracker.config import DatabaseLocation
    from tracker.ui import translations
    from tracker.ui.setup_wizard import SetupWizard

    translations.translations().use("vi")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TRACKER_DATA_DIR"] = tmp
        wizard = SetupWizard(DatabaseLocation(path=Path(tmp) / "tracker.db"))
        wizard.resize(820, 600)
        wizard.show()
        page = wizard.office_page
        type_text(page.name, "Hội LHPN xã Lũng Cú")
        page.place.set_province("08")
        page.place.unit.setFocus()
        type_text(page.place.unit, "lung")
        app.processEvents()
        grab_with_popup(wizard, page.place.completer.popup(), out / "vi-setup-1-office.png")
        page.place.completer.popup().hide()
        page.place.unit.clear()
        type_text(page.place.unit, "lung cu")
        page.place.unit.editingFinished.emit()
        app.processEvents()
        wizard.next()
        papers = wizard.papers_page
        for edit, text in (
            (papers.prefix, "LC"),
            (papers.book, "01/2026"),
            (papers.head, "Vàng Thị Mai"),
            (papers.accountant, "Lý Thị Hoa"),
            (papers.cashier, "Sùng Thị Dợ"),
        ):
            type_text(edit, text)
        wizard.grab().save(str(out / "vi-setup-2-papers.png"))
        wizard.next()
        admin = wizard.admin_page
        for edit, text in (
            (admin.full_name, "Vàng Thị Mai"),
            (admin.username, "mai"),
            (admin.password, "mat-khau-2026"),
            (admin.password2, "mat-khau-2026"),
        ):
            type_text(edit, text)
        wizard.grab().save(str(out / "vi-setup-3-admin.png"))
        wizard.button(QWizard.WizardButton.CommitButton).click()
        from tracker.ui import worker

        while wizard.currentPage() is not wizard.recovery_page:
            app.processEvents()
            worker.wait_for_tasks(100)
        wizard.grab().save(str(out / "vi-setup-4-recovery-key.png"))
        ws = wizard.workspace()
        if ws is not None:
            ws.close()
        wizard.hide()
    print(f"written into {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
