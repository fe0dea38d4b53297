"""A day's trip from the Visits page: the trip sheet of a commune printed and saved (made
on the worker, through the window's print flow), then its results typed in on one screen
by keyboard only: a cow that calved adds a calf, a visit that met no one asks the reason
before it is recorded, and the rows saved leave the overdue list."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tracker.services import audit, beneficiaries, grants, visits
from tracker.services.beneficiaries import BeneficiaryInput
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput
from tracker.services.projects import ProjectView
from tracker.ui.context import Change
from tracker.ui.dialogs.trip_dialog import TripResultsDialog, TripSheetDialog
from tracker.ui.main_window import MainWindow
from tracker.ui.printing import prepare_printer
from tracker.ui.widgets import set_combo_data

from ..conftest import TODAY
from .conftest import touches, type_text, visible

COW = 15_000_000


def person(window: MainWindow, name: str, alias: str, village: str) -> int:
    ctx = window.ctx
    return beneficiaries.register(
        ctx.db,
        ctx.actor,
        BeneficiaryInput(full_name=name, alias=alias, sex="F", category="victim",
                         ethnicity_code="08", birth_year=1997, commune_code="00769",
                         village=village),
        today=TODAY,
        allow_duplicate=True,
    ).id  # fmt: skip


def cow(window: MainWindow, person_id: int, project_id: int, handed: date) -> None:
    ctx = window.ctx
    grant = grants.plan_grant(
        ctx.db,
        ctx.actor,
        GrantInput(person_id, project_id, "cattle", date(2025, 1, 1),
                   (TrancheInput("Bò giống", quantity=1, unit_value=COW),)),
        today=TODAY,
    )  # fmt: skip
    grants.record_handover(
        ctx.db, ctx.actor, HandoverInput(grant.id, handed, quantity=1, unit_value=COW),
        today=TODAY,
    )  # fmt: skip


@pytest.fixture
def families(window: MainWindow, project: ProjectView) -> dict[str, int]:
    """Two families of xã Mèo Vạc with a cow each, their 1-month visits overdue."""
    found = {
        "mi": person(window, "Vàng Thị Mỷ", "Mỷ", "Sủng Pờ A"),
        "su": person(window, "Giàng Thị Sú", "Sú", "Pả Vi Hạ"),
    }
    cow(window, found["mi"], project.id, date(2025, 4, 10))
    cow(window, found["su"], project.id, date(2025, 4, 20))
    return found


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def open_trip(window: MainWindow, qtbot) -> TripSheetDialog:  # type: ignore[no-untyped-def]
    page = window.show_page("visits")
    assert page.trip_button.text() == "Phiếu đi thăm…"
    qtbot.mouseClick(page.trip_button, Qt.MouseButton.LeftButton)
    (dialog,) = visible(window, TripSheetDialog)
    assert set_combo_data(dialog.commune, "00769")
    dialog.start.set_value(TODAY)
    dialog.end.set_value(TODAY + timedelta(days=14))
    return dialog


def key(widget: QWidget, k: Qt.Key | str, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(widget, k, modifier)
    QApplication.processEvents()


def test_print_a_trip_sheet_and_type_in_its_results(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, families: dict[str, int], tmp_path: Path, monkeypatch
):
    dialog = open_trip(window, qtbot)
    assert dialog.names.isEnabled() and not dialog.names.isChecked()
    assert [dialog.villages.item(i).text() for i in range(dialog.villages.count())] == [
        "Pả Vi Hạ",
        "Sủng Pờ A",
    ]

    # Print: the sheet is made on the worker, then printed as the receipts are.
    printed = tmp_path / "printed.pdf"
    asked: list[tuple[float, float]] = []

    def printer_chosen(sizes: list[tuple[float, float]]) -> QPrinter:
        """The print dialog's answer: a printer that writes a file, set up as the dialog
        sets it up for pages of these sizes."""
        asked.extend(sizes)
        printer = pdf_printer(printed)
        prepare_printer(printer, sizes[0])
        return printer

    monkeypatch.setattr(dialog.output, "ask_printer", printer_chosen)
    with qtbot.waitSignal(dialog.output.printed, timeout=30_000) as done:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert done.args == [1]
    assert [(round(w), round(h)) for w, h in asked] == [(842, 595)], "A4 landscape"
    (picture,) = pypdf.PdfReader(printed).pages[0].images
    assert picture.image.width > picture.image.height, "the landscape page, as a picture"

    # Save as PDF: what the sheet says.
    saved = tmp_path / "sheet.pdf"
    monkeypatch.setattr(dialog.output, "ask_path", lambda _name: saved)
    with qtbot.waitSignal(dialog.output.saved, timeout=30_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(saved).pages)
    for expected in ("PHIẾU ĐI THĂM GIA ĐÌNH", "Pả Vi Hạ – 1 lượt", "Sủng Pờ A – 1 lượt",
                     "Mỷ", "Sú", "Còn sống, khỏe", "Cán bộ đi thăm: Nguyễn Thị Lan"):  # fmt: skip
        assert expected in text, expected
    assert "Vàng Thị Mỷ" not in text, "names only when ticked"
    # The trail says what each sheet was made for.
    sheets = audit.list_events(window.ctx.db, window.ctx.actor, action="print_sheet")
    assert [e.after["purpose"] for e in sheets[:2]] == ["save", "print"]

    # Back at the office: the results, in the sheet's order, by keyboard.
    qtbot.mouseClick(dialog.results_button, Qt.MouseButton.LeftButton)
    (results,) = visible(window, TripResultsDialog)
    qtbot.waitUntil(lambda: len(results.rows) == 2, timeout=10_000)
    su, mi = results.rows
    assert (su.stop.alias, mi.stop.alias) == ("Sú", "Mỷ")
    results.activateWindow()
    qtbot.waitUntil(lambda: results.focusWidget() is su.outcome, timeout=5000)

    # Sú: met, livelihood running; income low; the cow calved (one calf); on to the next.
    key(su.outcome, "1")
    assert su.outcome.currentData() == "running"
    key(su.outcome, Qt.Key.Key_Return)
    assert results.focusWidget() is su.income, "the reason is skipped for a visit that met"
    type_text(su.income, "T")
    assert su.income.currentData() == "low"
    key(su.income, Qt.Key.Key_Return)
    (_asset, status, young) = su.assets[0]
    assert results.focusWidget() is status
    type_text(status, "Đ")
    assert status.currentData() == "calved"
    assert young.isEnabled() and young.value() == 1
    for _ in range(3):  # the calves, needs attention, notes
        key(results.focusWidget(), Qt.Key.Key_Return)
    assert results.focusWidget() is su.notes
    key(su.notes, Qt.Key.Key_Return)
    assert results.focusWidget() is mi.outcome

    # Mỷ: not met, and no reason chosen yet.
    key(mi.outcome, "3")
    key(mi.outcome, Qt.Key.Key_Return)
    assert results.focusWidget() is mi.reason and not mi.income.isEnabled()
    with qtbot.waitSignal(
        window.ctx.events.changed, check_params_cb=touches(Change.VISIT), timeout=10_000
    ):
        key(mi.reason, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not results.busy, timeout=10_000)
    assert su.saved and su.state is not None and su.state.text() == "✓ đã ghi"
    assert not mi.saved and mi.error is not None
    assert mi.error.text().startswith("Lý do không gặp"), mi.error.text()
    assert results.focusWidget() is mi.outcome

    # The reason given, saved again: only Mỷ's visit is recorded this time.
    set_combo_data(mi.reason, "working_away")
    with qtbot.waitSignal(
        window.ctx.events.changed, check_params_cb=touches(Change.VISIT), timeout=10_000
    ) as notice:
        key(mi.outcome, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not results.busy, timeout=10_000)
    assert [r.id for _i, r in notice.args[0].result] == [mi.stop.visit_id]
    assert mi.saved and not mi.error.isVisible()
    # Gone to work far away: to be told today, as the visit dialog says.
    assert results.banner.text() == (
        f"Báo ngay hôm nay cho cán bộ phụ trách dự án về: {mi.stop.code}."
    )
    assert results.summary.text() == "0 trên 2 cần lưu, đã lưu 2."

    ctx = window.ctx
    done = {r.id: r for r in visits.list_visits(ctx.db, ctx.actor, "all", today=TODAY)}
    assert (done[su.stop.visit_id].status, done[su.stop.visit_id].income_band) == ("done", "low")
    assert done[su.stop.visit_id].done_on == TODAY
    assert (done[mi.stop.visit_id].status, done[mi.stop.visit_id].missed_reason) == (
        "missed",
        "working_away",
    )
    assets = visits.list_assets(ctx.db, ctx.actor, families["su"])
    assert [(a.status, a.parent_id is not None) for a in assets] == [
        ("calved", False),
        ("alive", True),
    ], "the calf is a new animal"
    # The next try a week on for Mỷ; the two visits are no longer overdue.
    overdue = visits.list_visits(ctx.db, ctx.actor, "overdue", today=TODAY)
    assert {r.id for r in overdue} & {su.stop.visit_id, mi.stop.visit_id} == set()
    assert any(
        r.beneficiary_id == families["mi"] and r.scheduled_on == TODAY + timedelta(days=7)
        for r in visits.list_visits(ctx.db, ctx.actor, "open", today=TODAY)
    )
    results.close()
    dialog.close()


def test_a_sheet_of_twelve_visits_is_typed_in_with_six_keys_a_visit(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, project: ProjectView
):
    """Twelve families met, their cows alive: the outcome, then Enter past income, the
    cow, needs attention and the notes; one Ctrl+S for the lot."""
    ids = []
    for n in range(12):
        pid = person(window, f"Người thứ {n + 1}", f"Chị {n + 1}", ("Sủng Pờ A", "Pả Vi Hạ")[n % 2])
        cow(window, pid, project.id, date(2025, 4, 1) + timedelta(days=n))
        ids.append(pid)
    dialog = open_trip(window, qtbot)
    results = dialog.enter_results()
    qtbot.waitUntil(lambda: len(results.rows) == 12, timeout=10_000)
    results.activateWindow()
    qtbot.waitUntil(lambda: results.focusWidget() is results.rows[0].outcome, timeout=5000)
    keys = 0
    for row in results.rows:
        assert results.focusWidget() is row.outcome
        for k in ("1", *[Qt.Key.Key_Return] * 5):
            key(results.focusWidget(), k)
            keys += 1
    with qtbot.waitSignal(
        window.ctx.events.changed, check_params_cb=touches(Change.VISIT), timeout=20_000
    ) as notice:
        key(results.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        keys += 1
    qtbot.waitUntil(lambda: not results.busy, timeout=20_000)
    assert keys == 73
    assert len(notice.args[0].result) == 12
    assert all(r.saved for r in results.rows)
    ctx = window.ctx
    done = visits.list_visits(ctx.db, ctx.actor, "done", today=TODAY)
    assert sorted(r.beneficiary_id for r in done) == sorted(ids)
    assert {(r.done_on, r.livelihood_running) for r in done} == {(TODAY, True)}
    results.close()
    dialog.close()


def test_closing_with_rows_typed_in_asks_first(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, families: dict[str, int], monkeypatch
):
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = open_trip(window, qtbot)
    results = dialog.enter_results()
    qtbot.waitUntil(lambda: len(results.rows) == 2, timeout=10_000)
    key(results.rows[0].outcome, "3")
    results.close()
    assert asked == ["Có 1 dòng đã nhập mà chưa lưu. Đóng mà không lưu?"]
    assert results.isVisible(), "kept open: the row is still there to save"
    answer[0] = QMessageBox.StandardButton.Yes
    results.close()
    qtbot.waitUntil(lambda: dialog.results is None, timeout=5000)  # closed and gone
    assert len(asked) == 2
    ctx = window.ctx
    assert len(visits.list_visits(ctx.db, ctx.actor, "overdue", today=TODAY)) == 2, "nothing saved"
    dialog.close()


def test_a_viewer_cannot_print_nor_type_in_results(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, families: dict[str, int], actors
):
    window.ctx.actor = actors["viewer"]
    dialog = open_trip(window, qtbot)
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    assert not dialog.results_button.isEnabled() and not dialog.names.isEnabled()
    dialog.close()
