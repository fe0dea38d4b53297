"""The import template, and a copy of it filled with deliberate mistakes: the dry run
names every one with its sheet, row and column, and saves nothing."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import unicodedata
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from tracker.db.engine import Database
from tracker.db.reference import DEMO_UNITS
from tracker.services import imports, places, projects
from tracker.services.context import Actor
from tracker.services.imports import SHEETS

from ..conftest import setup_office

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "resources" / "templates" / "import_template.xlsx"
TODAY = date(2025, 6, 15)
TITLES = {s.key: s.title_vi for s in SHEETS}


def workbook(
    path: Path,
    rows: dict[str, list[list[Any]]],
    *,
    drop: tuple[str, ...] = (),
    edit: Any = None,
    cached: dict[tuple[str, str], str] | None = None,
) -> Path:
    """A copy of the template with data rows from row 3; ``cached`` puts a saved result
    into formula cells, as Excel does when it saves ((sheet, cell) -> value)."""
    wb = load_workbook(TEMPLATE)
    for key, data in rows.items():
        ws = wb[TITLES[key]]
        for r, values in enumerate(data, start=3):
            for c, value in enumerate(values, start=1):
                if value is not None:
                    ws.cell(row=r, column=c, value=value)
    for key in drop:
        del wb[TITLES[key]]
    if edit is not None:
        edit(wb)
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    if cached:
        src = zipfile.ZipFile(io.BytesIO(data))
        sheet_files = {
            name: f"xl/worksheets/sheet{i}.xml" for i, name in enumerate(wb.sheetnames, start=1)
        }
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                body = src.read(info.filename)
                for (sheet, ref), value in cached.items():
                    if info.filename == sheet_files[TITLES[sheet]]:
                        body = re.sub(
                            rf'(<c r="{ref}"[^>]*>)<f>([^<]*)</f><v\s*/>'.encode(),
                            rb"\1<f>\2</f><v>" + value.encode() + rb"</v>",
                            body,
                        )
                dst.writestr(info, body)
        data = out.getvalue()
    path.write_bytes(data)
    return path


@pytest.fixture
def office(db: Database) -> dict[str, Actor]:
    actors = setup_office(db)
    with db.write() as s:
        places.seed_units(s, DEMO_UNITS)
    projects.create_project(
        db,
        actors["admin"],
        projects.ProjectInput("SK-2428", "Sinh kế an toàn", "Rồng Xanh", date(2024, 1, 1),
                              date(2027, 12, 31), 4_000_000_000),
    )  # fmt: skip
    return actors


def test_the_committed_template_is_what_the_script_makes(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_import_template.py"), str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == TEMPLATE.read_bytes(), "run scripts/make_import_template.py"


def test_template_sheets_headers_and_hints() -> None:
    wb = load_workbook(TEMPLATE)
    assert wb.sheetnames == ["Hướng dẫn", *[s.title_vi for s in SHEETS]]
    for spec in SHEETS:
        ws = wb[spec.title_vi]
        heads = [ws.cell(row=1, column=c).value for c in range(1, len(spec.columns) + 1)]
        hints = [ws.cell(row=2, column=c).value for c in range(1, len(spec.columns) + 1)]
        assert heads == [c.header_vi for c in spec.columns]
        assert hints == [c.header_en for c in spec.columns]
        assert ws.freeze_panes == "A3"
        assert all(ws.cell(row=1, column=c).comment for c in range(1, len(spec.columns) + 1))
        assert ws.max_row == 2, "no example rows in the data sheets"
        for h in heads:
            assert unicodedata.is_normalized("NFC", h)


def test_the_empty_template_imports_nothing(db: Database, office: dict[str, Actor]) -> None:
    report = imports.dry_run(db, office["admin"], TEMPLATE, today=TODAY)
    assert report.ok and report.problems == ()
    assert all(c.rows == 0 for c in report.counts)


def codes(report: imports.ImportReport) -> list[tuple[str, int, str, str]]:
    return [(p.sheet, p.row, p.column, p.key) for p in report.problems]


def count_rows(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {
            t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()
            for t in ("beneficiary", "consent", "grant_plan", "disbursement", "visit", "receipt")
        }


NFD_NAME = unicodedata.normalize("NFD", "Vàng Thị Mỷ")


def error_rows() -> dict[str, list[list[Any]]]:
    return {
        "beneficiaries": [
            # row 3: fine (a text date, a phone typed as a number, an NFD name)
            ["HG-001", NFD_NAME, "", "Nữ", "12/04/1998", None, "H'Mông", "Nạn nhân", None,
             912345678, "08", "00769", "Pả Vi", "", "01/02/2025", "Có", "Có", "", ""],
            # row 4: no name, a sex that is not one, a date that does not exist
            ["HG-002", None, "", "Nu?", "31/02/2001", None, "Dao", "Nạn nhân"],
            # row 5: an unknown ethnic group and a bad yes/no
            ["HG-003", "Lý Thị Ba", "", "Nữ", None, 1990, "Klingon", "Có nguy cơ cao",
             None, None, None, None, None, None, None, "Có lẽ"],
            # row 6: empty, skipped
            [],
            # row 7: the same code as row 3
            ["HG-001", "Giàng Thị Sinh", "", "Nữ", None, 2001, "08", "Nạn nhân"],
            # row 8: a birth date in the future and a bad ID number (the service's rules)
            ["HG-005", "Sùng Thị Pà", "", "Nữ", "01/01/2030", None, "08", "Nạn nhân", "12345"],
            # row 9: a category written in English, a year typed as text: fine
            ["HG-006", "Lò Thị Chở", "", "female", None, "1995", "Mông", "At high risk"],
        ],
        "grants": [
            # row 3: fine, amount with dots
            ["HG-001", "SK-2428", "Trợ cấp sinh hoạt hằng tháng", "01/03/2025", "Tháng 3",
             "5.000.000"],
            # row 4: unknown person, unknown project, bad amount
            ["XX-999", "NOPE", "cattle", "01/03/2025", "", "5,5"],
            # row 5: refers to the person whose own row failed: no second message
            ["HG-002", "SK-2428", "cattle", "01/03/2025", "Bò", None, 1, 15_000_000],
            # row 6: an unknown support type
            ["HG-006", "SK-2428", "Vịt trời", "01/01/2020", "", 1_000_000],
            # row 7: a formula whose result Excel saved: taken
            ["HG-006", "SK-2428", "initial_hardship", "02/03/2025", "", "=1000*2000"],
            # row 8: a formula with no saved result: refused
            ["HG-006", "SK-2428", "initial_hardship", "03/03/2025", "", "=1000*3000"],
        ],
        "handovers": [
            # row 3: fine (amount with commas, date as a real date)
            ["HG-001", "SK-2428", "monthly_allowance", date(2025, 3, 10), "1,000,000"],
            # row 4: before the grant started: no grant of that type by then
            ["HG-001", None, "monthly_allowance", "15/02/2025", 1_000_000],
            # row 5: no grant of that type for this person; no date
            ["HG-006", None, "cattle", None, 1_000_000],
            # row 6: more than the plan, without a reason
            ["HG-001", None, "monthly_allowance", "20/03/2025", 9_000_000],
        ],
    }  # fmt: skip


def merge_and_rename(wb: Any) -> None:
    wb[TITLES["beneficiaries"]].merge_cells("M9:N9")
    ws = wb[TITLES["handovers"]]
    ws.cell(row=1, column=10, value="Ghi chú khác")  # "Notes" renamed: unknown + missing


def test_every_deliberate_error_with_its_row(
    db: Database, office: dict[str, Actor], tmp_path: Path
) -> None:
    path = workbook(
        tmp_path / "errors.xlsx",
        error_rows(),
        drop=("visits",),
        edit=merge_and_rename,
        cached={("grants", "F7"): "2000000"},
    )
    before = count_rows(db)
    report = imports.dry_run(db, office["admin"], path, today=TODAY)
    b, g, h, v = (TITLES[k] for k in ("beneficiaries", "grants", "handovers", "visits"))
    assert codes(report) == [
        (b, 4, "B", "import_required"),
        (b, 4, "D", "import_bad_choice"),
        (b, 4, "E", "import_bad_date"),
        (b, 5, "G", "import_bad_choice"),
        (b, 5, "P", "import_bad_choice"),
        (b, 7, "A", "import_duplicate_row"),
        (b, 8, "E", "date_future"),
        (b, 8, "I", "bad_id_number"),  # every bad field of a row, not only the first
        (b, 9, "M", "import_merged"),
        (g, 4, "A", "import_unknown_person"),
        (g, 4, "B", "import_unknown_project"),
        (g, 4, "F", "import_bad_amount"),
        (g, 6, "C", "import_bad_choice"),
        (g, 8, "F", "import_formula_no_value"),
        (h, 1, "", "import_missing_column"),
        (h, 1, "J", "import_unknown_header"),
        (h, 4, "C", "import_no_grant"),
        (h, 5, "D", "import_required"),
        (h, 6, "E", "exceeds_plan"),
        (v, 0, "", "import_missing_sheet"),
    ]
    # The row of a person whose own row failed adds no second message; the formula's
    # saved result was used.
    assert report.formulas == 1
    assert not report.ok
    assert count_rows(db) == before, "a dry run saves nothing"
    messages = {(p.row, p.column): p.message("vi") for p in report.problems if p.sheet == b}
    assert messages[(4, "E")] == "«31/02/2001» không phải là ngày (dùng dd/mm/yyyy)."
    assert messages[(8, "E")] == "Ngày sinh: không được là ngày trong tương lai."
    assert messages[(7, "A")] == "Mã «HG-001» đã có ở dòng 3 của trang này."
    assert "Nữ, Nam, Khác" in messages[(4, "D")]
    english = {(p.sheet, p.row, p.column): p.message("en") for p in report.problems}
    assert english[(v, 0, "")] == "The sheet «Chuyến thăm» is missing."
    assert english[(h, 6, "E")].startswith("Amount: exceeds the grant plan")
    assert report.problems[0].where == f"{b}!B4"
    # The commit refuses the same file, whole.
    with pytest.raises(imports.ImportRejected) as info:
        imports.commit(db, office["admin"], path, today=TODAY)
    assert info.value.key == "import_rejected"
    assert len(info.value.report.problems) == len(report.problems)
    assert count_rows(db) == before


def test_the_fixed_file_imports(db: Database, office: dict[str, Actor], tmp_path: Path) -> None:
    rows = error_rows()
    rows["beneficiaries"] = [rows["beneficiaries"][0], rows["beneficiaries"][6]]
    rows["grants"] = [rows["grants"][0], rows["grants"][4]]
    rows["handovers"] = [rows["handovers"][0]]
    path = workbook(tmp_path / "ok.xlsx", rows, cached={("grants", "F4"): "2000000"})
    report = imports.commit(db, office["admin"], path, today=TODAY)
    assert report.committed and report.formulas == 1
    with db.engine.connect() as conn:
        people = dict(conn.execute(text("SELECT code, full_name FROM beneficiary")).all())
        phone = conn.execute(text("SELECT phone FROM beneficiary WHERE code = 'HG-001'")).scalar()
        amounts = sorted(r[0] for r in conn.execute(text("SELECT planned_total FROM grant_plan")))
        handed = conn.execute(text("SELECT amount FROM disbursement")).scalar()
    assert people["HG-001"] == "Vàng Thị Mỷ"  # stored NFC
    assert unicodedata.is_normalized("NFC", people["HG-001"])
    assert phone == "0912345678"
    assert amounts == [2_000_000, 5_000_000]
    assert handed == 1_000_000


def test_unreadable_files(db: Database, office: dict[str, Actor], tmp_path: Path) -> None:
    bad = tmp_path / "not.xlsx"
    bad.write_bytes(b"this is not a workbook")
    with pytest.raises(imports.ServiceError) as info:
        imports.dry_run(db, office["admin"], bad, today=TODAY)
    assert info.value.key == "import_unreadable"
    assert "not.xlsx" in info.value.message("vi")
    with pytest.raises(imports.ServiceError):
        imports.dry_run(db, office["admin"], tmp_path / "missing.xlsx", today=TODAY)
