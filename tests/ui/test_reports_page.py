"""The Reports page and its dialogs, driven through their widgets: the summary as a chart
and tables for the period and audience picked, export to a folder with progress (and a
full disk, and Stop), import with its dry run, duplicate question and commit."""

from __future__ import annotations

import errno
import os
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from tracker.db import Database
from tracker.reports import usb
from tracker.reports.summary_tables import HIDDEN, SUPPRESSED
from tracker.services import beneficiaries as ben
from tracker.services import grants, reports
from tracker.services.context import Actor
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput
from tracker.services.projects import ProjectView
from tracker.ui import prefs, worker
from tracker.ui.context import UiContext
from tracker.ui.dialogs.export_dialog import ExportDialog
from tracker.ui.dialogs.import_dialog import ImportDialog
from tracker.ui.pages.reports import ReportsPage
from tracker.ui.widgets import set_combo_data

from ..conftest import TODAY
from ..unit.test_import_template import workbook

NAMES = ("Vàng Thị Mỷ", "Giàng Thị Dế", "Sùng Thị Pà", "Lù Thị Chở", "Mùa Thị Sua", "Hầu Thị Dung")


@pytest.fixture
def people(sqlite_db: Database, actors: dict[str, Actor], project: ProjectView) -> list[int]:
    """Six women supported in the first half of 2025: five with cash, one with a cow."""
    ids = []
    for i, name in enumerate(NAMES):
        b = ben.register(
            sqlite_db,
            actors["officer"],
            ben.BeneficiaryInput(full_name=name, sex="F", category="victim",
                                 ethnicity_code="08", birth_year=1990 + i,
                                 commune_code="00769", village="Pả Vi Thượng"),
            today=TODAY,
        )  # fmt: skip
        ids.append(b.id)
        cow = i == 0
        g = grants.plan_grant(
            sqlite_db,
            actors["officer"],
            GrantInput(b.id, project.id, "cattle" if cow else "initial_hardship",
                       date(2025, 2, 1),
                       (TrancheInput("Bò", quantity=1, unit_value=15_000_000) if cow
                        else TrancheInput("Trợ cấp", amount=2_000_000),)),
            today=TODAY,
        )  # fmt: skip
        grants.record_handover(
            sqlite_db,
            actors["accountant"],
            HandoverInput(g.id, date(2025, 2, 10 + i), amount=None if cow else 2_000_000,
                          quantity=1 if cow else None, unit_value=15_000_000 if cow else None),
            today=TODAY,
        )  # fmt: skip
    return ids


@pytest.fixture
def page(qtbot, ctx: UiContext, people: list[int]) -> ReportsPage:  # type: ignore[no-untyped-def]
    p = ReportsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    qtbot.waitExposed(p)
    return show(qtbot, p, reports.quarter(2025, 1), "office")


def show(qtbot, p: ReportsPage, period: reports.Period, audience: str) -> ReportsPage:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(p.summary_shown, timeout=10_000):
        p.set_period(period, audience)
    worker.wait_for_tasks(5000)
    return p


def table_cells(p: ReportsPage, key: str) -> list[list[object]]:
    i = next(n for n, t in enumerate(p.tables) if t.key == key)
    model = p.models[i]
    return [[model.cell(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_page_shows_the_summary_as_chart_and_tables(page: ReportsPage) -> None:
    s = page.summary
    assert s is not None and s.period == reports.quarter(2025, 1)
    assert s.people.total.new == 6
    assert page.tabs.count() == 16  # the period's tables, then the projects today
    assert page.model.rowCount() == 1 and "500.000.000" in page.totals.text()
    assert page.tabs.tabText(0) == "Theo giới tính"
    sex = table_cells(page, "people_sex")
    assert sex[0] == ["Nữ", 6, 0, 6, 6] and sex[-1][0] == "Tổng cộng"
    items = dict((name, (p, c)) for name, p, c in page.chart.items())
    assert items == {
        "Bò giống sinh sản": (15_000_000, 15_000_000),
        "Trợ cấp khó khăn ban đầu": (10_000_000, 10_000_000),
    }
    assert "6 mới" in page.figures.text()
    assert page.period_label.text() == "Quý I/2025: 01/01/2025 – 31/03/2025"
    # The model shows numbers grouped, right-aligned; the total row in bold.
    model = page.models[0]
    index = model.index(0, 4)
    assert model.data(index) == "6"
    assert model.data(index, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(model.rowCount() - 1, 0), Qt.ItemDataRole.FontRole).bold()


def test_donor_view_hides_small_counts(qtbot, page: ReportsPage) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, page, reports.quarter(2025, 1), "donor")
    support = table_cells(page, "support")
    cattle = next(r for r in support if r[0] == "Bò giống sinh sản")
    # The cow's 15.000.000 đ beside "<5" hand-overs would give the count back: hidden,
    # in the table and in the chart.
    assert cattle[3] == SUPPRESSED and cattle[6] == HIDDEN
    assert dict((n, p) for n, p, _c in page.chart.items())["Bò giống sinh sản"] is None
    assert "«<5»" in page.figures.text() and "«x»" in page.figures.text()
    # The line above the tables says what the tables' total row says, hidden or not.
    total = table_cells(page, "people_sex")[-1]
    new, continuing = (v if isinstance(v, str) else str(v) for v in total[1:3])
    assert f"{new} mới và {continuing} tiếp tục" in page.figures.text()


def test_period_picker(qtbot, page: ReportsPage) -> None:  # type: ignore[no-untyped-def]
    assert page.quarter.isVisible() and not page.start.isVisible()
    with qtbot.waitSignal(page.summary_shown, timeout=10_000):
        set_combo_data(page.kind, "range")
    assert page.start.isVisible() and page.end.isVisible() and not page.quarter.isVisible()
    with qtbot.waitSignal(page.summary_shown, timeout=10_000):
        page.start.set_value(date(2025, 2, 12))
    worker.wait_for_tasks(5000)
    assert page.period() == reports.date_range(date(2025, 2, 12), date(2025, 3, 31))
    for kind, want in (
        ("year", reports.whole_year(2025)),
        ("6m", reports.first_months(2025, 6)),
        ("9m", reports.first_months(2025, 9)),
    ):
        set_combo_data(page.kind, kind)
        assert page.period() == want
    worker.wait_for_tasks(5000)
    qtbot.waitUntil(lambda: page.summary is not None and page.summary.period.kind == "9m")
    show(qtbot, page, reports.quarter(2019, 1), "office")
    assert page.chart.items() == []


# --- export ------------------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot, page: ReportsPage, tmp_path: Path) -> ExportDialog:  # type: ignore[no-untyped-def]
    d = ExportDialog(page.ctx, page.period(), "donor", page)
    qtbot.addWidget(d)
    d.show()
    target = tmp_path / "usb"
    target.mkdir()
    d.add_folder(str(target))
    return d


def run_export(qtbot, d: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(d.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.busy, timeout=30_000)
    worker.wait_for_tasks(5000)


def test_export_to_a_folder(qtbot, dialog: ExportDialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert dialog.target() == tmp_path / "usb"
    assert dialog.secret_box.isVisible()  # an administrator
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as got:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    result = got.args[0]
    assert result.folder == tmp_path / "usb" / "MV_2025-Q1_donor"
    assert (result.folder / "manifest.json").exists()
    assert dialog.bar.value() == 100
    assert "kiểm tra" in dialog.status.text() and str(result.folder) in dialog.status.text()
    assert dialog.cancel_button.text() == "Đóng"


def test_export_with_the_line_list(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.line_list.setChecked(True)
    dialog.passphrase.setText("mot mat khau dai")
    dialog.passphrase2.setText("mot mat khau khac")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "không giống nhau" in dialog.banner.text()
    dialog.passphrase2.setText("mot mat khau dai")
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as got:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert any(f.path.endswith("_line_list_AES.zip") for f in got.args[0].files)


def test_export_to_a_full_stick(  # type: ignore[no-untyped-def]
    qtbot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    run_export(qtbot, dialog)
    monkeypatch.undo()
    assert "Ổ đĩa đã đầy" in dialog.banner.text()
    assert list((tmp_path / "usb").iterdir()) == []
    assert dialog.export_button.isEnabled()


def test_stop_during_the_export(  # type: ignore[no-untyped-def]
    qtbot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = usb._write_file

    def slow(path: Path, data: bytes) -> None:
        time.sleep(0.2)
        real(path, data)

    monkeypatch.setattr(usb, "_write_file", slow)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.cancel_button.text() == "Dừng"
    qtbot.waitUntil(lambda: "Đang ghi" in dialog.status.text(), timeout=20_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    worker.wait_for_tasks(5000)
    assert "Đã hủy xuất báo cáo" in dialog.banner.text()
    assert list((tmp_path / "usb").iterdir()) == []


# --- import ------------------------------------------------------------------------------


def run_import_step(qtbot, d: ImportDialog, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.busy, timeout=60_000)
    worker.wait_for_tasks(5000)


def test_import_lists_problems_then_imports(  # type: ignore[no-untyped-def]
    qtbot, page: ReportsPage, tmp_path: Path
) -> None:
    d = ImportDialog(page.ctx, page)
    qtbot.addWidget(d)
    d.show()
    bad = workbook(
        tmp_path / "bad.xlsx",
        {"beneficiaries": [["HG-1", "", "", "Nu?", "31/02/2001", None, "Dao", "Nạn nhân"]]},
    )
    d.path.setText(str(bad))
    run_import_step(qtbot, d, d.check_button)
    assert d.problems.rowCount() == 3
    assert [d.problems.item(r, 2).text() for r in range(3)] == ["B", "D", "E"]
    assert d.problems.item(0, 1).text() == "3"
    assert not d.import_button.isEnabled()
    # A file with someone who may already be registered: the question, then the import.
    rows = {
        "beneficiaries": [
            ["HG-2", "Vàng Thị Mỷ", "", "Nữ", None, 1990, "H'Mông", "Nạn nhân", None, None,
             "08", "00769"],
            ["HG-3", "Người Mới", "", "Nam", None, 2001, "Dao", "Có nguy cơ cao"],
        ]
    }  # fmt: skip
    good = workbook(tmp_path / "good.xlsx", rows)
    d.path.setText(str(good))
    run_import_step(qtbot, d, d.check_button)
    assert d.problems.rowCount() == 0 and d.duplicates.rowCount() == 1
    assert "Chuyến thăm sẽ đặt lịch: 0 (bỏ qua các chuyến đã qua ngày: 0)." in d.summary.text()
    # Asking for past visits too changes what the check said: check again first.
    d.past_visits.setChecked(True)
    assert d.report is None and not d.import_button.isEnabled()
    run_import_step(qtbot, d, d.check_button)
    assert d.tabs.currentIndex() == 1
    assert not d.import_button.isEnabled(), "the question needs an answer first"
    combo = d.duplicates.cellWidget(0, 3)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(d.report.duplicates[0].candidates[0].code))  # type: ignore[union-attr]
    assert d.import_button.isEnabled()
    page_stale: list[bool] = []
    d.imported.connect(lambda _r: page_stale.append(True))
    run_import_step(qtbot, d, d.import_button)
    assert page_stale == [True]
    assert "Đã nhập: 1" in d.summary.text()
    found = ben.search(page.ctx.db, page.ctx.actor, "Người Mới")
    assert [b.code for b in found] == ["HG-3"]


def test_former_districts_only_for_a_period_before_the_reform(qtbot, page: ReportsPage) -> None:  # type: ignore[no-untyped-def]
    assert page.by_district.isEnabled()  # Q1 2025 ended before 1 July 2025
    with qtbot.waitSignal(page.summary_shown, timeout=10_000):
        page.by_district.setChecked(True)
    worker.wait_for_tasks(5000)
    assert page.summary is not None and page.summary.places == "district"
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Theo huyện cũ" in tabs and "Theo xã phường" not in tabs
    district = table_cells(page, "people_district")
    assert district[0][1] == "Huyện Mèo Vạc" and district[0][2] == 6
    show(qtbot, page, reports.quarter(2025, 3), "office")
    assert not page.by_district.isEnabled() and page.summary.places == "commune"


def test_export_csv_for_a_vietnamese_excel(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.separator.currentData() == ";"  # Excel on a Vietnamese Windows
    set_combo_data(dialog.separator, ",")
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as got:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    info = (got.args[0].folder / "csv" / "00_info.csv").read_bytes()
    assert info.startswith(b"\xef\xbb\xbf")
    assert info.decode("utf-8-sig").splitlines()[0] == "Mục,Nội dung"
    assert prefs.CSV_SEPARATOR.get() == ","
