"""The summary of the demo office as a donor gets it, read by a reader who tries every
value (counts, amounts at known unit amounts, every sum across the tables); the visits
that add up; the files' header, sign-off, provisional mark, print setup and CSV
separator."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from tracker.config import DatabaseLocation
from tracker.demo import build_demo, create_demo_workspace
from tracker.reports.csv_summary import render_summary_csv
from tracker.reports.summary_pdf import render_summary_pdf
from tracker.reports.summary_tables import (
    HIDDEN,
    SUPPRESSED,
    Knowledge,
    Table,
    build_tables,
    holding_sums,
    protect_tables,
    tables_and_knowledge,
)
from tracker.reports.xlsx_summary import render_summary_xlsx
from tracker.services import reports
from tracker.services.auth import Workspace
from tracker.services.errors import ValidationError

from .reader import Reader, sum_equation

TODAY = date(2026, 12, 6)


@dataclass
class Demo:
    ws: Workspace
    #: Support types whose every hand-over had the same amount (a reader may know it).
    fixed: dict[str, int]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    ws = create_demo_workspace(DatabaseLocation(path=tmp_path_factory.mktemp("demo") / "demo.db"))
    build_demo(ws, today=TODAY)
    with ws.db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT t.code, MIN(d.amount), MAX(d.amount) FROM disbursement d"
                " JOIN grant_plan g ON g.id = d.grant_id"
                " JOIN grant_type t ON t.id = g.grant_type_id GROUP BY t.code"
            )
        ).all()
    yield Demo(ws, {code: int(lo) for code, lo, hi in rows if lo == hi})
    ws.db.dispose()


def printed(
    tables: list[Table], know: Knowledge
) -> tuple[dict[Hashable, int], dict[Hashable, str]]:
    """What the tables show, and which cells they hide, by the figures' names."""
    shown: dict[Hashable, int] = {}
    hidden: dict[Hashable, str] = {}
    for t in tables:
        ids = [*range(len(t.rows)), *(["total"] if t.total is not None else [])]
        for rid, row in zip(ids, t.all_rows(), strict=True):
            for col, value in zip(t.columns, row, strict=True):
                if col.kind not in ("count", "money"):
                    continue
                key = know.key(t.key, rid, col.key)
                if isinstance(value, int):
                    shown[key] = value
                elif value in (SUPPRESSED, HIDDEN):
                    hidden[key] = str(value)
    return shown, hidden


def fixed_amounts(tables: list[Table], know: Knowledge, demo: Demo, s: reports.Summary) -> list:
    """What the reader knows of its own: a support type paid at one fixed amount has, in
    the support table, an amount of that many times its hand-overs."""
    eqs = []
    for i, row in enumerate(s.support):
        unit = demo.fixed.get(row.grant_type)
        if not unit:
            continue
        money = "cash" if row.kind == "cash" else "in_kind"
        for sfx in ("", "_total"):
            eqs.append(
                (
                    (know.key("support", i, f"{money}{sfx}"), 1),
                    (know.key("support", i, f"handovers{sfx}"), -unit),
                )
            )
    return eqs


PERIODS = (
    (reports.quarter(2026, 4), "commune"),  # not over yet: provisional
    (reports.whole_year(2025), "commune"),
    (reports.quarter(2025, 2), "district"),  # before the reform, by former district
)


@pytest.mark.parametrize(("period", "places"), PERIODS, ids=[p.key for p, _ in PERIODS])
def test_the_donor_version_gives_no_small_count_back(demo: Demo, period, places) -> None:  # type: ignore[no-untyped-def]
    s = reports.period_summary(
        demo.ws.db, demo.ws.actor, period, audience="donor", today=TODAY, places=places
    )
    tables, know = tables_and_knowledge(s)
    # Every relation the protection relies on is true of the real figures.
    for eq in know.equations:
        assert sum(c * know.truth[k] for k, c in eq) == 0, eq
    protected = protect_tables(tables, know)
    shown, hidden = printed(protected, know)
    assert any(v == SUPPRESSED for v in hidden.values()), "the demo has small counts"
    # No amount is printed beside a hidden count: nothing to divide by a unit amount.
    for money, counts in know.depends.items():
        if shown.get(money):
            assert not any(c in hidden for c in counts), (money, counts)
    own = fixed_amounts(tables, know, demo, s)
    assert own, "the demo has support types at one fixed amount"
    eqs = [sum_equation(g) for g in holding_sums(know)] + list(know.equations) + own
    reader = Reader(shown, hidden, eqs, know.truth, budget=50_000)
    # The value handed over in all (and the receipts' amount) is the projects' spending,
    # printed whole as accounts: it is known, and the protection hides around it.
    accounts = {("support_value", "total"), ("support_value", "total_cumulative"),
                know.key("receipts", 1, "amount")}  # fmt: skip
    checked = 0
    for key, mark in hidden.items():
        amount = key in know.depends and know.truth[key] > 0
        small = mark == SUPPRESSED or (not amount and 0 < know.truth[key] < 5)
        if small or (amount and any(c in hidden for c in know.depends[key])):
            if key in accounts:
                continue
            assert reader.can_differ(key), (key, mark, know.truth[key])
            checked += 1
    assert checked > 20


def test_visits_add_up_on_the_demo(demo: Demo) -> None:
    for period in (reports.quarter(2026, 4), reports.whole_year(2025), reports.quarter(2026, 3)):
        s = reports.period_summary(demo.ws.db, demo.ws.actor, period, today=TODAY)
        assert s.visits_total.scheduled, period
        for v in (*s.visits, s.visits_total):
            assert v.scheduled == v.done + v.missed + v.overdue + v.not_yet_due + v.cancelled
        table = next(t for t in build_tables(s) if t.key == "visits")
        assert table.total is not None
        scheduled, *parts = table.total[1:]
        assert scheduled == sum(parts)  # type: ignore[arg-type]
    running = reports.period_summary(demo.ws.db, demo.ws.actor, reports.quarter(2026, 4),
                                     today=TODAY)  # fmt: skip
    assert running.provisional and running.visits_total.not_yet_due


def test_the_pdf_header_sign_off_provisional_mark_and_fonts(demo: Demo) -> None:
    s = reports.period_summary(
        demo.ws.db, demo.ws.actor, reports.quarter(2026, 4), audience="donor", today=TODAY
    )
    tables = build_tables(s)
    pdf = PdfReader(io.BytesIO(render_summary_pdf(s, tables, app_version="t")))
    pages = [p.extract_text() for p in pdf.pages]
    assert len(pages) > 2
    for page in pages:
        assert "SỐ LIỆU TẠM TÍNH" in page
    whole = "\n".join(pages)
    local = s.made_at_local.strftime("%d/%m/%Y %H:%M")
    assert "Lập lúc" in whole and local in whole and "UTC" not in whole
    for words in ("NGƯỜI LẬP BIỂU", "KẾ TOÁN TRƯỞNG", "THỦ TRƯỞNG ĐƠN VỊ", "đóng dấu",
                  s.sign_off.head, s.sign_off.accountant, "Mèo Vạc, ngày"):  # fmt: skip
        assert words in whole, words
    for title in ("theo loại và nhóm đối tượng", "theo loại và địa bàn",
                  "nhóm đối tượng, giới tính và nhóm tuổi", "Chưa đến hạn"):  # fmt: skip
        assert title in whole, title
    fonts = set()
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            f = font.get_object()
            fonts.add(str(f["/BaseFont"]))
            assert "/FontDescriptor" in f or "/DescendantFonts" in f, f"{f} is not embedded"
    assert not any("Helvetica" in f for f in fonts), fonts
    # A period that is over is not marked.
    done = reports.period_summary(
        demo.ws.db, demo.ws.actor, reports.whole_year(2025), audience="donor", today=TODAY
    )
    text_done = PdfReader(io.BytesIO(render_summary_pdf(done, build_tables(done)))).pages[0]
    assert "TẠM TÍNH" not in text_done.extract_text()


def test_the_workbook_prints_one_page_wide_with_its_header(demo: Demo) -> None:
    from openpyxl import load_workbook

    s = reports.period_summary(
        demo.ws.db, demo.ws.actor, reports.quarter(2026, 4), audience="donor", today=TODAY
    )
    wb = load_workbook(io.BytesIO(render_summary_xlsx(s, build_tables(s), app_version="t")))
    assert wb.worksheets[0]["A2"].value == "SỐ LIỆU TẠM TÍNH"
    orientations = set()
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert setup.fitToWidth == 1 and setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1", ws.title
        assert ws.freeze_panes == "B2"
        assert "BÁO CÁO TỔNG HỢP" in ws.oddHeader.left.text
        assert "Quý IV/2026" in ws.oddHeader.center.text
        assert ws.oddHeader.right.text == "SỐ LIỆU TẠM TÍNH"
        orientations.add(setup.orientation)
        # Every figure fits its column (no "####" on paper).
        for col in ws.iter_cols(min_row=2):
            for cell in col:
                if isinstance(cell.value, int):
                    width = ws.column_dimensions[cell.column_letter].width
                    assert width >= len(f"{cell.value:,}") + 1, (ws.title, cell.coordinate)
    assert orientations == {"portrait", "landscape"}


def test_csv_for_a_vietnamese_excel(demo: Demo) -> None:
    s = reports.period_summary(demo.ws.db, demo.ws.actor, reports.whole_year(2025), today=TODAY)
    tables = build_tables(s)
    files = render_summary_csv(s, tables, lang="vi")
    data = files["01_people_sex.csv"]
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Giới tính", "Mới trong kỳ"] and rows[1][0] == "Nữ"
    english = render_summary_csv(s, build_tables(s, "en"), lang="en")["01_people_sex.csv"]
    assert english.decode("utf-8-sig").splitlines()[0].startswith("Sex,New,")
    forced = render_summary_csv(s, tables, lang="vi", separator=",")["01_people_sex.csv"]
    assert forced.decode("utf-8-sig").splitlines()[0].startswith("Giới tính,")


def test_former_districts_only_before_the_reform(demo: Demo) -> None:
    db, actor = demo.ws.db, demo.ws.actor
    s = reports.period_summary(db, actor, reports.quarter(2025, 2), today=TODAY,
                               places="district")  # fmt: skip
    names = {r.name for r in s.people.by_commune}
    assert names and all(n.startswith("Huyện") for n in names if n), names
    assert {c.name for c in s.support_by_place} <= names
    keys = [t.key for t in build_tables(s)]
    assert "people_district" in keys and "people_commune" not in keys
    with pytest.raises(ValidationError) as info:
        reports.period_summary(db, actor, reports.quarter(2025, 3), places="district")
    assert info.value.key == "districts_after_reform"
    after = reports.period_summary(db, actor, reports.quarter(2026, 4), today=TODAY)
    assert all(n.startswith(("Xã", "Phường")) for n in (r.name for r in after.people.by_commune)
               if n)  # fmt: skip


def test_export_writes_csv_with_the_chosen_separator(demo: Demo, tmp_path: Path) -> None:
    from tracker.services import exports

    result = exports.export_summary(
        demo.ws.db, demo.ws.actor, reports.whole_year(2025), tmp_path, audience="donor",
        formats=("csv",), lang="vi", today=TODAY, csv_separator=",",
    )  # fmt: skip
    info = (result.folder / "csv" / "00_info.csv").read_bytes().decode("utf-8-sig")
    assert info.splitlines()[0] == "Mục,Nội dung"
    with pytest.raises(ValidationError):
        exports.export_summary(demo.ws.db, demo.ws.actor, reports.whole_year(2025), tmp_path,
                               formats=("csv",), csv_separator="\t")  # fmt: skip
    assert not zipfile.is_zipfile(result.folder / "csv" / "00_info.csv")
