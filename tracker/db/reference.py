"""Reference data: ethnic groups of Vietnam and a small set of administrative units.

Pure data, standard library only, so it can be used by migrations, seeding, the demo and
tests without touching the database layer.

Ethnic groups
    Codes and order follow the GSO list of ethnic groups issued with Decision 1019/QĐ-TCTK
    (2008), used in the 2009 and 2019 censuses. The older 1979 list (Decision 121-TCTK) uses a
    different order (Hoa at 04, Khơ me at 05, Mường at 06, ...), so a stored code must always be
    read together with the list it comes from: ``ETHNIC_LIST``. Two extra entries outside the
    54 groups are provided: "55" foreigner and "99" unknown.

Administrative units
    Every unit before and after the July 2025 reform is shipped in ``tracker/data/places``
    (read by ``tracker.db.places_data``). ``DEMO_UNITS`` is the part of it the demo lives
    in: the former Hà Giang province (merged into Tuyên Quang on 1 July 2025), its legacy
    district Mèo Vạc with its communes as they were until 30 June 2025, and the communes
    they went into on 1 July 2025; ``DEMO_SUCCESSORS`` maps each old unit to the main one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from tracker.domain.ethnic import (
    ETHNIC_ALIASES,
    ETHNIC_CODES,
    ETHNIC_FOREIGNER,
    ETHNIC_GROUPS,
    ETHNIC_LIST,
    ETHNIC_UNKNOWN,
    Ethnicity,
    ethnicity_by_code,
)

__all__ = [
    "DEMO_DISTRICT",
    "DEMO_SUCCESSORS",
    "DEMO_UNITS",
    "ETHNIC_ALIASES",
    "ETHNIC_CODES",
    "ETHNIC_FOREIGNER",
    "ETHNIC_GROUPS",
    "ETHNIC_LIST",
    "ETHNIC_UNKNOWN",
    "LEVELS",
    "REFORM_DATE",
    "AdminUnitSeed",
    "Ethnicity",
    "ethnicity_by_code",
]


# --------------------------------------------------------------------------------------
# Ethnic groups
# --------------------------------------------------------------------------------------
# The code list lives in tracker/domain/ethnic.py, with the vocabulary every layer shares.


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------------------
# Administrative units
# --------------------------------------------------------------------------------------

LEVELS: tuple[str, ...] = ("province", "district", "commune")

REFORM_DATE = date(2025, 7, 1)
"""Two-tier local government in force (Resolution 202/2025/QH15, Decision 19/2025/QĐ-TTg)."""


@dataclass(frozen=True, slots=True)
class AdminUnitSeed:
    code: str
    level: str  # one of LEVELS
    name: str  # without the type word: "Mèo Vạc", not "Xã Mèo Vạc"
    unit_type: str  # "tỉnh", "huyện", "xã", "thị trấn", "phường"
    parent_code: str | None
    valid_from: date | None  # None: before the data we keep
    valid_to: date | None  # None: still in force


DEMO_DISTRICT = "027"
"""Huyện Mèo Vạc of the former Hà Giang province: the demo office's area."""


def _demo_extract() -> tuple[tuple[AdminUnitSeed, ...], Mapping[str, str]]:
    """The demo's units, taken from the shipped list (tracker/data/places): Hà Giang and
    Tuyên Quang before the reform, huyện Mèo Vạc and its communes until 30 June 2025, the
    new Tuyên Quang and the communes they went into on 1 July 2025."""
    from tracker.db import places_data

    data = places_data.load()
    old_communes = {
        u.code for u in data.units if u.level == "commune" and u.parent_code == DEMO_DISTRICT
    }
    mains = {k.old_code: k.new_code for k in data.links if k.main}
    wanted_new = {mains[c] for c in old_communes} | {"08"}
    units = tuple(
        u
        for u in data.units
        if (u.valid_to is None and u.code in wanted_new)
        or (u.valid_to is not None and u.code in old_communes | {"02", "08", DEMO_DISTRICT})
    )
    successors = {c: mains[c] for c in sorted(old_communes)} | {"02": mains["02"]}
    return units, MappingProxyType(successors)


# Declared here, read on first use (module __getattr__ below).
DEMO_UNITS: tuple[AdminUnitSeed, ...]
DEMO_SUCCESSORS: Mapping[str, str]


def __getattr__(name: str) -> object:
    # DEMO_UNITS and DEMO_SUCCESSORS are read from the shipped list on first use.
    if name in ("DEMO_UNITS", "DEMO_SUCCESSORS"):
        units, successors = _demo_extract()
        globals().update(DEMO_UNITS=units, DEMO_SUCCESSORS=successors)
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
