"""Key slots for the encrypted database file, and the keys a signed-in user holds.

The SQLite file is a SQLCipher database opened with a random 256-bit *database key*. The
key file beside it (``tracker.db.keys``) never holds that key in clear:

* Every account has a *slot*: its own X25519 key pair, the private half wrapped
  (AES-256-GCM) with a key derived from the password by Argon2id, the public half in clear.
  The recovery key has a slot of the same kind.
* The database key is *sealed* to every slot's public key (X25519, HKDF-SHA256,
  AES-256-GCM). So an administrator can give the database a new key and hand it to every
  remaining account without knowing their passwords: that is how disabling an account or
  resetting a password ends that password's access (:meth:`Vault.begin_rotation`).
* A small *box*, encrypted with the current database key, holds the audit-trail key and
  every older database key (``history``), so that the current accounts and the recovery
  key still open backups taken before a change of key; and the office's Ed25519 signing
  key, which signs every export's manifest (an office set up before signing existed gets
  one at an administrator's next sign-in: :meth:`Vault.add_signing_key`).
* ``pending`` records a change of key in progress: the database opens with either the
  ``generation`` key or the ``pending`` one, whichever a crash left it with, and the next
  sign-in finishes the change.
* Failed sign-ins are counted in the slot (or, for a user name that does not exist, in a
  *ghost* counter, so that both behave alike) under a lock on the key file.

Key files written by earlier versions (format 1: each slot wrapped the database key itself
with the password) still open; a slot is rewritten in the new form at its owner's next
sign-in. Every value read from a key file is checked against fixed bounds first.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from tracker.config import vault_path as vault_path  # where the key file lives
from tracker.disk import sync_folder
from tracker.i18n.errors import ServiceError

FORMAT = 2
READABLE_FORMATS = (1, 2)
KEY_BYTES = 32
# Argon2id parameters (RFC 9106 second recommendation, lighter memory for old office PCs).
KDF = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 2}
#: Fixed bounds for the Argon2id parameters read from a key file: a file may not make a
#: sign-in fail with a traceback (time_cost 0) or run for hours (time_cost 1,000,000).
KDF_BOUNDS = {"time_cost": (1, 10), "memory_cost": (8, 1024 * 1024), "parallelism": (1, 16)}
#: time_cost x memory_cost (KiB) at most: 4 passes over 1 GiB, or 10 over 400 MiB.
KDF_MAX_WORK = 4 * 1024 * 1024
MAX_FAILURES = 5
BASE_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(days=1)
RECOVERY_GROUPS = 8  # 8 groups of 5 base32 characters: 40 chars, 200 bits with a check
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_SLOTS = 1000
MAX_GHOSTS = 64
MAX_GENERATION = 1_000_000
MAX_COUNTER = 1_000_000
LOCK_TIMEOUT = 120.0
RECOVERY = "recovery"
USER = "user"


class VaultError(ServiceError):
    """A sign-in or key problem a user can understand; ``key`` names the message. It can
    reach the user from any database access (a window whose account was disabled)."""

    def __init__(self, key: str, **params: Any) -> None:
        if key == "sign_in_failed":
            params.setdefault("max", MAX_FAILURES)
        super().__init__(key, None, **params)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(secret: str, salt: bytes, params: dict[str, int]) -> bytes:
    check_kdf(params)
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=params["time_cost"],
        memory_cost=params["memory_cost"],
        parallelism=params["parallelism"],
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def check_kdf(params: Any) -> dict[str, int]:
    """The Argon2id parameters if every one is within the fixed bounds, else VaultError
    ``vault_invalid`` naming the first one that is not."""
    if not isinstance(params, dict) or set(params) != set(KDF_BOUNDS):
        raise _Invalid("kdf")
    for name, (low, high) in KDF_BOUNDS.items():
        value = params[name]
        if type(value) is not int or not low <= value <= high:
            raise _Invalid(f"kdf.{name} = {value!r}")
    if params["memory_cost"] < 8 * params["parallelism"]:
        raise _Invalid(f"kdf.memory_cost = {params['memory_cost']!r}")
    if params["time_cost"] * params["memory_cost"] > KDF_MAX_WORK:
        raise _Invalid(f"kdf.time_cost = {params['time_cost']!r}")
    return {k: int(v) for k, v in params.items()}


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write a file so that it is either the old or the new content, never half of each.
    ``durable``: the folder is synced too, so that the new content survives a power cut
    (without it, a power cut may bring the old content back, whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        sync_folder(path.parent)


def remove_leftovers(key_file: Path) -> int:
    """Remove the temporary files an interrupted write of this key file left beside it
    (``.<name>.<random>.tmp``): they may hold slots that were removed since. Called under
    the key file's lock, when no write of it can be under way."""
    count = 0
    if key_file.parent.is_dir():
        for leftover in key_file.parent.glob(f".{key_file.name}.*.tmp"):
            try:
                leftover.unlink()
                count += 1
            except OSError:
                continue
    return count


# --- the lock -----------------------------------------------------------------------------

_held = threading.local()


@contextmanager
def file_lock(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """An exclusive lock across processes (and threads) around a read-modify-write of the
    key file: ``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows, on a companion
    ``.lock`` file that is never replaced (the key file itself is, atomically). Re-entrant
    within one thread."""
    lock_path = path.with_name(path.name + ".lock")
    key = str(lock_path.resolve())
    held: dict[str, int] = getattr(_held, "paths", None) or {}
    _held.paths = held
    if held.get(key):
        held[key] += 1
        try:
            yield
        finally:
            held[key] -= 1
        return
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise VaultError("vault_unwritable", path=str(path)) from exc
    try:
        deadline = time.monotonic() + timeout
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            while True:
                try:
                    os.lseek(fd, 0, os.SEEK_SET)
                    msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
                    break
                except OSError as exc:
                    if time.monotonic() > deadline:
                        raise VaultError("vault_busy") from exc
                    time.sleep(0.02)
        else:
            import fcntl

            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError as exc:
                    if time.monotonic() > deadline:
                        raise VaultError("vault_busy") from exc
                    time.sleep(0.01)
        held[key] = 1
        try:
            yield
        finally:
            held.pop(key, None)
            if os.name == "nt":  # pragma: no cover - Windows
                import msvcrt

                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


# --- recovery keys ----------------------------------------------------------------------

_B32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1: easy to read back from paper


def _check_char(body: str) -> str:
    total = 0
    for i, ch in enumerate(body):
        total = (total * 31 + (i + 1) * _B32.index(ch)) % len(_B32)
    return _B32[total]


def new_recovery_code() -> str:
    body = "".join(secrets.choice(_B32) for _ in range(RECOVERY_GROUPS * 5 - 1))
    code = body + _check_char(body)
    return "-".join(code[i : i + 5] for i in range(0, len(code), 5))


def normalize_recovery_code(code: str) -> str:
    """Accept lower case, spaces and missing dashes; refuse a typo (the last character is a
    check character), so a mistyped code is named as such instead of 'wrong key'."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    if len(cleaned) != RECOVERY_GROUPS * 5 or any(ch not in _B32 for ch in cleaned):
        raise VaultError("recovery_format")
    if _check_char(cleaned[:-1]) != cleaned[-1]:
        raise VaultError("recovery_typo")
    return "-".join(cleaned[i : i + 5] for i in range(0, len(cleaned), 5))


# --- checking what a key file says ----------------------------------------------------------


class _Invalid(Exception):
    """One value of a key file outside its bounds; ``detail`` names it."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def _bytes(d: dict[str, Any], name: str, low: int, high: int | None = None) -> bytes:
    text = d.get(name)
    if not isinstance(text, str) or len(text) > 4 * (high or low) // 3 + 8:
        raise _Invalid(name)
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError) as exc:
        raise _Invalid(name) from exc
    if not low <= len(raw) <= (high or low):
        raise _Invalid(f"{name}: {len(raw)} bytes")
    return raw


def _int(d: dict[str, Any], name: str, low: int, high: int, default: int | None = None) -> int:
    value = d.get(name, default)
    if type(value) is not int or not low <= value <= high:
        raise _Invalid(f"{name} = {value!r}")
    return value


def _when(d: dict[str, Any], name: str) -> datetime | None:
    text = d.get(name)
    if text is None:
        return None
    if not isinstance(text, str) or len(text) > 40:
        raise _Invalid(name)
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise _Invalid(name) from exc
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _text(d: dict[str, Any], name: str, pattern: str) -> str:
    value = d.get(name)
    if not isinstance(value, str) or not re.fullmatch(pattern, value):
        raise _Invalid(name)
    return value


def _lock_delay(failures: int) -> timedelta:
    steps = min(max(failures - MAX_FAILURES, 0), 20)
    return min(BASE_LOCK * (1 << steps), MAX_LOCK)


@dataclass
class Counter:
    """Wrong tries of one account (or one unknown name) and the lock they earned."""

    failures: int = 0
    locked_until: datetime | None = None

    def seconds_locked(self, now: datetime) -> int:
        if self.locked_until is None or self.locked_until <= now:
            return 0
        # A clock set back must not lock an account for longer than the longest lock.
        until = min(self.locked_until, now + MAX_LOCK)
        return int((until - now).total_seconds()) + 1

    def reserve(self, now: datetime) -> None:
        """Count a try before it is checked: parallel guesses cannot get past the lock.
        A right password then clears the count again."""
        seconds = self.seconds_locked(now)
        if seconds:
            raise VaultError("locked", seconds=seconds)
        self.failures = min(self.failures + 1, MAX_COUNTER)
        if self.failures >= MAX_FAILURES:
            self.locked_until = now + _lock_delay(self.failures)

    def clear(self) -> None:
        self.failures, self.locked_until = 0, None

    def counter_json(self) -> dict[str, Any]:
        return {
            "failures": self.failures,
            "locked_until": self.locked_until.isoformat() if self.locked_until else None,
        }


@dataclass
class Slot(Counter):
    name: str = ""  # user name, or "" for the recovery slot
    kind: str = USER  # "user" or "recovery"
    salt: bytes = b""
    nonce: bytes = b""
    #: Format 2: the wrapped X25519 private key. Format 1: the wrapped database key.
    wrapped: bytes = b""
    kdf: dict[str, int] = field(default_factory=lambda: dict(KDF))
    public: bytes | None = None  # None: a format-1 slot not yet rewritten
    #: The slot's checksum as read from the file when it does not match its content: the
    #: slot is damaged (kept as it is, never "healed" by a later save).
    damaged_check: str | None = None

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.name}"

    @property
    def damaged(self) -> bool:
        return self.damaged_check is not None

    def checksum(self) -> str:
        """A checksum of what the slot holds (not its counters): damage to the file (a
        changed byte in the wrapped key) is told from a wrong password without trying it."""
        parts = [
            self.kind,
            self.name,
            _b64(self.salt),
            _b64(self.nonce),
            _b64(self.wrapped),
            json.dumps(self.kdf, sort_keys=True),
            _b64(self.public) if self.public is not None else "",
        ]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]

    @property
    def legacy(self) -> bool:
        return self.public is None

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "name": self.name,
            "kind": self.kind,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
            "kdf": self.kdf,
        }
        if self.public is not None:
            d["public"] = _b64(self.public)
        d["check"] = self.damaged_check or self.checksum()
        d.update(self.counter_json())
        return d

    @classmethod
    def from_json(cls, d: Any) -> Slot:
        if not isinstance(d, dict):
            raise _Invalid("slot")
        kind = d.get("kind")
        if kind not in (USER, RECOVERY):
            raise _Invalid("slot.kind")
        name = _text(d, "name", r"[a-z0-9._-]{2,60}" if kind == USER else "")
        public = _bytes(d, "public", 32) if d.get("public") is not None else None
        slot = cls(
            failures=_int(d, "failures", 0, MAX_COUNTER, 0),
            locked_until=_when(d, "locked_until"),
            name=name,
            kind=kind,
            salt=_bytes(d, "salt", 16, 64),
            nonce=_bytes(d, "nonce", 12),
            wrapped=_bytes(d, "wrapped", KEY_BYTES + 16),
            kdf=check_kdf(d.get("kdf")),
            public=public,
        )
        check = d.get("check")
        if check is not None:  # slots written by earlier versions have none
            if not isinstance(check, str) or not re.fullmatch(r"[0-9a-f]{32}", check):
                raise _Invalid("slot.check")
            if not hmac.compare_digest(check, slot.checksum()):
                slot.damaged_check = check
        return slot


@dataclass
class Ghost(Counter):
    """Wrong tries under a user name that has no slot, kept by a keyed hash of the name
    (never the name): an unknown name locks like a real one, so nothing tells them apart."""

    tag: str = ""


# --- sealing ------------------------------------------------------------------------------


def _seal_kek(shared: bytes, eph_pub: bytes, pub: bytes, aad: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=eph_pub + pub,
        info=b"grant-tracker seal|" + aad,
    ).derive(shared)


def seal(secret: bytes, public: bytes, aad: bytes) -> dict[str, str]:
    """``secret`` encrypted so that only the holder of ``public``'s private key opens it."""
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes_raw()
    shared = eph.exchange(X25519PublicKey.from_public_bytes(public))
    nonce = secrets.token_bytes(12)
    ct = AESGCM(_seal_kek(shared, eph_pub, public, aad)).encrypt(nonce, secret, aad)
    return {"eph": _b64(eph_pub), "nonce": _b64(nonce), "ct": _b64(ct)}


def unseal(entry: dict[str, Any], private: X25519PrivateKey, aad: bytes) -> bytes | None:
    try:
        eph_pub = _bytes(entry, "eph", 32)
        nonce = _bytes(entry, "nonce", 12)
        ct = _bytes(entry, "ct", KEY_BYTES + 16)
        pub = private.public_key().public_bytes_raw()
        shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        return AESGCM(_seal_kek(shared, eph_pub, pub, aad)).decrypt(nonce, ct, aad)
    except (InvalidTag, _Invalid, ValueError):
        return None


def _check_sealed(raw: Any) -> dict[str, dict[str, str]]:
    if not isinstance(raw, dict) or len(raw) > MAX_SLOTS + 1:
        raise _Invalid("sealed")
    for slot_id, entry in raw.items():
        if not isinstance(slot_id, str) or not isinstance(entry, dict):
            raise _Invalid("sealed")
        _bytes(entry, "eph", 32)
        _bytes(entry, "nonce", 12)
        _bytes(entry, "ct", KEY_BYTES + 16)
    return dict(raw)


def _check_box(raw: Any) -> dict[str, str] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise _Invalid("box")
    _bytes(raw, "nonce", 12)
    _bytes(raw, "ct", 16, 1024 * 1024)
    return dict(raw)


@dataclass
class Secrets:
    """What the box holds: the audit-trail key, every older database key, and the office's
    Ed25519 signing key (its 32-byte seed; None in a file made before signing existed)."""

    audit_key: bytes
    history: dict[int, bytes]
    signing_key: bytes | None = None


@dataclass
class Pending:
    """A change of database key in progress."""

    generation: int
    sealed: dict[str, dict[str, str]]
    box: dict[str, str]


# --- the vault file ---------------------------------------------------------------------


class Vault:
    """The key file of one database file (or of one backup: ``file_generation`` then names
    the key that backup was written with)."""

    def __init__(self, path: Path, database_id: str, slots: list[Slot]) -> None:
        self.path = path
        self.database_id = database_id
        self.slots = slots
        self.format = FORMAT
        self.generation = 0
        self.sealed: dict[str, dict[str, str]] = {}
        self.box: dict[str, str] | None = None
        self.pending: Pending | None = None
        self.ghosts: list[Ghost] = []
        self.anchor: dict[str, Any] | None = None
        self.file_generation: int | None = None
        #: Copies of this key file (backups) still to be rewritten after a change.
        self.copies_stale = False
        #: Written when the demo database is built: only such a file may be replaced by
        #: ``tracker demo --force``.
        self.demo = False

    # -- files

    @classmethod
    def load(cls, path: Path) -> Vault:
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise _Invalid("size")
            raw = json.loads(path.read_bytes().decode("utf-8"))
            return cls.parse(raw, path)
        except FileNotFoundError as exc:
            raise VaultError("vault_missing", path=str(path)) from exc
        except _Invalid as exc:
            raise VaultError("vault_invalid", path=str(path), detail=exc.detail) from exc
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError) as exc:
            raise VaultError("vault_damaged", path=str(path)) from exc

    @classmethod
    def parse(cls, raw: Any, path: Path) -> Vault:
        if not isinstance(raw, dict):
            raise ValueError("not an object")
        fmt = raw.get("format")
        if type(fmt) is int and fmt > FORMAT:
            raise VaultError("vault_format")
        if fmt not in READABLE_FORMATS:
            raise _Invalid(f"format = {fmt!r}")
        database_id = _text(raw, "database_id", r"[0-9a-f-]{36}")
        slots_raw = raw.get("slots")
        if not isinstance(slots_raw, list) or len(slots_raw) > MAX_SLOTS + 1:
            raise _Invalid("slots")
        slots = [Slot.from_json(s) for s in slots_raw]
        ids = [s.id for s in slots]
        if len(set(ids)) != len(ids):
            raise _Invalid("slots: twice the same account")
        vault = cls(path, database_id, slots)
        vault.format = fmt
        if fmt == 1:
            if any(not s.legacy for s in slots):
                raise _Invalid("slots")
            return vault
        vault.generation = _int(raw, "generation", 0, MAX_GENERATION)
        vault.sealed = _check_sealed(raw.get("sealed", {}))
        vault.box = _check_box(raw.get("box"))
        pending = raw.get("pending")
        if pending is not None:
            if not isinstance(pending, dict):
                raise _Invalid("pending")
            generation = _int(pending, "generation", 1, MAX_GENERATION)
            if generation != vault.generation + 1:
                raise _Invalid("pending.generation")
            box = _check_box(pending.get("box"))
            if box is None:
                raise _Invalid("pending.box")
            vault.pending = Pending(generation, _check_sealed(pending.get("sealed")), box)
        if raw.get("file_generation") is not None:
            vault.file_generation = _int(raw, "file_generation", 0, vault.generation + 1)
        ghosts = raw.get("ghosts", [])
        if not isinstance(ghosts, list) or len(ghosts) > MAX_GHOSTS:
            raise _Invalid("ghosts")
        for g in ghosts:
            if not isinstance(g, dict):
                raise _Invalid("ghosts")
            vault.ghosts.append(
                Ghost(
                    _int(g, "failures", 0, MAX_COUNTER, 0),
                    _when(g, "locked_until"),
                    _text(g, "tag", r"[0-9a-f]{32}"),
                )
            )
        anchor = raw.get("anchor")
        if anchor is not None:
            if not isinstance(anchor, dict) or len(json.dumps(anchor)) > 512 * 1024:
                raise _Invalid("anchor")
            vault.anchor = anchor
        stale = raw.get("copies_stale", False)
        if not isinstance(stale, bool):
            raise _Invalid("copies_stale")
        vault.copies_stale = stale
        demo = raw.get("demo", False)
        if not isinstance(demo, bool):
            raise _Invalid("demo")
        vault.demo = demo
        return vault

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "app": "grant-tracker",
            "cipher": "sqlcipher4-raw-key",
            "database_id": self.database_id,
            "generation": self.generation,
            "slots": [s.to_json() for s in self.slots],
            "sealed": self.sealed,
            "box": self.box,
        }
        if self.pending is not None:
            doc["pending"] = {
                "generation": self.pending.generation,
                "sealed": self.pending.sealed,
                "box": self.pending.box,
            }
        if self.file_generation is not None:
            doc["file_generation"] = self.file_generation
        if self.ghosts:
            doc["ghosts"] = [{"tag": g.tag, **g.counter_json()} for g in self.ghosts]
        if self.anchor is not None:
            doc["anchor"] = self.anchor
        if self.copies_stale:
            doc["copies_stale"] = True
        if self.demo:
            doc["demo"] = True
        return doc

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_json(), indent=1, ensure_ascii=True).encode("ascii")

    def save(self, *, durable: bool = True) -> None:
        atomic_write(self.path, self.to_bytes(), durable=durable)

    @classmethod
    @contextmanager
    def update(cls, path: Path, *, durable: bool = True) -> Iterator[Vault]:
        """Load the key file under its lock, let the caller change it, and write it back
        (only when it changed): counters, slots and keys never overwrite another process's
        change made in between. ``durable=False`` for the copy of the audit chain's head
        only (an older copy after a power cut is still a true one)."""
        with file_lock(path):
            vault = cls.load(path)
            before = vault.to_bytes()
            yield vault
            if vault.to_bytes() != before:
                try:
                    vault.save(durable=durable)
                except OSError as exc:
                    raise VaultError("vault_unwritable", path=str(path)) from exc

    @classmethod
    def create(cls, path: Path, username: str, password: str) -> tuple[Vault, Keys, str]:
        """A new vault with a fresh database key, one user slot and the recovery slot.
        Returns the vault, the user's keys and the recovery code (shown once)."""
        key = secrets.token_bytes(KEY_BYTES)
        vault = cls(path, str(uuid.uuid4()), [])
        signing = new_signing_key()
        vault.box = vault._close_box(key, 0, Secrets(secrets.token_bytes(KEY_BYTES), {}, signing))
        private = vault._add_slot(USER, username, password, {0: key})
        code = new_recovery_code()
        vault._add_slot(RECOVERY, "", code, {0: key})
        with file_lock(path):
            vault.save()
        return vault, Keys.from_vault(vault, f"{USER}:{username}", private, None), code

    # -- parts

    def _aad(self, what: str, generation: int, slot_id: str = "") -> bytes:
        return f"{self.database_id}|{what}|{generation}|{slot_id}".encode()

    def _legacy_aad(self, kind: str, name: str) -> bytes:
        return f"{self.database_id}|{kind}|{name}".encode()

    def _close_box(self, key: bytes, generation: int, content: Secrets) -> dict[str, str]:
        doc = {
            "audit_key": content.audit_key.hex(),
            "history": {str(g): k.hex() for g, k in sorted(content.history.items())},
        }
        if content.signing_key is not None:
            doc["signing_key"] = content.signing_key.hex()
        nonce = secrets.token_bytes(12)
        ct = AESGCM(key).encrypt(
            nonce, json.dumps(doc).encode("ascii"), self._aad("box", generation)
        )
        return {"nonce": _b64(nonce), "ct": _b64(ct)}

    def open_box(self, key: bytes, generation: int, box: dict[str, str] | None) -> Secrets | None:
        if box is None:
            return None
        try:
            nonce = _bytes(box, "nonce", 12)
            ct = _bytes(box, "ct", 16, 1024 * 1024)
            doc = json.loads(AESGCM(key).decrypt(nonce, ct, self._aad("box", generation)))
            audit_key = bytes.fromhex(doc["audit_key"])
            history = {int(g): bytes.fromhex(k) for g, k in doc["history"].items()}
            raw_signing = doc.get("signing_key")
            signing = bytes.fromhex(raw_signing) if raw_signing is not None else None
        except (InvalidTag, _Invalid, ValueError, KeyError, TypeError, AttributeError):
            return None
        if len(audit_key) != KEY_BYTES or any(len(k) != KEY_BYTES for k in history.values()):
            return None
        if signing is not None and len(signing) != KEY_BYTES:
            return None
        return Secrets(audit_key, history, signing)

    def _add_slot(
        self, kind: str, name: str, secret: str, keys: dict[int, bytes]
    ) -> X25519PrivateKey:
        """A new key pair for an account (or the recovery key), its private half wrapped
        with ``secret``, and the database key (``keys``: generation -> key, the current one
        and a pending one) sealed to it."""
        private = X25519PrivateKey.generate()
        public = private.public_key().public_bytes_raw()
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        slot = Slot(name=name, kind=kind, salt=salt, nonce=nonce, kdf=dict(KDF), public=public)
        kek = _derive(secret, salt, slot.kdf)
        slot.wrapped = AESGCM(kek).encrypt(
            nonce, private.private_bytes_raw(), self._aad("slot", 0, slot.id)
        )
        self._put(slot)
        self._seal_to(slot, keys)
        return private

    def _seal_to(self, slot: Slot, keys: dict[int, bytes]) -> None:
        assert slot.public is not None
        for generation, key in keys.items():
            entry = seal(key, slot.public, self._aad("seal", generation, slot.id))
            if generation == self.generation:
                self.sealed[slot.id] = entry
            elif self.pending is not None and generation == self.pending.generation:
                self.pending.sealed[slot.id] = entry

    def _put(self, slot: Slot) -> None:
        self.slots = [s for s in self.slots if s.id != slot.id]
        self.slots.append(slot)

    def user_slot(self, username: str) -> Slot | None:
        return self.slot(f"{USER}:{username}")

    def slot(self, slot_id: str) -> Slot | None:
        return next((s for s in self.slots if s.id == slot_id), None)

    def recovery_slot(self) -> Slot | None:
        return next((s for s in self.slots if s.kind == RECOVERY), None)

    def legacy_users(self) -> list[str]:
        """Accounts whose slot is still in the old form (their owner has not signed in
        since this version): they lose their slot at the next change of key."""
        return sorted(s.name for s in self.slots if s.kind == USER and s.legacy)

    def ghost(self, username: str) -> Ghost:
        tag = hmac.new(self.database_id.encode(), username.encode(), hashlib.sha256).hexdigest()
        found = next((g for g in self.ghosts if g.tag == tag[:32]), None)
        if found is None:
            found = Ghost(tag=tag[:32])
            self.ghosts.append(found)
            # The oldest counters go first when too many names were tried.
            self.ghosts = self.ghosts[-MAX_GHOSTS:]
        return found

    def ghost_salt(self, username: str) -> bytes:
        return hashlib.sha256(f"{self.database_id}|ghost|{username}".encode()).digest()[:16]

    def open_slot(self, slot: Slot, kek: bytes) -> X25519PrivateKey | bytes | None:
        """The slot's private key (or, for a format-1 slot, the database key itself);
        None when ``kek`` is not the right one."""
        try:
            if slot.legacy:
                aad = self._legacy_aad(slot.kind, slot.name)
                return AESGCM(kek).decrypt(slot.nonce, slot.wrapped, aad)
            raw = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, self._aad("slot", 0, slot.id))
            return X25519PrivateKey.from_private_bytes(raw)
        except (InvalidTag, ValueError):
            return None

    def keys_for(self, slot_id: str, opened: X25519PrivateKey | bytes) -> dict[int, bytes]:
        """generation -> database key this slot opens (the current key, and the pending
        one during a change of key)."""
        found: dict[int, bytes] = {}
        if isinstance(opened, bytes):
            # A format-1 slot opens the key of generation 0 only, while it is current.
            if self.generation == 0:
                found[0] = opened
            return found
        entry = self.sealed.get(slot_id)
        if entry is not None:
            key = unseal(entry, opened, self._aad("seal", self.generation, slot_id))
            if key is not None:
                found[self.generation] = key
        if self.pending is not None and slot_id in self.pending.sealed:
            aad = self._aad("seal", self.pending.generation, slot_id)
            key = unseal(self.pending.sealed[slot_id], opened, aad)
            if key is not None:
                found[self.pending.generation] = key
        return found

    def secrets_with(self, keys: dict[int, bytes]) -> Secrets | None:
        """The box's content, opened with the current (or the pending) database key."""
        if self.generation in keys:
            found = self.open_box(keys[self.generation], self.generation, self.box)
            if found is not None:
                return found
        if self.pending is not None and self.pending.generation in keys:
            g = self.pending.generation
            return self.open_box(keys[g], g, self.pending.box)
        return None

    # -- upgrading a format-1 file

    def upgrade_slot(self, slot: Slot, kek: bytes, database_key: bytes) -> X25519PrivateKey:
        """Rewrite a format-1 slot in the new form, with the key derived from the password
        just typed (same salt and parameters: no second Argon2id run). The first one also
        gives the file its box and audit key."""
        if self.box is None:
            self.box = self._close_box(database_key, 0, Secrets(secrets.token_bytes(32), {}))
        private = X25519PrivateKey.generate()
        slot.public = private.public_key().public_bytes_raw()
        slot.nonce = secrets.token_bytes(12)
        slot.wrapped = AESGCM(kek).encrypt(
            slot.nonce, private.private_bytes_raw(), self._aad("slot", 0, slot.id)
        )
        self._seal_to(slot, {0: database_key})
        return private

    # -- accounts

    def add_account(self, keys: Keys, kind: str, name: str, secret: str) -> None:
        """Add or replace a slot (new account, enabled account, new password, new
        recovery key). Replacing one's own slot gives ``keys`` its new private key."""
        private = self._add_slot(kind, name, secret, keys.sealable(self))
        if f"{kind}:{name}" == keys.slot_id:
            keys.adopt(private)

    def remove_slot(self, slot_id: str) -> None:
        self.slots = [s for s in self.slots if s.id != slot_id]
        self.sealed.pop(slot_id, None)
        if self.pending is not None:
            self.pending.sealed.pop(slot_id, None)

    # -- changing the database key

    def begin_rotation(self, keys: Keys, new_key: bytes) -> list[str]:
        """Record a new database key sealed to every remaining slot, before the database is
        re-encrypted. Format-1 slots cannot be given the new key (their password is not
        known): they are removed, and their user names returned."""
        keys.absorb(self)
        current = keys.key_for(self.own_generation)
        content = keys.secrets
        if current is None or content is None:
            raise VaultError("access_ended")
        dropped = [s.name for s in self.slots if s.legacy and s.kind == USER]
        for slot in [s for s in self.slots if s.legacy]:
            self.remove_slot(slot.id)
        history = dict(content.history)
        history[self.own_generation] = current
        if self.generation in keys.keys:
            history[self.generation] = keys.keys[self.generation]
        generation = self.generation + 1
        pending_box = self._close_box(
            new_key, generation, Secrets(content.audit_key, history, content.signing_key)
        )
        self.pending = Pending(generation, {}, pending_box)
        for slot in self.slots:
            self._seal_to(slot, {generation: new_key})
        return dropped

    def add_signing_key(self, keys: Keys) -> bool:
        """Give a key file made before signing existed the office's signing key (in the
        box, and in the pending box of a change of key in progress). False when it has one
        already, or when ``keys`` cannot open the box."""
        keys.absorb(self)
        content = keys.secrets
        current = keys.key_for(self.generation)
        if content is None or current is None:
            return False
        if content.signing_key is not None:
            return False
        signing = new_signing_key()
        self.box = self._close_box(
            current, self.generation, Secrets(content.audit_key, content.history, signing)
        )
        if self.pending is not None:
            pending_key = keys.key_for(self.pending.generation)
            opened = (
                self.open_box(pending_key, self.pending.generation, self.pending.box)
                if pending_key is not None
                else None
            )
            if pending_key is None or opened is None:
                return False
            self.pending.box = self._close_box(
                pending_key,
                self.pending.generation,
                Secrets(opened.audit_key, opened.history, signing),
            )
        keys.absorb(self)
        return True

    def finish_rotation(self) -> None:
        """The database now uses the pending key: it becomes the current one."""
        assert self.pending is not None
        self.file_generation = None
        self.generation = self.pending.generation
        self.sealed = self.pending.sealed
        self.box = self.pending.box
        self.pending = None
        self.copies_stale = True

    def copy_for(self, path: Path, file_generation: int) -> Vault:
        """The key file of a copy of the database (a backup) written with the key of
        ``file_generation``: this file's accounts and keys, no counters."""
        copy = Vault.parse(json.loads(self.to_bytes()), path)
        copy.path = path
        copy.file_generation = file_generation if file_generation != self.generation else None
        copy.pending = None
        copy.ghosts = []
        copy.copies_stale = False
        for slot in copy.slots:
            slot.clear()
        return copy

    @property
    def own_generation(self) -> int:
        """The generation of the key the database file beside this key file uses."""
        return self.generation if self.file_generation is None else self.file_generation


class Keys:
    """What a signed-in account holds in memory: its private key, the database key (which
    follows a change of key made by another window or process), older keys for backups,
    and the audit-trail key. ``bytes(keys)`` is the current database key."""

    def __init__(self, path: Path, database_id: str, slot_id: str) -> None:
        self.path = path
        self.database_id = database_id
        self.slot_id = slot_id
        self._private: X25519PrivateKey | None = None
        self._legacy: bytes | None = None
        self.generation = 0
        #: The generation of the key of the database file beside the key file.
        self.own = 0
        self.keys: dict[int, bytes] = {}
        self.secrets: Secrets | None = None
        self.pending_generation: int | None = None
        self._stamp: tuple[int, int, int] | None = None
        self._mutex = threading.Lock()

    @classmethod
    def from_vault(
        cls,
        vault: Vault,
        slot_id: str,
        private: X25519PrivateKey | None,
        legacy: bytes | None,
    ) -> Keys:
        keys = cls(vault.path, vault.database_id, slot_id)
        keys._private, keys._legacy = private, legacy
        keys.absorb(vault)
        return keys

    def _file_stamp(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def absorb(self, vault: Vault) -> None:
        """Take the keys this account opens from a freshly read key file."""
        opened: X25519PrivateKey | bytes | None = self._private or self._legacy
        if opened is None or vault.slot(self.slot_id) is None:
            raise VaultError("access_ended")
        found = vault.keys_for(self.slot_id, opened)
        if not found:
            raise VaultError("access_ended")
        content = vault.secrets_with(found)
        with self._mutex:
            self.generation = vault.generation
            self.own = vault.own_generation
            self.pending_generation = vault.pending.generation if vault.pending else None
            if content is not None:
                self.secrets = content
                self.keys = {**content.history, **found}
            else:
                self.keys = {**self.keys, **found}
            self._stamp = self._file_stamp()

    def refresh(self, *, force: bool = False) -> None:
        if not force and self._stamp is not None and self._file_stamp() == self._stamp:
            return
        try:
            self.absorb(Vault.load(self.path))
        except VaultError:
            if force:
                raise

    def current(self) -> bytes:
        """The database key as the key file says now (another process may have changed it)."""
        self.refresh()
        key = self.keys.get(self.own)
        if key is None:
            raise VaultError("access_ended")
        return key

    def candidates(self) -> list[bytes]:
        """The keys the live database may use: the current one, then a pending one."""
        found = [self.keys[self.own]] if self.own in self.keys else []
        if self.pending_generation is not None and self.pending_generation in self.keys:
            found.append(self.keys[self.pending_generation])
        return found

    def key_for(self, generation: int) -> bytes | None:
        return self.keys.get(generation)

    def adopt(self, private: X25519PrivateKey) -> None:
        """This account's own slot was replaced (its password changed)."""
        with self._mutex:
            self._private, self._legacy = private, None

    def learn(self, generation: int, key: bytes) -> None:
        """A key this process just made (a change of key in progress)."""
        with self._mutex:
            self.keys[generation] = key

    def sealable(self, vault: Vault) -> dict[int, bytes]:
        """The keys to seal to a new slot: the file's current one and any pending one."""
        wanted = [vault.generation] + ([vault.pending.generation] if vault.pending else [])
        found = {g: self.keys[g] for g in wanted if g in self.keys}
        if vault.generation not in found:
            raise VaultError("access_ended")
        return found

    @property
    def audit_key(self) -> bytes | None:
        return self.secrets.audit_key if self.secrets is not None else None

    @property
    def signing_key(self) -> Ed25519PrivateKey | None:
        """The office's signing key (None in a file that has none yet)."""
        seed = self.secrets.signing_key if self.secrets is not None else None
        return Ed25519PrivateKey.from_private_bytes(seed) if seed is not None else None

    def all_keys(self) -> list[bytes]:
        return [self.keys[g] for g in sorted(self.keys, reverse=True)]

    def __bytes__(self) -> bytes:
        return self.current()

    def hex(self) -> str:
        return self.current().hex()


def new_signing_key() -> bytes:
    """A fresh Ed25519 signing key (its 32-byte seed)."""
    return Ed25519PrivateKey.generate().private_bytes_raw()


def derive_for(slot: Slot | None, vault: Vault, username: str, secret: str) -> bytes:
    """Argon2id over the typed secret: with the slot's salt and parameters, or, for a name
    without a slot, with a made-up salt and the default parameters, so that an unknown
    name costs the same time as a wrong password."""
    if slot is not None:
        return _derive(secret, slot.salt, slot.kdf)
    return _derive(secret, vault.ghost_salt(username), dict(KDF))


def unlock(
    path: Path,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
    reveal_left: bool = False,
) -> tuple[Vault, Keys]:
    """Open a user's slot. The try is counted before the password is checked, under the
    key file's lock, so that parallel guesses cannot get past the lock; a right password
    clears the count. A wrong password and an unknown user name get the same answer
    (``sign_in_failed``) after the same work, unless ``reveal_left`` (the screen lock of a
    signed-in user) asks for the tries left (``wrong_password``)."""
    now = now or datetime.now(UTC)
    with Vault.update(path) as vault:
        slot = vault.user_slot(username)
        if slot is not None and slot.damaged:
            # Damage, not a wrong password: nothing is tried and nothing is counted.
            raise VaultError("slot_damaged", user=username, path=str(path))
        counter: Counter = slot if slot is not None else vault.ghost(username)
        counter.reserve(now)
        failures = counter.failures
    kek = derive_for(slot, vault, username, password)
    opened = vault.open_slot(slot, kek) if slot is not None else None
    if opened is None:
        if failures >= MAX_FAILURES:
            # The try that earned the lock says so, for a real name and an unknown alike.
            raise VaultError("locked", seconds=counter.seconds_locked(now))
        if reveal_left and slot is not None:
            raise VaultError("wrong_password", left=MAX_FAILURES - failures)
        raise VaultError("sign_in_failed")
    with Vault.update(path) as vault:
        fresh = vault.user_slot(username)
        if (
            slot is None
            or fresh is None
            or fresh.wrapped != slot.wrapped
            or fresh.salt != slot.salt
        ):
            # The slot changed while the password was checked (disabled, reset).
            raise VaultError("sign_in_failed")
        fresh.clear()
        if isinstance(opened, bytes):
            if vault.generation != 0:
                raise VaultError("sign_in_failed")  # a format-1 slot left after a change
            opened = vault.upgrade_slot(fresh, kek, opened)
        sealed_here = fresh.id in vault.sealed or (
            vault.pending is not None and fresh.id in vault.pending.sealed
        )
        damaged = sealed_here and not vault.keys_for(fresh.id, opened)
        if not damaged:
            keys = Keys.from_vault(vault, fresh.id, opened, None)
    if damaged:
        # The password was right (the count is cleared) but the database key sealed to
        # this account no longer opens: that part of the key file is damaged.
        raise VaultError("slot_damaged", user=username, path=str(path))
    return vault, keys


def unlock_recovery(path: Path, code: str) -> tuple[Vault, Keys]:
    """Open the recovery slot (a format-1 one is rewritten in the new form)."""
    normalized = normalize_recovery_code(code)
    with Vault.update(path) as vault:
        slot = vault.recovery_slot()
        if slot is None:
            raise VaultError("no_recovery")
        if slot.damaged:
            raise VaultError("recovery_slot_damaged", path=str(path))
        kek = _derive(normalized, slot.salt, slot.kdf)
        opened = vault.open_slot(slot, kek)
        if opened is None or (isinstance(opened, bytes) and vault.generation != 0):
            raise VaultError("recovery_wrong")
        if isinstance(opened, bytes):
            opened = vault.upgrade_slot(slot, kek, opened)
        return vault, Keys.from_vault(vault, slot.id, opened, None)


def copy_key_file(keys: Keys, target_db: Path, key: bytes | None = None) -> Path:
    """Write the key file of a copy of the database (a backup, a copy made before an
    upgrade), written with ``key`` (default: the current one)."""
    main = Vault.load(keys.path)
    generation = main.generation
    if key is not None:
        generation = next((g for g, k in keys.keys.items() if k == key), generation)
    copy = main.copy_for(vault_path(target_db), generation)
    atomic_write(copy.path, copy.to_bytes())
    return copy.path
