"""Follow-up visits: what is due and overdue, and recording what was found (which moves
the granted animals and looms along their history)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from tracker.db.engine import Database
from tracker.db.models import (
    Asset,
    AssetEvent,
    Beneficiary,
    Disbursement,
    Grant,
    GrantType,
    User,
    Visit,
)
from tracker.domain.vocab import (
    ASSET_CLOSED_STATUSES,
    ASSET_STATUSES,
    INCOME_BANDS,
    LIVESTOCK,
    MISSED_REASONS,
)
from tracker.services import audit, closing
from tracker.services import validate as v
from tracker.services.context import Actor
from tracker.services.errors import NotFoundError, ValidationError
from tracker.services.listing import matching_people, ordering

VISIT_LISTS = ("due", "overdue", "open", "done", "missed", "all")
MAX_YOUNG = 20


@dataclass(frozen=True, kw_only=True)
class VisitRow:
    id: int
    beneficiary_id: int
    beneficiary_code: str
    beneficiary_name: str
    alias: str
    commune_code: str | None
    village: str
    grant_id: int | None
    grant_type: str | None
    grant_type_name_vi: str | None
    grant_type_name_en: str | None
    months_after: int | None
    scheduled_on: date
    officer_id: int | None
    officer: str
    status: str
    done_on: date | None
    livelihood_running: bool | None
    income_band: str | None
    safety_concern: bool | None
    notes: str
    days_late: int
    missed_reason: str | None = None


@dataclass(frozen=True)
class AssetUpdate:
    asset_id: int
    status: str
    young_born: int = 0
    note: str = ""


@dataclass(frozen=True)
class VisitOutcome:
    visit_id: int
    done_on: date
    livelihood_running: bool
    income_band: str | None = None
    safety_concern: bool = False
    in_school: bool | None = None
    notes: str = ""
    asset_updates: tuple[AssetUpdate, ...] = ()
    next_visit_on: date | None = None


@dataclass(frozen=True)
class MissedVisit:
    """A visit that found no one to meet: when it was tried, why, and the next try."""

    visit_id: int
    tried_on: date
    reason: str
    notes: str = ""
    next_visit_on: date | None = None


@dataclass(frozen=True)
class AssetEventView:
    happened_on: date
    status: str
    note: str


@dataclass(frozen=True)
class AssetView:
    id: int
    beneficiary_id: int
    grant_id: int
    parent_id: int | None
    kind: str
    description: str
    tag: str
    value: int
    status: str
    acquired_on: date
    closed_on: date | None
    events: tuple[AssetEventView, ...]

    @property
    def is_open(self) -> bool:
        return self.status not in ASSET_CLOSED_STATUSES


# --- scheduling ------------------------------------------------------------------------


def add_months(d: date, months: int) -> date:
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def schedule_followups(
    s: Session, g: Grant, d: Disbursement, months: list[int], officer_id: int | None
) -> list[date]:
    """Book a visit for each step of the follow-up plan (months after the hand-over)."""
    return book_plan(s, g.beneficiary_id, g.id, d.id, d.handed_on, months, officer_id)


def book_plan(
    s: Session,
    beneficiary_id: int,
    grant_id: int | None,
    disbursement_id: int | None,
    start: date,
    months: list[int],
    officer_id: int | None,
) -> list[date]:
    """A visit for each step of a follow-up plan, ``months`` after ``start`` (a hand-over,
    or an animal passed on to another family); returns the days booked."""
    dates = []
    for m in months:
        when = add_months(start, m)
        s.add(
            Visit(
                beneficiary_id=beneficiary_id,
                grant_id=grant_id,
                disbursement_id=disbursement_id,
                months_after=m,
                scheduled_on=when,
                officer_id=officer_id,
                status="scheduled",
            )
        )
        dates.append(when)
    return dates


def schedule_after_handover(
    s: Session, actor: Actor, g: Grant, d: Disbursement, *, new_assets: bool
) -> list[date]:
    """The follow-up plan of the grant type starts at the first hand-over of a grant, and
    again for every hand-over of animals or looms; returns the days booked."""
    has_visits = s.execute(select(Visit.id).where(Visit.grant_id == g.id).limit(1)).first()
    if has_visits and not new_assets:
        return []
    officer = g.officer_id if g.officer_id is not None else actor.user_id
    return schedule_followups(s, g, d, list(g.grant_type.followup_months or []), officer)


def cancel_open_visits(s: Session, actor: Actor, *conditions: Any) -> int:
    """Cancel the visits still scheduled that match ``conditions`` (a grant cancelled, a
    person's file closed): they leave the due and overdue lists; visits done or missed
    stay as they were. Returns how many were cancelled."""
    open_visits = s.execute(
        select(Visit).where(Visit.status == "scheduled", *conditions).order_by(Visit.id)
    ).scalars()
    count = 0
    for vis in open_visits:
        before = audit.snapshot(vis)
        vis.status = "cancelled"
        audit.record(s, actor, "cancel", "visit", vis.id, before=before,
                     after=audit.snapshot(vis))  # fmt: skip
        count += 1
    return count


#: The officer of a visit, as its lists join and sort them.
_OFFICER = aliased(User, name="visit_officer")


def _visit_query() -> Select:  # type: ignore[type-arg]
    officer = _OFFICER
    return (
        select(Visit, Beneficiary, GrantType, officer.full_name)
        .join(Beneficiary, Beneficiary.id == Visit.beneficiary_id)
        .outerjoin(Grant, Grant.id == Visit.grant_id)
        .outerjoin(GrantType, GrantType.id == Grant.grant_type_id)
        .outerjoin(officer, officer.id == Visit.officer_id)
    )


def _visit_row(
    vis: Visit, b: Beneficiary, gt: GrantType | None, officer: str | None, today: date
) -> VisitRow:
    late = (today - vis.scheduled_on).days if vis.status == "scheduled" else 0
    return VisitRow(
        id=vis.id,
        beneficiary_id=b.id,
        beneficiary_code=b.code,
        beneficiary_name=b.full_name,
        alias=b.alias,
        commune_code=b.commune_code,
        village=b.village,
        grant_id=vis.grant_id,
        grant_type=gt.code if gt else None,
        grant_type_name_vi=gt.name_vi if gt else None,
        grant_type_name_en=gt.name_en if gt else None,
        months_after=vis.months_after,
        scheduled_on=vis.scheduled_on,
        officer_id=vis.officer_id,
        officer=officer or "",
        status=vis.status,
        done_on=vis.done_on,
        livelihood_running=vis.livelihood_running,
        income_band=vis.income_band,
        safety_concern=vis.safety_concern,
        notes=vis.notes,
        days_late=max(late, 0),
        missed_reason=vis.missed_reason,
    )


def _apply_list(q: Select, which: str, today: date, within_days: int) -> Select:  # type: ignore[type-arg]
    if which == "due":
        q = q.where(
            Visit.status == "scheduled",
            Visit.scheduled_on >= today,
            Visit.scheduled_on <= today + timedelta(days=within_days),
        )
    elif which == "overdue":
        q = q.where(Visit.status == "scheduled", Visit.scheduled_on < today)
    elif which == "open":
        q = q.where(
            Visit.status == "scheduled",
            Visit.scheduled_on <= today + timedelta(days=within_days),
        )
    elif which == "done":
        q = q.where(Visit.status == "done")
    elif which == "missed":
        q = q.where(Visit.status == "missed")
    return q


#: The orders the visit lists can be sorted in: columns, each ascending unless marked
#: (column, True) for descending (the days late of a visit fall as its date rises).
VISIT_SORTS: dict[str, tuple[Any, ...]] = {
    "scheduled_on": (Visit.scheduled_on,),
    "days_late": ((Visit.scheduled_on, True),),
    "beneficiary": (Beneficiary.code,),
    "commune": (Beneficiary.commune_code, Beneficiary.code),
    "village": (Beneficiary.village, Beneficiary.code),
    "grant_type": (GrantType.code, Visit.scheduled_on),
    "months_after": (Visit.months_after, Visit.scheduled_on),
    "officer": (_OFFICER.full_name, Visit.scheduled_on),
    "status": (Visit.status, Visit.scheduled_on),
    "done_on": (Visit.done_on,),
    "outcome": (Visit.livelihood_running, Visit.income_band, Visit.done_on),
}


def list_visits(
    db: Database,
    actor: Actor,
    which: str = "open",
    *,
    today: date | None = None,
    within_days: int = 7,
    commune_code: str | None = None,
    officer_id: int | None = None,
    beneficiary_id: int | None = None,
    limit: int = 500,
    offset: int = 0,
    text: str = "",
    order: str | None = None,
    descending: bool = False,
) -> list[VisitRow]:
    """Visits in one of the lists: ``due`` (from today to ``within_days`` ahead),
    ``overdue`` (scheduled before today, not done), ``open`` (both), ``done``, ``all``.
    ``text``: every word in the person's name, alias or code, with or without diacritics;
    ``order``: a key of :data:`VISIT_SORTS` (else the list's own order)."""
    actor.require("read")
    which = v.choice(which, "visit", VISIT_LISTS)
    today = today or date.today()
    q = _apply_list(_visit_query(), which, today, within_days)
    if commune_code:
        q = q.where(Beneficiary.commune_code == commune_code)
    if officer_id is not None:
        q = q.where(Visit.officer_id == officer_id)
    if beneficiary_id is not None:
        q = q.where(Visit.beneficiary_id == beneficiary_id)
    q = matching_people(q, text)
    if order in VISIT_SORTS:
        q = q.order_by(*ordering(VISIT_SORTS[order], descending), Visit.id)
    elif which == "done":
        q = q.order_by(Visit.done_on.desc(), Visit.id.desc())
    else:
        q = q.order_by(Visit.scheduled_on, Visit.id)
    with db.read() as s:
        rows = s.execute(q.limit(limit).offset(offset)).all()
        return [_visit_row(vis, b, gt, off, today) for vis, b, gt, off in rows]


def count_visits(
    db: Database, actor: Actor, which: str, *, today: date | None = None, within_days: int = 7
) -> int:
    actor.require("read")
    which = v.choice(which, "visit", VISIT_LISTS)
    q = _apply_list(
        select(func.count()).select_from(Visit), which, today or date.today(), within_days
    )
    with db.read() as s:
        return int(s.execute(q).scalar_one())


def _asset_view(a: Asset) -> AssetView:
    return AssetView(
        a.id,
        a.beneficiary_id,
        a.grant_id,
        a.parent_id,
        a.kind,
        a.description,
        a.tag,
        a.value,
        a.status,
        a.acquired_on,
        a.closed_on,
        tuple(AssetEventView(e.happened_on, e.status, e.note) for e in a.events),
    )


def list_assets(db: Database, actor: Actor, beneficiary_id: int) -> list[AssetView]:
    actor.require("read")
    with db.read() as s:
        assets = s.execute(
            select(Asset).where(Asset.beneficiary_id == beneficiary_id).order_by(Asset.id)
        ).scalars()
        return [_asset_view(a) for a in assets]


def _young_description(kind: str) -> str:
    return {"cow": "Bê con", "buffalo": "Nghé con", "pig": "Lợn con", "goat": "Dê con"}.get(
        kind, "Con non"
    )


def _apply_asset_update(
    s: Session, actor: Actor, vis: Visit, upd: AssetUpdate, done_on: date
) -> list[int]:
    asset = s.get(Asset, v.integer(upd.asset_id, "asset"))
    if asset is None:
        raise NotFoundError("asset", upd.asset_id)
    if asset.beneficiary_id != vis.beneficiary_id:
        raise ValidationError("asset_not_of_visit", "asset")
    if asset.status in ASSET_CLOSED_STATUSES:
        raise ValidationError("asset_closed", "asset", status=asset.status)
    status = v.choice(upd.status, "asset_status", ASSET_STATUSES)
    note = v.text(upd.note, "notes", max_len=300)
    before = audit.snapshot(asset)
    new_ids: list[int] = []
    if status == "calved":
        if asset.kind not in LIVESTOCK:
            raise ValidationError("calves_need_animal", "asset_status")
        young = upd.young_born or 1
        if isinstance(young, bool) or not isinstance(young, int) or not 1 <= young <= MAX_YOUNG:
            raise ValidationError("quantity_range", "calves_born", max=MAX_YOUNG)
        for _ in range(young):
            calf = Asset(
                beneficiary_id=asset.beneficiary_id,
                grant_id=asset.grant_id,
                parent_id=asset.id,
                kind=asset.kind,
                description=_young_description(asset.kind),
                tag="",
                value=0,
                status="alive",
                acquired_on=done_on,
            )
            calf.events = [
                AssetEvent(
                    happened_on=done_on,
                    status="alive",
                    note=note,
                    visit_id=vis.id,
                    recorded_by_id=actor.user_id,
                )
            ]
            s.add(calf)
            s.flush()
            new_ids.append(calf.id)
    asset.events.append(
        AssetEvent(
            happened_on=done_on,
            status=status,
            note=note,
            visit_id=vis.id,
            recorded_by_id=actor.user_id,
        )
    )
    s.flush()
    # The asset is in the state of its newest event (a visit typed in late, dated before
    # the last one, adds to the history without changing the state).
    newest = max(asset.events, key=lambda e: (e.happened_on, e.id))
    asset.status = newest.status
    if newest.status in ASSET_CLOSED_STATUSES:
        asset.closed_on = newest.happened_on
    s.flush()
    after = audit.snapshot(asset)
    after["young_ids"] = new_ids
    audit.record(s, actor, "update", "asset", asset.id, before=before, after=after)
    return new_ids


def record_visit(
    db: Database, actor: Actor, outcome: VisitOutcome, *, today: date | None = None
) -> VisitRow:
    """Record what the officer found; updates the assets seen and can book the next visit."""
    actor.require("visit.write")
    today = today or date.today()
    if not isinstance(outcome.livelihood_running, bool):
        raise ValidationError("choice", "status", value=outcome.livelihood_running)
    income = (
        v.choice(outcome.income_band, "income_band", INCOME_BANDS)
        if outcome.income_band is not None
        else None
    )
    notes = v.multiline(outcome.notes, "notes", max_len=4000)
    with db.write() as s:
        vis, done_on, next_on = _closing(
            s, outcome.visit_id, outcome.done_on, outcome.next_visit_on, today
        )
        before = audit.snapshot(vis)
        vis.status = "done"
        vis.done_on = done_on
        vis.livelihood_running = outcome.livelihood_running
        vis.income_band = income
        vis.safety_concern = bool(outcome.safety_concern)
        vis.in_school = outcome.in_school if isinstance(outcome.in_school, bool) else None
        vis.notes = notes
        if vis.officer_id is None:
            vis.officer_id = actor.user_id
        s.flush()
        young: list[int] = []
        for upd in outcome.asset_updates:
            young += _apply_asset_update(s, actor, vis, upd, done_on)
        if next_on is not None:
            _book_next(s, vis, next_on)
        s.flush()
        after = audit.snapshot(vis)
        after["young_ids"] = young
        audit.record(s, actor, "visit", "visit", vis.id, before=before, after=after)
        row = s.execute(_visit_query().where(Visit.id == vis.id)).one()
        vis, b, gt, officer = row
        return _visit_row(vis, b, gt, officer, today)


def _closing(
    s: Session, visit_id: object, on: object, next_on: object, today: date
) -> tuple[Visit, date, date | None]:
    """The scheduled visit being closed (done or missed), the day it happened (not in the
    future, not before its hand-over) and the next visit asked for (after that day)."""
    vis = s.get(Visit, v.integer(visit_id, "visit"))
    if vis is None:
        raise NotFoundError("visit", visit_id)
    if vis.status != "scheduled":
        raise ValidationError("visit_already_done", "visit")
    day = v.a_date(on, "done_on", today=today, not_future=True, not_before=_start(s, vis))
    closing.ensure_open(s, day, "done_on")
    following = _next_visit_on(next_on, day)
    closing.ensure_open(s, following, "next_visit_on")
    return vis, day, following


def _start(s: Session, vis: Visit) -> date | None:
    """The earliest day the visit can have happened: its hand-over, else its grant's start."""
    if vis.disbursement_id is not None:
        return s.get(Disbursement, vis.disbursement_id).handed_on  # type: ignore[union-attr]
    if vis.grant_id is not None:
        return s.get(Grant, vis.grant_id).start_date  # type: ignore[union-attr]
    return None


def _next_visit_on(value: object, after: date) -> date | None:
    return v.optional_date(
        value,
        "next_visit_on",
        not_before=after + timedelta(days=1),
        not_after=after + timedelta(days=3 * 366),
    )


def _book_next(s: Session, vis: Visit, when: date) -> None:
    """Another visit for the same person and grant, outside the plan's steps."""
    s.add(
        Visit(
            beneficiary_id=vis.beneficiary_id,
            grant_id=vis.grant_id,
            disbursement_id=vis.disbursement_id,
            months_after=None,
            scheduled_on=when,
            officer_id=vis.officer_id,
            status="scheduled",
        )
    )


def record_missed(
    db: Database, actor: Actor, missed: MissedVisit, *, today: date | None = None
) -> VisitRow:
    """The officer went but could not meet the person: the visit is closed as missed with
    the reason (nothing is said about the livelihood or the assets), and the next try can
    be booked. "Other" needs a note saying what happened."""
    actor.require("visit.write")
    today = today or date.today()
    if missed.reason is None or missed.reason == "":
        raise ValidationError("required", "missed_reason")
    reason = v.choice(missed.reason, "missed_reason", MISSED_REASONS)
    notes = v.multiline(missed.notes, "notes", max_len=4000)
    if reason == "other" and not notes:
        raise ValidationError("required", "notes")
    with db.write() as s:
        vis, tried_on, next_on = _closing(
            s, missed.visit_id, missed.tried_on, missed.next_visit_on, today
        )
        before = audit.snapshot(vis)
        vis.status = "missed"
        vis.done_on = tried_on
        vis.missed_reason = reason
        vis.notes = notes
        if vis.officer_id is None:
            vis.officer_id = actor.user_id
        if next_on is not None:
            _book_next(s, vis, next_on)
        s.flush()
        audit.record(s, actor, "miss", "visit", vis.id, before=before, after=audit.snapshot(vis))
        row = s.execute(_visit_query().where(Visit.id == vis.id)).one()
        vis, b, gt, officer = row
        return _visit_row(vis, b, gt, officer, today)


def schedule_visit(
    db: Database,
    actor: Actor,
    beneficiary_id: int,
    scheduled_on: date,
    *,
    grant_id: int | None = None,
    officer_id: int | None = None,
    today: date | None = None,
) -> VisitRow:
    """Book a visit by hand (a family that needs an extra look)."""
    actor.require("visit.write")
    today = today or date.today()
    when = v.a_date(
        scheduled_on,
        "scheduled_on",
        not_before=today - timedelta(days=366),
        not_after=today + timedelta(days=3 * 366),
    )
    with db.write() as s:
        closing.ensure_open(s, when, "scheduled_on")
        b = s.get(Beneficiary, beneficiary_id)
        if b is None:
            raise NotFoundError("beneficiary", beneficiary_id)
        if grant_id is not None:
            g = s.get(Grant, grant_id)
            if g is None or g.beneficiary_id != b.id:
                raise NotFoundError("grant", grant_id)
        if officer_id is not None and s.get(User, officer_id) is None:
            raise NotFoundError("officer", officer_id)
        vis = Visit(
            beneficiary_id=b.id,
            grant_id=grant_id,
            scheduled_on=when,
            officer_id=officer_id if officer_id is not None else actor.user_id,
            status="scheduled",
        )
        s.add(vis)
        s.flush()
        audit.record(s, actor, "schedule", "visit", vis.id, after=audit.snapshot(vis))
        row = s.execute(_visit_query().where(Visit.id == vis.id)).one()
        vis, b, gt, officer = row
        return _visit_row(vis, b, gt, officer, today)
