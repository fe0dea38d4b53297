"""Every administrative unit, old and new: the shipped list against the official counts and
known cases, finding a unit by typing, the address as it was on a date, today's unit of an
old one, the unit a report groups under, the rows in a new database, and a 2024 paper of a
merged commune."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import func, select, update

from tracker.db.engine import Database
from tracker.db.models import AdminUnit, AdminUnitLink, AppMeta
from tracker.db.places_data import META_KEY, data_dir, load
from tracker.db.reference import DEMO_SUCCESSORS, DEMO_UNITS
from tracker.services import beneficiaries as ben
from tracker.services import grants, places, projects, receipts
from tracker.services.context import Actor
from tracker.services.errors import ValidationError
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput
from tracker.services.projects import ProjectInput

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2025, 12, 1)
IN_2024 = date(2024, 5, 20)


def names(matches: list[places.Match]) -> list[str]:
    return [f"{m.place.code} {m.place.label}" for m in matches]


# --- the shipped list ----------------------------------------------------------------------


def test_the_list_after_the_reform_has_34_provinces_and_3321_communes() -> None:
    g = places.gazetteer()
    now = [p for p in g.units if p.valid_on(TODAY)]
    assert Counter(p.level for p in now) == {"province": 34, "commune": 3321}
    assert Counter(p.unit_type for p in now if p.level == "commune") == {
        "xã": 2621,
        "phường": 687,
        "đặc khu": 13,
    }
    before = [p for p in g.units if p.valid_on(date(2025, 6, 30))]
    assert Counter(p.level for p in before) == {"province": 63, "district": 696, "commune": 10035}


def test_codes_are_well_formed_and_names_clean() -> None:
    width = {"province": 2, "district": 3, "commune": 5}
    seen = set()
    for u in load().units:
        assert u.code.isdigit() and len(u.code) == width[u.level], u
        assert (u.code, u.valid_from) not in seen, u
        seen.add((u.code, u.valid_from))
        assert unicodedata.is_normalized("NFC", u.name) and u.name == " ".join(u.name.split())
        assert "\u2019" not in u.name
        # "Quận 1" is the type and the number; "Phường Đúc" (Huế) is named so.
        typed = u.name.casefold().startswith(u.unit_type.casefold() + " ")
        assert not typed or u.name == "Phường Đúc", u
        assert (u.valid_from is None) != (u.valid_to is None), u


def test_sources_name_the_pinned_packages_and_their_licences() -> None:
    sources = json.loads((data_dir() / "sources.json").read_text("utf-8"))
    spec = importlib.util.spec_from_file_location("refresh", ROOT / "scripts" / "refresh_places.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    sys.modules["refresh"] = script  # dataclasses look their module up
    try:
        spec.loader.exec_module(script)
    finally:
        del sys.modules["refresh"]
    new, old = sources["new_units"], sources["old_units_and_mapping"]
    assert (new["package"], new["version"]) == script.VIETNAM_PROVINCES
    assert new["sha256"] == script.VIETNAM_PROVINCES_SHA256
    assert new["licence"] == "GPL-3.0-or-later" and new["data_version"] == "2026-09-20"
    assert (old["package"], old["version"]) == script.VIETNAMADMINUNITS
    assert old["licence"] == "MIT"
    notice = (ROOT / "NOTICE").read_text("utf-8")
    assert "Copyright (c) 2025 Tran Ngoc Minh Hieu" in notice and "vietnam-provinces" in notice
    assert places.data_version() == (
        "vietnam-provinces 2026.9.0 (2026-09-20) + vietnamadminunits 1.0.4"
    )


def test_every_old_commune_went_into_one_main_new_commune() -> None:
    data = load()
    old = {u.code for u in data.units if u.level == "commune" and u.valid_to}
    new = {u.code for u in data.units if u.level == "commune" and u.valid_from}
    mains = Counter(k.old_code for k in data.links if k.main)
    assert {c for c in old if mains[c] != 1} == set()
    assert {k.new_code for k in data.links if len(k.new_code) == 5} <= new
    # Every new commune was formed from something old (the island districts included).
    assert new - {k.new_code for k in data.links} == set()


def test_known_cases_of_the_reform() -> None:
    g = places.gazetteer()
    ha_giang = g.on("02", IN_2024)
    assert ha_giang is not None and ha_giang.label == "Tỉnh Hà Giang"
    assert g.on("02") is None  # no Hà Giang any more
    assert [p.label for p in g.successors(ha_giang)] == ["Tỉnh Tuyên Quang"]
    # Xín Cái, Thượng Phùng and Sơn Vĩ (huyện Mèo Vạc) became xã Sơn Vĩ, code 00778.
    for old in ("00778", "00772", "00793"):
        unit = g.on(old, IN_2024)
        assert unit is not None and g.district_of(unit).label == "Huyện Mèo Vạc"  # type: ignore[union-attr]
        assert [f"{p.code} {p.label}" for p in g.successors(unit)] == ["00778 Xã Sơn Vĩ"]
    # Thị trấn Mèo Vạc kept its code as xã Mèo Vạc: the code names a unit with a date.
    assert g.on("00769", IN_2024).label == "Thị trấn Mèo Vạc"  # type: ignore[union-attr]
    assert g.on("00769").label == "Xã Mèo Vạc"  # type: ignore[union-attr]
    # The island districts without communes became special zones.
    con_dao = g.on("755", IN_2024)
    assert con_dao is not None
    assert [p.label for p in g.successors(con_dao)] == ["Đặc khu Côn Đảo"]
    # A commune divided between several new ones lists them all, the main one first.
    co_bi = g.search("co bi", on=IN_2024, province="01")[0]
    assert co_bi.label == "Xã Cổ Bi" and len(g.successors(co_bi)) >= 3


def test_the_demo_extract_is_the_real_data() -> None:
    """The demo's Mèo Vạc communes agree with the official list and mapping."""
    g = places.gazetteer()
    for u in DEMO_UNITS:
        assert g.on(u.code, u.valid_to or u.valid_from) == places.Place(
            u.code, u.level, u.name, u.unit_type, u.parent_code, u.valid_from, u.valid_to
        )
    old_communes = [u for u in DEMO_UNITS if u.level == "commune" and u.valid_to]
    assert len(old_communes) == 18 and all(u.parent_code == "027" for u in old_communes)
    assert DEMO_SUCCESSORS["00781"] == "00769"  # Pả Vi -> Mèo Vạc
    assert DEMO_SUCCESSORS["00784"] == "00769"  # Giàng Chu Phìn -> Mèo Vạc
    assert DEMO_SUCCESSORS["00793"] == "00778"  # Sơn Vĩ (old) -> Sơn Vĩ (new)
    assert DEMO_SUCCESSORS["00811"] == "00808"  # Nậm Ban -> Tát Ngà
    assert DEMO_SUCCESSORS["02"] == "08"


# --- finding a unit --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "lung cu",
        "Lũng Cú",
        unicodedata.normalize("NFD", "Lũng Cú"),
        "LUNG CU",
        "xa lung c",
        "00715",
        "715",
    ],
)
def test_typing_with_or_without_diacritics_or_a_code_finds_the_commune(typed: str) -> None:
    found = places.search(typed, on=TODAY)
    assert names(found)[0] == "00715 Xã Lũng Cú"
    assert found[0].province is not None and found[0].province.label == "Tỉnh Tuyên Quang"


def test_the_province_narrows_the_communes() -> None:
    everywhere = places.search("son", on=TODAY, levels=["commune"], limit=5000)
    in_tuyen_quang = places.search("son", on=TODAY, levels=["commune"], province="08", limit=5000)
    assert len(in_tuyen_quang) < len(everywhere)
    assert in_tuyen_quang and all(m.province.code == "08" for m in in_tuyen_quang)  # type: ignore[union-attr]
    assert "00778 Xã Sơn Vĩ" in names(in_tuyen_quang)


def test_units_valid_on_a_date_before_the_reform_with_their_successors() -> None:
    found = places.search("thuong phung", on=IN_2024)
    assert names(found) == ["00772 Xã Thượng Phùng", "09769 Xã Phụng Thượng"]
    m = found[0]
    assert m.district is not None and m.district.label == "Huyện Mèo Vạc"
    assert m.province is not None and m.province.label == "Tỉnh Hà Giang"
    assert [p.label for p in m.successors] == ["Xã Sơn Vĩ"]
    assert places.search("thuong phung", on=TODAY) == []
    # Today's province narrows old units too: Hà Giang's communes are in Tuyên Quang now.
    assert names(places.search("thuong phung", on=IN_2024, province="08", limit=5)) == [
        "00772 Xã Thượng Phùng"
    ]


def test_search_among_all_units_is_fast() -> None:
    import time

    g = places.gazetteer()
    start = time.perf_counter()
    for typed in ("lung cu", "meo vac", "son vi", "ha giang", "a", "00769"):
        g.search(typed, other_dates=True)
    assert (time.perf_counter() - start) / 6 < 0.05  # a keystroke: far below a frame


# --- the address as it was -------------------------------------------------------------------


def test_address_as_it_was_on_a_date() -> None:
    kw = {"village": "thôn Lũng Cú", "recorded_on": IN_2024}
    assert (
        places.format_address("00715", "02", on=IN_2024, **kw)  # type: ignore[arg-type]
        == "thôn Lũng Cú, xã Lũng Cú, huyện Đồng Văn, tỉnh Hà Giang"
    )
    assert (
        places.format_address("00715", "02", on=TODAY, **kw)  # type: ignore[arg-type]
        == "thôn Lũng Cú, xã Lũng Cú, tỉnh Tuyên Quang"
    )
    assert places.format_address("00715", "02", short=True, **kw) == "thôn Lũng Cú, xã Lũng Cú"  # type: ignore[arg-type]
    # A merged commune: its name before, the new commune after.
    assert places.format_address("00772", recorded_on=IN_2024, on=TODAY) == (
        "xã Sơn Vĩ, tỉnh Tuyên Quang"
    )
    # A new commune formed from several old ones: nobody can tell which one it was.
    assert places.format_address("00778", recorded_on=TODAY, on=IN_2024) == (
        "xã Sơn Vĩ, tỉnh Tuyên Quang"
    )
    # A code the list does not know stays as typed.
    assert places.format_address("99999", None, village="bản X") == "bản X, 99999"


def test_today_units_and_report_units() -> None:
    assert [p.label for p in places.today_units("00772", IN_2024)] == ["Xã Sơn Vĩ"]
    assert [p.label for p in places.today_units("00715", TODAY)] == ["Xã Lũng Cú"]
    # A period ending after the reform groups under the new commune...
    assert places.report_unit("00772", date(2025, 12, 31), recorded_on=IN_2024).label == (  # type: ignore[union-attr]
        "Xã Sơn Vĩ"
    )
    # ... a period before it under the old district.
    unit = places.report_unit("00772", date(2024, 12, 31), recorded_on=IN_2024)
    assert unit is not None and (unit.code, unit.label) == ("027", "Huyện Mèo Vạc")
    assert places.report_unit("00769", date(2024, 12, 31), recorded_on=TODAY) is None
    assert places.report_unit(None, TODAY) is None


# --- in the database -------------------------------------------------------------------------


def test_a_new_database_holds_every_unit_and_link(db: Database) -> None:
    with db.read() as s:
        levels = dict(
            s.execute(
                select(AdminUnit.level, func.count())
                .where(AdminUnit.valid_to.is_(None))
                .group_by(AdminUnit.level)
            ).all()
        )
        assert levels == {"province": 34, "commune": 3321}
        assert s.execute(select(func.count()).select_from(AdminUnit)).scalar_one() == len(
            load().units
        )
        assert s.execute(select(func.count()).select_from(AdminUnitLink)).scalar_one() == len(
            load().links
        )
        assert s.get(AppMeta, META_KEY).value == load().version  # type: ignore[union-attr]


def test_the_lists_name_places_as_the_database_keeps_them(
    db: Database, actors: dict[str, Actor]
) -> None:
    """A database holding the shipped list is named from that list in memory: the same
    names, code for code, as its own rows. One holding another list is read."""
    viewer = actors["viewer"]

    def from_rows() -> dict[str, str]:
        with db.read() as s:
            rows = s.execute(
                select(AdminUnit.code, AdminUnit.name, AdminUnit.valid_to.is_(None)).order_by(
                    AdminUnit.valid_to.is_(None), AdminUnit.id
                )
            ).all()
        return {code: name for code, name, _current in rows}  # the current one written last

    names = places.place_names(db, viewer)
    assert names == from_rows()
    assert names["00769"] == "Mèo Vạc" and len(names) > 10_000
    with db.write() as s:
        s.execute(update(AdminUnit).where(AdminUnit.code == "00769").values(name="Mèo Vạc (cũ)"))
        s.execute(update(AppMeta).where(AppMeta.key == META_KEY).values(value="an older list"))
    names = places.place_names(db, viewer)
    assert names["00769"] == "Mèo Vạc (cũ)"
    assert names == from_rows()


def test_an_unknown_commune_code_is_refused(db: Database, actors: dict[str, Actor]) -> None:
    with pytest.raises(ValidationError) as info:
        ben.register(
            db,
            actors["officer"],
            ben.BeneficiaryInput(
                full_name="Vàng Thị Mỷ",
                sex="F",
                category="victim",
                ethnicity_code="08",
                birth_year=1990,
                commune_code="99999",
            ),
            today=TODAY,
        )
    assert info.value.field == "commune" and info.value.key == "unknown_unit"


def test_villages_are_remembered_per_commune(db: Database, actors: dict[str, Actor]) -> None:
    for name, village in (("A Thị Mỷ", "Thôn Sủng Pờ A"), ("Bờ Thị Sú", "Bản Lũng Làn")):
        ben.register(
            db,
            actors["officer"],
            ben.BeneficiaryInput(
                full_name=name,
                sex="F",
                category="victim",
                ethnicity_code="08",
                birth_year=1990,
                commune_code="00769",
                village=village,
            ),
            today=TODAY,
        )
    assert places.villages(db, actors["viewer"], "00769") == ["Bản Lũng Làn", "Thôn Sủng Pờ A"]
    assert places.villages(db, actors["viewer"], "00715") == []


# --- a 2024 paper ----------------------------------------------------------------------------


def test_a_2024_paper_of_a_merged_commune_prints_the_old_address(
    db: Database, actors: dict[str, Actor]
) -> None:
    admin = actors["admin"]
    # A person of xã Thượng Phùng (merged into xã Sơn Vĩ on 1 July 2025), her 2024 address
    # typed in later.
    person = ben.register(
        db,
        admin,
        ben.BeneficiaryInput(
            full_name="Giàng Thị Sú",
            sex="F",
            category="victim",
            ethnicity_code="08",
            birth_year=1990,
            province_code="02",
            commune_code="00772",
            village="Thôn Xín Chải",
            registered_on=IN_2024,
            address_on=IN_2024,
        ),
        today=TODAY,
    )
    project = projects.create_project(
        db,
        admin,
        ProjectInput(
            "HG-2024", "Sinh kế", "Rồng Xanh", date(2024, 1, 1), date(2026, 12, 31), 10**9
        ),
    )
    plan = grants.plan_grant(
        db,
        admin,
        GrantInput(
            person.id,
            project.id,
            "initial_hardship",
            IN_2024,
            (TrancheInput("Trợ cấp", amount=3_000_000), TrancheInput("Đợt 2", amount=2_000_000)),
        ),
        today=TODAY,
    )
    numbers = [
        grants.record_handover(
            db, admin, HandoverInput(plan.id, day, amount=amount), today=TODAY
        ).receipt_number
        for day, amount in ((IN_2024, 3_000_000), (date(2025, 9, 10), 2_000_000))
    ]
    old, new = (receipts.get_receipt(db, admin, n) for n in numbers)  # type: ignore[arg-type]
    assert old.recipient_address == "Thôn Xín Chải, xã Thượng Phùng, huyện Mèo Vạc, tỉnh Hà Giang"
    assert new.recipient_address == "Thôn Xín Chải, xã Sơn Vĩ, tỉnh Tuyên Quang"
    out = io.BytesIO()
    receipts.write_paper(old, out)
    text = " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert "xã Thượng Phùng, huyện Mèo Vạc, tỉnh Hà Giang" in text
    assert "20 tháng 05 năm 2024" in text
