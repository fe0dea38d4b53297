"""Registering, editing, finding and consenting beneficiaries."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import (
    Integer,
    Select,
    column,
    func,
    literal,
    select,
    tuple_,
)
from sqlalchemy import text as text_sql
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.db.models import (
    SEARCH_INDEX,
    Beneficiary,
    Consent,
    Grant,
    GrantType,
    User,
    Visit,
)
from tracker.domain.ethnic import ETHNIC_CODES, ETHNIC_LIST
from tracker.domain.vocab import BENEFICIARY_STATUSES, CATEGORIES, CONSENT_KINDS, SEXES
from tracker.i18n.text import fold, sort_key
from tracker.services import audit, closing, duplicates, places, versions
from tracker.services import validate as v
from tracker.services.context import Actor
from tracker.services.duplicates import Candidate
from tracker.services.errors import ConflictError, NotFoundError, PossibleDuplicate, ValidationError
from tracker.services.office import current_office
from tracker.services.visits import cancel_open_visits

_ID_NUMBER = re.compile(r"^([0-9]{9}|[0-9]{12})$")
_PHONE = re.compile(r"^\+?[0-9 .]{6,20}$")
_UNIT_CODE = re.compile(r"^[0-9]{2,5}$")
MIN_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class BeneficiaryInput:
    full_name: str
    sex: str
    category: str
    ethnicity_code: str
    birth_date: date | None = None
    birth_year: int | None = None
    alias: str = ""
    code: str | None = None
    id_number: str | None = None
    phone: str = ""
    province_code: str | None = None
    commune_code: str | None = None
    village: str = ""
    address_text: str = ""
    status: str = "active"
    registered_on: date | None = None
    notes: str = ""
    #: The day the address (commune, village) refers to, when it is not the day it is saved:
    #: an address before the July 2025 reform typed in later. The commune code is read as
    #: the unit valid on that day.
    address_on: date | None = None
    #: The version of the record the edit was made from (``BeneficiaryView.version``): a
    #: save over a version someone else changed since is refused (EditConflict). None: not
    #: checked.
    version: int | None = None


@dataclass(frozen=True)
class BeneficiaryRow:
    id: int
    code: str
    full_name: str
    alias: str
    sex: str
    birth_year: int | None
    ethnicity_code: str
    commune_code: str | None
    village: str
    category: str
    status: str


@dataclass(frozen=True)
class ConsentView:
    kind: str
    given: bool
    decided_on: date
    recorded_by: str
    note: str


@dataclass(frozen=True, kw_only=True)
class BeneficiaryView(BeneficiaryRow):
    birth_date: date | None = None
    id_number: str | None = None
    phone: str = ""
    province_code: str | None = None
    address_text: str = ""
    registered_on: date | None = None
    notes: str = ""
    consents: tuple[ConsentView, ...] = field(default_factory=tuple)
    address_recorded_on: date | None = None
    version: int = 1

    def consent(self, kind: str) -> ConsentView | None:
        """The decision in force for one kind of consent (the latest recorded)."""
        latest = [c for c in self.consents if c.kind == kind]
        return latest[-1] if latest else None

    def as_input(self) -> BeneficiaryInput:
        return BeneficiaryInput(
            full_name=self.full_name,
            sex=self.sex,
            category=self.category,
            ethnicity_code=self.ethnicity_code,
            birth_date=self.birth_date,
            birth_year=self.birth_year,
            alias=self.alias,
            code=self.code,
            id_number=self.id_number,
            phone=self.phone,
            province_code=self.province_code,
            commune_code=self.commune_code,
            village=self.village,
            address_text=self.address_text,
            status=self.status,
            registered_on=self.registered_on,
            notes=self.notes,
            version=self.version,
        )


@dataclass(frozen=True)
class SearchFilter:
    text: str = ""
    commune_code: str | None = None
    category: str | None = None
    status: str | None = None
    grant_type: str | None = None


def _row(b: Beneficiary) -> BeneficiaryRow:
    return BeneficiaryRow(
        b.id,
        b.code,
        b.full_name,
        b.alias,
        b.sex,
        b.birth_year,
        b.ethnicity_code,
        b.commune_code,
        b.village,
        b.category,
        b.status,
    )


#: The columns of a :class:`BeneficiaryRow`, in its order.
_ROW_COLUMNS = (
    Beneficiary.id,
    Beneficiary.code,
    Beneficiary.full_name,
    Beneficiary.alias,
    Beneficiary.sex,
    Beneficiary.birth_year,
    Beneficiary.ethnicity_code,
    Beneficiary.commune_code,
    Beneficiary.village,
    Beneficiary.category,
    Beneficiary.status,
)


def _view(b: Beneficiary, consents: list[ConsentView]) -> BeneficiaryView:
    return BeneficiaryView(
        **_row(b).__dict__,
        birth_date=b.birth_date,
        id_number=b.id_number,
        phone=b.phone,
        province_code=b.province_code,
        address_text=b.address_text,
        registered_on=b.registered_on,
        notes=b.notes,
        consents=tuple(consents),
        address_recorded_on=b.address_recorded_on,
        version=b.version,
    )


def clean(data: BeneficiaryInput, today: date) -> dict[str, object]:
    """Validated, normalised column values; raises ValidationError on the first bad field."""
    full_name = v.text(data.full_name, "full_name", max_len=120, required=True)
    sex = v.choice(data.sex, "sex", SEXES)
    category = v.choice(data.category, "category", CATEGORIES)
    ethnicity = v.choice(data.ethnicity_code, "ethnicity", ETHNIC_CODES)
    birth_date = v.optional_date(
        data.birth_date,
        "birth_date",
        today=today,
        not_future=True,
        not_before=date(MIN_BIRTH_YEAR, 1, 1),
    )
    birth_year: int | None = None
    if data.birth_year is not None:
        birth_year = v.integer(data.birth_year, "birth_year")
        if not MIN_BIRTH_YEAR <= birth_year <= today.year:
            raise ValidationError("year_range", "birth_year", min=MIN_BIRTH_YEAR, max=today.year)
        if birth_date is not None and birth_date.year != birth_year:
            raise ValidationError("birth_mismatch", "birth_year")
    if birth_date is not None:
        birth_year = birth_date.year
    if birth_year is None:
        raise ValidationError("birth_missing", "birth_year")
    id_number = v.text(data.id_number, "id_number", max_len=20) or None
    if id_number is not None and not _ID_NUMBER.match(id_number):
        raise ValidationError("bad_id_number", "id_number")
    phone = v.text(data.phone, "phone", max_len=20)
    if phone and not _PHONE.match(phone):
        raise ValidationError("bad_phone", "phone")
    province = v.text(data.province_code, "province", max_len=8) or None
    commune = v.text(data.commune_code, "commune", max_len=8) or None
    for fname, unit in (("province", province), ("commune", commune)):
        if unit is not None and not _UNIT_CODE.match(unit):
            raise ValidationError("bad_unit_code", fname)
        if unit is not None and places.unit_as_recorded(unit) is None:
            raise ValidationError("unknown_unit", fname, value=unit)
    address_on = (
        v.a_date(data.address_on, "address", today=today, not_future=True)
        if data.address_on is not None
        else today
    )
    registered_on = v.a_date(
        data.registered_on or today,
        "registered_on",
        today=today,
        not_future=True,
        not_before=date(2000, 1, 1),
    )
    alias = v.text(data.alias, "alias", max_len=60)
    code = v.code(data.code, "code") if data.code not in (None, "") else None
    return {
        "full_name": full_name,
        "alias": alias,
        "code": code,
        "name_key": fold(full_name),
        "sort_key": sort_key(full_name),
        "sex": sex,
        "birth_date": birth_date,
        "birth_year": birth_year,
        "ethnicity_code": ethnicity,
        "ethnicity_list": ETHNIC_LIST,
        "id_number": id_number,
        "phone": phone,
        "province_code": province,
        "commune_code": commune,
        "village": v.text(data.village, "village", max_len=120),
        "address_text": v.text(data.address_text, "address", max_len=300),
        "address_recorded_on": address_on,
        "category": category,
        "status": v.choice(data.status, "status", BENEFICIARY_STATUSES),
        "registered_on": registered_on,
        "notes": v.multiline(data.notes, "notes", max_len=4000),
    }


def _search_key(values: dict[str, object]) -> str:
    return fold(f"{values['full_name']} {values['alias']} {values['code']}")


def _duplicates(s: Session, values: dict[str, object], exclude_id: int | None) -> list[Candidate]:
    return duplicates.find(s, values, exclude_id)


def find_duplicates(
    db: Database,
    actor: Actor,
    data: BeneficiaryInput,
    *,
    exclude_id: int | None = None,
    today: date | None = None,
) -> list[Candidate]:
    """People who may be the same (see ``tracker.services.duplicates``): in the same commune,
    the same name without diacritics, a name one letter apart or with a middle name missing;
    anywhere, the same ID number."""
    actor.require("read")
    values = clean(data, today or date.today())
    with db.read() as s:
        return _duplicates(s, values, exclude_id)


def _next_code(s: Session) -> str:
    prefix = current_office(s).receipt_prefix
    n = s.execute(select(func.count()).select_from(Beneficiary)).scalar_one() + 1
    while True:
        code = f"{prefix}-{n:05d}"
        taken = s.execute(select(Beneficiary.id).where(Beneficiary.code == code)).first()
        if taken is None:
            return code
        n += 1


def _check_code_free(s: Session, code: str, exclude_id: int | None) -> None:
    q = select(Beneficiary.id).where(Beneficiary.code == code)
    if exclude_id is not None:
        q = q.where(Beneficiary.id != exclude_id)
    if s.execute(q).first() is not None:
        raise ConflictError("duplicate_code", "code", value=code)


def _consents(s: Session, beneficiary_id: int) -> list[ConsentView]:
    rows = s.execute(
        select(Consent, User.username)
        .outerjoin(User, User.id == Consent.recorded_by_id)
        .where(Consent.beneficiary_id == beneficiary_id)
        .order_by(Consent.decided_on, Consent.id)
    ).all()
    return [ConsentView(c.kind, c.given, c.decided_on, u or "", c.note) for c, u in rows]


def register(
    db: Database,
    actor: Actor,
    data: BeneficiaryInput,
    *,
    allow_duplicate: bool = False,
    today: date | None = None,
) -> BeneficiaryView:
    """Register a person. Raises PossibleDuplicate unless ``allow_duplicate`` is given."""
    actor.require("beneficiary.write")
    today = today or date.today()
    values = clean(data, today)
    with db.write() as s:
        office = current_office(s)
        if not allow_duplicate:
            dups = _duplicates(s, values, None)
            if dups:
                raise PossibleDuplicate(dups)
        if values["code"] is None:
            values["code"] = _next_code(s)
        else:
            _check_code_free(s, str(values["code"]), None)
        b = Beneficiary(office_id=office.id, search_key=_search_key(values), **values)
        s.add(b)
        s.flush()
        audit.record(s, actor, "create", "beneficiary", b.id, after=audit.snapshot(b))
        return _view(b, [])


def edit(
    db: Database,
    actor: Actor,
    beneficiary_id: int,
    data: BeneficiaryInput,
    *,
    allow_duplicate: bool = False,
    today: date | None = None,
) -> BeneficiaryView:
    actor.require("beneficiary.write")
    today = today or date.today()
    values = clean(data, today)
    with db.write() as s:
        b = versions.load(
            s, Beneficiary, beneficiary_id, data.version, "beneficiary", lambda b: b.code
        )
        if not allow_duplicate:
            dups = _duplicates(s, values, b.id)
            if dups:
                raise PossibleDuplicate(dups)
        if values["code"] is None:
            values["code"] = b.code
        elif values["code"] != b.code:
            _check_code_free(s, str(values["code"]), b.id)
        if b.address_text == values["address_text"] and b.commune_code == values["commune_code"]:
            values["address_recorded_on"] = b.address_recorded_on
        before = audit.snapshot(b)
        for key, value in values.items():
            setattr(b, key, value)
        b.search_key = _search_key(values)
        s.flush()
        audit.record(
            s, actor, "update", "beneficiary", b.id, before=before, after=audit.snapshot(b)
        )
        if before["status"] == "active" and b.status != "active":
            # A file closed (moved away, deceased): nobody is to visit any more.
            cancel_open_visits(s, actor, Visit.beneficiary_id == b.id)
            s.flush()
        return _view(b, _consents(s, b.id))


def get(db: Database, actor: Actor, beneficiary_id: int) -> BeneficiaryView:
    actor.require("read")
    with db.read() as s:
        b = s.get(Beneficiary, beneficiary_id)
        if b is None:
            raise NotFoundError("beneficiary", beneficiary_id)
        return _view(b, _consents(s, b.id))


def get_by_code(db: Database, actor: Actor, code: str) -> BeneficiaryView:
    actor.require("read")
    with db.read() as s:
        b = s.execute(
            select(Beneficiary).where(Beneficiary.code == code.strip().upper())
        ).scalar_one_or_none()
        if b is None:
            raise NotFoundError("code", code)
        return _view(b, _consents(s, b.id))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


#: The trigram index finds words of at least this many letters; shorter ones are matched
#: among what the longer ones found (or, alone, along the list in its order).
TRIGRAM = 3


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


#: From this many people found by the index, a page is read along the list in its order
#: (checking each against what was found) rather than fetching every one found and
#: sorting them: "thi" finds most women, "BM-0123" ten people.
COMMON = 500


def _fts_query(text: str) -> str | None:
    """The FTS5 query for the typed words of three letters or more (None: there are none)."""
    long_words = [w for w in fold(text or "").split() if len(w) >= TRIGRAM]
    return " AND ".join(_fts_phrase(w) for w in long_words) or None


def _common(s: Session, text: str) -> bool:
    """The index finds at least :data:`COMMON` people for these words."""
    query = _fts_query(text)
    if query is None:
        return False
    found = s.execute(
        text_sql(
            f"SELECT count(*) FROM (SELECT rowid FROM {SEARCH_INDEX} "
            f"WHERE {SEARCH_INDEX} MATCH :fts_query LIMIT :most)"
        ),
        {"fts_query": query, "most": COMMON},
    ).scalar_one()
    return int(found) >= COMMON


def _text_matches(
    q: Select,  # type: ignore[type-arg]
    text: str,
    indexed: bool,
    common: bool = False,
) -> Select:  # type: ignore[type-arg]
    """Every typed word inside the folded name, alias or code. On SQLite the words of
    three letters or more go through the FTS5 trigram index (migration 0006); ``common``:
    many are found, and SQLite is kept from looking them up one by one (``id + 0``)."""
    words = fold(text or "").split()
    long_words = [w for w in words if len(w) >= TRIGRAM] if indexed else []
    query = _fts_query(text) if indexed else None
    if query is not None:
        found = text_sql(
            f"SELECT rowid FROM {SEARCH_INDEX} WHERE {SEARCH_INDEX} MATCH :fts_query"
        ).bindparams(fts_query=query)
        key = (Beneficiary.id + 0) if common else Beneficiary.id
        q = q.where(key.in_(found.columns(column("rowid", Integer))))
    for word in words:
        if word not in long_words:
            q = q.where(Beneficiary.search_key.like(f"%{_like_escape(word)}%", escape="\\"))
    return q


def _filtered(
    q: Select,  # type: ignore[type-arg]
    flt: SearchFilter,
    indexed: bool = False,
    common: bool = False,
) -> Select:  # type: ignore[type-arg]
    q = _text_matches(q, flt.text, indexed, common)
    if flt.commune_code:
        q = q.where(Beneficiary.commune_code == flt.commune_code)
    if flt.category:
        q = q.where(Beneficiary.category == flt.category)
    if flt.status:
        q = q.where(Beneficiary.status == flt.status)
    if flt.grant_type:
        q = q.where(
            Beneficiary.id.in_(
                select(Grant.beneficiary_id)
                .join(GrantType, GrantType.id == Grant.grant_type_id)
                .where(GrantType.code == flt.grant_type)
            )
        )
    return q


# Each order ends with the id, so that a page can start after a row (paging by key); an
# empty birth year or commune sorts first, as a NULL did.
SORTS = {
    "name": (Beneficiary.sort_key, Beneficiary.id),
    "code": (Beneficiary.code, Beneficiary.id),
    "birth_year": (func.coalesce(Beneficiary.birth_year, 0), Beneficiary.id),
    "commune": (func.coalesce(Beneficiary.commune_code, ""), Beneficiary.sort_key, Beneficiary.id),
    "category": (Beneficiary.category, Beneficiary.sort_key, Beneficiary.id),
    "registered": (Beneficiary.registered_on, Beneficiary.id),
    "sex": (Beneficiary.sex, Beneficiary.sort_key, Beneficiary.id),
    "ethnicity": (Beneficiary.ethnicity_code, Beneficiary.sort_key, Beneficiary.id),
    "village": (Beneficiary.village, Beneficiary.sort_key, Beneficiary.id),
    "status": (Beneficiary.status, Beneficiary.sort_key, Beneficiary.id),
}


def _indexed(db: Database) -> bool:
    return db.is_sqlite


def search(
    db: Database,
    actor: Actor,
    flt: SearchFilter | str = "",
    *,
    limit: int = 200,
    offset: int = 0,
    order: str = "name",
    descending: bool = False,
    after_id: int | None = None,
) -> list[BeneficiaryRow]:
    """People whose name, alias or code contains every typed word, with or without
    diacritics ("dang thi hong" finds "Đặng Thị Hồng Nhung"), one page at a time.

    ``after_id``: the page that follows that person's row in this order (paging by key:
    the cost of a page does not grow with how far down the list it is, as ``offset``'s
    does)."""
    actor.require("read")
    if isinstance(flt, str):
        flt = SearchFilter(text=flt)
    cols = SORTS.get(order, SORTS["name"])
    ordering = [c.desc() for c in cols] if descending else list(cols)
    indexed = _indexed(db)
    with db.read() as s:
        # The row's columns only (no ORM objects to build for a page of 200).
        common = indexed and _common(s, flt.text)
        # Many found: the page's ids first, along the order's index alone, then their rows
        # (reading every row to check it would read the whole register).
        q = _filtered(select(Beneficiary.id if common else _ROW_COLUMNS[0], *(
            () if common else _ROW_COLUMNS[1:])), flt, indexed, common)  # fmt: skip
        if after_id is not None:
            key = s.execute(select(*cols).where(Beneficiary.id == after_id)).one_or_none()
            if key is None:
                return []
            here, there = tuple_(*cols), tuple_(*(literal(v) for v in key))
            q = q.where(here < there if descending else here > there)
        q = q.order_by(*ordering).limit(limit)
        if offset:
            q = q.offset(offset)
        if common:
            q = select(*_ROW_COLUMNS).where(Beneficiary.id.in_(q)).order_by(*ordering)
        return [BeneficiaryRow(*r) for r in s.execute(q)]


def count(
    db: Database, actor: Actor, flt: SearchFilter | str = "", *, at_most: int | None = None
) -> int:
    """How many people match; with ``at_most``, counting stops there (a list shows "more
    than" instead of reading every match)."""
    actor.require("read")
    if isinstance(flt, str):
        flt = SearchFilter(text=flt)
    indexed = _indexed(db)
    query = _fts_query(flt.text) if indexed else None
    only_text = not (flt.commune_code or flt.category or flt.status or flt.grant_type)
    if query is not None and only_text and all(len(w) >= TRIGRAM for w in fold(flt.text).split()):
        # Every word is in the index and nothing else is asked: the index counts alone.
        found = f"SELECT rowid FROM {SEARCH_INDEX} WHERE {SEARCH_INDEX} MATCH :fts_query"
        if at_most is not None:
            found += f" LIMIT {int(at_most)}"
        with db.read() as s:
            return int(
                s.execute(
                    text_sql(f"SELECT count(*) FROM ({found})"), {"fts_query": query}
                ).scalar_one()
            )
    if at_most is None:
        q = _filtered(select(func.count()).select_from(Beneficiary), flt, indexed)
    else:
        ids = _filtered(select(Beneficiary.id), flt, indexed).limit(at_most).subquery()
        q = select(func.count()).select_from(ids)
    with db.read() as s:
        return int(s.execute(q).scalar_one())


def record_consent(
    db: Database,
    actor: Actor,
    beneficiary_id: int,
    kind: str,
    given: bool,
    *,
    decided_on: date | None = None,
    note: str = "",
    today: date | None = None,
) -> BeneficiaryView:
    """Record a consent decision (given or withdrawn); the latest decision of a kind rules."""
    actor.require("consent.write")
    today = today or date.today()
    kind = v.choice(kind, "consent_kind", CONSENT_KINDS)
    if not isinstance(given, bool):
        raise ValidationError("choice", "consent_kind", value=given)
    decided = v.a_date(decided_on or today, "decided_on", today=today, not_future=True)
    note = v.text(note, "notes", max_len=300)
    with db.write() as s:
        closing.ensure_open(s, decided, "decided_on")
        b = s.get(Beneficiary, beneficiary_id)
        if b is None:
            raise NotFoundError("beneficiary", beneficiary_id)
        c = Consent(
            beneficiary_id=b.id,
            kind=kind,
            given=given,
            decided_on=decided,
            recorded_by_id=actor.user_id,
            note=note,
        )
        s.add(c)
        s.flush()
        audit.record(s, actor, "consent", "beneficiary", b.id, after=audit.snapshot(c))
        return _view(b, _consents(s, b.id))


def with_changes(view: BeneficiaryView, **changes: object) -> BeneficiaryInput:
    """An edit form's starting point: the saved values with some fields changed."""
    return replace(view.as_input(), **changes)  # type: ignore[arg-type]


def record_view(
    db: Database, actor: Actor, beneficiary_id: int | None, what: str = "profile"
) -> None:
    """Log that someone looked at a person's record (who saw what), in the audit trail."""
    actor.require("read")
    what = v.choice(what, "description", ("profile", "names", "line_list", "receipt"))
    if what == "names":
        actor.require("names.read")
    with db.write() as s:
        audit.record(s, actor, "view", "beneficiary", beneficiary_id, after={"what": what})


def record_names_shown(
    db: Database, actor: Actor, beneficiary_ids: Sequence[int], where: str = "search"
) -> None:
    """Check that the caller's role may see full names in a list, and log whose names were
    shown (one event for the whole list)."""
    actor.require("names.read")
    where = v.choice(where, "description", ("search", "list"))
    ids = sorted({int(i) for i in beneficiary_ids})
    with db.write() as s:
        audit.record(
            s,
            actor,
            "view",
            "beneficiary",
            None,
            after={"what": "names", "where": where, "count": len(ids), "ids": ids[:1000]},
        )
