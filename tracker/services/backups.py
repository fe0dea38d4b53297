"""Backups of the SQLite database: consistent (SQLite backup API), encrypted with the same
key as the database, checked after writing, kept 30 deep, and restored after an integrity
check with the current file kept aside first."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from tracker.config import DatabaseLocation, vault_path
from tracker.db import pg_backup
from tracker.db.engine import Database, driver_errors, pages_open_with
from tracker.db.migrate import NewerDatabaseError, _config, head_revision, upgrade
from tracker.db.pg_backup import PgToolError
from tracker.db.vault import (
    Keys,
    Vault,
    VaultError,
    atomic_write,
    copy_key_file,
    unlock,
    unlock_recovery,
)
from tracker.domain.vocab import MIN_PASSPHRASE
from tracker.services import audit
from tracker.services.auth import AuthError, Workspace, _attach, _auth_error
from tracker.services.context import RECOVERY_KEY, SYSTEM, Actor
from tracker.services.errors import PermissionDenied, ServiceError, ValidationError

KEEP = 30
DAILY = timedelta(hours=24)
SUFFIX = ".backup.db"
#: The backups the app takes by itself, into its own folder: open to every role.
AUTOMATIC = ("daily", "close")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups" / db_path.stem


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S%fZ")


def _parse_stamp(name: str) -> datetime | None:
    stem = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name
    try:
        return datetime.strptime(stem.rsplit("-", 1)[-1], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of a database, newest first."""
    folder = folder or backup_folder(db_path)
    found = []
    if folder.is_dir():
        for p in folder.glob(f"*{SUFFIX}"):
            taken = _parse_stamp(p.name)
            if taken is not None:
                found.append(BackupInfo(p, taken, p.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _opens_with(path: Path, key: bytes) -> bool:
    from tracker.db.engine import sqlite_connect

    try:
        conn = sqlite_connect(path, key)
    except driver_errors():
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver_errors():
        return False
    finally:
        conn.close()
    return True


def file_key(path: Path, key: bytes | Keys | None) -> bytes | None:
    """The key a copy of the database (a backup) was written with: the key of the
    generation its key file names, from the signed-in account's keys (a backup taken
    before the database got a new key keeps the older one). Without a key file of this
    database, every key the account knows is tried."""
    if key is None or isinstance(key, bytes):
        return key
    try:
        copy = Vault.load(vault_path(path))
    except VaultError:
        copy = None
    if copy is not None and copy.database_id == key.database_id:
        found = key.key_for(copy.own_generation)
        if found is not None:
            return found
    for candidate in key.all_keys():
        if _opens_with(path, candidate):
            return candidate
    return key.current()


def check_file(path: Path, key: bytes | Keys | None) -> None:
    """Refuse a damaged, truncated, foreign or newer-version database or backup file."""
    if not path.exists() or path.stat().st_size == 0:
        raise ServiceError("database_empty", None, path=str(path))
    db = Database(DatabaseLocation(path=path), key=file_key(path, key))
    try:
        with db.engine.connect() as conn:
            rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check")).fetchall()]
            if rows != ["ok"]:
                raise ServiceError("database_damaged", None, detail="; ".join(rows[:3]))
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except driver_errors() as exc:
        detail = str(getattr(exc, "orig", None) or exc)
        if "not a database" in detail:
            keys = key.all_keys() if isinstance(key, Keys) else [key] if key else []
            if pages_open_with(path, keys):
                raise AuthError("database_header_damaged", path=str(path)) from exc
            raise AuthError("wrong_database") from exc
        raise ServiceError("database_damaged", None, detail=detail) from exc
    finally:
        db.dispose()
    if version is None:
        raise ServiceError("database_damaged", None, detail="no schema version")
    from alembic.script import ScriptDirectory

    try:
        ScriptDirectory.from_config(_config()).get_revision(version)
    except Exception as exc:
        raise NewerDatabaseError(str(version)) from exc
    _ = head_revision()


def backup_now(
    ws: Workspace,
    *,
    folder: Path | None = None,
    reason: str = "manual",
    now: datetime | None = None,
    keep: int | None = KEEP,
) -> BackupInfo:
    """Write a checked backup (and a copy of the key file beside it) and prune old ones.
    The app's own daily and closing backups are taken for every role; a backup asked for
    (or onto a USB stick) only by staff who write (not a viewer)."""
    automatic = reason in AUTOMATIC and folder is None
    ws.actor.require("backup.auto" if automatic else "backup.write")
    db_path = ws.db.location.path
    if db_path is None:
        raise ServiceError("no_backup_postgres")
    now = now or datetime.now(UTC)
    folder = folder or backup_folder(db_path)
    target = folder / f"{db_path.stem}-{_stamp(now)}{SUFFIX}"
    try:
        # The copy gets its key file beside it (see Database.copy_to).
        ws.db.copy_to(target)
        check_file(target, ws.key)
    except OSError as exc:
        for p in (target, vault_path(target)):
            p.unlink(missing_ok=True)
        raise ServiceError("backup_failed", None, detail=exc.strerror or str(exc)) from exc
    with ws.db.write() as s:
        audit.record(
            s, ws.actor, "backup", "database", None, after={"file": target.name, "reason": reason}
        )
    if keep is not None:
        for old in list_backups(db_path, folder)[keep:]:
            old.path.unlink(missing_ok=True)
            vault_path(old.path).unlink(missing_ok=True)
    return BackupInfo(target, now, target.stat().st_size)


def backup_if_due(ws: Workspace, *, now: datetime | None = None) -> BackupInfo | None:
    """The daily automatic backup: taken when the newest one is a day old or more."""
    if ws.db.location.path is None:
        return None
    now = now or datetime.now(UTC)
    newest = next(iter(list_backups(ws.db.location.path)), None)
    if newest is not None and now - newest.taken_at < DAILY:
        return None
    return backup_now(ws, reason="daily", now=now)


def actor_in(backup: Path, key: bytes | Keys | None, username: str) -> Actor:
    """The account ``username`` as a backup holds it (when the database itself cannot be
    read, its role is known only from there). Not there or disabled: PermissionDenied."""
    name = (username or "").strip().lower()
    db = Database(DatabaseLocation(path=backup), key=file_key(backup, key))
    try:
        with db.engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT id, username, role, full_name, active FROM app_user WHERE username = :n"
                ),
                {"n": name},
            ).first()
    except driver_errors() as exc:
        detail = str(getattr(exc, "orig", None) or exc)
        raise ServiceError("database_damaged", None, detail=detail) from exc
    finally:
        db.dispose()
    if row is None or not row[4]:
        raise PermissionDenied("—", "backup.restore")
    return Actor(int(row[0]), str(row[1]), str(row[2]), str(row[3]))


def restore(
    location: DatabaseLocation,
    backup: Path,
    key: bytes | Keys | None,
    actor: Actor,
    *,
    now: datetime | None = None,
    why: str = "chosen",
) -> Path:
    """Put a backup in place of the database after checking it (administrators, or the
    recovery key). The current file is kept aside (renamed, never deleted, with a key file
    that opens it) and its path returned; the restore is an event of the restored trail.

    A backup written with an older database key is re-encrypted with the present one
    before it takes the database's place: a restore never brings an older key back."""
    actor.require("backup.restore")
    assert location.path is not None
    check_file(backup, key)
    backup_key = file_key(backup, key)
    now = now or datetime.now(UTC)
    db_path = location.path
    aside = db_path.with_name(f"{db_path.name}.replaced-{_stamp(now)}")
    tmp = db_path.with_name(f".{db_path.name}.restoring")
    shutil.copyfile(backup, tmp)
    for suffix in ("-wal", "-shm"):
        db_path.with_name(tmp.name + suffix).unlink(missing_ok=True)
    keys = key if isinstance(key, Keys) else None
    present: bytes | None = None
    main_keys = vault_path(db_path)
    if keys is not None:
        try:
            Vault.load(main_keys)
            present = keys.current()
        except VaultError:
            # No usable key file beside the database: the backup's own takes its place
            # below, and the backup keeps the key that file names.
            present = None
    if keys is not None and present is not None and backup_key not in (None, present):
        from tracker.db.engine import rekey

        assert backup_key is not None
        rekey(tmp, backup_key, present)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    if keys is not None and present is not None and db_path.exists():
        # The file put aside opens with the present key, as its key file says.
        with contextlib.suppress(OSError, VaultError):
            copy_key_file(keys, aside, present)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            side.rename(aside.with_name(aside.name + suffix))
    if db_path.exists():
        db_path.rename(aside)
    os.replace(tmp, db_path)
    backup_keys = vault_path(backup)
    if backup_keys.exists():
        try:
            Vault.load(main_keys)
        except Exception:
            # The current key file is missing or damaged: the backup's copy takes its place.
            atomic_write(main_keys, backup_keys.read_bytes())
    opened = keys if keys is not None and present is not None else backup_key
    restored = _attach(Database(location, key=opened))
    try:
        if keys is not None and present is not None:
            # The chain's end is now the backup's: the copy of it in the key file follows.
            with contextlib.suppress(OSError, VaultError):
                audit.reanchor(restored)
        upgrade(restored)
        with restored.write() as s:
            # The account as the restored file knows it (it may be newer than the backup).
            user_id = s.execute(
                text("SELECT id FROM app_user WHERE username = :n"), {"n": actor.username}
            ).scalar_one_or_none()
            audit.record(
                s,
                replace(actor, user_id=user_id),
                "restore",
                "database",
                None,
                after={
                    "file": backup.name,
                    "taken_at": (_parse_stamp(backup.name) or now).isoformat(),
                    "kept_aside": aside.name if aside.exists() else None,
                    "why": why,
                },
            )
    finally:
        restored.dispose()
    return aside


def good_backups(location: DatabaseLocation, key: bytes | Keys | None) -> Iterator[BackupInfo]:
    """The backups that pass their own check with ``key``, newest first."""
    assert location.path is not None
    for info in list_backups(location.path):
        try:
            check_file(info.path, key)
        except (ServiceError, NewerDatabaseError):
            continue
        yield info


def may_restore(location: DatabaseLocation, key: bytes | Keys | None, username: str) -> bool:
    """Whether ``username`` may restore the newest good backup: an active administrator
    there (the damaged database cannot tell)."""
    newest = next(good_backups(location, key), None)
    if newest is None:
        return False
    try:
        return actor_in(newest.path, key, username).can("backup.restore")
    except ServiceError:
        return False


def restore_newest_good(
    location: DatabaseLocation, key: bytes | Keys | None, by: Actor | str
) -> tuple[BackupInfo, Path]:
    """After a failed integrity check: restore the newest backup that passes its own.
    ``by`` is the signed-in actor, or the user name of someone who could not sign in to
    the damaged file (their role is read from that backup: only an administrator)."""
    if isinstance(by, Actor):
        by.require("backup.restore")
    for info in good_backups(location, key):
        actor = by if isinstance(by, Actor) else actor_in(info.path, key, by)
        return info, restore(location, info.path, key, actor, why="damaged")
    raise ServiceError("no_good_backup")


def _copies_newest_first(location: DatabaseLocation) -> list[Path]:
    """The key file beside the database, then those beside its backups, newest first."""
    assert location.path is not None
    return [vault_path(location.path)] + [vault_path(b.path) for b in list_backups(location.path)]


def unlock_for_restore(
    location: DatabaseLocation,
    *,
    username: str = "",
    password: str = "",
    recovery_code: str = "",
) -> tuple[Keys, Actor | str]:
    """The keys to restore with when the database (or its key file) is damaged: from the
    key file beside it, else from the copy beside the newest backup that opens. With the
    recovery key the restore acts as the recovery key; with a password, as that user:
    their account in the database when it can still be read, else in the backup. Wrong
    tries are counted as at sign-in."""
    if location.path is None:
        raise ServiceError("no_backup_postgres")
    last: VaultError | None = None
    for path in _copies_newest_first(location):
        if not path.exists():
            continue
        try:
            if recovery_code:
                _vault, keys = unlock_recovery(path, recovery_code)
                return keys, RECOVERY_KEY
            _vault, keys = unlock(path, username.strip().lower(), password)
        except VaultError as exc:
            if exc.key not in (
                "vault_missing",
                "vault_damaged",
                "vault_invalid",
                "recovery_slot_damaged",
            ):
                raise _auth_error(exc) from exc
            last = exc
            continue
        if path == vault_path(location.path):
            # The database may still be readable: then its own account decides (someone
            # no longer an administrator does not restore as one from an older backup).
            try:
                return keys, actor_in(location.path, keys, username)
            except PermissionDenied:
                raise
            except ServiceError:
                pass
        return keys, username
    if last is not None:
        raise _auth_error(last) from last
    raise ServiceError("no_good_backup")


def restore_after_damage(
    location: DatabaseLocation,
    backup: Path | None = None,
    *,
    username: str = "",
    password: str = "",
    recovery_code: str = "",
) -> tuple[BackupInfo, Path]:
    """The way back from a damaged database or key file, before anyone can sign in: the
    newest good backup (or ``backup``), restored by an administrator (password) or the
    recovery key. Returns the backup restored and where the replaced file was kept."""
    keys, by = unlock_for_restore(
        location, username=username, password=password, recovery_code=recovery_code
    )
    if backup is None:
        return restore_newest_good(location, keys, by)
    check_file(backup, keys)
    actor = by if isinstance(by, Actor) else actor_in(backup, keys, by)
    taken = _parse_stamp(backup.name) or datetime.fromtimestamp(backup.stat().st_mtime, UTC)
    info = BackupInfo(backup, taken, backup.stat().st_size)
    return info, restore(location, backup, keys, actor, why="chosen")


def may_restore_after_damage(
    location: DatabaseLocation, *, username: str = "", password: str = "", recovery_code: str = ""
) -> bool:
    """Whether these credentials may restore the newest good backup (see
    :func:`restore_after_damage`): the recovery key, or an active administrator there."""
    try:
        keys, by = unlock_for_restore(
            location, username=username, password=password, recovery_code=recovery_code
        )
    except ServiceError:
        return False
    if isinstance(by, Actor):
        return by.can("backup.restore") and next(good_backups(location, keys), None) is not None
    return may_restore(location, keys, by)


# --- PostgreSQL ------------------------------------------------------------------------


def _pg_error(exc: PgToolError) -> ServiceError:
    if exc.reason == "missing":
        return ServiceError("pg_tool_missing", None, tool=exc.detail)
    if exc.reason == "passphrase":
        return ValidationError("backup_passphrase_wrong", "passphrase", name=exc.detail)
    if exc.reason == "not_backup":
        return ValidationError("not_a_pg_backup", "file", name=exc.detail)
    return ServiceError("backup_failed", None, detail=exc.detail or exc.reason)


def backup_postgres(
    ws: Workspace,
    folder: Path,
    passphrase: str,
    *,
    now: datetime | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> BackupInfo:
    """An encrypted ``pg_dump`` of the PostgreSQL database into ``folder`` (a USB stick,
    the server's backup disk), checked by ``pg_restore --list`` before it takes its name,
    and in the audit trail."""
    ws.actor.require("backup.write")
    location = ws.db.location
    if location.url is None or location.path is not None:
        raise ServiceError("backup_not_postgres")
    if not isinstance(passphrase, str) or len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError("passphrase_needed", "passphrase", min=MIN_PASSPHRASE)
    now = now or datetime.now(UTC)
    database = make_url(location.url).database or "tracker"
    target = Path(folder) / f"{database}-{_stamp(now)}{pg_backup.SUFFIX}"
    try:
        size = pg_backup.dump(location.url, target, passphrase, should_stop=should_stop)
    except PgToolError as exc:
        raise _pg_error(exc) from exc
    except OSError as exc:
        raise ServiceError("backup_failed", None, detail=exc.strerror or str(exc)) from exc
    with ws.db.write() as s:
        audit.record(
            s, ws.actor, "backup", "database", None, after={"file": target.name, "reason": "pg"}
        )
    return BackupInfo(target, now, size)


def restore_postgres(owner_url: str, source: Path, passphrase: str) -> None:
    """Put an encrypted ``pg_dump`` back in place of the database, as its owner (the one
    who made the schema): all of it in one transaction, or nothing. The restored trail
    then says who restored what."""
    source = Path(source)
    if not source.is_file():
        raise ValidationError("not_a_pg_backup", "file", name=str(source))
    try:
        pg_backup.restore(owner_url, source, passphrase)
    except PgToolError as exc:
        raise _pg_error(exc) from exc
    db = Database(DatabaseLocation(url=owner_url))
    try:
        with db.write() as s:
            audit.record(s, SYSTEM, "restore", "database", None,
                         after={"file": source.name})  # fmt: skip
    finally:
        db.dispose()
