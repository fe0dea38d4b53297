"""Receipts: finding them, the data to print one, prints (the first is the original, every
later one a copy, counted and logged) and voids (kept, with a reason; a replacement gets a
new number that refers to the voided one).

A receipt belongs to one hand-over, which may give several things at once (its lines): a
loom, yarn and the training money. What was given decides the paper
(:mod:`tracker.domain.papers`): money gets the payment voucher (:func:`receipt_doc`), goods
the hand-over note (:func:`handover_note_doc`), both get both. :func:`signature_list` is
the paper of a month of a group payment. They turn what the database holds into the plain
data of :mod:`tracker.reports`, in neutral words (never the person's category or the
project's purpose); :func:`write_paper` writes the papers of a receipt as one PDF, and
:func:`receipts_of_day` lists a day's receipts for a batch.

Printing: :func:`record_print` (or :func:`record_prints` for a batch) is called for every
print or PDF of a receipt, before its paper is made: the first print is the original
(only an accountant or an administrator makes it), every later one a copy marked "BẢN SAO"
with its count, which never repeats. :func:`print_failed` records a print that did not
come out; an original that did not come out stays unprinted. A detail read without
recording (:func:`get_receipt`, a preview) shows what the next print would be.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    bindparam,
    case,
    delete,
    func,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from tracker.db.base import utcnow
from tracker.db.engine import Database
from tracker.db.models import (
    AdminUnit,
    Asset,
    Beneficiary,
    Disbursement,
    Grant,
    GrantType,
    LegalBasis,
    Office,
    Receipt,
    ReceiptCounter,
    Tranche,
    User,
)
from tracker.domain import papers as paper_rules
from tracker.domain.papers import PAPER_KINDS, PAPERS_OF_KIND, kind_of
from tracker.i18n.text import fold, sort_key
from tracker.reports import (
    HandoverNoteDoc,
    ReceiptDoc,
    ReceiptItem,
    Signatory,
    SignatureListDoc,
    SignatureListRow,
)
from tracker.reports._layout import is_sensitive
from tracker.reports.printing import render_papers
from tracker.services import audit, closing, places
from tracker.services import validate as v
from tracker.services.attachments import signed_copy_on_file
from tracker.services.context import Actor
from tracker.services.errors import NotFoundError, ValidationError
from tracker.services.listing import ordering
from tracker.services.office import current_office


@dataclass(frozen=True)
class ReceiptRow:
    id: int
    number: str
    handed_on: date
    beneficiary_id: int
    beneficiary_code: str
    beneficiary_name: str
    alias: str
    description: str
    grant_type: str
    amount: int
    in_kind: bool
    reprint_count: int
    voided: bool
    void_reason: str
    replaces_number: str | None
    #: What the hand-over gave: ``cash``, ``goods`` or ``mixed``; ``amount`` is its total.
    kind: str = "cash"
    #: Whether the original has been printed (every later print is a copy).
    printed: bool = False
    #: Whether the signed paper has been scanned and kept ("signed copy on file").
    signed_copy: bool = False

    @property
    def next_copy(self) -> int:
        """What the next print is: 0 the original, n the n-th copy."""
        return self.reprint_count + 1 if self.printed else 0


@dataclass(frozen=True)
class PaperLine:
    """One thing handed over: an amount of money, or goods counted in the unit of their
    support type (a cow in "con", yarn in "kg")."""

    description: str
    in_kind: bool
    quantity: int | None
    unit_value: int | None
    amount: int
    grant_type: str
    unit_vi: str
    unit_en: str
    reason_vi: str
    reason_en: str
    type_name_vi: str
    type_name_en: str
    #: The month a monthly allowance is for (None for other support).
    period: date | None = None
    asset_tags: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ReceiptDetail:
    """Everything printed on a receipt, as plain data."""

    row: ReceiptRow
    office_name: str
    office_address: str
    office_head: str
    office_accountant: str
    office_cashier: str
    recipient_name: str
    recipient_address: str
    reason_vi: str
    reason_en: str
    unit_vi: str
    unit_en: str
    quantity: int | None
    unit_value: int | None
    prepared_by: str
    replaced_by_number: str | None
    #: The locality of the office ("Mèo Vạc"), written before the date on the papers.
    office_place: str = ""
    #: Ear tags or marks of the animals or looms handed over with this receipt.
    asset_tags: tuple[str, ...] = ()
    #: The support type's name ("Trợ cấp khó khăn ban đầu"), to avoid saying it twice.
    type_name_vi: str = ""
    type_name_en: str = ""
    #: The office's voucher book setting (quyển số; may hold ``{year}``).
    office_book: str = ""
    #: Everything handed over with this receipt, the first line first.
    lines: tuple[PaperLine, ...] = ()
    #: The voucher book printed on this receipt's voucher ("2025").
    book: str = ""
    #: The form code and legal basis in force on the receipt's date.
    form_code: str = ""
    legal_note: str = ""
    #: The print this detail was recorded for: 0 the original, n the n-th copy; None when
    #: read without printing (then the paper shows what the next print would be).
    copy: int | None = None

    @property
    def kind(self) -> str:
        return self.row.kind

    @property
    def papers(self) -> tuple[str, ...]:
        """The papers this hand-over is printed on, in order."""
        return PAPERS_OF_KIND[self.row.kind]

    @property
    def print_copy(self) -> int:
        """The copy number its paper shows (0: the original)."""
        return self.row.next_copy if self.copy is None else self.copy


def _parts() -> Any:
    """Per hand-over with more than one line: how many more lines, how many of them goods,
    and their amount (the first line is the hand-over's own row)."""
    part = aliased(Disbursement)
    return (
        select(
            part.part_of_id.label("head_id"),
            func.count().label("n"),
            func.sum(case((part.in_kind.is_(True), 1), else_=0)).label("goods"),
            func.sum(part.amount).label("amount"),
        )
        .where(part.part_of_id.is_not(None))
        .group_by(part.part_of_id)
        .subquery("parts")
    )


def _query(parts: Any = None) -> Select:  # type: ignore[type-arg]
    """Receipts with their hand-over's first line, person and support type (and, given
    :func:`_parts`, the hand-over's other lines added up)."""
    return _plain_query() if parts is None else _build_query(parts)


@functools.cache
def _plain_query() -> Select:  # type: ignore[type-arg]
    # Made once: a statement is never changed in place (each .where() makes a new one),
    # and building the joins with their alias costs more than reading one receipt.
    return _build_query(None)


def _build_query(parts: Any) -> Select:  # type: ignore[type-arg]
    replaced = aliased(Receipt)
    columns: list[Any] = [
        Receipt,
        Disbursement,
        Beneficiary,
        GrantType,
        replaced.number,
        signed_copy_on_file().label("signed_copy"),
    ]
    if parts is not None:
        columns += [parts.c.n, parts.c.goods, parts.c.amount]
    q = (
        select(*columns)
        .join(Disbursement, Disbursement.id == Receipt.disbursement_id)
        .join(Grant, Grant.id == Disbursement.grant_id)
        .join(Beneficiary, Beneficiary.id == Grant.beneficiary_id)
        .join(GrantType, GrantType.id == Grant.grant_type_id)
        .outerjoin(replaced, replaced.id == Receipt.replaces_id)
    )
    if parts is not None:
        q = q.outerjoin(parts, parts.c.head_id == Disbursement.id)
    return q


def _row(
    r: Receipt,
    d: Disbursement,
    b: Beneficiary,
    gt: GrantType,
    old: str | None,
    signed: bool | None = False,
    more: int | None = None,
    more_goods: int | None = None,
    more_amount: int | None = None,
) -> ReceiptRow:
    more, more_goods = int(more or 0), int(more_goods or 0)
    flags = [d.in_kind] + [True] * more_goods + [False] * (more - more_goods)
    kind = kind_of(flags)
    return ReceiptRow(
        r.id,
        r.number,
        d.handed_on,
        b.id,
        b.code,
        b.full_name,
        b.alias,
        d.description,
        gt.code,
        d.amount + int(more_amount or 0),
        kind != "cash",
        r.reprint_count,
        r.voided_at is not None,
        r.void_reason,
        old,
        kind,
        r.printed_at is not None,
        bool(signed),
    )


def _kind_condition(parts: Any, kind: str) -> ColumnElement[bool]:
    """Receipts whose hand-over gave money only, goods only, or both."""
    more = func.coalesce(parts.c.n, 0)
    more_goods = func.coalesce(parts.c.goods, 0)
    goods_any = or_(Disbursement.in_kind.is_(True), more_goods > 0)
    cash_any = or_(Disbursement.in_kind.is_(False), more - more_goods > 0)
    if kind == "cash":
        return ~goods_any
    if kind == "goods":
        return ~cash_any
    return goods_any & cash_any


def _filtered(
    q: Select,  # type: ignore[type-arg]
    parts: Any,
    text: str,
    since: date | None,
    until: date | None,
    include_voided: bool,
    kind: str | None = None,
    signed: bool | None = None,
) -> Select:  # type: ignore[type-arg]
    if signed is not None:
        on_file = signed_copy_on_file()
        q = q.where(on_file if signed else ~on_file)
    for word in fold(text or "").split():
        like = f"%{word.replace('%', '').replace('_', '')}%"
        q = q.where(or_(func.lower(Receipt.number).like(like), Beneficiary.search_key.like(like)))
    if since is not None:
        q = q.where(Disbursement.handed_on >= since)
    if until is not None:
        q = q.where(Disbursement.handed_on <= until)
    if not include_voided:
        q = q.where(Receipt.voided_at.is_(None))
    if kind is not None:
        q = q.where(_kind_condition(parts, v.choice(kind, "paper", PAPER_KINDS)))
    return q


#: The orders the list of receipts can be sorted in ("amount": the hand-over's lines
#: added up, by the query).
RECEIPT_SORTS: dict[str, tuple[Any, ...]] = {
    "number": (Receipt.year, Receipt.seq),
    "handed_on": (Disbursement.handed_on,),
    "beneficiary": (Beneficiary.code, Disbursement.handed_on),
    "description": (GrantType.code, Disbursement.description),
    "amount": ("amount",),
    "status": (Receipt.voided_at.is_not(None), Receipt.printed_at.is_(None), Receipt.reprint_count),
}


def list_receipts(
    db: Database,
    actor: Actor,
    text: str = "",
    *,
    since: date | None = None,
    until: date | None = None,
    include_voided: bool = True,
    kind: str | None = None,
    signed: bool | None = None,
    oldest_first: bool = False,
    limit: int = 200,
    offset: int = 0,
    order: str | None = None,
    descending: bool = False,
) -> list[ReceiptRow]:
    """Receipts newest first (``oldest_first``: in date and number order); ``text``
    matches the number, or the person's name, alias or code with or without diacritics;
    ``kind`` keeps the hand-overs of money (``cash``), of goods (``goods``) or of both
    (``mixed``); ``signed``: those whose signed paper is on file (True) or missing
    (False); ``order``: a key of :data:`RECEIPT_SORTS` (the whole list sorted by the
    query, a page at a time)."""
    actor.require("read")
    parts = _parts()
    q = _filtered(_query(parts), parts, text, since, until, include_voided, kind, signed)
    if order in RECEIPT_SORTS:
        amount = Disbursement.amount + func.coalesce(parts.c.amount, 0)
        spec = [amount if c == "amount" else c for c in RECEIPT_SORTS[order]]
        q = q.order_by(*ordering(spec, descending), Receipt.year, Receipt.seq)
    elif oldest_first:
        q = q.order_by(Disbursement.handed_on, Receipt.year, Receipt.seq)
    else:
        q = q.order_by(Disbursement.handed_on.desc(), Receipt.year.desc(), Receipt.seq.desc())
    with db.read() as s:
        return [_row(*row) for row in s.execute(q.limit(limit).offset(offset)).all()]


def count_receipts(
    db: Database,
    actor: Actor,
    text: str = "",
    *,
    since: date | None = None,
    until: date | None = None,
    include_voided: bool = True,
    kind: str | None = None,
    signed: bool | None = None,
) -> int:
    """How many receipts :func:`list_receipts` finds with the same filter (all pages)."""
    actor.require("read")
    parts = _parts()
    q = (
        select(func.count(Receipt.id))
        .select_from(Receipt)
        .join(Disbursement, Disbursement.id == Receipt.disbursement_id)
        .join(Grant, Grant.id == Disbursement.grant_id)
        .join(Beneficiary, Beneficiary.id == Grant.beneficiary_id)
    )
    if kind is not None:
        q = q.outerjoin(parts, parts.c.head_id == Disbursement.id)
    q = _filtered(q, parts, text, since, until, include_voided, kind, signed)
    with db.read() as s:
        return int(s.execute(q).scalar_one())


def _find(s: Session, number: object, *, lock: bool = False) -> Receipt:
    num = v.text(number, "receipt", max_len=40, required=True).upper()
    q = select(Receipt).where(Receipt.number == num)
    if lock:  # PostgreSQL: one print at a time counts (SQLite's write lock does this)
        q = q.with_for_update()
    r = s.execute(q).scalar_one_or_none()
    if r is None:
        raise NotFoundError("receipt", num)
    return r


def _address(b: Beneficiary, on: date, *, short: bool = False) -> str:
    """The address as printed on a paper dated ``on``, as it was that day: village,
    commune, district (before July 2025) and province (``short``: village and commune,
    for lists of people of one office)."""
    if b.address_text:
        text = b.address_text
    else:
        text = places.format_address(
            b.commune_code,
            b.province_code,
            village=b.village,
            recorded_on=b.address_recorded_on or b.registered_on,
            on=on,
            short=short,
        )
    # "Thôn Sủng Pờ A, xã Mèo Vạc, tỉnh Tuyên Quang": a capital at the start only.
    return text[:1].upper() + text[1:]


def _unit_name(code: Any) -> Select:  # type: ignore[type-arg]
    """The name of unit ``code`` (a value or a column), the current unit first."""
    return (
        select(AdminUnit.name)
        .where(AdminUnit.code == code)
        .order_by(AdminUnit.valid_to.is_(None).desc(), AdminUnit.valid_from.desc().nulls_last())
        .limit(1)
    )


def _office_place(s: Session, office: Office) -> str:
    if not office.unit_code:
        return ""
    return s.execute(_unit_name(office.unit_code)).scalar_one_or_none() or ""


@functools.cache
def _detail_query() -> Select:  # type: ignore[type-arg]
    """A receipt's paper in one statement: the list's row with the office, the name of
    its place, who prepared the hand-over and the receipt that replaced this one (one
    read instead of five; a receipt is read at each print). Made once."""
    preparer = aliased(User)
    replacing = aliased(Receipt)
    place = _unit_name(Office.unit_code).scalar_subquery()
    replaced_by = (
        select(replacing.number)
        .where(replacing.replaces_id == Receipt.id)
        .order_by(replacing.id)
        .limit(1)
        .scalar_subquery()
    )
    return (
        _plain_query()
        .add_columns(Office, place.label("office_place"), preparer.full_name, replaced_by)
        .join(Office, Office.id == Receipt.office_id)
        .outerjoin(preparer, preparer.id == Disbursement.staff_id)
    )


def _legal_bases(s: Session) -> list[paper_rules.LegalBasis]:
    rows = s.execute(
        select(LegalBasis.valid_from, LegalBasis.form_code, LegalBasis.legal_note).order_by(
            LegalBasis.valid_from
        )
    ).all()
    return [paper_rules.LegalBasis(*row) for row in rows]


def _is_monthly(gt: GrantType) -> bool:
    """A support paid month by month (its papers say which month)."""
    return "amount_per_month" in (gt.fields or [])


@functools.cache
def _lines_query() -> Select:  # type: ignore[type-arg]
    """A hand-over's lines: its head (``head_id``) and the parts under it, found by their
    indexes (an OR of the two made SQLite walk every grant), each with its animals' tags
    (one row per tag, in the order they were recorded). Made once."""
    head = bindparam("head_id", type_=Integer)
    return (
        select(Disbursement, GrantType, Tranche.due_date, Asset.tag)
        .join(Grant, Grant.id == Disbursement.grant_id)
        .join(GrantType, GrantType.id == Grant.grant_type_id)
        .outerjoin(Tranche, Tranche.id == Disbursement.tranche_id)
        .outerjoin(Asset, Asset.disbursement_id == Disbursement.id)
        .where(
            Disbursement.id.in_(
                union_all(
                    select(head),
                    select(Disbursement.id).where(Disbursement.part_of_id == head),
                )
            )
        )
        .order_by(Disbursement.id, Asset.id)
    )


def _lines(s: Session, head: Disbursement) -> tuple[PaperLine, ...]:
    rows: dict[int, tuple[Disbursement, GrantType, date | None]] = {}
    tags: dict[int, list[str]] = {}
    for d, gt, due, tag in s.execute(_lines_query(), {"head_id": head.id}).all():
        rows.setdefault(d.id, (d, gt, due))
        if tag:
            tags.setdefault(d.id, []).append(tag)
    return tuple(
        PaperLine(
            description=d.description,
            in_kind=d.in_kind,
            quantity=d.quantity,
            unit_value=d.unit_value,
            amount=d.amount,
            grant_type=gt.code,
            unit_vi=gt.unit_vi,
            unit_en=gt.unit_en,
            reason_vi=gt.receipt_reason_vi,
            reason_en=gt.receipt_reason_en,
            type_name_vi=gt.name_vi,
            type_name_en=gt.name_en,
            period=(due or d.handed_on).replace(day=1) if _is_monthly(gt) else None,
            asset_tags=tuple(tags.get(d.id, ())),
        )
        for d, gt, due in rows.values()
    )


def _detail(
    s: Session,
    r: Receipt | str,
    *,
    copy: int | None = None,
    bases: list[paper_rules.LegalBasis] | None = None,
) -> ReceiptDetail:
    """The paper of ``r`` (a receipt read in this session, or a receipt number)."""
    if isinstance(r, Receipt):
        row = s.execute(_detail_query().where(Receipt.id == r.id)).one()
    else:
        num = v.text(r, "receipt", max_len=40, required=True).upper()
        found = s.execute(_detail_query().where(Receipt.number == num)).one_or_none()
        if found is None:
            raise NotFoundError("receipt", num)
        row = found
    rec, d, b, gt, old, signed, office, office_place, preparer_name, replaced_by = row
    lines = _lines(s, d)
    basis = paper_rules.basis_on(bases if bases is not None else _legal_bases(s), d.handed_on)
    more = lines[1:]
    receipt_row = _row(
        rec,
        d,
        b,
        gt,
        old,
        signed,
        more=len(more),
        more_goods=sum(1 for line in more if line.in_kind),
        more_amount=sum(line.amount for line in more),
    )
    return ReceiptDetail(
        row=receipt_row,
        office_name=office.name,
        office_address=office.address,
        office_head=office.head_name,
        office_accountant=office.accountant_name,
        office_cashier=office.cashier_name,
        recipient_name=b.full_name,
        recipient_address=_address(b, d.handed_on),
        reason_vi=gt.receipt_reason_vi,
        reason_en=gt.receipt_reason_en,
        unit_vi=gt.unit_vi,
        unit_en=gt.unit_en,
        quantity=d.quantity,
        unit_value=d.unit_value,
        prepared_by=preparer_name or "",
        replaced_by_number=replaced_by,
        office_place=office_place or "",
        asset_tags=tuple(tag for line in lines for tag in line.asset_tags),
        type_name_vi=gt.name_vi,
        type_name_en=gt.name_en,
        office_book=office.voucher_book,
        lines=lines,
        book=paper_rules.voucher_book(office.voucher_book, d.handed_on),
        form_code=basis.form_code,
        legal_note=basis.legal_note,
        copy=copy,
    )


def get_receipt(db: Database, actor: Actor, number: str) -> ReceiptDetail:
    """A receipt as it stands, without recording a print: its paper shows what the next
    print would be (the original, or the next copy)."""
    actor.require("read")
    with db.read() as s:
        return _detail(s, number)


def receipts_for_handovers(
    db: Database, actor: Actor, disbursement_ids: list[int]
) -> list[ReceiptDetail]:
    """The valid receipts of these hand-overs, in receipt-number order (batch printing)."""
    actor.require("read")
    with db.read() as s:
        rs = s.execute(
            select(Receipt)
            .where(Receipt.disbursement_id.in_(disbursement_ids), Receipt.voided_at.is_(None))
            .order_by(Receipt.year, Receipt.seq)
        ).scalars()
        bases = _legal_bases(s)
        return [_detail(s, r, bases=bases) for r in rs]


# --- printing -----------------------------------------------------------------------------


def _record_print(s: Session, actor: Actor, r: Receipt) -> int:
    """Count one print of ``r`` in the caller's transaction; returns the copy it is (0:
    the original, which only an accountant or an administrator prints)."""
    if r.printed_at is None:
        actor.require("receipt.write")  # after the original anyone may print a copy
        r.printed_at = utcnow()
        copy = 0
        s.flush()
        audit.record(s, actor, "print", "receipt", r.id, after={"number": r.number, "copy": 0})
    else:
        r.reprint_count += 1
        copy = r.reprint_count
        s.flush()
        audit.record(
            s, actor, "reprint", "receipt", r.id, after={"number": r.number, "count": copy}
        )
    return copy


def record_print(db: Database, actor: Actor, number: str) -> ReceiptDetail:
    """Record a print (on paper or as PDF) of a receipt, before its paper is made, and
    return it as that print shows it: the first print is the original, every later one a
    copy ("BẢN SAO – in lại lần N", N counted up, never repeated). Logged either way."""
    actor.require("read")
    with db.write() as s:
        r = _find(s, number, lock=True)
        copy = _record_print(s, actor, r)
        return _detail(s, r, copy=copy)


def record_prints(db: Database, actor: Actor, numbers: Sequence[str]) -> list[ReceiptDetail]:
    """:func:`record_print` for the receipts of a batch, in one transaction, in order."""
    actor.require("read")
    with db.write() as s:
        bases = _legal_bases(s)
        details = []
        for number in numbers:
            r = _find(s, number, lock=True)
            details.append(_detail(s, r, copy=_record_print(s, actor, r), bases=bases))
        return details


def print_failed(db: Database, actor: Actor, number: str, copy: int) -> None:
    """A recorded print that did not come out (the printer failed, the file could not be
    written). Logged; an original that did not come out is not counted as printed (unless
    a copy was printed since); a copy's count is never given out again."""
    actor.require("read")
    with db.write() as s:
        r = _find(s, number, lock=True)
        kept_unprinted = copy == 0 and r.reprint_count == 0 and r.printed_at is not None
        if kept_unprinted:
            r.printed_at = None
        s.flush()
        audit.record(
            s,
            actor,
            "print_failed",
            "receipt",
            r.id,
            after={"number": r.number, "copy": copy, "original_unprinted": kept_unprinted},
        )


def next_print(detail: ReceiptDetail) -> ReceiptDetail:
    """The detail as the next print would show it (for a preview: nothing is recorded)."""
    return dataclasses.replace(detail, copy=detail.row.next_copy)


def void_receipt(
    db: Database,
    actor: Actor,
    number: str,
    reason: str,
    *,
    replace: bool = False,
    today: date | None = None,
) -> ReceiptDetail:
    """Void a receipt (kept, struck through, with the reason). With ``replace`` the same
    hand-over gets a new number, in the same transaction, that refers to the voided one;
    the new receipt is returned, else the voided one.

    A receipt whose quarter is closed is voided in the open period: the void (and the
    replacement) is dated ``today`` and counts in today's quarter; the closed quarter's
    figures keep the receipt as they had it."""
    actor.require("receipt.write")
    today = today or date.today()
    why = v.text(reason, "void_reason", max_len=300, required=True)
    with db.write() as s:
        closing.ensure_open(s, today, "void_reason")
        # Locked: a second void of the same receipt from another PC waits, then finds it
        # voided (never two replacements for one hand-over).
        r = _find(s, number, lock=True)
        if r.voided_at is not None:
            raise ValidationError("already_voided", "receipt", value=r.number)
        own_day = r.late_issued_on or r.disbursement.handed_on
        late = any(span.holds(own_day) for span in closing.closed_spans(s))
        before = audit.snapshot(r)
        r.voided_at = utcnow()
        r.voided_by_id = actor.user_id
        r.void_reason = why
        r.late_void_on = today if late else None
        s.flush()
        if not replace:
            audit.record(s, actor, "void", "receipt", r.id, before=before, after=audit.snapshot(r))
            return _detail(s, r)
        office = s.get(Office, r.office_id)
        assert office is not None
        year = r.year
        # The replacement's number before the first event: the receipt counter's row lock
        # comes before the audit trail's lock in every write (two PCs never wait on each
        # other in a circle).
        seq, new_number = next_receipt_number(s, office.id, office.receipt_prefix, year)
        audit.record(s, actor, "void", "receipt", r.id, before=before, after=audit.snapshot(r))
        new = Receipt(
            office_id=office.id,
            year=year,
            seq=seq,
            number=new_number,
            disbursement_id=r.disbursement_id,
            issued_by_id=actor.user_id,
            replaces_id=r.id,
            late_issued_on=today if late else None,
        )
        s.add(new)
        s.flush()
        audit.record(s, actor, "replace", "receipt", new.id, after=audit.snapshot(new))
        return _detail(s, new)


# --- numbering -----------------------------------------------------------------------


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


def number_handover(s: Session, actor: Actor, d: Disbursement) -> str:
    """Give a hand-over just added (flushed) its receipt, numbered in the office's sequence
    of the hand-over's year, inside the caller's transaction; returns the number."""
    office = current_office(s)
    seq, number = next_receipt_number(s, office.id, office.receipt_prefix, d.handed_on.year)
    s.add(
        Receipt(
            office_id=office.id,
            year=d.handed_on.year,
            seq=seq,
            number=number,
            disbursement_id=d.id,
            issued_by_id=actor.user_id,
        )
    )
    return number


# --- papers: plain data for tracker.reports ----------------------------------------------

#: ``auto``: the papers that fit what was handed over; or one of them (a hand-over of money
#: and goods can be printed one paper at a time).
PAPERS = ("auto", "voucher", "handover")
PAGE_SIZES = ("A4", "A5")
LANGS = ("vi", "en")
MAX_COPIES = 2

_WORDS = {
    "vi": {
        "replaced_by": "thay bằng phiếu số {number}",
        "head_title": "Thủ trưởng đơn vị",
        "chair_title": "Chủ tịch {office}",
        "officer_title": "Cán bộ phụ trách",
        "tags": "Số thẻ tai/ký hiệu: {tags}.",
        "handover_subject": "V/v bàn giao {what}",
        "and": "và",
        "month": "Tháng {month:02d} năm {year}",
        "for_month": "tháng {month:02d}/{year}",
    },
    "en": {
        "replaced_by": "replaced by voucher no. {number}",
        "head_title": "Head of office",
        "chair_title": "Chair, {office}",
        "officer_title": "Officer in charge",
        "tags": "Ear tags/marks: {tags}.",
        "handover_subject": "Hand-over of {what}",
        "and": "and",
        "month": "{month_name} {year}",
        "for_month": "{month_name} {year}",
    },
}
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _check_options(lang: str, page_size: str) -> None:
    if lang not in LANGS:
        raise ValidationError("choice", "language", value=lang)
    if page_size not in PAGE_SIZES:
        raise ValidationError("choice", "page_size", value=page_size)


def _neutral(text: str, fallback: str) -> str:
    """``text`` unless it gives away the project's sensitive purpose (then ``fallback``):
    papers handed to a beneficiary use neutral words only."""
    text = (text or "").strip()
    return fallback if not text or is_sensitive(text) else text


def _month(day: date, lang: str, key: str = "for_month") -> str:
    return _WORDS[lang][key].format(
        month=day.month, year=day.year, month_name=_MONTHS_EN[day.month - 1]
    )


def _base_reason(line: PaperLine, lang: str) -> str:
    base = line.reason_vi if lang == "vi" else (line.reason_en or line.reason_vi)
    return _neutral(base, "Hỗ trợ sinh kế" if lang == "vi" else "Livelihood support")


def _line_reason(line: PaperLine, lang: str) -> str:
    """The neutral reason of a line's support type ("Hỗ trợ sinh kế (bò giống)"), with what
    was handed over when it says more ("– Hỗ trợ tiền ăn học dệt"); a monthly allowance
    says the month it is for ("Hỗ trợ sinh hoạt hằng tháng – tháng 08/2025"), never the
    instalment's number."""
    base = _base_reason(line, lang)
    if line.period is not None:
        return f"{base} – {_month(line.period, lang)}"
    extra = _neutral(line.description, "")
    same = {fold(base), fold(line.type_name_vi), fold(line.type_name_en)}
    if extra and fold(extra) not in same and fold(extra) not in fold(base):
        return f"{base} – {extra}"
    return base


def _item_text(line: PaperLine, lang: str) -> str:
    """What a line of a table says: the thing handed over, in neutral words."""
    if line.period is not None:
        return _line_reason(line, lang)
    return _neutral(line.description, _base_reason(line, lang))


def _void_reason(d: ReceiptDetail, lang: str) -> str:
    if not d.row.voided:
        return ""
    reason = d.row.void_reason or "—"
    if d.replaced_by_number:
        reason += "; " + _WORDS[lang]["replaced_by"].format(number=d.replaced_by_number)
    return reason


def _unit(line: PaperLine, lang: str) -> str:
    return (line.unit_vi if lang == "vi" else (line.unit_en or line.unit_vi)) or ""


def _detail_lines(d: ReceiptDetail) -> tuple[PaperLine, ...]:
    """The lines of a detail (one made from its first line when it carries none)."""
    if d.lines:
        return d.lines
    return (
        PaperLine(
            description=d.row.description,
            in_kind=d.row.in_kind and d.quantity is not None,
            quantity=d.quantity,
            unit_value=d.unit_value,
            amount=d.row.amount,
            grant_type=d.row.grant_type,
            unit_vi=d.unit_vi,
            unit_en=d.unit_en,
            reason_vi=d.reason_vi,
            reason_en=d.reason_en,
            type_name_vi=d.type_name_vi,
            type_name_en=d.type_name_en,
            asset_tags=d.asset_tags,
        ),
    )


def cash_lines(d: ReceiptDetail) -> tuple[PaperLine, ...]:
    return tuple(line for line in _detail_lines(d) if not line.in_kind)


def goods_lines(d: ReceiptDetail) -> tuple[PaperLine, ...]:
    return tuple(line for line in _detail_lines(d) if line.in_kind)


def is_goods(detail: ReceiptDetail) -> bool:
    """Whether goods were handed over (a cow, a loom, yarn): they get a hand-over note."""
    return bool(goods_lines(detail))


def _unique(texts: Sequence[str]) -> list[str]:
    seen: list[str] = []
    for text in texts:
        if text not in seen:
            seen.append(text)
    return seen


def receipt_doc(detail: ReceiptDetail, *, lang: str = "vi", page_size: str = "A4") -> ReceiptDoc:
    """The payment voucher (phiếu chi) of the money handed over, in ``lang`` on
    ``page_size``: the circular in force on its date, the voucher book, the copy it is
    ("BẢN SAO" after the first print), the void and its reason, the number it replaces, the
    office's signatories and a neutral reason. Never the person's category. A hand-over of
    goods only has no voucher (it is printed on the hand-over note)."""
    _check_options(lang, page_size)
    d = detail
    cash = cash_lines(d)
    if not cash:
        raise ValidationError("paper_not_for_kind", "paper", value="voucher")
    items: tuple[ReceiptItem, ...] = ()
    if len(cash) > 1:
        items = tuple(
            ReceiptItem(_item_text(line, lang), None, "", None, line.amount) for line in cash
        )
    return ReceiptDoc(
        office_name=d.office_name,
        office_address=d.office_address,
        form_code=d.form_code or paper_rules.DEFAULT_LEGAL_BASES[-1].form_code,
        legal_note=d.legal_note or paper_rules.DEFAULT_LEGAL_BASES[-1].legal_note,
        book_no=d.book or paper_rules.voucher_book(d.office_book, d.row.handed_on),
        number=d.row.number,
        issued_on=d.row.handed_on,
        recipient_name=d.recipient_name,
        recipient_address=d.recipient_address,
        reason="; ".join(_unique([_line_reason(line, lang) for line in cash])),
        items=items,
        amount=sum(line.amount for line in cash),
        prepared_by=d.prepared_by,
        accountant=d.office_accountant,
        cashier=d.office_cashier,
        head=d.office_head,
        reprint=d.print_copy,
        voided=d.row.voided,
        void_reason=_void_reason(d, lang),
        replaces_number=d.row.replaces_number,
        page_size=page_size,
        lang=lang,
    )


def _giver(d: ReceiptDetail, lang: str) -> Signatory:
    words = _WORDS[lang]
    if d.office_head:
        folded = fold(d.office_name)
        if folded.startswith(("hoi lhpn", "hoi lien hiep phu nu")):
            return Signatory(words["chair_title"].format(office=d.office_name), d.office_head)
        return Signatory(words["head_title"], d.office_head)
    return Signatory(words["officer_title"], d.prepared_by)


def _listed(things: Sequence[str], lang: str) -> str:
    """ "bò cái giống", "khung dệt lanh và sợi lanh", "a, b và c"."""
    things = _unique([t[:1].lower() + t[1:] for t in things])
    if len(things) <= 1:
        return things[0] if things else ""
    return f"{', '.join(things[:-1])} {_WORDS[lang]['and']} {things[-1]}"


def handover_note_doc(
    detail: ReceiptDetail, *, lang: str = "vi", page_size: str = "A4"
) -> HandoverNoteDoc:
    """The hand-over note (biên bản bàn giao) of the goods handed over, numbered like its
    receipt: each item with the unit of its support type (a cow in "con", yarn in "kg"),
    quantity, unit value and value; the office's head (or the officer) hands over, the
    person receives with a thumbprint box and a witness. It says nothing of money received.
    A hand-over of money only has no note."""
    _check_options(lang, page_size)
    d = detail
    goods = goods_lines(d)
    if not goods:
        raise ValidationError("paper_not_for_kind", "paper", value="handover")
    items = tuple(
        ReceiptItem(
            _item_text(line, lang),
            line.quantity,
            _unit(line, lang),
            line.unit_value,
            line.amount,
        )
        for line in goods
    )
    tags = [tag for line in goods for tag in line.asset_tags]
    condition = _WORDS[lang]["tags"].format(tags=", ".join(tags)) if tags else ""
    return HandoverNoteDoc(
        office_name=d.office_name,
        office_address=d.office_address,
        number=d.row.number,
        issued_on=d.row.handed_on,
        place=d.recipient_address or d.office_address or d.office_name,
        written_at=d.office_place,
        subject=_WORDS[lang]["handover_subject"].format(
            what=_listed([item.description for item in items], lang)
        ),
        giver=_giver(d, lang),
        receiver_name=d.recipient_name,
        receiver_address=d.recipient_address,
        items=items,
        amount=sum(item.amount for item in items),
        condition_note=condition,
        reprint=d.print_copy,
        voided=d.row.voided,
        void_reason=_void_reason(d, lang),
        replaces_number=d.row.replaces_number,
        page_size=page_size,
        lang=lang,
    )


def papers_of(detail: ReceiptDetail, paper: str = "auto") -> tuple[str, ...]:
    """The papers to print: those that fit the hand-over (``auto``), or the one asked for
    when the hand-over has it (a voucher needs money, a hand-over note goods)."""
    if paper not in PAPERS:
        raise ValidationError("choice", "paper", value=paper)
    kinds = PAPERS_OF_KIND[kind_of(line.in_kind for line in _detail_lines(detail))]
    if paper == "auto":
        return kinds
    if paper not in kinds:
        raise ValidationError("paper_not_for_kind", "paper", value=paper)
    return (paper,)


def paper_docs(
    detail: ReceiptDetail, paper: str = "auto", *, lang: str = "vi", page_size: str = "A4"
) -> list[ReceiptDoc | HandoverNoteDoc]:
    """The papers of a receipt as plain data: the voucher for the money, the hand-over note
    for the goods, or both (in that order)."""
    docs: list[ReceiptDoc | HandoverNoteDoc] = []
    for name in papers_of(detail, paper):
        if name == "voucher":
            docs.append(receipt_doc(detail, lang=lang, page_size=page_size))
        else:
            docs.append(handover_note_doc(detail, lang=lang, page_size=page_size))
    return docs


def paper_doc(
    detail: ReceiptDetail, paper: str = "auto", *, lang: str = "vi", page_size: str = "A4"
) -> ReceiptDoc | HandoverNoteDoc:
    """The first paper of :func:`paper_docs`."""
    return paper_docs(detail, paper, lang=lang, page_size=page_size)[0]


def file_stem(detail: ReceiptDetail, paper: str = "auto") -> str:
    """A file name for the papers: PhieuChi_…, BienBanBanGiao_… or PhieuChi_BienBan_…."""
    names = papers_of(detail, paper)
    stem = {
        ("voucher",): "PhieuChi",
        ("handover",): "BienBanBanGiao",
        ("voucher", "handover"): "PhieuChi_BienBan",
    }[names]
    return f"{stem}_{detail.row.number}"


def write_paper(
    detail: ReceiptDetail,
    out: Path | str | BinaryIO,
    *,
    paper: str = "auto",
    copies: int = 1,
    lang: str = "vi",
    page_size: str = "A4",
) -> int:
    """Write the receipt's papers as one PDF (a path is written atomically): by default
    those that fit what was handed over (:func:`papers_of`). ``copies`` 2 prints each as
    "Liên 1" and "Liên 2" one after the other. Returns the number of pages.

    The paper shows the print of ``detail``: pass what :func:`record_print` returned when
    printing; a detail read with :func:`get_receipt` shows what the next print would be."""
    if isinstance(copies, bool) or copies not in range(1, MAX_COPIES + 1):
        raise ValidationError("choice", "copies", value=copies)
    docs = paper_docs(detail, paper, lang=lang, page_size=page_size)
    return render_papers(docs, out, copies)


# --- batches -----------------------------------------------------------------------------


def receipts_of_day(db: Database, actor: Actor, day: date) -> list[ReceiptDetail]:
    """The valid receipts of every hand-over of ``day``, in number order (batch printing)."""
    actor.require("read")
    day = v.a_date(day, "handed_on")
    with db.read() as s:
        rs = s.execute(
            select(Receipt)
            .join(Disbursement, Disbursement.id == Receipt.disbursement_id)
            .where(Disbursement.handed_on == day, Receipt.voided_at.is_(None))
            .order_by(Receipt.year, Receipt.seq)
        ).scalars()
        bases = _legal_bases(s)
        return [_detail(s, r, bases=bases) for r in rs]


def _month_bounds(month: date) -> tuple[date, date]:
    first = month.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following


def signature_list(
    db: Database,
    actor: Actor,
    grant_type: str,
    month: date,
    *,
    lang: str = "vi",
    page_size: str = "A4",
) -> SignatureListDoc:
    """The signature list (danh sách ký nhận) of a group payment: every valid hand-over of
    ``grant_type`` (e.g. ``monthly_allowance``) in the month of ``month``, one row per
    person (amounts of the same person added up), sorted by given name."""
    actor.require("read")
    _check_options(lang, page_size)
    month = v.a_date(month, "month")
    first, following = _month_bounds(month)
    with db.read() as s:
        gt = s.execute(select(GrantType).where(GrantType.code == grant_type)).scalar_one_or_none()
        if gt is None:
            raise ValidationError("unknown_grant_type", "grant_type", value=grant_type)
        rows = s.execute(
            select(Beneficiary, Disbursement.amount, Disbursement.handed_on)
            .select_from(Receipt)
            # A line handed over with other things shares its hand-over's receipt.
            .join(
                Disbursement,
                func.coalesce(Disbursement.part_of_id, Disbursement.id) == Receipt.disbursement_id,
            )
            .join(Grant, Grant.id == Disbursement.grant_id)
            .join(Beneficiary, Beneficiary.id == Grant.beneficiary_id)
            .where(
                Grant.grant_type_id == gt.id,
                Disbursement.in_kind.is_(False),
                Receipt.voided_at.is_(None),
                Disbursement.handed_on >= first,
                Disbursement.handed_on < following,
            )
        ).all()
        if not rows:
            raise ValidationError(
                "nothing_to_print", None, period=f"{first.month:02d}/{first.year}"
            )
        office = current_office(s)
        people: dict[int, tuple[Beneficiary, int, date]] = {}
        for b, amount, day in rows:
            total, last = people[b.id][1:] if b.id in people else (0, day)
            people[b.id] = (b, total + amount, max(last, day))
        ordered = sorted(people.values(), key=lambda p: (sort_key(p[0].full_name), p[0].code))
        list_rows = tuple(
            SignatureListRow(b.full_name, b.code, _address(b, day, short=True), amount)
            for b, amount, day in ordered
        )
        issued_on = max(day for _b, _a, day in rows)
        words = _WORDS[lang]
        period = words["month"].format(
            month=first.month, year=first.year, month_name=_MONTHS_EN[first.month - 1]
        )
        subject = (
            gt.receipt_reason_vi if lang == "vi" else (gt.receipt_reason_en or gt.receipt_reason_vi)
        )
        return SignatureListDoc(
            office_name=office.name,
            office_address=office.address,
            subject=_neutral(subject, "Hỗ trợ sinh kế" if lang == "vi" else "Livelihood support"),
            period=period,
            issued_on=issued_on,
            written_at=_office_place(s, office),
            rows=list_rows,
            prepared_by=actor.full_name,
            accountant=office.accountant_name,
            cashier=office.cashier_name,
            head=office.head_name,
            page_size=page_size,
            lang=lang,
        )


# --- the legal basis of payment vouchers (Settings) --------------------------------------


def legal_bases(db: Database, actor: Actor) -> list[paper_rules.LegalBasis]:
    """The form code and legal-basis line of payment vouchers, by the date from which each
    applies (the defaults when the table is empty)."""
    actor.require("read")
    with db.read() as s:
        return _legal_bases(s) or list(paper_rules.DEFAULT_LEGAL_BASES)


def _plain_bases(rows: Sequence[paper_rules.LegalBasis]) -> list[dict[str, str]]:
    return [
        {
            "valid_from": r.valid_from.isoformat(),
            "form_code": r.form_code,
            "legal_note": r.legal_note,
        }
        for r in rows
    ]


def save_legal_bases(
    db: Database, actor: Actor, rows: Sequence[paper_rules.LegalBasis]
) -> list[paper_rules.LegalBasis]:
    """Replace the table of legal bases (administrators; an office setting, logged with the
    rows before and after). At least one row; no two rows start on the same day."""
    actor.require("office.setup")
    cleaned: list[paper_rules.LegalBasis] = []
    for row in rows:
        if not isinstance(row, paper_rules.LegalBasis):
            raise ValidationError("legal_basis_invalid", "legal_basis")
        cleaned.append(
            paper_rules.LegalBasis(
                v.a_date(row.valid_from, "legal_basis", not_before=date(2000, 1, 1)),
                v.text(row.form_code, "legal_basis", max_len=40, required=True),
                v.text(row.legal_note, "legal_basis", max_len=300, required=True),
            )
        )
    days = [r.valid_from for r in cleaned]
    if not cleaned or len(set(days)) != len(days):
        raise ValidationError("legal_basis_invalid", "legal_basis")
    cleaned.sort(key=lambda r: r.valid_from)
    with db.write() as s:
        before = _legal_bases(s)
        s.execute(delete(LegalBasis))
        s.flush()
        for r in cleaned:
            s.add(
                LegalBasis(valid_from=r.valid_from, form_code=r.form_code, legal_note=r.legal_note)
            )
        s.flush()
        office = current_office(s)
        audit.record(
            s,
            actor,
            "update",
            "office",
            office.id,
            before={"legal_basis": _plain_bases(before)},
            after={"legal_basis": _plain_bases(cleaned)},
        )
    return cleaned
