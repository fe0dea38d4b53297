"""Two people editing the same record on two PCs: the second save, made from the version
both opened, is refused with who changed it and when, carries the record as it is now, and
writes nothing; a save from the newest version goes through. On SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tracker.db.engine import Database
from tracker.db.models import AuditEvent, Beneficiary
from tracker.domain.shapes import OFFICE_TIME
from tracker.services import beneficiaries as ben
from tracker.services import grant_types, office, projects
from tracker.services.context import Actor
from tracker.services.errors import EditConflict

from ..conftest import TODAY, make_db, setup_office
from .checks import count


def _person(db: Database, actor: Actor) -> ben.BeneficiaryView:
    return ben.register(
        db,
        actor,
        ben.BeneficiaryInput(
            full_name="Vàng Thị Mỷ",
            sex="F",
            category="victim",
            ethnicity_code="08",
            birth_year=1995,
            commune_code="00769",
        ),
        today=TODAY,
    )


def test_second_save_from_the_same_version_is_refused_naming_who_and_when(db: Database) -> None:
    actors = setup_office(db)
    hoa, lan = actors["officer"], actors["admin"]
    opened = _person(db, lan)  # both PCs open version 1
    assert opened.version == 1
    first = ben.edit(db, hoa, opened.id, replace(opened.as_input(), village="Thôn Pả Vi"))
    assert first.version == 2
    events = count(db, "audit_event")

    with pytest.raises(EditConflict) as caught:
        ben.edit(db, lan, opened.id, replace(opened.as_input(), phone="0912 345 678"))

    err = caught.value
    assert err.who == "Vàng Thị Hoa (hoa)"
    with db.read() as s:
        at = s.execute(select(AuditEvent.at).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
    assert err.when == at.astimezone(OFFICE_TIME).strftime("%H:%M %d/%m/%Y")
    vi, en = err.message("vi"), err.message("en")
    assert "Vàng Thị Hoa (hoa) đã sửa hồ sơ " + opened.code in vi and err.when in vi
    assert "Vàng Thị Hoa (hoa) changed the file of " + opened.code in en
    assert err.theirs["village"] == "Thôn Pả Vi" and err.theirs["phone"] == ""
    # Nothing of the refused save landed: the first save is whole, no event was added.
    now = ben.get(db, lan, opened.id)
    assert (now.village, now.phone, now.version) == ("Thôn Pả Vi", "", 2)
    assert count(db, "audit_event") == events
    # Reloaded, the same change goes through on top of the other one.
    again = ben.edit(db, lan, now.id, replace(now.as_input(), phone="0912 345 678"))
    assert (again.village, again.phone, again.version) == ("Thôn Pả Vi", "0912 345 678", 3)


def test_projects_support_types_and_the_office_are_checked_too(db: Database) -> None:
    lan = setup_office(db)["admin"]
    data = projects.ProjectInput(
        "P1", "Sinh kế", "Quỹ A", date(2025, 1, 1), date(2026, 12, 31), 900_000_000
    )
    p = projects.create_project(db, lan, data)
    projects.edit_project(db, lan, p.id, replace(data, budget=800_000_000, version=p.version))
    with pytest.raises(EditConflict, match="dự án P1"):
        projects.edit_project(db, lan, p.id, replace(data, donor="Quỹ B", version=p.version))
    assert projects.get_project(db, lan, p.id).donor == "Quỹ A"

    gt = grant_types.list_grant_types(db, lan)[0]
    grant_types.update_grant_type(db, lan, gt.code, followup_months=[1, 2], version=gt.version)
    with pytest.raises(EditConflict):
        grant_types.update_grant_type(db, lan, gt.code, name_en="Other", version=gt.version)

    o = office.get_office(db, lan)
    assert o is not None
    base = office.OfficeInput(name=o.name, receipt_prefix=o.receipt_prefix, kind=o.kind,
                              province_code=o.province_code, unit_code=o.unit_code,
                              version=o.version)  # fmt: skip
    office.save_office(db, lan, replace(base, phone="0219 3871 234"))
    with pytest.raises(EditConflict, match="thông tin đơn vị"):
        office.save_office(db, lan, replace(base, head_name="Giàng Thị Dợ"))


def test_a_save_without_a_version_is_not_checked(db: Database) -> None:
    lan = setup_office(db)["admin"]
    b = _person(db, lan)
    ben.edit(db, lan, b.id, replace(b.as_input(), village="A"))
    later = ben.edit(db, lan, b.id, replace(b.as_input(), village="B", version=None))
    assert (later.village, later.version) == ("B", 3)


def test_an_update_racing_past_the_check_is_refused_by_the_version_column(db: Database) -> None:
    """The ORM's own check: an UPDATE of a version that changed after it was read (the row
    written behind this session's back) matches no row and nothing is written."""
    lan = setup_office(db)["admin"]
    b = _person(db, lan)
    with pytest.raises(EditConflict), db.write() as s:
        row = s.get(Beneficiary, b.id)
        assert row is not None
        s.execute(
            Beneficiary.__table__.update()
            .where(Beneficiary.id == b.id)
            .values(version=Beneficiary.version + 1)
        )
        row.village = "Lost"
    assert ben.get(db, lan, b.id).village == ""


@pytest.mark.postgres
def test_two_saves_at_once_on_postgresql_one_lands_one_is_refused(tmp_path: Path) -> None:
    db = make_db("postgres", tmp_path)
    try:
        actors = setup_office(db)
        b = _person(db, actors["admin"])
        results: list[object] = []
        barrier = threading.Barrier(2)

        def save(actor: Actor, village: str) -> None:
            barrier.wait()
            try:
                results.append(ben.edit(db, actor, b.id, replace(b.as_input(), village=village)))
            except EditConflict as exc:
                results.append(exc)

        threads = [
            threading.Thread(target=save, args=(actors["admin"], "A")),
            threading.Thread(target=save, args=(actors["officer"], "B")),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        saved = [r for r in results if isinstance(r, ben.BeneficiaryView)]
        refused = [r for r in results if isinstance(r, EditConflict)]
        assert len(saved) == 1 and len(refused) == 1
        assert refused[0].who  # named from the audit trail: the save that landed
        assert ben.get(db, actors["admin"], b.id).village == saved[0].village
    finally:
        db.dispose()
