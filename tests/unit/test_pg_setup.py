"""`tracker db setup-postgres`: the SQL it prints, run on the real PostgreSQL server as the
owner, gives a PC a login role that does the app's work (an edit, its audit event) and
can neither change nor remove an audit event."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from tracker import cli
from tracker.config import DatabaseLocation
from tracker.db import Database
from tracker.services import beneficiaries as ben

from ..conftest import PG_URL, TODAY, make_db, setup_office


def test_the_script_names_the_database_roles_tls_and_the_trigger(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = cli.main(["db", "setup-postgres", "--database", "tracker", "--login", "pc_ke_toan"])
    out = capsys.readouterr().out
    assert code == 0
    assert "sslmode=verify-full" in out and "hostssl tracker" in out
    assert "REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM tracker_app;" in out
    assert "BEFORE UPDATE OR DELETE ON audit_event" in out
    assert "CREATE ROLE pc_ke_toan LOGIN;" in out and "GRANT tracker_app TO pc_ke_toan;" in out


def test_a_role_name_that_is_not_one_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["db", "setup-postgres", "--database", "tracker", "--login", "pc1; DROP"])
    assert code == 1 and "not a role name" in capsys.readouterr().err


@pytest.mark.postgres
def test_an_app_role_cannot_update_or_delete_audit_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    owner_db = make_db("postgres", tmp_path)  # migrated by the owner
    assert PG_URL is not None
    login = f"pc_{uuid.uuid4().hex[:10]}"
    try:
        actors = setup_office(owner_db)
        person = ben.register(
            owner_db,
            actors["officer"],
            ben.BeneficiaryInput(full_name="Vàng Thị Mỷ", sex="F", category="victim",
                                 ethnicity_code="08", birth_year=1995, commune_code="00769"),
            today=TODAY,
        )  # fmt: skip
        assert cli.main(["db", "setup-postgres", "--run", PG_URL, "--login", login]) == 0
        assert login in capsys.readouterr().out  # its password, shown once

        pc_url = make_url(PG_URL).set(username=login).render_as_string(hide_password=False)
        pc = Database(DatabaseLocation(url=pc_url))
        try:
            # The app's own work as that role: an edit and its audit event.
            edited = ben.edit(
                pc, actors["officer"], person.id, replace(person.as_input(), village="Pả Vi")
            )
            assert edited.version == 2
            engine = create_engine(pc_url)
            for sql in (
                "UPDATE audit_event SET username = 'someone' WHERE id = 1",
                "DELETE FROM audit_event WHERE id = 1",
                "TRUNCATE audit_event",
            ):
                with pytest.raises(DBAPIError) as refused, engine.begin() as conn:
                    conn.execute(text(sql))
                assert "permission denied" in str(refused.value)
            engine.dispose()
            # Even the owner meets the trigger: the trail is insert-only for everyone.
            with pytest.raises(DBAPIError) as refused, owner_db.engine.begin() as conn:
                conn.execute(text("DELETE FROM audit_event WHERE id = 1"))
            assert "insert-only" in str(refused.value)
            with owner_db.read() as s:
                assert s.execute(text("SELECT count(*) FROM audit_event")).scalar_one() > 0
        finally:
            pc.dispose()
    finally:
        owner_db.dispose()
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"DROP OWNED BY {login}"))
            conn.execute(text(f"DROP ROLE {login}"))
        admin.dispose()
