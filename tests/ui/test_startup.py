"""The sign-in dialog paints before the data layer loads: the database engine, SQLAlchemy
and the services come in on a background thread while the user types."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CODE = r"""
import sys
from pathlib import Path
from tracker.app import ensure_application, use_language
from tracker.config import DatabaseLocation
app = ensure_application()
use_language("vi")
from tracker.ui.signin import SignInDialog
dialog = SignInDialog(DatabaseLocation(path=Path(sys.argv[1])), username="admin")
heavy = [m for m in ("sqlalchemy", "alembic", "tracker.db.engine", "tracker.services.auth",
                     "argon2", "babel", "reportlab", "openpyxl") if m in sys.modules]
dialog.show()
app.processEvents()
print("loaded:", ",".join(heavy), "|", dialog.windowTitle())
"""


def test_the_sign_in_dialog_shows_without_loading_the_data_layer(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", CODE, str(tmp_path / "tracker.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.returncode == 0, out.stderr
    line = out.stdout.strip().splitlines()[-1]
    assert line == "loaded:  | Đăng nhập – Sổ theo dõi hỗ trợ", line


def test_while_the_password_is_typed_the_windows_widgets_are_drawn_once_off_screen(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch
):
    """Once the window's modules are in, the dialog draws its kinds of widgets off screen
    once (``main_window.warm_up``); not after "Sign in" was clicked."""
    from tracker.config import DatabaseLocation
    from tracker.ui import main_window, signin

    drawn: list[object] = []
    warm_up = main_window.warm_up

    def counted() -> None:
        warm_up()
        drawn.append(True)

    monkeypatch.setattr(main_window, "warm_up", counted)
    dialog = signin.SignInDialog(DatabaseLocation(path=tmp_path / "tracker.db"), username="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(drawn), timeout=20_000)
    qtbot.wait(400)
    assert drawn == [True]
    assert dialog.isVisible()
    signin.preloaded()
