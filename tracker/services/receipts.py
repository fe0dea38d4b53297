"""Receipts: finding them, the data to print one, reprints (logged, same number) and voids
(kept, with a reason; a replacement gets a new number that refers to the voided one).

The papers: :func:`receipt_doc` (payment voucher), :func:`handover_note_doc` (goods) and
:func:`signature_list` (a month of a group payment) turn what the database holds into the
plain data of :mod:`tracker.reports`, in neutral words (never the person's category or the
project's purpose); :func:`write_paper` writes one as PDF, :func:`receipts_of_day` lists a
day's receipts for a batch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Select, func, or_, select, update
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
    Office,
    Receipt,
    ReceiptCounter,
    User,
)
from tracker.i18n.text import fold, sort_key
from tracker.reports import (
    HandoverNoteDoc,
    ReceiptDoc,
    ReceiptItem,
    Signatory,
    SignatureListDoc,
    SignatureListRow,
    render_receipt,
    render_receipt_copies,
)
from tracker.reports._layout import is_sensitive
from tracker.reports.printing import render_handover_copies
from tracker.services import audit, places
from tracker.services import validate as v
from tracker.services.context import Actor
from tracker.services.errors import NotFoundError, ValidationError
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
    #: The office's voucher book (quyển số), printed on payment vouchers.
    office_book: str = ""


def _query() -> Select:  # type: ignore[type-arg]
    replaced = aliased(Receipt)
    return (
        select(Receipt, Disbursement, Beneficiary, GrantType, replaced.number)
        .join(Disbursement, Disbursement.id == Receipt.disbursement_id)
        .join(Grant, Grant.id == Disbursement.grant_id)
        .join(Beneficiary, Beneficiary.id == Grant.beneficiary_id)
        .join(GrantType, GrantType.id == Grant.grant_type_id)
        .outerjoin(replaced, replaced.id == Receipt.replaces_id)
    )


def _row(r: Receipt, d: Disbursement, b: Beneficiary, gt: GrantType, old: str | None) -> ReceiptRow:
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
        d.amount,
        d.in_kind,
        r.reprint_count,
        r.voided_at is not None,
        r.void_reason,
        old,
    )


def _filtered(
    q: Select,  # type: ignore[type-arg]
    text: str,
    since: date | None,
    until: date | None,
    include_voided: bool,
) -> Select:  # type: ignore[type-arg]
    for word in fold(text or "").split():
        like = f"%{word.replace('%', '').replace('_', '')}%"
        q = q.where(or_(func.lower(Receipt.number).like(like), Beneficiary.search_key.like(like)))
    if since is not None:
        q = q.where(Disbursement.handed_on >= since)
    if until is not None:
        q = q.where(Disbursement.handed_on <= until)
    if not include_voided:
        q = q.where(Receipt.voided_at.is_(None))
    return q


def list_receipts(
    db: Database,
    actor: Actor,
    text: str = "",
    *,
    since: date | None = None,
    until: date | None = None,
    include_voided: bool = True,
    limit: int = 200,
    offset: int = 0,
) -> list[ReceiptRow]:
    """Receipts newest first; ``text`` matches the number, or the person's name, alias or
    code with or without diacritics."""
    actor.require("read")
    q = _filtered(_query(), text, since, until, include_voided)
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
) -> int:
    """How many receipts :func:`list_receipts` finds with the same filter (all pages)."""
    actor.require("read")
    q = _filtered(
        select(func.count(Receipt.id))
        .select_from(Receipt)
        .join(Disbursement, Disbursement.id == Receipt.disbursement_id)
        .join(Grant, Grant.id == Disbursement.grant_id)
        .join(Beneficiary, Beneficiary.id == Grant.beneficiary_id),
        text,
        since,
        until,
        include_voided,
    )
    with db.read() as s:
        return int(s.execute(q).scalar_one())


def _find(s: Session, number: object) -> Receipt:
    num = v.text(number, "receipt", max_len=40, required=True).upper()
    r = s.execute(select(Receipt).where(Receipt.number == num)).scalar_one_or_none()
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


def _office_place(s: Session, office: Office) -> str:
    if not office.unit_code:
        return ""
    name = s.execute(
        select(AdminUnit.name)
        .where(AdminUnit.code == office.unit_code)
        .order_by(AdminUnit.valid_to.is_(None).desc(), AdminUnit.valid_from.desc().nulls_last())
        .limit(1)
    ).scalar_one_or_none()
    return name or ""


def _detail(s: Session, r: Receipt) -> ReceiptDetail:
    row = s.execute(_query().where(Receipt.id == r.id)).one()
    _, d, b, gt, _old = row
    office = s.get(Office, r.office_id)
    assert office is not None
    preparer = s.get(User, d.staff_id) if d.staff_id else None
    replaced_by = s.execute(
        select(Receipt.number).where(Receipt.replaces_id == r.id)
    ).scalar_one_or_none()
    return ReceiptDetail(
        row=_row(*row),
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
        prepared_by=preparer.full_name if preparer else "",
        replaced_by_number=replaced_by,
        office_place=_office_place(s, office),
        asset_tags=tuple(
            tag
            for tag in s.execute(
                select(Asset.tag).where(Asset.disbursement_id == d.id).order_by(Asset.id)
            ).scalars()
            if tag
        ),
        type_name_vi=gt.name_vi,
        type_name_en=gt.name_en,
        office_book=office.voucher_book,
    )


def get_receipt(db: Database, actor: Actor, number: str) -> ReceiptDetail:
    actor.require("read")
    with db.read() as s:
        return _detail(s, _find(s, number))


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
        return [_detail(s, r) for r in rs]


def record_reprint(db: Database, actor: Actor, number: str) -> ReceiptDetail:
    """A reprint keeps the number, is marked as a copy with its count, and is logged."""
    actor.require("receipt.write")
    with db.write() as s:
        r = _find(s, number)
        r.reprint_count += 1
        s.flush()
        audit.record(
            s,
            actor,
            "reprint",
            "receipt",
            r.id,
            after={"number": r.number, "count": r.reprint_count},
        )
        return _detail(s, r)


def void_receipt(
    db: Database, actor: Actor, number: str, reason: str, *, replace: bool = False
) -> ReceiptDetail:
    """Void a receipt (kept, struck through, with the reason). With ``replace`` the same
    hand-over gets a new number, in the same transaction, that refers to the voided one;
    the new receipt is returned, else the voided one."""
    actor.require("receipt.write")
    why = v.text(reason, "void_reason", max_len=300, required=True)
    with db.write() as s:
        r = _find(s, number)
        if r.voided_at is not None:
            raise ValidationError("already_voided", "receipt", value=r.number)
        before = audit.snapshot(r)
        r.voided_at = utcnow()
        r.voided_by_id = actor.user_id
        r.void_reason = why
        s.flush()
        audit.record(s, actor, "void", "receipt", r.id, before=before, after=audit.snapshot(r))
        if not replace:
            return _detail(s, r)
        office = s.get(Office, r.office_id)
        assert office is not None
        year = r.year
        seq, new_number = next_receipt_number(s, office.id, office.receipt_prefix, year)
        new = Receipt(
            office_id=office.id,
            year=year,
            seq=seq,
            number=new_number,
            disbursement_id=r.disbursement_id,
            issued_by_id=actor.user_id,
            replaces_id=r.id,
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

#: The papers a receipt can be printed on: the payment voucher (every hand-over) and, for
#: goods, the hand-over note signed by both sides.
PAPERS = ("voucher", "handover")
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
        "month": "Tháng {month:02d} năm {year}",
    },
    "en": {
        "replaced_by": "replaced by voucher no. {number}",
        "head_title": "Head of office",
        "chair_title": "Chair, {office}",
        "officer_title": "Officer in charge",
        "tags": "Ear tags/marks: {tags}.",
        "handover_subject": "Hand-over of {what}",
        "month": "{month_name} {year}",
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


def _reason(d: ReceiptDetail, lang: str) -> str:
    """The neutral reason of the support type ("Hỗ trợ sinh kế (bò giống)"), with what was
    handed over when it says more ("– Trợ cấp tháng 3")."""
    base = d.reason_vi if lang == "vi" else (d.reason_en or d.reason_vi)
    base = _neutral(base, "Hỗ trợ sinh kế" if lang == "vi" else "Livelihood support")
    extra = _neutral(d.row.description, "")
    same = {fold(base), fold(d.type_name_vi), fold(d.type_name_en)}
    if extra and fold(extra) not in same and fold(extra) not in fold(base):
        return f"{base} – {extra}"
    return base


def _void_reason(d: ReceiptDetail, lang: str) -> str:
    if not d.row.voided:
        return ""
    reason = d.row.void_reason or "—"
    if d.replaced_by_number:
        reason += "; " + _WORDS[lang]["replaced_by"].format(number=d.replaced_by_number)
    return reason


def _unit(d: ReceiptDetail, lang: str) -> str:
    return (d.unit_vi if lang == "vi" else (d.unit_en or d.unit_vi)) or ""


def _items(d: ReceiptDetail, lang: str) -> tuple[ReceiptItem, ...]:
    if d.quantity is None or d.unit_value is None:
        return ()
    fallback = d.reason_vi if lang == "vi" else (d.reason_en or d.reason_vi)
    return (
        ReceiptItem(
            _neutral(d.row.description, _neutral(fallback, "—")),
            d.quantity,
            _unit(d, lang),
            d.unit_value,
            d.row.amount,
        ),
    )


def is_goods(detail: ReceiptDetail) -> bool:
    """Goods handed over (a cow, a loom, yarn): they also get a hand-over note."""
    return detail.row.in_kind and detail.quantity is not None and detail.unit_value is not None


def receipt_doc(detail: ReceiptDetail, *, lang: str = "vi", page_size: str = "A4") -> ReceiptDoc:
    """The payment voucher (phiếu chi) of a receipt, in ``lang`` on ``page_size``: the
    reprint count (a reprint says "BẢN SAO"), the void and its reason, the number it
    replaces, the office's signatories and a neutral reason. Never the person's category."""
    _check_options(lang, page_size)
    d = detail
    return ReceiptDoc(
        office_name=d.office_name,
        office_address=d.office_address,
        number=d.row.number,
        issued_on=d.row.handed_on,
        recipient_name=d.recipient_name,
        recipient_address=d.recipient_address,
        reason=_reason(d, lang),
        items=_items(d, lang),
        amount=d.row.amount,
        prepared_by=d.prepared_by,
        accountant=d.office_accountant,
        cashier=d.office_cashier,
        head=d.office_head,
        reprint=d.row.reprint_count,
        voided=d.row.voided,
        void_reason=_void_reason(d, lang),
        replaces_number=d.row.replaces_number,
        page_size=page_size,
        lang=lang,
        book_no=d.office_book,
    )


def _giver(d: ReceiptDetail, lang: str) -> Signatory:
    words = _WORDS[lang]
    if d.office_head:
        folded = fold(d.office_name)
        if folded.startswith(("hoi lhpn", "hoi lien hiep phu nu")):
            return Signatory(words["chair_title"].format(office=d.office_name), d.office_head)
        return Signatory(words["head_title"], d.office_head)
    return Signatory(words["officer_title"], d.prepared_by)


def handover_note_doc(
    detail: ReceiptDetail, *, lang: str = "vi", page_size: str = "A4"
) -> HandoverNoteDoc:
    """The hand-over note (biên bản bàn giao) of goods, numbered like its receipt; the
    office's head (or the officer) hands over, the person receives with a thumbprint box."""
    _check_options(lang, page_size)
    d = detail
    if not is_goods(d):
        raise ValidationError("choice", "paper", value="handover")
    items = _items(d, lang)
    what = items[0].description
    condition = _WORDS[lang]["tags"].format(tags=", ".join(d.asset_tags)) if d.asset_tags else ""
    return HandoverNoteDoc(
        office_name=d.office_name,
        office_address=d.office_address,
        number=d.row.number,
        issued_on=d.row.handed_on,
        place=d.recipient_address or d.office_address or d.office_name,
        written_at=d.office_place,
        subject=_WORDS[lang]["handover_subject"].format(what=what[:1].lower() + what[1:]),
        giver=_giver(d, lang),
        receiver_name=d.recipient_name,
        receiver_address=d.recipient_address,
        items=items,
        amount=d.row.amount,
        condition_note=condition,
        reprint=d.row.reprint_count,
        voided=d.row.voided,
        void_reason=_void_reason(d, lang),
        page_size=page_size,
        lang=lang,
    )


def paper_doc(
    detail: ReceiptDetail, paper: str = "voucher", *, lang: str = "vi", page_size: str = "A4"
) -> ReceiptDoc | HandoverNoteDoc:
    if paper not in PAPERS:
        raise ValidationError("choice", "paper", value=paper)
    if paper == "handover":
        return handover_note_doc(detail, lang=lang, page_size=page_size)
    return receipt_doc(detail, lang=lang, page_size=page_size)


def write_paper(
    detail: ReceiptDetail,
    out: Path | str | BinaryIO,
    *,
    paper: str = "voucher",
    copies: int = 1,
    lang: str = "vi",
    page_size: str = "A4",
) -> int:
    """Write the receipt's paper as PDF (a path is written atomically); ``copies`` 2 prints
    "Liên 1" and "Liên 2" one after the other. Returns the number of pages."""
    if isinstance(copies, bool) or copies not in range(1, MAX_COPIES + 1):
        raise ValidationError("choice", "copies", value=copies)
    doc = paper_doc(detail, paper, lang=lang, page_size=page_size)
    if isinstance(doc, HandoverNoteDoc):
        return render_handover_copies(doc, out, copies)
    if copies == 1:
        return render_receipt(doc, out)
    return render_receipt_copies(doc, out, copies)


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
        return [_detail(s, r) for r in rs]


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
            .join(Disbursement, Disbursement.id == Receipt.disbursement_id)
            .join(Grant, Grant.id == Disbursement.grant_id)
            .join(Beneficiary, Beneficiary.id == Grant.beneficiary_id)
            .where(
                Grant.grant_type_id == gt.id,
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
            head=office.head_name,
            page_size=page_size,
            lang=lang,
        )
