"""Schema versions: Alembic at startup, a copy of the file before any upgrade, and a
refusal to open a database written by a newer version of the app."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.db.engine import Database

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Alembic is imported when a schema is looked at, not with this module: the sign-in dialog
# is painted before it is needed (on the worker, at sign-in).


class NewerDatabaseError(RuntimeError):
    """The database was written by a newer version of Grant Tracker."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            f"This database was written by a newer version of Grant Tracker "
            f"(schema {revision}). Install the newer version to open it; nothing was changed."
        )
        self.revision = revision


def migrations_dir() -> Path:
    """The Alembic scripts: package data beside this module (in a checkout, a wheel and a
    PyInstaller bundle alike, where this module's ``__file__`` is under ``sys._MEIPASS``)."""
    return Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


_scripts_lock = threading.Lock()
_scripts: dict[Path, ScriptDirectory] = {}


def _script_directory() -> ScriptDirectory:
    """This version's migration scripts, read once per process (the sign-in's warm-up
    reads them while the password is typed)."""
    folder = migrations_dir()
    with _scripts_lock:
        if folder not in _scripts:
            from alembic.script import ScriptDirectory

            scripts = ScriptDirectory.from_config(_config())
            scripts.get_current_head()  # reads every script
            _scripts[folder] = scripts
        return _scripts[folder]


def head_revision() -> str:
    head = _script_directory().get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_before_upgrade(db: Database, revision: str) -> Path:
    """Copy the SQLite file with the backup API (consistent even with a WAL) next to it."""
    path = db.location.path
    assert path is not None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return db.copy_to(path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix}"))


def upgrade(db: Database) -> Path | None:
    """Bring the schema to this version's head. Returns the pre-upgrade copy, if one was made."""
    from alembic import command

    cfg = _config()
    script = _script_directory()
    head = script.get_current_head()
    current = current_revision(db)
    if current == head:
        return None
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise NewerDatabaseError(current) from exc
    copy = None
    if current is not None and db.location.path is not None and db.location.path.exists():
        copy = backup_before_upgrade(db, current)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return copy
