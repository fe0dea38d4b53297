"""The window on a PostgreSQL database: Settings' "Back up to a USB stick or folder…"
asks for a passphrase twice and writes an encrypted pg_dump onto the stick."""

from __future__ import annotations

from pathlib import Path

import pytest
import pyzipper
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tracker.db import Database, pg_backup
from tracker.services import office
from tracker.ui import files
from tracker.ui.context import UiContext
from tracker.ui.dialogs.backup_dialogs import PostgresBackupDialog
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets import ErrorLabel

from ..conftest import TODAY, make_db, setup_office
from .conftest import visible

pytestmark = pytest.mark.postgres

PASSPHRASE = "cụm mật khẩu sao lưu dài"


def test_a_postgresql_office_backs_up_onto_a_stick_from_the_window(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    db: Database = make_db("postgres", tmp_path)
    try:
        setup_office(db)
        ctx = UiContext(db=db, actor=office.actor_for(db, "admin"), clock=lambda: TODAY)
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        page = win.show_page("settings")
        assert page.usb_button.isVisible() and not page.backup_button.isVisible()
        assert "PostgreSQL" in page.backup_note.text()

        stick = tmp_path / "stick"
        stick.mkdir()
        monkeypatch.setattr(files, "choose_folder", lambda *a, **k: str(stick))
        qtbot.mouseClick(page.usb_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(visible(win, PostgresBackupDialog)), timeout=5000)
        dialog = visible(win, PostgresBackupDialog)[0]

        # Two passphrases that differ: said under the field, nothing written.
        dialog.passphrase.setText(PASSPHRASE)
        dialog.again.setText(PASSPHRASE + "x")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        said = [e.text() for e in visible(dialog, ErrorLabel) if e.text()]
        assert dialog.isVisible() and said, said
        assert list(stick.iterdir()) == []

        shown: list[tuple[str, str]] = []
        monkeypatch.setattr(
            QMessageBox, "information",
            lambda parent, title, text, *a, **k: shown.append((title, text)),
        )  # fmt: skip
        dialog.again.setText(PASSPHRASE)
        with qtbot.waitSignal(page.backup_written, timeout=60_000) as written:
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        made = written.args[0].path
        assert list(stick.iterdir()) == [made] and made.name.endswith(pg_backup.SUFFIX)
        assert shown and str(stick) in shown[-1][1] and made.name in shown[-1][1]
        assert PASSPHRASE not in shown[-1][1]
        with pyzipper.AESZipFile(made) as zf:
            zf.setpassword(PASSPHRASE.encode("utf-8"))
            assert zf.read(pg_backup.MEMBER).startswith(b"PGDMP")
        win.close()
    finally:
        db.dispose()
