"""Printing in one go: the papers of every hand-over of a day (each on the paper that fits:
the payment voucher for money, the hand-over note for goods, both for both), or the
signature list of a group payment (a month of living allowance) - one PDF, built on the
worker with a progress bar and a Stop button, then saved and, if wished, printed.

Making the day's PDF counts as a print of each receipt in it (the first is the original,
later ones copies marked "BẢN SAO"); printing that PDF once is that print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tracker.reports import Cancelled, render_batch, render_signature_list
from tracker.services import receipts
from tracker.services.errors import ValidationError
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.base import form_layout
from tracker.ui.printing import JobStopped, PdfOutput, Progress, problem_text
from tracker.ui.widgets import Banner, DateEdit, set_combo_data, to_date
from tracker.ui.worker import Task, run_task

DAY, MONTH = "day", "month"


class ReceiptBatchDialog(QDialog):
    """Build one PDF of many papers. ``output`` (a :class:`PdfOutput`) saves and prints."""

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        page_size: str = "A4",
        copies: int = 1,
        lang: str = "vi",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.output = PdfOutput(self)
        self.task: Task | None = None
        self.progress: Progress | None = None
        self.result_path: Path | None = None
        self.result_pages = 0
        self.setWindowTitle(self.tr("Print in one go"))

        self.banner = Banner(self)
        self.by_day = QRadioButton(self.tr("The papers of every hand-over of a day"), self)
        self.by_month = QRadioButton(
            self.tr("The signature list of a group payment for a month"), self
        )
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.by_day)
        self.kind.addButton(self.by_month)
        self.by_day.setChecked(True)
        self.day = DateEdit(ctx.today(), self)
        self.grant_type = QComboBox(self)
        for gt in ctx.grant_types():
            if gt.kind == "cash" and gt.active:
                self.grant_type.addItem(ctx.grant_type_name(gt.code), gt.code)
        set_combo_data(self.grant_type, "monthly_allowance")
        self.month = QDateEdit(self)
        self.month.setDisplayFormat("MM/yyyy")
        self.month.setCalendarPopup(False)
        today = ctx.today()
        self.month.setDate(QDate(today.year, today.month, 1))

        self.page_size = QComboBox(self)
        self.page_size.addItem("A4", "A4")
        self.page_size.addItem("A5", "A5")
        set_combo_data(self.page_size, page_size)
        self.copies = QComboBox(self)
        self.copies.addItem(self.tr("1 copy"), 1)
        self.copies.addItem(self.tr("2 copies (Liên 1, Liên 2)"), 2)
        set_combo_data(self.copies, copies)
        self.lang = QComboBox(self)
        self.lang.addItem("Tiếng Việt", "vi")
        self.lang.addItem("English", "en")
        set_combo_data(self.lang, lang)

        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.bar.setTextVisible(True)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.build_button = QPushButton(self.tr("Make the PDF…"), self)
        self.build_button.setDefault(True)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setEnabled(False)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(self.build_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)

        day_form = form_layout()
        day_form.addRow(self.tr("Day:"), self.day)
        day_box = QWidget(self)
        day_box.setLayout(_indented(day_form))
        month_form = form_layout()
        month_form.addRow(self.tr("Support type:"), self.grant_type)
        month_form.addRow(self.tr("Month:"), self.month)
        month_box = QWidget(self)
        month_box.setLayout(_indented(month_form))
        options = form_layout()
        options.addRow(self.tr("Page size:"), self.page_size)
        options.addRow(self.tr("Copies of each receipt:"), self.copies)
        options.addRow(self.tr("Language of the papers:"), self.lang)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.by_day)
        layout.addWidget(day_box)
        layout.addWidget(self.by_month)
        layout.addWidget(month_box)
        layout.addSpacing(6)
        layout.addLayout(options)
        layout.addSpacing(6)
        layout.addWidget(self.bar)
        layout.addWidget(self.state)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.by_day.toggled.connect(self._kind_changed)
        self.build_button.clicked.connect(self.build)
        self.stop_button.clicked.connect(self.stop)
        self.print_button.clicked.connect(self.print_result)
        self.close_button.clicked.connect(self.reject)
        self._kind_changed()
        self.resize(560, self.sizeHint().height())

    # --- state -------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.is_done

    def _kind_changed(self, *_args: object) -> None:
        daily = self.by_day.isChecked()
        self.day.setEnabled(daily)
        self.grant_type.setEnabled(not daily)
        self.month.setEnabled(not daily)
        self.copies.setEnabled(daily)

    def _set_busy(self, busy: bool) -> None:
        for w in (
            self.by_day,
            self.by_month,
            self.day,
            self.grant_type,
            self.month,
            self.page_size,
            self.copies,
            self.lang,
            self.build_button,
            self.print_button,
            self.close_button,
        ):
            w.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        if not busy:
            self._kind_changed()
            self.print_button.setEnabled(self.result_path is not None)

    def suggested_name(self) -> str:
        if self.by_day.isChecked():
            return f"GiayTo_{self.day.value().isoformat()}.pdf"
        month = self.month.date()
        return (
            f"DanhSachKyNhan_{self.grant_type.currentData()}_{month.year()}-{month.month():02d}.pdf"
        )

    # --- building ------------------------------------------------------------------------
    def build(self) -> None:
        """Ask where to save, then build the PDF there on the worker."""
        if self.busy:
            return
        self.banner.show_message("")
        path = self.output.ask_path(self.suggested_name())
        if path is None:
            return
        self.start(path)

    def start(self, path: Path) -> Task:
        db, actor = self.ctx.db, self.ctx.actor
        page_size = self.page_size.currentData()
        lang = self.lang.currentData()
        copies = int(self.copies.currentData())
        daily = self.by_day.isChecked()
        day = self.day.value()
        grant_type = self.grant_type.currentData() or ""
        month = to_date(self.month.date()).replace(day=1)
        progress = Progress()
        progress.changed.connect(self._moved)
        self.progress = progress
        self.result_path = None
        self.result_pages = 0
        self.bar.setRange(0, 0)  # busy until the first paper is done
        self.state.setText(self.tr("Reading the hand-overs…"))

        def job() -> tuple[int, int]:
            try:
                return make()
            except Cancelled:
                raise JobStopped() from None

        def make() -> tuple[int, int]:
            if daily:
                return _day_batch(db, actor, day, path, page_size, lang, copies, progress)
            doc = receipts.signature_list(
                db, actor, grant_type, month, lang=lang, page_size=page_size
            )
            if progress.is_cancelled():
                raise Cancelled("cancelled before writing")
            pages = render_signature_list(doc, path)
            progress.report(1, 1)
            return pages, len(doc.rows)

        self._set_busy(True)
        self.task = run_task(
            self,
            job,
            on_success=lambda result: self._built(path, result),
            on_failure=self._failed,
        )
        return self.task

    def stop(self) -> None:
        if self.progress is not None and self.busy:
            self.progress.cancel()
            self.stop_button.setEnabled(False)
            self.state.setText(self.tr("Stopping…"))

    def _moved(self, done: int, total: int) -> None:
        if self.bar.maximum() != total:
            self.bar.setRange(0, total)
        self.bar.setValue(done)
        if not (self.progress and self.progress.is_cancelled()):
            self.state.setText(self.tr("Paper {done} of {total}…").format(done=done, total=total))

    def _built(self, path: Path, result: tuple[int, int]) -> None:
        pages, papers = result
        if self.by_day.isChecked():  # each receipt's print was counted
            self.ctx.events.announce({Change.RECEIPT})
        self.result_path = path
        self.result_pages = pages
        self.bar.setRange(0, max(1, papers))
        self.bar.setValue(max(1, papers))
        self.state.setText(
            self.tr("Saved {pages} page(s) to {path}. You can print it now or later.").format(
                pages=pages, path=str(path)
            )
        )
        self._set_busy(False)

    def _failed(self, exc: BaseException) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        if isinstance(exc, JobStopped):
            self.state.setText(exc.message())
        else:
            self.state.setText("")
            self.banner.show_message(problem_text(exc))
        self._set_busy(False)

    # --- printing ------------------------------------------------------------------------
    def print_result(self) -> None:
        """Print the PDF just made. The day's papers in it were counted as one print each:
        once printed, make the PDF again for another print (it then says "BẢN SAO")."""
        if self.result_path is None or self.busy:
            return
        path = self.result_path
        once = self.by_day.isChecked()

        def ended(ok: bool, _pages: int) -> None:
            if ok and once:
                self.result_path = None
                self.print_button.setEnabled(False)
                self.state.setText(
                    self.tr(
                        "Printed. To print these papers again, make the PDF again: each "
                        "receipt is then counted and marked as a copy."
                    )
                )

        run_task(
            self,
            path.read_bytes,
            on_success=lambda pdf: self.output.print(pdf, finished=ended, job_name=path.stem),
            label=self.tr("Reading the PDF…"),
        )

    def reject(self) -> None:
        if self.busy:
            self.stop()
            return
        super().reject()


def _indented(form: QFormLayout) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(24, 0, 0, 0)
    row.addLayout(form, 1)
    return row


def _day_batch(
    db: object,
    actor: object,
    day: date,
    path: Path,
    page_size: str,
    lang: str,
    copies: int,
    progress: Progress,
) -> tuple[int, int]:
    """The papers of every valid receipt of ``day`` in one PDF (runs on the worker), each
    counted as a print first; a batch that is stopped or fails counts none of them."""
    found = receipts.receipts_of_day(db, actor, day)  # type: ignore[arg-type]
    if not found:
        raise ValidationError("nothing_to_print", None, period=day.strftime("%d/%m/%Y"))
    if progress.is_cancelled():
        raise Cancelled("cancelled before the first paper")
    details = receipts.record_prints(db, actor, [d.row.number for d in found])  # type: ignore[arg-type]
    try:
        papers = [receipts.paper_docs(d, lang=lang, page_size=page_size) for d in details]
        pages = render_batch(
            papers,
            path,
            progress=progress.report,
            cancelled=progress.is_cancelled,
            copies=copies,
        )
    except BaseException:
        for d in details:
            receipts.print_failed(db, actor, d.row.number, d.print_copy)  # type: ignore[arg-type]
        raise
    return pages, len(papers)
