"""Creating a database, signing in, and managing accounts and passwords.

On SQLite the file is encrypted (SQLCipher) and a password unlocks the database key from
the user's key slot (tracker.db.vault); on PostgreSQL the server protects the data and the
password is checked against the Argon2id hash stored with the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, text

from tracker.config import DatabaseLocation, vault_path
from tracker.db.engine import Database, driver_errors
from tracker.db.migrate import upgrade
from tracker.db.models import AppMeta, User
from tracker.db.vault import MAX_FAILURES, Vault, VaultError
from tracker.services import audit, office
from tracker.services.context import SYSTEM, Actor
from tracker.services.errors import NotFoundError, ServiceError, ValidationError

DATABASE_ID = "database_id"


class AuthError(ServiceError):
    """Sign-in refused or the database cannot be opened; the message says why."""


@dataclass
class Workspace:
    """An open database and the signed-in user. The key stays in memory only, to add key
    slots and to write encrypted backups."""

    db: Database
    actor: Actor
    vault: Vault | None = None
    key: bytes | None = None

    def close(self) -> None:
        self.db.dispose()
        self.key = None


def _auth_error(exc: VaultError) -> AuthError:
    return AuthError(exc.key, None, **exc.params)


def _database_id(db: Database) -> str | None:
    with db.read() as s:
        return s.execute(
            select(AppMeta.value).where(AppMeta.key == DATABASE_ID)
        ).scalar_one_or_none()


def _open_checked(location: DatabaseLocation, vault: Vault, key: bytes) -> Database:
    db = Database(location, key=key)
    try:
        found = _database_id(db)
    except driver_errors() as exc:
        db.dispose()
        detail = str(getattr(exc, "orig", None) or exc)
        if "not a database" in detail or "encrypted" in detail:
            raise AuthError("wrong_database") from exc
        raise AuthError("database_damaged", None, detail=detail) from exc
    if found is not None and found != vault.database_id:
        db.dispose()
        raise AuthError("other_office")
    return db


def create_workspace(
    location: DatabaseLocation,
    office_data: office.OfficeInput,
    username: str,
    full_name: str,
    password: str,
) -> tuple[Workspace, str | None]:
    """First run: a new (encrypted, on SQLite) database with the office and its first
    administrator. Returns the workspace and the recovery key to print (SQLite only)."""
    name = office.check_username(username)
    office.check_password(password)
    if location.path is None:
        db = Database(location)
        upgrade(db)
        if office.get_office(db, SYSTEM) is not None:
            db.dispose()
            raise AuthError("database_exists", None, path=location.describe())
        office.save_office(db, SYSTEM, office_data)
        office.create_user(db, SYSTEM, name, full_name, "admin", password)
        return Workspace(db, office.actor_for(db, name)), None

    path = location.path
    keys = vault_path(path)
    if path.exists() or keys.exists():
        raise AuthError("database_exists", None, path=str(path))
    new_db: Database | None = None
    try:
        vault, key, code = Vault.create(keys, name, password)
        new_db = Database(location, key=key)
        upgrade(new_db)
        with new_db.write() as s:
            s.add(AppMeta(key=DATABASE_ID, value=vault.database_id))
        office.save_office(new_db, SYSTEM, office_data)
        office.create_user(new_db, SYSTEM, name, full_name, "admin", password)
        actor = office.actor_for(new_db, name)
    except BaseException:
        # Nothing half-made is left behind: no file, no key file.
        if new_db is not None:
            new_db.dispose()
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            p.unlink(missing_ok=True)
        keys.unlink(missing_ok=True)
        raise
    return Workspace(new_db, actor, vault, key), code


def _check_user_row(db: Database, username: str, password: str) -> Actor:
    with db.read() as s:
        user = s.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        raise AuthError("unknown_user")
    if not user.active:
        raise AuthError("user_disabled", "username", value=username)
    if user.password_hash:
        try:
            office.HASHER.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError) as exc:
            raise AuthError("unknown_user") from exc
    return Actor(user.id, user.username, user.role, user.full_name)


def _pg_sign_in(db: Database, username: str, password: str, now: datetime) -> Actor:
    failed: AuthError | None
    with db.write() as s:
        user = s.execute(
            select(User).where(User.username == username).with_for_update()
        ).scalar_one_or_none()
        if user is None or not user.password_hash:
            raise AuthError("unknown_user")
        if user.locked_until is not None and user.locked_until > now:
            raise AuthError("locked", seconds=int((user.locked_until - now).total_seconds()) + 1)
        try:
            office.HASHER.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            user.failed_logins += 1
            if user.failed_logins >= MAX_FAILURES:
                delay = timedelta(seconds=30) * 2 ** (user.failed_logins - MAX_FAILURES)
                user.locked_until = now + min(delay, timedelta(days=1))
            if user.locked_until is not None and user.locked_until > now:
                seconds = int((user.locked_until - now).total_seconds()) + 1
                failed = AuthError("locked", seconds=seconds)
            else:
                failed = AuthError("wrong_password", left=MAX_FAILURES - user.failed_logins)
        else:
            failed = None
            user.failed_logins = 0
            user.locked_until = None
    if failed is not None:
        raise failed
    return _check_user_row(db, username, password)


def sign_in(
    location: DatabaseLocation, username: str, password: str, *, now: datetime | None = None
) -> Workspace:
    """Open the database as a user. Wrong password, unknown or disabled user, a locked
    account, a missing or damaged key file, a file from another office: AuthError, and
    nothing in the database is changed."""
    now = now or datetime.now(UTC)
    name = (username or "").strip().lower()
    if not isinstance(password, str) or not password:
        raise AuthError("password_needed")
    if location.path is None:
        db = Database(location)
        upgrade(db)
        try:
            actor = _pg_sign_in(db, name, password, now)
        except BaseException:
            db.dispose()
            raise
        _record_sign_in(db, actor)
        return Workspace(db, actor)

    vault, key = unlock(location, name, password, now=now)
    return open_unlocked(location, vault, key, name, password)


def unlock(
    location: DatabaseLocation, username: str, password: str, *, now: datetime | None = None
) -> tuple[Vault, bytes]:
    """First step of signing in to an encrypted file: the password unwraps the key."""
    assert location.path is not None
    if not location.path.exists():
        raise AuthError("not_found", "database", value=str(location.path))
    try:
        vault = Vault.load(vault_path(location.path))
        key = vault.unlock(username.strip().lower(), password, now=now)
    except VaultError as exc:
        raise _auth_error(exc) from exc
    return vault, key


def open_unlocked(
    location: DatabaseLocation, vault: Vault, key: bytes, username: str, password: str
) -> Workspace:
    """Second step: open the file with the key, check it is whole and this office's, bring
    the schema up to date, and check the account. A damaged file raises AuthError with the
    key ``database_damaged`` (the window then offers the newest good backup)."""
    assert location.path is not None
    if location.path.stat().st_size == 0:
        raise AuthError("database_damaged", None, detail=f"{location.path.name}: 0 bytes")
    db = _open_checked(location, vault, key)
    try:
        problem = quick_check(db)
        if problem is not None:
            raise AuthError("database_damaged", None, detail=problem)
        upgrade(db)
        actor = _check_user_row(db, username.strip().lower(), password)
    except BaseException:
        db.dispose()
        raise
    _record_sign_in(db, actor)
    return Workspace(db, actor, vault, key)


def _record_sign_in(db: Database, actor: Actor) -> None:
    with db.write() as s:
        audit.record(s, actor, "sign_in", "user", actor.user_id)


def open_with_recovery_key(location: DatabaseLocation, code: str) -> Workspace:
    """Open an encrypted database with the recovery key (forgotten passwords). The
    workspace acts as the system, to reset an administrator's password."""
    if location.path is None:
        raise AuthError("no_recovery")
    try:
        vault = Vault.load(vault_path(location.path))
        key = vault.unlock_recovery(code)
    except VaultError as exc:
        raise _auth_error(exc) from exc
    db = _open_checked(location, vault, key)
    upgrade(db)
    return Workspace(db, SYSTEM, vault, key)


# --- accounts --------------------------------------------------------------------------


def add_user(
    ws: Workspace, username: str, full_name: str, role: str, password: str
) -> office.UserView:
    """Admins create accounts; on an encrypted file the new password gets a key slot."""
    ws.actor.require("user.manage")
    user = office.create_user(ws.db, ws.actor, username, full_name, role, password)
    if ws.vault is not None and ws.key is not None:
        ws.vault.set_user(ws.key, user.username, password)
        ws.vault.save()
    return user


def _set_password(ws: Workspace, username: str, password: str, action: str) -> None:
    office.check_password(password, "new_password")
    with ws.db.write() as s:
        user = s.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is None:
            raise NotFoundError("username", username)
        user.password_hash = office.HASHER.hash(password)
        user.failed_logins = 0
        user.locked_until = None
        audit.record(s, ws.actor, action, "user", user.id)
    if ws.vault is not None and ws.key is not None:
        ws.vault.set_user(ws.key, username, password)
        ws.vault.save()


def verify_password(ws: Workspace, password: str) -> None:
    """Unlocking a locked screen: the signed-in user's password, with the same lockout."""
    if ws.vault is not None:
        try:
            ws.vault.unlock(ws.actor.username, password)
        except VaultError as exc:
            raise _auth_error(exc) from exc
    else:
        _pg_sign_in(ws.db, ws.actor.username, password, datetime.now(UTC))


def change_password(ws: Workspace, old_password: str, new_password: str) -> None:
    """Users change their own password (the data is not re-encrypted)."""
    if ws.vault is not None:
        try:
            ws.vault.unlock(ws.actor.username, old_password)
        except VaultError as exc:
            raise _auth_error(exc) from exc
    else:
        _check_user_row(ws.db, ws.actor.username, old_password)
    _set_password(ws, ws.actor.username, new_password, "change_password")


def reset_password(ws: Workspace, username: str, new_password: str) -> None:
    """An admin (or the recovery key) sets a new password and lifts a lock."""
    ws.actor.require("user.manage")
    name = office.check_username(username)
    with ws.db.read() as s:
        active = s.execute(select(User.active).where(User.username == name)).scalar_one_or_none()
    if active is None:
        raise NotFoundError("username", username)
    if not active:
        # A disabled account gets no key slot back here: enabling it does that.
        raise ValidationError("user_disabled", "username", value=name)
    _set_password(ws, name, new_password, "reset_password")


def set_active(ws: Workspace, username: str, active: bool, password: str | None = None) -> None:
    """Disable an account (its key slot is removed at once) or enable it again with a new
    password. The last active administrator cannot be disabled."""
    ws.actor.require("user.manage")
    name = office.check_username(username)
    if active:
        office.check_password(password, "new_password")
    with ws.db.write() as s:
        user = s.execute(select(User).where(User.username == name)).scalar_one_or_none()
        if user is None:
            raise NotFoundError("username", username)
        if not active and user.role == "admin" and office.other_active_admins(s, user.id) == 0:
            raise ValidationError("last_admin", "username")
        before = audit.snapshot(user, exclude=("password_hash",))
        user.active = active
        if active and password is not None:
            user.password_hash = office.HASHER.hash(password)
            user.failed_logins = 0
            user.locked_until = None
        audit.record(
            s,
            ws.actor,
            "enable" if active else "disable",
            "user",
            user.id,
            before=before,
            after=audit.snapshot(user, exclude=("password_hash",)),
        )
    if ws.vault is not None and ws.key is not None:
        if active and password is not None:
            ws.vault.set_user(ws.key, name, password)
        else:
            ws.vault.remove_user(name)
        ws.vault.save()


def new_recovery_key(ws: Workspace) -> str:
    """Replace the recovery key (the old one stops working)."""
    ws.actor.require("user.manage")
    if ws.vault is None or ws.key is None:
        raise AuthError("no_recovery")
    code = ws.vault.set_recovery(ws.key)
    ws.vault.save()
    with ws.db.write() as s:
        audit.record(s, ws.actor, "new_recovery_key", "office", None)
    return code


def quick_check(db: Database) -> str | None:
    """None when SQLite's quick integrity check passes, else its first complaints."""
    if not db.is_sqlite:
        return None
    try:
        with db.engine.connect() as conn:
            rows = [r[0] for r in conn.execute(text("PRAGMA quick_check")).fetchall()]
    except driver_errors() as exc:
        return str(getattr(exc, "orig", None) or exc)
    return None if rows == ["ok"] else "; ".join(rows[:3])


def database_file_exists(location: DatabaseLocation) -> bool:
    return location.path is None or Path(location.path).exists()
