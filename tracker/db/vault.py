"""Key slots for the encrypted database file.

The SQLite file is a SQLCipher database opened with a random 256-bit key. That key never
changes; it is kept only wrapped (AES-256-GCM) in key slots in a small file next to the
database (``tracker.db.keys``): one slot per user, unwrapped with a key derived from the
user's password with Argon2id, and one recovery slot unwrapped with a recovery key printed
once at setup. Changing or resetting a password rewrites one slot and never re-encrypts the
data. Failed sign-ins are counted in the slot, so an account locks even though the
database cannot be opened without a password.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tracker.config import vault_path as vault_path  # where the key file lives

FORMAT = 1
KEY_BYTES = 32
# Argon2id parameters (RFC 9106 second recommendation, lighter memory for old office PCs).
KDF = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 2}
MAX_FAILURES = 5
BASE_LOCK = timedelta(seconds=30)
RECOVERY_GROUPS = 8  # 8 groups of 5 base32 characters: 40 chars, 200 bits with a check


class VaultError(Exception):
    """A sign-in or key problem a user can understand; ``key`` names the message."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(key)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _derive(secret: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=params["time_cost"],
        memory_cost=params["memory_cost"],
        parallelism=params["parallelism"],
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def atomic_write(path: Path, data: bytes) -> None:
    """Write a file so that it is either the old or the new content, never half of each."""
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
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


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


# --- the vault file ---------------------------------------------------------------------


@dataclass
class Slot:
    name: str  # user name, or "" for the recovery slot
    kind: str  # "user" or "recovery"
    salt: bytes
    nonce: bytes
    wrapped: bytes
    kdf: dict[str, int]
    failures: int = 0
    locked_until: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
            "kdf": self.kdf,
            "failures": self.failures,
            "locked_until": self.locked_until.isoformat() if self.locked_until else None,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Slot:
        locked = d.get("locked_until")
        return cls(
            d["name"],
            d["kind"],
            _unb64(d["salt"]),
            _unb64(d["nonce"]),
            _unb64(d["wrapped"]),
            dict(d["kdf"]),
            int(d.get("failures", 0)),
            datetime.fromisoformat(locked) if locked else None,
        )


class Vault:
    """The key slots of one database file."""

    def __init__(self, path: Path, database_id: str, slots: list[Slot]) -> None:
        self.path = path
        self.database_id = database_id
        self.slots = slots

    # -- files

    @classmethod
    def load(cls, path: Path) -> Vault:
        try:
            raw = json.loads(path.read_text("utf-8"))
            if raw.get("format") != FORMAT:
                raise VaultError("vault_format")
            return cls(path, raw["database_id"], [Slot.from_json(s) for s in raw["slots"]])
        except FileNotFoundError as exc:
            raise VaultError("vault_missing", path=str(path)) from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise VaultError("vault_damaged", path=str(path)) from exc

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "app": "grant-tracker",
            "cipher": "sqlcipher4-raw-key",
            "database_id": self.database_id,
            "slots": [s.to_json() for s in self.slots],
        }
        return json.dumps(doc, indent=1, ensure_ascii=True).encode("ascii")

    def save(self) -> None:
        atomic_write(self.path, self.to_bytes())

    @classmethod
    def create(cls, path: Path, username: str, password: str) -> tuple[Vault, bytes, str]:
        """A new vault with a fresh database key, one user slot and the recovery slot.
        Returns the vault, the database key and the recovery code (shown once)."""
        key = secrets.token_bytes(KEY_BYTES)
        vault = cls(path, str(uuid.uuid4()), [])
        vault.set_user(key, username, password)
        code = new_recovery_code()
        vault._put(vault._wrap(key, "recovery", "", code))
        vault.save()
        return vault, key, code

    # -- slots

    def _aad(self, kind: str, name: str) -> bytes:
        return f"{self.database_id}|{kind}|{name}".encode()

    def _wrap(self, key: bytes, kind: str, name: str, secret: str) -> Slot:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = _derive(secret, salt, KDF)
        wrapped = AESGCM(kek).encrypt(nonce, key, self._aad(kind, name))
        return Slot(name, kind, salt, nonce, wrapped, dict(KDF))

    def _unwrap(self, slot: Slot, secret: str) -> bytes | None:
        kek = _derive(secret, slot.salt, slot.kdf)
        try:
            return AESGCM(kek).decrypt(slot.nonce, slot.wrapped, self._aad(slot.kind, slot.name))
        except InvalidTag:
            return None

    def _put(self, slot: Slot) -> None:
        self.slots = [s for s in self.slots if (s.kind, s.name) != (slot.kind, slot.name)]
        self.slots.append(slot)

    def user_slot(self, username: str) -> Slot | None:
        return next((s for s in self.slots if s.kind == "user" and s.name == username), None)

    def set_user(self, key: bytes, username: str, password: str) -> None:
        """Add or replace a user's slot (new user, changed or reset password)."""
        self._put(self._wrap(key, "user", username, password))

    def remove_user(self, username: str) -> None:
        self.slots = [s for s in self.slots if not (s.kind == "user" and s.name == username)]

    def set_recovery(self, key: bytes) -> str:
        code = new_recovery_code()
        self._put(self._wrap(key, "recovery", "", code))
        return code

    def unlock(self, username: str, password: str, *, now: datetime | None = None) -> bytes:
        """The database key for a user's password. Five wrong tries lock the slot for 30 s,
        doubling with every further wrong try (at most a day)."""
        now = now or datetime.now(UTC)
        slot = self.user_slot(username)
        if slot is None:
            raise VaultError("unknown_user")
        if slot.locked_until is not None and slot.locked_until > now:
            raise VaultError("locked", seconds=int((slot.locked_until - now).total_seconds()) + 1)
        key = self._unwrap(slot, password)
        if key is None:
            slot.failures += 1
            if slot.failures >= MAX_FAILURES:
                delay = min(BASE_LOCK * 2 ** (slot.failures - MAX_FAILURES), timedelta(days=1))
                slot.locked_until = now + delay
            self.save()
            if slot.locked_until is not None and slot.locked_until > now:
                seconds = int((slot.locked_until - now).total_seconds()) + 1
                raise VaultError("locked", seconds=seconds)
            raise VaultError("wrong_password", left=MAX_FAILURES - slot.failures)
        if slot.failures or slot.locked_until:
            slot.failures, slot.locked_until = 0, None
            self.save()
        return key

    def unlock_recovery(self, code: str) -> bytes:
        normalized = normalize_recovery_code(code)
        slot = next((s for s in self.slots if s.kind == "recovery"), None)
        if slot is None:
            raise VaultError("no_recovery")
        key = self._unwrap(slot, normalized)
        if key is None:
            raise VaultError("recovery_wrong")
        return key
