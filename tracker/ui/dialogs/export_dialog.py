"""Export the summary: choose a USB stick (or any folder) and the kinds of file; the files
are written on the worker with a progress bar and a Cancel button, and checked before
"done". An administrator may add the line list with names, encrypted (AES-256 ZIP)."""

from __future__ import annotations

import threading
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.i18n import format_number, get_language
from tracker.reports.csv_summary import default_separator
from tracker.reports.usb import Drive
from tracker.services import exports
from tracker.services.errors import ServiceError, ValidationError
from tracker.services.exports import ExportResult
from tracker.services.reports import Period
from tracker.ui import files, prefs, screen
from tracker.ui.context import Change, UiContext
from tracker.ui.widgets import Banner, PassphrasePair, set_combo_data
from tracker.ui.worker import Task, error_text

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class _Relay(QObject):
    """Lives on the UI thread; the worker reports progress through it (queued)."""

    progress = Signal(int, str)


class ExportDialog(QDialog):
    """Where to, which files, then the export with progress and cancel."""

    #: The export was written and checked (``ExportResult``).
    exported = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        period: Period,
        audience: str,
        parent: QWidget | None = None,
        *,
        places: str = "commune",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period = period
        self.audience = audience
        self.places = places
        self.result_value: ExportResult | None = None
        self._task: Task | None = None
        self._stop = threading.Event()
        self._relay = _Relay(self)
        self._relay.progress.connect(self._progress)
        self.setWindowTitle(self.tr("Export the report"))
        self.setMinimumWidth(560)

        lang = get_language()
        names = {
            "office": self.tr("the office (all figures)"),
            "donor": self.tr("the donor (counts from 1 to 4 shown as «<5»)"),
            "province": self.tr("the province (counts from 1 to 4 shown as «<5»)"),
        }
        self.what = QLabel(
            self.tr("{period}, for {audience}.").format(
                period=period.label(lang), audience=names.get(audience, audience)
            ),
            self,
        )
        self.what.setWordWrap(True)
        self.banner = Banner(self)

        self.targets = QListWidget(self)
        self.targets.setMinimumHeight(64)
        self.rescan_button = QPushButton(self.tr("Look for USB sticks again"), self)
        self.folder_button = QPushButton(self.tr("Choose a folder…"), self)
        target_box = QGroupBox(self.tr("Where to"), self)
        tb = QVBoxLayout(target_box)
        tb.addWidget(self.targets)
        row = QHBoxLayout()
        row.addWidget(self.rescan_button)
        row.addStretch(1)
        row.addWidget(self.folder_button)
        tb.addLayout(row)

        self.pdf = QCheckBox(self.tr("PDF report"), self)
        self.xlsx = QCheckBox(self.tr("Excel workbook (XLSX), a sheet per table"), self)
        self.csv = QCheckBox(self.tr("CSV files, one per table"), self)
        for box in (self.pdf, self.xlsx, self.csv):
            box.setChecked(True)
        self.separator = QComboBox(self)
        self.separator.addItem(self.tr("; (Excel in Vietnamese)"), ";")
        self.separator.addItem(self.tr(", (comma)"), ",")
        set_combo_data(self.separator, prefs.CSV_SEPARATOR.get() or default_separator(lang))
        self.separator.setToolTip(
            self.tr(
                "Excel on a Windows set to Vietnamese splits columns on semicolons; the files"
                " start with a byte-order mark so that the diacritics open right."
            )
        )
        self.separator.setAccessibleName(self.tr("CSV separator"))
        files_box = QGroupBox(self.tr("Files"), self)
        self.files_box = files_box
        fb = QVBoxLayout(files_box)
        for box in (self.pdf, self.xlsx):
            fb.addWidget(box)
        csv_row = QHBoxLayout()
        csv_row.addWidget(self.csv)
        csv_row.addSpacing(12)
        csv_row.addWidget(self.separator)
        csv_row.addStretch(1)
        fb.addLayout(csv_row)
        self.csv.toggled.connect(self.separator.setEnabled)
        no_names = QLabel(
            self.tr("No names, ID numbers, phones or villages: codes and totals only."), self
        )
        no_names.setWordWrap(True)
        fb.addWidget(no_names)

        self.line_list = QCheckBox(
            self.tr("Add the list with names, encrypted with a passphrase (AES-256)"), self
        )
        self.pair = PassphrasePair(
            self, self.tr("Passphrase, at least {n} characters"), self.tr("The passphrase again")
        )
        self.passphrase, self.passphrase2 = self.pair.first, self.pair.again
        self.secret_box = QGroupBox(self.tr("Names (administrators only)"), self)
        sb = QVBoxLayout(self.secret_box)
        sb.addWidget(self.line_list)
        sb.addWidget(self.passphrase)
        sb.addWidget(self.passphrase2)
        hand_over = QLabel(
            self.tr(
                "Give the passphrase to the person who receives the stick by another"
                " way (not on the stick)."
            ),
            self,
        )
        hand_over.setWordWrap(True)
        sb.addWidget(hand_over)
        self.secret_box.setVisible(ctx.actor.can("user.manage"))
        self.line_list.toggled.connect(self._secret_toggled)
        self._secret_toggled(False)

        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addWidget(self.banner)
        layout.addWidget(target_box)
        layout.addWidget(files_box)
        layout.addWidget(self.secret_box)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.rescan_button.clicked.connect(self.scan)
        self.folder_button.clicked.connect(self.choose_folder)
        self.targets.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.scan()

    # --- targets -----------------------------------------------------------------------
    def scan(self) -> None:
        """List the removable drives (kept: a folder the user chose)."""
        chosen = [
            self.targets.item(i)
            for i in range(self.targets.count())
            if self.targets.item(i).data(PATH_ROLE + 1) == "folder"
        ]
        folders = [(i.text(), i.data(PATH_ROLE)) for i in chosen]
        self.targets.clear()
        try:
            drives = exports.removable_drives(self.ctx.actor)
        except ServiceError as exc:
            self.banner.show_message(error_text(exc))
            drives = []
        for d in drives:
            self._add_drive(d)
        for text, path in folders:
            self._add_item(text, path, "folder")
        if not drives and not folders:
            self.status.setText(
                self.tr("No USB stick found. Plug one in and look again, or choose a folder.")
            )
        else:
            self.status.setText("")
        if self.targets.count():
            self.targets.setCurrentRow(0)
        self._update_buttons()

    def _add_drive(self, d: Drive) -> None:
        free = format_number(d.free_bytes // (1024 * 1024), get_language())
        text = self.tr("USB: {name} – {free} MB free").format(name=d.display, free=free)
        self._add_item(text, str(d.path), "drive")

    def _add_item(self, text: str, path: str, kind: str) -> QListWidgetItem:
        item = QListWidgetItem(text, self.targets)
        item.setData(PATH_ROLE, path)
        item.setData(PATH_ROLE + 1, kind)
        item.setToolTip(path)
        return item

    def add_folder(self, path: str) -> None:
        item = self._add_item(self.tr("Folder: {path}").format(path=path), path, "folder")
        self.targets.setCurrentItem(item)
        self.status.setText("")
        self._update_buttons()

    def choose_folder(self) -> None:
        path = files.choose_folder(self, self.tr("Choose the folder to write to"), stick=True)
        if path:
            self.add_folder(path)

    def target(self) -> Path | None:
        item = self.targets.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None else None

    # --- options -----------------------------------------------------------------------
    def _secret_toggled(self, on: bool) -> None:
        self.pair.set_enabled(on)

    def formats(self) -> tuple[str, ...]:
        return tuple(
            f for f, box in (("pdf", self.pdf), ("xlsx", self.xlsx), ("csv", self.csv))
            if box.isChecked()
        )  # fmt: skip

    def _update_buttons(self) -> None:
        busy = self.busy
        self.export_button.setEnabled(not busy and self.target() is not None)
        for w in (self.targets, self.rescan_button, self.folder_button, self.secret_box,
                  self.pdf, self.xlsx, self.csv):  # fmt: skip
            w.setEnabled(not busy)
        self.separator.setEnabled(not busy and self.csv.isChecked())

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.is_done

    # --- running -----------------------------------------------------------------------
    def start(self) -> None:
        if self.busy:
            return
        self.banner.show_message("")
        target = self.target()
        if target is None:
            return
        passphrase = None
        if self.line_list.isChecked() and self.secret_box.isVisible():
            try:
                passphrase = self.pair.passphrase()
            except ValidationError as err:
                self.banner.show_message(err.message())
                return
        formats = self.formats()
        if not formats and passphrase is None:
            self.banner.show_message(ValidationError("no_formats", "formats").message())
            return
        ctx, period, audience, relay = self.ctx, self.period, self.audience, self._relay
        places = self.places
        separator = str(self.separator.currentData() or ";")
        prefs.CSV_SEPARATOR.set(separator)
        lang = get_language()
        self._stop.clear()
        stop = self._stop

        def job() -> ExportResult:
            return exports.export_summary(
                ctx.db,
                ctx.actor,
                period,
                target,
                audience=audience,
                formats=formats,
                lang=lang,
                line_list_passphrase=passphrase,
                today=ctx.today(),
                places=places,
                csv_separator=separator,
                progress=lambda p, what: relay.progress.emit(p, what),
                should_stop=stop.is_set,
            )

        self.bar.setValue(0)
        self.bar.show()
        self.status.setText(self.tr("Adding up the figures…"))
        self.cancel_button.setText(self.tr("Stop"))
        self._task = ctx.write(
            self, job, {Change.EXPORT}, on_success=self._done, on_failure=self._failed
        )
        self._update_buttons()

    def _progress(self, percent: int, what: str) -> None:
        self.bar.setValue(percent)
        texts = {
            "summary": self.tr("Adding up the figures…"),
            "line_list": self.tr("Preparing the encrypted list…"),
            "pdf": self.tr("Making the PDF…"),
            "xlsx": self.tr("Making the Excel workbook…"),
            "csv": self.tr("Making the CSV files…"),
            "write": self.tr("Writing the files…"),
            "verify": self.tr("Checking what was written…"),
            "done": self.tr("Done."),
        }
        if what in texts:
            self.status.setText(texts[what])

    def _done(self, result: ExportResult) -> None:
        self.result_value = result
        self.bar.setValue(100)
        self.status.setText(
            self.tr(
                "Done: {count} files written to {folder} and checked (SHA-256 in"
                " manifest.json). You can remove the stick now."
            ).format(count=len(result.files), folder=str(result.folder))
        )
        self.cancel_button.setText(self.tr("Close"))
        self.export_button.hide()
        # Done: the choices made before are no longer asked; the room goes to what was
        # written, the list of places stays where it was.
        self.files_box.hide()
        self.secret_box.hide()
        self.exported.emit(result)
        self._update_buttons()
        self.grow_to_fit()
        QTimer.singleShot(0, self.grow_to_fit)  # once the new texts have their sizes

    def _failed(self, exc: BaseException) -> None:
        self.bar.hide()
        self.status.setText("")
        self.banner.show_message(error_text(exc))
        self.cancel_button.setText(self.tr("Cancel"))
        self._update_buttons()
        self.grow_to_fit()
        QTimer.singleShot(0, self.grow_to_fit)

    def grow_to_fit(self) -> None:
        """As tall as the words shown now need (a long "done" line with the folder's path
        takes more lines), within the screen: the buttons never sit on the list."""
        layout = self.layout()
        if layout is None or not shiboken6.isValid(self):
            return
        layout.activate()
        width = self.width()
        need = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        need = max(need, layout.totalMinimumSize().height())
        room = screen.available_area(self).height()
        if need != self.height():
            self.resize(width, min(need, max(room, layout.totalMinimumSize().height())))

    def reject(self) -> None:
        if self.busy:
            self._stop.set()
            self.status.setText(self.tr("Stopping…"))
            return
        super().reject()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.busy:
            self._stop.set()
            event.ignore()
            return
        super().closeEvent(event)
