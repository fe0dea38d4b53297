"""Administrative units as they were valid on a date (provinces, communes, legacy
districts): finding one by typing, the address as it was on a paper's date, today's unit of
an old one, and the unit a report groups a commune under.

Two views of the same list: the rows in the database (``admin_unit`` and
``admin_unit_link``, seeded by migration 0003, for SQL reports and lists), and an in-memory
:class:`Gazetteer` read from the shipped files (``tracker.db.places_data``), folded and
indexed once per process, so that typing in a picker or ``tracker places search`` finds a
unit among the 13,000 in well under a millisecond, with no database needed.

A code names a unit only together with a date: after 1 July 2025 a new commune may carry the
code of one of the communes merged into it (00769 was thị trấn Mèo Vạc until 30 June 2025
and is xã Mèo Vạc since). A record keeps the code and the day the address was recorded.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.db.models import AdminUnit, AppMeta, Beneficiary
from tracker.db.reference import REFORM_DATE, AdminUnitSeed
from tracker.i18n.text import fold
from tracker.services.context import Actor

LAST_DAY_BEFORE_REFORM = date(2025, 6, 30)


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
        """ "Xã Lũng Cú" (the type with a capital, then the name)."""
        return f"{self.unit_type.capitalize()} {self.name}".strip()

    @property
    def full_name(self) -> str:
        """ "xã Lũng Cú", as inside an address."""
        return f"{self.unit_type} {self.name}".strip()

    @property
    def is_old(self) -> bool:
        """Ended with the reform (a legacy district, or a commune or province before it)."""
        return self.valid_to is not None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )


@dataclass(frozen=True)
class Match:
    """One unit found by :func:`search`: the unit, its province on its own dates, and for
    an old unit the new unit(s) it went into (the main one first)."""

    place: Place
    province: Place | None
    district: Place | None
    successors: tuple[Place, ...]


def _place(u: AdminUnitSeed) -> Place:
    return Place(u.code, u.level, u.name, u.unit_type, u.parent_code, u.valid_from, u.valid_to)


class Gazetteer:
    """Every unit shipped with the app, with the old-to-new links and a folded index."""

    def __init__(self, units: Iterable[AdminUnitSeed], links: Iterable[tuple[str, str, bool]]):
        self.units: list[Place] = [_place(u) for u in units]
        self._by_code: dict[str, list[Place]] = {}
        for p in self.units:
            self._by_code.setdefault(p.code, []).append(p)
        self._next: dict[str, list[str]] = {}
        self._before: dict[str, list[str]] = {}
        for old, new, main in links:
            targets = self._next.setdefault(old, [])
            targets.insert(0, new) if main else targets.append(new)
            self._before.setdefault(new, []).append(old)
        # The province of each unit on its own dates, and the province it lies in today.
        self._province: dict[Place, Place | None] = {}
        self._district: dict[Place, Place | None] = {}
        for p in self.units:
            self._province[p], self._district[p] = self._chain(p)
        self._today_province: dict[Place, str | None] = {}
        for p in self.units:
            self._today_province[p] = self._province_now(p)
        # Search keys: the folded words of "type name" and the code.
        self._words: dict[Place, tuple[str, ...]] = {}
        self._name_key: dict[Place, str] = {}
        self._index: dict[str, list[Place]] = {}
        self._children: dict[str, list[Place]] = {}
        for p in self.units:
            if p.is_old and p.parent_code:
                self._children.setdefault(p.parent_code, []).append(p)
            words = tuple(fold(p.full_name).split())
            self._words[p] = words
            self._name_key[p] = fold(p.name)
            for key in {w[:2] for w in words} | {w[:1] for w in words}:
                self._index.setdefault(key, []).append(p)
        self._rank = {p: i for i, p in enumerate(self.units)}

    # --- finding a unit by its code ------------------------------------------------------

    def on(self, code: str | None, day: date | None = None) -> Place | None:
        """The unit with ``code`` valid on ``day`` (today's unit when None)."""
        if not code:
            return None
        for p in self._by_code.get(code, ()):
            if p.valid_on(day) if day is not None else p.valid_to is None:
                return p
        return None

    def recorded(self, code: str | None, recorded_on: date | None = None) -> Place | None:
        """The unit a record means by ``code``: the one valid on the day it was recorded,
        else (an old address typed in later) the latest one with that code."""
        if not code:
            return None
        found = self.on(code, recorded_on or date.today())
        if found is not None:
            return found
        candidates = self._by_code.get(code, [])
        return candidates[-1] if candidates else None

    def parent(self, p: Place) -> Place | None:
        if not p.parent_code:
            return None
        day = p.valid_to or p.valid_from
        return self.on(p.parent_code, day) if day else self.on(p.parent_code)

    def _chain(self, p: Place) -> tuple[Place | None, Place | None]:
        district = None
        up = self.parent(p)
        if up is not None and up.level == "district":
            district, up = up, self.parent(up)
        if p.level == "province":
            return p, None
        return up, district

    def province_of(self, p: Place) -> Place | None:
        return self._province.get(p)

    def district_of(self, p: Place) -> Place | None:
        return self._district.get(p)

    # --- old and new ---------------------------------------------------------------------

    def successors(self, p: Place) -> tuple[Place, ...]:
        """The new units an old unit went into on 1 July 2025, the main one first. For a
        legacy district: the new communes its communes went into (the main ones)."""
        if not p.is_old:
            return ()
        if p.level == "district" and p.code not in self._next:
            seen: dict[str, None] = {}
            for c in self._children.get(p.code, ()):
                if c.level == "commune":
                    targets = self._next.get(c.code, [])
                    if targets:
                        seen.setdefault(targets[0])
            codes = list(seen)
        else:
            codes = self._next.get(p.code, [])
        found = (self.on(c, REFORM_DATE) for c in codes)
        return tuple(x for x in found if x is not None)

    def predecessors(self, p: Place) -> tuple[Place, ...]:
        """The old units a new unit was formed from (the one with its code first)."""
        if p.valid_from is None or p.valid_from < REFORM_DATE:
            return ()
        codes = sorted(self._before.get(p.code, []), key=lambda c: (c != p.code, c))
        found = (self.on(c, LAST_DAY_BEFORE_REFORM) for c in codes)
        return tuple(x for x in found if x is not None)

    def as_of(self, p: Place, day: date) -> Place:
        """The unit that stood for ``p``'s place on ``day``: ``p`` itself when valid then;
        across the reform, the one unit it became or came from. When there were several
        (a commune divided, or formed from several), nobody can tell which one the person
        lived in: ``p`` as recorded."""
        if p.valid_on(day):
            return p
        if p.valid_to is not None and day > p.valid_to:
            nxt = self.successors(p) if p.level != "district" else ()
            return nxt[0] if len(nxt) == 1 else p
        before = self.predecessors(p)
        return before[0] if len(before) == 1 else p

    def today(self, p: Place) -> tuple[Place, ...]:
        """Today's unit(s) for a unit: itself if still in force, else its successors."""
        return (p,) if not p.is_old else self.successors(p)

    def _province_now(self, p: Place) -> str | None:
        province = self._province.get(p)
        if province is None:
            return None
        if not province.is_old:
            return province.code
        if p.level == "commune":
            nxt = self._next.get(p.code)
            if nxt:
                new = self.on(nxt[0], REFORM_DATE)
                return new.parent_code if new else None
        targets = self._next.get(province.code)
        return targets[0] if targets else None

    def today_province(self, p: Place) -> str | None:
        """The code of the province ``p`` lies in today (old units included)."""
        return self._today_province.get(p)

    # --- search --------------------------------------------------------------------------

    def search(
        self,
        text: str,
        *,
        on: date | None = None,
        province: str | None = None,
        levels: Iterable[str] | None = None,
        other_dates: bool = False,
        limit: int = 50,
    ) -> list[Place]:
        """Units whose name or code matches what was typed, with or without diacritics:
        every word typed starts a word of "type name" ("lung cu", "xa lung", "Lũng Cú"),
        or the digits start the code ("00715", "715"). Units valid on ``on`` (default
        today) come first; ``other_dates`` adds those of the other side of the reform.
        ``province``: a province code, today's or an old one, narrows to the units in it."""
        day = on or date.today()
        tokens = fold(text).replace(",", " ").split()
        level_set = set(levels) if levels is not None else None
        if not tokens:
            pool: Iterable[Place] = self.units
        elif all(t.isdigit() for t in tokens):
            digits = "".join(tokens)
            pool = [
                p
                for p in self.units
                if p.code.startswith(digits) or p.code == digits.zfill(len(p.code))
            ]
            tokens = []
        else:
            smallest = min(tokens, key=lambda t: len(self._index.get(t[:2], ())))
            pool = self._index.get(smallest[:2], [])
        found: list[tuple[tuple[int, ...], Place]] = []
        query = " ".join(tokens)
        for p in pool:
            if level_set is not None and p.level not in level_set:
                continue
            valid = p.valid_on(day)
            if not valid and not other_dates:
                continue
            if province and not self._in_province(p, province):
                continue
            words = self._words[p]
            if tokens and not all(any(w.startswith(t) for w in words) for t in tokens):
                continue
            name = self._name_key[p]
            closeness = 0 if name == query else 1 if name.startswith(query) else 2
            key = (0 if valid else 1, closeness, ("province", "district", "commune").index(p.level))
            found.append(((*key, self._rank[p]), p))
        found.sort(key=lambda x: x[0])
        return [p for _k, p in found[:limit]]

    def _in_province(self, p: Place, code: str) -> bool:
        if p.level == "province":
            return p.code == code
        own = self._province.get(p)
        return (own is not None and own.code == code) or self._today_province.get(p) == code

    def match(self, p: Place) -> Match:
        return Match(p, self.province_of(p), self.district_of(p), self.successors(p))

    # --- words ---------------------------------------------------------------------------

    def address(
        self,
        commune_code: str | None,
        province_code: str | None = None,
        *,
        village: str = "",
        recorded_on: date | None = None,
        on: date | None = None,
        short: bool = False,
    ) -> str:
        """The address as it was on ``on`` (default: as recorded): "thôn Sủng Pờ, xã Lũng Cú,
        huyện Đồng Văn, tỉnh Hà Giang" for a day before the reform, "thôn Sủng Pờ, xã Lũng
        Cú, tỉnh Tuyên Quang" after. ``short`` leaves out the district and the province. A
        code the list does not know is written as it is."""
        parts = [village.strip()]
        commune = self.recorded(commune_code, recorded_on)
        if commune is not None:
            unit = self.as_of(commune, on) if on is not None else commune
            parts.append(unit.full_name)
            if not short:
                for up in (self.district_of(unit), self.province_of(unit)):
                    parts.append(up.full_name if up else "")
        else:
            parts.append(commune_code or "")
            if not short:
                province_unit = self.recorded(province_code, recorded_on)
                if province_unit is not None and on is not None:
                    province_unit = self.as_of(province_unit, on)
                parts.append(province_unit.full_name if province_unit else province_code or "")
        return ", ".join(p for p in parts if p)

    def report_unit(
        self, commune_code: str | None, on: date, *, recorded_on: date | None = None
    ) -> Place | None:
        """The unit a report groups a commune under for a period ending ``on``: the commune
        in force on that day (an old commune becomes the main new one it went into); for a
        day before 1 July 2025, the legacy district of the commune as it was then."""
        commune = self.recorded(commune_code, recorded_on)
        if commune is None:
            return None
        if on >= REFORM_DATE:
            if commune.is_old:
                nxt = self.successors(commune)
                return nxt[0] if nxt else None
            return commune
        old = self.as_of(commune, on)
        if not old.is_old:  # a new commune formed from several old districts' communes
            return None
        return self.district_of(old) if old.level == "commune" else old


_lock = threading.Lock()
_gazetteer: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The shipped units, indexed once per process (about 0.3 s the first time: the window
    warms it on a worker thread at start)."""
    global _gazetteer
    with _lock:
        if _gazetteer is None:
            from tracker.db import places_data

            data = places_data.load()
            _gazetteer = Gazetteer(
                data.units, ((k.old_code, k.new_code, k.main) for k in data.links)
            )
        return _gazetteer


def data_version() -> str:
    """Where the list of units comes from, for the About box."""
    from tracker.db import places_data

    return places_data.load().version


# --- the functions the rest of the app calls ---------------------------------------------


def search(
    text: str,
    *,
    on: date | None = None,
    province: str | None = None,
    levels: Iterable[str] | None = None,
    other_dates: bool = False,
    limit: int = 50,
) -> list[Match]:
    g = gazetteer()
    found = g.search(
        text, on=on, province=province, levels=levels, other_dates=other_dates, limit=limit
    )
    return [g.match(p) for p in found]


def format_address(
    commune_code: str | None,
    province_code: str | None = None,
    *,
    village: str = "",
    recorded_on: date | None = None,
    on: date | None = None,
    short: bool = False,
) -> str:
    return gazetteer().address(
        commune_code, province_code, village=village, recorded_on=recorded_on, on=on, short=short
    )


def unit_on(code: str | None, day: date | None = None) -> Place | None:
    """The unit with this code on ``day`` (today when None)."""
    return gazetteer().on(code, day)


def unit_as_recorded(code: str | None, recorded_on: date | None = None) -> Place | None:
    return gazetteer().recorded(code, recorded_on)


def today_units(code: str | None, recorded_on: date | None = None) -> tuple[Place, ...]:
    """Today's unit(s) for a code as recorded: the unit itself when still in force, else
    the new unit(s) it went into, the main one first."""
    g = gazetteer()
    unit = g.recorded(code, recorded_on)
    return g.today(unit) if unit is not None else ()


def report_unit(
    commune_code: str | None, on: date, *, recorded_on: date | None = None
) -> Place | None:
    """For reports: the unit to group a commune under for a period ending ``on`` (see
    :meth:`Gazetteer.report_unit`)."""
    return gazetteer().report_unit(commune_code, on, recorded_on=recorded_on)


def province_of(p: Place) -> Place | None:
    return gazetteer().province_of(p)


def villages(db: Database, actor: Actor, commune_code: str | None) -> list[str]:
    """The villages (thôn, bản) already written for people of a commune, for completion."""
    actor.require("read")
    if not commune_code:
        return []
    with db.read() as s:
        rows = s.execute(
            select(Beneficiary.village)
            .where(Beneficiary.commune_code == commune_code, Beneficiary.village != "")
            .distinct()
        ).scalars()
        return sorted(set(rows), key=fold)


def communes_in_use(db: Database, actor: Actor) -> list[Place]:
    """The communes the office's people live in (for list filters), by name."""
    actor.require("read")
    with db.read() as s:
        rows = s.execute(
            select(Beneficiary.commune_code, Beneficiary.address_recorded_on)
            .where(Beneficiary.commune_code.is_not(None))
            .distinct()
        ).all()
    g = gazetteer()
    found: dict[str, Place] = {}
    for code, recorded_on in rows:
        unit = g.recorded(code, recorded_on) if code else None
        if code and unit is not None:
            found.setdefault(code, unit)
    return sorted(found.values(), key=lambda p: (fold(p.name), p.code))


# --- the rows in the database ------------------------------------------------------------


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


def _names_of(rows: Iterable[tuple[str, str, bool]]) -> dict[str, str]:
    """Code -> name, the current unit winning where a code was reused."""
    names: dict[str, str] = {}
    for code, name, current in rows:
        if current or code not in names:
            names[code] = name
    return names


_shipped: dict[str, str] | None = None


def shipped_names() -> Mapping[str, str]:
    """:func:`place_names` of a database holding the shipped list, made once per process
    (the sign-in dialog makes it while the password is typed). Shared: read, never change."""
    global _shipped
    with _lock:
        if _shipped is None:
            from tracker.db import places_data

            units = places_data.load().units
            _shipped = _names_of((u.code, u.name, u.valid_to is None) for u in units)
        return _shipped


def shipped_names_if_ready() -> Mapping[str, str] | None:
    """:func:`shipped_names` if it was made already, else None (never waits)."""
    return _shipped


def place_names(db: Database, actor: Actor) -> Mapping[str, str]:
    """Code -> name for every unit kept, the current unit winning where a code was reused;
    a code the database does not keep is shown as it is.

    A database holding the list shipped with this version (its ``places_data`` mark says
    so) is named from that list, already in memory; another one is read (some 14,000 rows,
    without dates or sort)."""
    from tracker.db import places_data

    actor.require("read")
    with db.read() as s:
        kept = s.execute(
            select(AppMeta.value).where(AppMeta.key == places_data.META_KEY)
        ).scalar_one_or_none()
        if kept == places_data.mark():
            return shipped_names()
        rows = s.execute(select(AdminUnit.code, AdminUnit.name, AdminUnit.valid_to.is_(None)))
        return _names_of(rows)
