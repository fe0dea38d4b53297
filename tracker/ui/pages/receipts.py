"""Receipts: every receipt issued with a hand-over, newest first; find one by number or by
person (with or without diacritics) and dates; preview, print or save it as PDF on the paper
that fits what was handed over (money: the payment voucher; goods: the hand-over note; both:
both); void it (with a replacement number); print a day's receipts or a month's signature
list in one go.

Every print or PDF of a receipt is recorded before its paper is made: the first is the
original, every later one a copy marked "BẢN SAO" with its count. A preview records nothing
and shows what the next print would be.

Names show only when the window's "show names" switch is on. Making the PDF, rasterising
and printing run on the worker; the list pages are read as the view scrolls.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QFont, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.papers import PAPERS_OF_KIND
from tracker.reports._layout import write_atomic
from tracker.services import attachments, receipts
from tracker.services.attachments import AttachmentInput, AttachmentView
from tracker.services.grants import AdjustmentView, HandoverView
from tracker.services.receipts import ReceiptDetail, ReceiptRow
from tracker.ui import files, fmt, prefs
from tracker.ui.context import Change, ChangeNotice, UiContext
from tracker.ui.dialogs.period_dialogs import HandoverCorrectionDialog
from tracker.ui.dialogs.receipt_batch import ReceiptBatchDialog
from tracker.ui.dialogs.receipt_void import ReceiptVoidDialog
from tracker.ui.lists import ListSearch, sort_by_service, table_view
from tracker.ui.models import LATE, MUTED, Column, Index, PagedTableModel, Pager
from tracker.ui.pages.base import Page
from tracker.ui.printing import PdfOutput, preview_images, problem_text
from tracker.ui.widgets import Banner, OptionalDateEdit, set_combo_data
from tracker.ui.worker import Task, error_text

SEARCH_DELAY_MS = 250
NOTICE_STYLE = (
    "QLabel { background: #e8f3ea; color: #1e4620; border: 1px solid #a5d6a7;"
    " border-radius: 4px; padding: 6px; }"
)


class ReceiptTableModel(PagedTableModel):
    """Pages of ``receipts.list_receipts`` under a text and a date range."""

    COLUMNS = (
        Column("number", sort="number"),
        Column("handed_on", sort="handed_on"),
        Column("beneficiary", sort="beneficiary"),
        Column("description", sort="description"),
        Column("paper"),
        Column("amount", right=True, sort="amount"),
        Column("status", sort="status"),
    )

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.text = ""
        self.since: date | None = None
        self.until: date | None = None
        #: Only receipts whose signed copy is on file (True), or missing (False).
        self.signed: bool | None = None
        ctx.events.names_visible_changed.connect(lambda _v: self.retranslate())

    def headers(self) -> dict[str, str]:
        return {
            "number": self.tr("Receipt no."),
            "handed_on": self.tr("Date"),
            "beneficiary": self.tr("Beneficiary"),
            "description": self.tr("Description"),
            "paper": self.tr("Paper"),
            "amount": self.tr("Amount"),
            "status": self.tr("Status"),
        }

    def pager(self) -> Pager:
        db, actor, text, since, until = (
            self.ctx.db, self.ctx.actor, self.text, self.since, self.until
        )  # fmt: skip
        order, descending, signed = self.order, self.descending, self.signed
        return lambda offset, limit: receipts.list_receipts(
            db,
            actor,
            text,
            since=since,
            until=until,
            signed=signed,
            limit=limit,
            offset=offset,
            order=order,
            descending=descending,
        )

    def counter(self) -> Callable[[], int]:
        db, actor, text, since, until = (
            self.ctx.db, self.ctx.actor, self.text, self.since, self.until
        )  # fmt: skip
        signed = self.signed
        return lambda: receipts.count_receipts(
            db, actor, text, since=since, until=until, signed=signed
        )

    def paper_text(self, row: ReceiptRow) -> str:
        """The paper(s) the hand-over is printed on."""
        return {
            "cash": self.tr("Payment voucher"),
            "goods": self.tr("Hand-over note"),
            "mixed": self.tr("Voucher and hand-over note"),
        }[row.kind]

    def status_text(self, row: ReceiptRow) -> str:
        if row.voided:
            return self.tr("Voided")
        parts = [self.tr("Valid")]
        if not row.printed:
            parts.append(self.tr("not printed yet"))
        if row.reprint_count:
            parts.append(self.tr("%n copy(ies) printed", "", row.reprint_count))
        if row.replaces_number:
            parts.append(self.tr("replaces {number}").format(number=row.replaces_number))
        if row.signed_copy:
            parts.append(self.tr("signed copy on file"))
        return " · ".join(parts)

    def display(self, row: ReceiptRow, key: str) -> str:
        if key == "handed_on":
            return fmt.day(row.handed_on)
        if key == "beneficiary":
            return fmt.person(
                row.beneficiary_code,
                row.beneficiary_name,
                row.alias,
                names_visible=self.ctx.names_visible,
            )
        if key == "description":
            kind = self.ctx.grant_type_name(row.grant_type)
            if row.description and row.description != kind:
                return f"{kind}: {row.description}" if kind else row.description
            return kind or row.description
        if key == "amount":
            return fmt.money(row.amount)
        if key == "paper":
            return self.paper_text(row)
        if key == "status":
            return self.status_text(row)
        return super().display(row, key)

    def tooltip(self, row: ReceiptRow, key: str) -> str | None:
        if row.voided:
            return self.tr("Voided: {reason}").format(reason=row.void_reason)
        if key == "beneficiary" and not self.ctx.names_visible:
            return self.tr("Names are hidden. Tick “Show names” to see them.")
        return None

    def foreground(self, row: ReceiptRow, key: str) -> QBrush | None:
        if row.voided:
            return LATE if key == "status" else MUTED
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            row = self.row_at(index.row())
            if row is not None and row.voided and self.COLUMNS[index.column()].key != "status":
                font = QFont()
                font.setStrikeOut(True)
                return font
            return None
        return super().data(index, role)

    def row_of_number(self, number: str) -> int:
        for i, row in enumerate(self._rows):
            if row.number == number:
                return i
        return -1


class ReceiptsPage(Page):
    """Find, print (the original, then counted copies) and void receipts."""

    key = "receipts"
    shows = frozenset({Change.HANDOVER, Change.RECEIPT, Change.ATTACHMENT})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        can_write = ctx.actor.can("receipt.write")
        self.output = PdfOutput(self)
        self.output.status.connect(self.status_message)
        self.task: Task | None = None

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.since_label = QLabel(self)
        self.since = OptionalDateEdit(ctx.today().replace(day=1), self)
        self.until_label = QLabel(self)
        self.until = OptionalDateEdit(ctx.today(), self)
        self.show_names = QCheckBox(self)
        self.show_names.setChecked(ctx.names_visible)
        self.show_names.setEnabled(ctx.actor.can("names.read"))
        self.banner = Banner(self)
        self.notice = QLabel(self)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()

        self.model = ReceiptTableModel(ctx, self)
        self.view = table_view(self)
        self.view.setModel(self.model)
        sort_by_service(self.view)
        self.count_label = QLabel(self)

        self.signed_filter = QComboBox(self)
        for value in (None, False, True):
            self.signed_filter.addItem("", value)
        self.signed_filter.currentIndexChanged.connect(self.apply_filter)

        self.paper_label = QLabel(self)
        self.paper = QComboBox(self)
        self.page_size_label = QLabel(self)
        self.page_size = QComboBox(self)
        self.page_size.addItem("A4", "A4")
        self.page_size.addItem("A5", "A5")
        self.copies_label = QLabel(self)
        self.copies = QComboBox(self)
        self.lang_label = QLabel(self)
        self.lang = QComboBox(self)
        self.lang.addItem("Tiếng Việt", "vi")
        self.lang.addItem("English", "en")

        self.open_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.void_button = QPushButton(self)
        self.correct_button = QPushButton(self)
        self.batch_button = QPushButton(self)
        self.attach_button = QPushButton(self)
        self.attach_button.setVisible(ctx.actor.can("attachment.write"))
        # Voids are for administrators and accountants (the services check too).
        self.void_button.setVisible(can_write)
        self.correct_button.setVisible(ctx.actor.can("handover.write"))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addSpacing(8)
        filters.addWidget(self.since_label)
        filters.addWidget(self.since)
        filters.addWidget(self.until_label)
        filters.addWidget(self.until)
        filters.addSpacing(8)
        filters.addWidget(self.signed_filter)
        filters.addSpacing(8)
        filters.addWidget(self.show_names)
        options = QHBoxLayout()
        for label, combo in (
            (self.paper_label, self.paper),
            (self.page_size_label, self.page_size),
            (self.copies_label, self.copies),
            (self.lang_label, self.lang),
        ):
            options.addWidget(label)
            options.addWidget(combo)
            options.addSpacing(10)
        options.addStretch(1)
        options.addWidget(self.count_label)
        actions = QHBoxLayout()
        for button in (
            self.open_button,
            self.print_button,
            self.save_button,
            self.void_button,
            self.correct_button,
            self.attach_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.batch_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        layout.addLayout(options)
        layout.addLayout(actions)

        # Filters as one types; Enter with one receipt found opens it.
        self.searching = ListSearch(
            self.search,
            self.view,
            self.apply_filter,
            lambda _i: self.preview_selected(),
            delay_ms=SEARCH_DELAY_MS,
        )
        self.since.changed.connect(self.apply_filter)
        self.until.changed.connect(self.apply_filter)
        self.show_names.toggled.connect(ctx.set_names_visible)
        ctx.events.names_visible_changed.connect(self._names_visible_changed)
        self.model.load_failed.connect(lambda exc: self.banner.show_message(error_text(exc)))
        self.model.reloaded.connect(lambda _n: self._reloaded())
        self.model.rowsInserted.connect(lambda *_a: self._update_count())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.view.activated.connect(lambda _i: self.preview_selected())
        self.open_button.clicked.connect(lambda: self.preview_selected())
        self.print_button.clicked.connect(lambda: self.print_selected())
        self.save_button.clicked.connect(lambda: self.save_selected())
        self.void_button.clicked.connect(lambda: self.void_selected())
        self.correct_button.clicked.connect(lambda: self.correct_selected())
        self.batch_button.clicked.connect(lambda: self.open_batch())
        self.attach_button.clicked.connect(lambda: self.attach_signed_copy())
        self.retranslate()
        self._update_buttons()

    # --- texts -------------------------------------------------------------------------
    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ReceiptsPage", "Receipts")

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Every hand-over gets the next receipt number of the year when it is recorded. "
                "Money is printed on a payment voucher, goods on a hand-over note. The first "
                "print is the original; every later print is a copy marked “BẢN SAO”."
            )
        )
        self.search.setPlaceholderText(
            self.tr("Search by receipt number, code, alias or name, with or without diacritics")
        )
        self.since_label.setText(self.tr("From:"))
        self.until_label.setText(self.tr("To:"))
        for i, text in enumerate(
            (
                self.tr("Signed copy: any"),
                self.tr("No signed copy on file"),
                self.tr("Signed copy on file"),
            )
        ):
            self.signed_filter.setItemText(i, text)
        self.show_names.setText(self.tr("Show names"))
        self.show_names.setToolTip(
            self.tr("Names are hidden in lists so that nobody reads them over your shoulder.")
        )
        self.paper_label.setText(self.tr("Paper:"))
        self._fill_papers(self.selected())
        self.page_size_label.setText(self.tr("Page:"))
        self.copies_label.setText(self.tr("Copies:"))
        copies = self.copies.currentData() or 1
        self.copies.clear()
        self.copies.addItem(self.tr("1 copy"), 1)
        self.copies.addItem(self.tr("2 copies (Liên 1, Liên 2)"), 2)
        set_combo_data(self.copies, copies)
        self.lang_label.setText(self.tr("Language:"))
        self.open_button.setText(self.tr("Preview"))
        self.open_button.setToolTip(self.tr("Show the receipt as it will be printed (Enter)"))
        self.print_button.setText(self.tr("Print…"))
        self.print_button.setToolTip(
            self.tr("The first print is the original; every later print is a counted copy")
        )
        self.save_button.setText(self.tr("Save as PDF…"))
        self.save_button.setToolTip(self.tr("A PDF counts as a print, like one on paper"))
        self.void_button.setText(self.tr("Void…"))
        self.correct_button.setText(self.tr("Correct the amount…"))
        self.correct_button.setToolTip(
            self.tr(
                "In an open quarter the hand-over is changed; in a closed one the correction "
                "is an adjustment dated today that points at it"
            )
        )
        self.attach_button.setText(self.tr("Attach the signed copy…"))
        self.attach_button.setToolTip(
            self.tr(
                "A photo or scan of the receipt as signed or thumbprinted; it is kept "
                "encrypted in the database"
            )
        )
        self.batch_button.setText(self.tr("Print in one go…"))
        self.batch_button.setToolTip(
            self.tr("All receipts of a day, or the signature list of a month's allowance")
        )
        self.model.retranslate()
        self._update_count()

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        if self.model.total > shown:
            self.count_label.setText(
                self.tr("{shown} of {total} receipts shown").format(
                    shown=shown, total=self.model.total
                )
            )
        else:
            self.count_label.setText(self.tr("%n receipt(s) shown", "", shown))

    # --- list --------------------------------------------------------------------------
    def refresh(self) -> None:
        super().refresh()
        self.banner.show_message("")
        row = self.selected()
        if row is not None and self._select_when_loaded is None:
            self._select_when_loaded = row.number  # the receipt just printed stays selected
        self.model.reload()

    def apply_filter(self) -> None:
        self.searching.timer.stop()
        self.model.text = self.search.text().strip()
        self.model.since = self.since.value()
        self.model.until = self.until.value()
        self.model.signed = self.signed_filter.currentData()
        self.banner.show_message("")
        self.model.reload()

    def _reloaded(self) -> None:
        self._update_count()
        self._update_buttons()
        if self._select_when_loaded is not None:
            self.select_number(self._select_when_loaded)
        if not self._sized_columns and self.model.rowCount():
            self.view.resizeColumnsToContents()
            self._sized_columns = True

    _sized_columns = False
    _select_when_loaded: str | None = None

    def _names_visible_changed(self, visible: bool) -> None:
        if self.show_names.isChecked() != visible:
            self.show_names.setChecked(visible)
        self.view.resizeColumnToContents(self.model.column_of("beneficiary"))

    def data_changed(self, notice: ChangeNotice) -> None:
        """A new hand-over comes with its receipt number in the notice: offer to print it."""
        super().data_changed(notice)
        handover = notice.result
        if Change.HANDOVER in notice.kinds and isinstance(handover, HandoverView):
            self.notice.hide()
            if prefs.OFFER_PRINT.get():
                self.offer_print(handover)

    def selected(self) -> ReceiptRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_number(self, number: str) -> bool:
        """Select a receipt of the list; one not loaded yet is selected when the list being
        read comes back."""
        row = self.model.row_of_number(number)
        if row < 0:
            self._select_when_loaded = number if self.model.loading else None
            return False
        self._select_when_loaded = None
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        row = self.selected()
        can_write = self.ctx.actor.can("receipt.write")
        idle = self.task is None or self.task.is_done
        for button in (self.open_button, self.print_button, self.save_button):
            button.setEnabled(row is not None and idle)
        self.void_button.setEnabled(can_write and idle and row is not None and not row.voided)
        self.correct_button.setEnabled(
            self.ctx.actor.can("handover.write") and idle and row is not None and not row.voided
        )
        self.attach_button.setEnabled(
            self.ctx.actor.can("attachment.write") and row is not None and not row.voided
        )
        self._fill_papers(row)

    def _fill_papers(self, row: ReceiptRow | None) -> None:
        """The papers of the selected receipt: the one that fits (money or goods), or for a
        hand-over of both, both or either one."""
        kind = row.kind if row is not None else "cash"
        if self.paper.property("kind") == kind and self.paper.count():
            return
        self.paper.blockSignals(True)
        self.paper.clear()
        if kind == "mixed":
            self.paper.addItem(self.tr("Both: voucher for the money, note for the goods"), "auto")
            self.paper.addItem(self.tr("Payment voucher only (the money)"), "voucher")
            self.paper.addItem(self.tr("Hand-over note only (the goods)"), "handover")
        elif kind == "goods":
            self.paper.addItem(self.tr("Hand-over note (biên bản bàn giao)"), "auto")
        else:
            self.paper.addItem(self.tr("Payment voucher (phiếu chi)"), "auto")
        self.paper.setProperty("kind", kind)
        self.paper.setEnabled(kind == "mixed")
        self.paper.blockSignals(False)

    # --- making the paper (worker) -------------------------------------------------------
    def options(self) -> dict[str, Any]:
        return {
            "paper": self.paper.currentData() or "auto",
            "copies": int(self.copies.currentData() or 1),
            "lang": self.lang.currentData() or "vi",
            "page_size": self.page_size.currentData() or "A4",
        }

    def _make(
        self,
        number: str,
        then: Any,
        *,
        record: bool = False,
        with_preview: bool = False,
        to_file: Path | None = None,
        label: str = "",
    ) -> Task:
        """Make the PDF of receipt ``number`` on the worker, then call ``then(detail, pdf,
        extra)`` on the UI thread. With ``record`` the print is counted first (the original,
        or the next copy) and the paper shows it; else the paper shows what the next print
        would be. ``to_file`` writes the PDF there too (a failed write is not counted)."""
        db, actor = self.ctx.db, self.ctx.actor
        opts = self.options()

        def job() -> tuple[ReceiptDetail, bytes, Any]:
            if record:
                detail = receipts.record_print(db, actor, number)
            else:
                detail = receipts.next_print(receipts.get_receipt(db, actor, number))
            try:
                buffer = io.BytesIO()
                receipts.write_paper(
                    detail,
                    buffer,
                    paper=opts["paper"] if opts["paper"] in detail.papers else "auto",
                    copies=opts["copies"],
                    lang=opts["lang"],
                    page_size=opts["page_size"],
                )
                pdf = buffer.getvalue()
                if to_file is not None:
                    write_atomic(to_file, lambda stream: stream.write(pdf))
            except BaseException:
                if record:
                    receipts.print_failed(db, actor, number, detail.print_copy)
                raise
            extra = preview_images(pdf) if with_preview else None
            return detail, pdf, extra

        def done(result: tuple[ReceiptDetail, bytes, Any]) -> None:
            self._update_buttons()
            then(*result)

        def failed(exc: BaseException) -> None:
            self._update_buttons()
            self.banner.show_message(problem_text(exc))

        self.banner.show_message("")
        label = label or self.tr("Making the receipt…")
        if record:
            self.task = self.ctx.write(
                self, job, {Change.RECEIPT}, on_success=done, on_failure=failed, label=label
            )
        else:
            self.task = self.ctx.read(self, job, on_success=done, on_failure=failed, label=label)
        self._update_buttons()
        return self.task

    def _title(self, detail: ReceiptDetail) -> str:
        return self.tr("Receipt {number}").format(number=detail.row.number)

    def job_name(self, row: ReceiptRow) -> str:
        """The print job's name in the printer's queue: the paper and the receipt number."""
        paper = self.options()["paper"]
        names = tuple(PAPERS_OF_KIND[row.kind] if paper == "auto" else (paper,))
        kinds: dict[tuple[str, ...], str] = {("voucher",): "cash", ("handover",): "goods"}
        kind = kinds.get(names, "mixed")
        shown = dataclasses.replace(row, kind=kind)
        return f"{self.model.paper_text(shown)} {row.number}"

    def file_name(self, row: ReceiptRow) -> str:
        """PhieuChi_…, BienBanBanGiao_… or PhieuChi_BienBan_… (the papers chosen)."""
        paper = self.options()["paper"]
        names = PAPERS_OF_KIND[row.kind] if paper == "auto" else (paper,)
        stem = {
            ("voucher",): "PhieuChi",
            ("handover",): "BienBanBanGiao",
            ("voucher", "handover"): "PhieuChi_BienBan",
        }[names]
        return f"{stem}_{row.number}.pdf"

    def _printed_message(self, detail: ReceiptDetail) -> str:
        if detail.print_copy:
            return self.tr(
                "Receipt {number} printed as copy {count} (marked “BẢN SAO”, logged)."
            ).format(number=detail.row.number, count=detail.print_copy)
        return self.tr("Receipt {number}: the original printed (logged).").format(
            number=detail.row.number
        )

    def _sizes(self) -> list[tuple[float, float]]:
        """The page size in points, for the print dialog asked before the paper is made."""
        size_id = (
            QPageSize.PageSizeId.A5
            if self.options()["page_size"] == "A5"
            else (QPageSize.PageSizeId.A4)
        )
        size = QPageSize(size_id).size(QPageSize.Unit.Point)
        return [(size.width(), size.height())] * (2 * int(self.options()["copies"]))

    # --- actions -----------------------------------------------------------------------
    def preview_selected(self) -> Task | None:
        row = self.selected()
        if row is None:
            return None
        return self.preview_number(row.number)

    def preview_number(self, number: str) -> Task:
        """Show the paper as the next print would be (nothing recorded); Print in the
        preview prints it for real, recorded."""

        def show(detail: ReceiptDetail, pdf: bytes, extra: Any) -> None:
            images, total = extra
            self.output.show_preview(
                pdf,
                images,
                total,
                self._title(detail),
                on_print=lambda printer: self.print_number(number, printer),
            )

        return self._make(number, show, with_preview=True)

    def print_selected(self, printer: QPrinter | None = None) -> Task | None:
        """Print the selected receipt; ``printer`` (a ready QPrinter) skips the dialog."""
        row = self.selected()
        if row is None:
            return None
        return self.print_number(row.number, printer)

    def print_number(self, number: str, printer: QPrinter | None = None) -> Task | None:
        """Choose the printer, then record the print and make its paper, then print it.
        A print that does not come out at all leaves an original unprinted."""
        if printer is None:
            printer = self.output.ask_printer(self._sizes())
            if printer is None:
                return None
        chosen = printer

        def send(detail: ReceiptDetail, pdf: bytes, _extra: Any) -> None:
            def ended(ok: bool, pages: int) -> None:
                if ok:
                    self.status_message.emit(self._printed_message(detail))
                elif not pages:
                    self._print_failed(detail)

            self.output.print(pdf, chosen, finished=ended, job_name=self.job_name(detail.row))

        return self._make(number, send, record=True)

    def _print_failed(self, detail: ReceiptDetail) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        number, copy = detail.row.number, detail.print_copy
        self.ctx.write(
            self,
            lambda: receipts.print_failed(db, actor, number, copy),
            {Change.RECEIPT},
            on_failure=lambda exc: self.banner.show_message(problem_text(exc)),
        )

    def save_selected(self) -> Task | None:
        """Ask where, then record the print and write its paper there (a PDF is a print)."""
        row = self.selected()
        if row is None:
            return None
        path = self.output.ask_path(self.file_name(row))
        if path is None:
            return None

        def saved(detail: ReceiptDetail, _pdf: bytes, _extra: Any) -> None:
            self.status_message.emit(
                self.tr("Saved: {path}").format(path=str(path))
                + " "
                + self._printed_message(detail)
            )
            self.output.saved.emit(str(path))

        return self._make(row.number, saved, record=True, to_file=path)

    def correct_selected(self) -> HandoverCorrectionDialog | None:
        row = self.selected()
        if row is None or row.voided or not self.ctx.actor.can("handover.write"):
            return None
        dialog = HandoverCorrectionDialog(self.ctx, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.saved.connect(lambda result: self._corrected(row, result))
        dialog.open()
        return dialog

    def _corrected(self, row: ReceiptRow, result: object) -> None:
        if isinstance(result, AdjustmentView):
            text = self.tr(
                "The hand-over of receipt {number} was corrected by an adjustment of {change} "
                "dated {day}: it now counts {value}. The adjustment shows in this quarter's "
                "report."
            ).format(
                number=row.number,
                change=fmt.money(result.amount),
                day=fmt.day(result.adjusted_on),
                value=fmt.money(result.value_after),
            )
        else:
            text = self.tr("The hand-over of receipt {number} was corrected.").format(
                number=row.number
            )
        self.notice.setText(text)
        self.notice.show()
        self.status_message.emit(text)

    def void_selected(self) -> ReceiptVoidDialog | None:
        row = self.selected()
        if row is None or row.voided or not self.ctx.actor.can("receipt.write"):
            return None
        dialog = ReceiptVoidDialog(self.ctx, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.saved.connect(lambda detail: self._voided(row, detail))
        dialog.open()
        return dialog

    def _voided(self, old: ReceiptRow, detail: ReceiptDetail) -> None:
        if detail.row.number != old.number:
            text = self.tr(
                "Receipt {old} was voided. The hand-over now has the new receipt {new}: "
                "it is selected below, ready to print."
            ).format(old=old.number, new=detail.row.number)
        else:
            text = self.tr("Receipt {old} was voided; no replacement was issued.").format(
                old=old.number
            )
        self.notice.setText(text)
        self.notice.show()
        self.status_message.emit(
            self.tr("Receipt {old} voided.").format(old=old.number)
            if detail.row.number == old.number
            else self.tr("Receipt {old} voided; new receipt {new}.").format(
                old=old.number, new=detail.row.number
            )
        )
        self.select_number(detail.row.number)

    def attach_signed_copy(self) -> None:
        """Attach the photo or scan of the selected receipt as signed: checked, re-encoded
        and stored encrypted on the worker; the receipt then shows "signed copy on file"."""
        row = self.selected()
        if row is None or row.voided or not self.ctx.actor.can("attachment.write"):
            return
        # Qt's own dialog (the same on every PC), opening in Documents or a memory card.
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The signed copy of receipt {number}").format(number=row.number),
            str(files.start_folder(stick=True)),
            self.tr("Photos and scans (*.jpg *.jpeg *.png *.pdf)"),
            options=files.OPTIONS,
        )
        if not name:
            return
        path, db, actor, number = Path(name), self.ctx.db, self.ctx.actor, row.number
        self._select_when_loaded = number

        def add() -> AttachmentView:
            data = attachments.read_upload(path)
            return attachments.add_attachment(
                db, actor, AttachmentInput("receipt", row.id, "signed_receipt", path.name, data)
            )

        self.ctx.write(
            self,
            add,
            {Change.ATTACHMENT, Change.RECEIPT},
            on_success=lambda _view: self.status_message.emit(
                self.tr("Signed copy of receipt {number} kept.").format(number=number)
            ),
            on_failure=lambda exc: self.banner.show_message(error_text(exc)),
            label=self.tr("Adding the file…"),
        )

    def open_batch(self) -> ReceiptBatchDialog:
        opts = self.options()
        dialog = ReceiptBatchDialog(
            self.ctx,
            self,
            page_size=opts["page_size"],
            copies=opts["copies"],
            lang=opts["lang"],
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.output.status.connect(self.status_message)
        dialog.open()
        return dialog

    # --- right after a hand-over ---------------------------------------------------------
    def offer_print(self, handover: HandoverView) -> QMessageBox | None:
        """Ask (without blocking) whether to print the new receipt now, naming the paper
        that fits what was handed over."""
        if not handover.receipt_number:
            return None
        number = handover.receipt_number
        box = QMessageBox(self.window())
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Print the papers of the hand-over"))
        questions = {
            "cash": self.tr(
                "The hand-over was recorded with receipt {number}. Print the payment voucher "
                "(phiếu chi) now?"
            ),
            "goods": self.tr(
                "The hand-over was recorded with receipt {number}. Print the hand-over note "
                "(biên bản bàn giao) for the goods now?"
            ),
            "mixed": self.tr(
                "The hand-over was recorded with receipt {number}. Print the payment voucher "
                "for the money and the hand-over note for the goods now?"
            ),
        }
        box.setText(questions.get(handover.kind, questions["cash"]).format(number=number))
        box.setInformativeText(
            self.tr("The person signs or puts a thumbprint on it; the office keeps a copy.")
        )
        preview = box.addButton(self.tr("Preview and print"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(preview)
        never = QCheckBox(self.tr("Do not ask again (print from the Receipts page)"), box)
        never.toggled.connect(lambda on: prefs.OFFER_PRINT.set(not on))
        box.setCheckBox(never)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def answered(button: object) -> None:
            if button is preview:
                self.preview_number(number)

        box.buttonClicked.connect(answered)
        # After the hand-over dialog has closed, so the question is not hidden behind it.
        QTimer.singleShot(0, box.show)
        return box
