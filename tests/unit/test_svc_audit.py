"""The audit trail: one event per write with the values before and after, chained by hashes
so that a row changed or removed with plain SQL is reported."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select, text

from tracker.db.engine import Database
from tracker.db.models import AuditEvent, Visit
from tracker.services import audit, grant_types, grants, office, projects, receipts, visits
from tracker.services import beneficiaries as ben
from tracker.services.context import Actor
from tracker.services.errors import ValidationError
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput

from ..conftest import TODAY


@dataclass
class Stage:
    db: Database
    actors: dict[str, Actor]
    person: ben.BeneficiaryView
    project: projects.ProjectView
    cash_grant: int
    cow: int
    visit_id: int


def person_input(name: str = "Vàng Thị Mỷ") -> ben.BeneficiaryInput:
    return ben.BeneficiaryInput(
        full_name=name,
        sex="F",
        category="victim",
        ethnicity_code="08",
        birth_year=1995,
        commune_code="00769",
    )


def project_input(code: str = "P1") -> projects.ProjectInput:
    return projects.ProjectInput(
        code, "Sinh kế", "Quỹ A", date(2025, 1, 1), date(2026, 12, 31), 500_000_000
    )


@pytest.fixture
def stage(db: Database, actors: dict[str, Actor]) -> Stage:
    admin, officer = actors["admin"], actors["officer"]
    person = ben.register(db, officer, person_input(), today=TODAY)
    project = projects.create_project(db, admin, project_input())

    def plan(grant_type: str, tranche: TrancheInput) -> int:
        return grants.plan_grant(
            db,
            officer,
            GrantInput(person.id, project.id, grant_type, date(2025, 1, 1), (tranche,)),
            today=TODAY,
        ).id

    cash = plan("initial_hardship", TrancheInput("Tiền mặt", amount=30_000_000))
    cattle = plan("cattle", TrancheInput("Bò", quantity=1, unit_value=15_000_000))
    h = grants.record_handover(
        db,
        actors["accountant"],
        HandoverInput(cattle, date(2025, 2, 1), quantity=1, unit_value=15_000_000),
        today=TODAY,
    )
    with db.read() as s:
        visit_id = s.execute(
            select(Visit.id).where(Visit.grant_id == cattle).order_by(Visit.id).limit(1)
        ).scalar_one()
    return Stage(db, actors, person, project, cash, h.asset_ids[0], visit_id)


def events(db: Database) -> list[AuditEvent]:
    with db.read() as s:
        return list(s.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars())


def verify(db: Database) -> audit.ChainReport:
    with db.read() as s:
        return audit.verify_chain(s)


Check = Callable[[Stage, list[AuditEvent]], None]


def _register(st: Stage) -> object:
    return ben.register(st.db, st.actors["officer"], person_input("Sùng Thị Dở"), today=TODAY)


def _check_register(st: Stage, evs: list[AuditEvent]) -> None:
    (ev,) = evs
    assert (ev.action, ev.entity, ev.before) == ("create", "beneficiary", None)
    assert ev.after is not None
    assert (ev.after["full_name"], ev.after["code"], ev.after["birth_year"]) == (
        "Sùng Thị Dở",
        "MV-00002",
        1995,
    )
    assert ev.after["registered_on"] == TODAY.isoformat()


def _edit(st: Stage) -> object:
    data = ben.with_changes(st.person, village="Pả Vi")
    return ben.edit(st.db, st.actors["officer"], st.person.id, data, today=TODAY)


def _check_edit(st: Stage, evs: list[AuditEvent]) -> None:
    (ev,) = evs
    assert (ev.action, ev.entity, ev.entity_id) == ("update", "beneficiary", st.person.id)
    assert ev.before is not None and ev.after is not None
    assert (ev.before["village"], ev.after["village"]) == ("", "Pả Vi")
    assert ev.before["full_name"] == ev.after["full_name"] == "Vàng Thị Mỷ"


def _consent(st: Stage) -> object:
    return ben.record_consent(
        st.db, st.actors["officer"], st.person.id, "services", False, today=TODAY
    )


def _check_consent(st: Stage, evs: list[AuditEvent]) -> None:
    (ev,) = evs
    assert (ev.action, ev.entity, ev.entity_id, ev.before) == (
        "consent",
        "beneficiary",
        st.person.id,
        None,
    )
    assert ev.after is not None
    assert (ev.after["kind"], ev.after["given"], ev.after["decided_on"]) == (
        "services",
        False,
        TODAY.isoformat(),
    )


def _create_project(st: Stage) -> object:
    return projects.create_project(st.db, st.actors["admin"], project_input("P2"))


def _check_create_project(st: Stage, evs: list[AuditEvent]) -> None:
    (ev,) = evs
    assert (ev.action, ev.entity, ev.before) == ("create", "project", None)
    assert ev.after is not None
    assert (ev.after["code"], ev.after["budget"]) == ("P2", 500_000_000)


def _edit_project(st: Stage) -> object:
    return projects.edit_project(st.db, st.actors["admin"], st.project.id, project_input("P1B"))


def _check_edit_project(st: Stage, evs: list[AuditEvent]) -> None:
    (ev,) = evs
    assert (ev.action, ev.entity, ev.entity_id) == ("update", "project", st.project.id)
    assert ev.before is not None and ev.after is not None
    assert (ev.before["code"], ev.after["code"]) == ("P1", "P1B")


def _grant_type(st: Stage) -> object:
    return grant_types.update_grant_type(st.db, st.actors["admin"], "pig", followup_months=[2, 4])


def _check_grant_type(st: Stage, evs: list[AuditEvent]) -> None:
    (ev,) = evs
    assert (ev.action, ev.entity) == ("update", "grant_type")
    assert ev.before is not None and ev.after is not None
    assert (ev.before["followup_months"], ev.after["followup_months"]) == ([1, 3, 6, 12], [2, 4])


def _plan(st: Stage) -> object:
    return grants.plan_grant(
        st.db,
        st.actors["officer"],
        GrantInput(
            st.person.id,
            st.project.id,
            "scholarship",
            date(2025, 2, 1),
            (TrancheInput("Năm 1", amount=5_000_000), TrancheInput("Năm 2", amount=6_000_000)),
        ),
        today=TODAY,
    )


def _check_plan(st: Stage, evs: list[AuditEvent]) -> None:
    (ev,) = evs
    assert (ev.action, ev.entity, ev.before) == ("plan", "grant", None)
    assert ev.after is not None
    assert (ev.after["planned_total"], ev.after["status"]) == (11_000_000, "planned")
    assert [t["amount"] for t in ev.after["tranches"]] == [5_000_000, 6_000_000]


def _cancel(st: Stage) -> object:
    return grants.cancel_grant(st.db, st.actors["officer"], st.cash_grant, "Chuyển đi")


def _check_cancel(st: Stage, evs: list[AuditEvent]) -> None:
    (ev,) = evs
    assert (ev.action, ev.entity, ev.entity_id) == ("cancel", "grant", st.cash_grant)
    assert ev.before is not None and ev.after is not None
    assert (ev.before["status"], ev.after["status"]) == ("planned", "cancelled")


def _handover(st: Stage) -> object:
    return grants.record_handover(
        st.db,
        st.actors["accountant"],
        HandoverInput(st.cash_grant, date(2025, 3, 1), amount=1_000_000),
        today=TODAY,
    )


def _check_handover(st: Stage, evs: list[AuditEvent]) -> None:
    hand_ev, grant_ev = evs
    assert (hand_ev.action, hand_ev.entity, hand_ev.before) == ("handover", "disbursement", None)
    assert hand_ev.after is not None
    assert (hand_ev.after["amount"], hand_ev.after["receipt_number"]) == (
        1_000_000,
        "MV-2025-00002",
    )
    assert hand_ev.after["asset_ids"] == []
    assert (grant_ev.action, grant_ev.entity, grant_ev.entity_id) == (
        "update",
        "grant",
        st.cash_grant,
    )
    assert grant_ev.before is not None and grant_ev.after is not None
    assert (grant_ev.before["status"], grant_ev.after["status"]) == ("planned", "active")


def _visit(st: Stage) -> object:
    outcome = visits.VisitOutcome(
        st.visit_id,
        date(2025, 3, 2),
        True,
        income_band="medium",
        asset_updates=(visits.AssetUpdate(st.cow, "sick"),),
    )
    return visits.record_visit(st.db, st.actors["officer"], outcome, today=TODAY)


def _check_visit(st: Stage, evs: list[AuditEvent]) -> None:
    asset_ev, visit_ev = evs
    assert (asset_ev.action, asset_ev.entity, asset_ev.entity_id) == ("update", "asset", st.cow)
    assert asset_ev.before is not None and asset_ev.after is not None
    assert (asset_ev.before["status"], asset_ev.after["status"]) == ("alive", "sick")
    assert (visit_ev.action, visit_ev.entity, visit_ev.entity_id) == ("visit", "visit", st.visit_id)
    assert visit_ev.before is not None and visit_ev.after is not None
    assert (visit_ev.before["status"], visit_ev.after["status"]) == ("scheduled", "done")
    assert visit_ev.after["income_band"] == "medium"


def _schedule(st: Stage) -> object:
    return visits.schedule_visit(
        st.db, st.actors["officer"], st.person.id, date(2025, 7, 1), today=TODAY
    )


def _check_schedule(st: Stage, evs: list[AuditEvent]) -> None:
    (ev,) = evs
    assert (ev.action, ev.entity, ev.before) == ("schedule", "visit", None)
    assert ev.after is not None
    assert ev.after["scheduled_on"] == "2025-07-01"


def _user(st: Stage) -> object:
    return office.create_user(st.db, st.actors["admin"], "Lan2", "Lê Thị Lan", "viewer")


def _check_user(st: Stage, evs: list[AuditEvent]) -> None:
    (ev,) = evs
    assert (ev.action, ev.entity, ev.before) == ("create", "user", None)
    assert ev.after is not None
    assert (ev.after["username"], ev.after["role"]) == ("lan2", "viewer")
    assert "password_hash" not in ev.after


def _office(st: Stage) -> object:
    return office.save_office(
        st.db,
        st.actors["admin"],
        office.OfficeInput(name="Hội LHPN huyện Mèo Vạc", receipt_prefix="MV"),
    )


def _check_office(st: Stage, evs: list[AuditEvent]) -> None:
    (ev,) = evs
    assert (ev.action, ev.entity) == ("update", "office")
    assert ev.before is not None and ev.after is not None
    assert (ev.before["name"], ev.after["name"]) == (
        "Hội LHPN xã Mèo Vạc",
        "Hội LHPN huyện Mèo Vạc",
    )


def _print(st: Stage) -> object:
    return receipts.record_print(st.db, st.actors["accountant"], "MV-2025-00001")


def _check_print(st: Stage, evs: list[AuditEvent]) -> None:
    (ev,) = evs
    assert (ev.action, ev.entity, ev.before) == ("print", "receipt", None)
    assert ev.after == {"number": "MV-2025-00001", "copy": 0}


def _reprint(st: Stage) -> object:
    receipts.record_print(st.db, st.actors["accountant"], "MV-2025-00001")
    return receipts.record_print(st.db, st.actors["accountant"], "MV-2025-00001")


def _check_reprint(st: Stage, evs: list[AuditEvent]) -> None:
    first, ev = evs
    assert first.action == "print"
    assert (ev.action, ev.entity, ev.before) == ("reprint", "receipt", None)
    assert ev.after == {"number": "MV-2025-00001", "count": 1}


def _void(st: Stage) -> object:
    return receipts.void_receipt(
        st.db, st.actors["accountant"], "MV-2025-00001", "Viết sai tên", replace=True
    )


def _check_void(st: Stage, evs: list[AuditEvent]) -> None:
    void_ev, replace_ev = evs
    assert (void_ev.action, void_ev.entity) == ("void", "receipt")
    assert void_ev.before is not None and void_ev.after is not None
    assert void_ev.before["voided_at"] is None
    assert void_ev.after["void_reason"] == "Viết sai tên"
    assert (replace_ev.action, replace_ev.entity, replace_ev.before) == ("replace", "receipt", None)
    assert replace_ev.after is not None
    assert replace_ev.after["number"] == "MV-2025-00002"
    assert replace_ev.after["replaces_id"] == void_ev.entity_id


WRITES: dict[str, tuple[Callable[[Stage], object], Check, str]] = {
    "register": (_register, _check_register, "officer"),
    "edit": (_edit, _check_edit, "officer"),
    "consent": (_consent, _check_consent, "officer"),
    "create_project": (_create_project, _check_create_project, "admin"),
    "edit_project": (_edit_project, _check_edit_project, "admin"),
    "update_grant_type": (_grant_type, _check_grant_type, "admin"),
    "plan_grant": (_plan, _check_plan, "officer"),
    "cancel_grant": (_cancel, _check_cancel, "officer"),
    "record_handover": (_handover, _check_handover, "accountant"),
    "record_visit": (_visit, _check_visit, "officer"),
    "schedule_visit": (_schedule, _check_schedule, "officer"),
    "create_user": (_user, _check_user, "admin"),
    "save_office": (_office, _check_office, "admin"),
    "record_print": (_print, _check_print, "accountant"),
    "record_reprint": (_reprint, _check_reprint, "accountant"),
    "void_receipt": (_void, _check_void, "accountant"),
}


@pytest.mark.parametrize("name", list(WRITES))
def test_each_write_adds_audit_events(stage: Stage, name: str) -> None:
    write, check, role = WRITES[name]
    old = events(stage.db)
    write(stage)
    new = events(stage.db)[len(old) :]
    assert new, "no audit event was written"
    actor = stage.actors[role]
    for ev in new:
        assert (ev.username, ev.user_id) == (actor.username, actor.user_id)
        assert ev.at.tzinfo is not None
    check(stage, new)
    assert verify(stage.db).ok


def test_second_partial_handover_does_not_log_grant_update(stage: Stage) -> None:
    _handover(stage)
    old = len(events(stage.db))
    grants.record_handover(
        stage.db,
        stage.actors["accountant"],
        HandoverInput(stage.cash_grant, date(2025, 3, 2), amount=1_000_000),
        today=TODAY,
    )
    new = events(stage.db)[old:]
    assert [(e.action, e.entity) for e in new] == [("handover", "disbursement")]


def test_refused_write_adds_no_event(stage: Stage) -> None:
    old = events(stage.db)
    with pytest.raises(ValidationError):
        grants.record_handover(
            stage.db,
            stage.actors["accountant"],
            HandoverInput(stage.cash_grant, date(2025, 3, 1), amount=31_000_000),
            today=TODAY,
        )
    assert [e.id for e in events(stage.db)] == [e.id for e in old]
    assert verify(stage.db).ok


def test_chain_links_every_event(stage: Stage) -> None:
    evs = events(stage.db)
    assert len(evs) > 10
    assert evs[0].prev_hash == audit.GENESIS
    for prev, ev in itertools.pairwise(evs):
        assert ev.prev_hash == prev.hash
    assert len({e.hash for e in evs}) == len(evs)
    report = verify(stage.db)
    assert (report.ok, report.checked, report.broken_at) == (True, len(evs), None)


def test_empty_chain_is_ok(sqlite_db: Database) -> None:
    report = verify(sqlite_db)
    assert (report.ok, report.checked) == (True, 0)


def _set_json(db: Database, column: str, event_id: int, value: Any) -> None:
    cast = "CAST(:v AS JSON)" if not db.is_sqlite else ":v"
    with db.write() as s:
        s.execute(
            text(f"UPDATE audit_event SET {column} = {cast} WHERE id = :id"),
            {"v": json.dumps(value, ensure_ascii=False), "id": event_id},
        )


def _event_of(db: Database, action: str, entity: str) -> tuple[int, int]:
    """(id, position) of the first event with this action and entity."""
    for pos, ev in enumerate(events(db)):
        if (ev.action, ev.entity) == (action, entity):
            return ev.id, pos
    raise AssertionError(f"no {action} {entity} event")


def test_changed_after_is_reported(stage: Stage) -> None:
    event_id, pos = _event_of(stage.db, "plan", "grant")
    ev = next(e for e in events(stage.db) if e.id == event_id)
    assert ev.after is not None
    forged = dict(ev.after, planned_total=ev.after["planned_total"] + 1)
    _set_json(stage.db, "after", event_id, forged)
    report = verify(stage.db)
    assert (report.ok, report.broken_at, report.reason, report.checked) == (
        False,
        event_id,
        "content changed",
        pos,
    )


def test_changed_before_is_reported(stage: Stage) -> None:
    _edit(stage)
    event_id, _ = _event_of(stage.db, "update", "beneficiary")
    _set_json(stage.db, "before", event_id, {"village": "forged"})
    assert verify(stage.db).broken_at == event_id


def test_changed_username_is_reported(stage: Stage) -> None:
    event_id, _ = _event_of(stage.db, "handover", "disbursement")
    with stage.db.write() as s:
        s.execute(text("UPDATE audit_event SET username = 'tuan' WHERE id = :id"), {"id": event_id})
    report = verify(stage.db)
    assert (report.broken_at, report.reason) == (event_id, "content changed")


def test_deleted_middle_row_is_reported(stage: Stage) -> None:
    evs = events(stage.db)
    middle = evs[len(evs) // 2]
    following = evs[len(evs) // 2 + 1]
    with stage.db.write() as s:
        s.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": middle.id})
    report = verify(stage.db)
    assert (report.ok, report.broken_at, report.reason) == (
        False,
        following.id,
        "missing event before it",
    )


def test_rewritten_hash_breaks_next_link(stage: Stage) -> None:
    evs = events(stage.db)
    target, following = evs[3], evs[4]
    with stage.db.write() as s:
        s.execute(
            text("UPDATE audit_event SET hash = :h WHERE id = :id"),
            {"h": "f" * 64, "id": target.id},
        )
    assert verify(stage.db).broken_at == target.id
    # Forging the next link too only moves the break: the forged hash does not match.
    with stage.db.write() as s:
        s.execute(
            text("UPDATE audit_event SET prev_hash = :h WHERE id = :id"),
            {"h": "f" * 64, "id": following.id},
        )
    assert verify(stage.db).broken_at == target.id


def test_writes_after_tampering_still_report_it(stage: Stage) -> None:
    event_id, _ = _event_of(stage.db, "create", "project")
    _set_json(stage.db, "after", event_id, {"budget": 1})
    _register(stage)
    assert verify(stage.db).broken_at == event_id
