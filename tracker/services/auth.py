"""Creating a database, signing in, and managing accounts and passwords.

On SQLite the file is encrypted (SQLCipher) and a password opens the account's key slot
(tracker.db.vault), which gives the database key. Disabling an account, or replacing a
password or the recovery key, gives the database a new key (``change_key``): the old
password then opens nothing on this PC, not the database, not a backup in the app's
folders. On PostgreSQL the server protects the data and the password is checked against
the Argon2id hash stored with the user.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, select, text

from tracker.config import DatabaseLocation, vault_path
from tracker.db.engine import (
    Database,
    damage_mark,
    driver_errors,
    is_busy,
    mark_damaged,
    pages_open_with,
    prepare_engine,
    rekey,
    take_prepared_engine,
)
from tracker.db.migrate import upgrade
from tracker.db.models import AppMeta, User
from tracker.db.vault import (
    KEY_BYTES,
    MAX_FAILURES,
    RECOVERY,
    USER,
    Vault,
    VaultError,
    atomic_write,
    file_lock,
    new_recovery_code,
    remove_leftovers,
    unlock_recovery,
)
from tracker.db.vault import (
    Keys as Keys,
)
from tracker.db.vault import unlock as vault_unlock
from tracker.services import audit, office
from tracker.services.context import SYSTEM, Actor
from tracker.services.errors import (
    DatabaseDamaged,
    NotFoundError,
    ServiceError,
    ValidationError,
)

log = logging.getLogger(__name__)

#: Called with a percentage (0-100) and what is being done ("keys", "encrypt",
#: "copies", "done") while the database is given a new key.
Progress = Callable[[int, str], None]

DATABASE_ID = "database_id"


class AuthError(ServiceError):
    """Sign-in refused or the database cannot be opened; the message says why."""


#: What is damaged when a sign-in fails with one of these: the database file (empty, its
#: header, its pages, or a file that no key opens) or its key file (missing, unreadable,
#: a value out of bounds, the recovery key's part). Each offers the newest good backup to
#: an administrator or the recovery key (``backups.restore_after_damage``). A damaged part
#: of one account ("slot_damaged") is mended by a new password instead (another
#: administrator, or the recovery key): a restore would not change that key file.
DAMAGE = (
    "database_empty",
    "database_header_damaged",
    "database_damaged",
    "wrong_database",
    "vault_missing",
    "vault_damaged",
    "vault_invalid",
    "recovery_slot_damaged",
)


@dataclass
class Workspace:
    """An open database and the signed-in user. The keys stay in memory only, to add key
    slots, change the database key and write encrypted backups (``bytes(ws.key)`` is the
    database key)."""

    db: Database
    actor: Actor
    vault: Vault | None = None
    key: Keys | None = None
    #: What the check of the audit trail found before this sign-in was written.
    audit_findings: list[audit.Finding] = field(default_factory=list)

    def close(self) -> None:
        self.db.dispose()
        self.key = None

    @property
    def needs_recovery_key(self) -> bool:
        """An encrypted file without a recovery key (the old one was in the old form when
        the database got a new key): an administrator should make one."""
        return self.vault is not None and self.vault.recovery_slot() is None


@dataclass(frozen=True)
class KeyChange:
    """What giving the database a new key did."""

    generation: int
    #: Accounts whose slot was still in the old form (their owner had not signed in since
    #: this version): they need a new password from an administrator.
    dropped: tuple[str, ...] = ()
    #: The recovery key was in the old form and could not be given the new key: it no
    #: longer opens anything, and an administrator should make a new one.
    recovery_lost: bool = False
    copies: int = 0
    seconds: float = 0.0


def _failed() -> AuthError:
    """Wrong user name or password: the same words either way."""
    return AuthError("sign_in_failed", None, max=MAX_FAILURES)


def _auth_error(exc: VaultError) -> AuthError:
    if exc.key == "sign_in_failed":
        return _failed()
    return AuthError(exc.key, None, **exc.params)


def _database_id(db: Database) -> str | None:
    with db.read() as s:
        return s.execute(
            select(AppMeta.value).where(AppMeta.key == DATABASE_ID)
        ).scalar_one_or_none()


def _attach(db: Database) -> Database:
    """The copy of the audit chain's head in the key file follows every write."""
    if db.keys is not None:
        db.on_audit_head = lambda session, new_head: audit.prepare_anchor(db, session, new_head)
        db.after_audit_commit = lambda prepared: audit.store_anchor(db, prepared)
    return db


def _open_checked(location: DatabaseLocation, vault: Vault, key: Keys) -> Database:
    # The engine whose statements were compiled while the password was typed, if any.
    db = _attach(Database(location, take_prepared_engine(location, key), key=key))
    try:
        found = _database_id(db)
    except DatabaseDamaged as exc:
        db.dispose()
        raise AuthError("database_damaged", None, **exc.params) from exc
    except driver_errors() as exc:
        db.dispose()
        detail = str(getattr(exc, "orig", None) or exc)
        if "not a database" in detail or "encrypted" in detail:
            assert location.path is not None
            if pages_open_with(location.path, key.all_keys()):
                raise AuthError("database_header_damaged", path=str(location.path)) from exc
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
        db = _reach_server(location)
        if office.get_office(db, SYSTEM) is not None:
            db.dispose()
            raise AuthError("database_exists", None, path=location.describe())
        office.save_office(db, SYSTEM, office_data)
        office.create_user(db, SYSTEM, name, full_name, "admin", password)
        actor = office.actor_for(db, name)
        _pg_signing_key(db, actor)
        return Workspace(db, actor), None

    path = location.path
    keys = vault_path(path)
    if path.exists() or keys.exists():
        raise AuthError("database_exists", None, path=str(path))
    new_db: Database | None = None
    try:
        vault, key, code = Vault.create(keys, name, password)
        new_db = _attach(Database(location, key=key))
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
        keys.with_name(keys.name + ".lock").unlink(missing_ok=True)
        raise
    return Workspace(new_db, actor, vault, key), code


def mark_demo(path: Path) -> None:
    """Say in the key file that this database is the demo (built from invented records)."""
    try:
        with Vault.update(vault_path(path)) as vault:
            vault.demo = True
    except VaultError as exc:
        raise _auth_error(exc) from exc


def is_demo(path: Path) -> bool:
    """Whether the key file beside ``path`` says it is a demo database."""
    try:
        return Vault.load(vault_path(path)).demo
    except VaultError:
        return False


def _check_user_row(db: Database, username: str, password: str | None) -> Actor:
    """The account's row: it exists and is active, and (when ``password`` is given) the
    password matches its hash. ``None`` when the password was proven just before (it
    opened the account's key slot, or was checked under the row lock): Argon2id is
    deliberately slow, and one check per sign-in is enough."""
    with db.read() as s:
        user = s.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        raise _failed()
    if not user.active:
        raise AuthError("user_disabled", "username", value=username)
    if password is not None and user.password_hash:
        try:
            office.HASHER.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError) as exc:
            raise _failed() from exc
    return Actor(user.id, user.username, user.role, user.full_name)


#: Checked against for a name that does not exist, so that it costs the same time.
_DUMMY_HASH: str | None = None


def _dummy_verify(password: str) -> None:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = office.HASHER.hash(secrets.token_hex(16))
    with contextlib.suppress(VerificationError, InvalidHashError):
        office.HASHER.verify(_DUMMY_HASH, password)


def _pg_sign_in(
    db: Database, username: str, password: str, now: datetime, *, reveal_left: bool = False
) -> Actor:
    failed: AuthError | None
    with db.write() as s:
        user = s.execute(
            select(User).where(User.username == username).with_for_update()
        ).scalar_one_or_none()
        if user is None or not user.password_hash:
            _dummy_verify(password)
            raise _failed()
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
            elif reveal_left:
                failed = AuthError("wrong_password", left=MAX_FAILURES - user.failed_logins)
            else:
                failed = _failed()
        else:
            failed = None
            user.failed_logins = 0
            user.locked_until = None
    if failed is not None:
        raise failed
    return _check_user_row(db, username, None)


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
        db = _reach_server(location)
        try:
            actor = _pg_sign_in(db, name, password, now)
        except BaseException:
            db.dispose()
            raise
        _record_sign_in(db, actor)
        _pg_signing_key(db, actor)
        return Workspace(db, actor)

    vault, key = unlock(location, name, password, now=now)
    return open_unlocked(location, vault, key, name, password)


def _server_of(location: DatabaseLocation) -> str:
    """host:port/database, without the password or the connection's options."""
    from sqlalchemy.engine import make_url

    url = make_url(location.url or "")
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def _reach_server(location: DatabaseLocation) -> Database:
    """Connect to the PostgreSQL server and bring its schema up to date. A server that
    cannot be reached, refuses the connection or fails the TLS check is told in words
    (the check that failed named), never as a driver's error."""
    db = Database(location)
    try:
        upgrade(db)
    except driver_errors() as exc:
        db.dispose()
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines() or [""]
        words = detail[0][:200]
        tls = any(w in words.lower() for w in ("ssl", "certificate", "tls", "no encryption"))
        raise AuthError(
            "server_tls" if tls else "server_unreachable", None, server=_server_of(location),
            detail=words,
        ) from exc  # fmt: skip
    except BaseException:
        db.dispose()
        raise
    return db


def unlock(
    location: DatabaseLocation, username: str, password: str, *, now: datetime | None = None
) -> tuple[Vault, Keys]:
    """First step of signing in to an encrypted file: the password opens the account's
    slot. A wrong password and an unknown user name get the same answer after the same
    work; every try is counted under the key file's lock."""
    assert location.path is not None
    if not location.path.exists():
        raise AuthError("not_found", "database", value=str(location.path))
    try:
        return vault_unlock(vault_path(location.path), username.strip().lower(), password, now=now)
    except VaultError as exc:
        raise _auth_error(exc) from exc


def open_unlocked(
    location: DatabaseLocation, vault: Vault, key: Keys, username: str, password: str
) -> Workspace:
    """Second step: open the file with the key, check it is this office's, bring the
    schema up to date, and check the account (the password already opened its key slot).

    The whole file's integrity is checked here only after a crash (the write-ahead log
    was left behind); otherwise the window checks it on the worker once signed in
    (:func:`quick_check`), and a backup checks its copy. A damaged file raises AuthError
    with the key ``database_damaged`` (the window then offers the newest good backup)."""
    assert location.path is not None
    if location.path.stat().st_size == 0:
        raise AuthError("database_empty", path=str(location.path))
    after_crash = left_after_crash(location.path)
    db = _open_checked(location, vault, key)
    try:
        if after_crash:
            check_integrity(db)
        finish_key_change(db)
        upgrade(db)
        actor = _check_user_row(db, username.strip().lower(), None)
        findings = _record_sign_in(db, actor)
    except DatabaseDamaged as exc:
        db.dispose()
        raise AuthError("database_damaged", None, **exc.params) from exc
    except driver_errors() as exc:
        db.dispose()
        if is_busy(exc):
            raise
        # A page the first reads need is damaged (the header opened): said in words, and
        # the window offers the newest good backup.
        detail = str(getattr(exc, "orig", None) or exc)
        raise AuthError("database_damaged", None, detail=detail) from exc
    except BaseException:
        db.dispose()
        raise
    if actor.role == "admin" and key.signing_key is None:
        vault = _add_signing_key(db, actor, key) or vault
    return Workspace(db, actor, vault, key, findings)


def _pg_signing_key(db: Database, actor: Actor) -> None:
    """A database without a key file gets its signing key at set-up, or (made before
    exports were signed) at an administrator's sign-in."""
    if actor.role != "admin":
        return
    from tracker.services import consolidate

    consolidate.signing_key(db, actor)


def _add_signing_key(db: Database, actor: Actor, key: Keys) -> Vault | None:
    """An office set up before exports were signed gets its signing key at an
    administrator's sign-in (in the key file's box, like the database key)."""
    try:
        with Vault.update(key.path) as vault:
            added = vault.add_signing_key(key)
    except VaultError:
        return None  # the sign-in stands; the next one tries again
    if added:
        with db.write() as s:
            audit.record(s, actor, "signing_key_created", "office", None)
    return vault


def _record_sign_in(db: Database, actor: Actor) -> list[audit.Finding]:
    """The sign-in event, written only after the audit trail's end was checked against
    the copy in the key file (a sign-in must not hide removed events)."""
    findings = audit.check_before_sign_in(db)
    with db.write() as s:
        fresh = [f for f in findings if not f.found_at]
        if fresh:
            audit.record(
                s,
                actor,
                "audit_alert",
                "database",
                None,
                after={"findings": [{"reason": f.reason, "event": f.event_id} for f in fresh]},
            )
        audit.record(s, actor, "sign_in", "user", actor.user_id)
    return findings


def open_with_recovery_key(location: DatabaseLocation, code: str) -> Workspace:
    """Open an encrypted database with the recovery key (forgotten passwords). The
    workspace acts as the system, to reset an administrator's password."""
    if location.path is None:
        raise AuthError("no_recovery")
    try:
        vault, key = unlock_recovery(vault_path(location.path), code)
    except VaultError as exc:
        raise _auth_error(exc) from exc
    db = _open_checked(location, vault, key)
    try:
        finish_key_change(db)
        upgrade(db)
    except BaseException:
        db.dispose()
        raise
    return Workspace(db, SYSTEM, vault, key)


# --- accounts --------------------------------------------------------------------------


def add_user(
    ws: Workspace, username: str, full_name: str, role: str, password: str
) -> office.UserView:
    """Admins create accounts; on an encrypted file the new password gets a key slot."""
    ws.actor.require("user.manage")
    user = office.create_user(ws.db, ws.actor, username, full_name, role, password)
    if ws.key is not None:
        _update_slots(ws, lambda v, k: v.add_account(k, USER, user.username, password))
    return user


def _update_slots(ws: Workspace, change: Callable[[Vault, Keys], None]) -> None:
    """Change the key file under its lock, then the copies beside the backups."""
    assert ws.key is not None
    try:
        with Vault.update(ws.key.path) as vault:
            change(vault, ws.key)
            vault.copies_stale = True
        ws.vault = vault
    except VaultError as exc:
        raise _auth_error(exc) from exc
    sync_copies(ws.db)


def _set_password(
    ws: Workspace,
    username: str,
    password: str,
    action: str,
    progress: Progress | None = None,
) -> KeyChange | None:
    office.check_password(password, "new_password")
    with ws.db.write() as s:
        user = s.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is None:
            raise NotFoundError("username", username)
        user.password_hash = office.HASHER.hash(password)
        user.failed_logins = 0
        user.locked_until = None
        audit.record(s, ws.actor, action, "user", user.id)
    if ws.key is None:
        return None
    # The old password's slot goes, and with it the database key it could open.
    _update_slots(ws, lambda v, k: v.add_account(k, USER, username, password))
    return _change_key(ws, action, progress)


def verify_password(ws: Workspace, password: str) -> None:
    """Unlocking a locked screen: the signed-in user's password, with the same lockout."""
    if ws.key is not None:
        try:
            vault_unlock(ws.key.path, ws.actor.username, password, reveal_left=True)
        except VaultError as exc:
            raise _auth_error(exc) from exc
    else:
        _pg_sign_in(ws.db, ws.actor.username, password, datetime.now(UTC), reveal_left=True)


def change_password(
    ws: Workspace, old_password: str, new_password: str, progress: Progress | None = None
) -> KeyChange | None:
    """Users change their own password. On an encrypted file the database then gets a
    new key: whoever learnt the old password can open nothing with it."""
    if ws.key is not None:
        try:
            vault_unlock(ws.key.path, ws.actor.username, old_password, reveal_left=True)
        except VaultError as exc:
            raise _auth_error(exc) from exc
    else:
        _check_user_row(ws.db, ws.actor.username, old_password)
    return _set_password(ws, ws.actor.username, new_password, "change_password", progress)


def reset_password(
    ws: Workspace, username: str, new_password: str, progress: Progress | None = None
) -> KeyChange | None:
    """An admin (or the recovery key) sets a new password and lifts a lock. The old
    password opens nothing afterwards (the database gets a new key)."""
    ws.actor.require("user.manage")
    name = office.check_username(username)
    with ws.db.read() as s:
        active = s.execute(select(User.active).where(User.username == name)).scalar_one_or_none()
    if active is None:
        raise NotFoundError("username", username)
    if not active:
        # A disabled account gets no key slot back here: enabling it does that.
        raise ValidationError("user_disabled", "username", value=name)
    return _set_password(ws, name, new_password, "reset_password", progress)


def set_active(
    ws: Workspace,
    username: str,
    active: bool,
    password: str | None = None,
    progress: Progress | None = None,
) -> KeyChange | None:
    """Disable an account (its key slot is removed and the database gets a new key, so
    its password opens nothing any more) or enable it again with a new password. The last
    active administrator cannot be disabled."""
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
    if ws.key is None:
        return None
    if active and password is not None:
        _update_slots(ws, lambda v, k: v.add_account(k, USER, name, password))
        return None
    _update_slots(ws, lambda v, k: v.remove_slot(f"{USER}:{name}"))
    return _change_key(ws, "disable", progress)


def new_recovery_key(ws: Workspace, progress: Progress | None = None) -> str:
    """Replace the recovery key (the old one stops working: the database gets a new key,
    so a copy of the old key file opens nothing with it either)."""
    ws.actor.require("user.manage")
    if ws.key is None:
        raise AuthError("no_recovery")
    code = new_recovery_code()
    _update_slots(ws, lambda v, k: v.add_account(k, RECOVERY, "", code))
    with ws.db.write() as s:
        audit.record(s, ws.actor, "new_recovery_key", "office", None)
    _change_key(ws, "new_recovery_key", progress)
    return code


# --- a new database key ----------------------------------------------------------------


def change_key(ws: Workspace, reason: str, progress: Progress | None = None) -> KeyChange:
    """Give the database a new key at an administrator's request (see ``_change_key``;
    a password change, a disabled account and a new recovery key do it themselves)."""
    ws.actor.require("user.manage")
    return _change_key(ws, reason, progress)


def _change_key(ws: Workspace, reason: str, progress: Progress | None = None) -> KeyChange:
    """Give the database a new random key, sealed to every remaining slot and the recovery
    slot, and re-encrypt the file with it (``PRAGMA rekey``, one transaction).

    Crash-safe: the new key is written to the key file as *pending* before the file is
    re-encrypted, and made current after; a crash in between leaves a file that opens
    with one of the two, and the next sign-in finishes the change (``finish_key_change``).
    Then the key file of every backup in the app's folders is rewritten for the present
    accounts (with the keys of their own generation in its box)."""
    import time

    keys, path = ws.key, ws.db.location.path
    if keys is None or path is None:
        raise AuthError("no_recovery")
    started = time.monotonic()

    def step(percent: int, what: str) -> None:
        if progress is not None:
            progress(percent, what)

    step(2, "keys")
    new_key = secrets.token_bytes(KEY_BYTES)
    try:
        with Vault.update(keys.path) as vault:
            keys.absorb(vault)
            if vault.pending is not None:
                # An earlier change was cut short: it is finished first.
                new_key = keys.keys.get(vault.pending.generation) or new_key
            dropped = vault.begin_rotation(keys, new_key) if vault.pending is None else []
            assert vault.pending is not None
            generation = vault.pending.generation
            keys.learn(generation, new_key)
            recovery_lost = vault.recovery_slot() is None
    except VaultError as exc:
        raise _auth_error(exc) from exc
    step(8, "encrypt")
    _rekey_to_pending(ws.db, keys, lambda share: step(8 + int(80 * share), "encrypt"))
    step(90, "copies")
    copies = sync_copies(ws.db)
    with ws.db.write() as s:
        audit.record(
            s,
            ws.actor,
            "new_key",
            "database",
            None,
            after={"reason": reason, "generation": generation, "dropped": dropped},
        )
    ws.vault = Vault.load(keys.path)
    step(100, "done")
    return KeyChange(
        generation, tuple(dropped), recovery_lost, copies, round(time.monotonic() - started, 3)
    )


def _rekey_to_pending(db: Database, keys: Keys, progress: Callable[[float], None]) -> None:
    """Re-encrypt the file with the pending key (if it does not use it already) and make
    that key the current one."""
    path = db.location.path
    assert path is not None
    with file_lock(keys.path):
        vault = Vault.load(keys.path)
        if vault.pending is None:
            return
        keys.absorb(vault)
        old = keys.key_for(vault.own_generation)
        new = keys.key_for(vault.pending.generation)
        if old is None or new is None:
            raise AuthError("access_ended")
        from tracker.db.engine import _cipher_connect, _opens

        conn = _cipher_connect(path, new)
        try:
            done = _opens(conn)
        finally:
            conn.close()
        if not done:
            # No kept connection stays keyed with the old key (see ``Database.release``).
            db.release()
            try:
                rekey(path, old, new, progress)
            except driver_errors() as exc:
                detail = str(getattr(exc, "orig", None) or exc)
                raise AuthError("key_change_failed", None, detail=detail) from exc
        vault.finish_rotation()
        vault.save()
        keys.absorb(vault)
        db.release()


def finish_key_change(db: Database) -> None:
    """At sign-in: finish a change of key that a crash cut short."""
    keys = db.keys
    if keys is None:
        return
    try:
        vault = Vault.load(keys.path)
    except VaultError:
        return
    if vault.pending is not None:
        _rekey_to_pending(db, keys, lambda _share: None)
    if vault.pending is not None or vault.copies_stale:
        sync_copies(db)


def key_file_copies(db_path: Path) -> list[Path]:
    """The key files of the copies of this database in the app's folders: backups,
    the copy taken before a schema upgrade, a file put aside by a restore."""
    from tracker.services.backups import backup_folder

    main = vault_path(db_path)
    found: list[Path] = []
    for folder in (db_path.parent, backup_folder(db_path)):
        if folder.is_dir():
            found += [p for p in folder.glob("*.keys") if p != main and p.is_file()]
    return sorted(found)


def sync_copies(db: Database) -> int:
    """Rewrite the key file of every copy of the database in the app's folders for the
    accounts of the main key file: a slot removed there is removed from every copy, and
    each copy keeps the key of its own generation (in the box of the present key). A
    copy whose key this account cannot name is left as it is. Returns how many were
    rewritten."""
    keys, path = db.keys, db.location.path
    if keys is None or path is None:
        return 0
    count = 0
    with file_lock(keys.path):
        main = Vault.load(keys.path)
        if main.file_generation is not None:
            return 0  # signed in to a copy: its key file is not the one to follow
        # A write cut short may have left a temporary copy holding a removed slot.
        remove_leftovers(keys.path)
        for copy_path in key_file_copies(path):
            remove_leftovers(copy_path)
            try:
                copy = Vault.load(copy_path)
            except VaultError:
                continue  # a damaged or foreign file is not ours to rewrite
            if copy.database_id != main.database_id:
                continue
            generation = copy.own_generation
            if keys.key_for(generation) is None:
                continue
            fresh = main.copy_for(copy_path, generation)
            fresh.anchor = copy.anchor
            fresh.pending = None
            if fresh.to_bytes() != copy.to_bytes():
                try:
                    atomic_write(copy_path, fresh.to_bytes())
                except OSError:
                    continue
                count += 1
        if main.copies_stale and main.pending is None:
            main.copies_stale = False
            main.save()
    return count


def left_after_crash(path: Path) -> bool:
    """The whole file is to be checked before anyone signs in: its write-ahead log is
    still there with something in it (the app or the PC stopped without closing the
    database; a clean close folds the log back into the file and removes it), or the
    check after the last sign-in found damage. (Another program that has the file open
    leaves a log too; the check then merely runs once more.)"""
    if damage_mark(path).exists():
        return True
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def check_integrity(db: Database) -> None:
    """The whole file's quick integrity check, for the window to run on the worker after
    sign-in: AuthError ``database_damaged`` when it fails, and the next sign-in checks
    the file first (and offers the newest good backup)."""
    problem = quick_check(db)
    path = db.location.path
    if problem is None:
        if path is not None:
            damage_mark(path).unlink(missing_ok=True)
        return
    if path is not None:
        mark_damaged(path, problem)
    raise AuthError("database_damaged", None, detail=problem)


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


def warm_up(location: DatabaseLocation | None = None) -> None:
    """Load what the first sign-in of the process needs besides the password: the schema
    tools, the driver and the mapped classes; and compile the sign-in's and the first
    screen's statements, into the engine the sign-in to ``location`` will take when it is
    an encrypted file (the sign-in dialog calls this on a background thread while the
    user types)."""
    import alembic.command
    import alembic.runtime.migration
    import alembic.script  # noqa: F401
    from sqlalchemy.orm import configure_mappers

    from tracker.db import migrate
    from tracker.db.engine import load_driver

    load_driver()
    configure_mappers()
    migrate.head_revision()  # the migration scripts, read once
    prepared = prepare_engine(location) if location is not None else None
    if prepared is None:
        _first_reads(_memory_engine())
        return
    with prepared.warming() as engine:
        _first_reads(engine)


def _memory_engine() -> Engine:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    return create_engine(
        "sqlite+pysqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
    )


def _first_reads(engine: Engine) -> None:
    """Run the sign-in's and the first screen's reads once on an empty database in
    memory: building, keying and compiling each kind of statement costs Python about
    0.15 s the first time in a process, which would otherwise come after "Sign in".
    Nothing of the user's is opened or read."""
    from tracker.db.base import Base
    from tracker.services import grant_types, grants, pass_on, places, projects, visits

    try:
        Base.metadata.create_all(engine)
        db = Database(DatabaseLocation(url="sqlite://"), engine)
        today = date.today()
        for read in (
            lambda: _database_id(db),
            lambda: _check_user_row(db, "admin", None),
            lambda: audit.check_before_sign_in(db),
            lambda: office.get_office(db, SYSTEM),
            lambda: grant_types.list_grant_types(db, SYSTEM, include_inactive=True),
            lambda: places.place_names(db, SYSTEM),
            lambda: visits.list_visits(db, SYSTEM, "overdue", today=today, limit=200),
            lambda: visits.list_visits(db, SYSTEM, "due", today=today, within_days=14, limit=200),
            lambda: grants.list_handovers(db, SYSTEM, limit=20),
            lambda: projects.list_projects(db, SYSTEM),
            lambda: pass_on.open_obligations(db, SYSTEM, today=today),
        ):
            try:
                read()
            except Exception:  # an empty database may refuse a read: the code is loaded
                log.debug("warm-up read", exc_info=True)
    finally:
        engine.dispose()


def database_file_exists(location: DatabaseLocation) -> bool:
    return location.path is None or Path(location.path).exists()
