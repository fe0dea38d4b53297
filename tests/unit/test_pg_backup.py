"""Backups of a PostgreSQL database on the real server: `tracker backup create --to DIR`
writes a pg_dump that never reaches the stick in clear, checked before it takes its name;
`tracker backup restore FILE` puts it back; a wrong passphrase or a file that is not one
changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import pyzipper

from tracker import cli
from tracker.db import Database, pg_backup
from tracker.services import backups, office
from tracker.services import beneficiaries as ben
from tracker.services.auth import Workspace
from tracker.services.errors import ServiceError

from ..conftest import PG_URL, TODAY, make_db, setup_office

pytestmark = pytest.mark.postgres

PASSPHRASE = "cụm mật khẩu sao lưu dài"
NAME = "Vàng Thị Mỷ"


@pytest.fixture
def office_db(tmp_path: Path) -> Iterator[Database]:
    db = make_db("postgres", tmp_path)
    yield db
    db.dispose()


def _person(db: Database) -> ben.BeneficiaryView:
    actors = setup_office(db)
    return ben.register(
        db,
        actors["officer"],
        ben.BeneficiaryInput(full_name=NAME, sex="F", category="victim", ethnicity_code="08",
                             birth_year=1995, commune_code="00769", village="Pả Vi"),
        today=TODAY,
    )  # fmt: skip


def test_a_backup_is_encrypted_checked_and_brings_the_data_back(
    office_db: Database, tmp_path: Path
) -> None:
    person = _person(office_db)
    admin = office.actor_for(office_db, "admin")
    stick = tmp_path / "stick"
    info = backups.backup_postgres(Workspace(office_db, admin), stick, PASSPHRASE)
    assert [p.name for p in stick.iterdir()] == [info.path.name]  # nothing else left there
    assert info.path.name.endswith(".pgdump.zip") and info.size == info.path.stat().st_size
    raw = info.path.read_bytes()
    assert NAME.encode("utf-8") not in raw and b"CREATE TABLE" not in raw and b"PGDMP" not in raw
    with pyzipper.AESZipFile(info.path) as zf, pytest.raises(RuntimeError):
        zf.setpassword(b"another passphrase")
        zf.read(pg_backup.MEMBER)

    officer = office.actor_for(office_db, "hoa")
    ben.edit(office_db, officer, person.id, replace(person.as_input(), village="Sủng Trà"))
    assert PG_URL is not None
    # A wrong passphrase, then a file that is not a backup: refused, nothing changed.
    with pytest.raises(ServiceError) as wrong:
        backups.restore_postgres(PG_URL, info.path, "not the passphrase")
    assert wrong.value.key == "backup_passphrase_wrong"
    other = tmp_path / "notes.pgdump.zip"
    other.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(ServiceError) as bogus:
        backups.restore_postgres(PG_URL, other, PASSPHRASE)
    assert bogus.value.key == "not_a_pg_backup"
    assert ben.get(office_db, officer, person.id).village == "Sủng Trà"

    backups.restore_postgres(PG_URL, info.path, PASSPHRASE)
    office_db.dispose()
    back = Database(office_db.location)
    try:
        assert ben.get(back, officer, person.id).village == "Pả Vi"
        from tracker.services import audit

        newest = audit.list_events(back, admin, limit=1)[0]
        assert newest.action == "restore" and info.path.name in str(newest.after)
    finally:
        back.dispose()


def test_the_command_line_takes_and_restores_a_backup(
    office_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _person(office_db)
    office.create_user(office_db, office.actor_for(office_db, "admin"), "lan", "Nguyễn Thị Lan",
                       "admin", "admin-pass-2026")  # fmt: skip
    assert PG_URL is not None
    monkeypatch.setenv("TRACKER_PASSWORD", "admin-pass-2026")
    monkeypatch.delenv("TRACKER_BACKUP_PASSPHRASE", raising=False)
    # No passphrase and no terminal to ask on: refused before anything is written.
    stick = tmp_path / "stick"
    args = ["backup", "create", "--db-url", PG_URL, "--user", "lan", "--to", str(stick)]
    assert cli.main(args) == 1
    assert not stick.exists() or not any(stick.iterdir())
    monkeypatch.setenv("TRACKER_BACKUP_PASSPHRASE", PASSPHRASE)
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    (made,) = stick.iterdir()
    assert str(made) in out
    assert cli.main(["backup", "restore", str(made), "--db-url", PG_URL]) == 0
    assert cli.main(["backup", "list", "--db-url", PG_URL]) == 1
    assert "--to" in capsys.readouterr().err
