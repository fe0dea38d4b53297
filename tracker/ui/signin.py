"""Getting in: the first-run set-up (office and first administrator, then the recovery key
to print), the sign-in dialog, the recovery-key dialog and the screen lock."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.config import DatabaseLocation
from tracker.services.errors import ServiceError, ValidationError
from tracker.ui import qtnames
from tracker.ui.dialogs.base import form_layout
from tracker.ui.dialogs.fitting import FittingDialog
from tracker.ui.qtnames import Qt
from tracker.ui.worker import run_task

if TYPE_CHECKING:
    from tracker.services.auth import AuthError, Workspace

# The dialogs paint before the data layer is loaded (the services, SQLAlchemy, the key
# file's cryptography): each method that needs it imports it, and ``preload`` loads it on a
# background thread while the user types.


_preload_thread: threading.Thread | None = None


def preload(location: DatabaseLocation | None = None) -> None:
    """Make Qt's namespace (:func:`tracker.ui.qtnames.make`), then load the sign-in's
    services and the main window's modules on a background thread, once the dialog has
    painted (the user types meanwhile); with the ``location``
    signed in to, the statements of the sign-in and the first screen are compiled into
    the engine it will use (``auth.warm_up``)."""
    global _preload_thread

    def load() -> None:
        from tracker.services import auth, backups, office  # noqa: F401

        auth.warm_up(location)
        import tracker.ui.context
        import tracker.ui.main_window  # noqa: F401
        from tracker.ui import fmt

        fmt.warm_up()

    if _preload_thread is None:
        qtnames.make()  # here, not on the thread (see tracker.ui.qtnames)
        _preload_thread = threading.Thread(target=load, name="preload", daemon=True)
        _preload_thread.start()


def preload_done() -> bool:
    """:func:`preload` has finished (never waits)."""
    return _preload_thread is not None and not _preload_thread.is_alive()


def preloaded() -> None:
    """Wait for :func:`preload` to finish (at once when it has, or was never started):
    the main window's modules are then imported by one thread only."""
    if _preload_thread is not None:
        _preload_thread.join()


def password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(256)
    return edit


class FirstRunDialog(FittingDialog):
    """The office details and the first administrator; creates the (encrypted) database."""

    def __init__(self, location: DatabaseLocation, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QComboBox, QGroupBox

        super().__init__(parent)
        self.location = location
        self.recovery_code: str | None = None
        self.setMinimumWidth(520)
        self.setWindowTitle(self.tr("Set up Grant Tracker"))
        self.save_button.setText(self.tr("Create the database"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Welcome. Enter your office's details and the first administrator's account. "
                "The data will be kept encrypted in: {path}"
            ).format(path=location.describe()),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.banner)

        office_box = QGroupBox(self.tr("Office"), self)
        form = form_layout()
        office_box.setLayout(form)
        self.office_name = QLineEdit(self)
        self.office_name.setPlaceholderText(self.tr("e.g. Women's Union of Mèo Vạc commune"))
        self.add_field(form, self.tr("Office name"), self.office_name, "office_name")
        self.kind = QComboBox(self)
        for code, text in (
            ("district", self.tr("District office")),
            ("province", self.tr("Provincial office")),
            ("commune", self.tr("Commune office")),
        ):
            self.kind.addItem(text, code)
        self.add_field(form, self.tr("Office level"), self.kind)
        self.prefix = QLineEdit(self)
        self.prefix.setMaxLength(12)
        self.add_field(
            form,
            self.tr("Receipt prefix"),
            self.prefix,
            "receipt_prefix",
            hint=self.tr("Letters that start every receipt number, e.g. MV gives MV-2025-00001."),
        )
        self.address = QLineEdit(self)
        self.add_field(form, self.tr("Address"), self.address, "address")
        self.head = QLineEdit(self)
        self.add_field(form, self.tr("Head of office"), self.head, "full_name")
        layout.addWidget(office_box)

        admin_box = QGroupBox(self.tr("First administrator"), self)
        form2 = form_layout()
        admin_box.setLayout(form2)
        self.admin_name = QLineEdit(self)
        self.add_field(form2, self.tr("Full name"), self.admin_name, "admin_full_name")
        self.username = QLineEdit(self)
        self.add_field(form2, self.tr("User name"), self.username, "username")
        self.password = password_edit(self)
        self.add_field(
            form2,
            self.tr("Password"),
            self.password,
            "password",
            hint=self.tr("At least 8 characters. It also unlocks the encrypted data."),
        )
        self.password2 = password_edit(self)
        self.add_field(form2, self.tr("Password again"), self.password2, "password2")
        layout.addWidget(admin_box)
        layout.addWidget(self.buttons)
        self.watch(self.office_name, self.prefix, self.address, self.head, self.admin_name,
                   self.username, self.password, self.password2)  # fmt: skip

    def prepare(self) -> Callable[[], Any]:
        from tracker.services import auth, office

        if self.password.text() != self.password2.text():
            raise ValidationError("passwords_differ", "password2")
        if not self.admin_name.text().strip():
            raise ValidationError("required", "admin_full_name")
        data = office.OfficeInput(
            name=self.office_name.text(),
            receipt_prefix=self.prefix.text(),
            kind=self.kind.currentData(),
            address=self.address.text(),
            head_name=self.head.text(),
        )
        location, user, name, pw = (
            self.location,
            self.username.text(),
            self.admin_name.text(),
            self.password.text(),
        )
        return lambda: auth.create_workspace(location, data, user, name, pw)

    def handle_error(self, exc: BaseException) -> None:
        if isinstance(exc, ServiceError) and exc.field == "full_name" and exc.key == "required":
            exc.field = "admin_full_name"
        super().handle_error(exc)

    def _succeeded(self, result: Any) -> None:
        ws, code = result
        self.recovery_code = code
        super()._succeeded(ws)


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key once, to print or copy; closes only when the user confirms
    it is kept."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        from PySide6.QtGui import QFont, QGuiApplication
        from PySide6.QtWidgets import QCheckBox, QDialogButtonBox

        super().__init__(parent)
        self.code = code
        self.setWindowTitle(self.tr("Recovery key"))
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "This key opens the data if every administrator forgets their password. "
                "It is shown only now. Print it or write it down, and keep it in the "
                "office safe, away from this computer."
            ),
            self,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.key_label = QLabel(code, self)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(15)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.key_label)
        row = QDialogButtonBox(self)
        self.copy_button = row.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = row.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.code))
        self.print_button.clicked.connect(self.print_key)
        layout.addWidget(row)
        self.kept = QCheckBox(self.tr("I have printed or written down the recovery key"), self)
        layout.addWidget(self.kept)
        self.done_button = QPushButton(self.tr("Continue"), self)
        self.done_button.setEnabled(False)
        self.kept.toggled.connect(self.done_button.setEnabled)
        self.done_button.clicked.connect(self.accept)
        layout.addWidget(self.done_button)

    def print_key(self) -> None:
        from PySide6.QtGui import QFont, QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Print"), self.tr("The printer could not start."))
            return
        try:
            page = printer.pageRect(QPrinter.Unit.DevicePixel)
            painter.setFont(QFont("DejaVu Sans", 14))
            painter.drawText(
                page.adjusted(0, 0, 0, -int(page.height() * 0.7)),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr("Grant Tracker recovery key - keep in the office safe"),
            )
            mono = QFont("DejaVu Sans Mono", 18)
            painter.setFont(mono)
            painter.drawText(page, Qt.AlignmentFlag.AlignCenter, self.code)
        finally:
            painter.end()

    def reject(self) -> None:
        if self.kept.isChecked():
            super().reject()


class SignInDialog(FittingDialog):
    """User name and password. On a damaged file it offers the newest good backup."""

    def __init__(
        self, location: DatabaseLocation, parent: QWidget | None = None, *, username: str = ""
    ) -> None:
        super().__init__(parent)
        self.location = location
        self.setMinimumWidth(420)
        self.setWindowTitle(self.tr("Sign in - Grant Tracker"))
        self.save_button.setText(self.tr("Sign in"))
        self.cancel_button.setText(self.tr("Quit"))
        layout = QVBoxLayout(self)
        where = QLabel(self.tr("Database: {path}").format(path=location.describe()), self)
        where.setWordWrap(True)
        layout.addWidget(where)
        layout.addWidget(self.banner)
        form = form_layout()
        self.username = QLineEdit(username, self)
        self.add_field(form, self.tr("User name"), self.username, "username")
        self.password = password_edit(self)
        self.add_field(form, self.tr("Password"), self.password, "password")
        layout.addLayout(form)
        self.forgot = QPushButton(self.tr("Forgot the password? Use the recovery key…"), self)
        self.forgot.setFlat(True)
        self.forgot.clicked.connect(self._recover)
        layout.addWidget(self.forgot)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()
        self._preloading = False
        self._window_prepared = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._preloading:
            self._preloading = True
            # Once the dialog has painted.
            QTimer.singleShot(50, lambda: preload(self.location))
            QTimer.singleShot(100, self._warm_window)

    def _warm_window(self) -> None:
        """Once the window's modules are loaded, build the main window's frame and draw
        it off screen (``main_window.prepare``) while the password is typed; not once
        "Sign in" is clicked (the key is being derived then)."""
        if not self.isVisible() or self.busy:
            return
        if not preload_done():
            QTimer.singleShot(100, self._warm_window)
            return
        from tracker.ui import main_window

        main_window.prepare()
        self._window_prepared = True
        QTimer.singleShot(0, self._settle)

    def _settle(self) -> None:
        """The start-up's objects frozen out of the collector's sight while the password
        is typed (``collector.settle``)."""
        if self.isVisible() and not self.busy:
            from tracker.ui import collector

            collector.settle()

    def prepare(self) -> Callable[[], Any]:
        from tracker.services import auth, backups
        from tracker.services.auth import AuthError

        location, user, pw = self.location, self.username.text(), self.password.text()
        if not pw:
            raise AuthError("password_needed", "password")
        if location.path is None:
            return lambda: auth.sign_in(location, user, pw)

        def job() -> Workspace:
            try:
                vault, key = auth.unlock(location, user, pw)
                return auth.open_unlocked(location, vault, key, user, pw)
            except AuthError as exc:
                if exc.key in auth.DAMAGE:
                    # The restore is offered only to an administrator (as the newest good
                    # backup knows them) or to the recovery key.
                    exc.params["_may_restore"] = backups.may_restore_after_damage(
                        location, username=user, password=pw
                    )
                    exc.params["_credentials"] = (user, pw)
                raise

        return job

    def handle_error(self, exc: BaseException) -> None:
        from tracker.services import auth
        from tracker.services.auth import AuthError

        self.password.clear()
        if isinstance(exc, AuthError) and exc.key in auth.DAMAGE:
            self._offer_restore(exc)
            return
        super().handle_error(exc)

    def ask_restore(self, problem: str, may_restore: bool) -> str:
        """What to do about a damaged database or key file: "restore" (the newest good
        backup, offered to an administrator only), "recovery" (with the recovery key) or
        "" (nothing)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("The database is damaged"))
        if may_restore:
            advice = self.tr(
                "Restore the newest good backup? The damaged file is kept aside, not deleted."
            )
        else:
            advice = self.tr(
                "Only an administrator, or the recovery key, can restore the newest good "
                "backup. The damaged file is kept aside, not deleted."
            )
        box.setText(f"{problem}\n\n{advice}")
        restore = None
        if may_restore:
            restore = box.addButton(
                self.tr("Restore the newest good backup"), QMessageBox.ButtonRole.AcceptRole
            )
        recovery = box.addButton(
            self.tr("Use the recovery key…"), QMessageBox.ButtonRole.ActionRole
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if restore is not None and clicked is restore:
            return "restore"
        return "recovery" if clicked is recovery else ""

    def ask_recovery_code(self) -> str:
        from PySide6.QtWidgets import QInputDialog

        code, ok = QInputDialog.getText(
            self,
            self.tr("Use the recovery key"),
            self.tr("Recovery key"),
            QLineEdit.EchoMode.Password,
        )
        return code.strip() if ok else ""

    def _offer_restore(self, exc: AuthError) -> None:
        from tracker.services import backups

        may = bool(exc.params.pop("_may_restore", False))
        user, pw = exc.params.pop("_credentials", ("", ""))
        choice = self.ask_restore(exc.message(), may)
        location = self.location
        job: Callable[[], Any]
        if choice == "restore" and may:
            job = lambda: backups.restore_after_damage(location, username=user, password=pw)  # noqa: E731
        elif choice == "recovery":
            code = self.ask_recovery_code()
            if not code:
                self.errors.show(exc)
                return
            job = lambda: backups.restore_after_damage(location, recovery_code=code)  # noqa: E731
        else:
            self.errors.show(exc)
            return

        def restored(result: Any) -> None:
            info, _aside = result
            QMessageBox.information(
                self,
                self.tr("Restored"),
                self.tr("The backup of {when} was restored. Sign in again.").format(
                    when=info.taken_at.astimezone().strftime("%d/%m/%Y %H:%M")
                ),
            )

        run_task(
            self,
            job,
            on_success=restored,
            on_failure=lambda e: self.errors.show(e),
            label=self.tr("Restoring…"),
            cancellable=False,
        )

    def _recover(self) -> None:
        RecoveryDialog(self.location, self).exec()

    def reject(self) -> None:
        self._dirty = False
        super().reject()
        if self._window_prepared:  # nobody signed in: the window's frame goes
            from tracker.ui import main_window

            main_window.discard_prepared()


class RecoveryDialog(FittingDialog):
    """A new password for an account, with the recovery key."""

    def __init__(self, location: DatabaseLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.setMinimumWidth(520)
        self.setWindowTitle(self.tr("Use the recovery key"))
        self.save_button.setText(self.tr("Set the new password"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        form = form_layout()
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.add_field(form, self.tr("Recovery key"), self.code, "recovery_key")
        self.username = QLineEdit(self)
        self.add_field(form, self.tr("User name"), self.username, "username")
        self.password = password_edit(self)
        self.add_field(form, self.tr("New password"), self.password, "new_password")
        self.password2 = password_edit(self)
        self.add_field(form, self.tr("New password again"), self.password2, "password2")
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.watch(self.code, self.username, self.password, self.password2)

    def prepare(self) -> Callable[[], Any]:
        from tracker.services import auth

        if self.password.text() != self.password2.text():
            raise ValidationError("passwords_differ", "password2")
        location, code = self.location, self.code.text()
        user, pw = self.username.text(), self.password.text()

        def job() -> None:
            ws = auth.open_with_recovery_key(location, code)
            try:
                auth.reset_password(ws, user, pw)
            finally:
                ws.close()

        return job

    def handle_error(self, exc: BaseException) -> None:
        from tracker.services.auth import AuthError

        if isinstance(exc, AuthError) and exc.key.startswith("recovery"):
            exc.field = "recovery_key"
        super().handle_error(exc)
