"""Finding people through the search index (FTS5 trigram on SQLite, migration 0006): the
same people as a plain reading of every name, kept in step with every change, pages read
by key, counts that stop where asked."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

from tracker.db import migrate, upgrade
from tracker.db.engine import Database
from tracker.i18n.text import fold
from tracker.services import beneficiaries as ben
from tracker.services.context import Actor

from ..conftest import TODAY, setup_office

PEOPLE = (
    ("Đặng Thị Hồng Nhung", "Mẩy", "00769", 1998),
    ("Đặng Thị Hoa", "", "00772", 1990),
    ("Sùng Thị Pà", "Pà", None, 1985),
    ("Giàng Thị Dế", "", "00769", 2001),
    ("Vàng Thị Mỷ", "Mỷ", None, 1999),
    ("Lò Văn Dũng", "", "00772", 1979),
    ("Hoàng Thị Ánh", "", "00769", 1998),
    ("Lù Thị Chở", "Chở", "00769", 1992),
    ("Đặng Văn An", "", None, 1988),
)


def register(db: Database, actor: Actor, name: str, alias: str, commune: str | None, year: int):
    return ben.register(
        db,
        actor,
        ben.BeneficiaryInput(
            full_name=name, alias=alias, sex="F", category="victim", ethnicity_code="08",
            birth_year=year, commune_code=commune,
        ),
        allow_duplicate=True,
        today=TODAY,
    )  # fmt: skip


@pytest.fixture
def people(db: Database) -> tuple[Actor, list[Any]]:
    actor = setup_office(db)["officer"]
    return actor, [register(db, actor, *p) for p in PEOPLE]


def expected(rows: list[Any], typed: str) -> list[str]:
    """The people whose folded name, alias and code hold every typed word."""
    words = fold(typed).split()
    return sorted(
        r.code for r in rows if all(w in fold(f"{r.full_name} {r.alias} {r.code}") for w in words)
    )


@pytest.mark.parametrize(
    "typed",
    ["dang thi", "Đặng", "thi", "an", "a", "dang an", "mv-0000", "MV-00003", "my", "hoa", "zzz"],
)
@pytest.mark.parametrize("common", [1, 10**6], ids=["along-the-list", "looked-up"])
def test_search_finds_what_every_name_holds(
    db: Database,
    people: tuple[Actor, list[Any]],
    typed: str,
    common: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Both ways of reading what the index found (many people: along the list in its
    order; a few: looked up one by one) give the same people."""
    monkeypatch.setattr(ben, "COMMON", common)
    actor, rows = people
    found = ben.search(db, actor, typed)
    assert sorted(r.code for r in found) == expected(rows, typed)
    assert ben.count(db, actor, typed) == len(expected(rows, typed))


def test_the_index_follows_a_change_of_name(db: Database, people: tuple[Actor, list[Any]]) -> None:
    actor, rows = people
    nhung = rows[0]
    ben.edit(db, actor, nhung.id, ben.with_changes(nhung, full_name="Hạng Thị Xuân"), today=TODAY)
    assert [r.id for r in ben.search(db, actor, "hang thi xuan")] == [nhung.id]
    assert ben.search(db, actor, "nhung") == []
    assert [r.id for r in ben.search(db, actor, "may")] == [nhung.id]  # the alias stays


@pytest.mark.parametrize("order", sorted(ben.SORTS))
@pytest.mark.parametrize("descending", [False, True])
def test_pages_by_key_follow_each_other(
    db: Database, people: tuple[Actor, list[Any]], order: str, descending: bool
) -> None:
    actor, _rows = people
    whole = ben.search(db, actor, "", order=order, descending=descending)
    assert len(whole) == len(PEOPLE)
    pages: list[Any] = []
    after: int | None = None
    while True:
        page = ben.search(
            db, actor, "", limit=2, order=order, descending=descending, after_id=after
        )
        if not page:
            break
        pages += page
        after = page[-1].id
    assert [r.id for r in pages] == [r.id for r in whole]


def test_count_stops_where_asked(db: Database, people: tuple[Actor, list[Any]]) -> None:
    actor, _rows = people
    assert ben.count(db, actor, "thi") == 7
    assert ben.count(db, actor, "thi", at_most=3) == 3
    assert ben.count(db, actor, "thi", at_most=100) == 7
    assert ben.count(db, actor, "", at_most=4) == 4


def test_upgrade_to_0006_indexes_the_people_already_there(
    db: Database, people: tuple[Actor, list[Any]]
) -> None:
    actor, rows = people
    cfg = migrate._config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
        # A name changed by the version before (no index to keep in step then).
        conn.execute(
            text("UPDATE beneficiary SET search_key = 'hang thi xuan' WHERE id = :id"),
            {"id": rows[0].id},
        )
    upgrade(db)
    assert [r.id for r in ben.search(db, actor, "hang thi xuan")] == [rows[0].id]
    assert ben.search(db, actor, "nhung") == []
    assert len(ben.search(db, actor, "dang")) == 2
