"""Beneficiary services: registering, editing, duplicate warnings, search and consent.

Every refused write is checked against a full dump of the database taken before it: a
failed write must leave every table exactly as it was.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tracker.db.engine import Database
from tracker.db.models import Beneficiary, Consent
from tracker.services import beneficiaries as ben
from tracker.services import grants, projects
from tracker.services.context import Actor
from tracker.services.errors import (
    ConflictError,
    NotFoundError,
    PossibleDuplicate,
    ValidationError,
)

from ..conftest import TODAY, setup_office
from .checks import count, refused

NHUNG = "Đặng Thị Hồng Nhung"
COMMUNE = "00769"
OTHER_COMMUNE = "00772"


def nfd(value: str) -> str:
    return unicodedata.normalize("NFD", value)


def person(**changes: Any) -> ben.BeneficiaryInput:
    values: dict[str, Any] = {
        "full_name": NHUNG,
        "sex": "F",
        "category": "victim",
        "ethnicity_code": "08",
        "birth_year": 1998,
        "commune_code": COMMUNE,
    }
    values.update(changes)
    return ben.BeneficiaryInput(**values)


def register(db: Database, actor: Actor, **changes: Any) -> ben.BeneficiaryView:
    return ben.register(db, actor, person(**changes), today=TODAY)


def stored(db: Database, beneficiary_id: int) -> Beneficiary:
    with db.read() as s:
        row = s.get(Beneficiary, beneficiary_id)
        assert row is not None
        return row


# --- register: normalisation --------------------------------------------------------------


def test_register_stores_nfd_name_as_nfc(db: Database, actors: dict[str, Actor]) -> None:
    raw = nfd(NHUNG)
    assert raw != NHUNG
    view = register(db, actors["officer"], full_name=raw, alias=nfd("Mẩy"), village=nfd("Pả Vi"))
    row = stored(db, view.id)
    assert row.full_name == NHUNG
    assert unicodedata.is_normalized("NFC", row.full_name)
    assert row.alias == "Mẩy"
    assert row.village == "Pả Vi"
    assert view.full_name == NHUNG
    assert row.name_key == "dang thi hong nhung"
    assert row.sort_key == "nhung dang thi hong"


def test_register_collapses_and_trims_spaces(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"], full_name="  Đặng   Thị\tHồng \n Nhung  ")
    assert stored(db, view.id).full_name == NHUNG


def test_length_is_counted_after_nfc(db: Database, actors: dict[str, Actor]) -> None:
    # 60 x "Ồ" is 180 code points in NFD but 60 in NFC, well within the 120 allowed.
    raw = nfd("Ồ" * 60)
    assert len(raw) > 120
    view = register(db, actors["officer"], full_name=raw)
    assert stored(db, view.id).full_name == "Ồ" * 60


@pytest.mark.parametrize("name", ["", "   ", "\t \n", "\u3000", None])
def test_empty_name_refused(db: Database, actors: dict[str, Actor], name: str | None) -> None:
    refused(
        db,
        lambda: register(db, actors["officer"], full_name=name),
        key="required",
        field="full_name",
    )
    assert count(db, "beneficiary") == 0


@pytest.mark.parametrize(
    ("field_name", "error_field", "limit"),
    [
        ("full_name", "full_name", 120),
        ("alias", "alias", 60),
        ("village", "village", 120),
        ("address_text", "address", 300),
        ("notes", "notes", 4000),
    ],
)
def test_too_long_strings_refused(
    db: Database, actors: dict[str, Actor], field_name: str, error_field: str, limit: int
) -> None:
    ok = register(db, actors["officer"], **{field_name: "a" * limit})
    assert len(getattr(stored(db, ok.id), field_name)) == limit
    err = refused(
        db,
        lambda: register(db, actors["officer"], **{field_name: "b" * (limit + 1)}),
        key="too_long",
        field=error_field,
    )
    assert err.params["max"] == limit


def test_huge_name_refused(db: Database, actors: dict[str, Actor]) -> None:
    refused(
        db,
        lambda: register(db, actors["officer"], full_name="Mai " * 100_000),
        key="too_long",
        field="full_name",
    )


@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x1b", "\x7f", "\x0b", "\x0c"])
@pytest.mark.parametrize(
    ("field_name", "error_field"),
    [("full_name", "full_name"), ("alias", "alias"), ("village", "village"), ("notes", "notes")],
)
def test_control_characters_refused(
    db: Database, actors: dict[str, Actor], bad: str, field_name: str, error_field: str
) -> None:
    refused(
        db,
        lambda: register(db, actors["officer"], **{field_name: f"Mai{bad}Lan"}),
        key="control_chars",
        field=error_field,
    )


def test_c1_control_characters_refused(sqlite_db: Database) -> None:
    actors = setup_office(sqlite_db)
    refused(
        sqlite_db,
        lambda: register(sqlite_db, actors["officer"], full_name="Mai\x9bLan"),
        key="control_chars",
        field="full_name",
    )


def test_notes_keep_line_breaks(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"], notes="  dòng một\r\ndòng hai  ")
    assert stored(db, view.id).notes == "dòng một\ndòng hai"


# --- register: birth ---------------------------------------------------------------------


def test_birth_date_in_future_refused(db: Database, actors: dict[str, Actor]) -> None:
    refused(
        db,
        lambda: register(
            db, actors["officer"], birth_date=TODAY + timedelta(days=1), birth_year=None
        ),
        key="date_future",
        field="birth_date",
    )


def test_birth_date_today_accepted(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"], birth_date=TODAY, birth_year=None)
    assert stored(db, view.id).birth_date == TODAY


def test_birth_date_before_1900_refused(db: Database, actors: dict[str, Actor]) -> None:
    refused(
        db,
        lambda: register(db, actors["officer"], birth_date=date(1899, 12, 31), birth_year=None),
        key="date_before",
        field="birth_date",
    )


@pytest.mark.parametrize("year", [1899, TODAY.year + 1, 0, -5, 20_000])
def test_birth_year_out_of_range_refused(db: Database, actors: dict[str, Actor], year: int) -> None:
    err = refused(
        db,
        lambda: register(db, actors["officer"], birth_year=year),
        key="year_range",
        field="birth_year",
    )
    assert err.params == {"min": 1900, "max": TODAY.year}


@pytest.mark.parametrize("year", [1900, TODAY.year])
def test_birth_year_bounds_accepted(db: Database, actors: dict[str, Actor], year: int) -> None:
    view = register(db, actors["officer"], birth_year=year)
    assert stored(db, view.id).birth_year == year


@pytest.mark.parametrize("year", ["1990", 1990.0, True])
def test_birth_year_not_integer_refused(
    db: Database, actors: dict[str, Actor], year: object
) -> None:
    refused(
        db,
        lambda: register(db, actors["officer"], birth_year=year),
        key="not_integer",
        field="birth_year",
    )


def test_birth_year_must_match_birth_date(db: Database, actors: dict[str, Actor]) -> None:
    refused(
        db,
        lambda: register(db, actors["officer"], birth_date=date(1990, 5, 1), birth_year=1991),
        key="birth_mismatch",
        field="birth_year",
    )
    view = register(db, actors["officer"], birth_date=date(1990, 5, 1), birth_year=1990)
    row = stored(db, view.id)
    assert (row.birth_date, row.birth_year) == (date(1990, 5, 1), 1990)


def test_birth_year_taken_from_birth_date(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"], birth_date=date(1987, 2, 3), birth_year=None)
    assert stored(db, view.id).birth_year == 1987
    assert view.birth_year == 1987


def test_missing_birth_date_and_year_refused(db: Database, actors: dict[str, Actor]) -> None:
    refused(
        db,
        lambda: register(db, actors["officer"], birth_date=None, birth_year=None),
        key="birth_missing",
        field="birth_year",
    )


@pytest.mark.parametrize("bad", ["not a date", "1990-01-01", 1990])
def test_birth_date_not_a_date_refused(db: Database, actors: dict[str, Actor], bad: object) -> None:
    refused(
        db,
        lambda: register(db, actors["officer"], birth_date=bad),
        key="not_a_date",
        field="birth_date",
    )


# --- register: choices and formats --------------------------------------------------------


@pytest.mark.parametrize("code", ["00", "56", "8", "Kinh", "", None, 8])
def test_unknown_ethnicity_refused(db: Database, actors: dict[str, Actor], code: object) -> None:
    refused(
        db,
        lambda: register(db, actors["officer"], ethnicity_code=code),
        key="choice",
        field="ethnicity",
    )


@pytest.mark.parametrize("code", ["01", "54", "55", "99"])
def test_known_ethnicity_accepted(db: Database, actors: dict[str, Actor], code: str) -> None:
    view = register(db, actors["officer"], ethnicity_code=code)
    row = stored(db, view.id)
    assert (row.ethnicity_code, row.ethnicity_list) == (code, "gso2008")


@pytest.mark.parametrize("sex", ["f", "female", "", None, "FM"])
def test_bad_sex_refused(db: Database, actors: dict[str, Actor], sex: object) -> None:
    refused(db, lambda: register(db, actors["officer"], sex=sex), key="choice", field="sex")


@pytest.mark.parametrize("category", ["Victim", "trafficked", "", None])
def test_bad_category_refused(db: Database, actors: dict[str, Actor], category: object) -> None:
    refused(
        db,
        lambda: register(db, actors["officer"], category=category),
        key="choice",
        field="category",
    )


def test_bad_status_refused(db: Database, actors: dict[str, Actor]) -> None:
    refused(
        db, lambda: register(db, actors["officer"], status="gone"), key="choice", field="status"
    )


@pytest.mark.parametrize(
    "number", ["12345678", "1234567890", "12345678901a", "0123 4567 8901", "abcdefghi", "-12345678"]
)
def test_bad_id_number_refused(db: Database, actors: dict[str, Actor], number: str) -> None:
    refused(
        db,
        lambda: register(db, actors["officer"], id_number=number),
        key="bad_id_number",
        field="id_number",
    )


def test_id_number_too_long_refused(db: Database, actors: dict[str, Actor]) -> None:
    refused(
        db,
        lambda: register(db, actors["officer"], id_number="1" * 21),
        key="too_long",
        field="id_number",
    )


@pytest.mark.parametrize("number", ["123456789", "001198012345", " 001198012345 "])
def test_good_id_number_accepted(db: Database, actors: dict[str, Actor], number: str) -> None:
    view = register(db, actors["officer"], id_number=number)
    assert stored(db, view.id).id_number == number.strip()


def test_blank_id_number_stored_as_null(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"], id_number="   ")
    assert stored(db, view.id).id_number is None


@pytest.mark.parametrize("phone", ["abc", "12345", "0912-345-678", "++84912345678", "0912x345"])
def test_bad_phone_refused(db: Database, actors: dict[str, Actor], phone: str) -> None:
    refused(
        db, lambda: register(db, actors["officer"], phone=phone), key="bad_phone", field="phone"
    )


@pytest.mark.parametrize("phone", ["0912345678", "+84 912 345 678", "0912.345.678"])
def test_good_phone_accepted(db: Database, actors: dict[str, Actor], phone: str) -> None:
    view = register(db, actors["officer"], phone=phone)
    assert stored(db, view.id).phone == phone


@pytest.mark.parametrize(
    ("field_name", "error_field"), [("commune_code", "commune"), ("province_code", "province")]
)
@pytest.mark.parametrize("code", ["A1", "1", "123456", "12 34"])
def test_bad_unit_codes_refused(
    db: Database, actors: dict[str, Actor], field_name: str, error_field: str, code: str
) -> None:
    refused(
        db,
        lambda: register(db, actors["officer"], **{field_name: code}),
        key="bad_unit_code",
        field=error_field,
    )


def test_registered_on_future_or_too_old_refused(db: Database, actors: dict[str, Actor]) -> None:
    refused(
        db,
        lambda: register(db, actors["officer"], registered_on=TODAY + timedelta(days=1)),
        key="date_future",
        field="registered_on",
    )
    refused(
        db,
        lambda: register(db, actors["officer"], registered_on=date(1999, 12, 31)),
        key="date_before",
        field="registered_on",
    )


def test_registered_on_defaults_to_today(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"])
    row = stored(db, view.id)
    assert row.registered_on == TODAY
    assert row.address_recorded_on == TODAY


# --- codes -------------------------------------------------------------------------------


def test_auto_codes_follow_office_prefix(db: Database, actors: dict[str, Actor]) -> None:
    codes = [
        register(db, actors["officer"], full_name=name).code
        for name in ("Vàng Thị Mỷ", "Giàng Thị Sú", "Lò Thị Pằng")
    ]
    assert codes == ["MV-00001", "MV-00002", "MV-00003"]
    with db.read() as s:
        assert sorted(s.execute(select(Beneficiary.code)).scalars()) == codes


def test_auto_code_skips_a_code_taken_by_hand(db: Database, actors: dict[str, Actor]) -> None:
    assert register(db, actors["officer"], full_name="Vàng Thị Mỷ", code="MV-00002").code == (
        "MV-00002"
    )
    assert register(db, actors["officer"], full_name="Giàng Thị Sú").code == "MV-00003"
    assert register(db, actors["officer"], full_name="Lò Thị Pằng").code == "MV-00004"


def test_given_code_is_upper_cased(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"], code="hg-7")
    assert stored(db, view.id).code == "HG-7"


@pytest.mark.parametrize("code", ["MV 1", "-MV1", "MV/1", "A" * 21])
def test_bad_code_refused(db: Database, actors: dict[str, Actor], code: str) -> None:
    err = refused(
        db,
        lambda: register(db, actors["officer"], code=code),
        key="too_long" if len(code) > 20 else "bad_code",
        field="code",
    )
    assert isinstance(err, ValidationError)


def test_duplicate_code_refused(db: Database, actors: dict[str, Actor]) -> None:
    register(db, actors["officer"], full_name="Vàng Thị Mỷ", code="MV-100")
    err = refused(
        db,
        lambda: register(db, actors["officer"], full_name="Giàng Thị Sú", code="mv-100"),
        key="duplicate_code",
        field="code",
        error=ConflictError,
    )
    assert err.params["value"] == "MV-100"
    assert count(db, "beneficiary") == 1


# --- duplicate warnings ------------------------------------------------------------------


def test_same_folded_name_year_and_commune_warns(db: Database, actors: dict[str, Actor]) -> None:
    first = register(db, actors["officer"], full_name="Đoàn Thị Mai", birth_year=1990)
    err = refused(
        db,
        lambda: register(db, actors["officer"], full_name="Doãn Thị Mai", birth_year=1990),
        key="possible_duplicate",
        field=None,
        error=PossibleDuplicate,
    )
    assert [c.id for c in err.candidates] == [first.id]
    assert first.code in str(err)
    assert count(db, "beneficiary") == 1


def test_nfd_spelling_of_same_person_warns(db: Database, actors: dict[str, Actor]) -> None:
    register(db, actors["officer"])
    refused(
        db,
        lambda: register(db, actors["officer"], full_name=nfd(NHUNG.upper())),
        key="possible_duplicate",
        field=None,
        error=PossibleDuplicate,
    )


def test_different_commune_does_not_warn(db: Database, actors: dict[str, Actor]) -> None:
    register(db, actors["officer"], full_name="Đoàn Thị Mai", birth_year=1990)
    register(
        db,
        actors["officer"],
        full_name="Doãn Thị Mai",
        birth_year=1990,
        commune_code=OTHER_COMMUNE,
    )
    assert count(db, "beneficiary") == 2


def test_different_birth_year_in_the_same_commune_warns(
    db: Database, actors: dict[str, Actor]
) -> None:
    first = register(db, actors["officer"], full_name="Đặng Thị Lần", birth_year=1985)
    err = refused(
        db,
        lambda: register(db, actors["officer"], full_name="Đặng Thị Lần", birth_year=1992),
        key="possible_duplicate",
        field=None,
        error=PossibleDuplicate,
    )
    assert [(c.id, c.reasons) for c in err.candidates] == [(first.id, ("same_name",))]


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("Đặng Thị Lâm", "close_name"),
        ("Đặng Thi Lan", "same_name"),
        ("Đặng Thị Lầnh", "close_name"),
        ("Đặng Lần", "middle_name"),
        ("Đặng Thị Kim Lần", "middle_name"),
    ],
)
def test_close_names_in_the_same_commune_warn(
    db: Database, actors: dict[str, Actor], typed: str, reason: str
) -> None:
    first = register(db, actors["officer"], full_name="Đặng Thị Lần", birth_year=1985)
    register(db, actors["officer"], full_name="Đặng Thị Hoa", birth_year=1985)
    err = refused(
        db,
        lambda: register(db, actors["officer"], full_name=typed, birth_year=1970),
        key="possible_duplicate",
        field=None,
        error=PossibleDuplicate,
    )
    assert [(c.id, c.reasons) for c in err.candidates] == [(first.id, (reason,))]


def test_names_further_apart_do_not_warn(db: Database, actors: dict[str, Actor]) -> None:
    register(db, actors["officer"], full_name="Đặng Thị Lần", birth_year=1985)
    for other in ("Đặng Thị Lâm Hoa", "Lò Thị Lần", "Đặng Văn Lâm", "Thị Lần"):
        register(db, actors["officer"], full_name=other, birth_year=1985)
    assert count(db, "beneficiary") == 5


def test_no_commune_on_both_warns(db: Database, actors: dict[str, Actor]) -> None:
    register(db, actors["officer"], commune_code=None)
    refused(
        db,
        lambda: register(db, actors["officer"], commune_code=None),
        key="possible_duplicate",
        field=None,
        error=PossibleDuplicate,
    )
    register(db, actors["officer"], commune_code=COMMUNE)
    assert count(db, "beneficiary") == 2


def test_same_id_number_warns(db: Database, actors: dict[str, Actor]) -> None:
    first = register(db, actors["officer"], id_number="001198012345")
    err = refused(
        db,
        lambda: register(
            db,
            actors["officer"],
            full_name="Lý Thị Sinh",
            birth_year=1970,
            commune_code=OTHER_COMMUNE,
            id_number="001198012345",
        ),
        key="possible_duplicate",
        field=None,
        error=PossibleDuplicate,
    )
    assert [c.id for c in err.candidates] == [first.id]


def test_allow_duplicate_saves(db: Database, actors: dict[str, Actor]) -> None:
    register(db, actors["officer"], full_name="Đoàn Thị Mai", birth_year=1990)
    second = ben.register(
        db,
        actors["officer"],
        person(full_name="Doãn Thị Mai", birth_year=1990),
        allow_duplicate=True,
        today=TODAY,
    )
    assert stored(db, second.id).full_name == "Doãn Thị Mai"
    assert count(db, "beneficiary") == 2


def test_find_duplicates_lists_candidates(db: Database, actors: dict[str, Actor]) -> None:
    first = register(db, actors["officer"], full_name="Đoàn Thị Mai", birth_year=1990)
    found = ben.find_duplicates(
        db, actors["viewer"], person(full_name="Doãn Thị Mai", birth_year=1990), today=TODAY
    )
    assert [c.id for c in found] == [first.id]
    none = ben.find_duplicates(
        db,
        actors["viewer"],
        person(full_name="Doãn Thị Mai", birth_year=1990),
        exclude_id=first.id,
        today=TODAY,
    )
    assert none == []


# --- edit --------------------------------------------------------------------------------


def test_edit_keeps_code_and_updates_fields(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"])
    changed = ben.edit(
        db,
        actors["officer"],
        view.id,
        ben.with_changes(view, code=None, phone="0912345678", full_name=nfd("Đặng  Thị Nhung")),
        today=TODAY,
    )
    row = stored(db, view.id)
    assert row.code == view.code == changed.code == "MV-00001"
    assert row.phone == "0912345678"
    assert row.full_name == "Đặng Thị Nhung"
    assert row.search_key.startswith("dang thi nhung")


def test_edit_with_blank_code_keeps_code(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"])
    ben.edit(db, actors["officer"], view.id, ben.with_changes(view, code=""), today=TODAY)
    assert stored(db, view.id).code == "MV-00001"


def test_edit_duplicate_check_excludes_self(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"], id_number="001198012345")
    ben.edit(db, actors["officer"], view.id, ben.with_changes(view, village="Pả Vi"), today=TODAY)
    assert stored(db, view.id).village == "Pả Vi"


def test_edit_into_duplicate_of_other_warns(db: Database, actors: dict[str, Actor]) -> None:
    register(db, actors["officer"], full_name="Đoàn Thị Mai", birth_year=1990)
    other = register(db, actors["officer"], full_name="Lý Thị Sinh", birth_year=1990)
    refused(
        db,
        lambda: ben.edit(
            db,
            actors["officer"],
            other.id,
            ben.with_changes(other, full_name="Doãn Thị Mai"),
            today=TODAY,
        ),
        key="possible_duplicate",
        field=None,
        error=PossibleDuplicate,
    )
    ben.edit(
        db,
        actors["officer"],
        other.id,
        ben.with_changes(other, full_name="Doãn Thị Mai"),
        allow_duplicate=True,
        today=TODAY,
    )
    assert stored(db, other.id).full_name == "Doãn Thị Mai"


def test_edit_to_taken_code_refused(db: Database, actors: dict[str, Actor]) -> None:
    register(db, actors["officer"], full_name="Vàng Thị Mỷ")
    other = register(db, actors["officer"], full_name="Giàng Thị Sú")
    refused(
        db,
        lambda: ben.edit(
            db, actors["officer"], other.id, ben.with_changes(other, code="mv-00001"), today=TODAY
        ),
        key="duplicate_code",
        field="code",
        error=ConflictError,
    )


def test_edit_validates_like_register(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"])
    refused(
        db,
        lambda: ben.edit(
            db, actors["officer"], view.id, ben.with_changes(view, full_name="  "), today=TODAY
        ),
        key="required",
        field="full_name",
    )


def test_edit_unknown_beneficiary(db: Database, actors: dict[str, Actor]) -> None:
    refused(
        db,
        lambda: ben.edit(db, actors["officer"], 999, person(), today=TODAY),
        key="not_found",
        field="beneficiary",
        error=NotFoundError,
    )


def test_edit_keeps_address_date_unless_address_changes(
    db: Database, actors: dict[str, Actor]
) -> None:
    view = register(db, actors["officer"], address_text="Thôn Pả Vi")
    later = TODAY + timedelta(days=30)
    view = ben.edit(
        db, actors["officer"], view.id, ben.with_changes(view, phone="0912345678"), today=later
    )
    assert stored(db, view.id).address_recorded_on == TODAY
    ben.edit(
        db, actors["officer"], view.id, ben.with_changes(view, address_text="Thôn Mới"), today=later
    )
    assert stored(db, view.id).address_recorded_on == later


def test_get_and_get_by_code(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"])
    assert ben.get(db, actors["viewer"], view.id).full_name == NHUNG
    assert ben.get_by_code(db, actors["viewer"], " mv-00001 ").id == view.id
    with pytest.raises(NotFoundError) as info:
        ben.get_by_code(db, actors["viewer"], "MV-99999")
    assert info.value.field == "code"
    with pytest.raises(NotFoundError) as info:
        ben.get(db, actors["viewer"], 12345)
    assert info.value.field == "beneficiary"


# --- search ------------------------------------------------------------------------------


PEOPLE = [
    # full name, alias, commune, category, status, birth year
    (NHUNG, "Mẩy", COMMUNE, "victim", "active", 1998),
    ("Nguyễn Thị An", "", COMMUNE, "at_risk", "active", 2001),
    ("Lê Văn Bình", "", OTHER_COMMUNE, "family_member", "active", 1975),
    ("Hoàng Thị Dung", "", OTHER_COMMUNE, "victim", "closed", 1995),
    ("Đặng Văn Hồng", "", COMMUNE, "suspected_victim", "active", 1980),
]


@pytest.fixture
def people(db: Database, actors: dict[str, Actor]) -> dict[str, ben.BeneficiaryView]:
    out = {}
    for name, alias, commune, category, status, year in PEOPLE:
        out[name] = register(
            db,
            actors["officer"],
            full_name=name,
            alias=alias,
            commune_code=commune,
            category=category,
            status=status,
            birth_year=year,
        )
    return out


def names(rows: list[ben.BeneficiaryRow]) -> list[str]:
    return [r.full_name for r in rows]


@pytest.mark.parametrize(
    "query",
    [
        "dang thi hong",
        "DANG THI HONG",
        "Đặng Thị Hồng",
        nfd("Đặng Thị Hồng"),
        "nhung dang",
        "  hong   NHUNG ",
        "ng thi hon",
    ],
)
def test_search_finds_nhung(
    db: Database, actors: dict[str, Actor], people: dict[str, Any], query: str
) -> None:
    assert names(ben.search(db, actors["viewer"], query)) == [NHUNG]
    assert ben.count(db, actors["viewer"], query) == 1


def test_search_every_word_must_match(
    db: Database, actors: dict[str, Actor], people: dict[str, Any]
) -> None:
    assert set(names(ben.search(db, actors["viewer"], "dang"))) == {NHUNG, "Đặng Văn Hồng"}
    assert names(ben.search(db, actors["viewer"], "dang van")) == ["Đặng Văn Hồng"]
    assert ben.search(db, actors["viewer"], "dang binh") == []


def test_search_by_code(db: Database, actors: dict[str, Actor], people: dict[str, Any]) -> None:
    code = people["Lê Văn Bình"].code
    assert names(ben.search(db, actors["viewer"], code)) == ["Lê Văn Bình"]
    assert names(ben.search(db, actors["viewer"], code.lower())) == ["Lê Văn Bình"]


def test_search_by_alias(db: Database, actors: dict[str, Actor], people: dict[str, Any]) -> None:
    assert names(ben.search(db, actors["viewer"], "may")) == [NHUNG]
    assert names(ben.search(db, actors["viewer"], "Mẩy")) == [NHUNG]


def test_search_after_rename(
    db: Database, actors: dict[str, Actor], people: dict[str, Any]
) -> None:
    view = people["Lê Văn Bình"]
    ben.edit(
        db,
        actors["officer"],
        view.id,
        ben.with_changes(view, full_name="Lê Văn Khải", alias="Khải béo"),
        today=TODAY,
    )
    assert ben.search(db, actors["viewer"], "binh") == []
    assert names(ben.search(db, actors["viewer"], "khai beo")) == ["Lê Văn Khải"]


def test_like_wildcards_are_literal(db: Database, actors: dict[str, Actor]) -> None:
    register(db, actors["officer"], full_name="Vàng Thị Mỷ", alias="A_1")
    register(db, actors["officer"], full_name="Giàng Thị Sú", alias="AB1")
    register(db, actors["officer"], full_name="Lò Thị Pằng", alias="50%")
    register(db, actors["officer"], full_name="Sùng Thị Dở", alias="5000")
    register(db, actors["officer"], full_name="Hầu Thị Chá", alias="x\\y")
    register(db, actors["officer"], full_name="Thào Thị Chi", alias="xzy")
    viewer = actors["viewer"]
    assert names(ben.search(db, viewer, "a_1")) == ["Vàng Thị Mỷ"]
    assert names(ben.search(db, viewer, "50%")) == ["Lò Thị Pằng"]
    assert names(ben.search(db, viewer, "x\\y")) == ["Hầu Thị Chá"]
    assert names(ben.search(db, viewer, "%")) == ["Lò Thị Pằng"]
    assert ben.count(db, viewer, "_") == 1
    assert ben.search(db, viewer, "m%y") == []


def test_search_filters(db: Database, actors: dict[str, Actor], people: dict[str, Any]) -> None:
    viewer = actors["viewer"]
    by_commune = ben.search(db, viewer, ben.SearchFilter(commune_code=OTHER_COMMUNE))
    assert set(names(by_commune)) == {"Lê Văn Bình", "Hoàng Thị Dung"}
    by_category = ben.search(db, viewer, ben.SearchFilter(category="victim"))
    assert set(names(by_category)) == {NHUNG, "Hoàng Thị Dung"}
    by_status = ben.search(db, viewer, ben.SearchFilter(status="closed"))
    assert names(by_status) == ["Hoàng Thị Dung"]
    both = ben.SearchFilter(text="thi", commune_code=COMMUNE, category="victim")
    assert names(ben.search(db, viewer, both)) == [NHUNG]
    assert ben.count(db, viewer, both) == 1
    assert ben.count(db, viewer, ben.SearchFilter(commune_code=OTHER_COMMUNE)) == 2


def test_search_by_grant_type(
    db: Database, actors: dict[str, Actor], people: dict[str, Any]
) -> None:
    project = projects.create_project(
        db,
        actors["admin"],
        projects.ProjectInput(
            "P1", "Sinh kế", "Quỹ A", date(2025, 1, 1), date(2026, 12, 31), 500_000_000
        ),
    )
    grants.plan_grant(
        db,
        actors["officer"],
        grants.GrantInput(
            beneficiary_id=people["Nguyễn Thị An"].id,
            project_id=project.id,
            grant_type="cattle",
            start_date=date(2025, 2, 1),
            tranches=(grants.TrancheInput("Bò", quantity=1, unit_value=15_000_000),),
        ),
        today=TODAY,
    )
    flt = ben.SearchFilter(grant_type="cattle")
    assert names(ben.search(db, actors["viewer"], flt)) == ["Nguyễn Thị An"]
    assert ben.count(db, actors["viewer"], flt) == 1
    assert ben.search(db, actors["viewer"], ben.SearchFilter(grant_type="pig")) == []


def test_sort_by_given_name(db: Database, actors: dict[str, Actor], people: dict[str, Any]) -> None:
    expected = [
        "Nguyễn Thị An",
        "Lê Văn Bình",
        "Hoàng Thị Dung",
        "Đặng Văn Hồng",
        NHUNG,
    ]
    assert names(ben.search(db, actors["viewer"])) == expected
    assert names(ben.search(db, actors["viewer"], descending=True)) == expected[::-1]


def test_sort_by_given_name_vietnamese_pair(db: Database, actors: dict[str, Actor]) -> None:
    register(db, actors["officer"], full_name="Lê Văn Bình")
    register(db, actors["officer"], full_name="Nguyễn Thị An")
    assert names(ben.search(db, actors["viewer"])) == ["Nguyễn Thị An", "Lê Văn Bình"]


def test_other_sort_orders(db: Database, actors: dict[str, Actor], people: dict[str, Any]) -> None:
    by_code = ben.search(db, actors["viewer"], order="code")
    assert [r.code for r in by_code] == [f"MV-0000{n}" for n in range(1, 6)]
    by_year = ben.search(db, actors["viewer"], order="birth_year")
    assert [r.birth_year for r in by_year] == [1975, 1980, 1995, 1998, 2001]


def test_paging(db: Database, actors: dict[str, Actor], people: dict[str, Any]) -> None:
    viewer = actors["viewer"]
    everyone = names(ben.search(db, viewer))
    assert ben.count(db, viewer) == len(everyone) == 5
    pages = [names(ben.search(db, viewer, limit=2, offset=o)) for o in (0, 2, 4, 6)]
    assert pages == [everyone[0:2], everyone[2:4], everyone[4:5], []]
    assert ben.count(db, viewer, "thi") == 3
    assert len(ben.search(db, viewer, "thi", limit=2)) == 2


# --- consent -----------------------------------------------------------------------------


def test_consent_given_then_withdrawn(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"])
    given = ben.record_consent(
        db, actors["officer"], view.id, "services", True, decided_on=date(2025, 6, 1), today=TODAY
    )
    assert given.consent("services") is not None
    assert given.consent("services").given is True  # type: ignore[union-attr]
    withdrawn = ben.record_consent(
        db,
        actors["officer"],
        view.id,
        "services",
        False,
        decided_on=date(2025, 6, 10),
        note=nfd("Rút lại"),
        today=TODAY,
    )
    in_force = withdrawn.consent("services")
    assert in_force is not None
    assert (in_force.given, in_force.decided_on, in_force.note) == (
        False,
        date(2025, 6, 10),
        "Rút lại",
    )
    assert in_force.recorded_by == "hoa"
    assert withdrawn.consent("donor_reporting") is None
    assert [c.given for c in ben.get(db, actors["viewer"], view.id).consents] == [True, False]
    with db.read() as s:
        rows = s.execute(select(Consent).order_by(Consent.id)).scalars().all()
        assert [(r.kind, r.given, r.recorded_by_id) for r in rows] == [
            ("services", True, actors["officer"].user_id),
            ("services", False, actors["officer"].user_id),
        ]


def test_consent_latest_decision_date_rules(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"])
    ben.record_consent(
        db, actors["officer"], view.id, "services", True, decided_on=date(2025, 6, 10), today=TODAY
    )
    # A paper signed earlier but entered later does not override the newer decision.
    late_entry = ben.record_consent(
        db, actors["officer"], view.id, "services", False, decided_on=date(2025, 6, 1), today=TODAY
    )
    assert late_entry.consent("services").given is True  # type: ignore[union-attr]


def test_consent_kinds_are_independent(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"])
    ben.record_consent(db, actors["officer"], view.id, "services", True, today=TODAY)
    after = ben.record_consent(
        db, actors["officer"], view.id, "donor_reporting", False, today=TODAY
    )
    assert after.consent("services").given is True  # type: ignore[union-attr]
    assert after.consent("donor_reporting").given is False  # type: ignore[union-attr]
    assert after.consent("donor_reporting").decided_on == TODAY  # type: ignore[union-attr]
    assert after.consent("province_sharing") is None


def test_consent_in_future_refused(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"])
    refused(
        db,
        lambda: ben.record_consent(
            db,
            actors["officer"],
            view.id,
            "services",
            True,
            decided_on=TODAY + timedelta(days=1),
            today=TODAY,
        ),
        key="date_future",
        field="decided_on",
    )
    assert count(db, "consent") == 0


@pytest.mark.parametrize("kind", ["photos", "", None, "Services"])
def test_consent_unknown_kind_refused(db: Database, actors: dict[str, Actor], kind: object) -> None:
    view = register(db, actors["officer"])
    refused(
        db,
        lambda: ben.record_consent(db, actors["officer"], view.id, kind, True, today=TODAY),  # type: ignore[arg-type]
        key="choice",
        field="consent_kind",
    )


@pytest.mark.parametrize("given", ["yes", 1, None])
def test_consent_given_must_be_bool(db: Database, actors: dict[str, Actor], given: object) -> None:
    view = register(db, actors["officer"])
    refused(
        db,
        lambda: ben.record_consent(db, actors["officer"], view.id, "services", given, today=TODAY),  # type: ignore[arg-type]
        key="choice",
        field="consent_kind",
    )


def test_consent_note_too_long_refused(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"])
    refused(
        db,
        lambda: ben.record_consent(
            db, actors["officer"], view.id, "services", True, note="x" * 301, today=TODAY
        ),
        key="too_long",
        field="notes",
    )


def test_consent_unknown_beneficiary(db: Database, actors: dict[str, Actor]) -> None:
    refused(
        db,
        lambda: ben.record_consent(db, actors["officer"], 999, "services", True, today=TODAY),
        key="not_found",
        field="beneficiary",
        error=NotFoundError,
    )


# --- database limits ---------------------------------------------------------------------


@pytest.mark.parametrize("letter", ["ß", "ﬃ"])
def test_name_whose_folded_form_grows_is_saved_or_refused_cleanly(
    db: Database, actors: dict[str, Actor], letter: str
) -> None:
    """A 100-letter name passes the 120-character check, but case folding turns "ß" into
    "ss" (and "ﬃ" into "ffi"): the folded search columns must hold the longer text."""
    try:
        view = register(db, actors["officer"], full_name=letter * 100)
    except ValidationError as err:
        assert err.field == "full_name"
        assert count(db, "beneficiary") == 0
    else:
        assert stored(db, view.id).full_name == letter * 100


def test_view_round_trips_to_input(db: Database, actors: dict[str, Actor]) -> None:
    view = register(db, actors["officer"], id_number="123456789", phone="0912345678")
    again = ben.edit(db, actors["officer"], view.id, view.as_input(), today=TODAY)
    assert replace(again, consents=()) == replace(view, consents=())


@pytest.mark.parametrize(
    ("field_name", "value", "key", "error_field"),
    [
        ("id_number", "１２３４５６７８９", "bad_id_number", "id_number"),
        ("id_number", "١٢٣٤٥٦٧٨٩", "bad_id_number", "id_number"),
        ("commune_code", "００７６９", "bad_unit_code", "commune"),
    ],
)
def test_non_ascii_digits_refused_or_converted(
    sqlite_db: Database, field_name: str, value: str, key: str, error_field: str
) -> None:
    actors = setup_office(sqlite_db)
    try:
        view = register(sqlite_db, actors["officer"], **{field_name: value})
    except ValidationError as err:
        assert (err.key, err.field) == (key, error_field)
    else:
        assert getattr(stored(sqlite_db, view.id), field_name).isascii()
