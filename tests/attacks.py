"""Attacks on the keys and the audit trail, as someone at the office PC would try them.

Each function does what an attacker with the named knowledge could do with the files on the
PC and returns what it got; the tests (and a torture run) assert that it got nothing. They
use only the files and the app's own public functions, so the same attack runs against any
version of the app.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tracker.config import DatabaseLocation
from tracker.db.engine import sqlite_connect
from tracker.services import auth

ROOT = Path(__file__).resolve().parents[1]
GUESSER = Path(__file__).with_name("e2e") / "guesser.py"
_NOT_DATABASES = (".keys", ".lock", "-wal", "-shm", ".tmp", ".json", ".partial", ".pdf")


# --- what is on the PC ------------------------------------------------------------------


def key_files(root: Path) -> list[Path]:
    """Every key file under ``root`` (the live one, backups', copies put aside)."""
    return sorted(p for p in root.rglob("*.keys") if p.is_file())


def database_files(root: Path) -> list[Path]:
    """Every file under ``root`` that may be an encrypted database or a copy of one."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and not p.name.endswith(_NOT_DATABASES) and p.stat().st_size >= 1024
    )


def opens_with_key(path: Path, key: bytes) -> bool:
    try:
        conn = sqlite_connect(path, key)
    except Exception:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except Exception:
        return False
    finally:
        conn.close()


def databases_opened_by_key(root: Path, key: bytes) -> list[Path]:
    """The database files under ``root`` that this raw key opens."""
    return [p for p in database_files(root) if opens_with_key(p, key)]


def keys_from_password(root: Path, username: str, password: str) -> dict[Path, list[bytes]]:
    """Try a password on every key file under ``root``: key file -> raw keys it gave."""
    got: dict[Path, list[bytes]] = {}
    for key_file in key_files(root):
        db_file = key_file.with_name(key_file.name[: -len(".keys")])
        try:
            _vault, key = auth.unlock(DatabaseLocation(path=db_file), username, password)
        except Exception:
            continue
        found = [bytes(key)]
        # Whatever older keys the slot leads to count too.
        found += [k for k in getattr(key, "all_keys", lambda: [])() if k not in found]
        got[key_file] = found
    return got


def what_a_password_opens(root: Path, username: str, password: str) -> list[str]:
    """Everything under ``root`` an old password opens: key files it unlocks and the
    database files the keys from them open."""
    opened: list[str] = []
    keys: list[bytes] = []
    for key_file, found in keys_from_password(root, username, password).items():
        opened.append(f"key file {key_file.relative_to(root)}")
        keys += [k for k in found if k not in keys]
    for key in keys:
        opened += [f"database {p.relative_to(root)}" for p in databases_opened_by_key(root, key)]
    return opened


# --- parallel guessing -------------------------------------------------------------------


def parallel_guesses(
    db_path: Path, username: str, passwords: list[list[str]], *, timeout: float = 240
) -> list[str]:
    """One process per list of passwords, all started together and released at once;
    each tries its passwords in turn. Returns the answer to every try (the message key:
    "sign_in_failed", "wrong_password", "unknown_user", "locked", or "ok")."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, str(GUESSER), str(db_path), username, *tries],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for tries in passwords
    ]
    for p in procs:
        assert p.stdout is not None
        line = p.stdout.readline()
        assert line.strip() == "ready", p.stderr.read() if p.stderr else line
    for p in procs:  # release them together
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    answers: list[str] = []
    deadline = time.monotonic() + timeout
    for p in procs:
        out, err = p.communicate(timeout=max(deadline - time.monotonic(), 1))
        assert p.returncode == 0, err
        answers += [line.strip() for line in out.splitlines() if line.strip()]
    return answers


# --- the key file ------------------------------------------------------------------------


def set_kdf_value(key_file: Path, name: str, value: Any) -> None:
    """Change one Argon2id parameter of every slot, as a tampered key file would."""
    doc = json.loads(key_file.read_text("utf-8"))
    for slot in doc["slots"]:
        slot["kdf"][name] = value
    key_file.write_text(json.dumps(doc), "utf-8")


def set_slot_value(key_file: Path, name: str, value: Any) -> None:
    doc = json.loads(key_file.read_text("utf-8"))
    for slot in doc["slots"]:
        slot[name] = value
    key_file.write_text(json.dumps(doc), "utf-8")


# --- the audit trail ---------------------------------------------------------------------


def sql(db_path: Path, key: bytes, statement: str, params: tuple[Any, ...] = ()) -> None:
    conn = sqlite_connect(db_path, key)
    try:
        conn.execute(statement, params)
        conn.commit()
    finally:
        conn.close()


def delete_newest_events(db_path: Path, key: bytes, count: int) -> list[int]:
    """Remove the newest ``count`` audit events (and make the head kept beside them in the
    database agree), as someone with the database key and a SQL tool would."""
    conn = sqlite_connect(db_path, key)
    try:
        ids = [r[0] for r in conn.execute("SELECT id FROM audit_event ORDER BY id DESC")]
        gone = ids[:count]
        conn.executemany("DELETE FROM audit_event WHERE id = ?", [(i,) for i in gone])
        row = conn.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
        if row is not None:
            conn.execute(
                "UPDATE app_meta SET value = ? WHERE key = 'audit_head'", (f"{row[0]}:{row[1]}",)
            )
        conn.commit()
        return gone
    finally:
        conn.close()


def rewrite_chain_with_sha256(
    db_path: Path, key: bytes, *, change: tuple[int, str] | None = None
) -> None:
    """Recompute every event's link with plain SHA-256 (what anyone with the database key
    can do), optionally after changing the ``after`` of one event (id, JSON)."""
    from datetime import UTC, datetime

    from tracker.services.audit import GENESIS, event_hash

    conn = sqlite_connect(db_path, key)
    try:
        if change is not None:
            conn.execute("UPDATE audit_event SET after = ? WHERE id = ?", (change[1], change[0]))
        rows = conn.execute(
            "SELECT id, at, username, action, entity, entity_id, before, after"
            " FROM audit_event ORDER BY id"
        ).fetchall()
        prev = GENESIS
        for rid, at, username, action, entity, entity_id, before, after in rows:
            when = datetime.fromisoformat(str(at).replace(" ", "T"))
            when = when if when.tzinfo else when.replace(tzinfo=UTC)
            h = event_hash(
                prev,
                when,
                username,
                action,
                entity,
                entity_id,
                json.loads(before) if before else None,
                json.loads(after) if after else None,
            )
            conn.execute(
                "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?", (prev, h, rid)
            )
            prev = h
        if rows:
            conn.execute(
                "UPDATE app_meta SET value = ? WHERE key = 'audit_head'", (f"{rows[-1][0]}:{prev}",)
            )
        conn.commit()
    finally:
        conn.close()


def change_row_without_event(
    db_path: Path, key: bytes, table: str, row_id: int, column: str, value: Any
) -> None:
    """Change one business record with plain SQL, writing no audit event."""
    sql(db_path, key, f"UPDATE {table} SET {column} = ? WHERE id = ?", (value, row_id))


def forge_whole_trail(ws: Any, keep_below: int) -> None:
    """The strongest attacker on this PC: an account holder with technical tools, who has
    the database key *and* the audit key. Removes every event from ``keep_below`` on and
    makes the chain, the head beside it and the copy in the key file agree again. Only a
    chain head kept outside the PC (an export's manifest) shows it."""
    from sqlalchemy import delete, select

    from tracker.db.models import AppMeta, AuditEvent
    from tracker.db.vault import Vault
    from tracker.services import audit

    with ws.db.write() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.id >= keep_below))
        last = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
        s.get(AppMeta, audit.HEAD_KEY).value = f"{last.id}:{last.hash}"  # type: ignore[union-attr]
    keys = ws.db.keys
    with Vault.update(keys.path) as vault, ws.db.read() as s:
        now = audit.head(s)
        assert now is not None
        fields = {"last_id": now.last_id, "hash": now.hash, "count": now.count,
                  "hmac_from": audit.hmac_from(s), "breaks": []}  # fmt: skip
        vault.anchor = {"version": audit.ANCHOR_VERSION, **fields}
        vault.anchor["mac"] = audit.anchor_mac(keys.audit_key, vault.database_id, vault.anchor)
