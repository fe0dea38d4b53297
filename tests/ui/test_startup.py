"""The sign-in dialog paints before the data layer loads: the database engine, SQLAlchemy
and the services come in on a background thread while the user types."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.conftest import TODAY
from tracker.ui.context import UiContext
from tracker.ui.main_window import MainWindow

CODE = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.isWindow():
            heavy = [m for m in ("sqlalchemy", "alembic", "tracker.db.engine",
                                 "tracker.services.auth", "tracker.commands", "argon2", "babel",
                                 "reportlab", "openpyxl") if m in sys.modules]
            import PySide6.QtCore
            made = "Qt" in vars(PySide6.QtCore)  # the namespace's 1,454 enum names
            print("loaded:", ",".join(heavy), "|", type(obj).__name__, "|", obj.windowTitle(),
                  "| Qt namespace made:", made, flush=True)
            os._exit(0)
        return False

app = QApplication(sys.argv[:1])
watcher = FirstPaint()
app.installEventFilter(watcher)
from tracker.cli import main  # as the installed program starts
main(["--db", sys.argv[1], "--user", "admin", "--lang", "vi"])
"""


def test_the_program_paints_its_sign_in_dialog_before_loading_the_data_layer(
    tmp_path: Path,
) -> None:
    """From the installed program's entry (``tracker.cli.main``) to the first window
    painted: the sign-in dialog, with none of the data layer, the commands or the report
    writers loaded yet, and Qt's namespace not yet made (``tracker.ui.qtnames``)."""
    db = tmp_path / "tracker.db"
    db.write_bytes(b"")  # a database exists: the sign-in, not the setup assistant
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", CODE, str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.returncode == 0, out.stderr
    line = out.stdout.strip().splitlines()[-1]
    assert line == (
        "loaded:  | SignInDialog | Đăng nhập – Sổ theo dõi hỗ trợ | Qt namespace made: False"
    ), line


def test_while_the_password_is_typed_the_windows_frame_is_built_once_off_screen(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch
):
    """Once the window's modules are in, the dialog builds the main window's frame and
    draws it off screen once (``main_window.prepare``); not after "Sign in" was clicked.
    Quitting the dialog throws the frame away."""
    from tracker.config import DatabaseLocation
    from tracker.ui import collector, main_window, signin

    drawn: list[object] = []
    prepare = main_window.prepare

    def counted() -> None:
        prepare()
        drawn.append(True)

    monkeypatch.setattr(main_window, "prepare", counted)
    dialog = signin.SignInDialog(DatabaseLocation(path=tmp_path / "tracker.db"), username="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(drawn), timeout=20_000)
    qtbot.wait(400)
    assert drawn == [True]
    assert dialog.isVisible()
    frame = main_window._prepared
    assert frame is not None and not frame.isVisible()
    # What the start-up made is out of the collector's sight: no long collection is due
    # when "Sign in" is clicked.
    assert gc.get_freeze_count() > 10_000
    frozen = gc.get_freeze_count()
    more = [[i] for i in range(1000)]  # tracked objects made after the start-up
    collector.settle()  # once per process: a second sign-in freezes nothing more
    assert gc.get_freeze_count() == frozen and more
    dialog.reject()
    assert main_window._prepared is None
    signin.preloaded()


def _seen(win: MainWindow) -> dict[str, object]:
    """What the user of a window meets: the navigation, the menus (texts, shortcuts,
    what can be clicked), the status bar."""
    menus = {}
    for menu in (win.file_menu, win.go_menu, win.actions_menu, win.view_menu, win.help_menu):
        menus[menu.title()] = [
            (a.text(), a.shortcut().toString(), a.isEnabled(), a.isChecked())
            for a in menu.actions()
        ]
    return {
        "nav": [win.nav.item(row).text() for row in range(win.nav.count())],
        "pages": list(win.page_keys),
        "holders": win.stack.count(),
        "menus": menus,
        "status": [win.office_label.text(), win.user_label.text(), win.db_label.text()],
        "title": win.windowTitle(),
        "today": win.nav.currentRow(),
        "today_page": [
            (w.text(), w.isEnabled())
            for w in (
                win.today_page.title_label,
                win.today_page.new_button,
                win.today_page.grant_button,
                win.today_page.handover_button,
                win.today_page.visits_button,
            )
        ],
    }


@pytest.mark.parametrize("role", ["admin", "officer", "viewer"])
def test_the_frame_built_while_typing_becomes_the_same_window_as_one_built_after(  # type: ignore[no-untyped-def]
    qtbot, sqlite_db, actors, role: str
):
    """The frame drawn before anyone signed in, bound to the user who did, shows exactly
    what a window built for them shows: their pages only (no Users or Audit trail for a
    clerk), Ctrl+1... in the order of their navigation, their actions, their name."""
    from tracker.ui import main_window

    ctx = UiContext(db=sqlite_db, actor=actors[role], clock=lambda: TODAY)
    built = MainWindow(ctx)
    qtbot.addWidget(built)
    main_window.prepare()
    frame = main_window._prepared
    assert frame is not None
    assert frame.nav.count() == len(main_window.PAGE_ORDER)  # every page, until bound
    assert not any(a.isEnabled() for a in frame.actions())
    # Today is built too, empty, reading nothing and offering nothing until bound.
    waiting = frame.pages["today"]
    assert frame.ctx.pending and waiting.overdue_model.rowCount() == 0
    assert not waiting.new_button.isEnabled() and not waiting.handover_button.isEnabled()
    again = UiContext(db=sqlite_db, actor=actors[role], clock=lambda: TODAY)
    bound = main_window.open_window(again)
    qtbot.addWidget(bound)
    assert bound is frame and main_window._prepared is None
    assert bound.today_page is waiting and waiting.ctx is bound.ctx
    assert not bound.ctx.pending and bound.ctx.db is sqlite_db
    assert bound.ctx.actor == actors[role] and waiting.overdue_model.ctx is bound.ctx
    assert _seen(bound) == _seen(built)
    assert ("users" in bound.page_keys) == (role == "admin")
    bound.show()
    qtbot.waitExposed(bound)
    qtbot.waitUntil(lambda: bound.today_page.overdue_box.title() != "", timeout=10_000)
    assert bound.current_page() is bound.today_page
    bound.close()
    built.close()


def test_a_flag_set_by_its_name_is_the_flag_and_a_wrong_name_is_refused(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFormLayout, QLabel

    from tracker.ui import qtnames

    label = QLabel("Mật khẩu")
    qtbot.addWidget(label)
    qtnames.set_flags(label, "alignment", "AlignRight|AlignVCenter")
    assert label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    form = QFormLayout()
    qtnames.set_flags(form, "labelAlignment", "AlignRight|AlignTop")
    assert form.labelAlignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
    with pytest.raises(ValueError, match="AlignSideways"):
        qtnames.set_flags(label, "alignment", "AlignSideways")
    assert qtnames.Qt.Key.Key_Down == Qt.Key.Key_Down
