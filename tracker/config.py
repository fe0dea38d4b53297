"""Where the app keeps its files, where its own resources are, and which database it opens.

Order of precedence for the database: ``--db-url`` / ``DATABASE_URL`` (PostgreSQL for a
provincial office), then ``--db PATH`` / ``TRACKER_DB``, then ``tracker.db`` in the user's
data folder. ``TRACKER_DATA_DIR`` moves the whole data folder (portable installs, tests).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from tracker import APP_NAME

ENV_DATA_DIR = "TRACKER_DATA_DIR"
ENV_DB = "TRACKER_DB"
ENV_DB_URL = "DATABASE_URL"
DEFAULT_DB_NAME = "tracker.db"


def resources_dir() -> Path:
    """The app's own files (fonts, icons, translations, the import template): ``resources/``
    beside ``tracker`` in a checkout and in a PyInstaller bundle (``sys._MEIPASS``), or
    ``tracker/resources`` where a wheel installed them."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    return installed if installed.is_dir() else package.parent / "resources"


def data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def backup_dir() -> Path:
    return data_dir() / "backups"


def vault_path(db_path: Path) -> Path:
    """The key file kept beside a database file (and beside each backup of it)."""
    return db_path.with_name(db_path.name + ".keys")


@dataclass(frozen=True)
class DatabaseLocation:
    """Either a SQLite file path or a server URL."""

    path: Path | None = None
    url: str | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    def describe(self) -> str:
        if self.path is not None:
            return str(self.path)
        from sqlalchemy.engine import make_url

        return make_url(self.url or "").render_as_string(hide_password=True)


def resolve_database(db_path: str | None = None, db_url: str | None = None) -> DatabaseLocation:
    """Pick the database from the command line first, then the environment, then the default."""
    url = db_url or (None if db_path else os.environ.get(ENV_DB_URL))
    if url:
        if url.startswith("sqlite"):
            from sqlalchemy.engine import make_url

            database = make_url(url).database
            if database:
                return DatabaseLocation(path=Path(database).expanduser().resolve())
        return DatabaseLocation(url=url)
    path = db_path or os.environ.get(ENV_DB)
    if path:
        return DatabaseLocation(path=Path(path).expanduser().resolve())
    return DatabaseLocation(path=data_dir() / DEFAULT_DB_NAME)
