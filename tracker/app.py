"""Starting the desktop app: the QApplication and its translations, getting in (first-run
set-up or sign-in, from ``tracker.ui.signin``), the main window and the screen lock.

``python -m tracker`` (``tracker.cli``) calls :func:`main` with its parsed arguments; the
``grant-tracker`` GUI entry point calls it with none. :func:`run_gui` shows the window for
a database that is already open and a user who is already known.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from tracker import __version__
from tracker.config import DatabaseLocation, resolve_database, resources_dir
from tracker.ui import collector, prefs
from tracker.ui.translations import LANGUAGES, translations

if TYPE_CHECKING:
    from tracker.db.engine import Database
    from tracker.services.auth import Workspace
    from tracker.services.context import Actor
    from tracker.ui.context import UiContext
    from tracker.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def ensure_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication of the process (created once), named for QSettings."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv if argv is not None else sys.argv[:1]))
    assert isinstance(app, QApplication)
    app.setOrganizationName(prefs.ORGANIZATION)
    app.setApplicationName(prefs.APPLICATION)
    app.setApplicationVersion(__version__)
    icon_path = resources_dir() / "icons" / "app.svg"
    if icon_path.exists():
        app.setWindowIcon(QIcon(str(icon_path)))
    # Cyclic garbage is collected on this thread only (see tracker.ui.collector).
    collector.install()
    return app


def use_language(lang: str | None = None) -> str:
    """Install the translations of ``lang`` (default: the saved choice, else Vietnamese)."""
    chosen = lang if lang in LANGUAGES else prefs.LANGUAGE.get()
    translations().use(chosen)
    return chosen


def needs_setup(location: DatabaseLocation) -> bool:
    """The first start: no database file yet, or (PostgreSQL) a database without an office."""
    if location.path is not None:
        return not location.path.exists()
    from tracker.db import Database, upgrade
    from tracker.services import office
    from tracker.services.context import SYSTEM

    db = Database(location)
    try:
        upgrade(db)
        return office.get_office(db, SYSTEM) is None
    finally:
        db.dispose()


def open_workspace(location: DatabaseLocation, username: str = "") -> Workspace | None:
    """The setup assistant on the first start, else the sign-in dialog. None when the user
    closed it."""
    if needs_setup(location):
        # Only then: the assistant loads the services, SQLAlchemy and the places with it.
        from tracker.ui.setup_wizard import SetupWizard

        return SetupWizard(location).exec_result()
    from tracker.ui.signin import SignInDialog

    return SignInDialog(location, username=username).exec_result()


def warm_places() -> None:
    """Index the administrative units on a background thread (about 0.3 s), so that the
    first place picker opens at once."""
    import threading

    def index() -> None:
        from tracker.services import places

        places.gazetteer()
        places.shipped_names()  # the lists' place names, for the first screen

    threading.Thread(target=index, name="places-index", daemon=True).start()


def daily_backup(window: MainWindow, ws: Workspace) -> None:
    """The daily automatic backup, on the worker, when the newest one is a day old."""
    from tracker.services import backups
    from tracker.ui.worker import run_task

    if ws.db.location.path is None:
        return

    def failed(exc: BaseException) -> None:
        log.warning("the daily backup failed: %s", exc)
        window.statusBar().showMessage(
            QCoreApplication.translate("app", "The daily backup failed: {error}").format(error=exc),
            15_000,
        )

    run_task(window, lambda: backups.backup_if_due(ws), on_failure=failed)


def check_integrity(window: MainWindow, ws: Workspace) -> None:
    """The whole file's integrity and the projects' kept totals, checked on the worker
    once the window is up (never in front of the sign-in). Damage is said at once, and
    the next sign-in checks the file first and offers the newest good backup; totals
    changed outside the app are counted again (``projects.check_totals``) and said."""
    from tracker.services import auth, projects
    from tracker.ui.events import Change
    from tracker.ui.worker import error_text, run_task

    def check() -> list[projects.TotalsCorrected]:
        if ws.db.location.path is not None:
            auth.check_integrity(ws.db)
        return projects.check_totals(ws.db, ws.actor)

    def corrected(found: list[projects.TotalsCorrected]) -> None:
        if not found:
            return
        log.warning("project totals counted again: %s", [c.code for c in found])
        # The budgets shown read them again first: the message stands over the count.
        window.ctx.events.announce([Change.PROJECT])
        QMessageBox.warning(
            window,
            QCoreApplication.translate("app", "Project totals counted again"),
            QCoreApplication.translate(
                "app",
                "What was kept as planned and handed over for {projects} did not match their "
                "grants and hand-overs: it was changed outside Grant Tracker. The totals were "
                "counted again, and this is recorded in the audit trail.",
            ).format(projects=", ".join(c.code for c in found)),
        )

    def failed(exc: BaseException) -> None:
        log.warning("the integrity check failed: %s", exc)
        QMessageBox.warning(
            window,
            QCoreApplication.translate("app", "The database is damaged"),
            QCoreApplication.translate(
                "app",
                "{error}\n\nClose Grant Tracker and sign in again: the sign-in then offers "
                "the newest good backup.",
            ).format(error=error_text(exc)),
        )

    run_task(window, check, on_success=corrected, on_failure=failed)


DEMO_HELP = "a demo database: built first, in a window with its progress, if the file is missing"


def build_demo_if_missing(location: DatabaseLocation) -> bool:
    """The demo database, built with a progress window when its file does not exist yet;
    False (after saying why) when the build failed."""
    if location.path is None or location.path.exists():
        return True
    from tracker.ui.demo_build import DemoBuildDialog

    dialog = DemoBuildDialog(location)
    if dialog.exec() == DemoBuildDialog.DialogCode.Accepted:
        return True
    QMessageBox.critical(
        None,
        QCoreApplication.translate("app", "The demo database could not be built"),
        dialog.error,
    )
    return False


#: What :func:`run_gui` returns when a backup was restored: the database is closed and
#: the app asks everyone to sign in again.
SIGN_IN_AGAIN = -100


def run_gui(
    db: Database, actor: Actor, lang: str | None = None, *, workspace: Workspace | None = None
) -> int:
    """Show the main window for ``actor`` on an opened, migrated database; returns the
    exit code of the event loop, or :data:`SIGN_IN_AGAIN` after a restore. With
    ``workspace`` the window locks itself (Ctrl+L, and when idle) and backs up daily."""
    from tracker.ui.signin import preloaded

    preloaded()  # the sign-in dialog's thread may still be loading the window's modules
    from tracker.ui.context import UiContext

    app = ensure_application()
    use_language(lang)
    window = start_window(UiContext(db=db, actor=actor, workspace=workspace))
    code = app.exec()
    again = window.sign_in_again
    window.deleteLater()
    return SIGN_IN_AGAIN if again else code


#: The whole file's integrity check and the daily backup start this long after the window
#: shows: both read the whole file, and would take a core from the first screen.
BACKGROUND_DELAY_MS = 3000


def start_window(ctx: UiContext) -> MainWindow:
    """Show the main window for a signed-in context (the frame built while the password
    was typed, bound to the user); for a workspace, check the file's integrity and take
    the daily backup on the worker a little later."""
    from tracker.ui.main_window import open_window

    window = open_window(ctx)
    ws = ctx.workspace
    if ws is not None:

        def background() -> None:
            check_integrity(window, ws)
            daily_backup(window, ws)

        QTimer.singleShot(BACKGROUND_DELAY_MS, window, background)
    window.show()
    window.warn_after_sign_in()
    return window


def _arguments(argv: Sequence[str] | argparse.Namespace | None) -> argparse.Namespace:
    if isinstance(argv, argparse.Namespace):
        return argv
    parser = argparse.ArgumentParser(prog="grant-tracker")
    parser.add_argument("--db", help="SQLite database file")
    parser.add_argument("--db-url", help="database URL (PostgreSQL)")
    parser.add_argument("--user", help="user name to sign in with")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the window")
    parser.add_argument("--demo", action="store_true", help=DEMO_HELP)
    args, _qt_args = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    return args


def _unexpected(kind: type[BaseException], exc: BaseException, tb: object) -> None:
    """An error nothing else caught (in a slot, a timer): logged with its details, told to
    the user in words; never a traceback on the screen."""
    from tracker.services.errors import ServiceError, UnexpectedError

    log.error("unexpected error", exc_info=(kind, exc, tb))  # type: ignore[arg-type]
    if QApplication.instance() is None:
        return
    text = exc.message() if isinstance(exc, ServiceError) else UnexpectedError(exc).message()
    try:
        QMessageBox.critical(None, QCoreApplication.translate("worker", "Could not finish"), text)
    except Exception:  # the window itself may be what failed: the log has it
        log.exception("showing the error failed")


def main(argv: Sequence[str] | argparse.Namespace | None = None) -> int:
    """Open the window: first-run set-up or sign-in on the database chosen by ``--db``,
    ``--db-url`` or the environment, then the main window. Returns the exit code."""
    previous = sys.excepthook
    sys.excepthook = _unexpected
    try:
        return _main(argv)
    finally:
        sys.excepthook = previous


def _main(argv: Sequence[str] | argparse.Namespace | None) -> int:
    args = _arguments(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    ensure_application()
    # Once the first dialog has painted (the import and the index would hold it up).
    QTimer.singleShot(300, warm_places)
    lang = use_language(getattr(args, "lang", None))
    location = resolve_database(getattr(args, "db", None), getattr(args, "db_url", None))
    username = getattr(args, "user", None) or ""
    if getattr(args, "demo", False):
        if not build_demo_if_missing(location):
            return 2
        username = username or "admin"
    while True:
        try:
            ws = open_workspace(location, username)
        except Exception as exc:
            log.exception("opening the database failed")
            QMessageBox.critical(
                None,
                QCoreApplication.translate("app", "Cannot open the database"),
                QCoreApplication.translate(
                    "app", "The database {location} could not be opened:\n{error}"
                ).format(location=location.describe(), error=exc),
            )
            return 2
        if ws is None:
            return 1
        code = 0
        try:
            code = run_gui(ws.db, ws.actor, lang, workspace=ws)
        finally:
            if code != SIGN_IN_AGAIN:  # after a restore the database is already closed
                backup_at_close(ws)
            ws.close()
        if code != SIGN_IN_AGAIN:
            return code
        # A backup was restored: sign in again, in the language chosen meanwhile.
        username = ws.actor.username
        lang = translations().lang


def backup_at_close(ws: Workspace) -> None:
    """The window is gone: take the closing backup (encrypted, checked, 30 kept)."""
    from tracker.services import backups

    if ws.db.location.path is None:
        return
    try:
        backups.backup_now(ws, reason="close")
    except Exception:
        log.exception("the closing backup failed")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
