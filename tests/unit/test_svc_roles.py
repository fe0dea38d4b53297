"""The role matrix: every write service called as every role, every read as every role."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from tracker.db.engine import Database
from tracker.db.models import AuditEvent, Visit
from tracker.services import beneficiaries as ben
from tracker.services import (
    grant_types,
    grants,
    office,
    pass_on,
    places,
    projects,
    receipts,
    trips,
    visits,
)
from tracker.services.context import ALL_ROLES, PERMISSIONS, Actor
from tracker.services.errors import PermissionDenied
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput

from ..conftest import TODAY
from .checks import dump


@dataclass
class Stage:
    db: Database
    actors: dict[str, Actor]
    person: ben.BeneficiaryView
    project: projects.ProjectView
    cash_grant: int
    visit_id: int
    #: The cow handed over, and a family to pass it on to.
    cow: int = 0
    receiver: int = 0


def person_input(name: str = "Vàng Thị Mỷ", **changes: Any) -> ben.BeneficiaryInput:
    values: dict[str, Any] = {
        "full_name": name,
        "sex": "F",
        "category": "victim",
        "ethnicity_code": "08",
        "birth_year": 1995,
        "commune_code": "00769",
    }
    values.update(changes)
    return ben.BeneficiaryInput(**values)


def project_input(code: str = "P1") -> projects.ProjectInput:
    return projects.ProjectInput(
        code, "Sinh kế", "Quỹ A", date(2025, 1, 1), date(2026, 12, 31), 500_000_000
    )


@pytest.fixture
def stage(db: Database, actors: dict[str, Actor]) -> Stage:
    admin = actors["admin"]
    person = ben.register(db, admin, person_input(), today=TODAY)
    project = projects.create_project(db, admin, project_input())

    def plan(grant_type: str, tranche: TrancheInput) -> int:
        return grants.plan_grant(
            db,
            admin,
            GrantInput(person.id, project.id, grant_type, date(2025, 1, 1), (tranche,)),
            today=TODAY,
        ).id

    cash = plan("initial_hardship", TrancheInput("Tiền mặt", amount=30_000_000))
    cattle = plan("cattle", TrancheInput("Bò", quantity=1, unit_value=15_000_000))
    grants.record_handover(
        db,
        admin,
        HandoverInput(cattle, date(2025, 2, 1), quantity=1, unit_value=15_000_000),
        today=TODAY,
    )
    with db.read() as s:
        visit_id = s.execute(
            select(Visit.id).where(Visit.grant_id == cattle).order_by(Visit.id).limit(1)
        ).scalar_one()
    [cow] = visits.list_assets(db, admin, person.id)
    receiver = ben.register(db, admin, person_input("Hầu Thị Pà"), today=TODAY)
    return Stage(db, actors, person, project, cash, visit_id, cow.id, receiver.id)


Write = Callable[[Stage, Actor], object]

WRITES: dict[str, tuple[str, Write]] = {
    "save_office": (
        "office.setup",
        lambda st, a: office.save_office(
            st.db, a, office.OfficeInput(name="Hội LHPN xã Mèo Vạc", receipt_prefix="MV")
        ),
    ),
    "create_user": (
        "user.manage",
        lambda st, a: office.create_user(st.db, a, "lan2", "Lê Thị Lan", "viewer"),
    ),
    "set_role": (
        "user.manage",
        lambda st, a: office.set_role(st.db, a, "tuan", "officer"),
    ),
    "register": (
        "beneficiary.write",
        lambda st, a: ben.register(st.db, a, person_input("Sùng Thị Dở"), today=TODAY),
    ),
    "edit": (
        "beneficiary.write",
        lambda st, a: ben.edit(
            st.db, a, st.person.id, ben.with_changes(st.person, village="Pả Vi"), today=TODAY
        ),
    ),
    "record_consent": (
        "consent.write",
        lambda st, a: ben.record_consent(st.db, a, st.person.id, "services", True, today=TODAY),
    ),
    "create_project": (
        "project.write",
        lambda st, a: projects.create_project(st.db, a, project_input("P2")),
    ),
    "edit_project": (
        "project.write",
        lambda st, a: projects.edit_project(st.db, a, st.project.id, project_input("P1B")),
    ),
    "update_grant_type": (
        "grant_type.write",
        lambda st, a: grant_types.update_grant_type(st.db, a, "pig", followup_months=[2, 4]),
    ),
    "plan_grant": (
        "grant.write",
        lambda st, a: grants.plan_grant(
            st.db,
            a,
            GrantInput(
                st.person.id,
                st.project.id,
                "scholarship",
                date(2025, 2, 1),
                (TrancheInput("Năm học", amount=5_000_000),),
            ),
            today=TODAY,
        ),
    ),
    "cancel_grant": (
        "grant.write",
        lambda st, a: grants.cancel_grant(st.db, a, st.cash_grant, "Chuyển đi"),
    ),
    "record_handover": (
        "handover.write",
        lambda st, a: grants.record_handover(
            st.db, a, HandoverInput(st.cash_grant, date(2025, 3, 1), amount=1_000_000), today=TODAY
        ),
    ),
    "record_visit": (
        "visit.write",
        lambda st, a: visits.record_visit(
            st.db, a, visits.VisitOutcome(st.visit_id, date(2025, 3, 2), True), today=TODAY
        ),
    ),
    "record_missed": (
        "visit.write",
        lambda st, a: visits.record_missed(
            st.db, a, visits.MissedVisit(st.visit_id, date(2025, 3, 2), "not_home"), today=TODAY
        ),
    ),
    "schedule_visit": (
        "visit.write",
        lambda st, a: visits.schedule_visit(st.db, a, st.person.id, date(2025, 7, 1), today=TODAY),
    ),
    # A trip sheet printed to take along (logged): those who make the visits.
    "trip_sheet": (
        "trip.print",
        lambda st, a: trips.trip_sheet(
            st.db, a, ["00769"], date(2025, 1, 1), date(2025, 12, 31), today=TODAY
        ),
    ),
    "record_pass_on": (
        "pass_on.write",
        lambda st, a: pass_on.record_pass_on(
            st.db, a, pass_on.PassOnInput(st.cow, st.receiver, date(2025, 6, 1)), today=TODAY
        ),
    ),
    # The first print of a receipt (its original); copies after it are open to everyone.
    "record_print": (
        "receipt.write",
        lambda st, a: receipts.record_print(st.db, a, "MV-2025-00001"),
    ),
    "void_receipt": (
        "receipt.write",
        lambda st, a: receipts.void_receipt(
            st.db, a, "MV-2025-00001", "Viết sai tên", replace=True
        ),
    ),
    # Full names in a list (logged): not for a viewer.
    "show_names": (
        "names.read",
        lambda st, a: ben.record_names_shown(st.db, a, [st.person.id], "search"),
    ),
}

# Who may do what: written out by hand so that a change to PERMISSIONS shows up here.
ALLOWED: dict[str, set[str]] = {
    "admin": set(WRITES),
    "officer": {
        "register",
        "edit",
        "record_consent",
        "plan_grant",
        "cancel_grant",
        "record_visit",
        "record_missed",
        "schedule_visit",
        "trip_sheet",
        "record_pass_on",
        "show_names",
    },
    "accountant": {"record_handover", "record_print", "void_receipt", "show_names"},
    "viewer": set(),
}

ROLES = ("admin", "officer", "accountant", "viewer")


def test_matrix_agrees_with_permissions() -> None:
    assert set(ROLES) == ALL_ROLES
    assert PERMISSIONS["read"] == ALL_ROLES
    for role in ROLES:
        actor = Actor(1, role, role)
        for name, (permission, _) in WRITES.items():
            assert actor.can(permission) is (name in ALLOWED[role]), (role, name)
    # Every write permission is exercised by at least one service call above; those of
    # backups need an encrypted file, and closing a quarter an ended quarter with its
    # figures: they are in test_service_matrix.py.
    elsewhere = {
        "backup.auto", "backup.write", "backup.restore", "period.close",
        "attachment.read", "attachment.write", "attachment.remove", "consolidate.write",
    }  # fmt: skip
    assert {p for p, _ in WRITES.values()} == set(PERMISSIONS) - {"read"} - elsewhere


def audit_count(db: Database) -> int:
    with db.read() as s:
        return len(s.execute(select(AuditEvent.id)).all())


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(WRITES))
def test_write_matrix(stage: Stage, role: str, name: str) -> None:
    permission, call = WRITES[name]
    actor = stage.actors[role]
    if name in ALLOWED[role]:
        before = audit_count(stage.db)
        call(stage, actor)
        assert audit_count(stage.db) > before
        with stage.db.read() as s:
            last = s.execute(
                select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)
            ).scalar_one()
            assert (last.username, last.user_id) == (actor.username, actor.user_id)
    else:
        before = dump(stage.db)
        with pytest.raises(PermissionDenied) as info:
            call(stage, actor)
        assert info.value.key == "permission"
        assert info.value.field is None
        assert info.value.params == {"role": role, "action": permission}
        assert dump(stage.db) == before


def test_permission_checked_before_input(stage: Stage) -> None:
    """A viewer gets PermissionDenied, not a validation message about the input."""
    with pytest.raises(PermissionDenied):
        ben.register(stage.db, stage.actors["viewer"], person_input("   "), today=TODAY)
    with pytest.raises(PermissionDenied):
        grants.record_handover(
            stage.db,
            stage.actors["officer"],
            HandoverInput(stage.cash_grant, date(2025, 3, 1), amount=-1),
            today=TODAY,
        )
    with pytest.raises(PermissionDenied):
        projects.create_project(
            stage.db,
            stage.actors["accountant"],
            projects.ProjectInput("", "", "", date(2025, 1, 1), date(2024, 1, 1), 0),
        )


READS: dict[str, Write] = {
    "search": lambda st, a: ben.search(st.db, a, "my"),
    "count": lambda st, a: ben.count(st.db, a, "my"),
    "get": lambda st, a: ben.get(st.db, a, st.person.id),
    "get_by_code": lambda st, a: ben.get_by_code(st.db, a, st.person.code),
    "find_duplicates": lambda st, a: ben.find_duplicates(st.db, a, person_input(), today=TODAY),
    "list_projects": lambda st, a: projects.list_projects(st.db, a),
    "check_totals": lambda st, a: projects.check_totals(st.db, a),
    "project_choices": lambda st, a: projects.project_choices(st.db, a),
    "get_project": lambda st, a: projects.get_project(st.db, a, st.project.id),
    "list_grant_types": lambda st, a: grant_types.list_grant_types(st.db, a),
    "get_grant": lambda st, a: grants.get_grant(st.db, a, st.cash_grant),
    "list_grants": lambda st, a: grants.list_grants(st.db, a),
    "open_grants": lambda st, a: grants.open_grants(st.db, a, st.person.id),
    "list_handovers": lambda st, a: grants.list_handovers(st.db, a),
    "list_visits": lambda st, a: visits.list_visits(st.db, a, "all", today=TODAY),
    "count_visits": lambda st, a: visits.count_visits(st.db, a, "open", today=TODAY),
    "list_assets": lambda st, a: visits.list_assets(st.db, a, st.person.id),
    "list_users": lambda st, a: office.list_users(st.db, a),
    "get_office": lambda st, a: office.get_office(st.db, a),
    "list_places": lambda st, a: places.list_places(st.db, a),
    "place_names": lambda st, a: places.place_names(st.db, a),
    "list_receipts": lambda st, a: receipts.list_receipts(st.db, a),
    "get_receipt": lambda st, a: receipts.get_receipt(st.db, a, "MV-2025-00001"),
}


@pytest.mark.parametrize("role", ROLES)
def test_every_role_can_read(stage: Stage, role: str) -> None:
    actor = stage.actors[role]
    before = dump(stage.db)
    results = {name: call(stage, actor) for name, call in READS.items()}
    assert dump(stage.db) == before
    assert [r.id for r in results["search"]] == [stage.person.id]  # type: ignore[attr-defined]
    assert results["count"] == 1
    assert results["get_by_code"].id == stage.person.id  # type: ignore[attr-defined]
    assert len(results["list_grants"]) == 2  # type: ignore[arg-type]
    assert {g.beneficiary_id for g in results["open_grants"]} == {stage.person.id}  # type: ignore[attr-defined]
    assert len(results["list_handovers"]) == 1  # type: ignore[arg-type]
    assert len(results["list_visits"]) == 5  # type: ignore[arg-type]
    assert len(results["list_assets"]) == 1  # type: ignore[arg-type]
    assert len(results["list_users"]) == 4  # type: ignore[arg-type]
    assert len(results["list_receipts"]) == 1  # type: ignore[arg-type]
    assert results["check_totals"] == []  # the kept totals agree: nothing written


def test_unknown_role_can_do_nothing(stage: Stage) -> None:
    stranger = Actor(None, "ghost", "guest")
    for call in READS.values():
        with pytest.raises(PermissionDenied):
            call(stage, stranger)
    before = dump(stage.db)
    for _, call in WRITES.values():
        with pytest.raises(PermissionDenied):
            call(stage, stranger)
    assert dump(stage.db) == before
