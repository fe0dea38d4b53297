"""Ethnic groups of Vietnam: the code list stored with each person, and the names shown
for its codes.

Codes and order follow the GSO list of ethnic groups issued with Decision 1019/QĐ-TCTK
(2008), used in the 2009 and 2019 censuses. The older 1979 list (Decision 121-TCTK) uses a
different order (Hoa at 04, Khơ me at 05, Mường at 06, ...), so a stored code must always be
read together with the list it comes from: ``ETHNIC_LIST``. Two extra entries outside the
54 groups are provided: "55" foreigner and "99" unknown.

Pure data, standard library only: every layer may import it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = [
    "ETHNIC_ALIASES",
    "ETHNIC_CODES",
    "ETHNIC_FOREIGNER",
    "ETHNIC_GROUPS",
    "ETHNIC_LIST",
    "ETHNIC_UNKNOWN",
    "Ethnicity",
    "ethnicity_by_code",
]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


ETHNIC_LIST = "gso2008"
"""Identifier of the code list used below (GSO, Decision 1019/QĐ-TCTK, 2008)."""

ETHNIC_FOREIGNER = "55"
ETHNIC_UNKNOWN = "99"


@dataclass(frozen=True, slots=True)
class Ethnicity:
    code: str
    name_vi: str
    name_en: str


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
