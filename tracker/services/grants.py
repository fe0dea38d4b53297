"""Planning grants and recording hand-overs (with their receipt number, the assets handed
over and the follow-up visits they start)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.db.models import (
    Asset,
    Beneficiary,
    Consent,
    Disbursement,
    Grant,
    GrantType,
    HandoverAdjustment,
    Project,
    Receipt,
    Tranche,
    User,
    Visit,
)
from tracker.domain.papers import kind_of
from tracker.services import assets, audit, closing, receipts, visits
from tracker.services import validate as v
from tracker.services.context import Actor
from tracker.services.errors import LimitExceeded, NotFoundError, ValidationError
from tracker.services.grant_types import by_code
from tracker.services.listing import matching_people, ordering
from tracker.services.projects import spent_on
from tracker.services.visits import add_months, cancel_open_visits


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


@dataclass(frozen=True, kw_only=True)
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


@dataclass(frozen=True, kw_only=True)
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
    #: What the whole hand-over gave: ``cash``, ``goods`` or ``mixed`` (its papers follow).
    kind: str = "cash"
    #: The amount of every line of the hand-over together.
    total: int = 0
    #: The hand-over's lines (the first carries the receipt).
    line_ids: tuple[int, ...] = ()


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


def clean_tranches_of(tranche: TrancheInput) -> list[dict[str, Any]]:
    """One tranche checked as :func:`plan_grant` checks it (the import's rows)."""
    return _clean_tranches([tranche])


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
    out = {tid: int(total) for tid, total in rows}
    # Corrections made after a quarter closed (dated in the open period) count too.
    for tid, change in s.execute(
        select(Disbursement.tranche_id, func.sum(HandoverAdjustment.amount))
        .join(Disbursement, Disbursement.id == HandoverAdjustment.disbursement_id)
        .where(Disbursement.grant_id == grant_id)
        .group_by(Disbursement.tranche_id)
    ).all():
        out[tid] = out.get(tid, 0) + int(change)
    return out


def _grant_view(s: Session, g: Grant) -> GrantView:
    delivered = _delivered_by_tranche(s, g.id)
    b, p, gt = g.beneficiary, g.project, g.grant_type
    return GrantView(
        id=g.id,
        beneficiary_id=b.id,
        beneficiary_code=b.code,
        beneficiary_name=b.full_name,
        project_id=p.id,
        project_code=p.code,
        grant_type=gt.code,
        grant_type_name_vi=gt.name_vi,
        grant_type_name_en=gt.name_en,
        planned_total=g.planned_total,
        delivered=sum(delivered.values()),
        status=g.status,
        start_date=g.start_date,
        details=dict(g.details or {}),
        note=g.note,
        officer_id=g.officer_id,
        tranches=tuple(
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


def refused_services(s: Session, beneficiary_id: int) -> bool:
    """The person's consent to services is "no" (the latest decision recorded)."""
    latest = s.execute(
        select(Consent.given)
        .where(Consent.beneficiary_id == beneficiary_id, Consent.kind == "services")
        .order_by(Consent.decided_on.desc(), Consent.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    return latest is False


def _check_consent(s: Session, b: Beneficiary, without_consent: bool) -> bool:
    """Support for someone who said no to services is not refused (the officer may know
    better, a decision recorded late), but it must be asked for on purpose
    (``without_consent``); True when it was, for the trail (:func:`_record_override`)."""
    if not refused_services(s, b.id):
        return False
    if not without_consent:
        raise ValidationError("no_service_consent", None, code=b.code)
    return True


def _record_override(s: Session, actor: Actor, b: Beneficiary, **what: object) -> None:
    """The trail says who went ahead without the person's consent to services."""
    after = {"kind": "services", **what}
    audit.record(s, actor, "consent_override", "beneficiary", b.id, after=after)


def plan_grant(
    db: Database,
    actor: Actor,
    data: GrantInput,
    *,
    today: date | None = None,
    without_consent: bool = False,
) -> GrantView:
    """Plan one beneficiary's support: a type, a project and one or more tranches. For a
    person whose consent to services is "no", refused with ``no_service_consent`` unless
    ``without_consent`` is given (then recorded in the audit trail)."""
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
        closing.ensure_open(s, start, "start_date")
        officer_id = data.officer_id if data.officer_id is not None else actor.user_id
        if officer_id is not None and s.get(User, officer_id) is None:
            raise NotFoundError("officer", officer_id)
        overridden = _check_consent(s, b, without_consent)
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
        if overridden:
            _record_override(s, actor, b, action="plan", grant_id=g.id)
        return _grant_view(s, g)


def get_grant(db: Database, actor: Actor, grant_id: int) -> GrantView:
    actor.require("read")
    with db.read() as s:
        g = s.get(Grant, grant_id)
        if g is None:
            raise NotFoundError("grant", grant_id)
        return _grant_view(s, g)


#: The orders the list of grants can be sorted in ("delivered" and "remaining" are summed
#: from the hand-overs by the query).
GRANT_SORTS: dict[str, tuple[Any, ...]] = {
    "start_date": (Grant.start_date,),
    "beneficiary": (Beneficiary.code, Grant.start_date),
    "grant_type": (GrantType.code, Grant.start_date),
    "project": (Project.code, Grant.start_date),
    "planned": (Grant.planned_total,),
    "delivered": ("delivered",),
    "remaining": ("remaining",),
    "status": (Grant.status, Grant.start_date),
}


def list_grants(
    db: Database,
    actor: Actor,
    *,
    beneficiary_id: int | None = None,
    project_id: int | None = None,
    status: str | None = None,
    limit: int = 500,
    offset: int = 0,
    text: str = "",
    order: str | None = None,
    descending: bool = False,
) -> list[GrantView]:
    """Grants, newest first; ``text``: every word in the person's name, alias or code or
    the project's code, with or without diacritics; ``order``: a key of :data:`GRANT_SORTS`
    (the whole list sorted by the query, a page at a time)."""
    actor.require("read")
    q = select(Grant)
    if text.strip() or order in GRANT_SORTS:
        q = q.join(Beneficiary, Beneficiary.id == Grant.beneficiary_id)
        q = q.join(Project, Project.id == Grant.project_id)
        q = q.join(GrantType, GrantType.id == Grant.grant_type_id)
    if order in GRANT_SORTS:
        delivered = (
            select(func.coalesce(func.sum(Disbursement.amount), 0))
            .where(Disbursement.grant_id == Grant.id)
            .scalar_subquery()
        )
        columns = {"delivered": delivered, "remaining": Grant.planned_total - delivered}
        spec = [columns.get(c, c) if isinstance(c, str) else c for c in GRANT_SORTS[order]]
        q = q.order_by(*ordering(spec, descending), Grant.id)
    else:
        q = q.order_by(Grant.start_date.desc(), Grant.id.desc())
    q = matching_people(q, text, func.lower(Project.code)) if text.strip() else q
    if beneficiary_id is not None:
        q = q.where(Grant.beneficiary_id == beneficiary_id)
    if project_id is not None:
        q = q.where(Grant.project_id == project_id)
    if status is not None:
        q = q.where(Grant.status == status)
    with db.read() as s:
        return [_grant_view(s, g) for g in s.execute(q.limit(limit).offset(offset)).scalars()]


def open_grants(db: Database, actor: Actor, beneficiary_id: int) -> list[GrantView]:
    """One person's grants that can still be handed over: in progress first, then planned,
    each newest first."""
    found: list[GrantView] = []
    for status in ("active", "planned"):
        found += list_grants(db, actor, beneficiary_id=beneficiary_id, status=status)
    return found


def cancel_grant(db: Database, actor: Actor, grant_id: int, reason: str) -> GrantView:
    actor.require("grant.write")
    reason = v.text(reason, "notes", max_len=300, required=True)
    with db.write() as s:
        g = s.get(Grant, grant_id, with_for_update=True, populate_existing=True)
        if g is None:
            raise NotFoundError("grant", grant_id)
        if g.status in ("cancelled", "completed"):
            raise ValidationError("grant_closed", "grant", status=g.status)
        before = audit.snapshot(g)
        g.status = "cancelled"
        g.note = (g.note + "\n" if g.note else "") + reason
        s.flush()
        audit.record(s, actor, "cancel", "grant", g.id, before=before, after=audit.snapshot(g))
        # The visits of the animals passed on from this grant to other families go on.
        cancel_open_visits(
            s, actor, Visit.grant_id == g.id, Visit.beneficiary_id == g.beneficiary_id
        )
        s.flush()
        return _grant_view(s, g)


# --- hand-overs -----------------------------------------------------------------------


def _amounts(data: HandoverInput) -> tuple[int | None, int | None, int]:
    """(quantity, unit value, amount) of a hand-over: goods by count and unit value (their
    product is the amount), or cash by amount."""
    if data.quantity is not None or data.unit_value is not None:
        qty = v.quantity(data.quantity, "quantity")
        unit = v.amount(data.unit_value, "unit_value")
        amount = v.amount(qty * unit, "amount")
        if data.amount is not None and v.amount(data.amount, "amount") != amount:
            raise ValidationError("quantity_value_mismatch", "amount")
        return qty, unit, amount
    if data.amount is not None:
        return None, None, v.amount(data.amount, "amount")
    raise ValidationError("need_amount_or_goods", "amount")


def handover_amounts(data: HandoverInput) -> tuple[int | None, int | None, int]:
    """(quantity, unit value, amount) of a hand-over, checked as :func:`record_handover`
    checks them (the import's rows)."""
    return _amounts(data)


def _open_grant(s: Session, grant_id: object) -> Grant:
    """The grant a hand-over is for, while it and its project still take hand-overs.

    The grant and its project are locked until the transaction ends (PostgreSQL's
    ``SELECT ... FOR UPDATE``; SQLite writes one at a time already): two PCs handing over
    under the same grant or project at once are checked against the plan and the budget
    one after the other, each seeing what the other handed over, and the grant's status
    is never written from a version read before the other's. Locks are taken in one order
    in every write (grant, project, receipt counter, audit trail)."""
    g = s.get(Grant, v.integer(grant_id, "grant"), with_for_update=True, populate_existing=True)
    if g is None:
        raise NotFoundError("grant", grant_id)
    s.get(Project, g.project_id, with_for_update=True, populate_existing=True)
    if g.status in ("cancelled", "completed"):
        raise ValidationError("grant_closed", "grant", status=g.status)
    if g.project.status != "active":
        raise ValidationError("project_closed", "project")
    return g


def _tranche(g: Grant, seq: int | None) -> Tranche | None:
    if seq is None:
        return None
    tranche = next((t for t in g.tranches if t.seq == seq), None)
    if tranche is None:
        raise ValidationError("tranche_mismatch", "tranche")
    return tranche


def _check_limits(s: Session, g: Grant, amount: int, override: str) -> int:
    """Refuse an amount above what is left of the plan or of the project budget unless an
    override reason is given; returns what the grant had delivered before."""
    delivered = sum(_delivered_by_tranche(s, g.id).values())
    if delivered + amount > g.planned_total and not override:
        raise LimitExceeded(
            "exceeds_plan", "amount", delivered=delivered, amount=amount, planned=g.planned_total
        )
    spent = spent_on(s, g.project.id)
    if spent + amount > g.project.budget and not override:
        raise LimitExceeded(
            "exceeds_budget", "amount", spent=spent, amount=amount, budget=g.project.budget
        )
    return delivered


#: At most this many lines in one hand-over (one paper).
MAX_LINES = 20


@dataclass(frozen=True)
class _Prepared:
    """A hand-over line checked before the transaction opens."""

    data: HandoverInput
    quantity: int | None
    unit_value: int | None
    amount: int
    override: str
    note: str
    tags: tuple[str, ...]


def _prepare(data: HandoverInput) -> _Prepared:
    override = v.text(data.override_reason, "override_reason", max_len=300)
    note = v.multiline(data.note, "notes", max_len=4000)
    qty, unit, amount = _amounts(data)
    tags = tuple(v.text(t, "tag", max_len=40) for t in data.asset_tags)
    return _Prepared(data, qty, unit, amount, override, note, tags)


def _add_line(
    s: Session,
    actor: Actor,
    line: _Prepared,
    today: date,
    head: Disbursement | None,
) -> tuple[Disbursement, tuple[Grant, dict[str, Any]] | None, list[int], list[date]]:
    """One line of a hand-over: its limits checked, its assets made and its visits booked;
    the grant's status follows. ``head`` is the hand-over's first line (None for it)."""
    data = line.data
    g = _open_grant(s, data.grant_id)
    gt = g.grant_type
    handed_on = v.a_date(
        data.handed_on,
        "handed_on",
        today=today,
        not_future=True,
        not_before=max(g.start_date, g.project.start_date),
        not_after=g.project.end_date,
    )
    closing.ensure_open(s, handed_on, "handed_on")
    if head is not None and (
        handed_on != head.handed_on or g.beneficiary_id != head.grant.beneficiary_id
    ):
        raise ValidationError("handover_lines_differ", "grant")
    tranche = _tranche(g, data.tranche_seq)
    description = v.text(data.description, "description", max_len=200) or (
        tranche.description if tranche else gt.name_vi
    )
    delivered = _check_limits(s, g, line.amount, line.override)
    d = Disbursement(
        grant_id=g.id,
        tranche_id=tranche.id if tranche else None,
        handed_on=handed_on,
        description=description,
        in_kind=line.quantity is not None,
        quantity=line.quantity,
        unit_value=line.unit_value,
        amount=line.amount,
        staff_id=actor.user_id,
        override_reason=line.override,
        note=line.note,
        part_of_id=head.id if head is not None else None,
    )
    s.add(d)
    s.flush()
    asset_ids = assets.hand_over(s, actor, g, d, tags=line.tags, requested=data.creates_assets)
    visits_on = visits.schedule_after_handover(s, actor, g, d, new_assets=bool(asset_ids))
    before = audit.snapshot(g)
    g.status = "completed" if delivered + line.amount >= g.planned_total else "active"
    s.flush()
    # Audited by the caller once the receipt number is taken: the number's row lock comes
    # before the audit trail's lock in every write (two writers never wait on each other).
    changed = (g, before) if before["status"] != g.status else None
    return d, changed, asset_ids, visits_on


def record_handover(
    db: Database,
    actor: Actor,
    data: HandoverInput,
    *,
    also: Sequence[HandoverInput] = (),
    today: date | None = None,
    without_consent: bool = False,
) -> HandoverView:
    """Record cash or goods handed to a beneficiary, in one transaction with its receipt
    number (``receipts.number_handover``), the assets handed over (``assets.hand_over``)
    and the follow-up visits of the grant type's plan (``visits.schedule_after_handover``).

    ``also`` are more lines handed over at the same time to the same person (the yarn and
    the training money with a loom, possibly of other grants): one hand-over, one receipt,
    printed on the papers that fit what was given (``HandoverView.kind``).

    A line above what is left of its plan or of the project budget is refused unless its
    ``override_reason`` says why. For a person whose consent to services is "no", refused
    with ``no_service_consent`` unless ``without_consent`` is given (then in the trail).
    """
    actor.require("handover.write")
    today = today or date.today()
    if len(also) >= MAX_LINES:
        raise ValidationError("quantity_range", "grant", max=MAX_LINES)
    lines = [_prepare(x) for x in (data, *also)]
    with db.write() as s:
        head, changed, asset_ids, visits_on = _add_line(s, actor, lines[0], today, None)
        overridden = _check_consent(s, head.grant.beneficiary, without_consent)
        number = receipts.number_handover(s, actor, head)
        g = head.grant
        added = [(head, asset_ids)]
        status_changes = [changed]
        all_assets = list(asset_ids)
        all_visits = list(visits_on)
        for line in lines[1:]:
            d, changed, more_assets, more_visits = _add_line(s, actor, line, today, head)
            added.append((d, more_assets))
            status_changes.append(changed)
            all_assets += more_assets
            all_visits += more_visits
        for d, ids in added:
            after = audit.snapshot(d)
            after["receipt_number"] = number
            after["asset_ids"] = ids
            audit.record(s, actor, "handover", "disbursement", d.id, after=after)
        if overridden:
            _record_override(s, actor, g.beneficiary, action="handover", receipt_number=number)
        # One event per grant whose status changed: from before the hand-over to after it.
        audited: set[int] = set()
        for change in status_changes:
            if change is None or change[0].id in audited:
                continue
            grant, before = change
            audited.add(grant.id)
            after = audit.snapshot(grant)
            if before["status"] != after["status"]:
                audit.record(s, actor, "update", "grant", grant.id, before=before, after=after)
        return _handover_view(
            actor,
            head,
            [d for d, _ids in added],
            number,
            visits_scheduled=tuple(sorted(set(all_visits))),
            asset_ids=tuple(all_assets),
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
            # The lines of a hand-over share the receipt of its first line.
            (Receipt.disbursement_id == func.coalesce(Disbursement.part_of_id, Disbursement.id))
            & Receipt.voided_at.is_(None),
        )
        .order_by(Disbursement.handed_on.desc(), Disbursement.id.desc())
    )
    # The page's hand-overs first, from their own table along the date's index, then what
    # goes with them (every hand-over has its grant, person and type): joined first, the
    # whole table was sorted for a page of 20.
    page = select(Disbursement.id)
    if beneficiary_id is not None:
        page = page.where(
            Disbursement.grant_id.in_(
                select(Grant.id).where(Grant.beneficiary_id == beneficiary_id)
            )
        )
    if grant_id is not None:
        page = page.where(Disbursement.grant_id == grant_id)
    if since is not None:
        page = page.where(Disbursement.handed_on >= since)
    if until is not None:
        page = page.where(Disbursement.handed_on <= until)
    page = page.order_by(Disbursement.handed_on.desc(), Disbursement.id.desc()).limit(limit)
    if offset:
        page = page.offset(offset)
    with db.read() as s:
        rows = s.execute(q.where(Disbursement.id.in_(page))).all()
        return [
            HandoverView(
                id=d.id,
                grant_id=g.id,
                beneficiary_id=b.id,
                beneficiary_code=b.code,
                beneficiary_name=b.full_name,
                grant_type=gt.code,
                handed_on=d.handed_on,
                description=d.description,
                in_kind=d.in_kind,
                quantity=d.quantity,
                unit_value=d.unit_value,
                amount=d.amount,
                staff=username or "",
                override_reason=d.override_reason,
                receipt_number=number,
            )
            for d, g, b, gt, username, number in rows
        ]


# --- corrections --------------------------------------------------------------------------


@dataclass(frozen=True)
class HandoverEdit:
    """What can be changed in a hand-over of an open quarter: its day (within the year of
    its receipt number; its animals, looms and visits still booked follow), the amount of
    money (cash) or the unit value of goods, the description and the note. None: kept."""

    handed_on: date | None = None
    amount: int | None = None
    unit_value: int | None = None
    description: str | None = None
    note: str | None = None
    override_reason: str = ""


def _line(s: Session, disbursement_id: object) -> Disbursement:
    d = s.get(Disbursement, v.integer(disbursement_id, "handover"))
    if d is None:
        raise NotFoundError("handover", disbursement_id)
    return d


def _receipt_number(s: Session, d: Disbursement) -> str | None:
    return s.execute(
        select(Receipt.number)
        .where(
            Receipt.disbursement_id == (d.part_of_id or d.id),
            Receipt.voided_at.is_(None),
        )
        .order_by(Receipt.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def _moved(s: Session, actor: Actor, d: Disbursement, new_day: date) -> None:
    """A hand-over's day changed: its animals and looms were acquired that day, and the
    visits of its plan still booked move with it (each change in the audit trail)."""
    old = d.handed_on
    for asset in s.execute(select(Asset).where(Asset.disbursement_id == d.id)).scalars():
        before = audit.snapshot(asset)
        asset.acquired_on = new_day
        for ev in asset.events:
            if ev.happened_on == old and ev.visit_id is None:
                ev.happened_on = new_day
        s.flush()
        audit.record(s, actor, "update", "asset", asset.id, before=before,
                     after=audit.snapshot(asset))  # fmt: skip
    for vis in s.execute(
        select(Visit).where(Visit.disbursement_id == d.id, Visit.status == "scheduled")
    ).scalars():
        if vis.months_after is not None:
            closing.ensure_open(s, add_months(new_day, vis.months_after), "handed_on")
            before = audit.snapshot(vis)
            vis.scheduled_on = add_months(new_day, vis.months_after)
            s.flush()
            audit.record(s, actor, "schedule", "visit", vis.id, before=before,
                         after=audit.snapshot(vis))  # fmt: skip


def _handover_view(
    actor: Actor,
    head: Disbursement,
    lines: Sequence[Disbursement],
    receipt_number: str | None,
    *,
    visits_scheduled: tuple[date, ...] = (),
    asset_ids: tuple[int, ...] = (),
) -> HandoverView:
    """The view of a hand-over whose first line is ``head``: the head's own fields, what
    all ``lines`` gave together, recorded by ``actor``."""
    g = head.grant
    return HandoverView(
        id=head.id,
        grant_id=g.id,
        beneficiary_id=g.beneficiary_id,
        beneficiary_code=g.beneficiary.code,
        beneficiary_name=g.beneficiary.full_name,
        grant_type=g.grant_type.code,
        handed_on=head.handed_on,
        description=head.description,
        in_kind=head.in_kind,
        quantity=head.quantity,
        unit_value=head.unit_value,
        amount=head.amount,
        staff=actor.username,
        override_reason=head.override_reason,
        receipt_number=receipt_number,
        visits_scheduled=visits_scheduled,
        asset_ids=asset_ids,
        kind=kind_of(d.in_kind for d in lines),
        total=sum(d.amount for d in lines),
        line_ids=tuple(d.id for d in lines),
    )


def _view_of_line(s: Session, actor: Actor, d: Disbursement) -> HandoverView:
    return _handover_view(actor, d, [d], _receipt_number(s, d))


def edit_handover(
    db: Database,
    actor: Actor,
    disbursement_id: int,
    change: HandoverEdit,
    *,
    today: date | None = None,
) -> HandoverView:
    """Correct a hand-over of an open quarter in place. One dated in a closed quarter, or
    moved into one, is refused (``closing.ensure_open``): it is corrected by an adjustment
    dated today (:func:`adjust_handover`)."""
    actor.require("handover.write")
    today = today or date.today()
    with db.write() as s:
        d = _line(s, disbursement_id)
        closing.ensure_open(s, d.handed_on, "handed_on")
        g = d.grant
        before = audit.snapshot(d)
        if change.handed_on is not None and change.handed_on != d.handed_on:
            new_day = v.a_date(
                change.handed_on,
                "handed_on",
                today=today,
                not_future=True,
                not_before=max(g.start_date, g.project.start_date),
                not_after=g.project.end_date,
            )
            closing.ensure_open(s, new_day, "handed_on")
            others = s.execute(
                select(Disbursement.id).where(Disbursement.part_of_id == d.id).limit(1)
            ).first()
            if d.part_of_id is not None or others is not None:
                raise ValidationError("handover_lines_differ", "handed_on")
            if new_day.year != d.handed_on.year:
                raise ValidationError("handover_edit_year", "handed_on", year=d.handed_on.year)
            _moved(s, actor, d, new_day)
            d.handed_on = new_day
        new_amount = d.amount
        if d.in_kind and change.unit_value is not None:
            unit = v.amount(change.unit_value, "unit_value")
            new_amount = v.amount((d.quantity or 1) * unit, "amount")
            d.unit_value = unit
        elif not d.in_kind and change.amount is not None:
            new_amount = v.amount(change.amount, "amount")
        if new_amount > d.amount:
            override = v.text(change.override_reason, "override_reason", max_len=300)
            _check_limits(s, g, new_amount - d.amount, override)
            if override:
                d.override_reason = override
        d.amount = new_amount
        if change.description is not None:
            d.description = v.text(change.description, "description", max_len=200) or (
                d.description
            )
        if change.note is not None:
            d.note = v.multiline(change.note, "notes", max_len=4000)
        s.flush()
        after = audit.snapshot(d)
        if after != before:
            audit.record(s, actor, "update", "disbursement", d.id, before=before, after=after)
        return _view_of_line(s, actor, d)


@dataclass(frozen=True)
class AdjustmentView:
    id: int
    disbursement_id: int
    receipt_number: str | None
    handed_on: date
    adjusted_on: date
    #: The change of the hand-over's value (negative: less was handed over).
    amount: int
    value_before: int
    value_after: int
    reason: str


def adjust_handover(
    db: Database,
    actor: Actor,
    disbursement_id: int,
    new_amount: int,
    reason: str,
    *,
    override_reason: str = "",
    today: date | None = None,
) -> AdjustmentView:
    """Correct what a hand-over gave by an adjustment dated ``today`` (in the open period)
    that points at it: ``new_amount`` is what was really handed over, in đồng. The
    hand-over, its receipt and its closed quarter's figures stay as they were; the
    adjustment counts in today's quarter (the summary's corrections, the project's
    spending, what is left of the plan)."""
    actor.require("handover.write")
    today = today or date.today()
    why = v.text(reason, "adjust_reason", max_len=300, required=True)
    target = v.amount(new_amount, "new_amount", allow_zero=True)
    override = v.text(override_reason, "override_reason", max_len=300)
    with db.write() as s:
        closing.ensure_open(s, today, "new_amount")
        d = _line(s, disbursement_id)
        if today < d.handed_on:
            raise ValidationError("date_before", "new_amount", other=f"{d.handed_on:%d/%m/%Y}")
        earlier = s.execute(
            select(func.coalesce(func.sum(HandoverAdjustment.amount), 0)).where(
                HandoverAdjustment.disbursement_id == d.id
            )
        ).scalar_one()
        value_before = d.amount + int(earlier)
        change = target - value_before
        if change == 0:
            raise ValidationError("adjustment_zero", "new_amount")
        if change > 0:
            _check_limits(s, d.grant, change, override)
        adj = HandoverAdjustment(
            disbursement_id=d.id,
            adjusted_on=today,
            amount=change,
            reason=why,
            recorded_by_id=actor.user_id,
        )
        s.add(adj)
        s.flush()
        number = _receipt_number(s, d)
        after = audit.snapshot(adj)
        after.update(receipt_number=number, value_before=value_before, value_after=target)
        if override and change > 0:
            after["override_reason"] = override
        audit.record(s, actor, "adjust", "disbursement", d.id, after=after)
        return AdjustmentView(
            id=adj.id,
            disbursement_id=d.id,
            receipt_number=number,
            handed_on=d.handed_on,
            adjusted_on=today,
            amount=change,
            value_before=value_before,
            value_after=target,
            reason=why,
        )


def value_of_handover(db: Database, actor: Actor, disbursement_id: int) -> int:
    """What a hand-over line gave, its adjustments included (đồng)."""
    actor.require("read")
    with db.read() as s:
        d = _line(s, disbursement_id)
        earlier = s.execute(
            select(func.coalesce(func.sum(HandoverAdjustment.amount), 0)).where(
                HandoverAdjustment.disbursement_id == d.id
            )
        ).scalar_one()
        return d.amount + int(earlier)


def line_of_receipt(db: Database, actor: Actor, number: str) -> int:
    """The hand-over line a receipt was numbered for; a receipt of several things handed
    over at once is refused (``handover_several_lines``: its amount is not one line's)."""
    actor.require("read")
    with db.read() as s:
        found = s.execute(
            select(Receipt.disbursement_id).where(Receipt.number == str(number).strip())
        ).scalar_one_or_none()
        if found is None:
            raise NotFoundError("receipt", number)
        others = s.execute(
            select(Disbursement.id).where(Disbursement.part_of_id == found).limit(1)
        ).first()
        if others is not None:
            raise ValidationError("handover_several_lines", "new_amount")
        return int(found)
