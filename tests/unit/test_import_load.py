"""A large import locks nobody out: the workbook is read and checked outside any
transaction, streamed, and reading stops at the row cap."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from tests.conftest import make_db, setup_office
from tracker.config import DatabaseLocation
from tracker.db.engine import Database
from tracker.services import beneficiaries as ben
from tracker.services import imports
from tracker.services.errors import DatabaseBusy
from tracker.services.imports import SHEETS

from .test_import_template import TODAY


def _people_workbook(path: Path, rows: int) -> Path:
    """A beneficiaries sheet of ``rows`` people, written as a stream (as a big file from
    another program would be)."""
    wb = Workbook(write_only=True)
    spec = next(s for s in SHEETS if s.key == "beneficiaries")
    ws = wb.create_sheet(spec.title_vi)
    ws.append([c.header_vi for c in spec.columns])
    for i in range(rows):
        ws.append([f"BIG-{i:07d}", f"Người Thử {i}", "", "Nữ", None, 1990, "Kinh", "Nạn nhân"])
    for other in (s for s in SHEETS if s is not spec):
        wb.create_sheet(other.title_vi).append([c.header_vi for c in other.columns])
    wb.save(path)
    return path


def test_reading_the_workbook_holds_no_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the file is read and checked, another user saves (here: at the first cell
    read) and is not kept waiting."""
    monkeypatch.setenv("TRACKER_BUSY_TIMEOUT_MS", "300")
    db = make_db("sqlite", tmp_path)
    actors = setup_office(db)
    other = Database(DatabaseLocation(path=tmp_path / "tracker.db"))
    saved: list[object] = []
    real = imports.read_cell

    def read_cell(kind: str, value: object, grant_types: Any) -> Any:
        if not saved:
            try:
                ben.record_view(other, actors["officer"], None, "names")
                saved.append("ok")
            except Exception as exc:  # what the other user would have seen
                saved.append(exc)
        return real(kind, value, grant_types)

    monkeypatch.setattr(imports, "read_cell", read_cell)
    path = _people_workbook(tmp_path / "people.xlsx", 20)
    report = imports.commit(db, actors["admin"], path, today=TODAY)
    assert report.committed and report.count("beneficiaries").added == 20
    assert saved == ["ok"]
    other.dispose()
    db.dispose()


def test_a_sheet_beyond_the_cap_is_refused_without_reading_it_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl.worksheet import _reader

    monkeypatch.setattr(imports, "MAX_ROWS", 50)
    parsed = [0]
    real = _reader.WorkSheetParser.parse_row

    def parse_row(self: Any, row: Any) -> Any:
        parsed[0] += 1
        return real(self, row)

    monkeypatch.setattr(_reader.WorkSheetParser, "parse_row", parse_row)
    db = make_db("sqlite", tmp_path)
    actors = setup_office(db)
    path = _people_workbook(tmp_path / "big.xlsx", 5_000)
    with pytest.raises(imports.ImportRejected) as err:
        imports.commit(db, actors["admin"], path, today=TODAY)
    problems = err.value.report.problems
    assert [p.key for p in problems] == ["import_too_many_rows"]
    assert "hơn 50 dòng" in problems[0].message("vi")
    assert parsed[0] < 200  # stopped at the cap, not after 5,000 rows
    assert ben.count(db, actors["admin"]) == 0
    db.dispose()


def test_an_import_waiting_for_a_held_database_says_it_is_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_BUSY_TIMEOUT_MS", "200")
    db = make_db("sqlite", tmp_path)
    actors = setup_office(db)
    path = _people_workbook(tmp_path / "people.xlsx", 3)
    holder = Database(DatabaseLocation(path=tmp_path / "tracker.db"))
    with holder.write() as s:
        s.info["held"] = True
        from sqlalchemy import text

        s.execute(text("SELECT 1"))
        with pytest.raises(DatabaseBusy) as err:
            imports.commit(db, actors["admin"], path, today=TODAY)
    assert "đang bận" in err.value.message("vi")
    assert "busy" in err.value.message("en")
    assert ben.count(db, actors["admin"]) == 0
    report = imports.commit(db, actors["admin"], path, today=TODAY)
    assert report.count("beneficiaries").added == 3
    holder.dispose()
    db.dispose()


def test_a_file_whose_strings_would_fill_the_memory_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel keeps a workbook's texts in one shared table, read whole: a small file can
    unpack to gigabytes there."""
    import zipfile

    monkeypatch.setattr(imports, "MAX_SHARED_BYTES", 2_000)
    path = _people_workbook(tmp_path / "strings.xlsx", 3)
    table = "".join(f"<si><t>Người Thử Số {i}</t></si>" for i in range(200))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/sharedStrings.xml", f"<sst>{table}</sst>")
    db = make_db("sqlite", tmp_path)
    actors = setup_office(db)
    with pytest.raises(imports.ServiceError) as err:
        imports.dry_run(db, actors["admin"], path, today=TODAY)
    assert err.value.key == "import_too_large"
    assert "strings.xlsx" in err.value.message("vi")
    assert "Không có gì được lưu" in err.value.message("vi")
    db.dispose()
