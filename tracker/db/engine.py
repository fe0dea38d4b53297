"""The one engine factory and session scopes of the app.

Every part of the app reaches the database through :class:`Database`: ``read()`` for a
short read-only session, ``write()`` for one transaction around one user action. On SQLite
a write transaction starts with ``BEGIN IMMEDIATE`` so that two writers queue on the busy
timeout instead of failing half-way; on PostgreSQL the server's row locks do that.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from tracker.config import DatabaseLocation

BUSY_TIMEOUT_MS = 30_000
_WRITE = "tracker_write"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event below decide how transactions start.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _sqlite_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def sqlite_connect(path: Path, key: bytes | None = None) -> Any:
    """A DB-API connection to the SQLite file: SQLCipher with the raw 256-bit key when a
    key is given (no passphrase derivation: the key is random), plain SQLite otherwise."""
    if key is None:
        return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    import sqlcipher3

    conn = sqlcipher3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    # A damaged page is reported to the caller as an error; no log lines on the console.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def driver_errors() -> tuple[type[BaseException], ...]:
    """Errors a damaged or foreign file raises, from SQLAlchemy or straight from a driver."""
    import sqlcipher3
    from sqlalchemy.exc import DatabaseError

    return (DatabaseError, sqlite3.DatabaseError, sqlcipher3.DatabaseError)


def make_engine(location: DatabaseLocation, key: bytes | None = None) -> Engine:
    if location.path is not None:
        path = location.path
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            "sqlite+pysqlite://",
            creator=lambda: sqlite_connect(path, key),
            poolclass=NullPool,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    assert location.url is not None
    return create_engine(location.url, pool_pre_ping=True, pool_size=5, max_overflow=5)


class Database:
    """Engine plus session factories; cheap to pass around, safe to share across threads
    (each call opens its own session)."""

    def __init__(
        self,
        location: DatabaseLocation,
        engine: Engine | None = None,
        *,
        key: bytes | None = None,
    ) -> None:
        self.location = location
        self.encrypted = key is not None
        self._key = key
        self.engine = engine or make_engine(location, key)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(**{_WRITE: True}), expire_on_commit=False
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self._writer() as session, session.begin():
            yield session

    def copy_to(self, target: Path) -> Path:
        """A consistent copy of the SQLite file (backup API, same encryption), written to a
        temporary name, synced, then renamed into place."""
        assert self.location.path is not None, "only a SQLite database can be copied"
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.partial")
        tmp.unlink(missing_ok=True)
        src = sqlite_connect(self.location.path, self._key)
        try:
            dst = sqlite_connect(tmp, self._key)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        return target

    def dispose(self) -> None:
        self.engine.dispose()
