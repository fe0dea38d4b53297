"""Printing a generated PDF on any printer Qt can reach, with a preview, or saving it.

A receipt is made once, as a PDF (fonts embedded). To print it, its pages are rasterised
with PDFium (:mod:`tracker.reports.printing`) at the printer's resolution (at most
300 dpi) and painted on a ``QPrinter`` page by page, so every printer gets exactly the page
the PDF shows. The same painting feeds the print preview.

Everything slow runs on the worker (:func:`tracker.ui.worker.run_task`): making the PDF,
rasterising, and painting on the printer (Qt allows painting on a ``QPrinter`` outside the
UI thread; no widget is touched there). What can go wrong — no printer, a printer that will
not start, a dialog closed with Cancel, the user stopping a long job — ends in a message
that says nothing was lost: the PDF can always be saved instead.

:class:`PdfOutput` is what a page or dialog uses: ``preview(pdf)``, ``print(pdf)``,
``save(pdf, name)``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from tracker.reports._layout import write_atomic
from tracker.reports.printing import MAX_DPI, PdfUnreadable, RasterPage, page_sizes, rasterise
from tracker.services.errors import ServiceError
from tracker.ui import files, prefs
from tracker.ui.worker import Task, error_text, run_task

log = logging.getLogger(__name__)

#: Resolution of the pictures in the preview (sharp enough to read, light on memory).
PREVIEW_DPI = 110
#: A preview shows at most this many pages (a 1,000-page batch is printed, not previewed).
PREVIEW_MAX_PAGES = 60


class PrintProblem(ServiceError):
    """Printing did not happen; the message says why and that nothing was lost."""

    def __init__(self, kind: str, detail: str = "") -> None:
        self.kind = kind
        self.detail = detail
        self.key = "print_" + kind
        self.field = None
        self.params = {}
        Exception.__init__(self, f"{kind}: {detail}" if detail else kind)

    def message(self, lang: str | None = None) -> str:
        if self.kind == "start":
            return QCoreApplication.translate(
                "printing",
                "The printer could not be started{detail}. Nothing was printed and nothing "
                "is lost: check that the printer is switched on and connected, try again, "
                "or use “Save as PDF…” and print the file later.",
            ).format(detail=f" ({self.detail})" if self.detail else "")
        if self.kind == "page":
            return QCoreApplication.translate(
                "printing",
                "The printer stopped after {pages} page(s). Nothing is lost: check the "
                "printer and print again, or use “Save as PDF…”.",
            ).format(pages=self.detail or "0")
        if self.kind == "cancelled":
            return QCoreApplication.translate(
                "printing", "Printing was stopped. Nothing is lost; you can print again later."
            )
        if self.kind == "unreadable":
            return QCoreApplication.translate(
                "printing", "The PDF could not be read for printing: {detail}"
            ).format(detail=self.detail)
        return self.detail or self.kind

    def __str__(self) -> str:
        return self.message()


class JobStopped(ServiceError):
    """The user stopped a job on the worker; nothing was written."""

    def __init__(self) -> None:
        self.key = "job_stopped"
        self.field = None
        self.params = {}
        Exception.__init__(self, "stopped")

    def message(self, lang: str | None = None) -> str:
        return QCoreApplication.translate("printing", "Stopped. No file was written.")

    def __str__(self) -> str:
        return self.message()


class Progress(QObject):
    """Progress and a stop request shared between the UI and a job on the worker.

    The job calls :meth:`report` and asks :meth:`is_cancelled` (any thread); the UI listens
    to :attr:`changed` (delivered on the UI thread) and calls :meth:`cancel`."""

    #: ``done`` of ``total`` steps finished.
    changed = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self._stop = threading.Event()

    def report(self, done: int, total: int) -> None:
        self.changed.emit(done, total)

    def cancel(self) -> None:
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()


# --- painting (any thread) -----------------------------------------------------------------


def page_image(page: RasterPage) -> QImage:
    """The page's pixels as a QImage that owns its memory."""
    image = QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
    copy = image.copy()
    copy.setDotsPerMeterX(round(page.dpi / 0.0254))
    copy.setDotsPerMeterY(round(page.dpi / 0.0254))
    return copy


def prepare_printer(printer: QPrinter, size_pt: tuple[float, float]) -> None:
    """Paper the size of the PDF's pages (A4 or A5), portrait or landscape, full page: the
    PDF has its own margins."""
    width, height = size_pt
    page_size = QPageSize(
        QSizeF(width, height), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    printer.setPageSize(page_size)
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    printer.setFullPage(True)


def paint_page(painter: QPainter, printer: QPrinter, image: QImage) -> None:
    """Draw one page picture on the printer's paper, as large as fits, centred."""
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    if not printer.fullPage():
        paper = printer.pageRect(QPrinter.Unit.DevicePixel)
        paper.moveTo(0, 0)
    if image.width() <= 0 or image.height() <= 0 or paper.width() <= 0:
        return
    scale = min(paper.width() / image.width(), paper.height() / image.height())
    w, h = image.width() * scale, image.height() * scale
    target = QRectF(paper.x() + (paper.width() - w) / 2, paper.y() + (paper.height() - h) / 2, w, h)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(target, image)


def paint_images(painter: QPainter, printer: QPrinter, images: list[QImage]) -> None:
    """The pictures one per page (the preview draws with this too)."""
    for index, image in enumerate(images):
        if index and not printer.newPage():
            raise PrintProblem("page", str(index))
        paint_page(painter, printer, image)


def pages_chosen(printer: QPrinter, count: int) -> range:
    """The pages to print: those chosen in the print dialog ("Pages from 2 to 3"), else all."""
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() == QPrinter.PrintRange.PageRange and first > 0:
        last = min(count, last if last >= first else count)
        return range(first - 1, last)
    return range(count)


def problem_text(exc: BaseException) -> str:
    """What to tell the user when printing or writing a file failed."""
    if isinstance(exc, ServiceError):
        return exc.message()
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "printing", "The file could not be written: {error}. Nothing was changed."
        ).format(error=exc.strerror or str(exc))
    if isinstance(exc, ValueError):  # a paper that cannot be laid out or has bad data
        return QCoreApplication.translate(
            "printing", "The paper could not be made: {error}. Nothing was changed."
        ).format(error=str(exc))
    return error_text(exc)


def print_pdf(pdf: bytes, printer: QPrinter, progress: Progress | None = None) -> int:
    """Print every page of ``pdf`` on ``printer`` (runs on the worker); returns the pages.

    Raises :class:`PrintProblem` when the printer does not start, stops half-way, or the
    user stops the job (the job is then aborted, so a half print is not sent)."""
    try:
        sizes = page_sizes(pdf)
    except PdfUnreadable as exc:
        raise PrintProblem("unreadable", str(exc)) from exc
    wanted = pages_chosen(printer, len(sizes))
    total = len(wanted)
    printer.setFullPage(True)
    dpi = min(max(printer.resolution(), 72), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintProblem("start", printer.printerName() or printer.outputFileName())
    done = 0
    try:
        cancelled = progress.is_cancelled if progress is not None else None
        for page in rasterise(pdf, dpi, pages=wanted, cancelled=cancelled):
            if done and not printer.newPage():
                raise PrintProblem("page", str(done))
            paint_page(painter, printer, page_image(page))
            done += 1
            if progress is not None:
                progress.report(done, total)
        if progress is not None and progress.is_cancelled():
            raise PrintProblem("cancelled")
    except BaseException:
        printer.abort()
        if painter.isActive():
            painter.end()
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
            Path(printer.outputFileName()).unlink(missing_ok=True)  # no half-printed file
        raise
    if not painter.end():
        raise PrintProblem("page", str(done))
    return done


def preview_images(
    pdf: bytes, dpi: float = PREVIEW_DPI, max_pages: int = PREVIEW_MAX_PAGES
) -> tuple[list[QImage], int]:
    """Pictures of the first pages for the preview (runs on the worker), and the number
    of pages in the PDF."""
    images = []
    total = 0
    for page in rasterise(pdf, dpi, pages=range(max_pages)):
        images.append(page_image(page))
        total = page.count
    return images, total


# --- the dialogs (UI thread) ---------------------------------------------------------------


class PdfPreviewDialog(QPrintPreviewDialog):
    """Qt's print preview showing the PDF's pages. Its Print button does not paint here (on
    the UI thread, at preview resolution): it closes the preview and asks for a real print
    on the worker, at the printer's resolution (``print_requested``)."""

    #: The user pressed Print in the preview; carries the printer chosen there.
    print_requested = Signal(object)

    def __init__(
        self, images: list[QImage], printer: QPrinter, title: str, parent: QWidget | None
    ) -> None:
        super().__init__(printer, parent)
        self.images = images
        self._printer = printer
        self._print_on: QPrinter | None = None
        self.setWindowTitle(title)
        self.paintRequested.connect(self._paint)
        self.finished.connect(self._finished)

    def _paint(self, printer: QPrinter) -> None:
        engine = printer.paintEngine()
        if engine is not None and engine.type() != QPaintEngine.Type.Picture:
            self._print_on = printer  # the real printer: printed on the worker afterwards
            return
        painter = QPainter()
        if not painter.begin(printer):
            return
        try:
            paint_images(painter, printer, self.images)
        except PrintProblem:
            log.warning("the preview could not paint every page")
        finally:
            painter.end()

    def _finished(self, _result: int) -> None:
        printer, self._print_on = self._print_on, None
        if printer is not None:
            self.print_requested.emit(printer)


class PdfOutput(QObject):
    """Preview, print and save generated PDFs on behalf of a widget (``owner``).

    Messages go to ``status`` (a short line for the status bar) or, for failures, into a
    message box. Tests call :meth:`print` with a ready ``QPrinter`` (no dialog)."""

    #: A short message for the status bar.
    status = Signal(str)
    #: A print job finished; carries the pages printed.
    printed = Signal(int)
    #: A PDF was saved; carries its path.
    saved = Signal(str)
    #: Printing or saving failed or was stopped; carries the message shown.
    failed = Signal(str)

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.owner = owner
        self.task: Task | None = None
        self.preview_dialog: PdfPreviewDialog | None = None
        self.progress_dialog: QProgressDialog | None = None

    # --- preview -----------------------------------------------------------------------
    def preview(self, pdf: bytes, title: str) -> Task:
        """Rasterise on the worker, then open the print preview (window-modal)."""

        def done(result: tuple[list[QImage], int]) -> None:
            images, total = result
            self.show_preview(pdf, images, total, title)

        return self._run(
            lambda: preview_images(pdf), done, self.tr("Preparing the preview…"), cancellable=True
        )

    def show_preview(
        self,
        pdf: bytes,
        images: list[QImage],
        total: int,
        title: str,
        on_print: Callable[[QPrinter], object] | None = None,
    ) -> None:
        """Open the preview. Its Print button prints ``pdf``, or calls ``on_print`` with the
        chosen printer (a receipt makes its paper again, as the print it is recorded as)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if images:
            size = images[0].width() * 72 / PREVIEW_DPI, images[0].height() * 72 / PREVIEW_DPI
            prepare_printer(printer, size)
        dialog = PdfPreviewDialog(images, printer, title, self.owner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        if on_print is not None:
            dialog.print_requested.connect(on_print)
        else:
            dialog.print_requested.connect(lambda p: self.print(pdf, p))
        dialog.destroyed.connect(lambda *_a: setattr(self, "preview_dialog", None))
        self.preview_dialog = dialog
        if total > len(images):
            self.status.emit(
                self.tr(
                    "The preview shows the first {shown} of {total} pages; all are printed."
                ).format(shown=len(images), total=total)
            )
        screen = self.owner.screen().availableGeometry()
        dialog.resize(min(900, int(screen.width() * 0.9)), min(1000, int(screen.height() * 0.9)))
        dialog.open()

    # --- print -------------------------------------------------------------------------
    def choose_printer(self, pdf: bytes) -> QPrinter | None:
        """The print dialog (UI thread, modal); None when there is no printer or the user
        closed it, with a message saying nothing was printed."""
        try:
            sizes = page_sizes(pdf)
        except ValueError as exc:
            self._fail(PrintProblem("unreadable", str(exc)))
            return None
        return self.ask_printer(sizes)

    def ask_printer(self, sizes: list[tuple[float, float]]) -> QPrinter | None:
        """The print dialog for pages of these sizes (points), asked before a paper is made
        (a receipt's print is recorded only once a printer has been chosen)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if sizes:
            prepare_printer(printer, sizes[0])
        if (
            not QPrinterInfo.availablePrinters()
            and printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
        ):
            self._fail_text(
                self.tr(
                    "No printer is installed on this computer. Nothing was printed and "
                    "nothing is lost: use “Save as PDF…” and print the file on another "
                    "computer."
                )
            )
            return None
        dialog = QPrintDialog(printer, self.owner)
        dialog.setWindowTitle(self.tr("Print"))
        dialog.setMinMax(1, max(1, len(sizes)))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.status.emit(
                self.tr("Printing cancelled: nothing was printed. The PDF can still be saved.")
            )
            return None
        return printer

    def print(
        self,
        pdf: bytes,
        printer: QPrinter | None = None,
        *,
        finished: Callable[[bool, int], object] | None = None,
        job_name: str = "",
    ) -> Task | None:
        """Print on ``printer`` (asked for with the print dialog when None) on the worker,
        with a progress dialog that can stop the job. ``finished(ok, pages)`` hears how it
        ended, on the UI thread: whether every page went out, and how many did.
        ``job_name`` names the job in the printer's queue (the paper and its number)."""
        if printer is None:
            printer = self.choose_printer(pdf)
            if printer is None:
                return None
        if job_name:
            printer.setDocName(job_name)
        done_pages = [0]
        progress = Progress()
        dialog = QProgressDialog(self.tr("Printing…"), self.tr("Stop"), 0, 0, self.owner)
        dialog.setWindowTitle(self.tr("Print"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(progress.cancel)

        def moved(done: int, total: int) -> None:
            done_pages[0] = done
            if dialog.maximum() != total:
                dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(
                self.tr("Printing page {done} of {total}…").format(done=done, total=total)
            )

        progress.changed.connect(moved)
        self.progress_dialog = dialog

        def close_dialog() -> None:
            progress.changed.disconnect(moved)
            dialog.hide()
            dialog.deleteLater()
            self.progress_dialog = None

        def done(pages: int) -> None:
            close_dialog()
            self.status.emit(self.tr("%n page(s) sent to the printer.", "", pages))
            if finished is not None:
                finished(True, pages)
            self.printed.emit(pages)

        def failed(exc: BaseException) -> None:
            close_dialog()
            if finished is not None:
                finished(False, done_pages[0])
            if isinstance(exc, PrintProblem) and exc.kind == "cancelled":
                self.status.emit(exc.message())
                self.failed.emit(exc.message())
                return
            self._fail(exc)

        # ``printer`` and ``progress`` stay referenced by the closure until the job is over.
        self.task = run_task(
            self.owner,
            lambda: print_pdf(pdf, printer, progress),
            on_success=done,
            on_failure=failed,
        )
        return self.task

    # --- save --------------------------------------------------------------------------
    def ask_path(self, suggested_name: str) -> Path | None:
        path = files.save_file(
            self.owner,
            self.tr("Save as PDF"),
            suggested_name,
            self.tr("PDF files (*.pdf)"),
            prefs.LAST_FOLDER.get(),
        )
        if not path:
            return None
        chosen = Path(path)
        if chosen.suffix.lower() != ".pdf":
            chosen = chosen.with_name(chosen.name + ".pdf")
        prefs.LAST_FOLDER.set(str(chosen.parent))
        return chosen

    def save(self, pdf: bytes, suggested_name: str) -> Task | None:
        """Ask where, then write the file on the worker: complete or not at all."""
        path = self.ask_path(suggested_name)
        if path is None:
            return None

        def write() -> str:
            write_atomic(path, lambda stream: stream.write(pdf))
            return str(path)

        def done(where: str) -> None:
            self.status.emit(self.tr("Saved: {path}").format(path=where))
            self.saved.emit(where)

        self.task = run_task(
            self.owner,
            write,
            on_success=done,
            on_failure=lambda exc: self._fail(exc, saving=True),
            label=self.tr("Saving the PDF…"),
            cancellable=False,
        )
        return self.task

    # --- helpers -----------------------------------------------------------------------
    def _run(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], object],
        label: str,
        *,
        cancellable: bool,
    ) -> Task:
        self.task = run_task(
            self.owner,
            fn,
            on_success=on_success,
            on_failure=self._fail,
            label=label,
            cancellable=cancellable,
        )
        return self.task

    def _fail(self, exc: BaseException, *, saving: bool = False) -> None:
        self._fail_text(problem_text(exc), saving=saving)

    def _fail_text(self, text: str, *, saving: bool = False) -> None:
        self.failed.emit(text)
        self.status.emit(text)
        title = self.tr("Could not save") if saving else self.tr("Could not print")
        QMessageBox.warning(self.owner, title, text)
