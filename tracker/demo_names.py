"""Name pools for the demo database.

Every person made from these pools is fictional. The pools imitate naming patterns common
among the peoples of the former Mèo Vạc and Đồng Văn districts (now Tuyên Quang province),
so that lists, sorting and search in the demo look like real office data; any likeness to
a real person is coincidental. Village names are invented the same way.

Ethnic codes are those of the GSO 2008 list (``tracker.db.reference``). This module only
uses the standard library so that it can be imported without the database layer.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

__all__ = [
    "FEMALE_SHARE",
    "FIRST_DEMO_NAME",
    "FIRST_DEMO_PERSON",
    "NAME_POOLS",
    "STAFF",
    "STAFF_NAMES",
    "VILLAGES",
    "DemoPerson",
    "DemoStaff",
    "NamePool",
    "make_person",
]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _nfc_all(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_nfc(i) for i in items)


FEMALE_SHARE = 0.8
"""About four in five people supported by these projects are women and girls."""


class DemoPerson(NamedTuple):
    full_name: str
    sex: str  # "F" or "M"
    ethnicity_code: str  # GSO 2008 code

    @property
    def family_name(self) -> str:
        return self.full_name.split(" ")[0]

    @property
    def given_name(self) -> str:
        return self.full_name.split(" ")[-1]

    @property
    def middle_name(self) -> str:
        """Everything between the family name and the given name (may be empty)."""
        return " ".join(self.full_name.split(" ")[1:-1])


@dataclass(frozen=True, slots=True)
class NamePool:
    """Names for one ethnic group.

    A name is built as family + middle + given, where the middle may be empty and a given
    name may itself have two words (Kinh "Hồng Nhung").
    """

    ethnicity_code: str
    weight: int  # relative share among demo people
    family: tuple[str, ...]
    female_middle: tuple[str, ...]
    female_given: tuple[str, ...]
    male_middle: tuple[str, ...]
    male_given: tuple[str, ...]


def _pool(
    code: str,
    weight: int,
    family: tuple[str, ...],
    female_middle: tuple[str, ...],
    female_given: tuple[str, ...],
    male_middle: tuple[str, ...],
    male_given: tuple[str, ...],
) -> NamePool:
    return NamePool(
        code,
        weight,
        _nfc_all(family),
        _nfc_all(female_middle),
        _nfc_all(female_given),
        _nfc_all(male_middle),
        _nfc_all(male_given),
    )


NAME_POOLS: tuple[NamePool, ...] = (
    # H'Mông: women "Giàng Thị Mỷ", "Vàng Thị Dợ"; men "Sùng Mí Sử", "Thào Seo Páo".
    _pool(
        "08",
        50,
        ("Giàng", "Sùng", "Thào", "Vàng", "Lý", "Hầu", "Ly", "Mua", "Vừ", "Lầu", "Hờ", "Chẩu"),
        ("Thị",),
        ("Mỷ", "Dợ", "Dính", "Máy", "Sua", "Pà", "Chở", "Say", "Chúa", "Dế", "Xúa", "Mai"),
        ("Mí", "Mí", "Seo", "A", "Văn"),
        ("Sử", "Chứ", "Páo", "Dình", "Lử", "Pó", "Chính", "Sính", "Vư", "Lồng", "Tủa", "Súng"),
    ),
    # Dao (Dao Đỏ): "Triệu Thị Mẩy", "Bàn Văn Chàn".
    _pool(
        "09",
        12,
        ("Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chảo", "Tẩn"),
        ("Thị",),
        ("Mẩy", "Mai", "Xuân", "Kiều", "Phấy", "Làn", "Sinh", "Liên", "Nhất"),
        ("Văn", "Văn", "Tiến", "Kim"),
        ("Chàn", "Quẩy", "Phin", "Chòi", "Sơn", "Tài", "Phú", "Diu"),
    ),
    # Tày: "Nông Thị Hạnh", "Ma Văn Phúc".
    _pool(
        "02",
        8,
        ("Nông", "Hoàng", "Ma", "Lương", "Hà", "Lục", "Nguyễn"),
        ("Thị",),
        ("Hạnh", "Nhài", "Thơm", "Lan", "Hường", "Nga", "Quyên", "Hoa", "Liên"),
        ("Văn", "Đức"),
        ("Phúc", "Tiến", "Chiến", "Hưng", "Sáng", "Thắng", "Lâm"),
    ),
    # Nùng: "Lù Thị Ngần", "Vi Văn Sinh".
    _pool(
        "07",
        8,
        ("Hoàng", "Nông", "Lục", "Vi", "Lù", "Mã", "Lương"),
        ("Thị",),
        ("Ngần", "Dào", "Khuyên", "Mến", "Làn", "Thủy", "Pham"),
        ("Văn",),
        ("Sinh", "Chuyên", "Kỳ", "Dìn", "Pằn", "Lợi"),
    ),
    # Giáy: "Vương Thị Dua", "Sần Văn Khoa".
    _pool(
        "26",
        6,
        ("Lù", "Sần", "Vương", "Hoàng", "Thèn", "Lò"),
        ("Thị",),
        ("Dua", "Mai", "Chúc", "Sen", "Liên", "Dín"),
        ("Văn", "Seo"),
        ("Khoa", "Chung", "Dìn", "Páo", "Xuân"),
    ),
    # Lô Lô: "Sình Thị Tứa", "Lò Văn Pủa".
    _pool(
        "45",
        6,
        ("Sình", "Lò", "Vàng", "Sử", "Chi", "Lù"),
        ("Thị",),
        ("Tứa", "Sính", "Lan", "Phiến", "Mỷ", "Dung"),
        ("Văn", "Mí"),
        ("Pủa", "Chứ", "Phìn", "Dũng", "Thàng"),
    ),
    # Kinh: "Đặng Thị Hồng Nhung", "Nguyễn Văn Hùng".
    _pool(
        "01",
        10,
        ("Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Hoàng", "Vũ", "Đỗ", "Bùi"),
        ("Thị", "Thị", "Thị", ""),
        (
            "Hồng Nhung",
            "Thu Hà",
            "Thanh Hương",
            "Minh Thu",
            "Ngọc Anh",
            "Thu Trang",
            "Lan",
            "Huyền",
            "Bích Ngọc",
            "Hải Yến",
        ),
        ("Văn", "Đức", "Minh", "Quang"),
        ("Hùng", "Tuấn", "Huy", "Nam", "Dũng", "Long", "Thành"),
    ),
)

_POOL_WEIGHTS: tuple[int, ...] = tuple(p.weight for p in NAME_POOLS)

FIRST_DEMO_NAME = _nfc("Đặng Thị Hồng Nhung")
"""The first demo person; the user guide shows finding her by typing "dang thi hong"."""

FIRST_DEMO_PERSON = DemoPerson(FIRST_DEMO_NAME, "F", "01")

# Invented hamlet names in the style of the area (thôn/bản); not real places.
VILLAGES: tuple[str, ...] = _nfc_all(
    (
        "Thôn Sà Lủng Chớ",
        "Thôn Pả Chải Trên",
        "Thôn Pả Chải Dưới",
        "Thôn Lũng Mỏ Phìn",
        "Thôn Séo Khó Tủng",
        "Thôn Nà Cốc Mới",
        "Thôn Khuổi Lầu",
        "Bản Tả Chà Sảng",
        "Bản Mỏ Sủng Trên",
        "Thôn Chúng Pả Lìn",
        "Thôn Lùng Vài Hạ",
        "Thôn Phìn Sà Tỷ",
    )
)


@dataclass(frozen=True, slots=True)
class DemoStaff:
    name: str
    role: str  # Vietnamese title as printed under a signature


# Officers of a fictional district Women's Union office, matching the signatures of a
# payment voucher (thủ trưởng, kế toán, người lập phiếu, thủ quỹ) plus field officers.
STAFF: tuple[DemoStaff, ...] = tuple(
    DemoStaff(_nfc(name), _nfc(role))
    for name, role in (
        ("Hoàng Thị Minh Nguyệt", "Chủ tịch Hội"),
        ("Nguyễn Thị Thu Hà", "Kế toán"),
        ("Lương Thị Huyền", "Cán bộ dự án"),
        ("Vàng Thị Sính", "Cán bộ địa bàn"),
        ("Triệu Thị Mai", "Cán bộ địa bàn"),
        ("Phạm Thị Ngọc Lan", "Thủ quỹ"),
    )
)

STAFF_NAMES: tuple[str, ...] = tuple(s.name for s in STAFF)


def make_person(rng: random.Random) -> DemoPerson:
    """Draw one fictional person; deterministic for a seeded ``rng``.

    About ``FEMALE_SHARE`` of people are women; ethnic groups follow the pool weights.
    """
    sex = "F" if rng.random() < FEMALE_SHARE else "M"
    pool = NAME_POOLS[rng.choices(range(len(NAME_POOLS)), weights=_POOL_WEIGHTS)[0]]
    family = rng.choice(pool.family)
    if sex == "F":
        middle = rng.choice(pool.female_middle)
        given = rng.choice(pool.female_given)
    else:
        middle = rng.choice(pool.male_middle)
        given = rng.choice(pool.male_given)
    full_name = " ".join(part for part in (family, middle, given) if part)
    return DemoPerson(_nfc(full_name), sex, pool.ethnicity_code)
