"""Backups: the question before a restore, and how a backup is described (its time in
local time, its size)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.i18n import get_language
from tracker.services import backups
from tracker.services.backups import BackupInfo
from tracker.ui import fmt
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.base import form_layout
from tracker.ui.dialogs.fitting import FittingDialog
from tracker.ui.widgets import PassphrasePair

WARNING_STYLE = (
    "QLabel { background: #fff4e5; color: #5f3b00; border: 1px solid #f0c36d;"
    " border-radius: 4px; padding: 8px; }"
)


def size_text(size: int) -> str:
    """A file size the way people read it (KB, MB), in the window's language."""
    if size < 1024 * 1024:
        return f"{fmt.number(max(1, round(size / 1024)))} KB"
    text = f"{size / (1024 * 1024):.1f}"
    return f"{text.replace('.', ',') if get_language() == 'vi' else text} MB"


def time_text(at: datetime) -> str:
    """A UTC timestamp as a local date and time."""
    when = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone()
    return f"{fmt.day(when.date())} {when:%H:%M}"


def describe_file(path: Path, info: BackupInfo | None = None) -> tuple[str, str]:
    """The time and size of a backup (a chosen file: its modification time)."""
    if info is not None:
        return time_text(info.taken_at), size_text(info.size)
    try:
        stat = path.stat()
    except OSError:
        return "", ""
    return time_text(datetime.fromtimestamp(stat.st_mtime, UTC)), size_text(stat.st_size)


class RestoreConfirmDialog(QDialog):
    """Says plainly what a restore does before anything happens; Cancel is the default."""

    def __init__(
        self,
        backup: Path,
        database: Path,
        info: BackupInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumWidth(520)
        when, size = describe_file(backup, info)
        layout = QVBoxLayout(self)
        what = QLabel(
            self.tr("Restore the backup of {when} ({size})?\nFile: {file}").format(
                when=when or "?", size=size or "?", file=str(backup)
            ),
            self,
        )
        what.setWordWrap(True)
        layout.addWidget(what)
        self.warning = QLabel(
            self.tr(
                "Everything recorded after {when} will no longer be in the database: "
                "beneficiaries, grants, hand-overs, receipts and visits entered since then "
                "must be entered again.\n\n"
                "The database in use now is not deleted: it is kept aside in {folder}, "
                "under its name with “.replaced-” and today's date added.\n\n"
                "The window closes during the restore; then everyone signs in again."
            ).format(when=when or "?", folder=str(database.parent)),
            self,
        )
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        layout.addWidget(self.warning)
        buttons = QDialogButtonBox(self)
        self.restore_button: QPushButton = buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.restore_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(
        cls,
        backup: Path,
        database: Path,
        info: BackupInfo | None = None,
        parent: QWidget | None = None,
    ) -> bool:
        dialog = cls(backup, database, info, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


class PostgresBackupDialog(FittingDialog):
    """A backup of a PostgreSQL database onto a stick: the passphrase twice, then an
    encrypted pg_dump written there. ``saved`` carries the ``BackupInfo``."""

    changes = frozenset({Change.BACKUP})

    def __init__(self, ctx: UiContext, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent, events=ctx.events)
        self.ctx = ctx
        self.folder = folder
        self.setWindowTitle(self.tr("Back up the server's database"))
        self.save_button.setText(self.tr("Write the backup"))
        self.explain = QLabel(
            self.tr(
                "The whole database on the server is written into {folder}, encrypted "
                "(AES-256) with this passphrase as it is written. Without the passphrase the "
                "backup cannot be opened, by anyone: keep it apart from the stick."
            ).format(folder=str(folder)),
            self,
        )
        self.explain.setWordWrap(True)
        self.pair = PassphrasePair(self, self.tr("At least {n} characters"))
        self.passphrase, self.again = self.pair.first, self.pair.again
        form = form_layout()
        self.add_field(form, self.tr("Passphrase:"), self.passphrase, "passphrase")
        self.add_field(form, self.tr("Again:"), self.again, "passphrase_again")
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.watch(self.passphrase, self.again)
        self.resize(540, self.sizeHint().height())

    def busy_text(self) -> str:
        return self.tr("Writing the backup…")

    def prepare(self) -> Callable[[], Any]:
        first = self.pair.passphrase()
        ws, folder = self.ctx.session(), self.folder
        return lambda: backups.backup_postgres(ws, folder, first)
