"""Every public service function called as every role (admin, officer, accountant,
viewer) on one encrypted office database made once for this module.

A role that may not call a function gets PermissionDenied and nothing changes: not a row
of the database, not a file beside it (backups, key files). A role that may gets no
PermissionDenied, and a write it makes is in the audit trail under its name. A function
that is added to tracker/services without a line here fails the first test."""

from __future__ import annotations

import hashlib
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import tracker.services
from tracker.config import DatabaseLocation
from tracker.db.base import Base
from tracker.db.models import Asset, AuditEvent, Visit
from tracker.db.reference import DEMO_UNITS
from tracker.domain.papers import LegalBasis
from tracker.domain.vocab import ROLES
from tracker.services import (
    attachments,
    audit,
    auth,
    backups,
    closing,
    consolidate,
    exports,
    figures,
    grant_types,
    grants,
    imports,
    line_list,
    office,
    pass_on,
    places,
    projects,
    receipts,
    reports,
    trips,
    visits,
)
from tracker.services import beneficiaries as ben
from tracker.services.auth import Workspace
from tracker.services.errors import PermissionDenied, ServiceError
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput

from .test_import_template import workbook

TODAY = date(2025, 6, 15)
#: Denied roles first: a role that may not do something is tried before one that may.
ORDER = ("viewer", "officer", "accountant", "admin")
USERS = {"admin": "lan", "officer": "hoa", "accountant": "mai", "viewer": "tuan"}
PASSWORD = "matrix-pass-2025"
ALL = frozenset(ROLES)
ADMIN = frozenset({"admin"})
STAFF = frozenset({"admin", "officer"})
MONEY = frozenset({"admin", "accountant"})
WRITERS = frozenset({"admin", "officer", "accountant"})


@dataclass
class Office:
    root: Path
    location: DatabaseLocation
    code: str
    ws: dict[str, Workspace] = field(default_factory=dict)
    passwords: dict[str, str] = field(default_factory=dict)
    ids: dict[str, Any] = field(default_factory=dict)

    @property
    def db(self) -> Any:
        return self.ws["admin"].db

    def open(self) -> None:
        for role in ROLES:
            try:
                self.ws[role] = auth.sign_in(self.location, USERS[role], self.passwords[role])
            except ServiceError as exc:  # not to be taken for a refusal of the call
                raise RuntimeError(f"{role} cannot sign in again: {exc}") from exc

    def close(self) -> None:
        for ws in self.ws.values():
            ws.close()


def _person(ws: Workspace, name: str) -> ben.BeneficiaryView:
    return ben.register(
        ws.db,
        ws.actor,
        ben.BeneficiaryInput(
            full_name=name,
            sex="F",
            category="victim",
            ethnicity_code="08",
            birth_year=1995,
            commune_code="00769",
        ),
        today=TODAY,
        allow_duplicate=True,
    )


@pytest.fixture(scope="module")
def st(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    from argon2 import PasswordHasher

    from tracker.db import vault

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(vault, "KDF", {"time_cost": 1, "memory_cost": 8, "parallelism": 1})
        mp.setattr(office, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        root = tmp_path_factory.mktemp("matrix")
        mp.setenv("TRACKER_DATA_DIR", str(root / "data"))
        loc = DatabaseLocation(path=root / "office" / "tracker.db")
        ws, code = auth.create_workspace(
            loc,
            office.OfficeInput(name="Hội LHPN xã Mèo Vạc", receipt_prefix="MV", kind="commune",
                               province_code="08", unit_code="00769"),
            "lan", "Nguyễn Thị Lan", PASSWORD,
        )  # fmt: skip
        assert code is not None
        with ws.db.write() as s:
            places.seed_units(s, DEMO_UNITS)
        for role in ("officer", "accountant", "viewer"):
            auth.add_user(ws, USERS[role], f"Người {role}", role, PASSWORD)
        for spare in ("spare1", "spare2", "spare3"):
            auth.add_user(ws, spare, f"Dự phòng {spare}", "officer", PASSWORD)
        admin = ws.actor
        person = _person(ws, "Vàng Thị Mỷ")
        project = projects.create_project(
            ws.db,
            admin,
            projects.ProjectInput(
                "P1", "Sinh kế", "Quỹ A", date(2025, 1, 1), date(2026, 12, 31), 900_000_000
            ),
        )

        def plan(kind: str, tranche: TrancheInput) -> int:
            return grants.plan_grant(
                ws.db,
                admin,
                GrantInput(person.id, project.id, kind, date(2025, 1, 1), (tranche,)),
                today=TODAY,
            ).id

        cash = [plan("initial_hardship", TrancheInput("Tiền", amount=30_000_000)) for _ in "ab"]
        cattle = plan("cattle", TrancheInput("Bò", quantity=1, unit_value=15_000_000))
        [cow] = grants.record_handover(
            ws.db,
            admin,
            HandoverInput(cattle, date(2025, 2, 1), quantity=1, unit_value=15_000_000),
            today=TODAY,
        ).asset_ids
        for n in range(4):  # receipts MV-2025-00002 .. 00005, never printed
            grants.record_handover(
                ws.db,
                admin,
                HandoverInput(cash[0], date(2025, 3, 1 + n), amount=1_000_000),
                today=TODAY,
            )
        with ws.db.read() as s:
            visit_ids = list(
                s.execute(select(Visit.id).where(Visit.grant_id == cattle).order_by(Visit.id))
                .scalars()
                .all()
            )
        # Two calves of the cow, at its first visit (a visit no allowed role records in
        # the matrix: the first is the viewer's), to be passed on to another family.
        visits.record_visit(
            ws.db,
            admin,
            visits.VisitOutcome(
                visit_ids[0],
                date(2025, 3, 2),
                True,
                asset_updates=(visits.AssetUpdate(cow, "calved", young_born=2),),
            ),
            today=TODAY,
        )
        with ws.db.read() as s:
            calves = list(s.execute(select(Asset.id).where(Asset.parent_id == cow)).scalars())
        receiver = _person(ws, "Sùng Thị Dợ")
        backups.backup_now(ws, now=datetime(2025, 6, 1, tzinfo=UTC))
        ws.close()
        st = Office(root, loc, code)
        st.passwords = {role: PASSWORD for role in ROLES}
        st.ids = {
            "person": person,
            "project": project.id,
            "cash": cash,
            "visits": visit_ids,
            "calves": calves,
            "receiver": receiver.id,
        }
        st.open()
        st.ids["handovers"] = [h.id for h in grants.list_handovers(st.db, st.ws["admin"].actor)]
        st.ids["attachment"] = _attach(st, "admin").id  # type: ignore[attr-defined]
        yield st
        st.close()


# --- what each role may call -------------------------------------------------------------

Call = Callable[[Office, str], object]


@dataclass(frozen=True)
class Entry:
    call: Call
    allowed: frozenset[str]
    #: A read: nothing may change for any role.
    read: bool = False
    #: A write that must leave an event of the caller in the audit trail.
    audited: bool = True
    #: What a role that may not gets (an import names the refused sheet instead).
    refusal: type[ServiceError] = PermissionDenied


def ws_of(st: Office, role: str) -> Workspace:
    return st.ws[role]


def a(st: Office, role: str) -> Any:
    return st.ws[role].actor


def person_input(name: str) -> ben.BeneficiaryInput:
    return ben.BeneficiaryInput(
        full_name=name, sex="F", category="at_risk", ethnicity_code="08", birth_year=2008
    )


def _change_password(st: Office, role: str) -> object:
    new = f"{role}-new-pass-2025"
    result = auth.change_password(st.ws[role], st.passwords[role], new)
    st.passwords[role] = new
    return result


def _restore(st: Office, role: str) -> object:
    newest = backups.list_backups(st.location.path)[-1]  # type: ignore[arg-type]
    ws = st.ws[role]
    key, actor = ws.key, ws.actor
    if not actor.can("backup.restore"):
        return backups.restore(st.location, newest.path, key, actor)
    st.close()
    try:
        return backups.restore(st.location, newest.path, key, actor)
    finally:
        st.open()


def _restore_newest(st: Office, role: str) -> object:
    ws = st.ws[role]
    key, actor = ws.key, ws.actor
    if not actor.can("backup.restore"):
        return backups.restore_newest_good(st.location, key, actor)
    st.close()
    try:
        return backups.restore_newest_good(st.location, key, actor)
    finally:
        st.open()


def _restore_after_damage(st: Office, role: str) -> object:
    name, password = USERS[role], st.passwords[role]
    if role != "admin":
        return backups.restore_after_damage(st.location, username=name, password=password)
    st.close()
    try:
        return backups.restore_after_damage(st.location, username=name, password=password)
    finally:
        st.open()


def _import(st: Office, role: str) -> object:
    path = workbook(
        st.root / f"import-{role}.xlsx",
        {"beneficiaries": [[None, f"Lò Thị Nhập {role}", "", "Nữ", None, 2001, "Dao", "Nạn nhân"]]},
    )
    return imports.commit(st.db, a(st, role), path, today=TODAY)


def _dry_run(st: Office, role: str) -> object:
    path = workbook(
        st.root / f"dry-{role}.xlsx",
        {"beneficiaries": [[None, "Lò Thị Thử", "", "Nữ", None, 2001, "Dao", "Nạn nhân"]]},
    )
    return imports.dry_run(st.db, a(st, role), path, today=TODAY)


def _export(st: Office, role: str, *, names: bool = False) -> object:
    target = st.root / f"usb-{role}-{names}"
    target.mkdir(exist_ok=True)
    return exports.export_summary(
        st.db,
        a(st, role),
        reports.parse_period("2025-Q1", "quarter"),
        target,
        formats=("csv",),
        line_list_passphrase="mot-cau-rat-dai-2025" if names else None,
        today=TODAY,
    )


def _photo() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (60, 40), (90, 140, 60)).save(out, "JPEG")
    return out.getvalue()


def _attach(st: Office, role: str) -> object:
    return attachments.add_attachment(
        st.db,
        a(st, role),
        attachments.AttachmentInput(
            "beneficiary", st.ids["person"].id, "photo", f"{role}.jpg", _photo()
        ),
    )


def _first_attachment(st: Office) -> int:
    """A file added by the administrator (another role may not remove it)."""
    return int(st.ids["attachment"])


def _receipt(n: int) -> str:
    return f"MV-2025-{n:05d}"


ENTRIES: dict[str, Entry] = {
    # photos and scans: seen by who sees names, added by staff who write
    "attachments.add_attachment": Entry(_attach, WRITERS),
    "attachments.list_attachments": Entry(
        lambda st, r: attachments.list_attachments(st.db, a(st, r), st.ids["person"].id),
        WRITERS,
        read=True,
    ),
    "attachments.open_attachment": Entry(
        lambda st, r: attachments.open_attachment(st.db, a(st, r), _first_attachment(st)),
        WRITERS,
    ),
    "attachments.remove_attachment": Entry(
        lambda st, r: attachments.remove_attachment(st.db, a(st, r), _first_attachment(st)),
        ADMIN,
    ),
    # audit
    "audit.list_events": Entry(lambda st, r: audit.list_events(st.db, a(st, r)), ADMIN, read=True),
    "audit.verify": Entry(lambda st, r: audit.verify(st.db, a(st, r)), ADMIN, read=True),
    # Every window polls it (another PC's writes): the kinds of record changed, no values.
    "audit.changes_since": Entry(
        lambda st, r: audit.changes_since(st.db, a(st, r), 1), ALL, read=True
    ),
    "audit.check_manifest_head": Entry(
        lambda st, r: audit.check_manifest_head(st.db, a(st, r), {}), ADMIN, read=True
    ),
    "audit.check_export": Entry(
        lambda st, r: audit.check_export(st.db, a(st, r), st.root / "nowhere"), ADMIN, read=True
    ),
    # accounts and keys
    "auth.add_user": Entry(
        lambda st, r: auth.add_user(ws_of(st, r), f"new-{r}", "Người mới", "viewer", PASSWORD),
        ADMIN,
    ),
    "auth.change_key": Entry(lambda st, r: auth.change_key(ws_of(st, r), "matrix"), ADMIN),
    "auth.change_password": Entry(_change_password, ALL),
    "auth.new_recovery_key": Entry(lambda st, r: auth.new_recovery_key(ws_of(st, r)), ADMIN),
    "auth.reset_password": Entry(
        lambda st, r: auth.reset_password(ws_of(st, r), "spare1", "spare-new-pass-1"), ADMIN
    ),
    "auth.set_active": Entry(lambda st, r: auth.set_active(ws_of(st, r), "spare2", False), ADMIN),
    "auth.verify_password": Entry(
        lambda st, r: auth.verify_password(ws_of(st, r), st.passwords[r]), ALL, audited=False
    ),
    # backups (the restores come last: they take the data back to the backup)
    "backups.backup_now": Entry(lambda st, r: backups.backup_now(ws_of(st, r)), WRITERS),
    # On this SQLite file the writers are refused for the database (not PostgreSQL), after
    # the role: a viewer is refused for the role first.
    "backups.backup_postgres": Entry(
        lambda st, r: backups.backup_postgres(ws_of(st, r), st.root / "pg", "cụm mật khẩu dài"),
        WRITERS,
    ),
    "backups.backup_now#usb": Entry(
        lambda st, r: backups.backup_now(
            ws_of(st, r), folder=st.root / f"stick-{r}", reason="usb", keep=None
        ),
        WRITERS,
    ),
    "backups.backup_if_due": Entry(
        lambda st, r: backups.backup_if_due(
            ws_of(st, r), now=datetime(2030 + ORDER.index(r), 1, 1, tzinfo=UTC)
        ),
        ALL,
    ),
    "backups.may_restore": Entry(
        lambda st, r: backups.may_restore(st.location, ws_of(st, r).key, USERS[r]), ALL, read=True
    ),
    "backups.may_restore_after_damage": Entry(
        lambda st, r: backups.may_restore_after_damage(
            st.location, username=USERS[r], password=st.passwords[r]
        ),
        ALL,
        read=True,
    ),
    "backups.unlock_for_restore": Entry(
        lambda st, r: backups.unlock_for_restore(
            st.location, username=USERS[r], password=st.passwords[r]
        ),
        ALL,
        read=True,
    ),
    "backups.actor_in": Entry(
        lambda st, r: backups.actor_in(
            backups.list_backups(st.location.path)[-1].path,  # type: ignore[arg-type]
            ws_of(st, r).key,
            USERS[r],
        ),
        ALL,
        read=True,
    ),
    # beneficiaries
    "beneficiaries.register": Entry(
        lambda st, r: ben.register(st.db, a(st, r), person_input(f"Sùng Thị {r}"), today=TODAY),
        STAFF,
    ),
    "beneficiaries.edit": Entry(
        lambda st, r: ben.edit(
            st.db,
            a(st, r),
            st.ids["person"].id,
            ben.with_changes(st.ids["person"], village=f"Pả Vi {r}"),
            today=TODAY,
        ),
        STAFF,
    ),
    "beneficiaries.record_consent": Entry(
        lambda st, r: ben.record_consent(
            st.db, a(st, r), st.ids["person"].id, "donor_reporting", r == "admin", today=TODAY
        ),
        STAFF,
    ),
    "beneficiaries.record_view": Entry(
        lambda st, r: ben.record_view(st.db, a(st, r), st.ids["person"].id), ALL
    ),
    "beneficiaries.record_names_shown": Entry(
        lambda st, r: ben.record_names_shown(st.db, a(st, r), [st.ids["person"].id]), WRITERS
    ),
    "beneficiaries.search": Entry(lambda st, r: ben.search(st.db, a(st, r), "my"), ALL, read=True),
    "beneficiaries.count": Entry(lambda st, r: ben.count(st.db, a(st, r), "my"), ALL, read=True),
    "beneficiaries.get": Entry(
        lambda st, r: ben.get(st.db, a(st, r), st.ids["person"].id), ALL, read=True
    ),
    "beneficiaries.get_by_code": Entry(
        lambda st, r: ben.get_by_code(st.db, a(st, r), st.ids["person"].code), ALL, read=True
    ),
    "beneficiaries.find_duplicates": Entry(
        lambda st, r: ben.find_duplicates(st.db, a(st, r), person_input("Vàng Thị Mỷ")),
        ALL,
        read=True,
    ),
    # the province: signing, the people key, offices' bundles (this office is a commune's:
    # the province's own calls are refused for what they ask, after the role)
    "consolidate.identity": Entry(
        lambda st, r: consolidate.identity(st.db, a(st, r)), ALL, read=True
    ),
    "consolidate.set_people_key": Entry(
        lambda st, r: consolidate.set_people_key(st.db, a(st, r), f"{r}-" + "K" * 40), ADMIN
    ),
    "consolidate.register_office": Entry(
        lambda st, r: consolidate.register_office(st.db, a(st, r), "Xã khác", "A" * 32), ADMIN
    ),
    "consolidate.list_offices": Entry(
        lambda st, r: consolidate.list_offices(st.db, a(st, r)), ALL, read=True
    ),
    "consolidate.import_bundles": Entry(
        lambda st, r: consolidate.import_bundles(st.db, a(st, r), st.root / "nowhere"), STAFF
    ),
    "consolidate.board": Entry(
        lambda st, r: consolidate.board(st.db, a(st, r), today=TODAY), ALL, read=True
    ),
    "consolidate.province_figures": Entry(
        lambda st, r: consolidate.province_figures(
            st.db, a(st, r), reports.parse_period("2025-Q1", "quarter")
        ),
        ALL,
        read=True,
    ),
    # exports and summaries
    "exports.export_summary": Entry(lambda st, r: _export(st, r), ALL),
    "exports.export_summary#names": Entry(lambda st, r: _export(st, r, names=True), ADMIN),
    "exports.removable_drives": Entry(
        lambda st, r: exports.removable_drives(a(st, r)), ALL, read=True
    ),
    "figures.summary": Entry(
        lambda st, r: figures.summary(
            st.db, a(st, r), date(2025, 1, 1), date(2025, 3, 31), today=TODAY
        ),
        ALL,
        read=True,
    ),
    "figures.period_summary": Entry(
        lambda st, r: figures.period_summary(
            st.db, a(st, r), reports.parse_period("2025-Q1", "quarter"), today=TODAY
        ),
        ALL,
        read=True,
    ),
    "line_list.line_list": Entry(
        lambda st, r: line_list.line_list(st.db, a(st, r), date(2025, 1, 1), date(2025, 3, 31)),
        ADMIN,  # names: the reading is in the audit trail
    ),
    # support types, grants, hand-overs
    "grant_types.list_grant_types": Entry(
        lambda st, r: grant_types.list_grant_types(st.db, a(st, r)), ALL, read=True
    ),
    "grant_types.update_grant_type": Entry(
        lambda st, r: grant_types.update_grant_type(st.db, a(st, r), "pig", followup_months=[2]),
        ADMIN,
    ),
    "grants.plan_grant": Entry(
        lambda st, r: grants.plan_grant(
            st.db,
            a(st, r),
            GrantInput(
                st.ids["person"].id,
                st.ids["project"],
                "scholarship",
                date(2025, 2, 1),
                (TrancheInput("Năm học", amount=5_000_000),),
            ),
            today=TODAY,
        ),
        STAFF,
    ),
    "grants.cancel_grant": Entry(
        lambda st, r: grants.cancel_grant(st.db, a(st, r), st.ids["cash"][1], "Chuyển đi"), STAFF
    ),
    "grants.record_handover": Entry(
        lambda st, r: grants.record_handover(
            st.db,
            a(st, r),
            HandoverInput(st.ids["cash"][0], date(2025, 4, 1), amount=100_000),
            today=TODAY,
        ),
        MONEY,
    ),
    "grants.get_grant": Entry(
        lambda st, r: grants.get_grant(st.db, a(st, r), st.ids["cash"][0]), ALL, read=True
    ),
    "grants.list_grants": Entry(lambda st, r: grants.list_grants(st.db, a(st, r)), ALL, read=True),
    "grants.open_grants": Entry(
        lambda st, r: grants.open_grants(st.db, a(st, r), st.ids["person"].id), ALL, read=True
    ),
    "grants.list_handovers": Entry(
        lambda st, r: grants.list_handovers(st.db, a(st, r)), ALL, read=True
    ),
    "grants.edit_handover": Entry(
        lambda st, r: grants.edit_handover(
            st.db,
            a(st, r),
            st.ids["handovers"][0],
            grants.HandoverEdit(note=f"Sửa bởi {r}"),
            today=TODAY,
        ),
        MONEY,
    ),
    "grants.adjust_handover": Entry(
        lambda st, r: grants.adjust_handover(
            st.db, a(st, r), st.ids["handovers"][1], 900_000, "Trao thiếu", today=TODAY
        ),
        MONEY,
    ),
    "grants.line_of_receipt": Entry(
        lambda st, r: grants.line_of_receipt(st.db, a(st, r), _receipt(2)), ALL, read=True
    ),
    "grants.value_of_handover": Entry(
        lambda st, r: grants.value_of_handover(st.db, a(st, r), st.ids["handovers"][1]),
        ALL,
        read=True,
    ),
    # closed quarters (2024-Q4 holds no record of this office)
    "closing.list_periods": Entry(
        lambda st, r: closing.list_periods(st.db, a(st, r), today=TODAY), ALL, read=True
    ),
    "closing.get_period": Entry(
        lambda st, r: closing.get_period(st.db, a(st, r), "2024-Q4", today=TODAY), ALL, read=True
    ),
    "closing.close_period": Entry(
        lambda st, r: closing.close_period(st.db, a(st, r), "2024-Q4", today=TODAY), ADMIN
    ),
    "closing.check_period": Entry(
        lambda st, r: closing.check_period(st.db, a(st, r), "2024-Q4", today=TODAY),
        ALL,
        read=True,
    ),
    "closing.report_summary": Entry(
        lambda st, r: closing.report_summary(
            st.db, a(st, r), reports.quarter(2024, 4), today=TODAY
        ),
        ALL,
        read=True,
    ),
    "closing.reopen_period": Entry(
        lambda st, r: closing.reopen_period(st.db, a(st, r), "2024-Q4", "Sửa số liệu", today=TODAY),
        ADMIN,
    ),
    # imports
    "imports.dry_run": Entry(_dry_run, ALL, read=True),
    "imports.commit": Entry(_import, STAFF, refusal=imports.ImportRejected),
    # office, accounts, places, projects
    "office.save_office": Entry(
        lambda st, r: office.save_office(
            st.db,
            a(st, r),
            office.OfficeInput(
                name="Hội LHPN xã Mèo Vạc",
                receipt_prefix="MV",
                kind="commune",
                province_code="08",
                unit_code="00769",
                phone=f"0219 {r}",
            ),
        ),
        ADMIN,
    ),
    "office.create_user": Entry(
        lambda st, r: office.create_user(st.db, a(st, r), f"plain-{r}", "Người khác", "viewer"),
        ADMIN,
    ),
    "office.set_role": Entry(
        lambda st, r: office.set_role(st.db, a(st, r), "spare3", "accountant"), ADMIN
    ),
    "office.get_office": Entry(lambda st, r: office.get_office(st.db, a(st, r)), ALL, read=True),
    "office.list_users": Entry(lambda st, r: office.list_users(st.db, a(st, r)), ALL, read=True),
    "places.communes_in_use": Entry(
        lambda st, r: places.communes_in_use(st.db, a(st, r)), ALL, read=True
    ),
    "places.list_places": Entry(lambda st, r: places.list_places(st.db, a(st, r)), ALL, read=True),
    "places.place_names": Entry(lambda st, r: places.place_names(st.db, a(st, r)), ALL, read=True),
    "places.villages": Entry(
        lambda st, r: places.villages(st.db, a(st, r), "00769"), ALL, read=True
    ),
    "projects.create_project": Entry(
        lambda st, r: projects.create_project(
            st.db,
            a(st, r),
            projects.ProjectInput(
                f"N-{r}", "Mới", "Quỹ B", date(2025, 1, 1), date(2025, 12, 31), 10_000_000
            ),
        ),
        ADMIN,
    ),
    "projects.edit_project": Entry(
        lambda st, r: projects.edit_project(
            st.db,
            a(st, r),
            st.ids["project"],
            projects.ProjectInput(
                "P1", f"Sinh kế {r}", "Quỹ A", date(2025, 1, 1), date(2026, 12, 31), 900_000_000
            ),
        ),
        ADMIN,
    ),
    "projects.get_project": Entry(
        lambda st, r: projects.get_project(st.db, a(st, r), st.ids["project"]), ALL, read=True
    ),
    "projects.get_project_by_code": Entry(
        lambda st, r: projects.get_project_by_code(st.db, a(st, r), "P1"), ALL, read=True
    ),
    "projects.project_choices": Entry(
        lambda st, r: projects.project_choices(st.db, a(st, r)), ALL, read=True
    ),
    "projects.list_projects": Entry(
        lambda st, r: projects.list_projects(st.db, a(st, r)), ALL, read=True
    ),
    "projects.check_totals": Entry(
        lambda st, r: projects.check_totals(st.db, a(st, r)), ALL, read=True
    ),
    # pass-on: a calf to another family (each allowed role passes its own calf on)
    "pass_on.record_pass_on": Entry(
        lambda st, r: pass_on.record_pass_on(
            st.db,
            a(st, r),
            pass_on.PassOnInput(
                st.ids["calves"][1 if r == "admin" else 0],
                st.ids["receiver"],
                date(2025, 6, 1),
                value=5_000_000,
            ),
            today=TODAY,
        ),
        STAFF,
    ),
    "pass_on.list_pass_ons": Entry(
        lambda st, r: pass_on.list_pass_ons(st.db, a(st, r)), ALL, read=True
    ),
    "pass_on.get_pass_on": Entry(
        lambda st, r: pass_on.get_pass_on(st.db, a(st, r), 1), ALL, read=True
    ),
    "pass_on.open_obligations": Entry(
        lambda st, r: pass_on.open_obligations(st.db, a(st, r), today=TODAY), ALL, read=True
    ),
    "pass_on.pass_on_note": Entry(
        lambda st, r: pass_on.pass_on_note(st.db, a(st, r), 1), ALL, read=True
    ),
    "pass_on.write_pass_on_note": Entry(
        lambda st, r: pass_on.write_pass_on_note(st.db, a(st, r), 1, st.root / f"note-{r}.pdf"),
        ALL,
        audited=False,
    ),
    # receipts: the original of a receipt is printed by money staff; copies by anyone
    "receipts.record_print": Entry(
        lambda st, r: receipts.record_print(st.db, a(st, r), _receipt(2)), MONEY
    ),
    "receipts.record_print#copy": Entry(
        lambda st, r: receipts.record_print(st.db, a(st, r), _receipt(2)), ALL
    ),
    "receipts.record_prints": Entry(
        lambda st, r: receipts.record_prints(st.db, a(st, r), [_receipt(3)]), MONEY
    ),
    "receipts.print_failed": Entry(
        lambda st, r: receipts.print_failed(st.db, a(st, r), _receipt(2), 99), ALL, audited=False
    ),
    "receipts.void_receipt": Entry(
        lambda st, r: receipts.void_receipt(st.db, a(st, r), _receipt(4), "Viết sai tên"), MONEY
    ),
    "receipts.save_legal_bases": Entry(
        lambda st, r: receipts.save_legal_bases(
            st.db,
            a(st, r),
            [
                LegalBasis(date(2017, 1, 1), "C41-BB", "Thông tư 107/2017/TT-BTC"),
                LegalBasis(date(2025, 1, 1), "C41-BB", f"Thông tư 24/2024/TT-BTC ({r})"),
            ],
        ),
        ADMIN,
    ),
    "receipts.list_receipts": Entry(
        lambda st, r: receipts.list_receipts(st.db, a(st, r)), ALL, read=True
    ),
    "receipts.count_receipts": Entry(
        lambda st, r: receipts.count_receipts(st.db, a(st, r)), ALL, read=True
    ),
    "receipts.get_receipt": Entry(
        lambda st, r: receipts.get_receipt(st.db, a(st, r), _receipt(1)), ALL, read=True
    ),
    "receipts.receipts_for_handovers": Entry(
        lambda st, r: receipts.receipts_for_handovers(st.db, a(st, r), st.ids["handovers"][:1]),
        ALL,
        read=True,
    ),
    "receipts.receipts_of_day": Entry(
        lambda st, r: receipts.receipts_of_day(st.db, a(st, r), date(2025, 2, 1)), ALL, read=True
    ),
    "receipts.signature_list": Entry(
        lambda st, r: receipts.signature_list(
            st.db, a(st, r), "monthly_allowance", date(2025, 3, 1)
        ),
        ALL,
        read=True,
    ),
    "receipts.legal_bases": Entry(
        lambda st, r: receipts.legal_bases(st.db, a(st, r)), ALL, read=True
    ),
    # trip sheets: printed by those who visit (logged), listed to type results in by anyone
    "trips.trip_sheet": Entry(
        lambda st, r: trips.trip_sheet(
            st.db, a(st, r), ["00769"], date(2025, 1, 1), date(2025, 12, 31), today=TODAY
        ),
        STAFF,
    ),
    "trips.trip_sheet#names": Entry(
        lambda st, r: trips.trip_sheet(
            st.db,
            a(st, r),
            ["00769"],
            date(2025, 1, 1),
            date(2025, 12, 31),
            names=True,
            today=TODAY,
        ),
        STAFF,
    ),
    "trips.trip_visits": Entry(
        lambda st, r: trips.trip_visits(
            st.db, a(st, r), ["00769"], date(2025, 1, 1), date(2025, 12, 31), today=TODAY
        ),
        ALL,
        read=True,
    ),
    # visits
    "visits.record_visit": Entry(
        lambda st, r: visits.record_visit(
            st.db,
            a(st, r),
            visits.VisitOutcome(st.ids["visits"][ORDER.index(r)], date(2025, 3, 2), True),
            today=TODAY,
        ),
        STAFF,
    ),
    "visits.record_missed": Entry(
        lambda st, r: visits.record_missed(
            st.db,
            a(st, r),
            visits.MissedVisit(st.ids["visits"][ORDER.index(r)], date(2025, 3, 2), "not_home"),
            today=TODAY,
        ),
        STAFF,
    ),
    "visits.schedule_visit": Entry(
        lambda st, r: visits.schedule_visit(
            st.db, a(st, r), st.ids["person"].id, date(2025, 7, 1), today=TODAY
        ),
        STAFF,
    ),
    "visits.list_visits": Entry(
        lambda st, r: visits.list_visits(st.db, a(st, r), "all", today=TODAY), ALL, read=True
    ),
    "visits.count_visits": Entry(
        lambda st, r: visits.count_visits(st.db, a(st, r), "open", today=TODAY), ALL, read=True
    ),
    "visits.list_assets": Entry(
        lambda st, r: visits.list_assets(st.db, a(st, r), st.ids["person"].id), ALL, read=True
    ),
    # last: each restore takes the data back to the backup
    "backups.restore": Entry(_restore, ADMIN),
    "backups.restore_newest_good": Entry(_restore_newest, ADMIN),
    "backups.restore_after_damage": Entry(_restore_after_damage, ADMIN),
}

#: Public functions that take no role, with why: they establish who is acting (sign-in),
#: run inside a caller's transaction that checked the role, or read no records.
NO_ROLE: dict[str, str] = {
    "attachments.read_upload": "reads a file the user chose (the add checks the role)",
    "attachments.prepare": "checks and re-encodes bytes in memory (the add checks the role)",
    "attachments.signed_copy_on_file": "a condition for a query of receipts",
    "auth.create_workspace": "creates a new database and its first administrator",
    "auth.sign_in": "establishes the actor",
    "auth.unlock": "establishes the actor (first step of a sign-in)",
    "auth.open_unlocked": "establishes the actor (second step of a sign-in)",
    "auth.open_with_recovery_key": "the recovery key acts as the system",
    "auth.finish_key_change": "finishes a change of key at sign-in",
    "auth.sync_copies": "rewrites backups' key files for the present accounts after a change",
    "auth.quick_check": "integrity check at sign-in",
    "auth.mark_demo": "marks a key file while the demo is built",
    "auth.warm_up": "loads code before a sign-in (reads no records)",
    "consolidate.signing_key": "the office's own key, for an export or its identity (their"
    " callers check the role); made only for an administrator",
    "audit.reanchor": "follows a restore inside backups.restore",
    "audit.check_before_sign_in": "runs inside the sign-in",
    "audit.store_anchor": "runs after a write's commit",
    "audit.advance_anchor": "runs after a write's commit",
    "audit.prepare_anchor": "runs inside a write's transaction",
    "audit.event_hash": "computes an event's hash (the user name is data)",
    "audit.event_mac": "computes an event's HMAC (the user name is data)",
    "office.actor_for": "the actor of an account that has just signed in",
    "office.check_password": "checks a typed password's length",
    "office.check_username": "checks a typed user name",
}
#: Helpers of a caller's transaction (a Session and the caller's actor, already checked).
IN_TRANSACTION = {
    "assets.hand_over",
    "audit.record",
    "figures.sign_off_of",
    "figures.summary_in",
    "grant_types.seed_grant_types",
    "receipts.number_handover",
    "visits.cancel_open_visits",
    "visits.schedule_after_handover",
}
#: Functions whose parameters name who acts (the rest compute, format or read files).
ROLE_PARAMS = {"actor", "ws", "by", "username"}


def public_functions() -> dict[str, inspect.Signature]:
    found = {}
    for info in pkgutil.iter_modules(tracker.services.__path__):
        module = importlib.import_module(f"tracker.services.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("_") and fn.__module__ == module.__name__:
                found[f"{info.name}.{name}"] = inspect.signature(fn)
    return found


def test_every_public_service_function_is_in_the_matrix() -> None:
    functions = public_functions()
    named = {name.split("#")[0] for name in ENTRIES}
    assert named <= set(functions), sorted(named - set(functions))
    missing = []
    for name, sig in functions.items():
        params = set(sig.parameters)
        takes_role = bool(params & ROLE_PARAMS) or "password" in params
        if name in NO_ROLE or name in IN_TRANSACTION:
            continue
        if takes_role and name not in named:
            missing.append(name)
    assert missing == [], f"add these to ENTRIES (or NO_ROLE with why): {missing}"
    assert set(NO_ROLE) <= set(functions) and set(functions) >= IN_TRANSACTION


#: The administrative units shipped with the program: no service writes them.
REFERENCE = ("admin_unit", "admin_unit_link")


def dump(st: Office) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    with st.db.read() as s:
        for table in Base.metadata.sorted_tables:
            if table.name not in REFERENCE:
                rows = s.execute(select(table)).all()
                out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return out


_HASHES: dict[tuple[str, int, int], str] = {}


def _content(p: Path) -> str:
    """A file's SHA-256, computed again only when its size or time changed (opening a
    backup to check it touches the file without changing what it holds)."""
    stat = p.stat()
    key = (str(p), stat.st_size, stat.st_mtime_ns)
    if key not in _HASHES:
        _HASHES[key] = hashlib.sha256(p.read_bytes()).hexdigest()
    return _HASHES[key]


def snapshot(st: Office) -> tuple[Any, dict[str, str]]:
    """Every row (but the administrative units), and every file in the office's folders
    (the database's own pages are in the rows; its write-ahead log changes with reads)."""
    files = {}
    for p in sorted(st.root.rglob("*")):
        skip = p.name == "tracker.db" or p.name.endswith(("-wal", "-shm", ".lock", ".xlsx"))
        if p.is_file() and not skip:
            files[str(p.relative_to(st.root))] = _content(p)
    return dump(st), files


def newest_event_id(st: Office) -> int:
    with st.db.read() as s:
        return int(s.execute(select(func.max(AuditEvent.id))).scalar_one() or 0)


def events_since(st: Office, after: int) -> list[tuple[str, str]]:
    with st.db.read() as s:
        rows = s.execute(
            select(AuditEvent.username, AuditEvent.action).where(AuditEvent.id > after)
        ).all()
    return [(u, act) for u, act in rows]


CASES = [(name, role) for name in ENTRIES for role in ORDER]


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n}-{r}" for n, r in CASES])
def test_role_matrix(st: Office, name: str, role: str) -> None:
    entry = ENTRIES[name]
    before = snapshot(st)
    last = newest_event_id(st)
    if role not in entry.allowed:
        with pytest.raises(entry.refusal) as info:
            entry.call(st, role)
        if entry.refusal is PermissionDenied:
            assert info.value.params["role"] in (role, "—")
        assert snapshot(st) == before, f"{role} changed something through {name}"
        return
    try:
        result = entry.call(st, role)
    except PermissionDenied as exc:
        pytest.fail(f"{role} may call {name}: {exc}")
    except ServiceError:
        return  # refused for what it asked (already done, not found), not for the role
    if entry.read:
        assert snapshot(st) == before, f"the read {name} changed something"
        return
    if not entry.audited or result is None:
        return
    user = USERS[role]
    if name.startswith("backups.restore"):
        with st.db.read() as s:
            newest = s.execute(
                select(AuditEvent.username, AuditEvent.action)
                .order_by(AuditEvent.id.desc())
                .limit(8)
            ).all()
        assert (user, "restore") in [tuple(r) for r in newest]
        return
    assert any(u == user for u, _act in events_since(st, last)), f"{name} by {role}: no event"
