"""Backups of the SQLite database: consistent (SQLite backup API), encrypted with the same
key as the database, checked after writing, kept 30 deep, and restored after an integrity
check with the current file kept aside first."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from tracker.config import DatabaseLocation, vault_path
from tracker.db.engine import Database, driver_errors
from tracker.db.migrate import NewerDatabaseError, _config, head_revision
from tracker.db.vault import Vault, atomic_write
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


def check_file(path: Path, key: bytes | None) -> None:
    """Refuse a damaged, truncated, foreign or newer-version database or backup file."""
    if not path.exists() or path.stat().st_size == 0:
        raise ServiceError("database_damaged", None, detail=f"{path.name}: empty or missing")
    db = Database(DatabaseLocation(path=path), key=key)
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
        ws.db.copy_to(target)
        if ws.vault is not None:
            atomic_write(vault_path(target), ws.vault.to_bytes())
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
    location: DatabaseLocation, backup: Path, key: bytes | None, *, now: datetime | None = None
) -> Path:
    """Put a backup in place of the database after checking it. The current file is kept
    aside (renamed, never deleted) and its path returned."""
    assert location.path is not None
    check_file(backup, key)
    now = now or datetime.now(UTC)
    db_path = location.path
    aside = db_path.with_name(f"{db_path.name}.replaced-{_stamp(now)}")
    tmp = db_path.with_name(f".{db_path.name}.restoring")
    shutil.copyfile(backup, tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            side.rename(aside.with_name(aside.name + suffix))
    if db_path.exists():
        db_path.rename(aside)
    os.replace(tmp, db_path)
    keys = vault_path(db_path)
    backup_keys = vault_path(backup)
    if backup_keys.exists():
        try:
            Vault.load(keys)
        except Exception:
            # The current key file is missing or damaged: the backup's copy takes its place.
            atomic_write(keys, backup_keys.read_bytes())
    return aside


def restore_newest_good(location: DatabaseLocation, key: bytes | None) -> tuple[BackupInfo, Path]:
    """After a failed integrity check: restore the newest backup that passes its own."""
    assert location.path is not None
    for info in list_backups(location.path):
        try:
            check_file(info.path, key)
        except (ServiceError, NewerDatabaseError):
            continue
        return info, restore(location, info.path, key)
    raise ServiceError("no_good_backup")
