"""Trip sheets: the visits still to make in a commune (or some of its villages) up to a day,
grouped by village, with the last visit's findings and what to look at; names only when
asked by a role that may see them; every sheet in the audit trail; the results typed in
with the visit services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from tracker.db.engine import Database
from tracker.db.models import AuditEvent
from tracker.services import beneficiaries as ben
from tracker.services import grants, projects, trips, visits
from tracker.services.context import Actor
from tracker.services.errors import PermissionDenied, ValidationError
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput
from tracker.services.visits import MissedVisit, VisitOutcome

from ..conftest import TODAY
from .checks import dump

COW = 15_000_000


@dataclass
class Trip:
    db: Database
    actors: dict[str, Actor]
    people: dict[str, ben.BeneficiaryView]


def _person(db: Database, actor: Actor, name: str, alias: str, commune: str, village: str):  # type: ignore[no-untyped-def]
    return ben.register(
        db,
        actor,
        ben.BeneficiaryInput(
            full_name=name,
            alias=alias,
            sex="F",
            category="victim",
            ethnicity_code="08",
            birth_year=1995,
            commune_code=commune,
            village=village,
        ),
        today=TODAY,
        allow_duplicate=True,
    )


def give(db: Database, actors: dict[str, Actor], person_id: int, project_id: int, kind: str,
         on: date) -> int:  # fmt: skip
    """Plan and hand over a grant of ``kind`` on ``on``; returns the grant's id."""
    officer = actors["officer"]
    if kind == "cattle":
        tranche = TrancheInput("Bò giống", quantity=1, unit_value=COW)
        handover = {"quantity": 1, "unit_value": COW}
    else:
        tranche = TrancheInput("Tiền", amount=1_000_000)
        handover = {"amount": 1_000_000}
    grant = grants.plan_grant(
        db, officer, GrantInput(person_id, project_id, kind, date(2025, 1, 1), (tranche,)),
        today=TODAY,
    )  # fmt: skip
    grants.record_handover(
        db, actors["accountant"], HandoverInput(grant.id, on, **handover), today=TODAY
    )
    return grant.id


@pytest.fixture
def trip(db: Database, actors: dict[str, Actor]) -> Trip:
    officer = actors["officer"]
    project = projects.create_project(
        db,
        actors["admin"],
        projects.ProjectInput(
            "P1", "Sinh kế", "Quỹ A", date(2025, 1, 1), date(2026, 12, 31), 900_000_000
        ),
    )
    people = {
        "mi": _person(db, officer, "Vàng Thị Mỷ", "Mỷ", "00769", "Sủng Pờ A"),
        "su": _person(db, officer, "Giàng Thị Sú", "Sú", "00769", "Pả Vi Hạ"),
        "dung": _person(db, officer, "Lý Thị Dung", "", "00769", "Sủng Pờ A"),
        "far": _person(db, officer, "Sùng Thị Xa", "Xa", "00772", "Lũng Táo"),
    }
    # Cows handed over in March: the 1-month visit (April) is overdue, the 3-month one
    # (June) falls in the trip's days.
    give(db, actors, people["mi"].id, project.id, "cattle", date(2025, 3, 10))
    give(db, actors, people["su"].id, project.id, "cattle", date(2025, 3, 20))
    give(db, actors, people["dung"].id, project.id, "scholarship", date(2025, 3, 5))
    give(db, actors, people["far"].id, project.id, "cattle", date(2025, 3, 10))
    return Trip(db, actors, people)


def sheet(t: Trip, **kwargs) -> trips.TripSheet:  # type: ignore[no-untyped-def]
    kwargs.setdefault("today", TODAY)
    return trips.trip_sheet(
        t.db, t.actors["officer"], ["00769"], date(2025, 6, 1), date(2025, 6, 30), **kwargs
    )


def test_the_sheet_lists_the_visits_due_and_overdue_by_village(trip: Trip) -> None:
    got = sheet(trip)
    # Pả Vi Hạ before Sủng Pờ A (by name, without diacritics); a family's visits together.
    assert [(s.village, s.code, s.scheduled_on) for s in got.stops] == [
        ("Pả Vi Hạ", trip.people["su"].code, date(2025, 4, 20)),
        ("Pả Vi Hạ", trip.people["su"].code, date(2025, 6, 20)),
        ("Sủng Pờ A", trip.people["mi"].code, date(2025, 4, 10)),
        ("Sủng Pờ A", trip.people["mi"].code, date(2025, 6, 10)),
        ("Sủng Pờ A", trip.people["dung"].code, date(2025, 6, 5)),
    ]
    assert [(v, len(s)) for v, s in got.village_groups] == [("Pả Vi Hạ", 2), ("Sủng Pờ A", 3)]
    first = got.stops[0]
    assert (first.days_late, first.months_after, first.checks) == (56, 1, "livestock")
    assert first.alias == "Sú" and first.full_name == "", "no names unless asked"
    assert first.type_name_vi == "Bò giống sinh sản"
    assert [a.kind for a in first.assets] == ["cow"]
    assert got.stops[4].checks == "school"
    assert got.communes == (("00769", "Xã Mèo Vạc"),)
    assert got.office_name == "Hội LHPN xã Mèo Vạc" and got.written_at == "Mèo Vạc"
    # The person of another commune is not on it.
    assert trip.people["far"].code not in {s.code for s in got.stops}


def test_villages_narrow_the_sheet_with_or_without_diacritics(trip: Trip) -> None:
    got = sheet(trip, villages=["sung po a"])
    assert {s.village for s in got.stops} == {"Sủng Pờ A"}
    assert got.villages == ("sung po a",)


def test_the_last_visit_and_what_it_found_are_on_the_sheet(trip: Trip) -> None:
    db, officer = trip.db, trip.actors["officer"]
    su_april = sheet(trip).stops[0]
    cow = su_april.assets[0].id
    visits.record_visit(
        db,
        officer,
        VisitOutcome(
            su_april.visit_id,
            date(2025, 4, 22),
            True,
            income_band="low",
            asset_updates=(visits.AssetUpdate(cow, "sick"),),
        ),
        today=TODAY,
    )
    mi_april = next(s for s in sheet(trip).stops if s.code == trip.people["mi"].code)
    visits.record_missed(
        db, officer, MissedVisit(mi_april.visit_id, date(2025, 4, 12), "not_home"), today=TODAY
    )
    got = sheet(trip)
    su = next(s for s in got.stops if s.code == trip.people["su"].code)
    assert su.scheduled_on == date(2025, 6, 20), "the visit made is off the sheet"
    assert su.last is not None
    assert (su.last.on, su.last.status, su.last.livelihood_running, su.last.income_band) == (
        date(2025, 4, 22),
        "done",
        True,
        "low",
    )
    assert su.last.assets == (("cow", "sick"),)
    assert [a.status for a in su.assets] == ["sick"]
    mi = next(s for s in got.stops if s.code == trip.people["mi"].code)
    assert mi.last is not None and (mi.last.status, mi.last.missed_reason) == (
        "missed",
        "not_home",
    )
    dung = next(s for s in got.stops if s.code == trip.people["dung"].code)
    assert dung.last is None


def test_names_only_when_asked_by_a_role_that_may_see_them_and_logged(trip: Trip) -> None:
    db = trip.db
    got = sheet(trip, names=True)
    assert {s.full_name for s in got.stops} == {"Giàng Thị Sú", "Vàng Thị Mỷ", "Lý Thị Dung"}
    assert got.names_shown
    with db.read() as s:
        event = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
    assert (event.action, event.entity, event.username) == ("print_sheet", "trip_sheet", "hoa")
    assert event.after["names"] is True
    assert event.after["visits"] == [stop.visit_id for stop in got.stops]
    assert event.after["communes"] == ["00769"]
    assert event.after["start"] == "2025-06-01" and event.after["end"] == "2025-06-30"


def test_a_viewer_or_an_accountant_cannot_print_and_nothing_is_logged(trip: Trip) -> None:
    db = trip.db
    before = dump(db)
    for role in ("viewer", "accountant"):
        with pytest.raises(PermissionDenied):
            trips.trip_sheet(
                db, trip.actors[role], ["00769"], date(2025, 6, 1), date(2025, 6, 30), today=TODAY
            )
    assert dump(db) == before
    # The results screen's list is a read, names left out, for anyone.
    listed = trips.trip_visits(
        db, trip.actors["viewer"], ["00769"], date(2025, 6, 1), date(2025, 6, 30), today=TODAY
    )
    assert len(listed.stops) == 5 and {s.full_name for s in listed.stops} == {""}
    assert dump(db) == before


def test_refused_requests_say_why(trip: Trip) -> None:
    db, officer = trip.db, trip.actors["officer"]
    with pytest.raises(ValidationError) as info:
        trips.trip_sheet(db, officer, [], date(2025, 6, 1), date(2025, 6, 30), today=TODAY)
    assert (info.value.key, info.value.field) == ("required", "commune")
    with pytest.raises(ValidationError) as info:
        trips.trip_sheet(db, officer, ["00769"], date(2025, 6, 30), date(2025, 6, 1), today=TODAY)
    assert (info.value.key, info.value.field) == ("date_before", "end_date")
    with pytest.raises(ValidationError) as info:
        # Nothing due in that commune up to that day: nothing printed, nothing logged.
        trips.trip_sheet(db, officer, ["00772"], date(2025, 3, 1), date(2025, 3, 31), today=TODAY)
    assert info.value.key == "nothing_to_visit"
    assert "Xã" in info.value.message("vi") and "31/03/2025" in info.value.message("vi")


def test_a_support_type_named_with_sensitive_words_is_printed_neutrally(trip: Trip) -> None:
    from tracker.db.models import GrantType

    with trip.db.write() as s:
        gt = s.execute(select(GrantType).where(GrantType.code == "scholarship")).scalar_one()
        gt.name_vi = "Học bổng cho nạn nhân"
        gt.name_en = "Scholarship for trafficking victims"
    got = sheet(trip)
    dung = next(s for s in got.stops if s.code == trip.people["dung"].code)
    assert (dung.type_name_vi, dung.type_name_en) == ("Hỗ trợ sinh kế", "Livelihood support")
