"""The Receipts page through the real window on a fresh database: search, void with and
without a reason, a day's batch in one PDF (and stopping it), the signature list, printing
through the rasterised path on a PDF printer, a printer that fails, the preview, reprints,
roles, and the offer to print right after a hand-over."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.unit.test_receipts_papers import NAME, OTHER, THIRD, Stage, build_stage, hand_over
from tracker.db import Database
from tracker.services import grants, receipts
from tracker.services.grants import GrantInput, TrancheInput
from tracker.ui import prefs, worker
from tracker.ui.context import Change, UiContext
from tracker.ui.dialogs.receipt_batch import ReceiptBatchDialog
from tracker.ui.dialogs.receipt_void import ReceiptVoidDialog
from tracker.ui.main_window import MainWindow
from tracker.ui.pages.receipts import ReceiptsPage

from ..conftest import TODAY
from .conftest import loaded, type_text, visible


@pytest.fixture
def stage(window: MainWindow) -> Stage:
    return build_stage(window.ctx.db, {"admin": window.ctx.actor})


def receipts_page(window: MainWindow, qtbot) -> ReceiptsPage:  # type: ignore[no-untyped-def]
    page = window.show_page("receipts")
    assert isinstance(page, ReceiptsPage)
    page.refresh()
    loaded(qtbot, page.model)
    return page


def numbers(page: ReceiptsPage) -> list[str]:
    return [page.model.row_at(i).number for i in range(page.model.rowCount())]


def column(page: ReceiptsPage, key: str) -> list[str]:
    col = page.model.column_of(key)
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def select(page: ReceiptsPage, number: str) -> None:
    assert page.select_number(number), number
    assert page.selected().number == number


def pdf_pages(path: Path | bytes) -> list[str]:
    source = io.BytesIO(path) if isinstance(path, bytes) else path
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(source).pages]


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """QFileDialog answers with ``path``; returns the names it was offered."""
    offered: list[str] = []

    def answer(parent, title, start, *args, **kwargs):  # type: ignore[no-untyped-def]
        offered.append(start)
        return str(path), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return offered


# --- finding ---------------------------------------------------------------------------


def test_search_by_number_or_person_and_dates(window: MainWindow, stage: Stage, qtbot):  # type: ignore[no-untyped-def]
    page = receipts_page(window, qtbot)
    assert page.model.rowCount() == 7 and page.model.total == 7
    assert numbers(page)[0] == stage.allowance[THIRD][1], "newest first"
    # Names stay hidden until the switch is on: the code shows.
    assert NAME not in " ".join(column(page, "beneficiary"))
    assert all(text.startswith("MV-000") for text in column(page, "beneficiary"))

    type_text(page.search, "2025-00002")
    qtbot.waitUntil(lambda: numbers(page) == [stage.cow], timeout=20000)
    assert "Bò" in column(page, "description")[0]

    page.search.clear()
    type_text(page.search, "giang thi su")
    qtbot.waitUntil(lambda: numbers(page) == stage.allowance[OTHER], timeout=20000)
    page.search.clear()
    type_text(page.search, "Giàng Thị Sú")
    qtbot.waitUntil(lambda: numbers(page) == stage.allowance[OTHER], timeout=20000)

    page.show_names.setChecked(True)
    assert window.ctx.names_visible
    assert OTHER in column(page, "beneficiary")[0]
    page.show_names.setChecked(False)

    page.search.clear()
    page.apply_filter()
    page.since.set_value(date(2025, 4, 1))
    page.until.set_value(date(2025, 4, 30))
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=20000)
    assert all(page.model.row_at(i).handed_on.month == 4 for i in range(4))
    assert "4" in page.count_label.text()


# --- voiding ---------------------------------------------------------------------------


def test_void_needs_a_reason_then_shows_the_replacement(window: MainWindow, stage: Stage, qtbot):  # type: ignore[no-untyped-def]
    page = receipts_page(window, qtbot)
    select(page, stage.cash)
    assert page.void_button.isEnabled() and page.void_button.isVisible()
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    (dialog,) = visible(window, ReceiptVoidDialog)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    label = dialog.errors.label("void_reason")
    qtbot.waitUntil(lambda: label.isVisible(), timeout=5000)
    assert label.text() == "Lý do hủy: không được để trống."
    assert not receipts.get_receipt(window.ctx.db, window.ctx.actor, stage.cash).row.voided

    type_text(dialog.reason, "Viết sai tên người nhận")
    dialog.replace.setChecked(True)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    old = receipts.get_receipt(window.ctx.db, window.ctx.actor, stage.cash)
    assert old.row.voided and old.row.void_reason == "Viết sai tên người nhận"
    new_number = old.replaced_by_number
    assert new_number == "MV-2025-00008"
    assert page.notice.isVisible() and new_number in page.notice.text()
    assert stage.cash in page.notice.text()
    qtbot.waitUntil(
        lambda: page.selected() is not None and page.selected().number == new_number,
        timeout=3000,
    )
    assert page.selected().replaces_number == stage.cash
    voided_row = numbers(page).index(stage.cash)
    assert page.model.row_at(voided_row).voided
    status = page.model.index(voided_row, page.model.column_of("status"))
    assert status.data() == page.model.tr("Voided")
    assert status.data(Qt.ItemDataRole.ToolTipRole).endswith("Viết sai tên người nhận")
    font = page.model.index(voided_row, 0).data(Qt.ItemDataRole.FontRole)
    assert font is not None and font.strikeOut()
    # A voided receipt cannot be voided again.
    select(page, stage.cash)
    assert not page.void_button.isEnabled()


# --- batches ---------------------------------------------------------------------------


def many_on_one_day(db: Database, stage: Stage, count: int, day: date) -> None:
    person = stage.people[NAME]
    with db.read() as s:
        from tracker.db.models import Project

        project_id = s.query(Project.id).scalar()
    g = grants.plan_grant(
        db,
        stage.admin,
        GrantInput(
            person.id,
            project_id,
            "vocational_training",
            date(2025, 1, 1),
            tuple(TrancheInput(f"Học phí đợt {i}", amount=100_000) for i in range(count)),
        ),
        today=TODAY,
    )
    for _ in range(count):
        hand_over(db, stage.admin, g.id, day, amount=100_000)


def test_batch_of_a_day_makes_one_page_per_receipt(  # type: ignore[no-untyped-def]
    window: MainWindow, stage: Stage, qtbot, tmp_path: Path, monkeypatch
):
    page = receipts_page(window, qtbot)
    qtbot.mouseClick(page.batch_button, Qt.MouseButton.LeftButton)
    (dialog,) = visible(window, ReceiptBatchDialog)
    assert dialog.by_day.isChecked() and dialog.day.value() == TODAY
    dialog.day.set_value(date(2025, 3, 5))
    out = tmp_path / "day.pdf"
    offered = save_to(monkeypatch, out)
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=10_000)
    assert offered and offered[0].endswith("GiayTo_2025-03-05.pdf")
    texts = pdf_pages(out)
    assert len(texts) == 2 and dialog.result_pages == 2
    assert stage.cash in texts[0] and stage.cow in texts[1]
    assert NAME in texts[0] and "Năm triệu đồng" in texts[0]
    # Each on its own paper: the money on a voucher, the cow on a hand-over note.
    assert "PHIẾU CHI" in texts[0] and "BIÊN BẢN BÀN GIAO" in texts[1]
    assert "PHIẾU CHI" not in texts[1] and "nhận tiền" not in texts[1]
    assert "BẢN SAO" not in " ".join(texts)  # the first print: the originals
    assert all(
        receipts.get_receipt(window.ctx.db, window.ctx.actor, n).row.printed
        for n in (stage.cash, stage.cow)
    )
    assert str(out) in dialog.state.text()
    assert dialog.bar.value() == dialog.bar.maximum() == 2

    # Two copies of each: "Liên 1", "Liên 2".
    dialog.copies.setCurrentIndex(dialog.copies.findData(2))
    out2 = tmp_path / "day2.pdf"
    dialog.start(out2)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    texts = pdf_pages(out2)
    assert len(texts) == 4 and "Liên 2" in texts[1]
    assert all("BẢN SAO – in lại lần 1" in text for text in texts)  # made again: copies

    # A day without hand-overs says so; nothing is written.
    dialog.day.set_value(date(2025, 3, 6))
    empty = tmp_path / "empty.pdf"
    dialog.start(empty)
    qtbot.waitUntil(lambda: dialog.banner.isVisible(), timeout=10_000)
    assert "không có gì để in" in dialog.banner.text()
    assert not empty.exists()
    dialog.close()


def test_stopping_a_batch_leaves_no_file(  # type: ignore[no-untyped-def]
    window: MainWindow, stage: Stage, qtbot, tmp_path: Path
):
    many_on_one_day(window.ctx.db, stage, 40, date(2025, 6, 2))
    page = receipts_page(window, qtbot)
    dialog = page.open_batch()
    dialog.day.set_value(date(2025, 6, 2))
    folder = tmp_path / "papers"
    folder.mkdir()
    out = folder / "stopped.pdf"
    task = dialog.start(out)
    assert dialog.stop_button.isEnabled() and not dialog.build_button.isEnabled()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert not out.exists()
    assert list(folder.iterdir()) == [], "no temporary file left either"
    assert dialog.state.text() in (
        "Stopped. No file was written.",
        "Đã dừng. Không có tệp nào được ghi.",
    )
    assert dialog.build_button.isEnabled() and not dialog.print_button.isEnabled()

    # The same batch, not stopped: 40 pages.
    dialog.start(out)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert len(pypdf.PdfReader(out).pages) == 40
    dialog.close()


def test_signature_list_of_a_month(  # type: ignore[no-untyped-def]
    window: MainWindow, stage: Stage, qtbot, tmp_path: Path
):
    page = receipts_page(window, qtbot)
    dialog = page.open_batch()
    dialog.by_month.setChecked(True)
    assert dialog.grant_type.currentData() == "monthly_allowance"
    assert not dialog.copies.isEnabled()
    dialog.month.setDate(dialog.month.date().fromString("04/2025", "MM/yyyy"))
    out = tmp_path / "list.pdf"
    dialog.start(out)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    text = " ".join(pdf_pages(out))
    for expected in ("DANH SÁCH KÝ NHẬN", NAME, OTHER, THIRD, "1.400.000", "Tháng 04 năm 2025"):
        assert expected in text, expected
    assert dialog.suggested_name() == "DanhSachKyNhan_monthly_allowance_2025-04.pdf"
    dialog.close()


# --- printing --------------------------------------------------------------------------


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printing_rasterises_the_pages_for_the_printer(  # type: ignore[no-untyped-def]
    window: MainWindow, stage: Stage, qtbot, tmp_path: Path
):
    page = receipts_page(window, qtbot)
    select(page, stage.cow)
    page.copies.setCurrentIndex(page.copies.findData(2))
    out = tmp_path / "printed.pdf"
    with qtbot.waitSignal(page.output.printed, timeout=20_000) as printed:
        page.print_selected(pdf_printer(out))
    assert printed.args == [2]
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 2
    first = reader.pages[0]
    assert round(float(first.mediabox.width)) == 595  # A4, like the receipt
    # Pictures of the pages, not text: the printer gets exactly what the PDF shows.
    assert first.extract_text().strip() == ""
    assert len(first.images) == 1
    assert first.images[0].image.width >= 2000  # 300 dpi across 210 mm
    # The status bar says which print it was: the original (recorded).
    assert stage.cow in window.statusBar().currentMessage()
    assert "bản gốc" in window.statusBar().currentMessage()

    # Only the pages chosen in the print dialog: "Liên 2" alone.
    second = pdf_printer(tmp_path / "second.pdf")
    second.setPrintRange(QPrinter.PrintRange.PageRange)
    second.setFromTo(2, 2)
    with qtbot.waitSignal(page.output.printed, timeout=20_000) as printed:
        page.print_selected(second)
    assert printed.args == [1]
    assert len(pypdf.PdfReader(tmp_path / "second.pdf").pages) == 1


@pytest.mark.qt_log_ignore("QPainter::begin", "This plugin does not support propagateSizeHints")
def test_a_printer_that_fails_gives_a_message(  # type: ignore[no-untyped-def]
    window: MainWindow, stage: Stage, qtbot, tmp_path: Path, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text)
    )
    page = receipts_page(window, qtbot)
    select(page, stage.cash)
    broken = pdf_printer(tmp_path / "no" / "such" / "folder" / "x.pdf")
    with qtbot.waitSignal(page.output.failed, timeout=20_000):
        page.print_selected(broken)
    assert len(shown) == 1
    assert "Save as PDF" in shown[0] or "Lưu PDF" in shown[0]
    assert not (tmp_path / "no").exists()
    # Nothing is lost: the same receipt saves as PDF.
    out = tmp_path / "saved.pdf"
    offered = save_to(monkeypatch, out)
    with qtbot.waitSignal(page.output.saved, timeout=20_000):
        page.save_selected()
    assert offered[0].endswith("PhieuChi_MV-2025-00001.pdf")
    assert stage.cash in pdf_pages(out)[0]
    # The print that never came out did not use up the original.
    assert "BẢN SAO" not in pdf_pages(out)[0]


def test_preview_shows_the_receipt(window: MainWindow, stage: Stage, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    page = receipts_page(window, qtbot)
    select(page, stage.cow)
    # A cow is printed on its hand-over note, never on a voucher: nothing to choose.
    assert not page.paper.isEnabled() and page.paper.count() == 1
    assert "biên bản bàn giao" in page.paper.currentText().lower()
    assert column(page, "paper")[numbers(page).index(stage.cow)] in (
        "Hand-over note",
        "Biên bản bàn giao",
    )
    page.preview_selected()
    qtbot.waitUntil(lambda: page.output.preview_dialog is not None, timeout=20_000)
    dialog = page.output.preview_dialog
    assert dialog.isVisible() and stage.cow in dialog.windowTitle()
    assert len(dialog.images) == 1 and dialog.images[0].width() > 800
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 1, timeout=5000)
    # A preview is not a print.
    assert not receipts.get_receipt(window.ctx.db, window.ctx.actor, stage.cow).row.printed
    # Print pressed in the preview: Qt hands over the real printer; the print is recorded
    # (the original) and its pages printed on the worker at the printer's resolution.
    target = pdf_printer(tmp_path / "from_preview.pdf")
    dialog.paintRequested.emit(target)
    with qtbot.waitSignal(page.output.printed, timeout=20_000):
        dialog.accept()
    texts = pdf_pages(tmp_path / "from_preview.pdf")
    assert len(texts) == 1 and texts[0].strip() == ""  # a picture of the page
    detail = receipts.get_receipt(window.ctx.db, window.ctx.actor, stage.cow)
    assert detail.row.printed and detail.row.reprint_count == 0
    # A cash receipt is printed on its voucher.
    select(page, stage.cash)
    assert not page.paper.isEnabled() and "phiếu chi" in page.paper.currentText().lower()


def test_every_print_after_the_first_is_a_copy(  # type: ignore[no-untyped-def]
    window: MainWindow, stage: Stage, qtbot, tmp_path: Path, monkeypatch
):
    page = receipts_page(window, qtbot)
    select(page, stage.cash)
    first = tmp_path / "first.pdf"
    save_to(monkeypatch, first)
    with qtbot.waitSignal(page.output.saved, timeout=20_000):
        page.save_selected()
    assert "BẢN SAO" not in pdf_pages(first)[0]
    with qtbot.waitSignal(page.output.printed, timeout=20_000):
        page.print_selected(pdf_printer(tmp_path / "second.pdf"))
    third = tmp_path / "third.pdf"
    save_to(monkeypatch, third)
    with qtbot.waitSignal(page.output.saved, timeout=20_000):
        page.save_selected()
    assert "BẢN SAO – in lại lần 2" in pdf_pages(third)[0]
    detail = receipts.get_receipt(window.ctx.db, window.ctx.actor, stage.cash)
    assert detail.row.reprint_count == 2
    qtbot.waitUntil(
        lambda: page.model.row_at(numbers(page).index(stage.cash)).reprint_count == 2,
        timeout=3000,
    )
    status = column(page, "status")[numbers(page).index(stage.cash)]
    assert "2" in status
    assert window.statusBar().currentMessage().count("2") >= 1


def test_viewer_prints_copies_only_and_cannot_void(  # type: ignore[no-untyped-def]
    qtbot, sqlite_db: Database, actors, tmp_path: Path
):
    stage = build_stage(sqlite_db, actors)
    receipts.record_print(sqlite_db, actors["accountant"], stage.cash)  # the original
    ctx = UiContext(db=sqlite_db, actor=actors["viewer"], clock=lambda: TODAY)
    page = ReceiptsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    loaded(qtbot, page.model)
    assert not page.void_button.isVisible()
    assert page.void_selected() is None
    select(page, stage.cash)
    assert page.print_button.isEnabled() and page.save_button.isEnabled()
    out = tmp_path / "copy.pdf"
    with qtbot.waitSignal(page.output.printed, timeout=20_000):
        page.print_selected(pdf_printer(out))
    assert receipts.get_receipt(sqlite_db, actors["viewer"], stage.cash).row.reprint_count == 1
    # The original of another receipt is for the accountant: a clear message, no print.
    select(page, stage.cow)
    page.print_selected(pdf_printer(tmp_path / "original.pdf"))
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=10_000)
    assert "in bản gốc" in page.banner.text()
    assert not (tmp_path / "original.pdf").exists()
    worker.wait_for_tasks()


def test_after_a_hand_over_the_list_refreshes_and_printing_is_offered(  # type: ignore[no-untyped-def]
    window: MainWindow, stage: Stage, qtbot
):
    page = receipts_page(window, qtbot)
    assert page.model.rowCount() == 7
    with window.ctx.db.read() as s:
        from tracker.db.models import Grant

        grant_id = s.query(Grant.id).filter(Grant.beneficiary_id == stage.people[OTHER].id).scalar()
    handover = grants.record_handover(
        window.ctx.db,
        window.ctx.actor,
        grants.HandoverInput(grant_id, date(2025, 6, 10), amount=500_000),
        today=TODAY,
    )
    window.ctx.events.announce({Change.HANDOVER}, handover)
    qtbot.waitUntil(lambda: page.model.rowCount() == 8, timeout=20000)

    def offers() -> list[QMessageBox]:
        return [b for b in visible(window, QMessageBox) if handover.receipt_number in b.text()]

    qtbot.waitUntil(lambda: len(offers()) == 1, timeout=20000)
    box = offers()[0]
    assert box.windowModality() == Qt.WindowModality.NonModal
    box.checkBox().setChecked(True)  # "do not ask again"
    assert not prefs.OFFER_PRINT.get()
    preview_button = box.buttons()[0]
    qtbot.mouseClick(preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.output.preview_dialog is not None, timeout=20_000)
    assert handover.receipt_number in page.output.preview_dialog.windowTitle()
    page.output.preview_dialog.close()


def test_a_hand_over_of_money_and_goods_offers_both_papers(  # type: ignore[no-untyped-def]
    window: MainWindow, stage: Stage, qtbot, tmp_path: Path, monkeypatch
):
    """The loom and the course money of one grant, the yarn of another, ticked in the
    hand-over dialog: one receipt, the voucher for the money and the note for the goods."""
    from tracker.ui import flows
    from tracker.ui.dialogs.handover_dialog import HandoverDialog

    db, admin = window.ctx.db, window.ctx.actor
    person = stage.people[OTHER]
    with db.read() as s:
        from tracker.db.models import Project

        project_id = s.query(Project.id).scalar()

    def plan(code: str, *tranches: TrancheInput) -> grants.GrantView:
        return grants.plan_grant(
            db, admin, GrantInput(person.id, project_id, code, date(2025, 1, 1), tranches),
            today=TODAY,
        )  # fmt: skip

    loom = plan(
        "linen_weaving",
        TrancheInput("Khung dệt lanh", quantity=1, unit_value=4_500_000),
        TrancheInput("Tiền ăn khi học dệt", amount=600_000),
    )
    plan("linen_yarn", TrancheInput("Sợi lanh", quantity=10, unit_value=120_000))
    receipts_page(window, qtbot)
    flows.record_handover(window.ctx, window, loom)
    (dialog,) = visible(window, HandoverDialog)
    dialog.handed_on.set_value(date(2025, 6, 2))
    qtbot.waitUntil(lambda: dialog.also.count() > 0, timeout=5000)  # read on the worker
    # Everything else still open for this person: her allowance months, the yarn, the money.
    texts = [dialog.also.item(i).text() for i in range(dialog.also.count())]
    assert any(t.startswith("Sợi lanh") for t in texts)
    assert any(t.startswith("Tiền ăn khi học dệt") for t in texts)
    assert not any(t.startswith("Khung dệt lanh") for t in texts)  # the line being handed over
    for i, text in enumerate(texts):
        if text.startswith(("Sợi lanh", "Tiền ăn")):
            dialog.also.item(i).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(window.ctx.events.changed, timeout=5000) as notice:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    handover = notice.args[0].result
    assert handover.kind == "mixed" and handover.total == 4_500_000 + 600_000 + 1_200_000
    number = handover.receipt_number

    def offers() -> list[QMessageBox]:
        return [b for b in visible(window, QMessageBox) if number in b.text()]

    qtbot.waitUntil(lambda: len(offers()) == 1, timeout=20000)
    box = offers()[0]
    assert "phiếu chi" in box.text() and "biên bản bàn giao" in box.text()
    box.close()

    page = window.show_page("receipts")
    qtbot.waitUntil(lambda: page.select_number(number), timeout=20000)
    assert page.paper.isEnabled() and page.paper.count() == 3
    out = tmp_path / "both.pdf"
    offered = save_to(monkeypatch, out)
    with qtbot.waitSignal(page.output.saved, timeout=20_000):
        page.save_selected()
    assert offered[0].endswith(f"PhieuChi_BienBan_{number}.pdf")
    voucher, note = pdf_pages(out)
    assert "PHIẾU CHI" in voucher and "600.000" in voucher and "Sáu trăm nghìn đồng" in voucher
    assert "Khung dệt lanh" not in voucher
    assert "BIÊN BẢN BÀN GIAO" in note and "Sợi lanh" in note and " kg " in f" {note} "
    assert "nhận tiền" not in note and "Tiền ăn" not in note


# --- signed copies -------------------------------------------------------------------------


def test_receipts_without_a_signed_copy_are_found_before_an_audit(  # type: ignore[no-untyped-def]
    window: MainWindow, stage: Stage, qtbot
):
    from tracker.services import attachments

    from ..unit.test_svc_attachments import pdf_bytes

    page = receipts_page(window, qtbot)
    ctx = window.ctx
    signed = receipts.get_receipt(ctx.db, ctx.actor, stage.cow).row
    attachments.add_attachment(
        ctx.db,
        ctx.actor,
        attachments.AttachmentInput(
            "receipt", signed.id, "signed_receipt", "phieu-ky.pdf", pdf_bytes()
        ),
    )
    page.signed_filter.setCurrentIndex(page.signed_filter.findData(False))
    qtbot.waitUntil(lambda: page.model.rowCount() == 6, timeout=20000)
    assert stage.cow not in numbers(page)
    assert "6" in page.count_label.text()
    page.signed_filter.setCurrentIndex(page.signed_filter.findData(True))
    qtbot.waitUntil(lambda: numbers(page) == [stage.cow], timeout=20000)
    assert "đã lưu bản có chữ ký" in column(page, "status")[0]
    page.signed_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 7, timeout=20000)


def test_the_signed_copy_is_attached_from_the_receipts_page(  # type: ignore[no-untyped-def]
    window: MainWindow, stage: Stage, qtbot, tmp_path: Path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from ..unit.test_svc_attachments import pdf_bytes

    page = receipts_page(window, qtbot)
    page.signed_filter.setCurrentIndex(page.signed_filter.findData(False))
    qtbot.waitUntil(lambda: page.model.rowCount() == 7, timeout=20000)
    select(page, stage.cow)
    assert page.attach_button.isVisible() and page.attach_button.isEnabled()
    scan = tmp_path / "phieu-chi-da-ky.pdf"
    scan.write_bytes(pdf_bytes())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scan), ""))
    qtbot.mouseClick(page.attach_button, Qt.MouseButton.LeftButton)
    # The receipt leaves the list of those still waiting for their signed copy.
    qtbot.waitUntil(lambda: page.model.rowCount() == 6, timeout=20000)
    assert stage.cow not in numbers(page)
    page.signed_filter.setCurrentIndex(page.signed_filter.findData(True))
    qtbot.waitUntil(lambda: numbers(page) == [stage.cow], timeout=20000)
    assert "đã lưu bản có chữ ký" in column(page, "status")[0]
    assert stage.cow in window.statusBar().currentMessage()
