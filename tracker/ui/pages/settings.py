"""Settings: the office details, the donor projects, the support types and their follow-up
plans, the language, the screen lock and the user's password, backups (and restoring one),
and where the data is kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker import config
from tracker.config import vault_path
from tracker.domain.vocab import OFFICE_KINDS
from tracker.i18n import get_language
from tracker.i18n.formatting import format_money
from tracker.services import backups, office, places, projects
from tracker.services.backups import BackupInfo
from tracker.services.office import OfficeInput, OfficeView
from tracker.services.projects import ProjectView
from tracker.ui import files, fmt, prefs
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.backup_dialogs import PostgresBackupDialog, size_text, time_text
from tracker.ui.dialogs.project_dialog import ProjectDialog
from tracker.ui.pages.base import Page
from tracker.ui.pages.grant_types_box import GrantTypesBox
from tracker.ui.pages.legal_basis_box import LegalBasisBox
from tracker.ui.pages.periods_box import PeriodsBox
from tracker.ui.place_picker import PlacePicker
from tracker.ui.translations import LANGUAGES
from tracker.ui.widgets import Banner, ErrorLabel, FormErrors
from tracker.ui.worker import Task, error_text, run_task

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
PROJECT_COLUMNS = ("code", "name", "donor", "period", "budget", "spent", "left")


class SettingsPage(Page):
    """Office details and donor projects (administrators edit them), language, screen lock
    and password, backups, and data folders."""

    key = "settings"
    shows = frozenset(
        {Change.OFFICE, Change.PROJECT, Change.GRANT_TYPE, Change.BACKUP, Change.PERIOD}
    )

    #: The user chose another language (``"vi"`` or ``"en"``).
    language_chosen = Signal(str)
    #: The idle time before the screen locks was changed (minutes).
    idle_minutes_changed = Signal(int)
    #: "Change my password…" was pressed.
    change_password_requested = Signal()
    #: An administrator chose a backup to restore (``Path``, ``BackupInfo`` or None).
    restore_requested = Signal(object, object)
    #: A backup was written (``BackupInfo``).
    backup_written = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._task: Task | None = None
        can_edit = ctx.actor.can("office.setup")
        self.banner = Banner(self)
        self.errors = FormErrors(self.banner)

        self.office_box = QGroupBox(self)
        self.office_form = QFormLayout(self.office_box)
        self.office_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.office_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.name = QLineEdit(self.office_box)
        self.kind = QComboBox(self.office_box)
        self.prefix = QLineEdit(self.office_box)
        # The province and the commune (or, for a district office, the former district).
        self.place = PlacePicker(self.office_box, level="commune")
        self.province, self.unit = self.place.province, self.place.unit
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.address = QLineEdit(self.office_box)
        self.phone = QLineEdit(self.office_box)
        self.voucher_book = QLineEdit(self.office_box)
        self.voucher_book.setMaxLength(20)
        self.head_name = QLineEdit(self.office_box)
        self.accountant_name = QLineEdit(self.office_box)
        self.cashier_name = QLineEdit(self.office_box)
        self.office_labels: dict[str, QLabel] = {}
        for field, widget in (
            ("office_name", self.name),
            ("office_kind", self.kind),
            ("receipt_prefix", self.prefix),
            ("voucher_book", self.voucher_book),
            ("province", self.province),
            ("commune", self.unit),
            ("address", self.address),
            ("phone", self.phone),
            ("head_name", self.head_name),
            ("accountant_name", self.accountant_name),
            ("cashier_name", self.cashier_name),
        ):
            box = QWidget(self.office_box)
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(2)
            col.addWidget(widget)
            error = ErrorLabel(box)
            col.addWidget(error)
            self.errors.add(field, widget, error)
            if field == "commune":  # a district office's former district
                self.errors.add("district", widget, error)
            label = QLabel(self.office_box)
            label.setBuddy(widget)
            self.office_labels[field] = label
            self.office_form.addRow(label, box)
            widget.setEnabled(can_edit)
        self.save_button = QPushButton(self.office_box)
        self.save_button.setEnabled(can_edit)
        self.save_button.clicked.connect(self.save_office)
        self.read_only_note = QLabel(self.office_box)
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(not can_edit)
        save_row = QHBoxLayout()
        save_row.addWidget(self.read_only_note, 1)
        save_row.addWidget(self.save_button)
        self.office_form.addRow(save_row)

        self.language_box = QGroupBox(self)
        lang_layout = QFormLayout(self.language_box)
        self.language = QComboBox(self.language_box)
        for lang in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        self.language_label = QLabel(self.language_box)
        self.language_label.setBuddy(self.language)
        lang_layout.addRow(self.language_label, self.language)
        self.language.setCurrentIndex(max(self.language.findData(ctx.lang), 0))
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language.currentData())
        )

        self.security_box = QGroupBox(self)
        security_form = QFormLayout(self.security_box)
        security_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.idle_minutes = QSpinBox(self.security_box)
        self.idle_minutes.setRange(prefs.IDLE_MINUTES.minimum, prefs.IDLE_MINUTES.maximum)
        self.idle_minutes.setValue(prefs.IDLE_MINUTES.get())
        self.idle_minutes.valueChanged.connect(self._idle_minutes_changed)
        self.idle_label = QLabel(self.security_box)
        self.idle_label.setBuddy(self.idle_minutes)
        self.idle_hint = QLabel(self.security_box)
        self.idle_hint.setWordWrap(True)
        self.idle_hint.setStyleSheet("color: palette(placeholder-text);")
        idle_box = QWidget(self.security_box)
        idle_col = QVBoxLayout(idle_box)
        idle_col.setContentsMargins(0, 0, 0, 0)
        idle_col.setSpacing(2)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_minutes)
        idle_row.addStretch(1)
        idle_col.addLayout(idle_row)
        idle_col.addWidget(self.idle_hint)
        security_form.addRow(self.idle_label, idle_box)
        self.password_button = QPushButton(self.security_box)
        self.password_button.clicked.connect(self.change_password_requested)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password_button)
        password_row.addStretch(1)
        security_form.addRow("", password_row)

        self._build_projects()
        self.grant_types_box = GrantTypesBox(ctx, self)
        self.legal_basis_box = LegalBasisBox(ctx, self)
        self.legal_basis_box.status.connect(self.status_message)
        self.periods_box = PeriodsBox(ctx, self)
        self.periods_box.status.connect(self.status_message)
        self.periods_box.setVisible(ctx.actor.can("period.close"))
        self._build_backups()

        self.data_box = QGroupBox(self)
        data_form = QFormLayout(self.data_box)
        self.data_labels = [QLabel(self.data_box) for _ in range(4)]
        self.data_dir = QLabel(str(config.data_dir()), self.data_box)
        self.database = QLabel(ctx.db.location.describe(), self.data_box)
        db_path = ctx.db.location.path
        self.backups = QLabel(
            str(backups.backup_folder(db_path)) if db_path is not None else "—", self.data_box
        )
        self.user = QLabel(self.data_box)
        for label, value in zip(
            self.data_labels, (self.data_dir, self.database, self.backups, self.user), strict=True
        ):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            data_form.addRow(label, value)
        self.open_folder = QPushButton(self.data_box)
        self.open_folder.clicked.connect(self._open_data_folder)
        data_form.addRow("", self.open_folder)

        content = QWidget(self)
        column = QVBoxLayout(content)
        column.addWidget(self.banner)
        column.addWidget(self.office_box)
        column.addWidget(self.legal_basis_box)
        column.addWidget(self.periods_box)
        column.addWidget(self.projects_box)
        column.addWidget(self.grant_types_box)
        column.addWidget(self.language_box)
        column.addWidget(self.security_box)
        column.addWidget(self.backup_box)
        column.addWidget(self.data_box)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.retranslate()

    def _build_projects(self) -> None:
        self._projects_task: Task | None = None
        self._projects: list[ProjectView] = []
        can_write = self.ctx.actor.can("project.write")
        self.projects_box = QGroupBox(self)
        layout = QVBoxLayout(self.projects_box)
        self.projects_banner = Banner(self.projects_box)
        layout.addWidget(self.projects_banner)
        self.project_list = QTreeWidget(self.projects_box)
        self.project_list.setRootIsDecorated(False)
        self.project_list.setColumnCount(len(PROJECT_COLUMNS))
        self.project_list.setMinimumHeight(140)
        self.project_list.setAlternatingRowColors(True)
        header = self.project_list.header()
        header.setStretchLastSection(False)
        for column in range(len(PROJECT_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.project_list.currentItemChanged.connect(lambda *_a: self._update_project_buttons())
        self.project_list.itemActivated.connect(lambda *_a: self.edit_project())
        layout.addWidget(self.project_list)
        self.add_project_button = QPushButton(self.projects_box)
        self.edit_project_button = QPushButton(self.projects_box)
        self.add_project_button.clicked.connect(self.add_project)
        self.edit_project_button.clicked.connect(self.edit_project)
        self.projects_note = QLabel(self.projects_box)
        self.projects_note.setWordWrap(True)
        self.projects_note.setVisible(not can_write)
        row = QHBoxLayout()
        row.addWidget(self.projects_note, 1)
        if can_write:
            row.addStretch(1)
        row.addWidget(self.add_project_button)
        row.addWidget(self.edit_project_button)
        layout.addLayout(row)
        self._update_project_buttons()

    def _build_backups(self) -> None:
        ctx = self.ctx
        self._backup_task: Task | None = None
        self.backup_box = QGroupBox(self)
        layout = QVBoxLayout(self.backup_box)
        self.backup_note = QLabel(self.backup_box)
        self.backup_note.setWordWrap(True)
        layout.addWidget(self.backup_note)
        self.backup_banner = Banner(self.backup_box)
        layout.addWidget(self.backup_banner)
        self.backup_list = QTreeWidget(self.backup_box)
        self.backup_list.setRootIsDecorated(False)
        self.backup_list.setColumnCount(3)
        self.backup_list.setMinimumHeight(160)
        self.backup_list.setAlternatingRowColors(True)
        self.backup_list.currentItemChanged.connect(lambda *_a: self._update_backup_buttons())
        layout.addWidget(self.backup_list)
        self.backup_button = QPushButton(self.backup_box)
        self.usb_button = QPushButton(self.backup_box)
        self.restore_button = QPushButton(self.backup_box)
        self.restore_file_button = QPushButton(self.backup_box)
        self.backup_button.clicked.connect(self.back_up_now)
        self.usb_button.clicked.connect(self.back_up_to_folder)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.usb_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        row.addWidget(self.restore_file_button)
        layout.addLayout(row)
        self.restore_note = QLabel(self.backup_box)
        self.restore_note.setWordWrap(True)
        layout.addWidget(self.restore_note)
        on_file = ctx.db.location.path is not None
        can_restore = ctx.actor.can("backup.restore")
        self.backup_list.setVisible(on_file)
        self.backup_button.setVisible(on_file and ctx.actor.can("backup.write"))
        # On PostgreSQL: an encrypted pg_dump onto a stick or a folder.
        self.usb_button.setVisible(ctx.actor.can("backup.write"))
        for widget in (self.restore_button, self.restore_file_button):
            widget.setVisible(on_file and can_restore)
        self.restore_note.setVisible(on_file and not can_restore)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("SettingsPage", "Settings")

    def retranslate(self) -> None:
        self.office_box.setTitle(self.tr("Office"))
        texts = {
            "office_name": self.tr("Office name"),
            "office_kind": self.tr("Office level"),
            "receipt_prefix": self.tr("Receipt prefix"),
            "voucher_book": self.tr("Voucher book (quyển số)"),
            "province": self.tr("Province"),
            "commune": self.tr("Former district")
            if self.kind.currentData() == "district"
            else self.tr("Commune"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "head_name": self.tr("Head of office"),
            "accountant_name": self.tr("Chief accountant"),
            "cashier_name": self.tr("Cashier"),
        }
        for field, label in self.office_labels.items():
            label.setText(texts[field])
        self.voucher_book.setPlaceholderText("{year}")
        self.voucher_book.setToolTip(
            self.tr(
                "Printed as “Quyển số” on every payment voucher. {year} stands for the "
                "voucher's year (one book a year); left empty, the book is the year."
            )
        )
        current = self.kind.currentData()
        self.kind.blockSignals(True)  # the chosen place stays as it is
        self.kind.clear()
        names = {
            "province": self.tr("Province office"),
            "district": self.tr("District office"),
            "commune": self.tr("Commune office"),
        }
        for kind in OFFICE_KINDS:
            self.kind.addItem(names[kind], kind)
        self.kind.setCurrentIndex(max(self.kind.findData(current or "district"), 0))
        self.kind.blockSignals(False)
        self.save_button.setText(self.tr("Save office details"))
        self.read_only_note.setText(self.tr("Only an administrator can change these details."))
        self.projects_box.setTitle(self.tr("Projects"))
        self.project_list.setHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Project"),
                self.tr("Donor"),
                self.tr("Period"),
                self.tr("Budget"),
                self.tr("Spent"),
                self.tr("Left"),
            ]
        )
        self.add_project_button.setText(self.tr("Add project…"))
        self.edit_project_button.setText(self.tr("Edit…"))
        self.projects_note.setText(self.tr("Only an administrator can add or change projects."))
        self._fill_projects()
        self.grant_types_box.retranslate()
        self.legal_basis_box.retranslate()
        self.periods_box.retranslate()
        self.language_box.setTitle(self.tr("Language"))
        self.language_label.setText(self.tr("Language of the window"))
        self.security_box.setTitle(self.tr("Screen lock and password"))
        self.idle_label.setText(self.tr("Lock the window after"))
        self.idle_minutes.setSuffix(" " + self.tr("minutes without use"))
        self.idle_hint.setText(
            self.tr(
                "The window hides everything and asks for your password again. "
                "Lock it at once with Ctrl+L when you leave the computer."
            )
        )
        self.password_button.setText(self.tr("Change my password…"))
        self.backup_box.setTitle(self.tr("Backups"))
        if self.ctx.db.location.path is None:
            self.backup_note.setText(
                self.tr(
                    'This database is on a PostgreSQL server. "Back up to a USB stick or '
                    'folder" writes all of it there (pg_dump), encrypted with a passphrase '
                    "you choose; PostgreSQL's command line tools must be installed on this "
                    "computer. A restore is made on the server by its owner (tracker backup "
                    "restore)."
                )
            )
        else:
            self.backup_note.setText(
                self.tr(
                    "A backup is made when the app closes and once a day; the last 30 are "
                    "kept in {folder}. Backups are encrypted like the database."
                ).format(folder=backups.backup_folder(self.ctx.db.location.path))
            )
        self.backup_list.setHeaderLabels([self.tr("Made at"), self.tr("Size"), self.tr("File")])
        self.backup_button.setText(self.tr("Back up now"))
        self.usb_button.setText(self.tr("Back up to a USB stick or folder…"))
        self.restore_button.setText(self.tr("Restore the selected backup…"))
        self.restore_file_button.setText(self.tr("Restore from a file…"))
        self.restore_note.setText(self.tr("Only an administrator can restore a backup."))
        self._fill_backups()
        self.data_box.setTitle(self.tr("Data"))
        for label, text in zip(
            self.data_labels,
            (
                self.tr("Data folder"),
                self.tr("Database"),
                self.tr("Backups folder"),
                self.tr("Signed in as"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.user.setText(
            f"{self.ctx.actor.full_name} ({self.ctx.actor.username}, "
            f"{fmt.label('role', self.ctx.actor.role)})"
        )
        self.open_folder.setText(self.tr("Open the data folder"))

    def refresh(self) -> None:
        super().refresh()
        self._load_office(self.ctx.office)
        self._load_projects()
        self.grant_types_box.load()
        self.legal_basis_box.load()
        if self.ctx.actor.can("period.close"):
            self.periods_box.load()
        self._fill_backups()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._stale:
            self._fill_backups()  # the daily and closing backups are made meanwhile

    def _load_office(self, view: OfficeView | None) -> None:
        if view is None:
            return
        self.name.setText(view.name)
        self.kind.setCurrentIndex(max(self.kind.findData(view.kind), 0))
        self.prefix.setText(view.receipt_prefix)
        self.place.set_province(view.province_code)
        self._kind_changed()
        recorded = places.LAST_DAY_BEFORE_REFORM if view.kind == "district" else None
        self.place.set_code(view.unit_code if view.kind != "province" else None, recorded)
        self.voucher_book.setText(view.voucher_book)
        self.address.setText(view.address)
        self.phone.setText(view.phone)
        self.head_name.setText(view.head_name)
        self.accountant_name.setText(view.accountant_name)
        self.cashier_name.setText(view.cashier_name)

    def office_input(self) -> OfficeInput:
        return OfficeInput(
            name=self.name.text(),
            receipt_prefix=self.prefix.text(),
            kind=self.kind.currentData() or "district",
            province_code=self.place.province_code(),
            unit_code=self.place.code() if self.kind.currentData() != "province" else None,
            address=self.address.text(),
            phone=self.phone.text(),
            head_name=self.head_name.text(),
            accountant_name=self.accountant_name.text(),
            cashier_name=self.cashier_name.text(),
            voucher_book=self.voucher_book.text(),
        )

    def _kind_changed(self, *_args: object) -> None:
        """A commune office picks today's commune; a district office its former district."""
        kind = self.kind.currentData() or "commune"
        self.place.set_level(kind)
        label = self.office_labels.get("commune")
        if label is not None:
            label.setText(self.tr("Former district") if kind == "district" else self.tr("Commune"))

    def save_office(self) -> None:
        if self._task is not None and not self._task.is_done:
            return
        self.errors.clear()
        data = self.office_input()
        ctx = self.ctx
        self.save_button.setEnabled(False)
        self._task = ctx.write(
            self,
            lambda: office.save_office(ctx.db, ctx.actor, data),
            {Change.OFFICE},
            on_success=self._saved,
            on_failure=self._failed,
            label=self.tr("Saving…"),
        )

    def _saved(self, _view: OfficeView) -> None:
        self.save_button.setEnabled(True)
        self.status_message.emit(self.tr("Office details saved."))

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)

    def _open_data_folder(self) -> None:
        folder = config.data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- projects ----------------------------------------------------------------------
    def _load_projects(self) -> None:
        if self._projects_task is not None and not self._projects_task.is_done:
            self._projects_task.cancel()
        ctx = self.ctx
        self._projects_task = run_task(
            self,
            lambda: projects.list_projects(ctx.db, ctx.actor),
            on_success=self._projects_loaded,
            on_failure=lambda exc: self.projects_banner.show_message(error_text(exc)),
        )

    def _projects_loaded(self, rows: list[ProjectView]) -> None:
        self.projects_banner.show_message("")
        self._projects = rows
        self._fill_projects()

    def _fill_projects(self) -> None:
        current = self.selected_project()
        lang = get_language()
        self.project_list.clear()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        closed = self.tr("{name} (closed)")
        for p in self._projects:
            period = f"{p.start_date:%d/%m/%Y} – {p.end_date:%d/%m/%Y}"
            name = p.name if p.status == "active" else closed.format(name=p.name)
            item = QTreeWidgetItem(
                self.project_list,
                [
                    p.code,
                    name,
                    p.donor,
                    period,
                    format_money(p.budget, lang),
                    format_money(p.spent, lang),
                    format_money(p.left, lang),
                ],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, p)
            for column in (4, 5, 6):
                item.setTextAlignment(column, right)
            if current is not None and p.id == current.id:
                self.project_list.setCurrentItem(item)
        self._update_project_buttons()

    def selected_project(self) -> ProjectView | None:
        item = self.project_list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_project_buttons(self) -> None:
        can_write = self.ctx.actor.can("project.write")
        self.add_project_button.setEnabled(can_write)
        self.edit_project_button.setEnabled(can_write and self.selected_project() is not None)

    def add_project(self) -> ProjectDialog | None:
        return self._open_project(None)

    def edit_project(self) -> ProjectDialog | None:
        project = self.selected_project()
        return self._open_project(project) if project is not None else None

    def _open_project(self, project: ProjectView | None) -> ProjectDialog | None:
        if not self.ctx.actor.can("project.write"):
            return None
        dialog = ProjectDialog(self.ctx, project, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.saved.connect(self._project_saved)
        dialog.open()
        return dialog

    def _project_saved(self, view: ProjectView) -> None:
        self.status_message.emit(self.tr("Project {code} saved.").format(code=view.code))

    # --- screen lock and password ------------------------------------------------------
    def _idle_minutes_changed(self, minutes: int) -> None:
        self.idle_minutes_changed.emit(prefs.IDLE_MINUTES.set(minutes))

    # --- backups -----------------------------------------------------------------------
    def backup_rows(self) -> list[BackupInfo]:
        path = self.ctx.db.location.path
        if path is None:
            return []
        try:
            return backups.list_backups(path)
        except OSError:
            return []

    def _fill_backups(self) -> None:
        if self.ctx.db.location.path is None:
            return
        current = self.selected_backup()
        self.backup_list.clear()
        for info in self.backup_rows():
            item = QTreeWidgetItem(
                self.backup_list, [time_text(info.taken_at), size_text(info.size), info.path.name]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, info)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if current is not None and info.path == current.path:
                self.backup_list.setCurrentItem(item)
        for column in range(self.backup_list.columnCount()):
            self.backup_list.resizeColumnToContents(column)
        self._update_backup_buttons()

    def selected_backup(self) -> BackupInfo | None:
        item = self.backup_list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_backup_buttons(self) -> None:
        busy = self._backup_task is not None and not self._backup_task.is_done
        self.backup_button.setEnabled(not busy)
        self.usb_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and self.selected_backup() is not None)
        self.restore_file_button.setEnabled(not busy)

    def _run_backup(self, folder: Path | None) -> None:
        if self._backup_task is not None and not self._backup_task.is_done:
            return
        ws = self.ctx.session()
        self.backup_banner.show_message("")

        def job() -> BackupInfo:
            if folder is None:
                return backups.backup_now(ws, reason="manual")
            return backups.backup_now(ws, folder=folder, reason="usb", keep=None)

        self._backup_task = self.ctx.write(
            self,
            job,
            {Change.BACKUP},
            on_success=lambda info: self._backed_up(info, folder),
            on_failure=self._backup_failed,
            label=self.tr("Writing the backup…"),
        )
        self._update_backup_buttons()

    def back_up_now(self) -> None:
        self._run_backup(None)

    def back_up_to_folder(self) -> None:
        folder = files.choose_folder(
            self, self.tr("Choose the USB stick or folder for the backup"), stick=True
        )
        if not folder:
            return
        if self.ctx.db.location.path is None:
            dialog = PostgresBackupDialog(self.ctx, Path(folder), self)
            dialog.saved.connect(self._backed_up_postgres)
            dialog.open()
            return
        self._run_backup(Path(folder))

    def _backed_up_postgres(self, info: BackupInfo) -> None:
        self.backup_written.emit(info)
        self.status_message.emit(
            self.tr("Backup written to {folder}").format(folder=info.path.parent)
        )
        QMessageBox.information(
            self,
            self.tr("Backup written"),
            self.tr(
                "The backup was written to {folder}:\n\n{file}\n\nIt is encrypted: it "
                "opens only with the passphrase. Keep the passphrase apart from the stick, "
                "and the stick in a safe place."
            ).format(folder=str(info.path.parent), file=info.path.name),
        )

    def _backed_up(self, info: BackupInfo, folder: Path | None) -> None:
        self._update_backup_buttons()
        self._fill_backups()
        self.backup_written.emit(info)
        if folder is None:
            self.status_message.emit(self.tr("Backup made: {file}").format(file=info.path.name))
            return
        keys = vault_path(info.path)
        text = self.tr(
            "The backup was written to {folder}:\n\n{file}\n{keys}\n\n"
            "It is encrypted: it opens only with the password of an account of this office "
            "or with the recovery key. Keep both files together, and the USB stick in a "
            "safe place."
        ).format(
            folder=str(info.path.parent),
            file=info.path.name,
            keys=keys.name if keys.exists() else "",
        )
        self.status_message.emit(
            self.tr("Backup written to {folder}").format(folder=info.path.parent)
        )
        QMessageBox.information(self, self.tr("Backup written"), text)

    def _backup_failed(self, exc: BaseException) -> None:
        self._update_backup_buttons()
        self.backup_banner.show_message(error_text(exc))

    def restore_selected(self) -> None:
        info = self.selected_backup()
        if info is not None and self.ctx.actor.can("backup.restore"):
            self.restore_requested.emit(info.path, info)

    def restore_from_file(self) -> None:
        if not self.ctx.actor.can("backup.restore"):
            return
        path = files.open_file(
            self,
            self.tr("Choose the backup to restore"),
            self.tr("Grant Tracker backups (*{suffix});;All files (*)").format(
                suffix=backups.SUFFIX
            ),
            stick=True,
        )
        if path:
            self.restore_requested.emit(Path(path), None)
