"""A year of past records brought in from Excel: the hand-overs with their real dates, goods
known only by their value, a cow and a loom with what became of them, the visits already
made, the addresses as they were before July 2025. No visit is booked in the past, the
profiles list the animals and looms, and the summary of that year gives the workbook's
own figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

from tracker.db.engine import Database
from tracker.services import imports, reports, visits
from tracker.services.context import Actor

from .test_import_template import TITLES, workbook
from .test_import_template import office as office

TODAY = date(2025, 3, 1)


def past_year() -> dict[str, list[list[Any]]]:
    rows: dict[str, list[list[Any]]] = {
        "projects": [["HG-2024", "Sinh kế an toàn 2024", "Rồng Xanh", "01/01/2024",
                      "31/12/2026", "2.000.000.000"]],
        "beneficiaries": [
            # code, name, alias, sex, birth date, birth year, ethnic group, category, ID,
            # phone, province, commune, village, address, registered, consents x3, notes,
            # ethnic code, former district code and name, commune name, address recorded on
            ["HG-101", "Vàng Thị Dua", "", "Nữ", None, 1996, "H'Mông", "Nạn nhân", None, None,
             "02", "00778", "Lũng Phìn", "", "05/01/2024", "Có", "Có", "", "", "08", "027",
             "Mèo Vạc", "Xín Cái"],
            ["HG-102", "Giàng Thị Mai", "", "Nữ", None, 2000, None, "Nghi là nạn nhân", None,
             None, "02", "00787", "", "", "05/01/2024", "Có", "Có", "", "", "08", "027", "",
             "Sủng Trà"],
            ["HG-103", "Lý Thị Hoa", "", "Nữ", None, 2007, "Dao", "Có nguy cơ cao", None, None,
             "02", "00769", "", "", "05/01/2024", "Có", "Có"],
            ["HG-104", "Sùng Văn Chớ", "", "Nam", None, 1990, "Mông", "Thành viên gia đình",
             None, None, "02", "00781", "", "", "05/01/2024", "Có", "Có"],
        ],
        "grants": [
            ["HG-101", "HG-2024", "cattle", "05/01/2024", "Bò cái giống", None, 1, 15_000_000],
            # a loom given as its value only: goods, not cash
            ["HG-102", "HG-2024", "linen_weaving", "05/01/2024", "Khung dệt", 8_000_000,
             None, None, "", "Có"],
            ["HG-103", "HG-2024", "monthly_allowance", "05/01/2024", "Trợ cấp", 6_000_000],
            ["HG-104", "HG-2024", "initial_hardship", "05/01/2024", "Khó khăn", 2_000_000],
        ],
        "handovers": [
            ["HG-101", "HG-2024", "cattle", "10/03/2024", None, 1, 15_000_000],
            ["HG-102", "HG-2024", "linen_weaving", "15/04/2024", 8_000_000, None, None, "", "",
             "", "Có"],
            *[["HG-103", "HG-2024", "monthly_allowance", f"10/{m:02d}/2024", "500.000"]
              for m in range(1, 13)],
            ["HG-104", "HG-2024", "initial_hardship", "20/02/2024", 2_000_000],
        ],
        "assets": [
            # the cow, with the calf she had in December; the loom
            ["HG-101", "cattle", "10/03/2024", "Bò", "TQ-0815", "Bò cái vàng", None, "Đã đẻ",
             "20/12/2024"],
            ["HG-102", "linen_weaving", "15/04/2024", "Khung dệt", "KD-01", "Khung dệt lanh",
             8_000_000],
            # a further row of the same cow (same tag): sold in February
            ["HG-101", "cattle", "10/03/2024", None, "TQ-0815", None, None, "Đã bán",
             "15/02/2025", "Bán để chữa bệnh"],
        ],
        "visits": [
            ["HG-101", "cattle", "15/06/2024", "Có", "Thấp", "Không"],
            ["HG-102", "linen_weaving", "20/07/2024", "Có", "Trung bình", "Không"],
            ["HG-103", "monthly_allowance", "15/10/2024", "Có", "Chưa có thu nhập", "Không",
             "Có"],
        ],
    }  # fmt: skip
    return rows


def _from_workbook(rows: dict[str, list[list[Any]]]) -> dict[str, int]:
    """The year's figures as the workbook gives them (independently of the app)."""

    def money(v: Any) -> int:
        return int(str(v).replace(".", ""))

    cash = goods = 0
    for row in rows["handovers"]:
        r = [*row, *[None] * 11]
        amount = money(r[4]) if r[4] is not None else r[5] * r[6]
        in_kind = r[5] is not None or r[10] == "Có"
        goods += amount if in_kind else 0
        cash += 0 if in_kind else amount
    return {
        "people": len({r[0] for r in rows["handovers"]}),
        "handovers": len(rows["handovers"]),
        "cash": cash,
        "in_kind": goods,
        "visits_done": len(rows["visits"]),
        "assets": len({(r[0], r[4]) for r in rows["assets"]}),
    }


def test_a_year_of_past_records(db: Database, office: dict[str, Actor], tmp_path: Path) -> None:
    admin = office["admin"]
    rows = past_year()
    path = workbook(tmp_path / "2024.xlsx", rows)
    dry = imports.dry_run(db, admin, path, today=TODAY)
    assert dry.ok, [g.message("en") for g in dry.groups]
    assert dry.visits_past_skipped > 0
    done = imports.commit(db, admin, path, today=TODAY)
    assert done.committed
    # The dry run said how many visits would be booked: exactly those, none in the past.
    with db.engine.connect() as conn:
        booked = conn.execute(
            text("SELECT scheduled_on FROM visit WHERE status = 'scheduled'")
        ).scalars()
        booked_days = [date.fromisoformat(str(d)) for d in booked]
        ids = dict(conn.execute(text("SELECT code, id FROM beneficiary")).all())
        commune = conn.execute(
            text("SELECT commune_code, address_recorded_on FROM beneficiary WHERE code='HG-101'")
        ).one()
    assert len(booked_days) == dry.visits_scheduled == done.visits_scheduled > 0
    assert min(booked_days) >= TODAY, "no visit booked in the past"
    # The old address as recorded: the commune's code of that day.
    assert commune[0] == "00778" and str(commune[1]) == "2024-01-05"
    # The profiles list the cow (with her calving) and the loom.
    cow = visits.list_assets(db, admin, ids["HG-101"])
    loom = visits.list_assets(db, admin, ids["HG-102"])
    assert [(a.kind, a.tag, a.status, a.closed_on) for a in cow] == [
        ("cow", "TQ-0815", "sold", date(2025, 2, 15))
    ]
    assert [(e.happened_on, e.status) for e in cow[0].events] == [
        (date(2024, 3, 10), "alive"),
        (date(2024, 12, 20), "calved"),
        (date(2025, 2, 15), "sold"),
    ]
    assert [(a.kind, a.tag, a.status, a.value) for a in loom] == [
        ("loom", "KD-01", "in_use", 8_000_000)
    ]
    # The summary of 2024 gives the workbook's figures.
    want = _from_workbook(rows)
    s = reports.period_summary(db, admin, reports.whole_year(2024), today=TODAY)
    assert s.people.total.in_period == want["people"]
    assert sum(r.handovers for r in s.support) == want["handovers"]
    assert sum(r.cash for r in s.support) == want["cash"]
    assert sum(r.in_kind for r in s.support) == want["in_kind"]
    loom_row = next(r for r in s.support if r.grant_type == "linen_weaving")
    assert (loom_row.cash, loom_row.in_kind) == (0, 8_000_000), "goods, not cash"
    assert s.visits_total.done_in_period == want["visits_done"]
    assert sum(a.total for a in s.assets) == want["assets"]
    assert s.receipts.issued == want["handovers"]
    # Asked for, the past visits of the plans are booked too (and the import adds nothing
    # twice when run again).
    again = imports.dry_run(
        db, admin, path, today=TODAY, options=imports.ImportOptions(past_visits=True)
    )
    assert again.ok and all(c.added == 0 for c in again.counts)


def test_past_visits_when_asked(db: Database, office: dict[str, Actor], tmp_path: Path) -> None:
    path = workbook(tmp_path / "2024.xlsx", past_year())
    asked = imports.ImportOptions(past_visits=True)
    plain = imports.dry_run(db, office["admin"], path, today=TODAY)
    done = imports.commit(db, office["admin"], path, today=TODAY, options=asked)
    assert done.visits_past_skipped == 0
    assert done.visits_scheduled == plain.visits_scheduled + plain.visits_past_skipped - 2
    # (two of the plan's visits were the ones made: recorded done, not booked again)
    with db.engine.connect() as conn:
        by_status = dict(
            conn.execute(text("SELECT status, COUNT(*) FROM visit GROUP BY status")).all()
        )
    assert by_status["done"] == 3


def test_codes_that_disagree_with_their_names(
    db: Database, office: dict[str, Actor], tmp_path: Path
) -> None:
    rows = past_year()
    people = rows["beneficiaries"]
    people[0][22] = "Sơn Vĩ"  # 00778 was Xín Cái in 2024 (Sơn Vĩ is its name since July 2025)
    people[1][6] = "Hoa"  # the name says Hoa (06), the code 08 is H'Mông
    people[2] += [None, None, None, "999"]  # no such former district
    people[3][6] = "04 Hoa"  # 04 is Mường: one cell, a code and another group's name
    rows["handovers"].append(["HG-104", "HG-2025", "initial_hardship", "20/02/2024", 1])
    rows["handovers"].append(["HG-104", "HG-2025", "initial_hardship", "21/02/2024", 1])
    path = workbook(tmp_path / "bad.xlsx", rows)
    report = imports.dry_run(db, office["admin"], path, today=TODAY)
    b, h = TITLES["beneficiaries"], TITLES["handovers"]
    found = {(p.sheet, p.row, p.header, p.key) for p in report.problems}
    assert (b, 3, "Tên xã", "import_name_mismatch") in found
    assert (b, 4, "Mã dân tộc", "import_name_mismatch") in found
    assert (b, 5, "Mã huyện (cũ)", "import_unknown_district") in found
    assert (b, 6, "Dân tộc", "import_name_mismatch") in found
    messages = [g.message("en") for g in report.groups]
    assert any("The code «00778» is Xã Xín Cái, not «Sơn Vĩ»" in m for m in messages)
    assert any("The code «08» is H'Mông, not «Hoa»" in m for m in messages)
    assert any("The code «04» is Mường, not «Hoa»" in m for m in messages)
    # One line for the unknown project, however many rows name it, with its fix.
    (unknown,) = [g for g in report.groups if g.key == "import_unknown_project"]
    assert unknown.count == 2 and unknown.sheet == h
    assert unknown.message("en") == (
        "Lần trao, column B «Mã dự án»: There is no project with the code «HG-2025»:"
        " 2 rows (18, 19). Fix: create the project «HG-2025» in Settings > Projects, or add"
        " it to the Projects sheet."
    )
    assert "Cách sửa: tạo dự án «HG-2025» trong Cài đặt > Dự án" in unknown.message("vi")


def test_the_audit_trail_after_an_import(
    db: Database, office: dict[str, Actor], tmp_path: Path
) -> None:
    """One event sums up the import; a grant already in the database that the imported
    hand-overs complete gets its own event; no record differs from its newest event."""
    from tracker.services import audit, projects
    from tracker.services import beneficiaries as ben
    from tracker.services import grants as grant_svc

    admin = office["admin"]
    person = ben.register(
        db, admin,
        ben.BeneficiaryInput(full_name="Hờ Thị Say", sex="F", category="victim",
                             ethnicity_code="08", birth_year=1999, code="HG-900"),
        today=TODAY,
    )  # fmt: skip
    (project,) = [p for p in projects.list_projects(db, admin) if p.code == "SK-2428"]
    grant_svc.plan_grant(
        db, admin,
        grant_svc.GrantInput(person.id, project.id, "initial_hardship", date(2024, 2, 1),
                             (grant_svc.TrancheInput("Khó khăn", 2_000_000),)),
        today=TODAY,
    )  # fmt: skip
    rows = past_year()
    rows["handovers"].append(["HG-900", "SK-2428", "initial_hardship", "01/03/2024", 2_000_000])
    imports.commit(db, admin, workbook(tmp_path / "2024.xlsx", rows), today=TODAY)
    with db.read() as s:
        assert audit.verify_chain(s).ok
        checks = audit.check_rows(s)
    events = audit.list_events(db, admin, limit=5)
    assert all(not c.changed for c in checks), [(c.entity, c.changed) for c in checks]
    grant_check = next(c for c in checks if c.entity == "grant")
    assert grant_check.checked == 1  # the grant planned in the window, now completed
    assert [(e.action, e.entity) for e in events[:2]] == [("import", "workbook"),
                                                          ("update", "grant")]  # fmt: skip
    assert events[0].after is not None and events[0].after["handovers"]["added"] == 16


def test_a_visit_booked_in_the_window_is_the_one_made(
    db: Database, office: dict[str, Actor], tmp_path: Path
) -> None:
    from tracker.services import audit, projects
    from tracker.services import beneficiaries as ben
    from tracker.services import grants as grant_svc

    admin = office["admin"]
    person = ben.register(
        db, admin,
        ben.BeneficiaryInput(full_name="Hờ Thị Say", sex="F", category="victim",
                             ethnicity_code="08", birth_year=1999, code="HG-900"),
        today=TODAY,
    )  # fmt: skip
    (project,) = [p for p in projects.list_projects(db, admin) if p.code == "SK-2428"]
    grant = grant_svc.plan_grant(
        db, admin,
        grant_svc.GrantInput(person.id, project.id, "initial_hardship", date(2024, 2, 1),
                             (grant_svc.TrancheInput("Khó khăn", 2_000_000),)),
        today=TODAY,
    )  # fmt: skip
    grant_svc.record_handover(
        db, admin, grant_svc.HandoverInput(grant.id, date(2024, 3, 1), 2_000_000), today=TODAY
    )
    rows: dict[str, list[list[Any]]] = {
        "visits": [["HG-900", "initial_hardship", "05/04/2024", "Có", "Thấp", "Không"]]
    }
    done = imports.commit(db, admin, workbook(tmp_path / "v.xlsx", rows), today=TODAY)
    assert done.count("visits").added == 1
    with db.engine.connect() as conn:
        states = conn.execute(
            text("SELECT scheduled_on, status, done_on FROM visit ORDER BY scheduled_on")
        ).all()
    assert [(str(a), b, str(c) if c else None) for a, b, c in states] == [
        ("2024-04-01", "done", "2024-04-05"),  # the 1-month visit, booked by the hand-over
        ("2024-06-01", "scheduled", None),
    ]
    with db.read() as s:
        assert all(not c.changed for c in audit.check_rows(s))


def test_an_old_commune_code_on_an_address_recorded_after_the_reform(
    db: Database, office: dict[str, Actor], tmp_path: Path
) -> None:
    rows = past_year()
    # Pả Vi (00781) went into xã Mèo Vạc on 1 July 2025: not an address of August 2025.
    rows["beneficiaries"][3] += [None, None, None, None, None, None, "01/08/2025"]
    report = imports.dry_run(db, office["admin"], workbook(tmp_path / "x.xlsx", rows),
                             today=date(2025, 9, 1))  # fmt: skip
    (problem,) = [p for p in report.problems if p.key == "import_unit_not_then"]
    assert (problem.row, problem.header) == (6, "Mã xã")
    assert problem.message("en") == (
        "The commune code «00781» (Xã Pả Vi) did not exist on 01/08/2025, the day the address"
        " was recorded."
    )
