"""Follow-up visits: the due / overdue lists and recording outcomes (which move assets)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tracker.db.engine import Database
from tracker.db.models import Asset, AssetEvent, Visit
from tracker.services import beneficiaries as ben
from tracker.services import grants, projects, visits
from tracker.services.context import Actor
from tracker.services.errors import NotFoundError, ValidationError
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput
from tracker.services.visits import AssetUpdate, MissedVisit, VisitOutcome

from ..conftest import TODAY
from .checks import count, refused

COW = 15_000_000


@dataclass
class World:
    db: Database
    actors: dict[str, Actor]
    mai: ben.BeneficiaryView  # commune 00769, followed by the officer
    su: ben.BeneficiaryView  # commune 00772, followed by the admin
    project_id: int
    mai_grant: int
    su_grant: int
    mai_cows: tuple[int, ...]
    su_cows: tuple[int, ...]

    @property
    def officer(self) -> Actor:
        return self.actors["officer"]

    def visit_id(self, grant_id: int, months: int) -> int:
        with self.db.read() as s:
            return s.execute(
                select(Visit.id).where(Visit.grant_id == grant_id, Visit.months_after == months)
            ).scalar_one()


def _person(db: Database, actor: Actor, name: str, commune: str) -> ben.BeneficiaryView:
    return ben.register(
        db,
        actor,
        ben.BeneficiaryInput(
            full_name=name,
            sex="F",
            category="victim",
            ethnicity_code="08",
            birth_year=1995,
            commune_code=commune,
        ),
        today=TODAY,
    )


@pytest.fixture
def world(db: Database, actors: dict[str, Actor]) -> World:
    officer, admin = actors["officer"], actors["admin"]
    mai = _person(db, officer, "Vàng Thị Mỷ", "00769")
    su = _person(db, officer, "Giàng Thị Sú", "00772")
    project = projects.create_project(
        db,
        admin,
        projects.ProjectInput(
            "P1", "Sinh kế", "Quỹ A", date(2025, 1, 1), date(2026, 12, 31), 500_000_000
        ),
    )

    def cattle(person: ben.BeneficiaryView, heads: int, officer_id: int | None) -> int:
        return grants.plan_grant(
            db,
            officer,
            GrantInput(
                beneficiary_id=person.id,
                project_id=project.id,
                grant_type="cattle",
                start_date=date(2025, 1, 1),
                tranches=(TrancheInput("Bò giống", quantity=heads, unit_value=COW),),
                officer_id=officer_id,
            ),
            today=TODAY,
        ).id

    mai_grant = cattle(mai, 2, None)
    su_grant = cattle(su, 1, admin.user_id)
    h1 = grants.record_handover(
        db,
        actors["accountant"],
        HandoverInput(
            mai_grant, date(2025, 1, 10), quantity=2, unit_value=COW, asset_tags=("T1", "T2")
        ),
        today=TODAY,
    )
    h2 = grants.record_handover(
        db,
        actors["accountant"],
        HandoverInput(su_grant, date(2025, 5, 20), quantity=1, unit_value=COW),
        today=TODAY,
    )
    return World(db, actors, mai, su, project.id, mai_grant, su_grant, h1.asset_ids, h2.asset_ids)


def ids_dates(rows: list[visits.VisitRow]) -> list[tuple[str, date, int]]:
    return [(r.beneficiary_name, r.scheduled_on, r.days_late) for r in rows]


MAI, SU = "Vàng Thị Mỷ", "Giàng Thị Sú"


def outcome(visit_id: int, **changes: Any) -> VisitOutcome:
    values: dict[str, Any] = {
        "visit_id": visit_id,
        "done_on": date(2025, 2, 12),
        "livelihood_running": True,
    }
    values.update(changes)
    return VisitOutcome(**values)


def record(w: World, visit_id: int, **changes: Any) -> visits.VisitRow:
    return visits.record_visit(w.db, w.officer, outcome(visit_id, **changes), today=TODAY)


def asset(w: World, asset_id: int) -> Asset:
    with w.db.read() as s:
        a = s.get(Asset, asset_id)
        assert a is not None
        return a


def events(w: World, asset_id: int) -> list[tuple[str, date, int | None]]:
    with w.db.read() as s:
        rows = s.execute(
            select(AssetEvent.status, AssetEvent.happened_on, AssetEvent.visit_id)
            .where(AssetEvent.asset_id == asset_id)
            .order_by(AssetEvent.id)
        ).all()
        return [tuple(r) for r in rows]  # type: ignore[misc]


# --- lists -------------------------------------------------------------------------------


def test_overdue_list_with_days_late(world: World) -> None:
    rows = visits.list_visits(world.db, world.officer, "overdue", today=TODAY)
    assert ids_dates(rows) == [(MAI, date(2025, 2, 10), 125), (MAI, date(2025, 4, 10), 66)]
    assert [r.months_after for r in rows] == [1, 3]
    assert {(r.grant_type, r.status, r.officer, r.commune_code) for r in rows} == {
        ("cattle", "scheduled", "Vàng Thị Hoa", "00769")
    }
    assert visits.count_visits(world.db, world.officer, "overdue", today=TODAY) == 2


def test_due_list_is_today_to_window(world: World) -> None:
    rows = visits.list_visits(world.db, world.officer, "due", today=TODAY)
    assert ids_dates(rows) == [(SU, date(2025, 6, 20), 0)]
    wider = visits.list_visits(world.db, world.officer, "due", today=TODAY, within_days=30)
    assert ids_dates(wider) == [(SU, date(2025, 6, 20), 0), (MAI, date(2025, 7, 10), 0)]
    assert visits.count_visits(world.db, world.officer, "due", today=TODAY, within_days=30) == 2
    # The window ends exactly within_days after today.
    edge = visits.list_visits(world.db, world.officer, "due", today=date(2025, 6, 13))
    assert ids_dates(edge) == [(SU, date(2025, 6, 20), 0)]
    short = visits.list_visits(world.db, world.officer, "due", today=date(2025, 6, 12))
    assert short == []


def test_visit_due_today_is_due_not_overdue(world: World) -> None:
    booked = visits.schedule_visit(world.db, world.officer, world.su.id, TODAY, today=TODAY)
    due = visits.list_visits(world.db, world.officer, "due", today=TODAY)
    assert booked.id in [r.id for r in due]
    overdue = visits.list_visits(world.db, world.officer, "overdue", today=TODAY)
    assert booked.id not in [r.id for r in overdue]
    tomorrow = visits.list_visits(world.db, world.officer, "overdue", today=TODAY + timedelta(1))
    late = [r for r in tomorrow if r.id == booked.id]
    assert [r.days_late for r in late] == [1]


def test_open_list_is_overdue_and_due(world: World) -> None:
    rows = visits.list_visits(world.db, world.officer, "open", today=TODAY)
    assert ids_dates(rows) == [
        (MAI, date(2025, 2, 10), 125),
        (MAI, date(2025, 4, 10), 66),
        (SU, date(2025, 6, 20), 0),
    ]
    assert visits.count_visits(world.db, world.officer, "open", today=TODAY) == 3
    assert visits.count_visits(world.db, world.officer, "all", today=TODAY) == 10


def test_done_visit_leaves_overdue_and_joins_done(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    record(world, vid)
    overdue = visits.list_visits(world.db, world.officer, "overdue", today=TODAY)
    assert ids_dates(overdue) == [(MAI, date(2025, 4, 10), 66)]
    done = visits.list_visits(world.db, world.officer, "done", today=TODAY)
    assert [(r.id, r.status, r.done_on, r.days_late) for r in done] == [
        (vid, "done", date(2025, 2, 12), 0)
    ]


def test_commune_filter(world: World) -> None:
    rows = visits.list_visits(world.db, world.officer, "open", today=TODAY, commune_code="00772")
    assert ids_dates(rows) == [(SU, date(2025, 6, 20), 0)]
    mai_rows = visits.list_visits(world.db, world.officer, "all", commune_code="00769", today=TODAY)
    assert {r.beneficiary_name for r in mai_rows} == {MAI}
    assert len(mai_rows) == 5


def test_officer_filter(world: World) -> None:
    admin_id = world.actors["admin"].user_id
    rows = visits.list_visits(world.db, world.officer, "all", today=TODAY, officer_id=admin_id)
    assert {r.beneficiary_name for r in rows} == {SU}
    assert len(rows) == 5
    assert {r.officer for r in rows} == {"Nguyễn Thị Lan"}
    mine = visits.list_visits(
        world.db, world.officer, "overdue", today=TODAY, officer_id=world.officer.user_id
    )
    assert len(mine) == 2


def test_beneficiary_filter_and_paging(world: World) -> None:
    rows = visits.list_visits(world.db, world.officer, "all", beneficiary_id=world.su.id)
    assert [r.scheduled_on for r in rows] == [
        date(2025, 6, 20),
        date(2025, 8, 20),
        date(2025, 11, 20),
        date(2026, 5, 20),
        date(2027, 5, 20),
    ]
    page = visits.list_visits(world.db, world.officer, "all", today=TODAY, limit=2, offset=1)
    assert [r.scheduled_on for r in page] == [date(2025, 4, 10), date(2025, 6, 20)]


def test_unknown_list_refused(world: World) -> None:
    with pytest.raises(ValidationError) as info:
        visits.list_visits(world.db, world.officer, "late", today=TODAY)
    assert (info.value.key, info.value.field) == ("choice", "visit")


# --- record_visit ------------------------------------------------------------------------


def test_record_visit_stores_outcome(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    row = record(
        world,
        vid,
        income_band="low",
        safety_concern=True,
        in_school=False,
        notes="  Bò khỏe,\r\nchuồng sạch ",
    )
    assert (row.status, row.done_on, row.livelihood_running, row.income_band) == (
        "done",
        date(2025, 2, 12),
        True,
        "low",
    )
    with world.db.read() as s:
        v = s.get(Visit, vid)
        assert v is not None
        assert (v.status, v.done_on, v.safety_concern, v.in_school, v.notes) == (
            "done",
            date(2025, 2, 12),
            True,
            False,
            "Bò khỏe,\nchuồng sạch",
        )


def test_visit_on_handover_day_accepted(world: World) -> None:
    row = record(world, world.visit_id(world.mai_grant, 1), done_on=date(2025, 1, 10))
    assert row.done_on == date(2025, 1, 10)


def test_visit_before_handover_refused(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    refused(
        world.db,
        lambda: record(world, vid, done_on=date(2025, 1, 9)),
        key="date_before",
        field="done_on",
    )


def test_visit_in_future_refused(world: World) -> None:
    vid = world.visit_id(world.su_grant, 1)
    refused(
        world.db,
        lambda: record(world, vid, done_on=TODAY + timedelta(days=1)),
        key="date_future",
        field="done_on",
    )
    assert record(world, vid, done_on=TODAY).done_on == TODAY


def test_visit_recorded_twice_refused(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    record(world, vid)
    refused(
        world.db,
        lambda: record(world, vid, done_on=date(2025, 2, 13)),
        key="visit_already_done",
        field="visit",
    )


def test_unknown_visit(world: World) -> None:
    refused(
        world.db,
        lambda: record(world, 9999),
        key="not_found",
        field="visit",
        error=NotFoundError,
    )


@pytest.mark.parametrize("band", ["rich", "", "LOW", 3])
def test_bad_income_band_refused(world: World, band: object) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    refused(
        world.db,
        lambda: record(world, vid, income_band=band),
        key="choice",
        field="income_band",
    )


@pytest.mark.parametrize("running", [None, "yes", 1])
def test_livelihood_running_must_be_bool(world: World, running: object) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    refused(
        world.db,
        lambda: record(world, vid, livelihood_running=running),
        key="choice",
        field="status",
    )


def test_visit_notes_checked(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    refused(
        world.db,
        lambda: record(world, vid, notes="bò\x00"),
        key="control_chars",
        field="notes",
    )
    refused(
        world.db,
        lambda: record(world, vid, notes="x" * 4001),
        key="too_long",
        field="notes",
    )


# --- assets ------------------------------------------------------------------------------


def test_calf_born_adds_young_asset(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    mother = world.mai_cows[0]
    record(world, vid, asset_updates=(AssetUpdate(mother, "calved", note="Bê cái"),))
    with world.db.read() as s:
        calves = s.execute(select(Asset).where(Asset.parent_id == mother)).scalars().all()
        assert [
            (c.kind, c.status, c.beneficiary_id, c.grant_id, c.acquired_on, c.value, c.description)
            for c in calves
        ] == [("cow", "alive", world.mai.id, world.mai_grant, date(2025, 2, 12), 0, "Bê con")]
        calf_id = calves[0].id
    m = asset(world, mother)
    assert (m.status, m.closed_on) == ("calved", None), "the state of the newest event"
    assert events(world, mother) == [
        ("alive", date(2025, 1, 10), None),
        ("calved", date(2025, 2, 12), vid),
    ]
    assert events(world, calf_id) == [("alive", date(2025, 2, 12), vid)]
    listed = visits.list_assets(world.db, world.actors["viewer"], world.mai.id)
    assert [(a.id, a.parent_id, a.is_open) for a in listed] == [
        (world.mai_cows[0], None, True),
        (world.mai_cows[1], None, True),
        (calf_id, mother, True),
    ]


def test_twin_calves(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    record(world, vid, asset_updates=(AssetUpdate(world.mai_cows[0], "calved", young_born=2),))
    with world.db.read() as s:
        parents = s.execute(select(Asset.parent_id).where(Asset.parent_id.is_not(None))).all()
        assert len(parents) == 2


@pytest.mark.parametrize("young", [21, -1, True])
def test_calves_count_checked(world: World, young: object) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    refused(
        world.db,
        lambda: record(
            world,
            vid,
            asset_updates=(AssetUpdate(world.mai_cows[0], "calved", young_born=young),),  # type: ignore[arg-type]
        ),
        key="quantity_range",
        field="calves_born",
    )


def test_dead_cow_is_closed(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    cow = world.mai_cows[1]
    record(world, vid, asset_updates=(AssetUpdate(cow, "died", note="Ốm chết"),))
    a = asset(world, cow)
    assert (a.status, a.closed_on) == ("died", date(2025, 2, 12))
    assert events(world, cow)[-1] == ("died", date(2025, 2, 12), vid)
    # The other cow is untouched.
    assert asset(world, world.mai_cows[0]).status == "alive"
    view = [a for a in visits.list_assets(world.db, world.officer, world.mai.id) if a.id == cow]
    assert not view[0].is_open
    # A closed asset cannot be updated by a later visit; the whole visit is refused.
    later = world.visit_id(world.mai_grant, 3)
    refused(
        world.db,
        lambda: record(
            world, later, done_on=date(2025, 4, 10), asset_updates=(AssetUpdate(cow, "alive"),)
        ),
        key="asset_closed",
        field="asset",
    )


@pytest.mark.parametrize("status", ["sold", "passed_on"])
def test_sold_or_passed_on_closes(world: World, status: str) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    record(world, vid, asset_updates=(AssetUpdate(world.mai_cows[0], status),))
    a = asset(world, world.mai_cows[0])
    assert (a.status, a.closed_on) == (status, date(2025, 2, 12))


def test_a_sick_cow_that_calves_is_no_longer_shown_sick(world: World) -> None:
    first = world.visit_id(world.mai_grant, 1)
    record(world, first, asset_updates=(AssetUpdate(world.mai_cows[0], "sick"),))
    assert asset(world, world.mai_cows[0]).status == "sick"
    second = world.visit_id(world.mai_grant, 3)
    record(
        world,
        second,
        done_on=date(2025, 4, 12),
        asset_updates=(AssetUpdate(world.mai_cows[0], "calved"),),
    )
    assert asset(world, world.mai_cows[0]).status == "calved"


def test_sick_cow_stays_open(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    record(world, vid, asset_updates=(AssetUpdate(world.mai_cows[0], "sick"),))
    a = asset(world, world.mai_cows[0])
    assert (a.status, a.closed_on) == ("sick", None)


def test_asset_of_another_beneficiary_refused(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    refused(
        world.db,
        lambda: record(
            world,
            vid,
            asset_updates=(
                AssetUpdate(world.mai_cows[0], "sick"),
                AssetUpdate(world.su_cows[0], "died"),
            ),
        ),
        key="asset_not_of_visit",
        field="asset",
    )
    with world.db.read() as s:
        v = s.get(Visit, vid)
        assert v is not None
        assert v.status == "scheduled"
    assert asset(world, world.mai_cows[0]).status == "alive"


def test_unknown_asset_refused(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    refused(
        world.db,
        lambda: record(world, vid, asset_updates=(AssetUpdate(9999, "sick"),)),
        key="not_found",
        field="asset",
        error=NotFoundError,
    )


@pytest.mark.parametrize("status", ["dead", "", "Died"])
def test_bad_asset_status_refused(world: World, status: str) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    refused(
        world.db,
        lambda: record(world, vid, asset_updates=(AssetUpdate(world.mai_cows[0], status),)),
        key="choice",
        field="asset_status",
    )


def test_calved_loom_refused(world: World) -> None:
    accountant = world.actors["accountant"]
    g = grants.plan_grant(
        world.db,
        world.officer,
        GrantInput(
            beneficiary_id=world.mai.id,
            project_id=world.project_id,
            grant_type="linen_weaving",
            start_date=date(2025, 1, 1),
            tranches=(TrancheInput("Khung dệt", quantity=1, unit_value=3_000_000),),
        ),
        today=TODAY,
    )
    h = grants.record_handover(
        world.db,
        accountant,
        HandoverInput(
            g.id, date(2025, 2, 1), quantity=1, unit_value=3_000_000, creates_assets=True
        ),
        today=TODAY,
    )
    vid = world.visit_id(g.id, 1)
    refused(
        world.db,
        lambda: record(
            world,
            vid,
            done_on=date(2025, 3, 1),
            asset_updates=(AssetUpdate(h.asset_ids[0], "calved"),),
        ),
        key="calves_need_animal",
        field="asset_status",
    )


# --- next visit and manual booking -------------------------------------------------------


def test_next_visit_on_books_a_visit(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    record(world, vid, next_visit_on=date(2025, 3, 1))
    with world.db.read() as s:
        new = s.execute(select(Visit).where(Visit.scheduled_on == date(2025, 3, 1))).scalar_one()
        assert (new.status, new.grant_id, new.beneficiary_id, new.officer_id, new.months_after) == (
            "scheduled",
            world.mai_grant,
            world.mai.id,
            world.officer.user_id,
            None,
        )
    assert count(world.db, "visit") == 11


@pytest.mark.parametrize(
    ("when", "key"),
    [
        (date(2025, 2, 12), "date_before"),
        (date(2025, 2, 11), "date_before"),
        (date(2028, 2, 20), "date_after"),
    ],
)
def test_next_visit_date_checked(world: World, when: date, key: str) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    refused(
        world.db,
        lambda: record(world, vid, next_visit_on=when),
        key=key,
        field="next_visit_on",
    )


# --- no one met --------------------------------------------------------------------------


def miss(w: World, visit_id: int, **changes: Any) -> visits.VisitRow:
    values: dict[str, Any] = {
        "visit_id": visit_id,
        "tried_on": date(2025, 2, 12),
        "reason": "working_away",
    }
    values.update(changes)
    return visits.record_missed(w.db, w.officer, MissedVisit(**values), today=TODAY)


def test_missed_visit_keeps_the_reason_and_leaves_the_overdue_list(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    row = miss(world, vid, notes="Đi làm thuê ở Hà Giang, mẹ nói tháng sau về.")
    assert (row.status, row.done_on, row.missed_reason, row.days_late) == (
        "missed",
        date(2025, 2, 12),
        "working_away",
        0,
    )
    assert row.notes == "Đi làm thuê ở Hà Giang, mẹ nói tháng sau về."
    # Nothing is said about the livelihood or the assets of a person not met.
    assert (row.livelihood_running, row.income_band, row.safety_concern) == (None, None, None)
    assert all(e[2] != vid for a in world.mai_cows for e in events(world, a))
    overdue = visits.list_visits(world.db, world.officer, "overdue", today=TODAY)
    assert vid not in [r.id for r in overdue]
    assert [r.id for r in visits.list_visits(world.db, world.officer, "missed", today=TODAY)] == [
        vid
    ]
    assert visits.list_visits(world.db, world.officer, "done", today=TODAY) == []


def test_missed_visit_books_the_next_try(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    miss(world, vid, next_visit_on=date(2025, 2, 19))
    with world.db.read() as s:
        new = s.execute(select(Visit).where(Visit.scheduled_on == date(2025, 2, 19))).scalar_one()
        assert (new.status, new.grant_id, new.months_after, new.officer_id) == (
            "scheduled",
            world.mai_grant,
            None,
            world.officer.user_id,
        )
    assert count(world.db, "visit") == 11


@pytest.mark.parametrize("reason", ["", None, "lost", 3, "NOT_HOME"])
def test_missed_reason_must_be_one_of_the_list(world: World, reason: object) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    err = refused(
        world.db,
        lambda: miss(world, vid, reason=reason),
        key="required" if reason in ("", None) else "choice",
        field="missed_reason",
    )
    assert err.message("vi").startswith("Lý do không gặp")


def test_other_reason_needs_a_note(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    refused(world.db, lambda: miss(world, vid, reason="other", notes="  "), key="required",
            field="notes")  # fmt: skip
    row = miss(world, vid, reason="other", notes="Nhà có đám cưới, hẹn tuần sau.")
    assert row.missed_reason == "other"


def test_missed_visit_dates_checked(world: World) -> None:
    vid = world.visit_id(world.mai_grant, 1)
    refused(world.db, lambda: miss(world, vid, tried_on=date(2025, 1, 9)), key="date_before",
            field="done_on")  # fmt: skip
    refused(world.db, lambda: miss(world, vid, tried_on=TODAY + timedelta(days=1)),
            key="date_future", field="done_on")  # fmt: skip
    refused(world.db, lambda: miss(world, vid, next_visit_on=date(2025, 2, 12)),
            key="date_before", field="next_visit_on")  # fmt: skip


def test_a_recorded_visit_cannot_be_missed_and_the_other_way(world: World) -> None:
    done = world.visit_id(world.mai_grant, 1)
    record(world, done)
    refused(world.db, lambda: miss(world, done), key="visit_already_done", field="visit")
    missed = world.visit_id(world.mai_grant, 3)
    miss(world, missed, tried_on=date(2025, 4, 11))
    refused(world.db, lambda: record(world, missed), key="visit_already_done", field="visit")
    refused(world.db, lambda: miss(world, missed), key="visit_already_done", field="visit")


def test_missed_visit_is_in_the_audit_trail(world: World) -> None:
    from tracker.services import audit

    vid = world.visit_id(world.mai_grant, 1)
    miss(world, vid)
    last = audit.list_events(world.db, world.actors["admin"], limit=1)[0]
    assert (last.action, last.entity, last.entity_id) == ("miss", "visit", vid)
    assert last.after["missed_reason"] == "working_away"
    assert last.before["status"] == "scheduled" and last.after["status"] == "missed"


# --- nobody to visit any more -----------------------------------------------------------


def statuses(w: World, beneficiary_id: int) -> list[str]:
    with w.db.read() as s:
        rows = s.execute(
            select(Visit.status).where(Visit.beneficiary_id == beneficiary_id).order_by(Visit.id)
        ).scalars()
        return list(rows)


@pytest.mark.parametrize("status", ["deceased", "moved", "closed"])
def test_closing_a_file_cancels_the_visits_still_scheduled(world: World, status: str) -> None:
    record(world, world.visit_id(world.mai_grant, 1))
    before_su = statuses(world, world.su.id)
    mai = ben.get(world.db, world.officer, world.mai.id)
    ben.edit(world.db, world.officer, mai.id, ben.with_changes(mai, status=status), today=TODAY)
    assert statuses(world, world.mai.id) == ["done"] + ["cancelled"] * 4
    assert statuses(world, world.su.id) == before_su, "nobody else's visits"
    overdue = visits.list_visits(world.db, world.officer, "overdue", today=TODAY)
    assert MAI not in {r.beneficiary_name for r in overdue}
    from tracker.services import audit

    cancelled = [e for e in audit.list_events(world.db, world.actors["admin"], limit=50)
                 if e.action == "cancel" and e.entity == "visit"]  # fmt: skip
    assert len(cancelled) == 4 and all(e.username == world.officer.username for e in cancelled)


def test_editing_an_active_file_leaves_its_visits(world: World) -> None:
    before = statuses(world, world.mai.id)
    mai = ben.get(world.db, world.officer, world.mai.id)
    ben.edit(world.db, world.officer, mai.id, ben.with_changes(mai, village="Pả Vi"), today=TODAY)
    assert statuses(world, world.mai.id) == before


def test_cancelling_a_grant_cancels_its_visits_still_scheduled(world: World) -> None:
    # A second cow for Sú, in two tranches: the first handed over, then the plan dropped.
    g = grants.plan_grant(
        world.db,
        world.officer,
        GrantInput(world.su.id, world.project_id, "cattle", date(2025, 5, 1),
                   (TrancheInput("Bò 1", quantity=1, unit_value=COW),
                    TrancheInput("Bò 2", quantity=1, unit_value=COW))),
        today=TODAY,
    )  # fmt: skip
    grants.record_handover(
        world.db, world.actors["accountant"],
        HandoverInput(g.id, date(2025, 5, 2), quantity=1, unit_value=COW, tranche_seq=1),
        today=TODAY,
    )  # fmt: skip
    record(world, world.visit_id(g.id, 1), done_on=date(2025, 6, 2))
    others = statuses(world, world.su.id)[:5]
    grants.cancel_grant(world.db, world.officer, g.id, "Gia đình chuyển đi tỉnh khác")
    with world.db.read() as s:
        mine = s.execute(
            select(Visit.status).where(Visit.grant_id == g.id).order_by(Visit.id)
        ).scalars()
        assert list(mine) == ["done"] + ["cancelled"] * 4
    assert statuses(world, world.su.id)[:5] == others, "the first cow's visits stay"
    assert "cancelled" not in statuses(world, world.mai.id)


def test_schedule_visit(world: World) -> None:
    row = visits.schedule_visit(
        world.db,
        world.officer,
        world.mai.id,
        date(2025, 6, 18),
        grant_id=world.mai_grant,
        today=TODAY,
    )
    assert (row.status, row.scheduled_on, row.officer_id, row.grant_id, row.months_after) == (
        "scheduled",
        date(2025, 6, 18),
        world.officer.user_id,
        world.mai_grant,
        None,
    )
    assert row.grant_type == "cattle"
    due = visits.list_visits(world.db, world.officer, "due", today=TODAY)
    assert row.id in [r.id for r in due]
    other = visits.schedule_visit(
        world.db,
        world.officer,
        world.su.id,
        date(2025, 7, 1),
        officer_id=world.actors["admin"].user_id,
        today=TODAY,
    )
    assert (other.officer_id, other.grant_id, other.grant_type) == (
        world.actors["admin"].user_id,
        None,
        None,
    )


def test_schedule_visit_checks(world: World) -> None:
    refused(
        world.db,
        lambda: visits.schedule_visit(world.db, world.officer, 9999, TODAY, today=TODAY),
        key="not_found",
        field="beneficiary",
        error=NotFoundError,
    )
    refused(
        world.db,
        lambda: visits.schedule_visit(
            world.db, world.officer, world.mai.id, TODAY, grant_id=world.su_grant, today=TODAY
        ),
        key="not_found",
        field="grant",
        error=NotFoundError,
    )
    refused(
        world.db,
        lambda: visits.schedule_visit(
            world.db, world.officer, world.mai.id, TODAY - timedelta(days=367), today=TODAY
        ),
        key="date_before",
        field="scheduled_on",
    )
    refused(
        world.db,
        lambda: visits.schedule_visit(
            world.db, world.officer, world.mai.id, TODAY + timedelta(days=3 * 366 + 1), today=TODAY
        ),
        key="date_after",
        field="scheduled_on",
    )


def test_schedule_visit_unknown_officer(world: World) -> None:
    refused(
        world.db,
        lambda: visits.schedule_visit(
            world.db, world.officer, world.mai.id, TODAY, officer_id=9999, today=TODAY
        ),
        key="not_found",
        field="officer",
        error=NotFoundError,
    )


def test_manual_visit_not_before_grant_start(world: World) -> None:
    row = visits.schedule_visit(
        world.db, world.officer, world.mai.id, TODAY, grant_id=world.mai_grant, today=TODAY
    )
    refused(
        world.db,
        lambda: record(world, row.id, done_on=date(2024, 12, 31)),
        key="date_before",
        field="done_on",
    )
    assert record(world, row.id, done_on=date(2025, 1, 1)).status == "done"


def test_manual_visit_fills_in_officer(world: World) -> None:
    with world.db.write() as s:
        s.add(
            Visit(
                beneficiary_id=world.su.id,
                scheduled_on=TODAY,
                officer_id=None,
                status="scheduled",
            )
        )
    vid = visits.list_visits(
        world.db, world.officer, "due", today=TODAY, beneficiary_id=world.su.id
    )
    target = next(r for r in vid if r.officer_id is None).id
    row = record(world, target, done_on=TODAY)
    assert row.officer_id == world.officer.user_id
