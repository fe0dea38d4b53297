"""The one engine factory and session scopes of the app.

Every part of the app reaches the database through :class:`Database`: ``read()`` for a
short read-only session, ``write()`` for one transaction around one user action. On SQLite
a write transaction starts with ``BEGIN IMMEDIATE`` so that two writers never fail
half-way, and before it each writer waits its turn on a lock file beside the database
(:func:`writer_turn`): the operating system wakes the next waiter as soon as the lock is
free, where SQLite's own busy wait polls ever more slowly and lets a newcomer overtake a
writer that has waited long. On PostgreSQL the server's row locks do that.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import QueuePool

from tracker.config import DatabaseLocation

if TYPE_CHECKING:
    from tracker.db.vault import Keys

BUSY_TIMEOUT_MS = 30_000
#: Overrides the bounded wait for another user's write (milliseconds; tests, busy sites).
ENV_BUSY_TIMEOUT = "TRACKER_BUSY_TIMEOUT_MS"
_WRITE = "tracker_write"
#: Session.info keys: the audit-trail key of this database, and the chain's new head
#: after a transaction appended events.
AUDIT_KEY = "tracker_audit_key"
AUDIT_HEAD = "tracker_audit_head"


def busy_timeout_ms() -> int:
    """How long a read or write waits for another user's write before it gives up with
    :class:`~tracker.i18n.errors.DatabaseBusy` (30 s unless TRACKER_BUSY_TIMEOUT_MS says)."""
    try:
        value = int(os.environ.get(ENV_BUSY_TIMEOUT, ""))
    except ValueError:
        return BUSY_TIMEOUT_MS
    return min(max(value, 0), 600_000)


def is_busy(exc: BaseException) -> bool:
    """A wait for another connection's lock ran out (SQLite "database is locked" or
    "busy"; PostgreSQL's lock_timeout, SQLSTATE 55P03)."""
    orig = getattr(exc, "orig", None) or exc
    if getattr(orig, "sqlstate", None) == "55P03":
        return True
    text = str(orig).lower()
    return isinstance(orig, (sqlite3.OperationalError, *_cipher_operational())) and (
        "database is locked" in text
        or "database is busy" in text
        or "database table is locked" in text
    )


def _cipher_operational() -> tuple[type[BaseException], ...]:
    try:
        import sqlcipher3
    except ImportError:  # pragma: no cover - the package is a dependency
        return ()
    return (sqlcipher3.OperationalError,)


#: What SQLite and SQLCipher say of a page that fails its check or does not parse: a
#: damaged file. Not "file is not a database" (a wrong key, or a damaged header), which
#: the sign-in tells apart itself (``auth._open_checked``).
_DAMAGE_WORDS = ("malformed", "corrupt", "vtable constructor failed")


def is_damaged(exc: BaseException) -> bool:
    """``exc`` (from SQLAlchemy or a driver) says a page of the file is damaged."""
    import sqlcipher3

    orig = getattr(exc, "orig", None) or exc
    if not isinstance(orig, (sqlite3.DatabaseError, sqlcipher3.DatabaseError)):
        return False
    text = str(orig).lower()
    return any(word in text for word in _DAMAGE_WORDS)


def damage_mark(path: Path) -> Path:
    """Beside a database file: damage was found in it, and the next sign-in checks the
    whole file first (then offers the newest good backup)."""
    return path.with_name(path.name + ".damaged")


def mark_damaged(path: Path, problem: str) -> None:
    """Leave the damage mark beside the database file, saying what was found."""
    from tracker.db.vault import atomic_write

    atomic_write(damage_mark(path), problem.encode("utf-8"))


def _damaged(exc: BaseException, path: Path | None) -> BaseException:
    from tracker.i18n.errors import DatabaseDamaged

    orig = getattr(exc, "orig", None) or exc
    detail = (str(orig).strip().splitlines() or [""])[0][:200]
    if path is not None:
        with suppress(OSError):  # the disk itself may be what fails: the message still goes
            mark_damaged(path, detail)
    return DatabaseDamaged(detail)


def _busy(exc: BaseException) -> BaseException:
    from tracker.i18n.errors import DatabaseBusy

    return DatabaseBusy(max(1, round(busy_timeout_ms() / 1000)))


_turns = threading.local()


def _queue_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".writers")


def _try_lock(fd: int) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _wait_lock(fd: int, timeout: float) -> bool:
    """Wait for the lock on ``fd`` at most ``timeout`` seconds. On POSIX the wait blocks in
    the kernel (woken the moment the holder lets go, or dies) on a helper thread, so that
    the caller can give up in time; a wait given up releases the lock as soon as it comes."""
    if os.name == "nt":  # pragma: no cover - Windows: short polls
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                os.close(fd)
                return False
            time.sleep(0.002)
        return True
    import fcntl

    done = threading.Event()
    state = {"abandoned": False, "locked": False}
    guard = threading.Lock()

    def block() -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            locked = True
        except OSError:
            locked = False
        with guard:
            if state["abandoned"]:
                if locked:
                    fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
                return
            state["locked"] = locked
            done.set()

    threading.Thread(target=block, name="writer-turn", daemon=True).start()
    done.wait(timeout)
    with guard:
        if done.is_set():
            if not state["locked"]:
                os.close(fd)
            return state["locked"]
        state["abandoned"] = True  # the thread lets go of the lock and closes the file
    return False


@contextmanager
def writer_turn(db_path: Path, timeout: float | None = None) -> Iterator[None]:
    """One writer at a time on this SQLite file, across processes and threads, in the
    order the operating system wakes them: a lock on ``<file>.writers`` held for a whole
    write transaction. Re-entrant within a thread. A folder where the lock file cannot be
    made (read-only media) leaves the queueing to SQLite's busy wait. A wait that runs
    out raises :class:`~tracker.i18n.errors.DatabaseBusy`."""
    key = str(db_path)
    held: dict[str, int] = getattr(_turns, "held", None) or {}
    _turns.held = held
    if held.get(key):
        held[key] += 1
        try:
            yield
        finally:
            held[key] -= 1
        return
    try:
        fd = os.open(_queue_path(db_path), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield
        return
    wait = busy_timeout_ms() / 1000 if timeout is None else timeout
    if not _try_lock(fd) and not _wait_lock(fd, wait):
        from tracker.i18n.errors import DatabaseBusy

        # ``fd`` is closed by now, or by the wait given up as soon as it ends.
        raise DatabaseBusy(max(1, round(busy_timeout_ms() / 1000)))
    held[key] = 1
    try:
        yield
    finally:
        held.pop(key, None)
        try:
            _unlock(fd)
        finally:
            os.close(fd)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event below decide how transactions start.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def load_driver() -> None:
    """Load the SQLCipher driver (some 10 ms the first time in a process): called while
    the password is typed, so the sign-in does not wait for it."""
    import sqlcipher3  # noqa: F401


def _sqlite_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _cipher_connect(path: Path, key: bytes) -> Any:
    import sqlcipher3

    conn = sqlcipher3.connect(str(path), timeout=busy_timeout_ms() / 1000, check_same_thread=False)
    # A damaged page is reported to the caller as an error; no log lines on the console.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def _opens(conn: Any) -> bool:
    import sqlcipher3

    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        if "not a database" in str(exc):
            return False
        raise
    return True


#: SQLCipher 4's page layout: 4096-byte pages ending in a 16-byte IV and a 64-byte HMAC.
PAGE_SIZE, PAGE_IV, PAGE_RESERVE = 4096, 16, 80
_BTREE_FLAGS = (0x02, 0x05, 0x0A, 0x0D)


def _plausible_page(plain: bytes) -> bool:
    """A decrypted page that starts like an SQLite B-tree page (a wrong key gives noise
    that passes this about once in ten million pages)."""
    usable = PAGE_SIZE - PAGE_RESERVE
    flag, freeblock, cells = plain[0], int.from_bytes(plain[1:3]), int.from_bytes(plain[3:5])
    start, fragments = int.from_bytes(plain[5:7]), plain[7]
    return (
        flag in _BTREE_FLAGS
        and freeblock < usable
        and cells <= usable // 2
        and start <= usable
        and fragments <= 60
    )


def pages_open_with(path: Path, keys: list[bytes], *, pages: int = 16) -> bool:
    """Whether the pages after the first of an encrypted file decrypt with one of ``keys``
    into B-tree pages. When SQLCipher refuses the file ("not a database") but this holds,
    the key is right and the file's first page (its header, the first 4 KB) is damaged."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    try:
        with open(path, "rb") as fh:
            fh.seek(PAGE_SIZE)
            data = fh.read(PAGE_SIZE * pages)
    except OSError:
        return False
    for key in keys:
        for at in range(0, len(data) - PAGE_SIZE + 1, PAGE_SIZE):
            page = data[at : at + PAGE_SIZE]
            body = page[: PAGE_SIZE - PAGE_RESERVE]
            iv = page[PAGE_SIZE - PAGE_RESERVE : PAGE_SIZE - PAGE_RESERVE + PAGE_IV]
            decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
            if _plausible_page(decryptor.update(body) + decryptor.finalize()):
                return True
    return False


def sqlite_connect(path: Path, key: bytes | Keys | None = None) -> Any:
    """A DB-API connection to the SQLite file: SQLCipher with the raw 256-bit key when a
    key is given (no passphrase derivation: the key is random), plain SQLite otherwise.

    With a signed-in account's :class:`~tracker.db.vault.Keys`, the key is the one the key
    file names now; when another process has just changed it (or a change was cut short),
    the key file is read again and the pending key tried too."""
    if key is None:
        return sqlite3.connect(str(path), timeout=busy_timeout_ms() / 1000, check_same_thread=False)
    if isinstance(key, bytes):
        return _cipher_connect(path, key)
    return connect_with_keys(path, key)[0]


def connect_with_keys(path: Path, keys: Keys) -> tuple[Any, bytes]:
    """A connection and the key that opened it (see :func:`sqlite_connect`)."""
    first = keys.current()
    conn = _cipher_connect(path, first)
    if not path.exists() or _opens(conn):
        return conn, first
    conn.close()
    keys.refresh(force=True)
    for candidate in keys.candidates():
        conn = _cipher_connect(path, candidate)
        if _opens(conn):
            return conn, candidate
        conn.close()
    return _cipher_connect(path, first), first  # the caller's first read reports the error


def rekey(
    path: Path,
    old: bytes,
    new: bytes,
    progress: Callable[[float], None] | None = None,
) -> None:
    """Re-encrypt the SQLite file with a new key (SQLCipher ``PRAGMA rekey``), in one
    transaction: the write lock is taken first (waiting for other writers up to the busy
    timeout), every page is written to the write-ahead log under the new key and committed
    at once, so a crash leaves the file readable with the old key or with the new one,
    never a mix. ``progress`` gets the share done (0-1), judged by the log's growth."""
    import sqlcipher3

    conn = _cipher_connect(path, old)
    try:
        conn.isolation_level = None
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        if not _opens(conn):
            raise sqlcipher3.DatabaseError("file is not a database")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("BEGIN IMMEDIATE")
        size = max(path.stat().st_size, 1)
        wal = path.with_name(path.name + "-wal")
        done = threading.Event()

        def watch() -> None:
            while not done.wait(0.2):
                try:
                    share = wal.stat().st_size / size
                except OSError:
                    share = 0.0
                if progress is not None:
                    progress(min(share, 0.99))

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        try:
            conn.execute(f"PRAGMA rekey = \"x'{new.hex()}'\"")
            if conn.in_transaction:
                conn.execute("COMMIT")
        finally:
            done.set()
            watcher.join()
        # Fold the log back into the file while nobody waits for it.
        with suppress(sqlcipher3.DatabaseError):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if progress is not None:
            progress(1.0)
    finally:
        conn.close()


def driver_errors() -> tuple[type[BaseException], ...]:
    """Errors a damaged or foreign file raises, from SQLAlchemy or straight from a driver."""
    import sqlcipher3
    from sqlalchemy.exc import DatabaseError

    return (DatabaseError, sqlite3.DatabaseError, sqlcipher3.DatabaseError)


def _still_opens(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """A kept connection is checked when it is taken from the pool: after another process
    gave the file a new key, a connection opened with the old key reads nothing, and the
    pool opens a fresh one (through the key file) instead."""
    try:
        dbapi_connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as exc:
        if "not a database" in str(exc) or "encrypted" in str(exc):
            raise DisconnectionError(str(exc)) from exc
        raise


#: Connections kept open per SQLite database: the window's thread and the two workers,
#: with room for a writer that waits on the busy timeout.
POOL_SIZE = 4


def make_engine(
    location: DatabaseLocation,
    key: bytes | Keys | None = None,
    *,
    connect: Callable[[], Any] | None = None,
) -> Engine:
    """The engine of a database; on SQLite, ``connect`` (instead of opening the file with
    ``key``) makes its connections (:class:`PreparedEngine`)."""
    if location.path is not None:
        path = location.path
        path.parent.mkdir(parents=True, exist_ok=True)
        # Connections are kept open: on an encrypted file, opening one means applying the
        # key and reading the schema again, which costs far more than most reads. The key
        # stays applied to the kept connections only while the database is in use:
        # ``Database.release`` (called when the screen locks and on sign-out) closes them,
        # and a new key (``change_key``) is followed by the same, so no connection keyed
        # with an old key stays open.
        engine = create_engine(
            "sqlite+pysqlite://",
            creator=connect or (lambda: sqlite_connect(path, key)),
            poolclass=QueuePool,
            pool_size=POOL_SIZE,
            max_overflow=8,
            pool_timeout=BUSY_TIMEOUT_MS / 1000,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        if key is not None or connect is not None:
            event.listen(engine, "checkout", _still_opens)
        return engine
    assert location.url is not None
    engine = create_engine(location.url, pool_pre_ping=True, pool_size=5, max_overflow=5)
    if engine.dialect.name == "postgresql":
        # The same bounded wait for another user's row or table lock as on SQLite.
        event.listen(engine, "connect", _pg_lock_timeout)
    return engine


def _pg_lock_timeout(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"SET lock_timeout = {int(busy_timeout_ms())}")
    finally:
        cursor.close()
    dbapi_connection.commit()


class PreparedEngine:
    """The engine of an encrypted SQLite file, made before its key is known (while the
    password is typed), so that the first screen's statements can be compiled into it
    then: SQLAlchemy keeps compiled statements per engine, and compiling them costs Python
    some 30 ms after "Sign in" otherwise.

    Until :meth:`take` gives it the key, its connections go to an empty database in
    memory: nothing of the file is opened. :meth:`take` closes those connections first,
    so every connection after it is the file's, keyed."""

    def __init__(self, location: DatabaseLocation) -> None:
        assert location.path is not None
        self.location = location
        self._key: bytes | Keys | None = None
        self._lock = threading.Lock()
        self.engine = make_engine(location, connect=self._connect)

    def _connect(self) -> Any:
        if self._key is None:
            import sqlcipher3

            return sqlcipher3.connect(":memory:", check_same_thread=False)
        assert self.location.path is not None
        return sqlite_connect(self.location.path, self._key)

    @contextmanager
    def warming(self) -> Iterator[Engine]:
        """The engine, over its database in memory, for compiling statements; nothing of
        that database is kept but the statements compiled."""
        with self._lock:
            if self._key is not None:
                raise RuntimeError("the engine already has its key")
            try:
                yield self.engine
            finally:
                self.engine.dispose()

    def take(self, location: DatabaseLocation, key: bytes | Keys) -> Engine | None:
        """The engine, from now on for the file with ``key``; None when it was made for
        another database, was taken already, or is still being warmed (a fresh engine
        then does as well)."""
        if location != self.location or not self._lock.acquire(blocking=False):
            return None
        try:
            if self._key is not None:
                return None
            self.engine.dispose()  # the connections to memory go first
            self._key = key
            return self.engine
        finally:
            self._lock.release()


_prepared: PreparedEngine | None = None


def prepare_engine(location: DatabaseLocation) -> PreparedEngine | None:
    """Make the engine the sign-in to ``location`` will take (an encrypted SQLite file
    only), replacing one made for another."""
    global _prepared
    if location.path is None:
        return None
    _prepared = PreparedEngine(location)
    return _prepared


def take_prepared_engine(location: DatabaseLocation, key: bytes | Keys) -> Engine | None:
    """The engine :func:`prepare_engine` made for ``location``, given ``key``; once."""
    global _prepared
    prepared = _prepared
    if prepared is None:
        return None
    engine = prepared.take(location, key)
    if engine is not None:
        _prepared = None
    return engine


class Database:
    """Engine plus session factories; cheap to pass around, safe to share across threads
    (each call opens its own session)."""

    def __init__(
        self,
        location: DatabaseLocation,
        engine: Engine | None = None,
        *,
        key: bytes | Keys | None = None,
    ) -> None:
        self.location = location
        self.encrypted = key is not None
        self._key = key
        #: For a write transaction that appended audit events: called with the session
        #: and the chain's new head just before the commit (to prepare the copy of the
        #: head kept in the key file), then with what it returned once committed.
        self.on_audit_head: Callable[[Session, Any], Any] | None = None
        self.after_audit_commit: Callable[[Any], None] | None = None
        self.engine = engine or make_engine(location, key)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(**{_WRITE: True}), expire_on_commit=False
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def keys(self) -> Keys | None:
        """The signed-in account's keys, when the file is opened through its key file."""
        from tracker.db.vault import Keys

        return self._key if isinstance(self._key, Keys) else None

    def _prepare(self, session: Session) -> None:
        keys = self.keys
        if keys is not None and keys.audit_key is not None:
            session.info[AUDIT_KEY] = keys.audit_key

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session; a wait for another user's lock that runs out raises
        :class:`~tracker.i18n.errors.DatabaseBusy`, a damaged page
        :class:`~tracker.i18n.errors.DatabaseDamaged`."""
        try:
            with self._reader() as session:
                self._prepare(session)
                with session.begin():
                    yield session
        except driver_errors() as exc:
            if is_busy(exc):
                raise _busy(exc) from exc
            if is_damaged(exc):
                raise _damaged(exc, self.location.path) from exc
            raise

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error (a
        record another PC saved in between raises
        :class:`~tracker.i18n.errors.EditConflict`). The
        write lock is waited for a bounded time (:func:`busy_timeout_ms`), then
        :class:`~tracker.i18n.errors.DatabaseBusy` says so and nothing is changed."""
        path = self.location.path if self.is_sqlite else None
        if path is None:
            with self._write() as session:
                yield session
            return
        with writer_turn(path), self._write() as session:
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        prepared = None
        try:
            with self._writer() as session:
                self._prepare(session)
                with session.begin():
                    yield session
                    head = session.info.pop(AUDIT_HEAD, None)
                    if head is not None and self.on_audit_head is not None:
                        prepared = self.on_audit_head(session, head)
        except StaleDataError as exc:
            # A record's version changed between this transaction's read and its update
            # (another PC saved it in between): nothing of this one is written.
            from tracker.i18n.errors import EditConflict

            raise EditConflict("record", "", "", "") from exc
        except driver_errors() as exc:
            if is_busy(exc):
                raise _busy(exc) from exc
            if is_damaged(exc):
                raise _damaged(exc, self.location.path) from exc
            raise
        if prepared is not None and self.after_audit_commit is not None:
            self.after_audit_commit(prepared)

    def copy_to(self, target: Path) -> Path:
        """A consistent copy of the SQLite file (backup API, same encryption), written to a
        temporary name, synced, then renamed into place."""
        assert self.location.path is not None, "only a SQLite database can be copied"
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.partial")
        tmp.unlink(missing_ok=True)
        keys = self.keys
        key: bytes | None
        if keys is not None:
            src, key = connect_with_keys(self.location.path, keys)
        else:
            key = self._key if isinstance(self._key, bytes) else None
            src = sqlite_connect(self.location.path, key)
        try:
            dst = sqlite_connect(tmp, key)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        if keys is not None:
            # Beside the copy, a key file that opens it for the same accounts (rewritten
            # with the others when an account is disabled).
            from tracker.db.vault import copy_key_file

            copy_key_file(keys, target, key)
        return target

    def release(self) -> None:
        """Close the connections kept open (the next read opens a fresh one). Called when
        the screen locks and after the file got a new key."""
        self.engine.dispose()

    def dispose(self) -> None:
        self.engine.dispose()
