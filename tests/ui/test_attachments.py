"""Photos and scans on the profile: a photo attached to a visit shows as a thumbnail,
opens full size in the app's own viewer, and comes back with a restored backup."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tracker.services import attachments, auth, visits
from tracker.ui.attachments import AttachmentsTab, AttachmentViewer
from tracker.ui.dialogs.backup_dialogs import RestoreConfirmDialog
from tracker.ui.main_window import MainWindow

from ..conftest import TODAY
from ..unit.test_svc_attachments import photo
from . import test_security_support as support
from .test_security_support import ADMIN_PASSWORD, register

location = support.location
open_window = support.open_window
window = support.window
workspace = support.workspace


def files_tab(win: MainWindow, qtbot, person_id: int) -> AttachmentsTab:  # type: ignore[no-untyped-def]
    page = win.show_page("beneficiaries")
    with qtbot.waitSignal(page.profile.loaded, timeout=10_000):
        page.open_profile(person_id)
    tab = page.profile.files
    page.profile.tabs.setCurrentWidget(tab)
    return tab


def test_a_visit_photo_survives_a_backup_and_restore(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, workspace, location, open_window, tmp_path: Path, monkeypatch
) -> None:
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: QMessageBox.StandardButton.Ok)
    person = register(workspace)
    vis = visits.schedule_visit(workspace.db, workspace.actor, person.id, TODAY, today=TODAY)
    visits.record_visit(
        workspace.db, workspace.actor, visits.VisitOutcome(vis.id, TODAY, True), today=TODAY
    )
    tab = files_tab(window, qtbot, person.id)
    assert tab.thumbnail_count() == 0
    tab.target.setCurrentIndex(tab.target.findData(f"visit:{vis.id}"))
    picture = tmp_path / "con-bo.jpg"
    picture.write_bytes(photo((1600, 1200)))
    assert tab.target.currentData() == f"visit:{vis.id}"
    tab.add_file(picture)
    qtbot.waitUntil(lambda: tab.thumbnail_count() == 1, timeout=10_000)
    [kept] = attachments.list_attachments(workspace.db, workspace.actor, person.id)
    assert (kept.target, kept.target_id) == ("visit", vis.id)
    assert not tab.list.item(0).icon().isNull()

    # Opened full size in the app's own viewer.
    tab.list.setCurrentRow(0)
    tab._open_item(tab.list.item(0))
    qtbot.waitUntil(lambda: bool(tab.findChildren(AttachmentViewer)), timeout=10_000)
    viewer = tab.findChildren(AttachmentViewer)[0]
    assert viewer.pixmaps[0].width() == 1600
    viewer.close()

    settings = window.show_page("settings")
    with qtbot.waitSignal(settings.backup_written, timeout=10_000):
        qtbot.mouseClick(settings.backup_button, Qt.MouseButton.LeftButton)
    attachments.remove_attachment(workspace.db, workspace.actor, kept.id)  # after the backup
    assert attachments.list_attachments(workspace.db, workspace.actor, person.id) == []

    monkeypatch.setattr(RestoreConfirmDialog, "ask", staticmethod(lambda *a, **k: True))
    settings.backup_list.setCurrentItem(settings.backup_list.topLevelItem(0))
    with qtbot.waitSignal(window.restored, timeout=10_000):
        qtbot.mouseClick(settings.restore_button, Qt.MouseButton.LeftButton)

    ws = auth.sign_in(location, "admin", ADMIN_PASSWORD)
    win = open_window(ws)
    tab = files_tab(win, qtbot, person.id)
    assert tab.thumbnail_count() == 1
    assert not tab.list.item(0).icon().isNull()


@pytest.mark.parametrize("data", [b"not a picture at all"])
def test_a_file_refused_says_why(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, workspace, tmp_path: Path, monkeypatch, data: bytes
) -> None:
    shown: list[str] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *a, **k: shown.append(text))
    person = register(workspace)
    tab = files_tab(window, qtbot, person.id)
    bad = tmp_path / "giay.jpg"
    bad.write_bytes(data)
    tab.add_file(bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "giay.jpg" in shown[0]
    assert tab.thumbnail_count() == 0


def test_a_file_dropped_on_the_tab_is_attached_to_the_person(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, workspace, tmp_path: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    person = register(workspace)
    tab = files_tab(window, qtbot, person.id)
    picture = tmp_path / "nha.png"
    picture.write_bytes(photo((500, 400), fmt="PNG"))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(picture))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tab.dropEvent(event)
    qtbot.waitUntil(lambda: tab.thumbnail_count() == 1, timeout=10_000)
    [kept] = attachments.list_attachments(workspace.db, workspace.actor, person.id)
    assert (kept.target, kept.mime, kept.file_name) == ("beneficiary", "image/png", "nha.png")
