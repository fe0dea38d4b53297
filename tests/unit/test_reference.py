"""Reference data: ethnic groups, demo administrative units and demo names."""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from datetime import date

import pytest

from tracker import demo_names
from tracker.db import reference
from tracker.db.reference import (
    DEMO_SUCCESSORS,
    DEMO_UNITS,
    ETHNIC_ALIASES,
    ETHNIC_CODES,
    ETHNIC_GROUPS,
    ETHNIC_LIST,
    LEVELS,
    ethnicity_by_code,
)
from tracker.demo_names import FIRST_DEMO_NAME, NAME_POOLS, DemoPerson, make_person


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


# --- ethnic groups ------------------------------------------------------------------------


def test_list_identifier() -> None:
    assert ETHNIC_LIST == "gso2008"


def test_exactly_54_groups_with_codes_01_to_54_then_extras() -> None:
    codes = [e.code for e in ETHNIC_GROUPS]
    assert codes[:54] == [f"{n:02d}" for n in range(1, 55)]
    assert codes[54:] == ["55", "99"]
    assert len(codes) == len(set(codes)) == 56
    assert frozenset(codes) == ETHNIC_CODES


@pytest.mark.parametrize(
    ("code", "name_vi", "name_en"),
    [
        ("01", "Kinh", "Kinh"),
        ("02", "Tày", "Tay"),
        ("04", "Mường", "Muong"),
        ("05", "Khơ me", "Khmer"),
        ("06", "Hoa", "Hoa (Chinese)"),
        ("07", "Nùng", "Nung"),
        ("08", "H'Mông", "Hmong"),
        ("09", "Dao", "Dao"),
        ("20", "Mnông", "Mnong"),
        ("26", "Giáy", "Giay"),
        ("45", "Lô Lô", "Lo Lo"),
        ("54", "Ơ-đu", "O Du"),
        ("55", "Người nước ngoài", "Foreigner"),
        ("99", "Không rõ", "Unknown"),
    ],
)
def test_known_codes(code: str, name_vi: str, name_en: str) -> None:
    e = ethnicity_by_code(code)
    assert (e.code, e.name_vi, e.name_en) == (code, name_vi, name_en)


@pytest.mark.parametrize("code", ["00", "56", "8", "8 ", "", "Kinh"])
def test_unknown_code_raises_key_error(code: str) -> None:
    with pytest.raises(KeyError):
        ethnicity_by_code(code)


def test_names_are_nfc_and_unique() -> None:
    for e in ETHNIC_GROUPS:
        assert e.name_vi and e.name_en
        assert is_nfc(e.name_vi), e
        assert is_nfc(e.name_en), e
        assert e.name_vi == e.name_vi.strip()
    assert len({e.name_vi for e in ETHNIC_GROUPS}) == len(ETHNIC_GROUPS)
    assert len({e.name_en for e in ETHNIC_GROUPS}) == len(ETHNIC_GROUPS)


def test_aliases_point_to_known_codes() -> None:
    names = {e.name_vi for e in ETHNIC_GROUPS}
    for code, aliases in ETHNIC_ALIASES.items():
        assert code in ETHNIC_CODES
        for alias in aliases:
            assert is_nfc(alias)
            assert alias not in names


def test_ethnicity_is_frozen() -> None:
    e = ethnicity_by_code("08")
    with pytest.raises(AttributeError):
        e.name_vi = "x"  # type: ignore[misc]


# --- administrative units -----------------------------------------------------------------


def test_demo_unit_codes_unique_on_each_day_and_well_formed() -> None:
    keys = [(u.code, u.valid_from) for u in DEMO_UNITS]
    assert len(keys) == len(set(keys))
    width = {"province": 2, "district": 3, "commune": 5}
    for u in DEMO_UNITS:
        assert u.level in LEVELS
        assert u.code.isdigit() and len(u.code) == width[u.level], u
        assert is_nfc(u.name) and is_nfc(u.unit_type), u
        assert u.name == u.name.strip() and not u.name.lower().startswith(("xã ", "huyện "))


def test_demo_units_have_parents_one_level_up_valid_at_the_same_time() -> None:
    for u in DEMO_UNITS:
        if u.level == "province":
            assert u.parent_code is None
            continue
        same_time = [
            p
            for p in DEMO_UNITS
            if p.code == u.parent_code and (p.valid_to, p.valid_from) == (u.valid_to, u.valid_from)
        ]
        assert len(same_time) == 1, u
        assert LEVELS.index(same_time[0].level) < LEVELS.index(u.level)


def test_demo_units_cover_the_2025_reform() -> None:
    reform = date(2025, 7, 1)
    assert reform == reference.REFORM_DATE
    provinces = {(u.code, u.valid_to) for u in DEMO_UNITS if u.level == "province"}
    assert provinces == {("02", date(2025, 6, 30)), ("08", date(2025, 6, 30)), ("08", None)}
    districts = [u for u in DEMO_UNITS if u.level == "district"]
    assert [(d.code, d.name) for d in districts] == [("027", "Mèo Vạc")]
    assert all(d.valid_to == date(2025, 6, 30) for d in districts)
    new = [c for c in DEMO_UNITS if c.level == "commune" and c.valid_from == reform]
    assert len(new) == 7
    assert all(c.parent_code == "08" and c.valid_to is None and c.unit_type == "xã" for c in new)


def test_units_in_force_on_a_date() -> None:
    def in_force(day: date) -> set[tuple[str, str]]:
        return {
            (u.code, u.name)
            for u in DEMO_UNITS
            if (u.valid_from is None or u.valid_from <= day)
            and (u.valid_to is None or day <= u.valid_to)
        }

    before, after = in_force(date(2025, 6, 30)), in_force(date(2025, 7, 1))
    assert {("02", "Hà Giang"), ("027", "Mèo Vạc"), ("00781", "Pả Vi")} <= before
    assert ("00769", "Mèo Vạc") in before and ("00778", "Xín Cái") in before
    assert {("08", "Tuyên Quang"), ("00769", "Mèo Vạc"), ("00778", "Sơn Vĩ")} <= after
    assert not {"02", "027", "00781"} & {code for code, _ in after}


def test_successors_map_legacy_units_to_units_in_force() -> None:
    old = {u.code: u for u in DEMO_UNITS if u.valid_to is not None}
    new = {u.code: u for u in DEMO_UNITS if u.valid_to is None}
    for before, after in DEMO_SUCCESSORS.items():
        assert old[before].valid_to == date(2025, 6, 30)
        assert new[after].valid_from == date(2025, 7, 1)
        assert old[before].level == new[after].level


# --- demo names ---------------------------------------------------------------------------


def test_first_demo_name() -> None:
    assert unicodedata.normalize("NFC", "Đặng Thị Hồng Nhung") == FIRST_DEMO_NAME
    assert is_nfc(FIRST_DEMO_NAME)
    person = demo_names.FIRST_DEMO_PERSON
    assert person == (FIRST_DEMO_NAME, "F", "01")
    assert (person.family_name, person.middle_name, person.given_name) == (
        "Đặng",
        "Thị Hồng",
        "Nhung",
    )


def test_pools_are_nfc_and_use_known_codes() -> None:
    codes = [p.ethnicity_code for p in NAME_POOLS]
    assert len(codes) == len(set(codes)) >= 6
    assert {"08", "09", "02", "01"} <= set(codes)
    for pool in NAME_POOLS:
        assert pool.ethnicity_code in ETHNIC_CODES
        assert pool.weight > 0
        for names in (pool.family, pool.female_given, pool.male_given):
            assert names
            assert all(n and n == n.strip() for n in names)
        for names in (pool.female_middle, pool.male_middle):
            assert names
        for names in (
            pool.family,
            pool.female_middle,
            pool.female_given,
            pool.male_middle,
            pool.male_given,
        ):
            assert all(is_nfc(n) for n in names)


def test_villages_and_staff_are_nfc_and_unique() -> None:
    for items in (demo_names.VILLAGES, demo_names.STAFF_NAMES):
        assert items and len(items) == len(set(items))
        assert all(is_nfc(i) and i == i.strip() for i in items)
    assert all(is_nfc(s.role) and s.role for s in demo_names.STAFF)


def test_make_person_is_deterministic_for_a_seed() -> None:
    first = [make_person(random.Random(20250701)) for _ in range(3)]
    assert first[0] == first[1] == first[2]
    a, b = random.Random(42), random.Random(42)
    assert [make_person(a) for _ in range(200)] == [make_person(b) for _ in range(200)]
    c, d = random.Random(42), random.Random(43)
    assert [make_person(c) for _ in range(50)] != [make_person(d) for _ in range(50)]


def test_make_person_output_is_valid() -> None:
    rng = random.Random(7)
    people = [make_person(rng) for _ in range(2000)]
    for p in people:
        assert isinstance(p, DemoPerson)
        name, sex, code = p
        assert is_nfc(name)
        assert name == name.strip() and "  " not in name
        assert len(name.split(" ")) >= 2
        assert sex in {"F", "M"}
        assert code in ETHNIC_CODES and code not in {"55", "99"}
    sexes = Counter(p.sex for p in people)
    assert 0.75 <= sexes["F"] / len(people) <= 0.85
    groups = Counter(p.ethnicity_code for p in people)
    assert groups.most_common(1)[0][0] == "08"
    assert set(groups) == {pool.ethnicity_code for pool in NAME_POOLS}
