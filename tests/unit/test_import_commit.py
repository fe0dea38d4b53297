"""Committing an import: all or nothing in one transaction, nothing added twice on a
second import, possible duplicates decided by the user, the callers' roles, a few hundred
rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import text

from tracker.db.engine import Database
from tracker.services import beneficiaries as ben
from tracker.services import imports, reports
from tracker.services.context import Actor
from tracker.services.imports import SHEETS

from .test_import_template import TODAY, count_rows, workbook
from .test_import_template import office as office


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    with db.engine.connect() as conn:
        for t in ("beneficiary", "consent", "grant_plan", "tranche", "disbursement", "receipt",
                  "receipt_counter", "asset", "asset_event", "visit", "audit_event"):  # fmt: skip
            out[t] = sorted(tuple(r) for r in conn.execute(text(f"SELECT * FROM {t}")))
    return out


def good_rows() -> dict[str, list[list[Any]]]:
    return {
        "beneficiaries": [
            ["HG-001", "Vàng Thị Mỷ", "Chị Mỷ", "Nữ", "12/04/1998", None, "H'Mông", "Nạn nhân",
             "001198012345", "0912345678", "08", "00769", "Pả Vi", "", "01/02/2025", "Có", "Có",
             "Không"],
            ["HG-002", "Giàng Thị Dế", "", "Nữ", None, 2009, "Mông", "Có nguy cơ cao", None, None,
             "08", "00787", "", "", "01/02/2025", "Có", "Không"],
            [None, "Lò Văn Tư", "", "Nam", None, 1990, "Dao", "Thành viên gia đình"],
        ],
        "grants": [
            ["HG-001", "SK-2428", "Bò giống sinh sản", "01/03/2025", "Bò cái", None, 1,
             "15.000.000"],
            ["HG-002", "SK-2428", "monthly_allowance", "01/03/2025", "Trợ cấp", "3.000.000"],
        ],
        "handovers": [
            ["HG-001", "SK-2428", "cattle", "10/03/2025", None, 1, 15_000_000],
            ["HG-002", None, "Trợ cấp sinh hoạt hằng tháng", "10/03/2025", "1,000,000"],
            ["HG-002", None, "monthly_allowance", "10/04/2025", 1_000_000],
            ["HG-002", None, "monthly_allowance", "10/04/2025", 1_000_000],  # twice, on purpose
        ],
        "visits": [
            ["HG-001", "cattle", "12/04/2025", "Có", "Thấp", "Không"],
            ["HG-002", None, "20/05/2025", "Không", "Chưa có thu nhập", "Có", "Có"],
        ],
    }  # fmt: skip


def test_commit_then_again_adds_nothing_twice(
    db: Database, office: dict[str, Actor], tmp_path: Path
) -> None:
    admin = office["admin"]
    path = workbook(tmp_path / "good.xlsx", good_rows())
    dry = imports.dry_run(db, admin, path, today=TODAY)
    assert dry.ok and not dry.committed
    assert [(c.sheet, c.rows, c.added) for c in dry.counts] == [
        ("projects", 0, 0), ("beneficiaries", 3, 3), ("grants", 2, 2), ("handovers", 4, 4),
        ("assets", 0, 0), ("visits", 2, 2)
    ]  # fmt: skip
    assert count_rows(db)["beneficiary"] == 0
    done = imports.commit(db, admin, path, today=TODAY)
    assert done.committed and [c.added for c in done.counts] == [0, 3, 2, 4, 0, 2]
    after = count_rows(db)
    assert after["beneficiary"] == 3 and after["disbursement"] == 4 and after["receipt"] == 4
    with db.engine.connect() as conn:
        consents = conn.execute(
            text(
                "SELECT b.code, c.kind, c.given FROM consent c JOIN beneficiary b"
                " ON b.id = c.beneficiary_id ORDER BY b.code, c.kind"
            )
        ).all()
        visits_done = conn.execute(
            text("SELECT COUNT(*) FROM visit WHERE status = 'done'")
        ).scalar_one()
        assets = conn.execute(text("SELECT kind, status FROM asset")).all()
        audit = conn.execute(
            text("SELECT COUNT(*) FROM audit_event WHERE action = 'import'")
        ).scalar_one()
    assert [(c, k, bool(g)) for c, k, g in consents] == [
        ("HG-001", "donor_reporting", True), ("HG-001", "province_sharing", False),
        ("HG-001", "services", True), ("HG-002", "donor_reporting", False),
        ("HG-002", "services", True),
    ]  # fmt: skip
    assert visits_done == 2 and assets == [("cow", "alive")] and audit == 1
    # The summary sees what was imported.
    s = reports.period_summary(db, admin, reports.quarter(2025, 1), today=TODAY)
    assert s.people.total.new == 2
    # Again: nothing added, everything recognised.
    before = dump(db)
    again = imports.commit(db, admin, path, today=TODAY)
    assert [c.added for c in again.counts] == [0, 0, 0, 0, 0, 0]
    assert [c.existing for c in again.counts] == [0, 3, 2, 4, 0, 2]
    (question,) = again.duplicates  # the row without a code: matched exactly, suggested
    assert question.suggested is not None and question.answer == question.suggested
    after_again = dump(db)
    added_audit = len(after_again.pop("audit_event")) - len(before.pop("audit_event"))
    assert after_again == before and added_audit == 1


def test_one_bad_row_imports_nothing(
    db: Database, office: dict[str, Actor], tmp_path: Path
) -> None:
    rows = good_rows()
    rows["visits"].append(["HG-001", "cattle", "12/04/2030", "Có"])  # a visit in the future
    path = workbook(tmp_path / "bad.xlsx", rows)
    before = dump(db)
    with pytest.raises(imports.ImportRejected) as info:
        imports.commit(db, office["admin"], path, today=TODAY)
    (problem,) = info.value.report.problems
    assert (problem.sheet, problem.row, problem.column, problem.key) == (
        "Chuyến thăm", 5, "C", "date_future"
    )  # fmt: skip
    assert "Nothing was imported" in info.value.message("en")
    assert dump(db) == before, "all or nothing"


def test_a_failure_half_way_rolls_back(
    db: Database, office: dict[str, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Something breaks after rows were written (the disk, the server): nothing stays."""
    path = workbook(tmp_path / "good.xlsx", good_rows())
    before = dump(db)
    calls = {"n": 0}

    def progress(done: int, total: int) -> None:
        calls["n"] += 1

    real = imports._Plan.write

    def broken(self: Any) -> None:
        real(self)
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(imports._Plan, "write", broken)
    with pytest.raises(RuntimeError):
        imports.commit(db, office["admin"], path, today=TODAY, progress=progress)
    assert dump(db) == before


def test_possible_duplicates_need_a_decision(
    db: Database, office: dict[str, Actor], tmp_path: Path
) -> None:
    admin = office["admin"]
    existing = ben.register(
        db,
        office["officer"],
        ben.BeneficiaryInput(full_name="Vàng Thị Mỷ", sex="F", category="victim",
                             ethnicity_code="08", birth_year=1998, commune_code="00769",
                             code="MV-00001"),
        today=TODAY,
    )  # fmt: skip
    path = workbook(tmp_path / "dups.xlsx", good_rows())
    report = imports.dry_run(db, admin, path, today=TODAY)
    (q,) = report.duplicates
    assert q.row == 3 and q.code == "HG-001" and q.suggested is None
    assert [c.code for c in q.candidates] == ["MV-00001"]
    assert not report.ok and report.problems == ()
    with pytest.raises(imports.ImportRejected) as info:
        imports.commit(db, admin, path, today=TODAY)
    assert info.value.key == "import_undecided"
    assert count_rows(db)["beneficiary"] == 1
    # "The same person": the grants, hand-overs and visits of HG-001 go to MV-00001.
    done = imports.commit(db, admin, path, {3: "MV-00001"}, today=TODAY)
    assert done.count("beneficiaries").existing == 1 and done.count("beneficiaries").added == 2
    with db.engine.connect() as conn:
        owner = conn.execute(
            text(
                "SELECT b.code FROM grant_plan g JOIN grant_type t ON t.id = g.grant_type_id"
                " JOIN beneficiary b ON b.id = g.beneficiary_id WHERE t.code = 'cattle'"
            )
        ).scalar_one()
    assert owner == existing.code


def test_duplicate_answers_new_and_skip(
    db: Database, office: dict[str, Actor], tmp_path: Path
) -> None:
    admin = office["admin"]
    ben.register(
        db,
        office["officer"],
        ben.BeneficiaryInput(full_name="Vàng Thị Mỷ", sex="F", category="victim",
                             ethnicity_code="08", birth_year=1998, commune_code="00769"),
        today=TODAY,
    )  # fmt: skip
    path = workbook(tmp_path / "dups.xlsx", good_rows())
    skipped = imports.dry_run(db, admin, path, {3: imports.SKIP}, today=TODAY)
    assert skipped.ok
    assert skipped.count("beneficiaries").skipped == 1
    assert skipped.count("grants").skipped == 1 and skipped.count("handovers").skipped == 1
    assert skipped.count("visits").skipped == 1
    done = imports.commit(db, admin, path, {3: imports.NEW}, today=TODAY)
    assert done.count("beneficiaries").added == 3
    assert count_rows(db)["beneficiary"] == 4


def test_code_of_another_person_is_refused(
    db: Database, office: dict[str, Actor], tmp_path: Path
) -> None:
    ben.register(
        db,
        office["officer"],
        ben.BeneficiaryInput(full_name="Người Khác", sex="M", category="at_risk",
                             ethnicity_code="01", birth_year=1980, code="HG-001"),
        today=TODAY,
    )  # fmt: skip
    report = imports.dry_run(db, office["admin"], workbook(tmp_path / "x.xlsx", good_rows()),
                             today=TODAY)  # fmt: skip
    assert [(p.row, p.column, p.key) for p in report.problems] == [(3, "A", "import_code_clash")]


def test_roles(db: Database, office: dict[str, Actor], tmp_path: Path) -> None:
    path = workbook(tmp_path / "good.xlsx", good_rows())
    report = imports.dry_run(db, office["officer"], path, today=TODAY)
    # An officer registers people, plans grants and records visits, but hands nothing over.
    assert [(p.sheet, p.row, p.key) for p in report.problems] == [("Lần trao", 0, "permission")]
    viewer = imports.dry_run(db, office["viewer"], path, today=TODAY)
    # Every sheet with rows is refused (the empty Projects and Assets sheets ask nothing).
    assert {p.sheet for p in viewer.problems} == {
        s.title_vi for s in SHEETS if s.key not in ("projects", "assets")
    }


def _big_workbook(path: Path, n: int) -> Path:
    wb = Workbook(write_only=True)
    people = imports.SHEET_BY_KEY["beneficiaries"]
    ws = wb.create_sheet(people.title_vi)
    ws.append([c.header_vi for c in people.columns])
    ws.append([c.header_en for c in people.columns])
    sexes, groups = ("Nữ", "Nam"), ("H'Mông", "Dao", "Tày", "Kinh")
    for i in range(n):
        ws.append(
            [f"BIG-{i:05d}", f"Người Thử {i:05d}", "", sexes[i % 2],
             f"{1 + i % 28:02d}/0{1 + i % 9}/19{60 + i % 40}", None, groups[i % 4], "Nạn nhân",
             None, None, "08", "00769", "", "", "01/02/2025"]
        )  # fmt: skip
        if i % 100 == 50:
            ws.append([])  # empty rows are skipped
    for spec in SHEETS:
        if spec is people:
            continue
        other = wb.create_sheet(spec.title_vi)
        other.append([c.header_vi for c in spec.columns])
    wb.save(path)
    return path


def test_a_few_hundred_rows(sqlite_db: Database, tmp_path: Path) -> None:
    """Many rows, with empty ones among them (the big counts are for
    benchmarks/bench_import.py)."""
    from .test_import_template import setup_office

    actors = setup_office(sqlite_db)
    path = _big_workbook(tmp_path / "big.xlsx", 300)
    seen: list[tuple[int, int]] = []
    report = imports.dry_run(
        sqlite_db, actors["admin"], path, today=TODAY, progress=lambda d, t: seen.append((d, t))
    )
    assert report.ok, report.problems[:3]
    assert report.count("beneficiaries").rows == 300
    assert seen and seen[-1] == (300, 300)
    done = imports.commit(sqlite_db, actors["admin"], path, today=TODAY)
    assert done.count("beneficiaries").added == 300
    assert count_rows(sqlite_db)["beneficiary"] == 300


def test_the_same_person_twice_in_the_file(
    db: Database, office: dict[str, Actor], tmp_path: Path
) -> None:
    """Two rows that may be one person are asked about, as a person already registered is."""
    row = [None, "Thào Thị Chi", "", "Nữ", None, 1994, "H'Mông", "Nạn nhân", None, None, "08",
           "00769"]  # fmt: skip
    path = workbook(tmp_path / "twice.xlsx", {"beneficiaries": [row, list(row)]})
    report = imports.dry_run(db, office["admin"], path, today=TODAY)
    (q,) = report.duplicates
    assert q.row == 4 and [c.full_name for c in q.candidates] == ["Thào Thị Chi"]
    assert q.suggested == q.candidates[0].code  # the same in every field
    done = imports.commit(db, office["admin"], path, today=TODAY)
    assert done.count("beneficiaries").added == 1 and done.count("beneficiaries").existing == 1
    assert count_rows(db)["beneficiary"] == 1
