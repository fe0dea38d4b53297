"""Edits from several PCs on one database: every edited record carries a version counted
up by each update (SQLAlchemy's ``version_id_col``). A save says which version it was made
from; when someone else saved the record since, the save is refused with
:class:`~tracker.services.errors.EditConflict`, naming who changed it and when (from the
audit trail) and carrying the record as it is now, so that nothing is overwritten
silently. A save that gives no version (the command line, an import) is not checked.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.models import AuditEvent, User
from tracker.domain.shapes import OFFICE_TIME
from tracker.services import audit
from tracker.services.errors import EditConflict, NotFoundError

T = TypeVar("T")


def load(
    s: Session, model: type[T], record_id: int, expected: int | None, entity: str, ref: Any
) -> T:
    """The record to edit, locked until the transaction ends (PostgreSQL: ``SELECT ... FOR
    UPDATE``, so that a second save waits for the first and then sees its version; SQLite
    writes one at a time already), checked against the version the edit was made from.

    ``ref`` gives the words that name the record in the message: a string, or a function
    of the record."""
    obj = s.get(model, record_id, with_for_update=True, populate_existing=True)
    if obj is None:
        raise NotFoundError(entity, record_id)
    check(s, obj, expected, entity, ref(obj) if callable(ref) else str(ref))
    return obj


def check(s: Session, obj: Any, expected: int | None, entity: str, ref: str) -> None:
    """Refuse the edit of ``obj`` when it is no longer at the version ``expected``."""
    if expected is None or int(obj.version) == int(expected):
        return
    raise conflict(s, entity, int(obj.id), ref, theirs=audit.snapshot(obj))


def conflict(
    s: Session, entity: str, record_id: int, ref: str, *, theirs: dict[str, Any] | None = None
) -> EditConflict:
    """The error for a record changed by someone else: who and when from its newest event
    in the audit trail (the full name of the account when it is known)."""
    row = s.execute(
        select(AuditEvent.username, AuditEvent.at, User.full_name)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .where(AuditEvent.entity == entity, AuditEvent.entity_id == record_id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return EditConflict(entity, ref, "", "", theirs)
    username, at, full_name = row
    who = f"{full_name} ({username})" if full_name else str(username)
    when = at.astimezone(OFFICE_TIME).strftime("%H:%M %d/%m/%Y")
    return EditConflict(entity, ref, who, when, theirs)
