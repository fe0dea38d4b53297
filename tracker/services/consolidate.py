"""The province office: the offices' signed export bundles taken in, the board of who sent
which quarter, and the provincial summary made of them.

At an office: its signing key (made when it is set up, kept in the key file's box like the
database key) signs every export's manifest; ``identity`` gives its fingerprint. With a
people key shared by the province (``set_people_key``), the province version carries,
per person supported, only a keyed hash of the folded name, birth year and commune, so
that the province counts a person helped by two offices once.

At the province (an office of the "province" level): ``register_office`` records an
office's name and fingerprint; ``import_bundles`` checks a bundle's every file, its
signature and its key, and takes in its figures in one transaction; a later bundle of the
same office and period replaces the earlier one (recorded); the same bundle again changes
nothing.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import __version__
from tracker.db.engine import Database
from tracker.db.models import (
    AppMeta,
    Beneficiary,
    Disbursement,
    Grant,
    ProvinceBundle,
    ProvinceOffice,
)
from tracker.db.vault import new_signing_key
from tracker.domain.shapes import (
    Amounts,
    PeopleCount,
    PeopleFigures,
    Period,
    SignOff,
    Summary,
)
from tracker.reports import bundle
from tracker.services import audit
from tracker.services import validate as v
from tracker.services.context import Actor
from tracker.services.errors import ConflictError, ServiceError, ValidationError
from tracker.services.figures import withdrawn_ids
from tracker.services.office import current_office
from tracker.services.periods import parse_period, quarter_of

PEOPLE_KEY = "people_key"
#: ``app_meta``: the signing key of a database without a key file (PostgreSQL).
SIGNING_KEY = "signing_key"
MIN_PEOPLE_KEY = 32
#: An office's quarter is late when nothing came this many days after it ended.
LATE_AFTER_DAYS = 15
BOARD_QUARTERS = 4


class BundleRejected(ServiceError):
    """A bundle refused; the message says why. Nothing was taken in."""


# --- at the office ---------------------------------------------------------------------


@dataclass(frozen=True)
class OfficeIdentity:
    name: str
    code: str
    kind: str
    #: The fingerprint of the office's public signing key (None: no key yet).
    fingerprint: str | None
    people_key_id: str | None = None


def identity(db: Database, actor: Actor) -> OfficeIdentity:
    """The office's name, code and the fingerprint of the key that signs its exports."""
    actor.require("read")
    with db.read() as s:
        office = current_office(s)
        name, code, kind = office.name, office.receipt_prefix, office.kind
        people = _people_key(s)
    key = signing_key(db)
    return OfficeIdentity(
        name,
        code,
        kind,
        bundle.fingerprint(bundle.public_bytes(key)) if key is not None else None,
        bundle.key_id(people) if people is not None else None,
    )


def signing_key(db: Database, actor: Actor | None = None) -> Ed25519PrivateKey | None:
    """The key that signs this office's exports. On an encrypted file it is sealed in the
    key file's box, like the database key. A database without a key file (PostgreSQL)
    keeps it in ``app_meta``, protected by the server like every record and readable only
    by the app's roles; given ``actor`` (an administrator signing in, or the set-up), one
    is made there when there is none yet, and the audit trail says so."""
    if db.keys is not None:
        return db.keys.signing_key
    with db.read() as s:
        row = s.get(AppMeta, SIGNING_KEY)
        seed = row.value if row is not None else None
    if seed is None and actor is not None and actor.role == "admin":
        with db.write() as s:
            row = s.get(AppMeta, SIGNING_KEY)
            if row is None:
                row = AppMeta(key=SIGNING_KEY, value=new_signing_key().hex())
                s.add(row)
                audit.record(s, actor, "signing_key_created", "office", None)
            seed = row.value
    if seed is None:
        return None
    try:
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(seed))
    except ValueError:
        return None


def new_people_key() -> str:
    """A fresh people key for a province to hand to its offices: 40 base32 characters in
    groups of five."""
    raw = secrets.token_bytes(25)
    import base64

    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i : i + 5] for i in range(0, len(text), 5))


def _normal_people_key(text: object) -> bytes:
    raw = "".join(ch for ch in str(text or "").upper() if ch.isalnum())
    if len(raw) < MIN_PEOPLE_KEY:
        raise ValidationError("bad_people_key", "people_key")
    return hashlib.sha256(raw.encode("ascii", "ignore")).digest()


def _people_key(s: Session) -> bytes | None:
    found = s.get(AppMeta, PEOPLE_KEY)
    return bytes.fromhex(found.value) if found is not None else None


def set_people_key(db: Database, actor: Actor, key_text: str | None) -> str | None:
    """Enter (or, with None, remove) the people key the province shared. Returns its short
    tag (the province's board shows it beside each bundle). The key itself is never
    written to the audit trail."""
    actor.require("office.setup")
    key = _normal_people_key(key_text) if key_text is not None else None
    with db.write() as s:
        row = s.get(AppMeta, PEOPLE_KEY)
        if key is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(AppMeta(key=PEOPLE_KEY, value=key.hex()))
        else:
            row.value = key.hex()
        tag = bundle.key_id(key) if key is not None else None
        audit.record(s, actor, "people_key_set", "office", None, after={"key_id": tag})
    return tag


def people_document(s: Session, period: Period) -> dict[str, Any] | None:
    """The keyed hashes of the people supported in the period and to its end who did not
    withdraw their consent to sharing with the province; None without a people key. Runs
    inside the caller's read (the export checked the role)."""
    from tracker.services.places import today_units

    key = _people_key(s)
    if key is None:
        return None
    rows = s.execute(
        select(
            Beneficiary.id,
            Beneficiary.full_name,
            Beneficiary.birth_year,
            Beneficiary.birth_date,
            Beneficiary.commune_code,
            Beneficiary.address_recorded_on,
            Disbursement.handed_on,
        )
        .join(Grant, Grant.beneficiary_id == Beneficiary.id)
        .join(Disbursement, Disbursement.grant_id == Grant.id)
        .where(
            Disbursement.handed_on <= period.end,
            Beneficiary.id.not_in(withdrawn_ids("province_sharing")),
        )
    ).all()
    in_period: set[str] = set()
    to_end: set[str] = set()
    for _bid, name, year, born, commune, recorded, day in rows:
        units = today_units(commune, recorded)
        place = units[0].code if units else (commune or "")
        h = bundle.person_hash(key, name, year or (born.year if born else None), place)
        to_end.add(h)
        if day >= period.start:
            in_period.add(h)
    return {"key_id": bundle.key_id(key), "in_period": sorted(in_period), "to_end": sorted(to_end)}


# --- at the province: offices ----------------------------------------------------------


@dataclass(frozen=True)
class RegisteredOffice:
    id: int
    name: str
    fingerprint: str
    prefix: str | None
    registered_at: datetime


def _registered(o: ProvinceOffice) -> RegisteredOffice:
    return RegisteredOffice(o.id, o.name, o.fingerprint, o.prefix, o.registered_at)


def _require_province(s: Session) -> None:
    office = current_office(s)
    if office.kind != "province":
        raise ValidationError("not_province_office", None, kind=office.kind)


def register_office(db: Database, actor: Actor, name: str, fingerprint: str) -> RegisteredOffice:
    """Register an office by its name and the fingerprint printed on its setup paper."""
    actor.require("office.setup")
    clean_name = v.text(name, "office_name", max_len=200, required=True)
    fp = bundle.normalize_fingerprint(fingerprint)
    if not fp:
        raise ValidationError("bad_fingerprint", "fingerprint", value=fingerprint)
    with db.write() as s:
        _require_province(s)
        taken = s.execute(
            select(ProvinceOffice).where(ProvinceOffice.fingerprint == fp)
        ).scalar_one_or_none()
        if taken is not None:
            raise ConflictError("duplicate_fingerprint", "fingerprint", value=taken.name)
        row = ProvinceOffice(name=clean_name, fingerprint=fp)
        s.add(row)
        s.flush()
        audit.record(s, actor, "register_office", "province_office", row.id,
                     after={"name": clean_name, "fingerprint": fp})  # fmt: skip
        return _registered(row)


def list_offices(db: Database, actor: Actor) -> list[RegisteredOffice]:
    actor.require("read")
    with db.read() as s:
        rows = s.execute(select(ProvinceOffice).order_by(ProvinceOffice.name)).scalars()
        return [_registered(o) for o in rows]


# --- at the province: bundles ----------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    folder: str
    office: str
    period: str
    #: "imported", "already_there" or "replaced".
    outcome: str
    bundle_id: int


@dataclass(frozen=True)
class _Checked:
    folder: Path
    manifest: dict[str, Any]
    digest: str
    figures: dict[str, Any]
    summary: Summary
    fingerprint: str
    public_key: str
    created_at: datetime
    version: str


def _refuse(key: str, folder: Path, **params: object) -> BundleRejected:
    return BundleRejected(key, None, folder=folder.name, **params)


def _check(folder: Path, today: date) -> _Checked | None:
    """A bundle checked on its own (files, signature, figures); None for a version that is
    not the province's (a donor copy on the same stick)."""
    try:
        manifest, raw, figures = bundle.read_bundle(folder)
    except bundle.BundleRefused as exc:
        if exc.reason == "too_old":
            loose = _loose_manifest(folder)
            audience = loose.get("audience") if loose else None
            if audience not in (None, "province"):
                return None
            if loose is not None and "signing" not in loose and (folder / bundle.FIGURES).exists():
                # This version's figures without a signature: an office whose database
                # has no key file (PostgreSQL) writes its province version unsigned.
                raise _refuse("bundle_unsigned", folder) from exc
            raise _refuse("bundle_too_old", folder, version=exc.detail, needed=__version__) from exc
        if exc.reason == "too_new":
            raise _refuse("bundle_too_new", folder, version=exc.detail) from exc
        if exc.reason == "bad_signature":
            raise _refuse("bundle_bad_signature", folder) from exc
        if exc.reason == "tampered":
            raise _refuse("bundle_tampered", folder, name=exc.detail) from exc
        raise _refuse("bundle_tampered", folder, name=exc.detail or "manifest.json") from exc
    audience = str(manifest.get("audience", ""))
    if audience != "province":
        return None
    try:
        summary = bundle.summary_from_plain(figures.get("summary"))
        created = datetime.fromisoformat(str(manifest["created_utc"]).replace("Z", "+00:00"))
        key = parse_period(str(manifest["period"]["key"]))
    except (
        ValueError, KeyError, TypeError, AttributeError, OverflowError, RecursionError,
        ServiceError,
    ) as exc:  # fmt: skip
        raise _refuse("bundle_tampered", folder, name=bundle.FIGURES) from exc
    if (summary.period.start, summary.period.end) != (key.start, key.end):
        raise _refuse("bundle_tampered", folder, name=bundle.FIGURES)
    if summary.audience != "province":
        raise _refuse("bundle_tampered", folder, name=bundle.FIGURES)
    if key.start > today:
        raise _refuse(
            "bundle_future",
            folder,
            period=key.label(_lang()),
            today=today.strftime("%d/%m/%Y"),
        )
    public = bundle.public_key_of(manifest)
    fp = bundle.fingerprint(public)
    if manifest["signing"].get("fingerprint") not in (None, fp):
        raise _refuse("bundle_bad_signature", folder)
    return _Checked(
        folder,
        manifest,
        hashlib.sha256(raw).hexdigest(),
        figures,
        summary,
        fp,
        public.hex(),
        created if created.tzinfo else created.replace(tzinfo=UTC),
        str(manifest.get("app_version", "")),
    )


def _lang() -> str:
    from tracker.i18n import get_language

    return get_language()


def _loose_manifest(folder: Path) -> dict[str, Any] | None:
    import json

    try:
        found = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return found if isinstance(found, dict) else None


def import_bundles(
    db: Database, actor: Actor, where: Path, *, today: date | None = None
) -> list[Imported]:
    """Take in every province bundle at ``where`` (a bundle's folder, or a stick holding
    some): all of them or, when one is refused, none (BundleRejected says which and why)."""
    actor.require("consolidate.write")
    today = today or date.today()
    where = Path(where)
    folders = bundle.find_bundles(where) if where.is_dir() else []
    checked = [c for c in (_check(f, today) for f in folders) if c is not None]
    if not checked:
        raise BundleRejected("bundle_not_found", None, path=str(where))
    now = datetime.now(UTC)
    done: list[Imported] = []
    with db.write() as s:
        _require_province(s)
        for c in checked:
            office = s.execute(
                select(ProvinceOffice).where(ProvinceOffice.fingerprint == c.fingerprint)
            ).scalar_one_or_none()
            if office is None:
                raise _refuse("bundle_unregistered", c.folder, fingerprint=c.fingerprint)
            period = c.summary.period
            same = s.execute(
                select(ProvinceBundle).where(ProvinceBundle.manifest_sha256 == c.digest)
            ).scalar_one_or_none()
            if same is not None:
                done.append(Imported(c.folder.name, office.name, period.key, "already_there",
                                     same.id))  # fmt: skip
                continue
            current = s.execute(
                select(ProvinceBundle).where(
                    ProvinceBundle.office_id == office.id,
                    ProvinceBundle.period_key == period.key,
                    ProvinceBundle.replaced_by_id.is_(None),
                )
            ).scalar_one_or_none()
            if current is not None and current.created_at > c.created_at:
                raise _refuse(
                    "bundle_older",
                    c.folder,
                    office=office.name,
                    period=period.label(_lang()),
                    made=current.created_at.strftime("%d/%m/%Y %H:%M"),
                )
            office.public_key = c.public_key
            office.prefix = c.summary.office_prefix[:12]
            row = ProvinceBundle(
                office_id=office.id,
                period_key=period.key,
                period_start=period.start,
                period_end=period.end,
                manifest_sha256=c.digest,
                created_at=c.created_at,
                app_version=c.version[:40],
                imported_at=now,
                imported_by=actor.username,
                figures=c.figures,
            )
            s.add(row)
            s.flush()
            outcome = "imported"
            details: dict[str, object] = {
                "office": office.name,
                "period": period.key,
                "folder": c.folder.name,
                "manifest_sha256": c.digest,
            }
            if current is not None:
                current.replaced_by_id = row.id
                current.replaced_at = now
                outcome = "replaced"
                details["replaces"] = current.id
            audit.record(s, actor, "bundle_" + outcome, "province_bundle", row.id, after=details)
            done.append(Imported(c.folder.name, office.name, period.key, outcome, row.id))
    return done


# --- the board -------------------------------------------------------------------------


@dataclass(frozen=True)
class BoardCell:
    #: "received", "late" (nothing came LATE_AFTER_DAYS after the quarter ended) or
    #: "waiting" (not late yet).
    state: str
    imported_at: datetime | None = None
    #: How many earlier bundles of this office and quarter a later one replaced.
    replaced: int = 0


@dataclass(frozen=True)
class BoardRow:
    office: str
    fingerprint: str
    cells: tuple[BoardCell, ...]


@dataclass(frozen=True)
class Replacement:
    office: str
    period: str
    earlier_made: datetime
    later_made: datetime
    replaced_at: datetime


@dataclass(frozen=True)
class Board:
    periods: tuple[Period, ...]
    rows: tuple[BoardRow, ...]
    replacements: tuple[Replacement, ...]


def board_quarters(today: date, count: int = BOARD_QUARTERS) -> tuple[Period, ...]:
    """The last ``count`` quarters that have ended by ``today``, oldest first."""
    last = quarter_of(quarter_of(today).start - timedelta(days=1))
    found = [last]
    while len(found) < count:
        found.append(quarter_of(found[-1].start - timedelta(days=1)))
    return tuple(reversed(found))


def board(db: Database, actor: Actor, *, today: date | None = None) -> Board:
    """Which offices sent which of the last quarters, which are late, which were
    replaced."""
    actor.require("read")
    today = today or date.today()
    periods = board_quarters(today)
    with db.read() as s:
        offices = s.execute(select(ProvinceOffice).order_by(ProvinceOffice.name)).scalars().all()
        bundles = s.execute(select(ProvinceBundle).order_by(ProvinceBundle.id)).scalars().all()
        by_id = {b.id: b for b in bundles}
        names = {o.id: o.name for o in offices}
        rows = []
        for o in offices:
            cells = []
            for p in periods:
                mine = [b for b in bundles if b.office_id == o.id and b.period_key == p.key]
                live = next((b for b in mine if b.replaced_by_id is None), None)
                if live is not None:
                    cells.append(BoardCell("received", live.imported_at, len(mine) - 1))
                elif today > p.end + timedelta(days=LATE_AFTER_DAYS):
                    cells.append(BoardCell("late"))
                else:
                    cells.append(BoardCell("waiting"))
            rows.append(BoardRow(o.name, o.fingerprint, tuple(cells)))
        replacements = tuple(
            Replacement(
                names.get(b.office_id, "?"),
                b.period_key,
                b.created_at,
                by_id[b.replaced_by_id].created_at,
                b.replaced_at or by_id[b.replaced_by_id].imported_at,
            )
            for b in bundles
            if b.replaced_by_id is not None and b.replaced_by_id in by_id
        )
    return Board(periods, tuple(rows), replacements)


# --- the provincial summary ------------------------------------------------------------


@dataclass(frozen=True)
class ProvinceFigures:
    """The province version: each office's summary as it sent it, their total, and the
    people counted once across offices (None where no bundle carried the hashes)."""

    total: Summary
    offices: tuple[Summary, ...]
    people_in_period: int | None = None
    people_to_end: int | None = None
    #: Offices whose bundle carried no hashes (or hashes under another key).
    offices_without_hashes: tuple[str, ...] = ()


def _add_counts(items: Iterable[Any], key: Any) -> tuple[Any, ...]:
    """Add up dataclasses of whole numbers that share ``key(item)``; text fields keep the
    first value seen, Amounts add their counts and keep a unit amount both agree on."""
    merged: dict[Any, Any] = {}
    order: list[Any] = []
    for item in items:
        k = key(item)
        if k not in merged:
            merged[k] = item
            order.append(k)
        else:
            merged[k] = _plus(merged[k], item)
    return tuple(merged[k] for k in order)


def _plus(a: Any, b: Any) -> Any:
    from dataclasses import fields

    changes: dict[str, Any] = {}
    for f in fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if f.name == "months_after" or isinstance(x, bool) or isinstance(y, bool):
            continue
        if isinstance(x, int) and isinstance(y, int):
            changes[f.name] = x + y
        elif isinstance(x, Amounts) or isinstance(y, Amounts):
            changes[f.name] = _amounts(x, y)
        elif isinstance(x, PeopleCount):
            changes[f.name] = _plus(x, y)
    return replace(a, **changes)


def _amounts(x: Amounts | None, y: Amounts | None) -> Amounts | None:
    if x is None or y is None:
        return x or y
    cash_unit = x.cash_unit if x.cash_unit == y.cash_unit or not y.cash_handovers else 0
    if not x.cash_handovers:
        cash_unit = y.cash_unit
    goods_unit = x.goods_unit if x.goods_unit == y.goods_unit or not y.goods_handovers else 0
    if not x.goods_handovers:
        goods_unit = y.goods_unit
    return Amounts(
        x.cash_handovers + y.cash_handovers,
        x.goods_handovers + y.goods_handovers,
        cash_unit,
        goods_unit,
    )


def merge_summaries(
    parts: Sequence[Summary], *, name: str, prefix: str, sign_off: SignOff | None = None
) -> Summary:
    """The province's total: every figure of the offices' summaries added up, group by
    group (places keep their codes: offices still on the former districts add their own
    rows)."""
    first = parts[0]
    people = PeopleFigures(
        total=_add_counts([p.people.total for p in parts], lambda c: 0)[0],
        by_sex=_add_counts([c for p in parts for c in p.people.by_sex], lambda c: c.key),
        by_age=_add_counts([c for p in parts for c in p.people.by_age], lambda c: c.key),
        by_ethnicity=_add_counts(
            [c for p in parts for c in p.people.by_ethnicity], lambda c: c.key
        ),
        by_commune=_add_counts([c for p in parts for c in p.people.by_commune], lambda c: c.key),
        by_category=_add_counts([c for p in parts for c in p.people.by_category], lambda c: c.key),
    )
    visits_total = _add_counts([p.visits_total for p in parts], lambda c: 0)[0]
    receipts = _add_counts([p.receipts for p in parts], lambda c: 0)[0]
    places = "district" if all(p.places == "district" for p in parts) else "commune"
    return Summary(
        office_name=name,
        office_prefix=prefix,
        period=first.period,
        audience="province",
        generated_at=datetime.now(UTC).replace(microsecond=0),
        people=people,
        support=_add_counts([r for p in parts for r in p.support], lambda r: r.grant_type),
        projects=_add_counts([r for p in parts for r in p.projects], lambda r: r.code),
        visits=_add_counts([r for p in parts for r in p.visits], lambda r: r.months_after),
        visits_total=visits_total,
        assets=_add_counts([r for p in parts for r in p.assets], lambda r: r.kind),
        receipts=receipts,
        excluded_people=sum(p.excluded_people for p in parts),
        support_by_category=_add_counts(
            [c for p in parts for c in p.support_by_category], lambda c: (c.grant_type, c.key)
        ),
        support_by_place=_add_counts(
            [c for p in parts for c in p.support_by_place], lambda c: (c.grant_type, c.key)
        ),
        people_by_category_sex_age=_add_counts(
            [c for p in parts for c in p.people_by_category_sex_age],
            lambda c: (c.category, c.sex, c.age),
        ),
        places=places,
        provisional=any(p.provisional for p in parts),
        sign_off=sign_off or SignOff(),
    )


def province_figures(db: Database, actor: Actor, period: Period) -> ProvinceFigures:
    """The province version of the period from the bundles taken in (the latest of each
    office)."""
    actor.require("read")
    with db.read() as s:
        _require_province(s)
        office = current_office(s)
        rows = s.execute(
            select(ProvinceBundle, ProvinceOffice.name)
            .join(ProvinceOffice, ProvinceOffice.id == ProvinceBundle.office_id)
            .where(
                ProvinceBundle.period_key == period.key,
                ProvinceBundle.replaced_by_id.is_(None),
            )
            .order_by(ProvinceOffice.name)
        ).all()
        name, prefix = office.name, office.receipt_prefix
        from tracker.services.figures import sign_off_of

        sign_off = sign_off_of(office, actor, datetime.now(UTC).date())
    if not rows:
        raise ValidationError("no_bundles_for_period", None, period=period.label(_lang()))
    offices = []
    hashes: dict[str, tuple[set[str], set[str]]] = {}
    without: list[str] = []
    for b, office_name in rows:
        summary = bundle.summary_from_plain(b.figures["summary"])
        offices.append(replace(summary, office_name=office_name, period=period))
        people = b.figures.get("people")
        if isinstance(people, dict) and isinstance(people.get("key_id"), str):
            got = hashes.setdefault(people["key_id"], (set(), set()))
            got[0].update(str(h) for h in people.get("in_period", []))
            got[1].update(str(h) for h in people.get("to_end", []))
        else:
            without.append(office_name)
    total = merge_summaries(offices, name=name, prefix=prefix, sign_off=sign_off)
    if not hashes:
        return ProvinceFigures(total, tuple(offices), offices_without_hashes=tuple(without))
    # The key most offices used; offices under another key are named, not counted once.
    main = max(hashes, key=lambda k: len(hashes[k][1]))
    for b, office_name in rows:
        people = b.figures.get("people")
        if isinstance(people, dict) and people.get("key_id") not in (None, main):
            without.append(office_name)
    in_period, to_end = hashes[main]
    return ProvinceFigures(
        total, tuple(offices), len(in_period), len(to_end), tuple(sorted(set(without)))
    )
