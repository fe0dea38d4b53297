"""The window on a fresh database: an office with a user per role, the demo communes, the
translations compiled once for the session, and QSettings in a temporary folder."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from tracker.db import Database
from tracker.db.reference import DEMO_UNITS
from tracker.i18n import set_language
from tracker.services import places, projects
from tracker.services.context import Actor
from tracker.services.projects import ProjectInput, ProjectView
from tracker.ui import collector, main_window, prefs, translations, worker
from tracker.ui.context import Change, ChangeNotice, UiContext
from tracker.ui.main_window import MainWindow
from tracker.ui.models import PagedTableModel

from ..conftest import TODAY, setup_office
from .demo_data import demo_ctx, demo_file, demo_window  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .ts files of the repository compiled once into a session folder."""
    out = tmp_path_factory.mktemp("translations")
    tool = translations.qt_tool("lrelease")
    assert tool is not None, "lrelease not found"
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(out / (ts.stem + ".qm"))], check=True
        )
    return out


@pytest.fixture(autouse=True)
def _private_qt_settings(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    compiled_translations: Path,
    qapp: QApplication,
) -> Iterator[None]:
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setattr(translations, "translations_dir", lambda: compiled_translations)
    qapp.setOrganizationName(prefs.ORGANIZATION)
    qapp.setApplicationName(prefs.APPLICATION)
    translations.translations().use("vi")
    collector.install()  # as the app does: cyclic garbage collected on the UI thread only
    yield
    assert worker.wait_for_tasks(10_000), "a background task did not come back"
    main_window.discard_prepared()  # a frame a sign-in dialog built and nobody took
    collector.uninstall()
    translations.translations().remove()
    set_language("vi")


@pytest.fixture
def actors(sqlite_db: Database) -> dict[str, Actor]:
    found = setup_office(sqlite_db)
    with sqlite_db.write() as s:
        places.seed_units(s, DEMO_UNITS)
    return found


@pytest.fixture
def project(sqlite_db: Database, actors: dict[str, Actor]) -> ProjectView:
    return projects.create_project(
        sqlite_db,
        actors["admin"],
        ProjectInput(
            code="SK-2527",
            name="Sinh kế an toàn",
            donor="Rồng Xanh",
            start_date=date(2025, 1, 1),
            end_date=date(2027, 12, 31),
            budget=500_000_000,
        ),
    )


@pytest.fixture
def ctx(sqlite_db: Database, actors: dict[str, Actor]) -> UiContext:
    return UiContext(db=sqlite_db, actor=actors["admin"], clock=lambda: TODAY)


@pytest.fixture
def window(qtbot, ctx: UiContext) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    worker.wait_for_tasks(10_000)
    win.close()


def type_text(widget: QWidget, text: str) -> None:
    """Type text as a keyboard would, Vietnamese letters included (QTest.keyClicks only
    knows Latin-1)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )
    QApplication.processEvents()


def visible(parent: QWidget, cls: type) -> list:  # type: ignore[type-arg]
    """The visible widgets of a class under ``parent``."""
    return [w for w in parent.findChildren(cls) if w.isVisible()]


def touches(kind: Change) -> Callable[[ChangeNotice], bool]:
    """For ``qtbot.waitSignal(ctx.events.changed, check_params_cb=touches(Change.X))``: the
    notice of a write that changed that kind of data."""
    return lambda notice: kind in notice.kinds


def loaded(qtbot, model: PagedTableModel, timeout: int = 5000) -> None:  # type: ignore[no-untyped-def]
    """Wait until a paged model's read on the worker has come back."""
    qtbot.waitUntil(lambda: not model.loading, timeout=timeout)


def choose_person(qtbot, dialog, typed: str, timeout: int = 5000) -> None:  # type: ignore[no-untyped-def]
    """In a hand-over dialog opened without a grant, type the person as the user does and
    wait for their open grants to come back from the worker (the first is chosen)."""
    with qtbot.waitSignal(dialog.grants_loaded, timeout=timeout):
        type_text(dialog.person.search, typed)
