"""Schema migrations: creating the schema, agreeing with the models, refusing a newer
database, and the copy taken before an upgrade."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from tracker.config import DatabaseLocation
from tracker.db import Database, NewerDatabaseError, migrate, upgrade
from tracker.db import models as _models  # noqa: F401  (registers every table)
from tracker.db.base import Base
from tracker.db.engine import sqlite_connect
from tracker.db.models import include_name, outside_models
from tracker.services import beneficiaries as ben

from ..conftest import TODAY, setup_office

EXPECTED_TABLES = set(Base.metadata.tables) | {"alembic_version"}
REAL_SCRIPTS = migrate.migrations_dir()


def open_db(path: Path, key: bytes | None = None) -> Database:
    return Database(DatabaseLocation(path=path), key=key)


def schema_diff(db: Database) -> list[object]:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        return list(compare_metadata(context, Base.metadata))


def table_names(db: Database) -> set[str]:
    """The tables the models describe (the search index's own are left out)."""
    return {t for t in inspect(db.engine).get_table_names() if not outside_models(t)}


def query(path: Path, sql: str, key: bytes | None = None) -> list[tuple[Any, ...]]:
    """Rows read straight from the file (SQLCipher when a key is given)."""
    conn = sqlite_connect(path, key)
    try:
        return [tuple(r) for r in conn.execute(sql).fetchall()]
    finally:
        conn.close()


def sqlite_schema(path: Path, key: bytes | None = None) -> list[tuple[Any, ...]]:
    return sorted(query(path, "SELECT type, name, sql FROM sqlite_master", key))


def version_of(path: Path, key: bytes | None = None) -> list[str]:
    return [r[0] for r in query(path, "SELECT version_num FROM alembic_version", key)]


def _rows(path: Path, table: str, key: bytes | None = None) -> list[tuple[Any, ...]]:
    return query(path, f"SELECT * FROM {table} ORDER BY 1", key)


def file_state(path: Path) -> dict[str, bytes]:
    """The bytes of the database file and of any WAL / shared-memory files next to it."""
    out = {}
    for suffix in ("", "-wal", "-journal"):
        f = Path(str(path) + suffix)
        if f.exists():
            out[suffix] = f.read_bytes()
    return out


def _revision_files() -> list[str]:
    return sorted(
        p.name[:4]
        for p in (migrate.migrations_dir() / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")
    )


#: The newest revision this version ships, and the number the next version's would take.
HEAD = _revision_files()[-1]
NEXT = f"{int(HEAD) + 1:04d}"


def backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.before-upgrade-*"))


def test_revisions_form_one_line() -> None:
    """Every revision follows the one before it: no branches, head at the newest."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate._config())
    chain = [rev.revision for rev in script.walk_revisions()]
    assert chain == [f"{n:04d}" for n in range(int(HEAD), 0, -1)]
    assert script.get_heads() == [HEAD]
    assert migrate.head_revision() == HEAD


def test_upgrade_creates_schema_on_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "tracker.db"
    db = open_db(path)
    try:
        assert migrate.current_revision(db) is None
        assert upgrade(db) is None  # nothing to copy on a brand-new file
        assert migrate.current_revision(db) == migrate.head_revision()
        assert table_names(db) == EXPECTED_TABLES
        assert schema_diff(db) == []
    finally:
        db.dispose()
    assert path.exists()
    assert backups(path) == []


def test_models_and_migrations_agree(db: Database) -> None:
    """compare_metadata on a migrated database, SQLite and PostgreSQL alike."""
    assert table_names(db) == EXPECTED_TABLES
    assert schema_diff(db) == []


def test_sqlite_pragmas(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL


def test_upgrade_twice_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    db = open_db(path)
    try:
        upgrade(db)
        schema = sqlite_schema(path)
        assert upgrade(db) is None
        assert upgrade(db) is None
        assert sqlite_schema(path) == schema
        assert migrate.current_revision(db) == HEAD
    finally:
        db.dispose()
    assert backups(path) == []
    assert version_of(path) == [HEAD]


def test_upgrade_twice_is_a_no_op_on_any_backend(db: Database) -> None:
    tables = set(inspect(db.engine).get_table_names())
    assert upgrade(db) is None
    assert set(inspect(db.engine).get_table_names()) == tables
    assert migrate.current_revision(db) == migrate.head_revision()


def _stamp(db: Database, revision: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": revision})


def test_newer_database_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    db = open_db(path)
    upgrade(db)
    setup_office(db)
    _stamp(db, "9999")
    db.dispose()
    before = file_state(path)
    assert "" in before

    again = open_db(path)
    try:
        with pytest.raises(NewerDatabaseError) as info:
            upgrade(again)
        assert info.value.revision == "9999"
        assert "newer version" in str(info.value)
    finally:
        again.dispose()
    assert file_state(path) == before
    assert backups(path) == []
    assert version_of(path) == ["9999"]


def test_newer_database_refused_on_any_backend(db: Database) -> None:
    _stamp(db, "9999")
    tables = set(inspect(db.engine).get_table_names())
    with pytest.raises(NewerDatabaseError):
        upgrade(db)
    assert set(inspect(db.engine).get_table_names()) == tables
    assert migrate.current_revision(db) == "9999"


def _fill(db: Database) -> None:
    actors = setup_office(db)
    for name in ("Vàng Thị Mỷ", "Giàng Thị Sú"):
        ben.register(
            db,
            actors["officer"],
            ben.BeneficiaryInput(
                full_name=name, sex="F", category="victim", ethnicity_code="08", birth_year=1990
            ),
            today=TODAY,
        )


def test_backup_before_upgrade_copies_every_row(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    db = open_db(path)
    try:
        upgrade(db)
        _fill(db)
        # Taken while the app still has the database open (WAL not yet checkpointed).
        copy = migrate.backup_before_upgrade(db, "0004")
    finally:
        db.dispose()
    assert copy.parent == path.parent
    assert copy.name.startswith("tracker.before-upgrade-0004-")
    assert copy.suffix == ".db"
    assert copy != path
    for table in ("beneficiary", "app_user", "office", "grant_type", "audit_event"):
        assert _rows(copy, table) == _rows(path, table), table
    assert len(_rows(copy, "beneficiary")) == 2
    assert version_of(copy) == [HEAD]
    assert query(copy, "PRAGMA integrity_check") == [("ok",)]


@pytest.fixture
def newer_scripts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's migrations plus a made-up next revision, as the next version would ship."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / f"{NEXT}_scratch.py").write_text(
        '"""scratch table"""\n'
        "import sqlalchemy as sa\n"
        "from alembic import op\n\n"
        f'revision = "{NEXT}"\n'
        f'down_revision = "{HEAD}"\n'
        "branch_labels = None\n"
        "depends_on = None\n\n\n"
        "def upgrade() -> None:\n"
        '    op.create_table("scratch", sa.Column("id", sa.Integer(), primary_key=True))\n\n\n'
        "def downgrade() -> None:\n"
        '    op.drop_table("scratch")\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)
    return scripts


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "sqlcipher"])
def test_upgrade_of_older_schema_copies_first(
    tmp_path: Path, newer_scripts: Path, encrypted: bool
) -> None:
    key = os.urandom(32) if encrypted else None
    path = tmp_path / "data" / "tracker.db"
    db = open_db(path, key)
    try:
        cfg = migrate._config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, HEAD)
        # Filled by today's services, then taken back to 0002 as the version before left it.
        _fill(db)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002")
        assert migrate.current_revision(db) == "0002"
        copy = upgrade(db)
        assert migrate.current_revision(db) == NEXT
        assert "scratch" in inspect(db.engine).get_table_names()
        # The real 0003 ran on the way: the office has its voucher book again.
        assert "voucher_book" in {c["name"] for c in inspect(db.engine).get_columns("office")}
    finally:
        db.dispose()
    assert copy is not None
    assert copy.name.startswith("tracker.before-upgrade-0002-")
    assert backups(path) == [copy]
    assert not list(copy.parent.glob(".*.partial"))
    assert version_of(copy, key) == ["0002"]
    assert "scratch" not in {row[1] for row in sqlite_schema(copy, key)}
    # The same people (the columns added since, such as the version, come after).
    kept = _rows(copy, "beneficiary", key)
    assert kept and kept == [r[: len(kept[0])] for r in _rows(path, "beneficiary", key)]
    assert len(_rows(copy, "beneficiary", key)) == 2
    if encrypted:
        # The copy is as protected as the file it was taken from.
        with pytest.raises(sqlite3.DatabaseError):
            query(copy, "SELECT count(*) FROM sqlite_master")
        with pytest.raises(sqlcipher3.DatabaseError):
            query(copy, "SELECT count(*) FROM sqlite_master", os.urandom(32))


def test_database_of_next_version_refused_by_this_one(
    tmp_path: Path, newer_scripts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tracker.db"
    db = open_db(path)
    upgrade(db)  # with the made-up next revision: a database written by "the next version"
    db.dispose()
    monkeypatch.setattr(migrate, "migrations_dir", lambda: REAL_SCRIPTS)
    assert migrate.head_revision() == HEAD
    before = file_state(path)
    again = open_db(path)
    try:
        with pytest.raises(NewerDatabaseError) as info:
            upgrade(again)
        assert info.value.revision == NEXT
    finally:
        again.dispose()
    assert file_state(path) == before
    assert backups(path) == []


def test_0005_marks_old_receipts_printed_and_adds_the_legal_basis_and_yarn(
    db: Database,
) -> None:
    """A database of the version before: its receipts were printed when issued (their next
    print is a copy), its vouchers get the legal basis by date, its office the yarn type."""
    from datetime import date

    from tracker.services import grants, projects, receipts
    from tracker.services.grants import GrantInput, HandoverInput, TrancheInput
    from tracker.services.projects import ProjectInput

    actors = setup_office(db)
    admin = actors["admin"]
    person = ben.register(
        db,
        admin,
        ben.BeneficiaryInput(
            full_name="Vàng Thị Mỷ", sex="F", category="victim", ethnicity_code="08",
            birth_year=1990,
        ),
        today=TODAY,
    )  # fmt: skip
    project = projects.create_project(
        db, admin, ProjectInput("P1", "Sinh kế", "Nhà tài trợ", date(2025, 1, 1),
                                date(2026, 12, 31), 100_000_000),
    )  # fmt: skip
    g = grants.plan_grant(
        db, admin, GrantInput(person.id, project.id, "initial_hardship", date(2025, 1, 1),
                              (TrancheInput("Tiền", amount=1_000_000),)),
        today=TODAY,
    )  # fmt: skip
    h = grants.record_handover(
        db, admin, HandoverInput(g.id, date(2025, 2, 1), amount=1_000_000), today=TODAY
    )
    cfg = migrate._config()
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM grant_type WHERE code = 'linen_yarn'"))
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    assert "legal_basis" not in inspect(db.engine).get_table_names()
    upgrade(db)
    detail = receipts.get_receipt(db, admin, h.receipt_number or "")
    assert detail.row.printed and detail.print_copy == 1  # the next print is a copy
    assert "24/2024/TT-BTC" in detail.legal_note
    assert [b.valid_from for b in receipts.legal_bases(db, admin)] == [
        date(2018, 1, 1),
        date(2025, 1, 1),
    ]
    with db.read() as s:
        yarn = s.execute(
            text("SELECT unit_vi, kind FROM grant_type WHERE code = 'linen_yarn'")
        ).one()
    assert tuple(yarn) == ("kg", "in_kind")
    # The project's totals (revision 0013) are added up from the rows already there.
    view = projects.get_project(db, admin, project.id)
    assert (view.planned, view.spent) == (1_000_000, 1_000_000)
    assert schema_diff(db) == []
