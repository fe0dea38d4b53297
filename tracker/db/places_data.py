"""The administrative units shipped with the app: every province, legacy district and
commune before the July 2025 reform, every province and commune after it, and the link from
each old unit to the new one(s) it went into.

The files in ``tracker/data/places/`` are made by ``scripts/refresh_places.py`` from two
packages pinned there (``vietnam-provinces``, GPL-3.0-or-later, for the units in force since
1 July 2025; ``vietnamadminunits``, MIT, for the units before and the mapping; see NOTICE).
Standard library only, so the migrations, the services, the demo and the tests all read the
same data; :func:`reseed` writes it into a database.
"""

from __future__ import annotations

import csv
import json
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tracker.db.reference import AdminUnitSeed

__all__ = [
    "PlaceLink",
    "PlacesData",
    "data_dir",
    "load",
    "mark",
    "reseed",
    "version_label",
]

#: The app_meta key holding the version of the list written into a database.
META_KEY = "places_data"


@dataclass(frozen=True, slots=True)
class PlaceLink:
    """An old unit (valid until 30 June 2025) and a new unit it went into. ``main``: the
    new unit that took most of it (the only one, unless the old unit was divided)."""

    old_code: str
    new_code: str
    main: bool


@dataclass(frozen=True, slots=True)
class PlacesData:
    units: tuple[AdminUnitSeed, ...]
    links: tuple[PlaceLink, ...]
    sources: Mapping[str, Any]

    @property
    def version(self) -> str:
        """ "vietnam-provinces 2026.9.0 (2026-09-20) + vietnamadminunits 1.0.4"."""
        return version_label(self.sources)


def version_label(sources: Mapping[str, Any]) -> str:
    new, old = sources["new_units"], sources["old_units_and_mapping"]
    return (
        f"{new['package']} {new['version']} ({new['data_version']})"
        f" + {old['package']} {old['version']}"
    )


def data_dir() -> Path:
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "tracker" / "data" / "places"
    return Path(__file__).resolve().parents[1] / "data" / "places"


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


_lock = threading.Lock()
_loaded: PlacesData | None = None


def load() -> PlacesData:
    """The shipped list, read once per process (thread-safe)."""
    global _loaded
    with _lock:
        if _loaded is None:
            folder = data_dir()
            with (folder / "units.tsv").open(encoding="utf-8", newline="") as f:
                rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                next(rows)
                units = tuple(
                    AdminUnitSeed(code, level, name, kind, parent or None, _day(start), _day(end))
                    for code, level, kind, name, parent, start, end in rows
                )
            with (folder / "successors.tsv").open(encoding="utf-8", newline="") as f:
                rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                next(rows)
                links = tuple(PlaceLink(old, new, main == "1") for old, new, main in rows)
            sources = json.loads((folder / "sources.json").read_text("utf-8"))
            _loaded = PlacesData(units, links, sources)
        return _loaded


def mark() -> str:
    """The ``places_data`` value of a database holding the shipped list."""
    return load().version[:200]


def reseed(connection: Any) -> None:
    """Replace the units and links in a database by the shipped list (a migration step, on
    the migration's connection; units are reference data that no row points to by key)."""
    import sqlalchemy as sa

    data = load()
    meta = sa.MetaData()
    unit = sa.Table("admin_unit", meta, autoload_with=connection)
    link = sa.Table("admin_unit_link", meta, autoload_with=connection)
    app_meta = sa.Table("app_meta", meta, autoload_with=connection)
    connection.execute(link.delete())
    connection.execute(unit.delete())
    connection.execute(
        unit.insert(),
        [
            {
                "code": u.code,
                "level": u.level,
                "name": u.name,
                "unit_type": u.unit_type,
                "parent_code": u.parent_code,
                "valid_from": u.valid_from,
                "valid_to": u.valid_to,
            }
            for u in data.units
        ],
    )
    connection.execute(
        link.insert(),
        [{"old_code": k.old_code, "new_code": k.new_code, "main": k.main} for k in data.links],
    )
    connection.execute(app_meta.delete().where(app_meta.c.key == META_KEY))
    connection.execute(app_meta.insert(), [{"key": META_KEY, "value": mark()}])
