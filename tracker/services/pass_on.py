"""Pass-on (bò quay vòng): a family passes an animal (the first calf of a granted cow) or a
thing (a loom) on to another family chosen by the commune Women's Union.

The giver's asset closes as "passed on"; the receiving family gets an asset of her own,
with its hand-over note (``pass_on_note``) and the follow-up visits of the support type's
plan, booked from the day it was passed on. When the calf passed on is the young of an
animal whose support type says "the first calf is passed on", that duty is done.

No money moves: the value is the animal's, written on the note, and never counted as
support spent (the summary counts animals passed on and families reached apart).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from tracker.db.engine import Database
from tracker.db.models import Asset, AssetEvent, Beneficiary, Grant, GrantType, PassOn
from tracker.domain.vocab import ASSET_CLOSED_STATUSES, LIVESTOCK
from tracker.reports._data import Signatory
from tracker.reports.passon_pdf import PassOnNoteDoc, render_pass_on_note
from tracker.services import audit, visits
from tracker.services import validate as v
from tracker.services.context import Actor
from tracker.services.errors import NotFoundError, ValidationError
from tracker.services.office import current_office
from tracker.services.receipts import _address, _office_place

#: The statuses of a person's file that can receive an animal.
RECEIVING = ("active",)


@dataclass(frozen=True)
class PassOnInput:
    """``asset_id``: the giver's animal or thing; ``receiver_id``: the receiving family;
    ``value``: its estimated value in đồng (0: not valued); ``description``: as printed
    (else the asset's)."""

    asset_id: int
    receiver_id: int
    handed_on: date
    value: int = 0
    description: str = ""
    tag: str | None = None
    witness_name: str = ""
    witness_title: str = ""
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class PassOnView:
    id: int
    number: str
    from_asset_id: int
    asset_id: int
    obligation_asset_id: int | None
    grant_id: int
    grant_type: str
    grant_type_name_vi: str
    grant_type_name_en: str
    kind: str
    giver_id: int
    giver_code: str
    giver_name: str
    giver_alias: str
    receiver_id: int
    receiver_code: str
    receiver_name: str
    receiver_alias: str
    handed_on: date
    description: str
    tag: str
    value: int
    witness_name: str
    witness_title: str
    note: str
    visits_scheduled: tuple[date, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ObligationView:
    """A granted (or received) animal whose first young is still to be passed on."""

    asset_id: int  # the mother
    beneficiary_id: int
    beneficiary_code: str
    beneficiary_name: str
    alias: str
    grant_id: int
    grant_type: str
    grant_type_name_vi: str
    grant_type_name_en: str
    kind: str
    description: str
    tag: str
    first_born_on: date
    months_allowed: int
    due_on: date
    #: The young of this animal that can be passed on (alive, not passed on).
    young_ids: tuple[int, ...]
    days_late: int

    @property
    def overdue(self) -> bool:
        return self.days_late > 0


def number_of(p: PassOn) -> str:
    """The note's number: "QV-2025-00012" (the year it was passed on, the record's id)."""
    return f"QV-{p.handed_on.year}-{p.id:05d}"


def _view(s: Session, p: PassOn, visits_on: tuple[date, ...] = ()) -> PassOnView:
    giver = s.get(Beneficiary, p.giver_id)
    receiver = s.get(Beneficiary, p.receiver_id)
    asset = s.get(Asset, p.asset_id)
    g = s.get(Grant, p.grant_id)
    assert giver is not None and receiver is not None and asset is not None and g is not None
    gt = g.grant_type
    return PassOnView(
        id=p.id,
        number=number_of(p),
        from_asset_id=p.from_asset_id,
        asset_id=p.asset_id,
        obligation_asset_id=p.obligation_asset_id,
        grant_id=p.grant_id,
        grant_type=gt.code,
        grant_type_name_vi=gt.name_vi,
        grant_type_name_en=gt.name_en,
        kind=asset.kind,
        giver_id=giver.id,
        giver_code=giver.code,
        giver_name=giver.full_name,
        giver_alias=giver.alias,
        receiver_id=receiver.id,
        receiver_code=receiver.code,
        receiver_name=receiver.full_name,
        receiver_alias=receiver.alias,
        handed_on=p.handed_on,
        description=p.description,
        tag=asset.tag,
        value=p.value,
        witness_name=p.witness_name,
        witness_title=p.witness_title,
        note=p.note,
        visits_scheduled=visits_on,
    )


def _open_duty(s: Session, mother_id: int | None) -> int | None:
    """The mother whose first-young duty a pass-on of her young fulfils: a livestock asset
    of a support type with the rule, not yet fulfilled; else None."""
    if mother_id is None:
        return None
    mother = s.get(Asset, mother_id)
    if mother is None:
        return None
    g = s.get(Grant, mother.grant_id)
    if g is None or g.grant_type.pass_on_months is None:
        return None
    done = s.execute(
        select(PassOn.id).where(PassOn.obligation_asset_id == mother.id).limit(1)
    ).first()
    return None if done else mother.id


def record_pass_on(
    db: Database, actor: Actor, data: PassOnInput, *, today: date | None = None
) -> PassOnView:
    """Record an animal or thing passed on to another family, in one transaction: the
    giver's asset closes as passed on, the receiver's asset is made, the follow-up visits
    of the support type's plan are booked for the receiver, the first-calf duty of the
    mother (if any) is done, and all of it is in the audit trail.

    Refused: the same family (``pass_on_same_family``), an asset that died, was sold or was
    passed on already (``asset_closed``), a receiver whose file is closed."""
    actor.require("pass_on.write")
    today = today or date.today()
    value = v.amount(data.value, "value", allow_zero=True)
    description = v.text(data.description, "description", max_len=200)
    witness_name = v.text(data.witness_name, "witness_name", max_len=120)
    witness_title = v.text(data.witness_title, "witness_title", max_len=120)
    note = v.multiline(data.note, "notes", max_len=4000)
    tag = None if data.tag is None else v.text(data.tag, "tag", max_len=40)
    with db.write() as s:
        asset = s.get(Asset, v.integer(data.asset_id, "asset"))
        if asset is None:
            raise NotFoundError("asset", data.asset_id)
        receiver = s.get(Beneficiary, v.integer(data.receiver_id, "receiver"))
        if receiver is None:
            raise NotFoundError("beneficiary", data.receiver_id)
        if receiver.id == asset.beneficiary_id:
            raise ValidationError("pass_on_same_family", "receiver")
        if asset.status in ASSET_CLOSED_STATUSES:
            raise ValidationError("asset_closed", "asset", status=asset.status)
        if receiver.status not in RECEIVING:
            raise ValidationError("pass_on_receiver_closed", "receiver", status=receiver.status)
        handed_on = v.a_date(
            data.handed_on,
            "handed_on",
            today=today,
            not_future=True,
            not_before=asset.acquired_on,
        )
        g = s.get(Grant, asset.grant_id)
        assert g is not None
        gt = g.grant_type
        description = description or asset.description
        # The giver's asset: passed on, closed.
        before = audit.snapshot(asset)
        asset.events.append(
            AssetEvent(
                happened_on=handed_on,
                status="passed_on",
                note=f"→ {receiver.code}",
                recorded_by_id=actor.user_id,
            )
        )
        s.flush()
        newest = max(asset.events, key=lambda e: (e.happened_on, e.id))
        asset.status = newest.status
        if newest.status in ASSET_CLOSED_STATUSES:
            asset.closed_on = newest.happened_on
        s.flush()
        audit.record(
            s, actor, "update", "asset", asset.id, before=before, after=audit.snapshot(asset)
        )
        # The receiver's own asset.
        first = "alive" if asset.kind in LIVESTOCK else "in_use"
        received = Asset(
            beneficiary_id=receiver.id,
            grant_id=g.id,
            kind=asset.kind,
            description=description,
            tag=asset.tag if tag is None else tag,
            value=value,
            status=first,
            acquired_on=handed_on,
        )
        received.events = [
            AssetEvent(
                happened_on=handed_on, status=first, note=description, recorded_by_id=actor.user_id
            )
        ]
        s.add(received)
        s.flush()
        p = PassOn(
            from_asset_id=asset.id,
            asset_id=received.id,
            obligation_asset_id=_open_duty(s, asset.parent_id),
            grant_id=g.id,
            giver_id=asset.beneficiary_id,
            receiver_id=receiver.id,
            handed_on=handed_on,
            description=description,
            value=value,
            witness_name=witness_name,
            witness_title=witness_title,
            note=note,
            staff_id=actor.user_id,
        )
        s.add(p)
        s.flush()
        officer = g.officer_id if g.officer_id is not None else actor.user_id
        booked = visits.book_plan(
            s, receiver.id, g.id, None, handed_on, list(gt.followup_months or []), officer
        )
        s.flush()
        after = audit.snapshot(p)
        after["number"] = number_of(p)
        after["visits"] = [d.isoformat() for d in booked]
        audit.record(s, actor, "pass_on", "pass_on", p.id, after=after)
        return _view(s, p, tuple(sorted(booked)))


def list_pass_ons(
    db: Database,
    actor: Actor,
    *,
    beneficiary_id: int | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 200,
) -> list[PassOnView]:
    """Pass-ons, newest first: given or received by ``beneficiary_id`` when given."""
    actor.require("read")
    q = select(PassOn).order_by(PassOn.handed_on.desc(), PassOn.id.desc())
    if beneficiary_id is not None:
        q = q.where(or_(PassOn.giver_id == beneficiary_id, PassOn.receiver_id == beneficiary_id))
    if since is not None:
        q = q.where(PassOn.handed_on >= since)
    if until is not None:
        q = q.where(PassOn.handed_on <= until)
    with db.read() as s:
        return [_view(s, p) for p in s.execute(q.limit(limit)).scalars()]


def get_pass_on(db: Database, actor: Actor, pass_on_id: int) -> PassOnView:
    actor.require("read")
    with db.read() as s:
        p = s.get(PassOn, v.integer(pass_on_id, "pass_on"))
        if p is None:
            raise NotFoundError("pass_on", pass_on_id)
        return _view(s, p)


def open_obligations(
    db: Database,
    actor: Actor,
    *,
    beneficiary_id: int | None = None,
    overdue_only: bool = False,
    today: date | None = None,
    limit: int = 500,
) -> list[ObligationView]:
    """The first-young duties still open: an animal of a support type with the rule
    ("first calf passed on within N months"), granted to the family or received by
    pass-on, that has had young and none of them passed on yet. Overdue: the first young
    was born more than N months ago. Only people whose file is open."""
    actor.require("read")
    today = today or date.today()
    young = aliased(Asset, name="young")
    received = select(PassOn.asset_id)
    q = (
        select(
            Asset,
            Beneficiary,
            GrantType,
            func.min(young.acquired_on),
        )
        .join(Grant, Grant.id == Asset.grant_id)
        .join(GrantType, GrantType.id == Grant.grant_type_id)
        .join(Beneficiary, Beneficiary.id == Asset.beneficiary_id)
        .join(
            young,
            and_(young.parent_id == Asset.id, young.beneficiary_id == Asset.beneficiary_id),
        )
        .where(
            GrantType.pass_on_months.is_not(None),
            Asset.kind.in_(LIVESTOCK),
            or_(Asset.disbursement_id.is_not(None), Asset.id.in_(received)),
            ~select(PassOn.id).where(PassOn.obligation_asset_id == Asset.id).exists(),
            Beneficiary.status == "active",
        )
        .group_by(Asset.id, Beneficiary.id, GrantType.id)
        .order_by(func.min(young.acquired_on), Asset.id)
    )
    if beneficiary_id is not None:
        q = q.where(Asset.beneficiary_id == beneficiary_id)
    out: list[ObligationView] = []
    with db.read() as s:
        for mother, b, gt, first_on in s.execute(q).all():
            months = int(gt.pass_on_months or 0)
            due = visits.add_months(first_on, months)
            late = max((today - due).days, 0)
            if overdue_only and not late:
                continue
            ids = tuple(
                s.execute(
                    select(Asset.id)
                    .where(
                        Asset.parent_id == mother.id,
                        Asset.beneficiary_id == mother.beneficiary_id,
                        Asset.status.not_in(ASSET_CLOSED_STATUSES),
                    )
                    .order_by(Asset.acquired_on, Asset.id)
                ).scalars()
            )
            out.append(
                ObligationView(
                    asset_id=mother.id,
                    beneficiary_id=b.id,
                    beneficiary_code=b.code,
                    beneficiary_name=b.full_name,
                    alias=b.alias,
                    grant_id=mother.grant_id,
                    grant_type=gt.code,
                    grant_type_name_vi=gt.name_vi,
                    grant_type_name_en=gt.name_en,
                    kind=mother.kind,
                    description=mother.description,
                    tag=mother.tag,
                    first_born_on=first_on,
                    months_allowed=months,
                    due_on=due,
                    young_ids=ids,
                    days_late=late,
                )
            )
            if len(out) >= limit:
                break
    return out


# --- the note -------------------------------------------------------------------------

_WORDS = {
    "vi": {"born": "sinh ngày {day}", "tag": "số tai/ký hiệu {tag}", "unit": "con", "thing": "cái"},
    "en": {"born": "born {day}", "tag": "ear tag/mark {tag}", "unit": "head", "thing": "item"},
}


def pass_on_note(
    db: Database, actor: Actor, pass_on_id: int, *, lang: str = "vi", page_size: str = "A4"
) -> PassOnNoteDoc:
    """The pass-on note as plain data: both families with their addresses as they were on
    the day, the witness, the animal or thing with its description and value."""
    actor.require("read")
    if lang not in _WORDS:
        raise ValidationError("choice", "language", value=lang)
    if page_size not in ("A4", "A5"):
        raise ValidationError("choice", "page_size", value=page_size)
    words = _WORDS[lang]
    with db.read() as s:
        p = s.get(PassOn, v.integer(pass_on_id, "pass_on"))
        if p is None:
            raise NotFoundError("pass_on", pass_on_id)
        office = current_office(s)
        giver = s.get(Beneficiary, p.giver_id)
        receiver = s.get(Beneficiary, p.receiver_id)
        given = s.get(Asset, p.from_asset_id)
        assert giver is not None and receiver is not None and given is not None
        g = s.get(Grant, p.grant_id)
        assert g is not None
        facts = []
        if given.parent_id is not None:
            facts.append(words["born"].format(day=given.acquired_on.strftime("%d/%m/%Y")))
        if given.tag:
            facts.append(words["tag"].format(tag=given.tag))
        condition = "; ".join(facts)
        if p.note:
            condition = f"{condition}. {p.note}" if condition else p.note
        giver_address = _address(giver, p.handed_on)
        livestock = given.kind in LIVESTOCK
        return PassOnNoteDoc(
            office_name=office.name,
            office_address=office.address,
            number=number_of(p),
            issued_on=p.handed_on,
            place=giver_address or office.address or office.name,
            written_at=_office_place(s, office),
            giver_name=giver.full_name,
            giver_address=giver_address,
            receiver_name=receiver.full_name,
            receiver_address=_address(receiver, p.handed_on),
            witness=Signatory(p.witness_title, p.witness_name) if p.witness_name else None,
            description=p.description,
            item_name=p.description.split(",")[0],
            unit=words["unit"] if livestock else words["thing"],
            value=p.value,
            condition_note=condition,
            passes_on_again=livestock and g.grant_type.pass_on_months is not None,
            page_size=page_size,
            lang=lang,
        )


def write_pass_on_note(
    db: Database,
    actor: Actor,
    pass_on_id: int,
    out: Path | str | BinaryIO,
    *,
    lang: str = "vi",
    page_size: str = "A4",
) -> int:
    """Write the pass-on note as PDF to ``out`` (atomically for a path); the pages."""
    return render_pass_on_note(
        pass_on_note(db, actor, pass_on_id, lang=lang, page_size=page_size), out
    )
