"""Quarters that stay closed: every kind of dated record refused in a closed quarter (and
a record moved into one), corrections dated in the open period, the figures kept at the
close (a closed quarter exported again gives the same figures, byte for byte), the check,
and reopening with a reason printed on every report made afterwards."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pypdf
import pytest
from sqlalchemy import select

from tracker.db.models import AuditEvent, Receipt, Visit
from tracker.i18n.errors import PermissionDenied
from tracker.services import audit, closing, exports, grants, receipts, visits
from tracker.services import beneficiaries as ben
from tracker.services.closing import PeriodClosed
from tracker.services.errors import ValidationError
from tracker.services.grants import GrantInput, HandoverEdit, HandoverInput, TrancheInput
from tracker.services.periods import quarter
from tracker.services.visits import MissedVisit, VisitOutcome

from . import test_svc_grants
from .checks import dump, refused
from .test_svc_grants import Env, cash_plan

env = test_svc_grants.env  # the fixture: an office, two people and a project

#: In the fourth quarter of 2025; the third is over and closed by the tests.
NOW = date(2025, 11, 20)
IN_Q3 = date(2025, 8, 12)
IN_Q4 = date(2025, 10, 6)
Q3 = quarter(2025, 3)
Q4 = quarter(2025, 4)


def handover(env: Env, grant_id: int, day: date, amount: int) -> grants.HandoverView:
    return grants.record_handover(
        env.db,
        env.accountant,
        HandoverInput(grant_id=grant_id, handed_on=day, amount=amount),
        today=NOW,
    )


def close_q3(env: Env) -> closing.PeriodState:
    return closing.close_period(env.db, env.admin, "2025-Q3", today=NOW)


@pytest.fixture
def book(env: Env) -> dict[str, Any]:
    """A cash grant with a hand-over in the third quarter (then closed) and one in the
    fourth, and a cow with its follow-up visits."""
    g = cash_plan(env, 30_000_000)
    old = handover(env, g.id, IN_Q3, 10_000_000)
    new = handover(env, g.id, IN_Q4, 5_000_000)
    return {"grant": g, "old": old, "new": new}


def test_only_an_administrator_closes_an_ended_quarter(env: Env, book: dict[str, Any]) -> None:
    with pytest.raises(PermissionDenied):
        closing.close_period(env.db, env.accountant, "2025-Q3", today=NOW)
    refused(
        env.db,
        lambda: closing.close_period(env.db, env.admin, "2025-Q4", today=NOW),
        key="period_not_ended",
        field="period",
    )
    refused(
        env.db,
        lambda: closing.close_period(env.db, env.admin, "2025", today=NOW),
        key="period_close_quarter_only",
        field="period",
    )
    state = close_q3(env)
    assert state.closed and state.closed_by == "Nguyễn Thị Lan" and len(state.digest) == 64
    refused(env.db, lambda: close_q3(env), key="period_already_closed", field="period")
    listed = {p.key: p for p in closing.list_periods(env.db, env.actors["viewer"], today=NOW)}
    assert listed["2025-Q3"].closed and not listed["2025-Q4"].closed
    assert not listed["2025-Q4"].ended and listed["2025-Q1"].ended
    with env.db.read() as s:
        actions = s.execute(
            select(AuditEvent.action).where(AuditEvent.entity == "period")
        ).scalars()
        assert list(actions) == ["close"]


def closed_error(env: Env, call: Any, field: str) -> tuple[str, str]:
    error = refused(env.db, call, key="period_closed", field=field, error=PeriodClosed)
    return str(error.message("vi")), str(error.message("en"))


def test_a_hand_over_dated_in_a_closed_quarter_is_refused_in_both_languages(
    env: Env, book: dict[str, Any]
) -> None:
    close_q3(env)
    vi, en = closed_error(
        env, lambda: handover(env, book["grant"].id, IN_Q3, 1_000_000), "handed_on"
    )
    assert vi.startswith("Quý 2025-Q3 đã khoá ngày ")
    assert "12/08/2025" in vi and "Nguyễn Thị Lan" in vi and "điều chỉnh" in vi
    assert en.startswith("Quarter 2025-Q3 was closed on ") and "adjustment" in en
    # The fourth quarter is open.
    handover(env, book["grant"].id, date(2025, 11, 3), 1_000_000)


def test_a_grant_starting_in_a_closed_quarter_is_refused(env: Env, book: dict[str, Any]) -> None:
    close_q3(env)
    closed_error(
        env,
        lambda: grants.plan_grant(
            env.db,
            env.officer,
            GrantInput(
                beneficiary_id=env.other.id,
                project_id=env.project.id,
                grant_type="initial_hardship",
                start_date=IN_Q3,
                tranches=(TrancheInput("Tiền mặt", amount=2_000_000),),
            ),
            today=NOW,
        ),
        "start_date",
    )


def test_a_hand_over_of_a_closed_quarter_is_not_edited_nor_moved_into_one(
    env: Env, book: dict[str, Any]
) -> None:
    close_q3(env)
    old, new = book["old"], book["new"]
    closed_error(
        env,
        lambda: grants.edit_handover(
            env.db, env.accountant, old.id, HandoverEdit(amount=9_000_000), today=NOW
        ),
        "handed_on",
    )
    closed_error(
        env,
        lambda: grants.edit_handover(
            env.db, env.accountant, new.id, HandoverEdit(handed_on=IN_Q3), today=NOW
        ),
        "handed_on",
    )
    # Inside the open quarter, the same edit goes through.
    moved = grants.edit_handover(
        env.db,
        env.accountant,
        new.id,
        HandoverEdit(handed_on=date(2025, 10, 9), amount=4_000_000),
        today=NOW,
    )
    assert (moved.handed_on, moved.amount) == (date(2025, 10, 9), 4_000_000)
    # Each change is in the audit trail with the values it left.
    with env.db.read() as s:
        assert [r for r in audit.check_rows(s) if r.changed] == []


def test_visits_and_consents_dated_in_a_closed_quarter_are_refused(env: Env) -> None:
    g = grants.plan_grant(
        env.db,
        env.officer,
        GrantInput(
            beneficiary_id=env.person.id,
            project_id=env.project.id,
            grant_type="cattle",
            start_date=date(2025, 5, 1),
            tranches=(TrancheInput("Bò giống", quantity=1, unit_value=15_000_000),),
        ),
        today=NOW,
    )
    grants.record_handover(
        env.db,
        env.accountant,
        HandoverInput(
            grant_id=g.id, handed_on=date(2025, 5, 10), quantity=1, unit_value=15_000_000
        ),
        today=NOW,
    )
    with env.db.read() as s:
        visit_id = (
            s.execute(select(Visit.id).where(Visit.grant_id == g.id).order_by(Visit.scheduled_on))
            .scalars()
            .first()
        )
    close_q3(env)
    closed_error(
        env,
        lambda: visits.record_visit(
            env.db,
            env.officer,
            VisitOutcome(visit_id=visit_id, done_on=IN_Q3, livelihood_running=True),
            today=NOW,
        ),
        "done_on",
    )
    closed_error(
        env,
        lambda: visits.record_missed(
            env.db,
            env.officer,
            MissedVisit(visit_id=visit_id, tried_on=IN_Q3, reason="not_home"),
            today=NOW,
        ),
        "done_on",
    )
    closed_error(
        env,
        lambda: visits.schedule_visit(env.db, env.officer, env.person.id, IN_Q3, today=NOW),
        "scheduled_on",
    )
    closed_error(
        env,
        lambda: ben.record_consent(
            env.db,
            env.officer,
            env.person.id,
            "donor_reporting",
            False,
            decided_on=IN_Q3,
            today=NOW,
        ),
        "decided_on",
    )
    # Dated in the open quarter, they are recorded.
    visits.record_visit(
        env.db,
        env.officer,
        VisitOutcome(visit_id=visit_id, done_on=IN_Q4, livelihood_running=True),
        today=NOW,
    )
    ben.record_consent(env.db, env.officer, env.person.id, "services", True, today=NOW)


def q_figures(env: Env, period: Any, audience: str = "office") -> Any:
    return closing.report_summary(env.db, env.admin, period, audience=audience, today=NOW)


def test_a_receipt_of_a_closed_quarter_is_voided_in_the_open_one(
    env: Env, book: dict[str, Any]
) -> None:
    close_q3(env)
    before = q_figures(env, Q3).receipts
    number = book["old"].receipt_number
    # Printing it (the original, then a copy) changes no record of the quarter.
    receipts.record_print(env.db, env.accountant, number)
    receipts.record_print(env.db, env.accountant, number)
    new = receipts.void_receipt(
        env.db, env.accountant, number, "Viết sai tên", replace=True, today=NOW
    )
    with env.db.read() as s:
        old = s.execute(select(Receipt).where(Receipt.number == number)).scalar_one()
        assert old.late_void_on == NOW
        assert s.get(Receipt, new.row.id).late_issued_on == NOW  # type: ignore[union-attr]
    # The closed quarter, kept and computed again, is as it was; the check says so.
    assert q_figures(env, Q3).receipts == before
    check = closing.check_period(env.db, env.admin, "2025-Q3", today=NOW)
    assert check.closed and check.same, check.differences
    # The fourth quarter shows the void and the replacement.
    q4 = q_figures(env, Q4)
    assert q4.corrections.late_voids == 1 and q4.corrections.late_void_amount == 10_000_000
    assert q4.receipts.issued == 2 and q4.receipts.valid == 2


def test_a_hand_over_of_a_closed_quarter_is_corrected_by_an_adjustment_dated_today(
    env: Env, book: dict[str, Any]
) -> None:
    close_q3(env)
    spent_q3 = q_figures(env, Q3).projects[0].spent
    adj = grants.adjust_handover(
        env.db, env.accountant, book["old"].id, 8_000_000, "Trao 8 triệu, ghi nhầm 10", today=NOW
    )
    assert (adj.adjusted_on, adj.amount, adj.value_after) == (NOW, -2_000_000, 8_000_000)
    assert adj.receipt_number == book["old"].receipt_number
    assert grants.value_of_handover(env.db, env.admin, book["old"].id) == 8_000_000
    q4 = q_figures(env, Q4)
    assert (q4.corrections.handover_adjustments, q4.corrections.handover_change) == (
        1,
        -2_000_000,
    )
    assert q4.projects[0].spent == spent_q3 + 5_000_000 - 2_000_000
    assert q4.projects[0].spent_in_period == 5_000_000 - 2_000_000
    assert q_figures(env, Q3).projects[0].spent == spent_q3
    assert closing.check_period(env.db, env.admin, "2025-Q3", today=NOW).same
    with env.db.read() as s:
        assert [r for r in audit.check_rows(s) if r.changed] == []
    # What is left of the plan counts the correction.
    assert grants.get_grant(env.db, env.admin, book["grant"].id).delivered == 13_000_000
    refused(
        env.db,
        lambda: grants.adjust_handover(
            env.db, env.accountant, book["old"].id, 8_000_000, "again", today=NOW
        ),
        key="adjustment_zero",
        field="new_amount",
    )
    refused(
        env.db,
        lambda: grants.adjust_handover(
            env.db, env.accountant, book["old"].id, 7_000_000, "", today=NOW
        ),
        key="required",
        field="adjust_reason",
    )


def figure_files(folder: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in sorted((folder / "csv").iterdir())
        if p.name != "00_info.csv"
    }


def export(env: Env, target: Path, audience: str = "donor") -> Path:
    target.mkdir(parents=True, exist_ok=True)
    done = exports.export_summary(
        env.db, env.admin, Q3, target, audience=audience, lang="vi", today=NOW
    )
    return done.folder


def test_a_closed_quarter_exported_again_has_the_same_figures_byte_for_byte(
    env: Env, book: dict[str, Any], tmp_path: Path
) -> None:
    close_q3(env)
    first = export(env, tmp_path / "at-close")
    first_office = export(env, tmp_path / "at-close-office", "office")
    # Later: a void and an adjustment (dated today), and a person's details changed.
    receipts.void_receipt(env.db, env.accountant, book["old"].receipt_number, "Sai", today=NOW)
    grants.adjust_handover(env.db, env.accountant, book["old"].id, 9_000_000, "Sai", today=NOW)
    person = ben.get(env.db, env.admin, env.person.id)
    ben.edit(env.db, env.officer, person.id, ben.with_changes(person, sex="M"), today=NOW)
    again = export(env, tmp_path / "later")
    again_office = export(env, tmp_path / "later-office", "office")
    assert figure_files(again) == figure_files(first)
    assert figure_files(again_office) == figure_files(first_office)
    manifest = json.loads((again / "manifest.json").read_text("utf-8"))
    assert manifest["closed"]["figures_sha256"] == close_q3_digest(env)
    info = (again / "csv" / "00_info.csv").read_text("utf-8-sig")
    assert "Kỳ đã khoá" in info
    # The records say otherwise now: the check says so plainly, by version and table.
    check = closing.check_period(env.db, env.admin, "2025-Q3", today=NOW)
    assert not check.same
    office = next(d for d in check.differences if d.audience == "office")
    assert "people" in office.fields and "receipts" not in office.fields


def close_q3_digest(env: Env) -> str:
    return closing.get_period(env.db, env.admin, "2025-Q3", today=NOW).digest


def test_reopening_needs_an_administrator_and_a_reason_and_shows_on_every_report(
    env: Env, book: dict[str, Any], tmp_path: Path
) -> None:
    close_q3(env)
    with pytest.raises(PermissionDenied):
        closing.reopen_period(env.db, env.accountant, "2025-Q3", "Sửa số liệu", today=NOW)
    refused(
        env.db,
        lambda: closing.reopen_period(env.db, env.admin, "2025-Q3", "  ", today=NOW),
        key="required",
        field="reopen_reason",
    )
    refused(
        env.db,
        lambda: closing.reopen_period(env.db, env.admin, "2025-Q4", "x", today=NOW),
        key="period_not_closed",
        field="period",
    )
    state = closing.reopen_period(
        env.db, env.admin, "2025-Q3", "Tỉnh yêu cầu sửa số liệu tháng 8", today=NOW
    )
    assert not state.closed and state.reopenings[0].reason == "Tỉnh yêu cầu sửa số liệu tháng 8"
    # Open again: a hand-over of the quarter goes through; closed again, it keeps the line.
    handover(env, book["grant"].id, IN_Q3, 1_000_000)
    close_q3(env)
    folder = export(env, tmp_path / "after", "office")
    info = (folder / "csv" / "00_info.csv").read_text("utf-8-sig")
    assert "Quý 2025-Q3 được mở khoá lại ngày" in info
    assert "Nguyễn Thị Lan: Tỉnh yêu cầu sửa số liệu tháng 8" in info
    pdf = pypdf.PdfReader(next(folder.glob("*.pdf")))
    pdf_text = " ".join((page.extract_text() or "") for page in pdf.pages)
    assert "mở khoá lại" in pdf_text and "Tỉnh yêu cầu sửa số liệu tháng 8" in " ".join(
        pdf_text.split()
    )
    workbook = openpyxl.load_workbook(next(folder.glob("*.xlsx")), read_only=True)
    cells = [str(c) for ws in workbook.worksheets for row in ws.iter_rows(values_only=True)
             for c in row if c]  # fmt: skip
    assert any("được mở khoá lại ngày" in c and "tháng 8" in c for c in cells)
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["reopened"][0]["reason"] == "Tỉnh yêu cầu sửa số liệu tháng 8"
    year = closing.report_summary(
        env.db, env.admin, quarter(2025, 3).__class__(date(2025, 1, 1), date(2025, 12, 31), "year"),
        today=NOW,
    )  # fmt: skip
    assert [r.period_key for r in year.reopenings] == ["2025-Q3"]
    with env.db.read() as s:
        actions = list(
            s.execute(
                select(AuditEvent.action)
                .where(AuditEvent.entity == "period")
                .order_by(AuditEvent.id)
            ).scalars()
        )
    assert actions == ["close", "reopen", "close"]


def test_refused_writes_change_nothing_and_reads_still_work(env: Env, book: dict[str, Any]) -> None:
    close_q3(env)
    before = dump(env.db)
    with pytest.raises(ValidationError):
        handover(env, book["grant"].id, IN_Q3, 1_000_000)
    assert dump(env.db) == before
    assert grants.list_handovers(env.db, env.actors["viewer"], since=Q3.start, until=Q3.end)


# --- the import ----------------------------------------------------------------------------


def test_an_import_into_a_closed_quarter_is_refused_row_by_row_and_as_a_whole(
    db: Any, tmp_path: Path
) -> None:
    """The whole workbook is refused (an import is all or nothing), with one problem per
    sheet and quarter naming its rows and the fix; the same file imports once the quarter
    is reopened."""
    from tracker.db.reference import DEMO_UNITS
    from tracker.services import imports, places

    from ..conftest import setup_office
    from .test_import_past_year import past_year
    from .test_import_template import workbook

    admin = setup_office(db)["admin"]
    with db.write() as s:
        places.seed_units(s, DEMO_UNITS)
    today = date(2025, 3, 1)
    closing.close_period(db, admin, "2024-Q2", today=today)
    path = workbook(tmp_path / "2024.xlsx", past_year())
    before = dump(db)
    dry = imports.dry_run(db, admin, path, today=today)
    assert not dry.ok
    closed = [g for g in dry.groups if g.key == "import_period_closed"]
    # Hand-overs of April, May and June 2024; the visit of 15/06/2024.
    assert {(g.header, g.count) for g in closed} == {("Ngày trao", 4), ("Ngày thăm", 1)}
    text = closed[0].message("vi")
    assert "Quý 2024-Q2 đã khoá ngày" in text and "mở khoá lại quý 2024-Q2" in text
    assert "Quarter 2024-Q2 was closed on" in closed[0].message("en")
    with pytest.raises(imports.ImportRejected):
        imports.commit(db, admin, path, today=today)
    assert dump(db) == before
    closing.reopen_period(db, admin, "2024-Q2", "Nhập sổ cũ của năm 2024", today=today)
    assert imports.dry_run(db, admin, path, today=today).ok


def test_a_receipt_of_several_lines_is_not_corrected_as_one(env: Env) -> None:
    first, second = cash_plan(env, 3_000_000), cash_plan(env, 2_000_000)
    both = grants.record_handover(
        env.db,
        env.accountant,
        HandoverInput(grant_id=first.id, handed_on=IN_Q4, amount=3_000_000),
        also=(HandoverInput(grant_id=second.id, handed_on=IN_Q4, amount=2_000_000),),
        today=NOW,
    )
    assert both.receipt_number is not None
    with pytest.raises(ValidationError) as info:
        grants.line_of_receipt(env.db, env.accountant, both.receipt_number)
    assert info.value.key == "handover_several_lines"
    assert "nhiều thứ trao cùng một lần" in info.value.message("vi")
