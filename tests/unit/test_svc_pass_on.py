"""Pass-on (bò quay vòng): a calf passed from one family to another becomes the receiver's
asset with its note and its visits, and the giver's first-calf duty is done."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tracker.db.models import Asset, AuditEvent, PassOn, Visit
from tracker.domain.shapes import PassOnFigures, Summary
from tracker.services import audit, grant_types, grants, pass_on, visits
from tracker.services.errors import PermissionDenied
from tracker.services.pass_on import PassOnInput
from tracker.services.visits import AssetUpdate

from ..conftest import TODAY
from .checks import refused
from .test_svc_visits import COW, SU, World, asset, record
from .test_svc_visits import world as world  # the fixture of those tests

CALF_DAY = date(2025, 2, 12)
PASSED_ON = date(2025, 6, 1)


def calve(w: World, mother: int | None = None) -> int:
    """Mai's first cow has a calf at the one-month visit; returns the calf's id."""
    mother = mother or w.mai_cows[0]
    record(w, w.visit_id(w.mai_grant, 1), asset_updates=(AssetUpdate(mother, "calved"),))
    with w.db.read() as s:
        return s.execute(select(Asset.id).where(Asset.parent_id == mother)).scalar_one()


def give(w: World, calf: int, receiver: int | None = None, **changes: object) -> object:
    data = {
        "asset_id": calf,
        "receiver_id": w.su.id if receiver is None else receiver,
        "handed_on": PASSED_ON,
        "value": 8_000_000,
        "description": "Bê con (bò cái)",
        "witness_name": "Lù Thị Hoa",
        "witness_title": "Chi hội trưởng phụ nữ thôn",
    }
    data.update(changes)
    return pass_on.record_pass_on(w.db, w.officer, PassOnInput(**data), today=TODAY)  # type: ignore[arg-type]


def test_an_open_duty_is_listed_once_a_calf_is_born(world: World) -> None:
    assert pass_on.open_obligations(world.db, world.officer, today=TODAY) == []
    calf = calve(world)
    [duty] = pass_on.open_obligations(world.db, world.officer, today=TODAY)
    assert (duty.beneficiary_name, duty.asset_id, duty.young_ids) == (
        "Vàng Thị Mỷ",
        world.mai_cows[0],
        (calf,),
    )
    assert (duty.first_born_on, duty.months_allowed, duty.due_on) == (
        CALF_DAY,
        12,
        date(2026, 2, 12),
    )
    assert not duty.overdue
    assert pass_on.open_obligations(world.db, world.officer, overdue_only=True, today=TODAY) == []
    late = pass_on.open_obligations(
        world.db, world.officer, overdue_only=True, today=date(2026, 3, 1)
    )
    assert [(d.asset_id, d.days_late) for d in late] == [(world.mai_cows[0], 17)]
    mine = pass_on.open_obligations(world.db, world.officer, beneficiary_id=world.su.id)
    assert mine == []


def test_passing_the_calf_on_makes_it_the_receivers_with_visits(world: World) -> None:
    calf = calve(world)
    done = give(world, calf)
    assert isinstance(done, pass_on.PassOnView)
    assert (done.giver_name, done.receiver_name, done.value) == ("Vàng Thị Mỷ", SU, 8_000_000)
    assert done.number == f"QV-2025-{done.id:05d}"
    assert done.obligation_asset_id == world.mai_cows[0]
    # The giver's calf closed as passed on; the receiver's own calf alive.
    given = asset(world, calf)
    assert (given.status, given.closed_on) == ("passed_on", PASSED_ON)
    mine = asset(world, done.asset_id)
    assert (mine.beneficiary_id, mine.status, mine.value, mine.acquired_on) == (
        world.su.id,
        "alive",
        8_000_000,
        PASSED_ON,
    )
    assert [a.id for a in visits.list_assets(world.db, world.officer, world.su.id)][-1] == (
        done.asset_id
    )
    # The cattle plan from the day it was passed on, for the receiver.
    assert done.visits_scheduled == (
        date(2025, 7, 1),
        date(2025, 9, 1),
        date(2025, 12, 1),
        date(2026, 6, 1),
        date(2027, 6, 1),
    )
    with world.db.read() as s:
        booked = s.execute(
            select(Visit.scheduled_on)
            .where(Visit.beneficiary_id == world.su.id, Visit.grant_id == world.mai_grant)
            .order_by(Visit.scheduled_on)
        ).scalars()
        assert tuple(booked) == done.visits_scheduled
        event = s.execute(
            select(AuditEvent).where(
                AuditEvent.entity == "pass_on", AuditEvent.entity_id == done.id
            )
        ).scalar_one()
        assert (event.action, event.username) == ("pass_on", "hoa")
    # Every record it wrote is as its audit event says; the chain holds.
    with world.db.read() as s:
        assert audit.verify_chain(s).ok
        checks = {c.entity: c for c in audit.check_rows(s)}
        assert checks["pass_on"].checked == 1 and not checks["pass_on"].changed
        assert not checks["asset"].changed
    # The duty is done: no longer listed.
    assert pass_on.open_obligations(world.db, world.officer, today=date(2026, 3, 1)) == []
    both = pass_on.list_pass_ons(world.db, world.officer, beneficiary_id=world.su.id)
    assert [p.id for p in both] == [done.id]
    assert pass_on.list_pass_ons(world.db, world.officer, beneficiary_id=world.mai.id) == both


def test_the_receiver_has_the_same_duty_once_her_calf_calves(world: World) -> None:
    done = give(world, calve(world))
    assert isinstance(done, pass_on.PassOnView)
    [vid] = [
        r.id
        for r in visits.list_visits(world.db, world.officer, "all", beneficiary_id=world.su.id)
        if r.scheduled_on == date(2025, 7, 1)
    ]
    visits.record_visit(
        world.db,
        world.officer,
        visits.VisitOutcome(vid, date(2025, 7, 2), True,
                            asset_updates=(AssetUpdate(done.asset_id, "calved"),)),
        today=date(2025, 7, 3),
    )  # fmt: skip
    [duty] = pass_on.open_obligations(world.db, world.officer, today=date(2025, 7, 3))
    assert (duty.beneficiary_id, duty.asset_id) == (world.su.id, done.asset_id)


def test_refused_passes_change_nothing(world: World) -> None:
    calf = calve(world)
    three_months = world.visit_id(world.mai_grant, 3)
    refused(world.db, lambda: give(world, calf, world.mai.id),
            key="pass_on_same_family", field="receiver")  # fmt: skip
    refused(world.db, lambda: give(world, calf, handed_on=date(2025, 7, 1)),
            key="date_future", field="handed_on")  # fmt: skip
    refused(world.db, lambda: give(world, calf, handed_on=date(2025, 2, 1)),
            key="date_before", field="handed_on")  # fmt: skip
    refused(world.db, lambda: give(world, calf, value=-1),
            key="amount_not_negative", field="value")  # fmt: skip
    give(world, calf)
    refused(world.db, lambda: give(world, calf), key="asset_closed", field="asset")
    # A cow that died cannot be passed on either.
    died = (AssetUpdate(world.mai_cows[1], "died"),)
    record(world, three_months, asset_updates=died, done_on=date(2025, 4, 10))
    refused(world.db, lambda: give(world, world.mai_cows[1]), key="asset_closed", field="asset")


@pytest.mark.parametrize("role", ["viewer", "accountant"])
def test_only_field_staff_pass_on(world: World, role: str) -> None:
    calf = calve(world)
    call = lambda: pass_on.record_pass_on(  # noqa: E731
        world.db,
        world.actors[role],
        PassOnInput(calf, world.su.id, PASSED_ON),
        today=TODAY,
    )
    before = world.db
    with pytest.raises(PermissionDenied):
        call()
    with before.read() as s:
        assert s.execute(select(PassOn)).first() is None


def test_cancelling_the_givers_grant_keeps_the_receivers_visits(world: World) -> None:
    g = grants.plan_grant(
        world.db,
        world.officer,
        grants.GrantInput(world.mai.id, world.project_id, "cattle", date(2025, 1, 1),
                          (grants.TrancheInput("Bò giống", quantity=2, unit_value=COW),)),
        today=TODAY,
    )  # fmt: skip
    h = grants.record_handover(
        world.db,
        world.actors["accountant"],
        grants.HandoverInput(g.id, date(2025, 3, 1), quantity=1, unit_value=COW),
        today=TODAY,
    )
    record(world, world.visit_id(g.id, 1), done_on=date(2025, 4, 2),
           asset_updates=(AssetUpdate(h.asset_ids[0], "calved"),))  # fmt: skip
    with world.db.read() as s:
        calf = s.execute(select(Asset.id).where(Asset.parent_id == h.asset_ids[0])).scalar_one()
    done = give(world, calf)
    assert isinstance(done, pass_on.PassOnView)
    grants.cancel_grant(world.db, world.officer, g.id, "Chuyển đi")
    left = visits.list_visits(world.db, world.officer, "all", beneficiary_id=world.su.id)
    kept = {r.scheduled_on for r in left if r.grant_id == g.id and r.status == "scheduled"}
    assert kept == set(done.visits_scheduled)
    mai = visits.list_visits(world.db, world.officer, "all", beneficiary_id=world.mai.id)
    assert {r.status for r in mai if r.grant_id == g.id and r.done_on is None} == {"cancelled"}


def test_a_type_without_the_rule_has_no_duty(world: World) -> None:
    calve(world)
    admin = world.actors["admin"]
    refused(world.db, lambda: grant_types.update_grant_type(world.db, admin, "cattle",
                                                           pass_on_months=61),
            key="pass_on_months_range", field="pass_on_months")  # fmt: skip
    gt = grant_types.update_grant_type(world.db, admin, "cattle", pass_on_months=0)
    assert gt.pass_on_months is None
    assert pass_on.open_obligations(world.db, world.officer, today=TODAY) == []
    gt = grant_types.update_grant_type(world.db, admin, "cattle", pass_on_months=6)
    [duty] = pass_on.open_obligations(world.db, world.officer, today=TODAY)
    assert duty.due_on == date(2025, 8, 12)


def test_the_note_names_both_families_the_witness_and_the_value(
    world: World, tmp_path: Path
) -> None:
    done = give(world, calve(world), note="Khỏe mạnh")
    assert isinstance(done, pass_on.PassOnView)
    doc = pass_on.pass_on_note(world.db, world.actors["viewer"], done.id)
    assert (doc.giver_name, doc.receiver_name, doc.value) == ("Vàng Thị Mỷ", SU, 8_000_000)
    assert doc.witness is not None and doc.witness.name == "Lù Thị Hoa"
    assert doc.number == done.number and doc.issued_on == PASSED_ON
    assert doc.condition_note == "sinh ngày 12/02/2025. Khỏe mạnh"
    assert doc.passes_on_again
    out = tmp_path / "note.pdf"
    assert pass_on.write_pass_on_note(world.db, world.officer, done.id, out) == 1
    assert out.read_bytes().startswith(b"%PDF")


def test_the_summary_counts_the_pass_on_apart_from_the_money(world: World) -> None:
    from tracker.reports.summary_tables import SUPPRESSED, build_tables
    from tracker.services import figures

    def summary(audience: str = "office") -> Summary:
        return figures.summary(world.db, world.officer, date(2025, 4, 1), date(2025, 6, 30),
                               audience=audience, today=TODAY)  # fmt: skip

    calf = calve(world)
    before = summary()
    give(world, calf)
    after = summary()
    # Not new money: support, spending and people supported as they were.
    assert after.support == before.support
    assert after.projects == before.projects
    assert after.people == before.people
    assert after.pass_on_total == PassOnFigures("", 1, 1, 1, 1)
    assert [(p.kind, p.passed_on, p.families) for p in after.pass_on] == [("cow", 1, 1)]
    # The period before: to its end, nothing yet.
    earlier = figures.summary(world.db, world.officer, date(2025, 1, 1), date(2025, 3, 31),
                              today=TODAY)  # fmt: skip
    assert earlier.pass_on == () and earlier.pass_on_total.passed_on_total == 0
    [table] = [t for t in build_tables(after) if t.key == "pass_on"]
    assert table.title == "Chuyển giao quay vòng giữa các gia đình"
    assert table.rows == (("Bò", 1, 1, 1, 1),)
    # The donor's version: one calf, one family, hidden.
    [donor] = [t for t in build_tables(summary("donor")) if t.key == "pass_on"]
    assert donor.total is not None and donor.total[1:] == (SUPPRESSED,) * 4
