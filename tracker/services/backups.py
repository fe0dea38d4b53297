"""Backups of the SQLite database: consistent (SQLite backup API), encrypted with the same
key as the database, checked after writing, kept 30 deep, and restored after an integrity
check with the current file kept aside first."""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from tracker.config import DatabaseLocation, vault_path
from tracker.db.engine import Database, driver_errors
from tracker.db.migrate import NewerDatabaseError, _config, head_revision
from tracker.db.vault import Keys, Vault, VaultError, atomic_write, copy_key_file
from tracker.services import audit
from tracker.services.auth import AuthError, Workspace
from tracker.services.errors import ServiceError

KEEP = 30
DAILY = timedelta(hours=24)
SUFFIX = ".backup.db"


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
        raise ServiceError("database_damaged", None, detail=f"{path.name}: empty or missing")
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
    """Write a checked backup (and a copy of the key file beside it) and prune old ones."""
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


def restore(
    location: DatabaseLocation,
    backup: Path,
    key: bytes | Keys | None,
    *,
    now: datetime | None = None,
) -> Path:
    """Put a backup in place of the database after checking it. The current file is kept
    aside (renamed, never deleted, with a key file that opens it) and its path returned.

    A backup written with an older database key is re-encrypted with the present one
    before it takes the database's place: a restore never brings an older key back."""
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
    if keys is not None and present is not None:
        # The chain's end is now the backup's: the copy of it in the key file follows.
        restored = Database(location, key=keys)
        try:
            audit.reanchor(restored)
        except (OSError, VaultError):
            pass
        finally:
            restored.dispose()
    return aside


def restore_newest_good(
    location: DatabaseLocation, key: bytes | Keys | None
) -> tuple[BackupInfo, Path]:
    """After a failed integrity check: restore the newest backup that passes its own."""
    assert location.path is not None
    for info in list_backups(location.path):
        try:
            check_file(info.path, key)
        except (ServiceError, NewerDatabaseError):
            continue
        return info, restore(location, info.path, key)
    raise ServiceError("no_good_backup")
