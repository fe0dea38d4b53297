"""The office that owns this database, and its users."""

from __future__ import annotations

import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.db.models import Office, User
from tracker.domain.vocab import OFFICE_KINDS, ROLES
from tracker.i18n.text import has_control_chars
from tracker.services import audit, versions
from tracker.services import validate as v
from tracker.services.context import Actor
from tracker.services.errors import ConflictError, NotFoundError, ValidationError
from tracker.services.grant_types import seed_grant_types

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,59}$")


@dataclass(frozen=True)
class OfficeInput:
    name: str
    receipt_prefix: str
    kind: str = "district"
    province_code: str | None = None
    unit_code: str | None = None
    address: str = ""
    phone: str = ""
    head_name: str = ""
    accountant_name: str = ""
    cashier_name: str = ""
    voucher_book: str = ""
    #: The version the change was made from (``OfficeView.version``); None: not checked.
    version: int | None = None


@dataclass(frozen=True)
class OfficeView:
    id: int
    name: str
    kind: str
    receipt_prefix: str
    province_code: str | None
    unit_code: str | None
    address: str
    phone: str
    head_name: str
    accountant_name: str
    cashier_name: str
    voucher_book: str = ""
    version: int = 1


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    full_name: str
    role: str
    active: bool


def _office_view(o: Office) -> OfficeView:
    return OfficeView(
        o.id,
        o.name,
        o.kind,
        o.receipt_prefix,
        o.province_code,
        o.unit_code,
        o.address,
        o.phone,
        o.head_name,
        o.accountant_name,
        o.cashier_name,
        o.voucher_book,
        o.version,
    )


def _clean_office(data: OfficeInput) -> dict[str, object]:
    kind = v.choice(data.kind, "office_kind", OFFICE_KINDS)
    province = v.text(data.province_code, "province", max_len=8) or None
    unit = v.text(data.unit_code, "commune", max_len=8) or None
    _check_place(kind, province, unit)
    return {
        "name": v.text(data.name, "office_name", max_len=200, required=True),
        "receipt_prefix": v.code(data.receipt_prefix, "receipt_prefix", max_len=12),
        "kind": kind,
        "province_code": province,
        "unit_code": unit,
        "address": v.text(data.address, "address", max_len=300),
        "phone": v.text(data.phone, "phone", max_len=40),
        "head_name": v.text(data.head_name, "full_name", max_len=120),
        "accountant_name": v.text(data.accountant_name, "full_name", max_len=120),
        "cashier_name": v.text(data.cashier_name, "full_name", max_len=120),
        "voucher_book": v.text(data.voucher_book, "voucher_book", max_len=20),
    }


def _check_place(kind: str, province: str | None, unit: str | None) -> None:
    """A province in force today; for a commune office one of its communes in force today;
    for a district office one of the districts (abolished on 1 July 2025) now in it."""
    from tracker.services import places

    if province is not None:
        found = places.unit_on(province)
        if found is None or found.level != "province":
            raise ValidationError("unknown_unit", "province", value=province)
    if unit is None or kind == "province":
        if kind == "province" and unit not in (None, province):
            raise ValidationError("unknown_unit", "commune", value=unit)
        return
    level = "district" if kind == "district" else "commune"
    g = places.gazetteer()
    # Districts: as they were until 30 June 2025; communes: those in force today.
    day = places.LAST_DAY_BEFORE_REFORM if level == "district" else None
    candidates = [p for p in (g.on(unit, day),) if p is not None and p.level == level]
    if not candidates:
        raise ValidationError("unknown_unit", level, value=unit)
    if province is not None and all(g.today_province(p) != province for p in candidates):
        raise ValidationError("unit_not_in_province", level, value=unit)


def check_office(data: OfficeInput) -> None:
    """Raises ValidationError on the first bad field, writing nothing."""
    _clean_office(data)


def current_office(session: Session) -> Office:
    office = session.execute(select(Office).order_by(Office.id).limit(1)).scalar_one_or_none()
    if office is None:
        raise ValidationError("no_office")
    return office


def get_office(db: Database, actor: Actor) -> OfficeView | None:
    actor.require("read")
    with db.read() as s:
        office = s.execute(select(Office).order_by(Office.id).limit(1)).scalar_one_or_none()
        return _office_view(office) if office else None


def save_office(db: Database, actor: Actor, data: OfficeInput) -> OfficeView:
    """Create the office on first run, or update its details; seeds the support types."""
    actor.require("office.setup")
    values = _clean_office(data)
    with db.write() as s:
        office = s.execute(select(Office).order_by(Office.id).limit(1)).scalar_one_or_none()
        if office is None:
            office = Office(**values)
            s.add(office)
            s.flush()
            audit.record(s, actor, "create", "office", office.id, after=audit.snapshot(office))
            seed_grant_types(s, actor)
        else:
            s.refresh(office, with_for_update=True)
            versions.check(s, office, data.version, "office", "")
            before = audit.snapshot(office)
            for key, value in values.items():
                setattr(office, key, value)
            s.flush()
            audit.record(
                s, actor, "update", "office", office.id, before=before, after=audit.snapshot(office)
            )
        return _office_view(office)


MIN_PASSWORD = 8
# Argon2id with the library's defaults (RFC 9106 low-memory profile).
HASHER = PasswordHasher()


def check_username(username: object) -> str:
    name = v.text(username, "username", max_len=60, required=True).lower()
    if not _USERNAME.match(name):
        raise ValidationError("bad_username", "username")
    return name


def check_password(password: object, field: str = "password") -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise ValidationError("weak_password", field, min=MIN_PASSWORD)
    if len(password) > 256 or has_control_chars(password):
        raise ValidationError("too_long", field, max=256)
    return password


def create_user(
    db: Database,
    actor: Actor,
    username: str,
    full_name: str,
    role: str,
    password: str | None = None,
) -> UserView:
    """A user row (sign-in adds the key slot on an encrypted file: see services.auth)."""
    actor.require("user.manage")
    name = check_username(username)
    full = v.text(full_name, "full_name", max_len=120, required=True)
    role = v.choice(role, "role", ROLES)
    pw_hash = HASHER.hash(check_password(password)) if password is not None else None
    with db.write() as s:
        exists = s.execute(
            select(func.count()).select_from(User).where(User.username == name)
        ).scalar_one()
        if exists:
            raise ConflictError("duplicate_username", "username", value=name)
        user = User(username=name, full_name=full, role=role, active=True, password_hash=pw_hash)
        s.add(user)
        s.flush()
        audit.record(
            s,
            actor,
            "create",
            "user",
            user.id,
            after=audit.snapshot(user, exclude=("password_hash",)),
        )
        return UserView(user.id, user.username, user.full_name, user.role, user.active)


def other_active_admins(s: Session, user_id: int) -> int:
    """How many active administrators there are besides this user."""
    return s.execute(
        select(func.count())
        .select_from(User)
        .where(User.role == "admin", User.active.is_(True), User.id != user_id)
    ).scalar_one()


def set_role(db: Database, actor: Actor, username: str, role: str) -> UserView:
    """An administrator gives an account another role; it applies from that user's next
    sign-in. Nobody changes their own role (another administrator does), and the last
    active administrator stays one."""
    actor.require("user.manage")
    name = check_username(username)
    role = v.choice(role, "role", ROLES)
    with db.write() as s:
        user = s.execute(select(User).where(User.username == name)).scalar_one_or_none()
        if user is None:
            raise NotFoundError("username", username)
        if user.id == actor.user_id:
            raise ValidationError("own_role", "role")
        if user.role == role:
            return UserView(user.id, user.username, user.full_name, user.role, user.active)
        if user.role == "admin" and user.active and other_active_admins(s, user.id) == 0:
            raise ValidationError("last_admin", "role")
        before = audit.snapshot(user, exclude=("password_hash",))
        user.role = role
        s.flush()
        audit.record(
            s,
            actor,
            "set_role",
            "user",
            user.id,
            before=before,
            after=audit.snapshot(user, exclude=("password_hash",)),
        )
        return UserView(user.id, user.username, user.full_name, user.role, user.active)


def list_users(db: Database, actor: Actor) -> list[UserView]:
    actor.require("read")
    with db.read() as s:
        users = s.execute(select(User).order_by(User.username)).scalars()
        return [UserView(u.id, u.username, u.full_name, u.role, u.active) for u in users]


def actor_for(db: Database, username: str) -> Actor:
    """The Actor of an existing, active user (sign-in checks the password first)."""
    with db.read() as s:
        user = s.execute(
            select(User).where(User.username == username.strip().lower())
        ).scalar_one_or_none()
        if user is None:
            raise NotFoundError("username", username)
        if not user.active:
            raise ValidationError("user_disabled", "username", value=username)
        return Actor(user.id, user.username, user.role, user.full_name)
