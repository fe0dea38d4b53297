"""Setting up a new office: the assistant shown on the first start without a database.

Pages: the office (name, level, province and commune from the list), the papers (receipt
prefix, voucher book, the signatories printed on them), the first administrator (creates
the encrypted database on a worker), and the recovery key, shown once, to print. Everything
here can be changed later in Settings by an administrator; ``tracker init`` takes the same
answers as options.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from tracker.config import DatabaseLocation
from tracker.services import auth, consolidate, office
from tracker.services.auth import Workspace
from tracker.services.errors import ServiceError, ValidationError
from tracker.ui.place_picker import PlacePicker
from tracker.ui.widgets import Banner, ErrorLabel, FormErrors
from tracker.ui.worker import Task, run_task


class _FormPage(QWizardPage):
    """A page with a form whose fields show the service's messages under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = Banner(self)
        self.errors = FormErrors(self.banner)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.labels: dict[str, QLabel] = {}

    def add(self, field: str, text: str, widget: QWidget, *more: str, hint: str = "") -> None:
        box = QWidget(self)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(widget)
        if hint:
            note = QLabel(hint, box)
            note.setWordWrap(True)
            note.setStyleSheet("color: palette(mid);")
            col.addWidget(note)
        error = ErrorLabel(box)
        col.addWidget(error)
        for key in (field, *more):
            self.errors.add(key, widget, error)
        label = QLabel(text, self)
        label.setBuddy(widget)
        self.labels[field] = label
        self.form.addRow(label, box)

    def show_error(self, exc: BaseException) -> None:
        self.errors.show(exc)


class OfficePage(_FormPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your office"))
        self.setSubTitle(
            self.tr(
                "The office that keeps these records. Choose its province, then type a few "
                "letters of its commune, with or without diacritics (for example: lung cu)."
            )
        )
        self.name = QLineEdit(self)
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("e.g. Hội LHPN xã Lũng Cú"))
        self.kind = QComboBox(self)
        for code, text in (
            ("commune", self.tr("Commune office")),
            ("province", self.tr("Provincial office")),
            ("district", self.tr("District office (kept for records before July 2025)")),
        ):
            self.kind.addItem(text, code)
        self.place = PlacePicker(self, level="commune")
        self.address = QLineEdit(self)
        self.address.setMaxLength(300)
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(40)
        self.add("office_name", self.tr("Office name"), self.name)
        self.add("office_kind", self.tr("Level"), self.kind)
        self.add("province", self.tr("Province"), self.place.province)
        self.add("commune", self.tr("Commune"), self.place.unit, "district")
        self.add(
            "address",
            self.tr("Address"),
            self.address,
            hint=self.tr("Printed at the top of every paper."),
        )
        self.add("phone", self.tr("Phone"), self.phone)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.place.changed.connect(self._place_changed)
        self.name.textChanged.connect(self.completeChanged)

    def _kind_changed(self, _index: int) -> None:
        kind = self.kind.currentData()
        self.place.set_level(kind)
        self.labels["commune"].setText(
            self.tr("Former district") if kind == "district" else self.tr("Commune")
        )
        self.place.unit.setVisible(kind != "province")
        self.labels["commune"].setVisible(kind != "province")

    def _place_changed(self) -> None:
        chosen = self.place.place()
        if chosen is not None and not self.address.text().strip():
            self.address.setText(office_address(chosen))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.name.text().strip()) and self.place.province_code() is not None

    def data(self, base: office.OfficeInput) -> office.OfficeInput:
        kind = self.kind.currentData()
        return office.OfficeInput(
            name=self.name.text(),
            receipt_prefix=base.receipt_prefix,
            kind=kind,
            province_code=self.place.province_code(),
            unit_code=self.place.code() if kind != "province" else None,
            address=self.address.text(),
            phone=self.phone.text(),
            head_name=base.head_name,
            accountant_name=base.accountant_name,
            cashier_name=base.cashier_name,
            voucher_book=base.voucher_book,
        )

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        try:
            # The prefix is checked on the next page: a stand-in lets the rest be checked.
            office.check_office(self.data(office.OfficeInput(name="", receipt_prefix="X")))
        except ServiceError as exc:
            self.show_error(exc)
            return False
        self.errors.clear()
        return True


def office_address(place: Any) -> str:
    """ "Xã Lũng Cú, tỉnh Tuyên Quang" for a commune chosen (a first guess, editable)."""
    from tracker.services import places

    province = places.province_of(place)
    parts = [place.full_name, province.full_name if province else ""]
    text = ", ".join(p for p in parts if p)
    return text[:1].upper() + text[1:]


class PapersPage(_FormPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Receipts and papers"))
        self.setSubTitle(
            self.tr(
                "How receipts are numbered and who signs the papers. The names can be "
                "left empty now and added in Settings later."
            )
        )
        self.prefix = QLineEdit(self)
        self.prefix.setMaxLength(12)
        self.book = QLineEdit(self)
        self.book.setMaxLength(20)
        self.head = QLineEdit(self)
        self.accountant = QLineEdit(self)
        self.cashier = QLineEdit(self)
        for edit in (self.head, self.accountant, self.cashier):
            edit.setMaxLength(120)
        self.add(
            "receipt_prefix",
            self.tr("Receipt prefix"),
            self.prefix,
            hint=self.tr("Letters that start every receipt number: LC gives LC-2026-00001."),
        )
        self.add(
            "voucher_book",
            self.tr("Voucher book (quyển số)"),
            self.book,
            hint=self.tr("The office's own numbering of its voucher books, e.g. 01/2026."),
        )
        self.add("head_name", self.tr("Head of office (thủ trưởng)"), self.head)
        self.add("accountant_name", self.tr("Chief accountant (kế toán trưởng)"), self.accountant)
        self.add("cashier_name", self.tr("Cashier (thủ quỹ)"), self.cashier)
        self.prefix.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.prefix.text().strip())

    def data(self) -> office.OfficeInput:
        return office.OfficeInput(
            name="",
            receipt_prefix=self.prefix.text(),
            head_name=self.head.text(),
            accountant_name=self.accountant.text(),
            cashier_name=self.cashier.text(),
            voucher_book=self.book.text(),
        )

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        try:
            office.check_office(wizard.office_input())
        except ServiceError as exc:
            if exc.field in ("office_name", "province", "commune", "district", "address"):
                wizard.back()
                wizard.office_page.show_error(exc)
            else:
                self.show_error(exc)
            return False
        self.errors.clear()
        return True


class AdminPage(_FormPage):
    """The first administrator; "Create the database" makes the encrypted file."""

    def __init__(self, location: DatabaseLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.task: Task | None = None
        self.created: tuple[Workspace, str | None] | None = None
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(
            self.tr(
                "This account manages the others. The data will be kept encrypted in: {path}"
            ).format(path=location.describe())
        )
        self.setCommitPage(True)
        self.full_name = QLineEdit(self)
        self.full_name.setMaxLength(120)
        self.username = QLineEdit(self)
        self.username.setMaxLength(60)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(self)
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.password, self.password2):
            edit.setMaxLength(256)
        self.add("admin_full_name", self.tr("Full name"), self.full_name)
        self.add("username", self.tr("User name"), self.username)
        self.add(
            "password",
            self.tr("Password"),
            self.password,
            hint=self.tr("At least 8 characters. It also unlocks the encrypted data."),
        )
        self.add("password2", self.tr("Password again"), self.password2)
        for edit in (self.full_name, self.username, self.password, self.password2):
            edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        filled = all(
            e.text().strip() for e in (self.full_name, self.username, self.password, self.password2)
        )
        return filled and (self.task is None or self.task.is_done)

    def validatePage(self) -> bool:
        if self.created is not None:
            return True
        if self.task is not None and not self.task.is_done:
            return False
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        try:
            if self.password.text() != self.password2.text():
                raise ValidationError("passwords_differ", "password2")
            office.check_username(self.username.text())
            office.check_password(self.password.text())
            data = wizard.office_input()
            office.check_office(data)
        except ServiceError as exc:
            self.show_error(exc)
            return False
        self.errors.clear()
        location, user, name, pw = (
            self.location,
            self.username.text(),
            self.full_name.text(),
            self.password.text(),
        )
        self.task = run_task(
            self,
            lambda: auth.create_workspace(location, data, user, name, pw),
            on_success=self._created,
            on_failure=self._failed,
            label=self.tr("Creating the encrypted database…"),
            cancellable=False,
        )
        self.completeChanged.emit()
        return False  # the page moves on when the database is made

    def _created(self, result: tuple[Workspace, str | None]) -> None:
        self.created = result
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:
            wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self.completeChanged.emit()
        if isinstance(exc, ServiceError) and exc.field == "full_name":
            exc.field = "admin_full_name"
        self.show_error(exc)


class RecoveryPage(QWizardPage):
    """The recovery key, shown once, with a button that prints it with where to keep it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = ""
        self.office_name = ""
        self.fingerprint = ""
        self.setTitle(self.tr("The recovery key"))
        self.setSubTitle(
            self.tr(
                "This key opens the data if every administrator forgets their password. "
                "It is shown only now."
            )
        )
        layout = QVBoxLayout(self)
        self.key_label = QLabel(self)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(15)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setWordWrap(True)
        layout.addWidget(self.key_label)
        where = QLabel(recovery_advice(), self)
        where.setWordWrap(True)
        layout.addWidget(where)
        self.fingerprint_label = QLabel(self)
        self.fingerprint_label.setWordWrap(True)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint_label)
        self.print_button = QPushButton(self.tr("Print the recovery key…"), self)
        self.print_button.clicked.connect(self.print_key)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.kept = QCheckBox(self.tr("I have printed or written down the recovery key"), self)
        self.kept.toggled.connect(self.completeChanged)
        layout.addWidget(self.kept)
        layout.addStretch(1)

    def show_key(self, code: str | None, office_name: str, fingerprint: str = "") -> None:
        self.code = code or ""
        self.office_name = office_name
        self.fingerprint = fingerprint
        self.key_label.setText(self.code)
        self.fingerprint_label.setText(fingerprint_text(fingerprint) if fingerprint else "")
        self.fingerprint_label.setVisible(bool(fingerprint))
        # PostgreSQL has no key file: nothing to keep.
        for w in (self.print_button, self.kept, self.key_label):
            w.setVisible(bool(self.code))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.code or self.kept.isChecked()

    def print_key(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if not render_recovery_sheet(
            printer, self.code, self.office_name, fingerprint=self.fingerprint
        ):
            QMessageBox.warning(self, self.tr("Print"), self.tr("The printer could not start."))


def recovery_advice() -> str:
    return QCoreApplication.translate(
        "SetupWizard",
        "Print it (or write it down) and keep the paper in the office safe, away from this "
        "computer. Do not photograph it or keep it in a file: anyone holding it can open "
        "every record.",
    )


def fingerprint_text(fingerprint: str) -> str:
    return QCoreApplication.translate(
        "SetupWizard",
        "Fingerprint of this office's signing key (the province registers it to take in "
        "your reports): {fingerprint}",
    ).format(fingerprint=fingerprint)


def render_recovery_sheet(
    printer: QPrinter,
    code: str,
    office_name: str,
    when: datetime | None = None,
    *,
    fingerprint: str = "",
) -> bool:
    """Draw the recovery page: the office, the key, the day, and where to keep it."""
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        page = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
        dpi = printer.resolution()
        pad = dpi * 0.2
        y = page.top()

        def block(text: str, size: int, *, bold: bool = False, mono: bool = False) -> None:
            nonlocal y
            font = QFont("DejaVu Sans Mono" if mono else "DejaVu Sans", size)
            font.setBold(bold)
            painter.setFont(font)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
            box = painter.boundingRect(
                QRectF(page.left(), y, page.width(), page.height()), flags, text
            )
            painter.drawText(QRectF(page.left(), y, page.width(), box.height()), flags, text)
            y += box.height() + pad

        block(
            QCoreApplication.translate("SetupWizard", "GRANT TRACKER RECOVERY KEY"), 18, bold=True
        )
        block(office_name, 13)
        block(code, 20, bold=True, mono=True)
        stamp = (when or datetime.now()).strftime("%d/%m/%Y")
        block(QCoreApplication.translate("SetupWizard", "Made on {day}.").format(day=stamp), 11)
        block(recovery_advice(), 12)
        if fingerprint:
            block(fingerprint_text(fingerprint), 11, mono=True)
        block(
            QCoreApplication.translate(
                "SetupWizard",
                "To use it: at the sign-in, press “Forgot the password? Use the recovery "
                "key…”, or run: tracker recover USER.",
            ),
            11,
        )
    finally:
        painter.end()
    return True


class SetupWizard(QWizard):
    """The first start: office, papers, first administrator, recovery key."""

    def __init__(self, location: DatabaseLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.setWindowTitle(self.tr("Set up Grant Tracker"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create the database"))
        self.office_page = OfficePage(self)
        self.papers_page = PapersPage(self)
        self.admin_page = AdminPage(location, self)
        self.recovery_page = RecoveryPage(self)
        for page in (self.office_page, self.papers_page, self.admin_page, self.recovery_page):
            self.addPage(page)
        self.currentIdChanged.connect(self._page_shown)
        self.resize(720, 560)

    def office_input(self) -> office.OfficeInput:
        return self.office_page.data(self.papers_page.data())

    def _page_shown(self, _id: int) -> None:
        if self.currentPage() is self.recovery_page and self.admin_page.created:
            ws, code = self.admin_page.created
            me = consolidate.identity(ws.db, ws.actor)
            self.recovery_page.show_key(
                code, self.office_page.name.text().strip(), me.fingerprint or ""
            )

    def workspace(self) -> Workspace | None:
        return self.admin_page.created[0] if self.admin_page.created else None

    def reject(self) -> None:
        if self.admin_page.created is not None:
            return  # the database exists: the key must be seen through to the end
        super().reject()

    def exec_result(self) -> Workspace | None:
        """Run the assistant; the new workspace, or None if closed before creating it."""
        self.exec()
        return self.workspace()
