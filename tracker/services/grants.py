"""Planning grants and recording hand-overs (with their receipt number, the assets handed
over and the follow-up visits they start)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.db.models import (
    Asset,
    AssetEvent,
    Beneficiary,
    Disbursement,
    Grant,
    GrantType,
    Project,
    Receipt,
    ReceiptCounter,
    Tranche,
    User,
    Visit,
)
from tracker.services import audit
from tracker.services import validate as v
from tracker.services.context import Actor
from tracker.services.errors import LimitExceeded, NotFoundError, ValidationError
from tracker.services.grant_types import by_code
from tracker.services.office import current_office
from tracker.services.projects import spent_on

LIVESTOCK = ("cow", "buffalo", "pig", "goat", "poultry")


def add_months(d: date, months: int) -> date:
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class TrancheInput:
    """Cash (``amount``) or goods (``quantity`` x ``unit_value``)."""

    description: str
    amount: int | None = None
    quantity: int | None = None
    unit_value: int | None = None
    due_date: date | None = None


@dataclass(frozen=True)
class GrantInput:
    beneficiary_id: int
    project_id: int
    grant_type: str
    start_date: date
    tranches: tuple[TrancheInput, ...]
    details: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    officer_id: int | None = None


@dataclass(frozen=True)
class TrancheView:
    id: int
    seq: int
    description: str
    due_date: date | None
    quantity: int | None
    unit_value: int | None
    amount: int
    in_kind: bool
    delivered: int


@dataclass(frozen=True)
class GrantView:
    id: int
    beneficiary_id: int
    beneficiary_code: str
    beneficiary_name: str
    project_id: int
    project_code: str
    grant_type: str
    grant_type_name_vi: str
    grant_type_name_en: str
    planned_total: int
    delivered: int
    status: str
    start_date: date
    details: dict[str, Any]
    note: str
    officer_id: int | None
    tranches: tuple[TrancheView, ...]

    @property
    def remaining(self) -> int:
        return self.planned_total - self.delivered

    def next_tranche(self) -> TrancheView | None:
        for t in self.tranches:
            if t.delivered < t.amount:
                return t
        return None


@dataclass(frozen=True)
class HandoverInput:
    grant_id: int
    handed_on: date
    amount: int | None = None
    quantity: int | None = None
    unit_value: int | None = None
    tranche_seq: int | None = None
    description: str = ""
    override_reason: str = ""
    note: str = ""
    # None: goods of a livestock type always become assets; a loom only when asked.
    creates_assets: bool | None = None
    asset_tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class HandoverView:
    id: int
    grant_id: int
    beneficiary_id: int
    beneficiary_code: str
    beneficiary_name: str
    grant_type: str
    handed_on: date
    description: str
    in_kind: bool
    quantity: int | None
    unit_value: int | None
    amount: int
    staff: str
    override_reason: str
    receipt_number: str | None
    visits_scheduled: tuple[date, ...] = ()
    asset_ids: tuple[int, ...] = ()


# --- planning -------------------------------------------------------------------------


def _clean_tranches(tranches: object) -> list[dict[str, Any]]:
    if not isinstance(tranches, (list, tuple)) or not tranches:
        raise ValidationError("empty_list", "tranches")
    cleaned = []
    for seq, t in enumerate(tranches, start=1):
        if not isinstance(t, TrancheInput):
            raise ValidationError("empty_list", "tranches")
        desc = v.text(t.description, "description", max_len=200, required=True)
        qty = unit = None
        if t.quantity is not None or t.unit_value is not None:
            qty = v.quantity(t.quantity, "quantity")
            unit = v.amount(t.unit_value, "unit_value")
            total = qty * unit
            if t.amount is not None and v.amount(t.amount, "amount") != total:
                raise ValidationError("quantity_value_mismatch", "amount")
            amount = v.amount(total, "amount")
        elif t.amount is not None:
            amount = v.amount(t.amount, "amount")
        else:
            raise ValidationError("need_amount_or_goods", "amount")
        due = v.optional_date(t.due_date, "due_date", not_before=date(2000, 1, 1))
        cleaned.append(
            {
                "seq": seq,
                "description": desc,
                "quantity": qty,
                "unit_value": unit,
                "amount": amount,
                "in_kind": qty is not None,
                "due_date": due,
            }
        )
    return cleaned


def _clean_details(details: object, allowed: list[str]) -> dict[str, Any]:
    if not isinstance(details, dict):
        raise ValidationError("choice", "description", value=details)
    out: dict[str, Any] = {}
    for key, value in details.items():
        if key not in allowed:
            raise ValidationError("choice", "description", value=key)
        if isinstance(value, bool) or value is None:
            out[key] = value
        elif isinstance(value, int):
            out[key] = v.integer(value, "description")
        else:
            out[key] = v.text(value, "description", max_len=200)
    return out


def _delivered_by_tranche(s: Session, grant_id: int) -> dict[int | None, int]:
    rows = s.execute(
        select(Disbursement.tranche_id, func.sum(Disbursement.amount))
        .where(Disbursement.grant_id == grant_id)
        .group_by(Disbursement.tranche_id)
    ).all()
    return {tid: int(total) for tid, total in rows}


def _grant_view(s: Session, g: Grant) -> GrantView:
    delivered = _delivered_by_tranche(s, g.id)
    b, p, gt = g.beneficiary, g.project, g.grant_type
    return GrantView(
        g.id,
        b.id,
        b.code,
        b.full_name,
        p.id,
        p.code,
        gt.code,
        gt.name_vi,
        gt.name_en,
        g.planned_total,
        sum(delivered.values()),
        g.status,
        g.start_date,
        dict(g.details or {}),
        g.note,
        g.officer_id,
        tuple(
            TrancheView(
                t.id,
                t.seq,
                t.description,
                t.due_date,
                t.quantity,
                t.unit_value,
                t.amount,
                t.in_kind,
                delivered.get(t.id, 0),
            )
            for t in g.tranches
        ),
    )


def plan_grant(
    db: Database, actor: Actor, data: GrantInput, *, today: date | None = None
) -> GrantView:
    """Plan one beneficiary's support: a type, a project and one or more tranches."""
    actor.require("grant.write")
    today = today or date.today()
    tranches = _clean_tranches(data.tranches)
    planned_total = sum(t["amount"] for t in tranches)
    v.amount(planned_total, "amount")
    note = v.multiline(data.note, "notes", max_len=4000)
    with db.write() as s:
        gt = by_code(s, data.grant_type)
        details = _clean_details(data.details, list(gt.fields or []))
        b = s.get(Beneficiary, v.integer(data.beneficiary_id, "beneficiary"))
        if b is None:
            raise NotFoundError("beneficiary", data.beneficiary_id)
        p = s.get(Project, v.integer(data.project_id, "project"))
        if p is None:
            raise NotFoundError("project", data.project_id)
        if p.status != "active":
            raise ValidationError("project_closed", "project")
        start = v.a_date(
            data.start_date, "start_date", not_before=p.start_date, not_after=p.end_date
        )
        officer_id = data.officer_id if data.officer_id is not None else actor.user_id
        if officer_id is not None and s.get(User, officer_id) is None:
            raise NotFoundError("officer", officer_id)
        g = Grant(
            beneficiary_id=b.id,
            project_id=p.id,
            grant_type_id=gt.id,
            planned_total=planned_total,
            status="planned",
            start_date=start,
            details=details,
            note=note,
            officer_id=officer_id,
            created_by_id=actor.user_id,
        )
        g.tranches = [Tranche(**t) for t in tranches]
        s.add(g)
        s.flush()
        after = audit.snapshot(g)
        after["tranches"] = [audit.snapshot(t) for t in g.tranches]
        audit.record(s, actor, "plan", "grant", g.id, after=after)
        return _grant_view(s, g)


def get_grant(db: Database, actor: Actor, grant_id: int) -> GrantView:
    actor.require("read")
    with db.read() as s:
        g = s.get(Grant, grant_id)
        if g is None:
            raise NotFoundError("grant", grant_id)
        return _grant_view(s, g)


def list_grants(
    db: Database,
    actor: Actor,
    *,
    beneficiary_id: int | None = None,
    project_id: int | None = None,
    status: str | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[GrantView]:
    actor.require("read")
    q = select(Grant).order_by(Grant.start_date.desc(), Grant.id.desc())
    if beneficiary_id is not None:
        q = q.where(Grant.beneficiary_id == beneficiary_id)
    if project_id is not None:
        q = q.where(Grant.project_id == project_id)
    if status is not None:
        q = q.where(Grant.status == status)
    with db.read() as s:
        return [_grant_view(s, g) for g in s.execute(q.limit(limit).offset(offset)).scalars()]


def cancel_grant(db: Database, actor: Actor, grant_id: int, reason: str) -> GrantView:
    actor.require("grant.write")
    reason = v.text(reason, "notes", max_len=300, required=True)
    with db.write() as s:
        g = s.get(Grant, grant_id)
        if g is None:
            raise NotFoundError("grant", grant_id)
        if g.status in ("cancelled", "completed"):
            raise ValidationError("grant_closed", "grant", status=g.status)
        before = audit.snapshot(g)
        g.status = "cancelled"
        g.note = (g.note + "\n" if g.note else "") + reason
        s.flush()
        audit.record(s, actor, "cancel", "grant", g.id, before=before, after=audit.snapshot(g))
        cancel_open_visits(s, actor, Visit.grant_id == g.id)
        s.flush()
        return _grant_view(s, g)


# --- hand-overs -----------------------------------------------------------------------


def next_receipt_number(s: Session, office_id: int, prefix: str, year: int) -> tuple[int, str]:
    """Take the next number of the office's yearly sequence inside the caller's transaction:
    the counter row stays locked until commit, and a rollback gives the number back."""
    dialect = s.get_bind().dialect.name
    ins = postgresql.insert if dialect == "postgresql" else sqlite.insert
    s.execute(
        ins(ReceiptCounter)
        .values(office_id=office_id, year=year, last_seq=0)
        .on_conflict_do_nothing(index_elements=["office_id", "year"])
    )
    seq = s.execute(
        update(ReceiptCounter)
        .where(ReceiptCounter.office_id == office_id, ReceiptCounter.year == year)
        .values(last_seq=ReceiptCounter.last_seq + 1)
        .returning(ReceiptCounter.last_seq)
    ).scalar_one()
    return seq, f"{prefix}-{year}-{seq:05d}"


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


def _schedule_visits(
    s: Session, g: Grant, d: Disbursement, months: list[int], officer_id: int | None
) -> list[date]:
    dates = []
    for m in months:
        when = add_months(d.handed_on, m)
        s.add(
            Visit(
                beneficiary_id=g.beneficiary_id,
                grant_id=g.id,
                disbursement_id=d.id,
                months_after=m,
                scheduled_on=when,
                officer_id=officer_id,
                status="scheduled",
            )
        )
        dates.append(when)
    return dates


def record_handover(
    db: Database, actor: Actor, data: HandoverInput, *, today: date | None = None
) -> HandoverView:
    """Record cash or goods handed to a beneficiary, in one transaction with its receipt
    number, the assets handed over and the follow-up visits of the grant type's plan.

    A hand-over above what is left of the plan or of the project budget is refused unless
    ``override_reason`` says why.
    """
    actor.require("handover.write")
    today = today or date.today()
    override = v.text(data.override_reason, "override_reason", max_len=300)
    note = v.multiline(data.note, "notes", max_len=4000)
    qty = unit = None
    if data.quantity is not None or data.unit_value is not None:
        qty = v.quantity(data.quantity, "quantity")
        unit = v.amount(data.unit_value, "unit_value")
        amount = v.amount(qty * unit, "amount")
        if data.amount is not None and v.amount(data.amount, "amount") != amount:
            raise ValidationError("quantity_value_mismatch", "amount")
    elif data.amount is not None:
        amount = v.amount(data.amount, "amount")
    else:
        raise ValidationError("need_amount_or_goods", "amount")
    tags = tuple(v.text(t, "tag", max_len=40) for t in data.asset_tags)
    with db.write() as s:
        g = s.get(Grant, v.integer(data.grant_id, "grant"))
        if g is None:
            raise NotFoundError("grant", data.grant_id)
        if g.status in ("cancelled", "completed"):
            raise ValidationError("grant_closed", "grant", status=g.status)
        p, gt = g.project, g.grant_type
        if p.status != "active":
            raise ValidationError("project_closed", "project")
        handed_on = v.a_date(
            data.handed_on,
            "handed_on",
            today=today,
            not_future=True,
            not_before=max(g.start_date, p.start_date),
            not_after=p.end_date,
        )
        tranche = None
        if data.tranche_seq is not None:
            tranche = next((t for t in g.tranches if t.seq == data.tranche_seq), None)
            if tranche is None:
                raise ValidationError("tranche_mismatch", "tranche")
        description = v.text(data.description, "description", max_len=200) or (
            tranche.description if tranche else gt.name_vi
        )
        delivered = sum(_delivered_by_tranche(s, g.id).values())
        if delivered + amount > g.planned_total and not override:
            raise LimitExceeded(
                "exceeds_plan",
                "amount",
                delivered=delivered,
                amount=amount,
                planned=g.planned_total,
            )
        spent = spent_on(s, p.id)
        if spent + amount > p.budget and not override:
            raise LimitExceeded(
                "exceeds_budget", "amount", spent=spent, amount=amount, budget=p.budget
            )
        d = Disbursement(
            grant_id=g.id,
            tranche_id=tranche.id if tranche else None,
            handed_on=handed_on,
            description=description,
            in_kind=qty is not None,
            quantity=qty,
            unit_value=unit,
            amount=amount,
            staff_id=actor.user_id,
            override_reason=override,
            note=note,
        )
        s.add(d)
        s.flush()

        office = current_office(s)
        seq, number = next_receipt_number(s, office.id, office.receipt_prefix, handed_on.year)
        s.add(
            Receipt(
                office_id=office.id,
                year=handed_on.year,
                seq=seq,
                number=number,
                disbursement_id=d.id,
                issued_by_id=actor.user_id,
            )
        )

        makes_assets = data.creates_assets
        if makes_assets is None:
            makes_assets = gt.asset_kind in LIVESTOCK
        asset_ids: list[int] = []
        if makes_assets and gt.asset_kind and qty is not None:
            default_tag = str((g.details or {}).get("ear_tag", "") or "")
            for i in range(qty):
                asset = Asset(
                    beneficiary_id=g.beneficiary_id,
                    grant_id=g.id,
                    disbursement_id=d.id,
                    kind=gt.asset_kind,
                    description=description,
                    tag=tags[i] if i < len(tags) else (default_tag if qty == 1 else ""),
                    value=unit or 0,
                    status="alive" if gt.asset_kind in LIVESTOCK else "in_use",
                    acquired_on=handed_on,
                )
                asset.events = [
                    AssetEvent(
                        happened_on=handed_on,
                        status=asset.status,
                        note=description,
                        recorded_by_id=actor.user_id,
                    )
                ]
                s.add(asset)
                s.flush()
                asset_ids.append(asset.id)

        # The follow-up plan starts at the first hand-over of a grant, and again for every
        # animal or loom handed over later.
        has_visits = s.execute(select(Visit.id).where(Visit.grant_id == g.id).limit(1)).first()
        visits: list[date] = []
        if asset_ids or not has_visits:
            officer = g.officer_id if g.officer_id is not None else actor.user_id
            visits = _schedule_visits(s, g, d, list(gt.followup_months or []), officer)

        before = audit.snapshot(g)
        new_total = delivered + amount
        g.status = "completed" if new_total >= g.planned_total else "active"
        s.flush()
        after = audit.snapshot(d)
        after["receipt_number"] = number
        after["asset_ids"] = asset_ids
        audit.record(s, actor, "handover", "disbursement", d.id, after=after)
        if before["status"] != g.status:
            audit.record(s, actor, "update", "grant", g.id, before=before, after=audit.snapshot(g))
        return HandoverView(
            d.id,
            g.id,
            g.beneficiary_id,
            g.beneficiary.code,
            g.beneficiary.full_name,
            gt.code,
            handed_on,
            description,
            d.in_kind,
            qty,
            unit,
            amount,
            actor.username,
            override,
            number,
            tuple(visits),
            tuple(asset_ids),
        )


def list_handovers(
    db: Database,
    actor: Actor,
    *,
    beneficiary_id: int | None = None,
    grant_id: int | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[HandoverView]:
    actor.require("read")
    q = (
        select(Disbursement, Grant, Beneficiary, GrantType, User.username, Receipt.number)
        .join(Grant, Grant.id == Disbursement.grant_id)
        .join(Beneficiary, Beneficiary.id == Grant.beneficiary_id)
        .join(GrantType, GrantType.id == Grant.grant_type_id)
        .outerjoin(User, User.id == Disbursement.staff_id)
        .outerjoin(
            Receipt,
            (Receipt.disbursement_id == Disbursement.id) & Receipt.voided_at.is_(None),
        )
        .order_by(Disbursement.handed_on.desc(), Disbursement.id.desc())
    )
    if beneficiary_id is not None:
        q = q.where(Grant.beneficiary_id == beneficiary_id)
    if grant_id is not None:
        q = q.where(Disbursement.grant_id == grant_id)
    if since is not None:
        q = q.where(Disbursement.handed_on >= since)
    if until is not None:
        q = q.where(Disbursement.handed_on <= until)
    with db.read() as s:
        rows = s.execute(q.limit(limit).offset(offset)).all()
        return [
            HandoverView(
                d.id,
                g.id,
                b.id,
                b.code,
                b.full_name,
                gt.code,
                d.handed_on,
                d.description,
                d.in_kind,
                d.quantity,
                d.unit_value,
                d.amount,
                username or "",
                d.override_reason,
                number,
            )
            for d, g, b, gt, username, number in rows
        ]
