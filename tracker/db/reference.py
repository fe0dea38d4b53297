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
    ``DEMO_UNITS`` is a small, real extract for the demo and tests: the former Hà Giang
    province (merged into Tuyên Quang on 1 July 2025), its legacy district Mèo Vạc, a few
    communes of that district as they were until 30 June 2025, and the communes formed there
    on 1 July 2025. It is not a full gazetteer.
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
    "demo_unit_by_code",
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

_LAST_DAY_BEFORE_REFORM = date(2025, 6, 30)


@dataclass(frozen=True, slots=True)
class AdminUnitSeed:
    code: str
    level: str  # one of LEVELS
    name: str  # without the type word: "Mèo Vạc", not "Xã Mèo Vạc"
    unit_type: str  # "tỉnh", "huyện", "xã", "thị trấn", "phường"
    parent_code: str | None
    valid_from: date | None  # None: before the data we keep
    valid_to: date | None  # None: still in force


def _unit(
    code: str,
    level: str,
    name: str,
    unit_type: str,
    parent: str | None,
    valid_from: date | None = None,
    valid_to: date | None = None,
) -> AdminUnitSeed:
    return AdminUnitSeed(code, level, _nfc(name), _nfc(unit_type), parent, valid_from, valid_to)


# Codes are the official GSO codes as published before and after the reform. After
# 1 July 2025 each new commune carries the code of one of the communes merged into it (so
# 00787 was Sủng Trà and is now Sủng Máng, 00778 was Xín Cái and is now Sơn Vĩ). To keep
# every code unique in this demo extract, only legacy communes whose code was NOT taken over
# by a new commune are listed as legacy rows.
DEMO_UNITS: tuple[AdminUnitSeed, ...] = (
    # Provinces. Tuyên Quang keeps its code 08 and absorbed Hà Giang (02).
    _unit("02", "province", "Hà Giang", "tỉnh", None, valid_to=_LAST_DAY_BEFORE_REFORM),
    _unit("08", "province", "Tuyên Quang", "tỉnh", None),
    # Legacy district of the former Hà Giang (districts were abolished on 1 July 2025).
    _unit("027", "district", "Mèo Vạc", "huyện", "02", valid_to=_LAST_DAY_BEFORE_REFORM),
    # Communes of Mèo Vạc district until 30 June 2025.
    _unit("00781", "commune", "Pả Vi", "xã", "027", valid_to=_LAST_DAY_BEFORE_REFORM),
    _unit("00784", "commune", "Giàng Chu Phìn", "xã", "027", valid_to=_LAST_DAY_BEFORE_REFORM),
    _unit("00793", "commune", "Sơn Vĩ", "xã", "027", valid_to=_LAST_DAY_BEFORE_REFORM),
    _unit("00811", "commune", "Nậm Ban", "xã", "027", valid_to=_LAST_DAY_BEFORE_REFORM),
    # Communes of Tuyên Quang from 1 July 2025 (former Mèo Vạc district area).
    _unit("00769", "commune", "Mèo Vạc", "xã", "08", valid_from=REFORM_DATE),
    _unit("00778", "commune", "Sơn Vĩ", "xã", "08", valid_from=REFORM_DATE),
    _unit("00787", "commune", "Sủng Máng", "xã", "08", valid_from=REFORM_DATE),
    _unit("00802", "commune", "Khâu Vai", "xã", "08", valid_from=REFORM_DATE),
    _unit("00808", "commune", "Tát Ngà", "xã", "08", valid_from=REFORM_DATE),
    _unit("00817", "commune", "Niêm Sơn", "xã", "08", valid_from=REFORM_DATE),
)

DEMO_SUCCESSORS: Mapping[str, str] = MappingProxyType(
    {
        "02": "08",  # Hà Giang -> Tuyên Quang
        "00781": "00769",  # Pả Vi -> Mèo Vạc
        "00784": "00769",  # Giàng Chu Phìn -> Mèo Vạc
        "00793": "00778",  # Sơn Vĩ (old) -> Sơn Vĩ (new)
        "00811": "00808",  # Nậm Ban -> Tát Ngà
    }
)
"""Legacy unit code -> the unit it became part of on 1 July 2025 (demo extract only)."""

_UNIT_BY_CODE: Mapping[str, AdminUnitSeed] = MappingProxyType({u.code: u for u in DEMO_UNITS})


def demo_unit_by_code(code: str) -> AdminUnitSeed:
    """Return the demo unit with this code (``KeyError`` if it is not in the extract)."""
    return _UNIT_BY_CODE[code]
