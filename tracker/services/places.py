"""Administrative units as they were valid on a date (provinces, communes, legacy
districts), for pickers and for grouping reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.db.models import AdminUnit
from tracker.db.reference import DEMO_UNITS, AdminUnitSeed
from tracker.services.context import Actor


@dataclass(frozen=True)
class Place:
    code: str
    level: str
    name: str
    unit_type: str
    parent_code: str | None
    valid_from: date | None
    valid_to: date | None

    @property
    def label(self) -> str:
        return f"{self.unit_type.capitalize()} {self.name}".strip()


def seed_units(session: Session, seeds: Iterable[AdminUnitSeed]) -> int:
    """Add the units that are missing (same code and start date); returns how many."""
    have = {(c, f) for c, f in session.execute(select(AdminUnit.code, AdminUnit.valid_from))}
    added = 0
    for u in seeds:
        if (u.code, u.valid_from) in have:
            continue
        session.add(
            AdminUnit(
                code=u.code,
                level=u.level,
                name=u.name,
                unit_type=u.unit_type,
                parent_code=u.parent_code,
                valid_from=u.valid_from,
                valid_to=u.valid_to,
            )
        )
        added += 1
    session.flush()
    return added


def _valid_on(on: date | None):  # type: ignore[no-untyped-def]
    if on is None:
        return AdminUnit.valid_to.is_(None)
    return or_(AdminUnit.valid_from.is_(None), AdminUnit.valid_from <= on) & or_(
        AdminUnit.valid_to.is_(None), AdminUnit.valid_to >= on
    )


def list_places(
    db: Database, actor: Actor, level: str = "commune", *, on: date | None = None
) -> list[Place]:
    """Units of a level in force on ``on`` (today's units when None)."""
    actor.require("read")
    q = select(AdminUnit).where(AdminUnit.level == level, _valid_on(on)).order_by(AdminUnit.name)
    with db.read() as s:
        return [
            Place(u.code, u.level, u.name, u.unit_type, u.parent_code, u.valid_from, u.valid_to)
            for u in s.execute(q).scalars()
        ]


def place_names(db: Database, actor: Actor) -> dict[str, str]:
    """Code -> name for every unit kept, the current unit winning where a code was reused;
    a code the database does not keep is named from the reference units."""
    actor.require("read")
    names = {u.code: u.name for u in DEMO_UNITS}
    with db.read() as s:
        rows = s.execute(
            select(AdminUnit.code, AdminUnit.name, AdminUnit.valid_to).order_by(
                AdminUnit.valid_to.is_(None), AdminUnit.valid_to
            )
        ).all()
    names.update((code, name) for code, name, _ in rows)
    return names
