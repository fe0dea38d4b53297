"""Accounts: an administrator adds an account, sets a new password (reset, or enabling a
disabled account again), gives it another role or disables it; every user changes their
own password.

Each dialog saves through one ``tracker.services.auth`` call on the worker (password
hashing is slow on purpose) and shows the service's message next to the field it names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.vocab import ROLES
from tracker.services import auth, office
from tracker.services.auth import AuthError, Workspace
from tracker.services.errors import ServiceError, ValidationError
from tracker.services.office import UserView
from tracker.ui import fmt
from tracker.ui.context import Change
from tracker.ui.dialogs.base import FormDialog, choose_item, form_layout
from tracker.ui.dialogs.fitting import FittingDialog


def password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(256)
    return edit


def _intro(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def role_description(role: str | None) -> str:
    """What a role may do, in a line."""
    if role == "admin":
        return QCoreApplication.translate(
            "AddAccountDialog", "Everything, also accounts, settings, restore and the audit trail."
        )
    if role == "officer":
        return QCoreApplication.translate("AddAccountDialog", "Beneficiaries, grants and visits.")
    if role == "accountant":
        return QCoreApplication.translate("AddAccountDialog", "Hand-overs and receipts.")
    if role == "viewer":
        return QCoreApplication.translate(
            "AddAccountDialog", "Reads and makes reports; changes nothing."
        )
    return QCoreApplication.translate(
        "AddAccountDialog", "What the person may do depends on the role."
    )


def role_field(
    dialog: FormDialog,
    form: QFormLayout,
    text: str,
    *,
    choose: str = "",
    current: str | None = None,
) -> tuple[QComboBox, QLabel]:
    """The role choice of a dialog, with a hint under it saying what the role may do."""
    combo = QComboBox(dialog)
    if choose:
        choose_item(combo, choose)
    for role in ROLES:
        combo.addItem(fmt.label("role", role), role)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    dialog.add_field(form, text, combo, "role", hint=" ")
    hint = next(
        w for w in dialog.findChildren(QLabel) if type(w) is QLabel and w.parent() is combo.parent()
    )
    combo.currentIndexChanged.connect(
        lambda _i: hint.setText(role_description(combo.currentData()))
    )
    hint.setText(role_description(combo.currentData()))
    return combo, hint


class _Relay(QObject):
    """Carries the progress of a key change from the worker to the dialog."""

    progress = Signal(int, str)


class KeyChangeProgress(QWidget):
    """How far giving the database a new key has gone (disabling an account, a new
    password): a bar and what is being done. Hidden until the change starts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        self._relay = _Relay(self)
        self._relay.progress.connect(self.show_step)
        self.hide()

    def callback(self) -> Callable[[int, str], None]:
        """For the service call on the worker: emits, never touches a widget."""
        relay = self._relay
        return lambda percent, what: relay.progress.emit(percent, what)

    def start(self) -> None:
        self.bar.setValue(0)
        self.status.setText(self.tr("Checking…"))
        self.show()

    def show_step(self, percent: int, what: str) -> None:
        self.show()
        self.bar.setValue(percent)
        texts = {
            "keys": self.tr("Making a new key for the data, sealed for every other account…"),
            "encrypt": self.tr("Encrypting the data with the new key…"),
            "copies": self.tr("Updating the key files of the backups…"),
            "done": self.tr("Done."),
        }
        if what in texts:
            self.status.setText(texts[what])


def key_change_text(change: Any) -> str:
    """What a new database key means for the others, or "" when nothing needs saying."""
    if not isinstance(change, auth.KeyChange):
        return ""
    parts = []
    if change.dropped:
        parts.append(
            QCoreApplication.translate(
                "KeyChangeProgress",
                "These accounts had not signed in since this version was installed and "
                "need a new password from an administrator: {names}.",
            ).format(names=", ".join(change.dropped))
        )
    if change.recovery_lost:
        parts.append(
            QCoreApplication.translate(
                "KeyChangeProgress",
                "The recovery key was made by an earlier version and no longer opens the "
                "data. Make a new recovery key now (Users page).",
            )
        )
    return "\n\n".join(parts)


class _PasswordsDialog(FittingDialog):
    """The new password typed twice (shared by the dialogs below)."""

    changes = frozenset({Change.USER})

    def _add_new_password(self, form: Any) -> None:
        self.password = password_edit(self)
        self.add_field(
            form,
            self.tr("New password"),
            self.password,
            "new_password",
            hint=self.tr("At least {n} characters.").format(n=office.MIN_PASSWORD),
        )
        self.password2 = password_edit(self)
        self.add_field(form, self.tr("New password again"), self.password2, "password2")

    def _checked_password(self) -> str:
        if self.password.text() != self.password2.text():
            raise ValidationError("passwords_differ", "password2")
        return self.password.text()


class AddAccountDialog(_PasswordsDialog):
    """A new account: full name, user name, role and a first password."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Add an account"))
        self.save_button.setText(self.tr("Add the account"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _intro(
                self.tr(
                    "Give the new user their password in person. They can change it "
                    "themselves after signing in."
                ),
                self,
            )
        )
        layout.addWidget(self.banner)
        form = form_layout()
        self.full_name = QLineEdit(self)
        self.full_name.setMaxLength(120)
        self.add_field(form, self.tr("Full name"), self.full_name, "full_name")
        self.username = QLineEdit(self)
        self.username.setMaxLength(60)
        self.add_field(
            form,
            self.tr("User name"),
            self.username,
            "username",
            hint=self.tr("Lower-case letters without accents, digits, dot or hyphen, e.g. hoa.vt"),
        )
        self.role, self.role_hint = role_field(
            self, form, self.tr("Role"), choose=self.tr("Choose a role")
        )
        self._add_new_password(form)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.watch(self.full_name, self.username, self.role, self.password, self.password2)

    def prepare(self) -> Callable[[], Any]:
        if self.role.currentData() is None:
            raise ValidationError("required", "role")
        password = self._checked_password()
        ws, user, name, role = (
            self.ws,
            self.username.text(),
            self.full_name.text(),
            self.role.currentData(),
        )
        return lambda: auth.add_user(ws, user, name, role, password)

    def handle_error(self, exc: BaseException) -> None:
        # The service calls the first password "password"; here it is the "new" one.
        if isinstance(exc, ServiceError) and exc.field == "password":
            exc.field = "new_password"
        super().handle_error(exc)


class SetPasswordDialog(_PasswordsDialog):
    """An administrator sets a new password: a reset (which also lifts a lockout), or
    enabling a disabled account again."""

    def __init__(
        self, ws: Workspace, user: UserView, *, enable: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.enable = enable
        who = f"{user.full_name} ({user.username})"
        if enable:
            self.setWindowTitle(self.tr("Enable an account"))
            self.save_button.setText(self.tr("Enable the account"))
            text = self.tr("{who} will be able to sign in again with this new password.").format(
                who=who
            )
        else:
            self.setWindowTitle(self.tr("Reset a password"))
            self.save_button.setText(self.tr("Set the new password"))
            text = self.tr(
                "A new password for {who}. Their old password stops working at once, "
                "also for the backups on this computer: the data gets a new key. A "
                "lockout after wrong tries is lifted."
            ).format(who=who)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(text, self))
        layout.addWidget(self.banner)
        form = form_layout()
        self._add_new_password(form)
        layout.addLayout(form)
        self.progress = KeyChangeProgress(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.watch(self.password, self.password2)

    def busy_text(self) -> str:
        return "" if not self.enable else super().busy_text()

    def prepare(self) -> Callable[[], Any]:
        password = self._checked_password()
        ws, name = self.ws, self.user.username
        if self.enable:
            return lambda: auth.set_active(ws, name, True, password)
        self.progress.start()
        report = self.progress.callback()
        return lambda: auth.reset_password(ws, name, password, report)

    def handle_error(self, exc: BaseException) -> None:
        self.progress.hide()
        super().handle_error(exc)


class DisableAccountDialog(FittingDialog):
    """Asks before disabling an account; the service refuses the last administrator and
    the dialog then says so."""

    changes = frozenset({Change.USER})

    def __init__(self, ws: Workspace, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.setWindowTitle(self.tr("Disable an account"))
        self.save_button.setText(self.tr("Disable the account"))
        self.save_button.setDefault(False)
        self.cancel_button.setDefault(True)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        text = self.tr(
            "Disable the account of {who}? They can no longer sign in, and their key to "
            "the encrypted data is removed at once. The data then gets a new key, so "
            "their old password opens nothing on this computer, backups included. What "
            "they recorded stays. An administrator can enable the account again with a "
            "new password."
        ).format(who=f"{user.full_name} ({user.username})")
        if user.id == ws.actor.user_id:
            text += "\n\n" + self.tr(
                "This is your own account: you will not be able to sign in again."
            )
        self.question = _intro(text, self)
        layout.addWidget(self.question)
        layout.addWidget(self.banner)
        self.progress = KeyChangeProgress(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    def busy_text(self) -> str:
        return ""

    def prepare(self) -> Callable[[], Any]:
        ws, name = self.ws, self.user.username
        self.progress.start()
        report = self.progress.callback()
        return lambda: auth.set_active(ws, name, False, progress=report)

    def handle_error(self, exc: BaseException) -> None:
        self.progress.hide()
        # "At least one active administrator must remain": about the account, not a field.
        if isinstance(exc, ServiceError):
            exc.field = None
        super().handle_error(exc)


class RoleDialog(FittingDialog):
    """An administrator gives another account a new role (from its next sign-in)."""

    changes = frozenset({Change.USER})

    def __init__(self, ws: Workspace, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.setWindowTitle(self.tr("Change the role"))
        self.save_button.setText(self.tr("Change the role"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _intro(
                self.tr(
                    "The role of {who} decides what they may do. A change applies from "
                    "their next sign-in."
                ).format(who=f"{user.full_name} ({user.username})"),
                self,
            )
        )
        layout.addWidget(self.banner)
        form = form_layout()
        self.role, self.role_hint = role_field(self, form, self.tr("Role"), current=user.role)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.watch(self.role)

    def prepare(self) -> Callable[[], Any]:
        db, actor, name, role = (
            self.ws.db,
            self.ws.actor,
            self.user.username,
            self.role.currentData(),
        )
        return lambda: office.set_role(db, actor, name, role)


class ChangePasswordDialog(_PasswordsDialog):
    """The signed-in user changes their own password (the data then gets a new key, so
    the old password opens nothing any more)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Change my password"))
        self.save_button.setText(self.tr("Change the password"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _intro(
                self.tr("{name}, type your current password, then the new one twice.").format(
                    name=ws.actor.full_name or ws.actor.username
                ),
                self,
            )
        )
        layout.addWidget(self.banner)
        form = form_layout()
        self.current = password_edit(self)
        self.add_field(form, self.tr("Current password"), self.current, "password")
        self._add_new_password(form)
        layout.addLayout(form)
        self.progress = KeyChangeProgress(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.watch(self.current, self.password, self.password2)

    def busy_text(self) -> str:
        return ""

    def prepare(self) -> Callable[[], Any]:
        if not self.current.text():
            raise ValidationError("required", "password")
        password = self._checked_password()
        ws, old = self.ws, self.current.text()
        self.progress.start()
        report = self.progress.callback()
        return lambda: auth.change_password(ws, old, password, report)

    def handle_error(self, exc: BaseException) -> None:
        self.progress.hide()
        if isinstance(exc, AuthError) and exc.key in ("wrong_password", "unknown_user", "locked"):
            # The service's words are for signing in ("wrong user name or password").
            self.current.clear()
            text = self.tr("The current password is wrong.")
            if exc.key == "wrong_password":
                left = int(exc.params.get("left", 0))
                text += " " + self.tr("%n tries left before the account is locked.", "", left)
            elif exc.key == "locked":
                text = exc.message()
            exc.field = "password"
            self.errors.show(exc, text)
            self.fit_later()
            return
        super().handle_error(exc)
