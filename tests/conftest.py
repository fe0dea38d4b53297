"""Every test runs headless, on a fresh database and in temporary data/config folders."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("DATABASE_URL", None)
os.environ.pop("TRACKER_DB", None)

from tracker.config import DatabaseLocation
from tracker.db import Database, upgrade
from tracker.services import office
from tracker.services.context import SYSTEM, Actor


def _own_database(url: str | None) -> str | None:
    """Run in parallel (pytest-xdist), each worker has a PostgreSQL database of its own on
    the server named by TRACKER_TEST_PG_URL (made on first use): every test there empties
    its database first."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return url
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{worker}"
    try:
        engine = create_engine(base, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            known = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            ).first()
            if known is None:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
    except Exception:  # no server: the tests that need it say so themselves
        return url
    own = base.set(database=name).render_as_string(hide_password=False)
    os.environ["TRACKER_TEST_PG_URL"] = own  # for the processes the tests start
    return own


PG_URL = _own_database(os.environ.get("TRACKER_TEST_PG_URL"))
TODAY = date(2025, 6, 15)


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its lowest cost in tests: the real cost is for attackers, not for CI."""
    from argon2 import PasswordHasher

    from tracker.db import vault

    monkeypatch.setattr(vault, "KDF", {"time_cost": 1, "memory_cost": 8, "parallelism": 1})
    monkeypatch.setattr(office, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture(autouse=True)
def _private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


_TEMPLATE: dict[str, Path] = {}


def _migrated_template() -> Path:
    """A SQLite file migrated to the newest revision once per test process: the places
    alone are thousands of rows, and a copy of the file is the same database."""
    if "sqlite" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="tracker-template-"))
        template = Database(DatabaseLocation(path=folder / "template.db"))
        upgrade(template)
        template.dispose()
        assert not (folder / "template.db-wal").exists(), "the template is one whole file"
        atexit.register(shutil.rmtree, folder, True)
        _TEMPLATE["sqlite"] = folder / "template.db"
    return _TEMPLATE["sqlite"]


def make_db(kind: str, tmp_path: Path) -> Database:
    if kind == "postgres":
        if not PG_URL:
            pytest.skip("TRACKER_TEST_PG_URL is not set: no PostgreSQL server for this run")
        _reset_postgres(PG_URL)
        db = Database(DatabaseLocation(url=PG_URL))
    else:
        path = tmp_path / "tracker.db"
        shutil.copyfile(_migrated_template(), path)
        db = Database(DatabaseLocation(path=path))
    upgrade(db)  # at the newest revision already for SQLite: checks it and returns
    return db


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database: SQLite always, PostgreSQL when a server is configured."""
    database = make_db(request.param, tmp_path)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    database = make_db("sqlite", tmp_path)
    yield database
    database.dispose()


def setup_office(db: Database) -> dict[str, Actor]:
    """An office with one user of each role; returns their actors by role."""
    office.save_office(
        db,
        SYSTEM,
        office.OfficeInput(
            name="Hội LHPN xã Mèo Vạc",
            receipt_prefix="MV",
            kind="commune",
            province_code="08",
            unit_code="00769",
            address="Xã Mèo Vạc, tỉnh Tuyên Quang",
        ),
    )
    actors = {}
    for role, (username, name) in {
        "admin": ("admin", "Nguyễn Thị Lan"),
        "officer": ("hoa", "Vàng Thị Hoa"),
        "accountant": ("mai", "Lý Thị Mai"),
        "viewer": ("tuan", "Trần Văn Tuấn"),
    }.items():
        office.create_user(db, SYSTEM, username, name, role)
        actors[role] = office.actor_for(db, username)
    return actors


@pytest.fixture
def actors(db: Database) -> dict[str, Actor]:
    return setup_office(db)
