"""The audit trail: one row per write, chained by SHA-256 so that a row changed or removed
outside the app breaks the chain at that point."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from tracker.db.base import utcnow
from tracker.db.models import AppMeta, AuditEvent
from tracker.services.context import Actor

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


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
    payload = json.dumps(
        [prev_hash, at.isoformat(), username, action, entity, entity_id, before, after],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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
        hash=event_hash(prev, at, actor.username, action, entity, entity_id, before_p, after_p),
    )
    session.add(event)
    session.flush()
    # The chain's head, kept beside it: removing the newest events shows up too.
    head = session.get(AppMeta, HEAD_KEY)
    if head is None:
        session.add(AppMeta(key=HEAD_KEY, value=f"{event.id}:{event.hash}"))
    else:
        head.value = f"{event.id}:{event.hash}"
    session.flush()
    return event


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None  # id of the first event that does not fit the chain
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain(session: Session) -> ChainReport:
    prev = GENESIS
    checked = 0
    last_id = 0
    for ev in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
        if ev.prev_hash != prev:
            reason = "missing event before it" if ev.id != last_id + 1 else "link does not match"
            return ChainReport(checked, ev.id, reason)
        expected = event_hash(
            ev.prev_hash,
            ev.at,
            ev.username,
            ev.action,
            ev.entity,
            ev.entity_id,
            ev.before,
            ev.after,
        )
        if expected != ev.hash:
            return ChainReport(checked, ev.id, "content changed")
        prev = ev.hash
        last_id = ev.id
        checked += 1
    head = session.get(AppMeta, HEAD_KEY)
    if head is not None:
        head_id, _, head_hash = head.value.partition(":")
        if int(head_id) != last_id or head_hash != prev:
            return ChainReport(checked, int(head_id), "newest events removed")
    elif checked:
        return ChainReport(checked, last_id, "chain head missing")
    return ChainReport(checked, None)


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


def verify(db: Any, actor: Actor) -> ChainReport:
    """Check the whole chain (administrators; also ``tracker audit verify``)."""
    actor.require("user.manage")
    with db.read() as s:
        return verify_chain(s)
