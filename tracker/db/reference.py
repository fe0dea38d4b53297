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

ETHNIC_LIST = "gso2008"
"""Identifier of the code list used below (GSO, Decision 1019/QĐ-TCTK, 2008)."""

ETHNIC_FOREIGNER = "55"
ETHNIC_UNKNOWN = "99"


@dataclass(frozen=True, slots=True)
class Ethnicity:
    code: str
    name_vi: str
    name_en: str


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# (code, Vietnamese name, English name); Vietnamese spellings follow the hyphenated forms
# of the official lists, English names the usual spellings in English-language reports.
_GROUPS: tuple[tuple[str, str, str], ...] = (
    ("01", "Kinh", "Kinh"),
    ("02", "Tày", "Tay"),
    ("03", "Thái", "Thai"),
    ("04", "Mường", "Muong"),
    ("05", "Khơ me", "Khmer"),
    ("06", "Hoa", "Hoa (Chinese)"),
    ("07", "Nùng", "Nung"),
    ("08", "H'Mông", "Hmong"),
    ("09", "Dao", "Dao"),
    ("10", "Gia-rai", "Jarai"),
    ("11", "Ê-đê", "Ede"),
    ("12", "Ba-na", "Bahnar"),
    ("13", "Sán Chay", "San Chay"),
    ("14", "Chăm", "Cham"),
    ("15", "Cơ-ho", "Koho"),
    ("16", "Xơ-đăng", "Xo Dang"),
    ("17", "Sán Dìu", "San Diu"),
    ("18", "Hrê", "Hre"),
    ("19", "Ra-glai", "Raglai"),
    ("20", "Mnông", "Mnong"),
    ("21", "Thổ", "Tho"),
    ("22", "Stiêng", "Stieng"),
    ("23", "Khơ mú", "Khmu"),
    ("24", "Bru-Vân Kiều", "Bru-Van Kieu"),
    ("25", "Cơ-tu", "Co Tu"),
    ("26", "Giáy", "Giay"),
    ("27", "Tà-ôi", "Ta Oi"),
    ("28", "Mạ", "Ma"),
    ("29", "Giẻ-Triêng", "Gie Trieng"),
    ("30", "Co", "Co"),
    ("31", "Chơ-ro", "Cho Ro"),
    ("32", "Xinh-mun", "Xinh Mun"),
    ("33", "Hà Nhì", "Ha Nhi"),
    ("34", "Chu-ru", "Chu Ru"),
    ("35", "Lào", "Lao"),
    ("36", "La Chí", "La Chi"),
    ("37", "Kháng", "Khang"),
    ("38", "Phù Lá", "Phu La"),
    ("39", "La Hủ", "La Hu"),
    ("40", "La Ha", "La Ha"),
    ("41", "Pà Thẻn", "Pa Then"),
    ("42", "Lự", "Lu"),
    ("43", "Ngái", "Ngai"),
    ("44", "Chứt", "Chut"),
    ("45", "Lô Lô", "Lo Lo"),
    ("46", "Mảng", "Mang"),
    ("47", "Cơ lao", "Co Lao"),
    ("48", "Bố Y", "Bo Y"),
    ("49", "Cống", "Cong"),
    ("50", "Si La", "Si La"),
    ("51", "Pu Péo", "Pu Peo"),
    ("52", "Rơ-măm", "Ro Mam"),
    ("53", "Brâu", "Brau"),
    ("54", "Ơ-đu", "O Du"),
    (ETHNIC_FOREIGNER, "Người nước ngoài", "Foreigner"),
    (ETHNIC_UNKNOWN, "Không rõ", "Unknown"),
)

ETHNIC_GROUPS: tuple[Ethnicity, ...] = tuple(
    Ethnicity(code, _nfc(name_vi), _nfc(name_en)) for code, name_vi, name_en in _GROUPS
)
"""The 54 groups (codes "01".."54") in official order, then "55" and "99"."""

ETHNIC_CODES: frozenset[str] = frozenset(e.code for e in ETHNIC_GROUPS)

_BY_CODE: Mapping[str, Ethnicity] = MappingProxyType({e.code: e for e in ETHNIC_GROUPS})

ETHNIC_ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        code: tuple(_nfc(a) for a in aliases)
        for code, aliases in {
            "01": ("Việt",),
            "05": ("Khmer", "Khơ-me"),
            "08": ("Mông", "Hmông", "Hmong"),
            "10": ("Gia Rai", "Jarai"),
            "11": ("Ê Đê", "Rhade"),
            "12": ("Ba Na", "Bahnar"),
            "15": ("Cơ Ho", "K'Ho"),
            "16": ("Xơ Đăng", "Sedang"),
            "20": ("M'Nông",),
            "22": ("Xtiêng",),
            "23": ("Khơ Mú", "Khmu"),
            "25": ("Cơ Tu", "Katu"),
            "29": ("Gié-Triêng",),
            "47": ("Cờ Lao",),
        }.items()
    }
)
"""Other spellings seen in forms and older lists, to help search and import (not exhaustive)."""


def ethnicity_by_code(code: str) -> Ethnicity:
    """Return the entry for a code of the GSO 2008 list ("01".."54", "55", "99").

    Raises ``KeyError`` for any other value, including unpadded codes such as "8".
    """
    return _BY_CODE[code]


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
