"""The audit trail: one row per write, chained so that a row changed, removed or added
outside the app breaks the chain at that point.

Each event's ``hash`` covers the one before it (``prev_hash``) and its own content. Events
written since this version are chained with HMAC-SHA256 under the database's *audit key*
(kept sealed in the key file on an encrypted SQLite file; in ``app_meta`` on PostgreSQL
and on a plain file); the events written before, from ``audit_hmac_from`` back, keep the
plain SHA-256 they were written with and are checked as such. Ids are never reused
(AUTOINCREMENT).

The chain's head is kept outside the database too: in the key file (``anchor``, with its
own HMAC, see :func:`advance_anchor`), and on every exported summary, so that removing the
newest events, or rewriting the chain, shows even to someone holding only an old export
(:func:`check_manifest_head`). :func:`check_rows` compares each audited record with the
values its newest event says it was given.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tracker.db.base import utcnow
from tracker.db.engine import AUDIT_HEAD, AUDIT_KEY
from tracker.db.models import (
    AppMeta,
    Asset,
    AuditEvent,
    Beneficiary,
    Consent,
    Disbursement,
    Grant,
    GrantType,
    Office,
    PassOn,
    Project,
    Receipt,
    Tranche,
    User,
    Visit,
)
from tracker.services.context import Actor

GENESIS = "0" * 64
HEAD_KEY = "audit_head"
#: The first event id chained with HMAC (events before it keep plain SHA-256).
HMAC_FROM_KEY = "audit_hmac_from"
#: The audit key, only where there is no key file to keep it in.
KEY_KEY = "audit_key"
ANCHOR_VERSION = 1
#: Events and records are read this many at a time by the checks (any size of trail).
_BATCH = 2000


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def snapshot(obj: Any, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """The column values of an ORM object as JSON-ready data."""
    cols = obj.__table__.columns.keys()
    return {c: _plain(getattr(obj, c)) for c in cols if c not in exclude}


def _payload(
    prev_hash: str,
    at: datetime,
    username: str,
    action: str,
    entity: str,
    entity_id: int | None,
    before: Any,
    after: Any,
) -> bytes:
    return json.dumps(
        [prev_hash, at.isoformat(), username, action, entity, entity_id, before, after],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")


def event_hash(
    prev_hash: str,
    at: datetime,
    username: str,
    action: str,
    entity: str,
    entity_id: int | None,
    before: Any,
    after: Any,
) -> str:
    """The plain SHA-256 link of the events written before the chain was keyed."""
    payload = _payload(prev_hash, at, username, action, entity, entity_id, before, after)
    return hashlib.sha256(payload).hexdigest()


def event_mac(
    key: bytes,
    prev_hash: str,
    at: datetime,
    username: str,
    action: str,
    entity: str,
    entity_id: int | None,
    before: Any,
    after: Any,
) -> str:
    """The keyed link (HMAC-SHA256 under the audit key) of every newer event."""
    payload = _payload(prev_hash, at, username, action, entity, entity_id, before, after)
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def audit_key(session: Session, *, create: bool = False) -> bytes | None:
    """The database's audit key: from the signed-in account's keys (encrypted file), else
    from ``app_meta`` (PostgreSQL, a plain file), made there on the first write."""
    key = session.info.get(AUDIT_KEY)
    if key is not None:
        return bytes(key)
    row = session.get(AppMeta, KEY_KEY)
    if row is not None:
        return bytes.fromhex(row.value)
    if not create:
        return None
    new = secrets.token_bytes(32)
    session.add(AppMeta(key=KEY_KEY, value=new.hex()))
    return new


def hmac_from(session: Session) -> int:
    row = session.get(AppMeta, HMAC_FROM_KEY)
    try:
        return int(row.value) if row is not None else 1
    except ValueError:
        return 1


@dataclass(frozen=True)
class Head:
    """The end of the chain: the newest event's id and hash, and how many events lead to
    it."""

    last_id: int
    hash: str
    count: int

    def as_dict(self) -> dict[str, Any]:
        return {"last_id": self.last_id, "hash": self.hash, "count": self.count}

    @property
    def short(self) -> str:
        """How a page prints it: "1234 · 9f86d081884c7d65"."""
        return f"{self.count} · {self.hash[:16]}"


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction (writes are serialised, so the chain
    head read here is the real one: SQLite holds its write lock, PostgreSQL an advisory
    lock until commit)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7314001)"))
    last = session.execute(
        select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).scalar_one_or_none()
    prev = last or GENESIS
    at = utcnow().replace(microsecond=0)
    before_p, after_p = _plain(before), _plain(after)
    key = audit_key(session, create=True)
    assert key is not None
    event = AuditEvent(
        at=at,
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=before_p,
        after=after_p,
        prev_hash=prev,
        hash=event_mac(key, prev, at, actor.username, action, entity, entity_id, before_p,
                       after_p),
    )  # fmt: skip
    session.add(event)
    session.flush()
    # The chain's head, kept beside it: removing the newest events shows up too.
    head = session.get(AppMeta, HEAD_KEY)
    if head is None:
        session.add(AppMeta(key=HEAD_KEY, value=f"{event.id}:{event.hash}"))
    else:
        head.value = f"{event.id}:{event.hash}"
    session.flush()
    # For the copy of the head outside the database, written once the transaction commits.
    session.info[AUDIT_HEAD] = (event.id, event.hash)
    return event


def head(session: Session) -> Head | None:
    """The present end of the chain (None while it is empty)."""
    row = session.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    if row is None:
        return None
    count = session.execute(select(func.count()).select_from(AuditEvent)).scalar_one()
    return Head(int(row[0]), str(row[1]), int(count))


# --- the copy of the head in the key file ------------------------------------------------


def _anchor_key(key: bytes) -> bytes:
    return hmac.new(key, b"grant-tracker anchor", hashlib.sha256).digest()


def anchor_mac(key: bytes, database_id: str, anchor: dict[str, Any]) -> str:
    body = {k: v for k, v in anchor.items() if k != "mac"}
    payload = json.dumps([database_id, body], sort_keys=True, separators=(",", ":"))
    return hmac.new(_anchor_key(key), payload.encode("utf-8"), hashlib.sha256).hexdigest()


def anchor_intact(key: bytes, database_id: str, anchor: dict[str, Any]) -> bool:
    mac = anchor.get("mac")
    return isinstance(mac, str) and hmac.compare_digest(mac, anchor_mac(key, database_id, anchor))


@dataclass(frozen=True)
class Finding:
    """One way the trail does not hold. ``reason`` is one of the REASONS keys."""

    reason: str
    event_id: int | None = None
    found_at: str = ""


REASONS = (
    "missing event before it",
    "link does not match",
    "content changed",
    "newest events removed",
    "events removed",
    "chain rewritten",
    "chain head missing",
    "anchor altered",
    "keyed from changed",
    "no audit key",
)


def _anchor_problem(
    session: Session, anchor: dict[str, Any], *, count: bool = False
) -> Finding | None:
    """Does the chain still hold the event the copied head names, with the same hash (two
    indexed reads), and, with ``count``, as many events up to it (a scan of the trail,
    for the whole check only)?"""
    try:
        last_id, want_hash, want_count = (
            int(anchor["last_id"]),
            str(anchor["hash"]),
            anchor["count"],
        )
    except (KeyError, TypeError, ValueError):
        return Finding("anchor altered")
    if last_id == 0:
        return None
    found = session.execute(
        select(AuditEvent.hash).where(AuditEvent.id == last_id)
    ).scalar_one_or_none()
    if found is None:
        newest = session.execute(select(func.max(AuditEvent.id))).scalar_one_or_none() or 0
        reason = "newest events removed" if newest < last_id else "events removed"
        return Finding(reason, last_id)
    if found != want_hash:
        return Finding("chain rewritten", last_id)
    if not count:
        return None
    up_to = session.execute(
        select(func.count()).select_from(AuditEvent).where(AuditEvent.id <= last_id)
    ).scalar_one()
    if up_to != want_count:
        return Finding("events removed", last_id)
    return None


def check_anchor(
    session: Session, key: bytes, database_id: str, anchor: Any, *, full: bool = False
) -> list[Finding]:
    """What the key file's copy of the head says about the chain: findings recorded
    earlier (``breaks``), and whether the chain still holds the head it names. Quick (two
    indexed reads), so it runs before every sign-in is written; ``full`` also counts the
    events up to it (a removed event in the middle, also shown by the chain's links)."""
    if anchor is None:
        return []
    if not isinstance(anchor, dict) or not anchor_intact(key, database_id, anchor):
        return [Finding("anchor altered")]
    found = [
        Finding(str(b.get("reason")), b.get("last_id"), str(b.get("found_at", "")))
        for b in anchor.get("breaks", [])
        if isinstance(b, dict)
    ]
    if int(anchor.get("hmac_from", 1)) != hmac_from(session):
        found.append(Finding("keyed from changed"))
    problem = _anchor_problem(session, anchor, count=full)
    if problem is not None:
        found.append(problem)
    return found


def _sealed(key: bytes, database_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    anchor = {"version": ANCHOR_VERSION, **fields}
    anchor["mac"] = anchor_mac(key, database_id, anchor)
    return anchor


def _add_break(breaks: list[dict[str, Any]], reason: str, last_id: int | None, stamp: str) -> None:
    """Keep a finding once: the same removed event found again later is the same finding."""
    for b in breaks:
        if b.get("last_id") == last_id and (last_id is not None or b.get("reason") == reason):
            return
    breaks.append({"reason": reason, "last_id": last_id, "found_at": stamp})


def new_anchor(
    session: Session,
    key: bytes,
    database_id: str,
    old: Any,
    head_id: int,
    head_hash: str,
    *,
    now: datetime | None = None,
) -> dict[str, Any] | None:
    """The key file's copy of the head moved on to (head_id, head_hash), or None when
    nothing is to change. It never moves backwards, and a problem found on the way (the
    stored head no longer in the chain, the copy itself altered) is kept in ``breaks``, so
    that moving on never hides it."""
    stamp = (now or datetime.now(UTC)).replace(microsecond=0).isoformat()
    base: dict[str, Any] | None = None
    breaks: list[dict[str, Any]] = []
    if isinstance(old, dict) and anchor_intact(key, database_id, old):
        base = old
        breaks = [dict(b) for b in old.get("breaks", []) if isinstance(b, dict)]
    elif old is not None:
        _add_break(breaks, "anchor altered", None, stamp)
    keyed_from = hmac_from(session)
    count: int | None = None
    if base is not None:
        before = len(breaks)
        if int(base.get("hmac_from", 1)) != keyed_from:
            _add_break(breaks, "keyed from changed", None, stamp)
        problem = _anchor_problem(session, base)
        if problem is not None:
            _add_break(breaks, problem.reason, problem.event_id, stamp)
        if int(base.get("last_id", 0)) >= head_id:
            if len(breaks) == before:
                return None
            fields = {k: base[k] for k in ("last_id", "hash", "count", "hmac_from")}
            return _sealed(key, database_id, {**fields, "breaks": breaks[-100:]})
        if problem is None:
            added = session.execute(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.id > int(base["last_id"]), AuditEvent.id <= head_id)
            ).scalar_one()
            count = int(base["count"]) + int(added)
    if count is None:
        count = session.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.id <= head_id)
        ).scalar_one()
    fields = {"last_id": head_id, "hash": head_hash, "count": int(count),
              "hmac_from": keyed_from, "breaks": breaks[-100:]}  # fmt: skip
    return _sealed(key, database_id, fields)


def advance_anchor(db: Any, new_head: tuple[int, str]) -> None:
    """After a write committed: move the key file's copy of the head on (under the key
    file's lock, never backwards). A failure to write it leaves the older copy, which
    still guards every event up to it; the next write tries again."""
    from tracker.db.vault import Vault, VaultError

    keys = db.keys
    if keys is None or keys.audit_key is None:
        return
    try:
        with Vault.update(keys.path, durable=False) as vault, db.read() as s:
            anchor = new_anchor(
                s, keys.audit_key, vault.database_id, vault.anchor, new_head[0], new_head[1]
            )
            if anchor is not None:
                vault.anchor = anchor
    except (VaultError, OSError):
        return


def prepare_anchor(db: Any, session: Session, new_head: tuple[int, str]) -> Any:
    """In the write transaction, just before it commits: the key file's copy of the head
    moved on (worked out on the writer's own connection), with the copy it replaces."""
    from tracker.db.vault import Vault, VaultError

    keys = db.keys
    if keys is None or keys.audit_key is None:
        return None
    try:
        vault = Vault.load(keys.path)
    except VaultError:
        return new_head
    anchor = new_anchor(
        session, keys.audit_key, vault.database_id, vault.anchor, new_head[0], new_head[1]
    )
    return (vault.anchor, anchor, new_head)


def store_anchor(db: Any, prepared: Any) -> None:
    """Once committed: write the prepared copy of the head, under the key file's lock,
    if no other window moved it meanwhile (else it is worked out again)."""
    from tracker.db.vault import Vault, VaultError

    keys = db.keys
    if keys is None:
        return
    if not isinstance(prepared, tuple) or len(prepared) != 3:
        advance_anchor(db, prepared)
        return
    old, anchor, new_head = prepared
    try:
        with Vault.update(keys.path, durable=False) as vault:
            if vault.anchor == old:
                if anchor is not None:
                    vault.anchor = anchor
                return
    except (VaultError, OSError):
        return
    advance_anchor(db, new_head)


def reanchor(db: Any) -> None:
    """Make the key file's copy of the head that of the database as it is now (after a
    backup is restored, which rightly takes the chain back; the findings stay)."""
    from tracker.db.vault import Vault

    keys = db.keys
    if keys is None or keys.audit_key is None:
        return
    with Vault.update(keys.path) as vault, db.read() as s:
        now = head(s)
        breaks: list[Any] = []
        if isinstance(vault.anchor, dict) and anchor_intact(
            keys.audit_key, vault.database_id, vault.anchor
        ):
            breaks = list(vault.anchor.get("breaks", []))
        fields = {
            "last_id": now.last_id if now else 0,
            "hash": now.hash if now else GENESIS,
            "count": now.count if now else 0,
            "hmac_from": hmac_from(s),
            "breaks": breaks,
        }
        vault.anchor = _sealed(keys.audit_key, vault.database_id, fields)


def check_before_sign_in(db: Any) -> list[Finding]:
    """Before a sign-in event is written: does the chain still end where the key file
    says? A new problem is kept in the key file at once, so it stays reported after any
    later write (the sign-in's own event included)."""
    from tracker.db.vault import Vault, VaultError

    keys = db.keys
    if keys is None or keys.audit_key is None:
        return []
    try:
        with Vault.update(keys.path) as vault, db.read() as s:
            found = check_anchor(s, keys.audit_key, vault.database_id, vault.anchor)
            if any(not f.found_at for f in found):
                newest = head(s)
                anchor = new_anchor(
                    s,
                    keys.audit_key,
                    vault.database_id,
                    vault.anchor,
                    newest.last_id if newest else 0,
                    newest.hash if newest else GENESIS,
                )
                if anchor is not None:
                    vault.anchor = anchor
    except (VaultError, OSError):
        return []
    return found


# --- checking -------------------------------------------------------------------------


@dataclass(frozen=True)
class RowCheck:
    """Records of one kind compared with their newest event."""

    entity: str
    checked: int
    changed: tuple[int, ...]
    #: Records with no event of their own that carries their values (created inside
    #: another action): not checked until they are next changed through the app.
    unchecked: int = 0


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None  # id of the first event that does not fit the chain
    reason: str = ""
    findings: tuple[Finding, ...] = ()
    rows: tuple[RowCheck, ...] = ()
    head: Head | None = None

    @property
    def ok(self) -> bool:
        """The trail itself holds: no event changed, removed or rewritten."""
        return self.broken_at is None and not self.findings

    @property
    def rows_changed(self) -> int:
        return sum(len(r.changed) for r in self.rows)

    @property
    def all_ok(self) -> bool:
        return self.ok and self.rows_changed == 0


def verify_chain(session: Session) -> ChainReport:
    """Walk the whole chain from the first event: every link, every hash (plain SHA-256
    before ``audit_hmac_from``, HMAC from there on), and the head kept beside it."""
    prev = GENESIS
    checked = 0
    last_id = 0
    key = audit_key(session)
    keyed_from = hmac_from(session)
    every = select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=_BATCH)
    with session.execute(every) as result:  # closed on every way out
        for ev in result.scalars():
            if ev.prev_hash != prev:
                reason = (
                    "missing event before it" if ev.id != last_id + 1 else "link does not match"
                )
                return ChainReport(checked, ev.id, reason)
            args = (ev.prev_hash, ev.at, ev.username, ev.action, ev.entity, ev.entity_id,
                    ev.before, ev.after)  # fmt: skip
            if ev.id >= keyed_from:
                if key is None:
                    return ChainReport(checked, ev.id, "no audit key")
                expected = event_mac(key, *args)
            else:
                expected = event_hash(*args)
            if not hmac.compare_digest(expected, ev.hash):
                return ChainReport(checked, ev.id, "content changed")
            prev = ev.hash
            last_id = ev.id
            checked += 1
    now = Head(last_id, prev, checked) if checked else None
    meta = session.get(AppMeta, HEAD_KEY)
    if meta is not None:
        head_id, _, head_hash = meta.value.partition(":")
        if int(head_id) != last_id or head_hash != prev:
            return ChainReport(checked, int(head_id), "newest events removed", head=now)
    elif checked:
        return ChainReport(checked, last_id, "chain head missing", head=now)
    return ChainReport(checked, None, head=now)


# --- records changed without their event ---------------------------------------------


@dataclass(frozen=True)
class _Kind:
    entity: str
    model: Any
    #: Actions whose ``after`` is the whole record (extra keys beside it are ignored).
    actions: tuple[str, ...]
    #: Columns that change without an event of their own (sign-in counters...).
    ignore: tuple[str, ...] = ()
    #: Other actions on the same record that change it without carrying its values:
    #: the record is not checked after one of them.
    partial: tuple[str, ...] = ()


#: What the services write a whole record's values for. Records created inside another
#: action (visits booked by a hand-over's follow-up plan, the receipt and the animals of a
#: hand-over, calves) are checked from the first event of their own on.
KINDS = (
    _Kind("office", Office, ("create", "update")),
    _Kind("user", User, ("create", "set_role", "enable", "disable"),
          ignore=("password_hash", "failed_logins", "locked_until")),
    _Kind("project", Project, ("create", "update")),
    _Kind("grant_type", GrantType, ("create", "update")),
    _Kind("beneficiary", Beneficiary, ("create", "update")),
    _Kind("grant", Grant, ("plan", "cancel", "update")),
    _Kind("disbursement", Disbursement, ("handover", "update")),
    _Kind("visit", Visit, ("schedule", "visit", "miss", "cancel")),
    _Kind("asset", Asset, ("update",)),
    _Kind("pass_on", PassOn, ("pass_on",)),
    _Kind("receipt", Receipt, ("void", "replace"), ignore=("reprint_count",)),
)  # fmt: skip


def _differs(row: dict[str, Any], after: Any, ignore: Iterable[str]) -> bool:
    if not isinstance(after, dict):
        return True
    # The version a record is at is counted by the database (and was not kept before
    # revision 0011): not one of the values an event gives a record.
    skip = {*ignore, "version"}
    return any(after.get(k) != v for k, v in row.items() if k not in skip)


def _newest_events(
    session: Session, entity: str, actions: Iterable[str]
) -> Generator[tuple[int, str, Any], None, None]:
    """(record id, action, after) of the newest event of each record, by record id."""
    newest = (
        select(func.max(AuditEvent.id).label("mid"))
        .where(AuditEvent.entity == entity, AuditEvent.action.in_(list(actions)))
        .where(AuditEvent.entity_id.is_not(None))
        .group_by(AuditEvent.entity_id)
        .subquery()
    )
    q = (
        select(AuditEvent.entity_id, AuditEvent.action, AuditEvent.after)
        .join(newest, AuditEvent.id == newest.c.mid)
        .order_by(AuditEvent.entity_id)
        .execution_options(yield_per=_BATCH)
    )
    with session.execute(q) as result:
        for entity_id, action, after in result:
            yield int(entity_id), str(action), after


def check_rows(
    session: Session, should_stop: Callable[[], bool] | None = None
) -> tuple[RowCheck, ...]:
    """Compare every audited record with the ``after`` of its newest event: a record
    changed outside the app (its event not written, or written with other values) shows
    here even while the chain itself is whole."""
    found: list[RowCheck] = []
    for kind in KINDS:
        if should_stop is not None and should_stop():
            break
        # Both in record id order, read in batches: a merge, whatever the size.
        events = _newest_events(session, kind.entity, kind.actions + kind.partial)
        pending = next(events, None)
        checked, changed, unchecked = 0, [], 0
        rows = select(kind.model).order_by(kind.model.id).execution_options(yield_per=_BATCH)
        with session.execute(rows) as result:
            for obj in result.scalars():
                while pending is not None and pending[0] < obj.id:
                    pending = next(events, None)
                if pending is None or pending[0] != obj.id or pending[1] in kind.partial:
                    unchecked += 1
                    continue
                checked += 1
                if _differs(snapshot(obj), pending[2], kind.ignore):
                    changed.append(int(obj.id))
        events.close()
        found.append(RowCheck(kind.entity, checked, tuple(changed), unchecked))
        session.expunge_all()
    # Receipts: the reprint count is the number of reprint events.
    reprints = dict(
        session.execute(
            select(AuditEvent.entity_id, func.count())
            .where(AuditEvent.entity == "receipt", AuditEvent.action == "reprint")
            .group_by(AuditEvent.entity_id)
        ).all()
    )
    off = [
        int(rid)
        for rid, count in session.execute(select(Receipt.id, Receipt.reprint_count)).all()
        if int(count or 0) != int(reprints.get(rid, 0))
    ]
    # Consents and tranches are written once, inside their parent's event.
    consents = {
        int(ev.after["id"]): ev.after
        for ev in session.execute(
            select(AuditEvent).where(
                AuditEvent.entity == "beneficiary", AuditEvent.action == "consent"
            )
        ).scalars()
        if isinstance(ev.after, dict) and isinstance(ev.after.get("id"), int)
    }
    tranches: dict[int, Any] = {}
    for ev in session.execute(
        select(AuditEvent).where(AuditEvent.entity == "grant", AuditEvent.action == "plan")
    ).scalars():
        for t in (ev.after or {}).get("tranches", []) if isinstance(ev.after, dict) else []:
            if isinstance(t, dict) and isinstance(t.get("id"), int):
                tranches[int(t["id"])] = t
    for entity, model, known in (("consent", Consent, consents), ("tranche", Tranche, tranches)):
        checked, changed, unchecked = 0, [], 0
        rows_of: Any = model
        for obj in session.execute(select(rows_of).order_by(rows_of.id)).scalars():
            after = known.get(int(obj.id))
            if after is None:
                unchecked += 1
                continue
            checked += 1
            if _differs(snapshot(obj), after, ()):
                changed.append(int(obj.id))
        found.append(RowCheck(entity, checked, tuple(changed), unchecked))
    if off:
        found = [
            RowCheck(r.entity, r.checked, tuple(sorted({*r.changed, *off})), r.unchecked)
            if r.entity == "receipt"
            else r
            for r in found
        ]
    return tuple(found)


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def list_events(
    db: Any,
    actor: Actor,
    *,
    username: str | None = None,
    entity: str | None = None,
    action: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[AuditRow]:
    """The audit trail, newest first, for administrators."""
    from datetime import UTC, time

    actor.require("user.manage")
    q = select(AuditEvent).order_by(AuditEvent.id.desc())
    if username:
        q = q.where(AuditEvent.username == username)
    if entity:
        q = q.where(AuditEvent.entity == entity)
    if action:
        q = q.where(AuditEvent.action == action)
    if since is not None:
        q = q.where(AuditEvent.at >= datetime.combine(since, time.min, tzinfo=UTC))
    if until is not None:
        q = q.where(AuditEvent.at <= datetime.combine(until, time.max, tzinfo=UTC))
    with db.read() as s:
        return [
            AuditRow(e.id, e.at, e.username, e.action, e.entity, e.entity_id, e.before, e.after)
            for e in s.execute(q.limit(limit).offset(offset)).scalars()
        ]


def verify(
    db: Any,
    actor: Actor,
    *,
    rows: bool = True,
    should_stop: Callable[[], bool] | None = None,
) -> ChainReport:
    """Check the whole trail (administrators; also ``tracker audit verify``): the chain,
    the copy of its head in the key file (and what was found there before), and, with
    ``rows``, every audited record against its newest event."""
    from tracker.db.vault import Vault, VaultError

    actor.require("user.manage")
    with db.read() as s:
        report = verify_chain(s)
        findings: list[Finding] = []
        keys = db.keys
        if keys is not None and keys.audit_key is not None:
            try:
                vault = Vault.load(keys.path)
            except VaultError:
                vault = None
            if vault is not None:
                findings = check_anchor(
                    s, keys.audit_key, vault.database_id, vault.anchor, full=True
                )
        checked_rows = check_rows(s, should_stop) if rows else ()
        now = head(s)
    broken_at, reason = report.broken_at, report.reason
    if broken_at is None and findings:
        broken_at, reason = findings[0].event_id or 0, findings[0].reason
    return ChainReport(
        report.checked, broken_at, reason, tuple(findings), checked_rows, now or report.head
    )


def check_manifest_head(db: Any, actor: Actor, manifest: dict[str, Any]) -> str | None:
    """Is the chain head printed in an export's manifest still an ancestor of the present
    chain (the same event, with the same hash, and as many events up to it)? None when it
    is; else what is wrong: "no head", "other database", "not in chain"."""
    actor.require("user.manage")
    got = manifest.get("audit_head") if isinstance(manifest, dict) else None
    if not isinstance(got, dict):
        return "no head"
    try:
        last_id, want, count = int(got["last_id"]), str(got["hash"]), int(got["count"])
    except (KeyError, TypeError, ValueError):
        return "no head"
    with db.read() as s:
        mine = s.get(AppMeta, "database_id")
        theirs = got.get("database_id")
        if mine is not None and theirs and theirs != mine.value:
            return "other database"
        if last_id == 0:
            return None
        found = s.execute(
            select(AuditEvent.hash).where(AuditEvent.id == last_id)
        ).scalar_one_or_none()
        if found is None or not hmac.compare_digest(found, want):
            return "not in chain"
        up_to = s.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.id <= last_id)
        ).scalar_one()
        if up_to != count:
            return "not in chain"
    return None


def read_manifest(path: Any) -> dict[str, Any]:
    """An export's ``manifest.json`` (given itself or its folder)."""
    from pathlib import Path

    from tracker.reports.usb import MANIFEST
    from tracker.services.errors import ServiceError

    p = Path(path)
    if p.is_dir():
        p = p / MANIFEST
    try:
        data = json.loads(p.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ServiceError("manifest_unreadable", None, path=str(p)) from exc
    if not isinstance(data, dict):
        raise ServiceError("manifest_unreadable", None, path=str(p))
    return data


def check_export(db: Any, actor: Actor, path: Any) -> str | None:
    """:func:`check_manifest_head` for the manifest of an export on disk."""
    actor.require("user.manage")
    return check_manifest_head(db, actor, read_manifest(path))


def export_head(db: Any) -> dict[str, Any]:
    """The chain head to print on an export (and its manifest)."""
    with db.read() as s:
        now = head(s)
        meta = s.get(AppMeta, "database_id")
    found = now.as_dict() if now else {"last_id": 0, "hash": GENESIS, "count": 0}
    if meta is not None:
        found["database_id"] = meta.value
    return found


@dataclass(frozen=True)
class ChangeMark:
    """How far the audit trail goes (its newest event's id) and the kinds of record the
    events after a given id wrote: what a window polls to see that another PC changed
    something."""

    last_id: int
    entities: frozenset[str]


def changes_since(db: Any, actor: Actor, after_id: int | None) -> ChangeMark:
    """The newest event's id, and the entities written after ``after_id`` (none when it is
    None: the first call only takes the mark). One read along the primary key."""
    actor.require("read")
    with db.read() as s:
        last = s.execute(select(func.max(AuditEvent.id))).scalar_one_or_none() or 0
        if after_id is None or last <= after_id:
            return ChangeMark(int(last), frozenset())
        found = s.execute(
            select(AuditEvent.entity).where(AuditEvent.id > after_id).distinct()
        ).scalars()
        return ChangeMark(int(last), frozenset(str(e) for e in found))
