"""The screen lock: the dialog that brings the window back with the user's password, and
the watch that locks it after a time without input."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tracker.ui import prefs
from tracker.ui.dialogs.base import form_layout
from tracker.ui.dialogs.fitting import FittingDialog
from tracker.ui.signin import password_edit

if TYPE_CHECKING:
    from tracker.services.auth import Workspace


class UnlockDialog(FittingDialog):
    """The screen lock: the signed-in user's password brings the window back."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setMinimumWidth(420)
        self.setWindowTitle(self.tr("Locked - Grant Tracker"))
        self.save_button.setText(self.tr("Unlock"))
        self.cancel_button.setText(self.tr("Quit"))
        layout = QVBoxLayout(self)
        msg = QLabel(
            self.tr("The window is locked. {name}, enter your password to go on.").format(
                name=ws.actor.full_name or ws.actor.username
            ),
            self,
        )
        msg.setWordWrap(True)
        layout.addWidget(msg)
        layout.addWidget(self.banner)
        form = form_layout()
        self.password = password_edit(self)
        self.add_field(form, self.tr("Password"), self.password, "password")
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def prepare(self) -> Callable[[], Any]:
        from tracker.services import auth
        from tracker.services.auth import AuthError

        ws, pw = self.ws, self.password.text()
        if not pw:
            raise AuthError("password_needed", "password")
        return lambda: auth.verify_password(ws, pw)

    def handle_error(self, exc: BaseException) -> None:
        from tracker.services.auth import AuthError

        self.password.clear()
        if isinstance(exc, AuthError) and exc.field is None:
            exc.field = "password"  # the only thing typed here
            if exc.key in ("wrong_password", "unknown_user"):
                # The service's words are for signing in ("wrong user name or password").
                text = self.tr("The password is wrong.")
                if exc.key == "wrong_password":
                    left = int(exc.params.get("left", 0))
                    text += " " + self.tr("%n tries left before the account is locked.", "", left)
                self.errors.show(exc, text)
                self.fit_later()
                return
        super().handle_error(exc)

    def reject(self) -> None:
        self._dirty = False
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape would quit the app from the lock: only the Quit button does that.
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)


class IdleLock(QObject):
    """Emits ``idle`` after ``minutes`` without a key press, click or mouse move.

    It watches the top-level windows (each QWindow as it gets focus) rather than the whole
    application: an application-wide event filter written in Python makes PySide wrap every
    new object as its first events pass, which recurses and crashes.
    """

    #: No input for the whole idle period.
    idle = Signal()

    _INPUT = (
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    )

    def __init__(
        self, minutes: float = prefs.IDLE_MINUTES.default, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.set_minutes(minutes)
        self.timer.timeout.connect(self.idle)
        self.paused = False
        self._watched: set[int] = set()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self.watch)
            self.watch(app.focusWindow())
        self.timer.start()

    def set_minutes(self, minutes: float) -> None:
        """The idle time (the tests use a fraction of a minute)."""
        self.timer.setInterval(max(int(minutes * 60_000), 50))
        if self.timer.isActive():
            self.timer.start()

    def pause(self) -> None:
        """While the window is locked: no second ``idle``."""
        self.paused = True
        self.timer.stop()

    def resume(self) -> None:
        self.paused = False
        self.timer.start()

    def watch(self, window: QWindow | None) -> None:
        """Count input in this top-level window as activity (called on focus changes)."""
        if window is None:
            return
        if not self.paused:
            self.timer.start()
        key = id(window)
        if key in self._watched:
            return
        self._watched.add(key)
        window.installEventFilter(self)
        window.destroyed.connect(lambda *_: self._watched.discard(key))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.paused and event.type() in self._INPUT:
            self.timer.start()
        return False
