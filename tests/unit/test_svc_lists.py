"""The lists' services: sorted by any column and filtered by typed words in the query (the
whole list, read a page at a time), and support for someone who said no to services."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.db.engine import Database
from tracker.services import audit, grants, projects, receipts, visits
from tracker.services import beneficiaries as ben
from tracker.services.context import Actor
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput
from tracker.services.projects import ProjectInput

from ..conftest import TODAY
from .checks import refused

NAMES = ("Vàng Thị Mỷ", "Giàng Thị Sú", "Lò Thị Hoa")
AMOUNTS = (3_000_000, 1_000_000, 2_000_000)


@pytest.fixture
def office_lists(db: Database, actors: dict[str, Actor]) -> dict[str, int]:
    """Three people, a grant each, handed over in part, with their receipts and visits."""
    project = projects.create_project(
        db,
        actors["admin"],
        ProjectInput("P1", "Sinh kế", "Quỹ A", date(2025, 1, 1), date(2026, 12, 31), 50_000_000),
    )
    ids = {}
    for i, (name, amount) in enumerate(zip(NAMES, AMOUNTS, strict=True)):
        person = ben.register(
            db,
            actors["officer"],
            ben.BeneficiaryInput(full_name=name, sex="F", category="victim",
                                 ethnicity_code="08", birth_year=1990 + i, commune_code="00769"),
            today=TODAY,
        )  # fmt: skip
        g = grants.plan_grant(
            db,
            actors["officer"],
            GrantInput(person.id, project.id, "initial_hardship", date(2025, 2, 1 + i),
                       (TrancheInput("Trợ cấp", amount=amount + 500_000),)),
            today=TODAY,
        )  # fmt: skip
        grants.record_handover(
            db,
            actors["accountant"],
            HandoverInput(g.id, date(2025, 3, 1 + i), amount=amount),
            today=TODAY,
        )
        ids[name] = person.id
    return ids


def test_grants_sort_and_filter_in_the_query(
    db: Database, actors: dict[str, Actor], office_lists: dict[str, int]
) -> None:
    viewer = actors["viewer"]
    by_delivered = grants.list_grants(db, viewer, order="delivered")
    assert [g.delivered for g in by_delivered] == sorted(AMOUNTS)
    first_page = grants.list_grants(db, viewer, order="delivered", descending=True, limit=1)
    assert [g.delivered for g in first_page] == [max(AMOUNTS)], "the whole list, then a page"
    second_page = grants.list_grants(
        db, viewer, order="delivered", descending=True, limit=1, offset=1
    )
    assert [g.delivered for g in second_page] == [sorted(AMOUNTS)[1]]
    assert [g.beneficiary_name for g in grants.list_grants(db, viewer, text="vang thi")] == [
        "Vàng Thị Mỷ"
    ]
    assert len(grants.list_grants(db, viewer, text="p1")) == 3, "the project's code too"
    assert grants.list_grants(db, viewer, text="khong co") == []


def test_visits_and_receipts_sort_and_filter_in_the_query(
    db: Database, actors: dict[str, Actor], office_lists: dict[str, int]
) -> None:
    viewer = actors["viewer"]
    rows = visits.list_visits(db, viewer, "all", today=TODAY, order="beneficiary")
    codes = [r.beneficiary_code for r in rows]
    assert codes == sorted(codes) and len(set(codes)) == 3
    down = visits.list_visits(db, viewer, "all", today=TODAY, order="beneficiary", descending=True)
    assert [r.beneficiary_code for r in down] == sorted(codes, reverse=True)
    found = visits.list_visits(db, viewer, "all", today=TODAY, text="giang su")
    assert found and {r.beneficiary_name for r in found} == {"Giàng Thị Sú"}
    late = visits.list_visits(db, viewer, "all", today=TODAY, order="days_late")
    assert [r.scheduled_on for r in late] == sorted((r.scheduled_on for r in late), reverse=True)

    by_amount = receipts.list_receipts(db, viewer, order="amount")
    assert [r.amount for r in by_amount] == sorted(AMOUNTS)
    top = receipts.list_receipts(db, viewer, order="amount", descending=True, limit=1)
    assert [r.amount for r in top] == [max(AMOUNTS)]


def test_support_without_consent_to_services_is_asked_for_and_recorded(
    db: Database, actors: dict[str, Actor], office_lists: dict[str, int]
) -> None:
    who = office_lists["Lò Thị Hoa"]
    ben.record_consent(db, actors["officer"], who, "services", False, today=TODAY)
    project_id = projects.list_projects(db, actors["viewer"])[0].id
    data = GrantInput(who, project_id, "initial_hardship", date(2025, 6, 1),
                      (TrancheInput("Trợ cấp", amount=1_000_000),))  # fmt: skip
    refused(
        db,
        lambda: grants.plan_grant(db, actors["officer"], data, today=TODAY),
        key="no_service_consent",
        field=None,
    )
    g = grants.plan_grant(db, actors["officer"], data, today=TODAY, without_consent=True)
    handover = HandoverInput(g.id, date(2025, 6, 2), amount=1_000_000)
    refused(
        db,
        lambda: grants.record_handover(db, actors["accountant"], handover, today=TODAY),
        key="no_service_consent",
        field=None,
    )
    done = grants.record_handover(
        db, actors["accountant"], handover, today=TODAY, without_consent=True
    )
    events = audit.list_events(db, actors["admin"], action="consent_override")
    assert sorted((e.entity_id, e.after["action"]) for e in events) == [
        (who, "handover"),
        (who, "plan"),
    ]
    assert any(e.after.get("receipt_number") == done.receipt_number for e in events)
    # Consent given again: no question any more.
    ben.record_consent(db, actors["officer"], who, "services", True, today=TODAY)
    grants.plan_grant(db, actors["officer"], data, today=TODAY)
