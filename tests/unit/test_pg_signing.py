"""An office on PostgreSQL (no key file) signs its bundles too: its signing key is made at
set-up (or, for a database set up before, at an administrator's sign-in), its fingerprint
is the one `tracker office info` prints, and a province takes its bundle in."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from tracker.config import DatabaseLocation
from tracker.db.models import AppMeta, AuditEvent
from tracker.demo import build_demo
from tracker.services import auth, consolidate, exports, office, reports

from ..conftest import PG_URL, _reset_postgres

pytestmark = pytest.mark.postgres

TODAY = date(2026, 1, 20)
PASSWORD = "office-pass-2026"


@pytest.fixture
def location() -> DatabaseLocation:
    if not PG_URL:
        pytest.skip("TRACKER_TEST_PG_URL is not set: no PostgreSQL server for this run")
    _reset_postgres(PG_URL)
    return DatabaseLocation(url=PG_URL)


def _office(kind: str = "commune") -> office.OfficeInput:
    if kind == "province":
        return office.OfficeInput(name="Hội LHPN tỉnh Tuyên Quang", receipt_prefix="TQ",
                                  kind="province", province_code="08")  # fmt: skip
    return office.OfficeInput(name="Hội LHPN xã Mèo Vạc", receipt_prefix="MV", kind="commune",
                              province_code="08", unit_code="00769")  # fmt: skip


def _created_events(ws: auth.Workspace) -> int:
    with ws.db.read() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action == "signing_key_created")
            )
            or 0
        )


def test_an_office_on_postgresql_signs_its_bundle_and_the_province_takes_it_in(
    location: DatabaseLocation, tmp_path: Path
) -> None:
    ws, code = auth.create_workspace(location, _office(), "admin", "Quản trị", PASSWORD)
    assert code is None  # no key file, no recovery key
    me = consolidate.identity(ws.db, ws.actor)
    assert me.fingerprint and _created_events(ws) == 1
    build_demo(ws, today=TODAY, seed=1, people=12)
    (tmp_path / "stick").mkdir()
    folder = exports.export_summary(
        ws.db, ws.actor, reports.quarter(2025, 1), tmp_path / "stick", audience="province",
        formats=("csv",), today=TODAY, places="commune",
    ).folder  # fmt: skip
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["signing"]["fingerprint"] == me.fingerprint
    ws.close()

    # The next sign-in signs with the same key: nothing new is made.
    again = auth.sign_in(location, "admin", PASSWORD)
    assert consolidate.identity(again.db, again.actor).fingerprint == me.fingerprint
    assert _created_events(again) == 1
    again.close()

    province, _ = auth.create_workspace(
        DatabaseLocation(path=tmp_path / "province" / "tracker.db"), _office("province"),
        "admin", "Quản trị", PASSWORD,
    )  # fmt: skip
    try:
        consolidate.register_office(province.db, province.actor, me.name, me.fingerprint)
        done = consolidate.import_bundles(province.db, province.actor, folder, today=TODAY)
        assert [(d.office, d.outcome) for d in done] == [(me.name, "imported")]
    finally:
        province.close()


def test_a_database_set_up_before_signing_gets_its_key_at_an_administrators_sign_in(
    location: DatabaseLocation,
) -> None:
    ws, _ = auth.create_workspace(location, _office(), "admin", "Quản trị", PASSWORD)
    office.create_user(ws.db, ws.actor, "lan", "Nguyễn Thị Lan", "officer", PASSWORD)
    with ws.db.write() as s:
        s.execute(delete(AppMeta).where(AppMeta.key == consolidate.SIGNING_KEY))
    ws.close()

    staff = auth.sign_in(location, "lan", PASSWORD)
    assert consolidate.identity(staff.db, staff.actor).fingerprint is None
    staff.close()

    admin = auth.sign_in(location, "admin", PASSWORD)
    made = consolidate.identity(admin.db, admin.actor).fingerprint
    assert made and _created_events(admin) == 2
    admin.close()
