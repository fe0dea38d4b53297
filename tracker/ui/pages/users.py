"""Accounts (administrators only): who can sign in, with which role; add an account, set a
new password, disable or enable one, and replace the recovery key."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.services import auth, office
from tracker.services.office import UserView
from tracker.ui import fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.account_dialogs import (
    AddAccountDialog,
    DisableAccountDialog,
    RoleDialog,
    SetPasswordDialog,
    key_change_text,
)
from tracker.ui.dialogs.base import FormDialog
from tracker.ui.lists import table_view
from tracker.ui.models import MUTED, ROW_ROLE, Column, RowsTableModel
from tracker.ui.pages.base import Page
from tracker.ui.signin import RecoveryKeyDialog
from tracker.ui.widgets import Banner, heading
from tracker.ui.worker import Task, error_text, run_task


class UserTableModel(RowsTableModel):
    """The accounts (``UserView`` rows)."""

    COLUMNS = (
        Column("username"),
        Column("full_name"),
        Column("role"),
        Column("active"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def headers(self) -> dict[str, str]:
        return {
            "username": self.tr("User name"),
            "full_name": self.tr("Full name"),
            "role": self.tr("Role"),
            "active": self.tr("Account"),
        }

    def display(self, row: UserView, key: str) -> str:
        if key == "role":
            return fmt.label("role", row.role)
        if key == "active":
            return self.tr("Active") if row.active else self.tr("Disabled")
        return super().display(row, key)

    def foreground(self, row: UserView, key: str) -> QBrush | None:
        return None if row.active else MUTED


class UsersPage(Page):
    """The accounts of this office. Shown to administrators only; the services refuse
    everyone else anyway."""

    key = "users"
    shows = frozenset({Change.USER})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._task: Task | None = None
        self.heading = heading("", self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.banner = Banner(self)
        self.model = UserTableModel(self)
        self.view = table_view(self)
        self.view.setModel(self.model)
        self.add_button = QPushButton(self)
        self.reset_button = QPushButton(self)
        self.role_button = QPushButton(self)
        self.disable_button = QPushButton(self)
        self.enable_button = QPushButton(self)
        self.recovery_button = QPushButton(self)
        ws = ctx.workspace
        self.recovery_button.setVisible(ws is not None and ws.vault is not None)
        self.add_button.clicked.connect(self.add_account)
        self.reset_button.clicked.connect(self.reset_password)
        self.role_button.clicked.connect(self.change_role)
        self.disable_button.clicked.connect(self.disable_account)
        self.enable_button.clicked.connect(self.enable_account)
        self.recovery_button.clicked.connect(self.new_recovery_key)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.view.activated.connect(lambda _i: self.reset_password())

        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.reset_button,
            self.role_button,
            self.disable_button,
            self.enable_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.recovery_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        self.retranslate()
        self._update_buttons()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("UsersPage", "Users")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("User accounts"))
        self.intro.setText(
            self.tr(
                "Each person signs in with their own account. Disable the account of someone "
                "who leaves the office: the data then gets a new key, and their password no "
                "longer opens it, nor any backup on this computer."
            )
        )
        self.add_button.setText(self.tr("Add an account…"))
        self.reset_button.setText(self.tr("Reset the password…"))
        self.role_button.setText(self.tr("Change the role…"))
        self.disable_button.setText(self.tr("Disable…"))
        self.enable_button.setText(self.tr("Enable with a new password…"))
        self.recovery_button.setText(self.tr("New recovery key…"))
        self.recovery_button.setToolTip(
            self.tr("Replace the recovery key kept in the office safe (the old one stops working).")
        )
        self.model.retranslate()

    # --- loading -----------------------------------------------------------------------
    def refresh(self) -> None:
        super().refresh()
        ctx = self.ctx
        self._task = run_task(
            self,
            lambda: office.list_users(ctx.db, ctx.actor),
            on_success=self._show,
            on_failure=lambda exc: self.banner.show_message(error_text(exc)),
        )

    def _show(self, users: list[UserView]) -> None:
        selected = self.selected()
        self.banner.show_message(self.recovery_warning())
        self.model.set_rows(users)
        self.view.resizeColumnsToContents()
        if selected is not None:
            self.select(selected.username)
        self._update_buttons()

    def selected(self) -> UserView | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select(self, username: str) -> bool:
        for row, user in enumerate(self.model.rows()):
            if user.username == username:
                self.view.selectRow(row)
                return True
        return False

    def recovery_warning(self) -> str:
        """Said while the database has no working recovery key."""
        ws = self.ctx.workspace
        if ws is None or not ws.needs_recovery_key:
            return ""
        return self.tr(
            "This database has no working recovery key: the one kept in the office safe "
            "was made by an earlier version and no longer opens the data. Make a new one "
            "now with “New recovery key…” and keep it in the safe."
        )

    def _update_buttons(self) -> None:
        user = self.selected()
        self.reset_button.setEnabled(user is not None and user.active)
        # One's own role is changed by another administrator.
        self.role_button.setEnabled(user is not None and user.id != self.ctx.actor.user_id)
        self.disable_button.setEnabled(user is not None and user.active)
        self.enable_button.setEnabled(user is not None and not user.active)

    # --- actions -----------------------------------------------------------------------
    def _open(self, dialog: FormDialog, done: str) -> FormDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        dialog.events = self.ctx.events

        def saved(result: object) -> None:
            self.status_message.emit(done)
            note = key_change_text(result)
            if note:
                box = QMessageBox(
                    QMessageBox.Icon.Information, self.tr("The data has a new key"), note,
                    QMessageBox.StandardButton.Ok, self,
                )  # fmt: skip
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
                box.open()

        dialog.saved.connect(saved)
        dialog.open()
        return dialog

    def add_account(self) -> FormDialog:
        return self._open(
            AddAccountDialog(self.ctx.session(), self), self.tr("The account was added.")
        )

    def reset_password(self) -> FormDialog | None:
        user = self.selected()
        if user is None or not user.active:
            return None
        return self._open(
            SetPasswordDialog(self.ctx.session(), user, parent=self),
            self.tr("The password of {user} was reset.").format(user=user.username),
        )

    def change_role(self) -> FormDialog | None:
        user = self.selected()
        if user is None or user.id == self.ctx.actor.user_id:
            return None
        return self._open(
            RoleDialog(self.ctx.session(), user, self),
            self.tr("{user} has a new role; it applies from their next sign-in.").format(
                user=user.username
            ),
        )

    def disable_account(self) -> FormDialog | None:
        user = self.selected()
        if user is None or not user.active:
            return None
        return self._open(
            DisableAccountDialog(self.ctx.session(), user, self),
            self.tr("The account {user} was disabled.").format(user=user.username),
        )

    def enable_account(self) -> FormDialog | None:
        user = self.selected()
        if user is None or user.active:
            return None
        return self._open(
            SetPasswordDialog(self.ctx.session(), user, enable=True, parent=self),
            self.tr("The account {user} was enabled.").format(user=user.username),
        )

    def new_recovery_key(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("New recovery key"),
            self.tr(
                "Make a new recovery key? The key kept in the office safe stops working at "
                "once. The new key is shown only once: print it or write it down."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ws = self.ctx.session()
        self.ctx.write(
            self,
            lambda: auth.new_recovery_key(ws),
            {Change.USER},
            on_success=self._show_recovery_key,
            label=self.tr("Making a new recovery key and a new key for the data…"),
        )

    def _show_recovery_key(self, code: str) -> None:
        dialog = RecoveryKeyDialog(code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        self.status_message.emit(self.tr("A new recovery key was made."))
        self.banner.show_message(self.recovery_warning())
